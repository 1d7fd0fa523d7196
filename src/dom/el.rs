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
        // As an attribute: `set_attribute` is an import the widget has anyway.
        el.set_attribute("class", class)?;
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

/// Builds a tree of elements, one call per element or attribute. A step that fails keeps its
/// error for [`Build::finish`] and hands back the spare element (the tree's detached root), so
/// the rest of the build goes on harmlessly and the caller gets the first error, as with `?`
/// at every step, and drops the half-built tree. What it saves is the `?` at every call site:
/// the error branch and the clean-up of every element still held, repeated a hundred times.
pub struct Build<'a> {
    pub doc: &'a Document,
    spare: Element,
    error: Option<JsValue>,
}

impl<'a> Build<'a> {
    pub fn new(doc: &'a Document, spare: &Element) -> Build<'a> {
        Build { doc, spare: spare.clone(), error: None }
    }

    /// The first error of the build, if any.
    pub fn finish(&mut self) -> Result<(), JsValue> {
        self.error.take().map_or(Ok(()), Err)
    }

    #[inline(never)]
    fn keep(&mut self, made: Result<Element, JsValue>) -> Element {
        made.unwrap_or_else(|e| {
            self.error.get_or_insert(e);
            self.spare.clone()
        })
    }

    /// Keeps the error of a step that returns nothing.
    #[inline(never)]
    pub fn check(&mut self, done: Result<(), JsValue>) {
        if let Err(e) = done {
            self.error.get_or_insert(e);
        }
    }

    /// An HTML element with a class (none if empty) and optional text, appended to `parent`.
    #[inline(never)]
    pub fn html(&mut self, parent: &Element, tag: &str, class: &str, text: Option<&str>) -> Element {
        let made = html(self.doc, Some(parent), tag, class, text);
        self.keep(made)
    }

    #[inline(never)]
    pub fn attr(&mut self, el: &Element, name: &str, value: &str) {
        let done = el.set_attribute(name, value);
        self.check(done)
    }

    #[inline(never)]
    pub fn svg(&mut self, parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Element {
        let made = svg(self.doc, parent, tag, attrs);
        self.keep(made)
    }

    #[inline(never)]
    pub fn path(&mut self, parent: &Element, class: &str, d: &str) {
        self.svg(parent, "path", &[("d", d), ("class", class)]);
    }
}

/// A coordinate as SVG text, rounded to tenths, without `core::fmt`.
#[inline(never)]
pub fn num(v: f64) -> String {
    let mut s = String::new();
    crate::anatomy::push_number(&mut s, v);
    s
}
