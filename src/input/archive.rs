//! Reading zip archives within a byte budget (zip bombs are a real input).

use super::InputError;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// One regular file of an archive, decompressed.
pub(crate) struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn open(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>, InputError> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| InputError::new(format!("unreadable zip: {e}")))
}

/// Every regular file in archive order, skipping directories and macOS
/// resource forks; fails once the decompressed total passes `max_bytes`.
pub(crate) fn read_all(bytes: &[u8], max_bytes: u64) -> Result<Vec<Entry>, InputError> {
    let mut zip = open(bytes)?;
    let mut out = Vec::new();
    let mut budget = max_bytes;
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).map_err(|e| InputError::new(format!("unreadable zip: {e}")))?;
        let name = file.name().map(|n| n.into_owned()).unwrap_or_default();
        if file.is_dir() || is_junk(&name) {
            continue;
        }
        let data = read_limited(&mut file, budget, max_bytes)?;
        budget -= data.len() as u64;
        out.push(Entry { name, bytes: data });
    }
    Ok(out)
}

/// One named member, if present.
pub(crate) fn read_one(bytes: &[u8], name: &str, max_bytes: u64) -> Result<Option<Vec<u8>>, InputError> {
    let mut zip = open(bytes)?;
    let Ok(mut file) = zip.by_name(name) else {
        return Ok(None);
    };
    read_limited(&mut file, max_bytes, max_bytes).map(Some)
}

/// Read at most `budget` bytes; the declared size is not trusted.
fn read_limited(file: &mut impl Read, budget: u64, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let mut data = Vec::new();
    file.take(budget.saturating_add(1)).read_to_end(&mut data).map_err(|e| InputError::new(format!("unreadable zip member: {e}")))?;
    if data.len() as u64 > budget {
        return Err(InputError::new(format!("too large: zip contents over --max-bytes {max_bytes} when decompressed")));
    }
    Ok(data)
}

fn is_junk(name: &str) -> bool {
    name.starts_with("__MACOSX/") || name.rsplit('/').next().is_some_and(|base| base.starts_with('.') || base.is_empty())
}
