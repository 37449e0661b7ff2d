//! Inline SVG charts: heatmap of groups × cited grounds, dot-and-whisker rate charts.
use super::esc;
use crate::compare::{Flag, Report, Row};
use crate::grounds::label;
use std::fmt::Write;

/// Colour ramp stops (light to dark orange): sequential, readable in grey print too.
const RAMP: [(f64, f64, f64); 4] = [(255.0, 245.0, 235.0), (253.0, 174.0, 107.0), (230.0, 85.0, 13.0), (127.0, 39.0, 4.0)];

/// Colour for `t` in [0, 1] along [`RAMP`].
fn ramp(t: f64) -> String {
    let t = t.clamp(0.0, 1.0) * (RAMP.len() - 1) as f64;
    let i = (t.floor() as usize).min(RAMP.len() - 2);
    let f = t - i as f64;
    let (a, b) = (RAMP[i], RAMP[i + 1]);
    let mix = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Fill of a cell whose group is too small to test: neutral, so it never reads as a high rate.
pub const THIN_FILL: &str = "#f2f2f2";

/// Generous width of `s` in pixels at font size `px`: SVG cannot measure text before it is
/// drawn, so labels are laid out from per-character widths a little above a sans-serif's.
pub fn text_px(s: &str, px: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' => 0.3,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '-' | '/' => 0.4,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.9,
            c if c.is_uppercase() => 0.72,
            _ => 0.6,
        })
        .sum();
    em * px
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Heatmap: one row per group, one column per cited ground, colour = rate.
pub fn heatmap(report: &Report) -> String {
    let grounds: Vec<&str> = {
        let mut g: Vec<&str> = Vec::new();
        for r in report.rows.iter().filter(|r| r.measure.starts_with("cited:")) {
            if !g.contains(&r.measure.as_str()) {
                g.push(&r.measure);
            }
        }
        g
    };
    if grounds.is_empty() {
        return "<p class=\"note\">No grounds were cited in any decision.</p>".into();
    }
    let max_rate = scale_top(report);
    let (cw, ch) = (46.0, 24.0);
    let label_w = report.groups.iter().map(|g| text_px(g, 12.0)).fold(60.0, f64::max) + 12.0;
    let heads: Vec<String> = grounds.iter().map(|g| label(&g[6..])).collect();
    let head_h = heads.iter().map(|g| text_px(g, 11.0)).fold(30.0, f64::max) * 0.75 + 16.0;
    let legend_x = label_w.min(LEGEND_INDENT);
    // Heads are rotated 45° up and to the right, so the last ones reach past the last column.
    let head_reach = heads.iter().enumerate().map(|(j, h)| label_w + cw * (j as f64 + 0.5) + text_px(h, 11.0) * 0.71).fold(0.0, f64::max);
    let w = (label_w + cw * grounds.len() as f64 + 40.0).max(head_reach + 12.0).max(legend_x + legend_w());
    let legend_h = 46.0;
    let h = head_h + ch * report.groups.len() as f64 + legend_h;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"heatmap\" width=\"{w:.0}\" height=\"{h:.0}\" \
         viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\" aria-label=\"Share of decisions citing each ground, by {}\">",
        esc(&report.by)
    );
    for (j, (g, head)) in grounds.iter().zip(&heads).enumerate() {
        let x = label_w + cw * j as f64 + cw / 2.0;
        let _ = write!(
            s,
            "<text class=\"colhead\" transform=\"translate({x:.1},{:.1}) rotate(-45)\"><title>{}</title>{}</text>",
            head_h - 6.0,
            esc(&g[6..]),
            esc(head)
        );
    }
    for (i, group) in report.groups.iter().enumerate() {
        let y = head_h + ch * i as f64;
        let thin = report.row(group, "decisions").is_some_and(|r| r.count < report.min_n);
        let _ = write!(
            s,
            "<text class=\"rowhead{}\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\"><title>{}</title>{}</text>",
            if thin { " thin" } else { "" },
            label_w - 8.0,
            y + ch / 2.0 + 4.0,
            esc(group),
            esc(group)
        );
        for (j, g) in grounds.iter().enumerate() {
            let Some(r) = report.row(group, g) else { continue };
            let x = label_w + cw * j as f64;
            heat_cell(&mut s, r, x, y, cw, ch, max_rate);
        }
    }
    legend(&mut s, legend_x, head_h + ch * report.groups.len() as f64 + 14.0, max_rate);
    s.push_str("</svg>");
    s
}

/// Top of the colour scale: the highest rate among groups large enough to test, so a group of
/// two decisions at 100% neither sets the scale nor is drawn darkest.
fn scale_top(report: &Report) -> f64 {
    report
        .rows
        .iter()
        .filter(|r| r.measure.starts_with("cited:") && r.flag != Flag::Insufficient)
        .filter_map(|r| r.rate)
        .fold(0.05f64, f64::max)
}

fn heat_cell(s: &mut String, r: &Row, x: f64, y: f64, cw: f64, ch: f64, max_rate: f64) {
    let thin = r.flag == Flag::Insufficient;
    let (fill, text) = match r.rate {
        Some(rate) if thin => (THIN_FILL.to_string(), pct(rate)),
        Some(rate) => (ramp(rate / max_rate), pct(rate)),
        None => ("#eeeeee".to_string(), "–".to_string()),
    };
    let dark = !thin && r.rate.is_some_and(|x| x / max_rate > 0.55);
    let class = match r.flag {
        Flag::Over => "cell over",
        Flag::Under => "cell under",
        Flag::Insufficient => "cell thin",
        _ => "cell",
    };
    let _ = write!(
        s,
        "<g class=\"{class}\"><title>{} — {}: {} of {} decisions{}</title>\
         <rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"/>\
         <text class=\"{}\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{text}</text></g>",
        esc(&r.group),
        esc(&label(&r.measure[6..])),
        r.count,
        r.n,
        flag_note(r),
        x + 1.0,
        y + 1.0,
        cw - 2.0,
        ch - 2.0,
        // A class, not a fill attribute: the page CSS for svg text would override the attribute.
        if dark { "on-dark" } else { "on-light" },
        x + cw / 2.0,
        y + ch / 2.0 + 4.0,
    );
}

fn flag_note(r: &Row) -> &'static str {
    match r.flag {
        Flag::Over => " (higher than others, q < 0.05)",
        Flag::Under => " (lower than others, q < 0.05)",
        Flag::Insufficient => " (too few decisions to test)",
        _ => "",
    }
}

/// Outline keys of the legend after the colour ramp: CSS class and words.
const LEGEND_KEYS: [(&str, &str); 3] =
    [("legend-over", "significantly higher"), ("legend-under", "significantly lower"), ("legend-thin", "too few decisions to test")];

/// Width of one outline key: swatch, gap, words, space before the next.
fn key_w(words: &str) -> f64 {
    18.0 + text_px(words, 11.0) + 16.0
}

/// Width of the whole legend: the ramp (160), a gap, the keys.
fn legend_w() -> f64 {
    160.0 + 24.0 + LEGEND_KEYS.iter().map(|(_, w)| key_w(w)).sum::<f64>()
}
/// The legend starts at the cells when the labels are short, else this far in.
const LEGEND_INDENT: f64 = 60.0;

fn legend(s: &mut String, x: f64, y: f64, max_rate: f64) {
    let steps = 10;
    for k in 0..steps {
        let t = k as f64 / (steps - 1) as f64;
        let _ = write!(s, "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"16\" height=\"10\" fill=\"{}\"/>", x + 16.0 * k as f64, ramp(t));
    }
    let ramp_end = x + 16.0 * steps as f64;
    let _ = write!(
        s,
        "<text class=\"axis\" x=\"{x:.1}\" y=\"{:.1}\">0%</text>\
         <text class=\"axis\" x=\"{ramp_end:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
        y + 22.0,
        y + 22.0,
        pct(max_rate),
    );
    let mut kx = ramp_end + 24.0;
    for (class, words) in LEGEND_KEYS {
        let _ = write!(
            s,
            "<rect x=\"{kx:.1}\" y=\"{y:.1}\" width=\"14\" height=\"10\" class=\"{class}\"/>\
             <text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">{words}</text>",
            kx + 18.0,
            y + 9.0,
        );
        kx += key_w(words);
    }
}

/// Dot-and-whisker chart of one rate measure: dot = rate, whisker = Wilson 95% interval,
/// dashed line = rate over all groups.
pub fn dots(report: &Report, measure: &str, title: &str) -> String {
    let rows: Vec<&Row> = report.groups.iter().filter_map(|g| report.row(g, measure)).collect();
    let (k, n) = rows.iter().fold((0, 0), |(k, n), r| (k + r.count, n + r.n));
    let overall = (n > 0).then(|| k as f64 / n as f64);
    let top = rows.iter().filter_map(|r| r.ci.map(|c| c.1)).fold(0.05f64, f64::max);
    let (step, ticks) = rate_ticks(top);
    let label_w = report.groups.iter().map(|g| text_px(g, 12.0)).fold(60.0, f64::max) + 12.0;
    let axis = RateAxis { label_w, plot_w: 280.0, x_max: step * ticks as f64 };
    let (row_h, top_pad) = (20.0, 44.0);
    let w = label_w + axis.plot_w + 70.0;
    let h = top_pad + row_h * rows.len() as f64 + 24.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"dots\" width=\"{w:.0}\" height=\"{h:.0}\" \
         viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\" aria-label=\"{}\">\
         <text class=\"charttitle\" x=\"{label_w:.1}\" y=\"16\">{}</text>",
        esc(title),
        esc(title)
    );
    let bottom = top_pad + row_h * rows.len() as f64;
    rate_grid(&mut s, &axis, step, ticks, top_pad, bottom);
    if let Some(o) = overall {
        overall_line(&mut s, &axis, o, top_pad, bottom);
    }
    for (i, r) in rows.iter().enumerate() {
        let y = top_pad + row_h * i as f64 + row_h / 2.0;
        dot_row(&mut s, &axis, r, y);
    }
    s.push_str("</svg>");
    s
}

/// Horizontal layout of a rate chart: group labels, then the plot from 0 to `x_max`.
struct RateAxis {
    label_w: f64,
    plot_w: f64,
    x_max: f64,
}

impl RateAxis {
    /// The x of rate `v`.
    fn x(&self, v: f64) -> f64 {
        self.label_w + self.plot_w * v / self.x_max
    }
}

/// Tick step and number of ticks for an axis reaching at least `top`: round steps, so the axis
/// reads 0%, 10%, 20% ... rather than 16%, 32% ..., and never past 100%.
fn rate_ticks(top: f64) -> (f64, usize) {
    let step = if top <= 0.2 {
        0.05
    } else if top <= 0.5 {
        0.1
    } else {
        0.2
    };
    let ticks = ((top / step).ceil() as usize).min((1.0 / step).round() as usize);
    (step, ticks)
}

/// Vertical grid lines with their percentage labels above the plot.
fn rate_grid(s: &mut String, axis: &RateAxis, step: f64, ticks: usize, top_pad: f64, bottom: f64) {
    for t in 0..=ticks {
        let v = step * t as f64;
        let _ = write!(
            s,
            "<line class=\"grid\" x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1:.1}\" y2=\"{2:.1}\"/>\
             <text class=\"axis\" x=\"{0:.1}\" y=\"{3:.1}\" text-anchor=\"middle\">{4}</text>",
            axis.x(v),
            top_pad - 6.0,
            bottom,
            top_pad - 12.0,
            pct(v)
        );
    }
}

/// The dashed line of the rate over all groups, labelled below the plot.
fn overall_line(s: &mut String, axis: &RateAxis, o: f64, top_pad: f64, bottom: f64) {
    let _ = write!(
        s,
        "<line class=\"overall\" x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1:.1}\" y2=\"{2:.1}\"><title>all groups: {3}</title></line>\
         <text class=\"axis\" x=\"{0:.1}\" y=\"{4:.1}\" text-anchor=\"middle\">all {3}</text>",
        axis.x(o),
        top_pad - 6.0,
        bottom + 4.0,
        pct(o),
        bottom + 16.0
    );
}

/// One group's row at height `y`: label, dot and whisker (when there is a rate), and counts.
fn dot_row(s: &mut String, axis: &RateAxis, r: &Row, y: f64) {
    let class = match r.flag {
        Flag::Over => "over",
        Flag::Under => "under",
        Flag::Insufficient => "thin",
        _ => "plain",
    };
    let _ = write!(
        s,
        "<g class=\"dot {class}\"><title>{}: {} of {} decisions{}{}</title>\
         <text class=\"rowhead\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
        esc(&r.group),
        r.count,
        r.n,
        r.ci.map(|c| format!(", 95% CI {}–{}", pct(c.0), pct(c.1))).unwrap_or_default(),
        flag_note(r),
        axis.label_w - 8.0,
        y + 4.0,
        esc(&r.group)
    );
    if let (Some(rate), Some((lo, hi))) = (r.rate, r.ci) {
        let _ = write!(
            s,
            "<line class=\"whisker\" x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
             <circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"4.5\"/>",
            axis.x(lo),
            axis.x(hi.min(axis.x_max)),
            axis.x(rate)
        );
    }
    let _ =
        write!(s, "<text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">{}/{}</text></g>", axis.label_w + axis.plot_w + 8.0, y + 4.0, r.count, r.n);
}
