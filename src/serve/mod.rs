//! `foitag serve`: a local web page and JSON API over the classifier.
//!
//! `POST /api/classify` takes the raw bytes of one document (its file name, in a `filename`
//! query parameter or an `X-Filename` header, picks the format; plain text otherwise) and
//! answers with the report of `docs/json.md`; `GET /api/health` says the server is up; `GET /`
//! is the page, whose HTML, CSS and script are embedded in the binary. The rule set is compiled
//! once and shared; each document is classified on a blocking thread, at most one per core at
//! a time. Nothing a user sends is written to disk or logged.
mod api;
mod assets;

use crate::rules::RuleSet;
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// What every request shares.
pub struct State {
    /// The compiled rules.
    pub rules: RuleSet,
    /// Documents larger than this many bytes are refused (413).
    pub max_bytes: u64,
    /// Classifications allowed to run at once.
    workers: Semaphore,
}

impl State {
    /// State for a server with `rules`, refusing documents over `max_bytes`.
    pub fn new(rules: RuleSet, max_bytes: u64) -> Arc<State> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Arc::new(State { rules, max_bytes, workers: Semaphore::new(cores) })
    }
}

/// The routes of the page and the API.
pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::script))
        .route("/style.css", get(assets::style))
        .route("/api/health", get(api::health))
        .route("/api/classify", post(api::classify))
        .fallback(api::not_found)
        // The classify handler reads the body itself, to answer 413 in JSON.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .with_state(state)
}

/// Serve `router(state)` on `listener` until `shutdown` completes; requests in flight finish.
pub async fn run(
    listener: tokio::net::TcpListener,
    state: Arc<State>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown).await
}
