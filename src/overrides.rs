//! Hand corrections (`--overrides FILE.csv`): `id` plus any of outcome, ncnd, cited, mentioned,
//! authority; they replace the computed values so corrections survive re-runs.
use crate::columns;
use crate::output::WideRow;
use std::collections::HashMap;

/// Columns an override may set.
const FIELDS: &[&str] = &["outcome", "ncnd", "cited", "mentioned", "authority"];

/// Overrides by document id.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    by_id: HashMap<String, Vec<(String, String)>>,
}

impl Overrides {
    /// Read an overrides CSV; unknown columns are an error naming the allowed ones. Empty cells
    /// leave the computed value alone.
    pub fn read<R: std::io::Read>(r: R) -> anyhow::Result<Overrides> {
        let mut rdr = csv::Reader::from_reader(r);
        let headers = rdr.headers()?.clone();
        let id = columns::position(&headers, "id").ok_or_else(|| anyhow::anyhow!("overrides need an `id` column"))?;
        // The field each other column sets (a second `id` column sets none).
        let mut fields = Vec::new();
        for (i, h) in headers.iter().enumerate().filter(|(i, _)| *i != id) {
            match FIELDS.iter().find(|f| columns::same(h, f)) {
                Some(f) => fields.push((i, *f)),
                None if columns::same(h, "id") => {}
                None => anyhow::bail!("overrides: unknown column `{}` (allowed: id, {})", h.trim(), FIELDS.join(", ")),
            }
        }
        let mut by_id: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for (line, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| anyhow::anyhow!("overrides line {}: {e}", line + 2))?;
            let values = fields
                .iter()
                .filter_map(|&(i, f)| rec.get(i).filter(|v| !v.trim().is_empty()).map(|v| (f.to_string(), normalise(f, v))))
                .collect();
            by_id.insert(rec.get(id).unwrap_or("").trim().to_string(), values);
        }
        Ok(Overrides { by_id })
    }

    /// Replace the row's values for its id, marking it `overridden`.
    pub fn apply(&self, row: &mut WideRow) {
        let Some(values) = self.by_id.get(&row.id) else { return };
        for (k, v) in values {
            match k.as_str() {
                "outcome" => row.outcome = v.clone(),
                "ncnd" => row.ncnd = v.clone(),
                "cited" => row.cited = v.clone(),
                "mentioned" => row.mentioned = v.clone(),
                "authority" => row.authority = v.clone(),
                _ => {}
            }
        }
        row.overridden = "yes".into();
    }

    /// No overrides at all.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// Id lists are kept sorted and `;`-joined like computed ones.
fn normalise(field: &str, v: &str) -> String {
    if field == "cited" || field == "mentioned" {
        let mut ids: Vec<String> = v.split(';').map(|x| x.trim().to_lowercase()).filter(|x| !x.is_empty()).collect();
        ids.sort();
        ids.dedup();
        ids.join(";")
    } else {
        v.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_replace_values_and_mark_the_row() {
        let o = Overrides::read("id,outcome,cited\na,partial,foia:s40;FOIA:S31\nb,,\n".as_bytes()).unwrap();
        let mut row =
            WideRow { id: "a".into(), outcome: "refused".into(), cited: "foia:s40".into(), ncnd: "no".into(), ..Default::default() };
        o.apply(&mut row);
        assert_eq!(
            (row.outcome.as_str(), row.cited.as_str(), row.ncnd.as_str(), row.overridden.as_str()),
            ("partial", "foia:s31;foia:s40", "no", "yes")
        );
        let mut other = WideRow { id: "c".into(), ..Default::default() };
        o.apply(&mut other);
        assert_eq!(other.overridden, "", "rows without overrides are left alone");
    }

    #[test]
    fn column_names_match_in_any_case() {
        let o = Overrides::read(" ID ,Outcome\na,refused\n".as_bytes()).unwrap();
        let mut row = WideRow { id: "a".into(), outcome: "provided".into(), ..Default::default() };
        o.apply(&mut row);
        assert_eq!(row.outcome, "refused");
    }

    #[test]
    fn unknown_columns_are_rejected() {
        let err = Overrides::read("id,verdict\na,x\n".as_bytes()).unwrap_err().to_string();
        assert!(err.contains("unknown column `verdict`"), "{err}");
    }
}
