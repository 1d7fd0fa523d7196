//! The marketer's settings: attributes and JSON config, checked field by field.
//!
//! Config arrives from JavaScript (a `config` object, or the JSON in a child
//! `<script type="application/json">`) and is read by serde into a small [`Value`] tree.
//! [`Settings::apply`] then walks that tree: every good field replaces its default, every bad
//! one keeps the default and yields a [`Warning`] that names it. Nothing here can fail.

pub use crate::analytics::Analytics;
use crate::booking::ProviderKind;
use crate::content::{Content, Text, STRETCH_KEY};
use crate::links::{check_link, LinkError, LinkKind};
use crate::regions::{Region, Target};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;

/// Longest accepted text; a longer one is a mistake or an attack and would wreck the layout.
pub const MAX_TEXT: usize = 2_000;
pub const DEFAULT_CLINIC: &str = "Focused Care Therapeutic Massage";
/// Where the booking link points until a valid `booking-url` is set: the host page's own
/// booking section, as on the clinic's page.
pub const DEFAULT_BOOKING_URL: &str = "#book";

/// A config value as JavaScript gave it; only strings, lists and objects mean anything.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
    /// Any other JS value, by its kind ("a number", "a boolean", "null").
    Other(&'static str),
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::List(_) => "a list",
            Value::Map(_) => "an object",
            Value::Other(k) => k,
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(String::from(v)))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Value, E> {
        Ok(Value::Other("a boolean"))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Value, E> {
        Ok(Value::Other("a number"))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Value, E> {
        Ok(Value::Other("a number"))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Value, E> {
        Ok(Value::Other("a number"))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Other("null"))
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Other("null"))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            entries.push((k, v));
        }
        Ok(Value::Map(entries))
    }
}

/// A bad setting: which field, and why its default was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub field: String,
    pub problem: String,
}

impl Warning {
    fn new(field: &str, problem: &str) -> Warning {
        Warning { field: String::from(field), problem: String::from(problem) }
    }

    /// The console message: `lower-back-map: "booking-url" ignored: … The default is kept.`
    pub fn message(&self) -> String {
        ["lower-back-map: \"", &self.field, "\" ignored: ", &self.problem, ". The default is kept."].concat()
    }
}

/// The widget's palette: `theme="light|dark|auto"`; `auto` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Auto,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    /// The attribute value, also set as `data-theme` on the drawing's root for the CSS.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Everything a widget instance is configured with.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub content: Content,
    /// The booking link after the scheme check; a relative one is resolved by the browser.
    pub booking_url: (String, LinkKind),
    pub clinic_name: Text,
    pub initial: Option<Target>,
    pub analytics: Analytics,
    pub theme: Theme,
    /// `booking-provider`; checked together with `booking_field` by [`crate::booking::provider`].
    pub booking_provider: ProviderKind,
    /// `booking-field` as given (trimmed, never empty).
    pub booking_field: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            content: Content::default(),
            booking_url: (String::from(DEFAULT_BOOKING_URL), LinkKind::Anchor),
            clinic_name: Cow::Borrowed(DEFAULT_CLINIC),
            initial: None,
            analytics: Analytics::OFF,
            booking_provider: ProviderKind::Link,
            booking_field: None,
            theme: Theme::Light,
        }
    }
}

/// The attributes of `<lower-back-map>`, which are also the top-level config keys.
pub const ATTRIBUTES: [(&str, &str); 7] = [
    ("booking-url", "bookingUrl"),
    ("clinic-name", "clinicName"),
    ("region", "region"),
    ("analytics", "analytics"),
    ("theme", "theme"),
    ("booking-provider", "bookingProvider"),
    ("booking-field", "bookingField"),
];

impl Settings {
    /// Applies one attribute (or top-level config key) by its attribute name.
    pub fn set_attribute(&mut self, name: &str, value: &str, warnings: &mut Vec<Warning>) {
        self.set(name, name, value, warnings)
    }

    /// [`Settings::set_attribute`], with warnings naming `label` (the config key it came from).
    fn set(&mut self, name: &str, label: &str, value: &str, warnings: &mut Vec<Warning>) {
        let warn = |warnings: &mut Vec<Warning>, problem: &str| warnings.push(Warning::new(label, problem));
        if value.chars().count() > MAX_TEXT {
            return warn(warnings, &too_long(value));
        }
        match name {
            "booking-url" => match check_link(value) {
                Ok(link) => self.booking_url = link,
                Err(e) => warn(warnings, &e.reason()),
            },
            "clinic-name" => match value.trim() {
                "" => warn(warnings, LinkError::Empty.reason().as_str()),
                v => self.clinic_name = Cow::Owned(String::from(v)),
            },
            "region" => match value.trim() {
                "" => self.initial = None,
                v => match Target::parse(v) {
                    Some(t) => self.initial = Some(t),
                    None => warn(warnings, &unknown_region(v)),
                },
            },
            "analytics" => match Analytics::parse(value) {
                Ok(a) => self.analytics = a,
                Err(problem) => warn(warnings, problem),
            },
            "theme" => match value.trim().to_ascii_lowercase().as_str() {
                "" => self.theme = Theme::Light,
                v => match Theme::ALL.into_iter().find(|t| t.id() == v) {
                    Some(t) => self.theme = t,
                    None => warn(warnings, "use \"light\", \"dark\" or \"auto\""),
                },
            },
            "booking-provider" => match value.trim() {
                "" => self.booking_provider = ProviderKind::Link,
                v => match ProviderKind::parse(v) {
                    Some(p) => self.booking_provider = p,
                    None => warn(warnings, "use calendly, acuity, calcom or link"),
                },
            },
            // Checked against the provider once every source is read (`booking::provider`).
            "booking-field" => self.booking_field = Some(value.trim()).filter(|v| !v.is_empty()).map(String::from),
            _ => {}
        }
    }

    /// Applies a whole config object; returns a warning for every field it could not use.
    pub fn apply(&mut self, config: &Value) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let Value::Map(entries) = config else {
            warnings.push(Warning::new("config", &expected("an object", config)));
            return warnings;
        };
        for (key, value) in entries {
            if let Some((attr, _)) = ATTRIBUTES.iter().find(|(_, k)| k == key) {
                match value {
                    Value::Str(s) => self.set(attr, key, s, &mut warnings),
                    other => warnings.push(Warning::new(key, &expected("a string", other))),
                }
                continue;
            }
            match key.as_str() {
                "ui" => self.apply_texts("ui", None, value, &mut warnings),
                "regions" => self.apply_regions(value, &mut warnings),
                STRETCH_KEY => self.apply_steps(value, &mut warnings),
                _ => warnings.push(Warning::new(key, "unknown key")),
            }
        }
        warnings
    }

    fn apply_regions(&mut self, value: &Value, warnings: &mut Vec<Warning>) {
        let Value::Map(regions) = value else {
            return warnings.push(Warning::new("regions", &expected("an object", value)));
        };
        for (id, texts) in regions {
            match Region::from_id(id) {
                Some(r) => self.apply_texts("regions", Some(r.id()), texts, warnings),
                None => warnings.push(Warning::new(&["regions.", id].concat(), &unknown_region(id))),
            }
        }
    }

    fn apply_texts(&mut self, group: &str, region: Option<&str>, value: &Value, warnings: &mut Vec<Warning>) {
        let prefix = match region {
            Some(id) => [group, ".", id].concat(),
            None => String::from(group),
        };
        let Value::Map(entries) = value else {
            return warnings.push(Warning::new(&prefix, &expected("an object", value)));
        };
        for (key, text) in entries {
            let field = [prefix.as_str(), ".", key].concat();
            match (self.content.slot_mut(group, region, key), text) {
                (None, _) => warnings.push(Warning::new(&field, "unknown key")),
                (Some(slot), Value::Str(s)) => match checked_text(s) {
                    Ok(t) => *slot = t,
                    Err(problem) => warnings.push(Warning::new(&field, &problem)),
                },
                (Some(_), other) => warnings.push(Warning::new(&field, &expected("a string", other))),
            }
        }
    }

    fn apply_steps(&mut self, value: &Value, warnings: &mut Vec<Warning>) {
        let Value::List(items) = value else {
            return warnings.push(Warning::new(STRETCH_KEY, &expected("a list of strings", value)));
        };
        let mut steps = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Value::Str(s) => match checked_text(s) {
                    Ok(t) => steps.push(t),
                    Err(problem) => return warnings.push(Warning::new(STRETCH_KEY, &problem)),
                },
                other => return warnings.push(Warning::new(STRETCH_KEY, &expected("a list of strings", other))),
            }
        }
        if steps.is_empty() {
            return warnings.push(Warning::new(STRETCH_KEY, "the list is empty"));
        }
        self.content.stretch_steps = steps;
    }
}

fn checked_text(s: &str) -> Result<Text, String> {
    let t = s.trim();
    if t.is_empty() {
        Err(String::from("it is empty"))
    } else if t.chars().count() > MAX_TEXT {
        Err(too_long(t))
    } else {
        Ok(Cow::Owned(String::from(t)))
    }
}

fn expected(what: &str, got: &Value) -> String {
    ["expected ", what, ", got ", got.kind()].concat()
}

fn unknown_region(id: &str) -> String {
    let shown: String = id.chars().take(40).collect();
    ["\"", &shown, "\" is not a region (use ql, si-joint, glutes or psoas, optionally :left or :right)"].concat()
}

fn too_long(s: &str) -> String {
    ["it is ", &digits(s.chars().count()), " characters long; at most ", &digits(MAX_TEXT), " are allowed"].concat()
}

/// A number in decimal, without pulling in `core::fmt` (or UTF-8 checks).
pub fn digits(n: usize) -> String {
    let mut power = 1;
    while n / power >= 10 {
        power *= 10;
    }
    let mut out = String::new();
    while power > 0 {
        out.push(char::from(b'0' + (n / power % 10) as u8));
        power /= 10;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::Sink;
    use crate::content::{RegionField, Ui};
    use crate::regions::Side;

    fn s(v: &str) -> Value {
        Value::Str(v.into())
    }
    fn map(entries: &[(&str, Value)]) -> Value {
        Value::Map(entries.iter().map(|(k, v)| (String::from(*k), v.clone())).collect())
    }
    fn fields(w: &[Warning]) -> Vec<&str> {
        w.iter().map(|w| w.field.as_str()).collect()
    }

    #[test]
    fn good_config_replaces_texts_and_settings() {
        let mut st = Settings::default();
        let w = st.apply(&map(&[
            ("bookingUrl", s("https://clinic.example/book")),
            ("clinicName", s("Clínica Espalda")),
            ("region", s("glutes:right")),
            ("analytics", s("datalayer")),
            ("ui", map(&[("title", s("¿Dónde le duele?"))])),
            ("regions", map(&[("psoas", map(&[("name", s("Psoas ilíaco"))]))])),
            ("stretchSteps", Value::List(vec![s("Uno."), s("Dos.")])),
        ]));
        assert_eq!(w, vec![]);
        assert_eq!(st.booking_url, ("https://clinic.example/book".into(), LinkKind::Web));
        assert_eq!(st.clinic_name, "Clínica Espalda");
        assert_eq!(st.initial, Some(Target::new(Region::Glutes, Side::Right)));
        assert_eq!(st.analytics, Analytics::only(Sink::DataLayer));
        assert_eq!(st.content.ui(Ui::Title), "¿Dónde le duele?");
        assert_eq!(st.content.region(Region::Psoas, RegionField::Name), "Psoas ilíaco");
        assert_eq!(st.content.stretch_steps, vec!["Uno.", "Dos."]);
    }

    #[test]
    fn bad_fields_keep_their_defaults_and_are_named() {
        let mut st = Settings::default();
        let w = st.apply(&map(&[
            ("bookingUrl", s("javascript:alert(1)")),
            ("clinicName", Value::Other("a number")),
            ("colour", s("red")),
            ("ui", map(&[("title", Value::Other("a boolean")), ("nope", s("x")), ("intro", s("Fine."))])),
            ("regions", map(&[("knee", map(&[])), ("ql", map(&[("cause", Value::List(vec![]))]))])),
            ("stretchSteps", s("just one")),
        ]));
        assert_eq!(
            fields(&w),
            ["bookingUrl", "clinicName", "colour", "ui.title", "ui.nope", "regions.knee", "regions.ql.cause", "stretchSteps"]
        );
        let d = Settings::default();
        assert_eq!(st.booking_url, d.booking_url);
        assert_eq!(st.clinic_name, d.clinic_name);
        assert_eq!(st.content.ui(Ui::Title), d.content.ui(Ui::Title));
        assert_eq!(st.content.ui(Ui::Intro), "Fine.", "good fields beside bad ones still apply");
        assert_eq!(st.content.region(Region::Ql, RegionField::Cause), d.content.region(Region::Ql, RegionField::Cause));
        assert!(w[0].message().contains("\"bookingUrl\" ignored: the scheme \"javascript:\""));
        assert!(w[1].message().contains("expected a string, got a number"));
    }

    #[test]
    fn a_config_that_is_not_an_object_changes_nothing() {
        let mut st = Settings::default();
        let w = st.apply(&Value::List(vec![]));
        assert_eq!(fields(&w), ["config"]);
        assert_eq!(st, Settings::default());
    }

    #[test]
    fn a_megabyte_string_is_refused_not_rendered() {
        let huge = "x".repeat(1 << 20);
        let mut st = Settings::default();
        let w = st.apply(&map(&[("ui", map(&[("title", s(&huge))])), ("clinicName", s(&huge))]));
        assert_eq!(fields(&w), ["ui.title", "clinicName"]);
        assert!(w[0].problem.contains("1048576 characters"));
        assert_eq!(st, Settings::default());
    }

    #[test]
    fn html_in_text_is_kept_as_text() {
        let mut st = Settings::default();
        st.apply(&map(&[("ui", map(&[("title", s("<img src=x onerror=alert(1)>"))]))]));
        assert_eq!(st.content.ui(Ui::Title), "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn attributes_set_and_refused() {
        let mut st = Settings::default();
        let mut w = Vec::new();
        st.set_attribute("region", "psoas", &mut w);
        st.set_attribute("booking-url", "tel:+15550100", &mut w);
        st.set_attribute("analytics", "DataLayer", &mut w);
        st.set_attribute("theme", " Dark", &mut w);
        let mut two = Settings::default();
        two.set_attribute("analytics", "gtag plausible", &mut w);
        assert!(two.analytics.has(Sink::Gtag) && two.analytics.has(Sink::Plausible) && !two.analytics.has(Sink::DataLayer));
        assert_eq!(w, vec![]);
        assert_eq!(st.theme, Theme::Dark);
        assert_eq!(st.initial, Some(Target::new(Region::Psoas, Side::Both)));
        assert_eq!(st.booking_url.1, LinkKind::Contact);
        assert_eq!(st.analytics, Analytics::only(Sink::DataLayer));
        st.set_attribute("region", "", &mut w);
        st.set_attribute("analytics", "off", &mut w);
        assert_eq!((st.initial, st.analytics), (None, Analytics::OFF));
        let mut fresh = Settings::default();
        fresh.set_attribute("region", "knee", &mut w);
        fresh.set_attribute("analytics", "yes", &mut w);
        fresh.set_attribute("booking-url", "data:text/html,hi", &mut w);
        fresh.set_attribute("theme", "midnight", &mut w);
        assert_eq!(fields(&w), ["region", "analytics", "booking-url", "theme"]);
        assert_eq!(fresh, Settings::default());
    }

    #[test]
    fn booking_provider_and_field_are_read_by_attribute_and_config() {
        let mut st = Settings::default();
        let mut w = Vec::new();
        st.set_attribute("booking-provider", " Calendly ", &mut w);
        st.set_attribute("booking-field", " a3 ", &mut w);
        assert_eq!(w, vec![]);
        assert_eq!((st.booking_provider, st.booking_field.as_deref()), (ProviderKind::Calendly, Some("a3")));
        st.set_attribute("booking-provider", "square", &mut w);
        assert_eq!(fields(&w), ["booking-provider"]);
        assert_eq!(st.booking_provider, ProviderKind::Calendly, "a bad provider keeps what was there");
        st.set_attribute("booking-field", "", &mut w);
        st.set_attribute("booking-provider", "", &mut w);
        assert_eq!((st.booking_provider, st.booking_field), (ProviderKind::Link, None));
        let mut st = Settings::default();
        let w = st.apply(&map(&[("bookingProvider", s("acuity")), ("bookingField", s("field:42"))]));
        assert_eq!(w, vec![]);
        assert_eq!((st.booking_provider, st.booking_field.as_deref()), (ProviderKind::Acuity, Some("field:42")));
    }

    #[test]
    fn empty_steps_and_empty_texts_are_refused() {
        let mut st = Settings::default();
        let w = st.apply(&map(&[("stretchSteps", Value::List(vec![])), ("ui", map(&[("title", s("  "))]))]));
        assert_eq!(fields(&w), ["stretchSteps", "ui.title"]);
        assert_eq!(st, Settings::default());
    }

    #[test]
    fn digits_without_fmt() {
        assert_eq!(digits(0), "0");
        assert_eq!(digits(2000), "2000");
        assert_eq!(digits(1048576), "1048576");
    }
}
