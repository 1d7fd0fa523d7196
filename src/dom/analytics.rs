//! Sends a visitor's action to the analytics targets the clinic listed (`analytics`): Google
//! Tag Manager's `dataLayer`, GA4's `gtag`, Plausible and Matomo. Names and payloads are
//! decided in `crate::analytics`; this file only calls the page's functions.
//!
//! Nothing here fails the widget: a missing or broken target is one console warning per target
//! and page (not one per click), and the other targets still get the event.

use crate::analytics::{Action, Analytics, Payload, Sink, MATOMO_CATEGORY};
use js_sys::{Array, Function, Object, Reflect};
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// Targets already warned about on this page (one bit per [`Sink`]); the wasm module is
    /// instantiated once per page, so this is per page, shared by every widget on it.
    static WARNED: Cell<u8> = const { Cell::new(0) };
}

/// Why a target got nothing.
enum Problem {
    /// The page has no such function (the tool is not loaded, or the consent banner held it).
    Missing,
    /// It is there but unusable, with the reason.
    Broken(String),
}

/// Sends `action` with `payload` to every target in `analytics`.
pub fn send(analytics: Analytics, action: Action, payload: &Payload) {
    for sink in Sink::ALL {
        if analytics.has(sink) {
            if let Err(problem) = send_to(sink, action, payload) {
                warn_once(sink, problem);
            }
        }
    }
}

fn send_to(sink: Sink, action: Action, payload: &Payload) -> Result<(), Problem> {
    let global = js_sys::global();
    let name = action.event_name();
    match sink {
        Sink::DataLayer => {
            let mut layer = get(&global, sink.global());
            if layer.is_undefined() || layer.is_null() {
                layer = Array::new().into();
                let _ = Reflect::set(&global, &sink.global().into(), &layer);
            }
            if !Array::is_array(&layer) {
                return Err(Problem::Broken(String::from("it is not an array")));
            }
            if Object::is_frozen(layer.unchecked_ref::<Object>()) {
                return Err(Problem::Broken(String::from("it is frozen")));
            }
            // GTM's data model keeps keys between entries, so absent values are sent as null.
            let entry = Object::new();
            set(&entry, "event", &name.into());
            set(&entry, "region", &payload.region.map_or(JsValue::NULL, JsValue::from_str));
            set(&entry, "side", &payload.side.map_or(JsValue::NULL, JsValue::from_str));
            set(&entry, "widget", &payload.widget.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            // The layer's own push: Google Tag Manager replaces it to see new entries.
            call(&layer, "push", &[entry.into()]).map_err(|p| match p {
                Problem::Missing => Problem::Broken(String::from("it has no push() function")),
                broken => broken,
            })
        }
        Sink::Gtag => call(&global, "gtag", &["event".into(), name.into(), present(payload).into()]),
        Sink::Plausible => {
            let options = Object::new();
            set(&options, "props", &present(payload));
            call(&global, "plausible", &[name.into(), options.into()])
        }
        Sink::Matomo => {
            let event = Array::of4(
                &"trackEvent".into(),
                &MATOMO_CATEGORY.into(),
                &action.matomo_action().into(),
                &payload.matomo_label().into(),
            );
            call(&get(&global, sink.global()), "push", &[event.into()])
        }
    }
}

/// The payload's fields that have a value, as an object of strings.
fn present(payload: &Payload) -> Object {
    let obj = Object::new();
    for (key, value) in payload.present() {
        set(&obj, key, &value.into());
    }
    obj
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

/// Calls `this[method](...args)`; no such function is [`Problem::Missing`], a throw is broken.
fn call(this: &JsValue, method: &str, args: &[JsValue]) -> Result<(), Problem> {
    if this.is_undefined() || this.is_null() {
        return Err(Problem::Missing);
    }
    let f: Function = get(this, method).dyn_into().map_err(|_| Problem::Missing)?;
    let args: Array = args.iter().collect();
    f.apply(this, &args).map(|_| ()).map_err(|e| {
        let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        Problem::Broken(["its ", method, "() threw (", &why, ")"].concat())
    })
}

fn warn_once(sink: Sink, problem: Problem) {
    let bit = 1 << sink as u8;
    if WARNED.with(|w| w.replace(w.get() | bit)) & bit != 0 {
        return;
    }
    let global = sink.global();
    let message = match problem {
        Problem::Missing => [
            "lower-back-map: \"analytics\" lists ",
            sink.id(),
            ", but the page has no ",
            global,
            if sink == Sink::Matomo { " queue" } else { "() function" },
            ", so it gets nothing (until its script loads, if the consent banner allows it). This is said once per page.",
        ]
        .concat(),
        Problem::Broken(why) => [
            "lower-back-map: \"analytics\" lists ",
            sink.id(),
            ", but window.",
            global,
            " cannot take events: ",
            &why,
            ". It gets nothing; this is said once per page.",
        ]
        .concat(),
    };
    web_sys::console::warn_1(&message.into());
}
