//! CSV output: the long measures table and the request matrix, with fixed number formats.
use super::requests::RequestMatrix;
use super::Report;
use std::io::Write;

/// Rate-like numbers: 4 decimal places.
pub fn fmt_rate(x: f64) -> String {
    format!("{x:.4}")
}

/// p and q: 6 significant digits, scientific below 1e-4 so tiny values stay readable.
pub fn fmt_p(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if x < 1e-4 {
        return format!("{x:.5e}");
    }
    let mut exp = x.log10().floor() as i32;
    // 0.9999999 rounds up to 1.00000, one digit more than 0.99...: use the rounded magnitude.
    if (x / 10f64.powi(exp) * 1e5).round() >= 1e6 {
        exp += 1;
    }
    let decimals = (5 - exp).max(0) as usize;
    format!("{x:.decimals$}")
}

fn opt(x: Option<f64>, f: fn(f64) -> String) -> String {
    x.map(f).unwrap_or_default()
}

/// Write the long CSV: `<by>,measure,count,n,rate,ci_low,ci_high,pooled_rate,p,q,flag`.
pub fn write_csv<W: Write>(report: &Report, out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([report.by.as_str(), "measure", "count", "n", "rate", "ci_low", "ci_high", "pooled_rate", "p", "q", "flag"])?;
    for r in &report.rows {
        w.write_record([
            r.group.clone(),
            r.measure.clone(),
            r.count.to_string(),
            r.n.to_string(),
            opt(r.rate, fmt_rate),
            opt(r.ci.map(|c| c.0), fmt_rate),
            opt(r.ci.map(|c| c.1), fmt_rate),
            opt(r.pooled_rate, fmt_rate),
            opt(r.p, fmt_p),
            opt(r.q, fmt_p),
            r.flag.as_str().to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Summary columns of the request CSV, before one column per group.
pub const REQUEST_SUMMARY_COLUMNS: [&str; 8] = ["groups", "provided", "partial", "refused", "not_held", "review", "ncnd", "undecided"];

/// Write the request matrix: one row per request, summary counts, then one column per group.
pub fn write_requests_csv<W: Write>(m: &RequestMatrix, out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<&str> = vec![m.column.as_str()];
    header.extend(REQUEST_SUMMARY_COLUMNS);
    header.extend(m.groups.iter().map(String::as_str));
    w.write_record(&header)?;
    for row in &m.rows {
        let s = &row.summary;
        let mut rec = vec![row.request.clone()];
        rec.extend([s.groups, s.provided, s.partial, s.refused, s.not_held, s.review, s.ncnd, s.undecided].iter().map(u64::to_string));
        rec.extend(row.cells.iter().map(|c| c.as_ref().map(|c| c.label()).unwrap_or_default()));
        w.write_record(&rec)?;
    }
    w.flush()?;
    Ok(())
}

/// `out/report.csv` → `out/report.requests.csv`; the stem keeps any dots before the extension.
pub fn requests_path(output: &std::path::Path) -> std::path::PathBuf {
    let stem = output.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    output.with_file_name(format!("{stem}.requests.csv"))
}
