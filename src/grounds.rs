//! Short names of the provisions a letter names, by canonical id: `foia:s31` is "law
//! enforcement", `foisa:s35` too. The title rules (`rules/titles.toml`) name only the grounds
//! that letters cite by title; this table names every ground and the usual procedural sections
//! of the four regimes, as the Acts and Regulations head them.

/// (canonical id, name). Ids as [`crate::scan::canon::canonical`] writes them.
const NAMES: &[(&str, &str)] = &[
    // FOIA 2000: procedure.
    ("foia:s1", "right of access"),
    ("foia:s2", "public interest test"),
    ("foia:s8", "valid request"),
    ("foia:s9", "fees notice"),
    ("foia:s10", "time for compliance"),
    ("foia:s11", "means of communication"),
    ("foia:s13", "fees above the cost limit"),
    ("foia:s16", "advice and assistance"),
    ("foia:s17", "refusal notice"),
    ("foia:s19", "publication scheme"),
    ("foia:s45", "code of practice"),
    ("foia:s46", "records management code"),
    ("foia:s50", "complaint to the Information Commissioner"),
    ("foia:s57", "appeal to the Tribunal"),
    ("foia:s77", "offence of altering records"),
    // FOIA 2000: grounds.
    ("foia:s12", "cost limit"),
    ("foia:s14", "vexatious or repeated request"),
    ("foia:s21", "accessible by other means"),
    ("foia:s22", "intended for future publication"),
    ("foia:s22a", "research"),
    ("foia:s23", "security bodies"),
    ("foia:s24", "national security"),
    ("foia:s26", "defence"),
    ("foia:s27", "international relations"),
    ("foia:s28", "relations within the UK"),
    ("foia:s29", "the economy"),
    ("foia:s30", "investigations and proceedings"),
    ("foia:s31", "law enforcement"),
    ("foia:s32", "court records"),
    ("foia:s33", "audit functions"),
    ("foia:s34", "parliamentary privilege"),
    ("foia:s35", "formulation of government policy"),
    ("foia:s36", "conduct of public affairs"),
    ("foia:s37", "communications with the Sovereign, honours"),
    ("foia:s38", "health and safety"),
    ("foia:s39", "environmental information"),
    ("foia:s40", "personal information"),
    ("foia:s41", "information provided in confidence"),
    ("foia:s42", "legal professional privilege"),
    ("foia:s43", "commercial interests"),
    ("foia:s44", "prohibitions on disclosure"),
    // FOISA 2002: procedure.
    ("foisa:s1", "right of access"),
    ("foisa:s2", "public interest test"),
    ("foisa:s8", "valid request"),
    ("foisa:s9", "fees notice"),
    ("foisa:s10", "time for compliance"),
    ("foisa:s15", "advice and assistance"),
    ("foisa:s16", "refusal notice"),
    ("foisa:s17", "notice that information is not held"),
    ("foisa:s19", "content of notices"),
    ("foisa:s20", "requirement for review"),
    ("foisa:s21", "review by the authority"),
    ("foisa:s47", "application to the Scottish Information Commissioner"),
    ("foisa:s56", "appeal to the Court of Session"),
    ("foisa:s60", "code of practice"),
    // FOISA 2002: grounds.
    ("foisa:s12", "cost limit"),
    ("foisa:s14", "vexatious or repeated request"),
    ("foisa:s18", "neither confirm nor deny"),
    ("foisa:s25", "otherwise accessible"),
    ("foisa:s26", "prohibitions on disclosure"),
    ("foisa:s27", "intended for future publication"),
    ("foisa:s28", "relations within the UK"),
    ("foisa:s29", "formulation of Scottish Administration policy"),
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
    ("foisa:s41", "communications with the Sovereign, honours"),
    // EIR 2004.
    ("eir:r5", "duty to make available"),
    ("eir:r7", "extension of time"),
    ("eir:r9", "advice and assistance"),
    ("eir:r11", "reconsideration"),
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
    ("eir:r12(5)(f)", "interests of the person who supplied it"),
    ("eir:r12(5)(g)", "protection of the environment"),
    ("eir:r12(6)", "neither confirm nor deny"),
    ("eir:r13", "personal data"),
    ("eir:r14", "refusal notice"),
    // EISR 2004.
    ("eisr:r5", "duty to make available"),
    ("eisr:r7", "extension of time"),
    ("eisr:r9", "advice and assistance"),
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
    ("eisr:r10(5)(f)", "interests of the person who supplied it"),
    ("eisr:r10(5)(g)", "protection of the environment"),
    ("eisr:r10(8)", "neither confirm nor deny"),
    ("eisr:r11", "personal data"),
    ("eisr:r13", "refusal notice"),
    ("eisr:r16", "review"),
];

/// The name of a provision by canonical id (`foia:s31` -> "law enforcement"), if it has one.
pub fn name(id: &str) -> Option<&'static str> {
    NAMES.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
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

/// `s31 law enforcement`, `EIR 12(5)(b) course of justice`; the bare provision when unnamed.
pub fn label(id: &str) -> String {
    match name(id) {
        Some(n) => format!("{} {n}", provision(id)),
        None => provision(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_number_is_named_by_its_regime() {
        assert_eq!(label("foia:s31"), "s31 law enforcement");
        assert_eq!(label("foisa:s31"), "FOISA s31 national security and defence");
        assert_eq!(label("eir:r12(5)(b)"), "EIR 12(5)(b) course of justice");
        assert_eq!(label("foia:s84"), "s84");
    }

    #[test]
    fn every_id_is_named_once() {
        let mut ids: Vec<&str> = NAMES.iter().map(|(k, _)| *k).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
