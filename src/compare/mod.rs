//! Compare groups (authorities by default) on outcomes, NCND and cited grounds from a wide tags CSV.
//!
//! Rates use only decision documents as denominators; each group is tested against
//! all other groups (Fisher's exact test, stratified by request when a request column is
//! given), with Benjamini–Hochberg over the tests actually run. Rows without a group are
//! counted but never compared.
//! The library never prints: output goes to writers the caller hands in.

pub mod html;
pub mod measures;
pub mod outcome;
pub mod read;
pub mod requests;
pub mod stats;
pub mod tally;
pub mod write;

pub use measures::{Flag, Row};
pub use read::{read_records, Record};
pub use requests::RequestMatrix;

use std::io::Read;

/// Errors of reading and comparing.
#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    /// A needed column is not in the header.
    #[error("column '{column}' not found; available columns: {}", available.join(", "))]
    MissingColumn {
        /// The column asked for.
        column: String,
        /// The header as read.
        available: Vec<String>,
    },
    /// A cell holds a value compare does not understand.
    #[error("line {line}: unexpected {column} value '{value}'")]
    BadValue {
        /// Line in the input (header = 1).
        line: u64,
        /// Column name.
        column: String,
        /// The value found.
        value: String,
    },
    /// The CSV itself could not be read.
    #[error("reading tags CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// What to compare.
#[derive(Debug, Clone)]
pub struct Options {
    /// Column whose values are the groups (default `authority`).
    pub by: String,
    /// Column naming the request, for the request × group matrix.
    pub request: Option<String>,
    /// Groups with fewer decisions than this are flagged `insufficient`, never `over`/`under`.
    pub min_n: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { by: "authority".into(), request: None, min_n: 5 }
    }
}

/// The result of a comparison.
#[derive(Debug, Clone)]
pub struct Report {
    /// Name of the grouping column (first column of the CSV).
    pub by: String,
    /// The `min_n` used.
    pub min_n: u64,
    /// Groups in natural order.
    pub groups: Vec<String>,
    /// Documents compared (those with a group).
    pub docs: u64,
    /// Decision documents compared.
    pub decisions: u64,
    /// Rows of the file, compared or not.
    pub rows_read: u64,
    /// Rows with a blank `--by` cell: counted here, left out of every group and test.
    pub ungrouped: u64,
    /// Rows marked `review=yes`; `None` when the file has no `review` column.
    pub review: Option<u64>,
    /// Rows whose outcome is `error` (the input could not be read).
    pub errors: u64,
    /// The request column when tests are stratified by request.
    pub stratified_by: Option<String>,
    /// All rows, group-major, measures in report order.
    pub rows: Vec<Row>,
    /// The request matrix when a request column was given.
    pub requests: Option<RequestMatrix>,
}

impl Report {
    /// Number of tests actually run, all of which entered the BH adjustment.
    pub fn tests(&self) -> usize {
        self.rows.iter().filter(|r| r.p.is_some()).count()
    }

    /// The row for one group and measure.
    pub fn row(&self, group: &str, measure: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.group == group && r.measure == measure)
    }

    /// Rows flagged `over` or `under`.
    pub fn flagged(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| matches!(r.flag, Flag::Over | Flag::Under))
    }
}

/// Compare already-read records.
pub fn analyse(records: &[Record], opts: &Options) -> Report {
    // With a request column, each request is a stratum: a group is compared with the others'
    // answers to the same requests, not to whatever they were asked.
    let t = tally::tally(records, |r| r.request.clone().unwrap_or_default());
    let rows = measures::build_rows(&t, opts.min_n);
    let has_review = records.iter().any(|r| r.review.is_some());
    Report {
        by: opts.by.clone(),
        min_n: opts.min_n,
        groups: t.groups.into_iter().map(|(g, _)| g).collect(),
        docs: t.total.docs,
        decisions: t.total.decisions(),
        rows_read: records.len() as u64,
        ungrouped: records.iter().filter(|r| r.group.is_none()).count() as u64,
        review: has_review.then(|| records.iter().filter(|r| r.review == Some(true)).count() as u64),
        errors: records.iter().filter(|r| r.outcome.name() == "error").count() as u64,
        stratified_by: opts.request.clone(),
        rows,
        requests: opts.request.as_deref().map(|col| requests::build(records, col)),
    }
}

/// Read a tags CSV and compare.
pub fn compare<R: Read>(reader: R, opts: &Options) -> Result<Report, CompareError> {
    let records = read_records(reader, &opts.by, opts.request.as_deref())?;
    Ok(analyse(&records, opts))
}
