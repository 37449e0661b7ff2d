//! Ground names in the compare report: one name for every ground the scanner can report, and
//! the same words as the rules that recognise a ground by its title.
use foitag::grounds::{label, name};
use foitag::rules::{Produces, RuleSet};
use foitag::scan::canon::canonical;
use foitag::scan::cite::RawItem;
use foitag::scan::Regime;

fn item(number: &str, chain: &[&str]) -> RawItem {
    RawItem { number: number.into(), chain: chain.iter().map(|s| s.to_string()).collect() }
}

#[test]
fn every_ground_the_scanner_reports_has_a_name() {
    let mut items: Vec<RawItem> = (1..=100).map(|n| item(&n.to_string(), &[])).collect();
    items.push(item("22a", &[]));
    // The exceptions as the Regulations list them: paragraph (4) (a)-(e), paragraph (5) (a)-(g).
    for reg in ["10", "12"] {
        for (para, letters) in [("4", "abcde"), ("5", "abcdefg")] {
            for letter in letters.chars() {
                items.push(item(reg, &[para, &letter.to_string()]));
            }
        }
    }
    let mut grounds = 0;
    for regime in [Regime::Foia, Regime::Foisa, Regime::Eir, Regime::Eisr] {
        for it in &items {
            let Some(c) = canonical(it, regime).filter(|c| c.ground) else { continue };
            grounds += 1;
            assert!(name(&c.id).is_some(), "{} has no name", c.id);
        }
    }
    assert!(grounds > 60, "only {grounds} grounds enumerated");
}

#[test]
fn names_agree_with_the_title_rules() {
    let rules = RuleSet::defaults().unwrap();
    let mut titles = 0;
    for r in &rules.rules {
        let Produces::Title { act, scotland } = &r.produces else { continue };
        // `title.law-enforcement` names the ground "law enforcement".
        let words = r.id.trim_start_matches("title.").replace('-', " ");
        for id in [act.as_ref().map(|s| format!("foia:s{s}")), scotland.as_ref().map(|s| format!("foisa:s{s}"))].into_iter().flatten() {
            let n = name(&id).unwrap_or_else(|| panic!("{id} has no name"));
            assert!(n.contains(&words), "{id} is '{n}' but rule {} calls it '{words}'", r.id);
            titles += 1;
        }
    }
    assert!(titles >= 10, "only {titles} titled grounds");
}

#[test]
fn labels_read_as_a_reader_writes_them() {
    assert_eq!(label("foia:s23"), "s23 security bodies");
    assert_eq!(label("foisa:s35"), "FOISA s35 law enforcement");
    assert_eq!(label("eir:r12(5)(b)"), "EIR 12(5)(b) course of justice");
    assert_eq!(label("eisr:r11"), "EISR 11 personal data");
    assert_eq!(label("foia:s99"), "s99", "an unknown id keeps its number");
}
