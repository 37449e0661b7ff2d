//! Text geometry: line starts, line/column lookup and sentence boundaries, computed once per document.

/// Line starts and sentence boundaries of one text.
#[derive(Debug)]
pub struct TextIndex {
    /// Byte offset of the start of every line.
    pub line_starts: Vec<usize>,
    /// Sorted byte offsets where a sentence starts (0 included).
    sentence_starts: Vec<usize>,
    /// Sorted 0-based numbers of the blank (whitespace-only) lines, so that a paragraph is
    /// found by binary search rather than by walking its lines.
    blank_lines: Vec<usize>,
    len: usize,
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "s", "ss", "sec", "secs", "reg", "regs", "r", "no", "nos", "e.g", "i.e", "eg", "ie", "mr", "mrs", "ms", "dr", "st", "para", "paras",
    "art", "ref", "etc", "vs", "v", "cf", "approx", "tel", "p", "pp", "sch", "a", "b", "c", "d", "e", "f", "g", "h", "i", "ii", "iii",
];

impl TextIndex {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let mut sentence_starts = vec![0];
        // Paragraph breaks, list items and short headings end sentences. Each line is trimmed
        // once: the previous line of the next round is this round's line, trimmed at the end.
        let mut prev_line = line_starts.get(1).map_or("", |&n| text[..n].trim());
        for k in 1..line_starts.len() {
            let cur = line_starts[k];
            let cur_end = line_starts.get(k + 1).map_or(text.len(), |&n| n - 1);
            let cur_line = text[cur..cur_end].trim_start();
            let starts_item = cur_line.starts_with(['•', '·', '-', '*', '–', '\u{f0b7}', '>', '\u{f0a7}'])
                || starts_numbered(cur_line)
                || starts_lettered(cur_line);
            let breaks = prev_line.is_empty() || cur_line.is_empty() || starts_item || prev_line.ends_with(':') || {
                // A short heading (checked last: the costliest test).
                fewer_chars_than(prev_line, 55)
                    && !prev_line.ends_with([',', ';', '-', '–', '('])
                    && !ends_with_joiner(prev_line)
                    && cur_line.chars().next().is_some_and(|c| c.is_uppercase())
            };
            if breaks {
                sentence_starts.push(cur);
            }
            prev_line = cur_line.trim_end();
        }
        // Full stops, question and exclamation marks followed by space and a capital, and
        // semicolons followed by space (found with memchr; the order does not matter, as the
        // starts are sorted below).
        for i in memchr::memchr3_iter(b'.', b'?', b'!', bytes).chain(memchr::memchr_iter(b';', bytes)) {
            let b = bytes[i];
            if i + 1 < bytes.len() && bytes[i + 1].is_ascii_whitespace() {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                let next_upper = text[j..].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
                if b == b';' || (next_upper && !(b == b'.' && is_abbreviation(&text[..i]))) {
                    sentence_starts.push(j);
                }
            }
        }
        sentence_starts.sort_unstable();
        sentence_starts.dedup();
        let blank_lines = (0..line_starts.len())
            .filter(|&l| {
                let end = line_starts.get(l + 1).map_or(text.len(), |&n| n - 1);
                text[line_starts[l]..end].trim().is_empty()
            })
            .collect();
        TextIndex { line_starts, sentence_starts, blank_lines, len: text.len() }
    }

    /// 1-based line and column (in bytes + 1) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        (line + 1, offset - self.line_starts[line] + 1)
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of 0-based line `line`, without its newline.
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.line_starts[line];
        let end = self.line_starts.get(line + 1).map_or(self.len, |&n| n - 1);
        let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end };
        (start, end.max(start))
    }

    /// Number of lines.
    pub fn lines(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of the sentence containing `offset`.
    pub fn sentence(&self, offset: usize) -> (usize, usize) {
        let i = match self.sentence_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let end = self.sentence_starts.get(i + 1).copied().unwrap_or(self.len);
        (self.sentence_starts[i], end)
    }

    /// Byte range of the paragraph (between blank lines) containing `offset`.
    pub fn paragraph(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        // First line after the last blank line before `line`; last line before the next blank one.
        let i = self.blank_lines.partition_point(|&l| l < line);
        let a = if i > 0 { self.blank_lines[i - 1] + 1 } else { 0 };
        let j = self.blank_lines.partition_point(|&l| l <= line);
        let b = self.blank_lines.get(j).map_or(self.lines() - 1, |&l| l - 1);
        (self.line_starts[a], self.line_range(text, b).1)
    }
}

fn starts_numbered(line: &str) -> bool {
    let digits = line.bytes().take_while(|b| b.is_ascii_digit()).count();
    digits > 0
        && digits < 3
        && matches!(line.as_bytes().get(digits), Some(b'.') | Some(b')'))
        && line.as_bytes().get(digits + 1).is_some_and(|b| b.is_ascii_whitespace())
}

/// "(a) ", "(ii) ", "(3) ": a lettered or numbered list item.
fn starts_lettered(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('(') else { return false };
    let label = rest.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
    (1..=4).contains(&label)
        && rest.as_bytes().get(label) == Some(&b')')
        && rest.as_bytes().get(label + 1).is_none_or(|b| b.is_ascii_whitespace())
}

/// Whether `s` has fewer than `n` characters, counting only when the byte length leaves doubt.
fn fewer_chars_than(s: &str, n: usize) -> bool {
    s.len() < n || (s.len() < 4 * n && s.chars().count() < n)
}

fn ends_with_joiner(line: &str) -> bool {
    let last = line.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    ["and", "or", "of", "the", "to", "under", "by", "in", "a", "at", "for", "with"].iter().any(|w| last.eq_ignore_ascii_case(w))
}

fn is_abbreviation(before: &str) -> bool {
    // The trailing run of letters, digits and dots, without copying it.
    let start = before.char_indices().rev().take_while(|(_, c)| c.is_alphanumeric() || *c == '.').last().map_or(before.len(), |(i, _)| i);
    let w = &before[start..];
    ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_do_not_break_on_section_abbreviations() {
        let t = "It is exempt under s. 31 of the Act. We rely on it.";
        let ix = TextIndex::new(t);
        let (a, b) = ix.sentence(20);
        assert_eq!(&t[a..b], "It is exempt under s. 31 of the Act. ");
    }

    #[test]
    fn blank_lines_and_bullets_break_sentences() {
        let t = "Exemptions apply\n\n· Section 24\n· Section 31";
        let ix = TextIndex::new(t);
        let (a, b) = ix.sentence(t.find("24").unwrap());
        assert_eq!(&t[a..b], "· Section 24\n");
    }

    #[test]
    fn a_number_ends_a_sentence() {
        let t = "we have not relied on section 12.\nThe decision rests on section 14(1).";
        let ix = TextIndex::new(t);
        let (a, b) = ix.sentence(t.find("14").unwrap());
        assert_eq!(&t[a..b], "The decision rests on section 14(1).");
    }

    #[test]
    fn line_col_is_one_based() {
        let ix = TextIndex::new("ab\ncd");
        assert_eq!(ix.line_col(4), (2, 2));
    }

    /// The first version of [`TextIndex::new`], which the faster one must agree with.
    fn reference(text: &str) -> TextIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        let mut sentence_starts = vec![0];
        // Paragraph breaks, list items and short headings end sentences.
        for w in line_starts.windows(2) {
            let (prev, cur) = (w[0], w[1]);
            let prev_line = text[prev..cur].trim();
            let cur_end = text[cur..].find('\n').map_or(text.len(), |i| cur + i);
            let cur_line = text[cur..cur_end].trim_start();
            let starts_item = cur_line.starts_with(['•', '·', '-', '*', '–', '\u{f0b7}', '>', '\u{f0a7}'])
                || super::starts_numbered(cur_line)
                || super::starts_lettered(cur_line);
            let short_heading = prev_line.chars().count() < 55
                && !prev_line.ends_with([',', ';', '-', '–', '('])
                && !old_ends_with_joiner(prev_line)
                && cur_line.chars().next().is_some_and(|c| c.is_uppercase());
            if prev_line.is_empty() || cur_line.is_empty() || starts_item || short_heading || prev_line.ends_with(':') {
                sentence_starts.push(cur);
            }
        }
        // Full stops, question and exclamation marks followed by space and a capital.
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if (b == b'.' || b == b'?' || b == b'!' || b == b';') && i + 1 < bytes.len() && bytes[i + 1].is_ascii_whitespace() {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                let next_upper = text[j..].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
                if b == b';' || (next_upper && !(b == b'.' && old_is_abbreviation(&text[..i]))) {
                    sentence_starts.push(j);
                }
            }
            i += 1;
        }
        sentence_starts.sort_unstable();
        sentence_starts.dedup();
        TextIndex { line_starts, sentence_starts, blank_lines: Vec::new(), len: text.len() }
    }

    fn old_ends_with_joiner(line: &str) -> bool {
        let last = line.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        matches!(
            last.to_ascii_lowercase().as_str(),
            "and" | "or" | "of" | "the" | "to" | "under" | "by" | "in" | "a" | "at" | "for" | "with"
        )
    }
    fn old_is_abbreviation(before: &str) -> bool {
        let word: String =
            before.chars().rev().take_while(|c| c.is_alphanumeric() || *c == '.').collect::<Vec<_>>().into_iter().rev().collect();
        let w = word.to_ascii_lowercase();
        ABBREVIATIONS.contains(&w.as_str())
    }

    #[test]
    fn index_matches_the_first_version() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec![String::new(), "\n".into(), "a\n\nb".into(), "Dear Sir,\r\n  Heading\nText e.g. Ms. Smith. 12. Next".into()];
        for dir in [root.join("corpus"), root.join("../shared/corpus/dev")] {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    texts.push(t.replace(". ", ".\n"));
                    texts.push(t);
                }
            }
        }
        for t in &texts {
            let (a, b) = (TextIndex::new(t), reference(t));
            assert_eq!((&a.line_starts, &a.sentence_starts, a.len), (&b.line_starts, &b.sentence_starts, b.len));
        }
    }
}
