//! The `--explain` report: messages with their kinds, then each named provision with its status
//! and the reason in words, with the text around it.
use crate::document::Document;
use crate::rules::RuleSet;
use crate::scan::Status;
use crate::Analysis;
use std::fmt::Write;

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

/// Render the explanation of one document; `color` adds ANSI colours for a terminal.
pub fn render(rules: &RuleSet, doc: &Document, a: &Analysis, color: bool) -> String {
    let p = Paint(color);
    let v = &a.verdict;
    let scan = &a.scan;
    let mut o = String::new();
    let _ = writeln!(o, "{} {}", p.c("1", "document"), doc.id);
    let _ = writeln!(o, "  authority  {}", a.authority.as_deref().unwrap_or("(unknown)"));
    let _ = writeln!(o, "  regime     {}", v.regime_str());
    let _ = writeln!(o, "  outcome    {}", p.c("1;36", v.outcome.name()));
    let _ = writeln!(o, "  ncnd       {}", if v.ncnd { "yes" } else { "no" });
    let _ = writeln!(o, "  cited      {}", p.c("1;32", &v.cited.iter().cloned().collect::<Vec<_>>().join(";")));
    let _ = writeln!(o, "  mentioned  {}", v.mentioned.iter().cloned().collect::<Vec<_>>().join(";"));
    let _ = writeln!(o, "  confidence {} (evidence {} for, {} against)", v.confidence, v.margin.support, v.margin.against);
    if !v.why.is_empty() {
        let _ = writeln!(o, "  {}    {}", p.c("1;33", "review"), v.why.join("; "));
    }
    if !v.answers.is_empty() {
        let _ = writeln!(o, "\n{}", p.c("1", "answers"));
        for x in &v.answers {
            let text: String = crate::output::one_line(&scan.text[x.span.0..x.span.1]).chars().take(90).collect();
            let _ = writeln!(o, "  q{:<3} {:<22} \"{text}\"", x.number, x.label().split_once(':').map_or("", |l| l.1));
        }
    }
    let _ = writeln!(o, "\n{}", p.c("1", "messages"));
    for (mi, m) in scan.segments.messages.iter().enumerate() {
        let (line, _) = scan.index.line_col(m.start);
        let f = &v.facts[mi];
        let kind = f.kind.map_or("-", |k| k.name());
        let mark = if v.decision == Some(mi) { p.c("1;36", " <- latest decision") } else { String::new() };
        let mut sig: Vec<_> = f.signals.iter().filter(|(k, _)| !k.is_role()).map(|(k, v)| format!("{k}={v}")).collect();
        sig.sort();
        let _ = writeln!(o, "  #{} line {line}: {}{} {kind}{mark}", mi + 1, m.role.name(), if m.quoted { " (quoted)" } else { "" },);
        if !sig.is_empty() {
            let _ = writeln!(o, "      signals: {}", sig.join(" "));
        }
        let rs = scan.regime_scores[mi];
        let _ = writeln!(
            o,
            "      regime cues: scotland {:+}, environmental {:+} -> {}",
            rs.scotland,
            rs.environmental,
            crate::scan::regime::of_message(&scan.scotland, &scan.regime_scores, mi).name()
        );
    }
    let _ = writeln!(o, "\n{}", p.c("1", "named provisions"));
    for c in &scan.citations {
        let (line, col) = scan.index.line_col(c.start);
        let ids: Vec<String> = c.items.iter().map(|i| format!("{} [{}]", i.canon.detail, i.status.name())).collect();
        let status = c.items[0].status;
        let colour = match status {
            Status::Cited => "1;32",
            Status::OtherAct | Status::Boilerplate | Status::Quoted => "2",
            _ => "33",
        };
        let _ = writeln!(o, "  {}:{} msg #{} {}  {}", line, col, c.message + 1, c.zone.name(), p.c(colour, &ids.join(", ")));
        let _ = writeln!(o, "      rule {}; {}", rules.rules[c.rule].id, c.reason);
        let _ = writeln!(o, "      \"{}\"", context(scan.text, c.start, c.end));
    }
    o
}

/// The text around a span, on one line.
fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(60);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 60).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    crate::output::one_line(&format!("{}[{}]{}", &text[a..start], &text[start..end], &text[end..b]))
}
