#[cfg(test)]
mod tests {
    use crate::rules::RuleSet;
    use crate::scan::{rule_matches, rule_matches_reference};

    type Flat = Vec<(usize, usize, usize, Option<(usize, usize)>)>;

    fn flat(v: Vec<(usize, crate::rules::RuleMatch)>) -> Flat {
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

    /// Variants that stress the fast path: case, line breaks inside phrases, non-ASCII
    /// punctuation next to words, a non-ASCII word character (slow path), spliced fragments.
    fn variants(t: &str, seed: u64) -> Vec<String> {
        let mut rng = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let mut next = move |n: usize| {
            rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (rng >> 33) as usize % n.max(1)
        };
        let mut v = vec![t.to_string(), t.to_uppercase(), t.replace('\n', " "), t.replace(". ", ".\n\n")];
        let spaced: String = t.chars().map(|c| if c == ' ' && next(4) == 0 { '\n' } else { c }).collect();
        v.push(spaced);
        let punct: String = t.chars().flat_map(|c| if c == ' ' && next(6) == 0 { vec!['’', c] } else if c == ' ' && next(9) == 0 { vec![c, '–'] } else { vec![c] }).collect();
        v.push(punct);
        v.push(format!("Café\n{t}"));
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
}

#[cfg(test)]
mod stats {
    #[test]
    #[ignore]
    fn print_stats() {
        let rules = crate::rules::RuleSet::defaults().unwrap();
        let p = &rules.prefilter;
        let dir = std::env::var("FOITAG_DIR").map(std::path::PathBuf::from).unwrap_or(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"));
        let texts: Vec<String> = std::fs::read_dir(dir).unwrap().flatten().filter(|e| e.path().extension().is_some_and(|x| x == "txt")).take(100).map(|e| std::fs::read_to_string(e.path()).unwrap()).collect();
        let texts: Vec<&String> = texts.iter().collect();
        let mut s = crate::scan::fast::Scratch::default();
        s.prepare(p, rules.rules.len());
        let mut time = vec![0f64; p.pats.len()];
        let mut cands = vec![0usize; p.pats.len()];
        let mut ac = 0f64;
        // Minimum over repetitions: the machine is shared, the minimum is the least disturbed.
        for t in &texts {
            let mut best_ac = f64::MAX;
            let mut best = vec![f64::MAX; p.pats.len()];
            for _ in 0..20 {
                let t0 = std::time::Instant::now();
                
                best_ac = best_ac.min(t0.elapsed().as_secs_f64());
                p.run(&rules.rules, t, &mut s);
                for (ri, r) in rules.rules.iter().enumerate() {
                    for (k, pi) in p.rule_pats[ri].clone().enumerate() {
                        let t0 = std::time::Instant::now();
                        p.pattern_matches(r, k, pi, t, crate::scan::fast::candidates::tier(t, &p.fold_variants), &mut s, &mut |_| {});
                        best[pi] = best[pi].min(t0.elapsed().as_secs_f64());
                        cands[pi] = cands[pi].max(s.cands.len());
                    }
                }
            }
            ac += best_ac;
            for pi in 0..p.pats.len() {
                time[pi] += best[pi];
            }
        }
        let n = texts.len() as f64;
        println!("docs {} ac {:.1} us/doc total pats {:.1} us/doc", texts.len(), ac / n * 1e6, time.iter().sum::<f64>() / n * 1e6);
        for (ri, r) in rules.rules.iter().enumerate() {
            for pi in p.rule_pats[ri].clone() {
                println!("{:30} {:4} {:60} cands/doc={:6.1} us/doc={:6.2}", r.id, pi, format!("{:?}", p.pats[pi].plan).chars().take(60).collect::<String>(), cands[pi] as f64 / n, time[pi] / n * 1e6);
            }
        }
    }
}

#[cfg(test)]
mod micro {
    use regex_automata::{meta, Anchored, Input};
    #[test]
    #[ignore]
    fn micro() {
        let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/p01-kent-anpr-ncnd.txt")).unwrap();
        let rules = crate::rules::RuleSet::defaults().unwrap();
        let pats: Vec<String> = ["other.named-act", "boundary.opener", "mod.applied", "zone.web-noise"].iter().map(|id| rules.rule(id).unwrap().regexes[0].as_str().to_string()).collect();
        for pat in pats.iter().map(String::as_str) {
            let hir = regex_syntax::parse(pat).unwrap();
            let re = meta::Builder::new().build_from_hir(&crate::scan::fast::plan::ascii_twin(&hir)).unwrap();
            let mut cache = re.create_cache();
            let pos: Vec<usize> = (0..text.len()).step_by(97).filter(|&p| text.is_char_boundary(p)).collect();
            let t0 = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..100 {
                for &p in &pos {
                    n += re.search_with(&mut cache, &Input::new(&text).span(p..text.len()).anchored(Anchored::Yes)).is_some() as usize;
                }
            }
            let el = t0.elapsed().as_secs_f64() / (100 * pos.len()) as f64;
            let t0 = std::time::Instant::now();
            for _ in 0..100 { n += re.search_with(&mut cache, &Input::new(&text)).is_some() as usize; }
            let full = t0.elapsed().as_secs_f64() / 100.0;
            println!("{}: {:.0} ns per anchored search, {:.2} us per full search {n}", pat.chars().take(20).collect::<String>(), el * 1e9, full * 1e6); let _ = pat;
        }
    }
}

#[cfg(test)]
mod hitcount {
    #[test]
    #[ignore]
    fn hit_counts() {
        let rules = crate::rules::RuleSet::defaults().unwrap();
        let p = &rules.prefilter;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let texts: Vec<String> = std::fs::read_dir(dir).unwrap().flatten().filter(|e| e.path().extension().is_some_and(|x| x == "txt")).map(|e| std::fs::read_to_string(e.path()).unwrap()).collect();
        let mut n = vec![0usize; p.hits.len()];
        let mut bytes = 0;
        for t in &texts {
            bytes += t.len();
            let ac = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(&p.ac_literals).unwrap();
            for m in ac.find_overlapping_iter(t.as_str()) {
                n[m.pattern().as_usize()] += 1;
            }
        }
        let total: usize = n.iter().sum();
        println!("total hits per doc {} bytes per doc {} patterns {} mem {} kind {:?}", total / texts.len(), bytes / texts.len(), p.ac_literals.len(), aho_corasick::automaton::Automaton::memory_usage(&p.ac), 0);
        let mut v: Vec<_> = (0..n.len()).collect();
        v.sort_by_key(|&i| std::cmp::Reverse(n[i]));
        for &i in v.iter().take(40) {
            let h = &p.hits[i];
            println!("{:>6.1} {:?} gates={} starts={} present={}", n[i] as f64 / texts.len() as f64, String::from_utf8_lossy(&p.ac_literals[i]), h.gates.len(), h.starts.len(), h.present.len());
        }
    }
}

#[cfg(test)]
mod whohas {
    #[test]
    #[ignore]
    fn who_has() {
        let rules = crate::rules::RuleSet::defaults().unwrap();
        let p = &rules.prefilter;
        for (i, l) in p.ac_literals.iter().enumerate() {
            if [&b" "[..], b"i", b"a", b"s", b"on", b"in", b"the", b"at", b"--"].contains(&l.as_slice()) {
                for &q in &p.hits[i].starts {
                    let ri = p.rule_pats.iter().position(|r| r.contains(&(q as usize))).unwrap();
                    let k = q as usize - p.rule_pats[ri].start;
                    println!("{:?} {} {} {:?}", String::from_utf8_lossy(l), rules.rules[ri].id, rules.rules[ri].regexes[k].as_str().chars().take(70).collect::<String>(), match &p.pats[q as usize].plan.mode { crate::scan::fast::plan::Mode::Routes(r) => format!("{:?}", r.iter().map(|r| &r.back).collect::<Vec<_>>()).chars().take(30).collect::<String>(), _ => String::new() });
                }
            }
        }
    }
}

#[cfg(test)]
mod dirtime {
    #[test]
    #[ignore]
    fn dir_time() {
        let dir = std::env::var("FOITAG_DIR").unwrap();
        let rules = crate::rules::RuleSet::defaults().unwrap();
        let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
        paths.sort();
        paths.truncate(300);
        let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
        let (mut rm, mut an, mut slow, mut bytes) = (0f64, 0f64, 0usize, 0usize);
        for t in &texts {
            bytes += t.len();
            slow += (crate::scan::fast::candidates::tier(t, &rules.prefilter.fold_variants) != crate::scan::fast::candidates::Tier::Ascii) as usize;
            let (mut a, mut b) = (f64::MAX, f64::MAX);
            for _ in 0..5 {
                let t0 = std::time::Instant::now();
                std::hint::black_box(crate::scan::rule_matches(&rules, t));
                a = a.min(t0.elapsed().as_secs_f64());
                let t0 = std::time::Instant::now();
                std::hint::black_box(crate::analyse(&rules, t, None));
                b = b.min(t0.elapsed().as_secs_f64());
            }
            rm += a;
            an += b;
        }
        let n = texts.len() as f64;
        println!("docs {} slow {} avg bytes {} rule_matches {:.1} us/doc analyse {:.1} us/doc => {:.1} MB/s", texts.len(), slow, bytes / texts.len(), rm / n * 1e6, an / n * 1e6, bytes as f64 / an / 1e6);
    }
}

#[cfg(test)]
mod tiers {
    #[test]
    #[ignore]
    fn tiers() {
        let rules = crate::rules::RuleSet::defaults().unwrap();
        println!("fold variants {:?}", rules.prefilter.fold_variants);
        let dir = std::env::var("FOITAG_DIR").unwrap();
        let mut n = std::collections::BTreeMap::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let t = std::fs::read_to_string(e.path()).unwrap();
            let tier = crate::scan::fast::candidates::tier(&t, &rules.prefilter.fold_variants);
            *n.entry(format!("{tier:?}")).or_insert(0) += 1;
            if tier == crate::scan::fast::candidates::Tier::Plain {
                let odd: String = t.chars().filter(|c| rules.prefilter.fold_variants.contains(c)).collect();
                println!("{} {:?}", e.path().display(), odd);
            }
        }
        println!("{n:?}");
    }
}

#[cfg(test)]
mod counts {
    /// Per pattern: literal hits, candidates and matches per document, to see what to tune.
    #[test]
    #[ignore]
    fn counts() {
        let rules = crate::rules::RuleSet::defaults().unwrap();
        let p = &rules.prefilter;
        let dir = std::env::var("FOITAG_DIR").unwrap();
        let texts: Vec<String> = std::fs::read_dir(dir).unwrap().flatten().take(200).map(|e| std::fs::read_to_string(e.path()).unwrap()).collect();
        let mut s = crate::scan::fast::Scratch::default();
        s.prepare(p, rules.rules.len());
        let n = texts.len() as f64;
        let mut rows: Vec<(f64, f64, String)> = vec![(0.0, 0.0, String::new()); p.pats.len()];
        for t in &texts {
            p.run(&rules.rules, t, &mut s);
            let tier = crate::scan::fast::candidates::tier(t, &p.fold_variants);
            for (ri, r) in rules.rules.iter().enumerate() {
                for (k, pi) in p.rule_pats[ri].clone().enumerate() {
                    let hits: usize = p.pats[pi].routes.clone().map(|r| s.route_hits[r].len()).sum();
                    p.pattern_matches(r, k, pi, t, tier, &mut s, &mut |_| {});
                    rows[pi].0 += hits as f64 / n;
                    rows[pi].1 += s.cands.len() as f64 / n;
                    rows[pi].2 = format!("{} {}", r.id, format!("{:?}", p.pats[pi].plan.mode).chars().take(90).collect::<String>());
                }
            }
        }
        rows.sort_by(|a, b| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
        let (h, c): (f64, f64) = rows.iter().fold((0.0, 0.0), |a, r| (a.0 + r.0, a.1 + r.1));
        println!("hits/doc {h:.0} cands/doc {c:.0}");
        for r in rows.iter().take(25) {
            println!("{:7.1} {:7.1} {}", r.0, r.1, r.2);
        }
    }
}

#[cfg(test)]
mod lits {
    use crate::scan::fast::plan::{extraction_form, prefix_literals};
    #[test]
    #[ignore]
    fn lits() {
        for p in [r"(?i)A\d+\s*[:.)\-]", r"(?i)s\.?\s?(?P<list>\d)", r"\d", r"(?i)\bI\s+am"] {
            let hir = regex_syntax::parse(p).unwrap();
            let f = extraction_form(&hir, true);
            println!("{p}: {:?}\n   {:?}", prefix_literals(&f).map(|v| v.iter().map(|l| String::from_utf8_lossy(l).into_owned()).collect::<Vec<_>>()), regex_syntax::hir::literal::Extractor::new().extract(&f));
        }
    }
}

#[cfg(test)]
mod plantime {
    #[test]
    #[ignore]
    fn plan_time() {
        let rules = crate::rules::RuleSet::defaults().unwrap();
        let mut v = Vec::new();
        for r in &rules.rules {
            for re in &r.regexes {
                let hir = regex_syntax::parse(re.as_str()).unwrap();
                let t0 = std::time::Instant::now();
                let _ = crate::scan::fast::plan::Plan::new(&hir);
                v.push((t0.elapsed().as_secs_f64() * 1e3, r.id.clone()));
            }
        }
        v.sort_by(|a, b| b.0.total_cmp(&a.0));
        println!("total {:.1} ms", v.iter().map(|x| x.0).sum::<f64>());
        for x in v.iter().take(8) {
            println!("{:.2} ms {}", x.0, x.1);
        }
    }
}
