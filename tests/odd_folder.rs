//! A folder of odd inputs: one row each, no panic, encoded letters still classified.
use std::process::Command;

const LETTER: &str = "Dear Mr Hale,\r\n\r\nThank you for your request. The contract prices are withheld under section 43(2) of the \
Freedom of Information Act 2000 (commercial interests); the total value of £1.2m is published. This letter is a refusal \
notice under section 17.\r\n\r\nYours sincerely\r\nFOI Team\r\n";

#[test]
fn every_odd_input_gives_one_row_and_encoded_letters_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let cp1252: Vec<u8> = LETTER.chars().map(|c| if c == '£' { 0xA3 } else { c as u8 }).collect();
    std::fs::write(p.join("cp1252.txt"), cp1252).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(LETTER.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(p.join("utf16.txt"), utf16).unwrap();
    std::fs::write(p.join("empty.txt"), b"").unwrap();
    std::fs::write(p.join("nuls.txt"), vec![0u8; 4096]).unwrap();
    let mut seed = 7u64;
    let noise: Vec<u8> = (0..8192)
        .map(|_| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as u8
        })
        .collect();
    std::fs::write(p.join("random.txt"), noise).unwrap();
    std::fs::write(p.join("long-line.txt"), "section 43 ".repeat(1_000_000)).unwrap();
    let nested: String = (0..2000).map(|d| format!("{} withheld under s43(2)\n", ">".repeat(d))).collect();
    std::fs::write(p.join("nested.txt"), nested).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_foitag")).arg("tag").arg(p).output().unwrap();
    assert!(matches!(out.status.code(), Some(0) | Some(2)), "{:?}", out.status);
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let h = rdr.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 7, "one row per input");
    for id in ["cp1252.txt", "utf16.txt"] {
        let r = rows.iter().find(|r| &r[0] == id).unwrap();
        assert_eq!((&r[col("outcome")], &r[col("cited")]), ("refused", "foia:s43"), "{id}");
    }
    let random = rows.iter().find(|r| &r[0] == "random.txt").unwrap();
    assert_eq!(&random[col("outcome")], "error");
    assert!(!random[col("error")].is_empty(), "an error row says why");
}
