//! Draws the widget into its shadow root and keeps the handles needed to update it.
//!
//! All text is set with `textContent`; nothing from config ever reaches `innerHTML`.
//! Layout of the shadow root:
//! `div.lbm > div.layout > (div.map > svg[role=toolbar] + p.map-note) + (div.panels + div.flags)`,
//! plus a polite live region that announces selections.

use super::el::html;
use crate::content::{fill_in, Content, RegionField, Ui};
use crate::regions::{Region, Side, Target, TARGETS};
use crate::selection::Selection;
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
    /// Each region panel's heading, which names the selected side.
    headings: Vec<Element>,
    /// Each panel's booking link.
    links: Vec<Element>,
    live: Element,
}

impl View {
    pub fn build(doc: &Document, content: &Content, clinic: &str) -> Result<View, JsValue> {
        let root = html(doc, None, "div", "lbm", None)?;
        let layout = html(doc, Some(&root), "div", "layout", None)?;
        let map = html(doc, Some(&layout), "div", "map", None)?;
        let regions = super::drawing::draw_map(doc, &map, content)?;
        html(doc, Some(&map), "p", "map-note", Some(content.ui(Ui::SideViewNote)))?;

        let details = html(doc, Some(&layout), "div", "details", None)?;
        let stack = html(doc, Some(&details), "div", "panels", None)?;
        stack.set_id(PANELS_ID);
        let note = fill_in(content.ui(Ui::BookNote), "clinic", clinic);
        let mut panels = Vec::new();
        let mut headings = Vec::new();
        let mut links = Vec::new();

        let intro = html(doc, Some(&stack), "div", "panel intro", None)?;
        html(doc, Some(&intro), "h2", "", Some(content.ui(Ui::Title)))?;
        html(doc, Some(&intro), "p", "lead", Some(content.ui(Ui::Intro)))?;
        html(doc, Some(&intro), "h3", "", Some(content.ui(Ui::OverviewHeading)))?;
        let overview = html(doc, Some(&intro), "ul", "overview", None)?;
        for region in Region::ALL {
            let item = html(doc, Some(&overview), "li", "", None)?;
            html(doc, Some(&item), "strong", "", Some(content.region(region, RegionField::Name)))?;
            html(doc, Some(&item), "span", "", Some(content.region(region, RegionField::Alias)))?;
        }
        self_care(doc, &intro, content, content.ui(Ui::IntroSelfCare))?;
        links.push(booking(doc, &intro, content, &note)?);
        panels.push(intro);

        for region in Region::ALL {
            let (panel, heading, link) = region_panel(doc, &stack, content, region, &note)?;
            panels.push(panel);
            headings.push(heading);
            links.push(link);
        }
        red_flags(doc, &details, content)?;

        let live = html(doc, Some(&root), "p", "visually-hidden", None)?;
        live.set_attribute("aria-live", "polite")?;
        Ok(View { root, regions, panels, headings, links, live })
    }

    /// Shows what is selected: pressed state, the matching panel, its heading and link.
    pub fn show_selection(&self, content: &Content, selected: Option<Target>, href: &str) -> Result<(), JsValue> {
        for (target, el) in TARGETS.iter().zip(&self.regions) {
            el.set_attribute("aria-pressed", if selected == Some(*target) { "true" } else { "false" })?;
        }
        let active = selected.map_or(0, |t| t.region.index() + 1);
        for (i, panel) in self.panels.iter().enumerate() {
            panel.class_list().toggle_with_force("is-active", i == active)?;
        }
        if let Some(t) = selected {
            self.headings[t.region.index()].set_text_content(Some(&content.target_label(t)));
        }
        self.links[active].set_attribute("href", href)
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

fn region_panel(
    doc: &Document,
    stack: &Element,
    content: &Content,
    region: Region,
    note: &str,
) -> Result<(Element, Element, Element), JsValue> {
    let text = |f| content.region(region, f);
    let panel = html(doc, Some(stack), "div", "panel", None)?;
    panel.set_attribute("data-region", region.id())?;
    let side = if region == Region::Psoas { Side::Both } else { Side::Left };
    let heading = html(doc, Some(&panel), "h2", "", Some(&content.target_label(Target::new(region, side))))?;
    html(doc, Some(&panel), "p", "alias", Some(text(RegionField::Alias)))?;
    let sections = [
        (Ui::WhereHeading, RegionField::Location),
        (Ui::CauseHeading, RegionField::Cause),
        (Ui::TreatmentHeading, RegionField::Treatment),
    ];
    for (title, field) in sections {
        html(doc, Some(&panel), "h3", "", Some(content.ui(title)))?;
        html(doc, Some(&panel), "p", "", Some(text(field)))?;
    }
    self_care(doc, &panel, content, text(RegionField::SelfCare))?;
    let link = booking(doc, &panel, content, note)?;
    Ok((panel, heading, link))
}

/// The doorway stretch, introduced by a line that says why it helps here.
fn self_care(doc: &Document, panel: &Element, content: &Content, why: &str) -> Result<(), JsValue> {
    html(doc, Some(panel), "h3", "", Some(content.ui(Ui::SelfCareHeading)))?;
    html(doc, Some(panel), "p", "", Some(why))?;
    let steps = html(doc, Some(panel), "ol", "steps", None)?;
    for step in &content.stretch_steps {
        html(doc, Some(&steps), "li", "", Some(step))?;
    }
    Ok(())
}

fn booking(doc: &Document, panel: &Element, content: &Content, note: &str) -> Result<Element, JsValue> {
    let cta = html(doc, Some(panel), "div", "cta", None)?;
    html(doc, Some(&cta), "p", "note", Some(note))?;
    html(doc, Some(&cta), "a", "book", Some(content.ui(Ui::BookLabel)))
}

fn red_flags(doc: &Document, parent: &Element, content: &Content) -> Result<(), JsValue> {
    let flags = html(doc, Some(parent), "div", "flags", None)?;
    html(doc, Some(&flags), "h3", "", Some(content.ui(Ui::RedFlagsHeading)))?;
    html(doc, Some(&flags), "p", "", Some(content.ui(Ui::RedFlagsBack)))?;
    html(doc, Some(&flags), "p", "", Some(content.ui(Ui::RedFlagsKidney)))?;
    html(doc, Some(&flags), "p", "advice", Some(content.ui(Ui::RedFlagsAdvice)))?;
    html(doc, Some(&flags), "p", "disclaimer", Some(content.ui(Ui::Disclaimer)))?;
    Ok(())
}

/// The element a DOM event happened on, if it is an element.
pub fn event_element(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target?.dyn_into::<Element>().ok()
}
