//! Plain-language sentences for flagged rows, e.g. "Force X used NCND in 16 of 20 decisions ...".
use crate::compare::{Flag, Row};

/// Verb phrase for a measure, to be followed by "N of M decisions".
fn verb(measure: &str) -> String {
    match measure {
        "ncnd" => "used NCND in".into(),
        "refused" => "refused".into(),
        "provided" => "provided the information in".into(),
        "partial" => "provided the information in part in".into(),
        "not_held" => "said the information was not held in".into(),
        "review_upheld" => "upheld the original decision on review in".into(),
        "review_overturned" => "overturned the original decision on review in".into(),
        "review_partial" => "partly overturned the original decision on review in".into(),
        m => match m.strip_prefix("cited:") {
            Some(id) => format!("cited {} in", crate::grounds::label(id)),
            None => format!("had {m} in"),
        },
    }
}

/// Short q for prose: two significant digits.
pub fn short_q(q: f64) -> String {
    if q < 0.001 {
        format!("{q:.1e}")
    } else {
        format!("{q:.3}")
    }
}

/// Sentence for a flagged row; `None` for rows that are not `over`/`under`. Not escaped.
/// `stratified`: the test compared the group within requests, so say what it expected.
pub fn sentence(r: &Row, stratified: bool) -> Option<String> {
    let dir = match r.flag {
        Flag::Over => "more often than the others",
        Flag::Under => "less often than the others",
        _ => return None,
    };
    let against = match (stratified, r.expected) {
        (true, Some(e)) => format!("{e:.1} expected from the others' answers to the same requests"),
        _ => format!("others {} of {}", r.others_count, r.others_n),
    };
    Some(format!(
        "{} {} {} of {} decisions; {against}; q = {} ({dir}).",
        r.group,
        verb(&r.measure),
        r.count,
        r.n,
        short_q(r.q.unwrap_or(1.0))
    ))
}
