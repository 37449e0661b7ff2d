//! E-mail messages (.eml, one mbox message): body, text attachments, headers.

use super::attachment::{self, kind_of, Kind};
use super::decode::{decode_raw, normalise};
use super::html::html_to_text;
use super::InputError;
use mail_parser::{Encoding, Message, MessageParser, MessagePart, MimeHeaders, PartType};

/// Forwarded messages nest; deeper ones are almost always quoting loops.
const MAX_NESTING: usize = 3;

/// What a message contributes to a document.
pub(crate) struct Mail {
    pub text: String,
    /// `Display Name <address>`, for the classifier to resolve the authority.
    pub sender: Option<String>,
    /// RFC 3339 date-time of the `Date:` header.
    pub date: Option<String>,
    pub subject: Option<String>,
}

/// Parse one message: its rendered text (see [`render`]) and headers.
pub(crate) fn parse_email(bytes: &[u8], max_bytes: u64) -> Result<Mail, InputError> {
    let msg = MessageParser::default().parse(bytes).ok_or_else(|| InputError::new("unreadable e-mail: no message headers"))?;
    Ok(Mail {
        text: render(&msg, max_bytes, 0),
        sender: msg
            .from()
            .and_then(|a| a.first())
            .map(|a| match (a.name.as_deref(), a.address.as_deref()) {
                (Some(n), Some(ad)) => format!("{n} <{ad}>"),
                (Some(n), None) => n.to_owned(),
                (None, Some(ad)) => format!("<{ad}>"),
                (None, None) => String::new(),
            })
            .filter(|s| !s.is_empty()),
        date: msg.date().map(|d| d.to_rfc3339()),
        subject: msg.subject().map(str::to_owned),
    })
}

/// The text of an e-mail attached to another input (an archive member), rendered as a
/// top-level message; pass it to [`attachment::extract`].
pub(crate) fn attached_text(bytes: &[u8], max_bytes: u64) -> Result<String, InputError> {
    parse_email(bytes, max_bytes).map(|m| m.text)
}

/// Body first (plain text preferred, else the HTML converted), then each
/// attachment with extractable text after a separator line.
fn render(msg: &Message<'_>, max_bytes: u64, depth: usize) -> String {
    let bodies = |ids: &[u32]| -> String {
        let texts: Vec<String> = ids
            .iter()
            .filter_map(|&id| msg.parts.get(id as usize))
            .filter_map(|part| part_text(msg, part))
            .filter(|t| !t.trim().is_empty())
            .collect();
        normalise(texts.join("\n\n").trim_end())
    };
    // Some mailers send an empty text/plain alternative next to the real HTML.
    let mut text = bodies(&msg.text_body);
    if text.trim().is_empty() {
        text = bodies(&msg.html_body);
    }
    for &id in &msg.attachments {
        let Some(part) = msg.parts.get(id as usize) else {
            continue;
        };
        if let PartType::Message(inner) = &part.body {
            if depth < MAX_NESTING {
                let name = match inner.subject() {
                    Some(s) => format!("forwarded message: {s}"),
                    None => "forwarded message".to_owned(),
                };
                attachment::append(&mut text, &name, Ok(render(inner, max_bytes, depth + 1)));
            }
            continue;
        }
        let name = part.attachment_name().unwrap_or("unnamed");
        let ct = part.content_type().map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub),
            None => ct.ctype().to_owned(),
        });
        let result = match &part.body {
            PartType::Text(_) | PartType::Html(_) => part_text(msg, part).map(|t| Ok(normalise(&t))),
            PartType::Binary(b) | PartType::InlineBinary(b) => {
                kind_of(name, ct.as_deref()).map(|kind| binary_text(kind, b, max_bytes, depth))
            }
            _ => None,
        };
        if let Some(result) = result {
            attachment::append(&mut text, name, result);
        }
    }
    text
}

/// The text of an attachment sent as a binary part of a message at `depth`.
fn binary_text(kind: Kind, bytes: &[u8], max_bytes: u64, depth: usize) -> Result<String, InputError> {
    attachment::extract(kind, bytes, max_bytes, |bytes, max_bytes| nested_text(bytes, max_bytes, depth))
}

/// A nested e-mail sent as a binary part still gets the depth limit.
fn nested_text(bytes: &[u8], max_bytes: u64, depth: usize) -> Result<String, InputError> {
    let msg = MessageParser::default().parse(bytes).ok_or_else(|| InputError::new("unreadable e-mail: no message headers"))?;
    Ok(if depth < MAX_NESTING { render(&msg, max_bytes, depth + 1) } else { String::new() })
}

fn part_text(msg: &Message<'_>, part: &MessagePart<'_>) -> Option<String> {
    match &part.body {
        PartType::Text(t) => Some(recover_8bit(msg, part, t)),
        PartType::Html(h) => Some(html_to_text(&recover_8bit(msg, part, h)).text),
        _ => None,
    }
}

/// mail-parser decodes an unlabelled (or unknown-charset) 8-bit part as lossy
/// UTF-8, turning a windows-1252 `£` into U+FFFD; redecode such raw bodies.
fn recover_8bit(msg: &Message<'_>, part: &MessagePart<'_>, text: &str) -> String {
    if !text.contains('\u{FFFD}') || part.encoding != Encoding::None {
        return text.to_owned();
    }
    let (start, end) = (part.offset_body as usize, part.offset_end as usize);
    match msg.raw_message.get(start..end) {
        Some(raw) => decode_raw(raw),
        None => text.to_owned(),
    }
}
