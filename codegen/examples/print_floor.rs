//! The emit path's own floor for `tests/bench.sh layouts` (issue 11): how long `prettyplease`
//! takes to print the syntax trees of a generated file, and the allocator (the system's here;
//! the command's is mimalloc) to free them, on as many threads as dts2rs uses. dts2rs builds those trees and prints them with
//! `prettyplease` (a fixed part of its design), so no generation of that output can take less.
//!
//! ```text
//! cargo run --release -p dts2rs --example print_floor -- <generated .rs file>
//! ```
//!
//! Each thread parses the file with `syn` (not timed: `syn` values cannot cross threads) and
//! keeps its share of the items (modules opened into their items; doc attributes taken out, see
//! [`WithoutDocs`]), shares cut by size. Then, timed from when every thread is ready to when the last is done, each prints its share
//! and drops its trees. It prints that time, in milliseconds, and the bytes printed.

use std::process::ExitCode;
use std::sync::Barrier;
use std::time::Instant;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: print_floor <generated .rs file>");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("print_floor: cannot read `{}`: {error}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = syn::parse_file(&text) {
        eprintln!("print_floor: `{}` is not Rust: {error}", path.to_string_lossy());
        return ExitCode::FAILURE;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let ready = Barrier::new(threads);
    // Each worker's (start, end, bytes printed); the floor is from the first start to the last end.
    let runs: Vec<(Instant, Instant, usize)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|share| {
                let (text, ready) = (&text, &ready);
                scope.spawn(move || {
                    let file = share_of(text, share, threads);
                    ready.wait();
                    let start = Instant::now();
                    let printed = prettyplease::unparse(&file).len();
                    drop(file);
                    (start, Instant::now(), printed)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("a worker panicked")).collect()
    });
    let (Some(start), Some(end)) = (runs.iter().map(|r| r.0).min(), runs.iter().map(|r| r.1).max())
    else {
        unreachable!("at least one worker")
    };
    let bytes: usize = runs.iter().map(|r| r.2).sum();
    let done = end - start;
    println!("{:.2} ms {bytes} bytes", done.as_secs_f64() * 1000.0);
    ExitCode::SUCCESS
}

/// Share `share` of `shares` of the file's items (modules opened into their items), cut where
/// the items' source text crosses each share's part of the whole.
fn share_of(text: &str, share: usize, shares: usize) -> syn::File {
    let mut file = syn::parse_file(text).expect("checked on the main thread");
    syn::visit_mut::VisitMut::visit_file_mut(&mut WithoutDocs, &mut file);
    let mut items = Vec::new();
    for item in file.items {
        match item {
            syn::Item::Mod(syn::ItemMod { content: Some((_, inner)), .. }) => items.extend(inner),
            item => items.push(item),
        }
    }
    let sizes: Vec<usize> =
        items.iter().map(|item| quote::ToTokens::to_token_stream(item).to_string().len()).collect();
    let total: usize = sizes.iter().sum();
    let (mut before, mut mine) = (0, Vec::new());
    for (item, size) in items.into_iter().zip(sizes) {
        if before * shares / total.max(1) == share {
            mine.push(item);
        }
        before += size;
    }
    syn::File { shebang: None, attrs: vec![], items: mine }
}

/// Takes out every doc attribute: dts2rs prints a short placeholder for each doc comment and
/// puts the comment in afterwards, so the docs are no part of what `prettyplease` prints.
struct WithoutDocs;

impl syn::visit_mut::VisitMut for WithoutDocs {
    fn visit_attributes_mut(&mut self, attrs: &mut Vec<syn::Attribute>) {
        attrs.retain(|attr| !attr.path().is_ident("doc"));
        for attr in attrs {
            self.visit_attribute_mut(attr);
        }
    }
}
