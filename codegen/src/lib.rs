//! Generate idiomatic serde Rust types from TypeScript declaration files (`.d.ts`), with every
//! doc comment kept.
//!
//! The pipeline has three stages, one folder each:
//! - `parse`: swc reads the declarations (comments kept) and lowers them into the model's
//!   TypeScript-side types;
//! - `model`: names are resolved, anonymous types are named after their place, identical
//!   literal unions are shared and the config applied, giving a Rust-shaped model;
//! - `emit`: the model becomes `syn` syntax trees (built directly, never parsed back from
//!   tokens), printed by `prettyplease` under an `@generated` header.
//!
//! [`Builder`] runs all three, from a build script or the `dts2rs` command:
//!
//! ```no_run
//! let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
//! dts2rs::Builder::new()
//!     .input("input")
//!     .config("input/dts2rs.toml")
//!     .generate_to(out.join("bindings.rs"))
//!     .expect("dts2rs failed");
//! ```
//!
//! The API, in the order a build script meets it:
//! - [`Builder`]: inputs, a config ([`Config`], from `dts2rs.toml` or built with setters),
//!   then [`generate`](Builder::generate) (in memory) or [`generate_to`](Builder::generate_to)
//!   (writes only what changed; `cargo:` directives from a build script);
//! - [`Generation`]: the [`OutputFile`]s, the warnings and notes as [`Diagnostic`]s
//!   ([`diagnostics`](Generation::diagnostics)) or rendered ([`warnings`](Generation::warnings)),
//!   [`stale_files`](Generation::stale_files) for a freshness check;
//! - [`Error`]: one or more error [`Diagnostic`]s with their source lines in `Display`, and
//!   [`ErrorKind`] telling bad input from a file that cannot be read or written;
//! - [`diff`]: what changed between two versions of the declarations, and whom it breaks;
//! - [`generate_source`]: one declaration text held in memory, without the file system.

#![deny(missing_docs)]
#![warn(unreachable_pub)]
// The lints of every target (`unsafe_code` forbidden, …): Cargo.toml's `[lints]` table.

mod builder;
pub mod config;
// The registry of source texts and spans is the stages' own; its diagnostics are re-exported.
#[doc(hidden)]
pub mod diagnostics;
pub mod diff;
mod error;
// The stages are not the library's API: their types change with the generator. They stay
// reachable (hidden) for the benchmarks and the fuzzer, which time and drive them one by one.
#[doc(hidden)]
pub mod emit;
#[doc(hidden)]
pub mod model;
#[doc(hidden)]
pub mod output;
mod parallel;
#[doc(hidden)]
pub mod parse;

pub use builder::{generate_source, Builder, Generation};
pub use config::Config;
pub use diagnostics::{Diagnostic, Location, Severity};
pub use error::{Error, ErrorKind};
pub use output::OutputFile;
