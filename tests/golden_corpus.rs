//! Golden tests: `foitag tag corpus` must reproduce every label in `corpus/labels.csv`, and the
//! whole wide CSV must equal `tests/golden/corpus.csv` (bless with FOITAG_BLESS=1).
mod common;

use std::collections::BTreeMap;

#[test]
fn every_corpus_label_is_reproduced() {
    let labels = common::root().join("corpus/labels.csv");
    let mut rdr = csv::Reader::from_path(&labels).expect("labels");
    let gold: BTreeMap<String, csv::StringRecord> = rdr.records().map(|r| r.unwrap()).map(|r| (r[0].to_string(), r)).collect();
    let texts = common::texts(&common::root().join("corpus"));
    assert!(texts.len() >= 60, "corpus has {} texts", texts.len());
    assert_eq!(gold.len(), texts.len(), "every corpus text has a label");
    let mut failures = Vec::new();
    for (id, text) in &texts {
        let g = gold.get(id).unwrap_or_else(|| panic!("no label for {id}"));
        let r = common::row(id, text);
        let got = [&r.authority, &r.regime, &r.outcome, &r.ncnd, &r.cited, &r.mentioned];
        let want = [&g[1], &g[2], &g[3], &g[4], &g[5], &g[6]];
        for (name, (a, b)) in ["authority", "regime", "outcome", "ncnd", "cited", "mentioned"].iter().zip(got.iter().zip(want.iter())) {
            if a.as_str() != *b {
                failures.push(format!("{id}: {name} = {a:?}, label says {b:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn whole_wide_csv_matches_the_golden_file() {
    let texts = common::texts(&common::root().join("corpus"));
    let mut w = foitag::output::CsvWriter::new(Vec::new(), &[]).unwrap();
    for (id, text) in &texts {
        w.write(&common::row(id, text)).unwrap();
    }
    let got = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let path = common::root().join("tests/golden/corpus.csv");
    if std::env::var_os("FOITAG_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).expect("golden file (run with FOITAG_BLESS=1 to create)");
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    let diff: Vec<String> = g.iter().zip(&w).filter(|(a, b)| a != b).map(|(a, b)| format!("got  {a}\nwant {b}")).collect();
    assert_eq!(g.len(), w.len(), "row count differs");
    assert!(diff.is_empty(), "{} rows differ:\n{}", diff.len(), diff.join("\n"));
}
