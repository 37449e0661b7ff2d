//! `classify --explain` says why (the NCND sentence and rule, role cues, why a message has no
//! kind, reasons that agree with statuses) and `foitag text` prints the text offsets refer to.
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_foitag"))
}

const THREAD: &str = "From: Kent Police <foi@kent.police.uk>\nSubject: RE: FOI request\n\nDear Requester,\n\n\
Kent Police can neither confirm nor deny that it holds the information you requested, by virtue of \
section 24(2) and section 31(3) of the Freedom of Information Act 2000. Section 14 may be engaged if \
further requests follow.\n\nThis letter is a refusal notice under section 17.\n\n\
If you are dissatisfied you may complain to the Information Commissioner under section 50.\n\nYours sincerely\nFOI Team\nKent Police\n\n\
-----Original Message-----\nFrom: A Requester <requester@example.org>\nSubject: FOI request\n\nDear Kent Police,\n\n\
I would like to request the following information under the Freedom of Information Act.\n\
Please tell me whether the force uses covert cameras in Ashford.\n\nYours faithfully,\nA. Requester\n";

fn explain(text: &str, color: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("thread.txt");
    std::fs::write(&f, text).unwrap();
    let out = bin().args(["classify", "--explain", "--color", color]).arg(&f).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn explain_shows_the_sentence_and_rule_that_made_ncnd() {
    let e = explain(THREAD, "never");
    assert!(e.contains("ncnd       yes"), "{e}");
    let because: Vec<&str> = e.lines().filter(|l| l.trim_start().starts_with("because ")).collect();
    assert!(because.iter().any(|l| l.contains("[neither confirm nor deny]") && l.contains(" by out.")), "{e}");
    assert!(because.iter().any(|l| l.contains("foia:s24(2)")), "{e}");
}

#[test]
fn explain_gives_role_cues_and_why_a_message_has_no_kind() {
    let e = explain(THREAD, "never");
    assert!(e.contains("requester cues ("), "{e}");
    assert!(e.lines().any(|l| l.contains("role-requester by role.")), "{e}");
    let requester = e.lines().find(|l| l.contains(" requester -")).expect("the requester's message has kind -");
    assert!(requester.starts_with("  #2"), "{requester}");
    assert!(e.contains("kind -     the requester's message"), "{e}");
    assert!(e.contains("<- latest decision"), "{e}");
}

#[test]
fn explain_reasons_agree_with_statuses_and_labels_align() {
    let e = explain(THREAD, "never");
    let lines: Vec<&str> = e.lines().collect();
    let mut seen = 0;
    for (i, l) in lines.iter().enumerate() {
        let Some(open) = l.rfind(" [") else { continue };
        if !l.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let status = &l[open + 2..l[open..].find(']').unwrap() + open];
        let why = lines[i + 1..].iter().find(|x| x.trim_start().starts_with("why")).unwrap();
        assert!(why.trim_start()["why".len()..].trim_start().starts_with(&format!("{status}:")), "{l}\n{why}");
        seen += 1;
    }
    assert!(seen >= 5, "{e}");
    assert!(e.contains("foia:s14 [hypothetical]"), "{e}");
    // The value column starts at the same place on every field line of the verdict.
    let cols: Vec<usize> = lines[1..8].iter().map(|l| l.len() - l[2..].trim_start_matches(|c: char| c != ' ').trim_start().len()).collect();
    assert!(cols.iter().all(|&c| c == cols[0]), "{cols:?}\n{e}");
}

#[test]
fn the_cited_span_is_bold_on_a_terminal_only() {
    let plain = explain(THREAD, "never");
    assert!(!plain.contains("\x1b["));
    assert!(plain.contains("[section 24(2) and section 31(3)]"), "{plain}");
    let coloured = explain(THREAD, "always");
    assert!(coloured.contains("\x1b[1msection 24(2) and section 31(3)\x1b[0m"), "{coloured}");
}

#[test]
fn text_prints_the_decoded_text_that_offsets_refer_to() {
    let dir = tempfile::tempdir().unwrap();
    let eml = dir.path().join("reply.eml");
    std::fs::write(
        &eml,
        "From: FOI Team <foi@kent.police.uk>\r\nSubject: Your request\r\nContent-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\r\nDear Mr Lee,\r\nThe information is exempt under section 4=\r\n3(2) and withheld.\r\nYours sincerely\r\n",
    )
    .unwrap();
    let out = bin().arg("text").arg(&eml).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("exempt under section 43(2) and withheld"), "{text}");
    assert!(!text.contains('\r'));
    let json = bin().args(["classify", "--format", "json"]).arg(&eml).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["text"].as_str().unwrap(), text, "classify's text is the one `foitag text` prints");
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["canonical"] == "foia:s43").unwrap();
    let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[s..e], "section 43(2)");
    let line = text.lines().nth(f["line"].as_u64().unwrap() as usize - 1).unwrap();
    assert_eq!(&line[f["col"].as_u64().unwrap() as usize - 1..][..13], "section 43(2)");
}

#[test]
fn text_of_an_unreadable_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.pdf");
    std::fs::write(&f, b"%PDF-1.4 broken").unwrap();
    let out = bin().arg("text").arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.pdf"));
}
