//! Sends a visitor's action to the analytics targets the clinic listed (`analytics`): Google
//! Tag Manager's `dataLayer`, GA4's `gtag`, Plausible and Matomo. Names and payloads are
//! decided in `crate::analytics`; this file only calls the page's functions.
//!
//! Nothing here fails the widget: a missing or broken target is one console warning per target
//! and page (not one per click), and the other targets still get the event.

use crate::analytics::{Action, Analytics, Payload, Sink, MATOMO_CATEGORY};
use crate::config::concat;
use alloc::string::String;
use core::sync::atomic::{AtomicU8, Ordering};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Targets already warned about on this page (one bit per [`Sink`]); the wasm module is
/// instantiated once per page, so this is per page, shared by every widget on it.
static WARNED: AtomicU8 = AtomicU8::new(0);

/// Why a target got nothing.
enum Problem {
    /// The page has no such function (the tool is not loaded, or the consent banner held it).
    Missing,
    /// It threw, with the error's message. A frozen `dataLayer` throws on `push`.
    Threw(String),
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
    let name = JsValue::from_str(action.event_name());
    let target = get(&global, sink.global());
    match sink {
        Sink::DataLayer => {
            let layer = if target.is_undefined() || target.is_null() {
                let layer = JsValue::from(Array::new());
                let _ = Reflect::set(&global, &sink.global().into(), &layer);
                layer
            } else {
                target
            };
            // GTM's data model keeps keys between entries, so absent values are sent as null.
            let entry = Object::new();
            set(&entry, "event", &name);
            set(&entry, "region", &payload.region.map_or(JsValue::NULL, JsValue::from_str));
            set(&entry, "side", &payload.side.map_or(JsValue::NULL, JsValue::from_str));
            set(&entry, "widget", &payload.widget.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            if let Some(feelings) = &payload.feelings {
                set(&entry, "feelings", &feelings.into());
            }
            // The layer's own push: Google Tag Manager replaces it to see new entries.
            push(&layer, &entry)
        }
        Sink::Gtag => function(&target)?.call3(&global, &"event".into(), &name, &present(payload)).map(drop).map_err(threw),
        Sink::Plausible => {
            let options = Object::new();
            set(&options, "props", &present(payload));
            function(&target)?.call2(&global, &name, &options).map(drop).map_err(threw)
        }
        Sink::Matomo => {
            let event = Array::of4(
                &"trackEvent".into(),
                &MATOMO_CATEGORY.into(),
                &action.matomo_action().into(),
                &payload.matomo_label().into(),
            );
            push(&target, &event)
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

fn function(value: &JsValue) -> Result<&Function, Problem> {
    value.dyn_ref::<Function>().ok_or(Problem::Missing)
}

/// `queue.push(item)`: a `dataLayer` or `_paq` array, or the object a loaded tag put there.
fn push(queue: &JsValue, item: &JsValue) -> Result<(), Problem> {
    if queue.is_undefined() || queue.is_null() {
        return Err(Problem::Missing);
    }
    function(&get(queue, "push"))?.call1(queue, item).map(drop).map_err(threw)
}

fn threw(e: JsValue) -> Problem {
    Problem::Threw(e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default())
}

fn warn_once(sink: Sink, problem: Problem) {
    let bit = 1 << sink as u8;
    if WARNED.fetch_or(bit, Ordering::Relaxed) & bit != 0 {
        return;
    }
    let why = match problem {
        Problem::Missing => String::from(" is missing"),
        Problem::Threw(message) => concat(&[" threw: ", &message]),
    };
    let what = if sink == Sink::DataLayer || sink == Sink::Matomo { ".push()" } else { "()" };
    let message = concat(&[
        "lower-back-map: \"analytics\" lists ",
        sink.id(),
        ", but window.",
        sink.global(),
        what,
        &why,
        ". Nothing goes to it; said once per page.",
    ]);
    web_sys::console::warn_1(&message.into());
}
