//! Expanding path arguments: ids, order, skipping, authority from folders.
mod input_common;

use foitag::input::{collect_paths, LoadOptions};
use input_common::fixture;
use std::fs;
use std::path::PathBuf;

fn ids(paths: &[PathBuf], opts: &LoadOptions) -> Vec<String> {
    collect_paths(paths, opts).unwrap().into_iter().map(|i| i.id).collect()
}

#[test]
fn folder_expansion_is_sorted_recursive_and_filtered() {
    let got = ids(&[fixture("tree")], &LoadOptions::default());
    assert_eq!(
        got,
        [
            "Harbour Authority/response.html",
            "Harbour Authority/response.txt",
            "Westvale District Council/2024/ack.txt",
            "Westvale District Council/refusal.txt",
            "inbox.mbox/1",
            "inbox.mbox/2",
            "top-level.txt",
        ]
    );
}

#[test]
fn authority_from_dir_uses_the_nearest_folder_that_names_one_but_not_the_root() {
    let opts = LoadOptions { authority_from_dir: true, ..LoadOptions::default() };
    let items = collect_paths(&[fixture("tree")], &opts).unwrap();
    let authority = |id: &str| {
        let item = items.iter().find(|i| i.id == id).unwrap();
        item.load(&opts).unwrap().meta.authority
    };
    assert_eq!(authority("Westvale District Council/refusal.txt").as_deref(), Some("Westvale District Council"));
    assert_eq!(authority("Harbour Authority/response.html").as_deref(), Some("Harbour Authority"));
    assert_eq!(authority("Westvale District Council/2024/ack.txt").as_deref(), Some("Westvale District Council"), "not the year");
    assert_eq!(authority("top-level.txt"), None);
    assert_eq!(authority("inbox.mbox/1"), None);

    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("Kent Police/responses/2024-05/Round 2");
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("reply.txt"), "We refuse under section 40(2).").unwrap();
    let got = collect_paths(&[dir.path().to_owned()], &opts).unwrap()[0].load(&opts).unwrap().meta.authority;
    assert_eq!(got.as_deref(), Some("Kent Police"));

    let off = LoadOptions::default();
    let plain = collect_paths(&[fixture("tree")], &off).unwrap();
    assert!(plain.iter().all(|i| i.load(&off).unwrap().meta.authority.is_none()));
}

#[test]
fn explicit_files_are_always_taken() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.md");
    fs::write(&notes, "The request was refused under section 14(1).\n").unwrap();
    let binary = dir.path().join("scan.tiff");
    fs::write(&binary, [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]).unwrap();
    let opts = LoadOptions::default();
    let items = collect_paths(&[notes, binary], &opts).unwrap();
    assert_eq!(items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["notes.md", "scan.tiff"]);
    assert!(items[0].load(&opts).unwrap().text.contains("section 14(1)"));
    let err = items[1].load(&opts).unwrap_err();
    assert_eq!(err.reason, "unsupported type .tiff (not text: binary content)");
}

#[test]
fn missing_argument_is_an_error_and_ids_stay_unique() {
    assert!(collect_paths(&[PathBuf::from("/no/such/foi/folder")], &LoadOptions::default()).unwrap_err().reason.starts_with("unreadable"));
    let file = fixture("tree/top-level.txt");
    let items = collect_paths(&[file.clone(), file.clone(), file], &LoadOptions::default()).unwrap();
    let got: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(got, ["top-level.txt", "top-level.txt#2", "top-level.txt#3"]);
    let err = items[1].load(&LoadOptions::default()).unwrap_err();
    assert_eq!(err.reason, "duplicate id: an earlier input also has id `top-level.txt`");
}

#[test]
fn an_id_does_not_depend_on_the_other_inputs() {
    // Two files with one stem, and the same folder given alone or beside another.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    fs::create_dir_all(a.join("sub")).unwrap();
    fs::create_dir_all(&b).unwrap();
    fs::write(a.join("sub/reply.pdf"), "x").unwrap();
    fs::write(a.join("sub/reply.txt"), "x").unwrap();
    fs::write(b.join("reply.txt"), "x").unwrap();
    let opts = LoadOptions::default();
    let alone = ids(std::slice::from_ref(&a), &opts);
    assert_eq!(alone, ["sub/reply.pdf", "sub/reply.txt"]);
    let beside = ids(&[b.clone(), a.clone()], &opts);
    assert_eq!(beside, ["reply.txt", "sub/reply.pdf", "sub/reply.txt"]);
    let paths: Vec<String> =
        collect_paths(std::slice::from_ref(&a), &opts).unwrap().iter().map(|i| i.given_meta().path.clone().unwrap()).collect();
    assert_eq!(paths, [a.join("sub/reply.pdf").display().to_string(), a.join("sub/reply.txt").display().to_string()]);
}

#[test]
fn items_can_move_to_worker_threads() {
    fn send_sync<T: Send + Sync + Clone>() {}
    send_sync::<foitag::input::InputItem>();
    send_sync::<foitag::input::LoadOptions>();
    let items = collect_paths(&[fixture("tree")], &LoadOptions::default()).unwrap();
    let loaded: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = items.iter().map(|i| s.spawn(move || i.load(&LoadOptions::default()).is_ok())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(loaded.iter().all(|ok| *ok));
}
