//! Compare groups (authorities by default) on outcomes, NCND and cited grounds from a wide tags CSV.
//!
//! Rates use only decision documents as denominators; each group is tested against
//! all other groups pooled (Fisher's exact test), with Benjamini–Hochberg over the run.
//! The library never prints: output goes to writers the caller hands in.

pub mod grounds;
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
    /// Documents in the run.
    pub docs: u64,
    /// Decision documents in the run.
    pub decisions: u64,
    /// All rows, group-major, measures in report order.
    pub rows: Vec<Row>,
    /// The request matrix when a request column was given.
    pub requests: Option<RequestMatrix>,
}

impl Report {
    /// Number of Fisher tests that entered the BH adjustment.
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
    let (groups, total) = tally::tally(records);
    let rows = measures::build_rows(&groups, &total, opts.min_n);
    Report {
        by: opts.by.clone(),
        min_n: opts.min_n,
        groups: groups.into_iter().map(|(g, _)| g).collect(),
        docs: total.docs,
        decisions: total.decisions(),
        rows,
        requests: opts.request.as_deref().map(|col| requests::build(records, col)),
    }
}

/// Read a tags CSV and compare.
pub fn compare<R: Read>(reader: R, opts: &Options) -> Result<Report, CompareError> {
    let records = read_records(reader, &opts.by, opts.request.as_deref())?;
    Ok(analyse(&records, opts))
}
