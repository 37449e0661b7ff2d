//! Authority: which public authority wrote a document, from where its aliases stand, else from a
//! body's name in the heads and sign-offs of its own messages.
use super::segment::Segments;
use crate::rules::{AliasHit, RuleSet};
use crate::text::TextIndex;
use crate::vocab::{Role, ZoneKind};
use regex::Regex;
use std::sync::OnceLock;

/// Index of the most likely authority. A body names itself in its letterhead, signature and
/// footer, and names other bodies in passing ("you may ask NHS England"), so where a name
/// stands matters more than how often: heads and sign-offs of the authority's messages weigh
/// most, then the requester's salutation, then mentions in running text; the first seen wins
/// ties.
/// `aliases` are the alias occurrences of [`RuleSet::matches`].
pub fn detect(rules: &RuleSet, text: &str, segs: &Segments, ix: &TextIndex, aliases: &[AliasHit]) -> Option<usize> {
    let mut score: Vec<(i32, usize)> = vec![(0, usize::MAX); rules.authorities.len()];
    let bytes = text.as_bytes();
    for &(start, end, alias) in aliases {
        let before = start.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(end).copied();
        let is_domain = rules.authorities[rules.alias_owner[alias]]
            .domains
            .iter()
            .any(|d| d.len() == end - start && d.eq_ignore_ascii_case(&text[start..end]));
        let word_ok = !before.is_some_and(|b| b.is_ascii_alphanumeric()) && !after.is_some_and(|b| b.is_ascii_alphanumeric());
        if !word_ok || (is_domain && !matches!(before, Some(b'@' | b'.' | b'/'))) {
            continue;
        }
        let line = ix.line_of(start);
        let msg = &segs.messages[segs.line_message[line]];
        let heading = line < msg.first_line + 6;
        let sign_off = matches!(segs.line_zone[line], ZoneKind::Signature | ZoneKind::Footer);
        let salutation = text[ix.line_starts[line]..start].trim_start().starts_with("Dear");
        let w = match (msg.role, msg.quoted) {
            (Role::Authority, false) if heading || sign_off => 6,
            (Role::Authority, true) if heading || sign_off => 4,
            (Role::Authority, _) => 1,
            (Role::Requester, _) if salutation => 4,
            (Role::Requester, _) => 1,
        } + if is_domain { 2 } else { 0 };
        let a = rules.alias_owner[alias];
        score[a].0 += w;
        score[a].1 = score[a].1.min(start);
    }
    score.iter().enumerate().filter(|(_, s)| s.0 > 0).max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))).map(|(i, _)| i)
}

/// The shape of a public body's own name ("Frome Town Council", "University of Leicester",
/// "Tees Valley Combined Authority"): the fallback when no listed authority is named, since no
/// list holds every parish council, academy trust or housing association.
fn body_name() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(?:University\s+of\s+(?:[A-Z][a-z]+)(?:\s+(?:and\s+)?[A-Z][a-z]+){0,2}|(?:[A-Z][A-Za-z’'&-]+[ \t]+(?:(?:and|of|&)[ \t]+)?){1,5}(?:University|Town\s+Council|Parish\s+Council|City\s+Council|County\s+Council|District\s+Council|Borough\s+Council|National\s+Park\s+Authority|Combined\s+Authority|Housing\s+Association|NHS\s+(?:Foundation\s+)?Trust|Health\s+Board|Fire\s+and\s+Rescue\s+Service|Academy\s+Trust|Federation|Council))\b",
        )
        .expect("body name pattern")
    })
}

/// A body's name as the letter writes it in the heads and sign-offs of the authority's own
/// messages, when no listed authority is found: the name written there most often, the first
/// seen on ties. Words that open a sentence ("Dear", "The", "Our") are not part of it.
pub fn named_in_letter(text: &str, segs: &Segments, ix: &TextIndex) -> Option<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for m in segs.messages.iter().filter(|m| m.role == Role::Authority && !m.quoted) {
        for l in m.first_line..m.last_line {
            let heading = l < m.first_line + 8;
            if !(heading || matches!(segs.line_zone[l], ZoneKind::Signature | ZoneKind::Footer | ZoneKind::Body)) {
                continue;
            }
            let (s, e) = ix.line_range(text, l);
            for hit in body_name().find_iter(&text[s..e]) {
                let name = hit
                    .as_str()
                    .split_whitespace()
                    .skip_while(|w| matches!(*w, "Dear" | "The" | "Our" | "To" | "From" | "At" | "In" | "By" | "For" | "Yours"))
                    .collect::<Vec<_>>()
                    .join(" ");
                if name.split_whitespace().count() < 2 || name.contains("Commissioner") {
                    continue;
                }
                let weight = if heading || segs.line_zone[l] != ZoneKind::Body { 2 } else { 1 };
                match seen.iter_mut().find(|(n, _)| *n == name) {
                    Some(entry) => entry.1 += weight,
                    None => seen.push((name, weight)),
                }
            }
        }
    }
    // max_by_key keeps the last of equals: walk in reverse so the first seen wins ties.
    seen.into_iter().rev().max_by_key(|(_, w)| *w).map(|(n, _)| n)
}
