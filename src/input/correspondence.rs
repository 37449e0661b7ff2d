//! Parsing WhatDoTheyKnow's plain-text thread (`correspondence.txt`).
//!
//! Layout: a first paragraph naming the request title (in quotes) and its URL,
//! then one block per message after a line of dashes. Blocks start with
//! `From:`/`To:`/`Date:` lines; the authority's replies read
//! `From: <name>, <authority>` and list `Attachment: <file> (<size>)` lines.

/// The parsed thread.
#[derive(Debug, Default)]
pub(crate) struct Thread {
    pub title: Option<String>,
    pub url: Option<String>,
    /// Text before the first message separator.
    pub preamble: String,
    pub messages: Vec<Message>,
}

#[derive(Debug, Default)]
pub(crate) struct Message {
    /// The block as written, separator excluded.
    pub text: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub date: Option<String>,
    /// Sent by the authority (what WhatDoTheyKnow numbers attachments by).
    pub incoming: bool,
}

impl Thread {
    /// The authority as named on its own replies, else as the request's addressee.
    /// Authority names may contain commas ("Department for Business, Energy and
    /// Industrial Strategy"), so the addressee's full name is matched first.
    pub fn authority(&self) -> Option<String> {
        let addressee = self.addressee();
        let replies = || self.messages.iter().filter(|m| m.incoming).filter_map(|m| m.from.as_deref());
        if let Some(a) = addressee {
            if replies().any(|from| from.ends_with(&format!(", {a}"))) {
                return Some(a.to_owned());
            }
        }
        replies()
            .filter_map(|from| from.rsplit_once(',').map(|(_, a)| a.trim().to_owned()))
            .find(|a| !a.is_empty())
            .or_else(|| addressee.map(str::to_owned))
    }

    /// Date of the latest reply, where the decision usually is.
    pub fn last_reply_date(&self) -> Option<String> {
        let date = self.messages.iter().rev().find(|m| m.incoming)?.date.as_deref()?;
        Some(iso_date(date).unwrap_or_else(|| date.to_owned()))
    }

    /// The first message is the request itself, sent to the authority.
    fn addressee(&self) -> Option<&str> {
        self.messages.first()?.to.as_deref().filter(|t| !t.is_empty())
    }
}

pub(crate) fn parse(text: &str) -> Thread {
    let mut blocks: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        let t = line.trim();
        if t.len() >= 5 && t.bytes().all(|b| b == b'-') {
            blocks.push(Vec::new());
        } else if let Some(last) = blocks.last_mut() {
            last.push(line);
        }
    }
    let preamble = blocks.remove(0).join("\n").trim().to_owned();
    let (title, url) = title_and_url(&preamble);
    let mut thread = Thread { title, url, preamble, messages: blocks.iter().map(|b| message(b)).collect() };
    let body = thread.addressee().map(str::to_owned);
    for m in &mut thread.messages {
        m.incoming = is_incoming(m, body.as_deref());
    }
    thread
}

/// Replies either carry the authority after a comma in `From:` or go to
/// someone other than the authority (the requester).
fn is_incoming(m: &Message, body: Option<&str>) -> bool {
    let (Some(from), Some(to)) = (m.from.as_deref(), m.to.as_deref()) else {
        return false;
    };
    match body {
        Some(b) => from.ends_with(&format!(", {b}")) || to != b,
        None => from.rsplit_once(',').is_some_and(|(_, a)| !a.trim().is_empty()),
    }
}

fn message(lines: &[&str]) -> Message {
    // Keep the template's indentation of the header lines; drop blank edges only.
    let text = lines.join("\n").trim_matches('\n').trim_end().to_owned();
    let mut m = Message { text, ..Message::default() };
    for line in lines.iter().map(|l| l.trim()).skip_while(|l| l.is_empty()) {
        let field = |name: &str| line.strip_prefix(name).map(|v| v.trim().to_owned());
        if let Some(v) = field("From:") {
            m.from = Some(v);
        } else if let Some(v) = field("To:") {
            m.to = Some(v);
        } else if let Some(v) = field("Date:") {
            m.date = Some(v);
        } else {
            break;
        }
    }
    m
}

/// WhatDoTheyKnow writes `... request "TITLE". The latest ... at URL.`; a
/// bare `TITLE URL` line is accepted too.
fn title_and_url(preamble: &str) -> (Option<String>, Option<String>) {
    let para = preamble.split("\n\n").next().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
    let url_at = para.find("https://").or_else(|| para.find("http://"));
    let url = url_at.map(|at| {
        let tail = &para[at..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        tail[..end].trim_end_matches(['.', ',', ')', ';', '>', '"']).to_owned()
    });
    let before = &para[..url_at.unwrap_or(para.len())];
    let title = match (before.find('"'), before.rfind('"')) {
        (Some(a), Some(b)) if b > a => before[a + 1..b].trim().to_owned(),
        _ => before.trim().trim_end_matches([':', '-', '(', '<', '|']).trim().to_owned(),
    };
    ((!title.is_empty()).then_some(title), url)
}

/// `5 March 2024` (WhatDoTheyKnow's `simple_date`) as `2024-03-05`.
fn iso_date(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let parts: Vec<&str> = date.split_whitespace().collect();
    let [day, month, year] = parts[..] else {
        return None;
    };
    let day: u32 = day.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()?;
    let month = MONTHS.iter().position(|m| m.starts_with(&month.to_lowercase()) && month.len() >= 3)? + 1;
    let year: u32 = year.parse().ok()?;
    (1..=31).contains(&day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_names_with_commas() {
        let t = parse(
            "Title https://example.org/request/x\n-----\nFrom: A Person\nTo: Department for Business, Energy and Industrial Strategy\nDate: 1 May 2020\nHi\n\
             -----\nFrom: FOI Team, Department for Business, Energy and Industrial Strategy\nTo: A Person\nDate: 2 May 2020\nRefused.\n",
        );
        assert!(!t.messages[0].incoming && t.messages[1].incoming);
        assert_eq!(t.authority().as_deref(), Some("Department for Business, Energy and Industrial Strategy"));
        assert_eq!(t.last_reply_date().as_deref(), Some("2020-05-02"));
    }

    #[test]
    fn wdtk_preamble_and_dates() {
        let (t, u) = title_and_url(
            "This is a plain-text version of the Freedom of Information request \"Parking fines 2023\".  The latest, full version is available online at https://www.whatdotheyknow.com/request/parking_fines_2023.",
        );
        assert_eq!(t.as_deref(), Some("Parking fines 2023"));
        assert_eq!(u.as_deref(), Some("https://www.whatdotheyknow.com/request/parking_fines_2023"));
        assert_eq!(iso_date("5 March 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("soon"), None);
    }
}
