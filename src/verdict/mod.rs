//! Resolving a scanned document into its verdict: the latest decision gives outcome, NCND and
//! cited grounds; every other named provision is mentioned. Pure and deterministic.
pub mod answers;
pub mod confidence;
pub mod kinds;

use crate::scan::{regime, Regime, Role, Scan, Status};
pub use crate::vocab::Outcome;
pub use kinds::MsgFacts;
use std::collections::BTreeSet;

/// The verdict on one document.
#[derive(Debug, Clone, Default)]
pub struct Verdict {
    /// Outcome of the latest decision (or latest status message).
    pub outcome: Outcome,
    /// Whether that decision neither confirms nor denies.
    pub ncnd: bool,
    /// Regimes of the decision.
    pub regime: Vec<Regime>,
    /// Grounds it relies on, canonical ids.
    pub cited: BTreeSet<String>,
    /// Every other named provision.
    pub mentioned: BTreeSet<String>,
    /// Number of messages found.
    pub messages: usize,
    /// Kinds of the authority's own (unquoted) messages, in order.
    pub stages: Vec<&'static str>,
    /// Message that decided the outcome.
    pub decision: Option<usize>,
    /// Per message facts (kinds, signals).
    pub facts: Vec<MsgFacts>,
    /// Reasons this row deserves a human look.
    pub why: Vec<String>,
    /// What the deciding message did with each numbered question.
    pub answers: Vec<answers::Answered>,
    /// How far the outcome can be trusted; below `high` the row is marked for review.
    pub confidence: crate::vocab::Confidence,
    /// Evidence for the outcome and against it.
    pub margin: confidence::Margin,
}

impl Verdict {
    /// WhatDoTheyKnow state matching the outcome.
    pub fn wdtk_state(&self) -> &'static str {
        self.outcome.wdtk_state()
    }

    /// Regimes joined for output (`foia;eir`).
    pub fn regime_str(&self) -> String {
        self.regime.iter().map(|r| r.name()).collect::<Vec<_>>().join(";")
    }
}

/// Resolve a scan into a verdict.
pub fn resolve(scan: &Scan) -> Verdict {
    let n = scan.segments.messages.len();
    let answers = answers::resolve(scan);
    let facts: Vec<MsgFacts> = (0..n).map(|mi| kinds::classify(scan, mi, &answers)).collect();
    let msgs = &scan.segments.messages;
    let authority = |mi: usize| msgs[mi].role == Role::Authority;
    let fits = |mi: usize, decisions: bool, quoted: bool| {
        authority(mi) && msgs[mi].quoted == quoted && facts[mi].kind.is_some_and(|k| k.is_decision() == decisions)
    };
    // Newest last, except in a chain read unquoted, which is newest first.
    let newest_first = scan.layout == crate::scan::Layout::Unquoted;
    let pick = |decisions: bool, quoted: bool| {
        if newest_first {
            (0..n).find(|&mi| fits(mi, decisions, quoted))
        } else {
            (0..n).rev().find(|&mi| fits(mi, decisions, quoted))
        }
    };
    let decision = pick(true, false).or_else(|| pick(true, true));
    let status_msg = pick(false, false).or_else(|| pick(false, true));
    let chosen = decision.or(status_msg);
    let mut v = Verdict { messages: n, decision: chosen, ..Default::default() };
    v.stages = (0..n).filter(|&mi| authority(mi) && !msgs[mi].quoted).filter_map(|mi| facts[mi].kind.map(|k| k.name())).collect();
    v.outcome = chosen.and_then(|mi| facts[mi].kind).unwrap_or(Outcome::Unknown);

    let mut regimes = BTreeSet::new();
    if let Some(mi) = chosen.filter(|&mi| facts[mi].kind.is_some_and(|k| k.is_decision())) {
        let upheld = facts[mi].kind == Some(Outcome::ReviewUpheld);
        for it in scan.citations.iter().filter(|c| c.message == mi).flat_map(|c| &c.items) {
            let relied = it.status == Status::Cited || (upheld && it.status == Status::Historical);
            if relied && it.canon.ground {
                v.cited.insert(it.canon.id.clone());
                regimes.insert(it.canon.regime);
            }
        }
        v.ncnd = facts[mi].ncnd;
    }
    for c in &scan.citations {
        for it in c.items.iter().filter(|it| it.status != Status::OtherAct) {
            if !v.cited.contains(&it.canon.id) {
                v.mentioned.insert(it.canon.id.clone());
            }
        }
    }
    v.regime = if regimes.is_empty() {
        let mi = chosen.or_else(|| (0..n).rev().find(|&m| authority(m))).unwrap_or(0);
        let of = if chosen.is_some() { regime::of_message } else { regime::of_document };
        vec![of(&scan.scotland, &scan.regime_scores, mi)]
    } else {
        // The Act before the regulations: "foia;eir", "foisa;eisr".
        regimes.into_iter().collect()
    };
    v.answers = answers.into_iter().filter(|a| Some(a.message) == chosen).collect();
    v.why = review_reasons(scan, &facts, chosen, &v);
    v.margin = chosen.map_or_else(Default::default, |mi| confidence::margin(&facts[mi], v.outcome));
    let fallback = scan.layout == crate::scan::Layout::Flat || chosen.is_some_and(|mi| facts[mi].weak);
    v.confidence = confidence::grade(v.margin, v.outcome, fallback, v.why.len());
    if v.why.is_empty() && v.confidence != crate::vocab::Confidence::High {
        v.why.push(format!("thin evidence: {} for the outcome, {} against", v.margin.support, v.margin.against));
    }
    v.facts = facts;
    v
}

/// Conflicting or weak evidence worth a human look.
fn review_reasons(scan: &Scan, facts: &[MsgFacts], chosen: Option<usize>, v: &Verdict) -> Vec<String> {
    let mut why = Vec::new();
    let Some(mi) = chosen else {
        if !scan.citations.is_empty() {
            why.push("no authority message found but sections are named".into());
        }
        return why;
    };
    let f = &facts[mi];
    let asked = scan.items.iter().filter(|i| i.message == mi).count();
    if asked >= 2 && v.answers.len() < asked && matches!(v.outcome, Outcome::Provided | Outcome::Refused | Outcome::NotHeld) {
        why.push(format!("{} of {asked} questions have an answer of their own", v.answers.len()));
    }
    if scan.layout == crate::scan::Layout::Flat {
        why.push("no decision in the messages as divided; read as one authority message".into());
    }
    if scan.layout == crate::scan::Layout::Unquoted {
        why.push("the latest decision is quoted under a later acknowledgement or delay".into());
    }
    if f.mixed && v.outcome == Outcome::Refused {
        why.push("disclosure and refusal cues in the latest decision".into());
    }
    if f.weak {
        why.push("outcome decided by a weak fallback".into());
    }
    if matches!(v.outcome, Outcome::Refused | Outcome::Partial) && v.cited.is_empty() && !v.ncnd {
        why.push("refusal without a cited ground".into());
    }
    if !v.cited.is_empty() && f.signals.get(&crate::vocab::Signal::Refusal).copied().unwrap_or(0) == 0 && f.withholding > 0 && !v.ncnd {
        why.push("cited ground with no refusal frame in the message".into());
    }
    let sc = scan.regime_scores[mi].scotland;
    if sc == 0 && scan.regime_scores.iter().all(|s| s.scotland == 0) && scan.authority.is_none() {
        why.push("regime could not be decided from the text".into());
    }
    why
}
