//! `dts2rs diff` as a command: the text and JSON reports, exit codes and `--deny-breaking`, on
//! the library's diff fixtures (`codegen/tests/diff/`).

use assert_cmd::Command;
use predicates::prelude::*;

fn dts2rs() -> Command {
    Command::cargo_bin("dts2rs").expect("the dts2rs binary is built")
}

#[test]
fn cli_prints_the_text_report_and_exits_0_even_when_breaking() {
    let expected = std::fs::read_to_string("../tests/diff/fields/report.txt").unwrap();
    dts2rs()
        .args(["diff", "../tests/diff/fields/old.d.ts", "../tests/diff/fields/new.d.ts"])
        .assert()
        .code(0)
        .stdout(expected);
}

#[test]
fn cli_deny_breaking_exits_1_only_when_breaking() {
    dts2rs()
        .args([
            "diff",
            "--deny-breaking",
            "../tests/diff/fields/old.d.ts",
            "../tests/diff/fields/new.d.ts",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("6 breaking change(s)"));
    dts2rs()
        .args([
            "diff",
            "--deny-breaking",
            "../tests/diff/docs/old.d.ts",
            "../tests/diff/docs/new.d.ts",
        ])
        .assert()
        .code(0);
    dts2rs()
        .args([
            "diff",
            "--deny-breaking",
            "--config",
            "../tests/diff/non_exhaustive/dts2rs.toml",
            "../tests/diff/non_exhaustive/old.d.ts",
            "../tests/diff/non_exhaustive/new.d.ts",
        ])
        .assert()
        .code(0);
}

#[test]
fn cli_deny_breaking_takes_the_kind_denied() {
    // tests/diff/wire: 2 wire-breaking changes, none breaking the Rust API.
    let wire = ["../tests/diff/wire/old.d.ts", "../tests/diff/wire/new.d.ts"];
    dts2rs().args(["diff", "--deny-breaking=api"]).args(wire).assert().code(0);
    for deny in ["--deny-breaking=wire", "--deny-breaking=both", "--deny-breaking"] {
        dts2rs()
            .args(["diff", deny])
            .args(wire)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(" 2 "));
    }
    dts2rs()
        .args(["diff", "--deny-breaking=wire"])
        .args(wire)
        .assert()
        .stderr("dts2rs: 2 wire-breaking change(s) (--deny-breaking=wire)\n");
    // tests/diff/traits: trait changes break Rust code only.
    let traits = ["../tests/diff/traits/old.d.ts", "../tests/diff/traits/new.d.ts"];
    dts2rs().args(["diff", "--deny-breaking=wire"]).args(traits).assert().code(0);
    dts2rs()
        .args(["diff", "--deny-breaking=api"])
        .args(traits)
        .assert()
        .code(1)
        .stderr("dts2rs: 3 Rust-API-breaking change(s) (--deny-breaking=api)\n");
    dts2rs().args(["diff", "--deny-breaking=all"]).args(wire).assert().code(2);
}

#[test]
fn cli_json_format() {
    let output = dts2rs()
        .args([
            "diff",
            "--format",
            "json",
            "../tests/diff/enums/old.d.ts",
            "../tests/diff/enums/new.d.ts",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["breaking"], 6);
    assert_eq!((&json["api_breaking"], &json["wire_breaking"]), (&6.into(), &2.into()));
    assert_eq!(
        json["summary"],
        serde_json::json!([
            {
                "kind": "variant_added",
                "changes": 4,
                "breaking": 4,
                "api_breaking": 4,
                "wire_breaking": 0,
            },
            {
                "kind": "variant_removed",
                "changes": 2,
                "breaking": 2,
                "api_breaking": 2,
                "wire_breaking": 2,
            },
        ])
    );
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 6);
    assert_eq!(
        changes[2],
        serde_json::json!({
            "module": "",
            "item": "Open",
            "item_kind": "enum",
            "kind": "variant_added",
            "member": "Ballad",
            "breaking": true,
            "api_breaking": true,
            "wire_breaking": false,
            "message": "variant `Ballad` (\"ballad\") added; exhaustive `match`es must handle it (the enum is open: this value used to arrive as `Other`, so no payload breaks)",
        })
    );
}

#[test]
fn cli_bad_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.d.ts");
    std::fs::write(&broken, "export interface {").unwrap();
    let good = "../tests/diff/fields/old.d.ts";
    for args in [
        vec!["diff", good, "../tests/diff/missing.d.ts"],
        vec!["diff", broken.to_str().unwrap(), good],
        vec!["diff", "--config", "../tests/diff/missing.toml", good, good],
        vec!["diff", good],
        vec!["diff", "--format", "yaml", good, good],
    ] {
        dts2rs().args(&args).assert().code(2).stderr(predicate::str::contains("error"));
    }
}

#[test]
fn cli_generation_form_still_works_beside_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.rs");
    dts2rs()
        .args(["../tests/diff/fields/new.d.ts", "-o", out.to_str().unwrap()])
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().contains("pub struct Session"));
    dts2rs().args(["--help"]).assert().success().stdout(predicate::str::contains("diff"));
    dts2rs().args(["diff", "--help"]).assert().success().stdout(
        predicate::str::contains("--deny-breaking").and(predicate::str::contains("--format")),
    );
}

/// A reader that stops early (`dts2rs diff … | head`) closes the pipe: the command ends
/// quietly instead of panicking. The report (3 000 removed structs) outgrows a pipe's buffer,
/// so the command is still writing when the pipe closes.
#[test]
fn cli_diff_into_a_closed_pipe_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let old: String =
        (0..3000).map(|i| format!("export interface Item{i} {{ id: string; }}\n")).collect();
    std::fs::write(dir.path().join("old.d.ts"), old).unwrap();
    std::fs::write(dir.path().join("new.d.ts"), "export interface Kept { id: string; }\n").unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dts2rs"))
        .arg("diff")
        .arg(dir.path().join("old.d.ts"))
        .arg(dir.path().join("new.d.ts"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before the report is written
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}
