//! `foitag classify [FILE|-]`: the wide row for one document, its JSON report
//! (`--format json`), or `--explain` for a person.
use super::RulesArg;
use foitag::document::Document;
use foitag::input::{InputError, InputItem, LoadOptions};
use foitag::output::{CsvWriter, WideRow};
use foitag::rules::RuleSet;
use foitag::run::{Rows, Runner};
use foitag::Analysis;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

/// Arguments of `foitag classify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The response to classify: one file; `-` or nothing reads standard input. For a folder
    /// or several files, use `foitag tag`.
    #[arg(num_args = 0..)]
    pub file: Vec<PathBuf>,
    /// Print the verdict and every finding with its evidence, for a person.
    #[arg(long, conflicts_with = "format")]
    pub explain: bool,
    /// Output format: csv (one wide row) or json (the report of docs/json.md, with the decoded text).
    #[arg(long, default_value = "csv", value_parser = ["csv", "json"])]
    pub format: String,
    /// Colours in --explain output: auto (on a terminal), always, never.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub color: String,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    if let Some(why) = not_one_file(&args.file) {
        eprintln!("foitag: error: {why}");
        return Ok(1);
    }
    let rules = args.rules.load()?;
    let opts = LoadOptions::default();
    let explain = args.explain.then(|| match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::IsTerminal::is_terminal(&std::io::stdout()) && std::env::var_os("NO_COLOR").is_none(),
    });
    let never = AtomicBool::new(false);
    let json = args.format == "json";
    let runner = Runner { rules: &rules, opts: &opts, rows: &Classify { rules: &rules, explain, json }, stop: &never, progress: None };
    let (id, out) = match args.file.first().map(PathBuf::as_path) {
        Some(p) if p.as_os_str() != "-" => {
            let items = foitag::input::collect_paths(&[p.to_path_buf()], &opts)?;
            let item = items.first().ok_or_else(|| anyhow::anyhow!("{}: nothing to classify", p.display()))?;
            (item.id.clone(), runner.one(item).row.map_err(|e| (p.display().to_string(), e)))
        }
        _ => {
            let item = InputItem::stdin(&read_stdin()?);
            ("stdin".to_string(), runner.one(&item).row.map_err(|e| ("stdin".to_string(), e)))
        }
    };
    let stdout = std::io::stdout();
    let out = match out {
        Ok(out) => out,
        // A program reading JSON gets the error as a report too; the exit code says it failed.
        Err((_, e)) if json => {
            let report = foitag::json::Report::error(&id, &e.reason, vec![]);
            writeln!(stdout.lock(), "{}", serde_json::to_string_pretty(&report)?)?;
            return Ok(2);
        }
        Err((name, e)) => anyhow::bail!("{name}: {e}"),
    };
    match out {
        Output::Json(report) => writeln!(stdout.lock(), "{}", serde_json::to_string_pretty(&report)?)?,
        Output::Explain(text) => stdout.lock().write_all(text.as_bytes())?,
        Output::Wide(row) => {
            let mut w = CsvWriter::new(stdout.lock(), &[])?;
            w.write(&*row)?;
            w.flush()?;
        }
    }
    Ok(0)
}

/// Why the arguments are not one file (or none, for standard input): `classify` gives one row.
fn not_one_file(files: &[PathBuf]) -> Option<String> {
    match files {
        [] => None,
        [one] if one.is_dir() => {
            Some(format!("{} is a folder: classify takes one file; use `foitag tag {}`", one.display(), one.display()))
        }
        [_] => None,
        many => Some(format!(
            "classify takes one file, not {}; use `foitag tag {}`",
            many.len(),
            many.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" ")
        )),
    }
}

/// What `classify` prints for the document.
enum Output {
    /// The `--explain` report.
    Explain(String),
    /// The wide row.
    Wide(Box<WideRow>),
    /// The JSON report, with the decoded text.
    Json(Box<foitag::json::Report>),
}

/// Makes the output of one document: the `--explain` report (`Some(color)`), the JSON report,
/// or the wide row.
struct Classify<'a> {
    rules: &'a RuleSet,
    explain: Option<bool>,
    json: bool,
}

impl Rows for Classify<'_> {
    type Row = Result<Output, InputError>;

    fn row(&self, doc: &Document, a: &Analysis) -> Self::Row {
        Ok(match self.explain {
            Some(color) => Output::Explain(foitag::explain::render(self.rules, doc, a, color)),
            None if self.json => Output::Json(Box::new(foitag::json::report(self.rules, doc, a, true))),
            None => Output::Wide(Box::new(WideRow::from_analysis(doc, a))),
        })
    }

    fn error(&self, _: &InputItem, e: &InputError) -> Self::Row {
        Err(e.clone())
    }
}

/// All of standard input.
fn read_stdin() -> anyhow::Result<Vec<u8>> {
    let mut v = Vec::new();
    std::io::stdin().read_to_end(&mut v)?;
    Ok(v)
}
