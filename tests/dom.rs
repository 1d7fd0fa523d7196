//! The DOM layer in a real browser: `wasm-pack test --headless --chrome` (and --firefox, and
//! WebKit through `scripts/test.sh webkit`).

use lower_back_map::{mount, Widget};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, Event, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host element in the page, with the given attributes.
fn host(attrs: &[(&str, &str)]) -> Element {
    let el = document().create_element("div").unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Gives the host a child `<script type="application/json">` with this text.
fn json_config(host: &Element, json: &str) {
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(json));
    host.append_child(&script).unwrap();
}

fn shadow(host: &Element) -> ShadowRoot {
    host.shadow_root().expect("the widget draws into an open shadow root")
}

fn find(host: &Element, selector: &str) -> Element {
    shadow(host).query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn region(host: &Element, key: &str) -> Element {
    find(host, &format!("[data-target='{key}']"))
}

fn click(el: &Element) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    el.dispatch_event(&MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
}

fn key(el: &Element, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&event).unwrap();
    event.default_prevented()
}

/// The visible panel's text.
/// Text as read, without the bidi isolates (U+2068, U+2069) around filled-in values.
fn plain(text: String) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

fn panel_text(host: &Element) -> String {
    plain(find(host, ".panel.is-active").text_content().unwrap())
}

/// The widget's question above the map.
fn title_text(host: &Element) -> String {
    find(host, ".title").text_content().unwrap()
}

fn link_href(host: &Element) -> String {
    find(host, ".panel.is-active a.book").get_attribute("href").unwrap()
}

/// Records the `detail` of every `name` event that reaches `target`.
struct Recorder {
    seen: Rc<RefCell<Vec<JsValue>>>,
    _listener: Closure<dyn FnMut(Event)>,
    target: web_sys::EventTarget,
    name: &'static str,
}

impl Recorder {
    fn new(target: &web_sys::EventTarget, name: &'static str) -> Recorder {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let s = Rc::clone(&seen);
        let listener = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            s.borrow_mut().push(e.unchecked_ref::<CustomEvent>().detail());
        });
        target.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).unwrap();
        Recorder { seen, _listener: listener, target: target.clone(), name }
    }

    fn count(&self) -> usize {
        self.seen.borrow().len()
    }

    fn last(&self, field: &str) -> JsValue {
        let seen = self.seen.borrow();
        js_sys::Reflect::get(seen.last().expect("an event"), &field.into()).unwrap()
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.name, self._listener.as_ref().unchecked_ref());
    }
}

fn mounted(attrs: &[(&str, &str)]) -> (Element, Widget) {
    let h = host(attrs);
    let w = mount(h.clone().into(), JsValue::UNDEFINED, None).expect("mounts");
    (h, w)
}

#[wasm_bindgen_test]
fn renders_every_region_with_a_name_and_side() {
    let (h, _w) = mounted(&[]);
    let regions = shadow(&h).query_selector_all("[role='button'][data-target]").unwrap();
    assert_eq!(regions.length(), 7);
    let names: Vec<String> = (0..regions.length())
        .map(|i| plain(regions.item(i).unwrap().unchecked_into::<Element>().get_attribute("aria-label").unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            "Quadratus lumborum, left side",
            "Quadratus lumborum, right side",
            "Sacroiliac joint, left side",
            "Sacroiliac joint, right side",
            "Glutes, left side",
            "Glutes, right side",
            "Psoas, both sides",
        ]
    );
    let toolbar = find(&h, "svg[role='toolbar']");
    assert!(toolbar.get_attribute("aria-label").unwrap().contains("Lower back"));
    let tab_stops = shadow(&h).query_selector_all("[data-target][tabindex='0']").unwrap();
    assert_eq!(tab_stops.length(), 1, "the map is one tab stop");
    assert!(title_text(&h).contains("Where does your lower back hurt?"));
    assert!(find(&h, ".flags").text_content().unwrap().contains("doctor"), "red flags always shown");
}

/// Mounting draws only the shown panel; a region's panel is filled when first selected (the
/// rest are filled after the first paint, which `e2e/visitor.test.mjs` checks).
#[wasm_bindgen_test]
fn a_hidden_panel_is_filled_when_first_selected() {
    let (h, _w) = mounted(&[]);
    let glutes = find(&h, ".panel[data-region='glutes']");
    assert_eq!(glutes.child_element_count(), 0, "not drawn at mount");
    click(&region(&h, "glutes-right"));
    assert!(glutes.class_list().contains("is-active"));
    assert!(panel_text(&h).contains("Glutes, right side"));
    assert!(panel_text(&h).contains("doorway"));
    click(&region(&h, "glutes-left"));
    assert!(panel_text(&h).starts_with("Glutes, left side"), "filled once, heading updated");
    assert_eq!(shadow(&h).query_selector_all(".panel[data-region='glutes'] h2").unwrap().length(), 1);
}

#[wasm_bindgen_test]
fn click_selects_and_updates_panel_and_link() {
    let (h, w) = mounted(&[("booking-url", "https://clinic.example/book?service=7#slots")]);
    let events = Recorder::new(&h, "region-select");
    click(&region(&h, "psoas-both"));
    assert!(panel_text(&h).contains("Psoas, both sides"));
    assert!(panel_text(&h).contains("doorway"));
    assert_eq!(link_href(&h), "https://clinic.example/book?service=7&region=psoas&side=both#slots");
    assert_eq!(region(&h, "psoas-both").get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(region(&h, "ql-left").get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(w.selected().unwrap().as_deref(), Some("psoas:both"));
    assert_eq!(events.count(), 1);
    assert_eq!(events.last("region"), "psoas");
    assert_eq!(events.last("side"), "both");
    assert_eq!(events.last("source"), "pointer");
    assert_eq!(
        find(&h, "[aria-live='polite']").text_content().unwrap(),
        "Showing \u{2068}Psoas\u{2069}, \u{2068}both sides\u{2069}."
    );

    click(&region(&h, "ql-right"));
    assert!(panel_text(&h).contains("Quadratus lumborum, right side"));
    assert!(link_href(&h).contains("region=ql&side=right"));
    assert_eq!(region(&h, "psoas-both").get_attribute("aria-pressed").as_deref(), Some("false"));
}

/// What the map and panels show: the pressed regions and the active panels' regions.
fn shown(host: &Element) -> (Vec<String>, Vec<String>) {
    let all = |selector: &str, attr: &str| {
        let list = shadow(host).query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.get(i).unwrap().unchecked_into::<Element>().get_attribute(attr).unwrap_or_else(|| "intro".into()))
            .collect::<Vec<_>>()
    };
    (all("[aria-pressed='true']", "data-target"), all(".panel.is-active", "data-region"))
}

// A click touches only what it leaves and what it picks (src/dom/view.rs): whatever the
// sequence, and after a redraw, one region is pressed and one panel shown.
#[wasm_bindgen_test]
fn any_sequence_of_selections_shows_one_pressed_region_and_one_panel() {
    let (h, w) = mounted(&[]);
    let one = |target: &str, panel: &str| (vec![target.to_string()], vec![panel.to_string()]);
    for (key, panel) in [("ql-left", "ql"), ("glutes-right", "glutes"), ("ql-right", "ql"), ("psoas-both", "psoas")] {
        click(&region(&h, key));
        assert_eq!(shown(&h), one(key, panel), "after {key}");
    }
    click(&region(&h, "psoas-both"));
    assert_eq!(shown(&h), (vec![], vec!["intro".to_string()]), "a second tap goes back to the overview");
    click(&region(&h, "si-joint-right"));
    h.set_attribute("theme", "dark").unwrap(); // redraws: a new view, shown from scratch
    w.attribute_changed("theme").unwrap();
    assert_eq!(shown(&h), one("si-joint-right", "si-joint"), "after a redraw");
    click(&region(&h, "glutes-left"));
    assert_eq!(shown(&h), one("glutes-left", "glutes"), "a click after a redraw");
    w.clear().unwrap();
    assert_eq!(shown(&h), (vec![], vec!["intro".to_string()]));
}

#[wasm_bindgen_test]
fn keyboard_moves_focus_and_selects() {
    let (h, w) = mounted(&[]);
    let first = region(&h, "ql-left");
    assert!(key(&first, "ArrowRight"), "arrow keys are handled, not scrolled");
    assert_eq!(region(&h, "ql-right").get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(w.selected().unwrap(), None, "moving focus selects nothing");
    key(&region(&h, "ql-right"), "Enter");
    assert_eq!(w.selected().unwrap().as_deref(), Some("ql:right"));
    assert!(panel_text(&h).contains("right side"));

    key(&region(&h, "ql-right"), "End");
    let last = region(&h, "psoas-both");
    assert_eq!(last.get_attribute("tabindex").as_deref(), Some("0"));
    key(&last, " ");
    assert_eq!(w.selected().unwrap().as_deref(), Some("psoas:both"));
    key(&last, "Home");
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("0"));
    assert!(!key(&first, "Tab"), "Tab is left to the browser");
}

#[wasm_bindgen_test]
fn map_ready_tells_the_initial_selection() {
    let h = host(&[("region", "glutes:right")]);
    let ready = Recorder::new(&h, "map-ready");
    let w = mount(h.clone().into(), JsValue::UNDEFINED, None).unwrap();
    assert_eq!(ready.count(), 1);
    assert_eq!(ready.last("region"), "glutes");
    assert_eq!(ready.last("side"), "right");
    assert_eq!(w.selected().unwrap().as_deref(), Some("glutes:right"));
    assert!(panel_text(&h).contains("Glutes, right side"));
}

#[wasm_bindgen_test]
fn two_widgets_on_one_page_are_independent() {
    let (a, wa) = mounted(&[("booking-url", "https://a.example/book")]);
    let (b, wb) = mounted(&[("booking-url", "https://b.example/book")]);
    click(&region(&a, "glutes-left"));
    assert_eq!(wa.selected().unwrap().as_deref(), Some("glutes:left"));
    assert_eq!(wb.selected().unwrap(), None);
    assert!(title_text(&b).contains("Where does your lower back hurt?"));
    wb.select("si-joint", Some("right".into())).unwrap();
    assert!(link_href(&b).starts_with("https://b.example/book?region=si-joint&side=right"));
    assert!(link_href(&a).starts_with("https://a.example/book?region=glutes&side=left"));
}

#[wasm_bindgen_test]
fn destroy_removes_listeners_and_drawing() {
    let (h, w) = mounted(&[]);
    let events = Recorder::new(&h, "region-select");
    let psoas = region(&h, "psoas-both");
    w.destroy();
    assert!(shadow(&h).query_selector(".lbm").unwrap().is_none(), "drawing removed");
    // Put a region back into the shadow root: a listener left behind would still react.
    shadow(&h).append_child(&psoas).unwrap();
    click(&psoas);
    key(&psoas, "Enter");
    web_sys::window().unwrap().dispatch_event(&Event::new("hashchange").unwrap()).unwrap();
    assert_eq!(events.count(), 0);
    assert_eq!(psoas.get_attribute("aria-pressed").as_deref(), Some("false"));
    psoas.remove();
    // A destroyed handle says so (not wasm-bindgen's "null pointer passed to rust"); checked by
    // making destroy() a no-op once: select() then succeeds and this fails.
    let message = |r: Result<(), JsValue>| js_sys::Error::from(r.unwrap_err()).message().as_string().unwrap();
    assert!(message(w.select("psoas", None)).contains("this widget was destroyed"));
    assert!(message(w.clear()).contains("this widget was destroyed"));
    assert!(w.selected().is_err() && w.booking_href().is_err());
    w.destroy();
    // The element can hold a widget again.
    let again = mount(h.clone().into(), JsValue::UNDEFINED, None).expect("mounts again after destroy");
    click(&region(&h, "psoas-both"));
    assert_eq!(events.count(), 1);
    drop(again);
}

#[wasm_bindgen_test]
fn mount_refuses_what_cannot_hold_a_widget() {
    let message = |e: JsValue| e.unchecked_into::<js_sys::Error>().message().as_string().unwrap();
    let e = mount(JsValue::from_str("#map"), JsValue::UNDEFINED, None).err().expect("a string is refused");
    assert!(message(e).contains("needs an Element"), "names the problem");
    let e = mount(JsValue::NULL, JsValue::UNDEFINED, None).err().expect("null is refused");
    assert!(message(e).contains("got null"));
    let input = document().create_element("input").unwrap();
    let e = mount(input.into(), JsValue::UNDEFINED, None).err().expect("an <input> cannot host a shadow root");
    assert!(message(e).contains("<input>"));
    let (h, _w) = mounted(&[]);
    let e = mount(h.into(), JsValue::UNDEFINED, None).err().expect("mounting twice is refused");
    assert!(message(e).contains("already shows"));
}

#[wasm_bindgen_test]
fn bad_booking_url_falls_back_and_keeps_the_rest() {
    for bad in ["javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "VBScript:x", "https://"] {
        let (h, w) = mounted(&[("booking-url", bad), ("clinic-name", "Back Room")]);
        w.select("psoas", None).unwrap();
        assert_eq!(link_href(&h), "#book", "{bad}");
        assert!(panel_text(&h).contains("Back Room"), "other settings survive {bad}");
    }
}

#[wasm_bindgen_test]
fn config_replaces_text_as_plain_text() {
    let h = host(&[]);
    json_config(
        &h,
        r#"{"ui": {"title": "<img src=x onerror=alert(1)>", "bookLabel": "Reservar"}, "regions": {"psoas": {"name": "Psoas ilíaco"}}, "nope": 1}"#,
    );
    let w = mount(h.clone().into(), JsValue::UNDEFINED, None).unwrap();
    assert!(title_text(&h).contains("<img src=x onerror=alert(1)>"));
    assert!(shadow(&h).query_selector("img").unwrap().is_none(), "no HTML was parsed");
    assert_eq!(find(&h, ".panel.is-active a.book").text_content().as_deref(), Some("Reservar"));
    assert_eq!(region(&h, "psoas-both").get_attribute("aria-label").map(plain).as_deref(), Some("Psoas ilíaco, both sides"));

    // The config object goes on top of the JSON; a malformed value keeps the default.
    let config = js_sys::JSON::parse(r#"{"ui": {"bookLabel": "Book now", "title": 5}}"#).unwrap();
    w.set_config(config).unwrap();
    assert_eq!(find(&h, ".panel.is-active a.book").text_content().as_deref(), Some("Book now"));
    assert!(title_text(&h).contains("<img src=x"), "the JSON's title stays; 5 is not a string");
}

#[wasm_bindgen_test]
fn malformed_json_still_renders_defaults() {
    let h = host(&[]);
    json_config(&h, "{ not json");
    let _w = mount(h.clone().into(), JsValue::UNDEFINED, None).expect("bad JSON is not fatal");
    assert!(title_text(&h).contains("Where does your lower back hurt?"));
}

#[wasm_bindgen_test]
fn attributes_change_after_mount() {
    let (h, w) = mounted(&[("booking-url", "https://clinic.example/book")]);
    let set = |name: &str, value: Option<&str>| {
        match value {
            Some(v) => h.set_attribute(name, v).unwrap(),
            None => h.remove_attribute(name).unwrap(),
        }
        w.attribute_changed(name).unwrap();
    };
    set("region", Some("glutes:right"));
    assert_eq!(w.selected().unwrap().as_deref(), Some("glutes:right"));
    set("booking-url", Some("https://other.example/b"));
    assert_eq!(link_href(&h), "https://other.example/b?region=glutes&side=right");
    set("booking-url", Some("javascript:alert(1)"));
    assert_eq!(link_href(&h), "#book", "a bad link falls back to the default, not the last good one");
    set("clinic-name", Some("New Name"));
    assert!(panel_text(&h).contains("New Name"));
    assert_eq!(w.selected().unwrap().as_deref(), Some("glutes:right"), "a redraw keeps the selection");
    set("region", None);
    assert_eq!(w.selected().unwrap(), None);
}

#[wasm_bindgen_test]
fn removing_an_attribute_falls_back_to_the_config() {
    let h = host(&[("clinic-name", "Attribute Clinic"), ("region", "psoas")]);
    json_config(&h, r#"{"clinicName": "Config Clinic", "region": "ql:right"}"#);
    let w = mount(h.clone().into(), JsValue::UNDEFINED, None).unwrap();
    assert!(panel_text(&h).contains("Attribute Clinic"));
    assert_eq!(w.selected().unwrap().as_deref(), Some("psoas:both"));
    h.remove_attribute("clinic-name").unwrap();
    w.attribute_changed("clinic-name").unwrap();
    assert!(panel_text(&h).contains("Config Clinic"));
    h.remove_attribute("region").unwrap();
    w.attribute_changed("region").unwrap();
    assert_eq!(w.selected().unwrap().as_deref(), Some("ql:right"));
}

#[wasm_bindgen_test]
fn keys_act_on_the_focused_region_after_a_script_selects_another() {
    let (h, w) = mounted(&[]);
    let first = region(&h, "ql-left");
    w.select("psoas", None).unwrap();
    key(&first, "Home");
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("0"), "the tab stop follows the focused region");
    assert_eq!(region(&h, "psoas-both").get_attribute("tabindex").as_deref(), Some("-1"));
    key(&first, "ArrowRight");
    assert_eq!(region(&h, "ql-right").get_attribute("tabindex").as_deref(), Some("0"));
    key(&region(&h, "ql-right"), "Enter");
    assert_eq!(w.selected().unwrap().as_deref(), Some("ql:right"));
}

#[wasm_bindgen_test]
fn booking_click_is_reported_and_pushed_to_the_data_layer() {
    let global = js_sys::global();
    js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &"dataLayer".into()).unwrap();
    let (h, w) = mounted(&[("booking-url", "https://clinic.example/book"), ("analytics", "datalayer")]);
    let bookings = Recorder::new(&h, "booking-click");
    click(&region(&h, "si-joint-left"));
    let link = find(&h, ".panel.is-active a.book");
    // Stop the navigation; the widget must still report the click.
    let stop = Closure::<dyn FnMut(Event)>::new(|e: Event| e.prevent_default());
    link.add_event_listener_with_callback("click", stop.as_ref().unchecked_ref()).unwrap();
    click(&link);
    assert_eq!(bookings.count(), 1);
    assert_eq!(bookings.last("region"), "si-joint");
    assert_eq!(bookings.last("href"), JsValue::from(w.booking_href().unwrap()));
    let layer: js_sys::Array = js_sys::Reflect::get(&global, &"dataLayer".into()).unwrap().unchecked_into();
    let events: Vec<String> =
        layer.iter().map(|e| js_sys::Reflect::get(&e, &"event".into()).unwrap().as_string().unwrap()).collect();
    assert_eq!(events, ["lower_back_map_select", "lower_back_map_booking"]);
}
