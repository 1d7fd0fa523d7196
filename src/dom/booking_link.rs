//! The booking button's link in the page: which kind it is (a web link that gets the visitor's
//! area, a phone or e-mail link, a section of the host page), resolved against the page, and the
//! warning when an in-page link has nothing to go to. The links themselves are `crate::booking`.

use crate::booking::{self, Provider};
use crate::config::{concat, Settings, Warning, DEFAULT_BOOKING_URL};
use crate::links::{decode, LinkKind};
use alloc::{string::String, vec::Vec};
use core::cell::Cell;
use web_sys::{Document, Url};

/// The booking link's base.
pub(super) enum Booking {
    /// A normalised web URL, which gets the selection (where the provider reads it) and the
    /// page's UTM parameters.
    Web(String, Provider),
    /// A `tel:` or `mailto:` link, used as it is.
    Fixed(String),
    /// A `#section` of the host page, used as it is; the flag is set once a missing target was
    /// reported, so it is said once per link.
    Anchor(String, Cell<bool>),
}

impl Booking {
    /// The warning for a `#fragment` link with nothing to go to on the host page, once per link
    /// (checked at mount, when the link changes, and again at the first click, in case the page
    /// added its booking section after the widget). The caller logs it after releasing the
    /// state, since a console wrapper is page code that may call back.
    pub(super) fn no_target_warning(&self, doc: &Document) -> Option<String> {
        let Booking::Anchor(link, warned) = self else { return None };
        let id = decode(link.trim_start_matches('#'));
        if warned.get() || id.is_empty() || id.eq_ignore_ascii_case("top") || doc.get_element_by_id(&id).is_some() {
            return None;
        }
        warned.set(true);
        let message = concat(&[
            "lower-back-map: \"booking-url\" is \"",
            link,
            "\", but this page has no element with id=\"",
            &id,
            "\", so the booking button goes nowhere. Set booking-url to the booking page's address, or give the booking section that id.",
        ]);
        Some(message)
    }
}

/// The booking link's base for these settings: a web link resolved against the page, or a
/// `tel:`/`mailto:`/`#anchor` link used as it is. A link the browser cannot parse falls back.
pub(super) fn resolve_booking(doc: &Document, settings: &Settings, warnings: &mut Vec<Warning>) -> Booking {
    let (provider, problem) = booking::provider(settings.booking_provider, settings.booking_field.as_deref());
    if let Some(problem) = problem {
        warnings.push(Warning { field: "booking-field".into(), problem: problem.into() });
    }
    let (link, kind) = &settings.booking_url;
    match kind {
        LinkKind::Contact => return Booking::Fixed(link.clone()),
        LinkKind::Anchor => return Booking::Anchor(link.clone(), Cell::new(false)),
        LinkKind::Web | LinkKind::Relative => {}
    }
    let base = doc.base_uri().ok().flatten().unwrap_or_default();
    match Url::new_with_base(link, &base) {
        // Credentials would be published in the page and sent with the visit: refused.
        Ok(url) if !url.username().is_empty() || !url.password().is_empty() => {
            warnings.push(Warning { field: "booking-url".into(), problem: "it contains a user name or password".into() });
            resolve_booking(doc, &Settings::default(), warnings)
        }
        Ok(url) if matches!(url.protocol().as_str(), "https:" | "http:") => Booking::Web(url.href(), provider),
        _ => {
            warnings
                .push(Warning { field: "booking-url".into(), problem: "it is not a web address the browser can open".into() });
            Booking::Anchor(String::from(DEFAULT_BOOKING_URL), Cell::new(false))
        }
    }
}
