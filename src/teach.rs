//! What the clinic's article teaches, as data: which feelings it links to which region, where
//! each region's pain is felt, and the kidney check. Plain data and functions, no DOM.
//!
//! Everything here restates `clinic-article.txt`; each table row quotes, in a comment, the
//! article line it comes from. Nothing is scored or ranked: feelings give a *set* of regions.
//!
//! Privacy by construction: the kidney check's answers live only in [`KidneyCheck`], which has
//! no id, no text form and no serialisation. The shell reads two things out of it, which boxes
//! are ticked (to draw them) and [`KidneyCheck::doctor_first`] (to switch the view). Every
//! payload that leaves the widget is built from other types: the booking link from an
//! `Option<Target>` and the texts (`booking::href`), the analytics payload from an
//! `Option<Target>` and the widget's name (`analytics::Payload::new`), the `region-select` and
//! `booking-click` details from an `Option<Target>` (`dom::widget`), the `feeling-select` payload from
//! [`Feelings`] ([`feeling_select`]), the copied link from an `Option<Target>` ([`share_link`]).
//! The test `no_payload_can_carry_the_check` pins those signatures.

use crate::config::concat;
use crate::content::Ui;
use crate::regions::{Region, Side, Target};
use alloc::{string::String, vec::Vec};

/// A feeling the article describes, in the visitor's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feeling {
    DeepAche,
    OneSide,
    SharpDimples,
    TiresStrains,
    LongSitting,
}

impl Feeling {
    pub const ALL: [Feeling; 5] =
        [Feeling::DeepAche, Feeling::OneSide, Feeling::SharpDimples, Feeling::TiresStrains, Feeling::LongSitting];

    /// The stable id used in the `feeling-select` event (and, if a clinic opts in, analytics).
    pub fn id(self) -> &'static str {
        match self {
            Feeling::DeepAche => "deep-ache",
            Feeling::OneSide => "one-side-tight",
            Feeling::SharpDimples => "sharp-at-dimples",
            Feeling::TiresStrains => "tires-and-strains",
            Feeling::LongSitting => "long-sitting",
        }
    }

    pub fn from_id(id: &str) -> Option<Feeling> {
        Feeling::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The string the visitor reads.
    pub fn label(self) -> Ui {
        match self {
            Feeling::DeepAche => Ui::FeelingDeepAche,
            Feeling::OneSide => Ui::FeelingOneSide,
            Feeling::SharpDimples => Ui::FeelingSharpDimples,
            Feeling::TiresStrains => Ui::FeelingTiresStrains,
            Feeling::LongSitting => Ui::FeelingLongSitting,
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Which regions the article ties to each feeling. A row may name several regions; today each
/// names one. Each comment points at the article's line (section, sentence), in our words.
pub const FEELING_REGIONS: [(Feeling, &[Region]); 5] = [
    // "The Deep Achers", sentence 2: the QL is behind a deep ache that seems to ask for firm pressure.
    (Feeling::DeepAche, &[Region::Ql]),
    // "The Deep Achers", sentence 3: a tight QL lifts the pelvis; one side feels shorter or tighter.
    (Feeling::OneSide, &[Region::Ql]),
    // "The SI Joint", sentences 1 and 3: pain at the dimples above the buttocks, sharp on getting
    // up, walking or turning over in bed.
    (Feeling::SharpDimples, &[Region::SiJoint]),
    // "The Hip Connection", sentence 2: tight glutes overwork the lower-back muscles until they
    // tire and strain.
    (Feeling::TiresStrains, &[Region::Glutes]),
    // "The Hip Connection", sentences 3 and 4: a tight psoas deepens the lumbar arch and adds to
    // the pain; long sitting is a main cause.
    (Feeling::LongSitting, &[Region::Psoas]),
];

/// A set of feelings (what the visitor ticked).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Feelings(u8);

impl Feelings {
    pub const NONE: Feelings = Feelings(0);

    pub fn contains(self, f: Feeling) -> bool {
        self.0 & f.bit() != 0
    }

    pub fn with(self, f: Feeling) -> Feelings {
        Feelings(self.0 | f.bit())
    }

    pub fn toggle(&mut self, f: Feeling) {
        self.0 ^= f.bit();
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Only the feelings that are in both sets.
    pub fn and(self, other: Feelings) -> Feelings {
        Feelings(self.0 & other.0)
    }

    /// The feelings in the set, in [`Feeling::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Feeling> {
        Feeling::ALL.into_iter().filter(move |f| self.contains(*f))
    }
}

/// A set of regions (what the map marks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Regions(u8);

impl Regions {
    pub fn contains(self, r: Region) -> bool {
        self.0 & (1 << r.index()) != 0
    }

    fn with(self, r: Region) -> Regions {
        Regions(self.0 | 1 << r.index())
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The regions in the set, in [`Region::ALL`] order (the map's order, not a ranking).
    pub fn iter(self) -> impl Iterator<Item = Region> {
        Region::ALL.into_iter().filter(move |r| self.contains(*r))
    }
}

/// The regions the article links to any of the chosen feelings: a set, never a ranking.
pub fn regions_for(chosen: Feelings) -> Regions {
    FEELING_REGIONS
        .iter()
        .filter(|(f, _)| chosen.contains(*f))
        .flat_map(|(_, regions)| regions.iter())
        .fold(Regions::default(), |set, r| set.with(*r))
}

/// The `feeling-select` event's detail: `{feelings: [ids], regions: [ids]}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeelingSelect {
    pub feelings: Vec<&'static str>,
    pub regions: Vec<&'static str>,
}

pub fn feeling_select(chosen: Feelings) -> FeelingSelect {
    FeelingSelect {
        feelings: chosen.iter().map(Feeling::id).collect(),
        regions: regions_for(chosen).iter().map(Region::id).collect(),
    }
}

/// The feelings a clinic opts in to count, from `analytics-feelings`: feeling ids separated by
/// spaces, or `all`; empty (the default) or `none` is none. One unknown word refuses the whole
/// value, so a typo never sends more than the clinic meant.
pub fn parse_opt_in(value: &str) -> Result<Feelings, &'static str> {
    let mut set = Feelings::NONE;
    for word in value.split_ascii_whitespace() {
        if word.eq_ignore_ascii_case("all") {
            set = Feeling::ALL.into_iter().fold(set, Feelings::with);
        } else if !word.eq_ignore_ascii_case("none") {
            set = set.with(Feeling::from_id(&word.to_ascii_lowercase()).ok_or(OPT_IN_PROBLEM)?);
        }
    }
    Ok(set)
}

pub const OPT_IN_PROBLEM: &str =
    "use feeling ids separated by spaces (deep-ache, one-side-tight, sharp-at-dimples, tires-and-strains, long-sitting), all or none";

/// The chosen feelings analytics may see: only those the clinic opted in to.
pub fn analytics_feelings(chosen: Feelings, opted_in: Feelings) -> Feelings {
    chosen.and(opted_in)
}

/// The region a "Read about …" button opens: on the side the visitor last chose when the region
/// has one (so going from the right SI joint to the QL stays on the right), else the region
/// with no side chosen (the psoas: its one shape). Never a side the visitor did not give.
pub fn open_target(region: Region, chosen: Option<Side>) -> Target {
    let kept = chosen.and_then(|side| Target::from_parts(region.id(), Some(side.id())));
    kept.unwrap_or(Target::whole(region))
}

/// Where the article says a region's pain is felt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeltArea {
    LowerBack,
    Dimple,
}

impl FeltArea {
    pub fn label(self) -> Ui {
        match self {
            FeltArea::LowerBack => Ui::FeltLowerBack,
            FeltArea::Dimple => Ui::FeltDimple,
        }
    }
}

/// Whether the felt area is on the selected target's own side or on both sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spread {
    OwnSide,
    BothSides,
}

/// Per region, in [`Region::ALL`] order: where its pain is felt, and the sentence that says so.
const FELT: [(FeltArea, Spread, Ui); 4] = [
    // "The Deep Achers": the QL lies deep in the lower back on each side, its ache is deep, and
    // one side feels tighter: the ache sits in the lower back, on the muscle's side.
    (FeltArea::LowerBack, Spread::OwnSide, Ui::FeltQl),
    // "The SI Joint", sentence 1: pain at the small dimples above the buttocks, so at the dimple
    // over that joint.
    (FeltArea::Dimple, Spread::OwnSide, Ui::FeltSiJoint),
    // "The Hip Connection", sentence 2: tight glutes make the lower-back muscles tire and strain.
    // The article names no side, so the whole lower back is marked.
    (FeltArea::LowerBack, Spread::BothSides, Ui::FeltGlutes),
    // "The Hip Connection", sentences 3 and 4, and the introduction: the psoas deepens the lumbar
    // arch and squeezes the spine; lower-back pain often comes from tension elsewhere.
    (FeltArea::LowerBack, Spread::BothSides, Ui::FeltPsoas),
];

/// Where a target's pain is felt: the area and the person's own side (or both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Felt {
    pub area: FeltArea,
    pub side: Side,
}

pub fn felt(target: Target) -> Felt {
    let (area, spread, _) = FELT[target.region.index()];
    let side = match spread {
        // A region opened without a side: both sides are shown, so both are hatched.
        Spread::OwnSide if target.side == Side::NotChosen => Side::Both,
        Spread::OwnSide => target.side,
        Spread::BothSides => Side::Both,
    };
    Felt { area, side }
}

/// The sentence that says where a region's pain is felt.
pub fn felt_sentence(region: Region) -> Ui {
    FELT[region.index()].2
}

/// Every id of the map's felt overlays (`path.felt[data-felt=…]`).
pub const FELT_IDS: [&str; 4] = ["lower-back-left", "lower-back-right", "dimple-left", "dimple-right"];

/// The overlay ids to show for a felt area: one side, or both.
pub fn felt_ids(f: Felt) -> &'static [&'static str] {
    let base = match f.area {
        FeltArea::LowerBack => 0,
        FeltArea::Dimple => 2,
    };
    match f.side {
        Side::Left => &FELT_IDS[base..base + 1],
        Side::Right => &FELT_IDS[base + 1..base + 2],
        Side::Both | Side::NotChosen => &FELT_IDS[base..base + 2],
    }
}

/// One item of the kidney check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckItem {
    /// "Red Flags", sentence 3: kidney pain tends to stay the same whatever you do.
    Constant,
    /// "Red Flags", sentence 4: it can come with a fever, nausea or changes when passing urine.
    Fever,
    Nausea,
    Urine,
    /// None of the above.
    NoneOfThese,
}

impl CheckItem {
    pub const ALL: [CheckItem; 5] =
        [CheckItem::Constant, CheckItem::Fever, CheckItem::Nausea, CheckItem::Urine, CheckItem::NoneOfThese];

    pub fn label(self) -> Ui {
        match self {
            CheckItem::Constant => Ui::CheckConstant,
            CheckItem::Fever => Ui::CheckFever,
            CheckItem::Nausea => Ui::CheckNausea,
            CheckItem::Urine => Ui::CheckUrine,
            CheckItem::NoneOfThese => Ui::CheckNone,
        }
    }

    /// A red flag, as opposed to "none of these".
    pub fn is_flag(self) -> bool {
        self != CheckItem::NoneOfThese
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The kidney check's answers. Deliberately opaque: no id, no text form, no serialisation,
/// nothing that could be put in a URL or an event (`Debug` is for test messages). See the
/// module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct KidneyCheck(u8);

const NONE_BIT: u8 = 1 << CheckItem::NoneOfThese as u8;

impl KidneyCheck {
    /// Ticks or unticks `item`. Ticking "none of these" clears every flag; ticking a flag clears
    /// "none of these".
    pub fn toggle(&mut self, item: CheckItem) {
        self.0 ^= item.bit();
        if self.is_ticked(item) {
            self.0 = if item.is_flag() { self.0 & !NONE_BIT } else { NONE_BIT };
        }
    }

    pub fn is_ticked(self, item: CheckItem) -> bool {
        self.0 & item.bit() != 0
    }

    /// Any red flag ticked: the article's advice is to see a doctor before a massage.
    pub fn doctor_first(self) -> bool {
        self.0 & !NONE_BIT != 0
    }
}

/// One answer the visitor gives: a feeling ticked or unticked, or an item of the kidney check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Feeling(Feeling),
    Check(CheckItem),
}

/// The visitor's answers, kept only in the widget's memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Answers {
    pub feelings: Feelings,
    pub check: KidneyCheck,
}

impl Answers {
    /// Applies one answer. Returns whether the feelings changed, the only change the host page
    /// hears about (`feeling-select`); the kidney check never reports anything.
    pub fn update(&mut self, answer: Answer) -> bool {
        match answer {
            Answer::Feeling(f) => {
                self.feelings.toggle(f);
                true
            }
            Answer::Check(item) => {
                self.check.toggle(item);
                false
            }
        }
    }
}

/// The link "Copy link" gives: the page's address without its fragment, plus
/// `#region=<id>:<side>` for the selection (the deep link `links::deep_link` reads).
pub fn share_link(page: &str, selected: Option<Target>) -> String {
    let base = page.split('#').next().unwrap_or_default();
    match selected {
        Some(t) => concat(&[base, "#region=", &t.attribute()]),
        None => String::from(base),
    }
}

/// The doorway stretch as a line drawing, seen from the side, in integer SVG coordinates: the
/// door frame, a person with both hands on it, one foot stepped forward, leaning gently, and the
/// stretch at the front of the hip. Numbered marks match the steps' numbers:
/// 1 the doorway, 2 the hands on the frame, 3 the foot forward, 4 where the hip stretches.
/// Article, "The Doorway Stretch": the four steps, restated in `content::STRETCH_STEPS`.
pub mod stretch {
    pub const VIEW_BOX: &str = "0 0 200 160";
    pub const FLOOR: &str = "M8 151H192";
    pub const FRAME: &str = "M84 151V10H92V151Z";
    /// Feet, back leg, torso, front leg, arm reaching back to the frame.
    pub const BODY: &str = "M68 149H80M72 147L88 120L100 94L110 52M100 94L132 114L146 147M144 149H158M110 56L100 63L92 52";
    /// Head: centre and radius.
    pub const HEAD: (&str, &str, &str) = ("115", "36", "11");
    /// The front of the hip, where the stretch is felt.
    pub const STRETCH: &str = "M104 80L107 94";
    /// Step marks: centre and number.
    pub const MARKS: [(&str, &str, &str); 4] = [("70", "22", "1"), ("70", "60", "2"), ("170", "136", "3"), ("121", "88", "4")];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::links::deep_link;
    use crate::regions::TARGETS;

    fn set(fs: &[Feeling]) -> Feelings {
        fs.iter().fold(Feelings::NONE, |s, f| s.with(*f))
    }

    // Checked by breaking it once: with the SharpDimples row emptied, both tests below fail.
    #[test]
    fn every_feeling_maps_to_a_region() {
        for f in Feeling::ALL {
            let regions = regions_for(set(&[f]));
            assert!(!regions.is_empty(), "{} links to no region", f.id());
        }
        assert_eq!(FEELING_REGIONS.map(|(f, _)| f), Feeling::ALL, "one row per feeling, in order");
    }

    #[test]
    fn every_region_is_reachable_from_some_feeling() {
        for r in Region::ALL {
            assert!(Feeling::ALL.iter().any(|f| regions_for(set(&[*f])).contains(r)), "{} unreachable", r.id());
        }
    }

    #[test]
    fn the_table_says_what_the_article_says() {
        let one = |f| regions_for(set(&[f])).iter().collect::<Vec<_>>();
        assert_eq!(one(Feeling::DeepAche), [Region::Ql]);
        assert_eq!(one(Feeling::OneSide), [Region::Ql]);
        assert_eq!(one(Feeling::SharpDimples), [Region::SiJoint]);
        assert_eq!(one(Feeling::TiresStrains), [Region::Glutes]);
        assert_eq!(one(Feeling::LongSitting), [Region::Psoas]);
    }

    #[test]
    fn several_feelings_give_a_set_not_a_ranking() {
        assert!(regions_for(Feelings::NONE).is_empty());
        let both_ql = regions_for(set(&[Feeling::DeepAche, Feeling::OneSide]));
        assert_eq!(both_ql.iter().collect::<Vec<_>>(), [Region::Ql], "two QL feelings mark the QL once");
        let mixed = regions_for(set(&[Feeling::LongSitting, Feeling::DeepAche]));
        assert_eq!(mixed.iter().collect::<Vec<_>>(), [Region::Ql, Region::Psoas], "map order, whatever the order ticked");
        let all = regions_for(Feeling::ALL.iter().fold(Feelings::NONE, |s, f| s.with(*f)));
        assert_eq!(all.iter().count(), 4);
    }

    #[test]
    fn feeling_ids_are_stable_kebab_case_and_unique() {
        let ids = Feeling::ALL.map(Feeling::id);
        assert_eq!(ids, ["deep-ache", "one-side-tight", "sharp-at-dimples", "tires-and-strains", "long-sitting"]);
        for id in ids {
            assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{id}");
            assert_eq!(Feeling::from_id(id).map(Feeling::id), Some(id));
        }
        assert_eq!(Feeling::from_id("ql"), None);
    }

    #[test]
    fn toggling_feelings_and_the_event_payload() {
        let mut chosen = Feelings::NONE;
        chosen.toggle(Feeling::SharpDimples);
        chosen.toggle(Feeling::LongSitting);
        assert_eq!(
            feeling_select(chosen),
            FeelingSelect { feelings: vec!["sharp-at-dimples", "long-sitting"], regions: vec!["si-joint", "psoas"] }
        );
        chosen.toggle(Feeling::SharpDimples);
        assert_eq!(feeling_select(chosen).regions, ["psoas"]);
        chosen.toggle(Feeling::LongSitting);
        assert_eq!(feeling_select(chosen), FeelingSelect { feelings: vec![], regions: vec![] });
    }

    #[test]
    fn analytics_get_no_feelings_unless_opted_in() {
        let chosen = set(&Feeling::ALL);
        assert!(analytics_feelings(chosen, crate::config::Settings::default().analytics_feelings).is_empty(), "off by default");
        let opted = set(&[Feeling::LongSitting]);
        assert_eq!(analytics_feelings(chosen, opted), opted);
        assert!(analytics_feelings(set(&[Feeling::DeepAche]), opted).is_empty());
    }

    #[test]
    fn read_about_keeps_the_side_when_it_can_and_never_invents_one() {
        let ql = |s| Target::new(Region::Ql, s);
        assert_eq!(open_target(Region::Ql, None), ql(Side::NotChosen));
        assert_eq!(open_target(Region::Ql, Some(Side::Right)), ql(Side::Right));
        assert_eq!(open_target(Region::Psoas, Some(Side::Right)), Target::new(Region::Psoas, Side::Both));
        // The side the open uses is the one the selection remembers (selection.rs).
        let mut s = crate::selection::Selection::default();
        for t in [ql(Side::Right), Target::new(Region::Psoas, Side::Both), Target::whole(Region::SiJoint)] {
            s.update(crate::selection::Msg::Select(t));
        }
        s.update(crate::selection::Msg::Clear);
        assert_eq!(open_target(Region::Glutes, s.side), Target::new(Region::Glutes, Side::Right), "kept past psoas and overview");
    }

    #[test]
    fn felt_areas_follow_the_article_and_the_persons_side() {
        let at = |r, s| felt_ids(felt(Target::new(r, s)));
        assert_eq!(at(Region::Ql, Side::Left), ["lower-back-left"]);
        assert_eq!(at(Region::Ql, Side::NotChosen), ["lower-back-left", "lower-back-right"]);
        assert_eq!(at(Region::Ql, Side::Right), ["lower-back-right"]);
        assert_eq!(at(Region::SiJoint, Side::Left), ["dimple-left"]);
        assert_eq!(at(Region::SiJoint, Side::Right), ["dimple-right"]);
        assert_eq!(at(Region::Glutes, Side::Right), ["lower-back-left", "lower-back-right"]);
        assert_eq!(at(Region::Psoas, Side::Both), ["lower-back-left", "lower-back-right"]);
        for t in TARGETS {
            assert!(!felt_ids(felt(t)).is_empty());
        }
    }

    #[test]
    fn felt_ids_are_the_drawings_overlays() {
        assert_eq!(FELT_IDS, crate::anatomy::FELT_IDS, "the same ids, in the same order, as the map's hatched areas");
    }

    #[test]
    fn felt_sentences_restate_the_article() {
        let c = Content::default();
        let s = |r| c.ui(felt_sentence(r)).to_lowercase();
        assert!(s(Region::Ql).contains("deep ache") && s(Region::Ql).contains("lower back"));
        assert!(s(Region::SiJoint).contains("dimple"));
        for r in [Region::Glutes, Region::Psoas] {
            assert!(s(r).contains("starts") && s(r).contains("feel it in the lower back"), "{}", r.id());
        }
        let sentences: Vec<String> = Region::ALL.iter().map(|r| s(*r)).collect();
        for x in &sentences {
            assert_eq!(sentences.iter().filter(|y| *y == x).count(), 1);
        }
    }

    #[test]
    fn nothing_ticked_or_none_leaves_the_normal_view() {
        let mut check = KidneyCheck::default();
        assert!(!check.doctor_first());
        check.toggle(CheckItem::NoneOfThese);
        assert!(check.is_ticked(CheckItem::NoneOfThese));
        assert!(!check.doctor_first());
        check.toggle(CheckItem::NoneOfThese);
        assert_eq!(check, KidneyCheck::default());
    }

    // Checked by breaking it once: with `doctor_first` reading only the Constant bit, this fails.
    #[test]
    fn any_flag_means_doctor_first() {
        for item in CheckItem::ALL.into_iter().filter(|i| i.is_flag()) {
            let mut check = KidneyCheck::default();
            check.toggle(item);
            assert!(check.doctor_first(), "{item:?}");
            check.toggle(item);
            assert!(!check.doctor_first(), "{item:?} unticked");
        }
    }

    #[test]
    fn none_clears_the_flags_and_a_flag_clears_none() {
        let mut check = KidneyCheck::default();
        check.toggle(CheckItem::Fever);
        check.toggle(CheckItem::Nausea);
        check.toggle(CheckItem::NoneOfThese);
        assert!(!check.is_ticked(CheckItem::Fever) && !check.is_ticked(CheckItem::Nausea));
        assert!(check.is_ticked(CheckItem::NoneOfThese) && !check.doctor_first());
        check.toggle(CheckItem::Urine);
        assert!(!check.is_ticked(CheckItem::NoneOfThese));
        assert!(check.is_ticked(CheckItem::Urine) && check.doctor_first());
        // Unticking one flag leaves the others.
        check.toggle(CheckItem::Constant);
        check.toggle(CheckItem::Urine);
        assert!(check.is_ticked(CheckItem::Constant) && check.doctor_first());
    }

    #[test]
    fn every_reachable_check_state_is_consistent() {
        // Walk every sequence of up to 4 toggles: "none" never stands beside a flag, and
        // doctor_first is exactly "some flag ticked".
        fn walk(check: KidneyCheck, depth: u32) {
            let flags = CheckItem::ALL.iter().filter(|i| i.is_flag() && check.is_ticked(**i)).count();
            assert!(!(check.is_ticked(CheckItem::NoneOfThese) && flags > 0), "{check:?}");
            assert_eq!(check.doctor_first(), flags > 0);
            if depth > 0 {
                for item in CheckItem::ALL {
                    let mut next = check;
                    next.toggle(item);
                    walk(next, depth - 1);
                }
            }
        }
        walk(KidneyCheck::default(), 4);
    }

    #[test]
    fn check_labels_name_the_articles_red_flags() {
        let c = Content::default();
        let l = |i: CheckItem| c.ui(i.label()).to_lowercase();
        assert!(l(CheckItem::Constant).contains("same"));
        assert!(l(CheckItem::Fever).contains("fever"));
        assert!(l(CheckItem::Nausea).contains("nausea"));
        assert!(l(CheckItem::Urine).contains("urine"));
        assert!(l(CheckItem::NoneOfThese).contains("none"));
        assert!(c.ui(Ui::DoctorFirst).contains("doctor") && c.ui(Ui::DoctorFirstHeading).contains("doctor"));
    }

    #[test]
    fn only_feelings_are_reported_never_the_check() {
        let mut answers = Answers::default();
        for item in CheckItem::ALL {
            assert!(!answers.update(Answer::Check(item)), "{item:?} would be reported");
        }
        assert!(answers.check.is_ticked(CheckItem::NoneOfThese));
        assert!(answers.update(Answer::Feeling(Feeling::DeepAche)));
        assert_eq!(answers.feelings, set(&[Feeling::DeepAche]));
    }

    /// The check cannot reach a URL or an event: every payload that leaves the widget is built
    /// by a function whose inputs have no room for a [`KidneyCheck`]. If someone adds one, these
    /// lines stop compiling and this test has to be rewritten in the open.
    #[test]
    fn no_payload_can_carry_the_check() {
        type Utm = [(String, String)];
        let _booking: fn(&str, &crate::booking::Provider, Option<Target>, &Content, &Utm) -> String = crate::booking::href;
        let _analytics_payload: fn(Option<Target>, Option<String>) -> crate::analytics::Payload = crate::analytics::Payload::new;
        let _copied: fn(&str, Option<Target>) -> String = share_link;
        let _event: fn(Feelings) -> FeelingSelect = feeling_select;
        let _analytics: fn(Feelings, Feelings) -> Feelings = analytics_feelings;
        // And the payloads do not change with any answer: they are computed without one.
        let mut check = KidneyCheck::default();
        let before = (feeling_select(set(&Feeling::ALL)), share_link("https://x.example/p", Some(TARGETS[2])));
        for item in CheckItem::ALL {
            check.toggle(item);
            assert!(check != KidneyCheck::default() || item == CheckItem::NoneOfThese);
            assert_eq!((feeling_select(set(&Feeling::ALL)), share_link("https://x.example/p", Some(TARGETS[2]))), before);
        }
    }

    #[test]
    fn every_new_string_is_translatable_through_ui_config() {
        use crate::config::{Settings, Value};
        let keys: Vec<Ui> = Feeling::ALL
            .map(Feeling::label)
            .into_iter()
            .chain(CheckItem::ALL.map(CheckItem::label))
            .chain(Region::ALL.map(felt_sentence))
            .chain([FeltArea::LowerBack.label(), FeltArea::Dimple.label(), Ui::DoctorFirst, Ui::CopyLink])
            .collect();
        for key in keys {
            let name = crate::content::UI_TEXT[key as usize].0;
            let mut st = Settings::default();
            let ui = Value::Map(vec![(String::from(name), Value::Str(String::from("Traducido")))]);
            let warnings = st.apply(&Value::Map(vec![(String::from("ui"), ui)]));
            assert!(warnings.is_empty(), "ui.{name}: {warnings:?}");
            assert_eq!(st.content.ui(key), "Traducido", "ui.{name}");
        }
    }

    #[test]
    fn the_stretch_drawing_is_integer_geometry_inside_its_box() {
        let numbers = |d: &str| -> Vec<i32> {
            d.split(|c: char| c.is_ascii_alphabetic() || c == ' ')
                .filter(|t| !t.is_empty())
                .map(|t| t.parse().expect(t))
                .collect()
        };
        for d in [stretch::FLOOR, stretch::FRAME, stretch::BODY, stretch::STRETCH] {
            for n in numbers(d) {
                assert!((0..=200).contains(&n), "{n} in {d}");
            }
        }
        let (cx, cy, r) = stretch::HEAD;
        let (cx, cy, r): (i32, i32, i32) = (cx.parse().unwrap(), cy.parse().unwrap(), r.parse().unwrap());
        assert!(cx - r >= 0 && cy - r >= 0 && cx + r <= 200 && cy + r <= 160);
        let marks: Vec<&str> = stretch::MARKS.iter().map(|m| m.2).collect();
        assert_eq!(marks, ["1", "2", "3", "4"], "one mark per step of the article, in order");
        assert_eq!(crate::content::STRETCH_STEPS.len(), stretch::MARKS.len());
    }

    #[test]
    fn copied_links_round_trip_through_the_deep_link() {
        let whole = Target::new(Region::SiJoint, Side::NotChosen);
        for t in TARGETS.into_iter().chain([whole]) {
            let link = share_link("https://clinic.example/back?utm_source=x#book", Some(t));
            let (page, hash) = link.split_once('#').unwrap();
            assert_eq!(page, "https://clinic.example/back?utm_source=x");
            assert_eq!(deep_link("?utm_source=x", &["#", hash].concat()), Some(t), "{link}");
        }
        assert_eq!(share_link("https://clinic.example/back#region=psoas", None), "https://clinic.example/back");
    }

    #[test]
    fn the_clinic_opts_in_feeling_by_feeling() {
        assert_eq!(parse_opt_in(""), Ok(Feelings::NONE));
        assert_eq!(parse_opt_in(" none "), Ok(Feelings::NONE));
        assert_eq!(parse_opt_in("Deep-Ache long-sitting"), Ok(set(&[Feeling::DeepAche, Feeling::LongSitting])));
        assert_eq!(parse_opt_in("all"), Ok(set(&Feeling::ALL)));
        assert_eq!(parse_opt_in("deep-ache kidney"), Err(OPT_IN_PROBLEM), "one unknown word refuses it all");
    }
}
