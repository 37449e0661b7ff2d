//! Per-question answers: what a reply did with each numbered question, from the findings that
//! stand inside the answer given to it.
use crate::scan::items::Item;
use crate::scan::{Scan, Status};
use crate::vocab::{Answer, ModStatus, Signal};

/// One question of a multi-part request and what the reply did with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    /// Message of the reply.
    pub message: usize,
    /// Number of the question.
    pub number: usize,
    /// What the answer did.
    pub outcome: Answer,
    /// Grounds cited inside the answer, canonical ids, sorted.
    pub grounds: Vec<String>,
    /// Byte span of the answer.
    pub span: (usize, usize),
}

impl Answered {
    /// `3:refused[foia:s31]`, as in the `answers` column.
    pub fn label(&self) -> String {
        if self.grounds.is_empty() {
            format!("{}:{}", self.number, self.outcome.name())
        } else {
            format!("{}:{}[{}]", self.number, self.outcome.name(), self.grounds.join(";"))
        }
    }
}

/// Every item that has an answer, with what the answer did.
pub fn resolve(scan: &Scan) -> Vec<Answered> {
    scan.items.iter().filter(|i| i.answer.1 > i.answer.0).map(|i| answer(scan, i)).collect()
}

fn answer(scan: &Scan, item: &Item) -> Answered {
    let (s, e) = item.answer;
    let inside = |a: usize| a >= s && a < e;
    let mut grounds: Vec<String> = Vec::new();
    let mut ncnd_provision = false;
    for c in scan.citations.iter().filter(|c| inside(c.start)) {
        for it in c.items.iter().filter(|it| it.status == Status::Cited || (it.status == Status::Procedural && it.canon.ncnd)) {
            ncnd_provision |= it.canon.ncnd;
            if it.canon.ground && it.status == Status::Cited && !grounds.contains(&it.canon.id) {
                grounds.push(it.canon.id.clone());
            }
        }
    }
    grounds.sort();
    let said = |name: Signal| {
        scan.signals.iter().any(|x| {
            x.name == name && inside(x.start) && x.modifier.is_none_or(|(m, _)| matches!(m, ModStatus::Applied | ModStatus::Provisional))
        })
    };
    let only = |ids: &[&str]| !grounds.is_empty() && grounds.iter().all(|g| ids.contains(&g.as_str()));
    let outcome = if (said(Signal::Ncnd) && !said(Signal::NcndCost)) || ncnd_provision {
        Answer::Ncnd
    } else if only(&["foia:s12", "foisa:s12"]) {
        Answer::Cost
    } else if only(&["foia:s21", "foisa:s25"]) {
        Answer::Published
    } else if only(&["eir:r12(4)(a)", "eisr:r10(4)(a)"]) {
        Answer::NotHeld
    } else if !grounds.is_empty() || said(Signal::Refusal) {
        Answer::Refused
    } else if said(Signal::NotHeld) {
        Answer::NotHeld
    } else {
        Answer::Provided
    };
    Answered { message: item.message, number: item.number, outcome, grounds, span: item.answer }
}
