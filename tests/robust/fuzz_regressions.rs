//! Replays every input under `tests/fixtures/robust/` (crashes and slow inputs found by the fuzz
//! targets, named `TARGET-*`) through the same checks as the fuzz target that found it.
use super::common::classify_bytes;
use std::path::Path;

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/robust");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let data = std::fs::read(&p).unwrap();
        let t = std::time::Instant::now();
        if name.starts_with("classify-") {
            let _ = classify_bytes(&data);
        } else if name.starts_with("rules-") {
            let text = String::from_utf8_lossy(&data).to_string();
            match foitag::rules::compile::compile(&[("fuzz.toml".into(), text.clone())]) {
                Ok(set) => {
                    let _ = foitag::analyse(&set, &text, None);
                }
                Err(e) => {
                    let _ = e.to_string();
                }
            }
        } else if name.starts_with("cite-") {
            let (plural, rest) = data.split_first().map_or((false, &data[..]), |(b, r)| (b & 1 == 1, r));
            let s = String::from_utf8_lossy(rest);
            let (items, used) = foitag::scan::cite::parse_list(&s, plural);
            assert!(used <= s.len() && s.is_char_boundary(used), "{name}");
            assert_eq!(items.is_empty(), used == 0, "{name}");
        } else {
            continue;
        }
        assert!(t.elapsed().as_secs() < 10, "{name} took {:?}", t.elapsed());
        n += 1;
    }
    eprintln!("{n} fuzz findings replayed");
}
