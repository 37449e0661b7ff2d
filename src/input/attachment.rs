//! Text of attached files (e-mail parts, archive members), chosen by name and type.
//!
//! The e-mail reader builds on this module (it appends its attachments here); an attached
//! e-mail is read by the function the caller passes to [`extract`], so the dependency runs one
//! way and the e-mail reader keeps control of how deep forwarded messages nest.

use super::decode::decode_text;
use super::docx::docx_to_text;
use super::html::{decode_html, html_to_text};
use super::pdf::pdf_to_text;
use super::InputError;

/// Formats whose text can be extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Html,
    Pdf,
    Docx,
    Email,
}

/// Decide by MIME type first, then by extension, since mailers often send PDFs
/// as `application/octet-stream`.
pub(crate) fn kind_of(name: &str, content_type: Option<&str>) -> Option<Kind> {
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    match ct.as_str() {
        "application/pdf" => return Some(Kind::Pdf),
        "text/html" => return Some(Kind::Html),
        "message/rfc822" => return Some(Kind::Email),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => return Some(Kind::Docx),
        "text/plain" | "text/csv" => return Some(Kind::Text),
        _ => {}
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "pdf" => Some(Kind::Pdf),
        "html" | "htm" => Some(Kind::Html),
        "txt" | "text" | "csv" | "tsv" | "md" => Some(Kind::Text),
        "docx" => Some(Kind::Docx),
        "eml" => Some(Kind::Email),
        _ => None,
    }
}

/// Extract the text of one attachment; an attached e-mail is read by `email` (given the bytes
/// and `max_bytes`).
pub(crate) fn extract(
    kind: Kind,
    bytes: &[u8],
    max_bytes: u64,
    email: impl FnOnce(&[u8], u64) -> Result<String, InputError>,
) -> Result<String, InputError> {
    match kind {
        Kind::Text => decode_text(bytes),
        Kind::Html => Ok(html_to_text(&decode_html(bytes)?).text),
        Kind::Pdf => pdf_to_text(bytes),
        Kind::Docx => docx_to_text(bytes, max_bytes),
        Kind::Email => email(bytes, max_bytes),
    }
}

/// Append an attachment's text after a separator line naming it; a failure is
/// noted in the separator so that the rest of the document still counts.
pub(crate) fn append(doc: &mut String, name: &str, result: Result<String, InputError>) {
    let trimmed = doc.trim_end().len();
    doc.truncate(trimmed);
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    match result {
        Ok(text) => {
            doc.push_str(&format!("----- Attachment: {name} -----\n\n"));
            doc.push_str(text.trim());
        }
        Err(e) => doc.push_str(&format!("----- Attachment: {name} (no text: {e}) -----")),
    }
    doc.push('\n');
}
