//! The outcome vocabulary of `foitag tag`, split into decisions and non-decisions.

/// Outcomes that decide a request; only these enter a rate's denominator.
pub const DECISIONS: [&str; 7] = ["provided", "partial", "refused", "not_held", "review_upheld", "review_overturned", "review_partial"];

/// Outcomes that are not (yet) a decision: counted, never in a denominator.
pub const NON_DECISIONS: [&str; 5] = ["acknowledgement", "extension", "clarification", "unknown", "error"];

/// Decision outcomes that always get a share measure, even when absent from a run,
/// so reports from different runs line up.
pub const ALWAYS_MEASURED: [&str; 4] = ["provided", "partial", "refused", "not_held"];

/// Index into [`DECISIONS`] or [`NON_DECISIONS`], tagged by which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Index into [`DECISIONS`].
    Decision(usize),
    /// Index into [`NON_DECISIONS`].
    NonDecision(usize),
}

impl Outcome {
    /// Parse a tags-CSV value; `None` if unknown. Case, surrounding space and
    /// `not held` / `not-held` spellings are tolerated for hand-edited files.
    pub fn parse(s: &str) -> Option<Outcome> {
        let s = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        if let Some(i) = DECISIONS.iter().position(|d| *d == s) {
            return Some(Outcome::Decision(i));
        }
        NON_DECISIONS.iter().position(|d| *d == s).map(Outcome::NonDecision)
    }

    /// Canonical name.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Decision(i) => DECISIONS[i],
            Outcome::NonDecision(i) => NON_DECISIONS[i],
        }
    }

    /// True for outcomes that count in denominators.
    pub fn is_decision(self) -> bool {
        matches!(self, Outcome::Decision(_))
    }
}
