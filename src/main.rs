//! Command-line shell over the foitag library.
use clap::{Parser, Subcommand};
use foitag::cmd;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "foitag", version, about = "Classify UK FOI responses: outcome, NCND, cited and mentioned grounds")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare authorities' refusal patterns from a tags CSV.
    Compare(cmd::compare::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Compare(a) => cmd::compare::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("foitag: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
