//! Hostile and broken input: properties, pathological inputs, fuzz regressions, rule
//! diagnostics and exit codes. One test binary with a module per concern, to keep link time down.
mod cli;
mod common;
mod fuzz_regressions;
mod pathological;
mod props;
mod rules_errors;
