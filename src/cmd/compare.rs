//! `foitag compare`: refusal patterns by authority (stub, filled by the compare work).
use clap::Args as ClapArgs;

/// Arguments of `foitag compare`.
#[derive(Debug, ClapArgs)]
pub struct Args {}

/// Run the subcommand; returns the process exit code.
pub fn run(_args: &Args) -> anyhow::Result<i32> {
    anyhow::bail!("compare is not implemented yet")
}
