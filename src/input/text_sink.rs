//! Laying out HTML text: collapsing whitespace, breaking lines at blocks.

/// Accumulates text, turning block boundaries into at most one blank line.
#[derive(Default)]
pub(crate) struct TextSink {
    out: String,
    breaks: usize,
    space: bool,
    tab: bool,
    pre: usize,
}

impl TextSink {
    pub fn text(&mut self, raw: &str) {
        if self.pre > 0 {
            self.flush();
            self.out.push_str(raw);
            return;
        }
        if raw.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for word in raw.split_whitespace() {
            self.flush();
            self.out.push_str(word);
            self.space = true;
        }
        self.space = raw.ends_with(char::is_whitespace) || (self.space && raw.trim().is_empty());
    }

    /// Emit the separator owed before the next word.
    fn flush(&mut self) {
        let at_line_start = self.out.is_empty() || self.out.ends_with('\n');
        if self.breaks > 0 {
            if !self.out.is_empty() {
                let have = self.out.chars().rev().take_while(|&c| c == '\n').count();
                for _ in have..self.breaks {
                    self.out.push('\n');
                }
            }
        } else if self.tab && !at_line_start {
            self.out.push('\t');
        } else if self.space && !at_line_start {
            self.out.push(' ');
        }
        self.breaks = 0;
        self.space = false;
        self.tab = false;
    }

    fn block(&mut self, lines: usize) {
        self.breaks = self.breaks.max(lines);
    }

    pub fn open(&mut self, name: &str) {
        match name {
            "br" => self.breaks = (self.breaks + 1).min(2),
            "pre" => {
                self.block(2);
                self.pre += 1;
            }
            "td" | "th" => self.tab = true,
            _ => self.close_or_open_block(name),
        }
    }

    pub fn close(&mut self, name: &str) {
        if name == "pre" {
            self.pre = self.pre.saturating_sub(1);
            self.block(2);
        } else {
            self.close_or_open_block(name);
        }
    }

    fn close_or_open_block(&mut self, name: &str) {
        match name {
            "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "ul" | "ol" | "dl" | "blockquote" | "hr" | "address" | "figure" => {
                self.block(2)
            }
            "div" | "li" | "tr" | "dt" | "dd" | "section" | "article" | "main" | "header" | "footer" | "form" | "fieldset" | "legend"
            | "caption" | "figcaption" | "details" | "summary" | "body" | "center" => self.block(1),
            _ => {}
        }
    }

    pub fn finish(mut self) -> String {
        let text = std::mem::take(&mut self.out);
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        lines.join("\n").trim().to_owned()
    }
}
