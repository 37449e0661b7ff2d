//! The commands as a person or a script uses them: classify refuses folders and several files,
//! tag reads standard input, rows come in the documented order, --quiet, completions, man page.
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_foitag"))
}

const LETTER: &str = "Dear Ms Shah,\n\nThe information is exempt under section 43(2) of the Freedom of Information Act 2000 \
and is withheld. This letter is a refusal notice.\n\nYours sincerely\nFOI Team\n";

#[test]
fn classify_refuses_a_folder_or_several_files_and_points_to_tag() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = bin().arg("classify").arg(&corpus).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no row for the first file only");
    assert!(String::from_utf8_lossy(&out.stderr).contains("use `foitag tag"), "{}", String::from_utf8_lossy(&out.stderr));
    let a = corpus.join("g01-sheffield-discount-reviews.txt");
    let out = bin().arg("classify").arg(&a).arg(&a).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("classify takes one file, not 2; use `foitag tag"));
}

#[test]
fn tag_dash_reads_one_document_from_standard_input() {
    let mut child = bin().args(["tag", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(LETTER.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "stdin");
    assert!(rows[0].iter().any(|f| f == "foia:s43"), "{:?}", rows[0]);
}

#[test]
fn rows_come_in_the_documented_order_and_quiet_says_nothing() {
    // Arguments in the order given; a folder's entries by name in byte order, depth first.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    for f in ["a b/x.txt", "a/x.txt", "a.txt", "B.txt"] {
        let path = p.join("in").join(f);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, LETTER).unwrap();
    }
    std::fs::write(p.join("first.txt"), LETTER).unwrap();
    let out = bin().args(["tag", "--quiet"]).arg(p.join("first.txt")).arg(p.join("in")).output().unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "--quiet: {}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let ids: Vec<String> = r.records().map(|x| x.unwrap()[0].to_string()).collect();
    assert_eq!(ids, ["first.txt", "B.txt", "a/x.txt", "a b/x.txt", "a.txt"]);
}

#[test]
fn completions_and_the_man_page_come_from_the_command_line_definition() {
    let out = bin().args(["completions", "bash"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("_foitag()") && text.contains("--authority-from-dir"), "{text}");
    let out = bin().arg("man").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains(".TH foitag 1") && text.contains("Exit codes"), "{text}");
}
