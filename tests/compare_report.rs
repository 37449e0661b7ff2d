//! `foitag compare` end to end through the library API, plus one run of the built binary.
mod synth;

use foitag::compare::{self, CompareError, Flag, Options};
use std::process::{Command, Stdio};
use synth::{ncnd_outlier, to_csv, Doc, OUTLIER};

/// fisher.test(matrix(c(16,4,18,162),2))$p.value, from SciPy and exact fractions.
const P_16_4_18_162: f64 = 4.27716389354078e-11;
/// Wilson 95% interval of 16/20 with z = 1.959964.
const WILSON_16_20: (f64, f64) = (0.583982565906683, 0.9193423379822393);

fn report(docs: &[Doc], opts: &Options) -> compare::Report {
    compare::compare(to_csv(docs).as_bytes(), opts).expect("compare")
}

fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-9 * want.abs()
}

#[test]
fn ncnd_outlier_force_is_flagged_over_and_no_other() {
    let r = report(&ncnd_outlier(), &Options::default());
    let row = r.row(OUTLIER, "ncnd").unwrap();
    assert_eq!((row.count, row.n), (16, 20));
    assert_eq!((row.others_count, row.others_n), (18, 180));
    assert!(close(row.p.unwrap(), P_16_4_18_162), "p = {:?}", row.p);
    let (lo, hi) = row.ci.unwrap();
    assert!(close(lo, WILSON_16_20.0) && close(hi, WILSON_16_20.1), "{lo} {hi}");
    assert!(row.q.unwrap() < 0.05);
    assert_eq!(row.flag, Flag::Over);
    assert!(close(row.pooled_rate.unwrap(), 0.1));
    for g in r.groups.iter().filter(|g| *g != OUTLIER) {
        let other = r.row(g, "ncnd").unwrap();
        assert_eq!((other.count, other.n), (2, 20));
        assert_eq!(other.flag, Flag::None, "{g} flagged on ncnd");
    }
}

#[test]
fn non_decisions_are_counted_but_never_a_denominator() {
    let r = report(&ncnd_outlier(), &Options::default());
    let count = |m: &str| {
        let row = r.row("Force B", m).unwrap();
        assert_eq!(row.flag, Flag::Count);
        assert!(row.rate.is_none() && row.p.is_none());
        (row.count, row.n)
    };
    assert_eq!(count("docs"), (21, 21));
    assert_eq!(count("decisions"), (20, 21));
    assert_eq!(count("non_decisions"), (1, 21));
    assert_eq!(count("acknowledgement"), (1, 21));
    assert!(r.row("Force B", "extension").is_none(), "absent outcomes get no count row");
    for row in r.rows.iter().filter(|x| x.rate.is_some()) {
        assert_eq!(row.n, 20, "{} {}", row.group, row.measure);
    }
    assert_eq!((r.docs, r.decisions), (210, 200));
}

#[test]
fn measures_cover_outcomes_ncnd_and_each_cited_ground() {
    let r = report(&ncnd_outlier(), &Options::default());
    let measures: Vec<&str> = r.rows.iter().filter(|x| x.group == "Force C").map(|x| x.measure.as_str()).collect();
    assert_eq!(
        measures,
        [
            "docs",
            "decisions",
            "non_decisions",
            "acknowledgement",
            "provided",
            "partial",
            "refused",
            "not_held",
            "ncnd",
            "cited:foia:s23",
            "cited:foia:s24"
        ]
    );
    let s24 = r.row(OUTLIER, "cited:foia:s24").unwrap();
    assert_eq!((s24.count, s24.n, s24.flag), (16, 20, Flag::Over));
    let provided = r.row(OUTLIER, "provided").unwrap();
    assert_eq!(provided.flag, Flag::Under);
    // 10 groups × 5 rate measures tested and adjusted together; nobody answered `partial` or
    // `not_held`, so those margins allow one table only and no test is run for them.
    assert_eq!(r.tests(), 50);
    assert!(r.row(OUTLIER, "partial").unwrap().p.is_none());
}

#[test]
fn groups_below_min_n_are_insufficient_never_flagged() {
    let mut docs = ncnd_outlier();
    for _ in 0..4 {
        docs.push(Doc::new("Tiny", "refused", true, "foia:s24", "req-1"));
    }
    let r = report(&docs, &Options::default());
    let tiny = r.row("Tiny", "ncnd").unwrap();
    assert_eq!((tiny.count, tiny.n), (4, 4));
    assert_eq!(tiny.rate, Some(1.0));
    assert!(tiny.p.is_none() && tiny.q.is_none(), "too small to test: no test run");
    assert_eq!(tiny.flag, Flag::Insufficient);
    let r = report(&docs, &Options { min_n: 3, ..Options::default() });
    assert_eq!(r.row("Tiny", "ncnd").unwrap().flag, Flag::Over);
}

#[test]
fn missing_column_error_names_the_available_columns() {
    let csv = to_csv(&ncnd_outlier());
    let err = compare::compare(csv.as_bytes(), &Options { by: "force".into(), ..Options::default() }).unwrap_err();
    assert!(matches!(err, CompareError::MissingColumn { .. }));
    let msg = err.to_string();
    assert!(msg.contains("'force'") && msg.contains("authority, regime, outcome"), "{msg}");
    let err = compare::compare(csv.as_bytes(), &Options { request: Some("req".into()), ..Options::default() });
    assert!(err.unwrap_err().to_string().contains("'req'"));
}

#[test]
fn unknown_outcome_is_an_error_with_its_line() {
    let csv = "authority,outcome,ncnd,cited\nA,provided,no,\nB,vexatious,no,\n";
    let msg = compare::compare(csv.as_bytes(), &Options::default()).unwrap_err().to_string();
    assert!(msg.contains("line 3") && msg.contains("vexatious"), "{msg}");
    let csv = "authority,outcome,ncnd,cited\nA, Not Held ,No,\nA,refused,maybe,\n";
    let msg = compare::compare(csv.as_bytes(), &Options::default()).unwrap_err().to_string();
    assert!(msg.contains("line 3") && msg.contains("ncnd value 'maybe'"), "{msg}");
}

#[test]
fn by_any_column_and_blank_groups() {
    let csv = "authority,regime,outcome,ncnd,cited\nA,foia,refused,yes,foia:s24; foia:s24\nA,,provided,no,\n";
    let r = compare::compare(csv.as_bytes(), &Options { by: "regime".into(), ..Options::default() }).unwrap();
    assert_eq!(r.groups, ["foia"], "a blank cell is no group");
    assert_eq!(r.ungrouped, 1);
    let s24 = r.row("foia", "cited:foia:s24").unwrap();
    assert_eq!((s24.count, s24.n), (1, 1), "a ground counts once per document");
}

#[test]
fn long_csv_has_the_by_column_first_and_fixed_formats() {
    let r = report(&ncnd_outlier(), &Options::default());
    let mut out = Vec::new();
    compare::write::write_csv(&r, &mut out).unwrap();
    let mut rdr = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ["authority", "measure", "count", "n", "rate", "ci_low", "ci_high", "pooled_rate", "p", "q", "flag"]);
    let rec = rdr.records().map(Result::unwrap).find(|x| &x[0] == OUTLIER && &x[1] == "ncnd").unwrap();
    assert_eq!(rec.iter().skip(2).take(6).collect::<Vec<_>>(), ["16", "20", "0.8000", "0.5840", "0.9193", "0.1000"]);
    assert_eq!(&rec[8], "4.27716e-11");
    assert_eq!(&rec[10], "over");
    let q: f64 = rec[9].parse().unwrap();
    assert!(q < 0.05);
}

#[test]
fn request_matrix_takes_the_last_decision_and_counts_per_request() {
    let docs = vec![
        Doc::new("A", "acknowledgement", false, "", "R1"),
        Doc::new("A", "refused", false, "foia:s31", "R1"),
        Doc::new("A", "review_upheld", false, "foia:s31", "R1"),
        Doc::new("A", "extension", false, "", "R1"),
        Doc::new("B", "refused", true, "foia:s23;foia:s24", "R1"),
        Doc::new("C", "not_held", false, "", "R1"),
        Doc::new("D", "clarification", false, "", "R1"),
        Doc::new("B", "provided", false, "", "R2"),
    ];
    let r = report(&docs, &Options { request: Some("request".into()), ..Options::default() });
    let m = r.requests.as_ref().unwrap();
    assert_eq!(m.groups, ["A", "B", "C", "D"]);
    assert_eq!(m.rows.len(), 2);
    let r1 = &m.rows[0];
    assert_eq!(r1.request, "R1");
    let labels: Vec<String> = r1.cells.iter().map(|c| c.as_ref().map(|c| c.label()).unwrap_or_default()).collect();
    assert_eq!(labels, ["review_upheld [foia:s31]", "refused ncnd [foia:s23;foia:s24]", "not_held", "clarification"]);
    assert_eq!(r1.cells[0].as_ref().unwrap().docs, 4);
    let s = &r1.summary;
    assert_eq!((s.groups, s.refused, s.ncnd, s.not_held, s.review, s.undecided, s.provided), (4, 1, 1, 1, 1, 1, 0));
    assert!(m.rows[1].cells[0].is_none() && m.rows[1].summary.provided == 1);

    let mut out = Vec::new();
    compare::write::write_requests_csv(m, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("request,groups,provided,partial,refused,not_held,review,ncnd,undecided,A,B,C,D\n"), "{text}");
    assert!(text.contains("R1,4,0,0,1,1,1,1,1,review_upheld [foia:s31],refused ncnd [foia:s23;foia:s24],not_held,clarification\n"));
}

#[test]
fn requests_path_is_stem_plus_suffix() {
    use foitag::compare::write::requests_path;
    use std::path::Path;
    assert_eq!(requests_path(Path::new("out/report.csv")), Path::new("out/report.requests.csv"));
    assert_eq!(requests_path(Path::new("report")), Path::new("report.requests.csv"));
}

#[test]
fn binary_reads_stdin_and_writes_csv_requests_and_html() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("compare-bin");
    std::fs::create_dir_all(&dir).unwrap();
    let (out, html) = (dir.join("cmp.csv"), dir.join("cmp.html"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_foitag"))
        .args(["compare", "-", "--request", "request", "--min-n", "5", "-o"])
        .arg(&out)
        .arg("--html")
        .arg(&html)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(to_csv(&ncnd_outlier()).as_bytes()).unwrap();
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains("Force A,ncnd,16,20,0.8000,0.5840,0.9193,0.1000,"), "{csv}");
    let req = std::fs::read_to_string(dir.join("cmp.requests.csv")).unwrap();
    assert!(req.starts_with("request,groups,"));
    assert!(std::fs::read_to_string(&html).unwrap().contains("<svg"));

    let bad = Command::new(env!("CARGO_BIN_EXE_foitag"))
        .args(["compare", "--by", "nope"])
        .arg(&out) // a CSV without the column
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("column 'nope' not found; available columns: authority, measure"), "{err}");
}

/// 44 English forces under FOIA, Police Scotland under FOISA, and a force too small to test.
fn forces_of_two_regimes() -> Vec<Doc> {
    let mut docs = Vec::new();
    for i in 0..44 {
        let f = format!("Force {i}");
        for j in 0..10 {
            let d = match j {
                j if j <= i % 4 => Doc::new(&f, "refused", j == 0, "foia:s31", "R"),
                _ => Doc::new(&f, "provided", false, "", "R"),
            };
            docs.push(d);
        }
    }
    for j in 0..10 {
        let d = if j < 5 {
            Doc::new("Police Scotland", "refused", false, "foisa:s35", "R")
        } else {
            Doc::new("Police Scotland", "provided", false, "", "R")
        };
        docs.push(d.regime("foisa"));
    }
    docs.extend(std::iter::repeat_n(Doc::new("Tiny", "refused", true, "foia:s31", "R"), 3));
    docs
}

#[test]
fn the_family_counts_only_tests_actually_run() {
    let r = report(&forces_of_two_regimes(), &Options::default());
    assert_eq!(r.groups.len(), 46);
    // Each English force: provided, refused, ncnd, s31; Police Scotland: provided, refused,
    // ncnd (no other force answers under FOISA, so its s35 has nothing to be compared with);
    // Tiny: nothing. Nobody answered partial or not held.
    assert_eq!(r.tests(), 44 * 4 + 3);
    assert_eq!(r.tests(), r.rows.iter().filter(|x| x.q.is_some()).count());
    assert!(r.rows.iter().filter(|x| x.group == "Tiny").all(|x| x.p.is_none()));
    let scot_s31 = r.row("Police Scotland", "cited:foia:s31").unwrap();
    assert_eq!((scot_s31.n, scot_s31.rate, scot_s31.p), (0, None, None), "no FOIA decisions: not a share of them");
    let eng_s35 = r.row("Force 1", "cited:foisa:s35").unwrap();
    assert_eq!((eng_s35.n, eng_s35.p, eng_s35.flag), (0, None, Flag::None));
    let scot_s35 = r.row("Police Scotland", "cited:foisa:s35").unwrap();
    assert_eq!((scot_s35.count, scot_s35.n, scot_s35.others_n, scot_s35.p), (5, 10, 0, None));
    // FOIA grounds are shares of FOIA decisions: Police Scotland's ten are not among the others'.
    let s31 = r.row("Force 3", "cited:foia:s31").unwrap();
    assert_eq!((s31.count, s31.n, s31.others_n), (4, 10, 433));
}

#[test]
fn rows_without_an_authority_are_counted_but_never_compared() {
    let mut docs = ncnd_outlier();
    docs.extend(std::iter::repeat_n(Doc::new("", "refused", true, "foia:s23", "req-1"), 30));
    let r = report(&docs, &Options::default());
    assert_eq!(r.ungrouped, 30);
    assert_eq!(r.groups.len(), 10, "no blank group");
    assert!(r.rows.iter().all(|x| !x.group.is_empty() && x.group != "(blank)"));
    let b = r.row("Force B", "ncnd").unwrap();
    assert_eq!((b.others_count, b.others_n), (32, 180), "the unattributed rows are not among the others");
    assert_eq!(r.tests(), 50);
}

/// Everyone refuses request "Covert" and answers "Budget"; Force X was only sent "Covert".
fn different_requests() -> Vec<Doc> {
    let mut docs = Vec::new();
    for i in 0..8 {
        let f = format!("Force {i}");
        for _ in 0..6 {
            docs.push(Doc::new(&f, "refused", false, "foia:s31", "Covert"));
            docs.push(Doc::new(&f, "provided", false, "", "Budget"));
        }
    }
    for _ in 0..12 {
        docs.push(Doc::new("Force X", "refused", false, "foia:s31", "Covert"));
    }
    // Force Y was sent both but also refuses the budget request the others answer.
    for _ in 0..6 {
        docs.push(Doc::new("Force Y", "refused", false, "foia:s31", "Covert"));
        docs.push(Doc::new("Force Y", "refused", false, "foia:s43", "Budget"));
    }
    docs
}

#[test]
fn with_a_request_column_groups_are_compared_within_requests() {
    let docs = different_requests();
    let crude = report(&docs, &Options::default());
    assert_eq!(crude.row("Force X", "refused").unwrap().flag, Flag::Over, "pooled, X looks like a refuser");
    let within = report(&docs, &Options { request: Some("request".into()), ..Options::default() });
    assert_eq!(within.stratified_by.as_deref(), Some("request"));
    let x = within.row("Force X", "refused").unwrap();
    assert_eq!(x.flag, Flag::None, "X refused what everyone refused");
    assert!(x.p.is_none(), "everyone refused the only request X had: nothing to test");
    let y = within.row("Force Y", "refused").unwrap();
    assert_eq!(y.flag, Flag::Over, "Y refused a request the others answered");
    // All six Covert refusals expected, and 6 × 6/54 of the Budget ones.
    assert!((y.expected.unwrap() - (6.0 + 36.0 / 54.0)).abs() < 1e-9, "{:?}", y.expected);
}

fn foitag_compare(args: &[&std::ffi::OsStr], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_foitag"))
        .arg("compare")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    // A run that fails before reading its input (an output it cannot write) closes the pipe.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

#[test]
fn an_output_that_cannot_be_written_fails_before_anything_is_written() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("compare-outputs");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (out, html) = (dir.join("cmp.csv"), dir.join("no such folder").join("cmp.html"));
    let csv = to_csv(&ncnd_outlier());
    let done = foitag_compare(
        &["-".as_ref(), "--request".as_ref(), "request".as_ref(), "-o".as_ref(), out.as_os_str(), "--html".as_ref(), html.as_os_str()],
        &csv,
    );
    assert_eq!(done.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&done.stderr).contains("cmp.html"), "the error names the path");
    assert!(
        std::fs::read_dir(&dir).unwrap().next().is_none(),
        "nothing written: {:?}",
        std::fs::read_dir(&dir).unwrap().collect::<Vec<_>>()
    );

    // An input that fails leaves no half-written outputs either.
    let html = dir.join("cmp.html");
    let done = foitag_compare(
        &["-".as_ref(), "--by".as_ref(), "nope".as_ref(), "-o".as_ref(), out.as_os_str(), "--html".as_ref(), html.as_os_str()],
        &csv,
    );
    assert_eq!(done.status.code(), Some(2));
    assert!(!out.exists() && !html.exists());

    let done = foitag_compare(&["-".as_ref(), "-o".as_ref(), out.as_os_str(), "--html".as_ref(), out.as_os_str()], &csv);
    assert_eq!(done.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&done.stderr).contains("named for two outputs"));
}
