//! Web pages: the letter stays, site furniture goes.
mod input_common;

use input_common::{load_fixture, pos};

#[test]
fn disclosure_log_page_keeps_letter_only() {
    let doc = load_fixture("html/disclosure-log.html");
    let t = &doc.text;
    for gone in [
        "cookies",
        "Accept",
        "Greymouth Police Service home",
        "News and appeals",
        "Contact us",
        "Disclosure log",
        "Other 2023 disclosures",
        "How we use your data",
        "Accessibility statement",
        "analytics",
        "position: fixed",
    ] {
        assert!(!t.contains(gone), "{gone:?} should be dropped:\n{t}");
    }
    assert!(t.starts_with("FOI 2023/117 – Facial recognition trials\n\nDate of response: 21 September 2023"));
    assert!(t.contains(
        "Greymouth Police Service can neither confirm nor deny that it holds the information you requested, by virtue of sections 23(5) and 24(2) of the Freedom of Information Act 2000."
    ));
    // Table rows become lines, cells are tab-separated.
    assert!(t.contains("Section 23(5)\tAbsolute\nSection 24(2)\tQualified"));
    assert!(pos(t, "You asked whether") < pos(t, "can neither confirm nor deny"));
    assert_eq!(doc.meta.subject.as_deref(), Some("FOI 2023/117 - Facial recognition trials | Disclosure log"));
}
