//! Small statistics kit: Wilson intervals, Fisher's exact test, Benjamini–Hochberg.
//!
//! Written here rather than taken from a crate: statrs would pull in nalgebra for
//! three short functions, and we need R's exact tie rule for Fisher's test.

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

/// Table of ln(k!) for k = 0..=max, so one run's many Fisher tests share it.
#[derive(Debug, Clone)]
pub struct LnFact(Vec<f64>);

impl LnFact {
    /// Build the table up to `max` inclusive.
    pub fn new(max: u64) -> Self {
        let mut v = Vec::with_capacity(max as usize + 1);
        let mut acc = 0.0f64;
        v.push(0.0);
        for k in 1..=max {
            acc += (k as f64).ln();
            v.push(acc);
        }
        LnFact(v)
    }

    /// ln(k!); panics if `k` exceeds the table, which would be a caller bug.
    pub fn get(&self, k: u64) -> f64 {
        self.0[k as usize]
    }

    fn ln_choose(&self, n: u64, k: u64) -> f64 {
        self.get(n) - self.get(k) - self.get(n - k)
    }

    /// Largest `k` the table covers.
    pub fn max(&self) -> u64 {
        self.0.len() as u64 - 1
    }
}

/// Two-sided Fisher exact p for the 2×2 table `[[a, b], [c, d]]`.
///
/// Same definition as R's `fisher.test`: the sum of the probabilities of all
/// tables with the observed margins whose probability is at most the observed
/// one times (1 + 1e-7); the slack makes tables that tie in exact arithmetic
/// tie in floating point too.
pub fn fisher_two_sided(lf: &LnFact, a: u64, b: u64, c: u64, d: u64) -> f64 {
    let row1 = a + b;
    let col1 = a + c;
    let total = a + b + c + d;
    assert!(total <= lf.max(), "LnFact table too small for this table");
    if row1 == 0 || col1 == 0 || row1 == total || col1 == total {
        return 1.0; // a zero margin leaves only one possible table
    }
    let ln_denom = lf.ln_choose(total, row1);
    let ln_p = |x: u64| lf.ln_choose(col1, x) + lf.ln_choose(total - col1, row1 - x) - ln_denom;
    let lo = col1.saturating_sub(total - row1);
    let hi = col1.min(row1);
    let ln_obs = ln_p(a);
    let cutoff = ln_obs + (1.0 + 1e-7f64).ln();
    let p: f64 = (lo..=hi).map(ln_p).filter(|&l| l <= cutoff).map(f64::exp).sum();
    p.min(1.0)
}

/// Fisher's two-sided test with a table built for just this call.
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> f64 {
    fisher_two_sided(&LnFact::new(a + b + c + d), a, b, c, d)
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
