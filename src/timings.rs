//! `--timings`: where a run's time goes, per scan stage and per rule family, summed over every
//! document and thread and printed once at the end. Off unless [`enable`]d: each hook is then a
//! relaxed load and a branch, and nothing is measured or locked.
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

static ON: AtomicBool = AtomicBool::new(false);

/// Start measuring (for the rest of the process).
pub fn enable() {
    ON.store(true, Ordering::Relaxed);
}

/// Whether timings are being measured.
#[inline]
pub fn enabled() -> bool {
    ON.load(Ordering::Relaxed)
}

/// The stages of a document's scan, in pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Rule matching: the keyword and literal pass, candidates and anchored searches.
    Match,
    /// Line index and line marks.
    Marks,
    /// Messages, zones and parts of the letter.
    Segment,
    /// Cues, roles and the place of every signal.
    Cues,
    /// Regime scores and the authority.
    Regime,
    /// Citations and their statuses.
    Citations,
    /// Numbered questions and figures.
    Items,
}

const STAGES: [(Stage, &str); 7] = [
    (Stage::Match, "rule matching"),
    (Stage::Marks, "line marks"),
    (Stage::Segment, "segments and parts"),
    (Stage::Cues, "cues, roles, signals"),
    (Stage::Regime, "regime, authority"),
    (Stage::Citations, "citations, statuses"),
    (Stage::Items, "questions, figures"),
];

static STAGE_NS: [AtomicU64; 7] = [const { AtomicU64::new(0) }; 7];
static DOCS: AtomicU64 = AtomicU64::new(0);

/// Run `f`, adding its time to `stage` when timings are on.
#[inline]
pub fn stage<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let t = Instant::now();
    let out = f();
    STAGE_NS[stage as usize].fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
    if stage == Stage::Match {
        DOCS.fetch_add(1, Ordering::Relaxed);
    }
    out
}

/// Times consecutive stages: each [`Lap::done`] adds the time since the previous one (or the
/// start) to its stage. Free when timings are off.
#[derive(Debug)]
pub struct Lap(Option<Instant>);

impl Lap {
    /// Start timing (a no-op when timings are off).
    #[inline]
    pub fn start() -> Lap {
        Lap(enabled().then(Instant::now))
    }

    /// Add the time since the last lap to `stage`.
    #[inline]
    pub fn done(&mut self, stage: Stage) {
        if let Some(t) = &mut self.0 {
            let now = Instant::now();
            STAGE_NS[stage as usize].fetch_add((now - *t).as_nanos() as u64, Ordering::Relaxed);
            *t = now;
        }
    }
}

/// What the matcher spent on one rule family (a rule file), summed over the run.
#[derive(Debug, Default, Clone, Copy)]
pub struct Family {
    /// Nanoseconds spent finding candidates and running the family's patterns at them.
    pub nanos: u64,
    /// Places where a pattern was run anchored.
    pub candidates: u64,
    /// Matches found (before `unless`).
    pub matches: u64,
    /// Patterns run over a whole text.
    pub full_runs: u64,
}

impl Family {
    fn add(&mut self, o: &Family) {
        self.nanos += o.nanos;
        self.candidates += o.candidates;
        self.matches += o.matches;
        self.full_runs += o.full_runs;
    }
}

/// Matcher totals: the keyword pass, and per rule.
#[derive(Debug, Default)]
pub struct MatcherTotals {
    /// Nanoseconds in the keyword and literal automaton pass.
    pub pass_nanos: u64,
    /// Times a lazy DFA cache was cleared because it filled up.
    pub cache_clears: u64,
    /// Per rule id: its family (the rule file's name) and figures.
    pub rules: BTreeMap<String, (String, Family)>,
}

impl MatcherTotals {
    /// Add `f` to rule `id` of family `family`.
    pub fn add_rule(&mut self, id: &str, family: &str, f: &Family) {
        match self.rules.get_mut(id) {
            Some(r) => r.1.add(f),
            None => {
                self.rules.insert(id.to_string(), (family.to_string(), *f));
            }
        }
    }
}

static MATCHER: Mutex<Option<MatcherTotals>> = Mutex::new(None);

/// Add one document's (or one thread's) matcher figures to the run's.
pub fn add_matcher(f: impl FnOnce(&mut MatcherTotals)) {
    let mut m = MATCHER.lock().unwrap_or_else(|e| e.into_inner());
    f(m.get_or_insert_with(MatcherTotals::default));
}

/// The report printed by `foitag tag --timings`: thread time per stage and per rule family,
/// with the candidates tried and the matches found.
pub fn report() -> String {
    use std::fmt::Write;
    let docs = DOCS.load(Ordering::Relaxed).max(1) as f64;
    let mut s = String::new();
    let total: u64 = STAGE_NS.iter().map(|a| a.load(Ordering::Relaxed)).sum();
    let _ = writeln!(s, "timings: {docs:.0} documents, thread time per stage (µs per document, share of the scan)");
    for (st, name) in STAGES {
        let ns = STAGE_NS[st as usize].load(Ordering::Relaxed);
        let _ = writeln!(s, "  {name:<22} {:>9.1} µs {:>5.1}%", ns as f64 / 1e3 / docs, 100.0 * ns as f64 / total.max(1) as f64);
    }
    let m = MATCHER.lock().unwrap_or_else(|e| e.into_inner());
    let Some(m) = m.as_ref() else { return s };
    let mut families: BTreeMap<&str, Family> = BTreeMap::new();
    for (fam, f) in m.rules.values() {
        families.entry(fam).or_default().add(f);
    }
    let (cands, found) = families.values().fold((0, 0), |a, f| (a.0 + f.candidates, a.1 + f.matches));
    let _ = writeln!(
        s,
        "matcher: keyword pass {:.1} µs per document; {:.1} candidates and {:.1} matches per document ({:.2} candidates per match); {:.2} lazy DFA cache clears per document",
        m.pass_nanos as f64 / 1e3 / docs,
        cands as f64 / docs,
        found as f64 / docs,
        cands as f64 / found.max(1) as f64,
        m.cache_clears as f64 / docs
    );
    let row = |s: &mut String, name: &str, f: &Family| {
        let _ = writeln!(
            s,
            "  {name:<30} {:>8.1} {:>10.1} {:>9.1} {:>10}",
            f.nanos as f64 / 1e3 / docs,
            f.candidates as f64 / docs,
            f.matches as f64 / docs,
            f.full_runs
        );
    };
    let _ = writeln!(s, "  {:<30} {:>8} {:>10} {:>9} {:>10}", "rule family", "µs/doc", "cands/doc", "hits/doc", "full runs");
    let mut fams: Vec<_> = families.into_iter().collect();
    fams.sort_by_key(|f| std::cmp::Reverse(f.1.nanos));
    fams.iter().for_each(|(name, f)| row(&mut s, name, f));
    let _ = writeln!(s, "  {:<30} {:>8} {:>10} {:>9} {:>10}", "slowest rules", "µs/doc", "cands/doc", "hits/doc", "full runs");
    let mut rules: Vec<_> = m.rules.iter().collect();
    rules.sort_by_key(|r| std::cmp::Reverse(r.1 .1.nanos));
    rules.iter().take(12).for_each(|(id, (_, f))| row(&mut s, id, f));
    s
}
