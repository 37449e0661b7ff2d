//! Golden diagnostics: each `tests/rules_errors/NAME.toml` is compiled after the default rules and
//! its rendered diagnostics must equal `NAME.expected` exactly. `FOITAG_BLESS=1 cargo test
//! rules_errors` rewrites the expected files after a deliberate change of wording.
use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules_errors")
}

/// Diagnostics for defaults + one file, as the user sees them: each diagnostic about that file
/// (the defaults' own warnings are left out, so the lead's rule edits do not churn these files),
/// then, when compilation failed, the closing count line.
fn render(name: &str) -> String {
    let path = dir().join(format!("{name}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let file = format!("tests/rules_errors/{name}.toml");
    let mut src = foitag::rules::compile::sources(None).unwrap();
    src.push((file.clone(), text));
    let (diags, full) = match foitag::rules::compile::compile(&src) {
        Err(e) => {
            let full = e.to_string();
            (e.0, Some(full))
        }
        Ok(set) => (set.warnings, None),
    };
    let mut out: Vec<String> = diags.iter().filter(|d| d.file == file).map(|d| d.to_string()).collect();
    if let Some(full) = full {
        // Errors only ever come from the file under test; the rendering is the binary's.
        let errors = diags.iter().filter(|d| d.is_error()).count();
        assert!(diags.iter().filter(|d| d.is_error()).all(|d| d.file == file));
        for d in &out {
            assert!(full.contains(d.as_str()));
        }
        let last = format!("{errors} error(s) in rule files");
        assert!(full.ends_with(&last));
        out.push(last);
    }
    out.join("\n")
}

fn golden(name: &str) {
    let got = render(name);
    let path = dir().join(format!("{name}.expected"));
    if std::env::var_os("FOITAG_BLESS").is_some() {
        std::fs::write(&path, format!("{got}\n")).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(got, want.trim_end_matches('\n'), "diagnostics of {name}.toml differ from {name}.expected");
}

#[test]
fn e001_syntax() {
    golden("e001-syntax");
}
#[test]
fn e002_unknown_key() {
    golden("e002-unknown-key");
}
#[test]
fn e002_unknown_signal() {
    golden("e002-unknown-signal");
}

#[test]
fn e003_bad_regex() {
    golden("e003-bad-regex");
}
#[test]
fn e004_regex_too_big() {
    golden("e004-regex-too-big");
}
#[test]
fn e005_duplicate_id() {
    golden("e005-duplicate-id");
}
#[test]
fn e006_no_examples() {
    golden("e006-no-examples");
}
#[test]
fn e007_example_missed() {
    golden("e007-example-missed");
}
#[test]
fn e008_no_match_matches() {
    golden("e008-no-match-matches");
}
#[test]
fn w001_keyword_not_in_examples() {
    golden("w001-keyword-not-in-examples");
}
#[test]
fn many_problems_golden() {
    golden("many-problems");
}

/// Every file has an expected rendering and every expected rendering a file.
#[test]
fn every_case_has_both_files() {
    let names = |ext: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names("toml"), names("expected"));
}

/// All problems of a file are reported in one run, each with its code.
#[test]
fn several_problems_are_reported_together() {
    let out = render("many-problems");
    for code in ["error[E002]", "error[E003]", "error[E006]", "error[E005]", "error[E007]", "error[E008]"] {
        assert!(out.contains(code), "{code} missing from:\n{out}");
    }
    assert!(out.ends_with("6 error(s) in rule files"), "{out}");
}

/// The binary reports them all on standard error and exits 2; valid rules exit 0.
#[test]
fn rules_test_exits_2_with_every_diagnostic() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(dir().join("many-problems.toml"), tmp.path().join("many-problems.toml")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_foitag")).args(["rules", "test", "--rules"]).arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for code in ["E002", "E003", "E005", "E006", "E007", "E008"] {
        assert!(err.contains(&format!("error[{code}]")), "{code} missing from:\n{err}");
    }
    assert!(err.contains("6 error(s) in rule files"));

    let ok = tempfile::tempdir().unwrap();
    std::fs::copy(dir().join("w001-keyword-not-in-examples.toml"), ok.path().join("w.toml")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_foitag")).args(["rules", "test", "--rules"]).arg(ok.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning[W001]"));
}

/// A pattern that would compile to a huge program is turned down quickly, not built.
#[test]
fn huge_pattern_is_rejected_fast() {
    let t = std::time::Instant::now();
    let out = render("e004-regex-too-big");
    assert!(out.contains("error[E004]"), "{out}");
    assert!(t.elapsed() < std::time::Duration::from_secs(20), "{:?}", t.elapsed());
}
