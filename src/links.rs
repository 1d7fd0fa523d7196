//! Links from untrusted config and the host page's URL: which ones are safe to use, how the
//! booking link carries the selected region and the page's `utm_*` parameters, and how a deep
//! link (`#region=psoas`) picks the first region. Plain strings in, plain strings out.

use crate::regions::{Side, Target};
use alloc::{string::String, vec, vec::Vec};

/// What kind of link a config string is, once it passed the scheme check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `http:` or `https:`: the booking page; it gets the region and UTM parameters.
    Web,
    /// `tel:` or `mailto:`: used exactly as given.
    Contact,
    /// No scheme: resolved against the host page by the browser, then checked again.
    Relative,
    /// Only a fragment (`#book`): a section of the host page, used exactly as given.
    Anchor,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    /// Spaces, quotes or angle brackets: a sentence or markup, not an address.
    NotALink,
    /// A scheme that could run code or carry content (`javascript:`, `data:`, …).
    Scheme(String),
}

impl LinkError {
    /// Why the link was refused, for the console message that names the attribute.
    pub fn reason(&self) -> String {
        match self {
            LinkError::Empty => String::from("it is empty"),
            LinkError::NotALink => String::from("it is not a web address"),
            LinkError::Scheme(s) => {
                let mut m = String::from("the scheme \"");
                m.push_str(s);
                m.push_str(":\" is not allowed (use https:, http:, tel: or mailto:)");
                m
            }
        }
    }
}

/// Cleans a link the way browsers read it (outer spaces and control characters trimmed, tabs
/// and newlines removed anywhere, so `java\tscript:` is seen as `javascript:`) and classifies
/// it. Only web, phone and e-mail links, and relative paths, survive.
pub fn check_link(raw: &str) -> Result<(String, LinkKind), LinkError> {
    let cleaned: String = raw.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    if cleaned.is_empty() {
        return Err(LinkError::Empty);
    }
    let kind = match scheme_of(&cleaned) {
        _ if cleaned.starts_with('#') => LinkKind::Anchor,
        None => LinkKind::Relative,
        Some(scheme) => match scheme.as_str() {
            "https" | "http" => LinkKind::Web,
            "tel" | "mailto" => LinkKind::Contact,
            _ => return Err(LinkError::Scheme(scheme)),
        },
    };
    if cleaned.contains(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`')) {
        return Err(LinkError::NotALink);
    }
    Ok((cleaned, kind))
}

/// The lower-cased scheme, when the text starts with one (`letter *(letter / digit / + - .) :`).
fn scheme_of(link: &str) -> Option<String> {
    let (scheme, _) = link.split_once(':')?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| scheme.to_ascii_lowercase())
}

/// The booking link for a selection, as a plain link (`booking-provider="link"`). `base` is an
/// absolute http(s) URL as the browser normalised it. The region (and side) replace any the URL
/// had; every other parameter and the fragment stay; each `utm_*` parameter of the host page is
/// added unless the URL has it.
pub fn booking_href(base: &str, target: Option<Target>, page_utm: &[(String, String)]) -> String {
    let params: Vec<(&str, &str)> = match target {
        // No side chosen: the region alone, and any `side` the URL had is removed.
        Some(t) => vec![("region", t.region.id()), ("side", t.chosen_side().map_or("", Side::id))],
        None => Vec::new(),
    };
    with_params(base, &params, page_utm)
}

/// `base` with each of `params` set (replacing a parameter of the same name, wherever it stood;
/// an empty value only removes it),
/// then the page's `utm_*` parameters the URL does not have yet. Other parameters, their order
/// and the fragment stay as they were.
pub fn with_params(base: &str, params: &[(&str, &str)], page_utm: &[(String, String)]) -> String {
    let (before_hash, fragment) = match base.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (base, None),
    };
    let (path, query) = before_hash.split_once('?').unwrap_or((before_hash, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !params.iter().any(|(name, _)| decode(param_name(p)) == *name))
        .map(String::from)
        .collect();
    for (name, value) in params.iter().filter(|(_, value)| !value.is_empty()) {
        pairs.push(pair(name, value));
    }
    for (name, value) in page_utm {
        if !pairs.iter().any(|p| decode(param_name(p)) == *name) {
            pairs.push(pair(name, value));
        }
    }
    let mut href = String::from(path);
    // A loop, not `pairs.join("&")`: the only join of Strings, a copy of std's join code.
    for (i, p) in pairs.iter().enumerate() {
        href.push(if i == 0 { '?' } else { '&' });
        href.push_str(p);
    }
    if let Some(fragment) = fragment {
        href.push('#');
        href.push_str(fragment);
    }
    href
}

fn param_name(pair: &str) -> &str {
    pair.split('=').next().unwrap_or("")
}

/// `name=value`, both percent-encoded; the name keeps `:`, `[` and `]`, which booking systems
/// document literally (`field:123`, `metadata[region]`) and which a query may hold as they are.
fn pair(name: &str, value: &str) -> String {
    let mut p = encode_keeping(name, b":[]");
    p.push('=');
    p.push_str(&encode(value));
    p
}

/// The host page's `utm_*` parameters from `location.search`, decoded, in page order.
pub fn utm_params(search: &str) -> Vec<(String, String)> {
    query_pairs(search).filter(|(name, _)| name.starts_with("utm_") && name.len() > 4).collect()
}

/// The region a deep link asks for: `region=psoas`, `region=ql:left` or
/// `region=ql&side=left`, in the fragment (`#region=…`) or else the query (`?region=…`).
pub fn deep_link(search: &str, hash: &str) -> Option<Target> {
    [hash, search].into_iter().find_map(|part| {
        let mut region = None;
        let mut side = None;
        for (name, value) in query_pairs(part) {
            match name.as_str() {
                "region" => region = Some(value),
                "side" => side = Some(value),
                _ => {}
            }
        }
        let region = region?;
        match side {
            Some(side) => Target::from_parts(&region, Some(&side)),
            None => Target::parse(&region),
        }
    })
}

/// Decoded `name=value` pairs of a query or fragment, with or without its leading `?`/`#`.
pub fn query_pairs(part: &str) -> impl Iterator<Item = (String, String)> + '_ {
    part.trim_start_matches(['?', '#']).split('&').filter(|p| !p.is_empty()).map(|p| {
        let (name, value) = p.split_once('=').unwrap_or((p, ""));
        (decode(name), decode(value))
    })
}

/// Percent-encodes everything but the URL-safe unreserved characters.
pub fn encode(text: &str) -> String {
    encode_keeping(text, b"")
}

/// [`encode`], leaving the ASCII characters in `keep` as they are.
fn encode_keeping(text: &str, keep: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as a space; malformed escapes stay as they are.
pub fn decode(text: &str) -> String {
    let hex = |b: &u8| (*b as char).to_digit(16);
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        match (b, tail) {
            (b'+', _) => out.push(b' '),
            (b'%', [h, l, after @ ..]) => match (hex(h), hex(l)) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    rest = after;
                }
                _ => out.push(b'%'),
            },
            (b, _) => out.push(b),
        }
    }
    lossy_utf8(&out)
}

/// `String::from_utf8_lossy`: each invalid sequence (its longest start that could still have
/// become a character) is one U+FFFD. In fewer bytes of wasm than std's decoder or
/// `str::from_utf8`, which the widget needs nowhere else.
fn lossy_utf8(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        // The sequence's length, the bits of the lead byte, and the range of its second byte
        // (Unicode's table of well-formed byte sequences; later bytes are 80..BF).
        let (len, bits, second) = match lead {
            0x00..=0x7F => (1, lead, 0x80..=0xBF),
            0xC2..=0xDF => (2, lead & 0x1F, 0x80..=0xBF),
            0xE0 => (3, 0, 0xA0..=0xBF),
            0xED => (3, 0x0D, 0x80..=0x9F),
            0xE1..=0xEF => (3, lead & 0x0F, 0x80..=0xBF),
            0xF0 => (4, 0, 0x90..=0xBF),
            0xF4 => (4, 4, 0x80..=0x8F),
            0xF1..=0xF3 => (4, lead & 0x07, 0x80..=0xBF),
            _ => (0, 0, 0x80..=0xBF),
        };
        let mut code = bits as u32;
        let mut n = 1;
        while n < len {
            match bytes.get(i + n) {
                Some(&b) if (if n == 1 { second.contains(&b) } else { (0x80..=0xBF).contains(&b) }) => {
                    code = code << 6 | (b & 0x3F) as u32;
                    n += 1;
                }
                _ => break,
            }
        }
        out.push(if n == len {
            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
        } else {
            char::REPLACEMENT_CHARACTER
        });
        i += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checked by breaking it once: with E0's second byte allowed from 80, `E0 80 80` was one
    /// character instead of three U+FFFD (an overlong form); with the failing byte consumed,
    /// `C3 28` lost its `(`.
    #[test]
    fn lossy_utf8_replaces_as_std_does() {
        let mut cases: Vec<Vec<u8>> =
            vec![b"".to_vec(), b"plain".to_vec(), vec![0xC3, 0x28], vec![0xE2, 0x82], vec![0xED, 0xA0, 0x80]];
        cases.extend([
            vec![0xF0, 0x9F, 0x98],
            vec![0xF4, 0x90, 0x80, 0x80],
            vec![0xC0, 0xAF],
            vec![0x80, 0xBF, 0x41],
            vec![0xFF; 3],
        ]);
        // Every one- and two-byte sequence, and three-byte ones around the tricky lead bytes.
        cases.extend((0..=255u8).map(|a| vec![a]));
        cases.extend((0..=255u8).flat_map(|a| (0..=255u8).map(move |b| vec![a, b])));
        for a in [0xE0u8, 0xED, 0xF0, 0xF4, 0xF5] {
            cases.extend((0x70..=0xC2u8).flat_map(|b| [vec![a, b, 0x80], vec![a, b, 0x41], vec![a, b, 0x80, 0x80, 0x41]]));
        }
        // Every lead byte from C0 with second, third and fourth bytes at the edges of the ranges.
        for a in 0xC0..=0xFFu8 {
            for b in [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] {
                for c in [0x7F, 0x80, 0xBF, 0xC0] {
                    cases.extend([vec![a, b, c], vec![a, b, c, 0x80], vec![a, b, c, 0xBF, 0x41], vec![a, b, c, 0xC0]]);
                }
            }
        }
        for bytes in cases {
            assert_eq!(lossy_utf8(&bytes), String::from_utf8_lossy(&bytes), "{bytes:x?}");
        }
    }

    use crate::regions::{Region, Side};

    const PSOAS: Option<Target> = Some(Target::new(Region::Psoas, Side::Both));
    const QL_LEFT: Option<Target> = Some(Target::new(Region::Ql, Side::Left));

    #[test]
    fn web_contact_and_relative_links_pass() {
        assert_eq!(check_link("https://clinic.example/book"), Ok(("https://clinic.example/book".into(), LinkKind::Web)));
        assert_eq!(check_link("  HTTP://clinic.example "), Ok(("HTTP://clinic.example".into(), LinkKind::Web)));
        assert_eq!(check_link("tel:+15550100"), Ok(("tel:+15550100".into(), LinkKind::Contact)));
        assert_eq!(check_link("mailto:desk@clinic.example").map(|l| l.1), Ok(LinkKind::Contact));
        assert_eq!(check_link("/book?x=1").map(|l| l.1), Ok(LinkKind::Relative));
        assert_eq!(check_link("book.html").map(|l| l.1), Ok(LinkKind::Relative));
        assert_eq!(check_link("//cdn.example/x").map(|l| l.1), Ok(LinkKind::Relative));
        assert_eq!(check_link("#book").map(|l| l.1), Ok(LinkKind::Anchor));
        assert_eq!(check_link("#x:javascript:1").map(|l| l.1), Ok(LinkKind::Anchor));
    }

    #[test]
    fn script_and_data_schemes_are_refused_however_disguised() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            " \u{1}javascript:alert(1)",
            "jav\r\nascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://x/y",
        ] {
            match check_link(bad) {
                Err(LinkError::Scheme(_)) => {}
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
        assert_eq!(check_link(" \t\n"), Err(LinkError::Empty));
        assert_eq!(check_link("book now"), Err(LinkError::NotALink));
        assert_eq!(check_link("<script>"), Err(LinkError::NotALink));
        assert_eq!(check_link("https://x.example/\"onmouseover=\"x"), Err(LinkError::NotALink));
        assert!(LinkError::Scheme("javascript".into()).reason().contains("\"javascript:\""));
    }

    #[test]
    fn booking_href_adds_the_region_and_side() {
        assert_eq!(booking_href("https://c.example/book", PSOAS, &[]), "https://c.example/book?region=psoas&side=both");
        assert_eq!(booking_href("https://c.example/book", QL_LEFT, &[]), "https://c.example/book?region=ql&side=left");
        assert_eq!(booking_href("https://c.example/book", None, &[]), "https://c.example/book");
    }

    #[test]
    fn booking_href_keeps_the_query_and_fragment() {
        assert_eq!(
            booking_href("https://c.example/book?service=12&lang=es#slots", PSOAS, &[]),
            "https://c.example/book?service=12&lang=es&region=psoas&side=both#slots"
        );
        assert_eq!(booking_href("https://c.example/b?a=1#top", None, &[]), "https://c.example/b?a=1#top");
    }

    #[test]
    fn booking_href_replaces_an_old_region_rather_than_repeating_it() {
        assert_eq!(
            booking_href("https://c.example/b?region=ql&x=1&side=right", PSOAS, &[]),
            "https://c.example/b?x=1&region=psoas&side=both"
        );
    }

    #[test]
    fn booking_href_passes_page_utm_without_overriding_its_own() {
        let utm = utm_params("?utm_source=fb&utm_campaign=spring%20sale&ref=x&utm_=bad");
        assert_eq!(utm, vec![("utm_source".into(), "fb".into()), ("utm_campaign".into(), "spring sale".into())]);
        assert_eq!(
            booking_href("https://c.example/b?utm_source=clinic", QL_LEFT, &utm),
            "https://c.example/b?utm_source=clinic&region=ql&side=left&utm_campaign=spring%20sale"
        );
    }

    #[test]
    fn encodes_what_would_break_the_query() {
        assert_eq!(encode("a b&c=d#é"), "a%20b%26c%3Dd%23%C3%A9");
        assert_eq!(decode(&encode("a b&c=d#é/?")), "a b&c=d#é/?");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("a+b"), "a b");
        assert_eq!(decode("%C3%A9%FF%E2%82x%F0%9F%98%80%E2%82"), "é\u{FFFD}\u{FFFD}x😀\u{FFFD}");
    }

    #[test]
    fn deep_links_from_the_fragment_or_the_query() {
        assert_eq!(deep_link("", "#region=psoas"), PSOAS);
        assert_eq!(deep_link("?region=psoas", ""), PSOAS);
        assert_eq!(deep_link("?utm_source=ad&region=ql%3Aleft", ""), QL_LEFT);
        assert_eq!(deep_link("?region=glutes&side=right", ""), Some(Target::new(Region::Glutes, Side::Right)));
        assert_eq!(deep_link("?region=ql", "#region=psoas"), PSOAS, "the fragment wins");
        let ql = Some(Target::new(Region::Ql, Side::NotChosen));
        assert_eq!(deep_link("?region=ql", "#top"), ql, "a fragment without a region is ignored; no side is assumed");
        assert_eq!(deep_link("?region=knee", ""), None);
        assert_eq!(deep_link("", ""), None);
    }
}
