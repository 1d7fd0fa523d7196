//! Minifies the widget's stylesheet (`src/dom/*.css`) for `include_str!`: comments and
//! layout whitespace go, strings are kept as written. About 0.3 KB less in the gzipped wasm.

use std::{env, fs, path::Path};

fn main() {
    let mut css = String::new();
    for file in ["src/dom/widget.css", "src/dom/drawing.css", "src/dom/teach.css"] {
        println!("cargo:rerun-if-changed={file}");
        css.push_str(&fs::read_to_string(file).expect("the stylesheet is readable"));
        css.push('\n');
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("style.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            '"' | '\'' => {
                push_space(&mut out, &mut space, c);
                out.push(c);
                for s in chars.by_ref() {
                    out.push(s);
                    if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                push_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// A pending space is kept only where it separates two words (`0 auto`, `.a .b`).
fn push_space(out: &mut String, space: &mut bool, next: char) {
    let glue = |c: char| matches!(c, '{' | '}' | ';' | ',' | ':' | '>' | '(');
    if *space && !out.is_empty() && !out.ends_with(glue) && !matches!(next, '{' | '}' | ';' | ',' | '>' | ')') {
        out.push(' ');
    }
    *space = false;
}
