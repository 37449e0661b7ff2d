//! `foitag tag PATH... [-o FILE] [--long]`: classify every input, one row each, in a stable order,
//! in parallel, streaming rows out as they are ready.
use super::RulesArg;
use crate::input::{InputItem, LoadOptions};
use crate::output::{long_rows, wide_header, WideRow};
use crate::rules::RuleSet;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `foitag tag`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to classify (folders are searched recursively for .txt, .eml, .mbox,
    /// .html, .htm, .pdf and WhatDoTheyKnow .zip files).
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
    /// Hand corrections: CSV with `id` and any of outcome, ncnd, cited, mentioned, authority.
    #[arg(long, value_name = "FILE.csv")]
    pub overrides: Option<PathBuf>,
    /// Output format: csv (wide or --long) or jsonl (wide fields plus findings with evidence).
    #[arg(long, default_value = "csv", value_parser = ["csv", "jsonl"])]
    pub format: String,
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
    #[arg(long, default_value_t = 50 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Take the authority from the name of the folder each file sits in.
    #[arg(long)]
    pub authority_from_dir: bool,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// Documents classified per batch: bounds memory while keeping the output order.
const BATCH: usize = 256;

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    let rules = args.rules.load()?;
    let opts = LoadOptions { max_bytes: args.max_bytes, authority_from_dir: args.authority_from_dir };
    let mut items = Vec::new();
    if !args.paths.is_empty() {
        items.extend(crate::input::collect_paths(&args.paths, &opts)?);
    }
    if let Some(m) = &args.manifest {
        items.extend(crate::input::collect_manifest(m)?);
    }
    if let Some(j) = &args.jsonl {
        items.extend(crate::input::collect_jsonl(j)?);
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs.unwrap_or(0)).build()?;
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display()))?),
        None => Box::new(std::io::stdout()),
    };
    let overrides = match &args.overrides {
        Some(p) => crate::overrides::Overrides::read(std::fs::File::open(p).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))?)?,
        None => Default::default(),
    };
    let started = Instant::now();
    let summary = pool.install(|| write_rows(&rules, &items, &opts, Format::of(args), &overrides, std::io::BufWriter::new(out)))?;
    eprintln!(
        "foitag: {} documents, {} errors, {:.1} MB in {:.2} s",
        summary.docs,
        summary.errors,
        summary.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(if summary.errors > 0 { 2 } else { 0 })
}

/// Counts for the closing summary line.
#[derive(Debug, Default)]
pub struct Summary {
    pub docs: usize,
    pub errors: usize,
    pub bytes: u64,
}

/// What one row per input looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Wide,
    Long,
    Jsonl,
}

impl Format {
    fn of(args: &Args) -> Format {
        if args.format == "jsonl" {
            Format::Jsonl
        } else if args.long {
            Format::Long
        } else {
            Format::Wide
        }
    }
}

/// Classify `items` in parallel batches and write their rows in order.
pub fn write_rows<W: Write>(
    rules: &RuleSet,
    items: &[InputItem],
    opts: &LoadOptions,
    format: Format,
    overrides: &crate::overrides::Overrides,
    out: W,
) -> anyhow::Result<Summary> {
    let long = format == Format::Long;
    let jsonl = format == Format::Jsonl;
    let extra_names: Vec<String> = items
        .iter()
        .find(|i| !i.given_meta().extra.is_empty())
        .map(|i| i.given_meta().extra.iter().map(|(k, _)| k.clone()).collect())
        .unwrap_or_default();
    let mut w = csv::WriterBuilder::new().flexible(jsonl).quote_style(if jsonl { csv::QuoteStyle::Never } else { csv::QuoteStyle::Necessary }).from_writer(out);
    let mut s = Summary::default();
    if long {
        w.write_record(crate::output::LONG_HEADER)?;
    } else if !jsonl {
        w.write_record(wide_header(&extra_names))?;
    }
    for batch in items.chunks(BATCH) {
        let rendered: Vec<(Vec<Vec<String>>, bool, u64)> = batch
            .par_iter()
            .map(|item| {
                let bytes = item.len_hint();
                match item.load(opts) {
                    Ok(doc) => {
                        let a = crate::analyse_document(rules, &doc);
                        let rows = match format {
                            Format::Long => long_rows(&doc.id, &a.scan, rules).into_iter().map(|r| long_fields(&r)).collect(),
                            Format::Wide => {
                                let mut row = WideRow::from_analysis(&doc, &a);
                                overrides.apply(&mut row);
                                vec![row.fields()]
                            }
                            Format::Jsonl => vec![vec![crate::output::json_row(&doc, &a, rules, overrides).to_string()]],
                        };
                        (rows, false, bytes)
                    }
                    Err(e) => {
                        let row = WideRow::error(&item.id, &e.reason, item.given_meta().extra.clone());
                        let rows = match format {
                            Format::Jsonl => vec![vec![serde_json::to_string(&row).unwrap_or_default()]],
                            _ if long => vec![],
                            _ => vec![row.fields()],
                        };
                        (rows, true, bytes)
                    }
                }
            })
            .collect();
        for (rows, err, bytes) in rendered {
            s.docs += 1;
            s.errors += err as usize;
            s.bytes += bytes;
            for r in rows {
                w.write_record(&r)?;
            }
        }
        w.flush()?;
    }
    w.flush()?;
    Ok(s)
}

fn long_fields(r: &crate::output::LongRow) -> Vec<String> {
    vec![
        r.id.clone(),
        r.message.to_string(),
        r.zone.clone(),
        r.kind.clone(),
        r.canonical.clone(),
        r.detail.clone(),
        r.status.clone(),
        r.rule.clone(),
        r.start.to_string(),
        r.end.to_string(),
        r.line.to_string(),
        r.col.to_string(),
        r.text.clone(),
    ]
}
