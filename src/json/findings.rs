//! Findings of a report: one per provision of each citation, then one per signal, each with the
//! status and a reason that agrees with it.
use crate::rules::RuleSet;
use crate::scan::{Citation, Item, SignalHit, Status};
use crate::vocab::{ModStatus, ZoneKind};
use crate::Analysis;

/// One finding: a provision named in the text, or a cue for what a message does.
#[derive(Debug, Clone, serde::Serialize, PartialEq)]
pub struct Finding {
    /// Message it stands in, from 1.
    pub message: usize,
    /// Zone of its line (`body`, `footer`, `quoted-history`...).
    pub zone: String,
    /// `citation`, `title` (named by its title only) or `signal`.
    pub kind: String,
    /// Canonical id of the provision (`foia:s31`), or the signal's name (`ncnd`).
    pub canonical: String,
    /// The provision down to subsection (`foia:s31(3)`); null for signals.
    pub detail: Option<String>,
    /// The provision's name (`law enforcement`); null for signals and unnamed provisions.
    pub name: Option<String>,
    /// A citation's status (`cited`, `hypothetical`, `quoted`...); a signal's modifier, or `active`.
    pub status: String,
    /// A ground a decision can rely on; null for signals.
    pub ground: Option<bool>,
    /// A citation the verdict's `cited` relies on; a signal that counts toward its message's kind.
    pub counts: bool,
    /// Why the status, in words, starting with the status.
    pub reason: String,
    /// Id of the rule that found it.
    pub rule: String,
    /// Id of the rule of the context cue that decided the status; null when none did.
    pub cue_rule: Option<String>,
    /// Start byte offset into the decoded text.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Line of `start`, from 1.
    pub line: usize,
    /// Column of `start` in bytes, from 1.
    pub col: usize,
    /// The matched text on one line.
    pub text: String,
}

/// Every finding of the analysis, citations first, each run in text order.
pub fn findings(rules: &RuleSet, a: &Analysis) -> Vec<Finding> {
    let scan = &a.scan;
    let v = &a.verdict;
    let mut out = Vec::new();
    for c in &scan.citations {
        let (line, col) = scan.index.line_col(c.start);
        let relied = |it: &Item| Some(c.message) == v.decision && v.cited.contains(&it.canon.id) && it.status == Status::Cited;
        for it in &c.items {
            out.push(Finding {
                message: c.message + 1,
                zone: c.zone.name().into(),
                kind: if c.title_only { "title" } else { "citation" }.into(),
                canonical: it.canon.id.clone(),
                detail: Some(it.canon.detail.clone()),
                name: crate::grounds::name(&it.canon.id).map(str::to_string),
                status: it.status.name().into(),
                ground: Some(it.canon.ground),
                counts: relied(it),
                reason: item_reason(c, it),
                rule: rules.rules[c.rule].id.clone(),
                cue_rule: c.cue_rule.map(|r| rules.rules[r].id.clone()),
                start: c.start,
                end: c.end,
                line,
                col,
                text: crate::output::one_line(&scan.text[c.start..c.end]),
            });
        }
    }
    for s in &scan.signals {
        let (line, col) = scan.index.line_col(s.start);
        out.push(Finding {
            message: s.message + 1,
            zone: s.zone.name().into(),
            kind: "signal".into(),
            canonical: s.name.name().into(),
            detail: None,
            name: None,
            status: s.modifier.map_or("active", |(m, _)| m.name()).into(),
            ground: None,
            counts: s.active() && !s.name.is_role(),
            reason: signal_reason(rules, s),
            rule: rules.rules[s.rule].id.clone(),
            cue_rule: s.modifier.map(|(_, r)| rules.rules[r].id.clone()),
            start: s.start,
            end: s.end,
            line,
            col,
            text: crate::output::one_line(&scan.text[s.start..s.end]),
        });
    }
    out
}

/// The reason for one provision's status. A citation has one reason, but its provisions may
/// differ: a section that is not a ground is procedural where a ground beside it is cited, and
/// a ground ruled out may stand in a list beside one that is not.
pub fn item_reason(c: &Citation, it: &Item) -> String {
    let (said, rest) = c.reason.split_once(':').unwrap_or(("", &c.reason));
    // An applying cue ("exempt under") makes a provision cited: say the status shown.
    if it.status == Status::Cited && said == ModStatus::Applied.name() {
        return format!("cited:{rest}");
    }
    if said == it.status.name() || it.status == Status::OtherAct {
        return c.reason.clone();
    }
    match it.status {
        Status::Procedural => {
            "procedural: a section on how requests are handled (not a ground), named in the body of an authority message".into()
        }
        Status::Cited => "cited: named in the body of an authority message (another provision beside it has its own status)".into(),
        other => format!("{other}: {}", c.reason),
    }
}

/// Why a signal counts toward its message's kind, or why not.
fn signal_reason(rules: &RuleSet, s: &SignalHit) -> String {
    if s.name.is_role() {
        let who = if s.name == crate::vocab::Signal::RoleRequester { "requester" } else { "authority" };
        return if s.zone == ZoneKind::QuotedRequest {
            format!("role cue for the {who}, not counted: inside the quoted request")
        } else {
            format!("role cue: weighs {} toward the {who} having written the message", s.weight)
        };
    }
    if s.zone != ZoneKind::Body {
        return format!("not counted: in the {} zone", s.zone.name());
    }
    if !s.part.decides() {
        return format!("not counted: in the {} part of the letter", s.part.name());
    }
    match s.modifier {
        Some((m, r)) if !s.active() => format!("not counted: {m} (cue rule {})", rules.rules[r].id),
        Some((m, _)) => format!("counts {:+} toward the message's kind ({m} does not cancel it)", s.weight),
        None => format!("counts {:+} toward the message's kind", s.weight),
    }
}
