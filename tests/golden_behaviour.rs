//! Whole-output goldens: the long CSV of `corpus/` must equal `tests/golden/corpus-long.csv`, and
//! the wide and long CSV of the shared seeds and development set must hash to the digests in
//! `tests/golden/shared.sha256` (their texts are not ours to copy). Bless with FOITAG_BLESS=1.
mod common;

use foitag::output::{long_rows, CsvWriter, WideRow};
use sha2::{Digest, Sha256};
use std::path::Path;

fn csv_of(dir: &Path) -> (String, String) {
    let mut wide = CsvWriter::new(Vec::new(), &[]).unwrap();
    let mut long = CsvWriter::new(Vec::new(), &[]).unwrap();
    for (id, text) in common::texts(dir) {
        let doc = foitag::document::Document { id: id.clone(), text, ..Default::default() };
        let a = foitag::analyse_document(common::rules(), &doc);
        wide.write(&WideRow::from_analysis(&doc, &a)).unwrap();
        for r in long_rows(&id, &a, common::rules()) {
            long.write(&r).unwrap();
        }
    }
    (String::from_utf8(wide.into_inner().unwrap()).unwrap(), String::from_utf8(long.into_inner().unwrap()).unwrap())
}

fn check_file(got: &str, name: &str) {
    let path = common::root().join("tests/golden").join(name);
    if std::env::var_os("FOITAG_BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path).expect("golden file (run with FOITAG_BLESS=1 to create)");
    let diff: Vec<String> =
        got.lines().zip(want.lines()).filter(|(a, b)| a != b).take(20).map(|(a, b)| format!("got  {a}\nwant {b}")).collect();
    assert!(diff.is_empty(), "{name}: rows differ:\n{}", diff.join("\n"));
    assert_eq!(got.lines().count(), want.lines().count(), "{name}: row count differs");
}

#[test]
fn corpus_long_csv_matches_the_golden_file() {
    let (_, long) = csv_of(&common::root().join("corpus"));
    check_file(&long, "corpus-long.csv");
}

#[test]
fn shared_sets_hash_to_the_golden_digests() {
    let Some(shared) = common::shared() else { return };
    let mut lines = String::new();
    for set in ["seeds", "corpus/dev"] {
        let (wide, long) = csv_of(&shared.join(set));
        for (kind, text) in [("wide", wide), ("long", long)] {
            lines.push_str(&format!("{:x}  {set} {kind}\n", Sha256::digest(text.as_bytes())));
        }
    }
    check_file(&lines, "shared.sha256");
}
