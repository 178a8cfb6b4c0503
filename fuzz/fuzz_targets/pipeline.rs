//! The whole pipeline on arbitrary bytes: parse → model → emit → format must never panic, and
//! whatever it generates must be Rust that `syn` parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::Once;

/// swc's parser asserts (in debug builds) on expressions in declaration-file mode; dts2rs
/// catches that panic and reports a syntax error. libFuzzer's hook aborts on every panic, so
/// panics raised inside swc's parser (and only those) are let through to dts2rs's handler.
fn let_swc_parser_panics_through() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_parser = info.location().is_some_and(|l| l.file().contains("swc_ecma_parser"));
            if !in_parser {
                abort(info);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    let_swc_parser_panics_through();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = dts2rs::Config::default();
    match dts2rs::generate_source("fuzz.d.ts", text, &config) {
        Ok(generation) => {
            for file in generation.files() {
                if let Err(e) = syn::parse_file(&file.contents) {
                    panic!("generated code does not parse: {e}\n--- output ---\n{}", file.contents);
                }
            }
        }
        // The pipeline runs on its own thread and turns a panic there into this error (libFuzzer's
        // panic hook aborts first; this catches it should the hook ever not run).
        Err(e) => assert!(!e.to_string().contains("internal error"), "{e}"),
    }
});
