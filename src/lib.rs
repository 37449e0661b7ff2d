//! foitag: classify UK Freedom of Information responses.
//!
//! The pipeline: rule files are compiled once into an immutable [`rules::RuleSet`]; [`scan::scan`]
//! takes the rule set and a text and returns findings with byte spans (messages, zones,
//! citations with their status, signals); [`verdict::resolve`] turns findings into a verdict
//! (outcome, NCND, cited and mentioned grounds); [`output`] holds the row types and their
//! writers. [`run::Runner`] drives load → analyse → row over many inputs, in parallel and in
//! input order; [`tag`] and [`eval`] say what each input becomes, [`explain`] renders the
//! report for a person.
//!
//! ```
//! let rules = foitag::rules::RuleSet::defaults().unwrap();
//! let a = foitag::analyse(&rules, "Dear Mr Smith,\nYour request is refused under section 14(1) of the Act as vexatious.\nYours sincerely", None);
//! assert_eq!(a.verdict.outcome, foitag::vocab::Outcome::Refused);
//! assert!(a.verdict.cited.contains("foia:s14"));
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(missing_docs)]

pub mod columns;
pub mod compare;
pub mod document;
pub mod eval;
pub mod explain;
pub mod grounds;
pub mod input;
pub mod json;
pub mod output;
pub mod overrides;
pub mod rules;
pub mod run;
pub mod scan;
pub mod serve;
pub mod tag;
pub mod text;
pub mod timings;
pub mod verdict;
pub mod vocab;

/// A document's scan, verdict and authority.
#[derive(Debug)]
pub struct Analysis<'t> {
    /// The findings, with byte spans into the text.
    pub scan: scan::Scan<'t>,
    /// What the findings add up to.
    pub verdict: verdict::Verdict,
    /// The authority: from the source's metadata, else detected in the text.
    pub authority: Option<String>,
}

/// Analyse a loaded document. Authority precedence: the source's own value (manifest, JSON,
/// archive), then the e-mail sender, then detection in the text.
pub fn analyse_document<'t>(rules: &rules::RuleSet, doc: &'t document::Document) -> Analysis<'t> {
    if doc.meta.authority.is_some() {
        return analyse(rules, &doc.text, doc.meta.authority.as_deref());
    }
    let from_sender = doc.meta.sender.as_deref().and_then(|s| rules.authority_of_sender(s));
    analyse(rules, &doc.text, from_sender.map(|i| rules.authorities[i].name.as_str()))
}

/// Scan and resolve one text. `authority` (from metadata) takes precedence over detection.
pub fn analyse<'t>(rules: &rules::RuleSet, text: &'t str, authority: Option<&str>) -> Analysis<'t> {
    let hint = authority.and_then(|a| rules.authorities.iter().position(|x| x.name.eq_ignore_ascii_case(a)));
    let found = rules.matches(text);
    let mut scan = scan::scan_matched(rules, text, &found, hint, scan::Layout::Inferred);
    let mut verdict = verdict::resolve(&scan);
    // No zone may swallow the decision: when the inferred layout leaves nothing decided, read
    // the text again as one authority message, and say so.
    if verdict.outcome == vocab::Outcome::Unknown {
        let flat = scan::scan_matched(rules, text, &found, hint, scan::Layout::Flat);
        let again = verdict::resolve(&flat);
        if again.outcome != vocab::Outcome::Unknown {
            (scan, verdict) = (flat, again);
        }
    }
    // A status message over a quoted decision ("your review request is logged" above the
    // refusal it concerns): the quoted decision is still the latest one.
    let quoted_reply = scan.segments.messages.iter().any(|m| m.quoted && m.role == vocab::Role::Authority);
    if !verdict.outcome.is_decision() && verdict.outcome != vocab::Outcome::Unknown && quoted_reply {
        let unquoted = scan::scan_matched(rules, text, &found, hint, scan::Layout::Unquoted);
        let again = verdict::resolve(&unquoted);
        if again.outcome.is_decision() {
            (scan, verdict) = (unquoted, again);
        }
    }
    let detected = scan
        .authority
        .map(|i| rules.authorities[i].name.clone())
        .or_else(|| scan::authority::named_in_letter(text, &scan.segments, &scan.index));
    Analysis { authority: authority.map(str::to_string).or(detected), scan, verdict }
}
