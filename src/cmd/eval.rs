//! `foitag eval --gold LABELS.csv PATH...`: classify and score against gold labels, with the
//! scorer's definitions, a confusion matrix, per-ground errors and the evidence for each miss.
use super::RulesArg;
use foitag::eval::{match_ids, read_labels, report, score, Labels, Predict};
use foitag::input::LoadOptions;
use foitag::run::Runner;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

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
    let items = foitag::input::collect_paths(&args.paths, &opts)?;
    let never = AtomicBool::new(false);
    let runner = Runner { rules: &rules, opts: &opts, rows: &Predict { rules: &rules }, stop: &never, progress: None };
    let mut results = Vec::new();
    runner.run(0, foitag::input::unique_ids(items.into_iter()), |r| {
        results.push(r);
        Ok(())
    })?;
    // Predictions under the gold ids they answer (gold `dev-001` names the file `dev-001.txt`).
    let by_id: BTreeMap<&str, &(foitag::output::WideRow, foitag::eval::Evidence)> = results.iter().map(|r| (r.0.id.as_str(), r)).collect();
    let matched = match_ids(&gold, results.iter().map(|(r, _)| r.id.as_str()));
    let pred: BTreeMap<String, Labels> = matched.iter().map(|(g, p)| (g.clone(), Labels::of_row(&by_id[p].0))).collect();
    let evidence = matched.iter().map(|(g, p)| (g.as_str(), &by_id[p].1)).collect();
    let s = score(&gold, &pred);
    std::io::stdout().lock().write_all(report(&s, &evidence).as_bytes())?;
    let below = args.min_f1.is_some_and(|x| s.cited_f1 < x) || args.min_outcome.is_some_and(|x| s.outcome_accuracy < x);
    if below {
        eprintln!("foitag: accuracy below the required minimum");
    }
    Ok(if below { 3 } else { 0 })
}
