//! `foitag tag PATH... [-o FILE] [--long]`: classify every input, one row each, in a stable order,
//! in parallel, streaming rows out as they are ready (the library's runner, see `foitag::run`).
//! This layer adds the progress bar on a terminal and Ctrl-C: no new input is started, the rows
//! already done are written up to the first gap (whole rows only), and the run exits with 130.
use super::RulesArg;
use foitag::input::{InputItem, LoadOptions};
use foitag::overrides::Overrides;
use foitag::run::{Runner, Summary};
use foitag::tag::{extra_columns, Format, Tagger};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Arguments of `foitag tag`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to classify. Folders are searched recursively and every file gives a
    /// row, except hidden ones and .csv .tsv .json .jsonl .md files (counted as passed over).
    /// `-` reads one document from standard input (id `stdin`).
    #[arg(required_unless_present_any = ["manifest", "jsonl"])]
    pub paths: Vec<PathBuf>,
    /// A CSV manifest: `id` plus `path` (relative to the manifest) or `text`; optional
    /// `authority`, `request`, `date`; other columns are passed through to the output.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// JSON Lines input (`-` for standard input): objects with `id`, `text`, optional
    /// `authority`, `request`, `date`.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<PathBuf>,
    /// Output format: csv (wide or --long) or jsonl (wide fields plus findings with evidence).
    #[arg(long, default_value = "csv", value_parser = ["csv", "jsonl"])]
    pub format: String,
    /// Hand corrections: CSV with `id` and any of outcome, ncnd, cited, mentioned, authority.
    #[arg(long, value_name = "FILE.csv")]
    pub overrides: Option<PathBuf>,
    /// Write the CSV here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// One row per finding instead of one per document.
    #[arg(long)]
    pub long: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Inputs larger than this many bytes become error rows.
    #[arg(long, default_value_t = foitag::input::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Take the authority from the nearest folder, below the folder given, that names one: not
    /// a year, date or number, nor a word such as responses, replies, letters or inbox.
    #[arg(long)]
    pub authority_from_dir: bool,
    /// No progress bar and no closing summary line (errors are still reported).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Print on standard error where the time went: per scan stage and per rule family.
    #[arg(long)]
    pub timings: bool,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// Exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: i32 = 130;

/// Set by the Ctrl-C handler: start no new input.
static STOP: AtomicBool = AtomicBool::new(false);

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    if args.long && args.format == "jsonl" {
        eprintln!("foitag: error: --long writes CSV; each --format jsonl line already holds every finding in its `findings` array (see docs/json.md): drop --long");
        return Ok(1);
    }
    let rules = args.rules.load()?;
    if args.timings {
        foitag::timings::enable();
    }
    let opts = LoadOptions { max_bytes: args.max_bytes, authority_from_dir: args.authority_from_dir };
    let (paths, mut listed) = listed_inputs(args)?;
    // Folders are walked as the workers go (memory does not grow with the number of files);
    // standard input comes before them, manifest and JSON Lines inputs after them.
    let walk = if paths.is_empty() { None } else { Some(foitag::input::walk_paths(&paths, &opts)?) };
    let skipped = walk.as_ref().map(|w| w.skipped()).unwrap_or_default();
    let overrides = read_overrides(args)?;
    let out = open_output(args)?;
    // A second handler cannot be set (tests run several commands in one process): keep the first.
    let _ = ctrlc::set_handler(|| STOP.store(true, Ordering::SeqCst));
    STOP.store(false, Ordering::SeqCst);
    let started = Instant::now();
    let progress = match !args.quiet && std::io::stderr().is_terminal() {
        // The bar's totals: a first walk that only counts.
        true => {
            let walked = if paths.is_empty() { None } else { Some(foitag::input::walk_paths(&paths, &opts)?) };
            Some(Progress::new(walked.into_iter().flatten().chain(listed.iter().cloned())))
        }
        false => None,
    };
    let extra = extra_columns(&listed);
    let tagger = Tagger { rules: &rules, format: format_of(args), overrides: &overrides };
    let runner = Runner { rules: &rules, opts: &opts, rows: &tagger, stop: &STOP, progress: progress.as_ref().map(|p| p as _) };
    let stdin_item = if args.paths.iter().any(|p| p.as_os_str() == "-") { Some(listed.remove(0)) } else { None };
    let inputs = foitag::input::unique_ids(stdin_item.into_iter().chain(walk.into_iter().flatten()).chain(listed));
    let summary = foitag::tag::write(&runner, args.jobs.unwrap_or(0), inputs, &extra, std::io::BufWriter::new(out))?;
    if let Some(p) = &progress {
        p.bar.finish_and_clear();
    }
    if !args.quiet {
        closing_line(&summary, skipped.load(Ordering::Relaxed), started);
    }
    if summary.docs == 0 && !summary.interrupted {
        eprintln!("foitag: error: no documents to classify");
        return Ok(2);
    }
    // An override that named no input is a mistake (a typo, an id from an older scheme).
    let unused = if summary.interrupted { vec![] } else { overrides.unused() };
    for (line, id) in &unused {
        eprintln!("foitag: error: overrides line {line}: id `{id}` matches no input");
    }
    if args.timings {
        let _ = write!(std::io::stderr(), "{}", foitag::timings::report());
    }
    Ok(if summary.interrupted {
        INTERRUPTED
    } else if summary.errors > 0 || !unused.is_empty() {
        2
    } else {
        0
    })
}

/// The path arguments to walk, and the inputs listed otherwise: standard input (`-`, first),
/// then the manifest's and the JSON Lines' rows.
fn listed_inputs(args: &Args) -> anyhow::Result<(Vec<PathBuf>, Vec<InputItem>)> {
    let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) = args.paths.iter().cloned().partition(|p| p.as_os_str() == "-");
    let mut listed = Vec::new();
    if !stdin.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        listed.push(InputItem::stdin(&bytes));
    }
    if let Some(m) = &args.manifest {
        listed.extend(foitag::input::collect_manifest(m)?);
    }
    if let Some(j) = &args.jsonl {
        listed.extend(foitag::input::collect_jsonl(j)?);
    }
    Ok((paths, listed))
}

/// The closing summary on standard error, on a terminal or not (a failed write to stderr is
/// not worth an error): documents, errors, files passed over, MB and seconds; after Ctrl-C,
/// how many of how many were written.
fn closing_line(summary: &Summary, skipped: usize, started: Instant) {
    let passed_over = match skipped {
        0 => String::new(),
        1 => ", 1 file passed over (hidden, or .csv .tsv .json .jsonl .md)".to_string(),
        n => format!(", {n} files passed over (hidden, or .csv .tsv .json .jsonl .md)"),
    };
    let written = if summary.interrupted {
        format!("interrupted: {} of {} documents written", summary.docs, summary.total)
    } else {
        format!("{} documents", summary.docs)
    };
    let _ = writeln!(
        std::io::stderr(),
        "foitag: {written}, {} errors{passed_over}, {:.1} MB in {:.2} s",
        summary.errors,
        summary.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
}

/// `--overrides`, or none.
fn read_overrides(args: &Args) -> anyhow::Result<Overrides> {
    match &args.overrides {
        Some(p) => Overrides::read(std::fs::File::open(p).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))?),
        None => Ok(Overrides::default()),
    }
}

/// `-o FILE`, or standard output.
fn open_output(args: &Args) -> anyhow::Result<Box<dyn Write + Send>> {
    Ok(match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display()))?),
        None => Box::new(std::io::stdout()),
    })
}

/// The output format the arguments ask for.
fn format_of(args: &Args) -> Format {
    if args.format == "jsonl" {
        Format::Jsonl
    } else if args.long {
        Format::Long
    } else {
        Format::Wide
    }
}

/// The progress bar on a terminal: files, MB, MB/s and time left.
struct Progress {
    bar: ProgressBar,
    started: Instant,
    total_bytes: u64,
    last: Mutex<Instant>,
}

impl Progress {
    fn new(items: impl Iterator<Item = InputItem>) -> Progress {
        let (count, total_bytes) = items.fold((0u64, 0u64), |(n, b), i| (n + 1, b + i.len_hint()));
        let bar = ProgressBar::with_draw_target(Some(count), ProgressDrawTarget::stderr_with_hz(4));
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  ETA {eta}").expect("template").progress_chars("=> "),
        );
        let now = Instant::now();
        Progress { bar, started: now, total_bytes, last: Mutex::new(now - Duration::from_secs(1)) }
    }
}

impl foitag::run::Progress for Progress {
    /// Record that `docs` inputs holding `bytes` bytes are written; redraws at most 4 times a second.
    fn advance(&self, docs: usize, bytes: u64) {
        self.bar.set_position(docs as u64);
        let mut last = self.last.lock().expect("progress");
        if last.elapsed() >= Duration::from_millis(250) {
            *last = Instant::now();
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            self.bar.set_message(format!(
                "{:.1}/{:.1} MB  {:.1} MB/s",
                bytes as f64 / 1e6,
                self.total_bytes as f64 / 1e6,
                bytes as f64 / 1e6 / secs
            ));
        }
    }
}
