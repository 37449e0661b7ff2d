//! Messages of a report (role and the cues that decided it, kind, regime) and the evidence of
//! NCND in the deciding message.
use crate::rules::RuleSet;
use crate::scan::{roles, Layout, Role, Scan, Status};
use crate::vocab::{Signal, ZoneKind};
use crate::Analysis;

/// One message of the document.
#[derive(Debug, Clone, serde::Serialize, PartialEq)]
pub struct MessageReport {
    /// Number, from 1.
    pub number: usize,
    /// `authority` or `requester`.
    pub role: String,
    /// Why that role, in words.
    pub role_why: String,
    /// The cues that weighed on the role.
    pub role_cues: Vec<Cue>,
    /// A copy of an earlier e-mail inside a later one.
    pub quoted: bool,
    /// What the message does (`acknowledgement`, `refused`...); null when it does nothing the
    /// classifier counts (a requester's message, or no decision or status cues).
    pub kind: Option<String>,
    /// Why `kind` is null; null when it is not.
    pub kind_why: Option<String>,
    /// The message that decides the document's outcome.
    pub latest: bool,
    /// It neither confirms nor denies.
    pub ncnd: bool,
    /// Regime of the message when it cites nothing (`foia`, `eir`, `foisa`, `eisr`).
    pub regime: String,
    /// Regime cues: Scottish minus UK, environmental minus the Act's.
    pub regime_cues: RegimeCues,
    /// Sums of the cues that count toward the kind, by signal name, sorted.
    pub signals: Vec<SignalSum>,
    /// Byte offset where it starts in the decoded text.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// First line, from 1.
    pub line: usize,
    /// Last line, from 1.
    pub last_line: usize,
}

/// Regime evidence of one message.
#[derive(Debug, Clone, Copy, serde::Serialize, PartialEq, Eq)]
pub struct RegimeCues {
    /// Scottish cues minus UK cues.
    pub scotland: i32,
    /// Environmental cues minus the Act's.
    pub environmental: i32,
}

/// The sum of one signal's counted cues in a message.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct SignalSum {
    /// Signal name (`refusal`, `ncnd`...).
    pub signal: String,
    /// Sum of the weights.
    pub weight: i32,
}

/// A piece of evidence: a cue or a provision, where it stands, and its sentence.
#[derive(Debug, Clone, serde::Serialize, PartialEq)]
pub struct Cue {
    /// What it says: a signal name (`ncnd`, `role-requester`), or a provision (`foia:s24(2)`).
    pub what: String,
    /// Id of the rule that found it; null for a first line naming an authority.
    pub rule: Option<String>,
    /// Its weight.
    pub weight: i32,
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
    /// The sentence around it on one line.
    pub sentence: String,
}

impl Cue {
    fn at(scan: &Scan, what: String, rule: Option<String>, weight: i32, (start, end): (usize, usize)) -> Cue {
        let (line, col) = scan.index.line_col(start);
        let (ss, se) = scan.index.sentence(start);
        Cue {
            what,
            rule,
            weight,
            start,
            end,
            line,
            col,
            text: crate::output::one_line(&scan.text[start..end]),
            sentence: crate::output::one_line(&scan.text[ss..se.max(end)]),
        }
    }
}

/// Every message of the analysis.
pub fn messages(rules: &RuleSet, a: &Analysis) -> Vec<MessageReport> {
    let scan = &a.scan;
    let v = &a.verdict;
    let msgs = &scan.segments.messages;
    (0..msgs.len())
        .map(|mi| {
            let m = &msgs[mi];
            let f = &v.facts[mi];
            let cues = role_cues(rules, scan, mi);
            let mut signals: Vec<SignalSum> =
                f.signals.iter().filter(|(k, _)| !k.is_role()).map(|(k, w)| SignalSum { signal: k.name().into(), weight: *w }).collect();
            signals.sort_by(|a, b| a.signal.cmp(&b.signal));
            let rs = scan.regime_scores[mi];
            MessageReport {
                number: mi + 1,
                role: m.role.name().into(),
                role_why: role_why(scan, m.role, &cues),
                role_cues: cues,
                quoted: m.quoted,
                kind: f.kind.map(|k| k.name().into()),
                kind_why: f.kind.is_none().then(|| kind_why(m).into()),
                latest: v.decision == Some(mi),
                ncnd: f.ncnd,
                regime: crate::scan::regime::of_message(&scan.scotland, &scan.regime_scores, mi).name().into(),
                regime_cues: RegimeCues { scotland: rs.scotland, environmental: rs.environmental },
                signals,
                start: m.start,
                end: m.end,
                line: m.first_line + 1,
                last_line: m.last_line.max(m.first_line + 1),
            }
        })
        .collect()
}

/// Why a message has no kind.
fn kind_why(m: &crate::scan::Message) -> &'static str {
    match m.role {
        Role::Requester => "the requester's message: only the authority's messages are classified",
        Role::Authority if m.quoted => "a copy of an earlier e-mail quoted in a later one: its cues count as quoted history",
        Role::Authority => "no decision or status cues count in its body",
    }
}

/// The cues that weighed on message `mi`'s role: a first line naming an authority, and the
/// role signals outside a quoted request (as the role stage counts them); none when the text
/// was read as one authority message.
fn role_cues(rules: &RuleSet, scan: &Scan, mi: usize) -> Vec<Cue> {
    let m = &scan.segments.messages[mi];
    let mut out = Vec::new();
    if scan.layout == Layout::Flat {
        return out;
    }
    if roles::headed(rules, scan.text, &scan.index, m) {
        let first =
            (m.first_line..m.last_line).map(|l| scan.index.line_range(scan.text, l)).find(|&(s, e)| !scan.text[s..e].trim().is_empty());
        if let Some(span) = first {
            out.push(Cue::at(scan, Signal::RoleAuthority.name().into(), None, roles::HEADING_WEIGHT, span));
        }
    }
    for s in scan.signals.iter().filter(|s| s.message == mi && s.name.is_role() && s.zone != ZoneKind::QuotedRequest) {
        out.push(Cue::at(scan, s.name.name().into(), Some(rules.rules[s.rule].id.clone()), s.weight, (s.start, s.end)));
    }
    out
}

/// Why the message has its role, from the cues that weighed on it.
fn role_why(scan: &Scan, role: Role, cues: &[Cue]) -> String {
    if scan.layout == Layout::Flat {
        return "the whole text read as one authority message".into();
    }
    let sum = |name: Signal| cues.iter().filter(|c| c.what == name.name()).map(|c| c.weight).sum::<i32>();
    let (req, auth) = (sum(Signal::RoleRequester), sum(Signal::RoleAuthority));
    match role {
        Role::Requester => format!("requester cues ({req}) outweigh authority cues ({auth})"),
        Role::Authority if req == 0 && auth == 0 => "no role cues: a message is the authority's unless its text says otherwise".into(),
        Role::Authority => format!("authority cues ({auth}) at least match requester cues ({req})"),
    }
}

/// What made the deciding message NCND: its counted NCND cues and the NCND provisions it
/// applies. Empty when the document is not NCND.
pub fn ncnd_evidence(rules: &RuleSet, a: &Analysis) -> Vec<Cue> {
    let scan = &a.scan;
    let Some(mi) = a.verdict.decision.filter(|_| a.verdict.ncnd) else { return vec![] };
    let mut out: Vec<Cue> = scan
        .signals
        .iter()
        .filter(|s| s.message == mi && s.name == Signal::Ncnd && s.active())
        .map(|s| Cue::at(scan, s.name.name().into(), Some(rules.rules[s.rule].id.clone()), s.weight, (s.start, s.end)))
        .collect();
    for c in scan.citations.iter().filter(|c| c.message == mi) {
        for it in c.items.iter().filter(|it| it.canon.ncnd && matches!(it.status, Status::Cited | Status::Procedural)) {
            out.push(Cue::at(scan, it.canon.detail.clone(), Some(rules.rules[c.rule].id.clone()), 0, (c.start, c.end)));
        }
    }
    out.sort_by_key(|c| c.start);
    out
}
