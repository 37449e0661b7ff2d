//! Located rule-file diagnostics, rendered as `file:line:col: error[CODE]: message` plus a caret line.
use std::fmt;

/// Severity of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Stops compilation; nothing is loaded.
    Error,
    /// Reported; the rules still load.
    Warning,
}

/// One problem found in a rule file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code, e.g. `E003`.
    pub code: &'static str,
    /// The rule file (or folder) the problem is in.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// The offending source line, for the caret display.
    pub source_line: String,
}

impl Diagnostic {
    /// Build a diagnostic located at byte `offset` of `source`.
    pub fn at(severity: Severity, code: &'static str, file: &str, source: &str, offset: usize, message: impl Into<String>) -> Self {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[offset..].find('\n').map_or(source.len(), |i| offset + i);
        let line = source[..offset].matches('\n').count() + 1;
        let col = source[line_start..offset].chars().count() + 1;
        Diagnostic {
            severity,
            code,
            file: file.to_string(),
            line,
            col,
            message: message.into(),
            source_line: source[line_start..line_end].trim_end_matches('\r').to_string(),
        }
    }

    /// Whether this diagnostic stops compilation.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{}:{}:{}: {sev}[{}]: {}", self.file, self.line, self.col, self.code, self.message)?;
        let gutter = self.line.to_string();
        writeln!(f, "{gutter} | {}", self.source_line)?;
        write!(f, "{} | {}^", " ".repeat(gutter.len()), " ".repeat(self.col.saturating_sub(1)))
    }
}

/// All diagnostics of a failed compilation.
#[derive(Debug, thiserror::Error)]
#[error("{}", render(.0))]
pub struct RuleErrors(pub Vec<Diagnostic>);

fn render(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let mut out: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    out.push(format!("{errors} error(s) in rule files"));
    out.join("\n")
}
