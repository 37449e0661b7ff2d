//! Zip inputs: WhatDoTheyKnow "download all correspondence" archives, and
//! any other zip as a bundle of its readable files.

use super::archive::{read_all, Entry};
use super::attachment::{self, kind_of};
use super::correspondence::{self, Thread};
use super::decode::decode_text;
use super::email::attached_text;
use super::pdf::pdf_to_text;
use super::InputError;
use crate::document::Meta;

/// Text and metadata of one archive.
pub(crate) fn zip_to_text(bytes: &[u8], max_bytes: u64) -> Result<(String, Meta), InputError> {
    let mut entries = read_all(bytes, max_bytes)?;
    let base = |e: &Entry| e.name.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    let thread_at = entries
        .iter()
        .position(|e| base(e) == "correspondence.txt")
        .or_else(|| entries.iter().position(|e| base(e) == "correspondence.pdf"));
    let Some(at) = thread_at else {
        return bundle(entries, max_bytes).map(|t| (t, Meta::default()));
    };
    let thread_entry = entries.remove(at);
    let thread_text =
        if base(&thread_entry).ends_with(".pdf") { pdf_to_text(&thread_entry.bytes)? } else { decode_text(&thread_entry.bytes)? };
    let thread = correspondence::parse(&thread_text);
    let text = weave(&thread, entries, max_bytes);
    Ok((text, meta(&thread)))
}

/// Rebuild the thread with each reply's attachments right after that reply,
/// so that a decision given only in an attached letter sits in its context.
fn weave(thread: &Thread, entries: Vec<Entry>, max_bytes: u64) -> String {
    let mut numbered: Vec<(usize, u32, Entry)> = Vec::new();
    let mut loose = Vec::new();
    for e in entries {
        match numbering(&e.name) {
            Some((n, part)) => numbered.push((n, part, e)),
            None => loose.push(e),
        }
    }
    numbered.sort_by(|a, b| (a.0, a.1, &a.2.name).cmp(&(b.0, b.1, &b.2.name)));

    let mut text = thread.preamble.clone();
    let mut reply = 0;
    for m in &thread.messages {
        text.push_str("\n\n-------------------------------\n");
        text.push_str(&m.text);
        if m.incoming {
            reply += 1;
            for (_, _, e) in numbered.iter().filter(|(n, _, _)| *n == reply) {
                append_entry(&mut text, e, max_bytes);
            }
        }
    }
    // Attachments of replies the thread does not show (hidden messages) still count.
    for (_, _, e) in numbered.iter().filter(|(n, _, _)| *n == 0 || *n > reply) {
        append_entry(&mut text, e, max_bytes);
    }
    for e in &loose {
        append_entry(&mut text, e, max_bytes);
    }
    text.trim().to_owned()
}

/// `3_2_decision letter.pdf` -> (3, 2): reply number, part number.
fn numbering(name: &str) -> Option<(usize, u32)> {
    let base = name.rsplit('/').next()?;
    let mut it = base.splitn(3, '_');
    let n = it.next()?.parse().ok()?;
    let part = it.next()?.parse().ok()?;
    it.next().filter(|rest| !rest.is_empty())?;
    Some((n, part))
}

/// Shown name without the numbering prefix, as the thread's `Attachment:` line has it.
fn display_name(name: &str) -> &str {
    let base = name.rsplit('/').next().unwrap_or(name);
    match numbering(name) {
        Some(_) => base.splitn(3, '_').nth(2).unwrap_or(base),
        None => base,
    }
}

/// Members of a type with no extractable text (images, spreadsheets) are skipped.
fn append_entry(text: &mut String, e: &Entry, max_bytes: u64) {
    let name = display_name(&e.name);
    if let Some(kind) = kind_of(name, None) {
        attachment::append(text, name, attachment::extract(kind, &e.bytes, max_bytes, attached_text));
    }
}

/// A zip that is not a WhatDoTheyKnow archive: its readable files in order.
fn bundle(mut entries: Vec<Entry>, max_bytes: u64) -> Result<String, InputError> {
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    let mut text = String::new();
    let mut any = false;
    for e in &entries {
        if let Some(kind) = kind_of(&e.name, None) {
            any = true;
            attachment::append(&mut text, &e.name, attachment::extract(kind, &e.bytes, max_bytes, attached_text));
        }
    }
    if !any {
        return Err(InputError::new("zip holds no text, html, pdf or docx files"));
    }
    Ok(text.trim().to_owned())
}

fn meta(thread: &Thread) -> Meta {
    let request = thread.url.as_deref().and_then(|u| {
        let slug = u.split("/request/").nth(1)?.split(['/', '?', '#']).next()?;
        (!slug.is_empty()).then(|| slug.to_owned())
    });
    Meta {
        authority: thread.authority(),
        request,
        date: thread.last_reply_date(),
        subject: thread.title.clone(),
        url: thread.url.clone(),
        ..Meta::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_numbering() {
        assert_eq!(numbering("2_3_decision_letter.pdf"), Some((2, 3)));
        assert_eq!(display_name("2_3_decision_letter.pdf"), "decision_letter.pdf");
        assert_eq!(numbering("correspondence.txt"), None);
        assert_eq!(numbering("2_x_file.pdf"), None);
    }
}
