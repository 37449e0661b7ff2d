//! Small statistics kit: Wilson intervals, exact tests (Fisher's, and its stratified form over
//! requests), Benjamini–Hochberg.
//!
//! The hypergeometric probabilities come from statrs; the tests themselves follow R's
//! definitions (`fisher.test`, `mantelhaen.test(exact = TRUE)`, `p.adjust("BH")`), tie rule
//! included, which no crate reproduces.

/// z for a two-sided 95% interval, as in the spec (R's qnorm(0.975) to 6 dp).
pub const Z95: f64 = 1.959964;

/// Wilson score interval for `count` successes in `n` trials; `None` when `n == 0`.
pub fn wilson(count: u64, n: u64, z: f64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let n = n as f64;
    let p = count as f64 / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // Clamp: rounding can push the bounds a hair outside [0, 1] at p = 0 or 1.
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// One 2×2 table of a stratified test: the group's `n1` decisions against the others' `n2`,
/// `m` of all of them with the event, `a` of them the group's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stratum {
    /// The group's decisions in this stratum.
    pub n1: u64,
    /// The other groups' decisions in this stratum.
    pub n2: u64,
    /// Decisions with the event, group and others together.
    pub m: u64,
    /// The group's decisions with the event.
    pub a: u64,
}

/// Result of an exact test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Exact {
    /// Two-sided p.
    pub p: f64,
    /// The group's expected count if it answered like the others in each stratum.
    pub expected: f64,
}

/// Exact conditional test of a group against the others over strata (R's
/// `mantelhaen.test(exact = TRUE)`; with one stratum, Fisher's exact test as `fisher.test`).
///
/// Given every stratum's margins, the group's count in a stratum is hypergeometric; the total
/// over strata has their convolution as its distribution. The two-sided p sums the
/// probabilities of all totals no more likely than the observed one times (1 + 1e-7), the slack
/// making totals that tie in exact arithmetic tie in floating point too. `None` when the margins
/// allow only one total: there is nothing to test.
pub fn exact_stratified(strata: &[Stratum]) -> Option<Exact> {
    let mut dist = vec![1.0f64]; // probabilities of totals lo..=lo + len - 1
    let (mut lo, mut observed, mut expected) = (0u64, 0u64, 0.0f64);
    for s in strata.iter().filter(|s| s.n1 > 0) {
        let total = s.n1 + s.n2;
        let (s_lo, s_hi) = (s.m.saturating_sub(s.n2), s.m.min(s.n1));
        let hyper = statrs::distribution::Hypergeometric::new(total, s.m, s.n1).ok()?;
        let pmf: Vec<f64> = (s_lo..=s_hi).map(|x| statrs::distribution::Discrete::pmf(&hyper, x)).collect();
        dist = convolve(&dist, &pmf);
        lo += s_lo;
        observed += s.a;
        expected += (s.n1 * s.m) as f64 / total as f64;
    }
    if dist.len() < 2 {
        return None;
    }
    let obs = dist[usize::try_from(observed.checked_sub(lo)?).ok()?];
    let cutoff = obs * (1.0 + 1e-7);
    let p = dist.iter().filter(|&&d| d <= cutoff).sum::<f64>();
    Some(Exact { p: p.min(1.0), expected })
}

/// Distribution of the sum of two independent counts; renormalised so long convolutions do
/// not drift from 1.
fn convolve(x: &[f64], y: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; x.len() + y.len() - 1];
    for (i, a) in x.iter().enumerate() {
        for (j, b) in y.iter().enumerate() {
            out[i + j] += a * b;
        }
    }
    let sum: f64 = out.iter().sum();
    out.iter_mut().for_each(|v| *v /= sum);
    out
}

/// Fisher's two-sided exact test of the 2×2 table `[[a, b], [c, d]]` (1 when a margin is zero).
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> f64 {
    exact_stratified(&[Stratum { n1: a + b, n2: c + d, m: a + c, a }]).map_or(1.0, |e| e.p)
}

/// Benjamini–Hochberg adjusted p-values (R's `p.adjust(p, "BH")`), same order as `p`.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]));
    let mut q = vec![0.0; m];
    // Walk from the largest p down, keeping a running minimum so q stays monotone.
    let mut running = 1.0f64;
    for (rank0, &i) in order.iter().enumerate().rev() {
        let adj = p[i] * m as f64 / (rank0 + 1) as f64;
        running = running.min(adj);
        q[i] = running;
    }
    q
}
