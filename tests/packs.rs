//! Host test: every built-in text pack (`www/lower-back-map.<code>.json`) fills every key of the
//! content model with a usable string, read by the same `Settings::apply` that reads a
//! marketer's config. (`e2e/lang.test.mjs` checks the same files from JavaScript, and that the
//! loader lists them.) Checked by breaking it once: with `ui.therapistNote` removed from the
//! Spanish pack this failed on the count, with a string emptied it failed on the warning.
#![cfg(not(target_arch = "wasm32"))]

use lower_back_map::config::{Settings, Value};
use lower_back_map::content::{REGION_FIELDS, STRETCH_STEPS, UI_TEXT};
use std::fs;

#[test]
fn every_pack_fills_every_key_with_a_string() {
    let mut packs = 0;
    for entry in fs::read_dir("www").expect("www/ is there") {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(code) = name.strip_prefix("lower-back-map.").and_then(|n| n.strip_suffix(".json")) else { continue };
        packs += 1;
        let text = fs::read_to_string(["www/", &name].concat()).unwrap();
        let pack = Json::new(&text).value();

        let mut settings = Settings::default();
        let warnings = settings.apply(&pack);
        assert!(warnings.is_empty(), "{code}: {warnings:?}");

        let Value::Map(top) = &pack else { panic!("{code}: not an object") };
        let keys: Vec<&str> = top.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["ui", "regions", "stretchSteps"], "{code}");
        let count = |v: &Value| match v {
            Value::Map(m) => m.len(),
            Value::List(l) => l.len(),
            _ => 0,
        };
        assert_eq!(count(&top[0].1), UI_TEXT.len(), "{code}: every ui key");
        let Value::Map(regions) = &top[1].1 else { panic!("{code}: regions") };
        assert_eq!(regions.len(), 4, "{code}: every region");
        for (id, fields) in regions {
            assert_eq!(count(fields), REGION_FIELDS.len(), "{code}: every field of {id}");
        }
        assert_eq!(count(&top[2].1), STRETCH_STEPS.len(), "{code}: every stretch step");
    }
    assert!(packs >= 1, "at least the Spanish pack");
}

/// Just enough JSON for the packs: objects, arrays, strings with escapes, and other literals.
struct Json<'a> {
    rest: &'a str,
}

impl<'a> Json<'a> {
    fn new(text: &'a str) -> Json<'a> {
        Json { rest: text }
    }

    fn skip(&mut self) {
        self.rest = self.rest.trim_start();
    }

    fn eat(&mut self, c: char) {
        self.skip();
        assert!(self.rest.starts_with(c), "expected {c:?} at {:?}", &self.rest[..self.rest.len().min(30)]);
        self.rest = &self.rest[1..];
    }

    fn value(&mut self) -> Value {
        self.skip();
        match self.rest.chars().next() {
            Some('{') => {
                self.eat('{');
                let mut entries = Vec::new();
                self.skip();
                while !self.rest.starts_with('}') {
                    let Value::Str(key) = self.value() else { panic!("object key") };
                    self.eat(':');
                    entries.push((key, self.value()));
                    self.skip();
                    if self.rest.starts_with(',') {
                        self.eat(',');
                        self.skip();
                    }
                }
                self.eat('}');
                Value::Map(entries)
            }
            Some('[') => {
                self.eat('[');
                let mut items = Vec::new();
                self.skip();
                while !self.rest.starts_with(']') {
                    items.push(self.value());
                    self.skip();
                    if self.rest.starts_with(',') {
                        self.eat(',');
                        self.skip();
                    }
                }
                self.eat(']');
                Value::List(items)
            }
            Some('"') => {
                self.eat('"');
                let mut out = String::new();
                let mut chars = self.rest.char_indices();
                while let Some((i, c)) = chars.next() {
                    match c {
                        '"' => {
                            self.rest = &self.rest[i + 1..];
                            return Value::Str(out);
                        }
                        '\\' => match chars.next().map(|(_, e)| e) {
                            Some('n') => out.push('\n'),
                            Some('t') => out.push('\t'),
                            Some('u') => {
                                let hex: String = (0..4).filter_map(|_| chars.next().map(|(_, h)| h)).collect();
                                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                            }
                            Some(e) => out.push(e),
                            None => break,
                        },
                        c => out.push(c),
                    }
                }
                panic!("unterminated string")
            }
            _ => {
                let end = self.rest.find([',', '}', ']']).unwrap_or(self.rest.len());
                self.rest = &self.rest[end..];
                Value::Other("a literal")
            }
        }
    }
}
