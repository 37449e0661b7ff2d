//! Reading inputs of every format into [`Document`]s.
//!
//! Collecting is cheap and sequential (it only lists what there is); loading
//! an [`InputItem`] does the decoding and may run on any worker thread. Every
//! input that is listed yields exactly one item, and an item that cannot be
//! read yields an [`InputError`] for an error row rather than disappearing.
//!
//! Metadata by source: e-mail sets `sender` (`Name <address>`), `subject` and
//! `date` (RFC 3339); WhatDoTheyKnow zips set `authority`, `subject` (request
//! title), `url`, `request` (URL slug) and `date` (last reply, `YYYY-MM-DD`);
//! HTML sets `subject` from `<title>`; manifest and JSONL fields override all.
//! Attachments are appended after a line `----- Attachment: <name> -----`.

mod archive;
mod attachment;
mod correspondence;
mod decode;
mod docx;
mod email;
mod error;
mod file;
pub(crate) mod guard;
mod html;
mod jsonl;
mod manifest;
mod mbox;
mod odt;
mod paths;
mod pdf;
mod rtf;
mod text_sink;
mod wdtk;

use crate::document::{Document, Meta};
use std::path::PathBuf;

pub use decode::decode_text;
pub use error::InputError;
pub use jsonl::collect_jsonl;
pub use manifest::collect_manifest;
pub use paths::{collect_paths, unique_ids, walk_paths, Walk};

/// Default for [`LoadOptions::max_bytes`] and `--max-bytes`: 50 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// How inputs are loaded.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Inputs (and decompressed archive contents) larger than this are error rows.
    pub max_bytes: u64,
    /// Take `meta.authority` from the name of the folder a file sits in.
    pub authority_from_dir: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_bytes: DEFAULT_MAX_BYTES, authority_from_dir: false }
    }
}

/// A cheap descriptor of one input; loading happens later in a worker thread.
#[derive(Debug, Clone)]
pub struct InputItem {
    /// The input's id in output rows (a path, an archive member, a JSONL line).
    pub id: String,
    source: Source,
    /// Metadata given alongside the input (manifest columns, JSONL fields);
    /// it overrides what the source itself says.
    given: Meta,
    /// Name of the folder the file sits in, for `--authority-from-dir`.
    folder: Option<String>,
    len: u64,
}

impl InputItem {
    /// Metadata given alongside the input (manifest columns, JSONL fields), before loading.
    pub fn given_meta(&self) -> &Meta {
        &self.given
    }
}

#[derive(Debug, Clone)]
enum Source {
    File { path: PathBuf, format: file::Format },
    MboxMessage { path: PathBuf, span: mbox::Span },
    Inline { text: String },
    Failed(InputError),
}

impl InputItem {
    fn new(id: String, source: Source, len: u64) -> Self {
        InputItem { id, source, given: Meta::default(), folder: None, len }
    }

    /// One document read from standard input (already read: `bytes`), id `stdin`. Bytes that
    /// are not text give an item whose `load` fails.
    pub fn stdin(bytes: &[u8]) -> Self {
        let id = "stdin".to_string();
        match decode_text(bytes) {
            Ok(text) => InputItem::new(id, Source::Inline { text }, bytes.len() as u64),
            Err(e) => InputItem::failed(id, e),
        }
    }

    fn failed(id: String, err: InputError) -> Self {
        InputItem::new(id, Source::Failed(err), 0)
    }

    /// Read and decode the input. Never panics: a crash in a parser becomes an error. An input
    /// with no text but white space is an error ("empty"), not a document.
    pub fn load(&self, opts: &LoadOptions) -> Result<Document, InputError> {
        let (text, mut meta) = guard::guarded("input parser", || self.load_source(opts))?;
        if text.trim().is_empty() {
            return Err(InputError::new("empty: no text"));
        }
        overlay(&mut meta, &self.given);
        if opts.authority_from_dir {
            if let Some(folder) = &self.folder {
                meta.authority = Some(folder.clone());
            }
        }
        Ok(Document { id: self.id.clone(), text, meta })
    }

    /// Size in bytes, for progress display.
    pub fn len_hint(&self) -> u64 {
        self.len
    }

    fn load_source(&self, opts: &LoadOptions) -> Result<(String, Meta), InputError> {
        match &self.source {
            Source::File { path, format } => file::load_file(path, *format, opts.max_bytes),
            Source::MboxMessage { path, span } => {
                let bytes = mbox::read_message(path, *span, opts.max_bytes)?;
                Ok(file::mail_document(&bytes, opts.max_bytes)?)
            }
            Source::Inline { text } => {
                if text.len() as u64 > opts.max_bytes {
                    return Err(InputError::too_large(text.len() as u64, opts.max_bytes));
                }
                Ok((text.clone(), Meta::default()))
            }
            Source::Failed(e) => Err(e.clone()),
        }
    }
}

/// A document from the bytes of one file whose name (`name`, its extension) says how to read
/// them; without a name the bytes are plain text. Nothing touches the disk. Never panics.
pub fn document_from_bytes(id: &str, name: Option<&str>, bytes: Vec<u8>, opts: &LoadOptions) -> Result<Document, InputError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(InputError::too_large(bytes.len() as u64, opts.max_bytes));
    }
    let path = std::path::Path::new(name.unwrap_or(""));
    let format = match name {
        None => file::Format::Text,
        Some(_) => file::format_of(path).unwrap_or(file::Format::Sniff),
    };
    let (text, meta) = guard::guarded("input parser", || file::decode_file(path, format, bytes, opts.max_bytes))?;
    Ok(Document { id: id.to_string(), text, meta })
}

/// Given metadata wins field by field; extra columns are appended in order.
fn overlay(meta: &mut Meta, given: &Meta) {
    let fields = [
        (&mut meta.authority, &given.authority),
        (&mut meta.request, &given.request),
        (&mut meta.date, &given.date),
        (&mut meta.subject, &given.subject),
        (&mut meta.url, &given.url),
        (&mut meta.sender, &given.sender),
        (&mut meta.path, &given.path),
    ];
    for (dst, src) in fields {
        if src.is_some() {
            dst.clone_from(src);
        }
    }
    meta.extra.extend(given.extra.iter().cloned());
}
