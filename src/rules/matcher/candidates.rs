//! From literal hits to candidate match starts, per route (see [`super::plan`]), and which
//! regexes a text can use.
use super::plan::{ascii_twin, Back, Plan};
use super::skeleton::Skeleton;
use regex_automata::hybrid::dfa::{Cache, OverlappingState, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Class, ClassUnicode, Hir, HirKind};
use std::sync::OnceLock;

/// Which regexes a text can use (see the notes of [`super`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tier {
    /// Every non-ASCII character is a non-word character: the ASCII twins.
    Ascii,
    /// Non-ASCII word characters: the rule's own regexes, at the same candidates.
    Unicode,
    /// A case variant such as ſ: the literals may miss it, so every pattern over the whole text.
    Plain,
}

/// The tier of `text`.
pub(super) fn tier(text: &str, fold_variants: &[char]) -> Tier {
    if text.is_ascii() {
        return Tier::Ascii;
    }
    let mut tier = Tier::Ascii;
    let mut rest = text;
    // Skip ASCII a word at a time; decode only the non-ASCII characters.
    while let Some(i) = first_non_ascii(rest.as_bytes()) {
        let c = rest[i..].chars().next().expect("char boundary");
        if fold_variants.contains(&c) {
            return Tier::Plain;
        }
        if regex_syntax::is_word_character(c) {
            tier = Tier::Unicode;
        }
        rest = &rest[i + c.len_utf8()..];
    }
    tier
}

fn first_non_ascii(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        if w & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    b[i..].iter().position(|&x| x >= 0x80).map(|j| i + j)
}

/// Non-ASCII characters in the simple case closure of an ASCII letter.
pub(super) fn fold_variants() -> Vec<char> {
    let mut class = regex_syntax::hir::ClassUnicode::new([regex_syntax::hir::ClassUnicodeRange::new('a', 'z')]);
    class.case_fold_simple();
    class.iter().flat_map(|r| r.start()..=r.end()).filter(|c| !c.is_ascii()).collect()
}

/// A head run backwards from a hit: its twin, its original built when first needed, and the
/// class its last character must be in, if known (checked first: most hits fail it).
struct Rev {
    twin: DFA,
    head: Hir,
    orig: OnceLock<Option<DFA>>,
    last: Option<(ClassUnicode, [bool; 128])>,
}

/// The class of the last character of every match of `head`, when its last consuming part is
/// a class or a repeated class (`\s+`).
fn last_class(head: &Hir) -> Option<(ClassUnicode, [bool; 128])> {
    let parts = match head.kind() {
        HirKind::Concat(v) => v.as_slice(),
        _ => std::slice::from_ref(head),
    };
    let last = parts.iter().rev().find(|h| !matches!(h.kind(), HirKind::Look(_)))?;
    let class = match last.kind() {
        HirKind::Class(Class::Unicode(c)) => c,
        HirKind::Repetition(r) if r.min > 0 => match r.sub.kind() {
            HirKind::Class(Class::Unicode(c)) => c,
            _ => return None,
        },
        _ => return None,
    };
    Some((class.clone(), ascii_table(class)))
}

/// Which ASCII characters are in `class`.
fn ascii_table(class: &ClassUnicode) -> [bool; 128] {
    std::array::from_fn(|i| class.ranges().iter().any(|r| r.start() <= char::from(i as u8) && char::from(i as u8) <= r.end()))
}

/// Whether `c` is in `class`, with its ASCII table.
fn has(class: &ClassUnicode, ascii: &[bool; 128], c: char) -> bool {
    match ascii.get(c as usize) {
        Some(&a) => a,
        None => super::skeleton::in_class(class, c),
    }
}

/// Every route of every pattern.
#[derive(Default)]
pub(super) struct Routes {
    backs: Vec<Back>,
    skeletons: Vec<Skeleton>,
    revs: Vec<Option<Rev>>,
    /// For `Back::Run`, which ASCII characters are in the class.
    ascii: Vec<[bool; 128]>,
    /// For `Back::LineStart`, the class the character before a hit must be in, if known.
    last: Vec<Option<(ClassUnicode, [bool; 128])>>,
}

impl Routes {
    pub(super) fn len(&self) -> usize {
        self.backs.len()
    }

    /// Add a route that starts matches as `back` says; its index.
    pub(super) fn push(&mut self, back: &Back, skeleton: &Skeleton) -> Result<usize, String> {
        let rev = match back {
            Back::Reverse(head) => {
                Some(Rev { twin: reverse_dfa(&ascii_twin(head))?, head: head.clone(), orig: OnceLock::new(), last: last_class(head) })
            }
            _ => None,
        };
        let ascii = match back {
            Back::Run(class) => ascii_table(class),
            _ => [false; 128],
        };
        self.last.push(match back {
            Back::LineStart(head) => last_class(head),
            _ => None,
        });
        self.backs.push(back.clone());
        self.skeletons.push(skeleton.clone());
        self.revs.push(rev);
        self.ascii.push(ascii);
        Ok(self.backs.len() - 1)
    }

    /// The routes with one thread's caches.
    pub(super) fn scratch<'a>(&'a self, caches: &'a mut RevCaches) -> RouteScratch<'a> {
        RouteScratch { routes: self, caches }
    }
}

/// Whether a route's backwards search, if it has one, can be built.
pub(super) fn reverse_buildable(back: &Back) -> bool {
    match back {
        Back::Reverse(head) => reverse_dfa(&ascii_twin(head)).is_ok(),
        _ => true,
    }
}

/// Backwards search with all matches reported, over whole characters.
fn reverse_dfa(head: &Hir) -> Result<DFA, String> {
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().reverse(true).which_captures(WhichCaptures::None))
        .build_from_hir(head)
        .map_err(|e| e.to_string())?;
    DFA::builder()
        .configure(DFA::config().match_kind(MatchKind::All).unicode_word_boundary(true))
        .build_from_nfa(nfa)
        .map_err(|e| e.to_string())
}

/// One thread's caches of the backwards searches.
#[derive(Default)]
pub(super) struct RevCaches {
    twin: Vec<Option<Cache>>,
    orig: Vec<Option<Cache>>,
    /// The hits of one route that pass its skeleton.
    kept: Vec<usize>,
}

impl RevCaches {
    /// Times the caches were cleared, all told.
    pub(super) fn clear_count(&self) -> u64 {
        self.twin.iter().chain(&self.orig).flatten().map(|c| c.clear_count() as u64).sum()
    }

    pub(super) fn new(routes: usize) -> Self {
        let mut c = RevCaches::default();
        c.twin.resize_with(routes, || None);
        c.orig.resize_with(routes, || None);
        c
    }
}

/// Routes and caches, borrowed together for one pattern.
pub(super) struct RouteScratch<'a> {
    routes: &'a Routes,
    caches: &'a mut RevCaches,
}

impl RouteScratch<'_> {
    /// Push the candidate starts of route `r` given its literal `hits`; false when they could
    /// not be found (a backwards search gave up on a non-ASCII character).
    pub(super) fn candidates(&mut self, r: usize, plan: &Plan, text: &str, tier: Tier, hits: &[usize], out: &mut Vec<usize>) -> bool {
        let skeleton = &self.routes.skeletons[r];
        let mut kept = std::mem::take(&mut self.caches.kept);
        kept.clear();
        kept.extend(hits.iter().copied().filter(|&p| skeleton.check(text, p)));
        let ok = self.starts(r, plan, text, tier, &kept, out);
        self.caches.kept = kept;
        ok
    }

    /// [`Self::candidates`] from the hits that pass the skeleton.
    fn starts(&mut self, r: usize, plan: &Plan, text: &str, tier: Tier, hits: &[usize], out: &mut Vec<usize>) -> bool {
        let b = text.as_bytes();
        let ok = |q: usize| {
            let line_ok = match plan.line_start {
                Some(true) => q == 0 || b[q - 1] == b'\n',
                Some(false) => q == 0,
                None => true,
            };
            // `\b` cannot hold between two word characters.
            line_ok && !(plan.word_start && q > 0 && q < b.len() && is_word(b[q - 1]) && is_word(b[q]))
        };
        match &self.routes.backs[r] {
            Back::Exact => out.extend(hits.iter().copied().filter(|&q| ok(q))),
            Back::Upto(n) => {
                for &at in hits {
                    out.extend((at.saturating_sub(*n)..=at).filter(|&q| text.is_char_boundary(q) && ok(q)));
                }
            }
            Back::LineStart(_) => line_starts(text, self.routes.last[r].as_ref(), hits, ok, out),
            Back::Run(class) => run_starts(text, class, &self.routes.ascii[r], hits, ok, out),
            Back::Reverse(_) => return self.reverse_starts(r, text, tier, hits, ok, out),
        }
        true
    }

    /// `Back::Reverse`: every start the backwards search of route `r` finds from each hit;
    /// false when the search gives up.
    fn reverse_starts(
        &mut self,
        r: usize,
        text: &str,
        tier: Tier,
        hits: &[usize],
        ok: impl Fn(usize) -> bool,
        out: &mut Vec<usize>,
    ) -> bool {
        let rev = self.routes.revs[r].as_ref().expect("built with the route");
        let (dfa, cache) = match tier {
            Tier::Ascii => (&rev.twin, &mut self.caches.twin[r]),
            _ => match rev.orig.get_or_init(|| reverse_dfa(&rev.head).ok()) {
                Some(dfa) => (dfa, &mut self.caches.orig[r]),
                None => return false,
            },
        };
        let cache = cache.get_or_insert_with(|| dfa.create_cache());
        for &at in hits {
            if !ends_in(text, at, rev.last.as_ref()) {
                continue;
            }
            let input = Input::new(text).span(0..at).anchored(Anchored::Yes);
            let mut state = OverlappingState::start();
            loop {
                if dfa.try_search_overlapping_rev(cache, &input, &mut state).is_err() {
                    return false;
                }
                match state.get_match() {
                    Some(m) if ok(m.offset()) => out.push(m.offset()),
                    Some(_) => {}
                    None => break,
                }
            }
        }
        true
    }
}

/// Whether the character before `at` is in `last` (true when no class is known).
fn ends_in(text: &str, at: usize, last: Option<&(ClassUnicode, [bool; 128])>) -> bool {
    match last {
        Some((class, ascii)) => text[..at].chars().next_back().is_some_and(|c| has(class, ascii, c)),
        None => true,
    }
}

/// `Back::LineStart`: the start of the line of each hit whose preceding character is in `last`.
fn line_starts(text: &str, last: Option<&(ClassUnicode, [bool; 128])>, hits: &[usize], ok: impl Fn(usize) -> bool, out: &mut Vec<usize>) {
    let b = text.as_bytes();
    // Hits come in text order: each looks back only as far as the previous one, so a long line
    // with many hits is scanned once, not once per hit.
    let (mut seen, mut line) = (0, 0);
    for &at in hits {
        if !ends_in(text, at, last) {
            continue;
        }
        if at >= seen {
            line = memchr::memrchr(b'\n', &b[seen..at]).map_or(line, |i| seen + i + 1);
            seen = at;
        } else {
            line = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
            seen = at;
        }
        if ok(line) {
            out.push(line);
        }
    }
}

/// `Back::Run`: every start from each hit back over a run of `class` characters.
fn run_starts(text: &str, class: &ClassUnicode, ascii: &[bool; 128], hits: &[usize], ok: impl Fn(usize) -> bool, out: &mut Vec<usize>) {
    for &at in hits {
        let mut q = at;
        loop {
            if ok(q) {
                out.push(q);
            }
            let Some(c) = text[..q].chars().next_back() else { break };
            if !has(class, ascii, c) {
                break;
            }
            q -= c.len_utf8();
        }
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
