//! Property tests (proptest): any bytes classify without a panic, spans stay inside the text on
//! char boundaries, CSV rows round-trip, classification is deterministic, and boilerplate
//! footers never add a cited ground.
use super::common::{check, classify_bytes, classify_checked, corpus, rules, span_ok};
use foitag::document::{Document, Meta};
use foitag::output::{header, CsvWriter, WideRow};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Pieces of FOI letters and e-mail threads, plus hostile bytes, that generated texts are built from.
const FRAGMENTS: &[&str] = &[
    "Dear Mr Smith,\n",
    "Yours sincerely\n",
    "Kind regards\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\0",
    "section 40(2)",
    "s.31(1)(a)&(b)",
    "sections 23(5) and 24(2)",
    "regulation 12(5)(b)",
    "ss. 21, 40 & 43",
    "section 31 and section 31 and ",
    "31(a)(1)(a)(1)",
    "(2)(3)",
    "section ",
    "s",
    "12",
    "(",
    ")",
    "&",
    ",",
    "We refuse your request under section 14(1) as vexatious. ",
    "The information is not held. ",
    "We can neither confirm nor deny whether we hold the information. ",
    "The exemption is not engaged. ",
    "If the cost exceeds the appropriate limit, section 12 may apply. ",
    "Please find attached the information. ",
    "-----Original Message-----\n",
    "From: FOI Unit\n",
    "Sent: 02 May 2024 10:14\n",
    "To: A Requester\n",
    "Subject: FOI 1234\n",
    "> ",
    ">> ",
    "On 3 May 2024, FOI Team wrote:\n",
    "You asked:\n",
    "Q1. How many\n",
    "Your right to complain\n",
    "If you are dissatisfied with this response you may ask for a review.\n",
    "under section 50 of the Act to the Information Commissioner\n",
    "This email and any attachments are confidential.\n",
    "Freedom of Information (Scotland) Act 2002 ",
    "Environmental Information Regulations 2004 ",
    "Police and Criminal Evidence Act 1984 s24 ",
    "£",
    "é",
    "ß",
    "\u{2028}",
    "\u{feff}",
    "\u{0301}",
    "🦀",
    "\u{fffd}",
    "ſ",
    "K",
    "İ",
    "ﬃ",
    "\u{a0}",
    "•",
    "–",
    "“",
    "”",
    "’",
];

/// `PROPTEST_CASES` if set (deeper runs: `PROPTEST_CASES=5000 cargo test --release --test robust
/// props`), else the default kept small for debug builds.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Texts assembled from fragments: shaped like letters, so that rules fire.
fn letterish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|v| v.concat())
}

/// Bytes: arbitrary, or a letter-ish text with a few bytes flipped (invalid UTF-8, control bytes).
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        (letterish(), prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6)).prop_map(|(t, flips)| {
            let mut b = t.into_bytes();
            for (i, x) in flips {
                if !b.is_empty() {
                    let i = i.index(b.len());
                    b[i] = x;
                }
            }
            b
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(96), failure_persistence: None, ..ProptestConfig::default() })]

    /// Any input bytes: decoding returns (text or an error row) and classification returns, with
    /// every span inside the text and on char boundaries (checked in `check`).
    #[test]
    fn any_bytes_classify(b in bytes()) {
        let _ = classify_bytes(&b);
    }

    /// Any string, undecoded (library callers may pass CR, NUL, BOMs straight in).
    #[test]
    fn any_text_classifies(t in prop_oneof![letterish(), any::<String>()]) {
        classify_checked(&t);
    }

    /// Classifying twice gives the same row.
    #[test]
    fn classification_is_deterministic(t in letterish()) {
        prop_assert_eq!(classify_checked(&t), classify_checked(&t));
    }

    /// The wide CSV of a batch, ids and metadata full of commas, quotes and newlines, parses
    /// back to the same number of rows with the same fields.
    #[test]
    fn wide_csv_round_trips(docs in prop::collection::vec((any::<String>(), letterish(), any::<String>()), 1..6)) {
        let rules = rules();
        let mut rows = Vec::new();
        for (id, text, subject) in &docs {
            let doc = Document { id: id.clone(), text: text.clone(), meta: Meta { subject: Some(subject.clone()), ..Default::default() } };
            let a = foitag::analyse(rules, &doc.text, None);
            rows.push(WideRow::from_analysis(&doc, &a));
        }
        rows.push(WideRow::error("bad\"id,\n", "not text: binary\r\ncontent", vec![]));
        let mut w = CsvWriter::new(Vec::new(), &[]).unwrap();
        for r in &rows {
            w.write(r).unwrap();
        }
        let out = w.into_inner().unwrap();
        let mut rdr = csv::Reader::from_reader(&out[..]);
        let columns = header::<WideRow>();
        prop_assert_eq!(rdr.headers().unwrap().iter().collect::<Vec<_>>(), columns.iter().map(String::as_str).collect::<Vec<_>>());
        let back: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
        prop_assert_eq!(back.len(), rows.len());
        let at = |name: &str| columns.iter().position(|c| c == name).unwrap();
        for (b, r) in back.iter().zip(&rows) {
            let messages = r.messages.to_string();
            let got = [&b[at("id")], &b[at("subject")], &b[at("why")], &b[at("error")], &b[at("messages")]];
            prop_assert_eq!(got, [r.id.as_str(), r.subject.as_str(), r.why.as_str(), r.error.as_str(), messages.as_str()]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(48), failure_persistence: None, ..ProptestConfig::default() })]

    /// Appending boilerplate (complaint rights naming section 50, the ICO's address, an e-mail
    /// disclaimer that names exemptions) to a letter never adds a cited ground. The footer is one
    /// of the letter's own nation (see `scottish_footer_flips_an_english_letter` for the other case).
    #[test]
    fn footer_never_adds_a_cited_ground(
        letter in prop_oneof![
            prop::sample::select(corpus()).prop_map(|(_, t)| t),
            letterish(),
        ],
        pick in any::<prop::sample::Index>(),
        sep in prop::sample::select(&["\n\n", "\n", "\n\n\n", "\n\n--\n"][..]),
    ) {
        let before = classify_checked(&letter);
        let scottish = before.regime.contains("foisa") || before.regime.contains("eisr");
        let footers = if scottish { SCOTTISH_FOOTERS } else { FOOTERS };
        let footer = footers[pick.index(footers.len())];
        let after = classify_checked(&format!("{letter}{sep}{footer}"));
        // Nothing the footer names is ever cited.
        let named: BTreeSet<String> = cited(&before).union(&ids(&before.mentioned)).cloned().collect();
        let from_footer: Vec<_> = cited(&after).difference(&named).cloned().collect();
        prop_assert!(from_footer.is_empty(), "footer grounds cited: {:?}", from_footer);
        // And once a letter has a decision, a footer adds no cited ground at all. (A letter with
        // no decision found can gain one: see `complaints_footer_turns_a_lost_decision_up`.)
        if before.outcome != "unknown" {
            let added: Vec<_> = cited(&after).difference(&cited(&before)).cloned().collect();
            prop_assert!(added.is_empty(), "footer added cited grounds {:?}", added);
        }
    }

    /// `TextIndex::paragraph` (binary search over blank lines) agrees with walking the lines.
    #[test]
    fn paragraph_matches_line_walk(t in letterish(), at in any::<prop::sample::Index>()) {
        let ix = foitag::text::TextIndex::new(&t);
        let mut off = at.index(t.len() + 1);
        while !t.is_char_boundary(off) { off -= 1; }
        let line = ix.line_of(off);
        let blank = |l: usize| { let (s, e) = ix.line_range(&t, l); t[s..e].trim().is_empty() };
        let mut a = line;
        while a > 0 && !blank(a - 1) { a -= 1; }
        let mut b = line;
        while b + 1 < ix.lines() && !blank(b + 1) { b += 1; }
        prop_assert_eq!(ix.paragraph(&t, off), (ix.line_starts[a], ix.line_range(&t, b).1));
    }

    /// The citation parser stops on a char boundary inside its input, and its caps hold.
    #[test]
    fn cite_parser_consumes_a_prefix(t in prop_oneof![letterish(), any::<String>()], plural in any::<bool>()) {
        let (items, used) = foitag::scan::cite::parse_list(&t, plural);
        prop_assert!(span_ok(&t, 0, used));
        prop_assert_eq!(items.is_empty(), used == 0);
        prop_assert!(items.len() <= 128);
        prop_assert!(items.iter().all(|i| i.chain.len() <= 8));
    }
}

fn ids(field: &str) -> BTreeSet<String> {
    field.split(';').filter(|s| !s.is_empty()).map(str::to_string).collect()
}

fn cited(r: &WideRow) -> BTreeSet<String> {
    ids(&r.cited)
}

/// Boilerplate footers of authorities in England, Wales and Northern Ireland: none decides anything.
pub const FOOTERS: &[&str] = &[
    "Your right to complain\nIf you are dissatisfied with the handling of your request, you have the right to ask for an internal review. Internal review requests should be submitted within 40 working days.\nIf you are not content with the outcome of the internal review, you have the right to apply directly to the Information Commissioner for a decision under section 50 of the Freedom of Information Act 2000.\n",
    "The Information Commissioner can be contacted at:\nInformation Commissioner's Office\nWycliffe House\nWater Lane\nWilmslow\nCheshire\nSK9 5AF\nTelephone: 0303 123 1113\n",
    "This email and any attachments are confidential and intended solely for the addressee. The information contained in this email may be subject to public disclosure under the Freedom of Information Act 2000. Unless the information is legally exempt from disclosure (for example under section 40 or section 43), the confidentiality of this email and your reply cannot be guaranteed.\n",
    "Complaint rights\nShould you wish to complain about the way we applied sections 12, 14, 31 or 40 you may ask for a review; you may then complain to the ICO under section 50.\n",
];

/// Boilerplate footers of Scottish authorities.
pub const SCOTTISH_FOOTERS: &[&str] = &[
    "If you are not satisfied with this response you may request a review under section 20 of FOISA, and then apply to the Scottish Information Commissioner under section 47.\n",
    "Your right to seek a review\nIf you are unhappy with our response you may ask us to carry out a review under section 20 of the Freedom of Information (Scotland) Act 2002. If you remain dissatisfied you may apply to the Scottish Information Commissioner, Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS, under section 47.\n",
    "This email and any attachments are confidential. Unless the information is legally exempt from disclosure (for example under section 38 or section 33 of FOISA), the confidentiality of this email cannot be guaranteed.\n",
];

/// Found by the property above: a Scottish complaints footer appended to an English letter
/// (g04 names the Freedom of Information Act 2000 in its body) turned it Scottish, so the cited
/// `foia:s12` became `foisa:s12`: footer regime cues counted as much as the body's. The body's
/// cues now decide; a footer's count only when the body has none.
#[test]
fn scottish_footer_does_not_flip_an_english_letter() {
    let (_, letter) = corpus().into_iter().find(|(n, _)| n.starts_with("g04-")).unwrap();
    let before = classify_checked(&letter);
    let after = classify_checked(&format!("{letter}\n\n{}", SCOTTISH_FOOTERS[0]));
    assert_eq!(cited(&before), BTreeSet::from(["foia:s12".to_string()]));
    assert_eq!(cited(&after), cited(&before));
}

/// A letter whose body names no Act takes its regime from the footer.
#[test]
fn a_footer_decides_the_regime_when_the_body_names_none() {
    let letter = "Dear Ms Reid,\n\nWe estimate that answering your request would exceed the cost limit, so we refuse it under section 12.\n\nYours sincerely,\nInformation Governance\n\n";
    let scots = classify_checked(&format!("{letter}{}", SCOTTISH_FOOTERS[1]));
    assert_eq!(cited(&scots), BTreeSet::from(["foisa:s12".to_string()]), "{scots:?}");
}

/// Found by the property above: g26 (Environment Agency, labelled refused, eir:r12(5)(b);eir:r13)
/// classifies as `unknown` ("no authority message found": its reply scores as the requester's
/// on the role cues); appending a complaints footer ("... handling of your request ...") adds
/// role-authority weight and the decision, with its grounds, appears. Since fixed (the reply is
/// found with or without the footer); this asserts the label both ways.
#[test]
fn complaints_footer_turns_a_lost_decision_up() {
    let (_, letter) = corpus().into_iter().find(|(n, _)| n.starts_with("g26-")).unwrap();
    let before = classify_checked(&letter);
    let after = classify_checked(&format!("{letter}\n\n{}", FOOTERS[0]));
    assert_eq!(after.cited, "eir:r12(5)(b);eir:r13");
    assert_eq!(before.cited, after.cited, "the footer changed the verdict");
}

/// Found by `footer_never_adds_a_cited_ground`: "ſ12" (long s) matches `(?i)s\.?\d` but not the
/// ASCII keyword prefilter, so it was cited only once a footer brought the keyword "section".
#[test]
fn unicode_case_folding_does_not_depend_on_other_text() {
    for letter in ["ſ12", "We refuse under ſection 40(2).", "\u{212a}eep"] {
        let alone = classify_checked(letter);
        let with = classify_checked(&format!("{letter}\n\n{}", FOOTERS[3]));
        assert!(cited(&with).is_subset(&cited(&alone)), "{letter:?}: {} vs {}", alone.cited, with.cited);
        let a = foitag::analyse(rules(), letter, None);
        let longer = format!("{letter} section");
        let b = foitag::analyse(rules(), &longer, None);
        let spans = |a: &foitag::Analysis| a.scan.citations.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>();
        assert_eq!(spans(&a), spans(&b).into_iter().filter(|s| s.1 <= letter.len()).collect::<Vec<_>>(), "{letter:?}");
    }
}

#[test]
fn corpus_letters_satisfy_the_invariants() {
    for (_, text) in corpus() {
        let a = foitag::analyse(rules(), &text, None);
        check(rules(), &text, &a);
    }
}
