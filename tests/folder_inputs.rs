//! Nothing is skipped silently: every file of a folder gives a row (read, or an error row that
//! says why), hidden files and the data beside letters are passed over and counted, empty
//! inputs are errors, and a run with nothing to classify fails.
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

const LETTER: &str = "Dear Ms Shah,\n\nWe hold the information, but it is exempt under section 43(2) of the Freedom of \
Information Act 2000 and is withheld. This letter is a refusal notice.\n\nYours sincerely\nFOI Team\n";

fn foitag(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foitag")).args(args).output().unwrap()
}

fn rows(out: &[u8]) -> HashMap<String, HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(out);
    let h = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[0].to_string(), h.iter().map(String::from).zip(rec.iter().map(String::from)).collect())
        })
        .collect()
}

/// An OpenDocument text holding the letter, one paragraph per line.
fn odt(path: &Path) {
    let body: String = LETTER.lines().map(|l| format!("<text:p>{l}</text:p>")).collect();
    let xml = format!("<?xml version=\"1.0\"?><office:document-content><office:body><office:text>{body}</office:text></office:body></office:document-content>");
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    z.start_file("mimetype", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.text").unwrap();
    z.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.finish().unwrap();
}

#[test]
fn every_file_of_a_folder_gives_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("letter.txt"), LETTER).unwrap();
    odt(&p.join("letter.odt"));
    let rtf = format!("{{\\rtf1\\ansi{{\\fonttbl\\f0\\fswiss Helvetica;}}\\f0\\pard {}}}", LETTER.replace('\n', "\\par\n"));
    std::fs::write(p.join("letter.rtf"), rtf).unwrap();
    std::fs::write(p.join("no-extension"), LETTER).unwrap();
    let ole = [0xD0u8, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    std::fs::write(p.join("old.doc"), ole).unwrap();
    std::fs::write(p.join("mail.msg"), ole).unwrap();
    std::fs::write(p.join("scan.png"), [0x89u8, b'P', b'N', b'G', 0, 0, 0, 0x0d, 0x49, 0x48, 0, 0xff]).unwrap();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(p.join("blank.txt"), " \n\t\r\n ").unwrap();
    // Passed over: hidden files and folders, data and notes beside the letters.
    std::fs::write(p.join(".DS_Store"), [0u8, 0, 0, 1, b'B', b'u', b'd', b'1']).unwrap();
    std::fs::create_dir(p.join(".git")).unwrap();
    std::fs::write(p.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::write(p.join("labels.csv"), "id,outcome\nletter,refused\n").unwrap();
    std::fs::write(p.join("README.md"), "Letters from the council.\n").unwrap();

    let out = foitag(&["tag".as_ref(), p.as_os_str()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "error rows make the run fail: {err}");
    assert!(err.contains("9 documents, 5 errors, 4 files passed over"), "{err}");
    let rows = rows(&out.stdout);
    let mut ids: Vec<&str> = rows.keys().map(String::as_str).collect();
    ids.sort();
    assert_eq!(
        ids,
        ["blank.txt", "empty.txt", "letter.odt", "letter.rtf", "letter.txt", "mail.msg", "no-extension", "old.doc", "scan.png"]
    );
    for id in ["letter.txt", "letter.odt", "letter.rtf", "no-extension"] {
        assert_eq!((rows[id]["outcome"].as_str(), rows[id]["cited"].as_str()), ("refused", "foia:s43"), "{id}");
    }
    for (id, why) in [
        ("old.doc", "unsupported type: Word 97-2003 .doc"),
        ("mail.msg", "unsupported type: Outlook .msg"),
        ("scan.png", "unsupported type .png"),
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
    ] {
        let r = &rows[id];
        assert_eq!(r["outcome"], "error", "{id}");
        assert!(r["error"].starts_with(why), "{id}: {}", r["error"]);
        assert_eq!(r["ncnd"], "", "{id}: an error row says nothing about NCND");
    }
}

#[test]
fn an_empty_folder_or_an_empty_manifest_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = foitag(&["tag".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty folder"), "{}", String::from_utf8_lossy(&out.stderr));
    let m = dir.path().join("m.csv");
    std::fs::write(&m, "id,text\n").unwrap();
    let out = foitag(&["tag".as_ref(), "--manifest".as_ref(), m.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no documents to classify"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_error_row_keeps_the_manifest_authority() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.csv");
    std::fs::write(&m, "id,path,authority,request,date\nk1,missing.txt,Kent Police,tasers,2024-05-01\n").unwrap();
    let out = foitag(&["tag".as_ref(), "--manifest".as_ref(), m.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let rows = rows(&out.stdout);
    let r = &rows["k1"];
    assert_eq!(r["outcome"], "error");
    assert_eq!((r["authority"].as_str(), r["request"].as_str(), r["date"].as_str()), ("Kent Police", "tasers", "2024-05-01"));
    assert_eq!(r["ncnd"], "");
}
