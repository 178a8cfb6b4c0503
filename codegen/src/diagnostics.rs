//! Source locations and the messages dts2rs gives about them.
//!
//! Every stage reports problems as [`Diagnostic`]s pointing into a [`Sources`] registry; they are
//! rendered with `codespan-reporting` as `file:line:col`, the source line with a caret, and a
//! `help:` line that says what to do. A diagnostic about no place in a text (a file that cannot
//! be read) is rendered `error: …` with an indented `help: …` line.
//!
//! [`Diagnostic`], [`Severity`] and [`Location`] are the library's API (re-exported at the
//! crate root); the registry and spans are the stages' own.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

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
    files: Vec<SourceFile>,
}

/// One registered text. Its line starts are indexed on the first message that points into it,
/// once: most files have no message, and most runs print none (`--quiet`, build scripts).
struct SourceFile {
    name: String,
    text: String,
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| files::line_starts(&self.text).collect())
    }

    /// The start of line `line`; the text's end for the line after the last.
    fn line_start(&self, line: usize) -> Result<usize, files::Error> {
        let starts = self.line_starts();
        match starts.get(line) {
            Some(&start) => Ok(start),
            None if line == starts.len() => Ok(self.text.len()),
            None => Err(files::Error::LineTooLarge { given: line, max: starts.len() - 1 }),
        }
    }
}

impl fmt::Debug for Sources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.files.iter().map(|file| &file.name)).finish()
    }
}

impl Sources {
    /// Registers a text under the name shown in messages.
    pub fn add(&mut self, name: String, text: String) -> FileId {
        self.files.push(SourceFile { name, text, line_starts: OnceLock::new() });
        FileId(self.files.len() - 1)
    }

    /// The registered text of `file`.
    pub fn text(&self, file: FileId) -> &str {
        self.files.get(file.0).map_or("", |f| f.text.as_str())
    }

    /// The name `file` was registered under.
    pub fn name(&self, file: FileId) -> &str {
        self.files.get(file.0).map_or("", |f| f.name.as_str())
    }

    /// One-based line and column of a byte offset, for one-line messages.
    pub fn line_col(&self, file: FileId, offset: u32) -> (usize, usize) {
        let text = self.text(file);
        let offset = floor_char_boundary(text, (offset as usize).min(text.len()));
        // The line starts are indexed once per file: a binary search, not a scan from the
        // start (a file with thousands of warnings made that quadratic).
        let line = self.line_index(file.0, offset).unwrap_or(0);
        let start = self.line_range(file.0, line).map_or(0, |r| r.start).min(offset);
        (line + 1, text[start..offset].chars().count() + 1)
    }

    /// Renders a diagnostic with its source snippet, as plain text. A source line too long to
    /// show (minified or generated input) is left out: the one-line form and the help remain.
    /// A diagnostic without a place is `severity: message` and an indented `help:` line.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        let Some(span) = diagnostic.span else {
            let help =
                diagnostic.help.as_ref().map(|h| format!("\n  help: {h}")).unwrap_or_default();
            return format!("{}: {}{help}\n", diagnostic.severity, diagnostic.message);
        };
        let text = self.text(span.file);
        let at = floor_char_boundary(text, (span.start as usize).min(text.len()));
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        if line_end - line_start > MAX_SHOWN_LINE {
            let (line, col) = self.line_col(span.file, span.start);
            let help =
                diagnostic.help.as_ref().map(|h| format!("\n  = help: {h}")).unwrap_or_default();
            return format!(
                "{}: {}\n  ┌─ {}:{line}:{col}\n  │ (the source line is too long to show)\n  │{help}\n",
                diagnostic.severity,
                diagnostic.message,
                self.name(span.file)
            );
        }
        let cs = match diagnostic.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Note => CsDiagnostic::note(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(&diagnostic.message);
        let start = floor_char_boundary(text, (span.start as usize).min(text.len()));
        let end = floor_char_boundary(text, (span.end as usize).clamp(start, text.len()));
        let mut cs = cs.with_labels(vec![
            Label::primary(span.file.0, start..end).with_message(&diagnostic.label)
        ]);
        if let Some(help) = &diagnostic.help {
            cs = cs.with_notes(vec![format!("help: {help}")]);
        }
        let config = term::Config::default();
        term::emit_into_string(&config, self, &cs)
            .unwrap_or_else(|_| self.render_short(diagnostic) + "\n")
    }

    /// `diagnostic` with its [`file`](Diagnostic::file) and [`location`](Diagnostic::location)
    /// filled in from its span, as the library hands it out.
    pub fn resolve(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        if let Some(span) = diagnostic.span {
            let (line, column) = self.line_col(span.file, span.start);
            let (end_line, end_column) = self.line_col(span.file, span.end.max(span.start));
            diagnostic.file = Some(self.name(span.file).to_owned());
            diagnostic.location = Some(Location { line, column, end_line, end_column });
        }
        diagnostic
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

/// What codespan needs to quote source lines; the same answers as its `SimpleFiles`.
impl<'a> Files<'a> for Sources {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.files.get(id).map(|f| f.name.as_str()).ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.files.get(id).map(|f| f.text.as_str()).ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, files::Error> {
        let starts = self.files.get(id).ok_or(files::Error::FileMissing)?.line_starts();
        Ok(starts.binary_search(&byte_index).unwrap_or_else(|next| next - 1))
    }

    fn line_range(&'a self, id: usize, line: usize) -> Result<Range<usize>, files::Error> {
        let file = self.files.get(id).ok_or(files::Error::FileMissing)?;
        Ok(file.line_start(line)?..file.line_start(line + 1)?)
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

/// A message about the input: an error that stopped the generation, a warning about what was
/// mapped loosely, or a note about what was left out on purpose.
///
/// [`Generation::diagnostics`](crate::Generation::diagnostics) and
/// [`Error::diagnostics`](crate::Error::diagnostics) hand them out, so a build script or an
/// editor reads them without parsing text. `Display` gives the one-line form
/// (`file:line:col: warning: message`); [`Generation::warnings`](crate::Generation::warnings)
/// renders them with their source lines, as the command prints them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file it is about, named as in messages (the path as given, `/`-separated): a
    /// declaration file, the config, or a path that cannot be read or written. `None` for
    /// problems of no file (no input given).
    pub file: Option<String>,
    /// Where in [`file`](Self::file); `None` when the problem is about the file as a whole.
    pub location: Option<Location>,
    /// A short note under the caret (may be empty).
    pub label: String,
    /// What the user can do about it.
    pub help: Option<String>,
    /// The place in the registered texts, as the stages report it; rendering quotes from it.
    pub(crate) span: Option<Span>,
}

/// Where a [`Diagnostic`] points: one-based lines and columns (columns count characters), the
/// end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct Location {
    /// The line of the first character, from 1.
    pub line: usize,
    /// The column of the first character, from 1.
    pub column: usize,
    /// The line of the end.
    pub end_line: usize,
    /// The column just after the last character.
    pub end_column: usize,
}

impl Diagnostic {
    /// An error at `span`.
    pub(crate) fn error(message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            location: None,
            span,
            label: String::new(),
            help: None,
        }
    }

    /// A warning at `span`.
    pub(crate) fn warning(message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message, span) }
    }

    /// A note at `span`: something skipped on purpose.
    pub(crate) fn note(message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic { severity: Severity::Note, ..Diagnostic::error(message, span) }
    }

    /// Sets the file a diagnostic without a span is about (a path that cannot be read).
    pub(crate) fn with_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Sets the note shown under the caret.
    pub(crate) fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets what the user can do about it.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The one-line form, `file:line:col: severity: message` (the place left out when there is
/// none), as in `cargo:warning` lines.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, &self.location) {
            (Some(file), Some(at)) => write!(f, "{file}:{}:{}: ", at.line, at.column)?,
            (Some(file), None) if !self.message.contains(file.as_str()) => write!(f, "{file}: ")?,
            _ => {}
        }
        write!(f, "{}: {}", self.severity, self.message)
    }
}
