//! Names of the grounds a decision can rely on, so a report says "s23 security bodies" where the
//! tags CSV says `foia:s23`.
//!
//! The rules name only the few grounds that letters cite by title (`rules/titles.toml`); this is
//! the one table of every ground's name. A test checks it against those titles and against the
//! ids the scanner gives grounds, so the two cannot drift apart.

/// Canonical id → short name, for every ground of the four regimes.
const NAMES: &[(&str, &str)] = &[
    ("foia:s12", "cost limit"),
    ("foia:s14", "vexatious or repeated"),
    ("foia:s21", "reasonably accessible"),
    ("foia:s22", "future publication"),
    ("foia:s22a", "research"),
    ("foia:s23", "security bodies"),
    ("foia:s24", "national security"),
    ("foia:s26", "defence"),
    ("foia:s27", "international relations"),
    ("foia:s28", "relations within the UK"),
    ("foia:s29", "the economy"),
    ("foia:s30", "investigations"),
    ("foia:s31", "law enforcement"),
    ("foia:s32", "court records"),
    ("foia:s33", "audit functions"),
    ("foia:s34", "parliamentary privilege"),
    ("foia:s35", "government policy"),
    ("foia:s36", "conduct of public affairs"),
    ("foia:s37", "the Sovereign and honours"),
    ("foia:s38", "health and safety"),
    ("foia:s39", "environmental information"),
    ("foia:s40", "personal information"),
    ("foia:s41", "provided in confidence"),
    ("foia:s42", "legal professional privilege"),
    ("foia:s43", "commercial interests"),
    ("foia:s44", "prohibited by law"),
    ("foisa:s12", "cost limit"),
    ("foisa:s14", "vexatious or repeated"),
    ("foisa:s25", "otherwise accessible"),
    ("foisa:s26", "prohibited by law"),
    ("foisa:s27", "future publication"),
    ("foisa:s28", "relations within the UK"),
    ("foisa:s29", "Scottish Administration policy"),
    ("foisa:s30", "conduct of public affairs"),
    ("foisa:s31", "national security and defence"),
    ("foisa:s32", "international relations"),
    ("foisa:s33", "commercial interests and the economy"),
    ("foisa:s34", "investigations"),
    ("foisa:s35", "law enforcement"),
    ("foisa:s36", "confidentiality"),
    ("foisa:s37", "court records"),
    ("foisa:s38", "personal information"),
    ("foisa:s39", "health and safety, environment"),
    ("foisa:s40", "audit functions"),
    ("foisa:s41", "the Sovereign and honours"),
    ("eir:r12(4)(a)", "not held"),
    ("eir:r12(4)(b)", "manifestly unreasonable"),
    ("eir:r12(4)(c)", "too general"),
    ("eir:r12(4)(d)", "unfinished material"),
    ("eir:r12(4)(e)", "internal communications"),
    ("eir:r12(5)(a)", "international relations, defence, national security, public safety"),
    ("eir:r12(5)(b)", "course of justice"),
    ("eir:r12(5)(c)", "intellectual property"),
    ("eir:r12(5)(d)", "confidentiality of proceedings"),
    ("eir:r12(5)(e)", "commercial confidentiality"),
    ("eir:r12(5)(f)", "interests of the supplier"),
    ("eir:r12(5)(g)", "protection of the environment"),
    ("eir:r13", "personal information"),
    ("eisr:r10(4)(a)", "not held"),
    ("eisr:r10(4)(b)", "manifestly unreasonable"),
    ("eisr:r10(4)(c)", "too general"),
    ("eisr:r10(4)(d)", "unfinished material"),
    ("eisr:r10(4)(e)", "internal communications"),
    ("eisr:r10(5)(a)", "international relations, defence, national security, public safety"),
    ("eisr:r10(5)(b)", "course of justice"),
    ("eisr:r10(5)(c)", "intellectual property"),
    ("eisr:r10(5)(d)", "confidentiality of proceedings"),
    ("eisr:r10(5)(e)", "commercial confidentiality"),
    ("eisr:r10(5)(f)", "interests of the supplier"),
    ("eisr:r10(5)(g)", "protection of the environment"),
    ("eisr:r11", "personal information"),
];

/// The name of a ground (`foia:s23` → `security bodies`); `None` for ids it does not know.
pub fn name(id: &str) -> Option<&'static str> {
    NAMES.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
}

/// Every id the table names.
pub fn ids() -> impl Iterator<Item = &'static str> {
    NAMES.iter().map(|(k, _)| *k)
}

/// The provision as a reader writes it: FOIA sections bare (`s23`), the other regimes with
/// their Act (`FOISA s35`, `EIR 12(5)(b)`).
pub fn provision(id: &str) -> String {
    let Some((regime, number)) = id.split_once(':') else { return id.to_string() };
    match regime {
        "foia" => number.to_string(),
        "foisa" => format!("FOISA {number}"),
        "eir" | "eisr" => format!("{} {}", regime.to_ascii_uppercase(), number.trim_start_matches('r')),
        _ => id.to_string(),
    }
}

/// `s23 security bodies`, `EIR 12(5)(b) course of justice`; the bare provision when unnamed.
pub fn label(id: &str) -> String {
    match name(id) {
        Some(n) => format!("{} {n}", provision(id)),
        None => provision(id),
    }
}
