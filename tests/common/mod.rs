//! Helpers shared by the integration tests: the compiled default rules and corpus rows.
#![allow(dead_code)]
use foitag::document::Document;
use foitag::output::WideRow;
use foitag::rules::RuleSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The embedded rules, compiled once per test binary.
pub fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::defaults().expect("default rules compile"))
}

/// Wide row for a text.
pub fn row(id: &str, text: &str) -> WideRow {
    let doc = Document { id: id.into(), text: text.into(), ..Default::default() };
    let a = foitag::analyse_document(rules(), &doc);
    WideRow::from_analysis(&doc, &a)
}

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the project, when present. Missing, a test that needs it is skipped and
/// says so; under CI (`CI` set) it fails instead, so a green run has really run it.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    if p.join("tools/score.py").exists() {
        return Some(p);
    }
    assert!(std::env::var_os("CI").is_none(), "../shared is missing, and CI is set: the shared-set tests cannot run");
    eprintln!("skipped: ../shared is missing");
    None
}

/// Every `*.txt` in a folder, sorted, as (id, text).
pub fn texts(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            let text = foitag::input::decode_text(&bytes).expect("decode");
            (p.file_stem().unwrap().to_string_lossy().to_string(), text)
        })
        .collect();
    v.sort();
    v
}

/// Predicted labels for every `*.txt` in a folder, as the scorer reads them.
pub fn predict(dir: &Path) -> std::collections::BTreeMap<String, foitag::eval::Labels> {
    texts(dir).into_iter().map(|(id, text)| (id.clone(), foitag::eval::Labels::of_row(&row(&id, &text)))).collect()
}
