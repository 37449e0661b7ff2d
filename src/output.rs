//! Output rows (wide: one per document; long: one per finding) and their CSV/JSON writers.
use crate::document::Document;
use crate::scan::Scan;
use crate::verdict::Verdict;
use crate::Analysis;
use serde::Serialize;

/// Fixed columns of the wide CSV, in order; manifest pass-through columns follow.
pub const WIDE_HEADER: &[&str] = &[
    "id",
    "authority",
    "regime",
    "outcome",
    "ncnd",
    "cited",
    "mentioned",
    "messages",
    "stages",
    "wdtk_state",
    "review",
    "why",
    "date",
    "subject",
    "url",
    "error",
    "overridden",
];

/// One wide row.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct WideRow {
    pub id: String,
    pub authority: String,
    pub regime: String,
    pub outcome: String,
    pub ncnd: String,
    pub cited: String,
    pub mentioned: String,
    pub messages: usize,
    pub stages: String,
    pub wdtk_state: String,
    pub review: String,
    pub why: String,
    pub date: String,
    pub subject: String,
    pub url: String,
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
            id: doc.id.clone(),
            authority: a.authority.clone().unwrap_or_default(),
            regime: v.regime_str(),
            outcome: v.outcome.clone(),
            ncnd: if v.ncnd { "yes" } else { "no" }.into(),
            cited: v.cited.iter().cloned().collect::<Vec<_>>().join(";"),
            mentioned: v.mentioned.iter().cloned().collect::<Vec<_>>().join(";"),
            messages: v.messages,
            stages: v.stages.join(">"),
            wdtk_state: v.wdtk_state().into(),
            review: if v.why.is_empty() { "no" } else { "yes" }.into(),
            why: v.why.join("; "),
            date: doc.meta.date.clone().unwrap_or_default(),
            subject: doc.meta.subject.clone().unwrap_or_default(),
            url: doc.meta.url.clone().unwrap_or_default(),
            error: String::new(),
            overridden: "no".into(),
            extra: doc.meta.extra.clone(),
        }
    }

    /// The row for an input that could not be read.
    pub fn error(id: &str, reason: &str, extra: Vec<(String, String)>) -> Self {
        WideRow {
            id: id.into(),
            outcome: "error".into(),
            ncnd: "no".into(),
            review: "yes".into(),
            why: "input could not be classified".into(),
            error: reason.into(),
            overridden: "no".into(),
            extra,
            ..Default::default()
        }
    }

    /// Field values in header order (fixed columns then extras).
    pub fn fields(&self) -> Vec<String> {
        let mut v = vec![
            self.id.clone(),
            self.authority.clone(),
            self.regime.clone(),
            self.outcome.clone(),
            self.ncnd.clone(),
            self.cited.clone(),
            self.mentioned.clone(),
            self.messages.to_string(),
            self.stages.clone(),
            self.wdtk_state.clone(),
            self.review.clone(),
            self.why.clone(),
            self.date.clone(),
            self.subject.clone(),
            self.url.clone(),
            self.error.clone(),
            self.overridden.clone(),
        ];
        v.extend(self.extra.iter().map(|(_, x)| x.clone()));
        v
    }
}

/// Header for wide rows with the given pass-through column names.
pub fn wide_header(extra: &[String]) -> Vec<String> {
    WIDE_HEADER.iter().map(|s| s.to_string()).chain(extra.iter().cloned()).collect()
}

/// Columns of the long format; `start`/`end` are byte offsets into the decoded text.
pub const LONG_HEADER: &[&str] =
    &["id", "message", "zone", "kind", "canonical", "detail", "status", "rule", "start", "end", "line", "col", "text"];

/// One JSON object for `--format jsonl`: the wide fields (pass-through columns included) plus
/// every finding with its evidence.
pub fn json_row(row: &WideRow, findings: &[LongRow]) -> serde_json::Value {
    let mut v = serde_json::to_value(row).unwrap_or_default();
    if let Some(obj) = v.as_object_mut() {
        for (k, x) in &row.extra {
            obj.insert(k.clone(), serde_json::Value::String(x.clone()));
        }
        obj.insert("findings".into(), serde_json::to_value(findings).unwrap_or_default());
    }
    v
}

/// One finding (a provision of a citation) in the long format.
#[derive(Debug, Clone, Serialize)]
pub struct LongRow {
    pub id: String,
    pub message: usize,
    pub zone: String,
    pub kind: String,
    pub canonical: String,
    pub detail: String,
    pub status: String,
    pub rule: String,
    /// Byte offsets into the decoded text.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub text: String,
}

/// Long rows for a document: one per provision of every citation, then signals.
pub fn long_rows(id: &str, scan: &Scan, rules: &crate::rules::RuleSet) -> Vec<LongRow> {
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
            canonical: s.name.clone(),
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
    out
}

/// Collapse whitespace so evidence fits one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
