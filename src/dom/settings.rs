//! Reading a widget's settings from the page: the language pack, the host's JSON child, the
//! `config` object and the attributes, in rising priority, and saying what was refused.

use crate::config::{concat, Settings, Value, Warning, ATTRIBUTES};
use alloc::{string::String, vec::Vec};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Which sources' problems to report when settings are read again.
#[derive(Clone, Copy)]
pub(super) enum Report<'a> {
    /// At mount: everything.
    All,
    /// The config object changed.
    Config,
    /// One attribute changed.
    Attribute(&'a str),
}

/// Settings from defaults, then the language pack, the JSON script, the config object and the
/// attributes, with the warnings of the sources `report` names.
pub(super) fn settings_from(
    host: &Element,
    [pack, json, object]: [&Option<Value>; 3],
    report: Report,
) -> (Settings, Vec<Warning>) {
    let mut settings = Settings::default();
    let pack_warnings = pack.as_ref().map(|c| settings.apply(c)).unwrap_or_default();
    let json_warnings = json.as_ref().map(|c| settings.apply(c)).unwrap_or_default();
    let object_warnings = object.as_ref().map(|c| settings.apply(c)).unwrap_or_default();
    let mut warnings = match report {
        Report::All => [pack_warnings, json_warnings, object_warnings].concat(),
        Report::Config => object_warnings,
        Report::Attribute(_) => Vec::new(),
    };
    for (attr, _) in ATTRIBUTES {
        let Some(value) = host.get_attribute(attr) else { continue };
        let mut w = Vec::new();
        settings.set_attribute(attr, &value, &mut w);
        if matches!(report, Report::All) || matches!(report, Report::Attribute(a) if a == attr) {
            warnings.extend(w);
        }
    }
    (settings, warnings)
}

/// The config in the host's child `<script type="application/json">`, if any. Its text is
/// parsed by JavaScript and never copied into the wasm whole.
pub(super) fn read_json_script(host: &Element) -> Option<Value> {
    let script = host.query_selector(":scope > script[type='application/json']").ok()??;
    let text = Reflect::get(&script, &"textContent".into()).ok()?;
    match super::read::parse_json(&text) {
        Ok(parsed) => read_config(&parsed, "config JSON"),
        Err(e) => {
            let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
            warn_all(&[Warning { field: "config JSON".into(), problem: concat(&["it is not valid JSON (", &why, ")"]) }]);
            None
        }
    }
}

/// Reads a config object within the limits of [`crate::config`], warning about each field
/// it refused.
pub(super) fn read_config(config: &JsValue, field: &str) -> Option<Value> {
    let (value, warnings) = super::read::read_js(config, field);
    warn_all(&warnings);
    value
}

pub(super) fn warn_text(message: Option<String>) {
    if let Some(m) = message {
        web_sys::console::warn_1(&m.into());
    }
}

pub(super) fn warn_all(warnings: &[Warning]) {
    for w in warnings {
        web_sys::console::warn_1(&w.message().into());
    }
}
