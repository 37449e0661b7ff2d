//! Ctrl-C during `foitag tag` on a large folder: the run stops early with exit code 130, prints
//! its summary, and the CSV written so far is valid: whole rows, in input order.
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A folder of `n` documents made by copying the corpus texts round-robin.
fn big_folder(dir: &Path, n: usize) -> usize {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut texts: Vec<String> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.sort();
    for i in 0..n {
        let sub = dir.join(format!("d{:02}", i / 1000));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("f{i:05}.txt")), &texts[i % texts.len()]).unwrap();
    }
    n
}

#[test]
fn interrupt_leaves_a_valid_csv_and_exit_code_130() {
    let tmp = std::env::temp_dir().join(format!("foitag-interrupt-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let input = tmp.join("in");
    let total = big_folder(&input, 20_000);
    let out = tmp.join("out.csv");
    let mut child = Command::new(env!("CARGO_BIN_EXE_foitag"))
        .args(["tag", "-j", "2", "-o"])
        .arg(&out)
        .arg(&input)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once rows are being written (the handler is installed by then).
    let started = Instant::now();
    while std::fs::metadata(&out).map_or(0, |m| m.len()) == 0 && started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let kill = Command::new("kill").arg("-INT").arg(child.id().to_string()).status().unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(130), "stderr: {stderr}");

    let mut r = csv::Reader::from_path(&out).unwrap();
    assert_eq!(r.headers().unwrap().len(), foitag::output::header::<foitag::output::WideRow>().len());
    let ids: Vec<String> = r.records().map(|rec| rec.expect("whole rows only")[0].to_string()).collect();
    assert!(!ids.is_empty() && ids.len() < total, "{} of {total} rows", ids.len());
    let mut expected: Vec<String> = (0..total).map(|i| format!("d{:02}/f{i:05}.txt", i / 1000)).collect();
    expected.sort();
    assert_eq!(ids, expected[..ids.len()], "rows are the first inputs, in order");
    let written = format!("foitag: interrupted: {} of {total} documents written, 0 errors,", ids.len());
    assert!(stderr.contains(&written), "summary: {stderr}");
    std::fs::remove_dir_all(&tmp).unwrap();
}
