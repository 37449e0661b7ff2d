//! The one error type of the input layer: a human-readable reason for an error row.

/// Why one input could not be turned into a document.
///
/// A plain reason string rather than an enum: callers only ever report it in an
/// error row, and the reason must carry context (line numbers, sizes, io errors).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct InputError {
    /// What went wrong, as shown in the error row.
    pub reason: String,
}

impl InputError {
    /// An error with this reason.
    pub fn new(reason: impl Into<String>) -> Self {
        InputError { reason: reason.into() }
    }

    /// The input was over the size limit (`--max-bytes`), itself or once decompressed.
    pub fn is_too_large(&self) -> bool {
        self.reason.starts_with("too large")
    }

    pub(crate) fn unreadable(err: impl std::fmt::Display) -> Self {
        InputError::new(format!("unreadable: {err}"))
    }

    pub(crate) fn too_large(len: u64, max: u64) -> Self {
        InputError::new(format!("too large: {len} bytes over --max-bytes {max}"))
    }

    pub(crate) fn binary() -> Self {
        InputError::new("not text: binary content")
    }
}
