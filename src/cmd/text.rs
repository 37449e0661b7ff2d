//! `foitag text [FILE|-]`: the decoded text of one input, as the classifier reads it. Byte
//! offsets, lines and columns in every output (`start`, `end`, `line`, `col`) refer to this
//! text, whatever the input's format (.pdf, .eml, .docx, .zip...).
use foitag::input::LoadOptions;
use std::io::{Read, Write};
use std::path::PathBuf;

/// Arguments of `foitag text`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The input to decode; `-` or nothing reads standard input.
    pub file: Option<PathBuf>,
}

/// Run the subcommand.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    let text = match args.file.as_deref() {
        Some(p) if p.as_os_str() != "-" => {
            let opts = LoadOptions::default();
            let items = foitag::input::collect_paths(&[p.to_path_buf()], &opts)?;
            let item = items.first().ok_or_else(|| anyhow::anyhow!("{}: nothing to read", p.display()))?;
            item.load(&opts).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?.text
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes)?;
            foitag::input::decode_text(&bytes).map_err(|e| anyhow::anyhow!("stdin: {e}"))?
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(0)
}
