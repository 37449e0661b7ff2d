//! One compiled rule: what it produces, its patterns, and how it matches a text.
use crate::vocab::{BoundaryKind, Direction, Kind, ModStatus, Part, RegimeCue, Scheme, Scope, Signal, ZoneKind};
use regex::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// What a compiled rule produces.
#[derive(Debug, Clone)]
pub enum Produces {
    /// A citation whose `list` capture is read under this numbering scheme.
    Citation(Scheme),
    /// Title-only citation: section under FOIA-family numbering and under FOISA numbering.
    Title {
        /// Section under FOIA-family numbering.
        act: Option<String>,
        /// Section under FOISA numbering.
        scotland: Option<String>,
    },
    /// A cue for the kind of message, NCND, a review result or a role.
    Signal {
        /// Which cue.
        name: Signal,
        /// How much one match counts.
        weight: i32,
        /// Still counts under a negating modifier.
        ignores_negation: bool,
    },
    /// A context cue giving citations in its scope a status.
    Modifier {
        /// The status given.
        status: ModStatus,
        /// Which side of the cue it reaches.
        direction: Direction,
        /// How far it reaches.
        scope: Scope,
    },
    /// Ends a modifier's scope.
    Terminator,
    /// Marks where a zone of a message starts.
    Zone(ZoneKind),
    /// A line role that shapes segmentation.
    Boundary(BoundaryKind),
    /// A heading opening a part of the letter.
    Heading(Part),
    /// A cue for the legal regime of a message.
    Regime {
        /// Which regime it points to.
        cue: RegimeCue,
        /// How much one match counts.
        weight: i32,
    },
    /// Another Act: forward marks numbers after the name ("PACE s24"), backward numbers before
    /// it ("s.60 of the CJPOA"), both either.
    OtherAct(Direction),
}

/// One compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable, unique id.
    pub id: String,
    /// What the rule is for, in words.
    pub description: String,
    /// The `kind` key as written.
    pub kind: Kind,
    /// Literals of which one must occur for the rule to run.
    pub keywords: Vec<String>,
    /// The patterns; a match of any is a match of the rule.
    pub regexes: Vec<Pattern>,
    /// Patterns that cancel a match when they match its text.
    pub unless: Vec<Regex>,
    /// What a match produces.
    pub produces: Produces,
    /// Examples the rule must match.
    pub matches: Vec<String>,
    /// Examples the rule must not match.
    pub no_match: Vec<String>,
    /// Rule file it came from.
    pub file: String,
}

impl Rule {
    /// Every match of the rule in `text` (all patterns, `unless` applied), as byte ranges
    /// with the capture `list` if present.
    pub fn find_all(&self, text: &str, out: &mut Vec<RuleMatch>) {
        for re in &self.regexes {
            for caps in re.regex().captures_iter(text) {
                let m = caps.get(0).expect("group 0");
                if m.is_empty() {
                    continue;
                }
                if self.unless.iter().any(|u| u.is_match(m.as_str())) {
                    continue;
                }
                let list = caps.name("list").map(|l| (l.start(), l.end()));
                out.push(RuleMatch { start: m.start(), end: m.end(), list });
            }
        }
    }

    /// Whether the rule matches `text` (prefilter keywords included).
    pub fn matches_text(&self, text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        if !self.keywords.iter().any(|k| lower.contains(&k.to_ascii_lowercase())) {
            return false;
        }
        let mut v = Vec::new();
        self.find_all(text, &mut v);
        !v.is_empty()
    }
}

/// One pattern of a rule: its source, and the regex, built when first needed. Scanning runs
/// the fast path's own compiled forms (see `scan::fast`); this regex serves the examples and
/// the rare texts the fast path leaves to it, so the embedded rules, whose patterns the test
/// suite compiles, need not build it at every start.
#[derive(Debug)]
pub struct Pattern {
    source: String,
    re: OnceLock<Regex>,
}

impl Pattern {
    /// A pattern checked already (`re` built from `source`), or to be built when first used.
    pub(crate) fn new(source: String, re: Option<Regex>) -> Pattern {
        let cell = OnceLock::new();
        if let Some(re) = re {
            let _ = cell.set(re);
        }
        Pattern { source, re: cell }
    }

    /// The pattern's source text.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The compiled regex.
    pub fn regex(&self) -> &Regex {
        self.re.get_or_init(|| build_regex(&self.source).expect("default rule patterns compile (checked by the tests)"))
    }
}

/// A match of a rule: byte span and optional `list` capture span.
#[derive(Debug, Clone, Copy)]
pub struct RuleMatch {
    /// Byte offset of the match's start.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// Byte span of the `list` capture, if the pattern has one and it took part.
    pub list: Option<(usize, usize)>,
}

/// Largest compiled program a pattern may have; bigger ones are rejected, not compiled.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A rule pattern's regex; oversized programs are rejected, not built.
pub(crate) fn build_regex(source: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(source).size_limit(REGEX_SIZE_LIMIT).build()
}
