//! An event listener that removes itself when dropped (the gloo `EventListener` pattern), so a
//! widget's listeners live exactly as long as its handle and nothing is leaked with `forget`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, EventTarget};

pub struct EventListener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl EventListener {
    pub fn new(target: &EventTarget, kind: &'static str, f: impl FnMut(Event) + 'static) -> Result<Self, JsValue> {
        EventListener::add(target, kind, Closure::new(f))
    }

    /// The part that is the same for every closure type, compiled once.
    #[inline(never)]
    fn add(target: &EventTarget, kind: &'static str, callback: Closure<dyn FnMut(Event)>) -> Result<Self, JsValue> {
        target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref())?;
        Ok(EventListener { target: target.clone(), kind, callback })
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        // Removing a listener that is registered cannot fail; nothing useful to do if it did.
        let _ = self.target.remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}
