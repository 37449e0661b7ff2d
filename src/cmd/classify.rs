//! `foitag classify [FILE|-]`: the wide row for one document, or `--explain` for a person.
use super::RulesArg;
use crate::document::Document;
use crate::output::{CsvWriter, WideRow};
use std::io::{Read, Write};
use std::path::PathBuf;

/// Arguments of `foitag classify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The response to classify; `-` or nothing reads standard input.
    pub file: Option<PathBuf>,
    /// Print the verdict and every finding with its evidence, for a person.
    #[arg(long)]
    pub explain: bool,
    /// Colours in --explain output: auto (on a terminal), always, never.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub color: String,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    let rules = args.rules.load()?;
    let doc = match args.file.as_deref() {
        Some(p) if p.as_os_str() != "-" => {
            let opts = crate::input::LoadOptions::default();
            let items = crate::input::collect_paths(&[p.to_path_buf()], &opts)?;
            let item = items.first().ok_or_else(|| anyhow::anyhow!("{}: nothing to classify", p.display()))?;
            item.load(&opts).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
        }
        _ => {
            let text = crate::input::decode_text(&read_stdin()?).map_err(|e| anyhow::anyhow!("stdin: {e}"))?;
            Document { id: "stdin".into(), text, ..Default::default() }
        }
    };
    let a = crate::analyse_document(&rules, &doc);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.explain {
        let color = match args.color.as_str() {
            "always" => true,
            "never" => false,
            _ => std::io::IsTerminal::is_terminal(&std::io::stdout()) && std::env::var_os("NO_COLOR").is_none(),
        };
        out.write_all(super::explain::render(&rules, &doc, &a, color).as_bytes())?;
    } else {
        let mut w = CsvWriter::new(out, &[])?;
        w.write(&WideRow::from_analysis(&doc, &a))?;
        w.flush()?;
    }
    Ok(0)
}

fn read_stdin() -> anyhow::Result<Vec<u8>> {
    let mut v = Vec::new();
    std::io::stdin().read_to_end(&mut v)?;
    Ok(v)
}
