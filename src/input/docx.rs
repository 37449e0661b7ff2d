//! Word (.docx) attachments: the text runs of the main document part.

use super::archive::read_one;
use super::InputError;

/// Paragraphs become lines; tables' cells are tab-separated.
pub(crate) fn docx_to_text(bytes: &[u8], max_bytes: u64) -> Result<String, InputError> {
    let xml = read_one(bytes, "word/document.xml", max_bytes)?.ok_or_else(|| InputError::new("unreadable docx: no word/document.xml"))?;
    let xml = String::from_utf8_lossy(&xml);
    Ok(document_xml_to_text(&xml))
}

/// A tag scanner rather than an XML parser: WordprocessingML keeps all text in
/// `<w:t>` elements, so only a handful of tags matter.
fn document_xml_to_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    let mut in_text = false;
    // `<w:tab>` also defines tab stops in paragraph properties; only runs count.
    let mut in_run = false;
    // Paragraphs inside table cells join with spaces; cells with tabs, rows with lines.
    let mut cell_depth = 0usize;
    while let Some(lt) = rest.find('<') {
        if in_text {
            out.push_str(&unescape(&rest[..lt]));
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let name = tag.trim_start_matches('/').split([' ', '/', '\t', '\n']).next().unwrap_or("");
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        match name {
            "w:t" => in_text = !closing && !self_closing,
            "w:r" => in_run = !closing && !self_closing,
            "w:p" if closing => out.push(if cell_depth > 0 { ' ' } else { '\n' }),
            "w:br" | "w:cr" if in_run => out.push('\n'),
            "w:tab" if in_run => out.push('\t'),
            "w:tc" if !closing && !self_closing => cell_depth += 1,
            "w:tc" if closing => {
                cell_depth = cell_depth.saturating_sub(1);
                trim_end_inline(&mut out);
                out.push('\t');
            }
            "w:tr" if closing => {
                trim_end_inline(&mut out);
                out.push('\n');
            }
            _ => {}
        }
    }
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

fn trim_end_inline(out: &mut String) {
    let keep = out.trim_end_matches([' ', '\t']).len();
    out.truncate(keep);
}

pub(crate) fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_paragraphs_and_entities() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>Section 40(2) &amp; </w:t></w:r><w:r><w:t xml:space="preserve">43(2)</w:t></w:r></w:p><w:p><w:r><w:t>apply.</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(document_xml_to_text(xml), "Section 40(2) & 43(2)\napply.");
    }

    #[test]
    fn table_cells_and_rows() {
        let xml = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Spend</w:t></w:r></w:p></w:tc></w:tr>\
                   <w:tr><w:tc><w:p><w:r><w:t>2023</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>£5</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>End</w:t></w:r></w:p>";
        assert_eq!(document_xml_to_text(xml), "Year\tSpend\n2023\t£5\nEnd");
    }
}
