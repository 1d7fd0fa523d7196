//! The marketer's settings: attributes and JSON config, checked field by field.
//!
//! Config arrives from JavaScript (a `config` object, or the JSON in a child
//! `<script type="application/json">`). [`read`] walks it, one bounded step at a time, into a
//! small [`Value`] tree: the [`limits`](MAX_DEPTH) below hold whatever the object is (5,000
//! nested arrays, a throwing getter, a Proxy, a megabyte of text), and each limit hit is one
//! [`Warning`] that names the field and the limit. [`Settings::apply`] then walks that tree:
//! every good field replaces its default, every bad one keeps the default and yields a warning
//! that names it. Nothing here can fail or panic.

pub use crate::analytics::Analytics;
use crate::booking::ProviderKind;
use crate::content::{Content, Text, STRETCH_KEY};
use crate::links::{check_link, LinkError, LinkKind};
use crate::regions::{Region, Target};
use crate::teach::Feelings;
use alloc::{borrow::Cow, string::String, vec::Vec};

// ---- Limits on what settings may hold ------------------------------------------------------
// One set of limits for the config object, the JSON child and the attributes. Each is far
// above what a full translation needs (the deepest key, `regions.psoas.name`, is 3 levels;
// the widest object, `ui`, has 28 keys; the English text is about 10,000 characters) and far
// below what could hurt the page (the walk recurses at most MAX_DEPTH levels, reads at most
// MAX_VALUES values, copies at most MAX_TOTAL_TEXT characters into the wasm).

/// Longest accepted text; a longer one is a mistake or an attack and would wreck the layout.
pub const MAX_TEXT: usize = 2_000;
/// Deepest nesting of objects and lists read: the config object itself is level 1,
/// `regions` level 2, `regions.psoas` level 3. Anything deeper is refused, not read.
pub const MAX_DEPTH: usize = 5;
/// Most entries in one object or list.
pub const MAX_ITEMS: usize = 64;
/// Most values (objects, lists, strings, others) in one whole config.
pub const MAX_VALUES: usize = 512;
/// Most characters (UTF-16 code units) of text in one whole config.
pub const MAX_TOTAL_TEXT: usize = 100_000;
/// Most stretch steps: each is drawn in every panel that shows the stretch.
pub const MAX_STEPS: usize = 12;

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
    /// A value [`read`] refused (a limit, or reading it threw); it has been warned about, so
    /// [`Settings::apply`] keeps the default silently.
    Refused,
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::List(_) => "a list",
            Value::Map(_) => "an object",
            Value::Other(k) => k,
            Value::Refused => "a refused value",
        }
    }
}

/// What a config node is, as far as can be told without reading its contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string of this many UTF-16 code units.
    Str(usize),
    /// A list of this many items.
    List(usize),
    /// An object with this many own enumerable keys.
    Map(usize),
    Other(&'static str),
}

/// Reading a config node threw (a getter, a Proxy trap, a revoked Proxy).
#[derive(Debug)]
pub struct Threw;

/// A config as JavaScript holds it, read one step at a time: js-sys in the browser
/// (`dom::read`), a [`Value`] tree in the tests. `Err(Threw)` means reading threw (a getter, a
/// Proxy trap, a revoked Proxy).
pub trait Source: Sized {
    fn kind(&mut self) -> Result<Kind, Threw>;
    /// The string, once its [`Kind::Str`] length has been accepted.
    fn text(&self) -> Result<String, Threw>;
    /// Item `i` of a list.
    fn item(&self, i: usize) -> Result<Self, Threw>;
    /// Key `i` of an object, and its value.
    fn entry(&self, i: usize) -> (String, Result<Self, Threw>);
}

/// Reads a whole config from `root` within the limits above. `field` names the root in
/// warnings ("config", "config JSON"); deeper fields are named by their path (`ui.title`,
/// `stretchSteps.3`).
pub fn read<S: Source>(mut root: S, field: &str) -> (Value, Vec<Warning>) {
    let mut walk = Walk { values: 0, text: 0, warnings: Vec::new() };
    let value = walk.node(&mut root, field, "", 1);
    (value, walk.warnings)
}

struct Walk {
    values: usize,
    text: usize,
    warnings: Vec<Warning>,
}

impl Walk {
    /// Reads `node` at `path` (empty for the root, named `field`); containers at `depth`.
    /// Recursion is bounded by MAX_DEPTH, so the stack use is too.
    fn node<S: Source>(&mut self, node: &mut S, field: &str, path: &str, depth: usize) -> Value {
        let name = if path.is_empty() { field } else { path };
        self.values += 1;
        if self.values > MAX_VALUES {
            return self.refuse(name, &concat(&["the config holds more than ", &digits(MAX_VALUES), " values"]));
        }
        let kind = match node.kind() {
            Ok(k) => k,
            Err(Threw) => return self.refuse(name, UNREADABLE),
        };
        let count = match kind {
            Kind::Other(k) => return Value::Other(k),
            Kind::Str(len) => {
                if len > MAX_TEXT * 2 {
                    return self.refuse(name, &too_long_n(len));
                }
                self.text += len;
                if self.text > MAX_TOTAL_TEXT {
                    return self
                        .refuse(name, &concat(&["the config holds more than ", &digits(MAX_TOTAL_TEXT), " characters of text"]));
                }
                return match node.text() {
                    Ok(s) => Value::Str(s),
                    Err(Threw) => self.refuse(name, UNREADABLE),
                };
            }
            Kind::List(n) | Kind::Map(n) => n,
        };
        if depth > MAX_DEPTH {
            return self.refuse(name, &concat(&["it is nested more than ", &digits(MAX_DEPTH), " levels deep"]));
        }
        if count > MAX_ITEMS {
            return self
                .refuse(name, &concat(&["it has ", &digits(count), " entries; at most ", &digits(MAX_ITEMS), " are allowed"]));
        }
        let child_path = |key: &str| if path.is_empty() { String::from(key) } else { concat(&[path, ".", key]) };
        if let Kind::List(_) = kind {
            let mut items = Vec::with_capacity(count);
            for i in 0..count {
                let p = child_path(&digits(i));
                items.push(match node.item(i) {
                    Ok(mut child) => self.node(&mut child, field, &p, depth + 1),
                    Err(Threw) => self.refuse(&p, UNREADABLE),
                });
            }
            return Value::List(items);
        }
        let mut entries = Vec::with_capacity(count);
        for i in 0..count {
            let (key, child) = node.entry(i);
            let p = child_path(&key);
            let value = match child {
                Ok(mut child) => self.node(&mut child, field, &p, depth + 1),
                Err(Threw) => self.refuse(&p, UNREADABLE),
            };
            entries.push((key, value));
        }
        Value::Map(entries)
    }

    fn refuse(&mut self, field: &str, problem: &str) -> Value {
        self.warnings.push(Warning::new(field, problem));
        Value::Refused
    }
}

const UNREADABLE: &str = "reading it threw an error (a getter or a Proxy?); use plain strings, lists and objects";

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
        concat(&["lower-back-map: \"", &self.field, "\" ignored: ", &self.problem, ". The default is kept."])
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
    /// `analytics-feelings`: the feelings ("Which sounds like yours?") a clinic opts in to count;
    /// none by default. Health information, like the area: it goes only to `analytics` targets.
    pub analytics_feelings: Feelings,
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
            analytics_feelings: Feelings::NONE,
            booking_provider: ProviderKind::Link,
            booking_field: None,
            theme: Theme::Light,
        }
    }
}

/// The attributes of `<lower-back-map>`, which are also the top-level config keys.
pub const ATTRIBUTES: [(&str, &str); 8] = [
    ("booking-url", "bookingUrl"),
    ("clinic-name", "clinicName"),
    ("region", "region"),
    ("analytics", "analytics"),
    ("theme", "theme"),
    ("booking-provider", "bookingProvider"),
    ("booking-field", "bookingField"),
    ("analytics-feelings", "analyticsFeelings"),
];

impl Settings {
    /// Applies one attribute (or top-level config key) by its attribute name.
    pub fn set_attribute(&mut self, name: &str, value: &str, warnings: &mut Vec<Warning>) {
        self.set(name, name, value, warnings)
    }

    /// [`Settings::set_attribute`], with warnings naming `label` (the config key it came from).
    fn set(&mut self, name: &str, label: &str, value: &str, warnings: &mut Vec<Warning>) {
        let warn = |warnings: &mut Vec<Warning>, problem: &str| warnings.push(Warning::new(label, problem));
        if chars(value) > MAX_TEXT {
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
            "analytics-feelings" => match crate::teach::parse_opt_in(value) {
                Ok(set) => self.analytics_feelings = set,
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
            wrong(&mut warnings, "config", "an object", config);
            return warnings;
        };
        for (key, value) in entries {
            if let Some((attr, _)) = ATTRIBUTES.iter().find(|(_, k)| k == key) {
                match value {
                    Value::Str(s) => self.set(attr, key, s, &mut warnings),
                    other => wrong(&mut warnings, key, "a string", other),
                }
                continue;
            }
            match key.as_str() {
                "ui" => self.apply_texts("ui", None, value, &mut warnings),
                "regions" => self.apply_regions(value, &mut warnings),
                STRETCH_KEY => self.apply_steps(value, &mut warnings),
                _ if matches!(value, Value::Refused) => {}
                _ => warnings.push(Warning::new(key, "unknown key")),
            }
        }
        warnings
    }

    /// Whether `config` brings text of its own (`ui`, `regions` or the stretch's steps): the
    /// site's translation, say, which decides the language the widget declares.
    pub fn has_texts(config: &Value) -> bool {
        matches!(config, Value::Map(entries) if entries.iter().any(|(k, _)| matches!(k.as_str(), "ui" | "regions" | STRETCH_KEY)))
    }

    fn apply_regions(&mut self, value: &Value, warnings: &mut Vec<Warning>) {
        let Value::Map(regions) = value else {
            return wrong(warnings, "regions", "an object", value);
        };
        for (id, texts) in regions {
            match Region::from_id(id) {
                Some(r) => self.apply_texts("regions", Some(r.id()), texts, warnings),
                None if matches!(texts, Value::Refused) => {}
                None => warnings.push(Warning::new(&concat(&["regions.", id]), &unknown_region(id))),
            }
        }
    }

    fn apply_texts(&mut self, group: &str, region: Option<&str>, value: &Value, warnings: &mut Vec<Warning>) {
        let prefix = match region {
            Some(id) => concat(&[group, ".", id]),
            None => String::from(group),
        };
        let Value::Map(entries) = value else {
            return wrong(warnings, &prefix, "an object", value);
        };
        for (key, text) in entries {
            let field = concat(&[prefix.as_str(), ".", key]);
            match (self.content.slot_mut(group, region, key), text) {
                (None, Value::Refused) => {}
                (None, _) => warnings.push(Warning::new(&field, "unknown key")),
                (Some(slot), Value::Str(s)) => match checked_text(s) {
                    Ok(t) => *slot = t,
                    Err(problem) => warnings.push(Warning::new(&field, &problem)),
                },
                (Some(_), other) => wrong(warnings, &field, "a string", other),
            }
        }
    }

    fn apply_steps(&mut self, value: &Value, warnings: &mut Vec<Warning>) {
        let Value::List(items) = value else {
            return wrong(warnings, STRETCH_KEY, "a list of strings", value);
        };
        if items.len() > MAX_STEPS {
            let problem = concat(&["it has ", &digits(items.len()), " steps; at most ", &digits(MAX_STEPS), " are allowed"]);
            return warnings.push(Warning::new(STRETCH_KEY, &problem));
        }
        let mut steps = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Value::Str(s) => match checked_text(s) {
                    Ok(t) => steps.push(t),
                    Err(problem) => return warnings.push(Warning::new(STRETCH_KEY, &problem)),
                },
                other => return wrong(warnings, STRETCH_KEY, "a list of strings", other),
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
    } else if chars(t) > MAX_TEXT {
        Err(too_long(t))
    } else {
        Ok(Cow::Owned(String::from(t)))
    }
}

/// The warning for a value of the wrong type; none for a refused one, already warned about.
fn wrong(warnings: &mut Vec<Warning>, field: &str, what: &str, got: &Value) {
    if !matches!(got, Value::Refused) {
        warnings.push(Warning::new(field, &concat(&["expected ", what, ", got ", got.kind()])));
    }
}

fn unknown_region(id: &str) -> String {
    let shown: String = id.chars().take(40).collect();
    concat(&["\"", &shown, "\" is not a region (use ql, si-joint, glutes or psoas, optionally :left or :right)"])
}

fn too_long(s: &str) -> String {
    too_long_n(chars(s))
}

fn too_long_n(n: usize) -> String {
    concat(&["it is ", &digits(n), " characters long; at most ", &digits(MAX_TEXT), " are allowed"])
}

/// Characters (code points) in `s`: `s.chars().count()` without its large vectorised counter.
fn chars(s: &str) -> usize {
    s.bytes().filter(|b| (b & 0xC0) != 0x80).count()
}

/// The parts one after another: `[..].concat()` without std's generic join code (1 KB of wasm).
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
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

    /// A config held as a [`Value`] tree, read the way `dom::read` reads a JS object;
    /// `Other("throws")` stands for a getter that throws.
    struct Tree<'a>(&'a Value);

    impl<'a> Source for Tree<'a> {
        fn kind(&mut self) -> Result<Kind, Threw> {
            Ok(match self.0 {
                Value::Str(s) => Kind::Str(s.encode_utf16().count()),
                Value::List(items) => Kind::List(items.len()),
                Value::Map(entries) => Kind::Map(entries.len()),
                Value::Other("throws") => return Err(Threw),
                Value::Other(k) => Kind::Other(k),
                Value::Refused => Kind::Other("refused"),
            })
        }
        fn text(&self) -> Result<String, Threw> {
            match self.0 {
                Value::Str(s) => Ok(s.clone()),
                _ => Err(Threw),
            }
        }
        fn item(&self, i: usize) -> Result<Self, Threw> {
            match self.0 {
                Value::List(items) => Ok(Tree(&items[i])),
                _ => Err(Threw),
            }
        }
        fn entry(&self, i: usize) -> (String, Result<Self, Threw>) {
            match self.0 {
                Value::Map(entries) => (entries[i].0.clone(), Ok(Tree(&entries[i].1))),
                _ => (String::new(), Err(Threw)),
            }
        }
    }

    /// Reads `config` within the limits, then applies it to the defaults; every warning.
    fn read_apply(config: &Value) -> (Settings, Value, Vec<Warning>) {
        let (value, mut w) = read(Tree(config), "config");
        let mut st = Settings::default();
        w.extend(st.apply(&value));
        (st, value, w)
    }

    fn nested(levels: usize) -> Value {
        wrap(s("deep"), levels)
    }
    fn wrap(mut v: Value, levels: usize) -> Value {
        for _ in 0..levels {
            v = Value::List(vec![v]);
        }
        v
    }

    // Each limit test was checked by raising its limit in `Walk::node` once (or removing the
    // check): the test then fails on the value read or on the warning list.
    #[test]
    fn a_good_config_reads_unchanged() {
        let config = map(&[
            ("ui", map(&[("title", s("T"))])),
            ("regions", map(&[("psoas", map(&[("name", s("P"))]))])),
            ("stretchSteps", Value::List(vec![s("a"), s("b")])),
            ("n", Value::Other("a number")),
        ]);
        let (value, w) = read(Tree(&config), "config");
        assert_eq!(value, config);
        assert_eq!(w, vec![]);
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused_with_one_warning() {
        // 5,000 levels: the walk stops at MAX_DEPTH, whatever the depth.
        let config = Value::Map(vec![("ui".into(), map(&[("title", s("Kept"))])), ("deep".into(), nested(5_000))]);
        let (st, value, w) = read_apply(&config);
        assert_eq!(fields(&w), ["deep.0.0.0.0", "deep"], "the limit once, then the unknown key: {w:?}");
        assert!(w[0].message().contains("nested more than 5 levels deep"), "{}", w[0].message());
        assert_eq!(st.content.ui(crate::content::Ui::Title), "Kept", "the good fields still apply");
        let Value::Map(entries) = value else { panic!() };
        assert_eq!(entries[1].1, wrap(Value::Refused, 4));
        std::mem::forget(config); // dropping 5,000 levels is the test's concern, not the walk's
    }

    #[test]
    fn the_deepest_real_key_is_well_inside_the_depth_limit() {
        let config = map(&[("regions", map(&[("psoas", map(&[("name", nested(2))]))]))]);
        let (_, value, w) = read_apply(&config);
        assert_eq!(fields(&w), ["regions.psoas.name"], "a list is the wrong type, not a limit: {w:?}");
        assert!(w[0].problem.contains("expected a string, got a list"));
        assert_eq!(value, config);
    }

    #[test]
    fn a_throwing_getter_is_one_bad_field() {
        let config = map(&[("clinicName", Value::Other("throws")), ("ui", map(&[("title", s("Still read"))]))]);
        let (st, _, w) = read_apply(&config);
        assert_eq!(fields(&w), ["clinicName"]);
        assert!(w[0].problem.contains("threw"));
        assert_eq!(st.content.ui(crate::content::Ui::Title), "Still read");
        let (value, w) = read(Tree(&Value::Other("throws")), "config");
        assert_eq!((value, fields(&w)), (Value::Refused, vec!["config"]), "a throwing root is named as the config");
    }

    #[test]
    fn too_many_entries_in_one_object_or_list() {
        let wide = Value::Map((0..=MAX_ITEMS).map(|i| (digits(i), s("x"))).collect());
        let long = Value::List((0..=MAX_ITEMS).map(|_| s("x")).collect());
        let (st, _, w) = read_apply(&map(&[("ui", wide), ("stretchSteps", long)]));
        assert_eq!(fields(&w), ["ui", "stretchSteps"]);
        assert!(w[0].problem.contains("it has 65 entries; at most 64 are allowed"), "{}", w[0].problem);
        assert_eq!(st, Settings::default());
    }

    #[test]
    fn stretch_steps_are_capped() {
        let steps = |n: usize| Value::List((0..n).map(|i| s(&["Step ", &digits(i)].concat())).collect());
        let (st, _, w) = read_apply(&map(&[("stretchSteps", steps(MAX_STEPS))]));
        assert_eq!((w, st.content.stretch_steps.len()), (vec![], MAX_STEPS));
        let (st, _, w) = read_apply(&map(&[("stretchSteps", steps(MAX_STEPS + 1))]));
        assert_eq!(fields(&w), ["stretchSteps"]);
        assert!(w[0].problem.contains("13 steps; at most 12"), "{}", w[0].problem);
        assert_eq!(st, Settings::default());
    }

    #[test]
    fn a_megabyte_string_is_refused_before_it_is_copied() {
        let config = map(&[("clinicName", s(&"x".repeat(1 << 20)))]);
        let (st, value, w) = read_apply(&config);
        assert_eq!(value, map(&[("clinicName", Value::Refused)]));
        assert_eq!(fields(&w), ["clinicName"]);
        assert!(w[0].problem.contains("1048576 characters long; at most 2000"));
        assert_eq!(st, Settings::default());
    }

    #[test]
    fn total_text_and_total_values_are_capped() {
        // 60 strings of 1,900 characters: each is allowed, together they pass 100,000.
        let texts = Value::Map((0..60).map(|i| (digits(i), s(&"y".repeat(1_900)))).collect());
        let (_, w) = read(Tree(&map(&[("a", texts)])), "config");
        assert_eq!(w.len(), 60 - 100_000 / 1_900, "every string past the total is refused: {w:?}");
        assert!(w[0].problem.contains("more than 100000 characters"));
        // 9 lists of 60 numbers: 550 values, past MAX_VALUES.
        let many = Value::Map((0..9).map(|i| (digits(i), Value::List(vec![Value::Other("a number"); 60]))).collect());
        let (_, w) = read(Tree(&many), "config");
        assert_eq!(w.len(), 1 + 9 + 9 * 60 - MAX_VALUES);
        assert!(w[0].problem.contains("more than 512 values"));
    }

    #[test]
    fn refused_values_are_not_warned_about_twice() {
        let config = map(&[
            ("ui", map(&[("title", Value::Refused), ("nope", Value::Refused)])),
            ("regions", map(&[("knee", Value::Refused)])),
            ("stretchSteps", Value::Refused),
            ("clinicName", Value::Refused),
            ("other", Value::Refused),
        ]);
        let mut st = Settings::default();
        assert_eq!(st.apply(&config), vec![]);
        assert_eq!(st, Settings::default());
    }

    #[test]
    fn chars_counts_code_points() {
        for t in ["", "abc", "é", "¿Dónde?", "日本", "👍🏽x", "\u{202E}"] {
            assert_eq!(chars(t), t.chars().count(), "{t}");
        }
    }

    #[test]
    fn digits_without_fmt() {
        assert_eq!(digits(0), "0");
        assert_eq!(digits(2000), "2000");
        assert_eq!(digits(1048576), "1048576");
    }
}
