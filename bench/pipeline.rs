//! Micro-benchmarks of the per-document stages (scan, resolve, the whole analysis) on a few
//! corpus files, plus compiling the rules. Run with `cargo bench --bench pipeline`.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

/// A short letter, a long review thread, a bilingual reply (non-ASCII word characters take the
/// Unicode regexes) and an acknowledgement e-mail.
const DOCS: &[&str] = &[
    "p01-kent-anpr-ncnd.txt",
    "p31-south-wales-firearms-licensing-review-partial.txt",
    "g32-ceredigion-bilingual-transport.txt",
    "p22-thames-valley-ack-email.txt",
];

fn stages(c: &mut Criterion) {
    let rules = foitag::rules::RuleSet::defaults().expect("default rules");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for name in DOCS {
        let text = std::fs::read_to_string(corpus.join(name)).expect("corpus file");
        let mut g = c.benchmark_group("stage");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("scan", name), &text, |b, t| b.iter(|| foitag::scan::scan(&rules, black_box(t), None)));
        let scan = foitag::scan::scan(&rules, &text, None);
        g.bench_with_input(BenchmarkId::new("resolve", name), &scan, |b, s| b.iter(|| foitag::verdict::resolve(black_box(s))));
        g.bench_with_input(BenchmarkId::new("analyse", name), &text, |b, t| b.iter(|| foitag::analyse(&rules, black_box(t), None)));
        g.finish();
    }
}

fn compile(c: &mut Criterion) {
    let mut g = c.benchmark_group("rules");
    g.sample_size(10);
    g.bench_function("compile defaults", |b| b.iter(|| foitag::rules::RuleSet::defaults().expect("default rules")));
    g.finish();
}

criterion_group!(benches, stages, compile);
criterion_main!(benches);
