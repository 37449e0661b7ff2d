//! Turning raw bytes of unknown encoding into normalised UTF-8 text.

use super::InputError;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How much of the decoded text the binary check looks at.
const SNIFF_CHARS: usize = 8 * 1024;

/// Decode bytes as text: BOM-marked UTF-8/UTF-16, else UTF-8, else windows-1252.
///
/// Line ends become `\n` and NUL bytes are dropped. Content that looks binary
/// (many control characters, or the magic number of a known binary format) is an
/// error, so that a mislabelled file yields an error row instead of garbage text.
pub fn decode_text(bytes: &[u8]) -> Result<String, InputError> {
    decode_text_as(bytes, None)
}

/// [`decode_text`] with a charset declared by the container (HTML meta tag,
/// MIME header); a BOM still wins, and a declared UTF-8 that is not valid
/// UTF-8 still falls back to windows-1252.
pub(crate) fn decode_text_as(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, InputError> {
    if has_binary_magic(bytes) {
        return Err(InputError::binary());
    }
    let text = match declared {
        Some(enc) if enc != encoding_rs::UTF_8 && Encoding::for_bom(bytes).is_none() => {
            enc.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => decode_raw(bytes),
    };
    if looks_binary(&text) {
        return Err(InputError::binary());
    }
    Ok(normalise_owned(text))
}

/// [`decode_text`] of bytes it may keep: plain UTF-8, by far the most common, becomes the text
/// without a copy.
pub(crate) fn decode_bytes(bytes: Vec<u8>) -> Result<String, InputError> {
    if has_binary_magic(&bytes) || Encoding::for_bom(&bytes).is_some() || sniff_utf16(&bytes).is_some() {
        return decode_text(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) if looks_binary(&text) => Err(InputError::binary()),
        Ok(text) => Ok(normalise_owned(text)),
        Err(e) => decode_text(e.as_bytes()),
    }
}

/// Decode without any checks; windows-1252 is the fallback because UK public
/// bodies' older systems and Outlook exports overwhelmingly use it (`£`).
pub(crate) fn decode_raw(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    if let Some(enc) = sniff_utf16(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => utf8_with_1252_fallback(bytes),
    }
}

/// Keep valid UTF-8 runs and read only the invalid bytes as windows-1252:
/// files pasted together from several sources mix both, and decoding the
/// whole file as windows-1252 would garble every UTF-8 character in it.
fn utf8_with_1252_fallback(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        out.push_str(&WINDOWS_1252.decode_without_bom_handling(chunk.invalid()).0);
    }
    out
}

/// UTF-16 without a BOM shows up as NULs in every other byte of ASCII text.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_CHARS) & !1];
    if sample.len() < 4 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Demand a lopsided pattern so that binary data with scattered NULs is not
    // mistaken for UTF-16.
    if odd_nuls * 10 >= pairs * 7 && even_nuls * 20 < pairs {
        Some(UTF_16LE)
    } else if even_nuls * 10 >= pairs * 7 && odd_nuls * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Formats that are never text, whatever their extension says.
fn has_binary_magic(bytes: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xFF\xD8\xFF", b"\xD0\xCF\x11\xE0", b"\x1F\x8B", b"\x7FELF"];
    MAGIC.iter().any(|m| bytes.starts_with(m))
}

/// More than 10% control characters (tab, newlines and form feed excepted) in
/// the first 8 KiB marks binary data. NULs are left out of the count: stray or
/// padding NULs in otherwise good text are common and are simply dropped.
fn looks_binary(text: &str) -> bool {
    // Nothing that could count: no ASCII control other than tab, line ends, form feed and NUL,
    // no C1 control (U+0080-U+009F, lead byte C2) and no U+FFFD (lead byte EF).
    let w = &text.as_bytes()[..text.len().min(4 * SNIFF_CHARS)];
    let suspect = |i: usize| match w[i] {
        b'\t' | b'\n' | b'\r' | 0x0c | 0 => false,
        b if b < 0x20 || b == 0x7f => true,
        0xc2 => w.get(i + 1).is_some_and(|&n| n < 0xa0),
        0xef => w.get(i + 1..i + 3) == Some(&[0xbf, 0xbd][..]),
        _ => false,
    };
    if !(0..w.len()).any(suspect) {
        return false;
    }
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().filter(|&c| c != '\0').take(SNIFF_CHARS) {
        total += 1;
        let is_control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c');
        if is_control || c == '\u{FFFD}' {
            control += 1;
        }
    }
    total > 0 && control * 10 > total
}

/// `\r\n` and lone `\r` become `\n`; NULs go.
pub(crate) fn normalise(text: &str) -> String {
    normalise_owned(text.to_owned())
}

/// [`normalise`], in place.
pub(crate) fn normalise_owned(text: String) -> String {
    if memchr::memchr2(b'\r', 0, text.as_bytes()).is_none() {
        return text;
    }
    // Both bytes are ASCII, so dropping or replacing them keeps the UTF-8 valid.
    let mut bytes = text.into_bytes();
    let mut w = 0;
    for r in 0..bytes.len() {
        let b = bytes[r];
        match b {
            0 => continue,
            b'\r' if bytes.get(r + 1) == Some(&b'\n') => continue,
            b'\r' => bytes[w] = b'\n',
            _ => bytes[w] = b,
        }
        w += 1;
    }
    bytes.truncate(w);
    String::from_utf8(bytes).expect("only ASCII bytes were removed or replaced")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_without_bom_is_sniffed() {
        let le: Vec<u8> = "Dear Sir".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode_text(&le).unwrap(), "Dear Sir");
        let be: Vec<u8> = "Dear Sir".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode_text(&be).unwrap(), "Dear Sir");
    }

    #[test]
    fn mixed_utf8_and_1252() {
        assert_eq!(decode_text(b"caf\xC3\xA9 costs \xA35").unwrap(), "café costs £5");
    }

    #[test]
    fn line_ends_and_nuls_normalise_alike_from_bytes_and_text() {
        for raw in ["a\r\nb\rc\n\0d\r", "\r\r\n\r", "plain\ntext", "caf\u{e9}\r\n\u{2019}\0"] {
            assert_eq!(decode_bytes(raw.as_bytes().to_vec()).unwrap(), decode_text(raw.as_bytes()).unwrap());
        }
        assert_eq!(normalise("a\r\nb\rc\0\r\n"), "a\nb\nc\n");
        assert_eq!(decode_bytes(b"caf\xE9 \xA35".to_vec()).unwrap(), "caf\u{e9} \u{a3}5");
    }

    #[test]
    fn control_characters_mark_binary_ascii_or_not() {
        assert!(decode_bytes(b"\x01\x02\x03\x04 abc".to_vec()).is_err());
        assert!(decode_bytes("\u{85}\u{85}\u{85}ab".as_bytes().to_vec()).is_err());
        assert!(decode_bytes("\u{fffd}\u{fffd}\u{fffd}ab".as_bytes().to_vec()).is_err());
        assert!(decode_bytes("Dear Sir,\tthank you\x0c".as_bytes().to_vec()).is_ok());
    }

    #[test]
    fn magic_numbers_are_binary() {
        assert!(decode_text(b"%PDF-1.4\nrest").is_err());
    }
}
