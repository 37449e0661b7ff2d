//! PDF letters: text layer extraction, scans without text, broken files.
mod input_common;

use input_common::{fixture, load, load_fixture};
use std::fs;

#[test]
fn pdf_letter_text_is_extracted() {
    let doc = load_fixture("pdf/letter.pdf");
    let t = &doc.text;
    assert_eq!(doc.id, "letter.pdf");
    assert!(t.contains("Dear Mr Okafor,"));
    assert!(t.contains("external investigators in 2022/23 was £12,500 and is provided below."));
    assert!(t.contains("exempt under section 40(2) of the Freedom of Information Act 2000."));
    assert!(!t.contains('\x0c'));
}

#[test]
fn pdf_without_text_layer_is_an_error() {
    let err = load(&fixture("pdf/scanned.pdf")).unwrap_err();
    assert_eq!(err.reason, "pdf without text layer (no OCR)");
}

#[test]
fn corrupt_pdfs_are_error_rows_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let good = fs::read(fixture("pdf/letter.pdf")).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.pdf", good[..good.len() / 2].to_vec()),
        ("header-only.pdf", b"%PDF-1.7\n".to_vec()),
        ("garbage.pdf", (0..3000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        assert!(load(&path).is_err(), "{name} should fail");
    }
}

#[test]
fn explicit_file_without_extension_is_sniffed_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter-download");
    fs::copy(fixture("pdf/letter.pdf"), &path).unwrap();
    let doc = load(&path).unwrap();
    assert_eq!(doc.id, "letter-download");
    assert!(doc.text.contains("section 40(2)"));
}
