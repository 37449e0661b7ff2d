//! OpenDocument text (.odt): the paragraphs and headings of `content.xml` in the zip.

use super::archive::read_one;
use super::docx::unescape;
use super::InputError;

/// Paragraphs and headings become lines; table cells are tab-separated, rows are lines.
pub(crate) fn odt_to_text(bytes: &[u8], max_bytes: u64) -> Result<String, InputError> {
    let xml = read_one(bytes, "content.xml", max_bytes)?.ok_or_else(|| InputError::new("unreadable odt: no content.xml"))?;
    Ok(content_xml_to_text(&String::from_utf8_lossy(&xml)))
}

/// A tag scanner, as for Word: OpenDocument keeps the text of the body between tags, and only
/// the tags that break lines or stand for spaces matter. Styles and metadata live in other
/// parts of the zip; `content.xml` holds only the body and its automatic styles (no text).
fn content_xml_to_text(xml: &str) -> String {
    let mut out = String::new();
    let body = xml.find("<office:body").map_or(xml, |i| &xml[i..]);
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        out.push_str(&unescape(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/').split([' ', '/', '\t', '\n']).next().unwrap_or("");
        match name {
            "text:p" | "text:h" if closing => out.push('\n'),
            "text:line-break" => out.push('\n'),
            "text:tab" => out.push('\t'),
            "text:s" => {
                // `<text:s text:c="3"/>`: that many spaces.
                let n = tag.split("text:c=\"").nth(1).and_then(|v| v.split('"').next()).and_then(|v| v.parse().ok()).unwrap_or(1);
                out.extend(std::iter::repeat_n(' ', n.min(1000)));
            }
            "table:table-cell" if closing => {
                while out.ends_with('\n') {
                    out.pop();
                }
                out.push('\t');
            }
            "table:table-row" if closing => {
                let keep = out.trim_end_matches(['\t', ' ']).len();
                out.truncate(keep);
                out.push('\n');
            }
            _ => {}
        }
    }
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_spaces_and_tables() {
        let xml = r#"<office:document-content><office:body><office:text><text:h>Decision</text:h><text:p>Section 40(2)<text:s text:c="2"/>&amp; 43(2) apply.</text:p><table:table><table:table-row><table:table-cell><text:p>Year</text:p></table:table-cell><table:table-cell><text:p>Spend</text:p></table:table-cell></table:table-row></table:table></office:text></office:body></office:document-content>"#;
        assert_eq!(content_xml_to_text(xml), "Decision\nSection 40(2)  & 43(2) apply.\nYear\tSpend");
    }
}
