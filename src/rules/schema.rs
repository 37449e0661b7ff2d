//! Serde schema of rule files: what a user may write in `rules/*.toml`.
use serde::Deserialize;
use std::collections::BTreeMap;

/// The top level of one rule file, with each rule kept as a spanned table so that
/// every rule can be checked on its own and errors located precisely.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// Ids of rules (from the defaults or earlier files) to switch off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// The rules of this file.
    #[serde(default)]
    pub rule: Vec<toml::Spanned<toml::Table>>,
    /// Public authorities (only in authority files).
    #[serde(default)]
    pub authority: Vec<toml::Spanned<toml::Table>>,
}

/// What a rule produces when it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A section or regulation reference; the `list` capture is parsed into ids.
    Citation,
    /// An exemption named by its title only; `sections` maps regime to section.
    Title,
    /// A cue for the kind of message, NCND, refusal frames, roles (see `signal`).
    Signal,
    /// A context cue that gives citations in its scope a status (ConText style).
    Modifier,
    /// Ends a modifier's scope.
    Terminator,
    /// Marks a zone of a message (footer, quoted request, signature, web noise).
    Zone,
    /// A line that starts a new message (headers, openers) or closes one.
    Boundary,
    /// A cue for the legal regime of a message.
    Regime,
    /// The name of another Act: numbers next to it are not FOI citations.
    OtherAct,
}

/// A modifier's direction relative to its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Citations after the cue.
    #[default]
    Forward,
    /// Citations before the cue.
    Backward,
    /// Both sides.
    Both,
}

/// How far a modifier reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// To the end (or start) of the sentence.
    #[default]
    Sentence,
    /// To the end (or start) of the line.
    Line,
    /// To the end (or start) of the paragraph (blank line).
    Paragraph,
}

/// Examples a rule must and must not match.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Examples {
    /// Texts the rule must match.
    #[serde(rename = "match", default)]
    pub matches: Vec<String>,
    /// Texts the rule must not match.
    #[serde(default)]
    pub no_match: Vec<String>,
}

/// One rule as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRule {
    pub id: String,
    pub description: String,
    pub kind: Kind,
    /// Literal strings (ASCII case-insensitive) of which one must occur for the rule to run.
    pub keywords: Vec<String>,
    pub patterns: Vec<String>,
    /// Patterns that cancel a match when they match the matched text.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Citation: `act` (FOIA/FOISA numbering) or `regs` (EIR/EISR numbering).
    /// Regime: `scotland`, `england`, `environmental` or `act`.
    pub regime: Option<String>,
    /// Signal name (e.g. `acknowledgement`, `refusal`, `ncnd`, `role-requester`).
    pub signal: Option<String>,
    /// Weight of a signal or regime cue.
    #[serde(default = "one")]
    pub weight: i32,
    /// Signal: still counts under a negation ("neither confirm nor deny" is itself negative,
    /// and a "does not apply" after it speaks of the duty to confirm, not of the NCND).
    #[serde(default)]
    pub ignores_negation: bool,
    /// Modifier status: hypothetical, negated, explanatory, historical, reported, provisional.
    pub status: Option<String>,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub scope: Scope,
    /// Zone kind: footer, signature, web-noise, quoted-request, quoted-history.
    pub zone: Option<String>,
    /// Boundary role: header, opener, closing, response.
    pub boundary: Option<String>,
    /// Title: regime scheme to section (`act = "31"`, `scotland = "35"`).
    pub sections: Option<BTreeMap<String, String>>,
    pub examples: Option<Examples>,
}

fn one() -> i32 {
    1
}

/// One public authority as written in `authorities.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAuthority {
    pub name: String,
    pub aliases: Vec<String>,
    #[serde(default)]
    pub domains: Vec<String>,
    pub nation: String,
}
