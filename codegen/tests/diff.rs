//! `dts2rs diff`: one handwritten OLD/NEW pair per class of change (`tests/diff/<case>/`),
//! checked against the exact report (`report.txt`) and the classification of every change;
//! then the command: `--format json` and the exit codes.
//!
//! `EXPECTORATE=overwrite cargo test -p dts2rs --test diff` rewrites the reports; review the diff.

use dts2rs::diff::{ChangeKind, Report};
use std::path::Path;
use ChangeKind::*;

/// Diffs `tests/diff/<case>/old*` against `new*` (files `old.d.ts`, or folders `old/`), with
/// `dts2rs.toml` there as config, and checks the text report against `report.txt`.
fn report(case: &str) -> Report {
    let dir = Path::new("tests/diff").join(case);
    let side = |name: &str| {
        let file = dir.join(format!("{name}.d.ts"));
        if file.exists() {
            file
        } else {
            dir.join(name)
        }
    };
    let config = dir.join("dts2rs.toml");
    let config = config.exists().then_some(config.as_path());
    let report =
        dts2rs::diff::diff(side("old"), side("new"), config).unwrap_or_else(|e| panic!("{e}"));
    expectorate::assert_contents(dir.join("report.txt"), &report.render_text());
    report
}

/// `(kind, member, whom it breaks)` of every change of `item`, in report order; whom it breaks
/// is `api`, `wire`, `api+wire`, or empty for a compatible change.
fn classes(report: &Report, item: &str) -> Vec<(ChangeKind, Option<String>, &'static str)> {
    report
        .changes
        .iter()
        .filter(|c| c.item == item)
        .inspect(|c| assert_eq!(c.breaking, c.api_breaking || c.wire_breaking, "{c:?}"))
        .map(|c| (c.kind, c.member.clone(), c.breaks().label()))
        .collect()
}

fn member(
    kind: ChangeKind,
    name: &str,
    breaks: &'static str,
) -> (ChangeKind, Option<String>, &'static str) {
    (kind, Some(name.to_owned()), breaks)
}

#[test]
fn items_added_removed_and_reshaped() {
    let report = report("items");
    assert_eq!(classes(&report, "Added"), [(ItemAdded, None, "")]);
    assert_eq!(classes(&report, "Removed"), [(ItemRemoved, None, "api")]);
    assert_eq!(classes(&report, "Reshaped"), [(ItemKindChanged, None, "api+wire")]);
    assert!(classes(&report, "Kept").is_empty());
}

#[test]
fn struct_fields() {
    let report = report("fields");
    assert_eq!(
        classes(&report, "Session"),
        [
            member(FieldRemoved, "gone", "api+wire"),
            member(FieldRequired, "becomes_required", "api+wire"),
            member(FieldOptional, "becomes_optional", "api"),
            member(FieldTypeChanged, "renamed_type", "api+wire"),
            member(FieldAdded, "added_optional", "api"),
            member(FieldAdded, "added_required", "api+wire"),
        ]
    );
    assert!(classes(&report, "Empty").is_empty());
    let added = report.changes.iter().find(|c| c.member.as_deref() == Some("added_optional"));
    assert!(added.unwrap().message.contains("breaks struct literals"), "{report:?}");
}

#[test]
fn nullability_is_part_of_a_field_type() {
    let report = report("nullable");
    assert_eq!(
        classes(&report, "Settings"),
        [
            member(FieldTypeChanged, "becomes_nullable", "api"),
            member(FieldTypeChanged, "becomes_non_nullable", "api+wire"),
            member(FieldTypeChanged, "retyped", "api+wire"),
        ]
    );
    let text = report.render_text();
    assert!(text.contains("from `Option<String>` to `Option<Option<String>>`"), "{text}");
    assert!(text.contains("from `Option<Option<String>>` to `Option<Option<f64>>`"), "{text}");
}

#[test]
fn wire_only_changes() {
    let report = report("wire");
    assert_eq!(classes(&report, "Headers"), [member(FieldWireChanged, "content_type", "wire")]);
    assert_eq!(classes(&report, "Closed"), [member(VariantChanged, "AB", "wire")]);
    // The old string of an open enum arrives as `Other` and is written back as it came.
    assert_eq!(classes(&report, "Open"), [member(VariantChanged, "AB", "")]);
    assert_eq!((report.api_breaking_count(), report.wire_breaking_count()), (0, 2));
}

#[test]
fn non_exhaustive_makes_additions_compatible() {
    let report = report("non_exhaustive");
    assert_eq!(classes(&report, "Session"), [member(FieldAdded, "added", "")]);
    assert_eq!(classes(&report, "Voice"), [member(VariantAdded, "Ballad", "")]);
    assert!(!report.has_breaking());
}

#[test]
fn non_exhaustive_by_path_applies_to_the_selected_items_only() {
    let report = report("non_exhaustive_paths");
    assert_eq!(classes(&report, "Session"), [member(FieldAdded, "added", "")]);
    assert_eq!(classes(&report, "Voice"), [member(VariantAdded, "Ballad", "api")]);
}

#[test]
fn enum_variants_closed_open_and_untagged() {
    let report = report("enums");
    assert_eq!(
        classes(&report, "Closed"),
        [member(VariantRemoved, "C", "api+wire"), member(VariantAdded, "D", "api")]
    );
    // An exhaustive `match` naming every variant and `Other(_)` stops compiling; every
    // payload still reads the same.
    assert_eq!(classes(&report, "Open"), [member(VariantAdded, "Ballad", "api")]);
    let open = &report.changes.iter().find(|c| c.item == "Open").unwrap().message;
    assert!(open.contains("used to arrive as `Other`"), "{open}");
    assert!(open.contains("exhaustive `match`es must handle it"), "{open}");
    assert_eq!(
        classes(&report, "Payload"),
        [member(VariantRemoved, "Number", "api+wire"), member(VariantAdded, "Bool", "api")]
    );
    assert!(classes(&report, "Renamed").is_empty());
    // Becoming open adds `Other`, which exhaustive matches must handle.
    assert_eq!(classes(&report, "Opened"), [member(VariantAdded, "Other", "api")]);
}

#[test]
fn alias_target() {
    let report = report("alias");
    assert_eq!(classes(&report, "Target"), [(AliasTargetChanged, None, "api+wire")]);
    assert!(classes(&report, "Same").is_empty());
    assert_eq!(classes(&report, "Weekly"), [(AliasTargetChanged, None, "api+wire")]);
    assert!(classes(&report, "Counts").is_empty());
}

#[test]
fn an_alias_is_compared_by_what_it_reaches() {
    let report = report("through_alias");
    // A place's enum became an alias of a shared enum with the same variants (a second place
    // has the union now): the same Rust code compiles, so it is no change.
    assert!(classes(&report, "InputAudioFormat").is_empty());
    // With another variant: only the difference is reported.
    assert_eq!(
        classes(&report, "Voice"),
        [(ItemAdded, None, ""), member(VariantAdded, "Ballad", "api")]
    );
    let voice = report.changes.iter().find(|c| c.member.as_deref() == Some("Ballad")).unwrap();
    assert_eq!((voice.module.as_str(), voice.item_kind), ("session", "type"));
    // The other way: an alias of a shared enum became the place's own enum (the union is no
    // longer shared), and a struct became an alias of a struct with the same fields.
    assert!(classes(&report, "Turn").iter().all(|c| c.0 == ItemRemoved), "{report:?}");
    assert!(classes(&report, "Usage").is_empty());
    // An alias of a struct with another field: the field is reported.
    assert_eq!(classes(&report, "Limits"), [member(FieldAdded, "min", "api+wire")]);
}

#[test]
fn an_alias_is_compared_through_a_chain_of_aliases() {
    let report = report("alias_chain");
    // A place's enum became an alias of the file's shared enum, itself an alias of the identical
    // enum defined once in another file: `b::call::Type` → `b::Type` → `a::func::Kind`. The same
    // variants: no change.
    assert!(report.changes.iter().all(|c| c.module != "b::call"), "{}", report.render_text());
    // One variant fewer: only that is reported, under the place's path.
    let tool: Vec<_> = report.changes.iter().filter(|c| c.module == "b::tool").collect();
    assert_eq!(tool.len(), 1, "{}", report.render_text());
    assert_eq!(
        (tool[0].kind, tool[0].member.as_deref(), tool[0].item_kind, tool[0].breaks().label()),
        (VariantRemoved, Some("Custom"), "type", "api+wire")
    );
}

#[test]
fn trait_methods() {
    let report = report("traits");
    assert_eq!(
        classes(&report, "Sessions"),
        [
            member(MethodSignatureChanged, "retrieve", "api"),
            member(MethodRemoved, "del", "api"),
            member(MethodAdded, "list", "api"),
        ]
    );
}

#[test]
fn doc_only_changes_are_compatible() {
    let report = report("docs");
    assert_eq!(classes(&report, "Helper"), [(DocsChanged, None, "")]);
    assert_eq!(
        classes(&report, "Session"),
        [(DocsChanged, None, ""), member(DocsChanged, "id", ""), member(DocsChanged, "mode", ""),]
    );
    assert!(!report.has_breaking());
    assert!(report.render_text().contains("(now #[deprecated])"));
}

#[test]
fn folders_are_grouped_by_module_in_order() {
    let report = report("modules");
    let modules: Vec<&str> = report.changes.iter().map(|c| c.module.as_str()).collect();
    let mut sorted = modules.clone();
    sorted.sort();
    assert_eq!(modules, sorted);
    assert_eq!(
        modules,
        [
            "realtime::sessions::session",
            "realtime::sessions::session::turn_detection",
            "realtime::sessions::session::turn_detection",
            "root",
        ]
    );
}

#[test]
fn reexports_are_compared_by_target() {
    let report = report("reexports");
    // Another type under the name; the two targets are the same on the wire.
    assert_eq!(classes(&report, "Pointer"), [(ReexportTargetChanged, None, "api")]);
    assert_eq!(classes(&report, "Differs"), [(ReexportTargetChanged, None, "api+wire")]);
    // Same target, and a declaration that became a re-export of an identical item.
    assert!(classes(&report, "Target").is_empty());
    assert!(classes(&report, "Renamed").is_empty());
    assert_eq!(classes(&report, "Moved"), [(ItemAdded, None, "")]);
    // Globs are keyed by the module they re-export: one kept, one gone.
    assert!(classes(&report, "b::*").is_empty());
    assert_eq!(classes(&report, "a::*"), [(ItemRemoved, None, "api")]);
}

#[test]
fn a_path_kept_by_a_glob_is_not_removed() {
    // `webhooks.d.ts` became `webhooks/webhooks.d.ts` with `webhooks/index.d.ts` doing
    // `export * from './webhooks'`: `webhooks::BatchEvent` and the namespace's
    // `webhooks::batch_event::Data` stay reachable through `pub use webhooks::*`, and field
    // types naming either path are the same type.
    let report = report("glob_moved");
    assert!(classes(&report, "BatchEvent").iter().all(|c| c.0 == ItemAdded), "{report:?}");
    assert!(classes(&report, "Data").iter().all(|c| c.0 == ItemAdded), "{report:?}");
    assert_eq!(classes(&report, "Type")[0], member(VariantAdded, "BatchExpired", "api"));
    // The root's `pub use webhooks::BatchEvent` became `pub use webhooks::webhooks::BatchEvent`:
    // the old path still reaches the same item.
    assert!(classes(&report, "BatchEvent").iter().all(|c| c.0 == ItemAdded), "{report:?}");
    assert_eq!(report.api_breaking_count(), 1, "{report:?}");
}

/// Asserts that `input` diffed against itself (with `config`) reports nothing.
fn assert_identity(input: &Path, config: Option<&Path>) {
    let report = dts2rs::diff::diff(input, input, config).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.render_text(), "no changes\n", "{} against itself", input.display());
}

#[test]
fn text_report_gives_counts_by_kind_then_breaking_then_compatible_changes() {
    let text = report("enums").render_text();
    let at = |line: &str| text.find(line).unwrap_or_else(|| panic!("{line:?} in\n{text}"));
    assert!(
        text.starts_with("6 change(s), 6 breaking (6 Rust API, 2 wire), 0 compatible\n"),
        "{text}"
    );
    assert!(
        at("\nvariant_added                    4        4    4    0\n")
            < at("\nbreaking changes\n")
    );
    assert!(at("\nbreaking changes\n") < at("  api+wire enum Closed: variant `C`"));
    assert!(at("  api+wire enum Closed: variant `C`") < at("  api      enum Closed: variant `D`"));
    assert!(!text.contains("\ncompatible changes\n"), "{text}");
    let text = report("through_alias").render_text();
    let at = |line: &str| text.find(line).unwrap_or_else(|| panic!("{line:?} in\n{text}"));
    assert!(at("\nbreaking changes\n") < at("  api      type Voice: variant `Ballad`"));
    assert!(at("  api      type Voice: variant `Ballad`") < at("\ncompatible changes\n"));
    assert!(at("\ncompatible changes\n") < at("  enum AudioFormat: added"));
}

#[test]
fn identical_inputs_have_no_changes() {
    assert_identity(Path::new("tests/diff/fields/old.d.ts"), None);
    assert_identity(Path::new("tests/diff/reexports/old"), None);
    assert_identity(Path::new("tests/diff/alias_chain/new"), None);
}

#[test]
fn the_repository_input_tree_against_itself_has_no_changes() {
    // Its `index.d.ts` re-exports what its sibling files declare.
    assert_identity(Path::new("../input"), None);
    assert_identity(Path::new("../input"), Some(Path::new("../input/dts2rs.toml")));
}

#[test]
fn every_mapping_fixture_against_itself_has_no_changes() {
    let mut fixtures: Vec<_> = std::fs::read_dir("tests/mapping")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".d.ts"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() > 20, "{fixtures:?}");
    for fixture in &fixtures {
        let config = fixture.to_string_lossy().replace(".d.ts", ".toml");
        let config = Path::new(&config);
        assert_identity(fixture, config.exists().then_some(config));
    }
}
