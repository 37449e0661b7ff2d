//! Finding the columns of a CSV header by name, the same way for every CSV foitag reads.

/// Position of column `name` in `header`. Names are compared trimmed and ASCII
/// case-insensitively; a column spelled exactly like `name` wins over one that differs only in
/// case, otherwise the first match does.
pub fn position<'h>(header: impl IntoIterator<Item = &'h str>, name: &str) -> Option<usize> {
    let names: Vec<&str> = header.into_iter().map(str::trim).collect();
    let name = name.trim();
    names.iter().position(|h| *h == name).or_else(|| names.iter().position(|h| same(h, name)))
}

/// Whether header cell `cell` names column `name`: trimmed, ASCII case-insensitive.
pub fn same(cell: &str, name: &str) -> bool {
    cell.trim().eq_ignore_ascii_case(name.trim())
}

#[cfg(test)]
mod tests {
    use super::position;

    #[test]
    fn names_match_trimmed_and_in_any_case() {
        let header = csv::StringRecord::from(vec!["id", " Outcome ", "CITED"]);
        assert_eq!(position(&header, "outcome"), Some(1));
        assert_eq!(position(&header, "cited"), Some(2));
        assert_eq!(position(&header, " id"), Some(0));
        assert_eq!(position(&header, "ncnd"), None);
    }

    #[test]
    fn an_exact_spelling_wins() {
        assert_eq!(position(["subject", "Subject"], "Subject"), Some(1));
        assert_eq!(position(["subject", "Subject"], "SUBJECT"), Some(0));
    }
}
