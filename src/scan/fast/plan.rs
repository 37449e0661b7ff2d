//! How the fast path runs one pattern, read off its syntax tree once when the rules compile:
//! which literals give candidate starts, and how a literal hit maps to places a match may start.
//!
//! A pattern is split into a head and a rest; every match is a head match followed by a rest
//! match, and every rest match starts with one of the rest's prefix literals (the contract of
//! `regex_syntax`'s extractor). So from a literal hit at `p`, a match starts where the head can
//! end at `p`: exactly at `p` (empty head), at most `n` bytes before (short head), or at a line
//! start from which only characters of one class lead to `p` (`^[ \t]*`-style heads).
use regex_syntax::hir::literal::{rank, Extractor};
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
}

/// How a pattern is searched.
#[derive(Debug, Clone)]
pub(super) enum Mode {
    /// Anchored searches at the candidates derived from hits of these literals.
    Literals(Vec<Vec<u8>>, Back),
    /// Anchored searches at every line start (the pattern starts with `(?m)^`).
    Lines,
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
        let folded = extraction_form(hir);
        let parts: Vec<Hir> = match folded.kind() {
            HirKind::Concat(v) => v.clone(),
            _ => vec![folded.clone()],
        };
        let line_start = match parts.first().map(Hir::kind) {
            Some(HirKind::Look(Look::StartLF)) => Some(true),
            Some(HirKind::Look(Look::Start)) => Some(false),
            _ => None,
        };
        let mut best: Option<(f64, Vec<Vec<u8>>, Back)> = None;
        for k in 0..parts.len() {
            let Some(back) = head_back(&parts[..k], line_start.is_some()) else { continue };
            let Some(lits) = prefix_literals(&Hir::concat(parts[k..].to_vec())) else { continue };
            let c = cost(&lits, &back);
            if best.as_ref().is_none_or(|b| c < b.0) {
                best = Some((c, lits, back));
            }
        }
        let best = best.map(|(_, l, b)| (l, b));
        let mode = match best {
            Some((lits, back)) => Mode::Literals(lits, back),
            None if line_start == Some(true) => Mode::Lines,
            None => Mode::Full(required_literals(&folded)),
        };
        Plan { mode, word_start: starts_at_word_boundary(hir), line_start }
    }
}

/// Rough expected number of candidates per text byte: common short literals cost most.
fn cost(lits: &[Vec<u8>], back: &Back) -> f64 {
    // A byte's frequency guessed from its rank in regex-syntax's background distribution.
    let freq = |b: u8| 0.25 * ((f64::from(rank(b)) + 1.0) / 256.0).powi(4);
    let hits: f64 = lits.iter().map(|l| l.iter().map(|&b| freq(b)).product::<f64>() + 1e-6).sum();
    hits * match back {
        Back::Upto(n) => (n + 1) as f64,
        _ => 1.0,
    }
}

/// Where a match may start relative to where `head` ends, if that is usable.
fn head_back(head: &[Hir], anchored: bool) -> Option<Back> {
    let h = Hir::concat(head.to_vec());
    match h.properties().maximum_len() {
        Some(0) => return Some(Back::Exact),
        Some(n) if n <= 16 => return Some(Back::Upto(n)),
        _ => {}
    }
    // `^` then a repeated class: walk back over the class to a line start.
    if !anchored {
        return None;
    }
    let rest: Vec<&Hir> = head[1..].iter().filter(|h| h.properties().maximum_len() != Some(0)).collect();
    match rest.as_slice() {
        [r] => match r.kind() {
            HirKind::Repetition(rep) if rep.min == 0 => match rep.sub.kind() {
                HirKind::Class(Class::Unicode(c)) => Some(Back::Run(c.clone())),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Lowercased literals every match starts with, prefix-minimised; `None` when there is no such
/// finite set of non-empty literals.
pub(super) fn prefix_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new().extract(hir);
    // Cut to a few bytes: as selective in practice, and a small automaton stays in cache.
    let mut lits: Vec<Vec<u8>> =
        seq.literals()?.iter().map(|l| l.as_bytes()[..l.len().min(MAX_LITERAL)].to_ascii_lowercase()).collect();
    if lits.is_empty() || lits.iter().any(|l| l.is_empty()) {
        return None;
    }
    lits.sort();
    lits.dedup();
    // A literal that extends another adds no candidate.
    let mut kept: Vec<Vec<u8>> = Vec::new();
    for l in lits {
        if !kept.iter().any(|k| l.starts_with(k)) {
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
        HirKind::Concat(v) => (0..v.len())
            .filter_map(|i| prefix_literals(&Hir::concat(v[i..].to_vec())))
            .max_by_key(|l| (shortest(l), usize::MAX - l.len())),
        _ => prefix_literals(hir),
    }
}

/// `hir` rewritten for literal extraction only: every class that is one ASCII letter and its
/// case variants becomes the lowercase letter (`(?i)neither` gives one literal, not 128), and
/// classes such as `\s` or `\d` keep their ASCII members while their non-ASCII members end the
/// literal after the first byte (the extractor gives up on classes of more than ten members).
/// Exact on texts without non-ASCII word characters (the case variants ſ and K are such).
pub(super) fn extraction_form(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => match single_letter(c) {
            Some(l) => Hir::literal([l]),
            None => split_class(c).unwrap_or_else(|| hir.clone()),
        },
        HirKind::Repetition(r) => Hir::repetition(hir::Repetition { sub: Box::new(extraction_form(&r.sub)), ..r.clone() }),
        HirKind::Capture(c) => Hir::capture(hir::Capture { sub: Box::new(extraction_form(&c.sub)), ..c.clone() }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(extraction_form).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(extraction_form).collect()),
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
    let chars: Vec<char> = c.iter().flat_map(|r| r.start()..=r.end()).take(5).collect();
    if chars.len() > 4 {
        return None;
    }
    let l = chars.iter().find(|c| c.is_ascii_alphabetic())?.to_ascii_lowercase();
    let mut closure = ClassUnicode::new([hir::ClassUnicodeRange::new(l, l)]);
    closure.case_fold_simple();
    (closure == *c).then_some(l as u8)
}

/// `hir` with Unicode word boundaries made ASCII ones.
pub(super) fn ascii_twin(hir: &Hir) -> Hir {
    match hir.kind() {
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
