//! Helpers shared by the input-layer tests.
#![allow(dead_code)]

use foitag::document::Document;
use foitag::input::{collect_paths, InputError, LoadOptions};
use std::path::{Path, PathBuf};

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inputs").join(rel)
}

/// Load the single item a file argument yields.
pub fn load(path: &Path) -> Result<Document, InputError> {
    load_with(path, &LoadOptions::default())
}

pub fn load_with(path: &Path, opts: &LoadOptions) -> Result<Document, InputError> {
    let items = collect_paths(&[path.to_owned()], opts).expect("collect");
    assert_eq!(items.len(), 1, "one item for {}", path.display());
    items[0].load(opts)
}

pub fn load_fixture(rel: &str) -> Document {
    load(&fixture(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Position of `needle` in `hay`, failing the test with context when absent.
pub fn pos(hay: &str, needle: &str) -> usize {
    hay.find(needle).unwrap_or_else(|| panic!("{needle:?} not in:\n{hay}"))
}
