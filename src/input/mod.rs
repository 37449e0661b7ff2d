//! Reading inputs into [`crate::document::Document`]s (minimal: text files only; the full
//! multi-format reader replaces this).
use crate::document::Document;
use std::path::{Path, PathBuf};

/// Options for loading inputs.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_bytes: u64,
    pub authority_from_dir: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_bytes: 50 * 1024 * 1024, authority_from_dir: false }
    }
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{reason}")]
pub struct InputError {
    pub reason: String,
}

/// One input, loaded later.
#[derive(Debug, Clone)]
pub struct InputItem {
    pub id: String,
    path: PathBuf,
}

impl InputItem {
    /// Read and decode.
    pub fn load(&self, opts: &LoadOptions) -> Result<Document, InputError> {
        let meta = std::fs::metadata(&self.path).map_err(|e| InputError { reason: format!("unreadable: {e}") })?;
        if meta.len() > opts.max_bytes {
            return Err(InputError { reason: format!("too large: {} bytes over --max-bytes {}", meta.len(), opts.max_bytes) });
        }
        let bytes = std::fs::read(&self.path).map_err(|e| InputError { reason: format!("unreadable: {e}") })?;
        Ok(Document { id: self.id.clone(), text: decode_text(&bytes)?, ..Default::default() })
    }

    /// Size in bytes, for progress.
    pub fn len_hint(&self) -> u64 {
        std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0)
    }
}

/// Expand files and folders into items (`*.txt`, recursive, sorted).
pub fn collect_paths(paths: &[PathBuf], _opts: &LoadOptions) -> Result<Vec<InputItem>, InputError> {
    let mut out = Vec::new();
    for root in paths {
        if root.is_dir() {
            walk(root, root, &mut out)?;
        } else {
            let id = root.file_stem().map_or(String::new(), |s| s.to_string_lossy().to_string());
            out.push(InputItem { id, path: root.clone() });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<InputItem>) -> Result<(), InputError> {
    let rd = std::fs::read_dir(dir).map_err(|e| InputError { reason: format!("unreadable: {}: {e}", dir.display()) })?;
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(root, &p, out)?;
        } else if p.extension().is_some_and(|x| x == "txt") {
            let rel = p.strip_prefix(root).unwrap_or(&p).with_extension("");
            out.push(InputItem { id: rel.to_string_lossy().replace('\\', "/"), path: p });
        }
    }
    Ok(())
}

/// Decode bytes: UTF-8 (BOM stripped), else lossy; CRLF and CR become LF; NULs dropped.
pub fn decode_text(bytes: &[u8]) -> Result<String, InputError> {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let s = String::from_utf8_lossy(b);
    Ok(s.replace("\r\n", "\n").replace('\r', "\n").replace('\0', ""))
}
