//! The map: the SVG drawing of both views, its labels, and one `g[role=button]` per target.
//! The geometry is data in `crate::anatomy`; this file only turns it into elements.

use super::el::{num, path, svg, svg_group};
use super::view::PANELS_ID;
use crate::anatomy::{self, SHAPES};
use crate::content::{Content, Ui};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Draws the map into `parent`; returns the region buttons in keyboard order.
pub fn draw_map(doc: &Document, parent: &Element, content: &Content) -> Result<Vec<Element>, JsValue> {
    let drawing = svg(doc, parent, "svg", &[("viewBox", anatomy::VIEW_BOX), ("role", "toolbar"), ("class", "drawing")])?;
    drawing.set_attribute("aria-label", content.ui(Ui::MapLabel))?;
    drawing.set_attribute("aria-controls", PANELS_ID)?;

    let body = svg_group(doc, &drawing, "body")?;
    path(doc, &body, "skin", anatomy::BACK_SILHOUETTE)?;
    path(doc, &body, "skin", anatomy::SIDE_SILHOUETTE)?;
    for p in anatomy::BONES_LEFT {
        path(doc, &body, "bone", p)?;
        path(doc, &body, "bone", &anatomy::mirror(p))?;
    }
    for p in anatomy::RIBS_LEFT {
        path(doc, &body, "rib", p)?;
        path(doc, &body, "rib", &anatomy::mirror(p))?;
    }
    for (top, height) in anatomy::VERTEBRAE {
        vertebra(doc, &body, top, height)?;
    }
    path(doc, &body, "bone", anatomy::SACRUM)?;
    path(doc, &body, "bone", anatomy::COCCYX)?;
    for p in anatomy::SIDE_BONES {
        path(doc, &body, "bone", p)?;
    }
    path(doc, &body, "divider", anatomy::DIVIDER)?;
    let labels = [
        (Ui::Left, anatomy::LABEL_LEFT, "middle"),
        (Ui::Right, anatomy::LABEL_RIGHT, "middle"),
        (Ui::SideView, anatomy::LABEL_SIDE_VIEW, "middle"),
        (Ui::BackView, anatomy::LABEL_BACK_VIEW, "middle"),
        (Ui::Back, anatomy::LABEL_BACK, "start"),
        (Ui::Front, anatomy::LABEL_FRONT, "end"),
    ];
    for (key, (x, y), anchor) in labels {
        let class = if matches!(key, Ui::Left | Ui::Right) { "label side" } else { "label" };
        let text = svg(doc, &body, "text", &[("x", &num(x)), ("y", &num(y)), ("text-anchor", anchor), ("class", class)])?;
        text.set_text_content(Some(content.ui(key)));
    }

    let mut regions = Vec::with_capacity(SHAPES.len());
    for shape in &SHAPES {
        let t = shape.target;
        let g = svg(doc, &drawing, "g", &[("class", "region"), ("role", "button"), ("tabindex", "-1")])?;
        g.set_attribute("data-target", &t.key())?;
        g.set_attribute("data-region", t.region.id())?;
        g.set_attribute("aria-pressed", "false")?;
        g.set_attribute("aria-controls", PANELS_ID)?;
        g.set_attribute("aria-label", &content.target_label(t))?;
        let paths = shape.drawn_paths();
        for p in &paths {
            path(doc, &g, "muscle", p)?;
        }
        // The focus ring: the hit area's outline where there is one, else the shapes'.
        match (shape.hit_circle(), shape.hit_path()) {
            (Some((cx, cy, r)), _) => {
                svg(doc, &g, "circle", &[("cx", &num(cx)), ("cy", &num(cy)), ("r", &num(r)), ("class", "hit ring")])?;
            }
            (None, Some(p)) => path(doc, &g, "hit ring", &p)?,
            (None, None) => {
                for p in &paths {
                    path(doc, &g, "ring", p)?;
                }
            }
        }
        regions.push(g);
    }
    Ok(regions)
}

fn vertebra(doc: &Document, parent: &Element, top: f64, height: f64) -> Result<(), JsValue> {
    // transverse processes first, the bony wings the QL attaches to, then the body over them
    let wings = num(top + height / 2.0 - 3.0);
    svg(doc, parent, "rect", &[("x", "127"), ("y", &wings), ("width", "46"), ("height", "6"), ("rx", "3"), ("class", "bone")])?;
    svg(
        doc,
        parent,
        "rect",
        &[("x", "139"), ("y", &num(top)), ("width", "22"), ("height", &num(height)), ("rx", "5"), ("class", "bone")],
    )?;
    Ok(())
}
