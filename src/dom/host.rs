//! The host element's side of mounting: its shadow root, the stylesheet adopted there, and the
//! language and direction the widget declares on its top element.

use super::widget::error;
use crate::config::concat;
use crate::content::declared_language;
use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The minified `widget.css`, `drawing.css` and `teach.css` (see build.rs).
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

/// The host's open shadow root: a new one, or the empty one a destroyed widget left behind.
pub(super) fn shadow_root(host: &Element) -> Result<ShadowRoot, JsValue> {
    if let Some(root) = host.shadow_root() {
        return Ok(root);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|_| {
        error(concat(&[
            "mount(): a <",
            &host.local_name(),
            "> cannot hold a widget; use <lower-back-map>, a <div> or a custom element",
        ]))
    })
}

/// The language and direction the widget declares on its top element (see
/// [`declared_language`]): the page's, read from the host or its nearest ancestor, unless its
/// text falls back to English. `translated`: a text pack or the site's own strings are in use.
pub(super) fn set_language(host: &Element, root: &Element, translated: bool) -> Result<(), JsValue> {
    let page_lang = host.closest("[lang]")?.and_then(|el| el.get_attribute("lang"));
    let page_dir = host.closest("[dir=ltr i], [dir=rtl i]")?.and_then(|el| el.get_attribute("dir"));
    let own_dir = host.get_attribute("dir").filter(|d| d.eq_ignore_ascii_case("ltr") || d.eq_ignore_ascii_case("rtl"));
    let (lang, dir) = declared_language(page_lang.as_deref(), page_dir.as_deref(), own_dir.as_deref(), translated);
    for (attr, value) in [("lang", lang), ("dir", dir)] {
        match value {
            Some(value) => root.set_attribute(attr, &value)?,
            None => root.remove_attribute(attr)?,
        }
    }
    Ok(())
}

/// Styles through a constructed stylesheet, which a strict `style-src` allows; where the
/// browser has none (Safari before 16.4), a `<style>` element.
pub(super) fn adopt_style(doc: &Document, shadow: &ShadowRoot) -> Result<(), JsValue> {
    match CssStyleSheet::new() {
        Ok(sheet) => {
            sheet.replace_sync(STYLE)?;
            shadow.set_adopted_style_sheets(&Array::of1(&sheet));
        }
        Err(_) => {
            let style = doc.create_element("style")?;
            style.set_text_content(Some(STYLE));
            shadow.append_child(&style)?;
        }
    }
    Ok(())
}
