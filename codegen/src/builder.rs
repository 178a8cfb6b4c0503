//! The library entry point: collect inputs, run parse → model → emit, write or check.

use crate::config::Config;
use crate::diagnostics::{Diagnostic, FileId, Severity, Sources, Span};
use crate::emit::{self, Layout};
use crate::error::{display, Error, ErrorKind};
use crate::model::build::{self, InputFile};
use crate::model::decl::{DeclFile, Link, ReExport};
use crate::output::{self, OutputFile};
use crate::parse;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The endings read as declaration files, in order of preference when one folder declares the
/// same module in several (SDKs ship `.d.ts`, `.d.mts` and `.d.cts` side by side).
const DECLARATION_SUFFIXES: &[&str] = &[".d.ts", ".d.mts", ".d.cts"];

/// Configures and runs a generation, in the style of `prost-build` and `bindgen`.
///
/// ```no_run
/// // build.rs
/// let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
/// dts2rs::Builder::new()
///     .input("input")
///     .config("input/dts2rs.toml")
///     .generate_to(out.join("bindings.rs"))
///     .expect("dts2rs failed");
/// // lib.rs: include!(concat!(env!("OUT_DIR"), "/bindings.rs"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Builder {
    inputs: Vec<PathBuf>,
    config_path: Option<PathBuf>,
    config: Option<Config>,
    cargo_directives: Option<bool>,
}

/// The result of a generation, held in memory until written.
#[derive(Debug, Clone)]
pub struct Generation {
    files: Vec<OutputFile>,
    warnings: Warnings,
    read: Vec<PathBuf>,
    model: crate::model::rust::Module,
}

/// The warnings and notes of a generation, resolved to file, line and column; rendered with
/// their source lines only when asked for (a quiet run renders none), and then once.
#[derive(Debug, Clone, Default)]
struct Warnings {
    /// What the warnings point into.
    sources: Arc<Sources>,
    /// Sorted by place; those without a place (skipped duplicate files) last.
    diagnostics: Vec<Diagnostic>,
    /// Each with its source line.
    full: OnceLock<Vec<String>>,
}

impl Warnings {
    fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    fn full(&self) -> &[String] {
        self.full.get_or_init(|| self.diagnostics.iter().map(|d| self.sources.render(d)).collect())
    }
}

impl Builder {
    /// A builder with no inputs and the default config.
    pub fn new() -> Self {
        Builder::default()
    }

    /// Adds a `.d.ts` file, a folder whose `.d.ts` files (at any depth) are all read, or a
    /// package folder (read from its `package.json` types entry). Relative imports out of the
    /// input are followed, and what the input uses of them generated under `external`.
    pub fn input(mut self, path: impl Into<PathBuf>) -> Self {
        self.inputs.push(path.into());
        self
    }

    /// Reads the config from a `dts2rs.toml` file.
    pub fn config(mut self, path: impl Into<PathBuf>) -> Self {
        self.config_path = Some(path.into());
        self
    }

    /// Uses a config built in code (replacing any config file).
    pub fn config_value(mut self, config: Config) -> Self {
        self.config = Some(config);
        self.config_path = None;
        self
    }

    /// Whether [`generate_to`](Self::generate_to) prints `cargo:rerun-if-changed` for each file
    /// read and `cargo:warning` for each warning. Default: when run from a build script
    /// (`OUT_DIR` is set).
    pub fn cargo_directives(mut self, enabled: bool) -> Self {
        self.cargo_directives = Some(enabled);
        self
    }

    /// Generates code for the output path `out`, in memory, writing nothing.
    ///
    /// `out` ending in `.rs` is one file with inline modules; anything else is a folder with a
    /// root `mod.rs`.
    pub fn generate(&self, out: impl AsRef<Path>) -> Result<Generation, Error> {
        let this = self.clone();
        let out = out.as_ref().to_path_buf();
        on_pipeline_stack(move || this.run(&out))
    }

    /// Generates code into `out` (see [`generate`](Self::generate)), writing only files whose
    /// content changed. Nothing is written when the input has an error.
    pub fn generate_to(&self, out: impl AsRef<Path>) -> Result<Generation, Error> {
        let cargo = self.cargo_directives.unwrap_or_else(|| std::env::var_os("OUT_DIR").is_some());
        let generation = self.generate(out);
        if cargo {
            let read = match &generation {
                Ok(g) => g.read.clone(),
                Err(_) => self.inputs.iter().chain(&self.config_path).cloned().collect(),
            };
            for path in read {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
        let generation = generation?;
        if cargo {
            // Notes (a method left out, a value skipped) are expected and many: a build
            // prints only the warnings.
            let warnings = &generation.warnings;
            for warning in warnings.diagnostics.iter().filter(|d| d.severity == Severity::Warning) {
                println!("cargo:warning={}", warnings.sources.render_short(warning));
            }
        }
        generation.write()?;
        Ok(generation)
    }

    fn run(&self, out: &Path) -> Result<Generation, Error> {
        let sources = Sources::default();
        let mut read = Vec::new();
        let config = match (&self.config, &self.config_path) {
            (Some(config), _) => config.clone(),
            (None, Some(path)) => {
                let config = Config::load(path)?;
                read.push(path.clone());
                config
            }
            (None, None) => Config::default(),
        };
        if self.inputs.is_empty() {
            let error = Diagnostic::error("no input given", None)
                .with_help("add a `.d.ts` file or a folder of them");
            return Err(Error::plain(ErrorKind::Invalid, error));
        }
        let mut files = Vec::new();
        let mut notes = Vec::new();
        let single = self.inputs.len() == 1;
        for input in &self.inputs {
            collect_inputs(input, single, &mut files, &mut notes)?;
            read.push(input.clone());
        }
        let mut texts = Vec::with_capacity(files.len());
        for (path, module_path, root) in files {
            // A file that is not text is reported with the files that do not parse.
            let (text, bad) = match read_text(&path) {
                Ok(text) => (text, None),
                Err(Unreadable::Io(source)) => return Err(Error::read(&path, source)),
                Err(Unreadable::Encoding(bad)) => (bad.text.clone(), Some(bad)),
            };
            let origin = Some(Origin { path: normalize(&path), root });
            texts.push(SourceText { name: display(&path), module_path, text, bad, origin });
        }
        // By name only, as the files are shown (see `Origin::shown_name`); sorted: the same
        // inputs in another order give the same bytes.
        let mut labels: Vec<String> = self.inputs.iter().map(|p| input_name(p)).collect();
        labels.sort();
        let mut generation = pipeline(sources, texts, &config, out, &labels.join(", "))?;
        read.append(&mut generation.read);
        generation.read = read;
        let warnings = &mut generation.warnings.diagnostics;
        warnings.extend(notes);
        Ok(generation)
    }
}

/// One declaration text and where it goes in the output.
struct SourceText {
    name: String,
    module_path: Vec<String>,
    text: String,
    /// Why the text read is not one (`text` is then as far as it reads).
    bad: Option<Encoding>,
    /// Where the text was read from, for following its relative imports (`None`: in memory).
    origin: Option<Origin>,
}

/// A file on disk and the input it belongs to.
#[derive(Clone)]
struct Origin {
    /// The file, lexically normalized (see [`normalize`]).
    path: PathBuf,
    /// The input the file was read for.
    root: Arc<Root>,
}

impl Origin {
    /// The file's name in the output's docs and headers: its path from the folder that holds
    /// the input (`input/openai/shared.d.ts` for the input folder `input`, `sessions.d.ts` for
    /// the input file `sessions.d.ts`), so the output is the same bytes however the input was
    /// spelled (relative, absolute, from `CARGO_MANIFEST_DIR`) and on whichever machine.
    fn shown_name(&self) -> String {
        let input = if self.root.package {
            self.root.path.parent().unwrap_or(&self.root.path)
        } else {
            &self.root.path
        };
        let base = input.parent().unwrap_or(Path::new(""));
        display(&relative_path(&self.path, base))
    }
}

/// `path` relative to the folder `base`, both lexically normalized and spelled from the same
/// place (`..` where `path` is outside `base`).
fn relative_path(path: &Path, base: &Path) -> PathBuf {
    let path: Vec<_> = path.components().collect();
    let base: Vec<_> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let ups = base[common..].iter().map(|_| std::path::Component::ParentDir);
    ups.chain(path[common..].iter().copied()).map(|c| c.as_os_str()).collect()
}

/// An input as the user named it, which decides where the files it imports go.
#[derive(Debug)]
struct Root {
    /// The file or folder, lexically normalized; for a package, the folder of its types entry.
    path: PathBuf,
    /// The module path of the input's own files (empty for a single input).
    prefix: Vec<String>,
    /// A package: the files below `path` are followed from its types entry instead of all
    /// read, and are part of the input.
    package: bool,
}

impl Root {
    /// Whether `path` is the input or below it.
    fn contains(&self, path: &Path) -> bool {
        path.starts_with(&self.path)
    }

    /// The folder the module paths of files from outside the input are relative to (below
    /// `external`): the input's parent, so that a sibling folder keeps its name
    /// (`../core/pagination.d.ts` → `external::core::pagination`).
    fn parent(&self) -> PathBuf {
        normalize(&self.path.join(".."))
    }
}

/// Generates code from one declaration text held in memory, as one file with the text's items
/// at its root: what [`Builder::generate`] does for a lone `.d.ts` file, without the file system.
///
/// ```
/// let config = dts2rs::Config::default();
/// let generation = dts2rs::generate_source("session.d.ts", "export interface S { id?: string }", &config)?;
/// assert!(generation.files()[0].contents.contains("pub struct S {"));
/// # Ok::<(), dts2rs::Error>(())
/// ```
pub fn generate_source(name: &str, text: &str, config: &Config) -> Result<Generation, Error> {
    let source = SourceText {
        name: name.to_owned(),
        module_path: vec![],
        text: text.to_owned(),
        bad: None,
        origin: None,
    };
    let (name, config) = (name.to_owned(), config.clone());
    on_pipeline_stack(move || {
        pipeline(Sources::default(), vec![source], &config, Path::new("generated.rs"), &name)
    })
}

/// Runs `job` on a thread with the pipeline's deep stack.
fn on_pipeline_stack<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    std::thread::Builder::new()
        .name("dts2rs".to_owned())
        .stack_size(crate::parallel::WORKER_STACK)
        .spawn(job)
        .map_err(|e| {
            let message = format!("cannot start the generator thread: {e}");
            Error::plain(ErrorKind::Internal, Diagnostic::error(message, None))
        })?
        .join()
        .unwrap_or_else(|_| {
            let message = "internal error in dts2rs (a panic); please report it with the input";
            Err(Error::plain(ErrorKind::Internal, Diagnostic::error(message, None)))
        })
}

/// parse → model → emit over texts already read, and the files outside the input they import
/// (see [`follow_imports`]). `label` names the inputs in headers.
fn pipeline(
    mut sources: Sources,
    texts: Vec<SourceText>,
    config: &Config,
    out: &Path,
    label: &str,
) -> Result<Generation, Error> {
    config.check().map_err(|d| Error::plain(ErrorKind::Invalid, d))?;
    let mut loaded = Vec::with_capacity(texts.len());
    let mut warnings = Vec::new();
    let registered: Vec<_> = texts
        .into_iter()
        .map(|SourceText { name, module_path, text, bad, origin }| {
            let file = sources.add(name.clone(), text);
            let bad = bad.map(|bad| bad.diagnostic(file));
            (file, name, module_path, origin, bad)
        })
        .collect();
    let parsed = parse_all(&sources, &registered);
    // Every file that does not parse is reported, in input order, so one run shows them all.
    let mut errors = Vec::new();
    for ((file, name, module_path, origin, _), parsed) in registered.into_iter().zip(parsed) {
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        warnings.extend(parsed.warnings);
        loaded.push(Loaded {
            file,
            name,
            module_path,
            origin,
            decls: parsed.decls,
            links: Vec::new(),
            on_demand: false,
        });
    }
    if !errors.is_empty() {
        return Err(Error::invalid(sources, errors));
    }
    let read = follow_imports(&mut sources, &mut loaded, &mut warnings);
    let inputs: Vec<InputFile<'_>> = loaded
        .iter()
        .map(|l| InputFile {
            file: l.file,
            display: l.origin.as_ref().map_or_else(|| l.name.clone(), Origin::shown_name),
            module_path: l.module_path.clone(),
            decls: &l.decls,
            links: l.links.clone(),
            on_demand: l.on_demand,
        })
        .collect();
    let model = build::build(&inputs, config);
    warnings.extend(model.warnings);
    if model.root.is_empty() {
        // An empty output is almost always the wrong input: say so rather than write it
        // without a word (a package whose types entry only references other files, a file
        // of functions only).
        warnings.push(
            Diagnostic::warning(
                "no type is generated: the input declares none that dts2rs reads",
                None,
            )
            .with_help(
                "give the files or the folder that declare the types (interfaces, type \
                     aliases, enums, classes); a package folder is read from its `types` \
                     entry and what that imports, star-exports or references",
            ),
        );
    }
    let layout =
        if out.extension().is_some_and(|e| e == "rs") { Layout::SingleFile } else { Layout::Tree };
    let rendered = match emit::emit(&model.root, layout, label, config) {
        Ok(rendered) => rendered,
        Err(error) => return Err(Error::invalid(sources, vec![error])),
    };
    // Emit names the files from the output target.
    let files = rendered
        .into_iter()
        .map(|f| OutputFile {
            path: if layout == Layout::SingleFile { out.to_path_buf() } else { out.join(f.path) },
            ..f
        })
        .collect();
    // Compared borrowed: a key copied out per comparison cost more than the sort.
    let place = |d: &Diagnostic| d.span.map(|s| (sources.name(s.file), s.start));
    warnings.sort_by(|a, b| (place(a), &a.message).cmp(&(place(b), &b.message)));
    debug_assert!(warnings.iter().all(|w| w.severity != Severity::Error));
    let diagnostics = warnings.into_iter().map(|w| sources.resolve(w)).collect();
    Ok(Generation {
        files,
        warnings: Warnings { sources: Arc::new(sources), diagnostics, ..Warnings::default() },
        read,
        model: model.root,
    })
}

/// One parsed file of the generation.
struct Loaded {
    file: FileId,
    name: String,
    module_path: Vec<String>,
    origin: Option<Origin>,
    decls: DeclFile,
    /// Specifiers followed to other files, with their module paths (see [`InputFile::links`]).
    links: Vec<(String, Vec<String>)>,
    /// Read from outside the input, for what the input uses (see [`InputFile::on_demand`]).
    on_demand: bool,
}

/// A file that a relative specifier names, and where it goes in the output.
struct Target {
    path: PathBuf,
    module_path: Vec<String>,
    on_demand: bool,
}

/// Follows the relative imports and re-exports of every loaded file that lead to a declaration
/// file not read yet: outside the input (read on demand), or below a package folder (part of
/// the input). Each file is read once, transitively, in a deterministic order (by file, then
/// specifier). A file that is missing, unreadable or does not parse is a warning at the
/// import, which then stays outside the input. Returns the files read.
///
/// What a file of the input star-exports (`export * from "./x"`) or references (`/// <reference
/// path="x.d.ts" />`) is its own surface, so those files are read first, transitively, and
/// whole: a barrel file given alone (notion's `api-endpoints.d.ts`, sixteen `export *` lines)
/// generates what it re-exports, a package whose types entry only references its files
/// (`@types/node`) what they declare. Everything else outside the input is read on demand,
/// for what the input uses.
fn follow_imports(
    sources: &mut Sources,
    loaded: &mut Vec<Loaded>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<PathBuf> {
    let mut follower = Follower {
        by_path: loaded
            .iter()
            .enumerate()
            .filter_map(|(i, l)| Some((l.origin.as_ref()?.path.clone(), i)))
            .collect(),
        // Two files of one module path would be one resolver key; a file and a folder's
        // `index` of one name share their module, as in a folder input.
        modules: loaded.iter().map(|l| l.module_path.clone()).collect(),
        external: external_module(loaded),
        read: Vec::new(),
        sources,
        loaded,
        warnings,
    };
    for surface_only in [true, false] {
        let mut next = 0;
        while next < follower.loaded.len() {
            let from = next;
            next += 1;
            let file = &follower.loaded[from];
            if surface_only && file.on_demand {
                continue;
            }
            let Some(origin) = file.origin.clone() else { continue };
            let links: Vec<_> = file
                .decls
                .links
                .iter()
                .filter(|l| l.specifier.starts_with('.'))
                .filter(|l| !surface_only || is_surface(&file.decls, &l.specifier))
                .cloned()
                .collect();
            for link in links {
                follower.follow(from, &origin, link, surface_only);
            }
        }
    }
    follower.read
}

/// Whether the file `specifier` names is part of the surface of the file of `decls`: it is
/// star-exported (`export * from`) or referenced (`/// <reference path>`).
fn is_surface(decls: &DeclFile, specifier: &str) -> bool {
    decls.references.iter().any(|r| r == specifier)
        || decls.reexports.iter().any(|r| matches!(r, ReExport::All { from } if from == specifier))
}

/// What [`follow_imports`] knows of the files read so far, and what it reads them into.
struct Follower<'a> {
    /// Each file read, by path: its index in the loaded files.
    by_path: HashMap<PathBuf, usize>,
    /// The module paths taken.
    modules: HashSet<Vec<String>>,
    /// The top-level module of the files from outside the input (see [`external_module`]).
    external: String,
    /// The files read, in order.
    read: Vec<PathBuf>,
    sources: &'a mut Sources,
    loaded: &'a mut Vec<Loaded>,
    warnings: &'a mut Vec<Diagnostic>,
}

impl Follower<'_> {
    /// Follows `link` of the loaded file `from` (at `origin`): reads the file it names unless it
    /// is read already, and records the module the link leads to. `whole`: the file is read
    /// whole, as part of the input, even from outside it (see [`follow_imports`]).
    fn follow(&mut self, from: usize, origin: &Origin, link: Link, whole: bool) {
        let Follower { sources, loaded, warnings, .. } = self;
        let Some(mut target) = target_of(origin, &link.specifier, &self.external) else { return };
        target.on_demand &= !whole;
        if let Some(&index) = self.by_path.get(&target.path) {
            // Inside a folder input, the resolver finds the file by its specifier.
            let outside = loaded[from].on_demand || loaded[index].on_demand || origin.root.package;
            let known = loaded[from].links.iter().any(|(s, _)| *s == link.specifier);
            if (outside || !origin.root.contains(&target.path)) && !known {
                let module_path = loaded[index].module_path.clone();
                loaded[from].links.push((link.specifier, module_path));
            }
            return;
        }
        if origin.root.contains(&target.path) && !origin.root.package {
            return; // below a folder input but not read: not a declaration file there
        }
        let failure = if self.modules.contains(&target.module_path) {
            Err(format!(
                "another file read has its module path `{}`",
                target.module_path.join("::")
            ))
        } else {
            load(sources, &target)
        };
        match failure {
            Ok(parsed) => {
                self.read.push(target.path.clone());
                self.by_path.insert(target.path.clone(), loaded.len());
                self.modules.insert(target.module_path.clone());
                if !target.on_demand {
                    warnings.extend(parsed.1.warnings);
                }
                loaded[from].links.push((link.specifier, target.module_path.clone()));
                loaded.push(Loaded {
                    file: parsed.0,
                    name: display(&target.path),
                    module_path: target.module_path,
                    origin: Some(Origin { path: target.path, root: origin.root.clone() }),
                    decls: parsed.1.decls,
                    links: Vec::new(),
                    on_demand: target.on_demand,
                });
            }
            // A file read on demand may import much the output never needs: what is used
            // from a file not read is reported where it is used.
            Err(_) if loaded[from].on_demand => {}
            Err(why) => warnings.push(
                Diagnostic::warning(
                    format!(
                        "`{}` is not read: {why}; what it declares stays outside the input",
                        display(&target.path)
                    ),
                    Some(link.span),
                )
                .with_label("imported here")
                .with_help("set the types of the names imported from it in dts2rs.toml: [names]"),
            ),
        }
    }
}

/// The top-level module of the files read from outside the input: `external`, unless the
/// input has a module of that name itself (then `external_`, and so on). Outside files get a
/// module of their own rather than one beside the input's: SDKs often have a folder and a file
/// of one name on both sides (openai's `resources/uploads/` and `uploads.d.ts`), and the items
/// of two files must not share a module.
fn external_module(loaded: &[Loaded]) -> String {
    let mut name = "external".to_owned();
    while loaded.iter().any(|l| l.module_path.first() == Some(&name)) {
        name.push('_');
    }
    name
}

/// Where the relative `specifier` written in the file `origin` leads, if that can be said: its
/// declaration file and module path. A file below a package input is part of it, named by its
/// path there; a file outside the input goes in module `external`, named by its path from the
/// input's parent folder. `None` for a specifier that leaves that folder (no module path to
/// give it).
fn target_of(origin: &Origin, specifier: &str, external: &str) -> Option<Target> {
    let folder = origin.path.parent().unwrap_or(Path::new(""));
    let path = declaration_path(&normalize(&folder.join(specifier)));
    let root = &origin.root;
    let (base, prefix, on_demand) = if root.package && root.contains(&path) {
        (root.path.clone(), root.prefix.clone(), false)
    } else {
        (root.parent(), vec![external.to_owned()], true)
    };
    let relative = path.strip_prefix(&base).ok()?;
    let mut module_path = prefix;
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let (file, folders) = parts.split_last()?;
    if folders.iter().any(|f| f == "..") {
        return None;
    }
    module_path.extend(folders.iter().cloned());
    module_path.push(module_stem(Path::new(file)));
    Some(Target { path, module_path, on_demand })
}

/// The declaration file a module path written in an import names, as TypeScript finds it:
/// `x.js` → `x.d.ts` (`.mjs` → `.d.mts`, `.cjs` → `.d.cts`), `x` → `x.d.ts`, or
/// `x/index.d.ts` when that exists. The first candidate when none exists (for the message).
fn declaration_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if is_declaration_file(path) {
        return path.to_path_buf();
    }
    for (script, declaration) in
        [(".js", ".d.ts"), (".mjs", ".d.mts"), (".cjs", ".d.cts"), (".ts", ".d.ts")]
    {
        if let Some(stem) = name.strip_suffix(script) {
            return path.with_file_name(format!("{stem}{declaration}"));
        }
    }
    let file = path.with_file_name(format!("{name}.d.ts"));
    let index = path.join("index.d.ts");
    if !file.exists() && index.exists() {
        return index;
    }
    file
}

/// Reads and parses a followed file; the reason it cannot be, as a phrase.
fn load(sources: &mut Sources, target: &Target) -> Result<(FileId, parse::Parsed), String> {
    let name = display(&target.path);
    let text = match read_text(&target.path) {
        Ok(text) => text,
        Err(Unreadable::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err("it does not exist".to_owned())
        }
        Err(Unreadable::Io(e)) => return Err(e.to_string()),
        Err(Unreadable::Encoding(bad)) => {
            let file = sources.add(name, bad.text.clone());
            return Err(format!(
                "it is not text ({})",
                sources.render_short(&bad.diagnostic(file))
            ));
        }
    };
    let file = sources.add(name.clone(), text);
    let parsed = parse::parse_file(file, &name, sources.text(file))
        .map_err(|d| format!("it does not parse ({})", sources.render_short(&d)))?;
    Ok((file, parsed))
}

/// `path` with `.` removed and `..` applied to the folder before it, without asking the file
/// system: paths compare equal however the imports that named them were written.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir
                if matches!(
                    out.components().next_back(),
                    Some(std::path::Component::Normal(_))
                ) =>
            {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Parses every registered file on all cores; the results are in `files` order.
/// A registered input: its file, name, module path, origin, and the error that it is not text.
type Registered = (FileId, String, Vec<String>, Option<Origin>, Option<Diagnostic>);

/// A file that is not text gives its error instead.
fn parse_all(sources: &Sources, files: &[Registered]) -> Vec<Result<parse::Parsed, Diagnostic>> {
    crate::parallel::map_ordered(files, "dts2rs-parse", |(file, name, _, _, bad)| match bad {
        Some(bad) => Err(bad.clone()),
        None => parse::parse_file(*file, name, sources.text(*file)),
    })
}

impl Generation {
    /// The files to write, with their full contents.
    pub fn files(&self) -> &[OutputFile] {
        &self.files
    }

    /// The warnings and notes, as data: severity, message, file, line and column, and what to
    /// do. Sorted by place; those without one last.
    ///
    /// ```
    /// use dts2rs::Severity;
    ///
    /// let text = "export interface T {\n  a: unique symbol;\n}\n";
    /// let generation = dts2rs::generate_source("t.d.ts", text, &dts2rs::Config::default())?;
    /// for d in generation.diagnostics().iter().filter(|d| d.severity == Severity::Warning) {
    ///     let at = d.location.expect("a warning about a type has a place");
    ///     // t.d.ts:2:6: a `unique symbol` type at `T.a` is mapped to `serde_json::Value`
    ///     println!("{}:{}:{}: {}", d.file.as_deref().unwrap_or("?"), at.line, at.column, d.message);
    ///     assert_eq!((at.line, at.column), (2, 6));
    ///     assert!(d.help.as_deref().unwrap_or("").contains("[types]"));
    /// }
    /// assert_eq!(generation.warning_count(), 1);
    /// # Ok::<(), dts2rs::Error>(())
    /// ```
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.warnings.diagnostics
    }

    /// The warnings and notes rendered as the command prints them, each with its source line
    /// (rendered on the first call).
    pub fn warnings(&self) -> &[String] {
        self.warnings.full()
    }

    /// How many of the [`diagnostics`](Self::diagnostics) are warnings.
    pub fn warning_count(&self) -> usize {
        self.warnings.count(Severity::Warning)
    }

    /// How many of the [`diagnostics`](Self::diagnostics) are notes (constructs left out on
    /// purpose: methods, values).
    pub fn note_count(&self) -> usize {
        self.warnings.count(Severity::Note)
    }

    /// The Rust model the files were emitted from (what `dts2rs diff` compares): the
    /// generator's own types, not a stable API.
    #[doc(hidden)]
    pub fn model(&self) -> &crate::model::rust::Module {
        &self.model
    }

    /// Every file that was read (inputs and config).
    pub fn read_files(&self) -> &[PathBuf] {
        &self.read
    }

    /// The output files whose content on disk differs from this generation (or is missing).
    pub fn stale_files(&self) -> Vec<&Path> {
        self.files.iter().filter(|f| f.is_stale()).map(|f| f.path.as_path()).collect()
    }

    /// Writes the files whose content changed; returns how many were written.
    pub fn write(&self) -> Result<usize, Error> {
        output::check_writable(&self.files)
            .map_err(|(path, source)| Error::write(&path, source))?;
        let mut written = 0;
        for file in &self.files {
            if output::write_file_if_changed(file)
                .map_err(|source| Error::write(&file.path, source))?
            {
                written += 1;
            }
        }
        Ok(written)
    }
}

/// An input's last component (`declarations` for `/home/me/crate/declarations`), the folder's
/// own name for `.` and the like.
fn input_name(path: &Path) -> String {
    let normalized = normalize(path);
    match normalized.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        None => fs::canonicalize(path)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| display(path)),
    }
}

/// Why a file's text cannot be had.
pub(crate) enum Unreadable {
    /// It cannot be read.
    Io(std::io::Error),
    /// It is not text.
    Encoding(Encoding),
}

impl Unreadable {
    /// The error for the file at `path`: an encoding error at its line and column.
    pub(crate) fn into_error(self, path: &Path) -> Error {
        match self {
            Unreadable::Io(source) => Error::read(path, source),
            Unreadable::Encoding(bad) => {
                let mut sources = Sources::default();
                let file = sources.add(display(path), bad.text.clone());
                let diagnostic = bad.diagnostic(file);
                Error::invalid(sources, vec![diagnostic])
            }
        }
    }
}

/// A file that is not text: the byte that makes it so, shown at its line and column like any
/// other error, in the text as far as it reads (the bad bytes replaced).
pub(crate) struct Encoding {
    /// The text, bad bytes replaced.
    text: String,
    /// The bad byte's offset.
    at: usize,
    message: String,
    label: &'static str,
    help: &'static str,
}

impl Encoding {
    /// The error, with `text` registered as `file`.
    fn diagnostic(&self, file: FileId) -> Diagnostic {
        let span = Span::new(file, self.at as u32, self.at as u32 + 1);
        Diagnostic::error(self.message.clone(), Some(span))
            .with_label(self.label)
            .with_help(self.help)
    }
}

/// Reads a UTF-8 text file without NUL bytes; a leading byte order mark is dropped.
pub(crate) fn read_text(path: &Path) -> Result<String, Unreadable> {
    let bytes = fs::read(path).map_err(Unreadable::Io)?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(Unreadable::Encoding(Encoding {
                at: e.utf8_error().valid_up_to(),
                text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                message: format!("`{}` is not valid UTF-8", display(path)),
                label: "not UTF-8",
                help: "save the file as UTF-8",
            }))
        }
    };
    if let Some(at) = text.find('\0') {
        return Err(Unreadable::Encoding(Encoding {
            at,
            message: format!("`{}` contains a NUL byte", display(path)),
            label: "NUL byte",
            help: "declaration files are text; remove the NUL byte",
            text,
        }));
    }
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

/// Adds the declaration files of `input` with their module paths: a lone file input has its
/// items at the root; a folder's files are named by their path below it; with several inputs,
/// each sits under its own name.
/// When one folder declares a module in several kinds of file, the preferred one is read and a
/// note in `notes` says which. A package folder (with a `package.json` naming its types) gives
/// its types entry only; the pipeline follows its imports.
fn collect_inputs(
    input: &Path,
    single: bool,
    out: &mut Vec<(PathBuf, Vec<String>, Arc<Root>)>,
    notes: &mut Vec<Diagnostic>,
) -> Result<(), Error> {
    let meta = fs::metadata(input).map_err(|source| Error::read(input, source))?;
    let base: Vec<String> = if single { vec![] } else { vec![module_stem(input)] };
    if let Some(entry) = if meta.is_dir() { package_types(input)? } else { None } {
        // The entry's items sit where a lone file's would; the files it imports are named by
        // their path from its folder (`dist/index.d.ts` imports `./models.js` → `models`).
        let folder = entry.parent().map(normalize).unwrap_or_default();
        let root = Arc::new(Root { path: folder, prefix: base.clone(), package: true });
        out.push((entry, base, root));
        return Ok(());
    }
    let root = Arc::new(Root { path: normalize(input), prefix: base.clone(), package: false });
    if meta.is_file() {
        if !is_declaration_file(input) {
            let message = format!("`{}` is not a declaration file", display(input));
            return Err(invalid_path(input, message, "pass a `.d.ts` file (or a folder of them); for a `.ts` source, run `tsc --declaration` first"));
        }
        out.push((input.to_path_buf(), base, root));
        return Ok(());
    }
    let mut found = Vec::new();
    walk(input, &mut found)?;
    if found.is_empty() {
        let message = format!("no `.d.ts` file under `{}`", display(input));
        return Err(invalid_path(input, message, "pass a folder that contains declaration files"));
    }
    let mut by_module: std::collections::BTreeMap<Vec<String>, Vec<PathBuf>> = Default::default();
    for path in found {
        let relative = path.strip_prefix(input).unwrap_or(&path);
        let mut module_path = base.clone();
        let parts: Vec<_> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if let Some((file, folders)) = parts.split_last() {
            module_path.extend(folders.iter().cloned());
            module_path.push(module_stem(Path::new(file)));
        }
        by_module.entry(module_path).or_default().push(path);
    }
    for (module_path, mut paths) in by_module {
        paths.sort_by_key(|p| suffix_rank(p));
        if paths.len() > 1 {
            let others: Vec<String> =
                paths[1..].iter().map(|p| format!("`{}`", display(p))).collect();
            let message = format!(
                "`{}` is read; {} declare the same module and are skipped",
                display(&paths[0]),
                others.join(", ")
            );
            notes.push(Diagnostic::note(message, None).with_file(display(&paths[0])));
        }
        out.push((paths.swap_remove(0), module_path, root.clone()));
    }
    Ok(())
}

/// The types entry of the package folder `folder`: `types`, `typings` or `exports["."].types`
/// of its `package.json`. `None` when there is no `package.json` or it names no types (the
/// folder is read whole).
fn package_types(folder: &Path) -> Result<Option<PathBuf>, Error> {
    let manifest = folder.join("package.json");
    if !manifest.is_file() {
        return Ok(None);
    }
    let text = read_text(&manifest).map_err(|e| e.into_error(&manifest))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        let message = format!("`{}` is not valid JSON: {e}", display(&manifest));
        invalid_path(
            &manifest,
            message,
            "fix the package manifest, or pass the folder of declaration files inside the package",
        )
    })?;
    let entry = ["/types", "/typings", "/exports/./types"]
        .iter()
        .find_map(|pointer| json.pointer(pointer).and_then(|v| v.as_str()));
    // A manifest without types (a source tree's) leaves the folder read whole, as before.
    let Some(entry) = entry else { return Ok(None) };
    let path = normalize(&folder.join(entry));
    if !is_declaration_file(&path) {
        let message = format!(
            "the types entry `{entry}` of `{}` is not a declaration file",
            display(&manifest)
        );
        return Err(invalid_path(
            &manifest,
            message,
            "pass the package's declaration file or the folder of its declaration files instead",
        ));
    }
    Ok(Some(path))
}

/// An error about the input at `path` as a whole.
fn invalid_path(path: &Path, message: String, help: &str) -> Error {
    let diagnostic = Diagnostic::error(message, None).with_file(display(path)).with_help(help);
    Error::plain(ErrorKind::Invalid, diagnostic)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = fs::read_dir(dir).map_err(|source| Error::read(dir, source))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_declaration_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// The preference of a declaration file's ending (lower is preferred).
fn suffix_rank(path: &Path) -> usize {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    DECLARATION_SUFFIXES.iter().position(|s| name.ends_with(s)).unwrap_or(usize::MAX)
}

fn is_declaration_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    DECLARATION_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// The module name part of a path: `sessions.d.ts` → `sessions`.
fn module_stem(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    DECLARATION_SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .map(str::to_owned)
        .unwrap_or(name)
}
