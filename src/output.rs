//! Output rows (wide: one per document; long: one per finding) and their CSV writers.
use crate::document::Document;
use crate::scan::Scan;
use crate::verdict::Verdict;
use crate::Analysis;
use serde::Serialize;
use std::io::Write;
use std::marker::PhantomData;

/// One wide row: the fields in column order, then the pass-through columns.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct WideRow {
    /// Document id.
    pub id: String,
    /// The file the document was read from (empty for inline text).
    pub path: String,
    /// Authority: given with the input, from the e-mail sender, or detected in the text.
    pub authority: String,
    /// Access regimes, `;`-joined.
    pub regime: String,
    /// Outcome of the latest decision (`refused`, `partial`, ...; `error` for an unreadable input).
    pub outcome: String,
    /// `yes` when the response neither confirms nor denies holding the information.
    pub ncnd: String,
    /// Grounds applied, `;`-joined canonical ids.
    pub cited: String,
    /// Grounds named but not applied, `;`-joined canonical ids.
    pub mentioned: String,
    /// What the latest decision did with each numbered question: `1:provided;3:refused[foia:s31]`.
    pub answers: String,
    /// How far the outcome can be trusted: `high`, `medium` or `low`.
    pub confidence: String,
    /// Number of messages in the text.
    pub messages: usize,
    /// Kinds of the authority's own (unquoted) messages in order, `>`-joined.
    pub stages: String,
    /// The outcome in WhatDoTheyKnow's terms.
    pub wdtk_state: String,
    /// `yes` when a person should check the row.
    pub review: String,
    /// Why the row needs review, `; `-joined.
    pub why: String,
    /// Date from the source's metadata.
    pub date: String,
    /// Subject or request title from the source's metadata.
    pub subject: String,
    /// Request URL from the source's metadata.
    pub url: String,
    /// Request identifier given with the input (manifest or JSON Lines `request`, or a
    /// WhatDoTheyKnow archive's request slug), for `foitag compare --request`.
    pub request: String,
    /// Why the input could not be classified (empty when it was).
    pub error: String,
    /// `yes` when `--overrides` replaced values.
    pub overridden: String,
    /// Pass-through columns (not serialised by serde; written after the fixed ones).
    #[serde(skip)]
    pub extra: Vec<(String, String)>,
}

impl WideRow {
    /// The row for a classified document.
    pub fn from_analysis(doc: &Document, a: &Analysis) -> Self {
        let v: &Verdict = &a.verdict;
        WideRow {
            id: bounded_text(Some(&doc.id)),
            path: bounded_text(doc.meta.path.as_deref()),
            authority: bounded_text(a.authority.as_deref()),
            regime: v.regime_str(),
            outcome: v.outcome.name().into(),
            ncnd: if v.ncnd { "yes" } else { "no" }.into(),
            cited: bounded_list(v.cited.iter().cloned(), ";"),
            mentioned: bounded_list(v.mentioned.iter().cloned(), ";"),
            answers: bounded_list(v.answers.iter().map(|a| a.label()), ";"),
            confidence: v.confidence.name().into(),
            messages: v.messages,
            stages: stage_runs(&v.stages),
            wdtk_state: v.wdtk_state().into(),
            review: if v.why.is_empty() { "no" } else { "yes" }.into(),
            why: bounded_list(v.why.iter().cloned(), "; "),
            date: bounded_text(doc.meta.date.as_deref()),
            subject: bounded_text(doc.meta.subject.as_deref()),
            url: bounded_text(doc.meta.url.as_deref()),
            request: bounded_text(doc.meta.request.as_deref()),
            error: String::new(),
            overridden: "no".into(),
            extra: doc.meta.extra.iter().map(|(k, v)| (k.clone(), bounded_text(Some(v)))).collect(),
        }
    }

    /// The row for an input that could not be read; [`WideRow::given`] adds what came with it.
    pub fn error(id: &str, reason: &str, extra: Vec<(String, String)>) -> Self {
        WideRow {
            id: bounded_text(Some(id)),
            outcome: "error".into(),
            review: "yes".into(),
            why: "input could not be classified".into(),
            error: bounded_text(Some(reason)),
            overridden: "no".into(),
            extra,
            ..Default::default()
        }
    }

    /// Fill the columns the input itself supplied (its path; manifest or JSON Lines
    /// `authority`, `request`, `date`), for a row whose document could not be read.
    pub fn given(mut self, meta: &crate::document::Meta) -> Self {
        let fields = [
            (&mut self.path, &meta.path),
            (&mut self.authority, &meta.authority),
            (&mut self.request, &meta.request),
            (&mut self.date, &meta.date),
        ];
        for (dst, src) in fields {
            if let Some(v) = src {
                *dst = bounded_text(Some(v));
            }
        }
        self
    }
}

/// Most items a list field (`cited`, `mentioned`, `answers`, `why`) holds; more are counted
/// in a last item `…N more`.
pub const MAX_ITEMS: usize = 100;
/// Most runs `stages` holds: the first and last halves, the others counted in `…N more…`.
pub const MAX_RUNS: usize = 16;
/// Most characters a text field (id, subject, date, url, request, path, error, pass-through
/// columns) holds; longer ones end in `…`.
pub const MAX_CHARS: usize = 1000;

/// Items joined by `sep`, at most [`MAX_ITEMS`] of them, then `…N more`.
fn bounded_list(items: impl ExactSizeIterator<Item = String>, sep: &str) -> String {
    let n = items.len();
    let mut out: Vec<String> = items.take(MAX_ITEMS).collect();
    if n > MAX_ITEMS {
        out.push(format!("…{} more", n - MAX_ITEMS));
    }
    out.join(sep)
}

/// Stages as runs, `>`-joined: a kind repeated in a row is written once with its count
/// (`acknowledgement>refused×3`); past [`MAX_RUNS`] runs the middle ones are counted instead.
pub fn stage_runs(stages: &[&str]) -> String {
    let mut runs: Vec<(&str, usize)> = Vec::new();
    for s in stages {
        match runs.last_mut() {
            Some((k, n)) if k == s => *n += 1,
            _ => runs.push((s, 1)),
        }
    }
    let show = |&(k, n): &(&str, usize)| if n == 1 { k.to_string() } else { format!("{k}×{n}") };
    if runs.len() <= MAX_RUNS {
        return runs.iter().map(show).collect::<Vec<_>>().join(">");
    }
    let half = MAX_RUNS / 2;
    let mut out: Vec<String> = runs[..half].iter().map(show).collect();
    out.push(format!("…{} more…", runs.len() - 2 * half));
    out.extend(runs[runs.len() - half..].iter().map(show));
    out.join(">")
}

/// A text field cut to [`MAX_CHARS`] characters, `…` marking a cut.
fn bounded_text(s: Option<&str>) -> String {
    let s = s.unwrap_or_default();
    match s.char_indices().nth(MAX_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// One finding (a provision of a citation, or a signal) in the long format; the fields in column order.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct LongRow {
    /// Document id.
    pub id: String,
    /// Message number, from 1.
    pub message: usize,
    /// Zone of the message the finding is in (`body`, `signature`, ...).
    pub zone: String,
    /// `citation`, `title` (an Act named by title only) or `signal`.
    pub kind: String,
    /// Canonical id of the provision, or the signal's name.
    pub canonical: String,
    /// The provision as cited, down to subsection (empty for signals).
    pub detail: String,
    /// The citation's status (`cited`, `boilerplate`, ...), or the signal's modifier.
    pub status: String,
    /// Id of the rule that matched.
    pub rule: String,
    /// Start byte offset into the decoded text.
    pub start: usize,
    /// End byte offset into the decoded text.
    pub end: usize,
    /// Line of `start`, from 1.
    pub line: usize,
    /// Column of `start` in bytes, from 1.
    pub col: usize,
    /// The matched text on one line.
    pub text: String,
}

/// Long rows for a document: one per provision of every citation, then signals.
pub fn long_rows(id: &str, a: &Analysis, rules: &crate::rules::RuleSet) -> Vec<LongRow> {
    let scan = &a.scan;
    let mut out = Vec::new();
    for c in &scan.citations {
        let (line, col) = scan.index.line_col(c.start);
        for it in &c.items {
            out.push(LongRow {
                id: id.into(),
                message: c.message + 1,
                zone: c.zone.name().into(),
                kind: if c.title_only { "title" } else { "citation" }.into(),
                canonical: it.canon.id.clone(),
                detail: it.canon.detail.clone(),
                status: it.status.name().into(),
                rule: rules.rules[c.rule].id.clone(),
                start: c.start,
                end: c.end,
                line,
                col,
                text: one_line(&scan.text[c.start..c.end]),
            });
        }
    }
    for s in &scan.signals {
        let (line, col) = scan.index.line_col(s.start);
        out.push(LongRow {
            id: id.into(),
            message: s.message + 1,
            zone: s.zone.name().into(),
            kind: "signal".into(),
            canonical: s.name.name().into(),
            detail: String::new(),
            status: s.modifier.map_or("active", |(m, _)| m.name()).into(),
            rule: rules.rules[s.rule].id.clone(),
            start: s.start,
            end: s.end,
            line,
            col,
            text: one_line(&scan.text[s.start..s.end]),
        });
    }
    out.extend(a.verdict.answers.iter().map(|x| answer_row(id, scan, x)));
    out
}

/// The long row of one answered question: `canonical` is the question's number (`q3`),
/// `status` what the answer did, `detail` the grounds cited in it.
fn answer_row(id: &str, scan: &Scan, x: &crate::verdict::answers::Answered) -> LongRow {
    let (line, col) = scan.index.line_col(x.span.0);
    LongRow {
        id: id.into(),
        message: x.message + 1,
        zone: scan.segments.line_zone[scan.index.line_of(x.span.0)].name().into(),
        kind: "answer".into(),
        canonical: format!("q{}", x.number),
        detail: x.grounds.join(";"),
        status: x.outcome.name().into(),
        rule: String::new(),
        start: x.span.0,
        end: x.span.1,
        line,
        col,
        text: one_line(&scan.text[x.span.0..x.span.1]),
    }
}

/// Collapse whitespace so evidence fits one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A row type written as CSV: its serde fields are the columns, in order, then any
/// pass-through columns.
pub trait CsvRow: Serialize + Default {
    /// Pass-through `(column, value)` pairs, written after the fixed columns.
    fn extra(&self) -> &[(String, String)] {
        &[]
    }
}

impl CsvRow for WideRow {
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
}

impl CsvRow for LongRow {}

/// The fixed columns of `T`, as serde names them.
pub fn header<T: CsvRow>() -> Vec<String> {
    // csv writes a struct's field names as the header of its first record: read them back.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.serialize(T::default()).expect("row types are flat structs");
    let bytes = w.into_inner().expect("writing to memory");
    let mut r = csv::Reader::from_reader(&bytes[..]);
    r.headers().expect("the header just written").iter().map(str::to_string).collect()
}

/// A row as one CSV record: its fields, then its pass-through values. Serialise it with a
/// `csv::Writer` that does not write headers itself (the tuple has no header of its own).
pub fn record<T: CsvRow>(row: &T) -> (&T, Vec<&str>) {
    (row, row.extra().iter().map(|(_, v)| v.as_str()).collect())
}

/// Writes rows of type `T` as CSV: the header first (even when no row follows), then one record
/// per row with its pass-through values after the fixed ones.
pub struct CsvWriter<W: Write, T> {
    w: csv::Writer<W>,
    row: PhantomData<fn(&T)>,
}

impl<W: Write, T: CsvRow> CsvWriter<W, T> {
    /// A CSV writer to `out`, its header written at once; `extra` names the pass-through columns.
    pub fn new(out: W, extra: &[String]) -> csv::Result<Self> {
        let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(out);
        w.write_record(header::<T>().iter().chain(extra))?;
        Ok(CsvWriter { w, row: PhantomData })
    }

    /// Write one row.
    pub fn write(&mut self, row: &T) -> csv::Result<()> {
        self.w.serialize(record(row))
    }

    /// Flush what is buffered to the underlying writer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.w.flush()
    }

    /// Flush and return the underlying writer.
    pub fn into_inner(self) -> std::io::Result<W> {
        self.w.into_inner().map_err(|e| e.into_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_runs_and_bounded() {
        assert_eq!(stage_runs(&["acknowledgement", "refused", "refused", "refused"]), "acknowledgement>refused×3");
        assert_eq!(stage_runs(&vec!["refused"; 60_000]), "refused×60000");
        let alternating: Vec<&str> = (0..60_000).map(|i| if i % 2 == 0 { "extension" } else { "refused" }).collect();
        let s = stage_runs(&alternating);
        assert!(s.len() < 300 && s.contains(">…59984 more…>"), "{s}");
    }

    #[test]
    fn lists_and_texts_are_capped_with_a_marker() {
        let ids = (0..250).map(|i| format!("foia:s{i}"));
        let s = bounded_list(ids, ";");
        assert_eq!(s.split(';').count(), MAX_ITEMS + 1);
        assert!(s.ends_with(";…150 more"), "{s}");
        let long = "x".repeat(5000);
        let t = bounded_text(Some(&long));
        assert_eq!(t.chars().count(), MAX_CHARS + 1);
        assert!(t.ends_with('…'));
    }
}
