//! Deciding a citation's status: other Act, quoted, boilerplate, procedural, or the status of a
//! context modifier (ConText style: a cue, a direction, a scope, terminators), else cited.
use super::segment::{Message, Role};
use super::Citation;
use crate::rules::{Direction, ModStatus, Scope, ZoneKind};
use crate::text::TextIndex;
pub use crate::vocab::Status;

/// A modifier cue found in the text.
#[derive(Debug, Clone)]
pub struct Cue {
    /// Byte offset where the cue starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// Index of the rule that found it.
    pub rule: usize,
    /// Status it gives.
    pub status: ModStatus,
    /// Side of the cue it reaches.
    pub direction: Direction,
    /// How far it reaches.
    pub scope: Scope,
}

/// Farthest (in bytes) a modifier cue may sit from the span it modifies.
const MAX_REACH: usize = 1000;

/// How near (in bytes) an applying frame must be to outweigh a historical reference.
const APPLIED_NEAR: usize = 60;

/// What status decisions look at.
pub struct Context<'a> {
    /// The text.
    pub text: &'a str,
    /// Its line and sentence offsets.
    pub index: &'a TextIndex,
    /// Modifier cues, sorted by start.
    pub modifiers: &'a [Cue],
    /// Ends of modifier scopes, sorted.
    pub terminators: &'a [(usize, usize)],
    /// Names of other Acts and the side their numbers stand on, sorted.
    pub other_acts: &'a [(usize, usize, Direction)],
}

impl Context<'_> {
    /// The modifier whose scope covers [start, end), nearest first; ties go to the stronger status.
    pub fn modifier_for(&self, start: usize, end: usize) -> Option<(&Cue, usize)> {
        let (ss, se) = self.index.sentence(start);
        // Cues farther than MAX_REACH from the span are never looked at: in a text without
        // sentence breaks (one 10 MB line) the sentence window would otherwise hold every cue,
        // making signals x cues quadratic.
        let lo = ss.saturating_sub(400).max(start.saturating_sub(MAX_REACH));
        let hi = (se + 400).min(end + MAX_REACH);
        let from = self.modifiers.partition_point(|c| c.start < lo);
        let mut best: Option<(&Cue, usize)> = None;
        for c in &self.modifiers[from..] {
            if c.start > hi {
                break;
            }
            let forward = c.end <= start && matches!(c.direction, Direction::Forward | Direction::Both);
            let backward = c.start >= end && matches!(c.direction, Direction::Backward | Direction::Both);
            let inside = c.start < end && c.end > start;
            // A cue wholly inside a signal's own words is part of them ("the information you
            // asked for is attached"), not a modifier of them.
            let within = c.start >= start && c.end <= end && (c.start, c.end) != (start, end);
            if within || !(forward || backward || inside) {
                continue;
            }
            let (a, b) = self.bounds(c);
            if !(inside || (forward && start < b) || (backward && end > a)) {
                continue;
            }
            // An applying verb inside a negated or conditional phrase ("not necessary to rely on")
            // belongs to that phrase.
            // Cues are sorted by start and short, so only those starting near this one can overlap.
            let near = self.modifiers.partition_point(|o| o.start + 300 < c.start);
            if c.status == ModStatus::Applied
                && self.modifiers[near..]
                    .iter()
                    .take_while(|o| o.start < c.end)
                    .any(|o| matches!(o.status, ModStatus::Negated | ModStatus::Hypothetical) && c.start < o.end + 4)
            {
                continue;
            }
            let dist = if forward {
                start - c.end
            } else if backward {
                c.start - end
            } else {
                0
            };
            let better = match best {
                None => true,
                Some((bc, bd)) => dist < bd || (dist == bd && rank(c.status) < rank(bc.status)),
            };
            if better {
                best = Some((c, dist));
            }
        }
        self.settle(best, from, hi, start, end)
    }

    /// The nearest cue weighed against the others in scope: a condition or a negation outweighs
    /// an applying verb, an applying verb beside the span outweighs a reference to the earlier
    /// decision, and a statement of the law carries its own conditions.
    fn settle<'c>(&'c self, best: Option<(&'c Cue, usize)>, from: usize, hi: usize, start: usize, end: usize) -> Option<(&'c Cue, usize)> {
        let in_scope = |st: ModStatus| {
            self.modifiers[from..].iter().take_while(move |c| c.start <= hi).filter(move |c| c.status == st && self.covers(c, start, end))
        };
        // "Regulation 12(4)(a) provides that an authority may refuse ... to the extent that it
        // does not hold ...": the conditions are the statute's, not a counterfactual; relied on in
        // the same breath ("..., and we rely on it") the ground is applied.
        if best.is_some_and(|(c, _)| matches!(c.status, ModStatus::Hypothetical | ModStatus::Applied))
            && in_scope(ModStatus::Negated).next().is_none()
        {
            if let Some(statute) = in_scope(ModStatus::Statute).next() {
                let applied = in_scope(ModStatus::Applied).find(|a| a.start >= statute.end || a.end <= statute.start);
                return Some((applied.unwrap_or(statute), 0));
            }
        }
        // A condition or a negation in scope outweighs an applying verb ("if requested, would be
        // exempt under section 44").
        if best.is_some_and(|(c, _)| c.status == ModStatus::Applied) {
            if let Some(stronger) = self.modifiers[from..]
                .iter()
                .take_while(|c| c.start <= hi)
                // A paragraph-wide "and have not relied on it" speaks of the provision it follows,
                // not of one an applying verb in another sentence keeps ("continues to apply").
                .find(|c| {
                    matches!(c.status, ModStatus::Negated | ModStatus::Hypothetical)
                        && c.scope != Scope::Paragraph
                        && self.covers(c, start, end)
                })
            {
                return Some((stronger, 0));
            }
        }
        // An applying frame beside the span outweighs a mere reference to the earlier decision
        // ("as in the original response, section 31 is engaged"); one farther off applies to
        // something else ("it stated that X was exempt under s36 ... and Y also exempt under s40").
        if best.is_some_and(|(c, _)| c.status == ModStatus::Historical) {
            if let Some(applied) = self.modifiers[from..].iter().take_while(|c| c.start <= hi).find(|c| {
                c.status == ModStatus::Applied && self.covers(c, start, end) && c.start < end + APPLIED_NEAR && start < c.end + APPLIED_NEAR
            }) {
                return Some((applied, 0));
            }
        }
        best
    }

    fn covers(&self, c: &Cue, start: usize, end: usize) -> bool {
        let (a, b) = self.bounds(c);
        let forward = c.end <= start && matches!(c.direction, Direction::Forward | Direction::Both) && start < b;
        let backward = c.start >= end && matches!(c.direction, Direction::Backward | Direction::Both) && end > a;
        forward || backward || (c.start < end && c.end > start)
    }

    /// Scope of a cue: from the cue to the end of its sentence/line/paragraph (forward) or back
    /// to its start, cut at terminators.
    fn bounds(&self, c: &Cue) -> (usize, usize) {
        let (mut a, mut b) = match c.scope {
            Scope::Sentence => self.index.sentence(c.start),
            Scope::Line => {
                let l = self.index.line_of(c.start);
                self.index.line_range(self.text, l)
            }
            Scope::Paragraph => {
                let (a, b) = self.index.paragraph(self.text, c.start);
                // A heading alone in its paragraph ("The original decision") heads the next one.
                let next = b + self.text[b..].len() - self.text[b..].trim_start().len();
                if self.text[a..b].trim() == self.text[c.start..c.end].trim() && next < self.text.len() && next <= c.end + MAX_REACH {
                    (a, self.index.paragraph(self.text, next).1)
                } else {
                    (a, b)
                }
            }
        };
        // A sentence that introduces a list ("The exemptions we are considering are:") reaches
        // over the list items that follow it.
        // Spans farther than MAX_REACH are never checked against this cue (see modifier_for), so
        // the walk stops there: otherwise a text of "section 1 may apply:" lines is one list
        // that every cue walks to the end (cues x lines).
        if c.scope == Scope::Sentence && self.text[a..b].trim_end().ends_with(':') {
            while b < self.text.len() && b <= c.end + MAX_REACH {
                let (s2, e2) = self.index.sentence(b);
                let item = self.text[s2..e2].trim_start();
                // Lower-case only the head: an item can be megabytes long.
                let head = item.chars().take(10).collect::<String>().to_ascii_lowercase();
                let listy = item.starts_with(['•', '·', '-', '*', '–', '\u{f0b7}', '\u{f0a7}'])
                    || item.bytes().next().is_some_and(|x| x.is_ascii_digit())
                    || head.starts_with("section")
                    || head.starts_with("s.")
                    || head.starts_with("regulation");
                if !listy || e2 <= b {
                    break;
                }
                b = e2;
            }
        }
        // Terminators between the cue and the scope edge cut the scope; an earlier decision or
        // an applying frame reaches across "but" ("the original response ... but withheld ...").
        // So does a paragraph-wide anaphor ("... Although ... I have not relied on it").
        if matches!(c.status, ModStatus::Historical | ModStatus::Applied) || c.scope == Scope::Paragraph {
            return (a, b);
        }
        let i = self.terminators.partition_point(|t| t.0 < c.end);
        if let Some(t) = self.terminators.get(i) {
            if t.0 < b {
                b = t.0;
            }
        }
        if i > 0 {
            let t = self.terminators[i - 1];
            if t.1 <= c.start && t.1 > a {
                a = t.1;
            }
        }
        (a, b)
    }

    /// Give `c` and its items their status.
    pub fn decide(&self, c: &mut Citation, msg: &Message) {
        let (status, reason, cue) = self.status_of(c, msg);
        c.reason = reason;
        c.cue_rule = cue;
        for it in &mut c.items {
            it.status = if status == Status::Cited && !it.canon.ground { Status::Procedural } else { status };
        }
    }

    fn status_of(&self, c: &Citation, msg: &Message) -> (Status, String, Option<usize>) {
        if !c.title_only {
            if let Some(act) = self.adjacent_act(c.start, c.end) {
                return (Status::OtherAct, format!("other Act: '{act}' beside the number"), None);
            }
        }
        if self.in_table_row(c.start) {
            return (Status::OtherAct, "a row label in a table of figures, not a citation".into(), None);
        }
        if msg.role == Role::Requester {
            return (Status::Quoted, "quoted: inside the requester's text".into(), None);
        }
        if msg.quoted {
            return (Status::Quoted, "quoted: inside an earlier e-mail quoted in the thread".into(), None);
        }
        match c.zone {
            ZoneKind::QuotedRequest | ZoneKind::QuotedHistory => {
                return (Status::Quoted, format!("quoted: in the {} zone", c.zone.name()), None)
            }
            ZoneKind::Footer | ZoneKind::Signature | ZoneKind::WebNoise => {
                return (Status::Boilerplate, format!("boilerplate: in the {} zone", c.zone.name()), None)
            }
            ZoneKind::Body => {}
        }
        if let Some((cue, _)) = self.modifier_for(c.start, c.end) {
            let st = Status::from(cue.status);
            let where_ = match cue.direction {
                Direction::Forward => "before it",
                Direction::Backward => "after it",
                Direction::Both => "beside it",
            };
            let scope = match cue.scope {
                Scope::Sentence => "sentence",
                Scope::Line => "line",
                Scope::Paragraph => "paragraph",
            };
            let cue_text: String = self.text[cue.start..cue.end].split_whitespace().collect::<Vec<_>>().join(" ");
            return (st, format!("{}: '{cue_text}' {where_} in the same {scope}", cue.status.name()), Some(cue.rule));
        }
        (Status::Cited, "cited: named in the body of an authority message".into(), None)
    }

    /// A line of a table of figures: a label followed by wide-spaced numbers.
    fn in_table_row(&self, offset: usize) -> bool {
        let (s, e) = self.index.line_range(self.text, self.index.line_of(offset));
        // Table rows are short; a long line is prose (and splitting it per citation is quadratic).
        if e - s > 300 {
            return false;
        }
        let line = &self.text[s..e];
        let mut cols = line.split("  ").map(str::trim).filter(|c| !c.is_empty());
        let _label = cols.next();
        let rest: Vec<&str> = cols.collect();
        !rest.is_empty()
            && rest
                .iter()
                .all(|c| c.trim_start_matches('£').replace([',', '.', '%'], "").bytes().all(|b| b.is_ascii_digit()) && !c.is_empty())
    }

    /// Another Act named right before or after the span ("PACE s24", "s.60 of the CJPOA 1994").
    fn adjacent_act(&self, start: usize, end: usize) -> Option<&str> {
        // "section 50 of the Freedom of Information Act", "s.12 of the Act": an FOI qualifier wins.
        let mut stop = (end + 60).min(self.text.len());
        while !self.text.is_char_boundary(stop) {
            stop -= 1;
        }
        let after = self.text[end..stop].split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
        if [
            "of the freedom of information",
            "of the foi",
            "of foia",
            "of foisa",
            "of the act",
            "of the eir",
            "of the regulations",
            "of the environmental information",
        ]
        .iter()
        .any(|q| after.starts_with(q))
        {
            return None;
        }
        let i = self.other_acts.partition_point(|a| a.1 <= start.saturating_sub(60));
        for &(a, b, dir) in &self.other_acts[i..] {
            if a > end + 60 {
                break;
            }
            // "section 33 of the Environmental Protection Act 1990, or under section 34": a number
            // joined on to an earlier one of that Act.
            if b <= start && start - b <= 40 && dir != Direction::Forward {
                let gap = self.text[b..start].to_ascii_lowercase();
                let joined = gap.contains(',') || gap.contains(" or ") || gap.contains(" and ");
                let words_ok = gap.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| {
                    w.chars().all(|ch| ch.is_ascii_digit())
                        || matches!(w, "or" | "and" | "under" | "also" | "s" | "section" | "sections" | "ss")
                });
                if joined && words_ok {
                    return Some(&self.text[a..b]);
                }
            }
            if a >= end && dir != Direction::Forward {
                let gap = self.text[end..a].to_ascii_lowercase();
                let joiners = gap
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .all(|w| matches!(w, "of" | "the" | "under" | "in"));
                if gap.len() <= 30 && joiners && !gap.contains(['.', ';', ':']) {
                    return Some(&self.text[a..b]);
                }
            } else if b <= start && dir != Direction::Backward {
                let gap = self.text[b..start].to_ascii_lowercase();
                let words: Vec<&str> = gap.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                if gap.len() <= 16
                    && words.iter().all(|w| {
                        w.chars().all(|ch| ch.is_ascii_digit()) || matches!(*w, "s" | "section" | "sections" | "ss" | "under" | "at")
                    })
                {
                    return Some(&self.text[a..b]);
                }
            } else if a < end && b > start {
                return Some(&self.text[a..b]);
            }
        }
        None
    }
}

fn rank(s: ModStatus) -> u8 {
    match s {
        ModStatus::Negated => 0,
        ModStatus::Statute => 1,
        ModStatus::Hypothetical => 1,
        ModStatus::Reported => 2,
        ModStatus::Provisional => 3,
        ModStatus::Historical => 4,
        ModStatus::Explanatory => 5,
        ModStatus::Applied => 6,
    }
}
