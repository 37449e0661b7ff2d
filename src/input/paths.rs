//! Expanding file and folder arguments into items with stable ids.

use super::file::{format_of, is_beside_letters, Format};
use super::mbox;
use super::{InputError, InputItem, LoadOptions, Source};
use crate::document::Meta;
use std::collections::{HashSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Expand files and folders (recursive, sorted, deterministic) into items.
///
/// In folders every file gives an item (read by extension, else by content; a
/// kind that cannot be read gives an error row), except hidden files and folders
/// (names starting with `.`) and the data and notes files kept beside letters
/// (`.csv`, `.tsv`, `.json`, `.jsonl`, `.md`), which are passed over and counted
/// ([`Walk::skipped`]); a file named explicitly is always taken. A folder
/// argument with nothing in it is an error. The id is the file's path relative to the folder argument, extension
/// kept, with `/` separators (a file argument: its file name), so it depends on
/// nothing but the file and the folder given. An mbox yields one item per
/// message, id `<mbox id>/<n>` from 1. Two arguments can still give one id (the
/// same relative path under two folders): [`unique_ids`] makes the later one an
/// error item.
///
/// A missing argument is an error; anything unreadable further down becomes an
/// item whose `load` fails.
pub fn collect_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<Vec<InputItem>, InputError> {
    Ok(unique_ids(walk_paths(paths, opts)?).collect())
}

/// [`collect_paths`] as it goes: items one at a time, in the same order with the same ids,
/// listing a folder only when the walk reaches it, so that memory does not grow with the
/// number of files. Every argument is checked first: a missing one is an error.
pub fn walk_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<Walk, InputError> {
    let mut roots = Vec::new();
    for root in paths {
        let meta = fs::metadata(root).map_err(|e| InputError::unreadable(format!("{}: {e}", root.display())))?;
        if meta.is_dir() && fs::read_dir(root).map_err(|e| InputError::unreadable(format!("{}: {e}", root.display())))?.next().is_none() {
            return Err(InputError::new(format!("{}: empty folder, nothing to classify", root.display())));
        }
        roots.push((root.clone(), meta.is_dir(), meta.len()));
    }
    Ok(Walk {
        roots: roots.into_iter(),
        root: PathBuf::new(),
        stack: Vec::new(),
        pending: VecDeque::new(),
        skipped: Arc::default(),
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
    /// Files passed over (hidden, or data beside the letters).
    skipped: Arc<AtomicUsize>,
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
                let id = file_name(&root);
                let format = format_of(&root).unwrap_or(Format::Sniff);
                let folder = root.parent().and_then(authority_folder);
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
            Err(e) => self.pending.push_back(InputItem::failed(rel_id(&self.root, &dir), InputError::unreadable(e))),
        }
    }

    /// A counter of the files passed over so far (hidden, or data beside the letters), to read
    /// once the walk is done.
    pub fn skipped(&self) -> Arc<AtomicUsize> {
        self.skipped.clone()
    }

    /// One entry of folder `dir`: a folder to open, a file to take, or one passed over.
    fn visit(&mut self, dir: &Path, entry: fs::DirEntry) {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') || is_beside_letters(&path) {
            self.skipped.fetch_add(1, Ordering::Relaxed);
            return;
        }
        // Symlinked folders are not followed: they can form cycles.
        let Ok(file_type) = entry.file_type() else {
            return;
        };
        if file_type.is_dir() {
            self.open(path);
            return;
        }
        let format = format_of(&path).unwrap_or(Format::Sniff);
        let Ok(meta) = fs::metadata(&path) else {
            self.pending.push_back(InputItem::failed(rel_id(&self.root, &path), InputError::unreadable("broken link")));
            return;
        };
        if !meta.is_file() {
            // A socket or a device, not a document.
            self.skipped.fetch_add(1, Ordering::Relaxed);
            return;
        }
        // Folders below the argument folder only: the one given names the collection.
        let folder = authority_folder(dir.strip_prefix(&self.root).unwrap_or(Path::new("")));
        push_file(&mut self.pending, &path, rel_id(&self.root, &path), format, folder, meta.len());
    }
}

fn push_file(items: &mut VecDeque<InputItem>, path: &Path, id: String, format: Format, folder: Option<String>, len: u64) {
    let given = Meta { path: Some(path.display().to_string()), ..Meta::default() };
    if format != Format::Mbox {
        let mut item = InputItem::new(id, Source::File { path: path.to_owned(), format }, len);
        item.folder = folder;
        item.given = given;
        items.push_back(item);
        return;
    }
    match mbox::scan(path) {
        Ok(spans) => {
            for (n, span) in spans.into_iter().enumerate() {
                let source = Source::MboxMessage { path: path.to_owned(), span };
                let mut item = InputItem::new(format!("{id}/{}", n + 1), source, span.end - span.start);
                item.folder = folder.clone();
                item.given = given.clone();
                items.push_back(item);
            }
        }
        Err(e) => {
            let mut item = InputItem::failed(id, InputError::unreadable(e));
            item.given = given;
            items.push_back(item);
        }
    }
}

/// Path below `root` with '/' separators (the root itself: its name).
fn rel_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.is_empty() {
        file_name(path)
    } else {
        parts.join("/")
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// Folder names that say what a folder holds or when, not whose it is: words such as
/// `responses` or `inbox`, and month names (compared lower-cased, first word).
const NOT_AN_AUTHORITY: &[&str] = &[
    "responses",
    "response",
    "replies",
    "reply",
    "letters",
    "letter",
    "requests",
    "request",
    "foi",
    "foia",
    "foisa",
    "eir",
    "eisr",
    "inbox",
    "outbox",
    "mail",
    "email",
    "emails",
    "e-mails",
    "attachments",
    "attachment",
    "documents",
    "document",
    "docs",
    "files",
    "file",
    "data",
    "archive",
    "archives",
    "batch",
    "round",
    "wave",
    "part",
    "misc",
    "other",
    "others",
    "new",
    "old",
    "done",
    "todo",
    "raw",
    "pdf",
    "pdfs",
    "txt",
    "text",
    "texts",
    "html",
    "downloads",
    "download",
    "corpus",
    "tmp",
    "temp",
    "scans",
    "received",
    "sent",
    "correspondence",
    "reviews",
    "review",
    "internal",
    "year",
    "month",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "q1",
    "q2",
    "q3",
    "q4",
];

/// For `--authority-from-dir`: the nearest folder of `dirs` (innermost first) whose name can
/// name an authority: it has two letters or more, and its first word is not one of
/// [`NOT_AN_AUTHORITY`] (so `2024`, `2024-05`, `responses`, `Round 2` are passed over).
pub(crate) fn authority_folder(dirs: &Path) -> Option<String> {
    dirs.components().rev().map(|c| c.as_os_str().to_string_lossy()).find(|n| names_authority(n)).map(|n| n.into_owned())
}

fn names_authority(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let lower = name.to_lowercase();
    let first = lower.split(|c: char| !(c.is_alphanumeric() || c == '-')).find(|w| !w.is_empty()).unwrap_or("");
    letters >= 2 && !NOT_AN_AUTHORITY.contains(&first) && !name.starts_with('.') && name != "/"
}

/// Keep ids unique across all inputs of a run: an input whose id an earlier one already has
/// (the same relative path under two folder arguments, one file given twice) becomes an error
/// item, id suffixed `#2`, `#3`, so that every input still gives a row and no row's id is
/// taken by another. One 64-bit hash per input is kept, not the id.
pub fn unique_ids(items: impl Iterator<Item = InputItem>) -> impl Iterator<Item = InputItem> {
    let mut seen = HashSet::new();
    items.map(move |item| {
        if seen.insert(id_hash(&item.id)) {
            return item;
        }
        let mut n = 2;
        while !seen.insert(id_hash(&format!("{}#{n}", item.id))) {
            n += 1;
        }
        let reason = format!("duplicate id: an earlier input also has id `{}`", item.id);
        let mut dup = InputItem::failed(format!("{}#{n}", item.id), InputError::new(reason));
        dup.given = item.given;
        dup
    })
}

/// A fixed hash of an id (the same in every run).
fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}
