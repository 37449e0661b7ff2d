//! Writing rules from the command line: a copied rules folder replaces the defaults with
//! --no-default-rules, `rules test` names the user's rules, an empty folder is an error, and
//! `rules list` shows kinds as written, files, and filters.
use std::path::PathBuf;
use std::process::{Command, Output};

fn foitag(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foitag")).args(args).output().unwrap()
}

fn copy_of_the_rules() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let rules = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules");
    for e in std::fs::read_dir(rules).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_copied_rules_folder_replaces_the_defaults_with_no_default_rules() {
    let copy = copy_of_the_rules();
    let d = copy.path().as_os_str();
    let out = foitag(&["rules".as_ref(), "test".as_ref(), "--rules".as_ref(), d]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("error[E005]") && err.contains("pass --no-default-rules"), "{err}");

    let out = foitag(&["rules".as_ref(), "test".as_ref(), "--rules".as_ref(), d, "--no-default-rules".as_ref()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains(&format!("from {}; no embedded defaults", copy.path().display())), "{said}");
    assert!(said.contains(&format!("{}: cite.section", copy.path().join("citations.toml").display())), "{said}");

    // The copy classifies as the defaults do.
    let letter = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/g01-sheffield-discount-reviews.txt");
    let with_copy = foitag(&["classify".as_ref(), letter.as_os_str(), "--rules".as_ref(), d, "--no-default-rules".as_ref()]);
    let with_defaults = foitag(&["classify".as_ref(), letter.as_os_str()]);
    assert!(with_copy.status.success(), "{}", text(&with_copy.stderr));
    assert_eq!(text(&with_copy.stdout), text(&with_defaults.stdout));
}

#[test]
fn rules_test_names_the_rules_from_the_users_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.toml"),
        "[[rule]]\nid = \"user.refusal-regret\"\ndescription = \"d\"\nkind = \"signal\"\nsignal = \"refusal\"\nkeywords = [\"regret\"]\npatterns = ['(?i)we regret']\nexamples.match = [\"We regret that we cannot help\"]\n",
    )
    .unwrap();
    let out = foitag(&["rules".as_ref(), "test".as_ref(), "--rules".as_ref(), dir.path().as_os_str()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("1 rules from") && said.contains("mine.toml: user.refusal-regret"), "{said}");
}

#[test]
fn an_empty_rules_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [&["rules", "test"][..], &["classify", "-"]] {
        let args: Vec<&std::ffi::OsStr> = cmd.iter().map(|a| a.as_ref()).chain(["--rules".as_ref(), dir.path().as_os_str()]).collect();
        let out = foitag(&args);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
        assert!(text(&out.stderr).contains("no rule files (*.toml)"), "{cmd:?}: {}", text(&out.stderr));
    }
}

#[test]
fn rules_list_shows_kinds_as_written_and_files_and_filters() {
    let out = foitag(&["rules".as_ref(), "list".as_ref(), "--kind".as_ref(), "other-act".as_ref()]);
    let said = text(&out.stdout);
    assert!(out.status.success() && !said.is_empty());
    for line in said.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!((cols[1], cols[2]), ("other-act", "rules/other-acts.toml"), "{line}");
    }
    let out = foitag(&["rules".as_ref(), "list".as_ref(), "--id".as_ref(), "mod.hypothetical".as_ref()]);
    let said = text(&out.stdout);
    assert!(said.lines().count() >= 2 && said.lines().all(|l| l.starts_with("mod.hypothetical")), "{said}");
}
