//! Parsing citation lists ("23(5) and 24(2)", "31(1)(a)&(b)", "5.1.a&b") into numbered items with chains.

/// One cited provision before the regime is known: number plus subsection chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawItem {
    /// Section or regulation number, lower-case (`31`, `22a`).
    pub number: String,
    /// Subsection chain, outermost first (`["1", "a"]`).
    pub chain: Vec<String>,
}

/// Most items one list yields, and deepest chain one item may have: real lists are far shorter,
/// and without caps a hostile "section 31 and section 31 and ..." or "31(a)(1)(a)(1)...(2)(3)..."
/// makes each of the n matches parse the whole rest of the text (quadratic time and memory).
const MAX_ITEMS: usize = 64;
const MAX_DEPTH: usize = 8;

/// Parse the list starting at the beginning of `s`; returns the items and the byte length consumed.
/// `plural` says the prefix was plural ("sections", "ss."), so bare continuation numbers are taken.
pub fn parse_list(s: &str, plural: bool) -> (Vec<RawItem>, usize) {
    let mut p = Parser { s: s.as_bytes(), i: 0 };
    let mut items = Vec::new();
    let Some(first) = p.item() else { return (items, 0) };
    let mut end = p.i;
    items.extend(first);
    while items.len() < MAX_ITEMS {
        let save = p.i;
        if !p.separator() {
            break;
        }
        let prefixed = p.prefix();
        // "(b)" after a separator: sibling of a chain element of the last item, at the level of
        // its kind ("12(4)(b) or (5)(e)"), with its own deeper labels ("40(2) and (3A)(a)").
        if p.peek() == Some(b'(') || p.peek_dot_sibling() {
            let Some(sib) = p.sibling(items.last()) else { break };
            items.extend(sib);
            end = p.i;
            continue;
        }
        let num_start = p.i;
        match p.item() {
            Some(next) => {
                let bare = next.iter().all(|it| it.chain.is_empty());
                let n: u32 = next[0].number.trim_end_matches(char::is_alphabetic).parse().unwrap_or(0);
                let followed_by_word = p.peek().is_some_and(|b| b == b' ') && p.next_word_is_noun();
                if bare && ((!plural && !prefixed && !section_like(n)) || followed_by_word || num_start == save) {
                    break;
                }
                items.extend(next);
                end = p.i;
            }
            None => break,
        }
    }
    (items, end)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|b| b == b' ' || b == b'\t' || b == b'\n' || b == b'\r') {
            self.i += 1;
        }
    }

    /// NUM chain*: may expand to several items when the chain holds run-on siblings or ranges;
    /// `None` when the number is not a section (a date "5.1.2024", a time "10.30").
    fn item(&mut self) -> Option<Vec<RawItem>> {
        let start = self.i;
        let number = self.number()?;
        let Some(chains) = self.chains(Vec::new()) else {
            self.i = start;
            return None;
        };
        Some(chains.into_iter().map(|chain| RawItem { number: number.clone(), chain }).collect())
    }

    /// One or two digits, with a letter for inserted sections ("22A").
    fn number(&mut self) -> Option<String> {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        let digits = self.i - start;
        if digits == 0 || digits > 2 {
            self.i = start;
            return None;
        }
        let mut number = String::from_utf8_lossy(&self.s[start..self.i]).to_string();
        // "22A": one letter directly after the digits, not followed by more letters.
        if let Some(b) = self.peek().filter(|b| b.is_ascii_alphabetic()) {
            let after = self.s.get(self.i + 1).copied();
            if !after.is_some_and(|a| a.is_ascii_alphanumeric()) && b.eq_ignore_ascii_case(&b'a') {
                number.push('a');
                self.i += 1;
            }
        }
        if self.peek().is_some_and(|b| b.is_ascii_alphanumeric()) {
            self.i = start;
            return None;
        }
        Some(number)
    }

    /// "(b)" or "b" after a separator: a sibling of the element of the same kind in `last`'s
    /// chain (the deepest one when none is), followed by its own deeper labels.
    fn sibling(&mut self, last: Option<&RawItem>) -> Option<Vec<RawItem>> {
        let start = self.i;
        let label = if self.peek() == Some(b'(') { self.parens() } else { self.dot_sibling() };
        let (Some(label), Some(last)) = (label, last) else {
            self.i = start;
            return None;
        };
        let level =
            (0..last.chain.len()).rev().find(|&j| same_level(&last.chain, j, &label[0])).unwrap_or(last.chain.len().saturating_sub(1));
        let mut base = last.chain[..level].to_vec();
        base.extend(label);
        let Some(chains) = self.chains(base) else {
            self.i = start;
            return None;
        };
        Some(chains.into_iter().map(|chain| RawItem { number: last.number.clone(), chain }).collect())
    }

    /// The subsection groups after a number or a sibling, starting from `base`: several chains
    /// when run-on siblings follow ("(a)(b)"); `None` when dotted numbers make a date or a time.
    fn chains(&mut self, base: Vec<String>) -> Option<Vec<Vec<String>>> {
        let mut chains: Vec<Vec<String>> = vec![base];
        let mut dotted_numbers = 0;
        while chains.len() < MAX_ITEMS && chains[0].len() < MAX_DEPTH && chains.last().is_some_and(|c| c.len() < MAX_DEPTH) {
            let save = self.i;
            let dotted = self.peek() == Some(b'.');
            let group = if self.peek_paren_after_ws() {
                self.parens()
            } else if dotted {
                self.dot_sibling()
            } else {
                None
            };
            let Some(group) = group else {
                self.i = save;
                // "5.1.2024", "10.30am": a number, not a section.
                if dotted && self.s.get(save + 1).is_some_and(u8::is_ascii_digit) {
                    return None;
                }
                break;
            };
            if dotted {
                let value: Option<u32> = group[0].parse().ok();
                dotted_numbers = if value.is_some() { dotted_numbers + 1 } else { 0 };
                // "5.1.12" (a date), "12.50" (a sum).
                if dotted_numbers > 1 || value.is_some_and(|v| v > 20) {
                    return None;
                }
            }
            // Run-on siblings "(a)(b)": same kind of label at the same depth.
            let last = chains.last().and_then(|c| c.last()).cloned();
            let g = &group[0];
            if group.len() == 1 && last.as_ref().is_some_and(|l| same_kind(l, g)) {
                let mut sib = chains.last().cloned().unwrap_or_default();
                sib.pop();
                sib.push(g.clone());
                chains.push(sib);
                continue;
            }
            if chains.len() > 1 {
                // After siblings, deeper labels apply to the last sibling only.
                let mut last = chains.pop().unwrap_or_default();
                last.extend(group);
                chains.push(last);
            } else {
                chains[0].extend(group);
            }
        }
        Some(chains)
    }

    fn peek_paren_after_ws(&self) -> bool {
        let mut j = self.i;
        while self.s.get(j).is_some_and(|b| *b == b' ' || *b == b'\t') {
            j += 1;
        }
        self.s.get(j) == Some(&b'(') && j - self.i <= 2
    }

    /// "(1)", "( 3A )", "(a)-(c)" (expanded); returns one label per group consumed (one group).
    fn parens(&mut self) -> Option<Vec<String>> {
        self.skip_spaces();
        if self.peek() != Some(b'(') {
            return None;
        }
        let start = self.i;
        self.i += 1;
        self.skip_spaces();
        let ls = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric()) {
            self.i += 1;
        }
        let label = String::from_utf8_lossy(&self.s[ls..self.i]).to_ascii_lowercase();
        self.skip_spaces();
        if !valid_label(&label) || self.peek() != Some(b')') {
            self.i = start;
            return None;
        }
        self.i += 1;
        Some(vec![label])
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(|b| b == b' ' || b == b'\t') {
            self.i += 1;
        }
    }

    fn peek_dot_sibling(&self) -> bool {
        let s = &self.s[self.i..];
        let n = s.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        n == 1 && !s.get(n).is_some_and(|b| b.is_ascii_alphanumeric()) && s.first().is_some_and(|b| b.is_ascii_lowercase())
    }

    /// ".1" or ".a" in dotted chains, or a bare letter after a separator ("5.1.a&b").
    fn dot_sibling(&mut self) -> Option<Vec<String>> {
        let start = self.i;
        if self.peek() == Some(b'.') {
            self.i += 1;
        }
        let ls = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric()) {
            self.i += 1;
        }
        let n = self.i - ls;
        let next_ok = !self.peek().is_some_and(|b| b.is_ascii_alphanumeric());
        if !(1..=2).contains(&n) || !next_ok {
            self.i = start;
            return None;
        }
        Some(vec![String::from_utf8_lossy(&self.s[ls..self.i]).to_ascii_lowercase()])
    }

    /// ",", "&", "and", "or", "and/or", "/" between items; consumes surrounding spaces.
    fn separator(&mut self) -> bool {
        let save = self.i;
        self.skip_spaces();
        let rest = &self.s[self.i..];
        let lower = |n: usize| rest.get(..n).map(|w| w.to_ascii_lowercase());
        let len = if rest.starts_with(b",") || rest.starts_with(b"&") || rest.starts_with(b"/") {
            1
        } else if lower(7).is_some_and(|w| w.starts_with(b"and/or") && w[6].is_ascii_whitespace()) {
            6
        } else if lower(4).is_some_and(|w| w.starts_with(b"and") && w[3].is_ascii_whitespace()) {
            3
        } else if lower(3).is_some_and(|w| w.starts_with(b"or") && w[2].is_ascii_whitespace()) {
            2
        } else {
            0
        };
        if len == 0 {
            self.i = save;
            return false;
        }
        self.i += len;
        self.skip_ws();
        // "and section 24", "& s.31"
        true
    }

    /// Optional repeated prefix inside a list: "section", "sections", "s.", "ss.", "s", "reg",
    /// "regulation"; says whether there was one.
    fn prefix(&mut self) -> bool {
        let rest = &self.s[self.i..];
        let low: Vec<u8> = rest.iter().take(12).map(|b| b.to_ascii_lowercase()).collect();
        for p in [
            &b"sections "[..],
            b"section ",
            b"regulations ",
            b"regulation ",
            b"regs. ",
            b"reg. ",
            b"regs ",
            b"reg ",
            b"ss. ",
            b"ss.",
            b"s. ",
            b"s.",
            b"s ",
        ] {
            if low.starts_with(p) {
                self.i += p.len();
                self.skip_spaces();
                return true;
            }
        }
        if low.first() == Some(&b's') && low.get(1).is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
            return true;
        }
        false
    }

    fn next_word_is_noun(&self) -> bool {
        let rest = &self.s[self.i..];
        let w: Vec<u8> = rest.iter().skip(1).take_while(|b| b.is_ascii_alphabetic()).map(|b| b.to_ascii_lowercase()).collect();
        matches!(
            w.as_slice(),
            b"officers"
                | b"days"
                | b"hours"
                | b"working"
                | b"people"
                | b"cases"
                | b"months"
                | b"years"
                | b"weeks"
                | b"staff"
                | b"requests"
                | b"questions"
                | b"incidents"
                | b"pages"
                | b"per"
                | b"documents"
                | b"records"
                | b"items"
                | b"emails"
                | b"letters"
                | b"files"
                | b"others"
                | b"other"
                | b"further"
                | b"more"
                | b"individuals"
                | b"members"
                | b"times"
                | b"minutes"
                | b"complaints"
                | b"reports"
        )
    }
}

/// Numbers a bare continuation after a singular prefix may have ("section 12 or 14", "section
/// 17 and 50", "section 77 or 84"): the sections an FOI letter names, grounds and procedural
/// alike; other numbers there are counts ("section 40 and 5 officers").
fn section_like(n: u32) -> bool {
    matches!(n, 1..=3 | 8..=14 | 16..=17 | 19..=46 | 50..=60 | 77 | 78 | 84)
}

/// Subsection labels: "1", "3A", "a", "ii" — not words in brackets like "(as)".
fn valid_label(l: &str) -> bool {
    let digits = l.bytes().take_while(|b| b.is_ascii_digit()).count();
    let rest = &l[digits..];
    if digits > 0 {
        return digits <= 2 && rest.len() <= 1;
    }
    rest.len() == 1 || matches!(rest, "ii" | "iii" | "iv" | "vi" | "vii" | "viii" | "ix" | "xi")
}

fn same_kind(a: &str, b: &str) -> bool {
    let letter = |s: &str| s.len() == 1 && s.as_bytes()[0].is_ascii_lowercase();
    let digit = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    let roman = |s: &str| matches!(s, "i" | "ii" | "iii" | "iv" | "v" | "vi");
    if roman(a) && roman(b) {
        return a != b;
    }
    // "(a)(i)": a roman numeral after a letter goes one level down, except "(h)(i)".
    if letter(a) && roman(b) && a != "h" {
        return false;
    }
    // "(i)" after a letter other than "(h)" opens a roman level: 40(5B)(a)(i).
    (letter(a) && letter(b) && b > a && (b != "i" || a == "h")) || (digit(a) && digit(b) && b != a)
}

/// Whether `label`, named after a separator, is a sibling of `chain[j]`: both numbers ("(2)" and
/// "(3A)"), or both letters, or both roman numerals; a roman level sits under a letter
/// ("(b)(i)"), and "i", "v", "x" may be either.
fn same_level(chain: &[String], j: usize, label: &str) -> bool {
    let digit = |s: &str| s.as_bytes().first().is_some_and(u8::is_ascii_digit);
    let roman = |s: &str| matches!(s, "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x" | "xi");
    let prev = chain[j].as_str();
    if digit(prev) || digit(label) {
        return digit(prev) && digit(label);
    }
    let prev_roman = roman(prev) && (prev.len() > 1 || j > 0 && !digit(&chain[j - 1]));
    if prev_roman {
        roman(label)
    } else {
        label.len() == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str, plural: bool) -> Vec<String> {
        parse_list(s, plural)
            .0
            .iter()
            .map(|i| format!("{}{}", i.number, i.chain.iter().map(|c| format!("({c})")).collect::<String>()))
            .collect()
    }

    #[test]
    fn chains_lists_and_siblings() {
        assert_eq!(show("31(1)(a)&(b) applies", false), ["31(1)(a)", "31(1)(b)"]);
        assert_eq!(show("31(1)(a)(b) – Law", false), ["31(1)(a)", "31(1)(b)"]);
        assert_eq!(show("23(5) and 24(2).", true), ["23(5)", "24(2)"]);
        assert_eq!(show("30(3), 31(3) and 40(5)", true), ["30(3)", "31(3)", "40(5)"]);
        assert_eq!(show("21, 40 & 43", true), ["21", "40", "43"]);
        assert_eq!(show("40(5B)(a)(i)", false), ["40(5b)(a)(i)"]);
        assert_eq!(show("31(1)(g)(h)(i)", false), ["31(1)(g)", "31(1)(h)", "31(1)(i)"]);
        assert_eq!(show("36(2)(b)(i)&(ii)", false), ["36(2)(b)(i)", "36(2)(b)(ii)"]);
        assert_eq!(show("31 (1) (a)", false), ["31(1)(a)"]);
        assert_eq!(show("22A of", false), ["22a"]);
        assert_eq!(show("5.1.a&b or 15.1.a&b", false), ["5(1)(a)", "5(1)(b)", "15(1)(a)", "15(1)(b)"]);
        assert_eq!(show("12(5)(b) and (e)", false), ["12(5)(b)", "12(5)(e)"]);
        assert_eq!(show("43 and\n43A of the", true), ["43", "43a"]);
        assert_eq!(show("21 or section 8 notices", false), ["21", "8"]);
    }

    #[test]
    fn stops_at_ordinary_numbers() {
        assert_eq!(show("40(2) and 3 officers", false), ["40(2)"]);
        assert_eq!(show("12 and 2023", false), ["12"]);
        assert_eq!(show("43. The", false), ["43"]);
        assert!(show("2024", false).is_empty());
        assert_eq!(show("13 (as amended)", false), ["13"]);
    }

    #[test]
    fn space_before_the_subsection() {
        assert_eq!(show("4 (1) and", false), ["4(1)"]);
        assert_eq!(show("31 (1)(a)(b) of the Act", false), ["31(1)(a)", "31(1)(b)"]);
        assert_eq!(show("1 (1) (a) of the Act", false), ["1(1)(a)"]);
        assert_eq!(show("31  (1)(a) applies", false), ["31(1)(a)"]);
        assert_eq!(show("31\t(1) (a)", false), ["31(1)(a)"]);
        assert_eq!(show("17 (1)  (b)", false), ["17(1)(b)"]);
        assert_eq!(show("10 (3) and 17 (2)", false), ["10(3)", "17(2)"]);
        // A bracket on the next line opens a numbered paragraph, not a subsection.
        assert_eq!(show("31\n(1) The figures", false), ["31"]);
        assert_eq!(show("12  (as amended)", false), ["12"]);
    }

    #[test]
    fn alternatives_joined_by_or() {
        assert_eq!(show("30(1)(a) or 31(1)(a)", false), ["30(1)(a)", "31(1)(a)"]);
        assert_eq!(show("12(4)(b) or (e)", false), ["12(4)(b)", "12(4)(e)"]);
        assert_eq!(show("12(4)(b) or (5)(e) applies", false), ["12(4)(b)", "12(5)(e)"]);
        assert_eq!(show("36(2)(b)(i) or (ii)", false), ["36(2)(b)(i)", "36(2)(b)(ii)"]);
        assert_eq!(show("36(2)(b)(i) or (c)", false), ["36(2)(b)(i)", "36(2)(c)"]);
        assert_eq!(show("31(1)(a) or (b)(ii)", false), ["31(1)(a)", "31(1)(b)(ii)"]);
        assert_eq!(show("1(1)(a) or (b) of the Act", false), ["1(1)(a)", "1(1)(b)"]);
        assert_eq!(show("17 (1) or (5)", false), ["17(1)", "17(5)"]);
        assert_eq!(show("30 (1) (a) or 31 (1) (a)", false), ["30(1)(a)", "31(1)(a)"]);
        assert_eq!(show("12 or the cost limit", false), ["12"]);
        assert_eq!(show("40(2) or 3 officers", false), ["40(2)"]);
        assert_eq!(show("12 or 2 hours", false), ["12"]);
        assert_eq!(show("77 or 84 of the Act", false), ["77", "84"]);
        assert_eq!(show("1 or 8 of the Act", false), ["1", "8"]);
        assert_eq!(show("17 and 50 of the Act", false), ["17", "50"]);
        assert_eq!(show("21 and 3 other documents", false), ["21"]);
        assert_eq!(show("40 or 10 documents", false), ["40"]);
        assert_eq!(show("43 and 5 of the report", false), ["43"]);
    }

    #[test]
    fn dotted_and_ampersand_subsections() {
        assert_eq!(show("5.1.a&b", false), ["5(1)(a)", "5(1)(b)"]);
        assert_eq!(show("31.1.a & b of", false), ["31(1)(a)", "31(1)(b)"]);
        assert_eq!(show("38(1)(a)&(b)", false), ["38(1)(a)", "38(1)(b)"]);
        assert_eq!(show("40.2 & 40.3A", false), ["40(2)", "40(3a)"]);
        assert_eq!(show("40.2&40.3A.", false), ["40(2)", "40(3a)"]);
        assert_eq!(show("40(2) & (3A)(a)", false), ["40(2)", "40(3a)(a)"]);
        assert_eq!(show("13(1) and (2A)(a) of the EIR", false), ["13(1)", "13(2a)(a)"]);
        assert_eq!(show("38 (1) (a) & (b)", false), ["38(1)(a)", "38(1)(b)"]);
    }

    #[test]
    fn dates_times_and_decimals_are_not_subsections() {
        assert_eq!(show("31 on 5.1.2024", false), ["31"]);
        assert_eq!(show("40 and 5.1.2024", false), ["40"]);
        assert_eq!(show("12 and 31.12.2023", false), ["12"]);
        assert_eq!(show("12 or 5.1.24", false), ["12"]);
        assert_eq!(show("21, 10.30am", true), ["21"]);
        assert!(show("12.2024", false).is_empty());
    }
}
