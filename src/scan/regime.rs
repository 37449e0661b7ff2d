//! Regime: whether each message is under Scottish law, and how environmental it is, from the
//! regime cues of the body and the rest, the document's, and the authority's nation.
use super::roles::effective_zone;
use super::segment::Segments;
use super::status::Context;
use crate::rules::RuleSet;
use crate::text::TextIndex;
use crate::vocab::{ModStatus, Nation, Regime, RegimeCue, Scheme, ZoneKind};

/// Regime evidence of one message.
#[derive(Debug, Clone, Copy, Default)]
pub struct RegimeScore {
    /// Scottish cues minus UK cues.
    pub scotland: i32,
    /// The part of `scotland` from the body: the law the letter itself applies outweighs a
    /// footer's (a templated footer may name another nation's Act or Commissioner).
    pub scotland_body: i32,
    /// Environmental cues minus the Act's.
    pub environmental: i32,
}

impl RegimeScore {
    /// Scottish (`Some(true)`), not (`Some(false)`), or no cue either way: the body's cues
    /// decide, then the others'.
    fn scottish(&self) -> Option<bool> {
        [self.scotland_body, self.scotland].into_iter().find(|&v| v != 0).map(|v| v > 0)
    }

    fn add(&mut self, cue: RegimeCue, weight: i32, body: bool) {
        let scotland = match cue {
            RegimeCue::Scotland => weight,
            RegimeCue::Uk => -weight,
            _ => 0,
        };
        self.scotland += scotland;
        if body {
            self.scotland_body += scotland;
        }
        match cue {
            RegimeCue::Scotland | RegimeCue::Uk => {}
            RegimeCue::Environmental => self.environmental += weight,
            RegimeCue::Act => self.environmental -= weight,
        }
    }
}

/// Per-message and whole-document scores. A cue ruled out where it stands ("dealt with under
/// the EIR rather than the Scottish Regulations") counts for neither.
pub fn score(
    cues: &[(usize, usize, RegimeCue, i32)],
    segs: &Segments,
    index: &TextIndex,
    ctx: &Context,
) -> (Vec<RegimeScore>, RegimeScore) {
    let mut per_message = vec![RegimeScore::default(); segs.messages.len()];
    let mut doc = RegimeScore::default();
    for &(start, end, cue, weight) in cues {
        if ctx.modifier_for(start, end).is_some_and(|(c, _)| matches!(c.status, ModStatus::Negated | ModStatus::Hypothetical)) {
            continue;
        }
        let line = index.line_of(start);
        let mi = segs.line_message[line];
        let body = effective_zone(segs, mi, segs.line_zone[line]) == ZoneKind::Body;
        per_message[mi].add(cue, weight, body);
        doc.add(cue, weight, body);
    }
    (per_message, doc)
}

/// Regime of message `mi` when nothing is cited: the Act or the regulations (its own
/// environmental cues), Scottish or not.
pub fn of_message(scotland: &[bool], scores: &[RegimeScore], mi: usize) -> Regime {
    regime_of(scotland[mi], scores[mi].environmental > 0)
}

/// Regime of a whole document with no deciding message: its environmental cues together.
pub fn of_document(scotland: &[bool], scores: &[RegimeScore], mi: usize) -> Regime {
    regime_of(scotland[mi], scores.iter().map(|s| s.environmental).sum::<i32>() > 0)
}

fn regime_of(scotland: bool, environmental: bool) -> Regime {
    Regime::of(if environmental { Scheme::Regs } else { Scheme::Act }, scotland)
}

/// Per message: Scottish law? Its own cues, else the document's, else the authority's nation.
pub fn scottish(rules: &RuleSet, scores: &[RegimeScore], doc: &RegimeScore, authority: Option<usize>) -> Vec<bool> {
    let by_authority = authority.is_some_and(|a| rules.authorities[a].nation == Nation::Scotland);
    scores.iter().map(|s| s.scottish().or(doc.scottish()).unwrap_or(by_authority)).collect()
}
