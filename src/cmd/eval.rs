//! `foitag eval --gold LABELS.csv PATH...`: classify and score against gold labels, with the
//! scorer's definitions, a confusion matrix, per-ground errors and the evidence for each miss.
use super::RulesArg;
use foitag::eval::{match_ids, read_labels, report_scored, score, Labels, Predict, Scored};
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
    /// Score even when some gold ids match no document (they count as wrong); without it that
    /// is an error (exit 2) naming them.
    #[arg(long)]
    pub allow_missing: bool,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    let rules = args.rules.load()?;
    let bytes = std::fs::read(&args.gold).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", args.gold.display()))?;
    let gold = read_labels(&bytes[..])?;
    let scored = Scored::of_header(&bytes[..])?;
    if args.min_f1.is_some() && !scored.cited || args.min_outcome.is_some() && !scored.outcome {
        anyhow::bail!("{}: --min-f1 needs a `cited` column and --min-outcome an `outcome` column", args.gold.display());
    }
    if gold.is_empty() {
        anyhow::bail!("{}: no gold labels", args.gold.display());
    }
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
    let missing: Vec<&str> = gold.keys().filter(|g| !matched.contains_key(*g)).map(String::as_str).collect();
    if !missing.is_empty() {
        let shown: Vec<&str> = missing.iter().take(20).copied().collect();
        let more = if missing.len() > shown.len() { format!(" and {} more", missing.len() - shown.len()) } else { String::new() };
        let what = format!("{} of {} gold ids match no document: {}{more}", missing.len(), gold.len(), shown.join(", "));
        if !args.allow_missing {
            eprintln!("foitag: error: {what} (--allow-missing scores them as wrong)");
            return Ok(2);
        }
        eprintln!("foitag: warning: {what}; scored as wrong");
    }
    let pred: BTreeMap<String, Labels> = matched.iter().map(|(g, p)| (g.clone(), Labels::of_row(&by_id[p].0))).collect();
    let evidence = matched.iter().map(|(g, p)| (g.as_str(), &by_id[p].1)).collect();
    let s = score(&gold, &pred);
    std::io::stdout().lock().write_all(report_scored(&s, &evidence, scored).as_bytes())?;
    let below = args.min_f1.is_some_and(|x| s.cited_f1 < x) || args.min_outcome.is_some_and(|x| s.outcome_accuracy < x);
    if below {
        eprintln!("foitag: accuracy below the required minimum");
    }
    Ok(if below { 3 } else { 0 })
}
