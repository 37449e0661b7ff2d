//! Reading the wide tags CSV by header name into the few fields compare needs.
use super::outcome::Outcome;
use super::CompareError;
use std::io::Read;

/// One row of the tags CSV, reduced to what the comparison uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Value of the `--by` column; `None` when blank (such rows are counted, never compared).
    pub group: Option<String>,
    /// Value of the `--request` column, when one was asked for.
    pub request: Option<String>,
    /// Classified outcome.
    pub outcome: Outcome,
    /// Neither confirm nor deny.
    pub ncnd: bool,
    /// Canonical ids of cited grounds, deduplicated, in input order.
    pub cited: Vec<String>,
    /// Regimes of the decision (`foia`, `eir`...); empty when the file has no `regime` column
    /// or the cell is blank.
    pub regimes: Vec<String>,
    /// `review=yes`: the classifier asked for a person to check the row; `None` without the column.
    pub review: Option<bool>,
}

/// Label for rows whose request cell is empty, so they are still counted.
pub const BLANK: &str = "(blank)";

/// Read all records; `by` and `request` name columns of the header.
pub fn read_records<R: Read>(reader: R, by: &str, request: Option<&str>) -> Result<Vec<Record>, CompareError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(reader);
    let header = rdr.headers()?.clone();
    let col = |name: &str| -> Result<usize, CompareError> {
        crate::columns::position(&header, name)
            .ok_or_else(|| CompareError::MissingColumn { column: name.to_string(), available: header.iter().map(str::to_string).collect() })
    };
    let by_i = col(by)?;
    let req_i = request.map(col).transpose()?;
    let out_i = col("outcome")?;
    let ncnd_i = col("ncnd")?;
    let cited_i = col("cited")?;
    // Optional: hand-made files may lack them; `foitag tag` always writes both.
    let regime_i = crate::columns::position(&header, "regime");
    let review_i = crate::columns::position(&header, "review");

    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        let line = rec.position().map_or(0, |p| p.line());
        let field = |i: usize| rec.get(i).unwrap_or("").trim();
        let raw_outcome = field(out_i);
        let outcome = Outcome::parse(raw_outcome).ok_or_else(|| CompareError::BadValue {
            line,
            column: "outcome".into(),
            value: raw_outcome.into(),
        })?;
        let raw_ncnd = field(ncnd_i);
        let ncnd = parse_bool(raw_ncnd).ok_or_else(|| CompareError::BadValue { line, column: "ncnd".into(), value: raw_ncnd.into() })?;
        let cited = split_list(field(cited_i));
        let regimes = regime_i.map(|i| split_list(field(i))).unwrap_or_default();
        let review = match review_i {
            Some(i) => {
                let raw = field(i);
                Some(parse_bool(raw).ok_or_else(|| CompareError::BadValue { line, column: "review".into(), value: raw.into() })?)
            }
            None => None,
        };
        let group = Some(field(by_i)).filter(|g| !g.is_empty()).map(str::to_string);
        out.push(Record { group, request: req_i.map(|i| non_blank(field(i))), outcome, ncnd, cited, regimes, review });
    }
    Ok(out)
}

/// A `;`-separated cell as its distinct, non-empty items in order.
fn split_list(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in cell.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        if !out.iter().any(|c| c == id) {
            out.push(id.to_string());
        }
    }
    out
}

fn non_blank(s: &str) -> String {
    if s.is_empty() {
        BLANK.to_string()
    } else {
        s.to_string()
    }
}

/// `foitag tag` writes yes/no; accept common spellings so hand-made files work too.
fn parse_bool(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" => Some(true),
        "no" | "n" | "false" | "0" | "" => Some(false),
        _ => None,
    }
}
