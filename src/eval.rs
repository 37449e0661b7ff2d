//! Accuracy against gold labels, with the same definitions as the project's scorer
//! (`shared/tools/score.py`): outcome and NCND accuracy, micro precision/recall/F1 of cited
//! ids, exact-set accuracy, mentioned-only ids reported as cited, authority accuracy.
use std::collections::{BTreeMap, BTreeSet};

/// One labelled or predicted row (only the scored fields).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub authority: String,
    pub outcome: String,
    pub ncnd: String,
    pub cited: BTreeSet<String>,
    pub mentioned: BTreeSet<String>,
}

/// `;`-separated ids, trimmed and lower-cased, as the scorer reads them.
pub fn ids(cell: &str) -> BTreeSet<String> {
    cell.split(';').map(|x| x.trim().to_lowercase()).filter(|x| !x.is_empty()).collect()
}

/// Read a gold or prediction CSV into rows keyed by id (the last row of an id wins).
pub fn read_labels<R: std::io::Read>(r: R) -> anyhow::Result<BTreeMap<String, Labels>> {
    let mut rdr = csv::Reader::from_reader(r);
    let headers = rdr.headers()?.clone();
    let col = |name: &str| crate::columns::position(&headers, name);
    let id_col = col("id").ok_or_else(|| anyhow::anyhow!("labels have no `id` column"))?;
    let (a, o, n, c, m) = (col("authority"), col("outcome"), col("ncnd"), col("cited"), col("mentioned"));
    let mut out = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec?;
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").to_string();
        out.insert(
            rec.get(id_col).unwrap_or("").trim().to_string(),
            Labels { authority: get(a), outcome: get(o), ncnd: get(n), cited: ids(&get(c)), mentioned: ids(&get(m)) },
        );
    }
    Ok(out)
}

/// One document the prediction got wrong.
#[derive(Debug, Clone)]
pub struct Miss {
    pub id: String,
    pub gold_outcome: String,
    pub pred_outcome: String,
    pub gold_ncnd: String,
    pub pred_ncnd: String,
    pub extra: Vec<String>,
    pub missing: Vec<String>,
}

/// The figures of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub documents: usize,
    pub outcome_accuracy: f64,
    pub ncnd_accuracy: f64,
    pub cited_precision: f64,
    pub cited_recall: f64,
    pub cited_f1: f64,
    pub cited_exact_set: f64,
    pub trap_hit: usize,
    pub trap_total: usize,
    pub authority_accuracy: f64,
    /// (gold outcome, predicted outcome) -> count.
    pub confusion: BTreeMap<(String, String), usize>,
    /// "fp foia:s31" / "fn eir:r13" -> count.
    pub per_ground: BTreeMap<String, usize>,
    pub misses: Vec<Miss>,
}

/// Score `pred` against `gold`; a gold id missing from `pred` is wrong on every measure.
pub fn score(gold: &BTreeMap<String, Labels>, pred: &BTreeMap<String, Labels>) -> Score {
    let mut s = Score { documents: gold.len(), ..Default::default() };
    let (mut out_ok, mut ncnd_ok, mut exact, mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut auth_n, mut auth_ok) = (0usize, 0usize);
    let norm = |x: &str| x.trim().to_lowercase();
    for (id, g) in gold {
        let gm: BTreeSet<&String> = g.mentioned.difference(&g.cited).collect();
        let Some(p) = pred.get(id) else {
            fnn += g.cited.len();
            s.trap_total += gm.len();
            s.misses.push(Miss {
                id: id.clone(),
                gold_outcome: g.outcome.clone(),
                pred_outcome: "(missing)".into(),
                gold_ncnd: g.ncnd.clone(),
                pred_ncnd: String::new(),
                extra: vec![],
                missing: g.cited.iter().cloned().collect(),
            });
            continue;
        };
        let o = norm(&p.outcome) == norm(&g.outcome);
        let c = norm(&p.ncnd) == norm(&g.ncnd);
        out_ok += o as usize;
        ncnd_ok += c as usize;
        exact += (p.cited == g.cited) as usize;
        *s.confusion.entry((norm(&g.outcome), norm(&p.outcome))).or_default() += 1;
        let extra: Vec<String> = p.cited.difference(&g.cited).cloned().collect();
        let missing: Vec<String> = g.cited.difference(&p.cited).cloned().collect();
        tp += g.cited.intersection(&p.cited).count();
        fp += extra.len();
        fnn += missing.len();
        for x in &extra {
            *s.per_ground.entry(format!("fp {x}")).or_default() += 1;
        }
        for x in &missing {
            *s.per_ground.entry(format!("fn {x}")).or_default() += 1;
        }
        s.trap_total += gm.len();
        s.trap_hit += gm.iter().filter(|x| p.cited.contains(**x)).count();
        if !g.authority.trim().is_empty() {
            auth_n += 1;
            auth_ok += (norm(&p.authority) == norm(&g.authority)) as usize;
        }
        if !(o && c && extra.is_empty() && missing.is_empty()) {
            s.misses.push(Miss {
                id: id.clone(),
                gold_outcome: g.outcome.clone(),
                pred_outcome: p.outcome.clone(),
                gold_ncnd: g.ncnd.clone(),
                pred_ncnd: p.ncnd.clone(),
                extra,
                missing,
            });
        }
    }
    let n = s.documents.max(1) as f64;
    s.outcome_accuracy = out_ok as f64 / n;
    s.ncnd_accuracy = ncnd_ok as f64 / n;
    s.cited_exact_set = exact as f64 / n;
    s.cited_precision = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 1.0 };
    s.cited_recall = if tp + fnn > 0 { tp as f64 / (tp + fnn) as f64 } else { 1.0 };
    let (p, r) = (s.cited_precision, s.cited_recall);
    s.cited_f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    s.authority_accuracy = if auth_n > 0 { auth_ok as f64 / auth_n as f64 } else { 1.0 };
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(outcome: &str, ncnd: &str, cited: &str, mentioned: &str) -> Labels {
        Labels { outcome: outcome.into(), ncnd: ncnd.into(), cited: ids(cited), mentioned: ids(mentioned), ..Default::default() }
    }

    #[test]
    fn micro_f1_and_traps_follow_the_scorer() {
        let gold: BTreeMap<_, _> = [
            ("a".to_string(), row("refused", "yes", "foia:s24;foia:s31", "foia:s14")),
            ("b".to_string(), row("provided", "no", "", "foia:s40")),
        ]
        .into();
        let pred: BTreeMap<_, _> =
            [("a".to_string(), row("refused", "yes", "foia:s24;foia:s14", "")), ("b".to_string(), row("partial", "no", "foia:s40", ""))]
                .into();
        let s = score(&gold, &pred);
        assert_eq!(s.outcome_accuracy, 0.5);
        assert!((s.cited_precision - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.cited_recall - 0.5).abs() < 1e-9);
        assert_eq!((s.trap_hit, s.trap_total), (2, 2));
        assert_eq!(s.misses.len(), 2);
    }

    #[test]
    fn a_missing_prediction_counts_as_wrong() {
        let gold: BTreeMap<_, _> = [("a".to_string(), row("refused", "no", "foia:s12", ""))].into();
        let s = score(&gold, &BTreeMap::new());
        assert_eq!((s.outcome_accuracy, s.cited_recall), (0.0, 0.0));
    }
}
