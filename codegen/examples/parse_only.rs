//! The floor for `tests/bench.sh layouts` (issue 11): a whole process that reads every `.d.ts`
//! file under a folder and parses it with swc exactly as dts2rs does (a TypeScript declaration
//! module, comments collected), on as many threads as dts2rs uses, and does nothing else.
//!
//! ```text
//! cargo run --release -p dts2rs --example parse_only -- <folder>
//! ```
//!
//! It prints the number of files and module items parsed, so the work cannot be optimised away.

#[path = "../benches/common/swc_floor.rs"]
mod swc_floor;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(root) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: parse_only <folder of .d.ts files>");
        return ExitCode::FAILURE;
    };
    let mut files = Vec::new();
    if let Err(error) = collect(&root, &mut files) {
        eprintln!("parse_only: cannot read `{}`: {error}", root.display());
        return ExitCode::FAILURE;
    }
    files.sort();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len());
    let chunk = files.len().div_ceil(threads.max(1)).max(1);
    let counts: Vec<Result<usize, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|paths| scope.spawn(move || paths.iter().map(|p| parse(p)).sum::<Result<_, _>>()))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|_| Err("a worker panicked".into())))
            .collect()
    });
    let mut items = 0;
    for count in counts {
        match count {
            Ok(n) => items += n,
            Err(error) => {
                eprintln!("parse_only: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("{} files, {items} module items", files.len());
    ExitCode::SUCCESS
}

/// Every `.d.ts` file under `dir`, recursively.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.to_string_lossy().ends_with(".d.ts") {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads and parses one file as dts2rs does; the number of its module items.
fn parse(path: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(swc_floor::swc_parse(&path.display().to_string(), &text)?.body.len())
}
