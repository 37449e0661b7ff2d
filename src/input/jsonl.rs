//! JSON Lines input: one object per line with `id` and `text`.

use super::decode::decode_raw;
use super::{InputError, InputItem, Source};
use serde_json::{Map, Value};
use std::io::Read;
use std::path::Path;

/// Read JSON Lines (`-` = stdin): objects with `id`, `text` and optional
/// `authority`, `request`, `date`; other fields go to `meta.extra` (in key
/// order). Blank lines are skipped. A malformed line yields an item, id
/// `line-N` unless its id could be read, whose `load` returns the error. An id
/// used twice is an error.
pub fn collect_jsonl(path: &Path) -> Result<Vec<InputItem>, InputError> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| InputError::unreadable(format!("stdin: {e}")))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| InputError::unreadable(format!("{}: {e}", path.display())))?;
    }
    let text = decode_raw(&bytes);
    let mut items = Vec::new();
    let mut first_line = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let item = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => item(obj, n),
            Ok(_) => InputItem::failed(format!("line-{n}"), InputError::new(format!("jsonl line {n}: not a JSON object"))),
            Err(e) => InputItem::failed(format!("line-{n}"), InputError::new(format!("jsonl line {n}: invalid JSON: {e}"))),
        };
        if let Some(first) = first_line.insert(item.id.clone(), n) {
            return Err(InputError::new(format!("jsonl line {n}: duplicate id `{}` (first on line {first})", item.id)));
        }
        items.push(item);
    }
    Ok(items)
}

fn item(mut obj: Map<String, Value>, n: usize) -> InputItem {
    let id = match obj.remove("id").as_ref().and_then(scalar) {
        Some(id) if !id.is_empty() => id,
        _ => return InputItem::failed(format!("line-{n}"), InputError::new(format!("jsonl line {n}: missing \"id\""))),
    };
    let mut item = match obj.remove("text") {
        Some(Value::String(text)) => {
            let len = text.len() as u64;
            InputItem::new(id, Source::Inline { text: super::decode::normalise(&text) }, len)
        }
        _ => return InputItem::failed(id, InputError::new(format!("jsonl line {n}: missing \"text\" string"))),
    };
    let mut take = |key: &str| obj.remove(key).as_ref().and_then(scalar).filter(|v| !v.is_empty());
    item.given.authority = take("authority");
    item.given.request = take("request");
    item.given.date = take("date");
    item.given.extra = obj.iter().map(|(k, v)| (k.clone(), scalar(v).unwrap_or_else(|| v.to_string()))).collect();
    item
}

/// Strings as they are, numbers and booleans as written, null as absent.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(_) | Value::Bool(_) => Some(v.to_string()),
        _ => None,
    }
}
