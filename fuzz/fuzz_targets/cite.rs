//! Fuzz target: the citation list parser on arbitrary text; the consumed length must be a char boundary.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (plural, rest) = match data.split_first() {
        Some((b, rest)) => (b & 1 == 1, rest),
        None => (false, data),
    };
    let s = String::from_utf8_lossy(rest);
    let (items, used) = foitag::scan::cite::parse_list(&s, plural);
    assert!(used <= s.len() && s.is_char_boundary(used));
    assert_eq!(items.is_empty(), used == 0);
    for it in &items {
        assert!(!it.number.is_empty());
        let _ = foitag::scan::canon::canonical(it, foitag::scan::Regime::Foia);
        let _ = foitag::scan::canon::canonical(it, foitag::scan::Regime::Eisr);
    }
});
