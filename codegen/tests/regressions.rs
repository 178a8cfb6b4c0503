//! Inputs the fuzzer (`fuzz/run.sh`) found that once broke the pipeline, each with what dts2rs
//! must say for it now.

use dts2rs::{generate_source, Config};

/// The error message for `text`, which must be an error and not an internal one (a panic).
fn error_for(text: &str) -> String {
    match generate_source("crash.d.ts", text, &Config::default()) {
        Ok(_) => panic!("expected an error for {text:?}"),
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains("internal error"), "{message}");
            assert!(message.starts_with("error"), "{message}");
            message
        }
    }
}

/// swc's declaration-file mode asserts (debug builds) that it never reparses an expression as
/// a pattern; an assignment made it panic. Found by fuzzing: the statement is now reported.
#[test]
fn assignment_statement_is_an_error_not_a_panic() {
    let text = "import { APIResource } from \"../resource.js\";\nimport * as Core from \"../core.js\";\ne, sourceMappingURL=moduRecord<string, le_syntax.d.ts.map\n";
    let message = error_for(text);
    assert!(message.contains("crash.d.ts:3:1"), "{message}");
}

#[test]
fn expressions_that_reparse_are_errors() {
    for text in ["a = b;", "[a] = b;", "({ a } = b);", "const f = (a) => a;", "x += (y = 1);"] {
        error_for(text);
    }
    let message = error_for("export interface A { x: string }\nexport const f = (a) => a;\n");
    assert!(message.contains("crash.d.ts:2:1"), "{message}");
    assert!(message.contains("an expression (an assignment or an arrow function)"), "{message}");
}

/// The generated code for `text`, which must succeed and parse as Rust.
fn code_for(text: &str) -> String {
    let generation =
        generate_source("crash.d.ts", text, &Config::default()).unwrap_or_else(|e| panic!("{e}"));
    let code = generation.files()[0].contents.clone();
    if let Err(e) = syn::parse_file(&code) {
        panic!("the output does not parse: {e}\n{code}");
    }
    code
}

/// A lone carriage return inside a doc comment was copied into a `///` line, which Rust
/// rejects ("bare CR not allowed in doc-comment"): the output did not parse. Found by fuzzing.
#[test]
fn lone_carriage_return_in_docs_ends_the_line() {
    let code = code_for(
        "/** first\rsecond\r\nthird */\nexport interface A {\n  /** a\rb */\n  x: string;\n}\n",
    );
    assert!(code.contains("/// first\n/// second\n/// third\n"), "{code}");
    assert!(code.contains("    /// a\n    /// b\n"), "{code}");
    assert!(!code.contains('\r'), "{code}");
}

/// generate_source takes text that never went through the file reader's NUL check: a NUL in a
/// doc comment must still give code that parses.
#[test]
fn nul_in_docs_still_parses() {
    code_for("/** a\0b */\nexport interface A { x: string }");
}
