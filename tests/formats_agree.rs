//! The same letter classifies the same whatever its container: Word, web page and PDF copies of
//! one decision letter, and an e-mail carrying it as text.
mod common;

use std::path::PathBuf;

fn classify(path: PathBuf) -> (String, String, String) {
    let opts = foitag::input::LoadOptions::default();
    let items = foitag::input::collect_paths(std::slice::from_ref(&path), &opts).unwrap();
    let doc = items[0].load(&opts).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let a = foitag::analyse_document(common::rules(), &doc);
    let r = foitag::output::WideRow::from_analysis(&doc, &a);
    (r.outcome, r.ncnd, r.cited)
}

#[test]
fn word_html_and_pdf_copies_of_a_letter_agree() {
    let dir = common::root().join("tests/fixtures/inputs/office");
    let want = ("refused".to_string(), "no".to_string(), "foia:s43".to_string());
    for ext in ["docx", "html", "pdf"] {
        assert_eq!(classify(dir.join(format!("decision-letter.{ext}"))), want, "{ext}");
    }
}

#[test]
fn an_email_and_its_plain_text_agree() {
    let eml = common::root().join("tests/fixtures/inputs/email/windows-1252.eml");
    let opts = foitag::input::LoadOptions::default();
    let doc = foitag::input::collect_paths(std::slice::from_ref(&eml), &opts).unwrap()[0].load(&opts).unwrap();
    assert!(doc.text.contains('£'), "windows-1252 £ survives decoding");
    let body = doc.text.clone();
    let plain = common::row("plain", &body);
    let (outcome, ncnd, cited) = classify(eml);
    assert_eq!((outcome.as_str(), ncnd.as_str(), cited.as_str()), (plain.outcome.as_str(), plain.ncnd.as_str(), plain.cited.as_str()));
    assert_eq!(cited, "foia:s12");
}
