//! The JSON of one classified document: the verdict with typed values (booleans, arrays, null
//! for what is absent), the messages with their kinds and role cues, the answers, and every
//! finding with its status and reason. `classify --format json`, `tag --format jsonl`,
//! `classify --explain` and `foitag serve` all read this one [`Report`]; the schema is in
//! `docs/json.md`.
mod findings;
mod messages;

use crate::document::Document;
use crate::output::WideRow;
use crate::rules::RuleSet;
use crate::Analysis;
pub use findings::Finding;
pub use messages::{Cue, MessageReport};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Version of the schema in `docs/json.md`; raised when a key changes meaning or goes away.
pub const SCHEMA: u32 = 1;

/// Everything known about one document, in the order of `docs/json.md`.
#[derive(Debug, Clone, serde::Serialize, PartialEq)]
pub struct Report {
    /// [`SCHEMA`].
    pub schema: u32,
    /// Document id.
    pub id: String,
    /// The authority (given, from the e-mail sender, or detected); null when unknown.
    pub authority: Option<String>,
    /// Regimes of the latest decision (`["foia"]`, `["foia", "eir"]`); empty on an error.
    pub regime: Vec<String>,
    /// Outcome of the latest decision, `error` for an unreadable input.
    pub outcome: String,
    /// The latest decision neither confirms nor denies.
    pub ncnd: bool,
    /// What made it NCND: the cues and provisions of the deciding message.
    pub ncnd_evidence: Vec<Cue>,
    /// Grounds the latest decision relies on, canonical ids, sorted.
    pub cited: Vec<String>,
    /// Every other named provision, canonical ids, sorted.
    pub mentioned: Vec<String>,
    /// Names of the ids in `cited` and `mentioned` (`"foia:s31": "law enforcement"`), where known.
    pub names: Names,
    /// What the latest decision did with each numbered question.
    pub answers: Vec<AnswerReport>,
    /// `high`, `medium` or `low`; null on an error.
    pub confidence: Option<String>,
    /// Evidence for the outcome and against it, in cue-weight units.
    pub margin: Margin,
    /// A person should check the document.
    pub review: bool,
    /// Why (empty when `review` is false).
    pub why: Vec<String>,
    /// Kinds of the authority's own messages, in order.
    pub stages: Vec<String>,
    /// The matching WhatDoTheyKnow state; null when none matches.
    pub wdtk_state: Option<String>,
    /// Date from the source's metadata.
    pub date: Option<String>,
    /// Subject or request title from the source's metadata.
    pub subject: Option<String>,
    /// Request URL from the source's metadata.
    pub url: Option<String>,
    /// Why the input could not be classified; null when it was.
    pub error: Option<String>,
    /// Hand corrections (`--overrides`) replaced some values.
    pub overridden: bool,
    /// Manifest columns passed through, in input order.
    pub columns: Columns,
    /// The messages of the document, in text order.
    pub messages: Vec<MessageReport>,
    /// Every provision of every citation, then every signal, in text order.
    pub findings: Vec<Finding>,
    /// The decoded text that offsets refer to, when asked for (null in `tag --format jsonl`).
    pub text: Option<String>,
}

/// Evidence for the outcome and against it.
#[derive(Debug, Clone, Copy, Default, serde::Serialize, PartialEq, Eq)]
pub struct Margin {
    /// Weight of the cues that say what the outcome says.
    pub support: i32,
    /// Weight of the cues that say something else.
    pub against: i32,
}

/// One question and what the reply did with it.
#[derive(Debug, Clone, serde::Serialize, PartialEq)]
pub struct AnswerReport {
    /// Number of the question.
    pub question: usize,
    /// `provided`, `not_held`, `refused`, `ncnd`, `published` or `cost`.
    pub outcome: String,
    /// Grounds cited inside the answer.
    pub grounds: Vec<String>,
    /// Message of the answer, from 1.
    pub message: usize,
    /// Byte span and position of the answer in the decoded text.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Line of `start`, from 1.
    pub line: usize,
    /// Column of `start` in bytes, from 1.
    pub col: usize,
    /// The answer on one line.
    pub text: String,
}

/// `(id, name)` pairs, written as a JSON object with null for an unnamed id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names(pub Vec<(String, Option<String>)>);

/// `(column, value)` pairs, written as a JSON object in their order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns(pub Vec<(String, String)>);

impl Serialize for Names {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Serialize for Columns {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// The report of a classified document; `with_text` includes the decoded text.
pub fn report(rules: &RuleSet, doc: &Document, a: &Analysis, with_text: bool) -> Report {
    let v = &a.verdict;
    let scan = &a.scan;
    let cited: Vec<String> = v.cited.iter().cloned().collect();
    let mentioned: Vec<String> = v.mentioned.iter().cloned().collect();
    let names = Names(cited.iter().chain(&mentioned).map(|id| (id.clone(), crate::grounds::name(id).map(str::to_string))).collect());
    let answers = v
        .answers
        .iter()
        .map(|x| {
            let (line, col) = scan.index.line_col(x.span.0);
            AnswerReport {
                question: x.number,
                outcome: x.outcome.name().into(),
                grounds: x.grounds.clone(),
                message: x.message + 1,
                start: x.span.0,
                end: x.span.1,
                line,
                col,
                text: crate::output::one_line(&scan.text[x.span.0..x.span.1]),
            }
        })
        .collect();
    let meta = &doc.meta;
    Report {
        schema: SCHEMA,
        id: doc.id.clone(),
        authority: a.authority.clone(),
        regime: v.regime.iter().map(|r| r.name().to_string()).collect(),
        outcome: v.outcome.name().into(),
        ncnd: v.ncnd,
        ncnd_evidence: messages::ncnd_evidence(rules, a),
        cited,
        mentioned,
        names,
        answers,
        confidence: Some(v.confidence.name().into()),
        margin: Margin { support: v.margin.support, against: v.margin.against },
        review: !v.why.is_empty(),
        why: v.why.clone(),
        stages: v.stages.iter().map(|s| s.to_string()).collect(),
        wdtk_state: Some(v.wdtk_state()).filter(|s| !s.is_empty()).map(str::to_string),
        date: meta.date.clone(),
        subject: meta.subject.clone(),
        url: meta.url.clone(),
        error: None,
        overridden: false,
        columns: Columns(meta.extra.clone()),
        messages: messages::messages(rules, a),
        findings: findings::findings(rules, a),
        text: with_text.then(|| scan.text.to_string()),
    }
}

impl Report {
    /// The report of an input that could not be read: outcome `error`, the reason in `error`.
    pub fn error(id: &str, reason: &str, columns: Vec<(String, String)>) -> Report {
        let row = WideRow::error(id, reason, columns);
        Report {
            schema: SCHEMA,
            id: row.id,
            authority: None,
            regime: vec![],
            outcome: row.outcome,
            ncnd: false,
            ncnd_evidence: vec![],
            cited: vec![],
            mentioned: vec![],
            names: Names::default(),
            answers: vec![],
            confidence: None,
            margin: Margin::default(),
            review: true,
            why: vec![row.why],
            stages: vec![],
            wdtk_state: None,
            date: None,
            subject: None,
            url: None,
            error: Some(row.error),
            overridden: false,
            columns: Columns(row.extra),
            messages: vec![],
            findings: vec![],
            text: None,
        }
    }

    /// Take the values hand corrections set from the wide row they were applied to (outcome,
    /// NCND, cited, mentioned, authority); a row without corrections changes nothing.
    pub fn corrected_by(&mut self, row: &WideRow) {
        if row.overridden != "yes" {
            return;
        }
        let list = |s: &str| s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect::<Vec<_>>();
        self.outcome.clone_from(&row.outcome);
        self.ncnd = row.ncnd == "yes";
        self.cited = list(&row.cited);
        self.mentioned = list(&row.mentioned);
        self.authority = Some(row.authority.clone()).filter(|a| !a.is_empty());
        self.names =
            Names(self.cited.iter().chain(&self.mentioned).map(|id| (id.clone(), crate::grounds::name(id).map(str::to_string))).collect());
        self.overridden = true;
    }
}
