//! The JSON API: classify one document, health, and JSON errors with a 4xx status for bad input.
use super::State;
use crate::input::{InputError, LoadOptions};
use axum::body::Body;
use axum::extract::{RawQuery, State as Shared};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use std::sync::Arc;

/// Bytes read past `--max-bytes` before the connection is given up: a client that sends a
/// little too much gets its 413 on a connection that stays in order.
const DRAIN: u64 = 64 * 1024 * 1024;

/// A failed request: its status and the reason in words.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError { status, message: message.into() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message, "status": self.status.as_u16() });
        (self.status, axum::Json(body)).into_response()
    }
}

/// An input that could not be read: too large is 413, anything else about the bytes 422.
impl From<InputError> for ApiError {
    fn from(e: InputError) -> Self {
        let status = if e.is_too_large() { StatusCode::PAYLOAD_TOO_LARGE } else { StatusCode::UNPROCESSABLE_ENTITY };
        ApiError::new(status, e.reason)
    }
}

/// `GET /api/health`.
pub async fn health() -> Response {
    axum::Json(serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") })).into_response()
}

/// Anything else.
pub async fn not_found() -> Response {
    ApiError::new(StatusCode::NOT_FOUND, "no such page: the API is POST /api/classify and GET /api/health").into_response()
}

/// `POST /api/classify`: the report of one document (`?format=csv`: its wide CSV row, as
/// `foitag classify` writes it), or a JSON error.
pub async fn classify(Shared(state): Shared<Arc<State>>, RawQuery(query): RawQuery, headers: HeaderMap, body: Body) -> Response {
    let request = match Request::parse(query.as_deref(), &headers) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    match classify_request(state, request.name, body).await {
        Ok(report) if request.csv => match csv_row(&report) {
            Ok(csv) => ([(axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response(),
            Err(e) => e.into_response(),
        },
        Ok(report) => axum::Json(report).into_response(),
        Err(e) => e.into_response(),
    }
}

/// What a classify request asks for.
struct Request {
    /// The document's file name, which picks its format.
    name: Option<String>,
    /// The wide CSV row rather than the JSON report.
    csv: bool,
}

impl Request {
    /// `filename` (query, else the `X-Filename` header) and `format` (`json` or `csv`).
    fn parse(query: Option<&str>, headers: &HeaderMap) -> Result<Request, ApiError> {
        let params: Vec<(String, String)> = match query {
            Some(q) => {
                serde_urlencoded::from_str(q).map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, format!("bad query string: {e}")))?
            }
            None => vec![],
        };
        let get = |key: &str| params.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let csv = match get("format").as_deref() {
            None | Some("json") => false,
            Some("csv") => true,
            Some(other) => return Err(ApiError::new(StatusCode::BAD_REQUEST, format!("unknown format `{other}` (allowed: json, csv)"))),
        };
        let name = match get("filename") {
            Some(v) => Some(v),
            None => match headers.get("x-filename") {
                Some(v) => Some(
                    v.to_str()
                        .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, "X-Filename must be ASCII (use ?filename= for other names)"))?
                        .to_string(),
                ),
                None => None,
            },
        };
        Ok(Request { name: name.filter(|n| !n.is_empty()), csv })
    }
}

/// The wide CSV row (with its header) of a classified document.
fn csv_row(report: &Classified) -> Result<Vec<u8>, ApiError> {
    let fail = |e: &dyn std::fmt::Display| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, format!("could not write CSV: {e}"));
    let mut w = crate::output::CsvWriter::new(Vec::new(), &[]).map_err(|e| fail(&e))?;
    w.write(&report.wide).map_err(|e| fail(&e))?;
    w.into_inner().map_err(|e| fail(&e))
}

async fn classify_request(state: Arc<State>, name: Option<String>, body: Body) -> Result<Classified, ApiError> {
    let bytes = read_body(body, state.max_bytes).await?;
    if bytes.is_empty() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "empty request: send the document's bytes as the request body"));
    }
    let _permit = state.workers.acquire().await.map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping"))?;
    let shared = state.clone();
    tokio::task::spawn_blocking(move || classify_bytes(&shared, name.as_deref(), bytes))
        .await
        .map_err(|_| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "the classifier could not finish this document"))?
}

/// A classified document as the API answers with it.
struct Classified {
    report: crate::json::Report,
    wide: crate::output::WideRow,
}

impl serde::Serialize for Classified {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.report.serialize(s)
    }
}

/// Load and classify on this (blocking) thread. A crash while classifying (a bug) is that
/// document's error, not the server's.
fn classify_bytes(state: &State, name: Option<&str>, bytes: Vec<u8>) -> Result<Classified, ApiError> {
    let opts = LoadOptions { max_bytes: state.max_bytes, authority_from_dir: false };
    // The id rule of `classify FILE`: the file's name as given, with its extension.
    let id = name.map(|n| std::path::Path::new(n).file_name().map_or(n.to_string(), |s| s.to_string_lossy().into_owned()));
    let doc = crate::input::document_from_bytes(id.as_deref().unwrap_or("pasted"), name, bytes, &opts)?;
    let rules = &state.rules;
    Ok(crate::input::guard::guarded("classifier", || {
        let a = crate::analyse_document(rules, &doc);
        Ok(Classified { report: crate::json::report(rules, &doc, &a, true), wide: crate::output::WideRow::from_analysis(&doc, &a) })
    })?)
}

/// The whole body, or 413 once it passes `max` bytes. A body over the limit is read on (to
/// [`DRAIN`] more bytes) and dropped, so the client sees the 413 rather than a broken connection.
async fn read_body(mut body: Body, max: u64) -> Result<Vec<u8>, ApiError> {
    let too_large = |n: u64| ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("too large: {n} bytes or more, over --max-bytes {max}"));
    let mut bytes = Vec::new();
    let mut total: u64 = 0;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, format!("could not read the request body: {e}")))?;
        let Ok(data) = frame.into_data() else { continue };
        total += data.len() as u64;
        if total <= max {
            bytes.extend_from_slice(&data);
        } else {
            bytes = Vec::new();
            if total > max.saturating_add(DRAIN) {
                return Err(too_large(total));
            }
        }
    }
    if total > max {
        return Err(too_large(total));
    }
    Ok(bytes)
}
