//! Checking each rule against its own examples (used by the compiler and `foitag rules test`).
use super::Rule;
use std::fmt;

/// One example that did not behave as the rule says.
#[derive(Debug, Clone)]
pub enum Failure {
    /// A `match` example the rule does not match.
    Missed(String, String),
    /// A `no-match` example the rule matches.
    Unexpected(String, String),
}

impl Failure {
    /// The example text.
    pub fn example(&self) -> &str {
        match self {
            Failure::Missed(_, e) | Failure::Unexpected(_, e) => e,
        }
    }
    /// Diagnostic code.
    pub fn code(&self) -> &'static str {
        match self {
            Failure::Missed(..) => "E007",
            Failure::Unexpected(..) => "E008",
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Missed(id, e) => write!(f, "rule `{id}` does not match its example {e:?}"),
            Failure::Unexpected(id, e) => write!(f, "rule `{id}` matches its no-match example {e:?}"),
        }
    }
}

/// All example failures of one rule.
pub fn check(rule: &Rule) -> Vec<Failure> {
    let mut out = Vec::new();
    for e in &rule.matches {
        if !rule.matches_text(e) {
            out.push(Failure::Missed(rule.id.clone(), e.clone()));
        }
    }
    for e in &rule.no_match {
        if rule.matches_text(e) {
            out.push(Failure::Unexpected(rule.id.clone(), e.clone()));
        }
    }
    out
}
