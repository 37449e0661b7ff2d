//! Rule files: the defaults compile with every example passing; broken files give located errors.
mod common;

use foitag::rules::compile::{compile, sources};
use foitag::rules::examples::check;

#[test]
fn default_rules_compile_and_pass_their_examples() {
    let set = common::rules();
    assert!(set.rules.len() > 50);
    assert!(set.authorities.len() > 300, "authorities: {}", set.authorities.len());
    for r in &set.rules {
        assert!(!r.matches.is_empty(), "rule {} has no examples", r.id);
        assert!(check(r).is_empty(), "rule {} fails its examples: {:?}", r.id, check(r));
    }
    // Loading trusts the embedded files; compiled strictly (every pattern built, every
    // example run, as `foitag rules test` does) they pass too.
    let strict = compile(&sources(None).expect("sources")).expect("defaults compile strictly");
    assert_eq!(strict.rules.len(), set.rules.len());
    let police = set.authorities.iter().filter(|a| a.name.contains("Police") || a.name.contains("Constabulary")).count();
    assert!(police >= 45, "police forces listed: {police}");
}

#[test]
fn every_error_of_a_broken_file_is_reported_with_its_location() {
    let bad = r#"
[[rule]]
id = "x.bad-regex"
description = "bad"
kind = "signal"
signal = "refusal"
keywords = ["x"]
patterns = ['(unclosed']
examples.match = ["x"]

[[rule]]
id = "x.typo"
descripton = "misspelt key"
kind = "signal"
signal = "refusal"
keywords = ["y"]
patterns = ['y']
examples.match = ["y"]
"#;
    let mut srcs = sources(None).unwrap();
    srcs.push(("user/bad.toml".into(), bad.into()));
    let err = compile(&srcs).expect_err("must fail").to_string();
    assert!(err.contains("user/bad.toml:8:14: error[E003]"), "{err}");
    assert!(err.contains("user/bad.toml:13:1: error[E002]"), "{err}");
    assert!(err.contains("descripton"), "{err}");
    assert!(err.contains("2 error(s)"), "{err}");
}

#[test]
fn a_user_file_can_disable_and_replace_a_default_rule() {
    let user = r#"
disable = ["title.vexatious"]

[[rule]]
id = "title.vexatious"
description = "stricter"
kind = "title"
sections = { act = "14", scotland = "14" }
keywords = ["vexatious"]
patterns = ['(?i)\bis\s+vexatious\b']
examples.match = ["the request is vexatious"]
examples.no-match = ["refused as vexatious"]
"#;
    let mut srcs = sources(None).unwrap();
    srcs.push(("user/override.toml".into(), user.into()));
    let set = compile(&srcs).expect("compiles");
    assert_eq!(set.rule("title.vexatious").unwrap().description, "stricter");
}
