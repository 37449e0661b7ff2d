//! `foitag serve [--port 8080] [--host 127.0.0.1]`: the web page and JSON API (see
//! `foitag::serve`) until Ctrl-C. Prints the URL; logs nothing about what users send.
use super::RulesArg;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};

/// Arguments of `foitag serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Port to listen on (0: any free port; the URL printed says which).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on. Anything but a loopback address lets other machines send documents.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Documents larger than this many bytes are refused (413).
    #[arg(long, default_value_t = foitag::input::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// Run the subcommand: serve until Ctrl-C.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    let rules = args.rules.load()?;
    let state = foitag::serve::State::new(rules, args.max_bytes);
    if !args.host.is_loopback() {
        eprintln!(
            "foitag: warning: listening on {} lets anyone who can reach this machine send documents; use --host 127.0.0.1 to keep it local",
            args.host
        );
    }
    // A small runtime: I/O on two threads; classification runs on its blocking pool.
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_io().build()?;
    runtime.block_on(async {
        let addr = SocketAddr::new(args.host, args.port);
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr()?;
        let host = if local.ip().is_unspecified() { "127.0.0.1".to_string() } else { url_host(local.ip()) };
        // Listen for Ctrl-C before saying the server is up: a Ctrl-C right after the URL
        // appears must stop it, not kill it.
        #[cfg(unix)]
        let mut interrupt = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
        let stop = async move {
            #[cfg(unix)]
            interrupt.recv().await;
            #[cfg(not(unix))]
            let _ = tokio::signal::ctrl_c().await;
        };
        let mut out = std::io::stdout().lock();
        writeln!(out, "foitag serve: http://{host}:{}/  (Ctrl-C to stop)", local.port())?;
        out.flush()?;
        drop(out);
        foitag::serve::run(listener, state, stop).await?;
        eprintln!("foitag serve: stopped");
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(0)
}

/// An address as it appears in a URL (IPv6 in brackets).
fn url_host(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}
