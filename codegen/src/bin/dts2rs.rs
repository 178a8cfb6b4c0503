//! The `dts2rs` command: generate, or `--check` that checked-in output is fresh.
//!
//! Exit status: 0 done (or fresh), 1 `--check` found stale files, 2 bad input or I/O error.

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Generate idiomatic serde Rust types from TypeScript declaration files (.d.ts).
#[derive(Debug, Parser)]
#[command(name = "dts2rs", version, about, long_about = None)]
struct Cli {
    /// A `.d.ts` file, or a folder whose `.d.ts` files (at any depth) are all read.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Where to write: a path ending in `.rs` is one file with inline modules; anything else
    /// is a folder with a root `mod.rs`.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,

    /// The `dts2rs.toml` with type overrides, number rules, extra derives and attributes.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Write nothing; exit 1 and name the files that are stale (for CI).
    #[arg(long)]
    check: bool,

    /// Print no warnings.
    #[arg(short, long)]
    quiet: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut builder = dts2rs::Builder::new().cargo_directives(false);
    for input in &cli.inputs {
        builder = builder.input(input);
    }
    if let Some(config) = &cli.config {
        builder = builder.config(config);
    }
    let generation = match builder.generate(&cli.output) {
        Ok(generation) => generation,
        Err(error) => {
            eprint!("{}", with_newline(&error.to_string()));
            return ExitCode::from(2);
        }
    };
    if !cli.quiet {
        for warning in generation.warnings() {
            eprint!("{}", with_newline(warning));
        }
    }
    let warnings = generation.warnings().len();
    if cli.check {
        let stale = generation.stale_files();
        if stale.is_empty() {
            eprintln!("dts2rs: {} file(s) up to date", generation.files().len());
            return ExitCode::SUCCESS;
        }
        for path in &stale {
            eprintln!("stale: {}", path.display());
        }
        eprintln!(
            "dts2rs: {} of {} file(s) stale; regenerate without --check",
            stale.len(),
            generation.files().len()
        );
        return ExitCode::from(1);
    }
    match generation.write() {
        Ok(written) => {
            let total = generation.files().len();
            eprintln!(
                "dts2rs: wrote {written} of {total} file(s) ({} unchanged), {warnings} warning(s)",
                total - written
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprint!("{}", with_newline(&error.to_string()));
            ExitCode::from(2)
        }
    }
}

fn with_newline(text: &str) -> String {
    if text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}
