//! The `dts2rs` command: generate, `--check` that checked-in output is fresh, or `diff` two
//! versions of the declarations.
//!
//! Exit status: 0 done (or fresh), 1 `--check` found stale files (or `diff --deny-breaking`
//! found a breaking change of the kind denied), 2 bad input or I/O error.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// See the `mimalloc` entry of Cargo.toml: most of what dts2rs does is allocate small values.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Generate idiomatic serde Rust types from TypeScript declaration files (.d.ts).
#[derive(Debug, Parser)]
#[command(
    name = "dts2rs",
    version,
    about,
    long_about = None,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// A `.d.ts` file, or a folder whose `.d.ts` files (at any depth) are all read.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Where to write: a path ending in `.rs` is one file with inline modules; anything else
    /// is a folder with a root `mod.rs`.
    #[arg(short, long, value_name = "OUT", required = true)]
    output: Option<PathBuf>,

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

#[derive(Debug, Subcommand)]
enum Command {
    /// Report what changed between two versions of the declarations, per Rust item, and
    /// whether each change breaks users of the generated bindings.
    Diff {
        /// The old version: a `.d.ts` file or a folder of them.
        #[arg(value_name = "OLD")]
        old: PathBuf,

        /// The new version: a `.d.ts` file or a folder of them.
        #[arg(value_name = "NEW")]
        new: PathBuf,

        /// The `dts2rs.toml` applied to both versions.
        #[arg(short, long, value_name = "FILE")]
        config: Option<PathBuf>,

        /// The report's format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,

        /// Exit 1 when a change breaks the Rust API (`api`), the wire format (`wire`), or
        /// either (`both`, the default when no value is given).
        // `=` required: `--deny-breaking OLD NEW` must not read OLD as the value.
        #[arg(
            long,
            value_name = "KIND",
            num_args = 0..=1,
            require_equals = true,
            default_missing_value = "both"
        )]
        deny_breaking: Option<Deny>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Readable text, grouped by module.
    Text,
    /// JSON, for tools.
    Json,
}

/// The breaking changes `diff --deny-breaking` fails on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Changes that break Rust code written against the old bindings.
    Api,
    /// Changes that break payloads the old bindings accepted or produced.
    Wire,
    /// Either kind.
    Both,
}

impl Deny {
    /// How many changes of `report` this denies, what they are called, and the option's value.
    fn count(self, report: &dts2rs::diff::Report) -> (usize, &'static str, &'static str) {
        match self {
            Deny::Api => (report.api_breaking_count(), "Rust-API-breaking", "=api"),
            Deny::Wire => (report.wire_breaking_count(), "wire-breaking", "=wire"),
            Deny::Both => (report.breaking_count(), "breaking", ""),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Diff { old, new, config, format, deny_breaking }) => {
            diff(old, new, config, format, deny_breaking)
        }
        None => generate(cli),
    }
}

fn diff(
    old: PathBuf,
    new: PathBuf,
    config: Option<PathBuf>,
    format: Format,
    deny_breaking: Option<Deny>,
) -> ExitCode {
    let report = match dts2rs::diff::diff(&old, &new, config.as_deref()) {
        Ok(report) => report,
        Err(error) => {
            eprint!("{}", with_newline(&error.to_string()));
            return ExitCode::from(2);
        }
    };
    let text = match format {
        Format::Text => report.render_text(),
        Format::Json => report.render_json(),
    };
    // A reader that stops early (`dts2rs diff … | head`) closes the pipe: not an error of
    // ours, and no reason to panic as `print!` would.
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = std::io::Write::write_all(&mut stdout, text.as_bytes())
        .and_then(|()| std::io::Write::flush(&mut stdout))
    {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("dts2rs: cannot write the report: {error}");
            return ExitCode::from(2);
        }
    }
    if let Some(deny) = deny_breaking {
        let (denied, what, value) = deny.count(&report);
        if denied > 0 {
            eprintln!("dts2rs: {denied} {what} change(s) (--deny-breaking{value})");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

fn generate(cli: Cli) -> ExitCode {
    let output = cli.output.expect("clap requires -o without a subcommand");
    let mut builder = dts2rs::Builder::new().cargo_directives(false);
    for input in &cli.inputs {
        builder = builder.input(input);
    }
    if let Some(config) = &cli.config {
        builder = builder.config(config);
    }
    let generation = match builder.generate(&output) {
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
    let (warnings, notes) = (generation.warning_count(), generation.note_count());
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
                "dts2rs: wrote {written} of {total} file(s) ({} unchanged), {warnings} warning(s), {notes} note(s)",
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
