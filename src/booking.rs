//! Booking providers: where the booking link puts the visitor's area so that the therapist
//! reads it in the booking they receive.
//!
//! - `link` (default): `?region=ql&side=left`, for the clinic's own booking page.
//! - `calendly`: a custom answer, prefilled with `a1`…`a10` (default `a1`).
//! - `acuity`: an intake form field, prefilled with `field:<id>` (no default: the id is the
//!   clinic's own).
//! - `calcom`: a booking field by its identifier (default `notes`), plus `metadata[region]` and
//!   `metadata[side]`.
//!
//! The note is one short translatable line (`ui.therapistNote`), such as
//! "Lower back map: Quadratus lumborum, left side". The page's `utm_*` parameters pass
//! through to every provider, as each of them reads them.

use crate::content::{Content, Ui};
use crate::links::with_params;
use crate::regions::{Side, Target};
use alloc::{string::String, vec, vec::Vec};

/// The value of `booking-provider`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ProviderKind {
    #[default]
    Link,
    Calendly,
    Acuity,
    CalCom,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 4] = [ProviderKind::Link, ProviderKind::Calendly, ProviderKind::Acuity, ProviderKind::CalCom];

    pub fn id(self) -> &'static str {
        match self {
            ProviderKind::Link => "link",
            ProviderKind::Calendly => "calendly",
            ProviderKind::Acuity => "acuity",
            ProviderKind::CalCom => "calcom",
        }
    }

    /// The attribute's value, case and outer spaces ignored.
    pub fn parse(value: &str) -> Option<ProviderKind> {
        let value = value.trim().to_ascii_lowercase();
        ProviderKind::ALL.into_iter().find(|p| p.id() == value)
    }
}

/// A provider together with the field the note goes into.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Provider {
    #[default]
    Link,
    /// `a1`…`a10`.
    Calendly(String),
    /// `field:<digits>`.
    Acuity(String),
    /// A booking field's identifier, `notes` by default.
    CalCom(String),
}

/// Why `booking-field` was not used: the console message names the attribute with this text.
pub const FIELD_WITHOUT_PROVIDER: &str =
    "it only applies with booking-provider=\"calendly\", \"acuity\" or \"calcom\"; the plain link gets region and side";
pub const CALENDLY_FIELD: &str = "Calendly prefills custom answers a1 to a10 (use the question's number, for example a2)";
pub const ACUITY_FIELD: &str =
    "Acuity needs the intake field's ID as field:<digits>, for example field:1234567; until then the link gets region and side";
pub const CALCOM_FIELD: &str = "use the identifier of a Cal.com booking question: letters, digits, - and _, for example notes";

/// The provider for `booking-provider` and `booking-field` (`None` when the attribute is absent
/// or empty), and the problem with `booking-field`, if any. A bad field keeps the provider's
/// default field; Acuity has none, so it falls back to the plain link.
pub fn provider(kind: ProviderKind, field: Option<&str>) -> (Provider, Option<&'static str>) {
    let field = field.map(str::trim).filter(|f| !f.is_empty());
    match kind {
        ProviderKind::Link => (Provider::Link, field.map(|_| FIELD_WITHOUT_PROVIDER)),
        ProviderKind::Calendly => match field {
            None => (Provider::Calendly(String::from("a1")), None),
            Some(f) if is_calendly_field(f) => (Provider::Calendly(String::from(f)), None),
            Some(_) => (Provider::Calendly(String::from("a1")), Some(CALENDLY_FIELD)),
        },
        ProviderKind::Acuity => match field {
            Some(f) if is_acuity_field(f) => (Provider::Acuity(String::from(f)), None),
            _ => (Provider::Link, Some(ACUITY_FIELD)),
        },
        ProviderKind::CalCom => match field {
            None => (Provider::CalCom(String::from("notes")), None),
            Some(f) if is_calcom_field(f) => (Provider::CalCom(String::from(f)), None),
            Some(_) => (Provider::CalCom(String::from("notes")), Some(CALCOM_FIELD)),
        },
    }
}

/// `a1` to `a10`, as Calendly names custom answers.
pub fn is_calendly_field(f: &str) -> bool {
    matches!(f.as_bytes(), [b'a', b'1'..=b'9'] | [b'a', b'1', b'0'])
}

/// `field:` and the numeric ID Acuity gives an intake form field.
pub fn is_acuity_field(f: &str) -> bool {
    f.strip_prefix("field:").is_some_and(|id| (1..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()))
}

/// A Cal.com booking question identifier: a letter, then letters, digits, `-` or `_`.
pub fn is_calcom_field(f: &str) -> bool {
    let mut bytes = f.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        && f.len() <= 64
}

/// The note for the therapist: `ui.therapistNote` with the area's name and side. It is plain
/// text in another system's form, so it carries no direction controls at all: not the isolates
/// the widget puts around filled-in values on its own page, nor any a config string brought.
pub fn note(content: &Content, target: Target) -> String {
    content.fill(content.ui(Ui::TherapistNote), target).chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// U+200E/F marks, U+202A to U+202E embeddings and overrides, U+2066 to U+2069 isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The booking link for `provider`: `base` (an absolute http(s) URL) with the selection written
/// where that provider reads it, and the page's `utm_*` parameters. Without a selection the link
/// only gets the `utm_*` parameters.
pub fn href(base: &str, provider: &Provider, target: Option<Target>, content: &Content, utm: &[(String, String)]) -> String {
    let Some(t) = target else { return with_params(base, &[], utm) };
    let field = match provider {
        Provider::Link => return crate::links::booking_href(base, target, utm),
        Provider::Calendly(field) | Provider::Acuity(field) | Provider::CalCom(field) => field,
    };
    let note = note(content, t);
    let mut params: Vec<(&str, &str)> = vec![(field, &note)];
    if let Provider::CalCom(_) = provider {
        // No side chosen: no `metadata[side]` (an empty value only removes one the URL had).
        params.extend([("metadata[region]", t.region.id()), ("metadata[side]", t.chosen_side().map_or("", Side::id))]);
    }
    with_params(base, &params, utm)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_note_carries_no_direction_controls() {
        let mut content = Content::default();
        *content.slot_mut("regions", Some("ql"), "name").unwrap() = "QL \u{202E}evil".into();
        let note = note(&content, Target::new(crate::regions::Region::Ql, crate::regions::Side::Left));
        assert_eq!(note, "Lower back map: QL evil, left side");
    }

    use super::*;
    use crate::links::{query_pairs, utm_params};
    use crate::regions::{Region, Side};

    const QL_LEFT: Option<Target> = Some(Target::new(Region::Ql, Side::Left));
    const PSOAS: Option<Target> = Some(Target::new(Region::Psoas, Side::Both));
    const NOTE: &str = "Lower back map: Quadratus lumborum, left side";

    /// The URL split back into its path, its decoded parameters in order, and its fragment, the
    /// way the booking system will read it.
    fn parse(href: &str) -> (String, Vec<(String, String)>, Option<String>) {
        let (rest, fragment) = match href.split_once('#') {
            Some((r, f)) => (r, Some(String::from(f))),
            None => (href, None),
        };
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        (String::from(path), query_pairs(query).collect(), fragment)
    }

    fn params(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (String::from(*k), String::from(*v))).collect()
    }

    fn link(base: &str, p: &Provider, t: Option<Target>, page: &str) -> String {
        href(base, p, t, &Content::default(), &utm_params(page))
    }

    #[test]
    fn the_note_names_the_area_and_the_persons_side() {
        let c = Content::default();
        assert_eq!(note(&c, QL_LEFT.unwrap()), NOTE);
        assert_eq!(note(&c, PSOAS.unwrap()), "Lower back map: Psoas, both sides");
    }

    #[test]
    fn the_plain_link_is_todays_region_and_side() {
        let h = link("https://c.example/book?service=12", &Provider::Link, QL_LEFT, "?utm_source=fb");
        assert_eq!(h, "https://c.example/book?service=12&region=ql&side=left&utm_source=fb");
    }

    // Fails when an empty `side=` is written, an old side stays, or the note names a side.
    #[test]
    fn a_region_opened_without_a_side_claims_none_in_any_provider() {
        let si = Some(Target::new(Region::SiJoint, Side::NotChosen));
        let h = link("https://c.example/book?side=right&service=12", &Provider::Link, si, "");
        assert_eq!(h, "https://c.example/book?service=12&region=si-joint", "an old side is removed, none added");
        let p = provider(ProviderKind::CalCom, None).0;
        let (_, got, _) = parse(&link("https://cal.com/clinic/massage?metadata[side]=left", &p, si, ""));
        let note = "Lower back map: Sacroiliac joint, side not chosen";
        assert_eq!(got, params(&[("notes", note), ("metadata[region]", "si-joint")]));
    }

    #[test]
    fn calendly_gets_the_note_in_its_custom_answer() {
        let p = provider(ProviderKind::Calendly, None).0;
        let h = link(
            "https://calendly.com/clinic/60min?a1=old&month=2026-12",
            &p,
            QL_LEFT,
            "?utm_source=fb&utm_campaign=spring%20sale",
        );
        let (path, got, fragment) = parse(&h);
        assert_eq!(path, "https://calendly.com/clinic/60min");
        assert_eq!(got, params(&[("month", "2026-12"), ("a1", NOTE), ("utm_source", "fb"), ("utm_campaign", "spring sale")]));
        assert_eq!(fragment, None);
        assert!(h.contains("a1=Lower%20back%20map%3A%20Quadratus%20lumborum%2C%20left%20side"), "{h}");
        let p = provider(ProviderKind::Calendly, Some("a3")).0;
        let (_, got, _) = parse(&link("https://calendly.com/clinic/60min", &p, PSOAS, ""));
        assert_eq!(got, params(&[("a3", "Lower back map: Psoas, both sides")]));
    }

    #[test]
    fn acuity_gets_the_note_in_its_intake_field() {
        let p = provider(ProviderKind::Acuity, Some("field:1234567")).0;
        let h = link(
            "https://app.acuityscheduling.com/schedule.php?owner=42&appointmentType=7#top",
            &p,
            QL_LEFT,
            "?utm_medium=email",
        );
        assert!(h.contains("&field:1234567=Lower%20back%20map"), "the field name stays literal, as Acuity documents it: {h}");
        let (path, got, fragment) = parse(&h);
        assert_eq!(path, "https://app.acuityscheduling.com/schedule.php");
        assert_eq!(got, params(&[("owner", "42"), ("appointmentType", "7"), ("field:1234567", NOTE), ("utm_medium", "email")]));
        assert_eq!(fragment.as_deref(), Some("top"));
    }

    #[test]
    fn calcom_gets_the_note_and_metadata() {
        let p = provider(ProviderKind::CalCom, None).0;
        let h = link("https://cal.com/clinic/massage?notes=x&metadata[region]=psoas&duration=60", &p, QL_LEFT, "?utm_source=ig");
        assert!(h.contains("&metadata[region]=ql&metadata[side]=left"), "{h}");
        let (path, got, _) = parse(&h);
        assert_eq!(path, "https://cal.com/clinic/massage");
        assert_eq!(
            got,
            params(&[
                ("duration", "60"),
                ("notes", NOTE),
                ("metadata[region]", "ql"),
                ("metadata[side]", "left"),
                ("utm_source", "ig")
            ])
        );
        let p = provider(ProviderKind::CalCom, Some("back-area")).0;
        let (_, got, _) = parse(&link("https://cal.com/clinic/massage", &p, PSOAS, ""));
        assert_eq!(got[0], (String::from("back-area"), String::from("Lower back map: Psoas, both sides")));
    }

    #[test]
    fn a_note_with_query_characters_survives_the_round_trip() {
        let mut c = Content::default();
        *c.slot_mut("ui", None, "therapistNote").unwrap() = "Mapa & zona: {name} = {side}? #1 +ñ".into();
        let p = Provider::Calendly(String::from("a2"));
        let h = href("https://calendly.com/x?a=1", &p, QL_LEFT, &c, &[]);
        let (path, got, fragment) = parse(&h);
        assert_eq!((path.as_str(), fragment), ("https://calendly.com/x", None));
        assert_eq!(got, params(&[("a", "1"), ("a2", "Mapa & zona: Quadratus lumborum = left side? #1 +ñ")]));
    }

    #[test]
    fn without_a_selection_only_the_campaign_passes() {
        for p in [
            Provider::Link,
            Provider::Calendly("a1".into()),
            Provider::Acuity("field:1".into()),
            Provider::CalCom("notes".into()),
        ] {
            assert_eq!(link("https://b.example/x?y=1", &p, None, "?utm_source=fb"), "https://b.example/x?y=1&utm_source=fb");
        }
    }

    #[test]
    fn fields_are_checked_per_provider() {
        for good in ["a1", "a2", "a9", "a10"] {
            assert!(is_calendly_field(good), "{good}");
        }
        for bad in ["a0", "a11", "a01", "A1", "a", "1", "a1 ", "field:1", "notes"] {
            assert!(!is_calendly_field(bad), "{bad}");
        }
        for good in ["field:1", "field:1234567", "field:123456789012"] {
            assert!(is_acuity_field(good), "{good}");
        }
        for bad in ["field:", "field:12a", "1234567", "field:1234567890123", "Field:1", "field: 1", "a1"] {
            assert!(!is_acuity_field(bad), "{bad}");
        }
        for good in ["notes", "back-area", "what_hurts", "q2"] {
            assert!(is_calcom_field(good), "{good}");
        }
        for bad in ["", "2q", "metadata[x]", "a b", "notes&x=1", "-x", &"n".repeat(65)] {
            assert!(!is_calcom_field(bad), "{bad}");
        }
    }

    #[test]
    fn wrong_combinations_keep_defaults_and_say_why() {
        assert_eq!(provider(ProviderKind::Link, None), (Provider::Link, None));
        assert_eq!(provider(ProviderKind::Link, Some("  ")), (Provider::Link, None), "an empty field is no field");
        assert_eq!(provider(ProviderKind::Link, Some("a2")), (Provider::Link, Some(FIELD_WITHOUT_PROVIDER)));
        assert_eq!(provider(ProviderKind::Calendly, Some("a11")), (Provider::Calendly("a1".into()), Some(CALENDLY_FIELD)));
        assert_eq!(provider(ProviderKind::Calendly, Some(" a4 ")), (Provider::Calendly("a4".into()), None));
        assert_eq!(provider(ProviderKind::Acuity, None), (Provider::Link, Some(ACUITY_FIELD)), "Acuity has no default field");
        assert_eq!(provider(ProviderKind::Acuity, Some("intake")), (Provider::Link, Some(ACUITY_FIELD)));
        assert_eq!(provider(ProviderKind::CalCom, Some("a b")), (Provider::CalCom("notes".into()), Some(CALCOM_FIELD)));
        assert_eq!(provider(ProviderKind::CalCom, None), (Provider::CalCom("notes".into()), None));
    }

    #[test]
    fn provider_names() {
        assert_eq!(ProviderKind::parse(" Calendly "), Some(ProviderKind::Calendly));
        assert_eq!(ProviderKind::parse("calcom"), Some(ProviderKind::CalCom));
        assert_eq!(ProviderKind::parse("cal.com"), None);
        assert_eq!(ProviderKind::parse("square"), None);
        for p in ProviderKind::ALL {
            assert_eq!(ProviderKind::parse(p.id()), Some(p));
        }
    }
}
