//! Reading the wide tags CSV by header name into the few fields compare needs.
use super::outcome::Outcome;
use super::CompareError;
use std::io::Read;

/// One row of the tags CSV, reduced to what the comparison uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Value of the `--by` column (blank values become `(blank)`).
    pub group: String,
    /// Value of the `--request` column, when one was asked for.
    pub request: Option<String>,
    /// Classified outcome.
    pub outcome: Outcome,
    /// Neither confirm nor deny.
    pub ncnd: bool,
    /// Canonical ids of cited grounds, deduplicated, in input order.
    pub cited: Vec<String>,
}

/// Label for rows whose group or request cell is empty, so they are still counted.
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
        let mut cited: Vec<String> = Vec::new();
        for id in field(cited_i).split(';').map(str::trim).filter(|s| !s.is_empty()) {
            if !cited.iter().any(|c| c == id) {
                cited.push(id.to_string());
            }
        }
        out.push(Record { group: non_blank(field(by_i)), request: req_i.map(|i| non_blank(field(i))), outcome, ncnd, cited });
    }
    Ok(out)
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
