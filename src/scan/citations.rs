//! Citations: every citation and title match parsed into provisions, mapped to canonical ids
//! under its message's regime, given its status, and de-duplicated.
use super::canon::Effect;
use super::canon::{self, Regime};
use super::roles::effective_zone;
use super::segment::Segments;
use super::status::{Context, Status};
use super::{cite, parts, Citation, Item, SignalHit};
use crate::rules::{Produces, RuleMatch, RuleSet};
use crate::vocab::Scheme;

/// The citations of a document, sorted by position, without overlaps.
pub fn build(
    rules: &RuleSet,
    matches: &[(usize, RuleMatch)],
    segs: &Segments,
    scotland: &[bool],
    ctx: &Context,
    signals: &[SignalHit],
) -> Vec<Citation> {
    let (text, index) = (ctx.text, ctx.index);
    let mut citations = Vec::new();
    for (ri, m) in matches {
        let line = index.line_of(m.start);
        let mi = segs.line_message[line];
        let Some((raw, end, title_only)) = provisions(rules, text, *ri, m, scotland[mi]) else { continue };
        let items: Vec<Item> = raw
            .iter()
            .filter_map(|(it, scheme)| canon::canonical(it, Regime::of(*scheme, scotland[mi])))
            .map(|canon| Item { canon, status: Status::Cited })
            .collect();
        if items.is_empty() {
            continue;
        }
        let zone = effective_zone(segs, mi, segs.line_zone[line]);
        let mut c =
            Citation { start: m.start, end, rule: *ri, message: mi, zone, items, reason: String::new(), cue_rule: None, title_only };
        ctx.decide(&mut c, &segs.messages[mi]);
        if let Some(status) = parts::status_in(segs.line_part[line]) {
            for it in c.items.iter_mut().filter(|it| it.status == Status::Cited) {
                it.status = status;
                c.reason = format!("{status}: in the {} part of the letter (under its heading)", segs.line_part[line]);
            }
        }
        citations.push(c);
    }
    dedup(&mut citations);
    rule_out(&mut citations);
    basis(&mut citations, rules, signals, |c: &Citation| segs.line_part[index.line_of(c.start)].decides());
    citations
}

/// A ground whose law a message states ("regulation 12(4)(a) provides that an authority may
/// refuse ... to the extent that it does not hold ...") is the ground its decision rests on when
/// the message cites no other ground that does the same (withholds, says not held...), names
/// it nowhere as ruled out, and makes the decision that
/// ground makes in its own words (refusal cues for a ground that withholds, not-held cues for
/// a not-held exception).
fn basis(citations: &mut [Citation], rules: &RuleSet, signals: &[SignalHit], decides: impl Fn(&Citation) -> bool) {
    use crate::vocab::{ModStatus, Signal};
    use std::collections::BTreeSet;
    let statute =
        |c: &Citation| c.cue_rule.is_some_and(|r| matches!(rules.rules[r].produces, Produces::Modifier { status: ModStatus::Statute, .. }));
    let mut start = 0;
    while start < citations.len() {
        let mi = citations[start].message;
        let end = start + citations[start..].iter().take_while(|c| c.message == mi).count();
        let run = &mut citations[start..end];
        start = end;
        let grounds = || run.iter().flat_map(|c| c.items.iter().filter(|it| it.canon.ground));
        // A cost refusal and an exemption both refuse: one cited blocks the other's promotion.
        let does = |e: Effect| if e == Effect::Cost { Effect::Withholds } else { e };
        let cited: Vec<Effect> = grounds().filter(|it| it.status == Status::Cited).map(|it| does(it.canon.effect())).collect();
        let ruled_out: BTreeSet<String> = grounds().filter(|it| it.status == Status::Negated).map(|it| it.canon.id.clone()).collect();
        let own = super::within(signals, mi, mi + 1, |s| s.message);
        let sum = |name: Signal| -> i32 { own.iter().filter(|s| s.name == name && s.active()).map(|s| s.weight).sum() };
        let (refusal, not_held) = (sum(Signal::Refusal), sum(Signal::NotHeld));
        for c in run.iter_mut().filter(|c| statute(c) && decides(c)) {
            for it in c.items.iter_mut().filter(|it| it.canon.ground && it.status == Status::Explanatory) {
                let made = match it.canon.effect() {
                    Effect::Withholds | Effect::Cost => refusal >= 2,
                    Effect::NotHeld => not_held > 0 || refusal >= 2,
                    Effect::Published => true,
                    Effect::Routes => refusal >= 2 || not_held > 0,
                };
                if made && !cited.contains(&does(it.canon.effect())) && !ruled_out.contains(&it.canon.id) {
                    it.status = Status::Cited;
                    c.reason = "cited: the law the message states is the ground its decision rests on".into();
                }
            }
        }
    }
}

/// A ground ruled out somewhere in a message ("we considered section 38; it does not apply")
/// is ruled out wherever that message relies on it or recounts it, unless an applying frame
/// names it too.
fn rule_out(citations: &mut [Citation]) {
    use std::collections::BTreeSet;
    let mut start = 0;
    while start < citations.len() {
        let mi = citations[start].message;
        let end = start + citations[start..].iter().take_while(|c| c.message == mi).count();
        let run = &mut citations[start..end];
        let ids = |keep: &dyn Fn(&Citation, &Item) -> bool| -> BTreeSet<(String, String)> {
            run.iter()
                .flat_map(|c| c.items.iter().filter(|it| keep(c, it)).map(|it| (it.canon.id.clone(), it.canon.detail.clone())))
                .collect()
        };
        let negated = ids(&|_, it| it.status == Status::Negated);
        let applied: BTreeSet<String> = ids(&|c, it| it.status == Status::Cited && c.cue_rule.is_some()).into_iter().map(|p| p.0).collect();
        // Ruling out one subsection ("30(b)(i) adds nothing") leaves another standing ("30(b)(ii)
        // continues to apply"); ruling out the section rules out all of it.
        let ruled_out = |it: &Item| {
            negated
                .iter()
                .any(|(id, detail)| *id == it.canon.id && (detail == id || *detail == it.canon.detail || it.canon.detail == it.canon.id))
        };
        for c in run.iter_mut() {
            let mut changed = false;
            for it in c.items.iter_mut().filter(|it| matches!(it.status, Status::Cited | Status::Historical) && it.canon.ground) {
                if ruled_out(it) && !applied.contains(&it.canon.id) {
                    it.status = Status::Negated;
                    changed = true;
                }
            }
            if changed {
                c.reason = "negated: ruled out elsewhere in the message".into();
            }
        }
        start = end;
    }
}

/// Raw provisions with their numbering scheme, the citation's end, and whether it is a title.
type Provisions = (Vec<(cite::RawItem, Scheme)>, usize, bool);

/// The raw provisions a citation or title match names, where the citation ends, and whether
/// it names a title only.
fn provisions(rules: &RuleSet, text: &str, ri: usize, m: &RuleMatch, scotland: bool) -> Option<Provisions> {
    match &rules.rules[ri].produces {
        Produces::Citation(scheme) => {
            let (ls, _) = m.list?;
            let prefix = text[m.start..ls].to_ascii_lowercase();
            let plural = prefix.contains("sections") || prefix.contains("ss") || prefix.contains("regs") || prefix.contains("regulations");
            let (items, used) = cite::parse_list(&text[ls..], plural);
            (!items.is_empty()).then(|| (items.into_iter().map(|i| (i, *scheme)).collect(), ls + used, false))
        }
        Produces::Title { act, scotland: scot } => {
            let number = if scotland { scot } else { act };
            let number = number.as_ref()?;
            Some((vec![(cite::RawItem { number: number.to_ascii_lowercase(), chain: vec![] }, Scheme::Act)], m.end, true))
        }
        _ => None,
    }
}

/// Two rules naming the same words ("regulation 12(5)(e)" and the bare "12(5)(e)"): keep the
/// first; a title right after a numbered citation of the same section adds nothing.
fn dedup(citations: &mut Vec<Citation>) {
    citations.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut last_end = 0;
    citations.retain(|c| {
        let keep = c.start >= last_end;
        last_end = last_end.max(c.end);
        keep
    });
    citations.dedup_by(|b, a| b.title_only && b.start < a.end + 40 && b.items[0].canon.id == a.items[0].canon.id);
}
