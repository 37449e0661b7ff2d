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

use foitag::rules::RuleSet;
use std::path::PathBuf;

/// `--rules DIR`, shared by the commands that classify.
#[derive(Debug, Clone, clap::Args)]
pub struct RulesArg {
    /// Folder of extra rule files (*.toml) added to the embedded defaults.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

impl RulesArg {
    /// Compile the rule set; errors carry every located diagnostic.
    pub fn load(&self) -> anyhow::Result<RuleSet> {
        Ok(RuleSet::load(self.rules.as_deref())?)
    }
}
