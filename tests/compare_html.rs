//! The HTML report: self-contained, escaped, with charts; plus an on-demand Chromium screenshot.
mod synth;

use foitag::compare::{self, html, Options};
use std::path::{Path, PathBuf};
use std::process::Command;
use synth::{ncnd_outlier, rich, to_csv};

fn prov() -> html::Provenance {
    html::Provenance { source: "tags <2024>.csv".into(), generated: "2024-06-30".into(), version: "9.8.7".into() }
}

fn page_with(docs: &[synth::Doc], opts: &Options) -> String {
    html::render(&compare::compare(to_csv(docs).as_bytes(), opts).unwrap(), &prov())
}

fn page(docs: &[synth::Doc]) -> String {
    page_with(docs, &Options { request: Some("request".into()), ..Options::default() })
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
    let pooled = page_with(&ncnd_outlier(), &Options::default());
    assert!(pooled.contains("Force A used NCND in 16 of 20 decisions; others 18 of 180; q = "), "flag sentence");
    assert!(p.contains("Force A used NCND in 16 of 20 decisions; 3.4 expected from the others&#39; answers to the same requests; q = "));
    assert!(p.contains("Force A cited s24 national security in 16 of 20 decisions"), "grounds named, not coded");
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

/// The `<svg class="CLASS" ...>...</svg>` elements of a page.
fn svgs<'p>(page: &'p str, class: &str) -> Vec<&'p str> {
    let open = format!("<svg class=\"{class}\"");
    page.match_indices(&open).map(|(i, _)| &page[i..i + page[i..].find("</svg>").unwrap()]).collect()
}

/// Numeric attribute `name` of the first element in `s`.
fn attr(s: &str, name: &str) -> f64 {
    let re = regex::Regex::new(&format!(r#"\b{name}="([0-9.]+)""#)).unwrap();
    re.captures(s).unwrap()[1].parse().unwrap()
}

/// A lower bound on the width of `s` at font size `px` in any sans-serif (0.5 em a character).
fn min_text_px(s: &str, px: f64) -> f64 {
    s.chars().count() as f64 * px * 0.5
}

const LONG: &str = "Office of the Police, Fire and Crime Commissioner for North Yorkshire";

#[test]
fn long_authority_names_are_drawn_whole_in_every_chart() {
    let docs: Vec<synth::Doc> = ncnd_outlier()
        .into_iter()
        .map(|mut d| {
            if d.authority == "Force C" {
                d.authority = LONG.into();
                d
            } else {
                d
            }
        })
        .collect();
    let p = page(&docs);
    let label = format!(">{}</text>", html::esc(LONG));
    for svg in svgs(&p, "heatmap").into_iter().chain(svgs(&p, "dots")) {
        let at = svg.find(&label).unwrap_or_else(|| panic!("name cut in {}", &svg[..60]));
        // A right-aligned label needs its own width to the left of its anchor.
        let text_start = svg[..at].rfind("<text").unwrap();
        assert!(svg[text_start..].starts_with("<text class=\"rowhead"));
        let x = attr(&svg[text_start..], "x");
        assert!(x >= min_text_px(LONG, 12.0), "label anchored at {x}, too close to the left edge");
    }
}

#[test]
fn heatmap_legend_fits_inside_the_chart() {
    let docs = vec![synth::Doc::new("A", "refused", false, "foia:s40", "R1"); 6];
    let p = page(&docs);
    let svg = svgs(&p, "heatmap")[0];
    let width = attr(svg, "width");
    let re = regex::Regex::new(r#"<text class="axis" x="([0-9.]+)" y="[0-9.]+">([^<]+)</text>"#).unwrap();
    let words: Vec<String> = re.captures_iter(svg).map(|c| c[2].to_string()).collect();
    assert!(words.iter().any(|w| w == "significantly lower"), "{words:?}");
    for c in re.captures_iter(svg) {
        let x: f64 = c[1].parse().unwrap();
        assert!(x + min_text_px(&c[2], 11.0) <= width, "'{}' at {x} runs past the chart's width {width}", &c[2]);
    }
}

#[test]
fn groups_too_small_to_test_neither_set_the_colour_scale_nor_look_darkest() {
    let mut docs = ncnd_outlier();
    docs.extend(std::iter::repeat_n(synth::Doc::new("Tiny", "refused", true, "foia:s23", "req-1"), 3));
    let p = page(&docs);
    let svg = svgs(&p, "heatmap")[0];
    // Force A's 16 of 20 (80%) is the top of the scale, not Tiny's 3 of 3.
    assert!(svg.contains("text-anchor=\"end\">80%</text>"), "scale top is not 80%");
    let tiny = &svg[svg.find("<title>Tiny — s23 security bodies").unwrap()..];
    let fill = &tiny[tiny.find("fill=\"").unwrap() + 6..][..7];
    assert_eq!(fill, "#f2f2f2", "a group too small to test is drawn neutral");
}

#[test]
fn html_says_labels_are_machine_made_and_where_the_report_came_from() {
    let mut docs = ncnd_outlier();
    docs[3] = docs[3].clone().review();
    docs[5] = docs[5].clone().review();
    docs.push(synth::Doc::new("Force B", "error", false, "", "req-1"));
    docs.push(synth::Doc::new("", "refused", false, "", "req-1"));
    let p = page(&docs);
    let notice = &p[p.find("<div class=\"notice\">").expect("notice")..];
    let notice = &notice[..notice.find("</div>").unwrap()];
    assert!(notice.contains("Labels made by machine") && notice.contains("not by a person"));
    assert!(notice.contains("2 of 212 rows are marked <code>review=yes</code>"), "{notice}");
    assert!(notice.contains("1 rows are <code>error</code>"), "{notice}");
    assert!(notice.contains("1 rows have no authority"), "{notice}");
    assert!(notice.contains("Source <code>tags &lt;2024&gt;.csv</code>"), "escaped source: {notice}");
    assert!(notice.contains("made 2024-06-30") && notice.contains("foitag 9.8.7"));
    assert!(notice.contains("settings <code>--by authority --min-n 5 --request request</code>"), "{notice}");
}

#[test]
fn html_explains_the_test_used() {
    let stratified = page(&ncnd_outlier());
    assert!(stratified.contains("within each request") && stratified.contains("Cochran–Mantel–Haenszel"));
    let pooled = page_with(&ncnd_outlier(), &Options::default());
    assert!(pooled.contains("Fisher's exact test") && !pooled.contains("Mantel"));
    assert!(pooled.contains("50 tests were run"), "the family's size as run");
}

/// 45 forces, three requests each.
fn many_forces() -> Vec<synth::Doc> {
    let mut docs = Vec::new();
    for i in 0..45 {
        for (j, req) in ["Drones", "Tasers", "Informants"].iter().enumerate() {
            let d = if (i + j) % 4 == 0 {
                synth::Doc::new(&format!("Force {i}"), "refused", j == 2, "foia:s23;foia:s31", req)
            } else {
                synth::Doc::new(&format!("Force {i}"), "provided", false, "", req)
            };
            docs.push(d);
        }
    }
    docs
}

#[test]
fn with_many_authorities_the_matrix_has_authorities_as_rows() {
    let p = page(&many_forces());
    let table = &p[p.find("<table id=\"requests\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let head = &table[..table.find("</thead>").unwrap()];
    assert_eq!(head.matches("<th>").count(), 4, "authority + three requests: {head}");
    assert!(head.contains("<th>authority</th>") && head.contains("<th>Informants</th>"));
    assert_eq!(table.matches("<th scope=\"row\">").count(), 45, "one row per force");
    assert!(table.contains("title=\"1 document(s); s23 security bodies; s31 law enforcement\">refused, NCND: s23, s31</td>"), "{table}");
    assert!(p.contains("<table id=\"request-summary\""), "per-request counts kept");

    let few = page(&ncnd_outlier()[..42]);
    let table = &few[few.find("<table id=\"requests\"").unwrap()..];
    assert!(table.contains("<th>request</th>"), "two forces: requests stay the rows");
}

#[test]
fn print_stylesheet_prints_every_row_and_chart() {
    let p = page(&many_forces());
    let css = &p[p.find("<style>").unwrap()..p.find("</style>").unwrap()];
    let print = &css[css.find("@media print").expect("a print stylesheet")..];
    assert!(print.contains(".tablebox,.scroll{max-height:none!important;overflow:visible!important"), "scroll boxes open up");
    assert!(print.contains("tr{display:table-row!important"), "rows hidden by the filter print too");
    assert!(print.contains("input.filter") && print.contains("display:none"));
    assert!(print.contains("thead{display:table-header-group}"), "headings repeat on each page");
}

#[test]
fn heatmap_column_heads_fit_inside_the_chart() {
    let mut docs = ncnd_outlier();
    // Enough columns that the grid, not the legend, sets the width; the longest head last.
    let many = "foia:s12;foia:s21;foia:s22;foia:s26;foia:s27;foia:s30;foia:s31;foia:s38;foia:s40;foia:s43;foia:s44";
    docs.push(synth::Doc::new("Force B", "refused", false, many, "req-1"));
    docs.push(synth::Doc::new("Force B", "refused", false, "foisa:s33", "req-1").regime("foisa"));
    let p = page(&docs);
    let svg = svgs(&p, "heatmap")[0];
    let width = attr(svg, "width");
    let re = regex::Regex::new(r#"translate\(([0-9.]+),[0-9.]+\) rotate\(-45\)"><title>[^<]*</title>([^<]+)</text>"#).unwrap();
    let heads: Vec<_> = re.captures_iter(svg).collect();
    assert!(!heads.is_empty());
    for c in heads {
        let x: f64 = c[1].parse().unwrap();
        // A head rotated 45° reaches its length × cos 45° to the right of its anchor.
        assert!(x + min_text_px(&c[2], 11.0) * 0.7 <= width, "'{}' runs past the chart's width {width}", &c[2]);
    }
}
