//! The HTML report: self-contained, escaped, with charts; plus an on-demand Chromium screenshot.
mod synth;

use foitag::compare::{self, html, Options};
use std::path::{Path, PathBuf};
use std::process::Command;
use synth::{ncnd_outlier, rich, to_csv};

fn page(docs: &[synth::Doc]) -> String {
    let opts = Options { request: Some("request".into()), ..Options::default() };
    html::render(&compare::compare(to_csv(docs).as_bytes(), &opts).unwrap())
}

#[test]
fn html_is_self_contained_with_inline_svg() {
    let p = page(&ncnd_outlier());
    assert!(p.contains("<svg"));
    assert!(!p.contains("<script src"), "no external script");
    let lower = p.to_ascii_lowercase();
    for attr in ["src=", "href="] {
        for quote in ["\"", "'", ""] {
            for scheme in ["http://", "https://", "//"] {
                let bad = format!("{attr}{quote}{scheme}");
                assert!(!lower.contains(&bad), "network load: {bad}");
            }
        }
    }
    assert!(!lower.contains("http://") && !lower.contains("https://"), "no URL at all");
    assert!(!lower.contains("@import") && !lower.contains("url("), "no CSS loads");
    assert!(p.contains("Content-Security-Policy") && p.contains("default-src 'none'"));
    assert_eq!(p.matches("<svg").count(), 3, "heatmap and two dot charts");
    assert!(p.contains("<table id=\"requests\""), "request matrix included");
}

#[test]
fn html_states_each_flag_in_plain_language() {
    let p = page(&ncnd_outlier());
    assert!(p.contains("Force A used NCND in 16 of 20 decisions; others 18 of 180; q = "), "flag sentence");
    assert!(p.contains("Force A cited foia:s24 in 16 of 20 decisions"));
    assert!(!p.contains("Force B used NCND"));
}

#[test]
fn html_escapes_text_from_the_csv() {
    let mut docs = rich();
    docs.push(synth::Doc::new("Evil\"><img onerror=x>", "refused", false, "foia:<b>s1</b>", "<i>req</i>&"));
    let p = page(&docs);
    assert!(!p.contains("<script>alert"), "group name must not open a script");
    assert!(p.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Police"));
    assert!(!p.contains("<img") && !p.contains("<b>s1") && !p.contains("<i>req"));
    assert!(p.contains("Evil&quot;&gt;&lt;img onerror=x&gt;"));
    assert!(p.contains("&lt;i&gt;req&lt;/i&gt;&amp;"));
    // The only script element is our own inline one.
    assert_eq!(p.matches("<script").count(), 1);
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"].iter().find_map(|name| {
        let out = Command::new("which").arg(name).output().ok()?;
        out.status.success().then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
    })
}

/// Renders the rich report with headless Chromium; run with
/// `cargo test --test compare_html -- --ignored` or `scripts/screenshot-report.sh`.
#[test]
#[ignore = "needs Chromium; run on demand"]
fn screenshot_report() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compare-screenshot");
    std::fs::create_dir_all(&dir).unwrap();
    let html_path = dir.join("report.html");
    let png = dir.join("report.png");
    std::fs::write(&html_path, page(&rich())).unwrap();
    let _ = std::fs::remove_file(&png);
    let browser = chromium().expect("Chromium not found: apt-get install -y chromium");
    let profile = dir.join("profile");
    let status = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        .args(["--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(std::env::var("SCREENSHOT_SIZE").map_or("--window-size=1200,1600".into(), |s| format!("--window-size={s}")))
        .arg(format!("file://{}", html_path.canonicalize().unwrap().display()))
        .status()
        .unwrap();
    assert!(status.success(), "chromium failed");
    let bytes = std::fs::read(&png).expect("no screenshot written");
    assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
    assert!(bytes.len() > 20_000, "screenshot suspiciously small: {} bytes", bytes.len());
    println!("screenshot: {}", png.display());
}
