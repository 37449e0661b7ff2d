//! Fuzz target: arbitrary text as one rule file through the rule compiler and diagnostic renderer.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match foitag::rules::compile::compile(&[("fuzz.toml".into(), text.to_string())]) {
        Ok(set) => {
            for w in &set.warnings {
                let _ = w.to_string();
            }
            // A rule set that compiled must also scan without panicking.
            let _ = foitag::analyse(&set, text, None);
        }
        Err(e) => {
            assert!(e.0.iter().any(|d| d.is_error()));
            let _ = e.to_string();
        }
    }
});
