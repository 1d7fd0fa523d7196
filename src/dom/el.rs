//! Small element builders shared by the view and the drawing. Text is always set as text.

use alloc::string::String;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// An HTML element with a class and optional text, appended to `parent`.
#[inline(never)]
pub fn html(doc: &Document, parent: Option<&Element>, tag: &str, class: &str, text: Option<&str>) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    if text.is_some() {
        el.set_text_content(text);
    }
    if let Some(p) = parent {
        p.append_child(&el)?;
    }
    Ok(el)
}

#[inline(never)]
pub fn svg(doc: &Document, parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let el = doc.create_element_ns(Some(SVG_NS), tag)?;
    for (k, v) in attrs {
        el.set_attribute(k, v)?;
    }
    parent.append_child(&el)?;
    Ok(el)
}

#[inline(never)]
pub fn svg_group(doc: &Document, parent: &Element, class: &str) -> Result<Element, JsValue> {
    svg(doc, parent, "g", &[("class", class), ("aria-hidden", "true")])
}

#[inline(never)]
pub fn path(doc: &Document, parent: &Element, class: &str, d: &str) -> Result<(), JsValue> {
    svg(doc, parent, "path", &[("d", d), ("class", class)]).map(|_| ())
}

/// A coordinate as SVG text, rounded to tenths, without `core::fmt`.
#[inline(never)]
pub fn num(v: f64) -> String {
    let mut s = String::new();
    crate::anatomy::push_number(&mut s, v);
    s
}
