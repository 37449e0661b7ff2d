//! Serde schema of rule files: what a user may write in `rules/*.toml`.
use crate::vocab::{BoundaryKind, Direction, Kind, ModStatus, Nation, Part, Scope, Signal, ZoneKind};
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
    /// Stable, unique id.
    pub id: String,
    /// What the rule is for, in words.
    pub description: String,
    /// What the rule produces (see [`Kind`]).
    pub kind: Kind,
    /// Literal strings (ASCII case-insensitive) of which one must occur for the rule to run.
    pub keywords: Vec<String>,
    /// Regexes (Rust `regex` syntax); a match of any is a match of the rule.
    pub patterns: Vec<String>,
    /// Patterns that cancel a match when they match the matched text.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Citation: `act` (FOIA/FOISA numbering) or `regs` (EIR/EISR numbering).
    /// Regime: `scotland`, `uk`, `environmental` or `act`.
    pub regime: Option<String>,
    /// Signal (see [`Signal`]).
    pub signal: Option<Signal>,
    /// Weight of a signal or regime cue.
    #[serde(default = "one")]
    pub weight: i32,
    /// Signal: still counts under a negation ("neither confirm nor deny" is itself negative,
    /// and a "does not apply" after it speaks of the duty to confirm, not of the NCND).
    #[serde(default)]
    pub ignores_negation: bool,
    /// Modifier status (see [`ModStatus`]).
    pub status: Option<ModStatus>,
    /// Modifier or other Act: which side of the cue it reaches (see [`Direction`]).
    #[serde(default)]
    pub direction: Direction,
    /// Modifier: how far it reaches (see [`Scope`]).
    #[serde(default)]
    pub scope: Scope,
    /// Zone kind (see [`ZoneKind`]).
    pub zone: Option<ZoneKind>,
    /// Heading: the part of the letter it opens (see [`Part`]).
    pub part: Option<Part>,
    /// Boundary role (see [`BoundaryKind`]).
    pub boundary: Option<BoundaryKind>,
    /// Title: regime scheme to section (`act = "31"`, `scotland = "35"`).
    pub sections: Option<BTreeMap<String, String>>,
    /// Texts the rule must and must not match.
    pub examples: Option<Examples>,
}

fn one() -> i32 {
    1
}

/// One public authority as written in `authorities.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAuthority {
    /// The name reported in output rows.
    pub name: String,
    /// Other names it is found by in a text.
    pub aliases: Vec<String>,
    /// E-mail domains of its staff.
    #[serde(default)]
    pub domains: Vec<String>,
    /// Its nation (see [`Nation`]).
    pub nation: Nation,
}
