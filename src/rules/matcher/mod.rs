//! The rule matcher behind [`super::RuleSet::matches`]: one Aho-Corasick pass finds both the rule keywords (which
//! gate rules, as before) and the literals that mark where each pattern's matches can start
//! (see [`plan`]); the pattern then runs anchored at those places only.
//!
//! Why the matches are exactly those of `captures_iter` over the whole text:
//! - A match can only start at a candidate. Searching leftmost-first from position `p` finds the
//!   first candidate `c >= p` where an anchored match exists, and that is the match an
//!   unanchored search from `p` returns. Look-around (`\b`, `^`) still sees the whole haystack:
//!   only the span of the search is narrowed.
//! - Patterns run as "ASCII twins", with Unicode word boundaries replaced by ASCII ones (under a
//!   Unicode `\b` the lazy DFA gives up at the first non-ASCII byte and the fallback engines are
//!   many times slower) and classes stripped of non-ASCII word characters (Unicode `\w` makes
//!   automata several times larger and slower to build). Twins agree with the originals
//!   wherever every non-ASCII character is a non-word character; a text holding a non-ASCII
//!   word character (é, ŵ) uses the originals.
//! - Literals are searched ASCII-case-insensitively: a superset of the exact literals, hence of
//!   the candidates, and an extra candidate costs one failed anchored search. A text holding a
//!   non-ASCII case variant of an ASCII letter (ſ, K) takes the plain path, as `(?i)s` matches ſ.
mod candidates;
mod plan;
mod skeleton;
#[cfg(test)]
mod tests;

/// One occurrence of an authority alias: start, end, alias index.
pub type AliasHit = (usize, usize, usize);

/// Reduce every occurrence of every alias, overlaps included, to the leftmost-longest ones
/// without overlaps (as the authority automaton finds them).
pub(crate) fn leftmost_longest(hits: &mut Vec<AliasHit>) {
    hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut end = 0;
    hits.retain(|h| {
        let keep = h.0 >= end;
        if keep {
            end = h.1;
        }
        keep
    });
}

use super::rule::{Rule, RuleMatch};
use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa::DFA, MatchKind};
use candidates::{Routes, Tier};
use plan::{Mode, Plan};
use rayon::prelude::*;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures;
use regex_automata::util::iter::Searcher;
use regex_automata::{hybrid, meta, Anchored, Input, PatternID};
use regex_syntax::hir::Hir;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// One pattern of a rule, as the fast path runs it.
struct Pat {
    /// The ASCII twin of the rule's regex, for whole-text searches and captures; patterns with
    /// a `dfa` have none (should the DFA ever fail, `orig` serves: exact on every text).
    re: Option<meta::Regex>,
    /// The rule's regex itself, for texts with non-ASCII word characters; built when first needed.
    orig: OnceLock<meta::Regex>,
    /// Whether the twin differs from the regex (Unicode word boundaries or classes with
    /// non-ASCII word characters), so that texts holding such characters need the regex itself.
    unicode: bool,
    /// Its source, to build `orig`.
    source: String,
    plan: Plan,
    /// Its routes, as a range of [`Routes`].
    routes: std::ops::Range<usize>,
    /// Group index of the `list` capture, if the pattern has one.
    list: Option<usize>,
    /// The twin as a bare forward lazy DFA, for anchored searches at candidates when no capture
    /// is needed: the same match ends as `re` without its per-search dispatch, and a per-thread
    /// cache a fraction of the size of a `meta::Cache`.
    dfa: Option<hybrid::dfa::DFA>,
}

/// What a hit of one automaton literal means.
#[derive(Default)]
struct Hit {
    /// Rules that have a keyword starting with this literal, and the rest of that keyword: the
    /// rule is active when the rest follows the hit.
    gates: Vec<(u32, Box<[u8]>)>,
    /// Routes for which the hit gives candidate starts.
    starts: Vec<u32>,
    /// Whole-text patterns that need this literal to match at all.
    present: Vec<u32>,
    /// Authority aliases that start with this literal, and their rest.
    aliases: Vec<(u32, Box<[u8]>)>,
}

/// The keyword and literal automaton with the patterns it feeds; built once per rule set.
pub(crate) struct Prefilter {
    /// Tells rule sets apart in the per-thread scratch.
    id: u64,
    /// The automaton, driven by hand: every occurrence of every literal, overlaps included.
    ac: DFA,
    hits: Vec<Hit>,
    pats: Vec<Pat>,
    routes: Routes,
    /// Per rule, its patterns as a range of `pats`.
    rule_pats: Vec<std::ops::Range<usize>>,
    /// Non-ASCII characters that `(?i)` matches for an ASCII letter.
    fold_variants: Vec<char>,
}

impl std::fmt::Debug for Prefilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prefilter").field("literals", &self.hits.len()).field("patterns", &self.pats.len()).finish()
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Literals of the automaton, deduplicated, with what each hit means.
#[derive(Default)]
struct Literals {
    index: HashMap<Vec<u8>, usize>,
    bytes: Vec<Vec<u8>>,
    hits: Vec<Hit>,
}

impl Literals {
    fn slot(&mut self, lit: &[u8]) -> &mut Hit {
        let i = *self.index.entry(lit.to_vec()).or_insert_with(|| {
            self.bytes.push(lit.to_vec());
            self.hits.push(Hit::default());
            self.hits.len() - 1
        });
        &mut self.hits[i]
    }
}

impl Prefilter {
    /// Plan every pattern and build the automaton over keywords, literals and authority aliases.
    pub(crate) fn new(rules: &[Rule], aliases: &[String]) -> Result<Prefilter, String> {
        let mut lits = Literals::default();
        let mut pats = Vec::new();
        let mut routes = Routes::default();
        let mut rule_pats = Vec::new();
        // Planning and compiling the twins is the slow part of loading rules: spread it over
        // the cores.
        let planned: Vec<Result<Vec<Planned>, String>> =
            rules.par_iter().map(|rule| rule.regexes.iter().map(|re| plan_pattern(re.as_str())).collect()).collect();
        let mut planned = planned.into_iter();
        for (ri, rule) in rules.iter().enumerate() {
            for k in &rule.keywords {
                let k = k.to_ascii_lowercase().into_bytes();
                let (head, rest) = k.split_at(k.len().min(plan::MAX_LITERAL));
                let gate = (ri as u32, rest.into());
                let gates = &mut lits.slot(head).gates;
                if !gates.contains(&gate) {
                    gates.push(gate);
                }
            }
            let first = pats.len();
            for (re, (unicode, plan, twin, dfa)) in rule.regexes.iter().zip(planned.next().expect("one per rule")?) {
                let first_route = routes.len();
                match &plan.mode {
                    Mode::Routes(rs) => {
                        for r in rs {
                            let id = routes.push(&r.back, &r.skeleton)? as u32;
                            r.lits.iter().for_each(|l| lits.slot(l).starts.push(id));
                        }
                    }
                    Mode::Full(Some(l)) => l.iter().for_each(|l| lits.slot(l).present.push(pats.len() as u32)),
                    Mode::Full(None) => {}
                }
                let list = twin.as_ref().and_then(|t| t.group_info().to_index(PatternID::ZERO, "list"));
                let routes = first_route..routes.len();
                pats.push(Pat { re: twin, orig: OnceLock::new(), unicode, source: re.as_str().to_string(), plan, routes, list, dfa });
            }
            rule_pats.push(first..pats.len());
        }
        for (i, alias) in aliases.iter().enumerate() {
            let a = alias.to_ascii_lowercase().into_bytes();
            if a.is_empty() {
                continue;
            }
            let (head, rest) = a.split_at(a.len().min(plan::MAX_LITERAL));
            lits.slot(head).aliases.push((i as u32, rest.into()));
        }
        let ac = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&lits.bytes)
            .map_err(|e| e.to_string())?;
        Ok(Prefilter {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            ac,
            hits: lits.hits,
            pats,
            routes,
            rule_pats,
            fold_variants: candidates::fold_variants(),
        })
    }

    /// Matches of every active rule, in rule order, then pattern order, then text order; and
    /// every occurrence of every authority alias, overlaps included, as (start, end, alias).
    pub(crate) fn rule_matches(&self, rules: &[Rule], text: &str) -> (Vec<(usize, RuleMatch)>, Vec<AliasHit>) {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            s.prepare(self, rules.len());
            let matches = self.run(rules, text, &mut s);
            (matches, std::mem::take(&mut s.alias_hits))
        })
    }

    fn run(&self, rules: &[Rule], text: &str, s: &mut Scratch) -> Vec<(usize, RuleMatch)> {
        s.reset();
        let timed = crate::timings::enabled();
        let started = timed.then(std::time::Instant::now);
        let bytes = text.as_bytes();
        let ac = &self.ac;
        let mut sid = ac.start_state(aho_corasick::Anchored::No).expect("unanchored automaton");
        for (i, &b) in bytes.iter().enumerate() {
            sid = ac.next_state(aho_corasick::Anchored::No, sid, b);
            // Without a prefilter only match states are special (nothing dies unanchored).
            if !ac.is_special(sid) {
                continue;
            }
            for k in 0..ac.match_len(sid) {
                let pid = ac.match_pattern(sid, k);
                let (start, end) = (i + 1 - ac.pattern_len(pid), i + 1);
                let hit = &self.hits[pid.as_usize()];
                for (r, rest) in &hit.gates {
                    if !s.active[*r as usize] && bytes[end..].get(..rest.len()).is_some_and(|t| t.eq_ignore_ascii_case(rest)) {
                        s.active[*r as usize] = true;
                    }
                }
                for &p in &hit.present {
                    s.present[p as usize] = true;
                }
                for &r in &hit.starts {
                    s.route_hits[r as usize].push(start);
                }
                for (a, rest) in &hit.aliases {
                    if bytes[end..].get(..rest.len()).is_some_and(|t| t.eq_ignore_ascii_case(rest)) {
                        s.alias_hits.push((start, end + rest.len(), *a as usize));
                    }
                }
            }
        }
        if let Some(t) = started {
            s.stats.pass += t.elapsed().as_nanos() as u64;
        }
        let tier = candidates::tier(text, &self.fold_variants);
        let mut out = Vec::new();
        let mut buf = Vec::new();
        for (ri, rule) in rules.iter().enumerate() {
            if !s.active[ri] {
                continue;
            }
            let (started, before) = (timed.then(std::time::Instant::now), out.len());
            if tier == Tier::Plain {
                buf.clear();
                rule.find_all(text, &mut buf);
                out.extend(buf.iter().map(|m| (ri, *m)));
                s.stats.rule(ri).full_runs += rule.regexes.len() as u64;
            } else {
                for pi in self.rule_pats[ri].clone() {
                    self.pattern_matches(rule, pi, text, tier, s, &mut |m| out.push((ri, m)));
                }
            }
            if let Some(t) = started {
                let st = s.stats.rule(ri);
                st.nanos += t.elapsed().as_nanos() as u64;
                st.matches += (out.len() - before) as u64;
            }
        }
        if timed {
            s.flush_stats(rules);
        }
        out
    }

    /// Matches of pattern `pi` (one of `rule`'s) in `text`, as `Rule::find_all` gives them.
    fn pattern_matches(&self, rule: &Rule, pi: usize, text: &str, tier: Tier, s: &mut Scratch, emit: &mut dyn FnMut(RuleMatch)) {
        let pat = &self.pats[pi];
        let full = match &pat.plan.mode {
            Mode::Full(required) => required.is_none() || s.present[pi],
            Mode::Routes(_) => {
                s.cands.clear();
                let mut rs = self.routes.scratch(&mut s.rev);
                !pat.routes.clone().all(|r| rs.candidates(r, &pat.plan, text, tier, &s.route_hits[r], &mut s.cands))
            }
        };
        if !full {
            if matches!(pat.plan.mode, Mode::Full(_)) {
                return;
            }
            s.cands.sort_unstable();
            s.cands.dedup();
        }
        if let (false, true, Some(dfa)) = (full, tier == Tier::Ascii || !pat.unicode, &pat.dfa) {
            let cache = s.dfa_caches[pi].get_or_insert_with(|| dfa.create_cache());
            let search = |at| dfa.try_search_fwd(cache, &anchored_at(text, at)).ok().map(|h| h.map(|h| h.offset()));
            if let Some(spans) = anchored_spans(&s.cands, &mut s.spans, &mut s.stats.searches, search) {
                for &(start, end) in spans {
                    if !rule.unless.iter().any(|u| u.is_match(&text[start..end])) {
                        emit(RuleMatch { start, end, list: None });
                    }
                }
                return;
            }
        }
        // The twin where it serves the text, else the rule's own regex (exact on every text).
        let (re, cache) = match pat.re.as_ref().filter(|_| tier == Tier::Ascii || !pat.unicode) {
            Some(re) => (re, s.caches[pi].get_or_insert_with(|| re.create_cache())),
            None => {
                let re = self.orig(pat);
                (re, s.orig_caches[pi].get_or_insert_with(|| re.create_cache()))
            }
        };
        let caps = &mut s.caps[pi];
        let mut found = |m: regex_automata::Match, cache: &mut meta::Cache| {
            if m.is_empty() || rule.unless.iter().any(|u| u.is_match(&text[m.range()])) {
                return;
            }
            let list = pat.list.and_then(|g| {
                let caps = caps.get_or_insert_with(|| re.create_captures());
                let input = Input::new(text).span(m.range()).anchored(Anchored::Yes);
                re.search_captures_with(cache, &input, caps);
                caps.get_group(g).map(|sp| (sp.start, sp.end))
            });
            emit(RuleMatch { start: m.start(), end: m.end(), list });
        };
        if full {
            s.stats.full += 1;
            let mut it = Searcher::new(Input::new(text));
            while let Some(m) = it.advance(|input| Ok(re.search_with(cache, input))) {
                found(m, cache);
            }
            return;
        }
        let search = |at| Some(re.search_with(cache, &anchored_at(text, at)).map(|m| m.end()));
        let spans = anchored_spans(&s.cands, &mut s.spans, &mut s.stats.searches, search).expect("meta searches do not fail");
        for &(start, end) in spans {
            found(regex_automata::Match::must(0, start..end), cache);
        }
    }

    /// The rule's own regex for pattern `pat`, built when first needed (few texts need it).
    fn orig<'p>(&self, pat: &'p Pat) -> &'p meta::Regex {
        pat.orig.get_or_init(|| {
            // Short anchored searches run on the PikeVM alone, whose per-thread cache is small
            // (no lazy DFA, no backtracking bitset); whole-text searches keep the lazy DFA.
            let full = matches!(pat.plan.mode, Mode::Full(_));
            let config = config_for(&pat.plan, pat.list.is_some()).hybrid(full).backtrack(full);
            meta::Regex::builder()
                .configure(config)
                .build(&pat.source)
                .expect("a rule's pattern compiles (checked when loaded or by the tests)")
        })
    }
}

/// A search of `text` anchored at `at`.
fn anchored_at(text: &str, at: usize) -> Input<'_> {
    Input::new(text).span(at..text.len()).anchored(Anchored::Yes)
}

/// Non-empty matches anchored at the sorted candidates `cands`, each search starting after the
/// previous match, as an unanchored leftmost-first search over the whole text finds them.
/// `search(at)` gives the end of the match anchored at `at`, if any; `None` if the engine
/// failed (the DFA should not, see [`forward_dfa`]), leaving the search to `meta`.
fn anchored_spans<'s>(
    cands: &[usize],
    spans: &'s mut Vec<(usize, usize)>,
    searches: &mut u64,
    mut search: impl FnMut(usize) -> Option<Option<usize>>,
) -> Option<&'s [(usize, usize)]> {
    spans.clear();
    let mut from = 0;
    for &at in cands {
        if at < from {
            continue;
        }
        *searches += 1;
        if let Some(end) = search(at)? {
            from = end.max(at + 1);
            if end > at {
                spans.push((at, end));
            }
        }
    }
    Some(spans)
}

/// Whether a pattern's twin differs from it, its plan, and its twin as a `meta` regex or as a
/// forward DFA.
type Planned = (bool, Plan, Option<meta::Regex>, Option<hybrid::dfa::DFA>);

/// Parse, plan and compile the twin of one pattern.
fn plan_pattern(source: &str) -> Result<Planned, String> {
    let hir = regex_syntax::ParserBuilder::new().build().parse(source).map_err(|e| e.to_string())?;
    let mut plan = Plan::new(&hir);
    // A head too large to run backwards (a user rule, say): search the whole text instead.
    if let Mode::Routes(rs) = &plan.mode {
        if !rs.iter().all(|r| candidates::reverse_buildable(&r.back)) {
            plan.mode = Mode::Full(None);
        }
    }
    let list = has_list(&hir);
    let config = config_for(&plan, list);
    let twin_hir = plan::ascii_twin(&hir);
    if matches!(plan.mode, Mode::Routes(_)) && !list {
        return Ok((twin_hir != hir, plan, None, Some(forward_dfa(&twin_hir)?)));
    }
    let twin = meta::Builder::new().configure(config).build_from_hir(&twin_hir).map_err(|e| e.to_string())?;
    Ok((twin_hir != hir, plan, Some(twin), None))
}

/// A forward lazy DFA, leftmost-first like `meta`, for anchored searches. Twins have ASCII word
/// boundaries only, so it never quits; it never gives up either (no minimum clear count).
fn forward_dfa(hir: &Hir) -> Result<hybrid::dfa::DFA, String> {
    let nfa = regex_automata::nfa::thompson::Compiler::new()
        .configure(regex_automata::nfa::thompson::Config::new().which_captures(WhichCaptures::None).nfa_size_limit(Some(10 << 20)))
        .build_from_hir(hir)
        .map_err(|e| e.to_string())?;
    hybrid::dfa::DFA::builder()
        .configure(hybrid::dfa::DFA::config().starts_for_each_pattern(false).cache_capacity(2 << 20))
        .build_from_nfa(nfa)
        .map_err(|e| e.to_string())
}

/// Per-thread buffers and regex caches, reused across documents.
#[derive(Default)]
struct Scratch {
    owner: u64,
    caches: Vec<Option<meta::Cache>>,
    orig_caches: Vec<Option<meta::Cache>>,
    caps: Vec<Option<Captures>>,
    dfa_caches: Vec<Option<hybrid::dfa::Cache>>,
    spans: Vec<(usize, usize)>,
    alias_hits: Vec<AliasHit>,
    /// Per route, where its literals were hit.
    route_hits: Vec<Vec<usize>>,
    rev: candidates::RevCaches,
    cands: Vec<usize>,
    present: Vec<bool>,
    active: Vec<bool>,
    stats: Stats,
}

/// `--timings` figures of one thread, added to the run's after each document.
#[derive(Default)]
struct Stats {
    pass: u64,
    /// Anchored searches and whole-text runs, counted always (an increment), per rule when
    /// `--timings` is on.
    searches: u64,
    full: u64,
    rules: Vec<crate::timings::Family>,
    /// Cache clears already counted.
    clears: u64,
}

impl Stats {
    /// Rule `ri`'s figures, with the searches counted since the last call.
    fn rule(&mut self, ri: usize) -> &mut crate::timings::Family {
        if self.rules.len() <= ri {
            self.rules.resize(ri + 1, Default::default());
        }
        let r = &mut self.rules[ri];
        r.candidates += std::mem::take(&mut self.searches);
        r.full_runs += std::mem::take(&mut self.full);
        r
    }
}

impl Scratch {
    /// Size the buffers for `p`, dropping caches of another rule set.
    fn prepare(&mut self, p: &Prefilter, rules: usize) {
        if self.owner != p.id {
            let n = p.pats.len();
            *self = Scratch { owner: p.id, ..Default::default() };
            self.caches.resize_with(n, || None);
            self.orig_caches.resize_with(n, || None);
            self.caps.resize_with(n, || None);
            self.dfa_caches.resize_with(n, || None);
            self.present.resize(n, false);
            self.route_hits.resize_with(p.routes.len(), Vec::new);
            self.rev = candidates::RevCaches::new(p.routes.len());
        }
        self.active.resize(rules, false);
    }

    /// Add this document's `--timings` figures to the run's.
    fn flush_stats(&mut self, rules: &[Rule]) {
        let clears: u64 = self.dfa_caches.iter().flatten().map(|c| c.clear_count() as u64).sum::<u64>() + self.rev.clear_count();
        let st = &mut self.stats;
        let new_clears = clears.saturating_sub(st.clears);
        st.clears = clears;
        crate::timings::add_matcher(|m| {
            m.pass_nanos += std::mem::take(&mut st.pass);
            m.cache_clears += new_clears;
            for (ri, f) in st.rules.iter_mut().enumerate().filter(|(_, f)| f.nanos > 0) {
                let family = rules[ri].file.rsplit('/').next().unwrap_or("").trim_end_matches(".toml");
                m.add_rule(&rules[ri].id, family, f);
                *f = Default::default();
            }
        });
    }

    /// Clear the per-document state, keeping the allocations.
    fn reset(&mut self) {
        self.alias_hits.clear();
        self.route_hits.iter_mut().for_each(Vec::clear);
        self.present.iter_mut().for_each(|p| *p = false);
        self.active.iter_mut().for_each(|a| *a = false);
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The regex crate's settings for the patterns it compiles for rules (same matches; sizes only
/// bound memory).
fn config() -> meta::Config {
    meta::Config::new().nfa_size_limit(Some(10 << 20)).hybrid_cache_capacity(2 << 20)
}

/// [`config`] trimmed to what a pattern needs, to save memory and compile time (matches are the
/// same): searches at candidates are anchored, so a prefilter would never be used; only the
/// `list` group is ever read, so other patterns keep no capture groups.
fn config_for(plan: &Plan, list: bool) -> meta::Config {
    let which = if list { WhichCaptures::All } else { WhichCaptures::Implicit };
    config().auto_prefilter(matches!(plan.mode, Mode::Full(_))).which_captures(which).onepass(list)
}

/// Whether the pattern has a group named `list`.
fn has_list(hir: &Hir) -> bool {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Capture(c) => c.name.as_deref() == Some("list") || has_list(&c.sub),
        HirKind::Repetition(r) => has_list(&r.sub),
        HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().any(has_list),
        _ => false,
    }
}
