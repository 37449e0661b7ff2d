//! Cues: the signal, modifier, terminator, other-Act and regime matches of a document, placed
//! in their message and zone.
use super::roles::effective_zone;
use super::segment::Segments;
use super::status::{Context, Cue};
use super::SignalHit;
use crate::rules::{Produces, RuleMatch, RuleSet};
use crate::text::TextIndex;
use crate::vocab::{Direction, RegimeCue};

/// Every cue of a document, each list sorted by position.
#[derive(Debug, Default)]
pub struct Cues {
    /// Signal hits (their modifier is set by [`Cues::place_signals`]).
    pub signals: Vec<SignalHit>,
    /// Context modifiers.
    pub modifiers: Vec<Cue>,
    /// Ends of modifier scopes.
    pub terminators: Vec<(usize, usize)>,
    /// Names of other Acts, with the side their numbers stand on.
    pub other_acts: Vec<(usize, usize, Direction)>,
    /// Regime cues: start, end, cue, weight.
    pub regime: Vec<(usize, usize, RegimeCue, i32)>,
}

/// The cues among `matches`, signals placed in the message and zone of their line.
pub fn collect(rules: &RuleSet, matches: &[(usize, RuleMatch)], segs: &Segments, index: &TextIndex) -> Cues {
    let mut c = Cues::default();
    for (ri, m) in matches {
        let line = index.line_of(m.start);
        match &rules.rules[*ri].produces {
            Produces::Signal { name, weight, ignores_negation } => c.signals.push(SignalHit {
                name: *name,
                weight: *weight,
                start: m.start,
                end: m.end,
                rule: *ri,
                message: segs.line_message[line],
                zone: segs.line_zone[line],
                part: segs.line_part[line],
                modifier: None,
                ignores_negation: *ignores_negation,
            }),
            Produces::Modifier { status, direction, scope } => {
                c.modifiers.push(Cue { start: m.start, end: m.end, rule: *ri, status: *status, direction: *direction, scope: *scope })
            }
            Produces::Terminator => c.terminators.push((m.start, m.end)),
            Produces::OtherAct(d) => c.other_acts.push((m.start, m.end, *d)),
            Produces::Regime { cue, weight } => c.regime.push((m.start, m.end, *cue, *weight)),
            _ => {}
        }
    }
    c.terminators.sort_unstable();
    c.other_acts.sort_unstable();
    c.modifiers.sort_by_key(|c| c.start);
    c
}

impl Cues {
    /// The status context these cues give.
    pub fn context<'a>(&'a self, text: &'a str, index: &'a TextIndex) -> Context<'a> {
        Context { text, index, modifiers: &self.modifiers, terminators: &self.terminators, other_acts: &self.other_acts }
    }
}

/// Once roles are known: each signal's effective zone and modifier; two patterns of one rule on
/// the same words count once; sorted by position.
pub fn place_signals(signals: &mut Vec<SignalHit>, segs: &Segments, ctx: &Context) {
    for s in signals.iter_mut() {
        s.zone = effective_zone(segs, s.message, s.zone);
        s.modifier = ctx.modifier_for(s.start, s.end).map(|(c, _)| (c.status, c.rule));
    }
    signals.sort_by_key(|s| (s.rule, s.start, std::cmp::Reverse(s.end)));
    let mut last: Option<(usize, usize)> = None;
    signals.retain(|s| {
        let dup = last.is_some_and(|(r, e)| r == s.rule && s.start < e);
        if !dup || last.is_none_or(|(r, _)| r != s.rule) {
            last = Some((s.rule, s.end));
        }
        !dup
    });
    signals.sort_by_key(|s| (s.start, s.rule));
}
