//! Statistics kit against values computed independently (SciPy 1.17 and exact fractions in Python).
use foitag::compare::stats::{benjamini_hochberg, exact_stratified, fisher_exact, wilson, Stratum, Z95};
use foitag::compare::write::{fmt_p, fmt_rate};

fn close(got: f64, want: f64, rel: f64) -> bool {
    (got - want).abs() <= rel * want.abs().max(1e-300)
}

#[test]
fn fisher_matches_r_definition() {
    // fisher.test(matrix(c(16,4,18,162),2)) etc.; the table here is [[a, b], [c, d]] by rows.
    let cases = [
        ((16, 4, 18, 162), 4.27716389354078e-11),
        ((2, 18, 34, 146), 0.5388745261991512),
        ((1, 9, 11, 3), 0.0027594561852200836),
        ((0, 5, 5, 0), 0.007936507936507938),
        ((10, 10, 10, 10), 1.0),
    ];
    for ((a, b, c, d), want) in cases {
        let got = fisher_exact(a, b, c, d);
        assert!(close(got, want, 1e-9), "fisher({a},{b},{c},{d}) = {got}, want {want}");
    }
}

#[test]
fn fisher_counts_tied_tables_as_r_does() {
    // Tables tie exactly here (p(1) == p(3)); the 1e-7 slack must include both.
    let got = fisher_exact(3, 1, 1, 3);
    assert!(close(got, 0.48571428571428565, 1e-9), "{got}");
}

#[test]
fn fisher_with_a_zero_margin_is_one() {
    assert_eq!(fisher_exact(0, 0, 3, 7), 1.0);
    assert_eq!(fisher_exact(0, 5, 0, 7), 1.0);
}

#[test]
fn wilson_interval_of_16_of_20() {
    let (lo, hi) = wilson(16, 20, Z95).unwrap();
    assert!(close(lo, 0.583982565906683, 1e-9), "{lo}");
    assert!(close(hi, 0.9193423379822393, 1e-9), "{hi}");
}

#[test]
fn wilson_interval_edges() {
    let (lo, hi) = wilson(0, 10, Z95).unwrap();
    assert_eq!(lo, 0.0);
    assert!(close(hi, 0.2775328030260577, 1e-9), "{hi}");
    let (lo, hi) = wilson(18, 180, Z95).unwrap();
    assert!(close(lo, 0.06419425090662254, 1e-9) && close(hi, 0.15252214768887115, 1e-9));
    assert!(wilson(0, 0, Z95).is_none());
}

#[test]
fn bh_matches_r_p_adjust() {
    // p.adjust(c(.001,.008,.039,.041,.042,.06,.074,.205), "BH")
    let p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205];
    let want = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.08457142857142856, 0.205];
    for (g, w) in benjamini_hochberg(&p).iter().zip(want) {
        assert!(close(*g, w, 1e-12), "{g} vs {w}");
    }
    // Unsorted input keeps its order: p.adjust(c(.04,.01,.03,.5,.02), "BH")
    let q = benjamini_hochberg(&[0.04, 0.01, 0.03, 0.5, 0.02]);
    for (g, w) in q.iter().zip([0.05, 0.05, 0.05, 0.5, 0.05]) {
        assert!(close(*g, w, 1e-12), "{q:?}");
    }
    assert!(benjamini_hochberg(&[]).is_empty());
}

#[test]
fn number_formats() {
    assert_eq!(fmt_rate(0.8), "0.8000");
    assert_eq!(fmt_p(4.27716389354078e-11), "4.27716e-11");
    assert_eq!(fmt_p(0.5388745261991512), "0.538875");
    assert_eq!(fmt_p(0.0027594561852200836), "0.00275946");
    assert_eq!(fmt_p(1.0), "1.00000");
    assert_eq!(fmt_p(0.99999999), "1.00000");
    assert_eq!(fmt_p(0.0999999999), "0.100000");
    assert_eq!(fmt_p(0.0), "0");
}

fn stratum(n1: u64, n2: u64, m: u64, a: u64) -> Stratum {
    Stratum { n1, n2, m, a }
}

#[test]
fn stratified_exact_test_matches_exact_fractions() {
    // Convolution of the strata's hypergeometric distributions in exact fractions (Python).
    let e = exact_stratified(&[stratum(5, 10, 6, 4), stratum(8, 8, 3, 2), stratum(3, 12, 9, 3)]).unwrap();
    assert!(close(e.p, 0.014849326497678146, 1e-9), "{}", e.p);
    assert!(close(e.expected, 5.3, 1e-12));
    // Opposite differences in two strata cancel out.
    let e = exact_stratified(&[stratum(20, 20, 10, 9), stratum(20, 20, 10, 1)]).unwrap();
    assert!(close(e.p, 1.0, 1e-9) && close(e.expected, 10.0, 1e-12));
}

#[test]
fn one_stratum_is_fishers_test_and_fixed_margins_are_no_test() {
    let e = exact_stratified(&[stratum(20, 180, 34, 16)]).unwrap();
    assert!(close(e.p, 4.27716389354078e-11, 1e-9), "{}", e.p);
    assert!(exact_stratified(&[stratum(10, 10, 0, 0)]).is_none(), "nobody has the event");
    assert!(exact_stratified(&[stratum(10, 10, 20, 10)]).is_none(), "everybody has it");
    assert!(exact_stratified(&[stratum(0, 10, 3, 0)]).is_none(), "the group has no decisions");
}
