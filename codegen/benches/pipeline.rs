//! The pipeline against its floor: swc parsing alone vs. every dts2rs stage, on the openai
//! 4.104.0 `resources/` tree (78 `.d.ts` files).
//!
//! ```sh
//! tests/corpus/fetch.sh openai 4.104.0   # once: fetches the corpus into target/corpus-cache
//! cargo bench -p dts2rs --bench pipeline
//! ```
//!
//! Benchmarks (all over the whole tree, texts already in memory unless said):
//! - `parse_only`: swc parses each file as a TypeScript declaration module, comments collected,
//!   exactly as dts2rs calls it: the floor.
//! - `stage/parse`: `dts2rs::parse::parse_file` (swc + nesting check + lowering to the model).
//! - `stage/model`: `dts2rs::model::build::build` on the parsed files.
//! - `stage/emit`: `dts2rs::emit::emit` (`syn` trees, prettyplease, doc comments) on the built model.
//! - `stage/write`: writing the emitted files into a fresh temporary folder.
//! - `full`: `Builder::generate_to` a fresh temporary folder: read, parse, model, emit, write.
//!
//! The corpus folder is `$DTS2RS_BENCH_CORPUS` (the `package` folder of openai 4.104.0) or the
//! cache `fetch.sh` fills. A missing corpus is a panic with what to run, never a silent skip.

#[path = "common/swc_floor.rs"]
mod swc_floor;

use criterion::{criterion_group, BatchSize, Criterion};
use dts2rs::diagnostics::Sources;
use dts2rs::emit::{self, Layout};
use dts2rs::model::build::{self, InputFile};
use dts2rs::output;
use dts2rs::{parse, Builder, Config};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The `resources/` folder of the corpus; panics with the command to run when it is missing.
fn resources() -> PathBuf {
    let package = std::env::var_os("DTS2RS_BENCH_CORPUS").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/corpus-cache/openai-4.104.0/package")
    });
    let resources = package.join("resources");
    assert!(
        resources.join("beta/realtime/sessions.d.ts").is_file(),
        "the benchmark corpus is missing: no openai 4.104.0 `resources/` at `{}`.\n\
         Run `tests/corpus/fetch.sh openai 4.104.0` from the repository root (it needs npm and \
         the network once), or set DTS2RS_BENCH_CORPUS to the fetched `package` folder.",
        resources.display()
    );
    resources
}

/// One declaration file: its display name, module path and text.
struct Input {
    name: String,
    module_path: Vec<String>,
    text: String,
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<Input>) {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("read corpus").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, root, out);
        } else if let Some(stem) =
            path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".d.ts"))
        {
            let relative = path.strip_prefix(root).expect("under root");
            let mut module_path: Vec<String> = relative
                .parent()
                .map(|p| p.iter().map(|c| c.to_string_lossy().into_owned()).collect())
                .unwrap_or_default();
            module_path.push(stem.to_owned());
            out.push(Input {
                name: path.display().to_string(),
                module_path,
                text: std::fs::read_to_string(&path).expect("read corpus file"),
            });
        }
    }
}

/// swc alone, called as `dts2rs::parse` calls it.
fn swc_parse(name: &str, text: &str) -> swc_ecma_ast::Module {
    swc_floor::swc_parse(name, text).expect("the corpus parses without errors")
}

fn benches(c: &mut Criterion) {
    let root = resources();
    let mut inputs = Vec::new();
    collect(&root, &root, &mut inputs);
    assert_eq!(inputs.len(), 78, "openai 4.104.0 resources/ has 78 declaration files");
    let config = Config::default();
    let label = root.display().to_string();

    c.bench_function("parse_only", |b| {
        b.iter(|| {
            for input in &inputs {
                black_box(swc_parse(&input.name, &input.text));
            }
        })
    });

    let mut sources = Sources::default();
    let files: Vec<_> =
        inputs.iter().map(|i| sources.add(i.name.clone(), i.text.clone())).collect();
    let mut group = c.benchmark_group("stage");
    group.bench_function("parse", |b| {
        b.iter(|| {
            for (input, file) in inputs.iter().zip(&files) {
                black_box(parse::parse_file(*file, &input.name, sources.text(*file)).unwrap());
            }
        })
    });

    let parsed: Vec<_> = inputs
        .iter()
        .zip(&files)
        .map(|(input, file)| parse::parse_file(*file, &input.name, sources.text(*file)).unwrap())
        .collect();
    let model_inputs: Vec<InputFile<'_>> = inputs
        .iter()
        .zip(&files)
        .zip(&parsed)
        .map(|((input, file), parsed)| InputFile {
            file: *file,
            display: input.name.clone(),
            module_path: input.module_path.clone(),
            decls: &parsed.decls,
            links: Vec::new(),
            on_demand: false,
        })
        .collect();
    group.bench_function("model", |b| b.iter(|| black_box(build::build(&model_inputs, &config))));

    let model = build::build(&model_inputs, &config);
    group.bench_function("emit", |b| {
        b.iter(|| black_box(emit::emit(&model.root, Layout::Tree, &label, &config).unwrap()))
    });

    let rendered = emit::emit(&model.root, Layout::Tree, &label, &config).unwrap();
    group.bench_function("write", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                for file in &rendered {
                    let mut file = file.clone();
                    file.path = dir.path().join(&file.path);
                    assert!(output::write_file_if_changed(&file).expect("write"));
                }
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();

    let builder = Builder::new().input(&root).cargo_directives(false);
    c.bench_function("full", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                black_box(builder.generate_to(dir.path().join("out")).unwrap());
                dir
            },
            BatchSize::PerIteration,
        )
    });
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(6))
}

criterion_group! { name = pipeline; config = config(); targets = benches }

/// criterion's `main`, on a thread with the stack `dts2rs` gives its own pipeline (the stages
/// are called directly here, so they run on this thread).
fn main() {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            pipeline();
            Criterion::default().configure_from_args().final_summary();
        })
        .expect("spawn bench thread")
        .join()
        .expect("bench thread");
}
