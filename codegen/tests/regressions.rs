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

/// An intersection copies its members' fields; a member whose field has that same
/// intersection type was copied into a new struct, whose field was copied again, without end
/// (4 GB in a second). Found by fuzzing (`TranscriptionSession.ClientSecret` mutated into
/// `TranscriptionSession&ClientSecret`). The field now names the struct being built, boxed.
#[test]
fn self_referencing_intersection_refers_to_its_own_struct() {
    let code = code_for(
        "export interface A {\n  f?: A & B;\n  a: string;\n}\nexport interface B {\n  b: number;\n}\n",
    );
    assert!(code.contains("pub f: Option<a::F>,"), "{code}");
    assert!(code.contains("pub f: Option<Box<F>>,"), "{code}");
    assert_eq!(code.matches("pub struct F ").count(), 1, "{code}");
}

/// The same through two interfaces: `A.f: B & C` copies `B`, whose `g: A & C` copies `A`,
/// whose `f` is the intersection being built.
#[test]
fn mutually_referencing_intersections_end() {
    let code = code_for(
        "export interface A { f?: B & C; }\nexport interface B { g?: A & C; }\nexport interface C { c: string; }\n",
    );
    assert!(code.contains("pub struct F "), "{code}");
    assert!(code.contains("pub struct G "), "{code}");
}

/// Each copy of a field whose type is an intersection builds that intersection again at its new
/// place, so `A` with k such fields built k! structs (k = 7: 27 402 structs and 1 GB; k = 8 ran
/// out of memory). Found while fixing the case above. Intersection structs are now capped, and
/// the ones past the cap are `serde_json::Value` with a warning naming their place.
#[test]
fn intersections_copied_into_each_other_are_capped() {
    let fields: String = (0..10).map(|i| format!("  f{i}?: A & B;\n")).collect();
    let text = format!(
        "export interface A {{\n{fields}}}\nexport interface B {{ b: string; }}\nexport interface X {{ x: A & B; }}\n"
    );
    let generation =
        generate_source("crash.d.ts", &text, &Config::default()).unwrap_or_else(|e| panic!("{e}"));
    let code = &generation.files()[0].contents;
    // Identical copies are defined once, the others aliases of them: count both.
    let structs = code.matches("pub struct ").count() + code.matches("pub type ").count();
    assert!((1024..1100).contains(&structs), "{structs} structs and aliases");
    let warnings = generation.warnings();
    assert!(
        warnings.iter().any(|w| w.contains("a type past the first 1024 whose fields are copied")),
        "{warnings:?}"
    );
    if let Err(e) = syn::parse_file(code) {
        panic!("the output does not parse: {e}");
    }
}

/// Inherited fields were copied from at most 64 bases up an `extends` chain and the rest were
/// dropped without a word. Found while probing for inputs that grow the output. They are still
/// left out (every interface repeats all it inherits), now with a warning at the base.
#[test]
fn bases_past_the_depth_limit_are_left_out_with_a_warning() {
    let mut text = String::from("export interface I0 { f0: string; }\n");
    for i in 1..70 {
        text.push_str(&format!("export interface I{i} extends I{} {{ f{i}: string; }}\n", i - 1));
    }
    let generation =
        generate_source("deep.d.ts", &text, &Config::default()).unwrap_or_else(|e| panic!("{e}"));
    let code = &generation.files()[0].contents;
    let i64_fields =
        code.split("pub struct I64 ").nth(1).and_then(|s| s.split('}').next()).unwrap();
    assert!(i64_fields.contains("pub f0: String,"), "{i64_fields}");
    let i69_fields =
        code.split("pub struct I69 ").nth(1).and_then(|s| s.split('}').next()).unwrap();
    assert!(!i69_fields.contains("pub f4: String,"), "{i69_fields}");
    assert!(i69_fields.contains("pub f5: String,"), "{i69_fields}");
    let warnings = generation.warnings();
    assert!(
        warnings.iter().any(|w| w.contains("`I0` is more than 64 bases up an `extends` chain")
            && w.contains("deep.d.ts:2:")),
        "{warnings:?}"
    );
}

/// A utility or mapped type of an interface, used inside that interface, copies the field that
/// uses it: it refers to the struct being built instead of copying itself without end (found
/// by the property test's extended grammar).
#[test]
fn evaluated_types_used_inside_their_own_operand_end() {
    let code = code_for(
        "export interface N {\n  id: string;\n  parent?: Partial<N>;\n  kids: Pick<N, 'id' | 'kids'>[];\n  m: { [K in keyof N]?: N[K] };\n}\n",
    );
    assert!(code.contains("pub struct Parent {"), "{code}");
    assert!(code.contains("pub parent: Option<Box<Parent>>,"), "{code}");
}

/// An indexed access inside the type of the member it names (`id: [Config['id'], string]`,
/// which `tsc` rejects as circular) overflowed the stack while being resolved (found by the
/// property test's extended grammar); it is any JSON value, with a warning.
#[test]
fn indexed_access_inside_its_own_member_ends() {
    let text = "export interface Config {\n  id?: [Config['id'], string];\n}\n";
    let generation =
        generate_source("c.d.ts", text, &Config::default()).unwrap_or_else(|e| panic!("{e}"));
    let code = &generation.files()[0].contents;
    assert!(code.contains("pub id: Option<((serde_json::Value, String), String)>,"), "{code}");
    assert!(
        generation.warnings().iter().any(|w| w.contains("is part of its own type")),
        "{:?}",
        generation.warnings()
    );
}

/// `T | null` where `T` is nullable already (an alias with `| null`, a mapped type that adds
/// it) is one `Option`, not `Option<Option<…>>` (discord-api-types had four nested, which
/// clippy's type_complexity rejects).
#[test]
fn nullable_twice_is_one_option() {
    let code = code_for(
        "export type MaybeId = string | null;\nexport type Nullable<T> = { [P in keyof T]: T[P] | null };\nexport interface A { id: MaybeId | null; b?: string | null }\nexport type B = Nullable<A>;\n",
    );
    assert!(code.contains("pub id: Option<MaybeId>,"), "{code}");
    assert!(!code.contains("Option<Option<Option"), "{code}");
}
