//! Stage 1: declaration text → [`crate::model::decl::DeclFile`]s.
//!
//! swc parses the text as TypeScript declarations with comments collected; the `lower` module turns its
//! AST into the model's declaration types. This is the only module that knows about swc.

mod constants;
mod depth;
mod lower;

use crate::diagnostics::{Diagnostic, FileId, Span};
use crate::model::decl::DeclFile;
use swc_common::comments::SingleThreadedComments;
use swc_common::{BytePos, FileName, SourceFile, Spanned};
use swc_ecma_ast::EsVersion;
use swc_ecma_parser::{parse_file_as_module, Syntax, TsSyntax};

pub use depth::MAX_NESTING;

/// swc numbers the first byte of the first file 1; spans are converted back to offsets.
const START: BytePos = BytePos(1);

/// What parsing one file gave: the declarations and the warnings about what was skipped.
#[derive(Debug)]
pub struct Parsed {
    /// The lowered declarations.
    pub decls: DeclFile,
    /// Constructs that were skipped or mapped loosely.
    pub warnings: Vec<Diagnostic>,
}

/// Parses one declaration file registered as `file`.
///
/// A syntax error, or a statement that has no place in a declaration file, is an error; a type
/// the model cannot map is a warning and becomes "any JSON value".
pub fn parse_file(file: FileId, name: &str, text: &str) -> Result<Parsed, Diagnostic> {
    depth::check(file, text)?;
    let comments = SingleThreadedComments::default();
    match guarded(|| parse_module(name, text, Some(&comments), true)) {
        Some(Ok(module)) => lower::lower_module(file, &module, &comments),
        Some(Err(error)) => Err(syntax_error(file, &furthest_error(name, text, error))),
        None => Err(not_declarations(file, name, text)),
    }
}

/// Runs an swc parse, turning a panic into `None`. swc's declaration-file mode asserts (in
/// debug builds only) that it never reparses an expression as a pattern, which any assignment
/// or arrow function (`a = b`, `(a) => b`) makes it do: text that is not a declaration file.
fn guarded<T>(parse: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse)).ok()
}

/// The error for a text swc's declaration-file mode gave up on. Parsed as ordinary TypeScript,
/// it shows the first syntax error or statement that has no place in a `.d.ts`; otherwise the
/// first top-level item that makes the declaration parser give up on its own is shown.
fn not_declarations(file: FileId, name: &str, text: &str) -> Diagnostic {
    let help = "dts2rs reads TypeScript declaration files (`.d.ts`); remove assignments and \
                function bodies, or pass the `.d.ts` that `tsc --declaration` emits";
    let comments = SingleThreadedComments::default();
    let module = match guarded(|| parse_module(name, text, Some(&comments), false)) {
        Some(Ok(module)) => module,
        Some(Err(error)) => return syntax_error(file, &error),
        None => {
            return Diagnostic::error("syntax error: not a declaration file", None).with_help(help)
        }
    };
    if let Err(error) = lower::lower_module(file, &module, &comments) {
        return error;
    }
    let culprit = module.body.iter().map(|item| item.span()).find(|item| {
        let (start, end) = (span(file, *item).start as usize, span(file, *item).end as usize);
        text.get(start..end)
            .is_some_and(|slice| guarded(|| parse_module(name, slice, None, true)).is_none())
    });
    Diagnostic::error(
        "syntax error: an expression (an assignment or an arrow function) in a declaration file",
        culprit.map(|s| span(file, s)),
    )
    .with_label("only declarations may stand here")
    .with_help(help)
}

/// Parses `text` (as a declaration file when `dts`); the first error (fatal or recovered) fails the parse.
fn parse_module(
    name: &str,
    text: &str,
    comments: Option<&SingleThreadedComments>,
    dts: bool,
) -> Result<swc_ecma_ast::Module, swc_ecma_parser::error::Error> {
    let name = swc_common::sync::Lrc::new(FileName::Custom(name.to_owned()));
    let source = SourceFile::new(name.clone(), false, name, text.to_owned().into(), START);
    let syntax = Syntax::Typescript(TsSyntax { dts, ..Default::default() });
    let mut recovered = Vec::new();
    let comments = comments.map(|c| c as &dyn swc_common::comments::Comments);
    let module =
        parse_file_as_module(&source, syntax, EsVersion::latest(), comments, &mut recovered)?;
    match recovered.into_iter().next() {
        Some(error) => Err(error),
        None => Ok(module),
    }
}

/// swc backtracks when `export interface …` fails inside the body and reports its last
/// alternative (`Expected '{', got 'interface'`) at the start. Parsing again with `export`
/// blanked out (offsets unchanged) reaches the real problem; the error that got further wins.
fn furthest_error(
    name: &str,
    text: &str,
    first: swc_ecma_parser::error::Error,
) -> swc_ecma_parser::error::Error {
    let blanked = blank_export_keywords(text);
    if blanked == text {
        return first;
    }
    match guarded(|| parse_module(name, &blanked, None, true)) {
        Some(Err(second)) if second.span().lo > first.span().lo => second,
        _ => first,
    }
}

/// `text` with every `export` keyword that starts a line's code replaced by spaces.
fn blank_export_keywords(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let code = line.trim_start();
        let indent = line.len() - code.len();
        match code.strip_prefix("export ") {
            Some(rest) => {
                out.push_str(&line[..indent]);
                out.push_str("       ");
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Converts an swc span into a model span.
fn span(file: FileId, span: swc_common::Span) -> Span {
    let start = span.lo.0.saturating_sub(START.0);
    let end = span.hi.0.saturating_sub(START.0).max(start);
    Span::new(file, start, end)
}

fn syntax_error(file: FileId, error: &swc_ecma_parser::error::Error) -> Diagnostic {
    Diagnostic::error(
        format!("syntax error: {}", error.kind().msg()),
        Some(span(file, error.span())),
    )
    .with_label("here")
    .with_help(
        "dts2rs reads TypeScript declaration files (`.d.ts`); fix the syntax, or pass the \
             `.d.ts` that `tsc --declaration` emits for this source",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_paths_before_the_first_statement_are_links() {
        let text = "/** License. */\n/// <reference types=\"node\" />\n/// <reference path=\"a.d.ts\" />\n/// <reference path='../b.d.ts'/>\n// <reference path=\"c.d.ts\" />\nexport interface A { a: string }\n/// <reference path=\"late.d.ts\" />\n";
        let parsed = parse_file(FileId(0), "x.d.ts", text).unwrap();
        assert_eq!(parsed.decls.references, ["./a.d.ts", "../b.d.ts"]);
        let links: Vec<&str> = parsed.decls.links.iter().map(|l| l.specifier.as_str()).collect();
        assert_eq!(links, ["./a.d.ts", "../b.d.ts"]);
        // With no statement at all, every directive counts.
        let parsed =
            parse_file(FileId(0), "x.d.ts", "/// <reference path=\"a.d.ts\" />\n").unwrap();
        assert_eq!(parsed.decls.references, ["./a.d.ts"]);
    }

    #[test]
    fn syntax_error_points_at_the_token() {
        let err =
            parse_file(FileId(0), "x.d.ts", "export interface A {\n  a: string;\n").unwrap_err();
        assert!(err.message.starts_with("syntax error"), "{}", err.message);
        assert!(err.span.is_some());
    }

    #[test]
    fn unclosed_brace_after_export_points_at_the_end() {
        let text = "export interface A {\n  a: string;\n";
        let err = parse_file(FileId(0), "x.d.ts", text).unwrap_err();
        assert_eq!(err.span.map(|s| s.start as usize), Some(text.len()), "{}", err.message);
    }

    #[test]
    fn empty_and_comment_only_files_have_no_declarations() {
        for text in ["", "// nothing\n/* at all */\n", "\u{feff}"] {
            let parsed = parse_file(FileId(0), "x.d.ts", text).unwrap();
            assert!(parsed.decls.decls.is_empty());
            assert!(parsed.warnings.is_empty());
        }
    }
}
