//! The ceiling of the matcher's design: one Aho-Corasick pass over every rule keyword (all
//! occurrences, overlaps included, ASCII case-insensitive, as the matcher's own pass), on one
//! thread, reading the files as `foitag tag` does. `bench/run.sh` runs it beside `foitag tag`.
//! Usage: `cargo bench --bench ceiling -- DIR...`
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    let rules = foitag::rules::RuleSet::defaults().expect("default rules");
    let keywords: Vec<String> = rules.rules.iter().flat_map(|r| r.keywords.iter().map(|k| k.to_ascii_lowercase())).collect();
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(&keywords)
        .expect("keyword automaton");
    let mut paths = Vec::new();
    dirs.iter().for_each(|d| files(d, &mut paths));
    let started = Instant::now();
    let (mut bytes, mut hits) = (0usize, 0usize);
    for p in &paths {
        let Ok(text) = std::fs::read(p) else { continue };
        bytes += text.len();
        hits += ac.find_overlapping_iter(&text).count();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "keyword pass: {} files, {:.1} MB, {:.1} keyword hits per file, {:.2} s, {:.1} MB/s",
        paths.len(),
        bytes as f64 / 1e6,
        hits as f64 / paths.len().max(1) as f64,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
