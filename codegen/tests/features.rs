//! `module_features`: each unit of the output is behind a Cargo feature, and the generated
//! table makes every feature compile alone. The fixture `tests/features/` is a folder whose
//! files use each other (`billing/refunds` → `billing/invoices` → `shared`), one that
//! stands alone (`chat`), and an index re-exporting from them.

mod scratch;

use std::path::Path;

/// Generates the fixture with `module_features` into `out`.
fn generate(out: &Path) -> dts2rs::Generation {
    let config = dts2rs::Config::default().module_features(true);
    dts2rs::Builder::new()
        .input("tests/features")
        .config_value(config)
        .generate_to(out)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_table_lists_what_each_module_uses() {
    let dir = tempfile::tempdir().unwrap();
    generate(&dir.path().join("bindings")).write().unwrap();
    let table = std::fs::read_to_string(dir.path().join("bindings/features.toml")).unwrap();
    let rows: Vec<&str> = table.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        rows,
        [
            "[features]",
            "\"billing-invoices\" = [\"shared\"]",
            "\"billing-refunds\" = [\"billing-invoices\"]",
            "\"chat\" = []",
            "\"shared\" = []",
        ]
    );
    let root = std::fs::read_to_string(dir.path().join("bindings/mod.rs")).unwrap();
    // Two globs: each behind its own module's feature.
    assert!(root.contains("#[cfg(feature = \"chat\")]\npub use chat::*;"), "{root}");
    assert!(root.contains("#[cfg(feature = \"shared\")]\npub use shared::*;"), "{root}");
    assert!(
        root.contains(
            "#[cfg(feature = \"billing-invoices\")]\npub use billing::invoices::Invoice;"
        ),
        "{root}"
    );
    assert!(
        root.contains("/// Types declared in `features/shared.d.ts`.\n#[cfg(feature = \"shared\")]\npub mod shared;"),
        "{root}"
    );
}

#[test]
fn the_single_file_layout_is_refused() {
    let config = dts2rs::Config::default().module_features(true);
    let error = dts2rs::Builder::new()
        .input("tests/features")
        .config_value(config)
        .generate("bindings.rs")
        .expect_err("an error");
    assert!(error.to_string().contains("`module_features` needs the folder layout"), "{error}");
}

/// A crate holding the bindings with the table pasted into its manifest, checked under
/// `#![deny(warnings)]` with no feature, each feature alone, and all of them.
#[test]
fn every_feature_compiles_alone() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    generate(&src.join("bindings")).write().unwrap();
    let table = std::fs::read_to_string(src.join("bindings/features.toml")).unwrap();
    let features: Vec<String> = table
        .lines()
        .filter_map(|l| l.strip_prefix('"')?.split_once('"').map(|(f, _)| f.to_owned()))
        .collect();
    std::fs::write(
        dir.path().join("Cargo.toml"),
        format!(
            "[package]\nname = \"features\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
             [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\n\
             [workspace]\n\n{table}"
        ),
    )
    .unwrap();
    std::fs::write(
        src.join("lib.rs"),
        "#![deny(warnings)]\n#[path = \"bindings/mod.rs\"]\npub mod bindings;\n",
    )
    .unwrap();
    let mut sets: Vec<String> = vec![String::new(), features.join(",")];
    sets.extend(features.iter().cloned());
    for set in sets {
        let output = scratch::cargo(
            dir.path(),
            &["check", "--no-default-features", "--features", &set],
            "features-check",
        );
        assert!(
            output.status.success(),
            "the bindings do not compile with features [{set}]:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
