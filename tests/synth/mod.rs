//! Synthetic tags CSVs for the compare tests, generated in code rather than shipped as fixtures.
#![allow(dead_code)] // each test crate uses a different part of this helper

/// Header as `foitag tag` writes it, plus passthrough `request` and `date` columns.
pub const HEADER: [&str; 14] = [
    "id",
    "authority",
    "regime",
    "outcome",
    "ncnd",
    "cited",
    "mentioned",
    "messages",
    "stages",
    "wdtk_state",
    "review",
    "why",
    "request",
    "date",
];

/// One synthetic document.
#[derive(Clone, Debug)]
pub struct Doc {
    pub authority: String,
    pub outcome: &'static str,
    pub ncnd: bool,
    pub cited: String,
    pub request: String,
    pub regime: &'static str,
    pub review: bool,
}

impl Doc {
    pub fn new(authority: &str, outcome: &'static str, ncnd: bool, cited: &str, request: &str) -> Doc {
        Doc { authority: authority.into(), outcome, ncnd, cited: cited.into(), request: request.into(), regime: "foia", review: false }
    }

    /// The same document under another regime.
    pub fn regime(self, regime: &'static str) -> Doc {
        Doc { regime, ..self }
    }

    /// The same document marked `review=yes`.
    pub fn review(self) -> Doc {
        Doc { review: true, ..self }
    }
}

/// Serialise documents as a tags CSV (quoted by the csv crate, as `foitag tag` would).
pub fn to_csv(docs: &[Doc]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).unwrap();
    for (i, d) in docs.iter().enumerate() {
        let id = format!("doc{i:04}");
        let ncnd = if d.ncnd { "yes" } else { "no" };
        let date = format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1);
        w.write_record([
            id.as_str(),
            &d.authority,
            d.regime,
            d.outcome,
            ncnd,
            &d.cited,
            "",
            "1",
            "1",
            "",
            if d.review { "yes" } else { "no" },
            "synthetic, \"quoted\"",
            &d.request,
            &date,
        ])
        .unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The outlier force of [`ncnd_outlier`].
pub const OUTLIER: &str = "Force A";

/// Ten forces of 20 decisions each plus one acknowledgement each: Force A neither confirms
/// nor denies in 16 of 20, the nine others in 2 of 20.
pub fn ncnd_outlier() -> Vec<Doc> {
    let forces = ["Force A", "Force B", "Force C", "Force D", "Force E", "Force F", "Force G", "Force H", "Force I", "Force J"];
    let mut docs = Vec::new();
    for f in forces {
        let ncnd = if f == OUTLIER { 16 } else { 2 };
        docs.push(Doc::new(f, "acknowledgement", false, "", "req-1"));
        for j in 0..20 {
            let req = format!("req-{}", j + 1);
            if j < ncnd {
                docs.push(Doc::new(f, "refused", true, "foia:s23;foia:s24", &req));
            } else {
                docs.push(Doc::new(f, "provided", false, "", &req));
            }
        }
    }
    docs
}

/// A livelier run for the HTML report: twelve forces, several grounds, a tiny force
/// below min-n, review results, and a name that tries HTML injection.
pub fn rich() -> Vec<Doc> {
    let forces = [
        "Avon and Somerset",
        "Cheshire",
        "Cumbria",
        "Devon & Cornwall",
        "Dorset",
        "Essex",
        "Gwent",
        "Kent",
        "Merseyside",
        "North Yorkshire",
        "Suffolk",
        "<script>alert('x')</script> Police",
    ];
    let grounds = ["foia:s30", "foia:s31", "foia:s38", "foia:s40", "foia:s43", "foia:s12"];
    let mut docs = Vec::new();
    for (fi, f) in forces.iter().enumerate() {
        let n = if fi == 6 { 3 } else { 18 + (fi * 7) % 11 };
        docs.push(Doc::new(f, "acknowledgement", false, "", "Speed cameras"));
        if fi % 3 == 0 {
            docs.push(Doc::new(f, "extension", false, "", "Drone use"));
        }
        for j in 0..n {
            let req = ["Speed cameras", "Drone use", "Stop and search", "Firearms licences", "Informant payments"][j % 5];
            let k = (fi * 13 + j * 7) % 20;
            let (outcome, ncnd, cited) = match (fi, k) {
                (4, 0..=11) => ("refused", true, "foia:s23;foia:s24;foia:s31".to_string()),
                (9, 0..=9) => ("not_held", false, String::new()),
                (_, 0..=2) => ("refused", false, format!("{};{}", grounds[(fi + j) % 6], grounds[(j * 5) % 6])),
                (_, 3..=4) => ("partial", false, grounds[3].to_string()),
                (_, 5) => ("not_held", false, String::new()),
                (_, 6) if fi % 2 == 0 => ("review_upheld", false, grounds[1].to_string()),
                (_, 7) => ("refused", true, "foia:s24".to_string()),
                _ => ("provided", false, String::new()),
            };
            docs.push(Doc::new(f, outcome, ncnd, &cited, req));
        }
    }
    docs
}
