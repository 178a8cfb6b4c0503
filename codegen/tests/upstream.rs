//! Stable names across upstream releases, on the real `sessions.d.ts` of the openai package.
//!
//! 4.104.0 is the seed (`input/`). 5.0.0 is the first later release whose `sessions.d.ts`
//! differs (only its imports moved); 5.1.0 is the first whose declarations changed (new fields
//! `speed` and `tracing`, a `TracingConfiguration` interface, a new model name). Both are
//! compared with 4.104.0: every TypeScript declaration, field and literal present in both
//! versions must keep its Rust path, and the `dts2rs diff` report is kept in
//! `tests/diff/openai-<old>-<new>.txt`. The whole `resources/` tree of 4.104.0, diffed against
//! itself, reports nothing.
//!
//! The same holds over whole trees: for the upgrades 7.53.0 → 7.55.0, 6.0.0 → 7.55.0 and
//! 4.104.0 → 5.1.0, every TypeScript path present in both `resources/` trees (each file's
//! declarations, fields, methods and union literals, places of shared enums included) keeps
//! every Rust path it had (it may gain one: a place that joins a shared enum). Each takes a few
//! seconds in a debug build.
//!
//! The packages come from npm through `tests/corpus/fetch.sh` and are cached under
//! `target/corpus-cache` (or `$DTS2RS_CORPUS_CACHE`). Without the cache the tests print a note
//! and pass, unless `DTS2RS_CORPUS=1`: then they fetch, and fail loudly if they cannot.

use dts2rs::diagnostics::{FileId, Sources};
use dts2rs::model::build::{build, InputFile};
use dts2rs::model::decl::{Decl, DeclKind, Field, Literal, TypeExpr};
use dts2rs::model::rust::{Item, ItemKind, ItemPath, Module, RustType, VariantKind};
use dts2rs::Config;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

const SESSIONS: &str = "resources/beta/realtime/sessions.d.ts";
const CONFIG: &str = "../input/dts2rs.toml";

/// The folder of `openai@version`, or `None` (with a note) when it is not cached and
/// `DTS2RS_CORPUS` is not set.
fn package(version: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cache = std::env::var_os("DTS2RS_CORPUS_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/corpus-cache"));
    let cached = cache.join(format!("openai-{version}/.complete")).exists();
    let required = std::env::var_os("DTS2RS_CORPUS").is_some_and(|v| !v.is_empty() && v != "0");
    if !cached && !required {
        println!(
            "note: skipped: openai {version} is not in {}; run with DTS2RS_CORPUS=1 to fetch it",
            cache.display()
        );
        return None;
    }
    let output = Command::new("bash")
        .arg(root.join("tests/corpus/fetch.sh"))
        .args(["openai", version])
        .output()
        .unwrap_or_else(|e| panic!("cannot run tests/corpus/fetch.sh: {e}"));
    assert!(
        output.status.success(),
        "tests/corpus/fetch.sh openai {version} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let folder = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    Some(PathBuf::from(folder))
}

fn config() -> Config {
    Config::load(CONFIG).unwrap_or_else(|e| panic!("{e}"))
}

/// Every TypeScript path of one file (declarations, fields, methods, literals of unions) and
/// the Rust path(s) it became.
fn names(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    names_of(&[(vec!["sessions".to_owned()], "sessions.d.ts".to_owned(), text)], "")
}

/// The same for every `.d.ts` file under `dir`, generated together as one folder input (the
/// modules named as the builder names them: folders, then the file's stem), each TypeScript
/// path prefixed with its file's path (`beta/threads/runs/runs.d.ts: Run.id`). Files the tree
/// imports from outside it are not read: their names stay external, and the Rust paths of the
/// tree's own declarations depend only on their own TypeScript paths.
fn tree_names(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    names_of(&files, "tree")
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(Vec<String>, String, String)>) {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            walk(root, &path, out);
        } else if let Some(stem) = name.strip_suffix(".d.ts") {
            let relative = path.strip_prefix(root).unwrap();
            let mut module_path: Vec<String> = relative
                .parent()
                .into_iter()
                .flat_map(|p| p.iter())
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            module_path.push(stem.to_owned());
            let display = relative.to_string_lossy().replace('\\', "/");
            out.push((module_path, display, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// `files` (module path, display name, text) built together; TypeScript paths prefixed with
/// the file's display name unless `prefix` is empty.
fn names_of(
    files: &[(Vec<String>, String, String)],
    prefix: &str,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut sources = Sources::default();
    let parsed: Vec<_> = files
        .iter()
        .map(|(_, display, text)| {
            let file = sources.add(display.clone(), text.clone());
            let parsed = dts2rs::parse::parse_file(file, display, text)
                .unwrap_or_else(|d| panic!("{}", sources.render(&d)));
            (file, parsed)
        })
        .collect();
    let inputs: Vec<InputFile> = files
        .iter()
        .zip(&parsed)
        .map(|((module_path, display, _), (file, parsed))| InputFile {
            file: *file,
            display: display.clone(),
            module_path: module_path.clone(),
            decls: &parsed.decls,
            links: Vec::new(),
            on_demand: false,
        })
        .collect();
    let model = build(&inputs, &config());
    let mut items = Items::default();
    items.collect(&model.root, &mut Vec::new());
    let mut out = BTreeMap::new();
    for ((module_path, display, _), (file, parsed)) in files.iter().zip(&parsed) {
        let ns = if prefix.is_empty() { String::new() } else { format!("{display}: ") };
        items.file = Some(*file);
        // `index` is its folder's module.
        let in_folder = module_path.last().is_some_and(|m| m == "index");
        items.module = module_path[..module_path.len() - usize::from(in_folder)]
            .iter()
            .map(|m| dts2rs::model::naming::rust_ident(m, dts2rs::model::naming::Case::Value))
            .collect();
        items.decls(&parsed.decls.decls, &ns, &mut out);
    }
    out
}

/// A declaration's or place's file and byte range.
type SpanKey = (FileId, u32, u32);

/// The model's items, by path and by the span of the declaration or place they come from.
#[derive(Default)]
struct Items<'m> {
    by_path: HashMap<ItemPath, &'m Item>,
    by_span: HashMap<SpanKey, Vec<(ItemPath, &'m Item)>>,
    /// The file whose declarations are walked, and its module.
    file: Option<FileId>,
    module: Vec<String>,
}

impl<'m> Items<'m> {
    fn collect(&mut self, module: &'m Module, path: &mut Vec<String>) {
        for item in &module.items {
            let at = ItemPath { modules: path.clone(), name: item.name.clone() };
            self.by_path.insert(at.clone(), item);
            if let Some(span) = item.span {
                self.by_span.entry((span.file, span.start, span.end)).or_default().push((at, item));
            }
        }
        for child in &module.modules {
            path.push(child.name.clone());
            self.collect(child, path);
            path.pop();
        }
    }

    /// The items generated for the place `ts` at `span`: the declaration's own item, or the
    /// types named after a field. Items another declaration generates from the same span (a
    /// field it inherits: `ParsedChoice` from `ChatCompletion.Choice`) are that declaration's
    /// places, left out when the place's own are there. A shared enum and the aliases of the
    /// runs of words its places share (in the file's module, named after several places) are
    /// left out of a field's place: each place keeps its own path, an alias of it.
    fn at(&self, (start, end): (u32, u32), ts: &str) -> Vec<(ItemPath, &'m Item)> {
        let Some(file) = self.file else { return Vec::new() };
        let ts = ts.rsplit(": ").next().unwrap_or(ts);
        let mut items = self.by_span.get(&(file, start, end)).cloned().unwrap_or_default();
        if items.iter().any(|(_, item)| item.ts_path == ts) {
            items.retain(|(_, item)| item.ts_path == ts);
        }
        if items.len() > 1 && ts.contains('.') {
            items.retain(|(p, _)| p.modules != self.module);
        }
        items
    }

    /// The enum at `path`, through aliases (a place's alias of a shared enum).
    fn enum_at(&self, path: &ItemPath) -> Option<&'m dts2rs::model::rust::Enum> {
        let mut item = *self.by_path.get(path)?;
        for _ in 0..8 {
            match &item.kind {
                ItemKind::Enum(e) => return Some(e),
                ItemKind::Alias(RustType::Item(target, _)) => item = self.by_path.get(target)?,
                _ => return None,
            }
        }
        None
    }

    fn decls(&self, decls: &[Decl], ns: &str, out: &mut BTreeMap<String, BTreeSet<String>>) {
        for decl in decls {
            let ts = join(ns, &decl.name);
            let span = (decl.span.start, decl.span.end);
            match &decl.kind {
                DeclKind::Namespace(inner) => self.decls(inner, &ts, out),
                DeclKind::Interface(body) => {
                    self.place(&ts, span, out);
                    self.fields(&ts, span, &body.fields, out);
                }
                DeclKind::TypeAlias(ty, _) => {
                    self.place(&ts, span, out);
                    self.types(&ts, span, ty, out);
                }
                DeclKind::Enum(_) => self.place(&ts, span, out),
                DeclKind::Const(_) | DeclKind::Export(_) => {}
                DeclKind::Class(class) => {
                    self.place(&ts, span, out);
                    for method in &class.methods {
                        for (path, item) in self.at(span, &ts) {
                            if let ItemKind::Trait(t) = &item.kind {
                                let name = dts2rs::model::naming::rust_ident(
                                    &method.name,
                                    dts2rs::model::naming::Case::Value,
                                );
                                if t.methods.iter().any(|m| m.name == name) {
                                    insert(out, join(&ts, &method.name), rust(&path, &name));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A declaration or field place: the item(s) generated there.
    fn place(&self, ts: &str, span: (u32, u32), out: &mut BTreeMap<String, BTreeSet<String>>) {
        for (path, _) in self.at(span, ts) {
            insert(out, format!("{ts} (type)"), rust(&path, ""));
        }
    }

    /// The fields of the struct generated at `owner_span`, then the types at each field.
    fn fields(
        &self,
        owner: &str,
        owner_span: (u32, u32),
        fields: &[Field],
        out: &mut BTreeMap<String, BTreeSet<String>>,
    ) {
        for field in fields {
            let ts = join(owner, &field.name);
            for (path, item) in self.at(owner_span, owner) {
                if let ItemKind::Struct(s) = &item.kind {
                    if let Some(f) = s.fields.iter().find(|f| f.wire == field.name) {
                        insert(out, ts.clone(), rust(&path, &f.name));
                    }
                }
            }
            let span = (field.span.start, field.span.end);
            self.place(&ts, span, out);
            self.types(&ts, span, &field.ty, out);
        }
    }

    /// What a type at a place declares: the fields of inline objects and the variants of
    /// literal unions (reached through the place's alias when the enum is shared).
    fn types(
        &self,
        ts: &str,
        span: (u32, u32),
        ty: &TypeExpr,
        out: &mut BTreeMap<String, BTreeSet<String>>,
    ) {
        match ty {
            TypeExpr::Object(fields) => self.fields(ts, span, fields, out),
            TypeExpr::Array(element) => self.types(ts, span, element, out),
            TypeExpr::Union(members) => {
                for member in members {
                    self.types(ts, span, member, out);
                }
            }
            TypeExpr::Literal(Literal::String(wire)) => {
                for (path, item) in self.at(span, ts) {
                    let target = match &item.kind {
                        ItemKind::Alias(RustType::Item(target, _)) => self.by_path.get(target),
                        _ => Some(&item),
                    };
                    let Some(ItemKind::Enum(e)) = target.map(|t| &t.kind) else { continue };
                    for variant in &e.variants {
                        // A literal among other types is a variant carrying an enum of it.
                        let carried = match &variant.kind {
                            VariantKind::Untagged(RustType::Item(inner, _)) => {
                                self.enum_at(inner).is_some_and(|inner| {
                                    inner
                                        .variants
                                        .iter()
                                        .any(|v| v.kind == VariantKind::Literal(wire.clone()))
                                })
                            }
                            _ => false,
                        };
                        if carried || variant.kind == VariantKind::Literal(wire.clone()) {
                            insert(out, format!("{ts} = '{wire}'"), rust(&path, &variant.name));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

fn join(ns: &str, name: &str) -> String {
    if ns.is_empty() || ns.ends_with(": ") {
        format!("{ns}{name}")
    } else {
        format!("{ns}.{name}")
    }
}

fn rust(path: &ItemPath, member: &str) -> String {
    let mut text = path.modules.join("::");
    text.push_str("::");
    text.push_str(&path.name);
    if !member.is_empty() {
        text.push_str("::");
        text.push_str(member);
    }
    text
}

fn insert(out: &mut BTreeMap<String, BTreeSet<String>>, ts: String, rust: String) {
    out.entry(ts).or_default().insert(rust);
}

/// Checks that every TypeScript path in both versions keeps its Rust path(s) and that the diff
/// report matches its snapshot; returns how many paths were compared.
fn stable_between(old: &str, new: &str) -> Option<usize> {
    let old_dir = package(old)?;
    let new_dir = package(new)?;
    let (old_file, new_file) = (old_dir.join(SESSIONS), new_dir.join(SESSIONS));
    let (old_names, new_names) = (names(&old_file), names(&new_file));
    assert!(old_names.len() > 100, "too few names found: {old_names:#?}");
    // The walk reaches declarations, nested fields, methods and shared-enum variants.
    for (ts, rust) in [
        ("Session (type)", "sessions::Session"),
        (
            "Session.TurnDetection.prefix_padding_ms",
            "sessions::session::TurnDetection::prefix_padding_ms",
        ),
        ("Session.input_audio_format = 'pcm16'", "sessions::session::InputAudioFormat::Pcm16"),
        ("Session.input_audio_format (type)", "sessions::session::InputAudioFormat"),
        ("Sessions.create", "sessions::Sessions::create"),
    ] {
        assert_eq!(
            old_names.get(ts).map(|s| s.iter().cloned().collect::<Vec<_>>()),
            Some(vec![rust.to_owned()]),
            "{ts}"
        );
    }
    let mut moved = Vec::new();
    let mut compared = 0;
    for (ts, old_rust) in &old_names {
        let Some(new_rust) = new_names.get(ts) else { continue };
        compared += 1;
        if old_rust != new_rust {
            moved.push(format!("{ts}: {old_rust:?} → {new_rust:?}"));
        }
    }
    assert!(moved.is_empty(), "Rust paths moved between openai {old} and {new}:\n{moved:#?}");

    let report = dts2rs::diff::diff(&old_file, &new_file, Some(Path::new(CONFIG)))
        .unwrap_or_else(|e| panic!("{e}"));
    expectorate::assert_contents(
        format!("tests/diff/openai-{old}-{new}.txt"),
        &report.render_text(),
    );
    Some(compared)
}

#[test]
fn names_are_stable_from_4_104_0_to_5_0_0() {
    // The first later release whose sessions.d.ts differs: only the imports moved.
    if let Some(compared) = stable_between("4.104.0", "5.0.0") {
        println!("{compared} TypeScript paths compared");
    }
}

#[test]
fn names_are_stable_from_4_104_0_to_5_1_0() {
    // The first later release whose declarations in sessions.d.ts changed.
    if let Some(compared) = stable_between("4.104.0", "5.1.0") {
        println!("{compared} TypeScript paths compared");
    }
}

#[test]
fn the_seed_is_openai_4_104_0() {
    let Some(dir) = package("4.104.0") else { return };
    assert_eq!(
        std::fs::read_to_string(dir.join(SESSIONS)).unwrap(),
        std::fs::read_to_string("../input/openai/resources/beta/realtime/sessions.d.ts").unwrap(),
        "input/ is no longer the file of openai 4.104.0"
    );
}

#[test]
fn diff_of_the_openai_4_104_0_resources_with_themselves_is_empty() {
    // The whole tree: its `index.d.ts` files re-export hundreds of items, each to be compared
    // by what it reaches, not reported as changed.
    let Some(dir) = package("4.104.0") else { return };
    let resources = dir.join("resources");
    for config in [None, Some(Path::new(CONFIG))] {
        let report =
            dts2rs::diff::diff(&resources, &resources, config).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(report.render_text(), "no changes\n", "config {config:?}");
    }
}

/// Checks that every TypeScript path present in the `resources/` trees of both versions (every
/// file's declarations, fields, methods and union literals, shared-enum places included) keeps
/// its Rust path(s); returns how many were compared.
fn tree_stable_between(old: &str, new: &str) -> Option<usize> {
    let old_names = tree_names(&package(old)?.join("resources"));
    let new_names = tree_names(&package(new)?.join("resources"));
    assert!(old_names.len() > 5000, "too few names found in openai {old}: {}", old_names.len());
    // A path may gain names (a place that joins a shared enum), never lose one.
    let mut vanished = Vec::new();
    let mut compared = 0;
    for (ts, old_rust) in &old_names {
        let Some(new_rust) = new_names.get(ts) else { continue };
        compared += 1;
        let gone: Vec<&String> = old_rust.difference(new_rust).collect();
        if !gone.is_empty() {
            vanished.push(format!("{ts}: {gone:?} vanished (now {new_rust:?})"));
        }
    }
    assert!(
        vanished.is_empty(),
        "{} of {compared} TypeScript paths lost a Rust path between openai {old} and {new}:\n\
         {vanished:#?}",
        vanished.len()
    );
    Some(compared)
}

#[test]
fn names_are_stable_over_the_resources_tree_from_7_53_0_to_7_55_0() {
    if let Some(compared) = tree_stable_between("7.53.0", "7.55.0") {
        println!("{compared} TypeScript paths compared");
    }
}

#[test]
fn names_are_stable_over_the_resources_tree_from_6_0_0_to_7_55_0() {
    if let Some(compared) = tree_stable_between("6.0.0", "7.55.0") {
        println!("{compared} TypeScript paths compared");
    }
}

#[test]
fn names_are_stable_over_the_resources_tree_from_4_104_0_to_5_1_0() {
    if let Some(compared) = tree_stable_between("4.104.0", "5.1.0") {
        println!("{compared} TypeScript paths compared");
    }
}
