//! Every string the widget shows or announces, with the clinic's English defaults.
//!
//! The facts come from the clinic's own article on lower back pain, restated in our words.
//! Each string has a config key (`ui.title`, `regions.psoas.cause`, `stretchSteps`), so a
//! marketer can replace any of them, or all of them to translate the widget.
//! `{name}`, `{side}` and `{clinic}` in a string are filled in where it is shown.

use crate::regions::{Region, Side, Target};
use alloc::{borrow::Cow, string::String, vec::Vec};

pub type Text = Cow<'static, str>;

macro_rules! text_keys {
    ($(#[$m:meta])* $enum:ident, $table:ident { $($variant:ident = $key:literal : $default:expr,)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $enum { $($variant),* }
        /// Config key and English default of each variant, in declaration order.
        pub const $table: &[(&str, &str)] = &[$(($key, $default)),*];
    };
}

text_keys! {
    /// The widget's own words: headings, labels, the booking button, the red flags.
    Ui, UI_TEXT {
        Title = "title": "Where does your lower back hurt?",
        Intro = "intro": "Tap where it aches to see which muscle is likely involved, why it hurts, how we treat it and what helps at home. On a keyboard, Tab to the map and use the arrow keys.",
        MapLabel = "mapLabel": "Lower back and hips: choose an area",
        OverviewHeading = "overviewHeading": "On the map",
        IntroSelfCare = "introSelfCare": "Whichever area it is, stretching your hips between sessions keeps the lower back flexible.",
        BackView = "backView": "Back view",
        SideView = "sideView": "Side view",
        SideViewNote = "sideViewNote": "Psoas: deep, in front of the spine",
        Front = "front": "Front",
        Back = "back": "Back",
        Left = "left": "Left",
        Right = "right": "Right",
        LeftSide = "leftSide": "left side",
        RightSide = "rightSide": "right side",
        BothSides = "bothSides": "both sides",
        SideNotChosen = "sideNotChosen": "side not chosen",
        RegionLabel = "regionLabel": "{name}, {side}",
        Announce = "announce": "Showing {name}, {side}.",
        AnnounceOverview = "announceOverview": "Back to the overview; no area selected.",
        WhereHeading = "whereHeading": "Where it is",
        CauseHeading = "causeHeading": "Why it hurts",
        TreatmentHeading = "treatmentHeading": "How we treat it",
        SelfCareHeading = "selfCareHeading": "At home: the doorway stretch",
        BookLabel = "bookLabel": "Book a Lower Back Relief session",
        BookNote = "bookNote": "At {clinic} we work on the muscles behind the pain, not only the spot that hurts.",
        RedFlagsHeading = "redFlagsHeading": "Kidney pain or back pain?",
        RedFlagsBack = "redFlagsBack": "Back pain usually shifts as you move: bending, twisting or standing makes it worse, and rest eases it.",
        RedFlagsKidney = "redFlagsKidney": "Kidney pain tends to stay the same whatever you do, and can come with a fever, nausea or changes when you pass urine.",
        RedFlagsAdvice = "redFlagsAdvice": "If the pain never lets up, or you have a fever or other symptoms, see a doctor first; massage may not be the answer.",
        Disclaimer = "disclaimer": "General information, not medical advice or a diagnosis.",
        // Booking providers (src/booking.rs): the note written into the provider's booking field.
        TherapistNote = "therapistNote": "Lower back map: {name}, {side}",
        // Teach (issue 14, `crate::teach`, `dom/teach.rs`): "Which sounds like yours?", where the
        // pain is felt, the kidney check, copy link.
        FeelingsHeading = "feelingsHeading": "Which sounds like yours?",
        FeelingsHint = "feelingsHint": "Tick any that fit. The map then marks the area the clinic's article links to each feeling: something to read about, not a diagnosis.",
        FeelingDeepAche = "feelingDeepAche": "A deep ache that feels as if it needs firm pressure",
        FeelingOneSide = "feelingOneSide": "One side feels shorter or tighter than the other",
        FeelingSharpDimples = "feelingSharpDimples": "A sharp pain around the dimples above the buttocks when you stand up, walk or turn over in bed",
        FeelingTiresStrains = "feelingTiresStrains": "A lower back that tires and strains",
        FeelingLongSitting = "feelingLongSitting": "Pain that builds over long hours of sitting",
        SuggestLead = "suggestLead": "The article links what you ticked to these areas, marked on the map:",
        SuggestOpen = "suggestOpen": "Read about {name}",
        FeltHeading = "feltHeading": "Where you feel it",
        FeltQl = "feltQl": "Its deep ache sits in the lower back itself, on the same side as the tight muscle.",
        FeltSiJoint = "feltSiJoint": "Its pain sits at the small dimple above the buttock, on the same side as the joint.",
        FeltGlutes = "feltGlutes": "It starts in the hips, but you feel it in the lower back.",
        FeltPsoas = "feltPsoas": "It starts deep in the front of the hip, but you feel it in the lower back.",
        FeltLegend = "feltLegend": "Hatched on the map: where this pain is felt ({place}, {side})",
        FeltLowerBack = "feltLowerBack": "lower back",
        FeltDimple = "feltDimple": "dimple above the buttock",
        CheckLegend = "checkLegend": "Does any of this fit your pain?",
        CheckConstant = "checkConstant": "It stays the same whatever you do",
        CheckFever = "checkFever": "Fever",
        CheckNausea = "checkNausea": "Nausea",
        CheckUrine = "checkUrine": "Changes when you pass urine",
        CheckNone = "checkNone": "None of these",
        CheckPrivate = "checkPrivate": "Your answers stay on this page: they are not stored or sent anywhere.",
        DoctorFirstHeading = "doctorFirstHeading": "See a doctor first",
        DoctorFirst = "doctorFirst": "The clinic's article lists what you ticked as a sign that the pain may come from the kidneys rather than the back. See a doctor before you book a massage: massage may not be the right help.",
        CopyLink = "copyLink": "Copy link",
        CopyDone = "copyDone": "Link copied.",
        CopyFailed = "copyFailed": "Your browser did not allow copying. The link is in the box below, selected: copy it from there.",
        CopyField = "copyField": "Link to this page",
        StretchAlt = "stretchAlt": "Drawing of the doorway stretch, seen from the side: standing in a doorway with both hands on the frame, one foot a step forward, leaning gently until the front of the hip stretches. Its marks 1 to 4 match the steps.",
    }
}

/// What the panel says about one region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegionField {
    Name,
    Alias,
    Location,
    Cause,
    Treatment,
    SelfCare,
}

/// Config key of each [`RegionField`], in declaration order.
pub const REGION_FIELDS: [&str; 6] = ["name", "alias", "location", "cause", "treatment", "selfCare"];

/// English defaults per region, in [`Region::ALL`] order, fields in [`REGION_FIELDS`] order.
const REGION_TEXT: [[&str; 6]; 4] = [
    [
        "Quadratus lumborum",
        "QL, the deep lower-back muscle",
        "Deep in your lower back on each side of the spine, filling the space between the lowest rib and the top of the hip bone.",
        "A tight QL gives a deep ache that feels as if it wants firm pressure. Slouching, sitting lopsided or lifting badly can tighten it; it then hitches that side of the pelvis upward, so your back stiffens and one side feels shorter or tighter than the other.",
        "Slow, deep strokes lengthen the QL and the paraspinal muscles along the spine. Once the QL lets go, the ribcage and pelvis move more freely, which gives the spine room and eases the squeeze on it.",
        "Stretching your hips between sessions keeps the whole lower back supple.",
    ],
    [
        "Sacroiliac joint",
        "SI joint dimples",
        "Under the two small dimples just above the buttocks, where the base of the spine joins the pelvis.",
        "When the muscles around the joint tighten, it stops moving as it should. That often shows up as a sharp pain as you get up, walk, or roll over in bed.",
        "Myofascial release: steady, sustained pressure softens the fascia, the connective tissue around the muscles, and loosens the muscles around the joint so it can move freely again.",
        "Stretching your hips between sessions helps the muscles around the joint stay loose.",
    ],
    [
        "Glutes",
        "Gluteus medius and gluteus maximus",
        "The buttock and the side of the hip: gluteus maximus forms the buttock, and gluteus medius sits above and to the side of it, just under the rim of the pelvis.",
        "Tight glutes leave the lower-back muscles doing extra work, so they tire and strain.",
        "We release the gluteus medius and the deep hip rotators. Freeing them takes load off the lower back and brings hips and back into balance again; the back rarely settles fully while the hips stay tight.",
        "Stretching your hips between sessions keeps the glutes from loading your lower back.",
    ],
    [
        "Psoas",
        "The deep hip flexor",
        "Deep inside you, on the front of the lumbar spine, running down through the pelvis to the top of the thigh. It cannot be seen from behind, so the side view shows it.",
        "A tight psoas pulls the lumbar spine forward into too deep an arch, which squeezes the spine and adds to the pain. Long hours of sitting are one of the most common reasons it shortens.",
        "Hip treatment to release the muscles around the hip, and a daily doorway stretch at home to keep the psoas long.",
        "This stretch works on the psoas directly and takes pressure off the lumbar spine.",
    ],
];

/// The doorway stretch, in order.
pub const STRETCH_STEPS: [&str; 4] = [
    "Stand in an open doorway.",
    "Rest your hands on the door frame.",
    "Take a step forward with one foot.",
    "Lean gently until the front of your hip feels a stretch.",
];

/// Config key of the stretch steps list.
pub const STRETCH_KEY: &str = "stretchSteps";

#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    ui: Vec<Text>,
    regions: Vec<Vec<Text>>,
    pub stretch_steps: Vec<Text>,
}

impl Default for Content {
    fn default() -> Self {
        Content {
            ui: UI_TEXT.iter().map(|(_, d)| Cow::Borrowed(*d)).collect(),
            regions: REGION_TEXT.iter().map(|r| r.iter().map(|d| Cow::Borrowed(*d)).collect()).collect(),
            stretch_steps: STRETCH_STEPS.iter().map(|d| Cow::Borrowed(*d)).collect(),
        }
    }
}

impl Content {
    pub fn ui(&self, key: Ui) -> &str {
        &self.ui[key as usize]
    }

    pub fn region(&self, region: Region, field: RegionField) -> &str {
        &self.regions[region.index()][field as usize]
    }

    pub fn side(&self, side: Side) -> &str {
        self.ui(match side {
            Side::Left => Ui::LeftSide,
            Side::Right => Ui::RightSide,
            Side::Both => Ui::BothSides,
            Side::NotChosen => Ui::SideNotChosen,
        })
    }

    /// The accessible name of a target: "Quadratus lumborum, left side"; "…, side not chosen"
    /// for a region opened without a side, which also tells the visitor a side can be chosen.
    pub fn target_label(&self, target: Target) -> String {
        self.fill(self.ui(Ui::RegionLabel), target)
    }

    /// A template with `{name}` and `{side}` of the target filled in.
    pub fn fill(&self, template: &str, target: Target) -> String {
        let named = fill_in(template, "name", self.region(target.region, RegionField::Name));
        fill_in(&named, "side", self.side(target.side))
    }

    /// The text slot a config key names: `ui.title` or `regions.si-joint.cause`.
    pub fn slot_mut(&mut self, group: &str, region: Option<&str>, key: &str) -> Option<&mut Text> {
        match (group, region) {
            ("ui", None) => {
                let i = UI_TEXT.iter().position(|(k, _)| *k == key)?;
                Some(&mut self.ui[i])
            }
            ("regions", Some(id)) => {
                let r = Region::from_id(id)?;
                let i = REGION_FIELDS.iter().position(|k| *k == key)?;
                Some(&mut self.regions[r.index()][i])
            }
            _ => None,
        }
    }

    /// Every string with its config key, for the checks below.
    #[cfg(test)]
    fn entries(&self) -> Vec<(String, &str)> {
        let mut all: Vec<(String, &str)> =
            UI_TEXT.iter().zip(&self.ui).map(|((k, _), v)| (["ui.", k].concat(), v.as_ref())).collect();
        for r in Region::ALL {
            for (k, v) in REGION_FIELDS.iter().zip(&self.regions[r.index()]) {
                all.push((["regions.", r.id(), ".", k].concat(), v.as_ref()));
            }
        }
        for step in &self.stretch_steps {
            all.push((String::from(STRETCH_KEY), step.as_ref()));
        }
        all
    }
}

/// First strong isolate and pop directional isolate: a value between them is laid out as a
/// unit, so a name with right-to-left text or a U+202E override cannot reorder the words
/// around it (Unicode bidi algorithm, rule X5c/X6a).
pub const ISOLATE: (char, char) = ('\u{2068}', '\u{2069}');

/// `template` with every `{key}` replaced by `value`, isolated ([`ISOLATE`]):
/// `template.replace("{key}", "\u{2068}value\u{2069}")` for a key without braces, but without
/// `str::replace`'s general substring search, which is a large part of the wasm.
pub fn fill_in(template: &str, key: &str, value: &str) -> String {
    let mut pieces = template.split('{');
    let mut out = String::from(pieces.next().unwrap_or_default());
    for piece in pieces {
        match piece.strip_prefix(key).and_then(|rest| rest.strip_prefix('}')) {
            Some(rest) => {
                out.push(ISOLATE.0);
                out.push_str(value);
                out.push(ISOLATE.1);
                out.push_str(rest);
            }
            None => {
                out.push('{');
                out.push_str(piece);
            }
        }
    }
    out
}

/// The `lang` and `dir` the widget's top element declares, from the page's `lang` and `dir` (the
/// element's own or its nearest ancestor's) and the element's own `dir`. The widget speaks the
/// page's language when that is English, or when a text pack or the site's own strings supply its
/// text (`translated`); otherwise its text is the built-in English, so it says so and runs left
/// to right: a screen reader then reads it with an English voice, and an Arabic or Hebrew page
/// does not reorder its headings' punctuation. A `dir` on the element itself always wins.
pub fn declared_language(
    page_lang: Option<&str>,
    page_dir: Option<&str>,
    own_dir: Option<&str>,
    translated: bool,
) -> (Option<String>, Option<String>) {
    let english = page_lang.is_none_or(|l| l.split('-').next().is_some_and(|p| p.trim().eq_ignore_ascii_case("en")));
    if english || translated {
        (page_lang.map(String::from), own_dir.or(page_dir).map(String::from))
    } else {
        (Some("en".into()), Some(own_dir.unwrap_or("ltr").into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regions::TARGETS;

    #[test]
    fn every_string_is_present_and_not_empty() {
        let c = Content::default();
        let entries = c.entries();
        assert_eq!(entries.len(), UI_TEXT.len() + 4 * REGION_FIELDS.len() + STRETCH_STEPS.len());
        for (key, text) in entries {
            assert!(!text.trim().is_empty(), "{key} is empty");
            assert_eq!(text.trim(), text, "{key} has stray spaces");
        }
    }

    #[test]
    fn every_region_has_every_field() {
        let c = Content::default();
        for r in Region::ALL {
            for (i, key) in REGION_FIELDS.iter().enumerate() {
                let field = c.regions[r.index()].get(i);
                assert!(field.is_some_and(|f| f.len() > 3), "{} lacks {key}", r.id());
            }
        }
    }

    #[test]
    fn config_keys_are_unique() {
        let c = Content::default();
        let mut keys: Vec<String> = c.entries().into_iter().map(|(k, _)| k).filter(|k| k != STRETCH_KEY).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }

    #[test]
    fn fill_in_replaces_like_str_replace() {
        for template in ["", "{name}", "a {name}, {name}.", "{{name}}", "{nam", "{side} {name", "é{name}ü{", "{name}}{"] {
            assert_eq!(fill_in(template, "name", "X{y}"), template.replace("{name}", "\u{2068}X{y}\u{2069}"), "{template}");
        }
    }

    // Checked by dropping the ISOLATE pushes once: every assertion below fails.
    #[test]
    fn inserted_values_are_isolated_so_they_cannot_reorder_the_sentence() {
        let mut c = Content::default();
        *c.slot_mut("regions", Some("ql"), "name").unwrap() = Cow::Borrowed("Evil \u{202E}nosiop");
        let label = c.target_label(TARGETS[0]);
        assert_eq!(label, "\u{2068}Evil \u{202E}nosiop\u{2069}, \u{2068}left side\u{2069}");
        // The override opened in the name is closed by the isolate's end, before ", left side".
        let (inside, after) = label.split_once('\u{2069}').unwrap();
        assert!(inside.contains('\u{202E}') && !after.contains('\u{202E}'));
        let note = fill_in(c.ui(Ui::BookNote), "clinic", "\u{202E}At Evil Spa");
        assert!(note.contains("\u{2068}\u{202E}At Evil Spa\u{2069} we work"), "{note}");
        let announce = c.fill(c.ui(Ui::Announce), TARGETS[6]);
        assert_eq!(announce, "Showing \u{2068}Psoas\u{2069}, \u{2068}both sides\u{2069}.");
    }

    fn plain_fill(c: &Content, template: Ui, target: Target) -> String {
        c.fill(c.ui(template), target).replace([ISOLATE.0, ISOLATE.1], "")
    }

    #[test]
    fn labels_name_the_muscle_and_the_persons_side() {
        let c = Content::default();
        let plain = |t| c.target_label(t).replace([ISOLATE.0, ISOLATE.1], "");
        assert_eq!(plain(TARGETS[0]), "Quadratus lumborum, left side");
        assert_eq!(plain(TARGETS[3]), "Sacroiliac joint, right side");
        assert_eq!(plain(TARGETS[6]), "Psoas, both sides");
        let whole = Target::new(Region::SiJoint, Side::NotChosen);
        assert_eq!(plain(whole), "Sacroiliac joint, side not chosen", "no side is claimed");
        assert_eq!(plain_fill(&c, Ui::Announce, whole), "Showing Sacroiliac joint, side not chosen.");
        let labels: Vec<String> = TARGETS.iter().map(|t| c.target_label(*t)).collect();
        for l in &labels {
            assert_eq!(labels.iter().filter(|o| *o == l).count(), 1, "{l} is not unique");
        }
    }

    #[test]
    fn treatments_match_the_clinics_techniques() {
        let c = Content::default();
        let treat = |r| c.region(r, RegionField::Treatment).to_lowercase();
        assert!(treat(Region::Ql).contains("slow, deep strokes") && treat(Region::Ql).contains("paraspinal"));
        assert!(treat(Region::Glutes).contains("gluteus medius") && treat(Region::Glutes).contains("hip rotators"));
        assert!(treat(Region::SiJoint).contains("myofascial release") && treat(Region::SiJoint).contains("fascia"));
        assert!(treat(Region::Psoas).contains("hip") && treat(Region::Psoas).contains("doorway stretch"));
    }

    #[test]
    fn red_flags_name_the_signs_that_point_away_from_the_back() {
        let c = Content::default();
        let kidney = c.ui(Ui::RedFlagsKidney).to_lowercase();
        for sign in ["same", "fever", "nausea", "urine"] {
            assert!(kidney.contains(sign), "kidney text lacks {sign}");
        }
        assert!(c.ui(Ui::RedFlagsBack).contains("move"));
        assert!(c.ui(Ui::RedFlagsAdvice).contains("doctor"));
        assert!(c.ui(Ui::BookLabel).contains("Lower Back Relief"));
    }

    #[test]
    fn slots_resolve_config_keys() {
        let mut c = Content::default();
        *c.slot_mut("ui", None, "title").unwrap() = Cow::Borrowed("¿Dónde le duele?");
        *c.slot_mut("regions", Some("si-joint"), "name").unwrap() = Cow::Borrowed("Articulación sacroilíaca");
        assert_eq!(c.ui(Ui::Title), "¿Dónde le duele?");
        assert_eq!(c.region(Region::SiJoint, RegionField::Name), "Articulación sacroilíaca");
        assert!(c.slot_mut("ui", None, "nope").is_none());
        assert!(c.slot_mut("regions", Some("knee"), "name").is_none());
        assert!(c.slot_mut("regions", None, "name").is_none());
    }

    #[test]
    fn the_widget_declares_the_language_its_text_is_in() {
        let lang = |page_lang, page_dir, own_dir, translated| {
            let (l, d) = declared_language(page_lang, page_dir, own_dir, translated);
            (l.as_deref().map(String::from), d.as_deref().map(String::from))
        };
        let pair = |l: &str, d: Option<&str>| (Some(l.to_string()), d.map(String::from));
        // English, or a language a pack or the site's strings translate: the page's, as it is.
        assert_eq!(lang(Some("en-GB"), None, None, false), pair("en-GB", None));
        assert_eq!(lang(None, None, None, false), (None, None));
        assert_eq!(lang(Some("es"), None, None, true), pair("es", None));
        assert_eq!(lang(Some("ar"), Some("rtl"), None, true), pair("ar", Some("rtl")));
        // A page in a language nothing translates: the built-in English, left to right.
        assert_eq!(lang(Some("ar"), Some("rtl"), None, false), pair("en", Some("ltr")));
        assert_eq!(lang(Some("fr"), None, None, false), pair("en", Some("ltr")));
        assert_eq!(lang(Some(""), None, None, false), pair("en", Some("ltr")));
        // The element's own dir wins either way.
        assert_eq!(lang(Some("ar"), Some("rtl"), Some("rtl"), false), pair("en", Some("rtl")));
        assert_eq!(lang(Some("en"), Some("rtl"), Some("ltr"), false), pair("en", Some("ltr")));
    }
}
