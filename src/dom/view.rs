//! Draws the widget into its shadow root and keeps the handles needed to update it.
//!
//! All text is set with `textContent`; nothing from config ever reaches `innerHTML`.
//! Layout of the shadow root:
//! `div.lbm > div.head + div.layout > (div.map > svg[role=toolbar] + p.map-note) + (div.panels + div.flags)`,
//! plus a polite live region that announces selections. Only the active panel is displayed, so
//! short panels leave no hole and hidden ones cost no layout. A region's panel is filled when it
//! is first shown, or right after the first frame (`View::fill_all`), so mounting (or a redraw
//! after a settings change) draws only what that frame shows.

use super::el::{html, Build};
use crate::config::Settings;
use crate::content::{fill_in, Content, RegionField, Ui};
use crate::regions::{Region, Target, TARGETS};
use crate::selection::Selection;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{Cell, OnceCell};
use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, SvgElement};

/// The id of the details area the region buttons control (ids are scoped to the shadow root).
pub const PANELS_ID: &str = "lbm-details";

pub struct View {
    pub root: Element,
    /// One `g[role=button]` per target, in keyboard order.
    regions: Vec<Element>,
    /// The intro panel first, then one per region in `Region::ALL` order.
    panels: Vec<Element>,
    /// Each region panel's heading (which names the selected side) and booking link, once the
    /// panel is filled.
    filled: [OnceCell<(Element, Element)>; Region::ALL.len()],
    intro_link: Element,
    /// The line above each booking link, with the clinic's name.
    note: String,
    live: Element,
    /// The selection the pressed states and panels show, once shown: a click then touches only
    /// the region and panel it leaves and the ones it picks.
    shown: Cell<Option<Option<Target>>>,
    /// Teach (issue 14): feelings, where the pain is felt, the kidney check, copy link.
    pub teach: super::teach::Teach,
}

impl View {
    pub fn build(doc: &Document, settings: &Settings) -> Result<View, JsValue> {
        let (content, clinic) = (&settings.content, &settings.clinic_name);
        let root = html(doc, None, "div", "lbm", None)?;
        let b = &mut Build::new(doc, &root);
        b.attr(&root, "data-theme", settings.theme.id());
        // The question and how to answer it come first, so a phone shows them above the map.
        let head = b.html(&root, "div", "head", None);
        b.html(&head, "h2", "title", Some(content.ui(Ui::Title)));
        b.html(&head, "p", "lead", Some(content.ui(Ui::Intro)));
        let layout = b.html(&root, "div", "layout", None);
        let map = b.html(&layout, "div", "map", None);
        b.attr(&map, "part", "map");
        let regions = super::drawing::draw_map(b, &map, content);
        b.html(&map, "p", "map-note", Some(content.ui(Ui::SideViewNote)));

        let details = b.html(&layout, "div", "details", None);
        let stack = b.html(&details, "div", "panels", None);
        b.attr(&stack, "id", PANELS_ID);
        let note = fill_in(content.ui(Ui::BookNote), "clinic", clinic);
        let mut panels = Vec::new();

        let intro = b.html(&stack, "div", "panel intro", None);
        b.attr(&intro, "part", "panel");
        b.html(&intro, "h3", "", Some(content.ui(Ui::OverviewHeading)));
        let overview = b.html(&intro, "ul", "overview", None);
        for region in Region::ALL {
            let item = b.html(&overview, "li", "", None);
            b.html(&item, "strong", "", Some(content.region(region, RegionField::Name)));
            b.html(&item, "span", "", Some(content.region(region, RegionField::Alias)));
        }
        // The invitation comes before the stretch, so a phone reaches it sooner.
        let intro_link = booking(b, &intro, content, &note);
        self_care(b, &intro, content, content.ui(Ui::IntroSelfCare));
        panels.push(intro);
        for region in Region::ALL {
            let panel = b.html(&stack, "div", "panel", None);
            b.attr(&panel, "data-region", region.id());
            b.attr(&panel, "part", "panel");
            panels.push(panel);
        }
        let (flags, disclaimer) = red_flags(b, &details, content);
        // Teach (issue 14): its parts go under the map, after the panels and into the red flags.
        let parts = super::teach::Parts {
            root: &root,
            map: &map,
            regions: &regions,
            details: &details,
            flags: &flags,
            disclaimer: &disclaimer,
        };
        let teach = super::teach::Teach::build(b, parts, content)?;

        let live = b.html(&root, "p", "visually-hidden", None);
        b.attr(&live, "aria-live", "polite");
        b.finish()?;
        let filled = Default::default();
        Ok(View { root, regions, panels, filled, intro_link, note, live, shown: Cell::new(None), teach })
    }

    /// The heading and booking link of `region`'s panel, filling the panel first if needed.
    fn filled(&self, content: &Content, region: Region) -> Result<&(Element, Element), JsValue> {
        let cell = &self.filled[region.index()];
        if let Some(parts) = cell.get() {
            return Ok(parts);
        }
        let panel = &self.panels[region.index() + 1];
        let doc = panel.owner_document().ok_or_else(|| super::widget::error("the panel has no document"))?;
        let b = &mut Build::new(&doc, panel);
        let parts = region_panel(b, panel, content, region, &self.note);
        b.finish()?;
        Ok(cell.get_or_init(|| parts))
    }

    /// Fills every region panel not filled yet: done after the first frame, so that a first
    /// tap on a region only switches panels.
    pub fn fill_all(&self, content: &Content) -> Result<(), JsValue> {
        Region::ALL.into_iter().try_for_each(|region| self.filled(content, region).map(drop))
    }

    /// Shows what is selected: pressed state, the matching panel, its heading and link.
    pub fn show_selection(&self, content: &Content, selected: Option<Target>, href: &str) -> Result<(), JsValue> {
        let before = self.shown.replace(Some(selected));
        // Everything the first time; after that, only what the selection leaves or picks.
        // A region opened without a side shows both its shapes pressed.
        let shows = |sel: Option<Target>, shape: Target| sel.is_some_and(|s| s.shows(shape));
        for (shape, el) in TARGETS.iter().zip(&self.regions) {
            let pressed = shows(selected, *shape);
            if before.is_none_or(|b| shows(b, *shape)) || pressed {
                el.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
            }
        }
        let link = match selected {
            Some(t) => {
                let (heading, link) = self.filled(content, t.region)?;
                heading.set_text_content(Some(&content.target_label(t)));
                link
            }
            None => &self.intro_link,
        };
        let panel_of = |t: Option<Target>| t.map_or(0, |t| t.region.index() + 1);
        let active = panel_of(selected);
        for (i, panel) in self.panels.iter().enumerate() {
            if before.is_none_or(|b| panel_of(b) == i) || i == active {
                panel.class_list().toggle_with_force("is-active", i == active)?;
            }
        }
        link.set_attribute("href", href)
    }

    /// The selected region's heading, which a visitor should see after choosing it (its panel
    /// is filled once it has been shown).
    pub fn heading(&self, target: Target) -> Option<&Element> {
        self.filled[target.region.index()].get().map(|(heading, _)| heading)
    }

    /// Says the selection aloud through the polite live region, without moving focus.
    pub fn announce(&self, text: &str) {
        // Emptying first makes a repeated message count as new.
        self.live.set_text_content(None);
        self.live.set_text_content(Some(text));
    }

    /// Moves the map's single tab stop to `focus` and returns that region, for the caller to
    /// focus once it no longer holds the widget's state (focusing fires events synchronously).
    pub fn show_focus(&self, selection: &Selection) -> Result<SvgElement, JsValue> {
        for (i, el) in self.regions.iter().enumerate() {
            el.set_attribute("tabindex", if i == selection.focus { "0" } else { "-1" })?;
        }
        Ok(self.regions[selection.focus].clone().unchecked_into())
    }
}

/// A region panel's content; returns its heading and booking link.
fn region_panel(b: &mut Build, panel: &Element, content: &Content, region: Region, note: &str) -> (Element, Element) {
    let text = |f| content.region(region, f);
    let heading = b.html(panel, "h2", "", Some(&content.target_label(Target::whole(region))));
    b.html(panel, "p", "alias", Some(text(RegionField::Alias)));
    let sections = [
        (Ui::WhereHeading, RegionField::Location),
        (Ui::CauseHeading, RegionField::Cause),
        (Ui::TreatmentHeading, RegionField::Treatment),
    ];
    for (title, field) in sections {
        b.html(panel, "h3", "", Some(content.ui(title)));
        b.html(panel, "p", "", Some(text(field)));
        // Teach (issue 14): where its pain is felt, right after where it is.
        if field == RegionField::Location {
            super::teach::felt_paragraph(b, panel, content, region);
        }
    }
    // Right after how the clinic treats it, before the stretch: on a phone the button is about
    // 500 px nearer the map.
    let link = booking(b, panel, content, note);
    self_care(b, panel, content, text(RegionField::SelfCare));
    (heading, link)
}

/// The doorway stretch, introduced by a line that says why it helps here.
fn self_care(b: &mut Build, panel: &Element, content: &Content, why: &str) {
    b.html(panel, "h3", "", Some(content.ui(Ui::SelfCareHeading)));
    b.html(panel, "p", "", Some(why));
    // Teach (issue 14): the stretch as a drawing, its marks numbered like the steps.
    super::teach::stretch_drawing(b, panel, content);
    let steps = b.html(panel, "ol", "steps", None);
    for step in &content.stretch_steps {
        b.html(&steps, "li", "", Some(step));
    }
}

fn booking(b: &mut Build, panel: &Element, content: &Content, note: &str) -> Element {
    let cta = b.html(panel, "div", "cta", None);
    // Teach (issue 14): the doctor-first advice, shown instead of the invitation when a red flag is ticked.
    super::teach::doctor_first_note(b, &cta, content);
    b.html(&cta, "p", "note", Some(note));
    let link = b.html(&cta, "a", "book", Some(content.ui(Ui::BookLabel)));
    b.attr(&link, "part", "booking");
    link
}

/// The red flags: heading, then each paragraph with its class.
const RED_FLAGS: [(&str, &str, Ui); 5] = [
    ("h3", "", Ui::RedFlagsHeading),
    ("p", "", Ui::RedFlagsBack),
    ("p", "", Ui::RedFlagsKidney),
    ("p", "advice", Ui::RedFlagsAdvice),
    ("p", "disclaimer", Ui::Disclaimer),
];

/// The red flags and their last paragraph, the disclaimer.
fn red_flags(b: &mut Build, parent: &Element, content: &Content) -> (Element, Element) {
    let flags = b.html(parent, "div", "flags", None);
    b.attr(&flags, "part", "red-flags");
    let mut last = flags.clone();
    for (tag, class, text) in RED_FLAGS {
        last = b.html(&flags, tag, class, Some(content.ui(text)));
    }
    (flags, last)
}

/// Brings a selected region's heading into view when the visitor's choice left it off screen
/// (or in the bottom fifth): smoothly, unless the visitor asked for reduced motion. The
/// heading's `scroll-margin` (widget.css) keeps the map, with the tapped shape, in view above
/// it. Focus stays. The check waits for the next animation frame, whose layout the browser does anyway, so the
/// tap itself never waits for a layout of the new panel.
pub fn reveal_heading(doc: &Document, heading: Element) -> Result<(), JsValue> {
    let Some(window) = doc.default_view() else { return Ok(()) };
    let frame = window.clone();
    let check = once(Box::new(move || report(scroll_if_hidden(&frame, &heading))));
    window.request_animation_frame(check.unchecked_ref()).map(drop)
}

/// Runs `then` in the frame after the next one, once the browser has painted what is drawn now.
/// Never runs in a tab that is not shown (no frames), which costs nothing: see `View::filled`.
pub fn after_first_paint(doc: &Document, then: Box<dyn FnOnce()>) -> Result<(), JsValue> {
    let Some(window) = doc.default_view() else { return Ok(()) };
    let again = window.clone();
    let then = once(then);
    let next = once(Box::new(move || report(again.request_animation_frame(then.unchecked_ref()).map(drop))));
    window.request_animation_frame(next.unchecked_ref()).map(drop)
}

/// A JS function that runs `f` once. One closure type for every one-off callback: each type
/// brings its own glue into the wasm.
fn once(f: Box<dyn FnOnce()>) -> JsValue {
    Closure::once_into_js(f)
}

/// Callbacks cannot return errors to anyone; they go to the console.
pub fn report(result: Result<(), JsValue>) {
    if let Err(e) = result {
        web_sys::console::error_2(&"lower-back-map:".into(), &e);
    }
}

fn scroll_if_hidden(window: &web_sys::Window, heading: &Element) -> Result<(), JsValue> {
    let height = window.inner_height()?.as_f64().unwrap_or_default();
    let rect = heading.get_bounding_client_rect();
    if rect.top() >= 0.0 && rect.bottom() <= height * 0.8 {
        return Ok(());
    }
    let reduce = window.match_media("(prefers-reduced-motion: reduce)")?.is_some_and(|m| m.matches());
    // Set by name: web-sys's typed setters would each be an import and glue with a table of
    // every value of their enum.
    let options = Object::new();
    Reflect::set(&options, &"block".into(), &"nearest".into())?;
    Reflect::set(&options, &"behavior".into(), &(if reduce { "instant" } else { "smooth" }).into())?;
    heading.scroll_into_view_with_scroll_into_view_options(options.unchecked_ref());
    Ok(())
}

/// The element a DOM event happened on, if it is an element.
pub fn event_element(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target?.dyn_into::<Element>().ok()
}
