//! Fuzz target: arbitrary bytes through the whole classify path (`decode_text`, `analyse`, wide row).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static RULES: OnceLock<foitag::rules::RuleSet> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(|| foitag::rules::RuleSet::defaults().expect("default rules compile"));
    let Ok(text) = foitag::input::decode_text(data) else { return };
    let a = foitag::analyse(rules, &text, None);
    // Every span lies within the text and on char boundaries.
    let ok = |s: usize, e: usize| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    for c in &a.scan.citations {
        assert!(ok(c.start, c.end), "citation span {}..{}", c.start, c.end);
    }
    for s in &a.scan.signals {
        assert!(ok(s.start, s.end), "signal span {}..{}", s.start, s.end);
    }
    for m in &a.scan.segments.messages {
        assert!(ok(m.start, m.end), "message span {}..{}", m.start, m.end);
    }
    // The wide row is one CSV record.
    let doc = foitag::document::Document { id: "fuzz".into(), text: text.clone(), ..Default::default() };
    let row = foitag::output::WideRow::from_analysis(&doc, &a);
    let mut w = foitag::output::CsvWriter::new(Vec::new(), &[]).unwrap();
    w.write(&row).unwrap();
    let bytes = w.into_inner().unwrap();
    let n = csv::Reader::from_reader(&bytes[..]).records().count();
    assert_eq!(n, 1);
    // Long rows and the explain report render without panicking.
    let _ = foitag::output::long_rows("fuzz", &a, rules);
    let _ = foitag::explain::render(rules, &doc, &a, false);
});
