//! Accuracy on the shared founding thread and development set. Skipped (passing) when
//! `../shared` is absent, so `cargo test` works on a fresh clone alone.
mod common;

use foitag::eval::{ids, score, Labels};
use std::collections::BTreeMap;

fn labels(path: &std::path::Path) -> BTreeMap<String, Labels> {
    foitag::eval::read_labels(std::fs::File::open(path).unwrap()).unwrap()
}

#[test]
fn founding_thread_is_refused_ncnd_citing_s24_and_s31_only() {
    let Some(shared) = common::shared() else { return };
    let seeds = shared.join("seeds");
    let (id, text) = common::texts(&seeds).into_iter().next().expect("seed text");
    let r = common::row(&id, &text);
    assert_eq!((r.outcome.as_str(), r.ncnd.as_str(), r.cited.as_str()), ("refused", "yes", "foia:s24;foia:s31"));
    let mentioned = ids(&r.mentioned);
    assert!(mentioned.contains("foia:s14") && mentioned.contains("foia:s50"), "{}", r.mentioned);
    assert_eq!(r.authority, "Essex Police");
}

#[test]
fn dev_set_meets_the_accuracy_targets() {
    let Some(shared) = common::shared() else { return };
    let dev = shared.join("corpus/dev");
    let s = score(&labels(&dev.join("labels.csv")), &common::predict(&dev));
    assert!(s.outcome_accuracy >= 0.97, "outcome {:.3}", s.outcome_accuracy);
    assert!(s.ncnd_accuracy >= 0.99, "ncnd {:.3}", s.ncnd_accuracy);
    assert!(s.cited_f1 >= 0.98, "cited F1 {:.3}", s.cited_f1);
    assert_eq!(s.trap_hit, 0, "mentioned-only ids reported as cited");
}
