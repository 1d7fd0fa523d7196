//! Reads a config object from JavaScript with js-sys, one bounded step at a time, for
//! [`crate::config::read`]. Every JS call that can run page code (a getter, a Proxy trap, a
//! revoked Proxy) goes through an import that catches, so a throw is a bad field: an exception
//! never unwinds through the wasm (which would leave its stack pointer behind and the module
//! broken for every widget on the page).

use crate::config::{read, Kind, Source, Threw, Value, Warning};
use alloc::{string::String, vec::Vec};
use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
    /// `JSON.parse` of a JS string, which is never copied into the wasm.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    pub fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// A JS value being read; an object's keys are listed once, when its kind is asked.
struct Js {
    value: JsValue,
    keys: Option<Array>,
}

impl Js {
    fn new(value: JsValue) -> Js {
        Js { value, keys: None }
    }
}

impl Source for Js {
    fn kind(&mut self) -> Result<Kind, Threw> {
        let v = &self.value;
        // One `typeof` where a test per type would each be an import and its glue.
        let other = match v.js_typeof().as_string().unwrap_or_default().as_str() {
            "string" => return Ok(Kind::Str(v.unchecked_ref::<JsString>().length() as usize)),
            "object" if v.is_null() => "null",
            "object" => "",
            "boolean" => "a boolean",
            "number" | "bigint" => "a number",
            "undefined" => "undefined",
            "function" => "a function",
            _ => "a symbol",
        };
        if !other.is_empty() {
            return Ok(Kind::Other(other));
        }
        if is_array(v).map_err(|_| Threw)? {
            // `length` is read through Reflect: on a Proxy it runs a trap that may throw.
            let len = Reflect::get(v, &"length".into()).map_err(|_| Threw)?.as_f64().ok_or(Threw)?;
            return Ok(Kind::List(len as usize));
        }
        let keys = object_keys(v).map_err(|_| Threw)?;
        let n = keys.length() as usize;
        self.keys = Some(keys);
        Ok(Kind::Map(n))
    }

    fn text(&self) -> Result<String, Threw> {
        self.value.as_string().ok_or(Threw)
    }

    fn item(&self, i: usize) -> Result<Js, Threw> {
        Reflect::get_u32(&self.value, i as u32).map(Js::new).map_err(|_| Threw)
    }

    fn entry(&self, i: usize) -> (String, Result<Js, Threw>) {
        let key = self.keys.as_ref().map(|k| k.get(i as u32)).unwrap_or_default();
        let value = Reflect::get(&self.value, &key).map(Js::new).map_err(|_| Threw);
        (key.as_string().unwrap_or_default(), value)
    }
}

/// Reads `config` (`undefined` and `null` are no config) within the limits of
/// [`crate::config`]; the warnings name each field that was refused.
pub fn read_js(config: &JsValue, field: &str) -> (Option<Value>, Vec<Warning>) {
    if config.is_undefined() || config.is_null() {
        return (None, Vec::new());
    }
    let (value, warnings) = read(Js::new(config.clone()), field);
    (Some(value), warnings)
}
