//! E-mail inputs: transfer encodings, charsets, HTML-only bodies, attachments, mbox.
mod input_common;

use foitag::input::{collect_paths, LoadOptions};
use input_common::{fixture, load_fixture, pos};

#[test]
fn quoted_printable_soft_breaks_and_utf8_pound() {
    let doc = load_fixture("email/quoted-printable.eml");
    assert_eq!(doc.id, "quoted-printable.eml");
    assert!(doc.text.contains("holds the information you requested about pothole compensation claims."));
    assert!(doc.text.contains("The council paid £38,200 in claims during 2023."));
    assert!(!doc.text.contains("=\n") && !doc.text.contains("=C2"));
    assert_eq!(doc.meta.subject.as_deref(), Some("FOI 4471 – response"));
    assert_eq!(doc.meta.sender.as_deref(), Some("FOI Team, Eastfield Council <foi@eastfield.gov.example>"));
    assert_eq!(doc.meta.date.as_deref(), Some("2024-03-12T10:15:00Z"));
    assert_eq!(doc.meta.authority, None);
}

#[test]
fn base64_body_is_decoded() {
    let doc = load_fixture("email/base64.eml");
    assert!(doc.text.contains("exempt under section 36(2)(b)(ii) of the Freedom of\nInformation Act 2000"));
    assert_eq!(doc.meta.sender.as_deref(), Some("Access to Information <ati@health-board.example>"));
}

#[test]
fn windows_1252_pound_and_dash_survive_and_crlf_goes() {
    let doc = load_fixture("email/windows-1252.eml");
    assert!(doc.text.contains("of £450 set for local authorities. Section 12 of the Freedom of Information"));
    assert!(doc.text.contains("your request – you"));
    assert!(!doc.text.contains('\r'));
}

#[test]
fn iso_8859_1_quoted_printable_pound() {
    let doc = load_fixture("email/iso-8859-1.eml");
    assert!(doc.text.contains("The consultancy budget for 2023/24 is £75,000."));
}

#[test]
fn html_only_alternative_is_converted() {
    let doc = load_fixture("email/html-only.eml");
    assert!(doc.text.starts_with("Dear Requester,"));
    assert!(doc.text.contains("neither confirm nor deny whether we hold the information you requested."));
    assert!(doc.text.contains("Section 23(5) of the Freedom of Information Act 2000 applies."));
    assert!(doc.text.contains("Yours sincerely,\nInformation Rights Unit"));
    assert!(!doc.text.contains('<') && !doc.text.contains("font-family"));
    assert_eq!(doc.meta.date.as_deref(), Some("2024-04-03T16:40:12+01:00"));
}

#[test]
fn plain_part_preferred_and_attachments_appended() {
    let doc = load_fixture("email/with-attachments.eml");
    let t = &doc.text;
    assert!(!t.contains("HTML VERSION"), "text/plain alternative should win");
    let body = pos(t, "Please find attached our response to your request.");
    let pdf_sep = pos(t, "----- Attachment: FOI-2024-0312 response.pdf -----");
    let decision = pos(t, "the information is exempt under section 43(2) of the Freedom of");
    let txt_sep = pos(t, "----- Attachment: annex-b.txt -----");
    let annex = pos(t, "Write to the Head of Legal Services within 40 working days.");
    assert!(body < pdf_sep && pdf_sep < decision && decision < txt_sep && txt_sep < annex);
    assert!(!t.contains("logo.png"), "images carry no text and are left out");
}

#[test]
fn mbox_yields_one_item_per_message() {
    let opts = LoadOptions::default();
    let items = collect_paths(&[fixture("email/mailbox.mbox")], &opts).unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["mailbox.mbox/1", "mailbox.mbox/2"]);
    let first = items[0].load(&opts).unwrap();
    assert_eq!(first.meta.subject.as_deref(), Some("FOI 1001 acknowledgement"));
    // An unquoted body line starting "From " is not a message boundary.
    assert!(first.text.contains("From 1 February our office moves to the Civic Centre."));
    let second = items[1].load(&opts).unwrap();
    assert!(second.text.contains("Riverside Council does not hold the information you requested."));
    assert!(second.text.contains("\nFrom our records, no such survey"), ">From quoting is undone");
    assert!(items.iter().all(|i| i.len_hint() > 0));
}

#[test]
fn mbox_messages_inside_folders_get_path_ids() {
    let items = collect_paths(&[fixture("tree")], &LoadOptions::default()).unwrap();
    assert!(items.iter().any(|i| i.id == "inbox.mbox/2"));
}
