//! Declarations → the Rust model: modules, declarations, interfaces, classes, re-exports.
//!
//! Every generated path depends only on the TypeScript path it comes from: a declaration
//! `A.B` in file `f` is `f::a::B`; the anonymous type of field `x` of `A.B` is `f::a::b::X`.
//! Names are claimed declared-first, so a declaration never loses its name to an anonymous type.
//!
//! All files are declared before any is lowered, so a reference into another file (through an
//! import) finds its Rust path whatever the order. Types are lowered in the `types` module.

use super::decl::{Decl, DeclFile, DeclKind, Field, Interface, Method, ReExport, TypeExpr};
use super::jsdoc::Docs;
use super::naming::{rust_ident, singular, Case, Scope};
use super::resolve::{Declared, Resolver, Symbol};
use super::rust::{self, Item, ItemKind, ItemPath, Module, ModuleKind, RustType};
use super::share::{place_enums, PlacedEnum};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, FileId, Span};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The docs of a place that has none, lent to every such place.
pub(super) static NO_DOCS: Docs = Docs {
    body: String::new(),
    examples: Vec::new(),
    deprecated: None,
    tags: Vec::new(),
    generated: false,
};

/// One parsed declaration file and where it goes in the output.
pub struct InputFile<'a> {
    /// The registered source (for messages).
    pub file: FileId,
    /// The path shown in docs and headers, with `/` separators.
    pub display: String,
    /// Names from the output root: folders, then the file's stem (`index` merges into its
    /// folder). Empty puts the file's items at the root.
    pub module_path: Vec<String>,
    /// The declarations.
    pub decls: &'a DeclFile,
    /// Module specifiers the caller followed on disk, each with the `module_path` of the file
    /// it names (a file from outside the input cannot be found from the specifier alone).
    pub links: Vec<(String, Vec<String>)>,
    /// A file from outside the input, read for the declarations the input refers to: only
    /// those, and what they refer to in turn, are generated (see [`build`]).
    pub on_demand: bool,
}

/// The model of the whole output, with the warnings met on the way.
pub struct Model {
    /// The root module.
    pub root: Module,
    /// Places that were mapped loosely or skipped.
    pub warnings: Vec<Diagnostic>,
}

/// Builds the Rust model of all input files.
///
/// Files read [on demand](InputFile::on_demand) contribute only the declarations that the
/// others refer to: they are lowered after the input, repeatedly, until no lowered declaration
/// refers to one not yet lowered. Everything else in them (an SDK's client classes, its
/// request plumbing) is left out, as the user did not ask for it.
pub fn build(files: &[InputFile<'_>], config: &Config) -> Model {
    let mut ordered: Vec<&InputFile<'_>> = files.iter().collect();
    ordered.sort_by(|a, b| a.module_path.cmp(&b.module_path));
    let mut builder = Builder {
        config,
        root: Module::new("", ModuleKind::Root),
        scopes: FxHashMap::default(),
        module_index: FxHashMap::default(),
        companions: FxHashMap::default(),
        warnings: Vec::new(),
        used_overrides: BTreeSet::new(),
        resolver: Resolver::default(),
        modules: Vec::new(),
        enums: Vec::new(),
        anonymous: FxHashSet::default(),
        done: FxHashSet::default(),
        building: Vec::new(),
        intersection_structs: 0,
        frames: vec![super::eval::Frame::root()],
        eval_depth: 0,
        applying: Vec::new(),
        on_demand: Vec::new(),
        wanted: RefCell::default(),
        probing: std::cell::Cell::new(false),
        applications: 0,
    };
    for input in &ordered {
        let module = builder.file_module(input);
        let index = builder.resolver.add(input.module_path.join("/"), Declared::new(input.decls));
        if input.on_demand {
            builder.resolver.link_only(index);
        }
        builder.on_demand.push(input.on_demand);
        builder.modules.push(module.clone());
        builder.declare(index, &input.decls.decls, &[], &module);
    }
    builder.settle_services();
    for (index, input) in ordered.iter().enumerate() {
        for (specifier, target) in &input.links {
            builder.resolver.link(index, specifier.clone(), target.join("/"));
        }
    }
    for (index, input) in ordered.iter().enumerate() {
        // Files read on demand re-export nothing: their modules hold only what the input uses.
        if !input.on_demand {
            builder.reexports(index, input.decls);
        }
        builder.namespace_exports(index, &input.decls.decls, &[]);
    }
    for (index, input) in ordered.iter().enumerate().filter(|(_, i)| !i.on_demand) {
        builder.lower_file(index, input.decls);
    }
    // What the input uses from files read on demand, until nothing new is used.
    loop {
        let lowered = builder.done.len();
        for (index, input) in ordered.iter().enumerate().filter(|(_, i)| i.on_demand) {
            builder.lower_file(index, input.decls);
        }
        if builder.done.len() == lowered {
            break;
        }
    }
    for key in config.types.keys().filter(|k| !builder.used_overrides.contains(*k)) {
        builder.warnings.push(
            Diagnostic::warning(format!("config [types] key `{key}` matches no field"), None)
                .with_help("write the TypeScript path of a field, e.g. `Session.TurnDetection.prefix_padding_ms`"),
        );
    }
    super::globs::settle_globs(&mut builder.root);
    super::members::resolve_members(&mut builder.root, &mut builder.warnings, config.collapse_null);
    super::lag::apply(&mut builder.root, config);
    super::variants::settle(&mut builder.root);
    super::generics::fit_generics(&mut builder.root);
    super::newtypes::settle(&mut builder.root);
    super::recursion::box_struct_payloads(&mut builder.root);
    super::recursion::box_recursive(&mut builder.root);
    super::once::define_once(&mut builder.root, &builder.anonymous, config);
    Model { root: builder.root, warnings: builder.warnings }
}

/// The state of one model build; the type lowering lives in `super::types`.
pub(super) struct Builder<'c, 'd> {
    pub(super) config: &'c Config,
    pub(super) root: Module,
    /// Names taken in each module, by module path. The maps keyed by paths are only looked up,
    /// never walked, so hashing (one pass over the key) beats ordered search (a comparison of
    /// long shared prefixes per step).
    scopes: FxHashMap<Vec<String>, Scope>,
    /// Each module's position in the tree (child indices from the root), by module path.
    module_index: FxHashMap<Vec<String>, Vec<usize>>,
    /// The module holding the types nested in an item, by item.
    companions: FxHashMap<ItemPath, Vec<String>>,
    pub(super) warnings: Vec<Diagnostic>,
    pub(super) used_overrides: BTreeSet<String>,
    pub(super) resolver: Resolver<'d>,
    /// Each file's module path, by file index.
    modules: Vec<Vec<String>>,
    /// Literal-union enums of the file being lowered, waiting to be shared or placed.
    pub(super) enums: Vec<PlacedEnum>,
    /// The types named after their place rather than declared (see [`super::once`]).
    pub(super) anonymous: FxHashSet<ItemPath>,
    /// Declarations already lowered (merged interfaces lower once), by (file, TS path).
    done: FxHashSet<(usize, Vec<String>)>,
    /// The evaluated object types (intersections, utility and mapped types) whose struct is
    /// being built, innermost last: the type's node and the bindings it is read with, and the
    /// struct's path. Such a struct copies fields, so a field of the same type
    /// (`interface A { f: A & B }`, `interface N { p?: Partial<N> }`) would be copied without
    /// end; that field refers to the struct being built instead (the recursion pass boxes it).
    pub(super) building: Vec<(Evaluated, ItemPath)>,
    /// How many intersection structs have been built. Each copies its members' fields, and a
    /// copied field's own intersection is built again at its new place, so an interface with
    /// k fields of intersection types grows like k factorial; past
    /// [`MAX_INTERSECTION_STRUCTS`] an intersection becomes `serde_json::Value` with a warning.
    pub(super) intersection_structs: usize,
    /// Type-parameter bindings, by index (see [`super::eval`]); frame 0 binds nothing.
    pub(super) frames: Vec<super::eval::Frame<'d>>,
    /// How deep the evaluator is nested.
    pub(super) eval_depth: usize,
    /// Whether the evaluator only looks (see [`Builder::not_data`]): what it finds then is not
    /// a use.
    pub(super) probing: std::cell::Cell<bool>,
    /// The generic aliases being applied, innermost last, with the identity of their
    /// arguments (see [`Builder::identity`]).
    pub(super) applying: Vec<(ItemPath, Vec<(*const TypeExpr, usize)>)>,
    /// How many generic alias applications have been evaluated: each may apply others, so a
    /// recursive alias could grow like its width to the power of [`MAX_APPLIED`]; past
    /// [`MAX_APPLICATIONS`] an application refers to the alias item instead.
    pub(super) applications: usize,
    /// Whether each file (by index) is read on demand (see [`InputFile::on_demand`]).
    on_demand: Vec<bool>,
    /// The declarations of files read on demand that a lowered type refers to. Marked while
    /// resolving, which only borrows the builder.
    wanted: RefCell<FxHashSet<ItemPath>>,
}

/// Far more applications than real packages need, few enough to bound any input.
pub(super) const MAX_APPLICATIONS: usize = 4096;

/// How many generic aliases may be applied inside one another (`A<B<C<…>>>`) before the
/// innermost is referred to as its own item instead.
pub(super) const MAX_APPLIED: usize = 8;

/// An evaluated type expression: its node and the frame of bindings it is read in.
pub(super) type Evaluated = (*const TypeExpr, usize);

/// How many bases deep an interface's inherited fields are copied from. Every interface
/// repeats all its inherited fields, so the output grows with the depth of `extends` chains
/// times their length; real SDKs are 1 to 3 deep.
pub(super) const MAX_BASE_DEPTH: usize = 64;

/// Far more intersection structs than real SDKs need (openai 4.104.0 builds 10), and few
/// enough that no input can make the model run out of time or memory.
pub(super) const MAX_INTERSECTION_STRUCTS: usize = 1024;

/// Where a type expression was written: its file, namespace and type-parameter bindings.
/// Inherited, intersected and evaluated fields keep the context they were written in.
#[derive(Clone, Default)]
pub(super) struct Ctx {
    pub(super) file: usize,
    pub(super) ns: Vec<String>,
    /// Type parameters of the declaring interface when it is a base: not in scope here, so
    /// they stand for any JSON value.
    pub(super) erased: Vec<String>,
    /// The frame of type-argument bindings in force (see [`super::eval::Frame`]); 0 binds
    /// nothing.
    pub(super) env: usize,
}

/// A field and the context its type is written in. Most come from a declared property; a
/// mapped type or utility type makes fields of its own (a new name or optionality over a
/// borrowed type).
#[derive(Clone)]
pub(super) struct ContextField<'d> {
    /// The wire name (empty for an index signature).
    pub(super) name: Cow<'d, str>,
    pub(super) ty: &'d TypeExpr,
    pub(super) optional: bool,
    /// An index signature: the type of every key no property names.
    pub(super) index: bool,
    pub(super) docs: &'d Docs,
    pub(super) span: Span,
    pub(super) ctx: Ctx,
    /// The base interface the field was inherited from, for its docs.
    pub(super) origin: Option<String>,
    /// The types other members of an intersection give the same key (`A & { a: B }` where
    /// `A` has `a` too), each in its own context: the field's type is the intersection of
    /// `ty` and these.
    pub(super) also: Vec<(&'d TypeExpr, Ctx)>,
}

impl<'d> ContextField<'d> {
    /// A declared property in `ctx`.
    pub(super) fn declared(field: &'d Field, ctx: &Ctx) -> Self {
        ContextField {
            name: Cow::Borrowed(&field.name),
            ty: &field.ty,
            optional: field.optional,
            index: field.index,
            docs: &field.docs,
            span: field.span,
            ctx: ctx.clone(),
            origin: None,
            also: Vec::new(),
        }
    }
}

/// The fields of an intersection's members as one list: a key several members declare is
/// one field (at its first position) whose type is the intersection of theirs, required if
/// any member requires it.
pub(super) fn merge_intersection(fields: Vec<ContextField<'_>>) -> Vec<ContextField<'_>> {
    let mut out: Vec<ContextField<'_>> = Vec::with_capacity(fields.len());
    let mut at: FxHashMap<(String, bool), usize> = FxHashMap::default();
    for field in fields {
        let Some(&i) = at.get(&(field.name.to_string(), field.index)) else {
            at.insert((field.name.to_string(), field.index), out.len());
            out.push(field);
            continue;
        };
        let first = &mut out[i];
        first.optional &= field.optional;
        if first.docs.is_empty() {
            first.docs = field.docs;
        }
        // One declaration met twice (`A & A`, or two bases of one base) adds nothing.
        let parts = std::iter::once((field.ty, field.ctx)).chain(field.also);
        for (ty, ctx) in parts {
            let known = std::iter::once((first.ty, &first.ctx))
                .chain(first.also.iter().map(|(t, c)| (*t, c)))
                .any(|(t, c)| std::ptr::eq(t, ty) && c.env == ctx.env && c.file == ctx.file);
            if !known {
                first.also.push((ty, ctx));
            }
        }
    }
    out
}

/// Where an anonymous type stands, which decides its name and home.
#[derive(Clone)]
pub(super) struct Place<'p> {
    /// The item whose companion module receives types named after this place.
    pub(super) owner: &'p ItemPath,
    /// The name the type gets, before case conversion.
    pub(super) name: String,
    /// The TypeScript path of the place (for sharing and messages) is `ts_parent` then
    /// `ts_last`: kept apart, as most places generate no type and never need it whole.
    pub(super) ts_parent: &'p [String],
    pub(super) ts_last: String,
    /// The field the place belongs to, for number rules.
    pub(super) field: &'p str,
    /// The file and namespace the type was written in, for resolving references.
    pub(super) file: usize,
    pub(super) ns: &'p [String],
    /// Generic parameters in scope.
    pub(super) params: &'p [String],
    /// Type parameters that are not Rust parameters here (a base's, a generic method's): they
    /// stand for any JSON value, without a warning.
    pub(super) erased: &'p [String],
    /// The frame of type-argument bindings in force.
    pub(super) env: usize,
    /// The docs of the place, given to a type generated there (borrowed: most places generate
    /// none).
    pub(super) docs: &'p Docs,
    pub(super) span: Option<Span>,
    /// A declared name: the type goes exactly here, never shared.
    pub(super) fixed: Option<ItemPath>,
}

impl Place<'_> {
    /// The context the place's type is written in.
    pub(super) fn ctx(&self) -> Ctx {
        Ctx { file: self.file, ns: self.ns.to_vec(), erased: self.erased.to_vec(), env: self.env }
    }

    /// The place of the element type of an array at this place.
    pub(super) fn element(&self) -> Self {
        let (name, ts_last) = (singular(&self.name), singular(&self.ts_last));
        Place { name, ts_last, fixed: None, ..self.clone() }
    }

    /// The TypeScript path of the place.
    pub(super) fn ts_path(&self) -> Vec<String> {
        self.ts_parent.iter().cloned().chain([self.ts_last.clone()]).collect()
    }

    /// The TypeScript path of the place, dotted.
    pub(super) fn ts_string(&self) -> String {
        let mut dotted = String::new();
        for segment in self.ts_parent {
            dotted.push_str(segment);
            dotted.push('.');
        }
        dotted.push_str(&self.ts_last);
        dotted
    }
}

impl<'c, 'd> Builder<'c, 'd> {
    pub(super) fn scope(&mut self, module: &[String]) -> &mut Scope {
        // Looked up by the borrowed path first: the key is copied once per module, not per call.
        if !self.scopes.contains_key(module) {
            self.scopes.insert(module.to_vec(), Scope::new());
        }
        self.scopes.get_mut(module).expect("inserted above")
    }

    /// The module at `path`, created (as a namespace, with its missing ancestors) when absent.
    pub(super) fn module(&mut self, path: &[String]) -> &mut Module {
        self.module_of_kind(path, ModuleKind::Namespace)
    }

    /// The module at `path`, created as `kind` when absent. Modules are found through
    /// `module_index` (children are only ever appended, so positions stay valid): a lookup costs
    /// one hash of the path and its depth, not the number of sibling modules.
    fn module_of_kind(&mut self, path: &[String], kind: ModuleKind) -> &mut Module {
        if let Some(position) = self.module_index.get(path) {
            return position.iter().fold(&mut self.root, |m, &i| &mut m.modules[i]);
        }
        // Ancestors are always created with their descendants: below the deepest existing one,
        // every level is missing.
        let mut existing = path.len().saturating_sub(1);
        while existing > 0 && !self.module_index.contains_key(&path[..existing]) {
            existing -= 1;
        }
        let mut position = self.module_index.get(&path[..existing]).cloned().unwrap_or_default();
        for depth in existing + 1..=path.len() {
            let parent = position.iter().fold(&mut self.root, |m, &i| &mut m.modules[i]);
            let own_kind = if depth == path.len() { kind.clone() } else { ModuleKind::Namespace };
            parent.modules.push(Module::new(path[depth - 1].clone(), own_kind));
            position.push(parent.modules.len() - 1);
            self.module_index.insert(path[..depth].to_vec(), position.clone());
        }
        position.iter().fold(&mut self.root, |m, &i| &mut m.modules[i])
    }

    pub(super) fn push_item(&mut self, module: &[String], item: Item) {
        self.module(module).items.push(item);
    }

    /// The module that holds the types nested in `item` (`Session` → `session`), claimed once.
    pub(super) fn companion(&mut self, item: &ItemPath) -> Vec<String> {
        if let Some(path) = self.companions.get(item) {
            return path.clone();
        }
        let name = self.scope(&item.modules).claim(&item.name, Case::Value);
        let mut path = item.modules.clone();
        path.push(name);
        let module = self.module(&path);
        if module.docs.is_empty() {
            // A module's outer docs resolve links in the parent, where the item is.
            let link = super::naming::type_doc_link(&item.name, None);
            module.docs = Docs::generated(format!("Types nested in {link}."));
            module.companion_of = Some(item.name.clone());
        }
        self.companions.insert(item.clone(), path.clone());
        path
    }

    /// Creates the folder and file modules of `input` and returns the file's module path.
    /// `index.d.ts` is its folder's module, as `./dir` imports it in TypeScript.
    fn file_module(&mut self, input: &InputFile<'_>) -> Vec<String> {
        let segments = match input.module_path.split_last() {
            Some((last, folders)) if last == "index" => folders,
            _ => &input.module_path[..],
        };
        let mut module_path = Vec::new();
        for (i, segment) in segments.iter().enumerate() {
            let is_file = i + 1 == segments.len() && segments.len() == input.module_path.len();
            let name = rust_ident(segment, Case::Value);
            let kind = if is_file {
                ModuleKind::File { source: input.display.clone() }
            } else {
                ModuleKind::Folder
            };
            let mut path = module_path.clone();
            path.push(name.clone());
            let module = self.module_of_kind(&path, kind.clone());
            if module.docs.is_empty() {
                module.docs = Docs::generated(match &kind {
                    ModuleKind::File { source } => format!("Types declared in `{source}`."),
                    // The first module of a file read from outside is not a folder.
                    _ if input.on_demand && i == 0 => "Declarations from outside the input that \
                        it uses, by their path from its parent folder."
                        .to_owned(),
                    _ if input.on_demand => {
                        format!("Declarations under `{}/`.", outside_folder(input, i))
                    }
                    _ => format!("Declarations under `{}/`.", segments[..=i].join("/")),
                });
            }
            self.scope(&module_path).claim(segment, Case::Value);
            module_path.push(name);
        }
        module_path
    }

    /// Claims the names of every declaration, before any anonymous type takes one.
    fn declare(&mut self, file: usize, decls: &'d [Decl], ns: &[String], module: &[String]) {
        for decl in decls {
            let mut ts = ns.to_vec();
            ts.push(decl.name.clone());
            match &decl.kind {
                DeclKind::Namespace(inner) => {
                    let companion = self.namespace_module(file, &ts, module, &decl.name);
                    self.declare(file, inner, &ts, &companion);
                }
                // Values live in a namespace of their own: `const X` beside `type X` is usual.
                DeclKind::Const(ty) => {
                    self.resolver.files[file].values.insert(ts, ty);
                }
                // Resolved once every declaration is known (`namespace_exports`).
                DeclKind::Export(_) => {}
                kind => {
                    let table = &mut self.resolver.files[file];
                    if let Some(symbol) = table.types.get_mut(&ts) {
                        match kind {
                            DeclKind::Interface(body) if !symbol.bodies.is_empty() => {
                                symbol.bodies.push(body)
                            }
                            // Of a file read on demand, most declarations are never generated.
                            _ if self.on_demand[file] => {}
                            _ => self.warnings.push(
                                Diagnostic::warning(
                                    format!(
                                        "`{}` is declared twice; the first declaration is used",
                                        ts.join(".")
                                    ),
                                    Some(decl.span),
                                )
                                .with_label("second declaration")
                                .with_help(
                                    "only interfaces merge; rename or remove one declaration",
                                ),
                            ),
                        }
                        continue;
                    }
                    let name = self.scope(module).claim(&decl.name, Case::Type);
                    let symbol = Symbol {
                        name: decl.name.clone(),
                        path: ItemPath { modules: module.to_vec(), name },
                        bodies: match kind {
                            DeclKind::Interface(body) => vec![body],
                            DeclKind::Class(class) if class.is_data() => vec![&class.data],
                            _ => vec![],
                        },
                        is_class: matches!(kind, DeclKind::Class(class) if !class.is_data()),
                        class_body: match kind {
                            DeclKind::Class(class) if !class.is_data() => Some(&class.data),
                            _ => None,
                        },
                        data_class: matches!(kind, DeclKind::Class(class) if class.is_data()),
                        nullable: matches!(kind, DeclKind::TypeAlias(TypeExpr::Union(members), _)
                            if members.iter().any(|m| matches!(m, TypeExpr::Null | TypeExpr::Undefined))),
                        ns: ns.to_vec(),
                        alias: match kind {
                            DeclKind::TypeAlias(ty, params) => Some((ty, &params[..])),
                            _ => None,
                        },
                        members: match kind {
                            DeclKind::Enum(members) => Some(&members[..]),
                            _ => None,
                        },
                    };
                    self.resolver.files[file].types.insert(ts, symbol);
                }
            }
        }
    }

    /// The module of namespace `ts`: the companion of the same-named declaration, if any.
    fn namespace_module(
        &mut self,
        file: usize,
        ts: &[String],
        module: &[String],
        name: &str,
    ) -> Vec<String> {
        let declared = self.resolver.files[file].types.get(ts).map(|s| s.path.clone());
        let owner = declared.clone().unwrap_or_else(|| ItemPath {
            modules: module.to_vec(),
            name: rust_ident(name, Case::Type),
        });
        let path = self.companion(&owner);
        if declared.is_none() {
            // No item of that name to link to or print the module after.
            let companion = self.module(&path);
            if companion.companion_of.is_some() {
                companion.companion_of = None;
                companion.docs = Docs::generated(format!("The `{}` namespace.", ts.join(".")));
            }
        }
        path
    }

    /// `export { A as B } from './a'` becomes `pub use a::A as B;`, `export * from './a'`
    /// becomes `pub use a::*;`, where the target is another input file.
    fn reexports(&mut self, file: usize, decls: &'d DeclFile) {
        let module = self.modules[file].clone();
        for reexport in &decls.reexports {
            match reexport {
                ReExport::Named { alias, from: Some(_), .. } => {
                    let path = [alias.clone()];
                    let Some(found) = self.resolver.resolve_export(file, &path) else { continue };
                    if self.on_demand[found.file] && found.symbol.is_class {
                        continue; // not generated (see `use_declaration`)
                    }
                    let target = found.symbol.path.clone();
                    self.use_declaration(found.file, found.symbol);
                    if target.modules == module
                        || self.scope(&module).contains(&rust_ident(alias, Case::Type))
                    {
                        continue;
                    }
                    let local = self.scope(&module).claim(alias, Case::Type);
                    self.push_item(
                        &module,
                        Item {
                            name: local,
                            docs: Docs::default(),
                            span: None,
                            ts_path: alias.clone(),
                            kind: ItemKind::Reexport(target),
                        },
                    );
                }
                ReExport::All { from } => {
                    let Some(target) = self.resolver.specifier(file, from) else { continue };
                    // Of a file read on demand, the module holds only what is used.
                    if self.on_demand[target] {
                        continue;
                    }
                    let target_module = self.modules[target].clone();
                    if target_module != module {
                        self.push_item(
                            &module,
                            Item {
                                name: String::new(),
                                docs: Docs::default(),
                                span: None,
                                ts_path: from.clone(),
                                kind: ItemKind::ReexportAll(target_module),
                            },
                        );
                    }
                }
                _ => {}
            }
        }
    }

    /// Lowers the declarations of file `index` not lowered yet (of a file read on demand, the
    /// wanted ones), then places its literal-union enums.
    fn lower_file(&mut self, index: usize, decls: &'d DeclFile) {
        let module = self.modules[index].clone();
        self.lower_decls(index, &decls.decls, &[], &module);
        self.place_file_enums(&module);
    }

    /// Notes that `symbol`, declared in `file`, is used, so that it is generated if its file is
    /// read on demand. A service class is not: it is the SDK's client plumbing (a trait that
    /// nothing in the input asked for), and a use of it as data is mapped loosely anyway.
    pub(super) fn use_declaration(&self, file: usize, symbol: &Symbol<'d>) {
        if self.on_demand[file] && !symbol.is_class && !self.probing.get() {
            self.wanted.borrow_mut().insert(symbol.path.clone());
        }
    }

    /// Whether the declaration at `path` of `file` is generated: every declaration of the
    /// input, and those of files read on demand that something uses.
    fn is_generated(&self, file: usize, path: &ItemPath) -> bool {
        !self.on_demand[file] || self.wanted.borrow().contains(path)
    }

    /// A class whose every property holds a service class (an SDK resource and its
    /// sub-resources) is a service itself, not data; repeated until no class changes.
    fn settle_services(&mut self) {
        loop {
            let mut services = Vec::new();
            for (file, table) in self.resolver.files.iter().enumerate() {
                for (ts, symbol) in &table.types {
                    let Some(body) = symbol.bodies.first().filter(|_| symbol.data_class) else {
                        continue;
                    };
                    let holds_service = |field: &Field| match &field.ty {
                        TypeExpr::Ref { path, .. } => self
                            .resolver
                            .resolve(file, &symbol.ns, path)
                            .is_some_and(|f| f.symbol.is_class),
                        _ => false,
                    };
                    if body.fields.iter().all(holds_service) {
                        services.push((file, ts.clone()));
                    }
                }
            }
            if services.is_empty() {
                return;
            }
            for (file, ts) in services {
                if let Some(symbol) = self.resolver.files[file].types.get_mut(&ts) {
                    symbol.bodies.clear();
                    symbol.data_class = false;
                    symbol.is_class = true;
                }
            }
        }
    }

    /// `namespace N { export { A as X } }`: `N.X` resolves to what `A` names outside `N`
    /// (no item of its own: uses refer to `A`'s Rust path).
    fn namespace_exports(&mut self, file: usize, decls: &'d [Decl], ns: &[String]) {
        for decl in decls {
            let mut ts = ns.to_vec();
            ts.push(decl.name.clone());
            match &decl.kind {
                DeclKind::Namespace(inner) => self.namespace_exports(file, inner, &ts),
                DeclKind::Export(original)
                    if !self.resolver.files[file].types.contains_key(&ts) =>
                {
                    let outer = &ns[..ns.len().saturating_sub(1)];
                    let found = self.resolver.resolve(file, outer, original);
                    // A symbol is read in its own file's context: one declared in another
                    // file is named through an alias to its own table.
                    let Some(found) = found else { continue };
                    if found.file == file {
                        let symbol = found.symbol.clone();
                        self.resolver.files[file].types.insert(ts, symbol);
                    } else {
                        let key: Vec<String> = found
                            .symbol
                            .ns
                            .iter()
                            .cloned()
                            .chain([found.symbol.name.clone()])
                            .collect();
                        let target = (found.file, key);
                        self.resolver.files[file].aliases.insert(ts, target);
                    }
                }
                _ => {}
            }
        }
    }

    fn place_file_enums(&mut self, module: &[String]) {
        let enums = std::mem::take(&mut self.enums);
        let mut file_scope = self.scopes.remove(module).unwrap_or_default();
        let placement = place_enums(enums, module, &mut file_scope);
        self.scopes.insert(module.to_vec(), file_scope);
        for (module, item) in placement {
            if matches!(item.kind, ItemKind::Enum(_)) {
                self.anonymous
                    .insert(ItemPath { modules: module.clone(), name: item.name.clone() });
            }
            self.push_item(&module, item);
        }
    }

    fn lower_decls(&mut self, file: usize, decls: &'d [Decl], ns: &[String], module: &[String]) {
        for decl in decls {
            let mut ts = ns.to_vec();
            ts.push(decl.name.clone());
            if let DeclKind::Namespace(inner) = &decl.kind {
                let companion = self.namespace_module(file, &ts, module, &decl.name);
                if !decl.docs.is_empty() && !self.resolver.files[file].types.contains_key(&ts) {
                    self.module(&companion).docs = decl.docs.clone();
                }
                self.lower_decls(file, inner, &ts, &companion);
                continue;
            }
            // A value shares its name with a type as often as not; it generates nothing, and
            // neither does a namespace's export list.
            if matches!(decl.kind, DeclKind::Const(_) | DeclKind::Export(_)) {
                continue;
            }
            let symbol = self.resolver.files[file].types.get(&ts);
            let Some((path, bodies, nullable)) =
                symbol.map(|s| (s.path.clone(), s.bodies.clone(), s.nullable))
            else {
                continue;
            };
            if !self.is_generated(file, &path) || !self.done.insert((file, ts.clone())) {
                continue;
            }
            let kind = match &decl.kind {
                DeclKind::Interface(_) | DeclKind::Class(_) if !bodies.is_empty() => {
                    let params = bodies.first().map_or_else(Vec::new, |b| b.type_params.clone());
                    let ctx = Ctx { file, ns: ns.to_vec(), ..Ctx::default() };
                    let array = self.array_interface(&ctx, &bodies, &params);
                    let fields = match array {
                        Some(_) => Vec::new(),
                        None => self.interface_fields(&ctx, &bodies, &mut vec![ts.clone()]),
                    };
                    let value = Place {
                        owner: &path,
                        name: "value".to_owned(),
                        ts_parent: &ts,
                        ts_last: "value".to_owned(),
                        field: "value",
                        file,
                        ns,
                        params: &params,
                        erased: &[],
                        env: 0,
                        docs: &NO_DOCS,
                        span: None,
                        fixed: None,
                    };
                    // `interface List extends Array<Item> {}`: an array, as JSON writes it. An
                    // alias has no parameters: a generic one's stand for any JSON value, as a
                    // generic type alias's do.
                    if let Some(element) = array {
                        let at = Place {
                            name: "item".to_owned(),
                            ts_last: "item".to_owned(),
                            params: &[],
                            erased: &params,
                            ..value
                        };
                        ItemKind::Alias(RustType::Vec(Box::new(self.lower_type(&at, element))))
                    } else {
                        // A generic map (`interface Dict<T> { [key: string]: T }`) stays a
                        // struct, which keeps its parameter.
                        match params.is_empty().then(|| self.map_of(&fields, &value)).flatten() {
                            Some(map) => ItemKind::Alias(map),
                            None => {
                                ItemKind::Struct(self.lower_struct(&path, &ts, &params, fields))
                            }
                        }
                    }
                }
                DeclKind::TypeAlias(ty, params) => {
                    // A generic alias's parameters stand for any JSON value: Rust aliases and
                    // enums of the alias's shape cannot leave a parameter unused, and the SDKs'
                    // generic aliases parameterise client-side parsing, not the wire.
                    let place = Place {
                        owner: &path,
                        name: decl.name.clone(),
                        ts_parent: ns,
                        ts_last: decl.name.clone(),
                        field: &decl.name,
                        file,
                        ns,
                        params: &[],
                        erased: params,
                        env: 0,
                        docs: &decl.docs,
                        span: Some(decl.span),
                        fixed: Some(path.clone()),
                    };
                    match self.lower_type(&place, ty) {
                        // The type was generated at the alias's own path (`| null` is carried
                        // by the symbol: every use is an `Option`).
                        RustType::Item(p, _) if p == path => continue,
                        RustType::Option(inner) if matches!(&*inner, RustType::Item(p, _) if *p == path) => {
                            continue
                        }
                        RustType::Option(inner) if nullable => ItemKind::Alias(*inner),
                        other => ItemKind::Alias(other),
                    }
                }
                DeclKind::Class(class) => {
                    let methods: Vec<&Method> = class.methods.iter().collect();
                    ItemKind::Trait(self.lower_class(file, &path, &ts, ns, &methods))
                }
                DeclKind::Enum(members) => ItemKind::Enum(self.lower_enum(&ts, members)),
                DeclKind::Interface(_)
                | DeclKind::Namespace(_)
                | DeclKind::Const(_)
                | DeclKind::Export(_) => continue,
            };
            self.push_item(
                module,
                Item {
                    name: path.name.clone(),
                    docs: decl.docs.clone(),
                    span: Some(decl.span),
                    ts_path: ts.join("."),
                    kind,
                },
            );
        }
    }

    /// The element type of a non-generic interface that only extends `Array<T>` (or
    /// `ReadonlyArray<T>`) and declares no property (an index signature restates the
    /// elements): its values are arrays.
    fn array_interface(
        &self,
        ctx: &Ctx,
        bodies: &[&'d Interface],
        params: &[String],
    ) -> Option<&'d TypeExpr> {
        if !params.is_empty() || bodies.iter().any(|b| b.fields.iter().any(|f| !f.index)) {
            return None;
        }
        let mut bases = bodies.iter().flat_map(|b| b.extends.iter());
        let (Some(TypeExpr::Ref { path, args, .. }), None) = (bases.next(), bases.next()) else {
            return None;
        };
        let array = matches!(&path[..], [name] if name == "Array" || name == "ReadonlyArray");
        match &args[..] {
            [element] if array && self.resolver.resolve(ctx.file, &ctx.ns, path).is_none() => {
                Some(element)
            }
            _ => None,
        }
    }

    /// The fields of merged interface `bodies` declared in `ctx`: inherited ones first (each
    /// base once; `visited` holds the TS paths already taken), then their own.
    pub(super) fn interface_fields(
        &mut self,
        ctx: &Ctx,
        bodies: &[&'d Interface],
        visited: &mut Vec<Vec<String>>,
    ) -> Vec<ContextField<'d>> {
        let mut fields = Vec::new();
        for body in bodies {
            for base in &body.extends {
                fields.extend(self.base_fields(ctx, base, visited));
            }
            fields.extend(body.fields.iter().map(|field| ContextField::declared(field, ctx)));
        }
        fields
    }

    /// The fields an `extends` clause or intersection member brings, from any input file:
    /// an interface's (its type parameters bound to the arguments given), or those of any
    /// type that evaluates to an object (`extends Omit<Base, 'id'>`, an object alias).
    pub(super) fn base_fields(
        &mut self,
        ctx: &Ctx,
        base: &'d TypeExpr,
        visited: &mut Vec<Vec<String>>,
    ) -> Vec<ContextField<'d>> {
        let TypeExpr::Ref { path, args, span } = base else {
            return self.object_fields(ctx, base).unwrap_or_default();
        };
        let found = self.resolve_type(ctx, path).map(|f| (f.file, f.symbol.clone()));
        match found {
            // A class without public properties (`AbstractPage`, an error class) has only
            // those of its own bases.
            Some((base_file, mut symbol))
                if !symbol.bodies.is_empty() || symbol.class_body.is_some() =>
            {
                if symbol.bodies.is_empty() {
                    symbol.bodies.extend(symbol.class_body);
                }
                let key: Vec<String> =
                    symbol.ns.iter().cloned().chain([symbol.path.name.clone()]).collect();
                if visited.contains(&key) {
                    return Vec::new(); // a cycle: the fields are there already
                }
                if visited.len() > MAX_BASE_DEPTH {
                    self.warnings.push(
                        Diagnostic::warning(
                            format!(
                                "`{}` is more than {MAX_BASE_DEPTH} bases up an `extends` chain; its fields are left out of the interfaces that far below it",
                                path.join(".")
                            ),
                            Some(*span),
                        )
                        .with_label("too deep")
                        .with_help("declare the fields those interfaces need on a nearer base, or set their types in dts2rs.toml"),
                    );
                    return Vec::new();
                }
                visited.push(key);
                let params = symbol.bodies.first().map_or(&[][..], |b| &b.type_params[..]);
                let base_ctx = self.instantiate(ctx, base_file, &symbol.ns, params, args);
                let mut fields = self.interface_fields(&base_ctx, &symbol.bodies, visited);
                for field in fields.iter_mut().filter(|f| f.origin.is_none()) {
                    field.origin = Some(path.join("."));
                }
                fields
            }
            // JavaScript's own classes and runtime objects (`interface BunFile extends Blob`)
            // hold no data that `JSON.stringify` writes.
            _ if matches!(&path[..], [name] if name == "Error" || name == "Object")
                && self.resolve_type(ctx, path).is_none() =>
            {
                Vec::new()
            }
            _ if self.resolve_type(ctx, path).is_none()
                && self.runtime_object(ctx, path).is_some() =>
            {
                Vec::new()
            }
            _ => match self.object_fields(ctx, base) {
                Some(fields) => fields,
                None => {
                    self.warnings.push(
                        Diagnostic::warning(
                            format!("base interface `{}` is not declared in the input; its fields are left out", path.join(".")),
                            Some(*span),
                        )
                        .with_label("unknown base")
                        .with_help("add the file that declares it to the input, or declare the fields here"),
                    );
                    Vec::new()
                }
            },
        }
    }

    /// A struct from fields in their contexts. A field declared again (merging, or redeclared
    /// over a base) keeps its last declaration's type at its first position. An index
    /// signature becomes a flattened map of the keys no other field names.
    pub(super) fn lower_struct(
        &mut self,
        path: &ItemPath,
        ts: &[String],
        params: &[String],
        fields: Vec<ContextField<'d>>,
    ) -> rust::Struct {
        let mut latest: FxHashMap<(&str, bool), usize> = FxHashMap::default();
        for (i, f) in fields.iter().enumerate() {
            latest.insert((&f.name, f.index), i);
        }
        let mut scope = Scope::new();
        let mut out = Vec::new();
        let mut emitted = FxHashSet::default();
        for f in &fields {
            if !emitted.insert((&*f.name, f.index)) {
                continue;
            }
            let field = &fields[latest[&(&*f.name, f.index)]];
            let mut docs = field.docs.clone();
            if let Some(origin) = &field.origin {
                let from = format!("Inherited from `{origin}`.");
                docs.body =
                    if docs.body.is_empty() { from } else { format!("{}\n\n{from}", docs.body) };
            }
            let wire: &str = if field.index { "extra" } else { &field.name };
            let name = scope.claim(wire, Case::Value);
            let place = Place {
                owner: path,
                name: wire.to_owned(),
                ts_parent: ts,
                ts_last: wire.to_owned(),
                field: wire,
                file: field.ctx.file,
                ns: &field.ctx.ns,
                params,
                erased: &field.ctx.erased,
                env: field.ctx.env,
                docs: field.docs,
                span: Some(field.span),
                fixed: None,
            };
            if matches!(field.ty, TypeExpr::Never) {
                // `never`: the key is never present; a struct read as a variant of an
                // untagged union keeps it as a field that fails to read (see `variants`).
                out.push(rust::Field {
                    name,
                    wire: field.name.to_string(),
                    ty: RustType::Unit,
                    optional: false,
                    nullable: false,
                    flatten: false,
                    absent: true,
                    present: false,
                    docs,
                });
                continue;
            }
            if let Some(reason) = self.not_data(&field.ctx, field.ty) {
                self.warnings.push(
                    Diagnostic::note(
                        format!("the property `{}` is skipped: {reason}", field.name),
                        Some(field.span),
                    )
                    .with_label("skipped"),
                );
                continue;
            }
            let (ty, undefined) = self.field_type(&place, field);
            if field.index {
                let ty = RustType::Map(Box::new(ty));
                out.push(rust::Field {
                    name,
                    nullable: false,
                    flatten: true,
                    absent: false,
                    present: false,
                    wire: String::new(),
                    ty,
                    optional: false,
                    docs,
                });
                continue;
            }
            let (ty, optional, nullable) = match (ty, field.optional || undefined) {
                // `a?: null`: absent or `null`, kept apart by reading a present `null` as
                // `Some(())`.
                (RustType::Option(inner), true) if *inner == RustType::Unit => {
                    (RustType::Unit, true, false)
                }
                // `a?: T | null`: absent, null and a value, unless configured to collapse.
                (RustType::Option(inner), true) => (*inner, true, !self.config.collapse_null),
                (ty, optional) => (ty, optional, false),
            };
            out.push(rust::Field {
                name,
                nullable,
                flatten: false,
                absent: false,
                present: false,
                wire: field.name.to_string(),
                ty,
                optional,
                docs,
            });
        }
        rust::Struct {
            type_params: params.iter().map(|p| rust_ident(p, Case::Type)).collect(),
            fields: out,
        }
    }

    /// An object type whose only member is an index signature is a map, not a struct; its
    /// value type is written at `value` (in the signature's own context).
    pub(super) fn map_of(
        &mut self,
        fields: &[ContextField<'d>],
        value: &Place<'_>,
    ) -> Option<RustType> {
        let [field] = fields else { return None };
        if !field.index {
            return None;
        }
        let place = Place {
            file: field.ctx.file,
            ns: &field.ctx.ns,
            erased: &field.ctx.erased,
            env: field.ctx.env,
            span: Some(field.span),
            ..value.clone()
        };
        let value = self.lower_type(&place, field.ty);
        Some(RustType::Map(Box::new(value)))
    }

    /// A field's type: the configured override for its path, or its lowered TypeScript type;
    /// and whether the type allows `undefined` (`a: T | undefined`), which on the wire is an
    /// optional key (JSON has no `undefined`; `JSON.stringify` leaves such a key out), so `T`
    /// is lowered without it.
    fn field_type(&mut self, place: &Place<'_>, field: &ContextField<'d>) -> (RustType, bool) {
        // Without overrides (the usual case) there is no key to build.
        if !self.config.types.is_empty() {
            let key = place.ts_string();
            if let Some(over) = self.config.type_override(&key) {
                self.used_overrides.insert(key);
                return (RustType::Verbatim(over.to_owned()), false);
            }
        }
        if !field.also.is_empty() {
            let parts = std::iter::once((field.ty, field.ctx.clone()))
                .chain(field.also.iter().cloned())
                .collect();
            return (self.lower_merged(place, parts), false);
        }
        let members = field.ty.union_members();
        if members.len() > 1 && members.contains(&&TypeExpr::Undefined) {
            let defined = members.into_iter().filter(|m| **m != TypeExpr::Undefined).collect();
            return (self.lower_union_of(place, defined), true);
        }
        (self.lower_type(place, field.ty), false)
    }

    fn lower_class(
        &mut self,
        file: usize,
        path: &ItemPath,
        ts: &[String],
        ns: &[String],
        methods: &[&'d Method],
    ) -> rust::Trait {
        let mut scope = Scope::new();
        scope.claim("Error", Case::Type);
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for method in methods {
            if !seen.insert(method.name.as_str()) {
                self.warnings.push(
                    Diagnostic::warning(format!("overload of `{}` skipped; the first signature is used", method.name), Some(method.span))
                        .with_label("overload")
                        .with_help("Rust has no overloading; implement the other signatures by hand if you need them"),
                );
                continue;
            }
            let name = scope.claim(&method.name, Case::Value);
            let mut param_scope = Scope::new();
            param_scope.claim("self", Case::Value);
            let mut params = Vec::new();
            for param in &method.params {
                let Some(ty) = &param.ty else { continue };
                // Request options and other SDK plumbing come from outside the input.
                if self.is_external(file, ns, ty) {
                    continue;
                }
                let place_name = format!("{}_{}", method.name, param.name);
                let place = method_place(path, ts, file, ns, &method.type_params, &place_name);
                let mut lowered = self.lower_type(&place, ty);
                if param.optional {
                    lowered = RustType::Option(Box::new(lowered));
                }
                params.push((param_scope.claim(&param.name, Case::Value), lowered));
            }
            let place_name = format!("{}_response", method.name);
            let place = method_place(path, ts, file, ns, &method.type_params, &place_name);
            let returns = match &method.returns {
                Some(ty) => self.lower_return(&place, ty),
                None => RustType::Unit,
            };
            out.push(rust::Method { name, docs: method.docs.clone(), params, returns });
        }
        rust::Trait { methods: out }
    }

    /// A method's success type: SDK wrappers from outside the input (`Core.APIPromise<T>`,
    /// `Promise<T>`) are unwrapped to `T`.
    fn lower_return(&mut self, place: &Place<'_>, ty: &'d TypeExpr) -> RustType {
        match ty {
            TypeExpr::Ref { args, .. } if self.is_external(place.file, place.ns, ty) => {
                match args.first() {
                    Some(inner) => self.lower_return(place, inner),
                    None => RustType::Json,
                }
            }
            TypeExpr::Undefined => RustType::Unit,
            _ => self.lower_type(place, ty),
        }
    }

    /// Whether `ty` names something declared outside the input (an import from outside, read
    /// or not, an unknown name, or a class).
    pub(super) fn is_external(&self, file: usize, ns: &[String], ty: &TypeExpr) -> bool {
        match ty {
            TypeExpr::Ref { path, .. } => {
                // What comes from a file read on demand is the SDK's own, as before it was read.
                self.resolver
                    .resolve(file, ns, path)
                    .is_none_or(|f| f.symbol.is_class || self.on_demand[f.file])
                    && !matches!(path.join(".").as_str(), "Array" | "ReadonlyArray" | "Record")
            }
            _ => false,
        }
    }
}

/// The folder on disk of module `depth` of `input`, a file read from outside the input (its
/// module path is `external`, then its path from the input's parent folder).
fn outside_folder(input: &InputFile<'_>, depth: usize) -> String {
    let below = input.module_path.len().saturating_sub(depth + 1);
    let path = std::path::Path::new(&input.display);
    path.ancestors().nth(below).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
}

fn method_place<'p>(
    owner: &'p ItemPath,
    ts: &'p [String],
    file: usize,
    ns: &'p [String],
    erased: &'p [String],
    name: &'p str,
) -> Place<'p> {
    Place {
        owner,
        name: name.to_owned(),
        ts_parent: ts,
        ts_last: name.to_owned(),
        field: name,
        file,
        ns,
        params: &[],
        erased,
        env: 0,
        docs: &NO_DOCS,
        span: None,
        fixed: None,
    }
}
