//! Line marks: which boundary or zone rule starts each line, the input of segmentation.
use super::segment::LineMarks;
use crate::rules::{Produces, RuleMatch, RuleSet};
use crate::text::TextIndex;
use crate::vocab::{BoundaryKind, ZoneKind};

/// A line short enough to be a heading, without a sentence's closing full stop.
fn heading_shaped((s, e): (usize, usize), text: &str) -> bool {
    let t = text[s..e].trim();
    t.len() <= 70 && !t.ends_with(['.', ',', ';'])
}

/// Marks from the boundary and zone matches. A boundary counts where its match starts a line
/// (a quote intro anywhere); a footer mark is never replaced by another zone's.
pub fn line_marks(rules: &RuleSet, text: &str, index: &TextIndex, matches: &[(usize, RuleMatch)]) -> LineMarks {
    let mut marks = LineMarks::new(index.lines());
    for (ri, m) in matches {
        // Patterns may begin with `\s*`, which can reach back over blank lines.
        let first = m.start + (text[m.start..m.end].len() - text[m.start..m.end].trim_start().len());
        let line = index.line_of(first);
        let at_line_start = text[index.line_starts[line]..first].trim_end().is_empty();
        match rules.rules[*ri].produces {
            Produces::Boundary(b) if at_line_start || b == BoundaryKind::QuoteIntro => {
                marks.boundary[line].get_or_insert(b);
            }
            Produces::Zone(z) => {
                let keep = marks.zone_start[line].is_some_and(|old| old == ZoneKind::Footer);
                if !keep {
                    marks.zone_start[line] = Some(z);
                }
            }
            Produces::Heading(p) if at_line_start && heading_shaped(index.line_range(text, line), text) => {
                marks.heading[line].get_or_insert(p);
            }
            _ => {}
        }
    }
    marks
}
