//! Rules: the TOML schema, the compiler and the immutable [`RuleSet`] shared by all threads.
pub mod compile;
pub mod diag;
pub mod examples;
pub(crate) mod matcher;
pub mod rule;
pub mod schema;

pub use crate::vocab::{BoundaryKind, Direction, Kind, ModStatus, Nation, Part, RegimeCue, Scheme, Scope, Signal, ZoneKind};
use aho_corasick::AhoCorasick;
pub use matcher::AliasHit;
pub use rule::{Pattern, Produces, Rule, RuleMatch};

/// Default rule files, embedded in the binary.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("rules/citations.toml", include_str!("../../rules/citations.toml")),
    ("rules/titles.toml", include_str!("../../rules/titles.toml")),
    ("rules/other-acts.toml", include_str!("../../rules/other-acts.toml")),
    ("rules/regime.toml", include_str!("../../rules/regime.toml")),
    ("rules/zones.toml", include_str!("../../rules/zones.toml")),
    ("rules/structure.toml", include_str!("../../rules/structure.toml")),
    ("rules/modifiers.toml", include_str!("../../rules/modifiers.toml")),
    ("rules/outcomes.toml", include_str!("../../rules/outcomes.toml")),
    ("rules/roles.toml", include_str!("../../rules/roles.toml")),
    ("rules/authorities.toml", include_str!("../../rules/authorities.toml")),
];

/// Where the rules come from: the embedded defaults, a folder of the user's, or both.
#[derive(Debug, Clone, Copy)]
pub struct RuleSources<'a> {
    /// A folder whose `*.toml` files are added (after the defaults, when taken).
    pub dir: Option<&'a std::path::Path>,
    /// Take the embedded defaults (`--no-default-rules` leaves them out: a copied and edited
    /// `rules/` folder then replaces them instead of redefining every id).
    pub defaults: bool,
}

impl RuleSources<'_> {
    /// The sources, file name and text: the defaults (if taken), then the folder's files sorted
    /// by name. A folder without rule files is an error, as is no rules at all.
    fn read(&self) -> Result<Vec<(String, String)>, diag::RuleErrors> {
        let one = |msg: String| diag::RuleErrors(vec![diag::Diagnostic::at(diag::Severity::Error, "E000", &self.where_(), "", 0, msg)]);
        let mut all = compile::sources(self.dir).map_err(|d| diag::RuleErrors(vec![d]))?;
        if self.dir.is_some() && all.len() == DEFAULT_FILES.len() {
            return Err(one("no rule files (*.toml) in the rules folder".into()));
        }
        // A folder's file is named as found; one that would share a default's name (`--rules
        // rules`) is written `./rules/...`, so that messages and `rules list` tell them apart.
        for (name, _) in &mut all[DEFAULT_FILES.len()..] {
            if DEFAULT_FILES.iter().any(|(n, _)| n == name) {
                *name = format!("./{name}");
            }
        }
        if !self.defaults {
            if self.dir.is_none() {
                return Err(one("no rules: --no-default-rules needs --rules DIR".into()));
            }
            all.drain(..DEFAULT_FILES.len());
        }
        Ok(all)
    }

    fn where_(&self) -> String {
        self.dir.map_or_else(|| "rules".to_string(), |d| d.display().to_string())
    }
}

/// One known public authority.
#[derive(Debug)]
pub struct Authority {
    /// The name reported in output rows.
    pub name: String,
    /// Other names it is found by in a text (ASCII case-insensitive).
    pub aliases: Vec<String>,
    /// E-mail domains of its staff, for the sender of a message.
    pub domains: Vec<String>,
    /// Its nation: a Scottish body's numbers default to FOISA and EISR.
    pub nation: Nation,
}

/// The immutable compiled rule set.
#[derive(Debug)]
pub struct RuleSet {
    /// Every rule, in file order, defaults first.
    pub rules: Vec<Rule>,
    /// Every known authority.
    pub authorities: Vec<Authority>,
    /// Keyword automaton over every rule's keywords, with the patterns' prefix literals.
    pub(crate) prefilter: matcher::Prefilter,
    /// Alias and domain automaton; pattern index -> authority index.
    pub(crate) authority_ac: AhoCorasick,
    pub(crate) alias_owner: Vec<usize>,
    /// Warnings found while compiling.
    pub warnings: Vec<diag::Diagnostic>,
}

impl RuleSet {
    /// Compile the embedded default rules.
    pub fn defaults() -> Result<RuleSet, diag::RuleErrors> {
        RuleSet::load(None)
    }

    /// Compile the defaults plus every `*.toml` in `dir` (if given). The files of `dir` are
    /// checked in full, examples included; the embedded defaults, which the test suite checks,
    /// are not checked again at every start (see [`RuleSet::load_checked`]).
    pub fn load(dir: Option<&std::path::Path>) -> Result<RuleSet, diag::RuleErrors> {
        RuleSet::load_from(&RuleSources { dir, defaults: true })
    }

    /// [`RuleSet::load`], checking the embedded defaults' examples too (`foitag rules test`).
    pub fn load_checked(dir: Option<&std::path::Path>) -> Result<RuleSet, diag::RuleErrors> {
        RuleSet::load_checked_from(&RuleSources { dir, defaults: true })
    }

    /// Compile the rules `from` names: the files of a folder are checked in full, the embedded
    /// defaults (when taken) are trusted, as in [`RuleSet::load`].
    pub fn load_from(from: &RuleSources) -> Result<RuleSet, diag::RuleErrors> {
        compile::compile_trusting(&from.read()?, if from.defaults { DEFAULT_FILES.len() } else { 0 })
    }

    /// [`RuleSet::load_from`], checking every example, the defaults' too.
    pub fn load_checked_from(from: &RuleSources) -> Result<RuleSet, diag::RuleErrors> {
        compile::compile(&from.read()?)
    }

    /// Whether a rule came from the embedded defaults rather than a `--rules` folder.
    pub fn is_default(rule: &Rule) -> bool {
        DEFAULT_FILES.iter().any(|(name, _)| *name == rule.file)
    }

    /// Look up a rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Every rule match in `text`, grouped by rule, and the authority aliases in it
    /// (leftmost-longest, without overlaps). A rule runs only when one of its keywords occurs,
    /// and its patterns only where a match could start (see [`matcher`]): the same matches as
    /// running every pattern over the whole text.
    pub fn matches(&self, text: &str) -> (Vec<(usize, RuleMatch)>, Vec<AliasHit>) {
        crate::timings::stage(crate::timings::Stage::Match, || self.matches_untimed(text))
    }

    fn matches_untimed(&self, text: &str) -> (Vec<(usize, RuleMatch)>, Vec<AliasHit>) {
        // `(?i)` patterns fold case by Unicode rules, so 'ſ' (U+017F) matches `s` and the Kelvin
        // sign (U+212A) matches `k`; the keyword automaton is ASCII case-insensitive and misses
        // them. A text with either runs every rule over the whole text, so that a rule's hits
        // never depend on whether one of its keywords happens to occur elsewhere in the text.
        if text.contains(['\u{17f}', '\u{212a}']) {
            let mut out = Vec::new();
            let mut buf = Vec::new();
            for (ri, rule) in self.rules.iter().enumerate() {
                buf.clear();
                rule.find_all(text, &mut buf);
                out.extend(buf.iter().map(|m| (ri, *m)));
            }
            return (out, self.aliases_in(text));
        }
        let (matches, mut aliases) = self.prefilter.rule_matches(&self.rules, text);
        matcher::leftmost_longest(&mut aliases);
        (matches, aliases)
    }

    /// Alias occurrences in `text` by the authority automaton alone: leftmost first, the longest
    /// of those starting at one place (the first listed of equal ones), none overlapping.
    pub fn aliases_in(&self, text: &str) -> Vec<AliasHit> {
        self.authority_ac.find_iter(text).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect()
    }

    /// The authority named by an e-mail sender ("FOI Team, Kent Police <foi@kent.police.uk>").
    pub fn authority_of_sender(&self, sender: &str) -> Option<usize> {
        self.authority_ac.find_iter(sender).map(|m| self.alias_owner[m.pattern().as_usize()]).next()
    }
}
