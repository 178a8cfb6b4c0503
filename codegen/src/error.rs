//! The library's one error type: the error diagnostics of a failed run and the texts they
//! point into, rendered once, in `Display`.

use crate::diagnostics::{Diagnostic, Severity, Sources};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// Why a generation (or [`Config::load`](crate::Config::load)) failed: one or more error
/// [`Diagnostic`]s.
///
/// `Display` renders them as the `dts2rs` command prints them: `file:line:col`, the source line
/// with a caret, and what to do. [`diagnostics`](Self::diagnostics) gives the same as data, and
/// [`kind`](Self::kind) says whether the input is at fault or the file system.
///
/// ```
/// let error = dts2rs::generate_source("a.d.ts", "export interface A {", &Default::default())
///     .unwrap_err();
/// assert_eq!(error.kind(), dts2rs::ErrorKind::Invalid);
/// let first = &error.diagnostics()[0];
/// assert_eq!(first.file.as_deref(), Some("a.d.ts"));
/// assert_eq!(first.location.map(|at| (at.line, at.column)), Some((1, 21)));
/// assert!(error.to_string().starts_with("error: syntax error"));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Error {
    kind: ErrorKind,
    /// Resolved (file and location filled in), in the order found.
    diagnostics: Vec<Diagnostic>,
    /// What the diagnostics' spans point into.
    sources: Arc<Sources>,
    /// The cause of a read or write error.
    io: Option<std::io::Error>,
}

/// What an [`Error`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The declarations or the config are invalid (a syntax error, a file that is not UTF-8, an
    /// unknown config key): fix what the diagnostics point at. Nothing was written.
    Invalid,
    /// A file or folder could not be read.
    Read,
    /// An output file could not be written. Files written before it are complete.
    Write,
    /// dts2rs itself failed (a panic): please report it with the input.
    Internal,
}

impl Error {
    /// What the error is about.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The errors, in the order found (input order for files that do not parse), each with its
    /// file, line and column where it has them.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Errors pointing into `sources`.
    pub(crate) fn invalid(sources: Sources, diagnostics: Vec<Diagnostic>) -> Self {
        Error::new(ErrorKind::Invalid, Arc::new(sources), diagnostics)
    }

    /// One error of `kind` pointing nowhere (or into `sources` it does not need).
    pub(crate) fn plain(kind: ErrorKind, diagnostic: Diagnostic) -> Self {
        Error::new(kind, Arc::default(), vec![diagnostic])
    }

    /// `path` cannot be read.
    pub(crate) fn read(path: &Path, source: std::io::Error) -> Self {
        let diagnostic =
            Diagnostic::error(format!("cannot read `{}`: {source}", display(path)), None)
                .with_file(display(path))
                .with_help("check that the path exists and is readable");
        Error { io: Some(source), ..Error::plain(ErrorKind::Read, diagnostic) }
    }

    /// `path` cannot be written.
    pub(crate) fn write(path: &Path, source: std::io::Error) -> Self {
        let diagnostic =
            Diagnostic::error(format!("cannot write `{}`: {source}", display(path)), None)
                .with_file(display(path))
                .with_help("choose an output path in a writable folder");
        Error { io: Some(source), ..Error::plain(ErrorKind::Write, diagnostic) }
    }

    fn new(kind: ErrorKind, sources: Arc<Sources>, diagnostics: Vec<Diagnostic>) -> Self {
        debug_assert!(diagnostics.iter().all(|d| d.severity == Severity::Error));
        let diagnostics = diagnostics.into_iter().map(|d| sources.resolve(d)).collect();
        Error { kind, diagnostics, sources, io: None }
    }
}

/// Each diagnostic with its source line, a blank line between two; several files that do not
/// parse are counted on a last line.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            f.write_str(self.sources.render(diagnostic).trim_end())?;
        }
        if self.kind == ErrorKind::Invalid && self.diagnostics.len() > 1 {
            write!(f, "\n\nerror: {} input files do not parse", self.diagnostics.len())?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.io.as_ref().map(|e| e as _)
    }
}

/// A path as shown in messages: as given, with `/` separators.
pub(crate) fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
