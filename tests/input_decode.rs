//! Text decoding, size limits and binary detection.
mod input_common;

use foitag::input::{decode_text, LoadOptions};
use input_common::{load, load_with};
use std::fs;

const LETTER: &str = "Dear Requester,\nThe information is exempt under section 43(2) of the Freedom of Information Act 2000.\n";

#[test]
fn utf8_bom_is_stripped() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(LETTER.as_bytes());
    assert_eq!(decode_text(&bytes).unwrap(), LETTER);
}

#[test]
fn utf16_with_bom_both_orders() {
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(LETTER.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(LETTER.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    assert_eq!(decode_text(&le).unwrap(), LETTER);
    assert_eq!(decode_text(&be).unwrap(), LETTER);
}

#[test]
fn invalid_utf8_falls_back_to_windows_1252() {
    let bytes = b"The cost limit of \xA3450 applies \x96 see section 12.";
    assert_eq!(decode_text(bytes).unwrap(), "The cost limit of £450 applies – see section 12.");
}

#[test]
fn line_ends_and_nuls_are_normalised() {
    assert_eq!(decode_text(b"Dear Sir,\r\nSection 40(2)\r\napplies.\r\n").unwrap(), "Dear Sir,\nSection 40(2)\napplies.\n");
    assert_eq!(decode_text(b"Dear Sir,\rSection 40(2)\r\rapplies.").unwrap(), "Dear Sir,\nSection 40(2)\n\napplies.");
    let with_nuls = format!("{LETTER}\0\0\0").replace("section", "sec\0tion");
    assert_eq!(decode_text(with_nuls.as_bytes()).unwrap(), LETTER);
}

#[test]
fn empty_decodes_but_an_empty_input_is_an_error() {
    assert_eq!(decode_text(b"").unwrap(), "");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    fs::write(&path, "").unwrap();
    assert_eq!(load(&path).unwrap_err().reason, "empty: no text");
}

#[test]
fn random_bytes_are_binary() {
    // xorshift: deterministic noise without a dependency.
    let mut x: u32 = 0x9E37_79B9;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    assert_eq!(decode_text(&noise).unwrap_err().reason, "not text: binary content");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noise.txt");
    fs::write(&path, &noise).unwrap();
    assert_eq!(load(&path).unwrap_err().reason, "not text: binary content");
}

#[test]
fn oversize_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    fs::write(&path, LETTER.repeat(20)).unwrap();
    let len = fs::metadata(&path).unwrap().len();
    let opts = LoadOptions { max_bytes: 1000, ..LoadOptions::default() };
    let err = load_with(&path, &opts).unwrap_err();
    assert_eq!(err.reason, format!("too large: {len} bytes over --max-bytes 1000"));
    assert!(load(&path).is_ok(), "fine under the default limit");
}
