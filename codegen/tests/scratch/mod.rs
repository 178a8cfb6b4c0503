//! Scratch crates that tests build with cargo: offline, with the workspace's lock file (whose
//! versions are already downloaded), each kind in a target folder of its own that outlives the
//! test, so serde is built once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `cargo <args>` in the crate at `dir` (whose `Cargo.toml` the test wrote), offline and
/// quiet, with the workspace's `Cargo.lock` and the target folder `target/<target>`.
pub fn cargo(dir: &Path, args: &[&str], target: &str) -> Output {
    cargo_with(dir, args, target, &[])
}

/// [`cargo`] with the environment variables `env` set (`RUSTDOCFLAGS`, …).
#[allow(dead_code)] // not every test that includes this module sets any
pub fn cargo_with(dir: &Path, args: &[&str], target: &str, env: &[(&str, &str)]) -> Output {
    let lock = concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock");
    std::fs::copy(lock, dir.join("Cargo.lock")).expect("copy Cargo.lock");
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../target").into())
        .join(target);
    Command::new(env!("CARGO"))
        .args(args)
        .args(["--offline", "--quiet", "--target-dir"])
        .arg(target_dir)
        .current_dir(dir)
        .envs(env.iter().copied())
        .output()
        .expect("run cargo")
}
