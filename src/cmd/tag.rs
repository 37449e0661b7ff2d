//! `foitag tag PATH... [-o FILE] [--long]`: classify every input, one row each, in a stable order,
//! in parallel, streaming rows out as they are ready.
//!
//! Workers take inputs in order from a shared counter and hand rendered rows to the calling
//! thread, which writes them in input order. A worker may run at most [`WINDOW`] inputs per worker
//! ahead of the writer: memory stays bounded however large the corpus, and a slow document holds
//! back only that window, not a fixed batch. On Ctrl-C no new input is started, the rows already
//! done are written up to the first gap (whole rows only), and the run exits with code 130.
use super::RulesArg;
use crate::input::{InputItem, LoadOptions};
use crate::overrides::Overrides;
use crate::rules::RuleSet;
use crate::tag::{extra_columns, Format, TagWriter, Tagged, Tagger};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// Arguments of `foitag tag`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to classify (folders are searched recursively for .txt, .eml, .mbox,
    /// .html, .htm, .pdf, .docx and WhatDoTheyKnow .zip files).
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
    #[arg(long, default_value_t = crate::input::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Take the authority from the name of the folder each file sits in.
    #[arg(long)]
    pub authority_from_dir: bool,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// How many inputs per worker may be classified ahead of the next row to write.
const WINDOW: usize = 32;

/// Exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: i32 = 130;

/// Set by the Ctrl-C handler: start no new input.
static STOP: AtomicBool = AtomicBool::new(false);

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    let rules = args.rules.load()?;
    let opts = LoadOptions { max_bytes: args.max_bytes, authority_from_dir: args.authority_from_dir };
    // Folders are walked as the workers go (memory does not grow with the number of files);
    // manifest and JSON Lines inputs come after them.
    let walk = if args.paths.is_empty() { None } else { Some(crate::input::walk_paths(&args.paths, &opts)?) };
    let mut listed = Vec::new();
    if let Some(m) = &args.manifest {
        listed.extend(crate::input::collect_manifest(m)?);
    }
    if let Some(j) = &args.jsonl {
        listed.extend(crate::input::collect_jsonl(j)?);
    }
    let overrides = match &args.overrides {
        Some(p) => Overrides::read(std::fs::File::open(p).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))?)?,
        None => Overrides::default(),
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs.unwrap_or(0)).build()?;
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display()))?),
        None => Box::new(std::io::stdout()),
    };
    // A second handler cannot be set (tests run several commands in one process): keep the first.
    let _ = ctrlc::set_handler(|| STOP.store(true, Ordering::SeqCst));
    STOP.store(false, Ordering::SeqCst);
    let started = Instant::now();
    let progress = match std::io::stderr().is_terminal() {
        // The bar's totals: a first walk that only counts.
        true => {
            let walked = if args.paths.is_empty() { None } else { Some(crate::input::walk_paths(&args.paths, &opts)?) };
            Some(Progress::new(walked.into_iter().flatten().chain(listed.iter().cloned())))
        }
        false => None,
    };
    let extra = extra_columns(&listed);
    let inputs: Box<dyn Iterator<Item = InputItem> + Send> = Box::new(walk.into_iter().flatten().chain(listed));
    let run = Run {
        rules: &rules,
        inputs: Inputs::new(inputs),
        extra,
        opts: &opts,
        tagger: Tagger { rules: &rules, format: format_of(args), overrides: &overrides },
        stop: &STOP,
        progress: progress.as_ref(),
    };
    let summary = run.write(&pool, std::io::BufWriter::new(out))?;
    if let Some(p) = &progress {
        p.bar.finish_and_clear();
    }
    // The closing summary, on a terminal or not (a failed write to stderr is not worth an error).
    let _ = writeln!(
        std::io::stderr(),
        "foitag: {} documents, {} errors, {:.1} MB in {:.2} s",
        summary.docs,
        summary.errors,
        summary.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(if summary.interrupted {
        INTERRUPTED
    } else if summary.errors > 0 {
        2
    } else {
        0
    })
}

/// Counts for the closing summary line.
#[derive(Debug, Default)]
pub struct Summary {
    pub docs: usize,
    pub errors: usize,
    pub bytes: u64,
    /// Stopped by Ctrl-C before every input was written.
    pub interrupted: bool,
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

/// One input's rows, ready to write.
struct Rendered {
    rows: Tagged,
    error: bool,
    bytes: u64,
}

/// Rows done but not yet written, by input index from `written`.
struct Queue {
    written: usize,
    done: VecDeque<Option<Rendered>>,
    /// Workers still running.
    workers: usize,
    /// How many inputs there are, once the last has been taken.
    total: Option<usize>,
}

/// The inputs still to take, and how many were taken.
struct Inputs<'a> {
    iter: Box<dyn Iterator<Item = InputItem> + Send + 'a>,
    taken: usize,
}

impl<'a> Inputs<'a> {
    fn new(iter: Box<dyn Iterator<Item = InputItem> + Send + 'a>) -> Mutex<Inputs<'a>> {
        Mutex::new(Inputs { iter, taken: 0 })
    }
}

/// Everything one `tag` run shares between its threads.
struct Run<'a> {
    rules: &'a RuleSet,
    inputs: Mutex<Inputs<'a>>,
    extra: Vec<String>,
    opts: &'a LoadOptions,
    tagger: Tagger<'a>,
    stop: &'a AtomicBool,
    progress: Option<&'a Progress>,
}

impl Run<'_> {
    /// Classify on `pool`'s threads while this thread writes the rows in order.
    fn write<W: Write>(&self, pool: &rayon::ThreadPool, out: W) -> anyhow::Result<Summary> {
        let workers = pool.current_num_threads().max(1);
        let window = WINDOW * workers;
        let queue = Mutex::new(Queue { written: 0, done: VecDeque::new(), workers, total: None });
        let (ready, room) = (Condvar::new(), Condvar::new());
        pool.in_place_scope(|s| {
            for _ in 0..workers {
                s.spawn(|_| {
                    self.work(&queue, &ready, &room, window);
                    queue.lock().expect("queue").workers -= 1;
                    ready.notify_all();
                });
            }
            let result = self.drain(&queue, &ready, &room, out);
            if result.is_err() {
                // Writing failed (a closed pipe, a full disk): stop the workers.
                self.stop.store(true, Ordering::SeqCst);
                room.notify_all();
            }
            result
        })
    }

    /// A worker: take the next input, classify it, queue its rows; stop when none is left.
    fn work(&self, queue: &Mutex<Queue>, ready: &Condvar, room: &Condvar, window: usize) {
        loop {
            if self.stop.load(Ordering::SeqCst) {
                return;
            }
            let (i, item) = {
                let mut inputs = self.inputs.lock().expect("inputs");
                match inputs.iter.next() {
                    Some(item) => {
                        inputs.taken += 1;
                        (inputs.taken - 1, item)
                    }
                    None => {
                        queue.lock().expect("queue").total = Some(inputs.taken);
                        ready.notify_all();
                        return;
                    }
                }
            };
            {
                let mut q = queue.lock().expect("queue");
                while i >= q.written + window {
                    if self.stop.load(Ordering::SeqCst) {
                        return;
                    }
                    q = room.wait(q).expect("queue");
                }
            }
            let r = self.render(&item);
            let mut q = queue.lock().expect("queue");
            let k = i - q.written;
            if q.done.len() <= k {
                q.done.resize_with(k + 1, || None);
            }
            q.done[k] = Some(r);
            if k == 0 {
                ready.notify_all();
            }
        }
    }

    /// The rows of one input. A panic while classifying (a bug) becomes that input's error
    /// row, so one bad document cannot take down a run of thousands.
    fn render(&self, item: &InputItem) -> Rendered {
        let bytes = item.len_hint();
        let rows = item.load(self.opts).and_then(|doc| {
            crate::input::guard::guarded("classifier", || Ok(self.tagger.document(&doc, &crate::analyse_document(self.rules, &doc))))
        });
        match rows {
            Ok(rows) => Rendered { rows, error: false, bytes },
            Err(e) => Rendered { rows: self.tagger.error(item, &e), error: true, bytes },
        }
    }

    /// The writer: rows in input order as they become ready, then the summary counts.
    fn drain<W: Write>(&self, queue: &Mutex<Queue>, ready: &Condvar, room: &Condvar, out: W) -> anyhow::Result<Summary> {
        let mut w = TagWriter::new(self.tagger.format, &self.extra, out)?;
        let mut s = Summary::default();
        loop {
            let r = {
                let mut q = queue.lock().expect("queue");
                loop {
                    if let Some(r) = q.done.front_mut().and_then(Option::take) {
                        q.done.pop_front();
                        q.written += 1;
                        room.notify_all();
                        break Some(r);
                    }
                    if q.total == Some(q.written) || q.workers == 0 {
                        break None;
                    }
                    q = ready.wait(q).expect("queue");
                }
            };
            let Some(r) = r else { break };
            s.docs += 1;
            s.errors += r.error as usize;
            s.bytes += r.bytes;
            w.write(&r.rows)?;
            if let Some(p) = self.progress {
                p.advance(s.docs, s.bytes);
            }
        }
        w.flush()?;
        s.interrupted = queue.lock().expect("queue").total != Some(s.docs);
        Ok(s)
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
