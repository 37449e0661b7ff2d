//! Accuracy against gold labels, with the same definitions as the project's scorer
//! (`shared/tools/score.py`): outcome and NCND accuracy, micro precision/recall/F1 of cited
//! ids, exact-set accuracy, mentioned-only ids reported as cited, authority accuracy; and the
//! report with the evidence for each miss.
use crate::document::Document;
use crate::input::{InputError, InputItem};
use crate::output::WideRow;
use crate::rules::RuleSet;
use crate::run::Rows;
use crate::Analysis;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// One labelled or predicted row (only the scored fields).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// Authority name (scored case-insensitively, when the gold names one).
    pub authority: String,
    /// Outcome.
    pub outcome: String,
    /// `yes` or `no`.
    pub ncnd: String,
    /// Cited ids.
    pub cited: BTreeSet<String>,
    /// Mentioned ids.
    pub mentioned: BTreeSet<String>,
    /// Confidence of a prediction (`high`, `medium`, `low`; empty in gold labels).
    pub confidence: String,
}

impl Labels {
    /// The scored fields of a predicted wide row.
    pub fn of_row(r: &WideRow) -> Labels {
        Labels {
            authority: r.authority.clone(),
            outcome: r.outcome.clone(),
            ncnd: r.ncnd.clone(),
            cited: ids(&r.cited),
            mentioned: ids(&r.mentioned),
            confidence: r.confidence.clone(),
        }
    }
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
            Labels {
                authority: get(a),
                outcome: get(o),
                ncnd: get(n),
                cited: ids(&get(c)),
                mentioned: ids(&get(m)),
                confidence: String::new(),
            },
        );
    }
    Ok(out)
}

/// Which measures a gold file can score: those whose columns it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    /// `outcome`: outcome accuracy, the confusion matrix and confidence levels.
    pub outcome: bool,
    /// `ncnd`: NCND accuracy.
    pub ncnd: bool,
    /// `cited`: precision, recall, F1, exact sets and per-ground errors.
    pub cited: bool,
    /// `mentioned` (with `cited`): mentioned-only ids reported as cited.
    pub mentioned: bool,
    /// `authority`: authority accuracy.
    pub authority: bool,
}

impl Scored {
    /// Every measure.
    pub const ALL: Scored = Scored { outcome: true, ncnd: true, cited: true, mentioned: true, authority: true };

    /// The measures the columns of a gold CSV's header allow.
    pub fn of_header<R: std::io::Read>(r: R) -> anyhow::Result<Scored> {
        let mut rdr = csv::Reader::from_reader(r);
        let headers = rdr.headers()?.clone();
        let has = |name: &str| crate::columns::position(&headers, name).is_some();
        Ok(Scored {
            outcome: has("outcome"),
            ncnd: has("ncnd"),
            cited: has("cited"),
            mentioned: has("cited") && has("mentioned"),
            authority: has("authority"),
        })
    }
}

/// Which prediction each gold id names, as the scorer matches them: the prediction with that
/// id, else one whose id differs only by a folder prefix or a file extension (gold `h1-001`
/// names `h1/h1-001.txt`); the first such prediction in `pred_ids` order wins.
pub fn match_ids<'p>(gold: &BTreeMap<String, Labels>, pred_ids: impl IntoIterator<Item = &'p str>) -> BTreeMap<String, &'p str> {
    let mut by_alias: BTreeMap<&str, &str> = BTreeMap::new();
    let mut exact = BTreeSet::new();
    for id in pred_ids {
        exact.insert(id);
        let base = id.rsplit(['/', '\\']).next().unwrap_or(id);
        let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
        for alias in [base, stem] {
            by_alias.entry(alias).or_insert(id);
        }
    }
    gold.keys()
        .filter_map(|g| exact.get(g.as_str()).copied().or_else(|| by_alias.get(g.as_str()).copied()).map(|p| (g.clone(), p)))
        .collect()
}

/// One document the prediction got wrong.
#[derive(Debug, Clone)]
pub struct Miss {
    /// Document id.
    pub id: String,
    /// Gold outcome.
    pub gold_outcome: String,
    /// Predicted outcome (`(missing)` when there is no prediction).
    pub pred_outcome: String,
    /// Gold NCND.
    pub gold_ncnd: String,
    /// Predicted NCND.
    pub pred_ncnd: String,
    /// Ids predicted as cited that the gold does not cite.
    pub extra: Vec<String>,
    /// Ids the gold cites that were not predicted.
    pub missing: Vec<String>,
}

/// The figures of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Gold documents.
    pub documents: usize,
    /// Share of documents with the gold outcome.
    pub outcome_accuracy: f64,
    /// Share of documents with the gold NCND.
    pub ncnd_accuracy: f64,
    /// Micro precision of cited ids.
    pub cited_precision: f64,
    /// Micro recall of cited ids.
    pub cited_recall: f64,
    /// Micro F1 of cited ids.
    pub cited_f1: f64,
    /// Share of documents whose cited set is exactly the gold's.
    pub cited_exact_set: f64,
    /// Mentioned-only gold ids that were predicted as cited ...
    pub trap_hit: usize,
    /// ... out of this many.
    pub trap_total: usize,
    /// Share of documents with a gold authority that got it right.
    pub authority_accuracy: f64,
    /// (gold outcome, predicted outcome) -> count.
    pub confusion: BTreeMap<(String, String), usize>,
    /// "fp foia:s31" / "fn eir:r13" -> count.
    pub per_ground: BTreeMap<String, usize>,
    /// Confidence level -> (rows, rows with the outcome right).
    pub by_confidence: BTreeMap<String, (usize, usize)>,
    /// Documents with any error, in id order.
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
        let level = s.by_confidence.entry(p.confidence.clone()).or_default();
        level.0 += 1;
        level.1 += o as usize;
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

/// Why a document was classified as it was, for the report on a miss.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// For each named id, its findings ("line 12 cited (cite.section; msg #1)"), `; `-joined.
    pub per_id: BTreeMap<String, String>,
    /// The message that decided the outcome, with its signals.
    pub decision: String,
}

/// The evidence of one analysed document.
pub fn evidence(rules: &RuleSet, a: &Analysis) -> Evidence {
    let mut per: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &a.scan.citations {
        let (line, _) = a.scan.index.line_col(c.start);
        for it in &c.items {
            per.entry(it.canon.id.clone()).or_default().push(format!(
                "line {line} {} ({}; msg #{})",
                it.status.name(),
                rules.rules[c.rule].id,
                c.message + 1
            ));
        }
    }
    let decision = match a.verdict.decision {
        Some(mi) => {
            let m = &a.scan.segments.messages[mi];
            let (line, _) = a.scan.index.line_col(m.start);
            let mut sig: Vec<String> =
                a.verdict.facts[mi].signals.iter().filter(|(k, _)| !k.is_role()).map(|(k, v)| format!("{k}={v}")).collect();
            sig.sort();
            format!("decided by message #{} (line {line}): {}", mi + 1, sig.join(" "))
        }
        None => "no authority message with a kind".into(),
    };
    Evidence { per_id: per.into_iter().map(|(k, v)| (k, v.join("; "))).collect(), decision }
}

/// Classifies for scoring: each input's wide row (its scored fields) and its evidence.
#[derive(Debug, Clone, Copy)]
pub struct Predict<'a> {
    /// The rules, for rule ids in the evidence.
    pub rules: &'a RuleSet,
}

impl Rows for Predict<'_> {
    type Row = (WideRow, Evidence);

    fn row(&self, doc: &Document, a: &Analysis) -> (WideRow, Evidence) {
        (WideRow::from_analysis(doc, a), evidence(self.rules, a))
    }

    fn error(&self, item: &InputItem, e: &InputError) -> (WideRow, Evidence) {
        (WideRow::error(&item.id, &e.reason, vec![]), Evidence::default())
    }
}

/// The report of an evaluation: the figures, the confusion matrix, per-ground errors and each
/// miss with its evidence (`evidence` by document id).
pub fn report(s: &Score, evidence: &BTreeMap<&str, &Evidence>) -> String {
    report_scored(s, evidence, Scored::ALL)
}

/// [`report`] of the measures `scored` only (those the gold file has columns for).
pub fn report_scored(s: &Score, evidence: &BTreeMap<&str, &Evidence>, scored: Scored) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{:30} {}", "documents", s.documents);
    for (k, v, on) in [
        ("outcome_accuracy", s.outcome_accuracy, scored.outcome),
        ("ncnd_accuracy", s.ncnd_accuracy, scored.ncnd),
        ("cited_precision", s.cited_precision, scored.cited),
        ("cited_recall", s.cited_recall, scored.cited),
        ("cited_f1", s.cited_f1, scored.cited),
        ("cited_exact_set", s.cited_exact_set, scored.cited),
    ] {
        if on {
            let _ = writeln!(o, "{k:30} {v:.3}");
        }
    }
    if scored.mentioned {
        let _ = writeln!(o, "{:30} {}/{}", "mentioned_reported_as_cited", s.trap_hit, s.trap_total);
    }
    if scored.authority {
        let _ = writeln!(o, "{:30} {:.3}", "authority_accuracy", s.authority_accuracy);
    }
    if scored.outcome {
        confusion(&mut o, s);
    }
    if scored.cited && !s.per_ground.is_empty() {
        let mut pg: Vec<_> = s.per_ground.iter().collect();
        pg.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let _ = writeln!(o, "\nper-ground errors: {}", pg.iter().map(|(k, v)| format!("{k} x{v}")).collect::<Vec<_>>().join(", "));
    }
    misses(&mut o, s, evidence, scored);
    o
}

/// Confidence levels and the confusion matrix, full outcome names in every column.
fn confusion(o: &mut String, s: &Score) {
    if s.by_confidence.keys().any(|k| !k.is_empty()) {
        let _ = writeln!(o, "\nconfidence   rows  share  outcome right");
        for level in ["high", "medium", "low"] {
            let (n, ok) = s.by_confidence.get(level).copied().unwrap_or_default();
            let share = n as f64 / s.documents.max(1) as f64;
            let right = if n == 0 { "-".to_string() } else { format!("{:.3}", ok as f64 / n as f64) };
            let _ = writeln!(o, "{level:12} {n:>4}  {share:.3}  {right}");
        }
    }
    let outcomes: Vec<&String> =
        s.confusion.keys().flat_map(|(g, p)| [g, p]).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let _ = writeln!(o, "\nconfusion (rows: gold, columns: predicted)");
    let w = outcomes.iter().map(|x| x.chars().count()).max().unwrap_or(1);
    let _ = write!(o, "{:w$}", "");
    for p in &outcomes {
        let _ = write!(o, " {p:>w$}");
    }
    let _ = writeln!(o);
    for g in &outcomes {
        let _ = write!(o, "{g:w$}");
        for p in &outcomes {
            let n = s.confusion.get(&((*g).clone(), (*p).clone())).copied().unwrap_or(0);
            let _ = write!(o, " {:>w$}", if n == 0 { ".".to_string() } else { n.to_string() });
        }
        let _ = writeln!(o);
    }
}

/// Each document with an error on a scored measure, with its evidence.
fn misses(o: &mut String, s: &Score, evidence: &BTreeMap<&str, &Evidence>, scored: Scored) {
    let wrong = |m: &&Miss| {
        (scored.outcome && m.pred_outcome != m.gold_outcome)
            || (scored.ncnd && m.pred_ncnd != m.gold_ncnd)
            || (scored.cited && !(m.extra.is_empty() && m.missing.is_empty()))
    };
    let misses: Vec<&Miss> = s.misses.iter().filter(wrong).collect();
    if !misses.is_empty() {
        let _ = writeln!(o, "\nmisclassified ({}):", misses.len());
    }
    for m in misses {
        let _ = writeln!(
            o,
            "  {}: outcome {} (gold {}) ncnd {} (gold {}) cited +{:?} -{:?}",
            m.id, m.pred_outcome, m.gold_outcome, m.pred_ncnd, m.gold_ncnd, m.extra, m.missing
        );
        if let Some(ev) = evidence.get(m.id.as_str()) {
            if m.pred_outcome != m.gold_outcome || m.pred_ncnd != m.gold_ncnd {
                let _ = writeln!(o, "      {}", ev.decision);
            }
            for id in m.extra.iter().chain(&m.missing) {
                let _ = writeln!(o, "      {id}: {}", ev.per_id.get(id).map_or("not named in the text", String::as_str));
            }
        }
    }
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
