//! Per-question answers: what a reply did with each numbered question, from the findings that
//! stand inside the answer given to it.
use crate::scan::canon::Effect;
use crate::scan::items::Item;
use crate::scan::{within, Scan, Status};
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
    /// Provided only because nothing in it refuses, while it says what is not so or is a mere
    /// fragment: no cue, ground, figure or yes/no of its own (not an answer to the question).
    pub bare: bool,
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
    // Citations and signals are sorted by position: the answer's own are one run of each.
    let citations = within(&scan.citations, s, e, |c| c.start);
    let signals = within(&scan.signals, s, e, |x| x.start);
    let mut grounds: Vec<String> = Vec::new();
    let mut effects = Vec::new();
    let mut ncnd_provision = false;
    for c in citations {
        for it in c.items.iter().filter(|it| it.status == Status::Cited || (it.status == Status::Procedural && it.canon.ncnd)) {
            ncnd_provision |= it.canon.ncnd;
            let routes = it.canon.effect() == Effect::Routes;
            if it.canon.ground && !routes && it.status == Status::Cited && !grounds.contains(&it.canon.id) {
                grounds.push(it.canon.id.clone());
                effects.push(it.canon.effect());
            }
        }
    }
    grounds.sort();
    let body = &scan.text[s..e];
    let head: String = body.trim_start().chars().take(4).collect::<String>().to_ascii_lowercase();
    let said = |name: Signal| {
        signals.iter().any(|x| x.name == name && x.modifier.is_none_or(|(m, _)| matches!(m, ModStatus::Applied | ModStatus::Provisional)))
    };
    let only = |effect: Effect| !effects.is_empty() && effects.iter().all(|&x| x == effect);
    let outcome = if (said(Signal::Ncnd) && !said(Signal::NcndCost)) || ncnd_provision {
        Answer::Ncnd
    } else if only(Effect::Cost) {
        Answer::Cost
    } else if only(Effect::Published) {
        Answer::Published
    } else if only(Effect::NotHeld) {
        Answer::NotHeld
    } else if !grounds.is_empty() || said(Signal::Refusal) {
        Answer::Refused
    } else if said(Signal::NotHeld) && !head.starts_with("yes") {
        // "Yes, members are invited ... attendance is not recorded" answers the question asked.
        Answer::NotHeld
    } else {
        Answer::Provided
    };
    // Yes, No, None, Nil: a short answer states something even with no figure in it.
    let states = ["yes", "no.", "no,", "none", "nil"].iter().any(|w| head.starts_with(w)) || body.trim().eq_ignore_ascii_case("no");
    let bare = outcome == Answer::Provided && signals.iter().all(|x| x.name.is_role()) && !states && explains_only(body);
    Answered { message: item.message, number: item.number, outcome, grounds, span: item.answer, bare }
}

/// An answer with no figure that says what is not so ("we do not carry out sampling there",
/// "no assessment has been made") explains rather than gives; so does a fragment ("ministerial
/// submissions", "states that fact,") that continues the request or a quoted provision. One
/// that names things ("Thames Valley Police, Berkshire Healthcare ...") gives them.
fn explains_only(body: &str) -> bool {
    let denies = body.split(|c: char| !c.is_alphanumeric() && c != '\'').any(|w| {
        let w = w.to_ascii_lowercase();
        matches!(w.as_str(), "not" | "no" | "none" | "never" | "nor") || w.ends_with("n't") || w.ends_with("n’t")
    });
    let fragment = body.split_whitespace().count() < 4 || body.trim_start().starts_with(|c: char| c.is_lowercase());
    (denies || fragment) && body.lines().all(|l| crate::scan::items::prose_figures(l) == 0 && crate::scan::items::figure_count(l) == 0)
}
