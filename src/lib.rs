//! `lower-back-map`: an interactive, accessible map of the lower back and hips for a massage
//! clinic's website. This file is only the surface exported to JavaScript.
//!
//! - `regions`, `selection`, `content`, `config`, `links`, `booking`, `analytics`, `anatomy`:
//!   the plain-Rust core, tested with `cargo test`.
//! - `dom`: the web-sys layer that draws it and listens to the visitor.

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod alloc;
pub mod analytics;
pub mod anatomy;
pub mod booking;
pub mod config;
pub mod content;
pub mod dom;
pub mod links;
pub mod regions;
pub mod selection;
pub mod teach;

use regions::Target;
use wasm_bindgen::prelude::*;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator::new();

#[cfg(feature = "console_error_panic_hook")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Draws a widget into `host`'s open shadow root and returns its handle.
///
/// Settings are read from, in rising priority: the host's child
/// `<script type="application/json">`, the `config` object, and the host's attributes
/// (`booking-url`, `clinic-name`, `region`, `analytics`). A `#region=…` or `?region=…` in the
/// page's URL picks the first selection. Bad settings are named in the console and their
/// defaults kept. Errors: `host` is not an element, cannot hold a shadow root, or already shows
/// a widget (call `destroy()` first; mounting again afterwards is allowed).
#[wasm_bindgen]
pub fn mount(host: JsValue, config: JsValue) -> Result<Widget, JsValue> {
    dom::widget::Widget::mount(&host, &config).map(Widget)
}

/// A mounted widget. It owns its event listeners: `destroy()` (or `free()`) removes them and
/// the drawing.
#[wasm_bindgen]
pub struct Widget(dom::widget::Widget);

#[wasm_bindgen]
impl Widget {
    /// Selects a region from code: `select("psoas")`, `select("ql", "right")`, `select("ql:right")`.
    pub fn select(&self, region: &str, side: Option<String>) -> Result<(), JsValue> {
        let target = match side {
            Some(side) => Target::from_parts(region, Some(&side)),
            None => Target::parse(region),
        };
        let target = target.ok_or_else(|| {
            dom::widget::error(
                ["select(): \"", region, "\" is not on the map (use ql, si-joint, glutes or psoas, with left or right)"].concat(),
            )
        })?;
        self.0.select(target)
    }

    /// Back to the starting panel, nothing selected.
    pub fn clear(&self) -> Result<(), JsValue> {
        self.0.clear()
    }

    /// The selection as `region:side` (`"ql:left"`, `"psoas:both"`), or `undefined`.
    pub fn selected(&self) -> Option<String> {
        self.0.selected().map(|t| [t.region.id(), ":", t.side.id()].concat())
    }

    /// The booking link as it stands, with the region and the page's `utm_*` parameters.
    #[wasm_bindgen(js_name = bookingHref)]
    pub fn booking_href(&self) -> String {
        self.0.booking_href()
    }

    /// Tells the widget that the host's attribute `name` changed or was removed; it reads the
    /// attribute again, as a fresh page would.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) -> Result<(), JsValue> {
        self.0.attribute_changed(name)
    }

    /// Replaces the config object and redraws; attributes still take priority.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&self, config: JsValue) -> Result<(), JsValue> {
        self.0.set_config(&config)
    }

    /// Removes the widget's listeners and drawing. The element can be mounted again.
    pub fn destroy(self) {}
}
