//! How the fast path runs one pattern, read off its syntax tree once when the rules compile:
//! which literals give candidate starts, and how a literal hit maps to places a match may start.
//!
//! A pattern is split into a head and a rest; every match is a head match followed by a rest
//! match, and every rest match starts with one of the rest's prefix literals (the contract of
//! `regex_syntax`'s extractor). So from a literal hit at `p`, a match starts where the head can
//! end at `p`: exactly at `p` (empty head), at most `n` bytes before (short head), at a line
//! start from which only characters of one class lead to `p` (`^[ \t]*`-style heads), or
//! wherever a backwards run of the head from `p` ends. An alternation whose branches have no
//! common literals is split into one route per branch.
use super::skeleton::Skeleton;
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{self, Class, ClassBytes, ClassBytesRange, ClassUnicode, Dot, Hir, HirKind, Look};

/// Longest literal kept (a prefix of a literal is a literal too).
pub(super) const MAX_LITERAL: usize = 5;

/// How literal hits become candidate starts.
#[derive(Debug, Clone)]
pub(super) enum Back {
    /// At the hit.
    Exact,
    /// At any character boundary up to this many bytes before the hit.
    Upto(usize),
    /// At a line start (the pattern starts with `^`) followed only by characters of the class.
    Run(ClassUnicode),
    /// At the start of the hit's line: the pattern starts with `^` and this head cannot match a
    /// line break, so a match holding the hit starts there if anywhere.
    LineStart(Hir),
    /// Wherever this head matches up to the hit: found by running it backwards from the hit.
    Reverse(Hir),
}

/// One way into a pattern: literals, and where a match starts relative to their hits.
#[derive(Debug, Clone)]
pub(super) struct Route {
    pub lits: Vec<Vec<u8>>,
    pub back: Back,
    /// What the text must hold from a hit on, for the hit to give candidates.
    pub skeleton: Skeleton,
}

/// How a pattern is searched.
#[derive(Debug, Clone)]
pub(super) enum Mode {
    /// Anchored searches at the candidates of every route.
    Routes(Vec<Route>),
    /// The whole text, skipped when none of the required literals (if known) occurs.
    Full(Option<Vec<Vec<u8>>>),
}

/// The plan for one pattern.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    pub mode: Mode,
    /// Every match starts at `\b`, so a candidate inside a word cannot match.
    pub word_start: bool,
    /// Every match starts at `^`: `Some(true)` with `(?m)` (line starts), `Some(false)` without.
    pub line_start: Option<bool>,
}

impl Plan {
    /// Plan the pattern with syntax tree `hir`.
    pub(super) fn new(hir: &Hir) -> Plan {
        let parts = Part::all(&concat_parts(hir));
        let line_start = match parts.first().map(|p| p.hir.kind()) {
            Some(HirKind::Look(Look::StartLF)) => Some(true),
            Some(HirKind::Look(Look::Start)) => Some(false),
            _ => None,
        };
        let mode = match routes(&[], &parts, line_start.is_some(), 0) {
            Some((_, r)) => Mode::Routes(r),
            None => Mode::Full(required_literals(&extraction_form(hir, false))),
        };
        Plan { mode, word_start: starts_at_word_boundary(hir), line_start }
    }
}

/// The children of a concatenation (or the expression itself).
fn concat_parts(hir: &Hir) -> Vec<Hir> {
    match hir.kind() {
        HirKind::Concat(v) => v.clone(),
        _ => vec![hir.clone()],
    }
}

/// One child of a concatenation, with its extraction forms computed once.
#[derive(Clone)]
struct Part {
    hir: Hir,
    /// Extraction forms without and with split classes.
    forms: [Hir; 2],
    letter: bool,
}

impl Part {
    fn all(hirs: &[Hir]) -> Vec<Part> {
        hirs.iter()
            .map(|h| Part { hir: h.clone(), forms: [extraction_form(h, false), extraction_form(h, true)], letter: is_letter(h) })
            .collect()
    }
}

/// Split points tried per concatenation (fewer inside a branch), and parts after an
/// alternation kept for its branches: bounds the time spent planning.
const MAX_SPLITS: [usize; 2] = [16, 6];
const BRANCH_TAIL: usize = 3;

/// The cheapest routes into matches of `head` followed by `parts`, splitting after the head at
/// some point of `parts`; an alternation may get one route per branch instead.
fn routes(head: &[Hir], parts: &[Part], anchored: bool, depth: usize) -> Option<(f64, Vec<Route>)> {
    let mut best: Option<(f64, Vec<Route>)> = None;
    // Where the best single route splits: its skeleton is built once, for the winner only.
    let mut single = None;
    // Splitting inside a word gives nothing better than splitting before it.
    let splits = (0..parts.len()).filter(|&k| k == 0 || !parts[k - 1].letter);
    for k in splits.take(MAX_SPLITS[depth.min(1)]) {
        let head_parts = || head.iter().cloned().chain(parts[..k].iter().map(|p| p.hir.clone()));
        let kind = head_kind(head.iter().chain(parts[..k].iter().map(|p| &p.hir)), anchored);
        if let Some(lits) = best_literals(&parts[k..]) {
            let c = cost(&lits, &kind);
            if best.as_ref().is_none_or(|b| c < b.0) {
                let back = match kind {
                    Back::Reverse(_) => Back::Reverse(Hir::concat(head_parts().collect())),
                    Back::LineStart(_) => Back::LineStart(Hir::concat(head_parts().collect())),
                    other => other,
                };
                best = Some((c, vec![Route { lits, back, skeleton: Skeleton::default() }]));
                single = Some(k);
            }
        }
        if let (HirKind::Alternation(branches), true) = (parts[k].hir.kind(), depth < 2) {
            let h: Vec<Hir> = head_parts().collect();
            let tail = &parts[k + 1..parts.len().min(k + 1 + BRANCH_TAIL)];
            let split = branches.iter().try_fold((0.0, Vec::new()), |(c, mut all), b| {
                let mut bp = Part::all(&concat_parts(b));
                bp.extend(tail.iter().cloned());
                let (bc, r) = routes(&h, &bp, anchored, depth + 1)?;
                all.extend(r);
                Some((c + bc, all))
            });
            if let Some(f) = split {
                if best.as_ref().is_none_or(|b| f.0 < b.0) {
                    best = Some(f);
                    single = None;
                }
            }
        }
    }
    if let (Some(k), Some((_, rs))) = (single, best.as_mut()) {
        rs[0].skeleton = Skeleton::new(parts[k..].iter().map(|p| &p.hir));
    }
    best
}

/// A single character or literal: part of a word.
fn is_letter(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Literal(_) => true,
        HirKind::Class(Class::Unicode(c)) => single_letter(c).is_some(),
        _ => false,
    }
}

/// Prefix literals of `parts`, from whichever extraction form gives the cheaper set.
fn best_literals(parts: &[Part]) -> Option<Vec<Vec<u8>>> {
    // Literals are cut to a few bytes anyway, and any prefix of a concatenation gives prefix
    // literals of the whole: a few parts are enough, and keep planning quick.
    let few = &parts[..parts.len().min(12)];
    let form = |i: usize| Hir::concat(few.iter().map(|p| p.forms[i].clone()).collect());
    let a = prefix_literals(&form(0));
    let b = prefix_literals(&form(1));
    match (a, b) {
        (Some(a), Some(b)) => Some(if cost(&b, &Back::Exact) < cost(&a, &Back::Exact) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Rough expected number of candidates per text byte: common short literals cost most.
fn cost(lits: &[Vec<u8>], back: &Back) -> f64 {
    // Each hit also costs its own handling, whatever the literal.
    let hits: f64 = lits.iter().map(|l| frequency(l) + 1e-5).sum();
    hits * match back {
        Back::Exact => 1.0,
        Back::Run(_) => 1.5,
        // Hits on one line share their candidate, but each runs forward over the line.
        Back::LineStart(_) => 3.0,
        Back::Upto(n) => (n + 1) as f64,
        // A backwards search costs several forward ones.
        Back::Reverse(_) => 6.0,
    }
}

/// Common words of English letters and FOI replies, with their rough share of words.
const WORDS: &[(&str, f64)] = &[
    ("the", 0.05),
    ("of", 0.03),
    ("and", 0.028),
    ("to", 0.025),
    ("a", 0.022),
    ("in", 0.018),
    ("is", 0.01),
    ("you", 0.01),
    ("that", 0.01),
    ("it", 0.009),
    ("for", 0.008),
    ("we", 0.008),
    ("your", 0.008),
    ("information", 0.01),
    ("request", 0.008),
    ("be", 0.006),
    ("on", 0.006),
    ("this", 0.006),
    ("are", 0.005),
    ("have", 0.005),
    ("with", 0.005),
    ("as", 0.005),
    ("not", 0.005),
    ("section", 0.005),
    ("i", 0.005),
    ("by", 0.004),
    ("or", 0.004),
    ("will", 0.004),
    ("act", 0.004),
    ("has", 0.003),
    ("an", 0.003),
    ("at", 0.003),
    ("from", 0.003),
    ("any", 0.003),
    ("under", 0.003),
    ("can", 0.002),
    ("if", 0.002),
    ("which", 0.002),
    ("our", 0.002),
    ("would", 0.002),
    ("may", 0.002),
    ("been", 0.002),
    ("all", 0.002),
    ("was", 0.002),
    ("do", 0.002),
    ("no", 0.002),
    ("please", 0.002),
    ("held", 0.002),
    ("public", 0.002),
    ("disclosure", 0.002),
    ("provide", 0.002),
    ("review", 0.002),
    ("freedom", 0.002),
    ("there", 0.001),
    ("their", 0.001),
    ("these", 0.001),
    ("should", 0.001),
    ("data", 0.001),
    ("hold", 0.001),
    ("exempt", 0.001),
    ("time", 0.001),
    ("number", 0.001),
    ("dear", 0.001),
    ("also", 0.001),
    ("regards", 0.001),
    ("email", 0.001),
    // Common inside words.
    ("mail", 0.002),
    ("tion", 0.004),
    ("ing", 0.005),
];

/// Rough share of text positions where `lit` occurs: from its letters, plus the common words it
/// starts (whole or followed by a space).
fn frequency(lit: &[u8]) -> f64 {
    let letters: f64 = lit.iter().map(|&b| freq(b)).product();
    let words: f64 = WORDS
        .iter()
        .map(|&(w, p)| {
            let w = w.as_bytes();
            // Per text byte: about one word in every 5.5 bytes.
            let at = p / 5.5;
            if w.len() >= lit.len() && w[..lit.len()].eq_ignore_ascii_case(lit) {
                at
            } else if lit.len() == w.len() + 1 && lit[..w.len()].eq_ignore_ascii_case(w) {
                at * freq(lit[w.len()]) / 0.16 * 0.8
            } else {
                0.0
            }
        })
        .sum();
    letters + words
}

/// Rough frequency of a byte in English letters (either case, as literals are searched).
fn freq(b: u8) -> f64 {
    match b.to_ascii_lowercase() {
        b' ' => 0.16,
        b'e' => 0.10,
        b't' | b'a' | b'o' | b'i' | b'n' | b's' | b'r' | b'h' => 0.06,
        b'd' | b'l' | b'c' | b'u' | b'm' | b'f' | b'\n' => 0.03,
        b'w' | b'g' | b'y' | b'p' | b'b' | b',' | b'.' => 0.015,
        b'v' | b'k' | b'0'..=b'9' | b'-' | b'(' | b')' | b'\'' => 0.006,
        _ => 0.001,
    }
}

/// Where a match may start relative to where `head` ends (`Reverse` and `LineStart` with an
/// empty placeholder: the head is built only for the route finally chosen).
fn head_kind<'a>(head: impl Iterator<Item = &'a Hir> + Clone, anchored: bool) -> Back {
    let len = head.clone().try_fold(0usize, |n, h| Some(n + h.properties().maximum_len()?));
    match len {
        Some(0) => return Back::Exact,
        Some(n) if n <= 16 => return Back::Upto(n),
        _ => {}
    }
    // `^` then a repeated class: walk back over the class to a line start.
    let mut rest = head.clone().skip(1).filter(|h| h.properties().maximum_len() != Some(0));
    if let (true, Some(r), None) = (anchored, rest.next(), rest.next()) {
        if let HirKind::Repetition(rep) = r.kind() {
            if let (0, HirKind::Class(Class::Unicode(c))) = (rep.min, rep.sub.kind()) {
                return Back::Run(c.clone());
            }
        }
    }
    if anchored && !head.clone().skip(1).any(can_match_newline) {
        return Back::LineStart(Hir::empty());
    }
    Back::Reverse(Hir::empty())
}

/// Whether `hir` can match text holding a line feed (conservative: true when unsure).
fn can_match_newline(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(l) => l.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(c)) => c.ranges().iter().any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(c)) => c.ranges().iter().any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Repetition(r) => can_match_newline(&r.sub),
        HirKind::Capture(c) => can_match_newline(&c.sub),
        HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().any(can_match_newline),
    }
}

/// Lowercased literals every match starts with, prefix-minimised; `None` when there is no such
/// finite set of non-empty literals.
pub(super) fn prefix_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new().limit_literal_len(MAX_LITERAL).limit_total(600).extract(hir);
    // Cut to a few bytes: as selective in practice, and a small automaton stays in cache.
    let mut lits: Vec<Vec<u8>> = seq.literals()?.iter().map(|l| l.as_bytes()[..l.len().min(MAX_LITERAL)].to_ascii_lowercase()).collect();
    if lits.is_empty() || lits.iter().any(|l| l.is_empty()) {
        return None;
    }
    lits.sort();
    lits.dedup();
    // A literal that extends another adds no candidate. Sorted, a literal's kept prefix, if
    // any, is the last one kept (whatever sorts between a prefix and its extension extends it).
    let mut kept: Vec<Vec<u8>> = Vec::new();
    for l in lits {
        if !kept.last().is_some_and(|k| l.starts_with(k)) {
            kept.push(l);
        }
    }
    Some(kept)
}

/// Literals one of which every match contains somewhere, preferring longer ones.
fn required_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let shortest = |l: &Vec<Vec<u8>>| l.iter().map(Vec::len).min().unwrap_or(0);
    match hir.kind() {
        HirKind::Capture(c) => required_literals(&c.sub),
        HirKind::Repetition(r) if r.min > 0 => required_literals(&r.sub),
        HirKind::Alternation(v) => {
            let mut all = Vec::new();
            for b in v {
                all.extend(required_literals(b)?);
            }
            Some(all)
        }
        HirKind::Concat(v) => {
            (0..v.len()).filter_map(|i| prefix_literals(&Hir::concat(v[i..].to_vec()))).max_by_key(|l| (shortest(l), usize::MAX - l.len()))
        }
        _ => prefix_literals(hir),
    }
}

/// `hir` rewritten for literal extraction only: every class that is one ASCII letter and its
/// case variants becomes the lowercase letter (`(?i)neither` gives one literal, not 128), and
/// classes such as `\s` or `\d` keep their ASCII members while their non-ASCII members end the
/// literal after the first byte (the extractor gives up on classes of more than ten members).
/// Exact on texts without non-ASCII word characters (the case variants ſ and K are such).
pub(super) fn extraction_form(hir: &Hir, split: bool) -> Hir {
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => match single_letter(c) {
            Some(l) => Hir::literal([l]),
            None => split.then(|| split_class(c)).flatten().unwrap_or_else(|| hir.clone()),
        },
        HirKind::Repetition(r) => Hir::repetition(hir::Repetition { sub: Box::new(extraction_form(&r.sub, split)), ..r.clone() }),
        HirKind::Capture(c) => Hir::capture(hir::Capture { sub: Box::new(extraction_form(&c.sub, split)), ..c.clone() }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(|h| extraction_form(h, split)).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(|h| extraction_form(h, split)).collect()),
        _ => hir.clone(),
    }
}

/// A class with few ASCII members and non-ASCII members starting with few distinct bytes, as
/// "an ASCII member, or one of those first bytes followed by anything".
fn split_class(c: &ClassUnicode) -> Option<Hir> {
    let mut ascii = c.clone();
    ascii.intersect(&ClassUnicode::new([hir::ClassUnicodeRange::new('\0', '\x7f')]));
    let members: usize = ascii.iter().map(|r| r.len()).sum();
    let mut firsts = [false; 256];
    for r in c.iter() {
        // Every character of a range starts with a byte between those of its ends.
        let (a, b) = (r.start().max('\u{80}'), r.end());
        if a <= b {
            let (mut x, mut y) = ([0; 4], [0; 4]);
            let (fa, fb) = (a.encode_utf8(&mut x).as_bytes()[0], b.encode_utf8(&mut y).as_bytes()[0]);
            (fa..=fb).for_each(|f| firsts[usize::from(f)] = true);
        }
    }
    let firsts: Vec<u8> = (0..=255u8).filter(|&b| firsts[usize::from(b)]).collect();
    if members > 10 || firsts.is_empty() || firsts.len() > 10 {
        return None;
    }
    let lead = Hir::class(Class::Bytes(ClassBytes::new(firsts.iter().map(|&b| ClassBytesRange::new(b, b)))));
    let other = Hir::concat(vec![lead, Hir::dot(Dot::AnyByte)]);
    Some(if members == 0 { other } else { Hir::alternation(vec![Hir::class(Class::Unicode(ascii)), other]) })
}

/// The lowercase ASCII letter whose simple case closure is exactly `c`.
fn single_letter(c: &ClassUnicode) -> Option<u8> {
    if c.ranges().len() > 3 {
        return None;
    }
    let chars: Vec<char> = c.iter().flat_map(|r| r.start()..=r.end()).take(5).collect();
    if chars.len() > 4 {
        return None;
    }
    let l = chars.iter().find(|c| c.is_ascii_alphabetic())?.to_ascii_lowercase();
    let mut closure = ClassUnicode::new([hir::ClassUnicodeRange::new(l, l)]);
    closure.case_fold_simple();
    (closure == *c).then_some(l as u8)
}

/// `hir` as it runs on texts without non-ASCII word characters: Unicode word boundaries made
/// ASCII ones, and classes stripped of the non-ASCII word characters such texts cannot hold
/// when that makes them smaller (`\w` and `\d` become ASCII; `[^\n]` stays as it is). Unicode
/// `\w` is most of the size of a pattern's automata, so this makes them several times smaller
/// and quicker to build.
pub(super) fn ascii_twin(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            let mut narrow = c.clone();
            narrow.difference(non_ascii_word());
            if narrow.ranges().len() < c.ranges().len() {
                Hir::class(Class::Unicode(narrow))
            } else {
                hir.clone()
            }
        }
        HirKind::Look(l) => Hir::look(match l {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Repetition(r) => Hir::repetition(hir::Repetition { sub: Box::new(ascii_twin(&r.sub)), ..r.clone() }),
        HirKind::Capture(c) => Hir::capture(hir::Capture { sub: Box::new(ascii_twin(&c.sub)), ..c.clone() }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(ascii_twin).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(ascii_twin).collect()),
        _ => hir.clone(),
    }
}

/// The non-ASCII characters of `\w`.
fn non_ascii_word() -> &'static ClassUnicode {
    static CLASS: std::sync::OnceLock<ClassUnicode> = std::sync::OnceLock::new();
    CLASS.get_or_init(|| {
        let HirKind::Class(Class::Unicode(w)) = regex_syntax::parse(r"\w").expect("\\w parses").into_kind() else {
            unreachable!("\\w is a Unicode class")
        };
        let mut w = w;
        w.intersect(&ClassUnicode::new([hir::ClassUnicodeRange::new('\u{80}', char::MAX)]));
        w
    })
}

/// Whether every match starts with a word-boundary assertion that fails inside a word.
fn starts_at_word_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(l) => matches!(
            l,
            Look::WordUnicode
                | Look::WordAscii
                | Look::WordStartUnicode
                | Look::WordStartAscii
                | Look::WordStartHalfUnicode
                | Look::WordStartHalfAscii
        ),
        HirKind::Concat(v) => v.first().is_some_and(starts_at_word_boundary),
        HirKind::Capture(c) => starts_at_word_boundary(&c.sub),
        HirKind::Alternation(v) => v.iter().all(starts_at_word_boundary),
        _ => false,
    }
}
