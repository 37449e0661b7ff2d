//! foitag: classify UK Freedom of Information responses.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cmd;
pub mod compare;
pub mod document;
pub mod input;
