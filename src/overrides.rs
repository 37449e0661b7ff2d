//! Hand corrections (`--overrides FILE.csv`): `id` plus any of outcome, ncnd, cited, mentioned,
//! authority; they replace the computed values so corrections survive re-runs. Every row must
//! name one input of the run once, with values from the output's vocabulary.
use crate::columns;
use crate::output::WideRow;
use crate::vocab::Outcome;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// Columns an override may set.
const FIELDS: &[&str] = &["outcome", "ncnd", "cited", "mentioned", "authority"];

/// One row of the overrides file.
#[derive(Debug)]
struct Entry {
    /// Its line in the file, for messages.
    line: u64,
    values: Vec<(&'static str, String)>,
    /// Some input of the run had its id.
    used: AtomicBool,
}

/// Overrides by document id.
#[derive(Debug, Default)]
pub struct Overrides {
    by_id: HashMap<String, Entry>,
}

impl Overrides {
    /// Read an overrides CSV. Unknown columns, a repeated id and a value outside the output's
    /// vocabulary (an outcome name, `yes`/`no`, ground ids such as `foia:s31`) are errors
    /// naming the line. Empty cells leave the computed value alone.
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
        let mut by_id: HashMap<String, Entry> = HashMap::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| anyhow::anyhow!("overrides: {e}"))?;
            let line = rec.position().map_or(0, |p| p.line());
            let mut values = Vec::new();
            for &(i, f) in &fields {
                if let Some(v) = rec.get(i).filter(|v| !v.trim().is_empty()) {
                    values.push((f, normalise(f, v).map_err(|e| anyhow::anyhow!("overrides line {line}: {f}: {e}"))?));
                }
            }
            let key = rec.get(id).unwrap_or("").trim().to_string();
            if key.is_empty() {
                anyhow::bail!("overrides line {line}: empty id");
            }
            if let Some(first) = by_id.get(&key) {
                anyhow::bail!("overrides line {line}: duplicate id `{key}` (first on line {})", first.line);
            }
            by_id.insert(key, Entry { line, values, used: AtomicBool::new(false) });
        }
        Ok(Overrides { by_id })
    }

    /// Replace the row's values for its id, marking it `overridden`. A new outcome also sets the
    /// WhatDoTheyKnow state and the last of the `stages` (the decision it replaces).
    pub fn apply(&self, row: &mut WideRow) {
        let Some(entry) = self.by_id.get(&row.id) else { return };
        entry.used.store(true, Ordering::Relaxed);
        for (k, v) in &entry.values {
            match *k {
                "outcome" => set_outcome(row, v),
                "ncnd" => row.ncnd = v.clone(),
                "cited" => row.cited = v.clone(),
                "mentioned" => row.mentioned = v.clone(),
                "authority" => row.authority = v.clone(),
                _ => {}
            }
        }
        row.overridden = "yes".into();
    }

    /// Rows of the file whose id no input of the run had, as `(line, id)` in line order.
    pub fn unused(&self) -> Vec<(u64, &str)> {
        let mut v: Vec<(u64, &str)> =
            self.by_id.iter().filter(|(_, e)| !e.used.load(Ordering::Relaxed)).map(|(id, e)| (e.line, id.as_str())).collect();
        v.sort();
        v
    }

    /// No overrides at all.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

fn set_outcome(row: &mut WideRow, name: &str) {
    let outcome = Outcome::parse(name).unwrap_or_default();
    row.outcome = name.to_string();
    row.wdtk_state = outcome.wdtk_state().into();
    // The last run loses one stage to the new outcome (`refused×3` -> `refused×2>partial`).
    let (before, last) = row.stages.rsplit_once('>').map_or(("", row.stages.as_str()), |(b, l)| (b, l));
    let kept = match last.rsplit_once('×').and_then(|(k, n)| Some((k, n.parse::<usize>().ok()?))) {
        Some((k, 2)) => k.to_string(),
        Some((k, n)) => format!("{k}×{}", n - 1),
        None => String::new(),
    };
    row.stages = [before, &kept, name].iter().filter(|x| !x.is_empty()).copied().collect::<Vec<_>>().join(">");
}

/// The value as the output writes it, or why it is not one: id lists sorted and `;`-joined.
fn normalise(field: &str, v: &str) -> Result<String, String> {
    let v = v.trim();
    match field {
        "cited" | "mentioned" => {
            let mut ids: Vec<String> = v.split(';').map(|x| x.trim().to_lowercase()).filter(|x| !x.is_empty()).collect();
            if let Some(bad) = ids.iter().find(|x| !is_ground_id(x)) {
                return Err(format!("`{bad}` is not a ground id (e.g. foia:s31, eir:r12(5)(b), foisa:s35)"));
            }
            ids.sort();
            ids.dedup();
            Ok(ids.join(";"))
        }
        "outcome" => match Outcome::parse(&v.to_lowercase()) {
            Some(o) => Ok(o.name().into()),
            None => Err(format!("unknown outcome `{v}` (allowed: {})", Outcome::allowed())),
        },
        "ncnd" => match v.to_lowercase().as_str() {
            x @ ("yes" | "no") => Ok(x.into()),
            _ => Err(format!("`{v}` is not yes or no")),
        },
        _ => Ok(v.to_string()),
    }
}

/// `foia:s31`, `foia:s40(2)`, `eir:r12(5)(b)`, `foisa:s35`, `eisr:r10(4)(a)`: the form of the
/// ids in `cited` and `mentioned`.
fn is_ground_id(x: &str) -> bool {
    let Some((scheme, rest)) = x.split_once(':') else { return false };
    let prefix = match scheme {
        "foia" | "foisa" => 's',
        "eir" | "eisr" => 'r',
        _ => return false,
    };
    let Some(rest) = rest.strip_prefix(prefix) else { return false };
    let number = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    if number.len() == rest.len() {
        return false;
    }
    let mut tail = number.strip_prefix(|c: char| c.is_ascii_lowercase()).unwrap_or(number);
    while let Some(inner) = tail.strip_prefix('(') {
        let Some((part, after)) = inner.split_once(')') else { return false };
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return false;
        }
        tail = after;
    }
    tail.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_replace_values_and_mark_the_row() {
        let o = Overrides::read("id,outcome,cited\na,partial,foia:s40;FOIA:S31\nb,,\n".as_bytes()).unwrap();
        let mut row = WideRow {
            id: "a".into(),
            outcome: "refused".into(),
            cited: "foia:s40".into(),
            ncnd: "no".into(),
            stages: "acknowledgement>refused".into(),
            wdtk_state: "rejected".into(),
            ..Default::default()
        };
        o.apply(&mut row);
        assert_eq!(
            (row.outcome.as_str(), row.cited.as_str(), row.ncnd.as_str(), row.overridden.as_str()),
            ("partial", "foia:s31;foia:s40", "no", "yes")
        );
        assert_eq!((row.wdtk_state.as_str(), row.stages.as_str()), ("partially_successful", "acknowledgement>partial"));
        let mut runs = WideRow { id: "a".into(), stages: "acknowledgement>refused×3".into(), ..Default::default() };
        o.apply(&mut runs);
        assert_eq!(runs.stages, "acknowledgement>refused×2>partial");
        let mut other = WideRow { id: "c".into(), ..Default::default() };
        o.apply(&mut other);
        assert_eq!(other.overridden, "", "rows without overrides are left alone");
        assert_eq!(o.unused(), [(3, "b")], "b named no input");
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

    #[test]
    fn values_outside_the_vocabulary_and_repeated_ids_name_the_line() {
        for (csv, want) in [
            ("id,outcome\na,refused\nb,rejected\n", "overrides line 3: outcome: unknown outcome `rejected`"),
            ("id,ncnd\na,maybe\n", "overrides line 2: ncnd: `maybe` is not yes or no"),
            ("id,cited\na,foia:s31;section 40\n", "overrides line 2: cited: `section 40` is not a ground id"),
            ("id,outcome\na,refused\nb,refused\na,partial\n", "overrides line 4: duplicate id `a` (first on line 2)"),
        ] {
            let err = Overrides::read(csv.as_bytes()).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err}");
        }
        for good in ["foia:s40(2)", "eir:r12(5)(b)", "foisa:s35", "eisr:r10(4)(a)", "foia:s31;foia:s24"] {
            assert!(Overrides::read(format!("id,cited\na,{good}\n").as_bytes()).is_ok(), "{good}");
        }
    }
}
