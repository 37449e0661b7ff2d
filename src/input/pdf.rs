//! Text layer of PDF files (no OCR).

use super::guard::guarded;
use super::InputError;

/// Extract the text layer. Scanned letters have none, which is an error: an
/// empty document would be misread as a letter that says nothing.
pub(crate) fn pdf_to_text(bytes: &[u8]) -> Result<String, InputError> {
    let raw =
        guarded("pdf parser", || pdf_extract::extract_text_from_mem(bytes).map_err(|e| InputError::new(format!("unreadable pdf: {e}"))))?;
    let text = tidy(&raw);
    if text.chars().all(|c| c.is_whitespace() || c.is_control()) {
        return Err(InputError::new("pdf without text layer (no OCR)"));
    }
    Ok(text)
}

/// pdf-extract emits form feeds between pages, trailing spaces and runs of
/// blank lines; keep one blank line at most so paragraphs stay recognisable.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = 0;
    for line in super::decode::normalise(raw).split(['\n', '\x0c']) {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}
