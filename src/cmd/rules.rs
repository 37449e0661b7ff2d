//! `foitag rules test|list`: check every rule against its examples, or list the rules.
use super::RulesArg;
use foitag::rules::{Kind, Rule, RuleSet};
use std::collections::BTreeMap;
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
    /// Compile the rules and run every rule's examples; exit 2 on any failure. Says which
    /// rules came from the --rules folder.
    Test(RulesArg),
    /// List rules: id, kind (as written in the rule file), file and description.
    List(ListArgs),
}

/// Arguments of `foitag rules list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only rules of this kind (citation, title, signal, modifier, terminator, zone, boundary,
    /// heading, regime, other-act).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Kind::ALL.iter().map(|k| k.name())))]
    pub kind: Option<String>,
    /// Only rules whose id contains this text (e.g. `mod.` or `s31`).
    #[arg(long, value_name = "TEXT")]
    pub id: Option<String>,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    match &args.action {
        Action::Test(r) => test(r),
        Action::List(l) => list(l),
    }
}

fn test(r: &RulesArg) -> anyhow::Result<i32> {
    let set = match RuleSet::load_checked_from(&r.sources()) {
        Ok(set) => set,
        // The failure is the exit code, whether or not the report could be written in full
        // (`rules test 2>&1 | head`).
        Err(e) => {
            let _ = writeln!(std::io::stderr().lock(), "{e}");
            return Ok(2);
        }
    };
    let mut err = std::io::stderr().lock();
    for w in &set.warnings {
        writeln!(err, "{w}")?;
    }
    let mut out = std::io::stdout().lock();
    let examples: usize = set.rules.iter().map(|r| r.matches.len() + r.no_match.len()).sum();
    writeln!(out, "{} rules, {} examples: all pass; {} authorities", set.rules.len(), examples, set.authorities.len())?;
    // Which rules are the user's, by file: what the folder added or redefined.
    let mut own: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for rule in set.rules.iter().filter(|r| !RuleSet::is_default(r)) {
        own.entry(rule.file.as_str()).or_default().push(rule.id.as_str());
    }
    let n: usize = own.values().map(Vec::len).sum();
    if let Some(dir) = &r.rules {
        let defaults = if r.no_default_rules { "no embedded defaults" } else { "the rest are the embedded defaults" };
        writeln!(out, "{n} rules from {}; {defaults}", dir.display())?;
        for (file, ids) in &own {
            writeln!(out, "  {file}: {}", ids.join(", "))?;
        }
    }
    writeln!(out, "{} passed, 0 failed", set.rules.len())?;
    Ok(0)
}

fn list(l: &ListArgs) -> anyhow::Result<i32> {
    let set = l.rules.load()?;
    let keep = |r: &&Rule| l.kind.as_deref().is_none_or(|k| r.kind.name() == k) && l.id.as_deref().is_none_or(|t| r.id.contains(t));
    let mut out = std::io::stdout().lock();
    for rule in set.rules.iter().filter(keep) {
        writeln!(out, "{:40} {:10} {:28} {}", rule.id, rule.kind.name(), rule.file, rule.description)?;
    }
    Ok(0)
}
