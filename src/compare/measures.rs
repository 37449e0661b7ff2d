//! Measures per group: counts, rates with Wilson intervals, Fisher tests, BH flags.
use super::outcome::{ALWAYS_MEASURED, DECISIONS, NON_DECISIONS};
use super::stats::{benjamini_hochberg, exact_stratified, wilson, Stratum, Z95};
use super::tally::{natural_cmp, Tallies, Tally};

/// False discovery rate below which a difference is flagged.
pub const Q_THRESHOLD: f64 = 0.05;

/// Verdict for one group × measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// Tested, not significant after BH.
    None,
    /// Group rate above the others' pooled rate with q < 0.05.
    Over,
    /// Group rate below the others' pooled rate with q < 0.05.
    Under,
    /// Fewer than `min_n` decisions: rate shown, never flagged.
    Insufficient,
    /// Count-only row.
    Count,
}

impl Flag {
    /// Text used in the CSV (`""` for an unflagged tested row).
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::None => "",
            Flag::Over => "over",
            Flag::Under => "under",
            Flag::Insufficient => "insufficient",
            Flag::Count => "count",
        }
    }
}

/// One line of the long output.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Value of the `--by` column.
    pub group: String,
    /// Measure name: `docs`, `refused`, `ncnd`, `cited:foia:s31`, ...
    pub measure: String,
    /// Numerator.
    pub count: u64,
    /// Denominator: the group's decisions for rates, its documents for counts.
    pub n: u64,
    /// `count / n` for rates with `n > 0`.
    pub rate: Option<f64>,
    /// Wilson 95% interval of `rate`.
    pub ci: Option<(f64, f64)>,
    /// Numerator of all other groups pooled (rates only).
    pub others_count: u64,
    /// Denominator of all other groups pooled (rates only).
    pub others_n: u64,
    /// `others_count / others_n`.
    pub pooled_rate: Option<f64>,
    /// The group's count expected if it answered like the others (within each request when
    /// the test is stratified); only on tested rows.
    pub expected: Option<f64>,
    /// Two-sided exact p, group vs others (Fisher's, or stratified by request); only on rows
    /// actually tested.
    pub p: Option<f64>,
    /// Benjamini–Hochberg q over all tests of the run.
    pub q: Option<f64>,
    /// Verdict.
    pub flag: Flag,
}

/// Measure names, in report order, for the run's totals.
pub fn measure_names(total: &Tally) -> (Vec<String>, Vec<String>) {
    let mut counts = vec!["docs".to_string(), "decisions".to_string(), "non_decisions".to_string()];
    for (i, name) in NON_DECISIONS.iter().enumerate() {
        if total.non_decision[i] > 0 {
            counts.push(name.to_string());
        }
    }
    let mut rates: Vec<String> = ALWAYS_MEASURED.iter().map(|s| s.to_string()).collect();
    // Review outcomes only when present, to keep the usual report short.
    for (i, name) in DECISIONS.iter().enumerate() {
        if !ALWAYS_MEASURED.contains(name) && total.decision[i] > 0 {
            rates.push(name.to_string());
        }
    }
    rates.push("ncnd".to_string());
    let mut cited: Vec<&String> = total.cited.keys().collect();
    cited.sort_by(|a, b| natural_cmp(a, b));
    rates.extend(cited.into_iter().map(|c| format!("cited:{c}")));
    (counts, rates)
}

fn count_value(t: &Tally, measure: &str) -> u64 {
    match measure {
        "docs" => t.docs,
        "decisions" => t.decisions(),
        "non_decisions" => t.non_decisions(),
        other => NON_DECISIONS.iter().position(|d| *d == other).map_or(0, |i| t.non_decision[i]),
    }
}

fn ratio(k: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| k as f64 / n as f64)
}

/// Build all rows (group-major, measures in report order), test and flag them.
pub fn build_rows(t: &Tallies, min_n: u64) -> Vec<Row> {
    let (count_names, rate_names) = measure_names(&t.total);
    let mut rows = Vec::new();
    for (g, gt) in &t.groups {
        for m in &count_names {
            rows.push(Row {
                group: g.clone(),
                measure: m.clone(),
                count: count_value(gt, m),
                n: gt.docs,
                rate: None,
                ci: None,
                others_count: 0,
                others_n: 0,
                pooled_rate: None,
                expected: None,
                p: None,
                q: None,
                flag: Flag::Count,
            });
        }
        for m in &rate_names {
            rows.push(rate_row(t, g, gt, m, min_n));
        }
    }
    adjust_and_flag(&mut rows);
    rows
}

/// One rate row. Tested only when the group has `min_n` decisions for the measure and the
/// others have some: a group too small to test, or a ground of a regime the group never
/// answered under, runs no test and so does not enter the multiple-testing family.
fn rate_row(t: &Tallies, g: &str, gt: &Tally, m: &str, min_n: u64) -> Row {
    let (k, n) = (gt.rate_count(m), gt.denominator(m));
    let (ok, on) = (t.total.rate_count(m) - k, t.total.denominator(m) - n);
    let thin = gt.decisions() < min_n || (n > 0 && n < min_n);
    let test = (!thin && n > 0 && on > 0).then(|| exact_stratified(&strata(t, g, m))).flatten();
    Row {
        group: g.to_string(),
        measure: m.to_string(),
        count: k,
        n,
        rate: ratio(k, n),
        ci: wilson(k, n, Z95),
        others_count: ok,
        others_n: on,
        pooled_rate: ratio(ok, on),
        expected: test.map(|e| e.expected),
        p: test.map(|e| e.p),
        q: None,
        flag: if thin { Flag::Insufficient } else { Flag::None },
    }
}

/// The group's 2×2 table for measure `m` in each stratum.
fn strata(t: &Tallies, g: &str, m: &str) -> Vec<Stratum> {
    t.strata
        .iter()
        .filter_map(|(s, all)| {
            let cell = t.cells.get(&(g.to_string(), s.clone()))?;
            let n1 = cell.denominator(m);
            Some(Stratum { n1, n2: all.denominator(m) - n1, m: all.rate_count(m), a: cell.rate_count(m) })
        })
        .collect()
}

/// BH across every test of the run, then flag by direction where q is small.
fn adjust_and_flag(rows: &mut [Row]) {
    let tested: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].p.is_some()).collect();
    let ps: Vec<f64> = tested.iter().map(|&i| rows[i].p.unwrap_or(1.0)).collect();
    let qs = benjamini_hochberg(&ps);
    for (&i, q) in tested.iter().zip(qs) {
        let r = &mut rows[i];
        r.q = Some(q);
        if r.flag != Flag::None || q >= Q_THRESHOLD {
            continue; // insufficient rows keep their flag whatever q says
        }
        // Direction against what the others' answers to the same requests predict.
        match r.expected {
            Some(e) if r.count as f64 > e => r.flag = Flag::Over,
            Some(e) if (r.count as f64) < e => r.flag = Flag::Under,
            _ => {}
        }
    }
}
