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
    /// Column naming the request: groups are tested within requests, and a request × group matrix
    /// is added (FILE.requests.csv with -o, and the HTML).
    #[arg(long, value_name = "COLUMN")]
    pub request: Option<String>,
    /// Groups with fewer decisions are reported but not tested (flagged `insufficient`).
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
///
/// Every output file is opened before the input is read, so a path that cannot be written
/// fails at once rather than after the others are written; on a later failure the files
/// opened are removed rather than left half-written.
pub fn run_with<I: Read, O: Write, E: Write>(args: &Args, stdin: I, stdout: O, mut stderr: E) -> anyhow::Result<i32> {
    let mut outs = Outputs::open(args)?;
    let result = compare_and_write(args, &mut outs, stdin, stdout);
    if result.is_err() {
        outs.remove();
    }
    let report = result?;
    if report.requests.is_some() && args.output.is_none() && args.html.is_none() {
        writeln!(stderr, "foitag: note: the --request matrix is written only with -o FILE or --html FILE")?;
    }
    Ok(0)
}

fn compare_and_write<I: Read, O: Write>(args: &Args, outs: &mut Outputs, stdin: I, stdout: O) -> anyhow::Result<compare::Report> {
    let opts = Options { by: args.by.clone(), request: args.request.clone(), min_n: args.min_n };
    let report = if args.input == "-" {
        compare::compare(stdin, &opts).context("comparing standard input")?
    } else {
        let f = File::open(&args.input).with_context(|| format!("opening {}", args.input))?;
        compare::compare(BufReader::new(f), &opts).with_context(|| format!("comparing {}", args.input))?
    };
    match outs.csv.take() {
        Some((path, f)) => write::write_csv(&report, BufWriter::new(f)).with_context(|| format!("writing {}", path.display()))?,
        None => write::write_csv(&report, stdout).context("writing standard output")?,
    }
    if let (Some(m), Some((path, f))) = (&report.requests, outs.requests.take()) {
        write::write_requests_csv(m, BufWriter::new(f)).with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some((path, f)) = outs.html.take() {
        html::write_html(&report, &provenance(&args.input), BufWriter::new(f)).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(report)
}

/// The output files, opened (created or truncated) before any work is done.
struct Outputs {
    csv: Option<(PathBuf, File)>,
    requests: Option<(PathBuf, File)>,
    html: Option<(PathBuf, File)>,
    opened: Vec<PathBuf>,
}

impl Outputs {
    fn open(args: &Args) -> anyhow::Result<Outputs> {
        let rpath = args.output.as_deref().filter(|_| args.request.is_some()).map(requests_path);
        let paths = [args.output.clone(), rpath, args.html.clone()];
        let named: Vec<&PathBuf> = paths.iter().flatten().collect();
        for (i, p) in named.iter().enumerate() {
            if named[..i].contains(p) {
                anyhow::bail!("{} is named for two outputs", p.display());
            }
        }
        let mut opened: Vec<PathBuf> = Vec::new();
        let mut files = Vec::new();
        for path in paths {
            let Some(path) = path else {
                files.push(None);
                continue;
            };
            match create(&path) {
                Ok(f) => {
                    opened.push(path.clone());
                    files.push(Some((path, f)));
                }
                Err(e) => {
                    for p in &opened {
                        let _ = std::fs::remove_file(p);
                    }
                    return Err(e);
                }
            }
        }
        let mut files = files.into_iter();
        let mut next = || files.next().flatten();
        Ok(Outputs { csv: next(), requests: next(), html: next(), opened })
    }

    /// Remove the files this run created or truncated: they hold nothing whole.
    fn remove(&mut self) {
        for p in self.opened.drain(..) {
            let _ = std::fs::remove_file(p);
        }
    }
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
