//! What `foitag tag` writes for each input: a wide row, long rows or a JSON line, with overrides
//! applied, and the writer that puts them out in one format, in input order.
use crate::document::Document;
use crate::input::{InputError, InputItem};
use crate::json::Report;
use crate::output::{header, long_rows, record, LongRow, WideRow};
use crate::overrides::Overrides;
use crate::rules::RuleSet;
use crate::run::{Rows, Runner, Summary};
use crate::Analysis;
use std::io::Write;

/// What one row per input looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One CSV row per document (with pass-through columns).
    Wide,
    /// One CSV row per finding.
    Long,
    /// One JSON object per document: the report of `docs/json.md`.
    Jsonl,
}

/// One input's output, in the run's format.
#[derive(Debug, Clone)]
pub enum Tagged {
    /// The wide row.
    Wide(Box<WideRow>),
    /// The long rows (none for an input that could not be read).
    Long(Vec<LongRow>),
    /// The JSON line, without its line end.
    Json(String),
}

/// Makes each input's [`Tagged`] output.
#[derive(Debug, Clone, Copy)]
pub struct Tagger<'a> {
    /// The rules the documents were analysed with (for rule ids in findings).
    pub rules: &'a RuleSet,
    /// The output format.
    pub format: Format,
    /// Hand corrections applied to wide rows and JSON lines.
    pub overrides: &'a Overrides,
}

impl Rows for Tagger<'_> {
    type Row = Tagged;

    fn row(&self, doc: &Document, a: &Analysis) -> Tagged {
        let wide = || {
            let mut row = WideRow::from_analysis(doc, a);
            self.overrides.apply(&mut row);
            row
        };
        match self.format {
            Format::Long => Tagged::Long(long_rows(&doc.id, a, self.rules)),
            Format::Wide => Tagged::Wide(Box::new(wide())),
            Format::Jsonl => {
                let mut report = crate::json::report(self.rules, doc, a, false);
                report.corrected_by(&wide());
                Tagged::Json(json_line(&report))
            }
        }
    }

    /// The error row or report, or no long rows.
    fn error(&self, item: &InputItem, e: &InputError) -> Tagged {
        let extra = item.given_meta().extra.clone();
        let row = WideRow::error(&item.id, &e.reason, extra.clone()).given(item.given_meta());
        match self.format {
            Format::Jsonl => Tagged::Json(json_line(&Report::error(&item.id, &e.reason, extra))),
            Format::Long => Tagged::Long(vec![]),
            Format::Wide => Tagged::Wide(Box::new(row)),
        }
    }
}

/// A report on one line (serde_json writes no line breaks; strings escape theirs).
fn json_line(r: &Report) -> String {
    serde_json::to_string(r).expect("a report serialises")
}

/// Tag every input with `runner` on `jobs` worker threads (0: one per core) and write the rows
/// to `out` in input order; `extra` names the wide rows' pass-through columns.
pub fn write<I, W>(runner: &Runner<Tagger>, jobs: usize, inputs: I, extra: &[String], out: W) -> anyhow::Result<Summary>
where
    I: Iterator<Item = InputItem> + Send,
    W: Write,
{
    let mut w = TagWriter::new(runner.rows.format, extra, out)?;
    let summary = runner.run(jobs, inputs, |t| Ok(w.write(&t)?))?;
    w.flush()?;
    Ok(summary)
}

/// Writes [`Tagged`] outputs in one format: CSV with its header (written at once, even when no
/// row follows), or JSON Lines.
pub struct TagWriter<W: Write> {
    w: csv::Writer<W>,
}

impl<W: Write> TagWriter<W> {
    /// A writer of `format` to `out`; `extra` names the wide rows' pass-through columns.
    pub fn new(format: Format, extra: &[String], out: W) -> csv::Result<Self> {
        // JSON Lines go through the same writer, one unquoted field per line.
        let jsonl = format == Format::Jsonl;
        let style = if jsonl { csv::QuoteStyle::Never } else { csv::QuoteStyle::Necessary };
        let mut w = csv::WriterBuilder::new().has_headers(false).flexible(jsonl).quote_style(style).from_writer(out);
        match format {
            Format::Wide => w.write_record(header::<WideRow>().iter().chain(extra))?,
            Format::Long => w.write_record(header::<LongRow>())?,
            Format::Jsonl => {}
        }
        Ok(TagWriter { w })
    }

    /// Write one input's output.
    pub fn write(&mut self, t: &Tagged) -> csv::Result<()> {
        match t {
            Tagged::Wide(row) => self.w.serialize(record(row.as_ref())),
            Tagged::Long(rows) => rows.iter().try_for_each(|row| self.w.serialize(record(row))),
            Tagged::Json(line) => self.w.write_record([line]),
        }
    }

    /// Flush what is buffered to the underlying writer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// The pass-through columns of the wide header: those of the first input that has any.
pub fn extra_columns(items: &[InputItem]) -> Vec<String> {
    items
        .iter()
        .find(|i| !i.given_meta().extra.is_empty())
        .map(|i| i.given_meta().extra.iter().map(|(k, _)| k.clone()).collect())
        .unwrap_or_default()
}
