//! Scanning one document with a [`RuleSet`], stage by stage in pipeline order: rule matches,
//! line marks, segments, cues, roles, regime, authority, citations with their status. The
//! result keeps byte offsets into the original text.
pub mod authority;
pub mod canon;
pub mod citations;
pub mod cite;
pub mod cues;
pub mod items;
pub mod marks;
pub mod parts;
pub mod regime;
pub mod roles;
pub mod segment;
pub mod status;

use crate::rules::RuleSet;
use crate::text::TextIndex;
use crate::vocab::{ModStatus, Signal, ZoneKind};
pub use canon::{Canon, Regime};
pub use regime::RegimeScore;
pub use segment::{Message, Role, Segments};
pub use status::Status;

/// Rule matches and authority aliases of a text, as [`RuleSet::matches`] gives them.
pub type Matches = (Vec<(usize, crate::rules::RuleMatch)>, Vec<crate::rules::AliasHit>);

/// The run of `all` (sorted by `key`) whose key lies in `lo..hi`: findings are sorted by
/// position, hence by message too, so a span's or a message's own are one slice. Filtering all
/// of them per message or per answer instead is quadratic on a thread of thousands of e-mails.
pub fn within<T>(all: &[T], lo: usize, hi: usize, key: impl Fn(&T) -> usize) -> &[T] {
    let a = all.partition_point(|x| key(x) < lo);
    let b = a + all[a..].partition_point(|x| key(x) < hi);
    &all[a..b]
}

/// One provision named by a citation, with its status.
#[derive(Debug, Clone)]
pub struct Item {
    /// The provision in canonical form.
    pub canon: Canon,
    /// What the letter does with it.
    pub status: Status,
}

/// A citation found in the text: one span, one or more provisions.
#[derive(Debug, Clone)]
pub struct Citation {
    /// Byte offset where the citation starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// Index of the rule that found it.
    pub rule: usize,
    /// Message it stands in.
    pub message: usize,
    /// Zone it stands in (quoted history for requester messages).
    pub zone: ZoneKind,
    /// The provisions it names.
    pub items: Vec<Item>,
    /// Why the status was given, in words.
    pub reason: String,
    /// Rule of the modifier that decided the status, if any.
    pub cue_rule: Option<usize>,
    /// Named by its title only ("the law enforcement exemption").
    pub title_only: bool,
}

/// A signal hit (outcome cue, NCND, role...), possibly neutralised by a modifier.
#[derive(Debug, Clone)]
pub struct SignalHit {
    /// What the cue says.
    pub name: Signal,
    /// Weight of the cue (from its rule).
    pub weight: i32,
    /// Byte offset where the cue starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// Index of the rule that found it.
    pub rule: usize,
    /// Message it stands in.
    pub message: usize,
    /// Zone it stands in.
    pub zone: ZoneKind,
    /// A modifier in scope (hypothetical, negated...), if any.
    pub modifier: Option<(ModStatus, usize)>,
    /// Part of the letter it stands in.
    pub part: crate::vocab::Part,
    /// Counts under a negation too (the rule's `ignores-negation`).
    pub ignores_negation: bool,
}

impl SignalHit {
    /// Counts towards the message's kind: in the body and not neutralised.
    pub fn active(&self) -> bool {
        // A signal still counts inside an applying frame or a provisional one ("we have not yet
        // reached a decision" is itself the extension).
        self.zone == ZoneKind::Body
            && self.part.decides()
            && !(self.part == crate::vocab::Part::Reasons && self.name.argues())
            && self.modifier.is_none_or(|(m, _)| {
                matches!(m, ModStatus::Applied | ModStatus::Provisional | ModStatus::Historical)
                    || (self.ignores_negation && m == ModStatus::Negated)
            })
    }
}

/// Everything found in one document.
#[derive(Debug)]
pub struct Scan<'t> {
    /// The scanned text.
    pub text: &'t str,
    /// Line and sentence offsets of the text.
    pub index: TextIndex,
    /// Messages, and the zone and message of every line.
    pub segments: Segments,
    /// Every citation, sorted by position.
    pub citations: Vec<Citation>,
    /// Every signal hit, sorted by position.
    pub signals: Vec<SignalHit>,
    /// Per message: is it under Scottish law.
    pub scotland: Vec<bool>,
    /// Per message regime evidence.
    pub regime_scores: Vec<RegimeScore>,
    /// Index of the detected authority in the rule set.
    pub authority: Option<usize>,
    /// Numbered questions of the request and the answers given to them.
    pub items: Vec<items::Item>,
    /// Runs of figures (tables, lists of counts) in authority messages.
    pub figures: Vec<items::Figures>,
    /// Per message: figures its own prose states (counts and amounts, see [`items::prose_figures`]).
    pub prose_figures: Vec<usize>,
    /// How the document was divided into messages.
    pub layout: Layout,
}

/// How a document is divided into messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Messages, roles and zones inferred from boundary, zone and role rules.
    #[default]
    Inferred,
    /// One authority message, only its footer, signature and page furniture set apart: the
    /// conservative reading when the inferred layout leaves no decision to read.
    Flat,
    /// The inferred messages, none of them read as quoted: an e-mail chain whose top message
    /// only acknowledges or delays, over the decision it quotes (newest first, so the first
    /// decision in the text is the latest).
    Unquoted,
}

/// Scan `text` with `rules`. `authority_hint` (from metadata) takes precedence over detection.
pub fn scan<'t>(rules: &RuleSet, text: &'t str, authority_hint: Option<usize>) -> Scan<'t> {
    scan_with(rules, text, authority_hint, Layout::Inferred)
}

/// [`scan`] with a given layout.
pub fn scan_with<'t>(rules: &RuleSet, text: &'t str, authority_hint: Option<usize>, layout: Layout) -> Scan<'t> {
    scan_matched(rules, text, &rules.matches(text), authority_hint, layout)
}

/// [`scan_with`] over the rule matches and aliases of [`RuleSet::matches`], found once for
/// every layout a text is read in.
pub fn scan_matched<'t>(rules: &RuleSet, text: &'t str, found: &Matches, authority_hint: Option<usize>, layout: Layout) -> Scan<'t> {
    let (matches, aliases) = (&found.0, &found.1);
    let mut lap = crate::timings::Lap::start();
    let index = TextIndex::new(text);
    let mut marks = marks::line_marks(rules, text, &index, matches);
    lap.done(crate::timings::Stage::Marks);
    if layout == Layout::Flat {
        marks.flatten();
    }
    let mut segments = segment::segment(text, &index, &marks, layout == Layout::Unquoted);
    segments.line_part = parts::assign(text, &index, &segments, &marks);
    lap.done(crate::timings::Stage::Segment);
    let mut cues = cues::collect(rules, matches, &segments, &index);
    if layout != Layout::Flat {
        roles::assign(rules, text, &index, &mut segments, &cues.signals);
    }
    let mut signals = std::mem::take(&mut cues.signals);
    let ctx = cues.context(text, &index);
    cues::place_signals(&mut signals, &segments, &ctx);
    lap.done(crate::timings::Stage::Cues);
    let (regime_scores, doc_regime) = regime::score(&cues.regime, &segments, &index, &ctx);
    let authority = authority_hint.or_else(|| authority::detect(rules, text, &segments, &index, aliases));
    let scotland = regime::scottish(rules, &regime_scores, &doc_regime, authority);
    lap.done(crate::timings::Stage::Regime);
    let mut citations = citations::build(rules, matches, &segments, &scotland, &ctx, &signals);
    lap.done(crate::timings::Stage::Citations);
    let (items, figures, prose_figures) = items::find(text, &index, &segments);
    items::quote_questions(&items, &mut citations, &mut signals);
    lap.done(crate::timings::Stage::Items);
    Scan { text, index, segments, citations, signals, scotland, regime_scores, authority, items, figures, prose_figures, layout }
}
