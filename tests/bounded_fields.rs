//! Every field of a wide row is bounded, whatever the input: a thread of thousands of
//! refusals gives `stages` as one run, not a field of hundreds of kilobytes.
use std::process::Command;

const LETTER: &str = "From: FOI Team <foi@kent.police.uk>\nSubject: FOI {n}\n\nDear Ms Shah,\n\nThank you for your request. The \
information is exempt under section 43(2) of the Freedom of Information Act 2000 and is withheld. This letter is a refusal \
notice under section 17. Ref {n}.\n\nYours sincerely\nFOI Team\n------------------------------------------------------------\n";

#[test]
fn a_thread_of_thousands_of_messages_gives_bounded_fields() {
    let dir = tempfile::tempdir().unwrap();
    let n = 3000;
    let text: String = (0..n).map(|i| LETTER.replace("{n}", &i.to_string())).collect();
    let f = dir.path().join("thread.txt");
    std::fs::write(&f, &text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_foitag")).arg("tag").arg(&f).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let h = r.headers().unwrap().clone();
    let row = r.records().next().unwrap().unwrap();
    let stages = &row[h.iter().position(|c| c == "stages").unwrap()];
    assert_eq!(stages, format!("refused×{n}"));
    for (name, value) in h.iter().zip(row.iter()) {
        assert!(value.len() <= 4096, "{name} holds {} bytes", value.len());
    }
}
