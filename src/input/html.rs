//! Web pages and HTML mail parts to plain text, without the site furniture.

use super::decode::decode_text_as;
use super::text_sink::TextSink;
use super::InputError;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Text of a page plus its `<title>`, which callers may use as the subject.
pub(crate) struct PageText {
    pub text: String,
    pub title: Option<String>,
}

/// Decode HTML bytes using the charset the page declares, else like any text.
pub(crate) fn decode_html(bytes: &[u8]) -> Result<String, InputError> {
    decode_text_as(bytes, declared_charset(bytes))
}

/// Find `charset=...` in the first KiB, where HTML requires the declaration.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// Convert markup to text: the readable content with a line break at each block.
pub(crate) fn html_to_text(html: &str) -> PageText {
    let doc = Html::parse_document(html);
    let mut out = TextSink::default();
    // Iterative walk: hostile pages can nest deeper than the stack allows.
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut landmark_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.text(t),
                    Node::Element(el) => {
                        let name = el.name();
                        if is_furniture(el, landmark_depth) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if matches!(name, "article" | "main") {
                            landmark_depth += 1;
                        }
                        out.open(name);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    if matches!(el.name(), "article" | "main") {
                        landmark_depth -= 1;
                    }
                    out.close(el.name());
                }
            }
        }
    }
    let title = doc
        .tree
        .nodes()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "title"))
        .map(|n| collapse(&n.descendants().filter_map(|d| d.value().as_text()).map(|t| &**t).collect::<String>()))
        .filter(|t| !t.is_empty());
    PageText { text: out.finish(), title }
}

/// Words in `id`/`class` that mark cookie banners, menus and navigation, as
/// prefixes (`cookies`, `navbar`) and as suffixes (`sidenav`, `megamenu`).
const FURNITURE_PREFIXES: &[&str] = &["cookie", "banner", "navbar", "navigation", "menu", "breadcrumb"];
const FURNITURE_SUFFIXES: &[&str] = &["nav", "navbar", "navigation", "menu", "banner", "cookies"];

/// A bare "nav" prefix would also catch `navy`, hence the separate lists.
fn is_furniture_word(w: &str) -> bool {
    FURNITURE_PREFIXES.iter().any(|k| w.starts_with(k)) || FURNITURE_SUFFIXES.iter().any(|k| w.ends_with(k))
}

/// Elements that are never part of the letter. `header`/`footer` count as page
/// furniture only outside `article`/`main`, as in the ARIA landmark rules: an
/// article's own header often carries the response's reference and title.
fn is_furniture(el: &scraper::node::Element, landmark_depth: usize) -> bool {
    let name = el.name();
    if matches!(
        name,
        "head" | "script" | "style" | "noscript" | "template" | "nav" | "aside" | "svg" | "iframe" | "button" | "select" | "dialog"
    ) {
        return true;
    }
    if matches!(name, "header" | "footer") && landmark_depth == 0 {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = el.attr("role") {
        if matches!(role, "navigation" | "banner" | "contentinfo" | "menu" | "menubar") {
            return true;
        }
    }
    if let Some(style) = el.attr("style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        if style.to_ascii_lowercase().contains("display:none") {
            return true;
        }
    }
    let names = el.attr("id").into_iter().chain(el.classes());
    names.flat_map(words).any(|w| is_furniture_word(&w))
}

/// Split `govuk-cookieBanner__item` into `govuk`, `cookie`, `banner`, `item`:
/// whole words avoid dropping e.g. `unavailable` for containing "nav".
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_break_lines_and_inline_runs_join() {
        let t = html_to_text("<p>Dear <b>Ms</b> Smith,</p><p>Section 43(2)<br>applies.</p>");
        assert_eq!(t.text, "Dear Ms Smith,\n\nSection 43(2)\napplies.");
    }

    #[test]
    fn declared_charset_is_used() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>Fee: \xA3450</p></body></html>";
        assert_eq!(html_to_text(&decode_html(page).unwrap()).text, "Fee: £450");
    }

    #[test]
    fn class_words_not_substrings() {
        let t = html_to_text("<div class='unavailable'>kept</div><div class='main-nav'>gone</div>");
        assert_eq!(t.text, "kept");
    }
}
