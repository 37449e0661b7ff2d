//! The binary end to end: classify, tag, rules, eval and the exit-code contract.
use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_foitag"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const LETTER: &str = "Dear Ms Shah,\n\nThank you for your request for information.\n\nWe hold the \
information, but it is exempt under section 43(2) of the Freedom of Information Act 2000 \
(commercial interests) and is withheld. This letter is a refusal notice under section 17.\n\n\
If you are dissatisfied you may complain to the Information Commissioner under section 50.\n\n\
Yours sincerely\nFOI Team\nKent Police\n";

#[test]
fn classify_reads_stdin_and_writes_one_wide_row() {
    let mut child = bin().arg("classify").stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(LETTER.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    let h = rdr.headers().unwrap().clone();
    let get = |name: &str| rows[0][h.iter().position(|x| x == name).unwrap()].to_string();
    assert_eq!(get("outcome"), "refused");
    assert_eq!(get("cited"), "foia:s43");
    assert_eq!(get("mentioned"), "foia:s17;foia:s50");
    assert_eq!(get("authority"), "Kent Police");
    assert_eq!(get("wdtk_state"), "rejected");
}

#[test]
fn explain_gives_each_status_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("letter.txt");
    std::fs::write(&f, LETTER).unwrap();
    let out = bin().args(["classify", "--explain", "--color", "never"]).arg(&f).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("outcome    refused"), "{text}");
    assert!(text.contains("foia:s43(2) [cited]"), "{text}");
    assert!(text.contains("boilerplate: in the footer zone"), "{text}");
    assert!(!text.contains("\x1b["), "no colours when asked for none");
}

#[test]
fn tag_writes_one_row_per_corpus_file_sorted_by_id() {
    let out = bin().arg("tag").arg(root().join("corpus")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let ids: Vec<String> = rdr.records().map(|r| r.unwrap()[0].to_string()).collect();
    let n = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"))
        .count();
    assert_eq!(ids.len(), n);
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{n} documents, 0 errors")));
}

#[test]
fn tag_long_splits_subsection_chains_into_rows() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Dear Mr Lee,\nThe figures are withheld under s.38(1)(a)&(b) of the Act.\nYours sincerely\n")
        .unwrap();
    let out = bin().args(["tag", "--long"]).arg(dir.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("id,message,zone,kind,canonical,detail,status,rule,start,end,line,col,text"));
    assert!(text.contains("a.txt,1,body,citation,foia:s38,foia:s38(1)(a),cited"), "{text}");
    assert!(text.contains("a.txt,1,body,citation,foia:s38,foia:s38(1)(b),cited"), "{text}");
}

#[test]
fn rules_test_passes_and_a_broken_rule_file_exits_2_with_locations() {
    let out = bin().args(["rules", "test"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("passed, 0 failed"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[[rule]]\nid = \"u.x\"\ndescription = \"d\"\nkind = \"signal\"\nsignal = \"refusal\"\nkeywords = [\"x\"]\npatterns = ['x(']\nexamples.match = [\"x\"]\nexmaples = 1\n",
    )
    .unwrap();
    let out = bin().args(["rules", "test", "--rules"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:"), "{err}");
    assert!(err.contains("error[E002]") && err.contains("exmaples"), "{err}");
}

#[test]
fn eval_prints_scorer_figures_and_guards_a_minimum() {
    let out = bin()
        .args(["eval", "--gold"])
        .arg(root().join("corpus/labels.csv"))
        .arg(root().join("corpus"))
        .args(["--min-f1", "0.99"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(text.contains("cited_f1                       1.000"), "{text}");
    assert!(text.contains("confusion (rows: gold, columns: predicted)"));
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.csv");
    std::fs::write(
        &gold,
        "id,authority,regime,outcome,ncnd,cited,mentioned\np08-humberside-suspended-officers-s40,,foia,provided,no,foia:s21,\n",
    )
    .unwrap();
    let out = bin().args(["eval", "--gold"]).arg(&gold).arg(root().join("corpus")).args(["--min-f1", "0.9"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("fp foia:s40 x1") && text.contains("fn foia:s21 x1"), "{text}");
    assert!(text.contains("p08-humberside-suspended-officers-s40: outcome refused (gold provided)"), "{text}");
}

#[test]
fn overrides_replace_values_and_survive_reruns() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("k.txt"), LETTER).unwrap();
    let fixes = dir.path().join("fixes.csv");
    std::fs::write(&fixes, "id,outcome,cited\nk.txt,partial,foia:s43;foia:s40\n").unwrap();
    let out =
        bin().arg("tag").arg(dir.path()).arg("--overrides").arg(&fixes).args(["-o"]).arg(dir.path().join("out.csv")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut rdr = csv::Reader::from_path(dir.path().join("out.csv")).unwrap();
    let h = rdr.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let rec = rows.iter().find(|r| &r[0] == "k.txt").unwrap();
    let get = |name: &str| rec[h.iter().position(|x| x == name).unwrap()].to_string();
    assert_eq!((get("outcome"), get("cited"), get("overridden")), ("partial".into(), "foia:s40;foia:s43".into(), "yes".into()));
    assert_eq!(get("mentioned"), "foia:s17;foia:s50", "columns not overridden keep computed values");
}

#[test]
fn conflicting_evidence_is_marked_for_review() {
    let mut child = bin().arg("classify").stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Dear Mr Okoro,\n\nThis letter is a refusal notice. We are unable to provide the information and it is withheld.\n\nYours sincerely\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let h = rdr.headers().unwrap().clone();
    let rec = rdr.records().next().unwrap().unwrap();
    let get = |name: &str| rec[h.iter().position(|x| x == name).unwrap()].to_string();
    assert_eq!(get("outcome"), "refused");
    assert_eq!(get("review"), "yes");
    assert!(get("why").contains("refusal without a cited ground"), "{}", get("why"));
}
