//! `foitag eval --gold LABELS.csv PATH...`: classify and score against gold labels, with the
//! scorer's definitions, a confusion matrix, per-ground errors and the evidence for each miss.
use super::RulesArg;
use crate::eval::{ids, read_labels, score, Labels, Score};
use crate::input::LoadOptions;
use crate::output::WideRow;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `foitag eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold labels: id,authority,regime,outcome,ncnd,cited,mentioned.
    #[arg(long, value_name = "LABELS.csv")]
    pub gold: PathBuf,
    /// Files and folders to classify.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Exit with code 3 when cited F1 is below this.
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,
    /// Exit with code 3 when outcome accuracy is below this.
    #[arg(long, value_name = "X")]
    pub min_outcome: Option<f64>,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    let rules = args.rules.load()?;
    let gold = read_labels(std::fs::File::open(&args.gold).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", args.gold.display()))?)?;
    let opts = LoadOptions::default();
    let items = crate::input::collect_paths(&args.paths, &opts)?;
    let results: Vec<(WideRow, BTreeMap<String, String>, String)> = items
        .par_iter()
        .map(|item| match item.load(&opts) {
            Ok(doc) => {
                let a = crate::analyse_document(&rules, &doc);
                let (per_id, decision) = evidence(&rules, &a);
                (WideRow::from_analysis(&doc, &a), per_id, decision)
            }
            Err(e) => (WideRow::error(&item.id, &e.reason, vec![]), BTreeMap::new(), String::new()),
        })
        .collect();
    let pred: BTreeMap<String, Labels> = results
        .iter()
        .map(|(r, _, _)| {
            let l = Labels {
                authority: r.authority.clone(),
                outcome: r.outcome.clone(),
                ncnd: r.ncnd.clone(),
                cited: ids(&r.cited),
                mentioned: ids(&r.mentioned),
            };
            (r.id.clone(), l)
        })
        .collect();
    let ev: BTreeMap<&str, (&BTreeMap<String, String>, &str)> = results.iter().map(|(r, p, d)| (r.id.as_str(), (p, d.as_str()))).collect();
    let s = score(&gold, &pred);
    let mut out = std::io::stdout().lock();
    out.write_all(render(&s, &ev).as_bytes())?;
    let below = args.min_f1.is_some_and(|x| s.cited_f1 < x) || args.min_outcome.is_some_and(|x| s.outcome_accuracy < x);
    if below {
        eprintln!("foitag: accuracy below the required minimum");
    }
    Ok(if below { 3 } else { 0 })
}

/// For each named id, its findings ("line 12 cited by cite.section"); and the decision message.
fn evidence(rules: &crate::rules::RuleSet, a: &crate::Analysis) -> (BTreeMap<String, String>, String) {
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
    (per.into_iter().map(|(k, v)| (k, v.join("; "))).collect(), decision)
}

fn render(s: &Score, ev: &BTreeMap<&str, (&BTreeMap<String, String>, &str)>) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{:30} {}", "documents", s.documents);
    for (k, v) in [
        ("outcome_accuracy", s.outcome_accuracy),
        ("ncnd_accuracy", s.ncnd_accuracy),
        ("cited_precision", s.cited_precision),
        ("cited_recall", s.cited_recall),
        ("cited_f1", s.cited_f1),
        ("cited_exact_set", s.cited_exact_set),
    ] {
        let _ = writeln!(o, "{k:30} {v:.3}");
    }
    let _ = writeln!(o, "{:30} {}/{}", "mentioned_reported_as_cited", s.trap_hit, s.trap_total);
    let _ = writeln!(o, "{:30} {:.3}", "authority_accuracy", s.authority_accuracy);
    let outcomes: Vec<&String> =
        s.confusion.keys().flat_map(|(g, p)| [g, p]).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let _ = writeln!(o, "\nconfusion (rows: gold, columns: predicted)");
    let short = |x: &str| x.chars().take(9).collect::<String>();
    let _ = write!(o, "{:18}", "");
    for p in &outcomes {
        let _ = write!(o, " {:>9}", short(p));
    }
    let _ = writeln!(o);
    for g in &outcomes {
        let _ = write!(o, "{:18}", g);
        for p in &outcomes {
            let n = s.confusion.get(&((*g).clone(), (*p).clone())).copied().unwrap_or(0);
            let _ = write!(o, " {:>9}", if n == 0 { ".".to_string() } else { n.to_string() });
        }
        let _ = writeln!(o);
    }
    if !s.per_ground.is_empty() {
        let mut pg: Vec<_> = s.per_ground.iter().collect();
        pg.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let _ = writeln!(o, "\nper-ground errors: {}", pg.iter().map(|(k, v)| format!("{k} x{v}")).collect::<Vec<_>>().join(", "));
    }
    if !s.misses.is_empty() {
        let _ = writeln!(o, "\nmisclassified ({}):", s.misses.len());
    }
    for m in &s.misses {
        let _ = writeln!(
            o,
            "  {}: outcome {} (gold {}) ncnd {} (gold {}) cited +{:?} -{:?}",
            m.id, m.pred_outcome, m.gold_outcome, m.pred_ncnd, m.gold_ncnd, m.extra, m.missing
        );
        if let Some((per, decision)) = ev.get(m.id.as_str()) {
            if m.pred_outcome != m.gold_outcome || m.pred_ncnd != m.gold_ncnd {
                let _ = writeln!(o, "      {decision}");
            }
            for id in m.extra.iter().chain(&m.missing) {
                let _ = writeln!(o, "      {id}: {}", per.get(id).map_or("not named in the text", String::as_str));
            }
        }
    }
    o
}
