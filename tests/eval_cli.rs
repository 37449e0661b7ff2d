//! `foitag eval` scores what it can and refuses to score what it cannot: gold ids that match no
//! document, measures whose column the gold file lacks.
use std::path::PathBuf;
use std::process::{Command, Output};

fn eval(gold: &str, extra: &[&str]) -> (Output, String) {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("gold.csv");
    std::fs::write(&g, gold).unwrap();
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = Command::new(env!("CARGO_BIN_EXE_foitag")).args(["eval", "--gold"]).arg(&g).arg(&corpus).args(extra).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out, text)
}

#[test]
fn gold_ids_that_match_no_document_are_refused_unless_allowed() {
    let gold =
        "id,outcome,ncnd,cited,mentioned\nno-such-letter,provided,no,,\np08-humberside-suspended-officers-s40,refused,no,foia:s40,\n";
    let (out, _) = eval(gold, &["--min-f1", "0.9"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("1 of 2 gold ids match no document: no-such-letter"), "{err}");
    let (out, text) = eval(gold, &["--allow-missing", "--min-outcome", "0.9"]);
    assert_eq!(out.status.code(), Some(3), "the missing id counts as wrong: {text}");
    assert!(text.contains("outcome_accuracy               0.500"), "{text}");
}

#[test]
fn only_the_gold_columns_are_scored() {
    let gold = "id,outcome\np08-humberside-suspended-officers-s40,refused\n";
    let (out, text) = eval(gold, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("outcome_accuracy               1.000"), "{text}");
    for absent in ["cited_f1", "ncnd_accuracy", "authority_accuracy", "mentioned_reported_as_cited"] {
        assert!(!text.contains(absent), "{absent} has no gold column: {text}");
    }
    let (out, _) = eval(gold, &["--min-f1", "0.5"]);
    assert_eq!(out.status.code(), Some(2), "--min-f1 without a cited column cannot be checked");
}

#[test]
fn the_confusion_matrix_names_outcomes_in_full() {
    let labels = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/labels.csv")).unwrap();
    let (out, text) = eval(&labels, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let header = text.lines().skip_while(|l| !l.starts_with("confusion")).nth(1).unwrap();
    for name in ["acknowledgement", "clarification", "review_overturned"] {
        assert!(header.split_whitespace().any(|c| c == name), "{name} in {header:?}");
    }
}
