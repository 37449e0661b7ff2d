//! One file on disk to text and metadata, by format.

use super::decode::{decode_bytes, decode_text};
use super::docx::docx_to_text;
use super::email::parse_email;
use super::html::{decode_html, html_to_text};
use super::odt::odt_to_text;
use super::pdf::pdf_to_text;
use super::rtf::rtf_to_text;
use super::wdtk::zip_to_text;
use super::InputError;
use crate::document::Meta;
use std::io::Read;
use std::path::Path;

/// How a file is read, decided from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Email,
    Html,
    Pdf,
    /// A Word document (.docx).
    Docx,
    Zip,
    /// Several messages; only meaningful per message, see `mbox`.
    Mbox,
    /// OpenDocument text (.odt).
    Odt,
    /// Rich Text Format (.rtf).
    Rtf,
    /// A known kind foitag cannot read; the reason says what to convert it to.
    Unsupported(&'static str),
    /// Of no known extension: decided by content.
    Sniff,
}

/// The format of a file by its extension; `None` for none known (read by content: [`Format::Sniff`]).
pub(crate) fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "odt" => Format::Odt,
        "rtf" => Format::Rtf,
        "doc" => Format::Unsupported(WORD_97),
        "msg" => Format::Unsupported(OUTLOOK_MSG),
        "txt" => Format::Text,
        "eml" => Format::Email,
        "mbox" => Format::Mbox,
        "html" | "htm" => Format::Html,
        "pdf" => Format::Pdf,
        "docx" => Format::Docx,
        "zip" => Format::Zip,
        _ => return None,
    })
}

const WORD_97: &str = "unsupported type: Word 97-2003 .doc (save it as .docx or PDF)";
const OUTLOOK_MSG: &str = "unsupported type: Outlook .msg (save it as .eml)";

/// Files a folder walk passes over, by extension: data and notes beside the letters (labels,
/// manifests, JSON Lines, README files), not letters themselves. Hidden files are passed
/// over too. The run's summary counts them.
pub(crate) fn is_beside_letters(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("csv" | "tsv" | "json" | "jsonl" | "md"))
}

/// Read a whole file, refusing oversize ones before reading them.
pub(crate) fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let file = std::fs::File::open(path).map_err(InputError::unreadable)?;
    let len = file.metadata().map_err(InputError::unreadable)?.len();
    if len > max_bytes {
        return Err(InputError::too_large(len, max_bytes));
    }
    // One byte over the length, so that reading to the end needs no second allocation.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    // The file may have grown since the metadata was read.
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(InputError::unreadable)?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::too_large(bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

pub(crate) fn load_file(path: &Path, format: Format, max_bytes: u64) -> Result<(String, Meta), InputError> {
    if format == Format::Mbox {
        return Err(InputError::new("mbox holds many messages: pass it as a path argument"));
    }
    let bytes = read_limited(path, max_bytes)?;
    decode_file(path, format, bytes, max_bytes)
}

/// The bytes of a file named `path` to text and metadata, by `format`.
pub(crate) fn decode_file(path: &Path, format: Format, bytes: Vec<u8>, max_bytes: u64) -> Result<(String, Meta), InputError> {
    match format {
        Format::Text => Ok((decode_bytes(bytes)?, Meta::default())),
        Format::Email => mail_document(&bytes, max_bytes),
        Format::Html => {
            let page = html_to_text(&decode_html(&bytes)?);
            Ok((page.text, Meta { subject: page.title, ..Meta::default() }))
        }
        Format::Pdf => Ok((pdf_to_text(&bytes)?, Meta::default())),
        Format::Docx => Ok((docx_to_text(&bytes, max_bytes)?, Meta::default())),
        Format::Zip => zip_to_text(&bytes, max_bytes),
        Format::Odt => Ok((odt_to_text(&bytes, max_bytes)?, Meta::default())),
        Format::Rtf => Ok((rtf_to_text(&bytes)?, Meta::default())),
        Format::Unsupported(why) => Err(InputError::new(why)),
        Format::Mbox => Err(InputError::new("mbox holds many messages: pass it as a path argument")),
        Format::Sniff => sniffed(path, &bytes, max_bytes),
    }
}

pub(crate) fn mail_document(bytes: &[u8], max_bytes: u64) -> Result<(String, Meta), InputError> {
    let mail = parse_email(bytes, max_bytes)?;
    let meta = Meta { sender: mail.sender, date: mail.date, subject: mail.subject, ..Meta::default() };
    Ok((mail.text, meta))
}

/// A file named on the command line with an unknown extension: PDFs, Word and
/// zip files are recognised by their magic numbers, anything else must be text.
fn sniffed(path: &Path, bytes: &[u8], max_bytes: u64) -> Result<(String, Meta), InputError> {
    if bytes.starts_with(b"%PDF-") {
        return Ok((pdf_to_text(bytes)?, Meta::default()));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Ok((rtf_to_text(bytes)?, Meta::default()));
    }
    // OLE2 compound files: Word 97-2003 documents and Outlook messages.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(InputError::new("unsupported type: Word 97-2003 or Outlook file (save it as .docx, PDF or .eml)"));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match docx_to_text(bytes, max_bytes) {
            Ok(text) => Ok((text, Meta::default())),
            Err(_) => zip_to_text(bytes, max_bytes),
        };
    }
    decode_text(bytes).map(|t| (t, Meta::default())).map_err(|e| match path.extension() {
        Some(ext) => InputError::new(format!("unsupported type .{} ({e})", ext.to_string_lossy())),
        None => InputError::new(format!("unsupported type ({e})")),
    })
}
