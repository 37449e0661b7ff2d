//! Classifying each authority message (acknowledgement, refusal, review result...) from its
//! active signals and cited grounds. Pure: reads a [`Scan`], returns kinds.
use super::answers::Answered;
use crate::rules::ModStatus;
use crate::scan::canon::Effect;
use crate::scan::{Role, Scan, Status};
use crate::vocab::{Outcome, Signal};
use std::collections::BTreeMap;

/// The evidence behind one message's kind.
#[derive(Debug, Clone, Default)]
pub struct MsgFacts {
    /// What the message does (none for requester messages and empty ones).
    pub kind: Option<Outcome>,
    /// Whether it neither confirms nor denies.
    pub ncnd: bool,
    /// Signal sums by name (active signals in the body only).
    pub signals: BTreeMap<Signal, i32>,
    /// Cited grounds that withhold (not s21, not the EIR not-held exception).
    pub withholding: usize,
    /// Cited published-elsewhere grounds (FOIA s21, FOISA s25).
    pub published: usize,
    /// Cited not-held exceptions (EIR 12(4)(a), EISR 10(4)(a)).
    pub not_held_exception: usize,
    /// Decided by a weak fallback rather than clear cues.
    pub weak: bool,
    /// Both disclosure and refusal cues were present.
    pub mixed: bool,
    /// Answered questions that give the information.
    pub answers_given: usize,
    /// Answers that neither refuse nor state anything (see [`Answered::bare`]).
    pub answers_bare: usize,
    /// Answered questions that withhold the information.
    pub answers_withheld: usize,
    /// Answered questions that say it is not held.
    pub answers_not_held: usize,
    /// Runs of figures (tables, counts) in the message.
    pub tables: usize,
    /// Figures stated in the message's own prose.
    pub prose_figures: usize,
}

impl MsgFacts {
    /// Sum of the active cues of one signal.
    pub(crate) fn s(&self, name: Signal) -> i32 {
        self.signals.get(&name).copied().unwrap_or(0)
    }
}

/// Weight of figures in a message's prose (see `items::prose_figures`) that makes it an answer.
const PROSE_ANSWER: usize = 8;

/// Where two or more questions have answers and none gives anything, the answers decide the
/// message's decision: all not held is not held; anything withheld (the rest not held) is a
/// refusal, whatever the phrases around them say.
fn settle_by_answers(f: &mut MsgFacts) {
    let asked = f.answers_given + f.answers_bare + f.answers_withheld + f.answers_not_held;
    let decided = matches!(f.kind, Some(Outcome::Partial | Outcome::Provided | Outcome::NotHeld | Outcome::Refused));
    if asked >= 2 && f.answers_given + f.answers_bare == 0 && decided && f.published == 0 && f.tables == 0 {
        f.kind = Some(if f.answers_withheld == 0 { Outcome::NotHeld } else { Outcome::Refused });
    }
}

/// Facts and kind of message `mi` (None kind for requester messages and empty ones).
pub fn classify(scan: &Scan, mi: usize, answers: &[Answered]) -> MsgFacts {
    if scan.segments.messages[mi].role == Role::Requester {
        return MsgFacts::default();
    }
    let (mut f, ncnd_earlier, ncnd_provision) = gather(scan, mi, answers);
    let not_held_sig = f.s(Signal::NotHeld);
    // Explanations under each question answer nothing when the message refuses or denies holding.
    let denies = f.withholding > 0 || not_held_sig > 0 || f.not_held_exception > 0 || f.s(Signal::Refusal) > 0;
    let answered = f.answers_given > 0 || f.tables > 0 || (f.answers_bare > 0 && !denies);
    // Figures given in running prose are an answer where nothing refuses or denies holding.
    let told = f.prose_figures >= PROSE_ANSWER;
    // An NCND phrase in a letter that plainly says "not held" explains NCND rather than using it.
    let ncnd_cue = f.s(Signal::Ncnd) > 0 && f.s(Signal::NcndCost) == 0 && !(not_held_sig >= 3 && f.withholding == 0 && !ncnd_provision);
    // Refusing "under regulation 12(4)(a)" is the Regulations' way of saying "not held".
    let eir_not_held = f.not_held_exception > 0 && f.withholding == 0;
    // Refusal words alone (no ground) count only when no published-elsewhere ground explains them.
    let cue_refusal = f.s(Signal::Refusal) >= 4 && !eir_not_held && f.published == 0;
    let refusal = f.withholding > 0 || cue_refusal || ncnd_provision || ncnd_cue;
    // "We hold the information" counts toward disclosure unless a ground withholds it.
    let provided = f.s(Signal::Provided) + if f.withholding > 0 || ncnd_provision || ncnd_cue { 0 } else { f.s(Signal::Held) };
    let disclosure = provided >= 2 || f.published > 0 || f.s(Signal::Volunteered) > 0 || answered;
    // Some questions answered, others withheld or not held: partial, whatever the phrases say.
    let partial_cue = f.s(Signal::Partial) > 0 || (f.answers_given > 0 && f.answers_withheld + f.answers_not_held > 0);
    let not_held = not_held_sig > 0 || f.not_held_exception > 0 || f.answers_not_held > 0;
    f.mixed = refusal && disclosure;
    let review_cue = f.s(Signal::Upheld) + f.s(Signal::Overturned) + f.s(Signal::ReviewPartial);
    let review = f.s(Signal::ReviewDone) > 0 || (f.s(Signal::ReviewTopic) > 0 && review_cue > 0);
    let decision_cue = f.s(Signal::Refusal)
        + provided
        + not_held_sig
        + f.withholding as i32 * 2
        + if told { 3 } else { 0 }
        + 2 * (f.answers_given + f.tables) as i32;
    // The strongest status cue; ties go to the more specific kind.
    let (status_kind, status_score) = [
        (Outcome::Clarification, f.s(Signal::Clarification)),
        (Outcome::Extension, f.s(Signal::Extension)),
        (Outcome::Acknowledgement, f.s(Signal::Acknowledgement)),
    ]
    .into_iter()
    .fold((Outcome::Acknowledgement, 0), |best, k| if k.1 > best.1 { k } else { best });
    let quiet_decision = f.s(Signal::Refusal) < 2 && provided < 2 && !ncnd_cue && not_held_sig == 0 && !answered && !told;

    f.kind = if review {
        Some(review_kind(&f, refusal, disclosure || partial_cue))
    } else if status_score >= 4 && quiet_decision || status_score >= 2 && status_score > decision_cue {
        Some(status_kind)
    } else if refusal {
        if disclosure || partial_cue {
            Some(Outcome::Partial)
        } else {
            Some(Outcome::Refused)
        }
    } else if not_held {
        if provided >= 2 || f.published > 0 || partial_cue || answered {
            Some(Outcome::Partial)
        } else {
            Some(Outcome::NotHeld)
        }
    } else if disclosure || provided > 0 || told {
        f.weak = !disclosure && !told;
        Some(if partial_cue { Outcome::Partial } else { Outcome::Provided })
    } else if status_score > 0 {
        Some(status_kind)
    } else if partial_cue {
        f.weak = true;
        Some(Outcome::Partial)
    } else {
        None
    };
    settle_by_answers(&mut f);
    // A review that changes the decision keeps NCND only if it says so itself: the earlier
    // decision's NCND is what it reviewed, not what it decides.
    let ncnd_said = match f.kind {
        Some(Outcome::ReviewPartial) => ncnd_cue && f.s(Signal::Ncnd) > ncnd_earlier,
        _ => ncnd_cue,
    };
    f.ncnd = matches!(f.kind, Some(Outcome::Refused | Outcome::Partial | Outcome::ReviewUpheld | Outcome::ReviewPartial))
        && (ncnd_provision || ncnd_said);
    f
}

/// The evidence of message `mi`: active signal sums, cited grounds by what they do, answers
/// and tables; with the weight of NCND cues that recount an earlier decision and whether an
/// NCND provision is applied.
fn gather(scan: &Scan, mi: usize, answers: &[Answered]) -> (MsgFacts, i32, bool) {
    let mut f = MsgFacts::default();
    // Signals and citations are sorted by position, so each message's are one contiguous run:
    // slicing it out keeps `resolve` linear (filtering all of them per message is
    // messages x findings, quadratic on a thread of thousands of e-mails).
    let signals = of_message(&scan.signals, mi, |s| s.message);
    let citations = of_message(&scan.citations, mi, |c| c.message);
    // NCND as the earlier decision gave it ("On 3 May the force neither confirmed nor denied").
    let mut ncnd_earlier = 0;
    for s in signals.iter().filter(|s| s.active()) {
        *f.signals.entry(s.name).or_default() += s.weight;
        if s.name == Signal::Ncnd && s.modifier.is_some_and(|(m, _)| m == ModStatus::Historical) {
            ncnd_earlier += s.weight;
        }
    }
    let mut ncnd_provision = false;
    for c in citations {
        for it in &c.items {
            let applied = it.status == Status::Cited || (it.status == Status::Procedural && it.canon.ncnd);
            if applied && it.canon.ncnd {
                ncnd_provision = true;
            }
            if it.status != Status::Cited || !it.canon.ground {
                continue;
            }
            match it.canon.effect() {
                Effect::Published => f.published += 1,
                Effect::NotHeld => f.not_held_exception += 1,
                Effect::Withholds | Effect::Cost => f.withholding += 1,
                Effect::Routes => {}
            }
        }
    }
    for a in of_message(answers, mi, |a| a.message) {
        match a.outcome {
            _ if a.bare => f.answers_bare += 1,
            o if o.gives() => f.answers_given += 1,
            o if o.withholds() => f.answers_withheld += 1,
            _ => f.answers_not_held += 1,
        }
    }
    f.tables = of_message(&scan.figures, mi, |t| t.message).len();
    f.prose_figures = scan.prose_figures.get(mi).copied().unwrap_or(0);
    (f, ncnd_earlier, ncnd_provision)
}

/// The run of `all` (sorted by message) that belongs to message `mi`.
fn of_message<T>(all: &[T], mi: usize, message: impl Fn(&T) -> usize) -> &[T] {
    crate::scan::within(all, mi, mi + 1, message)
}

fn review_kind(f: &MsgFacts, refusal: bool, release: bool) -> Outcome {
    let (up, over, part) = (f.s(Signal::Upheld), f.s(Signal::Overturned), f.s(Signal::ReviewPartial));
    let released = f.s(Signal::Released) > 0;
    // "Substitute a different decision" that releases everything and keeps no ground is a reversal.
    if part > 0 && over == 0 && f.withholding == 0 && (released || f.s(Signal::Provided) >= 2) {
        Outcome::ReviewOverturned
    } else if part > 0 || (over > 0 && refusal && f.withholding > 0) || (up > 0 && released) {
        Outcome::ReviewPartial
    } else if over > 0 || (released && !refusal) {
        Outcome::ReviewOverturned
    } else if up == 0 && refusal && (release || released) {
        // Releasing some and withholding the rest, with no word that the decision stands.
        Outcome::ReviewPartial
    } else if up > 0 || refusal {
        Outcome::ReviewUpheld
    } else if release {
        Outcome::ReviewOverturned
    } else {
        Outcome::ReviewUpheld
    }
}
