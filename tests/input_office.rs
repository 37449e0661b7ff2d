//! Letters as a word processor writes them (LibreOffice-made PDF and .docx).
mod input_common;

use input_common::{fixture, load, load_fixture, pos};

const KEY: &str = "exempt under section 43(2) of the Freedom of";

#[test]
fn word_processor_pdf_with_embedded_font() {
    let doc = load_fixture("office/decision-letter.pdf");
    let t = &doc.text;
    assert!(t.contains("Dear Dr Lewis,"));
    // The line wraps before "Trust", as on the page.
    assert!(t.contains("Trust spent £2,340,000 on agency nursing staff in 2023/24."));
    assert!(t.contains(KEY));
    assert!(t.contains("maintaining the exemption outweighs"));
    assert!(pos(t, "Dear Dr Lewis") < pos(t, KEY) && pos(t, KEY) < pos(t, "Yours sincerely"));
}

#[test]
fn docx_named_explicitly_is_read() {
    let doc = load(&fixture("office/decision-letter.docx")).unwrap();
    let t = &doc.text;
    assert!(t.contains("The Trust spent £2,340,000 on agency nursing staff in 2023/24."));
    assert!(t.contains("exempt under section 43(2) of the Freedom of Information Act 2000 (commercial interests)."));
    assert!(t.contains("Year\tSpend\n2022/23\t£1,980,000\n2023/24\t£2,340,000"));
}

#[test]
fn docx_in_a_folder_is_taken_with_the_other_formats() {
    let opts = foitag::input::LoadOptions::default();
    let items = foitag::input::collect_paths(&[fixture("office")], &opts).unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    // Three copies of one letter: each keeps its extension.
    assert_eq!(ids, ["decision-letter.docx", "decision-letter.html", "decision-letter.pdf"]);
    let word = items[0].load(&opts).unwrap();
    assert!(word.text.contains(KEY), "{}", word.text);
}
