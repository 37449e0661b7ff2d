//! The README's comparison flow end to end: `tag` a manifest or JSON Lines that name each
//! reply's request, then `compare --request request` builds the request matrix from it.
use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_foitag"))
}

const REFUSED: &str = "Dear Ms Shah,\n\nWe hold the information, but it is exempt under section 43(2) of the Freedom of \
Information Act 2000 and is withheld. This letter is a refusal notice.\n\nYours sincerely\nFOI Team\n";
const PROVIDED: &str = "Dear Ms Shah,\n\nThank you for your request for information. The information you requested \
is provided below.\n\nIn 2023 there were 14 incidents.\n\nYours sincerely\nFOI Team\n";

/// (id, authority, request, text) for two requests sent to three authorities.
fn replies() -> Vec<(String, &'static str, &'static str, &'static str)> {
    let mut v = Vec::new();
    for (a, auth) in ["Force A", "Force B", "Force C"].iter().enumerate() {
        for (r, req) in ["tasers", "drones"].iter().enumerate() {
            let text = if (a + r) % 2 == 0 { REFUSED } else { PROVIDED };
            v.push((format!("{req}-{a}"), *auth, *req, text));
        }
    }
    v
}

/// `tag ARGS -o tags.csv`, then `compare tags.csv --request request -o compare.csv`; the
/// request matrix it writes.
fn tag_then_compare(dir: &Path, tag_args: &[&std::ffi::OsStr]) -> String {
    let tags = dir.join("tags.csv");
    let out = bin().arg("tag").args(tag_args).arg("-o").arg(&tags).output().unwrap();
    assert!(out.status.success(), "tag: {}", String::from_utf8_lossy(&out.stderr));
    let header = std::fs::read_to_string(&tags).unwrap().lines().next().unwrap().to_string();
    assert!(header.split(',').any(|c| c == "request"), "the wide header has a request column: {header}");
    let out = bin().arg("compare").arg(&tags).args(["--request", "request", "-o"]).arg(dir.join("compare.csv")).output().unwrap();
    assert!(out.status.success(), "compare: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::read_to_string(dir.join("compare.requests.csv")).unwrap()
}

fn assert_matrix(matrix: &str) {
    let mut rdr = csv::Reader::from_reader(matrix.as_bytes());
    let h = rdr.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let mut requests: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    requests.sort();
    assert_eq!(requests, ["drones", "tasers"], "{matrix}");
    let col = |name: &str| h.iter().position(|x| x == name).unwrap_or_else(|| panic!("no {name} in {h:?}"));
    let tasers = rows.iter().find(|r| &r[0] == "tasers").unwrap();
    assert_eq!((&tasers[col("groups")], &tasers[col("refused")], &tasers[col("provided")]), ("3", "2", "1"), "{matrix}");
    assert!(tasers[col("Force B")].starts_with("provided"), "{matrix}");
}

#[test]
fn manifest_requests_reach_the_compare_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let mut manifest = String::from("id,path,authority,request\n");
    for (id, auth, req, text) in replies() {
        std::fs::write(dir.path().join(format!("{id}.txt")), text).unwrap();
        manifest.push_str(&format!("{id},{id}.txt,{auth},{req}\n"));
    }
    std::fs::write(dir.path().join("manifest.csv"), manifest).unwrap();
    let m = dir.path().join("manifest.csv");
    assert_matrix(&tag_then_compare(dir.path(), &["--manifest".as_ref(), m.as_os_str()]));
}

#[test]
fn json_lines_requests_reach_the_compare_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = replies()
        .into_iter()
        .map(|(id, auth, req, text)| serde_json::json!({"id": id, "authority": auth, "request": req, "text": text}).to_string() + "\n")
        .collect();
    let j = dir.path().join("replies.jsonl");
    std::fs::write(&j, lines).unwrap();
    assert_matrix(&tag_then_compare(dir.path(), &["--jsonl".as_ref(), j.as_os_str()]));
}
