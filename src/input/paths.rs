//! Expanding file and folder arguments into items with stable ids.

use super::file::{format_of, Format};
use super::mbox;
use super::{InputError, InputItem, LoadOptions, Source};
use std::collections::{HashSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

/// Expand files and folders (recursive, sorted, deterministic) into items.
///
/// In folders, files with extensions txt, eml, mbox, html, htm, pdf, docx and zip are
/// taken, hidden files and folders skipped; a file named explicitly is always
/// taken. An mbox yields one item per message, id `<stem>/<n>` from 1. The id
/// is the path relative to the argument without extension, with `/`
/// separators (a file argument: its stem). Should two inputs map to one id,
/// later ones keep their extension (`a.pdf`), then get `#2`, `#3`.
///
/// A missing argument is an error; anything unreadable further down becomes an
/// item whose `load` fails.
pub fn collect_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<Vec<InputItem>, InputError> {
    Ok(walk_paths(paths, opts)?.collect())
}

/// [`collect_paths`] as it goes: items one at a time, in the same order with the same ids,
/// listing a folder only when the walk reaches it, so that memory does not grow with the
/// number of files. Every argument is checked first: a missing one is an error.
pub fn walk_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<Walk, InputError> {
    let mut roots = Vec::new();
    for root in paths {
        let meta = fs::metadata(root).map_err(|e| InputError::unreadable(format!("{}: {e}", root.display())))?;
        roots.push((root.clone(), meta.is_dir(), meta.len()));
    }
    Ok(Walk {
        roots: roots.into_iter(),
        root: PathBuf::new(),
        stack: Vec::new(),
        pending: VecDeque::new(),
        seen: HashSet::new(),
        authority_from_dir: opts.authority_from_dir,
    })
}

/// The items under some files and folders, depth first, each folder's entries sorted by name.
pub struct Walk {
    roots: std::vec::IntoIter<(PathBuf, bool, u64)>,
    /// The folder argument being walked.
    root: PathBuf,
    /// Per open folder: its path and the entries still to visit.
    stack: Vec<(PathBuf, std::vec::IntoIter<fs::DirEntry>)>,
    /// Items found but not yet handed out (an mbox gives several at once).
    pending: VecDeque<InputItem>,
    /// Hashes of the ids handed out, to keep them unique (a 64-bit hash per input, not the id).
    seen: HashSet<u64>,
    authority_from_dir: bool,
}

impl Iterator for Walk {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(mut item) = self.pending.pop_front() {
                if !self.authority_from_dir {
                    item.folder = None;
                }
                self.make_unique(&mut item);
                return Some(item);
            }
            if let Some((dir, entries)) = self.stack.last_mut() {
                match entries.next() {
                    Some(entry) => {
                        let dir = dir.clone();
                        self.visit(&dir, entry);
                    }
                    None => {
                        self.stack.pop();
                    }
                }
                continue;
            }
            let (root, is_dir, len) = self.roots.next()?;
            if is_dir {
                self.root = root.clone();
                self.open(root);
            } else {
                let id = stem(&root);
                let format = format_of(&root).unwrap_or(Format::Sniff);
                let folder = root.parent().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
                push_file(&mut self.pending, &root, id, format, folder, len);
            }
        }
    }
}

impl Walk {
    /// List a folder, entries sorted; an unreadable one becomes an error item.
    fn open(&mut self, dir: PathBuf) {
        match fs::read_dir(&dir).and_then(|rd| rd.collect::<Result<Vec<_>, _>>()) {
            Ok(mut entries) => {
                entries.sort_by_key(|e| e.file_name());
                self.stack.push((dir, entries.into_iter()));
            }
            Err(e) => self.pending.push_back(InputItem::failed(rel_id(&self.root, &dir, false), InputError::unreadable(e))),
        }
    }

    /// One entry of folder `dir`: a folder to open, a file to take, or nothing.
    fn visit(&mut self, dir: &Path, entry: fs::DirEntry) {
        if entry.file_name().to_string_lossy().starts_with('.') {
            return;
        }
        let path = entry.path();
        // Symlinked folders are not followed: they can form cycles.
        let Ok(file_type) = entry.file_type() else {
            return;
        };
        if file_type.is_dir() {
            self.open(path);
            return;
        }
        let Some(format) = format_of(&path) else {
            return;
        };
        let Ok(meta) = fs::metadata(&path) else {
            self.pending.push_back(InputItem::failed(rel_id(&self.root, &path, true), InputError::unreadable("broken link")));
            return;
        };
        if !meta.is_file() {
            return;
        }
        // Files directly in the argument folder have no folder of their own.
        let folder = (dir != self.root).then(|| dir.file_name().map(|n| n.to_string_lossy().into_owned())).flatten();
        push_file(&mut self.pending, &path, rel_id(&self.root, &path, true), format, folder, meta.len());
    }

    /// Should the id be taken already, keep the file's extension (`a.pdf`), then add `#2`, `#3`.
    fn make_unique(&mut self, item: &mut InputItem) {
        if self.seen.insert(id_hash(&item.id)) {
            return;
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
        while !self.seen.insert(id_hash(&candidate)) {
            candidate = format!("{}#{n}", item.id);
            n += 1;
        }
        item.id = candidate;
    }
}

/// A fixed hash of an id (the same in every run).
fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

fn push_file(items: &mut VecDeque<InputItem>, path: &Path, id: String, format: Format, folder: Option<String>, len: u64) {
    if format != Format::Mbox {
        let mut item = InputItem::new(id, Source::File { path: path.to_owned(), format }, len);
        item.folder = folder;
        items.push_back(item);
        return;
    }
    match mbox::scan(path) {
        Ok(spans) => {
            for (n, span) in spans.into_iter().enumerate() {
                let source = Source::MboxMessage { path: path.to_owned(), span };
                let mut item = InputItem::new(format!("{id}/{}", n + 1), source, span.end - span.start);
                item.folder = folder.clone();
                items.push_back(item);
            }
        }
        Err(e) => items.push_back(InputItem::failed(id, InputError::unreadable(e))),
    }
}

/// Path below `root` with '/' separators, the extension dropped from files.
fn rel_id(root: &Path, path: &Path, is_file: bool) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
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
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}
