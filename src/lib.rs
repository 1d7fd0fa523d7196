//! `lower-back-map`: an interactive, accessible map of the lower back and hips for a massage
//! clinic's website. This file is only the surface exported to JavaScript.
//!
//! - `regions`, `selection`, `content`, `config`, `links`, `booking`, `analytics`, `anatomy`:
//!   the plain-Rust core, tested with `cargo test`.
//! - `dom`: the web-sys layer that draws it and listens to the visitor.

// The release wasm (`scripts/build.sh`, built without the panic hook's feature) links no std:
// std's panic machinery formats every panic message with `core::fmt` even where nothing can
// print it, 2.1 KB of the gzipped download. A panic there is an abort, as it was with std.
#![cfg_attr(all(target_arch = "wasm32", not(feature = "console_error_panic_hook"), not(test)), no_std)]

extern crate alloc;

pub mod analytics;
pub mod anatomy;
pub mod booking;
pub mod config;
pub mod content;
pub mod dom;
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[path = "alloc.rs"]
mod heap;
pub mod links;
pub mod regions;
pub mod selection;
pub mod teach;

use crate::config::concat;
use alloc::{rc::Rc, string::String};
use core::cell::RefCell;
use regions::Target;
use wasm_bindgen::prelude::*;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: heap::Allocator = heap::Allocator::new();

/// Panics reach the console with their message in development builds only: the hook costs
/// 1.1 KB gzipped, and a release build aborts on a panic anyway (none is reachable from input).
#[cfg(all(feature = "console_error_panic_hook", debug_assertions))]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Draws a widget into `host`'s open shadow root and returns its handle. The widget is built
/// before the shadow root is attached, so on an error the element is left as it was.
///
/// Settings are read from, in rising priority: `pack` (a built-in text pack such as
/// `lower-back-map.es.json`, or `undefined` for English), the host's child
/// `<script type="application/json">`, the `config` object, and the host's attributes
/// (`booking-url`, `booking-provider`, `booking-field`, `clinic-name`, `region`, `analytics`,
/// `theme`, …). A `#region=…` or `?region=…` in the page's URL picks the first selection. Bad settings are named in the console and their
/// defaults kept. Errors: `host` is not an element, cannot hold a shadow root, or already shows
/// a widget (call `destroy()` first; mounting again afterwards is allowed).
#[wasm_bindgen]
pub fn mount(host: JsValue, config: JsValue, pack: Option<JsValue>) -> Result<Widget, JsValue> {
    dom::widget::Widget::mount(&host, &config, &pack.unwrap_or(JsValue::UNDEFINED))
        .map(|w| Widget(RefCell::new(Some(Rc::new(w)))))
}

/// A mounted widget. It owns its event listeners: `destroy()` (or `free()`) removes them and
/// the drawing. Every method of a destroyed handle throws "this widget was destroyed".
#[wasm_bindgen]
pub struct Widget(RefCell<Option<Rc<dom::widget::Widget>>>);

impl Widget {
    /// The live widget, or the error a destroyed handle gives. A call that is running keeps
    /// its own reference, so `destroy()` from a host page's event handler is safe.
    fn live(&self) -> Result<Rc<dom::widget::Widget>, JsValue> {
        self.0
            .try_borrow()
            .ok()
            .and_then(|w| w.clone())
            .ok_or_else(|| dom::widget::error("this widget was destroyed; mount() the element again to show a new one"))
    }
}

#[wasm_bindgen]
impl Widget {
    /// Selects a region from code: `select("psoas")`, `select("ql", "right")`, `select("ql:right")`.
    pub fn select(&self, region: &str, side: Option<String>) -> Result<(), JsValue> {
        let widget = self.live()?;
        let target = match side {
            Some(side) => Target::from_parts(region, Some(&side)),
            None => Target::parse(region),
        };
        let target = target.ok_or_else(|| {
            dom::widget::error(concat(&[
                "select(): \"",
                region,
                "\" is not on the map (use ql, si-joint, glutes or psoas, with left or right)",
            ]))
        })?;
        widget.select(target)
    }

    /// Back to the starting panel, nothing selected.
    pub fn clear(&self) -> Result<(), JsValue> {
        self.live()?.clear()
    }

    /// The selection as `region:side` (`"ql:left"`, `"psoas:both"`), the region alone when no side
    /// was chosen (`"si-joint"`), or `undefined`.
    pub fn selected(&self) -> Result<Option<String>, JsValue> {
        Ok(self.live()?.selected().map(Target::attribute))
    }

    /// The booking link as it stands, with the region and the page's `utm_*` parameters.
    #[wasm_bindgen(js_name = bookingHref)]
    pub fn booking_href(&self) -> Result<String, JsValue> {
        Ok(self.live()?.booking_href())
    }

    /// Tells the widget that the host's attribute `name` changed or was removed; it reads the
    /// attribute again, as a fresh page would.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) -> Result<(), JsValue> {
        self.live()?.attribute_changed(name)
    }

    /// Replaces the built-in text pack (`lower-back-map.<lang>.json`, or `undefined` for
    /// English) and redraws; config strings and attributes still take priority.
    #[wasm_bindgen(js_name = setPack)]
    pub fn set_pack(&self, pack: JsValue) -> Result<(), JsValue> {
        self.live()?.set_pack(&pack)
    }

    /// Replaces the config object and redraws; attributes still take priority.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&self, config: JsValue) -> Result<(), JsValue> {
        self.live()?.set_config(&config)
    }

    /// Removes the widget's listeners and drawing; the element can be mounted again. Calling it
    /// twice is harmless; any other method afterwards throws "this widget was destroyed".
    pub fn destroy(&self) {
        let widget = self.0.try_borrow_mut().ok().and_then(|mut w| w.take());
        drop(widget);
    }
}

/// What std's `panic = "abort"` did, without its message formatting.
#[cfg(all(target_arch = "wasm32", not(feature = "console_error_panic_hook"), not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
