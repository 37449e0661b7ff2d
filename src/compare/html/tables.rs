//! HTML tables: the sortable measures table and the request × group matrix.
use super::esc;
use crate::compare::requests::{Cell, RequestMatrix, Summary};
use crate::compare::write::{fmt_p, fmt_rate, REQUEST_SUMMARY_COLUMNS};
use crate::compare::Report;
use crate::grounds;
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

/// Beyond this many groups the matrix is drawn with groups as rows, so it grows down the page
/// instead of sideways.
pub const TRANSPOSE_AT: usize = 6;

/// The request × group matrix with per-request counts; with many groups, transposed.
pub fn requests(s: &mut String, m: &RequestMatrix, by: &str) {
    let _ = write!(
        s,
        "<h2>Requests × {}</h2><p class=\"note\">Each cell is the group's last decision on the request \
         (else its last document), with NCND and cited grounds; hover for the grounds' names. \
         <span class=\"swatch o-provided\">provided</span><span class=\"swatch o-partial\">partial</span>\
         <span class=\"swatch o-refused\">refused</span><span class=\"swatch o-not_held\">not held</span>\
         <span class=\"swatch o-review\">review</span><span class=\"swatch o-none\">no decision</span></p>",
        esc(by)
    );
    if m.groups.len() > TRANSPOSE_AT {
        summary_table(s, m);
        by_group(s, m, by);
    } else {
        by_request(s, m);
    }
}

/// One cell of the matrix: outcome class, document count and grounds' names on hover.
fn cell(s: &mut String, c: Option<&Cell>) {
    let Some(c) = c else {
        s.push_str("<td></td>");
        return;
    };
    let mut text = c.outcome.name().replace('_', " ");
    if c.ncnd {
        text.push_str(", NCND");
    }
    if !c.cited.is_empty() {
        let provisions: Vec<String> = c.cited.iter().map(|id| grounds::provision(id)).collect();
        let _ = write!(text, ": {}", provisions.join(", "));
    }
    let names: Vec<String> = c.cited.iter().map(|id| grounds::label(id)).collect();
    let _ = write!(
        s,
        "<td class=\"{}\" title=\"{} document(s){}{}\">{}</td>",
        outcome_class(c.outcome.name()),
        c.docs,
        if names.is_empty() { "" } else { "; " },
        esc(&names.join("; ")),
        esc(&text)
    );
}

/// Requests as rows: summary counts, then one column per group.
fn by_request(s: &mut String, m: &RequestMatrix) {
    let _ = write!(s, "<div class=\"tablebox\"><table id=\"requests\" class=\"sortable\"><thead><tr><th>{}</th>", esc(&m.column));
    for h in REQUEST_SUMMARY_COLUMNS {
        let _ = write!(s, "<th class=\"num\">{h}</th>");
    }
    for g in &m.groups {
        let _ = write!(s, "<th>{}</th>", esc(g));
    }
    s.push_str("</tr></thead><tbody>");
    for row in &m.rows {
        let _ = write!(s, "<tr><td>{}</td>", esc(&row.request));
        summary_cells(s, &row.summary);
        row.cells.iter().for_each(|c| cell(s, c.as_ref()));
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></div>\n");
}

/// Groups as rows, one column per request.
fn by_group(s: &mut String, m: &RequestMatrix, by: &str) {
    let _ = write!(s, "<div class=\"tablebox\"><table id=\"requests\" class=\"sortable matrix\"><thead><tr><th>{}</th>", esc(by));
    for row in &m.rows {
        let _ = write!(s, "<th>{}</th>", esc(&row.request));
    }
    s.push_str("</tr></thead><tbody>");
    for (j, g) in m.groups.iter().enumerate() {
        let _ = write!(s, "<tr><th scope=\"row\">{}</th>", esc(g));
        m.rows.iter().for_each(|row| cell(s, row.cells[j].as_ref()));
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></div>\n");
}

/// Per request, how many groups gave each kind of answer.
fn summary_table(s: &mut String, m: &RequestMatrix) {
    let _ = write!(s, "<table id=\"request-summary\" class=\"sortable\"><thead><tr><th>{}</th>", esc(&m.column));
    for h in REQUEST_SUMMARY_COLUMNS {
        let _ = write!(s, "<th class=\"num\">{h}</th>");
    }
    s.push_str("</tr></thead><tbody>");
    for row in &m.rows {
        let _ = write!(s, "<tr><td>{}</td>", esc(&row.request));
        summary_cells(s, &row.summary);
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>\n");
}

fn summary_cells(s: &mut String, c: &Summary) {
    for v in [c.groups, c.provided, c.partial, c.refused, c.not_held, c.review, c.ncnd, c.undecided] {
        let _ = write!(s, "<td class=\"num\" data-v=\"{v}\">{v}</td>");
    }
}
