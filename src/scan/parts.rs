//! Parts: the part of its letter each line belongs to (decision, background, reasons, advice,
//! annex), opened by a heading rule and closed by the next heading of any kind.
use super::items::is_heading;
use super::segment::{LineMarks, Segments};
use crate::text::TextIndex;
use crate::vocab::{BoundaryKind, Part, ZoneKind};

/// The part of every line. A heading rule opens its part; any other heading-shaped line of the
/// body ("Question 2", "The review") closes it, as does the end of the message. The request
/// restated under its heading is one paragraph: what follows it is the reply's own.
pub fn assign(text: &str, ix: &TextIndex, segs: &Segments, marks: &LineMarks) -> Vec<Part> {
    let mut parts = vec![Part::Decision; ix.lines()];
    for m in &segs.messages {
        let mut current = Part::Decision;
        let mut seen_text = false;
        for (l, part) in parts.iter_mut().enumerate().take(m.last_line).skip(m.first_line) {
            let (s, e) = ix.line_range(text, l);
            let line = &text[s..e];
            if let Some(p) = marks.heading[l] {
                current = p;
                seen_text = false;
            } else if (segs.line_zone[l] == ZoneKind::Body && is_heading(line))
                || (current == Part::Request
                    && ((line.trim().is_empty() && seen_text) || marks.boundary[l] == Some(BoundaryKind::Response)))
            {
                current = Part::Decision;
            } else if !line.trim().is_empty() {
                seen_text = true;
            }
            *part = current;
        }
    }
    parts
}

/// The status a cited provision takes in a part that does not decide: recounted in the
/// background, explained in an annex, suggested in advice.
pub fn status_in(part: Part) -> Option<crate::vocab::Status> {
    use crate::vocab::Status;
    match part {
        Part::Decision | Part::Reasons => None,
        Part::Request => Some(Status::Quoted),
        Part::Background => Some(Status::Historical),
        Part::Annex => Some(Status::Explanatory),
        Part::Advice => Some(Status::Hypothetical),
    }
}
