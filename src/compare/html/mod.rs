//! Self-contained HTML report: inline CSS, JS and SVG only, every CSV value escaped.
pub mod about;
mod assets;
pub mod prose;
mod svg;
mod tables;

pub use about::Provenance;

use super::Report;
use std::fmt::Write as _;

/// Escape text for HTML element content and quoted attribute values (also inside SVG).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Render the whole page.
pub fn render(report: &Report, prov: &Provenance) -> String {
    let by = esc(&report.by);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>foitag compare by {by}</title><style>{}</style></head><body>\n",
        assets::CSP,
        assets::CSS
    );
    let _ = writeln!(s, "<h1>Outcomes, NCND and cited grounds by {by}</h1>");
    about::notice(&mut s, report, prov);
    about::method(&mut s, report);
    flags(&mut s, report);
    s.push_str("<h2>Cited grounds: share of decisions</h2><div class=\"scroll\">");
    s.push_str(&svg::heatmap(report));
    s.push_str("</div>\n<h2>Refusal and NCND rates with 95% Wilson intervals</h2><div class=\"charts\">");
    s.push_str(&svg::dots(report, "refused", "Refused (share of decisions)"));
    s.push_str(&svg::dots(report, "ncnd", "Neither confirm nor deny (share of decisions)"));
    s.push_str("</div>\n");
    tables::measures(&mut s, report);
    if let Some(m) = &report.requests {
        tables::requests(&mut s, m, &report.by);
    }
    let _ = write!(s, "<script>{}</script>\n</body></html>\n", assets::JS);
    s
}

/// Write the page to a writer.
pub fn write_html<W: std::io::Write>(report: &Report, prov: &Provenance, mut out: W) -> std::io::Result<()> {
    out.write_all(render(report, prov).as_bytes())?;
    out.flush()
}

fn flags(s: &mut String, report: &Report) {
    s.push_str("<h2>What stands out</h2>");
    let lines: Vec<(String, &str)> =
        report.flagged().filter_map(|r| prose::sentence(r, report.stratified_by.is_some()).map(|t| (t, r.flag.as_str()))).collect();
    if lines.is_empty() {
        s.push_str("<p class=\"note\">No group differs from the others at q &lt; 0.05.</p>\n");
        return;
    }
    s.push_str("<ul class=\"flags\">");
    for (text, class) in lines {
        let _ = write!(s, "<li class=\"{class}\">{}</li>", esc(&text));
    }
    s.push_str("</ul>\n");
}
