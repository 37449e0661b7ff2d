//! The fast path must give exactly the matches of the plain definition
//! ([`rule_matches_reference`]), on the corpus and on variants built to stress it.
use crate::rules::{RuleMatch, RuleSet};

/// Matches by the matcher.
fn rule_matches(rules: &RuleSet, text: &str) -> Vec<(usize, RuleMatch)> {
    rules.matches(text).0
}

/// The plain definition the matcher must agree with: keyword gate, then every pattern over the
/// whole text.
fn rule_matches_reference(rules: &RuleSet, text: &str) -> Vec<(usize, RuleMatch)> {
    let lower = text.to_ascii_lowercase();
    let folds = text.contains(['\u{17f}', '\u{212a}']);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for (ri, rule) in rules.rules.iter().enumerate() {
        if !folds && !rule.keywords.iter().any(|k| lower.contains(&k.to_ascii_lowercase())) {
            continue;
        }
        buf.clear();
        rule.find_all(text, &mut buf);
        out.extend(buf.iter().map(|m| (ri, *m)));
    }
    out
}

type Flat = Vec<(usize, usize, usize, Option<(usize, usize)>)>;

fn flat(v: Vec<(usize, RuleMatch)>) -> Flat {
    v.into_iter().map(|(r, m)| (r, m.start, m.end, m.list)).collect()
}

fn texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("corpus"), root.join("../shared/corpus/dev")] {
        let Ok(rd) = std::fs::read_dir(dir) else { continue };
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        out.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    assert!(out.len() >= 60, "corpus not found");
    out
}

/// Variants that stress the fast path: case, line breaks and odd whitespace inside phrases,
/// indented lines, non-ASCII punctuation next to words, non-ASCII word characters (Unicode
/// regexes), case variants such as ſ (plain path), carriage returns, spliced fragments.
fn variants(t: &str, seed: u64) -> Vec<String> {
    let mut rng = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut next = move |n: usize| {
        rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (rng >> 33) as usize % n.max(1)
    };
    let mut v = vec![t.to_string(), t.to_uppercase(), t.replace('\n', " "), t.replace(". ", ".\n\n"), t.replace('\n', "\r\n")];
    v.push(t.replace('\n', "\n  \t"));
    v.push(t.chars().map(|c| if c == ' ' && next(4) == 0 { '\n' } else { c }).collect());
    let odd = ['\u{a0}', '\u{2003}', '\t', '\u{3000}', '\u{85}'];
    v.push(t.chars().map(|c| if c == ' ' && next(5) == 0 { odd[next(odd.len())] } else { c }).collect());
    let punct = |c: char, r: usize| match (c, r) {
        (' ', 0) => vec!['’', c],
        (' ', 1) => vec![c, '–'],
        (' ', 2) => vec![c, '“'],
        _ => vec![c],
    };
    v.push(t.chars().flat_map(|c| punct(c, next(8))).collect());
    v.push(format!("Café\n{t}"));
    v.push(t.replace("e ", "é ").replace("the", "thé"));
    v.push(format!("{t}\nſection 40 and \u{212A}ent"));
    let chars: Vec<char> = t.chars().collect();
    let mut splice = String::new();
    for _ in 0..20 {
        let a = next(chars.len());
        let b = (a + 1 + next(80)).min(chars.len());
        splice.extend(&chars[a..b]);
    }
    v.push(splice);
    v
}

#[test]
fn fast_path_matches_reference_on_corpus_and_variants() {
    let rules = RuleSet::defaults().unwrap();
    for (i, t) in texts().iter().enumerate() {
        for (j, v) in variants(t, i as u64).iter().enumerate() {
            assert_eq!(flat(rule_matches(&rules, v)), flat(rule_matches_reference(&rules, v)), "text {i} variant {j}");
        }
    }
}

/// The blind sets and seeds, as they are and in upper case: texts the plans were not tuned on.
#[test]
fn fast_path_matches_reference_on_blind_texts() {
    let rules = RuleSet::defaults().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<std::path::PathBuf> = vec![root.join("../shared/seeds")];
    if let Ok(rd) = std::fs::read_dir(root.join("tests/blind")) {
        dirs.extend(rd.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
    }
    let mut seen = 0;
    for dir in dirs {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for p in rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            let t = std::fs::read_to_string(&p).unwrap();
            for v in [t.clone(), t.to_uppercase()] {
                assert_eq!(flat(rule_matches(&rules, &v)), flat(rule_matches_reference(&rules, &v)), "{}", p.display());
            }
            seen += 1;
        }
    }
    assert!(seen >= 100, "blind texts found: {seen}");
}

/// Aliases found in the keyword pass, reduced, are those the authority automaton finds.
#[test]
fn aliases_from_the_keyword_pass_match_the_authority_automaton() {
    let rules = RuleSet::defaults().unwrap();
    let names: Vec<String> = rules.authorities.iter().take(40).map(|a| a.name.clone()).collect();
    let mut found = 0;
    for (i, t) in texts().iter().enumerate() {
        // Names run together and overlapping, in any case, besides the texts as they are.
        let crowded = format!("{t}\n{}\n{}", names.join(""), names.join(" and ").to_uppercase());
        for v in variants(t, i as u64).iter().chain([&crowded]) {
            let merged = rules.matches(v).1;
            assert_eq!(merged, rules.aliases_in(v), "text {i}");
            found += merged.len();
        }
    }
    assert!(found > 1000, "aliases found: {found}");
}

/// Every rule's own examples, alone and inside other text, in several case and spacing forms.
#[test]
fn fast_path_matches_reference_on_rule_examples() {
    let rules = RuleSet::defaults().unwrap();
    let filler = "Thank you for your email.\n";
    for r in &rules.rules {
        for ex in r.matches.iter().chain(&r.no_match) {
            for t in [ex.clone(), format!("{filler}{ex}\n{filler}"), format!("x{ex}x"), ex.to_uppercase(), ex.replace(' ', "\n ")] {
                assert_eq!(flat(rule_matches(&rules, &t)), flat(rule_matches_reference(&rules, &t)), "rule {} example {t:?}", r.id);
            }
        }
    }
}

#[test]
fn case_variants_of_ascii_letters_are_word_characters() {
    for l in 'a'..='z' {
        let mut c = regex_syntax::hir::ClassUnicode::new([regex_syntax::hir::ClassUnicodeRange::new(l, l)]);
        c.case_fold_simple();
        for ch in c.iter().flat_map(|r| r.start()..=r.end()) {
            assert!(ch.is_ascii() || regex_syntax::is_word_character(ch), "{ch:?}");
        }
    }
}

/// For tuning the plans: per pattern, literal hits and candidates per document of the folder in
/// `FOITAG_DIR`. `FOITAG_DIR=... cargo test --release --lib fast_path_report -- --ignored --nocapture`
#[test]
#[ignore]
#[allow(clippy::print_stdout)]
fn fast_path_report() {
    let rules = RuleSet::defaults().unwrap();
    let p = &rules.prefilter;
    let dir = std::env::var("FOITAG_DIR").expect("FOITAG_DIR");
    let texts: Vec<String> =
        std::fs::read_dir(dir).unwrap().flatten().take(200).filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect();
    let mut s = super::Scratch::default();
    s.prepare(p, rules.rules.len());
    let n = texts.len() as f64;
    let mut rows: Vec<(f64, f64, String)> = vec![(0.0, 0.0, String::new()); p.pats.len()];
    for t in &texts {
        p.run(&rules.rules, t, &mut s);
        let tier = super::candidates::tier(t, &p.fold_variants);
        for (ri, r) in rules.rules.iter().enumerate() {
            for pi in p.rule_pats[ri].clone() {
                let hits: usize = p.pats[pi].routes.clone().map(|r| s.route_hits[r].len()).sum();
                p.pattern_matches(r, pi, t, tier, &mut s, &mut |_| {});
                rows[pi].0 += hits as f64 / n;
                rows[pi].1 += s.cands.len() as f64 / n;
                rows[pi].2 = format!("{} {:.100}", r.id, format!("{:?}", p.pats[pi].plan.mode));
            }
        }
    }
    rows.sort_by(|a, b| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
    let (h, c) = rows.iter().fold((0.0, 0.0), |a, r| (a.0 + r.0, a.1 + r.1));
    println!("hits/doc {h:.0} candidates/doc {c:.0}");
    for r in rows.iter().take(30) {
        println!("{:7.1} {:7.1} {}", r.0, r.1, r.2);
    }
}

/// For tuning memory: sizes of the compiled structures and of one thread's caches after the
/// folder in `FOITAG_DIR`.
#[test]
#[ignore]
#[allow(clippy::print_stdout)]
fn fast_path_memory_report() {
    use aho_corasick::automaton::Automaton;
    let rules = RuleSet::defaults().unwrap();
    let p = &rules.prefilter;
    let dir = std::env::var("FOITAG_DIR").expect("FOITAG_DIR");
    for e in std::fs::read_dir(dir).unwrap().flatten().take(300) {
        let t = std::fs::read_to_string(e.path()).unwrap();
        let _ = rule_matches(&rules, &t);
    }
    let twins: usize = p.pats.iter().filter_map(|x| x.re.as_ref()).map(|r| r.memory_usage()).sum();
    let dfas: usize = p.pats.iter().filter_map(|x| x.dfa.as_ref()).map(|d| d.memory_usage()).sum();
    let origs: usize = p.pats.iter().filter_map(|x| x.orig.get()).map(|r| r.memory_usage()).sum();
    println!(
        "authority ac {} KB, literal ac {} KB, twins {} KB, DFAs {} KB, origs {} KB",
        rules.authority_ac.memory_usage() / 1024,
        p.ac.memory_usage() / 1024,
        twins / 1024,
        dfas / 1024,
        origs / 1024
    );
    super::SCRATCH.with(|s| {
        let s = s.borrow();
        let c: usize = s.caches.iter().flatten().map(|c| c.memory_usage()).sum();
        let o: usize = s.orig_caches.iter().flatten().map(|c| c.memory_usage()).sum();
        let d: usize = s.dfa_caches.iter().flatten().map(|c| c.memory_usage()).sum();
        println!("twin caches {} KB, DFA caches {} KB, orig caches {} KB", c / 1024, d / 1024, o / 1024);
        let mut v: Vec<(usize, usize)> =
            s.dfa_caches.iter().enumerate().filter_map(|(i, c)| c.as_ref().map(|c| (c.memory_usage(), i))).collect();
        v.sort_unstable_by(|a, b| b.cmp(a));
        for (m, i) in v.iter().take(6) {
            println!("  {} KB DFA cache of pattern {i}: {:.60}", m / 1024, p.pats[*i].source);
        }
    });
}

#[test]
#[ignore]
#[allow(clippy::print_stdout)]
fn show_plan() {
    let rules = RuleSet::defaults().unwrap();
    let id = std::env::var("FOITAG_RULE").expect("FOITAG_RULE");
    for re in &rules.rule(&id).unwrap().regexes {
        let plan = super::plan::Plan::new(&regex_syntax::parse(re.as_str()).unwrap());
        if let super::plan::Mode::Routes(rs) = &plan.mode {
            for r in rs {
                let lits: Vec<String> = r.lits.iter().map(|l| String::from_utf8_lossy(l).into_owned()).collect();
                println!("{lits:?} {:.80}", format!("{:?}", r.back));
            }
        }
    }
}
