//! Whole-output goldens: the long CSV of `corpus/` must equal `tests/golden/corpus-long.csv`, and
//! the wide and long CSV of the shared seeds and development set must hash to the digests in
//! `tests/golden/shared.sha256` (their texts are not ours to copy). Bless with FOITAG_BLESS=1.
mod common;

use sha2::{Digest, Sha256};
use std::path::Path;

fn csv_of(dir: &Path) -> (String, String) {
    let mut wide = csv::Writer::from_writer(Vec::new());
    let mut long = csv::Writer::from_writer(Vec::new());
    wide.write_record(foitag::output::wide_header(&[])).unwrap();
    long.write_record(foitag::output::LONG_HEADER).unwrap();
    for (id, text) in common::texts(dir) {
        let doc = foitag::document::Document { id: id.clone(), text, ..Default::default() };
        let a = foitag::analyse_document(common::rules(), &doc);
        wide.write_record(foitag::output::WideRow::from_analysis(&doc, &a).fields()).unwrap();
        for r in foitag::output::long_rows(&id, &a.scan, common::rules()) {
            long.serialize(r).unwrap();
        }
    }
    let s = |w: csv::Writer<Vec<u8>>| String::from_utf8(w.into_inner().unwrap()).unwrap();
    (s(wide), s(long))
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
