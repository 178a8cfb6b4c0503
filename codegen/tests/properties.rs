//! Properties over generated declaration files: every file built from the supported constructs
//! generates without error, the output parses as Rust, and generating twice gives the same bytes;
//! `dts2rs diff` of such a file (with an `index.d.ts` re-exporting from it) against itself is
//! empty.
//!
//! The grammar: interfaces (some merged with a namespace of the same name holding more
//! interfaces, some with an index signature) and string and numeric enums; fields, named from
//! a pool of keywords and odd names, are required or optional and typed with scalars, literal
//! unions, open unions `(string & {})`, arrays, tuples, maps, `number | 'inf'`, `| null`,
//! `bigint`, `Date`, template literals, nested inline objects, references to any declared
//! interface (itself included, so recursive types come up) or enum member, utility types
//! (`Partial`, `Pick`, `Omit`, `Record`, `Exclude`), indexed access, `keyof`, mapped types
//! and a generic alias applied to arguments.
//!
//! `cargo test -p dts2rs --test properties -- --ignored` also compiles a sample of outputs
//! under `#![deny(warnings)]` in a scratch crate (slow: it builds serde).

mod scratch;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as RunnerConfig, TestRunner};

/// Field names: Rust keywords, names that collide after case conversion, and non-identifiers.
const FIELD_NAMES: &[&str] = &[
    "id",
    "type",
    "self",
    "Self",
    "crate",
    "super",
    "async",
    "gen",
    "_",
    "fooBar",
    "foo_bar",
    "content-type",
    "$ref",
    "2fa",
    "naïve",
    "Type",
    "value",
    "items",
];

/// Wire strings for literal unions, valid identifiers or not.
const LITERALS: &[&str] =
    &["a", "b-c", "gpt-4o-2024-05-13", "1", "", "a b", "🎉", "A", "near_field", "inf"];

/// Interface names (the namespaces merged with some of them reuse the name).
const INTERFACES: &[&str] = &["Session", "Node", "Event", "Config"];

/// A type expression of at most `depth` levels of nesting.
fn type_expr(depth: u32) -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        Just("string".to_owned()),
        Just("number".to_owned()),
        Just("boolean".to_owned()),
        Just("unknown".to_owned()),
        Just("number | 'inf'".to_owned()),
        literal_union(),
        literal_union().prop_map(|u| format!("{u} | (string & {{}})")),
        proptest::sample::select(INTERFACES).prop_map(str::to_owned),
        Just("number | bigint".to_owned()),
        Just("Date".to_owned()),
        Just("`id-${string}`".to_owned()),
        Just("Color".to_owned()),
        Just("Level.High | Level.Low".to_owned()),
        interface().prop_map(|i| format!("keyof {i}")),
        interface().prop_map(|i| format!("{i}['id']")),
        interface().prop_map(|i| format!("Partial<{i}>")),
        interface().prop_map(|i| format!("Pick<{i}, 'id' | 'type'>")),
        interface().prop_map(|i| format!("Omit<{i}, 'id'>")),
        Just("Exclude<'a' | 'b' | 'c', 'b'>".to_owned()),
        interface().prop_map(|i| format!("Page<{i}>")),
        Just("Tree".to_owned()),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let inner = type_expr(depth - 1);
    prop_oneof![
        4 => leaf,
        1 => inner.clone().prop_map(|t| format!("Array<{t}>")),
        1 => inner.clone().prop_map(|t| format!("({t})[]")),
        1 => inner.clone().prop_map(|t| format!("{t} | null")),
        1 => fields(depth - 1).prop_map(|f| format!("{{\n{f}}}")),
        1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("[{a}, {b}]")),
        1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("[{a}, ...({b})[]]")),
        1 => inner.clone().prop_map(|t| format!("{{ [key: string]: {t} }}")),
        1 => inner.clone().prop_map(|t| format!("Record<'x' | 'y', {t}>")),
        1 => inner.clone().prop_map(|t| format!("{{ [K in 'p' | 'q']?: {t} }}")),
    ]
    .boxed()
}

fn interface() -> impl Strategy<Value = String> {
    proptest::sample::select(INTERFACES).prop_map(str::to_owned)
}

fn literal_union() -> impl Strategy<Value = String> {
    proptest::sample::subsequence(LITERALS, 1..4)
        .prop_map(|ls| ls.iter().map(|l| format!("'{l}'")).collect::<Vec<_>>().join(" | "))
}

/// The members of an interface body: distinct names, each required or optional, some documented.
fn fields(depth: u32) -> BoxedStrategy<String> {
    proptest::sample::subsequence(FIELD_NAMES, 0..5)
        .prop_flat_map(move |names| {
            let members: Vec<_> = names
                .into_iter()
                .map(|name| (Just(name), any::<bool>(), any::<bool>(), type_expr(depth)))
                .collect();
            members
        })
        .prop_map(|members| {
            members
                .into_iter()
                .map(|(name, optional, documented, ty)| {
                    let key = if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        && !name.starts_with(|c: char| c.is_ascii_digit())
                    {
                        name.to_owned()
                    } else {
                        format!("'{name}'")
                    };
                    let docs = if documented {
                        format!("/** The `{name}` field. */\n")
                    } else {
                        String::new()
                    };
                    format!("{docs}{key}{}: {ty};\n", if optional { "?" } else { "" })
                })
                .collect()
        })
        .boxed()
}

/// The declarations every file has: the enums, the generic alias and the alias that refers to
/// itself that the grammar refers to.
const PRELUDE: &str = "export declare enum Color {\n  Red = 'red',\n  /** Green. */\n  Green = 'green'\n}\nexport declare enum Level {\n  Low = 1,\n  High = Low << 2,\n  Next\n}\nexport type Page<T> = {\n  data: T[];\n  next?: string;\n};\nexport type Tree = [number, Tree[] | null];\n";

/// A whole declaration file.
fn declaration_file() -> impl Strategy<Value = String> {
    let interface = (fields(2), proptest::option::of(fields(1)), any::<bool>());
    // Named aliases of any type: an alias, or a newtype when it is a container of numbers.
    let aliases = proptest::collection::vec(type_expr(2), 0..3);
    (proptest::collection::vec(interface, INTERFACES.len()), aliases).prop_map(|(bodies, aliases)| {
        let mut text = String::from(PRELUDE);
        for (i, ty) in aliases.iter().enumerate() {
            text.push_str(&format!("/** Alias {i}. */\nexport type Alias{i} = {ty};\n"));
        }
        for (name, (body, merged, indexed)) in INTERFACES.iter().zip(bodies) {
            let index = if indexed { "[key: string]: unknown;\n" } else { "" };
            text.push_str(&format!("/** The {name} interface. */\nexport interface {name} {{\n{body}{index}}}\n"));
            if let Some(inner) = merged {
                text.push_str(&format!(
                    "export declare namespace {name} {{\n  interface Inner {{\n{inner}}}\n  type Kind = 'x' | 'y';\n}}\n"
                ));
            }
        }
        text
    })
}

/// A folder of two files: `decls.d.ts` holding `text`, and an `index.d.ts` re-exporting some
/// of its interfaces, under their own names or aliases, and all of them with `export *`.
fn reexporting_folder() -> impl Strategy<Value = (String, String)> {
    let reexport = (proptest::sample::select(INTERFACES), any::<bool>());
    (declaration_file(), proptest::collection::vec(reexport, 0..4), any::<bool>()).prop_map(
        |(decls, reexports, glob)| {
            let mut index = String::new();
            for (i, (name, aliased)) in reexports.into_iter().enumerate() {
                let alias = if aliased { format!(" as Alias{i}") } else { String::new() };
                index.push_str(&format!("export {{ {name}{alias} }} from './decls';\n"));
            }
            if glob {
                index.push_str("export * from './decls';\n");
            }
            (decls, index)
        },
    )
}

fn generate(text: &str) -> Result<Vec<String>, String> {
    let generation = dts2rs::generate_source("prop.d.ts", text, &dts2rs::Config::default())
        .map_err(|e| e.to_string())?;
    Ok(generation.files().iter().map(|f| f.contents.clone()).collect())
}

proptest! {
    #![proptest_config(RunnerConfig { cases: 64, failure_persistence: None, ..RunnerConfig::default() })]

    #[test]
    fn generated_code_parses_and_is_deterministic(text in declaration_file()) {
        let first = generate(&text).map_err(|e| TestCaseError::fail(format!("{e}\n--- input ---\n{text}")))?;
        for code in &first {
            if let Err(e) = syn::parse_file(code) {
                return Err(TestCaseError::fail(format!("{e}\n--- input ---\n{text}\n--- output ---\n{code}")));
            }
        }
        let second = generate(&text).map_err(TestCaseError::fail)?;
        prop_assert_eq!(first, second, "two generations differ for\n{}", text);
    }
}

proptest! {
    #![proptest_config(RunnerConfig {
        cases: 32,
        failure_persistence: None,
        ..RunnerConfig::default()
    })]

    /// `dts2rs diff X X` reports nothing, re-exports included.
    #[test]
    fn diff_of_an_input_with_itself_is_empty((decls, index) in reexporting_folder()) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("decls.d.ts"), &decls).unwrap();
        std::fs::write(dir.path().join("index.d.ts"), &index).unwrap();
        let input = format!("--- decls ---\n{decls}\n--- index ---\n{index}");
        let report = dts2rs::diff::diff(dir.path(), dir.path(), None)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{input}")))?;
        prop_assert!(report.changes.is_empty(), "{}{input}", report.render_text());
    }
}

/// How many generated outputs the sample compiles, unless `DTS2RS_PROPERTY_SAMPLES` says.
const SAMPLES: usize = 6;

/// Compiles [`SAMPLES`] generated outputs in a scratch crate under `#![deny(warnings)]`, offline,
/// against the registry already downloaded. Slow (it builds serde), hence ignored; run it with
/// `cargo test -p dts2rs --test properties -- --ignored`. CI's sample is always the same;
/// `DTS2RS_PROPERTY_SEED=N` (any number) draws another, and `DTS2RS_PROPERTY_SAMPLES=N`
/// another size, to look for new failures.
#[test]
#[ignore]
fn sample_compiles_under_deny_warnings() {
    let number = |name: &str| {
        std::env::var(name).ok().map(|v| {
            v.parse::<u64>().unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}"))
        })
    };
    let mut runner = match number("DTS2RS_PROPERTY_SEED") {
        None => TestRunner::deterministic(),
        Some(seed) => {
            let mut bytes = [0u8; 32];
            bytes[..8].copy_from_slice(&seed.to_le_bytes());
            let rng = proptest::test_runner::TestRng::from_seed(
                proptest::test_runner::RngAlgorithm::ChaCha,
                &bytes,
            );
            TestRunner::new_with_rng(RunnerConfig::default(), rng)
        }
    };
    let samples = number("DTS2RS_PROPERTY_SAMPLES").map_or(SAMPLES, |n| n as usize);
    let strategy = declaration_file();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = String::from("#![deny(warnings)]\n#![allow(dead_code)]\n");
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    for i in 0..samples {
        let text = strategy.new_tree(&mut runner).expect("a case").current();
        let code = generate(&text).unwrap_or_else(|e| panic!("{e}\n{text}")).remove(0);
        std::fs::write(src.join(format!("sample{i}.rs")), code).unwrap();
        std::fs::write(src.join(format!("sample{i}.d.ts")), &text).unwrap();
        lib.push_str(&format!("pub mod sample{i};\n"));
    }
    std::fs::write(src.join("lib.rs"), lib).unwrap();
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"sample\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n\n[workspace]\n",
    )
    .unwrap();
    let output = scratch::cargo(dir.path(), &["build"], "property-sample");
    assert!(
        output.status.success(),
        "the sample does not compile (sources kept in {}):\n{}",
        dir.keep().display(),
        String::from_utf8_lossy(&output.stderr)
    );
}
