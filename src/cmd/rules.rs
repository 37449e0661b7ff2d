//! `foitag rules test|list`: check every rule against its examples, or list the rules.
use super::RulesArg;
use foitag::rules::RuleSet;
use std::io::Write;

/// Arguments of `foitag rules`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

/// What to do with the rules.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Compile the rules and run every rule's examples; exit 2 on any failure.
    Test(RulesArg),
    /// List rule ids, kinds and descriptions.
    List(RulesArg),
}

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match &args.action {
        Action::Test(r) => match RuleSet::load_checked(r.rules.as_deref()) {
            Ok(set) => {
                let mut err = std::io::stderr().lock();
                for w in &set.warnings {
                    writeln!(err, "{w}")?;
                }
                let examples: usize = set.rules.iter().map(|r| r.matches.len() + r.no_match.len()).sum();
                writeln!(out, "{} rules, {} examples: all pass; {} authorities", set.rules.len(), examples, set.authorities.len())?;
                writeln!(out, "{} passed, 0 failed", set.rules.len())?;
                Ok(0)
            }
            // The failure is the exit code, whether or not the report could be written in full
            // (`rules test 2>&1 | head`).
            Err(e) => {
                let _ = writeln!(std::io::stderr().lock(), "{e}");
                Ok(2)
            }
        },
        Action::List(r) => {
            let set = r.load()?;
            for rule in &set.rules {
                writeln!(out, "{:32} {:10} {}", rule.id, format!("{:?}", rule.kind).to_lowercase(), rule.description)?;
            }
            Ok(0)
        }
    }
}
