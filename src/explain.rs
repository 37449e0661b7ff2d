//! The `--explain` report for a person, rendered from the document's [`Report`]: the verdict
//! with what made it NCND, the answers, each message with its kind and the cues that decided
//! its role, then each named provision with its status, the reason in words and the text around it.
use crate::document::Document;
use crate::json::{Cue, Finding, MessageReport, Report};
use crate::rules::RuleSet;
use crate::scan::Scan;
use crate::Analysis;
use std::fmt::Write;

/// Width of the label column, so values line up.
const LABEL: usize = 11;

/// ANSI colours, or none.
struct Paint(bool);

impl Paint {
    /// `s` in colour `code` when painting.
    fn c(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Render the explanation of one document; `color` adds ANSI colours and bold for a terminal.
pub fn render(rules: &RuleSet, doc: &Document, a: &Analysis, color: bool) -> String {
    let r = crate::json::report(rules, doc, a, false);
    let p = Paint(color);
    let mut o = String::new();
    let _ = writeln!(o, "{} {}", p.c("1", "document"), r.id);
    verdict(&mut o, &p, &a.scan, &r);
    if !r.answers.is_empty() {
        let _ = writeln!(o, "\n{}", p.c("1", "answers"));
        for x in &r.answers {
            let text: String = x.text.chars().take(90).collect();
            let _ = writeln!(o, "  q{:<4}{:<11}\"{text}\"", x.question, x.outcome);
        }
    }
    let _ = writeln!(o, "\n{}  (kind `-`: the message does nothing the classifier counts; the reason follows it)", p.c("1", "messages"));
    for m in &r.messages {
        message(&mut o, &p, &a.scan, m);
    }
    let _ = writeln!(o, "\n{}", p.c("1", "named provisions"));
    for f in r.findings.iter().filter(|f| f.kind != "signal") {
        provision(&mut o, &p, &a.scan, f);
    }
    o
}

/// One aligned `label value` line, indented by `indent`.
fn field(o: &mut String, indent: usize, label: &str, value: &str) {
    let _ = writeln!(o, "{:indent$}{label:<LABEL$}{value}", "");
}

/// The verdict block: authority to review, with what made NCND.
fn verdict(o: &mut String, p: &Paint, scan: &Scan, r: &Report) {
    let join = |ids: &[String]| ids.iter().map(|id| format!("{id} ({})", crate::grounds::label(id))).collect::<Vec<_>>().join("; ");
    field(o, 2, "authority", r.authority.as_deref().unwrap_or("(unknown)"));
    field(o, 2, "regime", &r.regime.join(";"));
    field(o, 2, "outcome", &p.c("1;36", &r.outcome));
    field(o, 2, "ncnd", if r.ncnd { "yes" } else { "no" });
    for c in &r.ncnd_evidence {
        field(o, 2, "", &format!("because {}", cue_line(p, scan, c, 1)));
    }
    field(o, 2, "cited", &p.c("1;32", &join(&r.cited)));
    field(o, 2, "mentioned", &join(&r.mentioned));
    let confidence =
        format!("{} (evidence {} for, {} against)", r.confidence.as_deref().unwrap_or("-"), r.margin.support, r.margin.against);
    field(o, 2, "confidence", &confidence);
    if r.review {
        let _ = writeln!(o, "  {}yes: {}", p.c("1;33", &format!("{:<LABEL$}", "review")), r.why.join("; "));
    } else {
        field(o, 2, "review", "no");
    }
}

/// A cue on one line: rule, place and the sentence it stands in; `times` it was found (the
/// first shown).
fn cue_line(p: &Paint, scan: &Scan, c: &Cue, times: usize) -> String {
    let rule = c.rule.as_deref().unwrap_or("its first line, which names an authority");
    let at = if times > 1 { format!("{times} times, first at") } else { "at".into() };
    format!("{} by {rule} {at} {}:{}: \"{}\"", c.what, c.line, c.col, context(p, scan, c.start, c.end))
}

/// One message: number, lines, role and kind, then the cues that decided the role.
fn message(o: &mut String, p: &Paint, scan: &Scan, m: &MessageReport) {
    let kind = m.kind.as_deref().unwrap_or("-");
    let mark = if m.latest { p.c("1;36", "  <- latest decision") } else { String::new() };
    let quoted = if m.quoted { " (quoted)" } else { "" };
    let lines = format!("lines {}-{}", m.line, m.last_line);
    let _ = writeln!(o, "  #{:<3}{lines:<15}{:<10}{}{quoted}{mark}", m.number, m.role, kind);
    if let Some(why) = &m.kind_why {
        field(o, 6, "kind -", why);
    }
    field(o, 6, "role", &format!("{}: {}", m.role, m.role_why));
    // One line per rule: a letter repeats its sign-off and "your request" many times.
    let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
    for c in &m.role_cues {
        let key = (c.what.as_str(), c.rule.as_deref());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let same: Vec<&Cue> = m.role_cues.iter().filter(|x| (x.what.as_str(), x.rule.as_deref()) == key).collect();
        let total: i32 = same.iter().map(|x| x.weight).sum();
        field(o, 6, "", &format!("{total:+} {}", cue_line(p, scan, c, same.len())));
    }
    if !m.signals.is_empty() {
        let sig: Vec<String> = m.signals.iter().map(|s| format!("{}={}", s.signal, s.weight)).collect();
        field(o, 6, "signals", &sig.join(" "));
    }
    if m.ncnd {
        field(o, 6, "ncnd", "yes");
    }
    let regime = format!("{} (scotland {:+}, environmental {:+})", m.regime, m.regime_cues.scotland, m.regime_cues.environmental);
    field(o, 6, "regime", &regime);
}

/// One provision: place, status, rule, reason and the text around it with the span marked.
fn provision(o: &mut String, p: &Paint, scan: &Scan, f: &Finding) {
    let colour = match f.status.as_str() {
        "cited" => "1;32",
        "other-act" | "boilerplate" | "quoted" => "2",
        _ => "33",
    };
    let detail = f.detail.as_deref().unwrap_or(&f.canonical);
    let named = f.name.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
    let head = format!("{}:{}", f.line, f.col);
    let _ = writeln!(o, "  {head:<9}msg #{:<3}{:<15}{}{named}", f.message, f.zone, p.c(colour, &format!("{detail} [{}]", f.status)));
    field(o, 6, "rule", &f.rule);
    field(o, 6, "why", &f.reason);
    if let Some(cue) = &f.cue_rule {
        field(o, 6, "cue rule", cue);
    }
    field(o, 6, "text", &format!("\"{}\"", context(p, scan, f.start, f.end)));
}

/// The sentence around a span (at most 80 bytes either side), on one line; the span in bold on
/// a terminal, else in brackets.
fn context(p: &Paint, scan: &Scan, start: usize, end: usize) -> String {
    let text = scan.text;
    let (ss, se) = scan.index.sentence(start);
    let mut a = start.saturating_sub(80).max(ss);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (end + 80).min(se.max(end));
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let one = crate::output::one_line;
    let span = one(&text[start..end]);
    let span = if p.0 { p.c("1", &span) } else { format!("[{span}]") };
    format!("{} {span} {}", one(&text[a..start]), one(&text[end..b])).trim().to_string()
}
