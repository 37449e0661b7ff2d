//! The library's runner: outputs come back in input order whatever the worker count, errors are
//! counted, and setting the stop flag ends the run early with whole outputs in order.
mod common;

use foitag::document::Document;
use foitag::input::{collect_jsonl, InputError, InputItem, LoadOptions};
use foitag::run::{Progress, Rows, Runner};
use foitag::Analysis;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Each input's id and outcome, or its id and the error.
struct Ids;

impl Rows for Ids {
    type Row = String;

    fn row(&self, doc: &Document, a: &Analysis) -> String {
        format!("{} {}", doc.id, a.verdict.outcome)
    }

    fn error(&self, item: &InputItem, _: &InputError) -> String {
        format!("{} error", item.id)
    }
}

/// Counts the calls and checks they come in order.
#[derive(Default)]
struct Count(AtomicUsize);

impl Progress for Count {
    fn advance(&self, docs: usize, _: u64) {
        assert_eq!(self.0.fetch_add(1, Ordering::SeqCst) + 1, docs);
    }
}

/// A JSON Lines file of `n` letters, every seventh line broken.
fn inputs(dir: &std::path::Path, n: usize) -> Vec<InputItem> {
    let mut text = String::new();
    for i in 0..n {
        if i % 7 == 3 {
            text.push_str("{\"id\": \"broken\n");
        } else {
            text.push_str(&format!(
                "{{\"id\": \"d{i:04}\", \"text\": \"Dear Sir,\\nYour request is refused under section 40.\\nYours\"}}\n"
            ));
        }
    }
    let path = dir.join("in.jsonl");
    std::fs::write(&path, text).unwrap();
    collect_jsonl(&path).unwrap()
}

fn expected(items: &[InputItem]) -> Vec<String> {
    let r = Runner { rules: common::rules(), opts: &LoadOptions::default(), rows: &Ids, stop: &AtomicBool::new(false), progress: None };
    items.iter().map(|i| r.one(i).row).collect()
}

#[test]
fn outputs_come_in_input_order_for_any_worker_count() {
    let dir = tempfile::tempdir().unwrap();
    let items = inputs(dir.path(), 300);
    let want = expected(&items);
    assert_eq!(want.iter().filter(|r| r.ends_with(" error")).count(), 43);
    for jobs in [1, 2, 5] {
        let (stop, count) = (AtomicBool::new(false), Count::default());
        let opts = LoadOptions::default();
        let runner = Runner { rules: common::rules(), opts: &opts, rows: &Ids, stop: &stop, progress: Some(&count) };
        let mut got = Vec::new();
        let s = runner
            .run(jobs, items.clone().into_iter(), |r| {
                got.push(r);
                Ok(())
            })
            .unwrap();
        assert_eq!(got, want, "{jobs} jobs");
        assert_eq!((s.docs, s.errors, s.interrupted), (300, 43, false));
        assert_eq!(count.0.load(Ordering::SeqCst), 300);
    }
}

#[test]
fn stopping_hands_on_a_prefix_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let items = inputs(dir.path(), 2000);
    let want = expected(&items);
    let stop = AtomicBool::new(false);
    let opts = LoadOptions::default();
    let runner = Runner { rules: common::rules(), opts: &opts, rows: &Ids, stop: &stop, progress: None };
    let mut got = Vec::new();
    let s = runner
        .run(2, items.into_iter(), |r| {
            got.push(r);
            if got.len() == 10 {
                stop.store(true, Ordering::SeqCst);
            }
            Ok(())
        })
        .unwrap();
    assert!(s.interrupted && s.docs == got.len() && got.len() >= 10 && got.len() < 2000, "{} rows", got.len());
    assert_eq!(got, want[..got.len()]);
}

#[test]
fn a_failing_sink_stops_the_run_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let items = inputs(dir.path(), 500);
    let stop = AtomicBool::new(false);
    let opts = LoadOptions::default();
    let runner = Runner { rules: common::rules(), opts: &opts, rows: &Ids, stop: &stop, progress: None };
    let err = runner.run(2, items.into_iter(), |_| anyhow::bail!("disk full")).unwrap_err();
    assert_eq!(err.to_string(), "disk full");
    assert!(stop.load(Ordering::SeqCst), "the workers were told to stop");
}
