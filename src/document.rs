//! A document to classify: decoded text plus the metadata its source carried.

/// One input document. Byte offsets in findings refer to `text`.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Stable identifier: the path relative to the folder given, extension kept (a file given
    /// by name: its file name), or the id a manifest or JSON line gives.
    pub id: String,
    /// Decoded text (UTF-8, line ends as in the source after decoding).
    pub text: String,
    /// Metadata carried by the source (manifest columns, e-mail headers ...).
    pub meta: Meta,
}

/// Metadata that a source may supply; all optional.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// Authority named by the source (manifest column, e-mail sender, folder name).
    pub authority: Option<String>,
    /// Request identifier or title supplied by the source.
    pub request: Option<String>,
    /// Date of the message or request.
    pub date: Option<String>,
    /// Subject line or request title.
    pub subject: Option<String>,
    /// URL of the request (WhatDoTheyKnow).
    pub url: Option<String>,
    /// E-mail sender as `Display Name <address>`; the classifier resolves the
    /// authority from it, since a display name alone may be a person's.
    pub sender: Option<String>,
    /// The file the document was read from, as found (a folder argument joined with the path
    /// below it, or a manifest's `path` beside the manifest); none for inline text.
    pub path: Option<String>,
    /// Extra columns passed through unchanged (manifest), in order.
    pub extra: Vec<(String, String)>,
}
