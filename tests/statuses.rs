//! Statuses of named provisions in short replies (`tests/data/statuses.txt`): whether the
//! letter relies on a ground or names it conditionally, negated, and so on.
mod common;

use foitag::scan::Status;

#[test]
fn provisions_get_the_status_their_sentence_gives() {
    let data = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/statuses.txt")).expect("statuses.txt");
    let body: String = data.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
    let mut checked = 0;
    for case in body.split("\n---\n") {
        let (text, expect): (Vec<&str>, Vec<&str>) = case.lines().partition(|l| !l.starts_with("=> "));
        let letter = format!("Dear Ms Okafor,\n\n{}\n\nYours sincerely,\n\nInformation Rights Team\n", text.join("\n").trim());
        let a = foitag::analyse(common::rules(), &letter, None);
        for line in expect {
            let mut parts = line[3..].split_whitespace();
            let (id, want) = (parts.next().expect("id"), parts.next().expect("status"));
            let got: Vec<&str> = a
                .scan
                .citations
                .iter()
                .flat_map(|c| c.items.iter())
                .filter(|it| it.canon.id == id)
                .map(|it| Status::name(it.status))
                .collect();
            assert!(!got.is_empty(), "{id} not found in:\n{letter}");
            // The first naming decides in these cases; later ones are covered by the verdict.
            assert_eq!(got[0], want, "{id} in:\n{letter}\nall: {got:?}");
            checked += 1;
        }
    }
    assert!(checked >= 8, "cases checked: {checked}");
}

/// A line of dashes between numbered answers divides one letter (disclosure logs); before a
/// new message it separates messages (WhatDoTheyKnow archives).
#[test]
fn a_rule_between_numbered_answers_keeps_one_letter() {
    let rule = "-".repeat(40);
    let log = format!(
        "Summary: partly released.\n\n{rule}\nQ1. How much?\n\nA1. £12,000.\n\n{rule}\nQ2. Who?\n\nA2. Withheld under section 43(2).\n"
    );
    let a = foitag::analyse(common::rules(), &log, None);
    assert_eq!(a.scan.segments.messages.len(), 1);
    let thread = format!("Dear FOI team,\n\nPlease send the figures.\n\nYours,\nJ Smith\n\n{rule}\n\nDear Mr Smith,\n\nThe figures are attached.\n\nYours sincerely,\nFOI Team\n");
    let b = foitag::analyse(common::rules(), &thread, None);
    assert_eq!(b.scan.segments.messages.len(), 2);
    let scanned = format!("Dear Dr Rae,\n\nThe figures are below.\n\n{rule}\nNHS Board   FOI 2024/11   Page 1 of 2\n{rule}\n\nThe rest is exempt under section 38(1)(b).\n\nYours sincerely,\nFOI Officer\n");
    let c = foitag::analyse(common::rules(), &scanned, None);
    assert_eq!(c.scan.segments.messages.len(), 1, "a page break of a scanned letter");
    let table = format!("Dear Ms Ash,\n\nThe figures follow.\n\nStation      Stops    Arrests\n{rule}\nNorth          412         31\nSouth          388         27\n{rule}\nTotal          800         58\n\nYours sincerely,\nFOI Officer\n");
    let d = foitag::analyse(common::rules(), &table, None);
    assert_eq!(d.scan.segments.messages.len(), 1, "rules above and below the rows of a table");
}
