//! HTML tables: the sortable measures table and the request × group matrix.
use super::esc;
use crate::compare::grounds;
use crate::compare::requests::RequestMatrix;
use crate::compare::write::{fmt_p, fmt_rate, REQUEST_SUMMARY_COLUMNS};
use crate::compare::Report;
use std::fmt::Write;

/// Numeric cell: shown formatted, sorted by the raw value (`data-v`, blank sorts last).
fn num(s: &mut String, v: Option<f64>, f: fn(f64) -> String) {
    let _ = match v {
        Some(x) => write!(s, "<td class=\"num\" data-v=\"{x}\">{}</td>", f(x)),
        None => write!(s, "<td class=\"num\" data-v=\"\"></td>"),
    };
}

/// The long table as a sortable, filterable HTML table.
pub fn measures(s: &mut String, report: &Report) {
    s.push_str(
        "<h2>All measures</h2><p class=\"note\">Click a column heading to sort; type to filter. \
         Count rows (docs, decisions, non-decisions) have n = all documents of the group.</p>\
         <input class=\"filter\" type=\"search\" placeholder=\"Filter rows…\" data-table=\"measures\">\
         <div class=\"tablebox\"><table id=\"measures\" class=\"sortable\"><thead><tr>",
    );
    let _ = write!(s, "<th>{}</th>", esc(&report.by));
    s.push_str("<th>measure</th>");
    for h in ["count", "n", "rate", "ci_low", "ci_high", "pooled_rate", "p", "q"] {
        let _ = write!(s, "<th class=\"num\">{h}</th>");
    }
    s.push_str("<th>flag</th>");
    s.push_str("</tr></thead><tbody>");
    for r in &report.rows {
        let _ = write!(s, "<tr class=\"{}\"><td>{}</td><td>{}</td>", r.flag.as_str(), esc(&r.group), measure_cell(&r.measure));
        num(s, Some(r.count as f64), |x| format!("{x}"));
        num(s, Some(r.n as f64), |x| format!("{x}"));
        num(s, r.rate, fmt_rate);
        num(s, r.ci.map(|c| c.0), fmt_rate);
        num(s, r.ci.map(|c| c.1), fmt_rate);
        num(s, r.pooled_rate, fmt_rate);
        num(s, r.p, fmt_p);
        num(s, r.q, fmt_p);
        let _ = write!(s, "<td>{}</td></tr>", r.flag.as_str());
    }
    s.push_str("</tbody></table></div>\n");
}

/// The measure's code, with the ground's name after a cited ground's code.
fn measure_cell(measure: &str) -> String {
    match measure.strip_prefix("cited:").and_then(grounds::name) {
        Some(name) => format!("{} <span class=\"gname\">{}</span>", esc(measure), esc(name)),
        None => esc(measure),
    }
}

fn outcome_class(name: &str) -> &'static str {
    match name {
        "provided" => "o-provided",
        "partial" => "o-partial",
        "refused" => "o-refused",
        "not_held" => "o-not_held",
        n if n.starts_with("review_") => "o-review",
        _ => "o-none",
    }
}

/// The request × group matrix with per-request counts.
pub fn requests(s: &mut String, m: &RequestMatrix, by: &str) {
    let _ = write!(
        s,
        "<h2>Requests × {}</h2><p class=\"note\">Each cell is the group's last decision on the request \
         (else its last document), with NCND and cited grounds. \
         <span class=\"swatch o-provided\">provided</span><span class=\"swatch o-partial\">partial</span>\
         <span class=\"swatch o-refused\">refused</span><span class=\"swatch o-not_held\">not held</span>\
         <span class=\"swatch o-review\">review</span><span class=\"swatch o-none\">no decision</span></p>\
         <div class=\"tablebox\"><table id=\"requests\" class=\"sortable\"><thead><tr><th>{}</th>",
        esc(by),
        esc(&m.column)
    );
    for h in REQUEST_SUMMARY_COLUMNS {
        let _ = write!(s, "<th class=\"num\">{h}</th>");
    }
    for g in &m.groups {
        let _ = write!(s, "<th>{}</th>", esc(g));
    }
    s.push_str("</tr></thead><tbody>");
    for row in &m.rows {
        let _ = write!(s, "<tr><td>{}</td>", esc(&row.request));
        let c = &row.summary;
        for v in [c.groups, c.provided, c.partial, c.refused, c.not_held, c.review, c.ncnd, c.undecided] {
            let _ = write!(s, "<td class=\"num\" data-v=\"{v}\">{v}</td>");
        }
        for cell in &row.cells {
            let _ = match cell {
                Some(c) => {
                    write!(s, "<td class=\"{}\" title=\"{} document(s)\">{}</td>", outcome_class(c.outcome.name()), c.docs, esc(&c.label()))
                }
                None => write!(s, "<td></td>"),
            };
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></div>\n");
}
