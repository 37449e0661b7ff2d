//! Rich Text Format (.rtf): the text of the document body, by the `rtf-parser` crate.

use super::InputError;
use rtf_parser::RtfDocument;

/// The body's text, paragraphs as lines. RTF is 7-bit text (other characters are escaped), so
/// the bytes are read as Latin-1 where they are not UTF-8.
pub(crate) fn rtf_to_text(bytes: &[u8]) -> Result<String, InputError> {
    let src = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    };
    let doc = RtfDocument::try_from(src.as_str()).map_err(|e| InputError::new(format!("unreadable rtf: {e}")))?;
    Ok(doc.get_text().replace("\r\n", "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_escapes() {
        let rtf = br"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard Dear Ms Shah,\par The information is withheld under section 43(2) \'a3.\par}";
        let text = rtf_to_text(rtf).unwrap();
        assert!(text.contains("Dear Ms Shah,"), "{text:?}");
        assert!(text.contains("withheld under section 43(2)"), "{text:?}");
        assert!(!text.contains("fonttbl") && !text.contains("\\par"), "{text:?}");
    }
}
