//! Pipes and exit codes: a reader that stops early (`| head`) ends the run quietly with 0, a
//! failure keeps its code however its report is cut short, and `--help` lists the codes.
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_foitag"))
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Run with standard output closed before anything is written; exit code and standard error.
fn closed_stdout(cmd: &mut Command) -> (Option<i32>, String) {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    let (code, err) = closed_stdout(bin().args(["tag", "--long"]).arg(corpus()));
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("Broken pipe") && !err.contains("error"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let tags = dir.path().join("tags.csv");
    assert!(bin().arg("tag").arg(corpus()).arg("-o").arg(&tags).output().unwrap().status.success());
    let (code, err) = closed_stdout(bin().args(["compare", "--by", "regime"]).arg(&tags));
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
}

#[test]
fn a_rules_failure_keeps_its_code_when_its_report_is_cut_short() {
    let dir = tempfile::tempdir().unwrap();
    // Enough broken rules that the report fills any pipe buffer.
    let bad: String = (0..3000).map(|i| format!("[[rule]]\nid = \"user.bad{i}\"\nkind = \"signal\"\n\n")).collect();
    std::fs::write(dir.path().join("bad.toml"), bad).unwrap();
    let mut child = bin().args(["rules", "test", "--rules"]).arg(dir.path()).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(2));
}

#[test]
fn help_lists_the_exit_codes() {
    for args in [&["--help"][..], &["tag", "--help"], &["eval", "--help"]] {
        let out = bin().args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Exit codes:") && text.contains("130") && text.contains("3    foitag eval"), "{args:?}: {text}");
    }
}
