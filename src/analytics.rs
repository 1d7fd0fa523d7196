//! Analytics targets: which tools hear about a visitor's choices, under which names, and with
//! what payload. The calls themselves are in `dom/analytics.rs`.
//!
//! The area that hurts is health information, so it goes only to the targets the clinic lists
//! in `analytics`, and only for what a visitor did (a tap, a key, a booking click), never for a
//! selection made by the page's address or a script.

use crate::config::concat;
use crate::regions::{Side, Target};
use crate::teach::Feelings;
use alloc::{string::String, vec::Vec};

/// One tool the widget can report to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sink {
    /// `window.dataLayer.push({event, …})`: Google Tag Manager.
    DataLayer,
    /// `gtag('event', name, params)`: GA4's tag.
    Gtag,
    /// `plausible(name, {props})`.
    Plausible,
    /// `_paq.push(['trackEvent', category, action, name])`: Matomo.
    Matomo,
}

impl Sink {
    pub const ALL: [Sink; 4] = [Sink::DataLayer, Sink::Gtag, Sink::Plausible, Sink::Matomo];

    /// The word in the `analytics` attribute.
    pub fn id(self) -> &'static str {
        match self {
            Sink::DataLayer => "datalayer",
            Sink::Gtag => "gtag",
            Sink::Plausible => "plausible",
            Sink::Matomo => "matomo",
        }
    }

    /// The global the page's tool defines.
    pub fn global(self) -> &'static str {
        match self {
            Sink::DataLayer => "dataLayer",
            Sink::Gtag => "gtag",
            Sink::Plausible => "plausible",
            Sink::Matomo => "_paq",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The set of targets `analytics` lists; empty is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Analytics(u8);

/// Why an `analytics` value was refused.
pub const ANALYTICS_PROBLEM: &str = "use a space-separated list of datalayer, gtag, plausible and matomo, or off";

impl Analytics {
    pub const OFF: Analytics = Analytics(0);

    pub fn only(sink: Sink) -> Analytics {
        Analytics(sink.bit())
    }

    /// `"datalayer gtag"`: any of the four words, in any order and case; `""`, `off` or `none`
    /// alone is off. One unknown word refuses the whole value, so a typo never sends health
    /// data somewhere the clinic did not mean.
    pub fn parse(value: &str) -> Result<Analytics, &'static str> {
        let mut set = 0;
        let mut words = 0;
        let mut off = false;
        for word in value.split_ascii_whitespace() {
            words += 1;
            match Sink::ALL.into_iter().find(|s| s.id().eq_ignore_ascii_case(word)) {
                Some(sink) => set |= sink.bit(),
                None if word.eq_ignore_ascii_case("off") || word.eq_ignore_ascii_case("none") => off = true,
                None => return Err(ANALYTICS_PROBLEM),
            }
        }
        // `off` only alone: "gtag off" is a contradiction, not a choice.
        if off && words > 1 {
            return Err(ANALYTICS_PROBLEM);
        }
        Ok(Analytics(set))
    }

    pub fn has(self, sink: Sink) -> bool {
        self.0 & sink.bit() != 0
    }

    pub fn is_off(self) -> bool {
        self.0 == 0
    }
}

/// What the visitor did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Chose an area by pointer or key.
    Select,
    /// Clicked the booking button.
    Booking,
    /// Ticked or unticked a feeling the clinic opted in to count (`analytics-feelings`).
    Feeling,
}

impl Action {
    /// The event name for Google Tag Manager, GA4 and Plausible; see [`is_ga4_event_name`].
    pub fn event_name(self) -> &'static str {
        match self {
            Action::Select => "lower_back_map_select",
            Action::Booking => "lower_back_map_booking",
            Action::Feeling => "lower_back_map_feeling",
        }
    }

    /// Matomo's event action, under the category [`MATOMO_CATEGORY`].
    pub fn matomo_action(self) -> &'static str {
        match self {
            Action::Select => "select",
            Action::Booking => "booking",
            Action::Feeling => "feeling",
        }
    }
}

pub const MATOMO_CATEGORY: &str = "lower-back-map";

/// What every target is told: the area (`None` for a booking click with nothing chosen) and
/// which widget it was, so two maps on one page can be told apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payload {
    pub region: Option<&'static str>,
    pub side: Option<&'static str>,
    pub widget: Option<String>,
    /// Only in a `Feeling` event: the chosen feelings the clinic opted in to, ids separated by
    /// spaces. Nothing else a visitor ticks (the kidney check) has a field here.
    pub feelings: Option<String>,
}

impl Payload {
    pub fn new(target: Option<Target>, widget: Option<String>) -> Payload {
        Payload {
            region: target.map(|t| t.region.id()),
            side: target.and_then(Target::chosen_side).map(Side::id),
            widget,
            feelings: None,
        }
    }

    /// A `Feeling` event's payload: `feelings` (already limited to the clinic's opt-in), no area.
    pub fn feelings(feelings: Feelings, widget: Option<String>) -> Payload {
        let mut ids = String::new();
        for feeling in feelings.iter() {
            if !ids.is_empty() {
                ids.push(' ');
            }
            ids.push_str(feeling.id());
        }
        Payload { feelings: Some(ids), ..Payload::new(None, widget) }
    }

    /// The payload's fields that have a value, in the order region, side, widget, feelings:
    /// GA4 parameters and Plausible props (strings only, nothing empty).
    pub fn present(&self) -> Vec<(&'static str, &str)> {
        let fields = [
            ("region", self.region),
            ("side", self.side),
            ("widget", self.widget.as_deref()),
            ("feelings", self.feelings.as_deref()),
        ];
        fields.into_iter().filter_map(|(k, v)| Some((k, v?))).collect()
    }

    /// Matomo's event name: `ql:left`, `none` without an area, and the widget in brackets:
    /// `ql:left (hips)`.
    pub fn matomo_label(&self) -> String {
        let mut label = match (self.region, self.side, &self.feelings) {
            (Some(r), Some(s), _) => concat(&[r, ":", s]),
            (Some(r), None, _) => String::from(r),
            (_, _, Some(f)) => f.clone(),
            _ => String::from("none"),
        };
        if let Some(w) = &self.widget {
            label.push_str(" (");
            label.push_str(w);
            label.push(')');
        }
        label
    }
}

/// The widget's identity: the element's `id`, else its `name` attribute, else none.
pub fn identity(id: String, name: Option<String>) -> Option<String> {
    Some(id).into_iter().chain(name).find(|s| !s.is_empty())
}

/// GA4's rules for an event name: letters, digits and `_`, starting with a letter, at most 40
/// characters, not a name or prefix GA4 keeps for itself.
pub fn is_ga4_event_name(name: &str) -> bool {
    const RESERVED: [&str; 36] = [
        "ad_activeview",
        "ad_click",
        "ad_exposure",
        "ad_impression",
        "ad_query",
        "ad_reward",
        "adunit_exposure",
        "app_background",
        "app_clear_data",
        "app_exception",
        "app_remove",
        "app_store_refund",
        "app_store_subscription_cancel",
        "app_store_subscription_convert",
        "app_store_subscription_renew",
        "app_update",
        "app_upgrade",
        "click",
        "dynamic_link_app_open",
        "dynamic_link_app_update",
        "dynamic_link_first_open",
        "error",
        "file_download",
        "first_open",
        "first_visit",
        "form_start",
        "form_submit",
        "in_app_purchase",
        "notification_dismiss",
        "notification_foreground",
        "notification_open",
        "notification_receive",
        "os_update",
        "page_view",
        "screen_view",
        "session_start",
    ];
    const MORE_RESERVED: [&str; 6] =
        ["scroll", "user_engagement", "video_complete", "video_progress", "video_start", "view_search_results"];
    const PREFIXES: [&str; 3] = ["firebase_", "ga_", "google_"];
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && name.len() <= 40
        && !RESERVED.contains(&name)
        && !MORE_RESERVED.contains(&name)
        && !PREFIXES.iter().any(|p| name.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regions::{Region, Side};

    #[test]
    fn event_names_follow_ga4_rules() {
        for a in [Action::Select, Action::Booking] {
            assert!(is_ga4_event_name(a.event_name()), "{}", a.event_name());
        }
        assert_eq!(Action::Select.event_name(), "lower_back_map_select");
        assert_eq!(Action::Booking.event_name(), "lower_back_map_booking");
    }

    #[test]
    fn the_ga4_rule_checker_refuses_what_ga4_refuses() {
        // Checked by breaking it: without the length test "x" * 41 passes and this fails.
        for good in ["a", "select_content", "lower_back_map_select", "A1_b2", &"x".repeat(40)] {
            assert!(is_ga4_event_name(good), "{good}");
        }
        for bad in [
            "",
            "1st_event",
            "_private",
            "lower-back-map",
            "lower back",
            "événement",
            "click",
            "error",
            "page_view",
            "session_start",
            "firebase_x",
            "google_x",
            "ga_x",
            &"x".repeat(41),
        ] {
            assert!(!is_ga4_event_name(bad), "{bad}");
        }
    }

    #[test]
    fn analytics_lists_targets() {
        let all = Analytics::parse(" DataLayer  gtag\tplausible matomo ").unwrap();
        for s in Sink::ALL {
            assert!(all.has(s), "{}", s.id());
        }
        let two = Analytics::parse("gtag matomo").unwrap();
        assert_eq!(Sink::ALL.map(|s| two.has(s)), [false, true, false, true]);
        assert_eq!(Analytics::parse("datalayer"), Ok(Analytics::only(Sink::DataLayer)));
        for off in ["", "  ", "off", "none", "OFF"] {
            assert_eq!(Analytics::parse(off), Ok(Analytics::OFF), "{off:?}");
        }
        for bad in ["yes", "gtag ga4", "datalayer,gtag", "gtag off", "facebook"] {
            assert_eq!(Analytics::parse(bad), Err(ANALYTICS_PROBLEM), "{bad:?}");
        }
    }

    #[test]
    fn payloads_carry_area_side_and_widget() {
        let p = Payload::new(Some(Target::new(Region::Ql, Side::Left)), Some("hips".into()));
        assert_eq!(p.present(), [("region", "ql"), ("side", "left"), ("widget", "hips")]);
        assert_eq!(p.matomo_label(), "ql:left (hips)");
        let none = Payload::new(None, None);
        assert_eq!(none.present(), []);
        assert_eq!(none.matomo_label(), "none");
        assert_eq!(Payload::new(Some(Target::new(Region::Psoas, Side::Both)), None).matomo_label(), "psoas:both");
        let whole = Payload::new(Some(Target::new(Region::Glutes, Side::NotChosen)), None);
        assert_eq!((whole.present(), whole.matomo_label()), (vec![("region", "glutes")], String::from("glutes")));
    }

    #[test]
    fn identity_is_the_id_then_the_name() {
        assert_eq!(identity("a".into(), Some("b".into())).as_deref(), Some("a"));
        assert_eq!(identity("".into(), Some("b".into())).as_deref(), Some("b"));
        assert_eq!(identity("".into(), Some("".into())), None);
        assert_eq!(identity("".into(), None), None);
    }
}
