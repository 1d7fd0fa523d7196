//! The map: the SVG drawing of both views, one `g[role=button]` per target, and the labels in
//! HTML rows above and below it. The geometry is data in `crate::anatomy`; this file only turns
//! it into elements.
//!
//! `div.figure[dir=ltr]` is a grid whose columns are as wide as the two views, so each label
//! stays over or under its view, wraps inside it in any language, grows with the visitor's
//! text size and never crosses the drawing:
//! `span.view-title` x2, `svg.drawing[role=toolbar]`, `div.ends.sides` (Left, Right),
//! `div.ends.faces` (Back, Front). Inside the SVG: `g.body` (skin, bones), the region buttons in
//! keyboard order (each with its muscles, fibres, what covers it, its focus ring and its hit
//! rectangles), `g.felt-layer` (hidden `path.felt[data-felt]`), `g.outline` (the skin outline).

use super::el::{html, path, svg, svg_group};
use super::view::PANELS_ID;
use crate::anatomy::{self, Rect, FELT, SHAPES};
use crate::config::digits;
use crate::content::{Content, Ui};
use crate::regions::Side;
use alloc::{string::String, vec::Vec};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Draws the map into `parent`; returns the region buttons in keyboard order.
pub fn draw_map(doc: &Document, parent: &Element, content: &Content) -> Result<Vec<Element>, JsValue> {
    let figure = html(doc, Some(parent), "div", "figure", None)?;
    // The drawing is a picture of a body: it keeps its left-to-right geometry on an RTL page,
    // and each label keeps its own direction.
    figure.set_attribute("dir", "ltr")?;
    label(doc, &figure, "view-title back-title", content.ui(Ui::BackView))?.set_attribute("aria-hidden", "true")?;
    label(doc, &figure, "view-title side-title", content.ui(Ui::SideView))?.set_attribute("aria-hidden", "true")?;

    let drawing = svg(doc, &figure, "svg", &[("viewBox", anatomy::VIEW_BOX), ("role", "toolbar"), ("class", "drawing")])?;
    drawing.set_attribute("aria-label", content.ui(Ui::MapLabel))?;
    drawing.set_attribute("aria-controls", PANELS_ID)?;

    let body = svg_group(doc, &drawing, "body")?;
    let hatch = svg(
        doc,
        &body,
        "pattern",
        &[
            ("id", "lbm-hatch"),
            ("width", "6"),
            ("height", "6"),
            ("patternUnits", "userSpaceOnUse"),
            ("patternTransform", "rotate(45)"),
        ],
    )?;
    path(doc, &hatch, "hatch", "M0 0L0 6")?;
    both(doc, &body, "skin", anatomy::BACK_SKIN)?;
    path(doc, &body, "skin", anatomy::SIDE_SKIN)?;
    for p in anatomy::RIBS_LEFT {
        both(doc, &body, "rib-edge", p)?;
        both(doc, &body, "rib", p)?;
    }
    path(doc, &body, "bone", anatomy::SACRUM)?;
    both(doc, &body, "bone", anatomy::ILIUM_LEFT)?;
    both(doc, &body, "bone-line", anatomy::FORAMINA_LEFT)?;
    path(doc, &body, "bone", anatomy::COCCYX)?;
    path(doc, &body, "spine-edge", anatomy::SPINOUS)?;
    path(doc, &body, "spine", anatomy::SPINOUS)?;
    path(doc, &body, "disc", anatomy::SIDE_DISCS)?;
    for p in anatomy::SIDE_BONES {
        path(doc, &body, "bone", p)?;
    }
    path(doc, &body, "bone far", anatomy::HIP_BONE)?;
    path(doc, &body, "bone-line", anatomy::SIDE_LINES)?;
    path(doc, &body, "bone", anatomy::FEMUR)?;
    path(doc, &body, "divider", anatomy::DIVIDER)?;

    let mut regions = Vec::with_capacity(SHAPES.len());
    for shape in &SHAPES {
        let t = shape.target;
        let g = svg(doc, &drawing, "g", &[("class", "region"), ("role", "button"), ("tabindex", "-1")])?;
        g.set_attribute("data-target", &t.key())?;
        g.set_attribute("data-region", t.region.id())?;
        g.set_attribute("aria-pressed", "false")?;
        g.set_attribute("aria-controls", PANELS_ID)?;
        g.set_attribute("aria-label", &content.target_label(t))?;
        for p in shape.muscles {
            path(doc, &g, "muscle", &shape.place(p))?;
        }
        placed(doc, &g, "fibre", shape, shape.fibres)?;
        for p in shape.cover {
            path(doc, &g, "cover", &shape.place(p))?;
        }
        placed(doc, &g, "fibre cover-fibre", shape, shape.cover_fibres)?;
        // The focus ring: the muscles' outline, over whatever covers them, or its own shape.
        if shape.ring.is_empty() {
            for p in shape.muscles {
                path(doc, &g, "ring", &shape.place(p))?;
            }
        } else {
            path(doc, &g, "ring", &shape.place(shape.ring))?;
        }
        // Only these invisible rectangles take the pointer: disjoint from other targets', the
        // first (`.hit`, one per target) at least 44 px square; any more are `.hit-extra`.
        for (i, r) in shape.hit_rects().enumerate() {
            hit(doc, &g, r, if i == 0 { "hit" } else { "hit-extra" })?;
        }
        regions.push(g);
    }

    // Where pain is felt: hatched areas, hidden until the view adds `is-felt` to them.
    let felt = svg_group(doc, &drawing, "felt-layer")?;
    for (id, p, side) in FELT {
        let d = if side == Side::Right { anatomy::mirror(p) } else { String::from(p) };
        svg(doc, &felt, "path", &[("d", &d), ("class", "felt"), ("data-felt", id)])?;
    }
    let outline = svg_group(doc, &drawing, "outline")?;
    both(doc, &outline, "skin-line", anatomy::BACK_OUTLINE)?;
    path(doc, &outline, "skin-line", anatomy::SIDE_OUTLINE)?;

    let sides = html(doc, Some(&figure), "div", "ends sides", None)?;
    sides.set_attribute("aria-hidden", "true")?;
    label(doc, &sides, "", content.ui(Ui::Left))?;
    label(doc, &sides, "", content.ui(Ui::Right))?;
    let faces = html(doc, Some(&figure), "div", "ends faces", None)?;
    faces.set_attribute("aria-hidden", "true")?;
    label(doc, &faces, "", content.ui(Ui::Back))?;
    label(doc, &faces, "", content.ui(Ui::Front))?;
    Ok(regions)
}

/// A label: text in its own direction, so a translation reads right inside the LTR figure.
fn label(doc: &Document, parent: &Element, class: &str, text: &str) -> Result<Element, JsValue> {
    let el = html(doc, Some(parent), "span", class, Some(text))?;
    el.set_attribute("dir", "auto")?;
    Ok(el)
}

/// A left-half path of the back view and its mirror image.
fn both(doc: &Document, parent: &Element, class: &str, d: &str) -> Result<(), JsValue> {
    path(doc, parent, class, d)?;
    path(doc, parent, class, &anatomy::mirror(d))
}

fn placed(doc: &Document, parent: &Element, class: &str, shape: &anatomy::Shape, d: &str) -> Result<(), JsValue> {
    if d.is_empty() {
        return Ok(());
    }
    path(doc, parent, class, &shape.place(d))
}

fn hit(doc: &Document, parent: &Element, r: Rect, class: &str) -> Result<(), JsValue> {
    let n = |v: i32| digits(v as usize);
    svg(doc, parent, "rect", &[("x", &n(r.x)), ("y", &n(r.y)), ("width", &n(r.w)), ("height", &n(r.h)), ("class", class)])?;
    Ok(())
}
