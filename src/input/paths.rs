//! Expanding file and folder arguments into items with stable ids.

use super::file::{format_of, Format};
use super::mbox;
use super::{InputError, InputItem, LoadOptions, Source};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Expand files and folders (recursive, sorted, deterministic) into items.
///
/// In folders, files with extensions txt, eml, mbox, html, htm, pdf and zip are
/// taken, hidden files and folders skipped; a file named explicitly is always
/// taken. An mbox yields one item per message, id `<stem>/<n>` from 1. The id
/// is the path relative to the argument without extension, with `/`
/// separators (a file argument: its stem). Should two inputs map to one id,
/// later ones keep their extension (`a.pdf`), then get `#2`, `#3`.
///
/// A missing argument is an error; anything unreadable further down becomes an
/// item whose `load` fails.
pub fn collect_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<Vec<InputItem>, InputError> {
    let mut items = Vec::new();
    for root in paths {
        let meta = fs::metadata(root)
            .map_err(|e| InputError::unreadable(format!("{}: {e}", root.display())))?;
        if meta.is_dir() {
            walk(root, root, &mut items);
        } else {
            let id = stem(root);
            let format = format_of(root).unwrap_or(Format::Sniff);
            let folder = root
                .parent()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned());
            push_file(&mut items, root, id, format, folder, meta.len());
        }
    }
    if !opts.authority_from_dir {
        items.iter_mut().for_each(|i| i.folder = None);
    }
    dedupe(&mut items);
    Ok(items)
}

fn walk(root: &Path, dir: &Path, items: &mut Vec<InputItem>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
        Err(e) => Err(e),
    };
    let mut entries = match entries {
        Ok(v) => v,
        Err(e) => {
            items.push(InputItem::failed(
                rel_id(root, dir, false),
                InputError::unreadable(e),
            ));
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Symlinked folders are not followed: they can form cycles.
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk(root, &path, items);
            continue;
        }
        let Some(format) = format_of(&path) else {
            continue;
        };
        let Ok(meta) = fs::metadata(&path) else {
            items.push(InputItem::failed(
                rel_id(root, &path, true),
                InputError::unreadable("broken link"),
            ));
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        // Files directly in the argument folder have no folder of their own.
        let folder = (dir != root)
            .then(|| dir.file_name().map(|n| n.to_string_lossy().into_owned()))
            .flatten();
        push_file(
            items,
            &path,
            rel_id(root, &path, true),
            format,
            folder,
            meta.len(),
        );
    }
}

fn push_file(
    items: &mut Vec<InputItem>,
    path: &Path,
    id: String,
    format: Format,
    folder: Option<String>,
    len: u64,
) {
    if format != Format::Mbox {
        let mut item = InputItem::new(
            id,
            Source::File {
                path: path.to_owned(),
                format,
            },
            len,
        );
        item.folder = folder;
        items.push(item);
        return;
    }
    match mbox::scan(path) {
        Ok(spans) => {
            for (n, span) in spans.into_iter().enumerate() {
                let source = Source::MboxMessage {
                    path: path.to_owned(),
                    span,
                };
                let mut item =
                    InputItem::new(format!("{id}/{}", n + 1), source, span.end - span.start);
                item.folder = folder.clone();
                items.push(item);
            }
        }
        Err(e) => items.push(InputItem::failed(id, InputError::unreadable(e))),
    }
}

/// Path below `root` with '/' separators, the extension dropped from files.
fn rel_id(root: &Path, path: &Path, is_file: bool) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if is_file {
        if let Some(last) = parts.last_mut() {
            *last = stem(Path::new(last.as_str()));
        }
    }
    if parts.is_empty() {
        stem(path)
    } else {
        parts.join("/")
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn dedupe(items: &mut [InputItem]) {
    let mut seen = HashSet::new();
    for item in items.iter_mut() {
        if seen.insert(item.id.clone()) {
            continue;
        }
        let ext = match &item.source {
            Source::File { path, .. } => path.extension().map(|e| e.to_string_lossy().into_owned()),
            _ => None,
        };
        let mut candidate = match ext {
            Some(ext) => format!("{}.{ext}", item.id),
            None => item.id.clone(),
        };
        let mut n = 2;
        while seen.contains(&candidate) {
            candidate = format!("{}#{n}", item.id);
            n += 1;
        }
        seen.insert(candidate.clone());
        item.id = candidate;
    }
}
