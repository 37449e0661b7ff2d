//! Citations: every citation and title match parsed into provisions, mapped to canonical ids
//! under its message's regime, given its status, and de-duplicated.
use super::canon::{self, Regime};
use super::roles::effective_zone;
use super::segment::Segments;
use super::status::{Context, Status};
use super::{cite, parts, Citation, Item};
use crate::rules::{Produces, RuleMatch, RuleSet};
use crate::text::TextIndex;
use crate::vocab::Scheme;

/// The citations of a document, sorted by position, without overlaps.
pub fn build(
    rules: &RuleSet,
    text: &str,
    index: &TextIndex,
    matches: &[(usize, RuleMatch)],
    segs: &Segments,
    scotland: &[bool],
    ctx: &Context,
) -> Vec<Citation> {
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
    citations
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
        let ids = |keep: &dyn Fn(&Citation, &Item) -> bool| -> BTreeSet<String> {
            run.iter().flat_map(|c| c.items.iter().filter(|it| keep(c, it)).map(|it| it.canon.id.clone())).collect()
        };
        let negated = ids(&|_, it| it.status == Status::Negated);
        let applied = ids(&|c, it| it.status == Status::Cited && c.cue_rule.is_some());
        for c in run.iter_mut() {
            let mut changed = false;
            for it in c.items.iter_mut().filter(|it| matches!(it.status, Status::Cited | Status::Historical) && it.canon.ground) {
                if negated.contains(&it.canon.id) && !applied.contains(&it.canon.id) {
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
