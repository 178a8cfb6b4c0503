//! Source locations and the messages dts2rs gives about them.
//!
//! Every stage reports problems as [`Diagnostic`]s pointing into a [`Sources`] registry; they are
//! rendered with `codespan-reporting` as `file:line:col`, the source line with a caret, and a
//! `help:` line that says what to do.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use std::fmt;

/// Source lines longer than this are not quoted in messages.
const MAX_SHOWN_LINE: usize = 400;

/// Identifies one registered source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub(crate) usize);

/// A byte range in one registered source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// Start byte offset.
    pub start: u32,
    /// End byte offset (exclusive).
    pub end: u32,
}

impl Span {
    /// A span covering `start..end` of `file`.
    pub fn new(file: FileId, start: u32, end: u32) -> Self {
        Span { file, start, end }
    }
}

/// The texts diagnostics point into: declaration files and config files.
#[derive(Default)]
pub struct Sources {
    files: SimpleFiles<String, String>,
}

impl Sources {
    /// Registers a text under the name shown in messages.
    pub fn add(&mut self, name: String, text: String) -> FileId {
        FileId(self.files.add(name, text))
    }

    /// The registered text of `file`.
    pub fn text(&self, file: FileId) -> &str {
        self.files.get(file.0).map(|f| f.source().as_str()).unwrap_or("")
    }

    /// The name `file` was registered under.
    pub fn name(&self, file: FileId) -> &str {
        self.files.get(file.0).map(|f| f.name().as_str()).unwrap_or("")
    }

    /// One-based line and column of a byte offset, for one-line messages.
    pub fn line_col(&self, file: FileId, offset: u32) -> (usize, usize) {
        use codespan_reporting::files::Files;
        let text = self.text(file);
        let offset = floor_char_boundary(text, (offset as usize).min(text.len()));
        // The line starts are indexed once per file: a binary search, not a scan from the
        // start (a file with thousands of warnings made that quadratic).
        let line = self.files.line_index(file.0, offset).unwrap_or(0);
        let start = self.files.line_range(file.0, line).map_or(0, |r| r.start).min(offset);
        (line + 1, text[start..offset].chars().count() + 1)
    }

    /// Renders a diagnostic with its source snippet, as plain text. A source line too long to
    /// show (minified or generated input) is left out: the one-line form and the help remain.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        if let Some(span) = diagnostic.span {
            let text = self.text(span.file);
            let at = floor_char_boundary(text, (span.start as usize).min(text.len()));
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            if line_end - line_start > MAX_SHOWN_LINE {
                let (line, col) = self.line_col(span.file, span.start);
                let help = diagnostic
                    .help
                    .as_ref()
                    .map(|h| format!("\n  = help: {h}"))
                    .unwrap_or_default();
                return format!(
                    "{}: {}\n  ┌─ {}:{line}:{col}\n  │ (the source line is too long to show)\n  │{help}\n",
                    diagnostic.severity,
                    diagnostic.message,
                    self.name(span.file)
                );
            }
        }
        let mut cs = match diagnostic.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Note => CsDiagnostic::note(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(&diagnostic.message);
        if let Some(span) = diagnostic.span {
            let len = self.text(span.file).len();
            let start = floor_char_boundary(self.text(span.file), (span.start as usize).min(len));
            let end =
                floor_char_boundary(self.text(span.file), (span.end as usize).clamp(start, len));
            cs = cs.with_labels(vec![
                Label::primary(span.file.0, start..end).with_message(&diagnostic.label)
            ]);
        }
        if let Some(help) = &diagnostic.help {
            cs = cs.with_notes(vec![format!("help: {help}")]);
        }
        let config = term::Config::default();
        term::emit_into_string(&config, &self.files, &cs)
            .unwrap_or_else(|_| self.render_short(diagnostic) + "\n")
    }

    /// Renders a diagnostic on one line: `file:line:col: severity: message`.
    pub fn render_short(&self, diagnostic: &Diagnostic) -> String {
        let place = match diagnostic.span {
            Some(span) => {
                let (line, col) = self.line_col(span.file, span.start);
                format!("{}:{line}:{col}: ", self.name(span.file))
            }
            None => String::new(),
        };
        format!("{place}{}: {}", diagnostic.severity, diagnostic.message)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Something was skipped on purpose; nothing to do.
    Note,
    /// Generation went on; the output is usable.
    Warning,
    /// Generation stopped; nothing was written.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A message about a place in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where; `None` for problems without a place (a missing path).
    pub span: Option<Span>,
    /// A short note under the caret.
    pub label: String,
    /// What the user can do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span,
            label: String::new(),
            help: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message, span) }
    }

    /// A note at `span`: something skipped on purpose.
    pub fn note(message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic { severity: Severity::Note, ..Diagnostic::error(message, span) }
    }

    /// Sets the note shown under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets what the user can do about it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
