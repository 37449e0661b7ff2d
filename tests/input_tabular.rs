//! Manifest CSV and JSON Lines inputs.
mod input_common;

use foitag::input::{collect_jsonl, collect_manifest, LoadOptions};
use input_common::fixture;
use std::fs;

fn pairs(extra: &[(String, String)]) -> Vec<(&str, &str)> {
    extra.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[test]
fn manifest_rows_with_path_and_with_text() {
    let opts = LoadOptions::default();
    let items = collect_manifest(&fixture("manifest/manifest.csv")).unwrap();
    assert_eq!(items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["refusal-12", "inline-1"]);

    let file = items[0].load(&opts).unwrap();
    assert!(file.text.contains("appropriate limit of £450. Section 12 of the Freedom of Information Act 2000 applies."));
    assert_eq!(file.meta.authority.as_deref(), Some("Westvale District Council"));
    assert_eq!(file.meta.request.as_deref(), Some("FOI 2024/118"));
    assert_eq!(file.meta.date.as_deref(), Some("2024-02-15"));
    assert_eq!(pairs(&file.meta.extra), [("reviewer", "AB"), ("notes", "checked")]);

    let inline = items[1].load(&opts).unwrap();
    assert_eq!(inline.text, "Dear Requester,\nWe do not hold the information you asked for.");
    assert_eq!(inline.meta.authority.as_deref(), Some("Harbour Authority"));
    assert_eq!(pairs(&inline.meta.extra), [("reviewer", "CD"), ("notes", "")]);
}

#[test]
fn manifest_problems() {
    let dir = tempfile::tempdir().unwrap();
    let no_id = dir.path().join("no-id.csv");
    fs::write(&no_id, "path,authority\na.txt,X\n").unwrap();
    assert!(collect_manifest(&no_id).unwrap_err().reason.contains("'id'"));

    let rows = dir.path().join("rows.csv");
    fs::write(&rows, "id,path\nmissing,nowhere.txt\n,a.txt\n").unwrap();
    let items = collect_manifest(&rows).unwrap();
    assert_eq!(items.len(), 2, "every row yields an item");
    assert!(items[0].load(&LoadOptions::default()).unwrap_err().reason.starts_with("unreadable"));
    assert_eq!(items[1].load(&LoadOptions::default()).unwrap_err().reason, "manifest line 3: empty id");
}

#[test]
fn jsonl_records_and_malformed_lines() {
    let opts = LoadOptions::default();
    let items = collect_jsonl(&fixture("jsonl/batch.jsonl")).unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["j1", "line-3", "j3", "line-5", "line-6"], "blank line skipped, no row lost");

    let j1 = items[0].load(&opts).unwrap();
    assert_eq!(j1.text, "Dear Requester,\nThe information is exempt under section 31(1)(a) of the Freedom of Information Act 2000.");
    assert_eq!(j1.meta.authority.as_deref(), Some("Kingsbridge Police"));
    assert_eq!(j1.meta.request.as_deref(), Some("FOI-31"));
    assert_eq!(j1.meta.date.as_deref(), Some("2024-01-09"));
    assert_eq!(pairs(&j1.meta.extra), [("batch", "7")]);

    let bad = items[1].load(&opts).unwrap_err();
    assert!(bad.reason.starts_with("jsonl line 3: invalid JSON"), "{bad}");
    let j3 = items[2].load(&opts).unwrap();
    assert_eq!(j3.meta.authority, None);
    assert_eq!(items[3].load(&opts).unwrap_err().reason, "jsonl line 5: not a JSON object");
    assert_eq!(items[4].load(&opts).unwrap_err().reason, "jsonl line 6: missing \"id\"");
}
