//! Items: the numbered questions of a request as an authority's reply restates them, and the
//! answer the reply gives to each (numbered lines, "Q1 ... A1", "Answer:", prose under the
//! question), plus runs of figures (tables). Spans only; what each answer did is decided later.
use super::segment::Segments;
use crate::text::TextIndex;
use crate::vocab::{Role, Status, ZoneKind};
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// One question of a multi-part request and the answer given to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Message of the reply.
    pub message: usize,
    /// Number of the question as written (1, 2 ...; lettered items count a = 1).
    pub number: usize,
    /// Byte span of the restated question (empty when the reply gives the answer only).
    pub question: (usize, usize),
    /// Byte span of the answer (empty when none follows the question).
    pub answer: (usize, usize),
}

/// A run of lines of figures in an authority message (a table or a list of counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    /// Message of the table.
    pub message: usize,
    /// Byte span of its lines.
    pub span: (usize, usize),
}

/// What a line starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// "1.", "(2)", "b)", "Q3", "Question 4:": a numbered item; `body` is where its text starts.
    Numbered { number: usize, body: usize },
    /// "A1", "Answer:", "Response 2 -": an answer marker.
    Answer { number: Option<usize>, body: usize },
}

fn numbered_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^[ \t]{0,8}(?:(?P<q>q|question|request|part|item)[ \t]*(?:no\.?[ \t]*)?(?P<qn>\d{1,2})[a-z]?[ \t]*[.):\-–]?|\(?(?P<n>\d{1,2})[a-z]?[.)]|\((?P<l>[a-h])\)|(?P<l2>[a-h])\))(?:[ \t]+|$)",
        )
        .expect("item pattern")
    })
}

fn answer_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^[ \t]{0,8}(?:a(?P<an>\d{1,2})[.:)\-–]?(?:[ \t]|$)|(?:answer|response|reply|our response)(?:[ \t]*(?:to[ \t]*)?(?:q(?:uestion)?[ \t]*)?(?P<rn>\d{1,2}))?)[ \t]*[.:\-–)]?[ \t]*")
            .expect("answer pattern")
    })
}

fn mark(line: &str) -> Option<Mark> {
    // A request restated in quotation marks opens with the mark before its first number.
    let lead = line.len() - line.trim_start_matches([' ', '\t', '"', '“', '‘']).len();
    let mark = mark_unquoted(&line[lead..])?;
    Some(match mark {
        Mark::Numbered { number, body } => Mark::Numbered { number, body: body + lead },
        Mark::Answer { number, body } => Mark::Answer { number, body: body + lead },
    })
}

fn mark_unquoted(line: &str) -> Option<Mark> {
    // Most lines start with none of the characters an item or answer marker starts with: a
    // byte test spares them both regexes.
    let first = line.trim_start_matches([' ', '\t']).bytes().next()?;
    let letter = first.to_ascii_lowercase();
    if !(first.is_ascii_digit() || first == b'(' || b"qrpio".contains(&letter) || (b'a'..=b'h').contains(&letter)) {
        return None;
    }
    if let Some(c) = answer_re().captures(line) {
        let number = c.name("an").or(c.name("rn")).and_then(|m| m.as_str().parse().ok());
        return Some(Mark::Answer { number, body: c.get(0).map_or(0, |m| m.end()) });
    }
    let c = numbered_re().captures(line)?;
    let body = c.get(0).map_or(0, |m| m.end());
    if let Some(n) = c.name("qn").or(c.name("n")) {
        let number = n.as_str().parse().ok().filter(|&n| n > 0)?;
        return Some(Mark::Numbered { number, body });
    }
    let l = c.name("l").or(c.name("l2"))?.as_str().to_ascii_lowercase();
    Some(Mark::Numbered { number: (l.as_bytes()[0] - b'a') as usize + 1, body })
}

/// Lines of one authority message where items may stand (its body and restated request).
struct Lines<'a> {
    text: &'a str,
    ix: &'a TextIndex,
    first: usize,
    last: usize,
    usable: Vec<bool>,
    /// Lines in the restated request (their text asks, it does not answer).
    restated: Vec<bool>,
    blank: Vec<bool>,
}

impl Lines<'_> {
    fn range(&self, l: usize) -> (usize, usize) {
        self.ix.line_range(self.text, l)
    }
    fn line(&self, l: usize) -> &str {
        let (s, e) = self.range(l);
        &self.text[s..e]
    }
}

/// The items and figure runs of every unquoted authority message, and per message the number
/// of figures its own prose gives (see [`prose_figures`]).
pub fn find(text: &str, ix: &TextIndex, segs: &Segments) -> (Vec<Item>, Vec<Figures>, Vec<usize>) {
    let mut items = Vec::new();
    let mut figures = Vec::new();
    let mut prose = vec![0; segs.messages.len()];
    let asked = asked_elsewhere(text, ix, segs);
    for (mi, m) in segs.messages.iter().enumerate() {
        if m.role != Role::Authority || m.quoted {
            continue;
        }
        let usable: Vec<bool> =
            (m.first_line..m.last_line).map(|l| matches!(segs.line_zone[l], ZoneKind::Body | ZoneKind::QuotedRequest)).collect();
        let blank = (m.first_line..m.last_line).map(|l| ix.line_range(text, l)).map(|(s, e)| text[s..e].trim().is_empty()).collect();
        let quoted = in_quotation_marks(text, ix, m.first_line, m.last_line);
        let restated =
            (m.first_line..m.last_line).map(|l| segs.line_zone[l] == ZoneKind::QuotedRequest || quoted[l - m.first_line]).collect();
        let lines = Lines { text, ix, first: m.first_line, last: m.last_line, usable, restated, blank };
        items.extend(message_items(&lines, mi, &asked));
        figures.extend(figure_runs(&lines, mi));
        let own = |l: usize| segs.line_zone[l] == ZoneKind::Body && segs.line_part[l].decides();
        prose[mi] = (m.first_line..m.last_line).filter(|&l| own(l)).map(|l| prose_figures(lines.line(l))).sum();
    }
    (items, figures, prose)
}

/// Lines of `first..last` inside a passage in quotation marks that opens at the start of a line
/// (the request restated word for word): they ask, they do not answer.
fn in_quotation_marks(text: &str, ix: &TextIndex, first: usize, last: usize) -> Vec<bool> {
    let mut out = vec![false; last - first];
    let mut open = false;
    for l in first..last {
        let (s, e) = ix.line_range(text, l);
        let t = text[s..e].trim();
        let opens = !open && t.starts_with(['"', '“']);
        let closes = t.trim_end_matches(['.', ',', ';', ')']).ends_with(['"', '”']) && (open || t.chars().count() > 1);
        if opens || open {
            out[l - first] = true;
        }
        open = (open || opens) && !closes && !t.is_empty();
    }
    out
}

/// Figures stated in running prose ("our crews recorded 14,206 handovers ... 5,118 at Queen's"),
/// weighed: an amount, a percentage or a number with thousands separators counts 2, a bare
/// count 1. Not counted: dates, years, times, list markers, section and reference numbers, the
/// statutory time limits and the cost limit's own figures (20 working days, 18 hours, £450).
pub fn prose_figures(line: &str) -> usize {
    const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    const BEFORE: &[&str] = &[
        "section",
        "sections",
        "s",
        "regulation",
        "reg",
        "paragraph",
        "page",
        "para",
        "no",
        "ref",
        "reference",
        "number",
        "article",
        "schedule",
        "part",
        "room",
        "floor",
        "question",
        "item",
        "point",
    ];
    // Distances place things; they are seldom what a request asks to be counted.
    const AFTER: &[&str] = &["working", "calendar", "hours", "hour", "of", "km", "miles", "mile", "metres", "metre", "feet"];
    const LIMITS: &[&str] = &["450", "600", "25", "18", "24", "20", "40", "60"];
    let words: Vec<&str> = line.split_whitespace().collect();
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    (0..words.len())
        .map(|i| {
            let raw = words[i];
            let w = raw.trim_end_matches(['.', ',', ';', ':', ')']).trim_start_matches('(');
            let marker = i == 0 && (raw.ends_with('.') || raw.ends_with(')'));
            if marker || !is_figure(w) || raw.contains(['/', ':']) {
                return 0;
            }
            let bare = w.trim_start_matches('£').trim_end_matches('%').replace(',', "");
            let year = bare.len() == 4 && (bare.starts_with("18") || bare.starts_with("19") || bare.starts_with("20"));
            let prev = if i > 0 { clean(words[i - 1]) } else { String::new() };
            let next = words.get(i + 1).map(|n| clean(n)).unwrap_or_default();
            let date = MONTHS.iter().any(|m| next.starts_with(m) || prev.starts_with(m));
            if year
                || date
                || BEFORE.contains(&prev.as_str())
                || AFTER.contains(&next.as_str())
                || LIMITS.contains(&bare.as_str())
                || bare.len() > 7
            {
                return 0;
            }
            if w.contains([',', '.', '£', '%']) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Items of one message: numbered lines (one run answering in place, or the questions restated
/// then answered by a second run), and explicit answer markers after a question.
fn message_items(lines: &Lines, mi: usize, asked: &BTreeSet<usize>) -> Vec<Item> {
    let marks: Vec<(usize, Mark)> =
        (lines.first..lines.last).filter(|&l| lines.usable[l - lines.first]).filter_map(|l| mark(lines.line(l)).map(|m| (l, m))).collect();
    let starts: Vec<usize> = marks.iter().map(|m| m.0).collect();
    let numbered: Vec<Numbered> = marks
        .iter()
        .filter_map(|&(l, m)| match m {
            Mark::Numbered { number, body } => Some(Numbered { line: l, number, body }),
            Mark::Answer { .. } => None,
        })
        .collect();
    let runs = runs(&numbered);
    let Some(first) = runs.first() else { return Vec::new() };
    // The questions restated, then answered in a second run of the same length.
    let second = runs.get(1).filter(|r| r.len() == first.len());
    let mut out = Vec::new();
    for q in first {
        let (_, end, next) = block(lines, q.line, &starts);
        let (question, mut answer) = split(lines, q.line, q.body, end, next);
        // Marks are in line order: the one after the question is the next entry.
        let marker = marks.get(marks.partition_point(|(l, _)| *l <= q.line)).filter(|(_, m)| matches!(m, Mark::Answer { .. }));
        let paired = second.and_then(|r| r.iter().find(|a| a.number == q.number)).map(|a| (a.line, a.body));
        let explicit = marker.and_then(|&(al, m)| if let Mark::Answer { body, .. } = m { Some((al, body)) } else { None });
        if let Some((al, body)) = paired.or(explicit) {
            answer = trim(lines.text, lines.range(al).0 + body, block(lines, al, &starts).1);
        } else if question.0 == question.1 && !asked.contains(&q.number) {
            // An unpaired line that asks nothing is more of the request, or a note, not an answer,
            // unless the request, quoted or restated elsewhere, asked a question of that number.
            answer = (answer.1, answer.1);
        }
        out.push(Item { message: mi, number: q.number, question, answer });
    }
    // A paragraph after the last question answers it only when the others are answered too;
    // alone it is the reply to the request as a whole.
    if let [rest @ .., last] = out.as_mut_slice() {
        if second.is_none() && rest.iter().all(|i| i.answer.0 == i.answer.1) {
            last.answer = (last.answer.1, last.answer.1);
        }
    }
    // A numbered list that asks nothing (reasons, harms, steps) is not a request answered in place.
    let asks = out.iter().filter(|i| i.question.1 > i.question.0 || asked.contains(&i.number)).count();
    if second.is_none() && asks * 2 < out.len() {
        return Vec::new();
    }
    out
}

/// Numbers of the questions the request asks outside the reply's own lines: numbered lines of
/// requester messages and of restated requests, and "(1) ... (2) ..." written inline in a line
/// that asks. A reply's numbered lines that state no question answer these in place.
fn asked_elsewhere(text: &str, ix: &TextIndex, segs: &Segments) -> BTreeSet<usize> {
    static INLINE: OnceLock<Regex> = OnceLock::new();
    let inline = INLINE.get_or_init(|| Regex::new(r"(?:^|[\s:])(?:\((\d{1,2})\)|[Qq](\d{1,2})[.:)]?)\s+\S").expect("inline items"));
    let mut asked = BTreeSet::new();
    for m in &segs.messages {
        for l in m.first_line..m.last_line {
            let restated = segs.line_zone[l] == ZoneKind::QuotedRequest;
            if m.role != Role::Requester && !restated {
                continue;
            }
            let (s, e) = ix.line_range(text, l);
            let line = &text[s..e];
            if let Some(Mark::Numbered { number, body }) = mark(line) {
                let rest = &line[body.min(line.len())..];
                if m.role == Role::Requester || rest.contains('?') || reads_as_request(rest) {
                    asked.insert(number);
                }
            }
            if line.contains('?') || restated || m.role == Role::Requester {
                let found: Vec<usize> = inline.captures_iter(line).filter_map(|c| c.get(1).or(c.get(2))?.as_str().parse().ok()).collect();
                if found.len() >= 2 {
                    asked.extend(found);
                }
            }
        }
    }
    asked
}

/// A numbered line: where, which number, and where its text starts.
#[derive(Debug, Clone, Copy)]
struct Numbered {
    line: usize,
    number: usize,
    body: usize,
}

/// Runs of two or more numbered items counting up by one from 1 (a repeated number, as in
/// "1." under "1.", continues the run).
fn runs(numbered: &[Numbered]) -> Vec<Vec<Numbered>> {
    let mut runs: Vec<Vec<Numbered>> = Vec::new();
    for &x in numbered {
        match runs.last_mut() {
            Some(r) if r.last().is_some_and(|p| x.number == p.number + 1) => r.push(x),
            Some(r) if r.last().is_some_and(|p| x.number == p.number) => {}
            _ if x.number == 1 => runs.push(vec![x]),
            _ => {}
        }
    }
    runs.retain(|r| r.len() >= 2);
    runs
}

/// The block of an item line: to the next marked line, or, for the last, to the end of its
/// paragraph (and the next one when its own paragraph holds the question only). Returns the
/// block's start, its end and the line after it.
fn block(lines: &Lines, l: usize, starts: &[usize]) -> (usize, usize, usize) {
    let next = starts.iter().copied().find(|&s| s > l);
    let limit = next.unwrap_or(lines.last);
    let at = |k: usize| k - lines.first;
    let mut end_line = l + 1;
    // Paragraphs after the item's own: up to two before the next item, one after the last
    // (only when its own paragraph is the question alone); never past a heading.
    let allowed = match next {
        Some(_) => 2,
        None if lines.line(l).trim_end().ends_with('?') && l + 1 < lines.last && lines.blank[at(l + 1)] => 1,
        None => 0,
    };
    let mut paragraphs = 0;
    while end_line < limit && lines.usable[at(end_line)] {
        if lines.blank[at(end_line)] {
            if end_line + 1 < limit && !lines.blank[at(end_line + 1)] && (paragraphs == allowed || is_heading(lines.line(end_line + 1))) {
                break;
            }
            if !lines.blank[at(end_line - 1)] {
                paragraphs += 1;
            }
            if paragraphs > allowed {
                break;
            }
        }
        end_line += 1;
    }
    while end_line > l + 1 && lines.blank[at(end_line - 1)] {
        end_line -= 1;
    }
    let end = lines.range(end_line - 1).1;
    (lines.range(l).0, end, end_line)
}

/// A heading line: short, no closing punctuation, a capital first letter, not a figure.
pub(crate) fn is_heading(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.len() <= 50
        && t.split_whitespace().count() <= 6
        && !t.ends_with(['.', '?', ';', ','])
        && t.chars().next().is_some_and(|c| c.is_uppercase())
        && mark(line).is_none()
        && figure_count(t) == 0
}

/// Split an item's block into the question and the answer given in place. The question ends
/// at its question mark, or at a separator followed by the answer ("Number of officers: 23"),
/// or, when it reads as a request (or stands in the restated request), at the end of its
/// sentence or paragraph; the rest of the block, outside the restated request, is the answer.
fn split(lines: &Lines, line: usize, body: usize, end: usize, end_line: usize) -> ((usize, usize), (usize, usize)) {
    let text = lines.text;
    let start = lines.range(line).0 + body;
    let first = &text[start..lines.range(line).1];
    let restated = lines.restated[line - lines.first];
    // "How many cases? (please give the figures by year)?": the question runs to its last mark.
    let cut = if let Some(q) = first.rfind('?') {
        start + q + 1
    } else if let Some(sep) = separator(first).filter(|_| !restated) {
        start + sep
    } else if restated || reads_as_request(first) {
        // A wrapped question runs on to the line that ends its sentence.
        let mut l = line;
        while l + 1 < end_line && !lines.blank[l + 1 - lines.first] && !lines.line(l).trim_end().ends_with(['?', '.', ';', ':']) {
            l += 1;
        }
        lines.range(l).1.min(end)
    } else {
        start
    };
    let cut = cut.max(start);
    // The answer starts on the first line after the question that is not the restated request.
    let mut a = cut;
    let mut l = lines.ix.line_of(cut);
    while a < end && l < end_line && lines.restated[l - lines.first] {
        l += 1;
        a = if l < end_line { lines.range(l).0.max(cut) } else { end };
    }
    ((start, cut), trim(text, a.min(end), end))
}

/// Where the answer starts after a separator on a question line, if any.
fn separator(line: &str) -> Option<usize> {
    for sep in [":", " – ", " - ", "\t", "   "] {
        if let Some(i) = line.find(sep) {
            let rest = line[i + sep.len()..].trim();
            if !rest.is_empty() {
                return Some(i + sep.len());
            }
        }
    }
    None
}

/// A line that asks rather than answers.
fn reads_as_request(line: &str) -> bool {
    let l = line.trim_start().to_ascii_lowercase();
    const ASKS: &[&str] = &[
        "how ",
        "what ",
        "which ",
        "when ",
        "where ",
        "who ",
        "whom ",
        "why ",
        "whether ",
        "does ",
        "do ",
        "did ",
        "is ",
        "are ",
        "was ",
        "were ",
        "has ",
        "have ",
        "can ",
        "could ",
        "would ",
        "will ",
        "please",
        "i would like",
        "i request",
        "provide ",
        "copies ",
        "copy ",
        "a copy",
        "details ",
        "the number",
        "number of",
        "total number",
        "a list",
        "a breakdown",
        "list of",
        "any ",
    ];
    ASKS.iter().any(|a| l.starts_with(a))
}

/// `start..end` without surrounding white space (empty at `end` when blank).
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        (end, end)
    } else {
        (start + lead, start + lead + t.len())
    }
}

/// Findings inside a restated question are the request's words, not the reply's: citations
/// there become quoted and signals count as the restated request's.
pub fn quote_questions(items: &[Item], citations: &mut [super::Citation], signals: &mut [super::SignalHit]) {
    let mut questions: Vec<(usize, usize)> = items.iter().map(|i| i.question).filter(|q| q.1 > q.0).collect();
    questions.sort_unstable();
    let inside = |at: usize| {
        let i = questions.partition_point(|q| q.0 <= at);
        i > 0 && at < questions[i - 1].1
    };
    for c in citations.iter_mut().filter(|c| inside(c.start)) {
        for it in c.items.iter_mut().filter(|it| it.status == Status::Cited) {
            it.status = Status::Quoted;
            c.reason = "quoted: inside a question the reply restates".into();
        }
    }
    for s in signals.iter_mut().filter(|s| inside(s.start)) {
        s.zone = ZoneKind::QuotedRequest;
    }
    // A question about a ground ("in how many requests did you rely on section 36?") makes it
    // the subject of the answer: "section 36 was relied on in 41 requests" reports, not refuses.
    for item in items.iter().filter(|i| i.question.1 > i.question.0 && i.answer.1 > i.answer.0) {
        let asked: Vec<String> = super::within(citations, item.question.0, item.question.1, |c| c.start)
            .iter()
            .flat_map(|c| c.items.iter().filter(|it| it.status != Status::OtherAct).map(|it| it.canon.id.clone()))
            .collect();
        let lo = citations.partition_point(|c| c.start < item.answer.0);
        for c in citations[lo..].iter_mut().take_while(|c| c.start < item.answer.1) {
            let mut changed = false;
            for it in c.items.iter_mut().filter(|it| it.status == Status::Cited && asked.contains(&it.canon.id)) {
                it.status = Status::Reported;
                changed = true;
            }
            if changed {
                c.reason = "reported: the question asks about this provision; the answer reports on it".into();
            }
        }
    }
}

/// Runs of three or more figure lines (counts, tables), or one line holding many figures (a
/// table flattened into one line).
fn figure_runs(lines: &Lines, mi: usize) -> Vec<Figures> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None;
    for l in lines.first..lines.last {
        let figures = if lines.usable[l - lines.first] { figure_count(lines.line(l)) } else { 0 };
        if figures >= 6 {
            let (s, e) = lines.range(l);
            out.push(Figures { message: mi, span: (s, e) });
        }
        match (&mut run, figures > 0) {
            (Some(r), true) => {
                r.1 = l;
                r.2 += 1;
            }
            (None, true) => run = Some((l, l, 1)),
            (Some(r), false) if lines.blank[l - lines.first] => {
                let _ = r;
            }
            (Some(_), false) => {
                let (a, b, n) = run.take().unwrap_or_default();
                if n >= 3 {
                    out.push(Figures { message: mi, span: (lines.range(a).0, lines.range(b).1) });
                }
            }
            (None, false) => {}
        }
    }
    if let Some((a, b, n)) = run {
        if n >= 3 {
            out.push(Figures { message: mi, span: (lines.range(a).0, lines.range(b).1) });
        }
    }
    // A table pasted one cell per line: labels and amounts alternate, so no run forms, but the
    // lines that hold a lone figure are many.
    let lone: Vec<usize> = (lines.first..lines.last)
        .filter(|&l| lines.usable[l - lines.first] && !lines.restated[l - lines.first])
        .filter(|&l| is_figure(lines.line(l).trim()))
        .collect();
    // Four within a few lines of each other; page numbers of a converted PDF are far apart.
    if let Some(w) = lone.windows(4).find(|w| w[3] - w[0] <= 24).filter(|_| out.is_empty()) {
        out.push(Figures { message: mi, span: (lines.range(w[0]).0, lines.range(w[3]).1) });
    }
    out
}

/// Figures on a line of a table or list of counts: standalone numbers that are not years,
/// dates, references, telephone numbers or section numbers. Prose lines count none.
pub fn figure_count(line: &str) -> usize {
    let t = line.trim();
    if t.len() > 160 && t.split_whitespace().filter(|w| is_figure(w)).count() < 6 {
        return 0;
    }
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return 0;
    }
    let lower = t.to_ascii_lowercase();
    const NOT_TABLES: &[&str] =
        &["section", "regulation", "ref", "tel", "phone", "fax", "po box", "date", "received", "dated", "@", "http", "www.", "foi"];
    if NOT_TABLES.iter().any(|w| lower.contains(w)) {
        return 0;
    }
    let words = t.split_whitespace().count();
    let figures = t.split_whitespace().filter(|w| is_figure(w)).count();
    // A sentence with a number in it is prose, not a table row.
    if figures == 0 || (words > 12 && figures * 4 < words) || (t.ends_with('.') && figures < 3) {
        return 0;
    }
    figures
}

/// A count or amount: digits with optional thousands commas, a decimal part, a currency sign
/// or a percent sign; not a year.
fn is_figure(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '*' | '|'));
    let w = w.strip_prefix('£').unwrap_or(w);
    let w = w.strip_suffix('%').unwrap_or(w);
    if w.is_empty() || !w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') || !w.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    !year
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::segment::Message;

    /// The text as one authority message, every line in its body.
    fn one_message(text: &str) -> (TextIndex, Segments) {
        let ix = TextIndex::new(text);
        let n = ix.lines();
        let segs = Segments {
            messages: vec![Message { start: 0, end: text.len(), first_line: 0, last_line: n, quoted: false, role: Role::Authority }],
            line_zone: vec![ZoneKind::Body; n],
            line_message: vec![0; n],
            line_part: vec![crate::vocab::Part::Decision; n],
        };
        (ix, segs)
    }

    fn items(text: &str) -> Vec<(usize, String, String)> {
        let (ix, segs) = one_message(text);
        find(text, &ix, &segs)
            .0
            .into_iter()
            .map(|i| (i.number, text[i.question.0..i.question.1].into(), text[i.answer.0..i.answer.1].into()))
            .collect()
    }

    #[test]
    fn questions_answered_in_place() {
        let got = items("Dear Ms Roe,\n\n1. How many drones does the force own?\n14 drones.\n\n2. Number of pilots: 31\n\n3. Do you hold a register of flights?\nNo.\n\nYours sincerely");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].2, "14 drones.");
        assert_eq!(got[1], (2, "Number of pilots:".into(), "31".into()));
        assert_eq!(got[2].2, "No.");
    }

    #[test]
    fn numbered_answers_to_questions_asked_in_the_quoted_request() {
        let reply = "Dear Mr Okafor,\n\nQ1. 212 vehicles were seized in 2024.\n\nQ2. The storage contract is held by the council's fleet team.\n\nYours sincerely\n";
        let request =
            "-----Original Message-----\nDear Council,\n\n1. How many vehicles were seized?\n2. Who holds the storage contract?\n";
        let text = format!("{reply}{request}");
        let ix = TextIndex::new(&text);
        let n = ix.lines();
        let split = ix.line_of(reply.len());
        let msg = |first_line, last_line, role| Message { start: 0, end: 0, first_line, last_line, quoted: false, role };
        let segs = Segments {
            messages: vec![msg(0, split, Role::Authority), msg(split, n, Role::Requester)],
            line_zone: vec![ZoneKind::Body; n],
            line_message: (0..n).map(|l| usize::from(l >= split)).collect(),
            line_part: vec![crate::vocab::Part::Decision; n],
        };
        let got: Vec<String> = find(&text, &ix, &segs).0.iter().map(|i| text[i.answer.0..i.answer.1].to_string()).collect();
        assert_eq!(got, ["212 vehicles were seized in 2024.", "The storage contract is held by the council's fleet team."]);
        // The same reply with no request in sight is a numbered list, not answers.
        assert!(items(reply).is_empty());
    }

    #[test]
    fn questions_restated_then_answered_in_a_second_run() {
        let got = items("You asked:\n1. The cost of the contract\n2. The supplier's name\n\nOur answers:\n1. £40,000\n2. This information is exempt under section 43(2).\n");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2, "£40,000");
        assert!(got[1].2.contains("section 43"));
    }

    #[test]
    fn explicit_answer_markers_follow_their_question() {
        let got = items("Q1 How many complaints were received?\nA1 212\nQ2 How many were upheld?\nA2 We do not hold this information.\n");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2, "212");
        assert_eq!(got[1].2, "We do not hold this information.");
    }

    #[test]
    fn answer_markers_after_a_blank_line_and_with_a_full_stop() {
        let got = items("Q1. Which vehicles were bought?\n\nA1. Two vans.\n\nQ2. At what cost?\n\nA2. £61,000 in total.\n");
        assert_eq!(got.iter().map(|i| i.2.as_str()).collect::<Vec<_>>(), ["Two vans.", "£61,000 in total."]);
    }

    #[test]
    fn a_single_numbered_line_or_a_list_of_dates_is_not_a_request() {
        assert!(items("1. We received your request on 3 May.\n\nYours sincerely").is_empty());
        assert!(items("Dear Sir\n\nThe figures follow.\n12 May 2023 was the date.").is_empty());
    }

    #[test]
    fn prose_figures_are_counts_not_dates_limits_or_sections() {
        assert_eq!(
            prose_figures("Across the sites our crews recorded 14,206 handovers, 5,118 at one hospital, 12.5% overall and 7 on one night."),
            7
        );
        assert_eq!(prose_figures("1. The number of staff and the cost. Reference 78614203 of 1889."), 0);
        assert_eq!(prose_figures("On 3 March 2025 we wrote under section 12 about the 18 hours, £450 and 20 working days."), 0);
    }

    #[test]
    fn a_table_pasted_one_cell_per_line_is_a_table_and_page_numbers_are_not() {
        let figures = |text: &str| {
            let (ix, segs) = one_message(text);
            find(text, &ix, &segs).1.len()
        };
        let cells = "Grants:\n\nBrecon\n\n£17,500\n\nRhyl\n\n£36,000\n\nBala\n\n£33,296\n\nTywyn\n\n£30,700\n";
        assert_eq!(figures(cells), 1);
        let pages: String = (1..=4).map(|p| format!("{}\n{p}\n", "We considered the request.\n".repeat(20))).collect();
        assert_eq!(figures(&pages), 0);
    }

    #[test]
    fn figures_are_counts_not_years_or_references() {
        assert_eq!(figure_count("2021/22   145   12"), 2);
        assert_eq!(figure_count("Reference FOI 2023 4412"), 0);
        assert_eq!(figure_count("We received 3 requests in 2022 and answered all of them within the deadline."), 0);
        assert!(!is_figure("2023") && is_figure("1,204") && is_figure("£12.50") && is_figure("45%"));
    }
}
