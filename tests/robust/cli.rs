//! Exit codes of the binary: 0 success (and --help/--version), 1 usage error, 2 some inputs
//! failed or the rules are invalid.
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn foitag(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foitag")).args(args).stdin(Stdio::null()).output().unwrap()
}

fn code(args: &[&str]) -> i32 {
    foitag(args).status.code().expect("exit code")
}

#[test]
fn help_and_version_exit_0() {
    for args in [&["--help"][..], &["-h"], &["--version"], &["-V"], &["tag", "--help"], &["rules", "test", "--help"]] {
        let out = foitag(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?} prints to standard output");
    }
}

#[test]
fn usage_errors_exit_1() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["--no-such-flag"],
        &["tag"],
        &["tag", "x", "--jobs", "many"],
        &["classify", "--color", "purple"],
        &["rules"],
        &["compare"],
    ] {
        let out = foitag(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!out.stderr.is_empty(), "{args:?} explains itself on standard error");
    }
}

#[test]
fn success_exits_0() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("letter.txt");
    std::fs::write(&f, "Dear Sir,\nWe refuse your request under section 14(1).\nYours faithfully\n").unwrap();
    assert_eq!(code(&["classify", f.to_str().unwrap()]), 0);
    assert_eq!(code(&["tag", tmp.path().to_str().unwrap()]), 0);
    assert_eq!(code(&["rules", "test"]), 0);
    // Standard input.
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_foitag")).args(["classify", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"We refuse under section 40(2).").unwrap();
    assert_eq!(child.wait_with_output().unwrap().status.code(), Some(0));
}

#[test]
fn failed_inputs_exit_2_and_keep_their_rows() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("good.txt"), "We refuse under section 40(2).").unwrap();
    // Binary content behind a .txt name, and an empty file.
    std::fs::write(tmp.path().join("binary.txt"), b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0").unwrap();
    std::fs::write(tmp.path().join("empty.txt"), b"").unwrap();
    let out = foitag(&["tag", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    let error_col = r.headers().unwrap().iter().position(|h| h == "error").expect("error column");
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3, "one row per input, failed ones included");
    let bad = rows.iter().find(|r| &r[0] == "binary.txt").expect("error row for the binary file");
    let outcome_col = r.headers().unwrap().iter().position(|h| h == "outcome").expect("outcome column");
    assert_eq!(&bad[outcome_col], "error");
    assert!(!bad[error_col].is_empty(), "the error column says why");
    // A missing file given to classify.
    assert_eq!(code(&["classify", tmp.path().join("missing.txt").to_str().unwrap()]), 2);
    // A tag run over a file that does not exist.
    assert_eq!(code(&["tag", tmp.path().join("missing.txt").to_str().unwrap()]), 2);
}

#[test]
fn invalid_rules_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("bad.toml"), "[[rule]]\nid = \"x\"\n").unwrap();
    let f = tmp.path().join("letter.txt");
    std::fs::write(&f, "We refuse under section 40(2).").unwrap();
    let rules = tmp.path().to_str().unwrap();
    assert_eq!(code(&["rules", "test", "--rules", rules]), 2);
    assert_eq!(code(&["classify", f.to_str().unwrap(), "--rules", rules]), 2);
    assert_eq!(code(&["tag", f.to_str().unwrap(), "--rules", rules]), 2);
}
