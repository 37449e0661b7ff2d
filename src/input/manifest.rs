//! Manifest CSV: one row per document, naming a file or carrying the text.

use super::decode::decode_text;
use super::file::{format_of, read_limited, Format};
use super::{InputError, InputItem, Source};
use std::path::Path;

/// Read a manifest CSV with columns `id` and `path` (relative to the
/// manifest's folder) or `text`, optional `authority`, `request`, `date`;
/// every other column goes to `meta.extra` in column order. A row with a `path`
/// uses it; otherwise its `text` is the document. A bad row becomes an item
/// whose `load` fails, with its line number; an id used twice is an error.
pub fn collect_manifest(path: &Path) -> Result<Vec<InputItem>, InputError> {
    let bytes = read_limited(path, u64::MAX)?;
    // Spreadsheet exports come as windows-1252 or UTF-16 as often as UTF-8.
    let text = decode_text(&bytes).map_err(|e| InputError::new(format!("manifest: {e}")))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> =
        reader.headers().map_err(|e| InputError::new(format!("manifest: {e}")))?.iter().map(|h| h.trim().to_owned()).collect();
    let col = |name: &str| crate::columns::position(headers.iter().map(String::as_str), name);
    let id_col = col("id").ok_or_else(|| InputError::new("manifest: no 'id' column"))?;
    let (path_col, text_col) = (col("path"), col("text"));
    if path_col.is_none() && text_col.is_none() {
        return Err(InputError::new("manifest: needs a 'path' or a 'text' column"));
    }
    let named = [col("authority"), col("request"), col("date")];

    let mut items = Vec::new();
    // First line of each id: a repeated id is an error, since rows, overrides and labels are
    // matched by id.
    let mut first_line = std::collections::HashMap::new();
    for (row, record) in reader.records().enumerate() {
        let line = record.as_ref().ok().and_then(|r| r.position()).map_or(row as u64 + 2, |p| p.line());
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                items.push(InputItem::failed(format!("line-{line}"), InputError::new(format!("manifest line {line}: {e}"))));
                continue;
            }
        };
        let field = |c: Option<usize>| c.and_then(|c| record.get(c)).map(str::trim).filter(|v| !v.is_empty());
        let Some(id) = field(Some(id_col)) else {
            items.push(InputItem::failed(format!("line-{line}"), InputError::new(format!("manifest line {line}: empty id"))));
            continue;
        };
        if let Some(first) = first_line.insert(id.to_owned(), line) {
            return Err(InputError::new(format!("manifest line {line}: duplicate id `{id}` (first on line {first})")));
        }
        let mut item = match (field(path_col), text_col.and_then(|c| record.get(c))) {
            (Some(p), _) => {
                let file = dir.join(p);
                let len = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
                let format = format_of(&file).unwrap_or(Format::Sniff);
                let mut item = InputItem::new(id.to_owned(), Source::File { path: file.clone(), format }, len);
                item.given.path = Some(file.display().to_string());
                item
            }
            (None, Some(t)) => InputItem::new(id.to_owned(), Source::Inline { text: t.to_owned() }, t.len() as u64),
            (None, None) => InputItem::failed(id.to_owned(), InputError::new(format!("manifest line {line}: neither path nor text"))),
        };
        item.given.authority = field(named[0]).map(str::to_owned);
        item.given.request = field(named[1]).map(str::to_owned);
        item.given.date = field(named[2]).map(str::to_owned);
        let known = [Some(id_col), path_col, text_col, named[0], named[1], named[2]];
        item.given.extra = headers
            .iter()
            .enumerate()
            .filter(|(c, _)| !known.contains(&Some(*c)))
            .map(|(c, h)| (h.clone(), record.get(c).unwrap_or("").to_owned()))
            .collect();
        items.push(item);
    }
    Ok(items)
}
