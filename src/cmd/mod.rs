//! One module per subcommand: argument struct plus `run`, returning the process exit code.
//! This is the binary's command-line layer over the library, and the only code that writes to
//! the terminal.
pub mod classify;
pub mod compare;
pub mod eval;
pub mod rules;
pub mod serve;
pub mod tag;
pub mod text;

use foitag::rules::{RuleSet, RuleSources};
use std::path::PathBuf;

/// `--rules DIR`, shared by the commands that classify.
#[derive(Debug, Clone, clap::Args)]
pub struct RulesArg {
    /// Folder of extra rule files (*.toml) added to the embedded defaults.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Use only the rules of --rules DIR, not the embedded defaults (for a copied and edited
    /// rules folder).
    #[arg(long, requires = "rules")]
    pub no_default_rules: bool,
}

impl RulesArg {
    /// Where the rules come from.
    pub fn sources(&self) -> RuleSources<'_> {
        RuleSources { dir: self.rules.as_deref(), defaults: !self.no_default_rules }
    }

    /// Compile the rule set; errors carry every located diagnostic.
    pub fn load(&self) -> anyhow::Result<RuleSet> {
        Ok(RuleSet::load_from(&self.sources())?)
    }
}
