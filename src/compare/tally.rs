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
    /// Decisions under each regime (a `foia;eir` decision counts under both).
    pub regime_decisions: BTreeMap<String, u64>,
    /// Decisions whose regime is not known (no `regime` column, or a blank cell).
    pub unknown_regime: u64,
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
                for g in &r.regimes {
                    *self.regime_decisions.entry(g.clone()).or_default() += 1;
                }
                self.unknown_regime += u64::from(r.regimes.is_empty());
            }
            Outcome::NonDecision(i) => self.non_decision[i] += 1,
        }
    }

    /// Denominator of a rate measure: all decisions, except that a ground counts only the
    /// decisions made under its own regime (a FOISA ground is no share of FOIA decisions), plus
    /// those whose regime is unknown.
    pub fn denominator(&self, measure: &str) -> u64 {
        match measure.strip_prefix("cited:").and_then(|id| id.split_once(':')) {
            Some((regime, _)) => self.regime_decisions.get(regime).copied().unwrap_or(0) + self.unknown_regime,
            None => self.decisions(),
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

/// Counts of a run: per group, per group and stratum (the request, when tests are stratified),
/// per stratum, and in all. Only records with a group are counted here.
#[derive(Debug, Clone, Default)]
pub struct Tallies {
    /// Groups in natural order with their counts.
    pub groups: Vec<(String, Tally)>,
    /// All grouped records.
    pub total: Tally,
    /// Per stratum, all groups together.
    pub strata: BTreeMap<String, Tally>,
    /// Per group and stratum.
    pub cells: BTreeMap<(String, String), Tally>,
}

/// Tally records that have a group; `stratum` gives each record's stratum.
pub fn tally(records: &[Record], stratum: impl Fn(&Record) -> String) -> Tallies {
    let mut by: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut t = Tallies::default();
    for r in records {
        let Some(g) = r.group.as_deref() else { continue };
        let s = stratum(r);
        by.entry(g).or_default().add(r);
        t.total.add(r);
        t.strata.entry(s.clone()).or_default().add(r);
        t.cells.entry((g.to_string(), s)).or_default().add(r);
    }
    t.groups = by.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    t.groups.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    t
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
