//! Segmentation: split a document into messages (authority or requester, quoted or not) and
//! give every line a zone (body, quoted request, quoted history, footer, signature, web noise).
use crate::rules::{BoundaryKind, ZoneKind};
use crate::text::TextIndex;
use crate::vocab::Part;
pub use crate::vocab::Role;

/// One message of a document.
#[derive(Debug, Clone)]
pub struct Message {
    /// Byte range in the document.
    pub start: usize,
    /// Byte offset where the message ends.
    pub end: usize,
    /// 0-based line range [first, last).
    pub first_line: usize,
    /// Line after its last (exclusive).
    pub last_line: usize,
    /// A copy of an earlier e-mail inside a later one.
    pub quoted: bool,
    /// Who wrote it.
    pub role: Role,
}

/// Line-level marks found by boundary and zone rules.
#[derive(Debug, Default, Clone)]
pub struct LineMarks {
    /// Boundary role of a line, if a rule marks one.
    pub boundary: Vec<Option<BoundaryKind>>,
    /// Zone that starts at this line (extends per zone kind).
    pub zone_start: Vec<Option<ZoneKind>>,
    /// Part of the letter a heading on this line opens.
    pub heading: Vec<Option<Part>>,
}

impl LineMarks {
    /// Empty marks for `n` lines.
    pub fn new(n: usize) -> Self {
        LineMarks { boundary: vec![None; n], zone_start: vec![None; n], heading: vec![None; n] }
    }

    /// Keep only what sets the end of one letter apart (footer, signature, page furniture):
    /// no message boundaries, no restated request or quoted history, no parts.
    pub fn flatten(&mut self) {
        self.boundary.iter_mut().for_each(|b| *b = None);
        self.heading.iter_mut().for_each(|h| *h = None);
        for z in &mut self.zone_start {
            if !matches!(z, Some(ZoneKind::Footer | ZoneKind::Signature | ZoneKind::WebNoise)) {
                *z = None;
            }
        }
    }
}

/// Messages and the zone of every line.
#[derive(Debug, Clone)]
pub struct Segments {
    /// The messages, in text order.
    pub messages: Vec<Message>,
    /// Zone of every line.
    pub line_zone: Vec<ZoneKind>,
    /// Message index of every line.
    pub line_message: Vec<usize>,
    /// Part of its letter every line belongs to (set by [`super::parts::assign`]).
    pub line_part: Vec<Part>,
}

/// Whether line `l` holds only white space.
fn is_blank(text: &str, ix: &TextIndex, l: usize) -> bool {
    let (s, e) = ix.line_range(text, l);
    text[s..e].trim().is_empty()
}

/// Messages from their first lines (and whether each is quoted), with the message of every line.
fn messages_from(text: &str, ix: &TextIndex, starts: &[(usize, bool)]) -> (Vec<Message>, Vec<usize>) {
    let n = ix.lines();
    let mut messages = Vec::new();
    let mut line_message = vec![0; n];
    for (i, &(first, quoted)) in starts.iter().enumerate() {
        let last = starts.get(i + 1).map_or(n, |s| s.0);
        if first >= last {
            continue;
        }
        let start = ix.line_starts[first];
        let end = if last < n { ix.line_starts[last] } else { text.len() };
        for lm in line_message.iter_mut().take(last).skip(first) {
            *lm = messages.len();
        }
        messages.push(Message { start, end, first_line: first, last_line: last, quoted, role: Role::Authority });
    }
    if messages.is_empty() {
        messages.push(Message { start: 0, end: text.len(), first_line: 0, last_line: n, quoted: false, role: Role::Authority });
    }
    (messages, line_message)
}

/// Split the text into messages and zones.
pub fn segment(text: &str, ix: &TextIndex, marks: &LineMarks, unquote: bool) -> Segments {
    let n = ix.lines();
    let blank: Vec<bool> = (0..n).map(|l| is_blank(text, ix, l)).collect();
    let is_header = |l: usize| marks.boundary[l] == Some(BoundaryKind::Header);
    // A header block: two or more header lines within six lines.
    let header_block = |l: usize| is_header(l) && (l..(l + 6).min(n)).filter(|&k| is_header(k)).count() >= 2;

    let mut starts: Vec<(usize, bool)> = vec![(0, false)];
    let mut closed = false;
    let mut seen_content = false;
    let mut inherit_quote = false;
    let mut after_separator = false;
    let mut l = 0;
    while l < n {
        let b = marks.boundary[l];
        let cur_quoted = starts.last().is_some_and(|s| s.1);
        match b {
            // A rule between numbered questions ("Q2. ...", "3. ...") divides one letter, as
            // in disclosure logs; elsewhere it separates messages, as in WhatDoTheyKnow archives.
            Some(BoundaryKind::Separator)
                if question_follows(text, ix, &blank, l + 1)
                    || furniture_before(text, ix, &blank, l)
                    || table_rule(text, ix, &blank, l) =>
            {
                l += 1;
                continue;
            }
            Some(BoundaryKind::Separator) => {
                starts.push((l + 1, false));
                closed = false;
                inherit_quote = false;
                after_separator = true;
                l += 1;
                continue;
            }
            Some(BoundaryKind::QuoteIntro) if seen_content => {
                starts.push((l, true));
                closed = false;
                inherit_quote = true;
                l = (l + 1..n).find(|&k| !(is_header(k) || blank[k])).unwrap_or(n);
                continue;
            }
            Some(BoundaryKind::Header) if header_block(l) && (l == 0 || !is_header(l - 1)) => {
                let quoted = seen_content && !after_separator;
                if starts.last().is_some_and(|s| s.0 != l) {
                    starts.push((l, quoted));
                } else if let Some(s) = starts.last_mut() {
                    s.1 = quoted;
                }
                closed = false;
                inherit_quote = quoted && cur_quoted && inherit_quote;
                after_separator = false;
                l = (l..n).find(|&k| !(is_header(k) || (blank[k] && k == l + 1))).unwrap_or(n);
                continue;
            }
            Some(BoundaryKind::Start) => {
                starts.push((l, false));
                closed = false;
                inherit_quote = false;
            }
            Some(BoundaryKind::Opener) if closed => {
                starts.push((l, cur_quoted && inherit_quote));
                closed = false;
            }
            Some(BoundaryKind::Closing) => closed = true,
            _ => {}
        }
        if marks.zone_start[l] == Some(ZoneKind::Footer) {
            closed = true;
        }
        if !blank[l] {
            seen_content = true;
            after_separator = false;
        }
        l += 1;
    }
    starts.dedup_by_key(|s| s.0);
    let (mut messages, line_message) = messages_from(text, ix, &starts);
    if unquote {
        for m in &mut messages {
            m.quoted = false;
        }
    }
    let line_zone = zones(text, ix, marks, &messages, &blank);
    let line_part = vec![Part::Decision; n];
    Segments { messages, line_zone, line_message, line_part }
}

/// Give every line its zone. Footers and signatures run to the end of their message; web noise
/// and `>` history are single lines; a quoted request runs until a response heading or the end
/// of the list of questions.
fn zones(text: &str, ix: &TextIndex, marks: &LineMarks, messages: &[Message], blank: &[bool]) -> Vec<ZoneKind> {
    let n = ix.lines();
    let mut zone = vec![ZoneKind::Body; n];
    for m in messages {
        let mut tail: Option<ZoneKind> = None;
        let mut l = m.first_line;
        while l < m.last_line {
            if let Some(z) = marks.zone_start[l] {
                match z {
                    ZoneKind::Footer => tail = Some(ZoneKind::Footer),
                    // An annex after the sign-off is the letter's content again.
                    ZoneKind::Body if tail == Some(ZoneKind::Signature) => tail = None,
                    ZoneKind::Signature if tail.is_none() => tail = Some(ZoneKind::Signature),
                    ZoneKind::WebNoise | ZoneKind::QuotedHistory => {
                        zone[l] = z;
                        l += 1;
                        continue;
                    }
                    ZoneKind::QuotedRequest if tail.is_none() => {
                        let end = request_end(text, ix, marks, blank, l, m.last_line);
                        for z in zone.iter_mut().take(end).skip(l) {
                            *z = ZoneKind::QuotedRequest;
                        }
                        l = end;
                        continue;
                    }
                    _ => {}
                }
            }
            if marks.boundary[l] == Some(BoundaryKind::Closing) && tail.is_none() {
                tail = Some(ZoneKind::Signature);
            }
            if let Some(t) = tail {
                zone[l] = t;
            }
            l += 1;
        }
    }
    zone
}

/// End (exclusive line) of a quoted request starting at `start`.
fn request_end(text: &str, ix: &TextIndex, marks: &LineMarks, blank: &[bool], start: usize, limit: usize) -> usize {
    let line = |l: usize| {
        let (s, e) = ix.line_range(text, l);
        text[s..e].trim()
    };
    let is_item = |t: &str| {
        let t = t.trim_start_matches(['"', '\'', '“', '‘']);
        t.starts_with(['•', '·', '-', '*', '(', '\u{f0b7}', '–', '>'])
            || t.bytes().take_while(|b| b.is_ascii_digit()).count().clamp(0, 3) > 0
                && t.as_bytes().get(t.bytes().take_while(|b| b.is_ascii_digit()).count()).is_some_and(|b| matches!(b, b'.' | b')' | b':'))
            || t.len() > 1 && t.as_bytes()[0].is_ascii_lowercase() && t.as_bytes()[1] == b')'
            || t.starts_with('Q') && t.as_bytes().get(1).is_some_and(|b| b.is_ascii_digit())
    };
    let first_text = line(start);
    let marker_has_text = first_text.find(':').is_some_and(|i| first_text[i + 1..].trim().len() > 3);
    let mut l = start + 1;
    let mut prev_ended = marker_has_text && ends_sentence(first_text);
    let mut saw_content = marker_has_text;
    let mut blank_run = 0;
    while l < limit && l < start + 60 {
        if marks.boundary[l] == Some(BoundaryKind::Response) {
            return l;
        }
        if marks.zone_start[l].is_some_and(|z| z != ZoneKind::QuotedRequest && z != ZoneKind::QuotedHistory) {
            return l;
        }
        let t = line(l);
        if blank[l] {
            blank_run += 1;
            if blank_run >= 2 && saw_content {
                return l;
            }
            l += 1;
            continue;
        }
        let item = is_item(t);
        if saw_content && prev_ended && !item && (blank_run > 0 || !t.starts_with(['"', '“', '\''])) {
            return l;
        }
        // A table of figures is the answer, not the request.
        if saw_content && figures_row(t) {
            return l;
        }
        blank_run = 0;
        saw_content = true;
        prev_ended = ends_sentence(t);
        l += 1;
    }
    l
}

/// Whether the first non-blank line from `from` (within three) continues a letter: a numbered
/// question or answer ("Q2.", "A3)", "Question 4", "Part (b)", "(c)", "5.") or page furniture
/// of a scanned letter ("Page 1 of 2", "[scanned document - page 2]").
fn question_follows(text: &str, ix: &TextIndex, blank: &[bool], from: usize) -> bool {
    let Some(l) = (from..(from + 3).min(blank.len())).find(|&l| !blank[l]) else { return false };
    let (s, e) = ix.line_range(text, l);
    let t = text[s..e].trim_start();
    if page_furniture(t) {
        return true;
    }
    let rest = ["Question", "Part", "Q", "A"].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(t).trim_start();
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let letter = rest.len() > 1 && rest.as_bytes()[0].is_ascii_lowercase() && rest.as_bytes()[1] == b')';
    (digits > 0 && digits <= 3 && rest.as_bytes().get(digits).is_some_and(|b| matches!(b, b'.' | b')' | b':' | b' ')))
        || (letter && (t.starts_with("Part") || t.starts_with('(')))
}

/// Whether the non-blank line before `line` is page furniture (the rule under a page header).
fn furniture_before(text: &str, ix: &TextIndex, blank: &[bool], line: usize) -> bool {
    (line.saturating_sub(2)..line).rev().find(|&l| !blank[l]).is_some_and(|l| {
        let (s, e) = ix.line_range(text, l);
        page_furniture(&text[s..e])
    })
}

/// Whether the rule at `line` rules off a table: the line above or below it is a row of columns.
fn table_rule(text: &str, ix: &TextIndex, blank: &[bool], line: usize) -> bool {
    let row = |l: usize| {
        let (s, e) = ix.line_range(text, l);
        let t = text[s..e].trim();
        figures_row(t) || t.split("   ").filter(|c| !c.trim().is_empty()).count() >= 3
    };
    let above = (line.saturating_sub(1)..line).find(|&l| !blank[l]);
    let below = (line + 1..(line + 2).min(blank.len())).find(|&l| !blank[l]);
    above.is_some_and(row) || below.is_some_and(row)
}

/// A page header or footer line: "Page 2 of 3", "[scanned document - page 2]".
fn page_furniture(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    lower.match_indices("page").any(|(i, _)| lower[i + 4..].trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// A row of a table of figures: a digit after a gap of three or more spaces.
fn figures_row(t: &str) -> bool {
    t.match_indices("   ").any(|(i, _)| t[i..].trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '£'))
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with(['.', '?', '!', ':'])
}
