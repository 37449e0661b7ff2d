//! Roles: who wrote each message (authority or requester), from its head line and role signals.
use super::segment::Segments;
use super::SignalHit;
use crate::rules::RuleSet;
use crate::text::TextIndex;
use crate::vocab::{Role, Signal, ZoneKind};

/// Give each message its role: the requester's when its requester cues outweigh its authority
/// cues. A message whose first line names a known authority (a thread entry "Kent Police
/// 3 May 2024", a letterhead) counts as the authority's unless its text says otherwise.
pub fn assign(rules: &RuleSet, text: &str, index: &TextIndex, segments: &mut Segments, signals: &[SignalHit]) {
    let mut score: Vec<i32> = segments.messages.iter().map(|m| if headed(rules, text, index, m) { -HEADING_WEIGHT } else { 0 }).collect();
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

/// Weight of a first line that names a known authority, as a cue for the authority's role.
pub const HEADING_WEIGHT: i32 = 3;

/// Whether the message's first non-blank line names a known authority (a role cue worth
/// [`HEADING_WEIGHT`]).
pub fn headed(rules: &RuleSet, text: &str, index: &TextIndex, m: &super::Message) -> bool {
    let first = (m.first_line..m.last_line).map(|l| index.line_range(text, l)).find(|&(s, e)| !text[s..e].trim().is_empty());
    first.is_some_and(|(s, e)| {
        e - s <= 100 && rules.authority_ac.find(&text[s..e]).is_some() && !text[s..e].trim_start().starts_with("Dear")
    })
}

/// Lines of requester messages and quoted e-mails count as quoted history, whatever their zone.
pub fn effective_zone(segments: &Segments, message: usize, zone: ZoneKind) -> ZoneKind {
    let m = &segments.messages[message];
    if (m.quoted || m.role == Role::Requester) && matches!(zone, ZoneKind::Body | ZoneKind::QuotedRequest) {
        ZoneKind::QuotedHistory
    } else {
        zone
    }
}
