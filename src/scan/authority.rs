//! Authority: which public authority wrote a document, from where its aliases stand.
use super::segment::Segments;
use crate::rules::{AliasHit, RuleSet};
use crate::text::TextIndex;
use crate::vocab::{Role, ZoneKind};

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
