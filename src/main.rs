//! Command-line shell over the foitag library: parse arguments, dispatch, map errors to exit codes.
mod cmd;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "foitag",
    version,
    about = "Classify UK FOI responses: outcome, NCND, cited and mentioned grounds",
    after_help = EXIT_CODES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Classify one response (a file or standard input).
    #[command(after_help = EXIT_CODES)]
    Classify(cmd::classify::Args),
    /// Classify every response under the given files and folders.
    #[command(after_help = EXIT_CODES)]
    Tag(cmd::tag::Args),
    /// Classify and score against gold labels.
    #[command(after_help = EXIT_CODES)]
    Eval(cmd::eval::Args),
    /// Test or list the rules.
    #[command(after_help = EXIT_CODES)]
    Rules(cmd::rules::Args),
    /// Compare authorities' refusal patterns from a tags CSV.
    #[command(after_help = EXIT_CODES)]
    Compare(cmd::compare::Args),
    /// Print the decoded text that offsets and line numbers refer to.
    Text(cmd::text::Args),
    /// A local web page and JSON API: paste or drop a response, see the verdict and evidence.
    Serve(cmd::serve::Args),
    /// Print a shell completion script (e.g. `foitag completions bash > /etc/bash_completion.d/foitag`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `foitag man > foitag.1; man ./foitag.1`.
    Man,
}

/// The exit codes, shown after every command's `--help`.
pub const EXIT_CODES: &str = "Exit codes:
  0    success (also when a reader such as `head` stops reading early)
  1    usage error (bad arguments)
  2    some inputs failed, the rules are invalid, or nothing could be done
  3    foitag eval: accuracy below --min-f1 / --min-outcome
  130  foitag tag: interrupted by Ctrl-C (the rows written are whole and in order)";

/// Exit codes: see [`EXIT_CODES`].
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
        Command::Completions { shell } => completions(*shell),
        Command::Man => man(),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        // A reader that stopped early (`foitag tag | head`) is not a failure: exit quietly, as
        // ripgrep does.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("foitag: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The completion script for `shell`, generated from the command-line definition.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<i32> {
    clap_complete::generate(shell, &mut Cli::command(), "foitag", &mut std::io::stdout().lock());
    Ok(0)
}

/// The manual page, generated from the command-line definition.
fn man() -> anyhow::Result<i32> {
    clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout().lock())?;
    Ok(0)
}

/// Whether the error comes from writing to a pipe whose reader has gone, however it is wrapped
/// (a CSV writer's error, added context).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().or_else(|| match cause.downcast_ref::<csv::Error>().map(csv::Error::kind) {
            Some(csv::ErrorKind::Io(io)) => Some(io),
            _ => None,
        });
        io.is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
