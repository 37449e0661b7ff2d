//! Command-line shell over the foitag library.
fn main() {}
