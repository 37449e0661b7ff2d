//! `foitag compare`: outcome, NCND and cited-ground rates by authority (or any column), with tests.
use anyhow::Context;
use clap::Args as ClapArgs;
use foitag::compare::write::requests_path;
use foitag::compare::{self, html, write, Options};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// Arguments of `foitag compare`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Tags CSV written by `foitag tag`; `-` reads standard input.
    #[arg(value_name = "TAGS.csv|-")]
    pub input: String,
    /// Column whose values are compared (one group per distinct value).
    #[arg(long, default_value = "authority", value_name = "COLUMN")]
    pub by: String,
    /// Column naming the request: adds a request × group matrix (FILE.requests.csv with -o, and the HTML).
    #[arg(long, value_name = "COLUMN")]
    pub request: Option<String>,
    /// Groups with fewer decisions are reported but flagged `insufficient`, never over/under.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub min_n: u64,
    /// Write the long CSV here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write a self-contained HTML report.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

/// Run the subcommand; returns the process exit code.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    run_with(args, io::stdin().lock(), io::stdout().lock(), io::stderr().lock())
}

/// [`run`] with the standard streams handed in, so tests can drive it.
pub fn run_with<I: Read, O: Write, E: Write>(args: &Args, stdin: I, stdout: O, mut stderr: E) -> anyhow::Result<i32> {
    let opts = Options { by: args.by.clone(), request: args.request.clone(), min_n: args.min_n };
    let report = if args.input == "-" {
        compare::compare(stdin, &opts).context("comparing standard input")?
    } else {
        let f = File::open(&args.input).with_context(|| format!("opening {}", args.input))?;
        compare::compare(BufReader::new(f), &opts).with_context(|| format!("comparing {}", args.input))?
    };
    match &args.output {
        Some(path) => {
            write::write_csv(&report, BufWriter::new(create(path)?)).with_context(|| format!("writing {}", path.display()))?;
            if let Some(m) = &report.requests {
                let rpath = requests_path(path);
                write::write_requests_csv(m, BufWriter::new(create(&rpath)?)).with_context(|| format!("writing {}", rpath.display()))?;
            }
        }
        None => {
            write::write_csv(&report, stdout).context("writing standard output")?;
            if report.requests.is_some() && args.html.is_none() {
                writeln!(stderr, "foitag: note: the --request matrix is written only with -o FILE or --html FILE")?;
            }
        }
    }
    if let Some(path) = &args.html {
        html::write_html(&report, &provenance(&args.input), BufWriter::new(create(path)?))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(0)
}

/// Source, today's date (UTC) and this build's version, for the report's notice.
fn provenance(input: &str) -> html::Provenance {
    html::Provenance {
        source: if input == "-" { "standard input".into() } else { input.to_string() },
        generated: time::OffsetDateTime::now_utc().date().to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

fn create(path: &Path) -> anyhow::Result<File> {
    File::create(path).with_context(|| format!("creating {}", path.display()))
}
