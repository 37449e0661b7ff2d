//! What a reader must know before quoting the report: where the labels come from, what was
//! left out, the source, date, version and settings, and how groups were tested.
use super::esc;
use crate::compare::measures::Q_THRESHOLD;
use crate::compare::Report;
use std::fmt::Write;

/// Where the report came from; the caller knows, the analysis does not.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// The tags file as the user named it (or "standard input").
    pub source: String,
    /// Date the report was made (`YYYY-MM-DD`).
    pub generated: String,
    /// foitag version that made it.
    pub version: String,
}

/// The settings as command-line options, so a reader can repeat the run.
pub fn settings(report: &Report) -> String {
    let mut s = format!("--by {} --min-n {}", report.by, report.min_n);
    if let Some(r) = &report.stratified_by {
        let _ = write!(s, " --request {r}");
    }
    s
}

/// The notice on machine-made labels, the rows set aside, and the run's provenance.
pub fn notice(s: &mut String, report: &Report, prov: &Provenance) {
    let review = match report.review {
        Some(n) => format!("{n} of {} rows are marked <code>review=yes</code> (foitag was unsure of them)", report.rows_read),
        None => "the file has no <code>review</code> column, so rows foitag was unsure of are not marked".into(),
    };
    let _ = writeln!(
        s,
        "<div class=\"notice\"><p><strong>Labels made by machine.</strong> Each letter's outcome, NCND and cited \
         grounds were read by foitag's rules, not by a person. {review}; {} rows are <code>error</code> \
         (the letter could not be read; counted, never in a rate); {} rows have no {} and are left out of the \
         comparison. Check the letters behind a finding before publishing it.</p>\
         <p class=\"meta\">Source <code>{}</code> · made {} · foitag {} · settings <code>{}</code> · \
         flagged where q &lt; {Q_THRESHOLD}</p></div>",
        report.errors,
        report.ungrouped,
        esc(&report.by),
        esc(&prov.source),
        esc(&prov.generated),
        esc(&prov.version),
        esc(&settings(report)),
    );
}

/// How rates are counted and groups tested.
pub fn method(s: &mut String, report: &Report) {
    let _ = write!(
        s,
        "<p class=\"meta\">{} documents from {} groups, {} with a decision. Rates count decisions only \
         (acknowledgements, extensions, clarifications, unknown and error rows are counted but never a \
         denominator); a ground's rate counts the decisions made under its own Act or Regulations. ",
        report.docs,
        report.groups.len(),
        report.decisions
    );
    match &report.stratified_by {
        Some(col) => {
            let _ = write!(
                s,
                "Each group is compared with the others <em>within each request</em> (column <code>{}</code>): \
                 an exact test stratified by request, the exact form of the Cochran–Mantel–Haenszel test, \
                 asks whether the group answered differently from the others who received the same requests, \
                 so a group is not flagged for having been sent different ones. ",
                esc(col)
            );
        }
        None => s.push_str("Each group is compared with all other groups pooled by Fisher's exact test. "),
    }
    let _ = writeln!(
        s,
        "{} tests were run and adjusted together by Benjamini–Hochberg; none is run for a group with fewer \
         than {} decisions (shown in grey, never flagged) or for a ground of a regime the group did not \
         answer under.</p>",
        report.tests(),
        report.min_n
    );
}
