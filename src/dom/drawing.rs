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

use super::el::Build;
use super::view::PANELS_ID;
use crate::anatomy::{self, Rect, FELT, SHAPES};
use crate::config::digits;
use crate::content::{Content, Ui};
use crate::regions::Side;
use alloc::{string::String, vec::Vec};
use web_sys::Element;

/// The body under the regions, in drawing order, before the side view's vertebrae: class,
/// path, and whether the path is a left half of the back view, drawn with its mirror image
/// after it. A table rather than calls: each row is far fewer bytes of wasm than a call.
const BODY: [(&str, &str, bool); 15] = {
    use anatomy::*;
    [
        ("skin", BACK_SKIN, true),
        ("skin", SIDE_SKIN, false),
        ("rib-edge", RIBS_LEFT[0], true),
        ("rib", RIBS_LEFT[0], true),
        ("rib-edge", RIBS_LEFT[1], true),
        ("rib", RIBS_LEFT[1], true),
        ("rib-edge", RIBS_LEFT[2], true),
        ("rib", RIBS_LEFT[2], true),
        ("bone", SACRUM, false),
        ("bone", ILIUM_LEFT, true),
        ("bone-line", FORAMINA_LEFT, true),
        ("bone", COCCYX, false),
        ("spine-edge", SPINOUS, false),
        ("spine", SPINOUS, false),
        ("disc", SIDE_DISCS, false),
    ]
};

/// Over the side view's vertebrae (`anatomy::SIDE_BONES`): the hip bone, its lines, the femur,
/// and the line between the two views.
const OVER_BONES: [(&str, &str); 4] = [
    ("bone far", anatomy::HIP_BONE),
    ("bone-line", anatomy::SIDE_LINES),
    ("bone", anatomy::FEMUR),
    ("divider", anatomy::DIVIDER),
];

/// Draws the map into `parent`; returns the region buttons in keyboard order.
pub fn draw_map(b: &mut Build, parent: &Element, content: &Content) -> Vec<Element> {
    let figure = b.html(parent, "div", "figure", None);
    // The drawing is a picture of a body: it keeps its left-to-right geometry on an RTL page,
    // and each label keeps its own direction.
    b.attr(&figure, "dir", "ltr");
    label(b, &figure, "view-title back-title", content.ui(Ui::BackView));
    label(b, &figure, "view-title side-title", content.ui(Ui::SideView));

    let drawing = b.svg(&figure, "svg", &[("viewBox", anatomy::VIEW_BOX), ("role", "toolbar"), ("class", "drawing")]);
    b.attr(&drawing, "aria-label", content.ui(Ui::MapLabel));
    b.attr(&drawing, "aria-controls", PANELS_ID);

    let body = group(b, &drawing, "body");
    let hatch = b.svg(
        &body,
        "pattern",
        &[
            ("id", "lbm-hatch"),
            ("width", "6"),
            ("height", "6"),
            ("patternUnits", "userSpaceOnUse"),
            ("patternTransform", "rotate(45)"),
        ],
    );
    b.path(&hatch, "hatch", "M0 0L0 6");
    for (class, d, mirrored) in BODY {
        b.path(&body, class, d);
        if mirrored {
            b.path(&body, class, &anatomy::mirror(d));
        }
    }
    for p in anatomy::SIDE_BONES {
        b.path(&body, "bone", p);
    }
    for (class, d) in OVER_BONES {
        b.path(&body, class, d);
    }

    let mut regions = Vec::with_capacity(SHAPES.len());
    for shape in &SHAPES {
        let t = shape.target;
        let g = b.svg(&drawing, "g", &[("class", "region"), ("role", "button"), ("tabindex", "-1")]);
        b.attr(&g, "data-target", &t.key());
        b.attr(&g, "data-region", t.region.id());
        b.attr(&g, "aria-pressed", "false");
        b.attr(&g, "aria-controls", PANELS_ID);
        b.attr(&g, "aria-label", &content.target_label(t));
        for p in shape.muscles {
            b.path(&g, "muscle", &shape.place(p));
        }
        placed(b, &g, "fibre", shape, shape.fibres);
        for p in shape.cover {
            b.path(&g, "cover", &shape.place(p));
        }
        placed(b, &g, "fibre cover-fibre", shape, shape.cover_fibres);
        // The focus ring: the muscles' outline, over whatever covers them, or its own shape.
        if shape.ring.is_empty() {
            for p in shape.muscles {
                b.path(&g, "ring", &shape.place(p));
            }
        } else {
            b.path(&g, "ring", &shape.place(shape.ring));
        }
        // Only these invisible rectangles take the pointer: disjoint from other targets', the
        // first (`.hit`, one per target) at least 44 px square; any more are `.hit-extra`.
        for (i, r) in shape.hit_rects().enumerate() {
            hit(b, &g, r, if i == 0 { "hit" } else { "hit-extra" });
        }
        regions.push(g);
    }

    // Where pain is felt: hatched areas, hidden until the view adds `is-felt` to them.
    let felt = group(b, &drawing, "felt-layer");
    for (id, p, side) in FELT {
        let d = if side == Side::Right { anatomy::mirror(p) } else { String::from(p) };
        b.svg(&felt, "path", &[("d", &d), ("class", "felt"), ("data-felt", id)]);
    }
    let outline = group(b, &drawing, "outline");
    b.path(&outline, "skin-line", anatomy::BACK_OUTLINE);
    b.path(&outline, "skin-line", &anatomy::mirror(anatomy::BACK_OUTLINE));
    b.path(&outline, "skin-line", anatomy::SIDE_OUTLINE);

    for (class, first, second) in [("ends sides", Ui::Left, Ui::Right), ("ends faces", Ui::Back, Ui::Front)] {
        let row = b.html(&figure, "div", class, None);
        b.attr(&row, "aria-hidden", "true");
        label(b, &row, "", content.ui(first));
        label(b, &row, "", content.ui(second));
    }
    regions
}

/// A label: text in its own direction, so a translation reads right inside the LTR figure.
/// The view titles (with a class) are hidden from screen readers, which hear the map's name.
fn label(b: &mut Build, parent: &Element, class: &str, text: &str) {
    let el = b.html(parent, "span", class, Some(text));
    b.attr(&el, "dir", "auto");
    if !class.is_empty() {
        b.attr(&el, "aria-hidden", "true");
    }
}

/// A group that screen readers skip.
fn group(b: &mut Build, parent: &Element, class: &str) -> Element {
    b.svg(parent, "g", &[("class", class), ("aria-hidden", "true")])
}

fn placed(b: &mut Build, parent: &Element, class: &str, shape: &anatomy::Shape, d: &str) {
    if !d.is_empty() {
        b.path(parent, class, &shape.place(d));
    }
}

fn hit(b: &mut Build, parent: &Element, r: Rect, class: &str) {
    let n = |v: i32| digits(v as usize);
    b.svg(parent, "rect", &[("x", &n(r.x)), ("y", &n(r.y)), ("width", &n(r.w)), ("height", &n(r.h)), ("class", class)]);
}
