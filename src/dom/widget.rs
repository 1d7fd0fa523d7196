//! A mounted widget: reads its settings from the host element, draws the view into an open
//! shadow root, applies the [`Msg`]s its input (`input.rs`) makes of DOM events, and tells the
//! host page what happened.
//!
//! The handle owns every listener; dropping it (or `destroy()` from JS) removes them and the
//! drawing. Listeners hold the shared state, never the handle, so nothing keeps itself alive.

use super::booking_link::{resolve_booking, Booking};
use super::host::{adopt_style, set_language, shadow_root};
use super::listener::EventListener;
use super::settings::{read_config, read_json_script, settings_from, warn_all, warn_text, Report};
use super::view::{after_first_paint, report, reveal_heading, View};
use crate::analytics::{identity, Action, Analytics, Payload};
use crate::booking;
use crate::config::{concat, Settings, Value, Warning};
use crate::content::Ui;
use crate::links::{deep_link, utm_params};
use crate::regions::Target;
use crate::selection::{Msg, Selection};
use alloc::{boxed::Box, rc::Rc, string::String, vec::Vec};
use core::cell::{Cell, RefCell};
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Document, Element, ShadowRoot};

/// Where a selection came from, as reported in the `region-select` event.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Pointer,
    Keyboard,
    /// `select()` or the `region` attribute.
    Api,
    /// The host page's URL (`#region=psoas`).
    Link,
    /// Teach (issue 14): a "Read about …" button under "Which sounds like yours?".
    Feeling,
}

impl Source {
    fn id(self) -> &'static str {
        match self {
            Source::Pointer => "pointer",
            Source::Keyboard => "keyboard",
            Source::Api => "api",
            Source::Link => "link",
            Source::Feeling => "feeling",
        }
    }

    /// Selections a visitor made, the ones analytics counts.
    fn is_visitor(self) -> bool {
        matches!(self, Source::Pointer | Source::Keyboard | Source::Feeling)
    }
}

pub struct Widget {
    shared: Rc<Shared>,
    _listeners: Vec<EventListener>,
}

pub(super) struct Shared {
    host: Element,
    pub(super) shadow: ShadowRoot,
    pub(super) doc: Document,
    pub(super) state: RefCell<State>,
    /// A fill of the hidden panels is waiting for a frame (`fill_later`): one at a time, however
    /// many redraws come before it.
    fill_pending: Cell<bool>,
}

pub(super) struct State {
    pub(super) settings: Settings,
    /// Config from the child JSON script and from `set_config`, re-read on every change.
    json: Option<Value>,
    object: Option<Value>,
    /// The built-in text pack for the element's language (`lang`), below every config source.
    pack: Option<Value>,
    pub(super) selection: Selection,
    pub(super) view: View,
    booking: Booking,
    utm: Vec<(String, String)>,
    /// Teach (issue 14): the feelings ticked and the kidney check; never sent anywhere but the
    /// feelings in `feeling-select`.
    pub(super) answers: crate::teach::Answers,
}

impl Widget {
    /// Reads the settings and draws the whole widget while it is detached; only when it can be
    /// shown is the shadow root attached (which hides the fallback content) and the drawing put
    /// in. Any error before that leaves the element as it was: fallback visible, mountable.
    pub fn mount(host: &JsValue, config: &JsValue, pack: &JsValue) -> Result<Widget, JsValue> {
        let not_element = || error(concat(&["mount() needs an Element to draw into, but got ", &type_name(host)]));
        // `instanceof` accepts a Proxy of an element, whose DOM getters then throw: that is
        // caught here (Reflect), before a web-sys call could throw through the wasm.
        if Reflect::get(host, &"ownerDocument".into()).is_err() {
            return Err(not_element());
        }
        let host: &Element = host.dyn_ref().ok_or_else(not_element)?;
        let doc = host.owner_document().ok_or_else(|| error("mount(): the element has no document"))?;
        if let Some(root) = host.shadow_root() {
            if root.query_selector(".lbm")?.is_some() {
                return Err(error("this element already shows a lower-back-map widget; destroy() it before mounting again"));
            }
        }

        let json = read_json_script(host);
        let object = read_config(config, "config");
        let pack = read_config(pack, "language pack");
        let (settings, mut warnings) = settings_from(host, [&pack, &json, &object], Report::All);
        let page = doc.location();
        let search = page.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
        let hash = page.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
        let initial = deep_link(&search, &hash).or(settings.initial);

        let view = View::build(&doc, &settings)?;
        set_language(host, &view.root, translated(&pack, &json, &object))?;
        let booking = resolve_booking(&doc, &settings, &mut warnings);
        warn_all(&warnings);
        if doc.ready_state() != "loading" {
            warn_text(booking.no_target_warning(&doc));
        }
        let mut selection = Selection::default();
        if let Some(t) = initial {
            selection.update(Msg::Select(t));
        }
        let state = State {
            settings,
            json,
            object,
            pack,
            selection,
            view,
            booking,
            utm: utm_params(&search),
            answers: Default::default(),
        };
        state.view.show_focus(&state.selection)?;
        state.show_all()?;
        let ready = target_detail(state.selection.selected)?;

        // Everything is drawn: now, and only now, the host changes.
        let shadow = shadow_root(host)?;
        adopt_style(&doc, &shadow)?;
        shadow.append_child(&state.view.root)?;
        let shared =
            Rc::new(Shared { host: host.clone(), shadow, doc, state: RefCell::new(state), fill_pending: Cell::new(false) });
        // From here on, dropping `widget` on an error takes the drawing out again.
        let mut widget = Widget { shared, _listeners: Vec::new() };
        widget._listeners = super::input::listen(&widget.shared)?;
        widget.shared.emit("map-ready", &ready)?;
        fill_later(&widget.shared);
        Ok(widget)
    }

    pub fn select(&self, target: Target) -> Result<(), JsValue> {
        self.shared.handle(Msg::Select(target), Source::Api)
    }

    pub fn clear(&self) -> Result<(), JsValue> {
        self.shared.handle(Msg::Clear, Source::Api)
    }

    pub fn selected(&self) -> Option<Target> {
        self.shared.state.borrow().selection.selected
    }

    /// The booking link's `href` as it stands, for the host page and tests.
    pub fn booking_href(&self) -> String {
        self.shared.state.borrow().href()
    }

    /// The host's attribute `name` changed or was removed: settings are read again from every
    /// source, as a fresh page would read them, and only this attribute's problems are reported.
    pub fn attribute_changed(&self, name: &str) -> Result<(), JsValue> {
        if name == "region" {
            let (settings, warnings) = self.shared.settings_now(Report::Attribute(name));
            warn_all(&warnings);
            return match settings.initial {
                Some(t) => self.select(t),
                None => self.clear(),
            };
        }
        self.redraw(Report::Attribute(name))
    }

    /// Replaces the text pack (the element's `lang` changed) and redraws with it.
    pub fn set_pack(&self, pack: &JsValue) -> Result<(), JsValue> {
        self.shared.state.borrow_mut().pack = read_config(pack, "language pack");
        self.redraw(Report::Attribute("lang"))
    }

    /// Replaces the JS config object (`element.config = {...}`) and redraws with it.
    pub fn set_config(&self, config: &JsValue) -> Result<(), JsValue> {
        // Read first: a getter in the config runs page code, which may call back in.
        let object = read_config(config, "config");
        self.shared.state.borrow_mut().object = object;
        self.redraw(Report::Config)
    }

    fn redraw(&self, report: Report) -> Result<(), JsValue> {
        self.shared.refresh(report)?;
        fill_later(&self.shared);
        Ok(())
    }
}

/// Fills the hidden panels once the drawing's first frame is painted, so that mounting (or a
/// redraw) draws only what that frame shows and a first tap on a region only switches panels.
/// It fills whichever view is shown by then.
fn fill_later(shared: &Rc<Shared>) {
    if shared.fill_pending.replace(true) {
        return;
    }
    let weak = Rc::downgrade(shared);
    let scheduled = after_first_paint(
        &shared.doc,
        Box::new(move || {
            let Some(shared) = weak.upgrade() else { return };
            shared.fill_pending.set(false);
            let Ok(st) = shared.state.try_borrow() else { return };
            report(st.view.fill_all(&st.settings.content));
        }),
    );
    if scheduled.is_err() {
        shared.fill_pending.set(false);
    }
    report(scheduled);
}

impl Drop for Widget {
    fn drop(&mut self) {
        // Listeners go with `_listeners`; the drawing goes here, leaving the shadow root empty
        // so the element can be mounted again.
        // Removing a focused drawing runs the page's focusout listeners: no borrow is held.
        let root = self.shared.state.try_borrow().ok().map(|st| st.view.root.clone());
        if let Some(root) = root {
            root.remove();
        }
    }
}

impl State {
    fn href(&self) -> String {
        match &self.booking {
            Booking::Web(base, provider) => {
                booking::href(base, provider, self.selection.selected, &self.settings.content, &self.utm)
            }
            Booking::Fixed(link) | Booking::Anchor(link, _) => link.clone(),
        }
    }

    /// Shows what depends on the selection; a click changes nothing else.
    fn show_selection(&self) -> Result<(), JsValue> {
        self.view.show_selection(&self.settings.content, self.selection.selected, &self.href())?;
        self.view.teach.show_felt(&self.settings.content, self.selection.selected)
    }

    /// Shows the whole state on a view just built.
    fn show_all(&self) -> Result<(), JsValue> {
        self.show_selection()?;
        self.view.teach.show_answers(&self.settings.content, self.answers)
    }
}

impl Shared {
    /// Applies one message; focus moves and events go out after the state is released, since
    /// both run host-page code that may call back into the widget.
    pub(super) fn handle(&self, msg: Msg, source: Source) -> Result<(), JsValue> {
        let (focus, selected, announce, analytics, reveal) = {
            let mut st = self.state.borrow_mut();
            let changed = st.selection.update(msg);
            let focus = if changed.focus {
                let el = st.view.show_focus(&st.selection)?;
                (source == Source::Keyboard).then_some(el)
            } else {
                None
            };
            if !changed.selection {
                (focus, None, None, Analytics::OFF, None)
            } else {
                st.show_selection()?;
                let content = &st.settings.content;
                let selected = st.selection.selected;
                let announce = match selected {
                    Some(t) => content.fill(content.ui(Ui::Announce), t),
                    None => String::from(content.ui(Ui::AnnounceOverview)),
                };
                // The answer follows a visitor's choice; code and links leave the page alone.
                let reveal = selected.filter(|_| source.is_visitor()).and_then(|t| st.view.heading(t).cloned());
                (focus, Some(selected), Some(announce), st.settings.analytics, reveal)
            }
        };
        if let Some(el) = focus {
            el.focus()?;
        }
        if let Some(text) = announce {
            self.state.borrow().view.announce(&text);
        }
        if let Some(heading) = reveal {
            reveal_heading(&self.doc, heading)?;
        }
        if let Some(selected) = selected {
            let detail = target_detail(selected)?;
            Reflect::set(&detail, &"source".into(), &source.id().into())?;
            self.emit("region-select", &detail)?;
            // Going back to the overview says nothing about pain: only selections are counted.
            if source.is_visitor() && selected.is_some() {
                self.track(analytics, Action::Select, Payload::new(selected, None));
            }
        }
        Ok(())
    }

    /// Settings as the sources say now, with the warnings `report` asks for.
    fn settings_now(&self, report: Report) -> (Settings, Vec<Warning>) {
        let st = self.state.borrow();
        settings_from(&self.host, [&st.pack, &st.json, &st.object], report)
    }

    /// Reads the settings again and redraws the view with them, keeping selection and focus.
    fn refresh(&self, report: Report) -> Result<(), JsValue> {
        let (settings, mut warnings) = self.settings_now(report);
        let no_target;
        let (new, focus) = {
            let mut st = self.state.borrow_mut();
            // The browser's verdict on the booking link was given when that link was set.
            let link_changed = settings.booking_url != st.settings.booking_url
                || settings.booking_provider != st.settings.booking_provider
                || settings.booking_field != st.settings.booking_field;
            if link_changed {
                st.booking = resolve_booking(&self.doc, &settings, &mut warnings);
            }
            st.settings = settings;
            no_target = if link_changed { st.booking.no_target_warning(&self.doc) } else { None };
            let had_focus = self.shadow.active_element().is_some();
            let view = View::build(&self.doc, &st.settings)?;
            set_language(&self.host, &view.root, translated(&st.pack, &st.json, &st.object))?;
            st.view = view;
            let el = st.view.show_focus(&st.selection)?;
            st.show_all()?;
            (st.view.root.clone(), had_focus.then_some(el))
        };
        // Page code may run from here on (a console.warn wrapper, a focusout listener when the
        // focused drawing is replaced) and call back in, even redraw: the state is no longer
        // borrowed, and whichever drawing is shown now is the one replaced.
        warn_all(&warnings);
        warn_text(no_target);
        match self.shadow.query_selector(".lbm")? {
            Some(shown) => self.shadow.replace_child(&new, &shown).map(drop)?,
            None => self.shadow.append_child(&new).map(drop)?,
        }
        match focus {
            Some(el) => el.focus(),
            None => Ok(()),
        }
    }

    pub(super) fn booking_clicked(&self) -> Result<(), JsValue> {
        let (selected, href, analytics, no_target) = {
            let st = self.state.borrow();
            (st.selection.selected, st.href(), st.settings.analytics, st.booking.no_target_warning(&self.doc))
        };
        warn_text(no_target);
        let detail = target_detail(selected)?;
        Reflect::set(&detail, &"href".into(), &href.into())?;
        self.emit("booking-click", &detail)?;
        self.track(analytics, Action::Booking, Payload::new(selected, None));
        Ok(())
    }

    /// Tells the clinic's analytics targets about a visitor's action, naming this widget.
    /// `payload` comes without the widget's identity; it is added here, for every action alike.
    pub(super) fn track(&self, analytics: Analytics, action: Action, payload: Payload) {
        if !analytics.is_off() {
            let widget = identity(self.host.id(), self.host.get_attribute("name"));
            super::analytics::send(analytics, action, &Payload { widget, ..payload });
        }
    }

    /// Dispatches an event on the host element that bubbles out of the shadow root.
    pub(super) fn emit(&self, name: &str, detail: &Object) -> Result<(), JsValue> {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        let event = CustomEvent::new_with_event_init_dict(name, &init)?;
        self.host.dispatch_event(&event).map(|_| ())
    }
}

fn target_detail(target: Option<Target>) -> Result<Object, JsValue> {
    let detail = Object::new();
    let (region, side) = match target {
        Some(t) => (JsValue::from_str(t.region.id()), t.chosen_side().map_or(JsValue::NULL, |s| JsValue::from_str(s.id()))),
        None => (JsValue::NULL, JsValue::NULL),
    };
    Reflect::set(&detail, &"region".into(), &region)?;
    Reflect::set(&detail, &"side".into(), &side)?;
    Ok(detail)
}

/// Whether a text pack or the site's own strings are in use (see `set_language`).
fn translated(pack: &Option<Value>, json: &Option<Value>, object: &Option<Value>) -> bool {
    pack.is_some() || json.as_ref().is_some_and(Settings::has_texts) || object.as_ref().is_some_and(Settings::has_texts)
}

pub fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(&concat(&["lower-back-map: ", message.as_ref()])).into()
}

fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if value.is_object() {
        // Through Reflect, which catches: a Proxy's trap may throw.
        let name = Reflect::get(value, &"constructor".into())
            .and_then(|c| Reflect::get(&c, &"name".into()))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if !name.is_empty() {
            return concat(&["a ", &name]);
        }
    }
    value.js_typeof().as_string().unwrap_or_default()
}
