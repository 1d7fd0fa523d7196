//! The selectable areas of the map: which muscles, on which side, in which keyboard order.
//!
//! Sides are always the person's own left and right. The back view shows the person from
//! behind, so their left side is drawn on the viewer's left too.

use alloc::string::String;

/// A muscle or joint the widget explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    Ql,
    SiJoint,
    Glutes,
    Psoas,
}

impl Region {
    pub const ALL: [Region; 4] = [Region::Ql, Region::SiJoint, Region::Glutes, Region::Psoas];

    /// The id used in attributes, URLs, events and config keys.
    pub fn id(self) -> &'static str {
        match self {
            Region::Ql => "ql",
            Region::SiJoint => "si-joint",
            Region::Glutes => "glutes",
            Region::Psoas => "psoas",
        }
    }

    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// Drawn once per side: every region but the psoas, which the side view shows for both.
    pub fn two_sided(self) -> bool {
        self != Region::Psoas
    }
}

/// Which side of the person's body. The psoas is drawn once, in a side view, and stands for both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
    Both,
    /// A two-sided region opened as a whole ("Read about …", a link without a side): the
    /// visitor has not said which side, so nothing may claim one. Both sides are shown.
    NotChosen,
}

impl Side {
    /// The id in attributes, URLs and events; `NotChosen` has none and is never written out.
    pub fn id(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
            Side::Both => "both",
            Side::NotChosen => "",
        }
    }

    pub fn from_id(id: &str) -> Option<Side> {
        [Side::Left, Side::Right, Side::Both].into_iter().find(|s| s.id() == id)
    }
}

/// One selectable shape on the map: a region on one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub region: Region,
    pub side: Side,
}

impl Target {
    pub const fn new(region: Region, side: Side) -> Target {
        Target { region, side }
    }

    /// The region with no side chosen: both shapes of a two-sided region, the psoas's one.
    pub fn whole(region: Region) -> Target {
        Target::new(region, if region.two_sided() { Side::NotChosen } else { Side::Both })
    }

    /// A stable id for DOM ids and tests: `ql-left`, `psoas-both`, `si-joint` (no side chosen).
    pub fn key(self) -> String {
        self.joined('-')
    }

    /// The form of attributes, `selected()` and copied links: `ql:left`, `psoas:both`, or the
    /// region alone (`si-joint`) when no side was chosen.
    pub fn attribute(self) -> String {
        self.joined(':')
    }

    fn joined(self, separator: char) -> String {
        let mut text = String::from(self.region.id());
        if let Some(side) = self.chosen_side() {
            text.push(separator);
            text.push_str(side.id());
        }
        text
    }

    /// The side the visitor chose, for whatever leaves the widget (booking, analytics, events,
    /// links): none for a two-sided region opened as a whole.
    pub fn chosen_side(self) -> Option<Side> {
        (self.side != Side::NotChosen).then_some(self.side)
    }

    /// Whether the map shows `shape` (one of [`TARGETS`]) pressed for this selection: itself,
    /// or either side of a region opened without a side.
    pub fn shows(self, shape: Target) -> bool {
        self == shape || (self.side == Side::NotChosen && self.region == shape.region)
    }

    /// Where this target stands in [`TARGETS`], which is also its keyboard position; a region
    /// without a chosen side stands at its first shape.
    pub fn position(self) -> usize {
        TARGETS.iter().position(|t| self.shows(*t)).unwrap_or(0)
    }

    /// Parses `psoas`, `ql:left`, `ql-left` or `si-joint:right`. A two-sided region given without
    /// a side is opened as a whole ([`Side::NotChosen`]): no side is assumed for the visitor.
    /// The psoas accepts no side but `both`.
    pub fn parse(text: &str) -> Option<Target> {
        let text = text.trim().to_ascii_lowercase();
        let (region, side) = match text.split_once(':') {
            Some((_, "")) => return None,
            Some((r, s)) => (r, Some(s)),
            // ['-'], not '-': the same split without a reverse `memchr` in the wasm.
            None => match text.rsplit_once(['-']) {
                Some((r, s)) if Side::from_id(s).is_some() => (r, Some(s)),
                _ => (text.as_str(), None),
            },
        };
        Target::from_parts(region, side)
    }

    /// Builds a target from a region id and an optional side id, as in `?region=ql&side=right`.
    pub fn from_parts(region: &str, side: Option<&str>) -> Option<Target> {
        let region = Region::from_id(region.trim())?;
        let Some(side) = side.map(str::trim).filter(|s| !s.is_empty()) else { return Some(Target::whole(region)) };
        let side = Side::from_id(side)?;
        let target = Target::new(region, side);
        TARGETS.contains(&target).then_some(target)
    }
}

/// Every selectable target, in keyboard order: top to bottom, then the viewer's left to right,
/// as a sighted visitor reads the drawing. The side view with the psoas comes last.
pub const TARGETS: [Target; 7] = [
    Target::new(Region::Ql, Side::Left),
    Target::new(Region::Ql, Side::Right),
    Target::new(Region::SiJoint, Side::Left),
    Target::new(Region::SiJoint, Side::Right),
    Target::new(Region::Glutes, Side::Left),
    Target::new(Region::Glutes, Side::Right),
    Target::new(Region::Psoas, Side::Both),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for r in Region::ALL {
            assert_eq!(Region::from_id(r.id()), Some(r));
        }
        assert_eq!(Region::from_id("hamstring"), None);
        for s in [Side::Left, Side::Right, Side::Both] {
            assert_eq!(Side::from_id(s.id()), Some(s));
        }
    }

    #[test]
    fn two_sided_regions_have_both_sides_and_psoas_one() {
        for r in [Region::Ql, Region::SiJoint, Region::Glutes] {
            assert!(TARGETS.contains(&Target::new(r, Side::Left)));
            assert!(TARGETS.contains(&Target::new(r, Side::Right)));
        }
        assert_eq!(TARGETS.iter().filter(|t| t.region == Region::Psoas).count(), 1);
    }

    #[test]
    fn parses_the_attribute_and_url_forms() {
        let ql_left = Some(Target::new(Region::Ql, Side::Left));
        assert_eq!(Target::parse("ql:left"), ql_left);
        assert_eq!(Target::parse(" QL:Left "), ql_left);
        assert_eq!(Target::parse("ql-left"), ql_left);
        assert_eq!(Target::parse("si-joint-right"), Some(Target::new(Region::SiJoint, Side::Right)));
        assert_eq!(Target::parse("glutes:right"), Some(Target::new(Region::Glutes, Side::Right)));
        assert_eq!(Target::parse("psoas"), Some(Target::new(Region::Psoas, Side::Both)));
        assert_eq!(Target::from_parts("ql", Some("right")), Some(Target::new(Region::Ql, Side::Right)));
    }

    #[test]
    fn a_two_sided_region_without_a_side_is_opened_whole_and_claims_none() {
        let si = Target::parse("si-joint").unwrap();
        assert_eq!(si, Target::new(Region::SiJoint, Side::NotChosen));
        assert_eq!(Target::parse("ql"), Target::from_parts("ql", None));
        assert_eq!((si.chosen_side(), si.key()), (None, String::from("si-joint")));
        assert_eq!(Target::parse(&si.key()), Some(si), "its key parses back");
        let shown: Vec<_> = TARGETS.iter().filter(|t| si.shows(**t)).map(|t| t.key()).collect();
        assert_eq!(shown, ["si-joint-left", "si-joint-right"], "both sides are shown");
        assert_eq!(si.position(), 2, "the keyboard starts at its first shape");
        let psoas = Target::parse("psoas").unwrap();
        assert_eq!(psoas.chosen_side(), Some(Side::Both), "the psoas is drawn once, for both");
        assert!(!TARGETS[0].shows(TARGETS[1]), "a chosen side shows only itself");
    }

    #[test]
    fn rejects_what_is_not_on_the_map() {
        for bad in ["", "knee", "ql:middle", "psoas:left", "ql:both", ":left", "ql:"] {
            assert_eq!(Target::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn keys_are_unique_and_positions_match_order() {
        for (i, t) in TARGETS.iter().enumerate() {
            assert_eq!(t.position(), i);
            assert_eq!(TARGETS.iter().filter(|o| o.key() == t.key()).count(), 1);
        }
        assert_eq!(TARGETS[6].key(), "psoas-both");
    }
}
