//! Shared helpers: the default rule set (compiled once) and the invariant checks every
//! classification must satisfy, used by the properties, the pathological inputs and the fuzz replays.
use foitag::document::Document;
use foitag::output::{long_rows, WideRow};
use foitag::rules::RuleSet;
use foitag::Analysis;
use std::sync::OnceLock;

/// The embedded default rules, compiled once per test binary.
pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::defaults().expect("default rules compile"))
}

/// Whether `s..e` is a valid, char-aligned span of `text`.
pub fn span_ok(text: &str, s: usize, e: usize) -> bool {
    s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
}

/// Assert every invariant of an analysis of `text`: spans inside the text and on char
/// boundaries, per-line tables the right length, messages covering the text in order, findings
/// ordered by message (verdict::kinds relies on it), rows and the explain report render.
pub fn check(rules: &RuleSet, text: &str, a: &Analysis) {
    let s = &a.scan;
    for c in &s.citations {
        assert!(span_ok(text, c.start, c.end), "citation span {}..{} in {} bytes", c.start, c.end, text.len());
        assert!(!c.items.is_empty());
        assert!(c.message < s.segments.messages.len());
    }
    for g in &s.signals {
        assert!(span_ok(text, g.start, g.end), "signal span {}..{}", g.start, g.end);
        assert!(g.message < s.segments.messages.len());
    }
    let lines = s.index.lines();
    assert_eq!(s.segments.line_zone.len(), lines);
    assert_eq!(s.segments.line_message.len(), lines);
    assert!(!s.segments.messages.is_empty());
    let mut prev_end = 0;
    for m in &s.segments.messages {
        assert!(span_ok(text, m.start, m.end), "message span {}..{}", m.start, m.end);
        assert_eq!(m.start, prev_end, "messages are contiguous");
        prev_end = m.end;
    }
    assert_eq!(prev_end, text.len(), "messages cover the text");
    assert!(s.signals.windows(2).all(|w| w[0].message <= w[1].message), "signals ordered by message");
    assert!(s.citations.windows(2).all(|w| w[0].message <= w[1].message), "citations ordered by message");
    assert_eq!(s.scotland.len(), s.segments.messages.len());
    assert_eq!(a.verdict.messages, s.segments.messages.len());
    for r in long_rows("t", a, rules) {
        assert!(span_ok(text, r.start, r.end));
        assert!(r.line >= 1 && r.line <= lines);
    }
    let doc = Document { id: "t".into(), text: text.to_string(), ..Default::default() };
    let mut w = foitag::output::CsvWriter::new(Vec::new(), &[]).unwrap();
    w.write(&WideRow::from_analysis(&doc, a)).unwrap();
    let csv = w.into_inner().unwrap();
    let records: Vec<csv::StringRecord> = csv::Reader::from_reader(&csv[..]).records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1, "the wide row is one CSV record");
    assert_eq!(records[0].len(), foitag::output::header::<WideRow>().len());
    let _ = foitag::explain::render(rules, &doc, a, false);
}

/// Classify `text` with the default rules and check every invariant; returns the wide row.
pub fn classify_checked(text: &str) -> WideRow {
    let rules = rules();
    let a = foitag::analyse(rules, text, None);
    check(rules, text, &a);
    let doc = Document { id: "t".into(), text: text.to_string(), ..Default::default() };
    WideRow::from_analysis(&doc, &a)
}

/// Decode arbitrary bytes as the binary does, then classify and check; `None` when the decoder
/// turns the input down (binary content), which becomes an error row, not a panic.
pub fn classify_bytes(bytes: &[u8]) -> Option<WideRow> {
    foitag::input::decode_text(bytes).ok().map(|t| classify_checked(&t))
}

/// Every corpus letter, as (file name, text).
pub fn corpus() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    v
}
