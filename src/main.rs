//! Command-line shell over the foitag library: parse arguments, dispatch, map errors to exit codes.
mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "foitag", version, about = "Classify UK FOI responses: outcome, NCND, cited and mentioned grounds")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Classify one response (a file or standard input).
    Classify(cmd::classify::Args),
    /// Classify every response under the given files and folders.
    Tag(cmd::tag::Args),
    /// Classify and score against gold labels.
    Eval(cmd::eval::Args),
    /// Test or list the rules.
    Rules(cmd::rules::Args),
    /// Compare authorities' refusal patterns from a tags CSV.
    Compare(cmd::compare::Args),
    /// Print the decoded text that offsets and line numbers refer to.
    Text(cmd::text::Args),
    /// A local web page and JSON API: paste or drop a response, see the verdict and evidence.
    Serve(cmd::serve::Args),
}

/// Exit codes: 0 success, 1 usage error, 2 some inputs failed or the rules are invalid.
fn main() -> ExitCode {
    // clap exits 2 on a usage error; foitag keeps 2 for failed inputs and invalid rules, so a
    // usage error exits 1. --help and --version (clap's exit code 0) still exit 0.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.exit_code() == 0 { 0 } else { 1 });
        }
    };
    let result = match &cli.command {
        Command::Classify(a) => cmd::classify::run(a),
        Command::Tag(a) => cmd::tag::run(a),
        Command::Rules(a) => cmd::rules::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Compare(a) => cmd::compare::run(a),
        Command::Text(a) => cmd::text::run(a),
        Command::Serve(a) => cmd::serve::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            if e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("foitag: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
