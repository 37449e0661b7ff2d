//! The JSON report (`classify --format json`, `tag --format jsonl`): typed values, one key order
//! on every row, findings whose reasons agree with their statuses, and what `--explain` shows.
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_foitag"))
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Every line of `tag --format jsonl` over the shipped corpus, parsed.
fn corpus_rows() -> Vec<serde_json::Map<String, Value>> {
    let out = bin().args(["tag", "--format", "jsonl"]).arg(corpus()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| match serde_json::from_str(l).unwrap() {
            Value::Object(o) => o,
            other => panic!("not an object: {other}"),
        })
        .collect()
}

const LETTER: &str = "Dear Mr Lee,\n\nThank you for your request.\n\n1. How many drones does the force own?\n2. Where are they used?\n\n\
1. We hold this information: the force owns 12 drones.\n\
2. This information is exempt under section 31(1)(a) of the Freedom of Information Act and is withheld.\n\n\
You may complain to the Information Commissioner under section 50.\n\nYours sincerely\nFOI Team\nKent Police\n";

fn classify_json(text: &str) -> Value {
    let mut child = bin()
        .args(["classify", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The type every top-level key has on every row: null allowed where the schema says so.
fn check_types(row: &serde_json::Map<String, Value>) {
    let id = row["id"].as_str().unwrap();
    let is = |k: &str, f: fn(&Value) -> bool| assert!(f(&row[k]), "{id}: `{k}` is {}", row[k]);
    is("schema", Value::is_u64);
    is("ncnd", Value::is_boolean);
    is("review", Value::is_boolean);
    is("overridden", Value::is_boolean);
    for k in ["regime", "cited", "mentioned", "answers", "why", "stages", "messages", "findings", "ncnd_evidence"] {
        is(k, Value::is_array);
    }
    for k in ["names", "columns", "margin"] {
        is(k, Value::is_object);
    }
    is("outcome", Value::is_string);
    for k in ["authority", "confidence", "wdtk_state", "date", "subject", "url", "error", "text"] {
        is(k, |v| v.is_string() || v.is_null());
    }
    for k in ["cited", "mentioned", "why", "stages", "regime"] {
        assert!(row[k].as_array().unwrap().iter().all(Value::is_string), "{id}: {k}");
    }
    assert_eq!(row["review"].as_bool().unwrap(), !row["why"].as_array().unwrap().is_empty(), "{id}: review agrees with why");
    for m in row["messages"].as_array().unwrap() {
        assert!(m["quoted"].is_boolean() && m["latest"].is_boolean() && m["ncnd"].is_boolean(), "{id}: {m}");
        assert!(m["number"].is_u64() && m["role_cues"].is_array() && m["signals"].is_array(), "{id}: {m}");
        // A message without a kind says why.
        assert_eq!(m["kind"].is_null(), m["kind_why"].is_string(), "{id}: {m}");
    }
    for f in row["findings"].as_array().unwrap() {
        assert!(f["start"].as_u64().unwrap() <= f["end"].as_u64().unwrap(), "{id}: {f}");
        assert!(f["counts"].is_boolean() && f["line"].as_u64().unwrap() >= 1, "{id}: {f}");
        let citation = f["kind"] != "signal";
        assert_eq!(f["ground"].is_boolean(), citation, "{id}: {f}");
        assert_eq!(f["detail"].is_string(), citation, "{id}: {f}");
    }
}

#[test]
fn every_jsonl_row_has_the_same_keys_in_the_same_order_and_typed_values() {
    let rows = corpus_rows();
    assert!(rows.len() > 20);
    let keys: Vec<&String> = rows[0].keys().collect();
    for row in &rows {
        assert_eq!(row.keys().collect::<Vec<_>>(), keys, "{}", row["id"]);
        check_types(row);
        assert!(row["text"].is_null(), "jsonl leaves the text out");
    }
}

#[test]
fn every_reason_begins_with_the_status_it_explains() {
    for row in corpus_rows() {
        for f in row["findings"].as_array().unwrap().iter().filter(|f| f["kind"] != "signal" && f["status"] != "other-act") {
            let status = f["status"].as_str().unwrap();
            let reason = f["reason"].as_str().unwrap();
            assert!(reason.starts_with(&format!("{status}:")), "{}: {status} explained as `{reason}`", row["id"]);
        }
    }
}

#[test]
fn the_cited_grounds_are_the_counted_findings_of_the_latest_decision() {
    for row in corpus_rows() {
        let latest = row["messages"].as_array().unwrap().iter().find(|m| m["latest"] == true).map(|m| m["number"].clone());
        let mut counted: Vec<&str> = row["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] != "signal" && f["counts"] == true)
            .inspect(|f| assert_eq!(Some(&f["message"]), latest.as_ref(), "{}", row["id"]))
            .map(|f| f["canonical"].as_str().unwrap())
            .collect();
        counted.sort();
        counted.dedup();
        let cited: Vec<&str> = row["cited"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        // A review that upholds relies on the grounds it recounts: those are cited without a
        // finding of status `cited`.
        let upheld = row["outcome"] == "review_upheld";
        assert!(counted.iter().all(|c| cited.contains(c)), "{}: {counted:?} vs {cited:?}", row["id"]);
        assert!(upheld || counted == cited, "{}: {counted:?} vs {cited:?}", row["id"]);
        for id in &cited {
            assert!(row["names"].as_object().unwrap().contains_key(*id), "{}: {id} has a name entry", row["id"]);
        }
    }
}

#[test]
fn classify_json_carries_answers_names_and_the_text_offsets_refer_to() {
    let v = classify_json(LETTER);
    check_types(v.as_object().unwrap());
    assert_eq!(v["outcome"], "partial");
    assert_eq!(v["ncnd"], false);
    assert_eq!(v["cited"], serde_json::json!(["foia:s31"]));
    assert_eq!(v["names"]["foia:s31"], "law enforcement");
    assert_eq!(v["authority"], "Kent Police");
    let answers = v["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 2, "{v:#}");
    assert_eq!(answers[0]["question"], 1);
    assert_eq!(answers[0]["outcome"], "provided");
    assert_eq!(answers[1]["outcome"], "refused");
    assert_eq!(answers[1]["grounds"], serde_json::json!(["foia:s31"]));
    let text = v["text"].as_str().unwrap();
    for f in v["findings"].as_array().unwrap() {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(crate_one_line(&text[s..e]), f["text"].as_str().unwrap());
    }
    let s50 = v["findings"].as_array().unwrap().iter().find(|f| f["canonical"] == "foia:s50").unwrap();
    assert_eq!(s50["status"], "procedural");
    assert!(s50["reason"].as_str().unwrap().starts_with("procedural:"), "{s50}");
    assert_eq!(s50["counts"], false);
}

fn crate_one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn an_unreadable_input_is_an_error_report_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("junk.pdf");
    std::fs::write(&f, b"%PDF-1.4 not really a pdf \x00\x01\x02").unwrap();
    let out = bin().args(["classify", "--format", "json"]).arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_types(v.as_object().unwrap());
    assert_eq!(v["outcome"], "error");
    assert!(v["error"].is_string() && v["confidence"].is_null());
}

#[test]
fn overrides_show_in_the_json_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), LETTER).unwrap();
    let fixes = dir.path().join("fixes.csv");
    std::fs::write(&fixes, "id,outcome,cited\na.txt,refused,foia:s31;foia:s40\n").unwrap();
    let out = bin().args(["tag", "--format", "jsonl", "--overrides"]).arg(&fixes).arg(dir.path().join("a.txt")).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["outcome"], "refused");
    assert_eq!(v["cited"], serde_json::json!(["foia:s31", "foia:s40"]));
    assert_eq!(v["names"]["foia:s40"], "personal information");
    assert_eq!(v["overridden"], true);
}

#[test]
fn long_jsonl_is_refused_with_a_usage_error() {
    let out = bin().args(["tag", "--long", "--format", "jsonl"]).arg(corpus()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("drop --long"));
}
