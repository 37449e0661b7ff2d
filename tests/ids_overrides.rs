//! Ids and hand corrections end to end: ids come from the file alone, every row carries its
//! path, overrides must name inputs of the run with values of the output's vocabulary, and a
//! manifest may not use an id twice.
use std::path::Path;
use std::process::{Command, Output};

fn foitag(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foitag")).args(args).output().unwrap()
}

const LETTER: &str = "Dear Ms Shah,\n\nWe hold the information, but it is exempt under section 43(2) of the Freedom of \
Information Act 2000 and is withheld. This letter is a refusal notice.\n\nYours sincerely\nFOI Team\n";

/// Rows of a wide CSV as (column -> value) lookups.
fn rows(csv_text: &[u8]) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv_text);
    let h = r.headers().unwrap().clone();
    r.records().map(|rec| h.iter().map(String::from).zip(rec.unwrap().iter().map(String::from)).collect()).collect()
}

fn tag_with_overrides(dir: &Path, fixes: &str) -> Output {
    std::fs::write(dir.join("fixes.csv"), fixes).unwrap();
    foitag(&["tag".as_ref(), dir.join("in").as_os_str(), "--overrides".as_ref(), dir.join("fixes.csv").as_os_str()])
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/reply.txt"), LETTER).unwrap();
    std::fs::write(dir.path().join("in/reply.html"), format!("<html><body><p>{LETTER}</p></body></html>")).unwrap();
    dir
}

#[test]
fn files_sharing_a_stem_keep_their_extension_and_their_path() {
    let dir = folder();
    let out = foitag(&["tag".as_ref(), dir.path().join("in").as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = rows(&out.stdout);
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["reply.html", "reply.txt"]);
    assert_eq!(rows[1]["path"], dir.path().join("in").join("reply.txt").display().to_string());
}

#[test]
fn an_overridden_outcome_moves_the_state_and_the_last_stage() {
    let dir = folder();
    let out = tag_with_overrides(dir.path(), "id,outcome\nreply.txt,provided\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = rows(&out.stdout);
    let r = rows.iter().find(|r| r["id"] == "reply.txt").unwrap();
    assert_eq!((r["outcome"].as_str(), r["wdtk_state"].as_str(), r["overridden"].as_str()), ("provided", "successful", "yes"));
    assert!(r["stages"].ends_with("provided"), "{}", r["stages"]);
}

#[test]
fn bad_overrides_are_errors_naming_the_line() {
    let dir = folder();
    for (fixes, want) in [
        ("id,outcome\nreply.txt,refused\nreply,refused\n", "overrides line 3: id `reply` matches no input"),
        ("id,outcome\nreply.txt,refused\nreply.txt,partial\n", "overrides line 3: duplicate id `reply.txt`"),
        ("id,outcome\nreply.txt,rejected\n", "overrides line 2: outcome: unknown outcome `rejected`"),
    ] {
        let out = tag_with_overrides(dir.path(), fixes);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{fixes}: {err}");
        assert!(err.contains(want), "{fixes}: {err}");
    }
}

#[test]
fn a_manifest_may_not_use_an_id_twice() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.csv");
    std::fs::write(&m, format!("id,text\na,\"{LETTER}\"\nb,\"{LETTER}\"\na,\"{LETTER}\"\n")).unwrap();
    let out = foitag(&["tag".as_ref(), "--manifest".as_ref(), m.as_os_str()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("duplicate id `a`"), "{err}");
}
