//! Request × group matrix: what each authority answered to the same request.
use super::outcome::Outcome;
use super::read::Record;
use super::tally::natural_cmp;
use std::collections::BTreeMap;

/// What one group answered to one request: its last decision document in input
/// order (a review result supersedes the first answer), else its last document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Outcome of that document.
    pub outcome: Outcome,
    /// NCND on that document.
    pub ncnd: bool,
    /// Grounds cited in that document.
    pub cited: Vec<String>,
    /// All documents of this request from this group.
    pub docs: u64,
}

impl Cell {
    /// Compact text such as `refused ncnd [foia:s24;foia:s31]`.
    pub fn label(&self) -> String {
        let mut s = self.outcome.name().to_string();
        if self.ncnd {
            s.push_str(" ncnd");
        }
        if !self.cited.is_empty() {
            s.push_str(&format!(" [{}]", self.cited.join(";")));
        }
        s
    }
}

/// Per request, how many groups gave each kind of answer (from their cells).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Groups with any document for the request.
    pub groups: u64,
    /// Cells whose outcome is `provided`.
    pub provided: u64,
    /// Cells whose outcome is `partial`.
    pub partial: u64,
    /// Cells whose outcome is `refused`.
    pub refused: u64,
    /// Cells whose outcome is `not_held`.
    pub not_held: u64,
    /// Cells whose outcome is a review result.
    pub review: u64,
    /// Cells marked NCND (any outcome).
    pub ncnd: u64,
    /// Cells with no decision document at all.
    pub undecided: u64,
}

/// One request's row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRow {
    /// Value of the `--request` column.
    pub request: String,
    /// One cell per entry of [`RequestMatrix::groups`]; `None` = no document.
    pub cells: Vec<Option<Cell>>,
    /// Counts over the cells.
    pub summary: Summary,
}

/// The matrix, requests and groups in natural order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestMatrix {
    /// Name of the request column in the tags CSV.
    pub column: String,
    /// Column order.
    pub groups: Vec<String>,
    /// One row per request.
    pub rows: Vec<RequestRow>,
}

/// Build the matrix from records that carry a request value.
pub fn build(records: &[Record], column: &str) -> RequestMatrix {
    let mut cells: BTreeMap<(&str, &str), Cell> = BTreeMap::new();
    let mut groups: Vec<&str> = Vec::new();
    let mut requests: Vec<&str> = Vec::new();
    for r in records {
        let (Some(req), Some(group)) = (r.request.as_deref(), r.group.as_deref()) else { continue };
        let entry = cells.entry((req, group)).or_insert_with(|| Cell { outcome: r.outcome, ncnd: r.ncnd, cited: r.cited.clone(), docs: 0 });
        entry.docs += 1;
        // Later documents replace the answer unless they would replace a decision by a non-decision.
        if r.outcome.is_decision() || !entry.outcome.is_decision() {
            entry.outcome = r.outcome;
            entry.ncnd = r.ncnd;
            entry.cited = r.cited.clone();
        }
        groups.push(group);
        requests.push(req);
    }
    for v in [&mut groups, &mut requests] {
        v.sort_by(|a, b| natural_cmp(a, b));
        v.dedup();
    }
    let rows = requests
        .iter()
        .map(|req| {
            let row_cells: Vec<Option<Cell>> = groups.iter().map(|g| cells.get(&(*req, *g)).cloned()).collect();
            RequestRow { request: req.to_string(), summary: summarise(&row_cells), cells: row_cells }
        })
        .collect();
    RequestMatrix { column: column.to_string(), groups: groups.iter().map(|s| s.to_string()).collect(), rows }
}

fn summarise(cells: &[Option<Cell>]) -> Summary {
    let mut s = Summary::default();
    for c in cells.iter().flatten() {
        s.groups += 1;
        s.ncnd += u64::from(c.ncnd);
        match c.outcome.name() {
            "provided" => s.provided += 1,
            "partial" => s.partial += 1,
            "refused" => s.refused += 1,
            "not_held" => s.not_held += 1,
            n if n.starts_with("review_") => s.review += 1,
            _ => s.undecided += 1,
        }
    }
    s
}
