//! Mbox mailboxes: locating messages cheaply, reading one on demand.

use super::InputError;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// Byte range of one message, its `From ` separator line included.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub start: u64,
    pub end: u64,
}

/// Find message boundaries by streaming the file once, so that collecting a
/// large mailbox does not hold it in memory. Text before the first `From `
/// line (a lone message saved as .mbox) counts as a message too.
pub(crate) fn scan(path: &Path) -> std::io::Result<Vec<Span>> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut spans = Vec::new();
    let mut line = Vec::new();
    let mut offset = 0u64;
    let mut start: Option<u64> = None;
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)? as u64;
        if n == 0 {
            break;
        }
        if is_separator(&line, offset == 0) {
            if let Some(s) = start {
                spans.push(Span { start: s, end: offset });
            }
            start = Some(offset);
        } else if start.is_none() && !line.iter().all(u8::is_ascii_whitespace) {
            start = Some(offset);
        }
        offset += n;
    }
    if let Some(s) = start {
        spans.push(Span { start: s, end: offset });
    }
    Ok(spans)
}

/// A `From ` line separates messages only if it carries the envelope's time
/// (`From sender Mon Jan 15 09:00:00 2024`): writers that do not quote body
/// lines leave sentences like "From 1 February ..." unescaped.
fn is_separator(line: &[u8], first: bool) -> bool {
    let has_time = line
        .windows(5)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit() && w[2] == b':' && w[3].is_ascii_digit() && w[4].is_ascii_digit());
    line.starts_with(b"From ") && (first || has_time)
}

/// The message bytes without the separator line and with `>From ` quoting undone.
pub(crate) fn read_message(path: &Path, span: Span, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let len = span.end - span.start;
    if len > max_bytes {
        return Err(InputError::too_large(len, max_bytes));
    }
    let mut file = File::open(path).map_err(InputError::unreadable)?;
    file.seek(SeekFrom::Start(span.start)).map_err(InputError::unreadable)?;
    let mut raw = Vec::with_capacity(len as usize);
    file.take(len).read_to_end(&mut raw).map_err(InputError::unreadable)?;
    let mut out = Vec::with_capacity(raw.len());
    for (i, line) in raw.split_inclusive(|&b| b == b'\n').enumerate() {
        if i == 0 && line.starts_with(b"From ") {
            continue;
        }
        let quotes = line.iter().take_while(|&&b| b == b'>').count();
        if quotes > 0 && line[quotes..].starts_with(b"From ") {
            out.extend_from_slice(&line[1..]);
        } else {
            out.extend_from_slice(line);
        }
    }
    Ok(out)
}
