//! Measures per group: counts, rates with Wilson intervals, Fisher tests, BH flags.
use super::outcome::{ALWAYS_MEASURED, DECISIONS, NON_DECISIONS};
use super::stats::{benjamini_hochberg, fisher_two_sided, wilson, LnFact, Z95};
use super::tally::{natural_cmp, Tally};

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
    /// Fisher two-sided p, group vs others pooled.
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
pub fn build_rows(groups: &[(String, Tally)], total: &Tally, min_n: u64) -> Vec<Row> {
    let (count_names, rate_names) = measure_names(total);
    let lf = LnFact::new(total.decisions());
    let mut rows = Vec::new();
    for (g, t) in groups {
        for m in &count_names {
            rows.push(Row {
                group: g.clone(),
                measure: m.clone(),
                count: count_value(t, m),
                n: t.docs,
                rate: None,
                ci: None,
                others_count: 0,
                others_n: 0,
                pooled_rate: None,
                p: None,
                q: None,
                flag: Flag::Count,
            });
        }
        for m in &rate_names {
            let (k, n) = (t.rate_count(m), t.decisions());
            let (ok, on) = (total.rate_count(m) - k, total.decisions() - n);
            // No test without data on both sides: nothing to compare against.
            let p = (n > 0 && on > 0).then(|| fisher_two_sided(&lf, k, n - k, ok, on - ok));
            rows.push(Row {
                group: g.clone(),
                measure: m.clone(),
                count: k,
                n,
                rate: ratio(k, n),
                ci: wilson(k, n, Z95),
                others_count: ok,
                others_n: on,
                pooled_rate: ratio(ok, on),
                p,
                q: None,
                flag: if n < min_n { Flag::Insufficient } else { Flag::None },
            });
        }
    }
    adjust_and_flag(&mut rows);
    rows
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
        match (r.rate, r.pooled_rate) {
            (Some(a), Some(b)) if a > b => r.flag = Flag::Over,
            (Some(a), Some(b)) if a < b => r.flag = Flag::Under,
            _ => {}
        }
    }
}
