//! The teaching parts of the widget (issue 14), drawn from `crate::teach`:
//! "Which sounds like yours?" (checkboxes that mark regions on the map), where the selected
//! region's pain is felt (the map's hatched `path.felt` overlays and a legend), the kidney
//! check (which switches the booking invitation to the doctor-first advice), and "Copy link".
//!
//! Layout: the legend goes under the map; "Copy link" and the feelings go between the panels
//! and the red flags, so the booking link stays the next Tab stop after the map; the kidney
//! check goes inside the red flags, before the disclaimer. Text is set as text only.
//! The kidney check's boxes carry no id, name or value: nothing about them can leave the page.

use super::el::Build;
use crate::config::concat;
use crate::content::{fill_in, Content, RegionField, Ui};
use crate::regions::{Region, Target, TARGETS};
use crate::teach::{
    felt, felt_ids, felt_sentence, regions_for, share_link, Answer, Answers, CheckItem, Feeling, Feelings, FELT_IDS,
};
use alloc::{string::String, vec::Vec};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

/// What a click on one of these controls means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeachMsg {
    Answer(Answer),
    /// "Read about …": open that region's panel.
    Open(Region),
    Copy,
}

pub struct Teach {
    /// The widget's root, which carries `is-doctor-first`.
    root: Element,
    /// The elements of [`PARTS`], in its order.
    els: Vec<Element>,
    /// The feeling checkboxes in `Feeling::ALL` order, then the kidney check's in `CheckItem::ALL` order.
    boxes: Vec<HtmlInputElement>,
    /// The "Read about …" buttons, in `Region::ALL` order.
    opens: Vec<Element>,
    /// The map's region buttons, in `TARGETS` order.
    regions: Vec<Element>,
    /// The map's felt overlays that exist, with their ids.
    felt_paths: Vec<(&'static str, Element)>,
    /// Called when a clipboard write settles: with `undefined` when it worked, an error if not.
    copied: Closure<dyn FnMut(JsValue)>,
}

/// Where the parts go; all built by `view.rs` before this.
pub struct Parts<'a> {
    pub root: &'a Element,
    pub map: &'a Element,
    /// The map's region buttons, in `TARGETS` order.
    pub regions: &'a [Element],
    pub details: &'a Element,
    pub flags: &'a Element,
    /// The red flags' last paragraph.
    pub disclaimer: &'a Element,
}

/// Where a part goes: at the end of the map column, into the details before the red flags,
/// into the red flags before the disclaimer, or into a part built before it.
#[derive(Clone, Copy)]
enum At {
    Map,
    Details,
    Flags,
    Part(usize),
}

/// One element: where, tag, class, text, `aria-label`, other attributes. A table rather than
/// code, because each built element costs far more bytes of wasm as a call than as a row.
type Part = (At, &'static str, &'static str, Option<Ui>, Option<Ui>, &'static [(&'static str, &'static str)]);

const LEGEND: usize = 0;
const LEGEND_TEXT: usize = 2;
const COPY: usize = 4;
const COPY_STATUS: usize = 5;
const COPY_FIELD: usize = 6;
const CHOICES: usize = 10;
const SUGGEST: usize = 11;
const OPENS: usize = 15;
const CHECK: usize = 16;
const RESULT: usize = 19;

const PARTS: [Part; 20] = [
    // Under the map: the legend of the hatched "felt" overlay.
    (At::Map, "p", "felt-legend", None, None, &[]),
    (At::Part(LEGEND), "span", "swatch swatch-hatch", None, None, &[]),
    (At::Part(LEGEND), "span", "", None, None, &[]),
    // Between the panels and the red flags: "Copy link" ...
    (At::Details, "div", "share", None, None, &[]),
    (At::Part(3), "button", "copy", Some(Ui::CopyLink), None, &[("type", "button")]),
    (At::Part(3), "span", "copy-status", None, None, &[("role", "status")]),
    (At::Part(3), "input", "copy-field", None, Some(Ui::CopyField), &[("readonly", ""), ("hidden", "")]),
    // ... then "Which sounds like yours?": heading, hint, the group of feelings, what they link to.
    (At::Details, "section", "feelings", None, None, &[("aria-labelledby", "lbm-feelings")]),
    (At::Part(7), "h3", "", Some(Ui::FeelingsHeading), None, &[("id", "lbm-feelings")]),
    (At::Part(7), "p", "hint", Some(Ui::FeelingsHint), None, &[("id", "lbm-feelings-hint")]),
    (
        At::Part(7),
        "div",
        "choices",
        None,
        None,
        &[("role", "group"), ("aria-labelledby", "lbm-feelings"), ("aria-describedby", "lbm-feelings-hint")],
    ),
    (At::Part(7), "div", "suggest", None, None, &[("hidden", "")]),
    (At::Part(SUGGEST), "p", "", None, None, &[]),
    (At::Part(12), "span", "swatch swatch-dots", None, None, &[]),
    (At::Part(12), "span", "", Some(Ui::SuggestLead), None, &[]),
    (At::Part(SUGGEST), "div", "opens", None, None, &[]),
    // Inside the red flags, before the disclaimer: the kidney check and its callout.
    (At::Flags, "fieldset", "check", None, None, &[]),
    (At::Part(CHECK), "legend", "", Some(Ui::CheckLegend), None, &[]),
    (At::Flags, "p", "private", Some(Ui::CheckPrivate), None, &[]),
    (At::Flags, "div", "check-result", None, None, &[("role", "status")]),
];

impl Teach {
    #[inline(never)]
    pub fn build(b: &mut Build, parts: Parts, content: &Content) -> Result<Teach, JsValue> {
        let Parts { root, map, regions, details, flags, disclaimer } = parts;
        let mut els: Vec<Element> = Vec::with_capacity(PARTS.len());
        for (at, tag, class, text, label, attrs) in PARTS {
            let (parent, before) = match at {
                At::Map => (map, None),
                At::Details => (details, Some(flags.as_ref())),
                At::Flags => (flags, Some(disclaimer.as_ref())),
                At::Part(i) => (&els[i], None),
            };
            // Appended, then moved before `before`: the same place as inserting it there.
            let el = b.html(parent, tag, class, text.map(|k| content.ui(k)));
            for (k, v) in attrs {
                b.attr(&el, k, v);
            }
            if let Some(k) = label {
                b.attr(&el, "aria-label", content.ui(k));
            }
            if before.is_some() {
                let moved = parent.insert_before(&el, before).map(|_| ());
                b.check(moved);
            }
            els.push(el);
        }
        let mut boxes = Vec::with_capacity(Feeling::ALL.len() + CheckItem::ALL.len());
        for f in Feeling::ALL {
            boxes.push(checkbox(b, &els[CHOICES], content.ui(f.label()), f.id()));
        }
        // After the legend: the boxes go into the fieldset, whose legend comes first.
        for item in CheckItem::ALL {
            boxes.push(checkbox(b, &els[CHECK], content.ui(item.label()), ""));
        }
        let mut opens = Vec::with_capacity(Region::ALL.len());
        for r in Region::ALL {
            let text = fill_in(content.ui(Ui::SuggestOpen), "name", content.region(r, RegionField::Name));
            let open = b.html(&els[OPENS], "button", "open", Some(&text));
            b.attr(&open, "type", "button");
            b.attr(&open, "data-open", r.id());
            opens.push(open);
        }
        let mut felt_paths = Vec::new();
        for id in FELT_IDS {
            if let Some(el) = map.query_selector(&concat(&["path.felt[data-felt='", id, "']"]))? {
                felt_paths.push((id, el));
            }
        }
        let copied = copied_callback(content, &els[COPY_STATUS], els[COPY_FIELD].unchecked_ref());
        Ok(Teach { root: root.clone(), els, boxes, opens, regions: regions.to_vec(), felt_paths, copied })
    }

    /// What a click on `el` means, if it is one of these controls. Clicks on a label count only
    /// when the browser passes them on to the checkbox.
    #[inline(never)]
    pub fn message(&self, el: &Element) -> Option<TeachMsg> {
        let n = Feeling::ALL.len();
        if let Some(i) = self.boxes.iter().position(|b| el == b.unchecked_ref::<Element>()) {
            return Some(TeachMsg::Answer(match i.checked_sub(n) {
                None => Answer::Feeling(Feeling::ALL[i]),
                Some(j) => Answer::Check(CheckItem::ALL[j]),
            }));
        }
        if let Some(i) = self.opens.iter().position(|b| b == el) {
            return Some(TeachMsg::Open(Region::ALL[i]));
        }
        (*el == self.els[COPY]).then_some(TeachMsg::Copy)
    }

    /// Shows the visitor's answers: ticks, suggested areas, the kidney check's result.
    /// Idempotent; called whenever the answers change and on a view just built.
    #[inline(never)]
    pub fn show_answers(&self, content: &Content, answers: Answers) -> Result<(), JsValue> {
        let ticked = Feeling::ALL.map(|f| answers.feelings.contains(f)).into_iter();
        for (b, on) in self.boxes.iter().zip(ticked.chain(CheckItem::ALL.map(|i| answers.check.is_ticked(i)))) {
            b.set_checked(on);
        }
        let suggested = regions_for(answers.feelings);
        for (t, g) in TARGETS.iter().zip(&self.regions) {
            g.class_list().toggle_with_force("is-suggested", suggested.contains(t.region))?;
        }
        for (r, b) in Region::ALL.iter().zip(&self.opens) {
            b.toggle_attribute_with_force("hidden", !suggested.contains(*r))?;
        }
        self.els[SUGGEST].toggle_attribute_with_force("hidden", suggested.is_empty())?;

        let doctor = answers.check.doctor_first();
        self.root.class_list().toggle_with_force("is-doctor-first", doctor)?;
        // Filled only when it changes, so the live region speaks once.
        let result = &self.els[RESULT];
        if result.has_child_nodes() != doctor {
            result.set_text_content(None);
            if let (true, Some(doc)) = (doctor, result.owner_document()) {
                let b = &mut Build::new(&doc, result);
                advice(b, result, content);
                b.finish()?;
            }
        }
        Ok(())
    }

    /// Shows where the selected region's pain is felt: the hatched overlay and its legend.
    pub fn show_felt(&self, content: &Content, selected: Option<Target>) -> Result<(), JsValue> {
        let place = selected.map(felt);
        let ids = place.map_or(&[][..], felt_ids);
        for (id, path) in &self.felt_paths {
            path.class_list().toggle_with_force("is-felt", ids.contains(id))?;
        }
        self.els[LEGEND].class_list().toggle_with_force("is-shown", place.is_some())?;
        if let Some(p) = place {
            let text = fill_in(content.ui(Ui::FeltLegend), "place", content.ui(p.area.label()));
            self.els[LEGEND_TEXT].set_text_content(Some(&fill_in(&text, "side", content.side(p.side))));
        }
        Ok(())
    }

    /// What to say when the feelings changed: the areas now marked, by name.
    pub fn announcement(content: &Content, chosen: Feelings) -> Option<String> {
        let mut text = String::from(content.ui(Ui::SuggestLead));
        let mut sep = " ";
        for r in regions_for(chosen).iter() {
            text.push_str(sep);
            text.push_str(content.region(r, RegionField::Name));
            sep = ", ";
        }
        (sep == ", ").then_some(text)
    }

    /// Moves focus to the open panel's heading, so reading goes on from the explanation.
    pub fn focus_panel(&self) -> Result<(), JsValue> {
        if let Some(h) = self.root.query_selector(".panel.is-active h2")? {
            h.set_attribute("tabindex", "-1")?;
            h.unchecked_into::<HtmlElement>().focus()?;
        }
        Ok(())
    }

    /// Copies the page's link with the selection (`#region=ql:left`) to the clipboard. Where
    /// the browser has no clipboard or refuses, the link is shown selected in a box instead.
    #[inline(never)]
    pub fn copy(&self, doc: &Document, selected: Option<Target>) -> Result<(), JsValue> {
        // `location.href` through Reflect, an import the widget has anyway.
        let page = doc.location().map(|l| Reflect::get(&l, &"href".into())).transpose()?;
        let page = page.and_then(|h| h.as_string()).unwrap_or_default();
        let link = share_link(&page, selected);
        self.els[COPY_FIELD].unchecked_ref::<HtmlInputElement>().set_value(&link);
        self.els[COPY_STATUS].set_text_content(None);
        // `navigator.clipboard` is missing outside secure pages; writeText may also throw.
        let written = Reflect::get(&js_sys::global(), &"navigator".into())
            .and_then(|n| Reflect::get(&n, &"clipboard".into()))
            .and_then(|c| Reflect::get(&c, &"writeText".into())?.dyn_into::<js_sys::Function>()?.call1(&c, &link.into()));
        match written {
            Ok(p) => {
                let _ = p.unchecked_into::<js_sys::Promise>().then2(&self.copied, &self.copied);
            }
            Err(e) => self.copied.as_ref().unchecked_ref::<js_sys::Function>().call1(&JsValue::NULL, &e).map(|_| ())?,
        }
        Ok(())
    }
}

/// The one callback for both outcomes of a clipboard write: it resolves with `undefined` and
/// rejects with an error. It lives as long as the view that owns it.
fn copied_callback(content: &Content, status: &Element, field: &HtmlInputElement) -> Closure<dyn FnMut(JsValue)> {
    let done = String::from(content.ui(Ui::CopyDone));
    let failed = String::from(content.ui(Ui::CopyFailed));
    let (status, field) = (status.clone(), field.clone());
    Closure::new(move |v: JsValue| {
        let ok = v.is_undefined();
        status.set_text_content(Some(if ok { &done } else { &failed }));
        let _ = field.toggle_attribute_with_force("hidden", ok);
        if !ok {
            let _ = field.focus();
            field.select();
        }
    })
}

/// Where this region's pain is felt, in the region's panel right after where the muscle is.
pub fn felt_paragraph(b: &mut Build, panel: &Element, content: &Content, region: Region) {
    b.html(panel, "h3", "", Some(content.ui(Ui::FeltHeading)));
    b.html(panel, "p", "felt-where", Some(content.ui(felt_sentence(region))));
}

/// The stretch drawing's shapes, as data: tag and attributes.
const STRETCH_SHAPES: [(&str, &[(&str, &str)]); 6] = {
    use crate::teach::stretch::*;
    [
        ("path", &[("class", "st-floor"), ("d", FLOOR)]),
        ("path", &[("class", "st-frame"), ("d", FRAME)]),
        ("path", &[("class", "st-edge"), ("d", BODY)]),
        ("path", &[("class", "st-limb"), ("d", BODY)]),
        ("circle", &[("class", "st-head"), ("cx", HEAD.0), ("cy", HEAD.1), ("r", HEAD.2)]),
        ("path", &[("class", "st-stretch"), ("d", STRETCH)]),
    ]
};

/// The doorway stretch as a drawing, before its steps; an image named by `ui.stretchAlt`.
pub fn stretch_drawing(b: &mut Build, panel: &Element, content: &Content) {
    use crate::teach::stretch::*;
    let art = b.svg(panel, "svg", &[("viewBox", VIEW_BOX), ("class", "stretch-art"), ("role", "img")]);
    b.attr(&art, "aria-label", content.ui(Ui::StretchAlt));
    for (tag, attrs) in &STRETCH_SHAPES {
        b.svg(&art, tag, attrs);
    }
    for (x, y, n) in MARKS {
        b.svg(&art, "circle", &[("cx", x), ("cy", y), ("r", "9"), ("class", "st-mark")]);
        b.svg(&art, "text", &[("x", x), ("y", y), ("class", "st-mark")]).set_text_content(Some(n));
    }
}

/// The doctor-first advice in a booking area, shown instead of the invitation when a red flag
/// is ticked (by `.is-doctor-first` on the root); the booking link stays, after it.
pub fn doctor_first_note(b: &mut Build, cta: &Element, content: &Content) {
    let note = b.html(cta, "div", "doctor-first", None);
    advice(b, &note, content)
}

fn advice(b: &mut Build, parent: &Element, content: &Content) {
    b.html(parent, "strong", "", Some(content.ui(Ui::DoctorFirstHeading)));
    b.html(parent, "p", "", Some(content.ui(Ui::DoctorFirst)));
}

/// `label > input[type=checkbox] + span`: the whole label is the touch target. `data-feeling`
/// names a feeling; the kidney check's boxes get no id, name or value at all.
#[inline(never)]
fn checkbox(b: &mut Build, parent: &Element, text: &str, feeling: &str) -> HtmlInputElement {
    let label = b.html(parent, "label", "choice", None);
    let input = b.html(&label, "input", "", None);
    b.attr(&input, "type", "checkbox");
    if !feeling.is_empty() {
        b.attr(&input, "data-feeling", feeling);
    }
    b.html(&label, "span", "", Some(text));
    input.unchecked_into()
}

/// The `feeling-select` detail: `{feelings: [ids], regions: [ids]}`.
pub fn feeling_detail(chosen: Feelings) -> Result<Object, JsValue> {
    let payload = crate::teach::feeling_select(chosen);
    let detail = Object::new();
    let list = |ids: Vec<&str>| ids.into_iter().map(JsValue::from_str).collect::<Array>();
    Reflect::set(&detail, &"feelings".into(), &list(payload.feelings))?;
    Reflect::set(&detail, &"regions".into(), &list(payload.regions))?;
    Ok(detail)
}
