//! Blind sets written without sight of the rules: accuracy must not fall below the guarded
//! floor (they are not tuned to 100%, see tests/blind/README.md).
mod common;

use foitag::eval::{read_labels, score};

fn check(set: &str, docs: usize, min_outcome: f64, min_f1: f64) {
    let dir = common::root().join("tests/blind").join(set);
    let gold = read_labels(std::fs::File::open(dir.join("labels.csv")).unwrap()).unwrap();
    let pred = common::predict(&dir);
    let s = score(&gold, &pred);
    assert_eq!(s.documents, docs);
    assert!(s.outcome_accuracy >= min_outcome, "{set}: outcome {:.3}", s.outcome_accuracy);
    assert!(s.cited_f1 >= min_f1, "{set}: cited F1 {:.3}", s.cited_f1);
    assert!(s.ncnd_accuracy >= 0.95, "{set}: ncnd {:.3}", s.ncnd_accuracy);
}

#[test]
fn real_style_blind_set_stays_accurate() {
    check("a", 40, 0.95, 0.98);
}

#[test]
fn tricky_blind_set_stays_accurate() {
    check("b", 40, 0.95, 0.95);
}

#[test]
fn later_blind_set_stays_accurate() {
    check("c", 40, 0.95, 0.95);
}

#[test]
fn structure_blind_set_stays_accurate() {
    check("d", 44, 0.78, 0.87);
}

#[test]
fn newest_blind_set_stays_accurate() {
    check("e", 40, 0.87, 0.96);
}

#[test]
fn varied_authorities_blind_set_stays_accurate() {
    check("f", 44, 0.90, 0.95);
}

#[test]
fn police_and_multi_part_blind_set_stays_accurate() {
    check("g", 40, 0.87, 0.92);
}

#[test]
fn disclosure_log_blind_set_stays_accurate() {
    check("h", 40, 0.82, 0.95);
}

#[test]
fn confusable_outcomes_blind_set_stays_accurate() {
    check("i", 49, 0.93, 0.95);
}

#[test]
fn pasted_pages_blind_set_stays_accurate() {
    check("j", 42, 0.88, 0.92);
}
