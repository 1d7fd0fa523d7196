//! A mounted widget's input: DOM events in the shadow root (and the page's `hashchange`) become
//! [`Msg`]s for the shared state, through listeners the widget's handle owns.

use super::listener::EventListener;
use super::teach::{Teach, TeachMsg};
use super::view::{event_element, report};
use super::widget::{Shared, Source};
use crate::analytics::{Action, Payload};
use crate::links::deep_link;
use crate::regions::{Target, TARGETS};
use crate::selection::Msg;
use alloc::{rc::Rc, vec::Vec};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent};

impl Shared {
    fn on_click(&self, event: &web_sys::Event) -> Result<(), JsValue> {
        let Some(el) = event_element(event.target()) else { return Ok(()) };
        if let Some(target) = target_of(&el)? {
            return self.handle(Msg::Toggle(target), Source::Pointer);
        }
        if el.closest("a.book")?.is_some() {
            return self.booking_clicked();
        }
        let teach = self.state.borrow().view.teach.message(&el);
        match teach {
            Some(msg) => self.on_teach(msg),
            None => Ok(()),
        }
    }

    /// Teach (issue 14): a feeling or kidney-check box, "Read about …", or "Copy link".
    /// Only feelings are reported (`feeling-select`); the kidney check is never sent anywhere.
    #[inline(never)]
    fn on_teach(&self, msg: TeachMsg) -> Result<(), JsValue> {
        match msg {
            TeachMsg::Open(region) => {
                let target = crate::teach::open_target(region, self.state.borrow().selection.side);
                self.handle(Msg::Select(target), Source::Feeling)?;
                self.state.borrow().view.teach.focus_panel()
            }
            TeachMsg::Copy => {
                let st = self.state.borrow();
                st.view.teach.copy(&self.doc, st.selection.selected)
            }
            TeachMsg::Answer(answer) => {
                let (report, before, chosen, analytics, opted_in) = {
                    let mut st = self.state.borrow_mut();
                    let before = st.answers.feelings;
                    let report = st.answers.update(answer);
                    st.view.teach.show_answers(&st.settings.content, st.answers)?;
                    (report, before, st.answers.feelings, st.settings.analytics, st.settings.analytics_feelings)
                };
                if !report {
                    return Ok(());
                }
                if let Some(text) = Teach::announcement(&self.state.borrow().settings.content, chosen) {
                    self.state.borrow().view.announce(&text);
                }
                self.emit("feeling-select", &super::teach::feeling_detail(chosen)?)?;
                // Analytics hear only the feelings the clinic opted in to (none by default), and
                // only when those change: a change among the others leaves no trace.
                let counted = crate::teach::analytics_feelings(chosen, opted_in);
                let changed = counted != crate::teach::analytics_feelings(before, opted_in);
                if changed && !counted.is_empty() {
                    self.track(analytics, Action::Feeling, Payload::feelings(counted, None));
                }
                Ok(())
            }
        }
    }

    fn on_key(&self, event: &web_sys::Event) -> Result<(), JsValue> {
        let (Some(key), Some(el)) = (event.dyn_ref::<KeyboardEvent>(), event_element(event.target())) else {
            return Ok(());
        };
        let Some(target) = target_of(&el)? else { return Ok(()) };
        if key.alt_key() || key.ctrl_key() || key.meta_key() {
            return Ok(());
        }
        // Keys act on the region that has focus, even if a script moved the selection elsewhere.
        self.handle(Msg::FocusAt(target.position()), Source::Api)?;
        let msg = self.state.borrow().selection.key_msg(&key.key());
        match msg {
            Some(msg) => {
                event.prevent_default();
                self.handle(msg, Source::Keyboard)
            }
            None => Ok(()),
        }
    }

    fn on_focus(&self, event: &web_sys::Event) -> Result<(), JsValue> {
        match event_element(event.target()).map(|el| target_of(&el)).transpose()?.flatten() {
            // A pointer or the browser put focus on a region: make it the tab stop.
            Some(t) => self.handle(Msg::FocusAt(t.position()), Source::Pointer),
            None => Ok(()),
        }
    }

    fn on_hash_change(&self) -> Result<(), JsValue> {
        let Some(loc) = self.doc.location() else { return Ok(()) };
        match deep_link(&loc.search()?, &loc.hash()?) {
            Some(t) => self.handle(Msg::Select(t), Source::Link),
            None => Ok(()),
        }
    }
}

pub(super) fn listen(shared: &Rc<Shared>) -> Result<Vec<EventListener>, JsValue> {
    type Handler = fn(&Shared, &web_sys::Event) -> Result<(), JsValue>;
    let on: [(&'static str, Handler); 3] =
        [("click", Shared::on_click), ("keydown", Shared::on_key), ("focusin", Shared::on_focus)];
    let mut listeners = Vec::with_capacity(on.len() + 1);
    for (kind, handler) in on {
        let s = Rc::clone(shared);
        listeners.push(EventListener::new(&shared.shadow, kind, move |e| report(handler(&s, &e)))?);
    }
    if let Some(window) = shared.doc.default_view() {
        let s = Rc::clone(shared);
        listeners.push(EventListener::new(&window, "hashchange", move |_| report(s.on_hash_change()))?);
    }
    Ok(listeners)
}

/// The target of the region an event happened in, if any.
fn target_of(el: &Element) -> Result<Option<Target>, JsValue> {
    let key = el.closest("[data-target]")?.and_then(|r| r.get_attribute("data-target"));
    Ok(key.and_then(|k| TARGETS.into_iter().find(|t| t.key() == k)))
}
