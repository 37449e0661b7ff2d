//! Per-group counts of documents, outcomes, NCND and cited grounds.
use super::outcome::{Outcome, DECISIONS, NON_DECISIONS};
use super::read::Record;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Counts for one group (or for the whole run).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// All documents.
    pub docs: u64,
    /// Documents per decision outcome, indexed like [`DECISIONS`].
    pub decision: [u64; DECISIONS.len()],
    /// Documents per non-decision outcome, indexed like [`NON_DECISIONS`].
    pub non_decision: [u64; NON_DECISIONS.len()],
    /// Decisions marked NCND.
    pub ncnd: u64,
    /// Decisions citing each ground (a document counts once per ground).
    pub cited: BTreeMap<String, u64>,
}

impl Tally {
    /// Documents with a decision outcome: the denominator of every rate.
    pub fn decisions(&self) -> u64 {
        self.decision.iter().sum()
    }

    /// Documents without a decision outcome.
    pub fn non_decisions(&self) -> u64 {
        self.non_decision.iter().sum()
    }

    /// Add one record.
    pub fn add(&mut self, r: &Record) {
        self.docs += 1;
        match r.outcome {
            Outcome::Decision(i) => {
                self.decision[i] += 1;
                // NCND and grounds only count on decisions, so numerator ⊆ denominator.
                self.ncnd += u64::from(r.ncnd);
                for c in &r.cited {
                    *self.cited.entry(c.clone()).or_default() += 1;
                }
            }
            Outcome::NonDecision(i) => self.non_decision[i] += 1,
        }
    }

    /// Count for a rate measure name (`refused`, `ncnd`, `cited:foia:s31`, ...).
    pub fn rate_count(&self, measure: &str) -> u64 {
        if measure == "ncnd" {
            return self.ncnd;
        }
        if let Some(id) = measure.strip_prefix("cited:") {
            return self.cited.get(id).copied().unwrap_or(0);
        }
        DECISIONS.iter().position(|d| *d == measure).map_or(0, |i| self.decision[i])
    }
}

/// Tally records per group, returning groups in natural order plus the run's total.
pub fn tally(records: &[Record]) -> (Vec<(String, Tally)>, Tally) {
    let mut by: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for r in records {
        by.entry(&r.group).or_default().add(r);
        total.add(r);
    }
    let mut groups: Vec<(String, Tally)> = by.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    groups.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    (groups, total)
}

/// Compare so that digit runs sort by value: "Force 2" < "Force 10", "s5" < "s40".
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a, b);
    loop {
        match (x.chars().next(), y.chars().next()) {
            (None, None) => return a.cmp(b),
            (None, _) => return Ordering::Less,
            (_, None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let dx = x.len() - x.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let dy = y.len() - y.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let (nx, ny) = (x[..dx].trim_start_matches('0'), y[..dy].trim_start_matches('0'));
                let ord = nx.len().cmp(&ny.len()).then_with(|| nx.cmp(ny));
                if ord != Ordering::Equal {
                    return ord;
                }
                x = &x[dx..];
                y = &y[dy..];
            }
            (Some(c), Some(d)) => {
                let ord = c.to_lowercase().cmp(d.to_lowercase());
                if ord != Ordering::Equal {
                    return ord;
                }
                x = &x[c.len_utf8()..];
                y = &y[d.len_utf8()..];
            }
        }
    }
}
