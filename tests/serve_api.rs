//! `foitag serve`'s API one request at a time: the same JSON as `classify --format json`, the
//! same CSV row as `classify`, JSON 4xx errors for bad input, the page's security headers, a
//! warning for a non-loopback address and a clean stop on Ctrl-C.
mod serve_common;

use serde_json::Value;
use serve_common::Server;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const LETTER: &str = "Dear Ms Shah,\n\nWe hold the information, but it is exempt under section 43(2) of the Freedom of \
Information Act 2000 (commercial interests) and is withheld. This letter is a refusal notice under section 17.\n\n\
Yours sincerely\nFOI Team\nKent Police\n";

fn classify_cli(args: &[&str], file: &std::path::Path) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_foitag")).arg("classify").args(args).arg(file).output().unwrap();
    out.stdout
}

#[tokio::test]
async fn the_api_answers_as_the_command_line_does_and_refuses_bad_input_in_json() {
    let server = Server::start(&["--max-bytes", "5000"]);
    let client = reqwest::Client::new();
    let post = |q: &str, body: Vec<u8>| client.post(format!("{}/api/classify{q}", server.url)).body(body).send();
    let json = |r: reqwest::Response| async move {
        let status = r.status().as_u16();
        (status, serde_json::from_slice::<Value>(&r.bytes().await.unwrap()).unwrap())
    };

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("letter.txt");
    std::fs::write(&file, LETTER).unwrap();
    let (status, v) = json(post("?filename=letter.txt", LETTER.into()).await.unwrap()).await;
    assert_eq!(status, 200);
    let cli: Value = serde_json::from_slice(&classify_cli(&["--format", "json"], &file)).unwrap();
    assert_eq!(v, cli, "the API's JSON is classify --format json's");
    let csv = post("?filename=letter.txt&format=csv", LETTER.into()).await.unwrap().text().await.unwrap();
    // The same row, but for `path`: the server has no file on disk to name.
    let without_path = |bytes: &[u8]| -> Vec<Vec<String>> {
        let mut r = csv::Reader::from_reader(bytes);
        let at = r.headers().unwrap().iter().position(|h| h == "path").unwrap();
        r.records().map(|rec| rec.unwrap().iter().enumerate().filter(|(i, _)| *i != at).map(|(_, f)| f.to_string()).collect()).collect()
    };
    assert_eq!(without_path(csv.as_bytes()), without_path(&classify_cli(&[], &file)), "the API's CSV is classify's");

    // The header names the file when the query does not; no name at all reads plain text.
    let r = client.post(format!("{}/api/classify", server.url)).header("X-Filename", "reply.txt").body(LETTER).send().await.unwrap();
    assert_eq!(json(r).await.1["id"], "reply.txt");
    assert_eq!(json(post("", LETTER.into()).await.unwrap()).await.1["id"], "pasted");

    for (q, body, want, says) in [
        ("", vec![], 400, "empty"),
        ("?format=xml", LETTER.into(), 400, "unknown format"),
        ("", vec![b'x'; 6000], 413, "too large"),
        ("?filename=scan.pdf", b"%PDF-1.4 nothing here".to_vec(), 422, "pdf"),
        ("", vec![0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0], 422, "not text"),
        ("?filename=a.docx", b"PK\x03\x04 broken".to_vec(), 422, ""),
    ] {
        let (status, v) = json(post(q, body).await.unwrap()).await;
        assert_eq!(status, want, "{q}: {v}");
        assert_eq!(v["status"], want);
        assert!(v["error"].as_str().unwrap().to_lowercase().contains(says), "{q}: {v}");
    }
    let (status, v) = json(client.get(format!("{}/nowhere", server.url)).send().await.unwrap()).await;
    assert_eq!((status, v["status"].clone()), (404, Value::from(404)));
    let (status, v) = json(client.get(format!("{}/api/health", server.url)).send().await.unwrap()).await;
    assert_eq!((status, v["status"].clone()), (200, Value::from("ok")));

    let page = client.get(format!("{}/", server.url)).send().await.unwrap();
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "{csp}");
    let html = page.text().await.unwrap();
    assert!(!html.contains("http://") && !html.contains("https://"), "the page names nothing elsewhere");
    for asset in ["/app.js", "/style.css"] {
        let body = client.get(format!("{}{asset}", server.url)).send().await.unwrap().text().await.unwrap();
        assert!(!body.contains("http://") && !body.contains("https://") && !body.contains("@import"), "{asset} loads nothing elsewhere");
    }
}

#[test]
fn a_public_address_is_warned_about_and_ctrl_c_stops_the_server() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_foitag"))
        .args(["serve", "--port", "0", "--host", "0.0.0.0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The readers stay open to the end: the server writes again as it stops.
    let (mut err, mut out) = (BufReader::new(child.stderr.take().unwrap()), BufReader::new(child.stdout.take().unwrap()));
    let mut warning = String::new();
    err.read_line(&mut warning).unwrap();
    assert!(warning.contains("warning") && warning.contains("0.0.0.0"), "{warning}");
    let mut url = String::new();
    out.read_line(&mut url).unwrap();
    assert!(url.contains("http://127.0.0.1:"), "{url}");
    // Ctrl-C is SIGINT; the server finishes and exits 0.
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let started = std::time::Instant::now();
    let code = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s.code();
        }
        assert!(started.elapsed().as_secs() < 20, "the server did not stop on Ctrl-C");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(code, Some(0));
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
    assert!(rest.contains("stopped"), "{rest}");
}
