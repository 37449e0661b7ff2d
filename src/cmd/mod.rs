//! One module per subcommand: argument struct plus `run`, returning the process exit code.
//! This is the command-line layer: the only part of the crate that writes to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]
pub mod classify;
pub mod compare;
pub mod eval;
pub mod rules;
pub mod tag;

use crate::rules::RuleSet;
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
