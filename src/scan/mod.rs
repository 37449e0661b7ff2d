//! Scanning one document with a [`RuleSet`]: prefilter, rule matches, segmentation, citations
//! with their status, and signals. The result keeps byte offsets into the original text.
pub mod canon;
pub mod cite;
pub(crate) mod fast;
pub mod segment;
pub mod status;

use crate::rules::{BoundaryKind, ModStatus, Produces, RegimeCue, RuleMatch, RuleSet, Scheme, Signal, ZoneKind};
use crate::text::TextIndex;
pub use canon::{Canon, Regime};
pub use segment::{Message, Role, Segments};
pub use status::Status;

/// One provision named by a citation, with its status.
#[derive(Debug, Clone)]
pub struct Item {
    pub canon: Canon,
    pub status: Status,
}

/// A citation found in the text: one span, one or more provisions.
#[derive(Debug, Clone)]
pub struct Citation {
    pub start: usize,
    pub end: usize,
    pub rule: usize,
    pub message: usize,
    pub zone: ZoneKind,
    pub items: Vec<Item>,
    /// Why the status was given, in words.
    pub reason: String,
    /// Rule of the modifier that decided the status, if any.
    pub cue_rule: Option<usize>,
    /// Named by its title only ("the law enforcement exemption").
    pub title_only: bool,
}

/// A signal hit (outcome cue, NCND, role...), possibly neutralised by a modifier.
#[derive(Debug, Clone)]
pub struct SignalHit {
    pub name: Signal,
    pub weight: i32,
    pub start: usize,
    pub end: usize,
    pub rule: usize,
    pub message: usize,
    pub zone: ZoneKind,
    /// A modifier in scope (hypothetical, negated...), if any.
    pub modifier: Option<(ModStatus, usize)>,
    /// Counts under a negation too (the rule's `ignores-negation`).
    pub ignores_negation: bool,
}

impl SignalHit {
    /// Counts towards the message's kind: in the body and not neutralised.
    pub fn active(&self) -> bool {
        // A signal still counts inside an applying frame or a provisional one ("we have not yet
        // reached a decision" is itself the extension).
        self.zone == ZoneKind::Body
            && self.modifier.is_none_or(|(m, _)| {
                matches!(m, ModStatus::Applied | ModStatus::Provisional | ModStatus::Historical)
                    || (self.ignores_negation && m == ModStatus::Negated)
            })
    }
}

/// Regime evidence of one message.
#[derive(Debug, Clone, Copy, Default)]
pub struct RegimeScore {
    pub scotland: i32,
    /// The part of `scotland` from the body: the law the letter itself applies outweighs a
    /// footer's (a templated footer may name another nation's Act or Commissioner).
    pub scotland_body: i32,
    pub environmental: i32,
}

impl RegimeScore {
    /// Scottish (`Some(true)`), not (`Some(false)`), or no cue either way: the body's cues
    /// decide, then the others'.
    fn scottish(&self) -> Option<bool> {
        [self.scotland_body, self.scotland].into_iter().find(|&v| v != 0).map(|v| v > 0)
    }
}

/// Everything found in one document.
#[derive(Debug)]
pub struct Scan<'t> {
    pub text: &'t str,
    pub index: TextIndex,
    pub segments: Segments,
    pub citations: Vec<Citation>,
    pub signals: Vec<SignalHit>,
    /// Per message: is it under Scottish law.
    pub scotland: Vec<bool>,
    /// Per message regime evidence.
    pub regime_scores: Vec<RegimeScore>,
    /// Index of the detected authority in the rule set.
    pub authority: Option<usize>,
}

/// Raw matches of every rule that passed the prefilter, grouped by rule. A rule is active when
/// one of its keywords occurs; its patterns then run only where a match could start (see
/// [`fast`]), giving the same matches as running them over the whole text.
#[cfg(test)]
pub(crate) fn rule_matches(rules: &RuleSet, text: &str) -> Vec<(usize, RuleMatch)> {
    matches_and_aliases(rules, text).0
}

/// [`rule_matches`], and the authority aliases in the text as [`crate::authority::detect`]
/// takes them: leftmost-longest, without overlaps, as (start, end, alias index).
pub(crate) fn matches_and_aliases(rules: &RuleSet, text: &str) -> (Vec<(usize, RuleMatch)>, Vec<crate::authority::AliasHit>) {
    // `(?i)` patterns fold case by Unicode rules, so 'ſ' (U+017F) matches `s` and the Kelvin
    // sign (U+212A) matches `k`; the keyword automaton is ASCII case-insensitive and misses
    // them. A text with either runs every rule over the whole text, so that a rule's hits never
    // depend on whether one of its keywords happens to occur elsewhere in the text.
    if text.contains(['\u{17f}', '\u{212a}']) {
        let mut out = Vec::new();
        for (ri, rule) in rules.rules.iter().enumerate() {
            let mut buf = Vec::new();
            rule.find_all(text, &mut buf);
            out.extend(buf.into_iter().map(|m| (ri, m)));
        }
        return (out, crate::authority::aliases_in(rules, text));
    }
    let (matches, mut aliases) = rules.prefilter.rule_matches(&rules.rules, text);
    crate::authority::leftmost_longest(&mut aliases);
    (matches, aliases)
}

/// The plain definition [`rule_matches`] must agree with: keyword gate, then every pattern over
/// the whole text.
#[cfg(test)]
pub(crate) fn rule_matches_reference(rules: &RuleSet, text: &str) -> Vec<(usize, RuleMatch)> {
    let lower = text.to_ascii_lowercase();
    let folds = text.contains(['\u{17f}', '\u{212a}']);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for (ri, rule) in rules.rules.iter().enumerate() {
        if !folds && !rule.keywords.iter().any(|k| lower.contains(&k.to_ascii_lowercase())) {
            continue;
        }
        buf.clear();
        rule.find_all(text, &mut buf);
        out.extend(buf.iter().map(|m| (ri, *m)));
    }
    out
}

/// Scan `text` with `rules`. `nation_hint` is the Scottish default when the text gives no cue.
pub fn scan<'t>(rules: &RuleSet, text: &'t str, authority_hint: Option<usize>) -> Scan<'t> {
    let index = TextIndex::new(text);
    let (matches, aliases) = matches_and_aliases(rules, text);

    // Segmentation from boundary and zone rules (a mark counts where a match starts a line).
    let mut marks = segment::LineMarks::new(index.lines());
    for (ri, m) in &matches {
        // Patterns may begin with `\s*`, which can reach back over blank lines.
        let first = m.start + (text[m.start..m.end].len() - text[m.start..m.end].trim_start().len());
        let line = index.line_of(first);
        let at_line_start = text[index.line_starts[line]..first].trim_end().is_empty();
        match rules.rules[*ri].produces {
            Produces::Boundary(b) if at_line_start || b == BoundaryKind::QuoteIntro => {
                marks.boundary[line].get_or_insert(b);
            }
            Produces::Zone(z) => {
                let keep = marks.zone_start[line].is_some_and(|old| old == ZoneKind::Footer);
                if !keep {
                    marks.zone_start[line] = Some(z);
                }
            }
            _ => {}
        }
    }
    let mut segments = segment::segment(text, &index, &marks);
    let zone_at = |segs: &Segments, off: usize| segs.line_zone[index.line_of(off)];
    let msg_at = |segs: &Segments, off: usize| segs.line_message[index.line_of(off)];

    // Signals first: roles decide who wrote each message.
    let mut signals = Vec::new();
    let mut modifiers = Vec::new();
    let mut terminators = Vec::new();
    let mut other_acts = Vec::new();
    let mut regime_scores = vec![RegimeScore::default(); segments.messages.len()];
    let mut doc_regime = RegimeScore::default();
    let mut regime_cues = Vec::new();
    for (ri, m) in &matches {
        match &rules.rules[*ri].produces {
            Produces::Signal { name, weight, ignores_negation } => signals.push(SignalHit {
                name: *name,
                weight: *weight,
                start: m.start,
                end: m.end,
                rule: *ri,
                message: msg_at(&segments, m.start),
                zone: zone_at(&segments, m.start),
                modifier: None,
                ignores_negation: *ignores_negation,
            }),
            Produces::Modifier { status, direction, scope } => {
                modifiers.push(status::Cue { start: m.start, end: m.end, rule: *ri, status: *status, direction: *direction, scope: *scope })
            }
            Produces::Terminator => terminators.push((m.start, m.end)),
            Produces::OtherAct(d) => other_acts.push((m.start, m.end, *d)),
            Produces::Regime { cue, weight } => regime_cues.push((m.start, m.end, *cue, *weight)),
            _ => {}
        }
    }
    let headed = authority_headed(rules, text, &index, &segments);
    assign_roles(&mut segments, &signals, &headed);
    terminators.sort_unstable();
    other_acts.sort_unstable();
    modifiers.sort_by_key(|c| c.start);
    let ctx = status::Context { text, index: &index, modifiers: &modifiers, terminators: &terminators, other_acts: &other_acts };
    for s in &mut signals {
        s.zone = effective_zone(&segments, s.message, s.zone);
        s.modifier = ctx.modifier_for(s.start, s.end).map(|(c, _)| (c.status, c.rule));
    }
    // "dealt with under the EIR rather than the Scottish Regulations" names a regime it rules out.
    for (start, end, cue, weight) in regime_cues {
        if ctx.modifier_for(start, end).is_some_and(|(c, _)| matches!(c.status, ModStatus::Negated | ModStatus::Hypothetical)) {
            continue;
        }
        let mi = msg_at(&segments, start);
        let body = effective_zone(&segments, mi, zone_at(&segments, start)) == ZoneKind::Body;
        for s in [&mut regime_scores[mi], &mut doc_regime] {
            let scotland = match cue {
                RegimeCue::Scotland => weight,
                RegimeCue::Uk => -weight,
                _ => 0,
            };
            s.scotland += scotland;
            if body {
                s.scotland_body += scotland;
            }
            match cue {
                RegimeCue::Scotland | RegimeCue::Uk => {}
                RegimeCue::Environmental => s.environmental += weight,
                RegimeCue::Act => s.environmental -= weight,
            }
        }
    }

    let authority = authority_hint.or_else(|| crate::authority::detect(rules, text, &segments, &index, &aliases));
    let scottish_authority = authority.is_some_and(|a| rules.authorities[a].nation == crate::rules::Nation::Scotland);
    let scotland: Vec<bool> = regime_scores.iter().map(|s| s.scottish().or(doc_regime.scottish()).unwrap_or(scottish_authority)).collect();

    let mut citations = Vec::new();
    for (ri, m) in &matches {
        let rule = &rules.rules[*ri];
        let (raw, end, title_only) = match &rule.produces {
            Produces::Citation(scheme) => {
                let Some((ls, _)) = m.list else { continue };
                let prefix = text[m.start..ls].to_ascii_lowercase();
                let plural =
                    prefix.contains("sections") || prefix.contains("ss") || prefix.contains("regs") || prefix.contains("regulations");
                let (items, used) = cite::parse_list(&text[ls..], plural);
                if items.is_empty() {
                    continue;
                }
                (items.into_iter().map(|i| (i, *scheme)).collect::<Vec<_>>(), ls + used, false)
            }
            Produces::Title { act, scotland: scot } => {
                let mi = msg_at(&segments, m.start);
                let number = if scotland[mi] { scot } else { act };
                let Some(number) = number else { continue };
                (vec![(cite::RawItem { number: number.to_ascii_lowercase(), chain: vec![] }, Scheme::Act)], m.end, true)
            }
            _ => continue,
        };
        let mi = msg_at(&segments, m.start);
        let zone = effective_zone(&segments, mi, zone_at(&segments, m.start));
        let items: Vec<Item> = raw
            .iter()
            .filter_map(|(it, scheme)| canon::canonical(it, Regime::of(*scheme, scotland[mi])))
            .map(|canon| Item { canon, status: Status::Cited })
            .collect();
        if items.is_empty() {
            continue;
        }
        let mut c =
            Citation { start: m.start, end, rule: *ri, message: mi, zone, items, reason: String::new(), cue_rule: None, title_only };
        ctx.decide(&mut c, &segments.messages[mi]);
        citations.push(c);
    }
    citations.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    // Two rules naming the same words ("regulation 12(5)(e)" and the bare "12(5)(e)"): keep the first.
    let mut last_end = 0;
    citations.retain(|c| {
        let keep = c.start >= last_end;
        last_end = last_end.max(c.end);
        keep
    });
    // A title right after a numbered citation of the same section adds nothing.
    citations.dedup_by(|b, a| b.title_only && b.start < a.end + 40 && b.items[0].canon.id == a.items[0].canon.id);
    signals.sort_by_key(|s| (s.rule, s.start, std::cmp::Reverse(s.end)));
    // Two patterns of one rule on the same words count once.
    let mut last: Option<(usize, usize)> = None;
    signals.retain(|s| {
        let dup = last.is_some_and(|(r, e)| r == s.rule && s.start < e);
        if !dup || last.is_none_or(|(r, _)| r != s.rule) {
            last = Some((s.rule, s.end));
        }
        !dup
    });
    signals.sort_by_key(|s| (s.start, s.rule));
    Scan { text, index, segments, citations, signals, scotland, regime_scores, authority }
}

/// Lines of requester messages and quoted e-mails count as quoted history, whatever their zone.
fn effective_zone(segments: &Segments, message: usize, zone: ZoneKind) -> ZoneKind {
    let m = &segments.messages[message];
    if (m.quoted || m.role == Role::Requester) && matches!(zone, ZoneKind::Body | ZoneKind::QuotedRequest) {
        ZoneKind::QuotedHistory
    } else {
        zone
    }
}

/// Messages whose first line names a known authority (a thread entry "Kent Police   3 May 2024",
/// a letterhead) are the authority's unless their text says otherwise.
fn authority_headed(rules: &RuleSet, text: &str, index: &TextIndex, segments: &Segments) -> Vec<bool> {
    segments
        .messages
        .iter()
        .map(|m| {
            let first = (m.first_line..m.last_line).map(|l| index.line_range(text, l)).find(|&(s, e)| !text[s..e].trim().is_empty());
            first.is_some_and(|(s, e)| {
                e - s <= 100 && rules.authority_ac.find(&text[s..e]).is_some() && !text[s..e].trim_start().starts_with("Dear")
            })
        })
        .collect()
}

/// A message is the requester's when its requester cues outweigh its authority cues.
fn assign_roles(segments: &mut Segments, signals: &[SignalHit], headed: &[bool]) {
    let mut score: Vec<i32> = headed.iter().map(|&h| if h { -3 } else { 0 }).collect();
    for s in signals.iter().filter(|s| s.zone != ZoneKind::QuotedRequest) {
        match s.name {
            Signal::RoleRequester => score[s.message] += s.weight,
            Signal::RoleAuthority => score[s.message] -= s.weight,
            _ => {}
        }
    }
    for (m, sc) in segments.messages.iter_mut().zip(score) {
        if sc > 0 {
            m.role = Role::Requester;
        }
    }
}
