//! Canonical ids: mapping a parsed item to `foia:s31`, `eir:r12(5)(b)`... once the regime is known.
use super::cite::RawItem;
pub use crate::vocab::Regime;

/// A provision named in a text, in canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canon {
    /// Section/paragraph-level id (`foia:s31`, `eir:r12(5)(b)`).
    pub id: String,
    /// Full chain (`foia:s31(1)(a)`).
    pub detail: String,
    /// Regime whose numbering the id uses.
    pub regime: Regime,
    /// A ground a decision can rely on (exemption, exception, cost, vexatious).
    pub ground: bool,
    /// An NCND provision (FOIA 24(2)..., FOISA 18, EIR 12(6), EISR 10(8)).
    pub ncnd: bool,
}

/// What relying on a ground does with the information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Withholds it (an exemption or exception).
    Withholds,
    /// Points to where it is published (FOIA s21, FOISA s25).
    Published,
    /// Says it is not held (EIR 12(4)(a), EISR 10(4)(a)).
    NotHeld,
    /// Refuses on cost (FOIA/FOISA s12).
    Cost,
    /// Routes the request to the environmental regulations (FOIA s39, FOISA s39(2)): the
    /// decision is then made under them.
    Routes,
}

impl Canon {
    /// What relying on this ground does.
    pub fn effect(&self) -> Effect {
        match self.id.as_str() {
            "foia:s21" | "foisa:s25" => Effect::Published,
            "eir:r12(4)(a)" | "eisr:r10(4)(a)" => Effect::NotHeld,
            "foia:s12" | "foisa:s12" => Effect::Cost,
            "foia:s39" => Effect::Routes,
            "foisa:s39" if self.detail.starts_with("foisa:s39(2)") => Effect::Routes,
            _ => Effect::Withholds,
        }
    }
}

const FOIA_GROUNDS: &[&str] = &[
    "12", "14", "21", "22", "22a", "23", "24", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40",
    "41", "42", "43", "44",
];
/// FOIA NCND subsections: (section, subsection).
const FOIA_NCND: &[(&str, &str)] = &[
    ("22", "2"),
    ("22a", "2"),
    ("23", "5"),
    ("24", "2"),
    ("26", "3"),
    ("27", "4"),
    ("28", "3"),
    ("29", "2"),
    ("30", "3"),
    ("31", "3"),
    ("32", "3"),
    ("33", "3"),
    ("34", "2"),
    ("35", "3"),
    ("36", "3"),
    ("37", "2"),
    ("38", "2"),
    ("39", "2"),
    ("40", "5"),
    ("40", "5a"),
    ("40", "5b"),
    ("41", "2"),
    ("42", "2"),
    ("43", "3"),
    ("44", "2"),
];

/// Map a parsed item; `None` when the number is not a provision of that regime.
pub fn canonical(item: &RawItem, regime: Regime) -> Option<Canon> {
    let n: u32 = item.number.trim_end_matches('a').parse().ok()?;
    let chain: String = item.chain.iter().map(|c| format!("({c})")).collect();
    let first = item.chain.first().map(String::as_str);
    let (id, ground, ncnd) = match regime {
        Regime::Foia => {
            // Sections an FOI letter can use; others (s5 designation orders, Parts VI-VIII) are
            // far likelier to be sections of some other document.
            if !matches!(n, 1..=3 | 8..=14 | 16..=17 | 19..=46 | 50..=60 | 77 | 78 | 84) {
                return None;
            }
            let ground = FOIA_GROUNDS.contains(&item.number.as_str());
            let ncnd = first.is_some_and(|f| FOIA_NCND.contains(&(item.number.as_str(), f)));
            (format!("foia:s{}", item.number), ground, ncnd)
        }
        Regime::Foisa => {
            if !matches!(n, 1..=2 | 8..=41 | 43 | 47..=56 | 60 | 65) || item.number.ends_with('a') {
                return None;
            }
            let ground = n == 12 || n == 14 || (25..=41).contains(&n);
            (format!("foisa:s{n}"), ground, n == 18)
        }
        Regime::Eir => {
            if !(1..=21).contains(&n) || item.number.ends_with('a') {
                return None;
            }
            regs_id("eir", n, 12, 13, &item.chain)
        }
        Regime::Eisr => {
            if !(1..=21).contains(&n) || item.number.ends_with('a') {
                return None;
            }
            regs_id("eisr", n, 10, 11, &item.chain)
        }
    };
    Some(Canon { detail: format!("{}{}", id_prefix(&id), chain), id, regime, ground, ncnd })
}

fn id_prefix(id: &str) -> &str {
    id.split('(').next().unwrap_or(id)
}

/// Regulations: the exceptions regulation is kept at paragraph level, the personal-data one at
/// regulation level; the NCND paragraph is 12(6) / 10(8).
fn regs_id(act: &str, n: u32, exceptions: u32, personal: u32, chain: &[String]) -> (String, bool, bool) {
    if n == exceptions {
        let para = chain.first().map(String::as_str);
        let ncnd_para = if exceptions == 12 { "6" } else { "8" };
        return match (para, chain.get(1)) {
            (Some(p @ ("4" | "5")), Some(letter)) if letter.len() == 1 && letter.as_bytes()[0].is_ascii_lowercase() => {
                (format!("{act}:r{n}({p})({letter})"), true, false)
            }
            (Some(p), _) => (format!("{act}:r{n}({p})"), false, p == ncnd_para),
            (None, _) => (format!("{act}:r{n}"), false, false),
        };
    }
    if n == personal {
        let ncnd = chain.first().is_some_and(|p| p.starts_with('5') || p == "6");
        return (format!("{act}:r{n}"), true, ncnd);
    }
    (format!("{act}:r{n}"), false, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: &str, chain: &[&str]) -> RawItem {
        RawItem { number: n.into(), chain: chain.iter().map(|s| s.to_string()).collect() }
    }

    #[test]
    fn regimes_map_numbers_differently() {
        let c = canonical(&item("31", &["3"]), Regime::Foia).unwrap();
        assert_eq!((c.id.as_str(), c.ground, c.ncnd), ("foia:s31", true, true));
        let c = canonical(&item("17", &[]), Regime::Foisa).unwrap();
        assert_eq!((c.id.as_str(), c.ground), ("foisa:s17", false));
        let c = canonical(&item("12", &["5", "b"]), Regime::Eir).unwrap();
        assert_eq!((c.id.as_str(), c.detail.as_str()), ("eir:r12(5)(b)", "eir:r12(5)(b)"));
        let c = canonical(&item("12", &["6"]), Regime::Eir).unwrap();
        assert_eq!((c.id.as_str(), c.ground, c.ncnd), ("eir:r12(6)", false, true));
        let c = canonical(&item("10", &["4", "b"]), Regime::Eisr).unwrap();
        assert_eq!(c.id, "eisr:r10(4)(b)");
        assert_eq!(canonical(&item("22a", &["1"]), Regime::Foia).unwrap().detail, "foia:s22a(1)");
        assert!(canonical(&item("136", &[]), Regime::Foia).is_none());
        assert!(canonical(&item("50", &[]), Regime::Eir).is_none());
    }

    #[test]
    fn procedural_sections_keep_their_subsections() {
        for (n, chain, detail) in [
            ("1", &["1", "a"][..], "foia:s1(1)(a)"),
            ("8", &["1", "c"][..], "foia:s8(1)(c)"),
            ("10", &["3"][..], "foia:s10(3)"),
            ("16", &["1"][..], "foia:s16(1)"),
            ("17", &["5"][..], "foia:s17(5)"),
            ("77", &["1"][..], "foia:s77(1)"),
            ("84", &[][..], "foia:s84"),
        ] {
            let c = canonical(&item(n, chain), Regime::Foia).unwrap();
            assert_eq!((c.id, c.detail.as_str(), c.ground), (format!("foia:s{n}"), detail, false));
        }
        let c = canonical(&item("12", &["4", "b"]), Regime::Eir).unwrap();
        assert_eq!(c.detail, "eir:r12(4)(b)");
        let c = canonical(&item("12", &["5", "e"]), Regime::Eir).unwrap();
        assert_eq!(c.id, "eir:r12(5)(e)");
    }
}
