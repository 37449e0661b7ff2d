//! A `foitag serve` process for a test: started on a free port, stopped when dropped.
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The running server and its base URL (`http://127.0.0.1:PORT`, no trailing slash).
pub struct Server {
    child: Child,
    pub url: String,
}

impl Server {
    /// Start `foitag serve --port 0` with `args`, and wait for the URL it prints.
    pub fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_foitag"))
            .args(["serve", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start foitag serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).expect("the URL line");
        let url = line.split_whitespace().find(|w| w.starts_with("http://")).expect("a URL").trim_end_matches('/').to_string();
        Server { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
