//! Declarations → the Rust model: name resolution, place naming, shared unions, config rules.
//!
//! Every generated path depends only on the TypeScript path it comes from: a declaration
//! `A.B` in file `f` is `f::a::B`; the anonymous type of field `x` of `A.B` is `f::a::b::X`.
//! Names are claimed declared-first, so a declaration never loses its name to an anonymous type.

use super::decl::{Decl, DeclFile, DeclKind, Field, Interface, Literal, Method, TypeExpr};
use super::jsdoc::Docs;
use super::naming::{rust_ident, singular, Case, Scope};
use super::rust::{
    self, Enum, Item, ItemKind, ItemPath, Module, ModuleKind, RustType, Variant, VariantKind,
};
use super::share::{place_enums, PlacedEnum};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, FileId, Span};
use std::collections::{BTreeMap, BTreeSet};

/// One parsed declaration file and where it goes in the output.
pub struct InputFile<'a> {
    /// The registered source (for messages).
    pub file: FileId,
    /// The path shown in docs and headers, with `/` separators.
    pub display: String,
    /// Module names from the output root: folders, then the file's stem. Empty puts the file's
    /// items at the root.
    pub module_path: Vec<String>,
    /// The declarations.
    pub decls: &'a DeclFile,
}

/// The model of the whole output, with the warnings met on the way.
pub struct Model {
    /// The root module.
    pub root: Module,
    /// Places that were mapped loosely or skipped.
    pub warnings: Vec<Diagnostic>,
}

/// Builds the Rust model of all input files.
pub fn build(files: &[InputFile<'_>], config: &Config) -> Model {
    let mut builder = Builder {
        config,
        root: Module::new("", ModuleKind::Root),
        scopes: BTreeMap::new(),
        companions: BTreeMap::new(),
        warnings: Vec::new(),
        used_overrides: BTreeSet::new(),
    };
    let mut ordered: Vec<&InputFile<'_>> = files.iter().collect();
    ordered.sort_by(|a, b| a.module_path.cmp(&b.module_path));
    for file in ordered {
        builder.file(file);
    }
    for key in config.types.keys().filter(|k| !builder.used_overrides.contains(*k)) {
        builder.warnings.push(
            Diagnostic::warning(format!("config [types] key `{key}` matches no field"), None)
                .with_help("write the TypeScript path of a field, e.g. `Session.TurnDetection.prefix_padding_ms`"),
        );
    }
    super::recursion::box_recursive(&mut builder.root);
    Model { root: builder.root, warnings: builder.warnings }
}

struct Builder<'c> {
    config: &'c Config,
    root: Module,
    /// Names taken in each module, by module path.
    scopes: BTreeMap<Vec<String>, Scope>,
    /// The module holding the types nested in an item, by (module, item name).
    companions: BTreeMap<(Vec<String>, String), Vec<String>>,
    warnings: Vec<Diagnostic>,
    used_overrides: BTreeSet<String>,
}

/// What one file declares, by TypeScript path.
#[derive(Default)]
struct FileSymbols<'d> {
    /// Interfaces, aliases and classes: their Rust path and, for interfaces, every body merged
    /// under that name.
    types: BTreeMap<Vec<String>, Symbol<'d>>,
    imports: BTreeSet<String>,
    enums: Vec<PlacedEnum>,
    /// Declarations already lowered (merged interfaces lower once).
    done: BTreeSet<Vec<String>>,
}

/// A declared name.
#[derive(Clone)]
struct Symbol<'d> {
    /// Its Rust path.
    path: ItemPath,
    /// For interfaces, every body merged under the name.
    bodies: Vec<&'d Interface>,
    /// A class: it becomes a trait, which no data type can hold.
    is_class: bool,
    /// A type alias whose union includes `null`: the item is the non-null part and every use
    /// is an `Option`.
    nullable: bool,
}

/// Where an anonymous type stands, which decides its name and home.
#[derive(Clone)]
struct Place<'p> {
    /// The item whose companion module receives types named after this place.
    owner: &'p ItemPath,
    /// The name the type gets, before case conversion.
    name: String,
    /// The TypeScript path of the place, for sharing and messages.
    ts_path: Vec<String>,
    /// The field the place belongs to, for number rules.
    field: String,
    /// The namespace the type was written in, for resolving references.
    ns: &'p [String],
    /// Generic parameters in scope.
    params: &'p [String],
    docs: Docs,
    span: Option<Span>,
    /// A declared name: the type goes exactly here, never shared.
    fixed: Option<ItemPath>,
}

impl Place<'_> {
    /// The place of the element type of an array at this place.
    fn element(&self) -> Self {
        let name = singular(&self.name);
        let mut ts_path = self.ts_path.clone();
        if let Some(last) = ts_path.last_mut() {
            *last = singular(last);
        }
        Place { name, ts_path, fixed: None, ..self.clone() }
    }

    fn ts_string(&self) -> String {
        self.ts_path.join(".")
    }
}

impl<'c> Builder<'c> {
    fn scope(&mut self, module: &[String]) -> &mut Scope {
        self.scopes.entry(module.to_vec()).or_default()
    }

    fn module(&mut self, path: &[String]) -> &mut Module {
        self.root.descendant_mut(path)
    }

    fn push_item(&mut self, module: &[String], item: Item) {
        self.module(module).items.push(item);
    }

    /// The module that holds the types nested in `item` (`Session` → `session`), claimed once.
    fn companion(&mut self, item: &ItemPath) -> Vec<String> {
        let key = (item.modules.clone(), item.name.clone());
        if let Some(path) = self.companions.get(&key) {
            return path.clone();
        }
        let name = self.scope(&item.modules).claim(&item.name, Case::Value);
        let mut path = item.modules.clone();
        path.push(name);
        let module = self.module(&path);
        if module.docs.is_empty() {
            // A module's outer docs resolve links in the parent, where the item is.
            module.docs = Docs::generated(format!("Types nested in [`{}`].", item.name));
            module.companion_of = Some(item.name.clone());
        }
        self.companions.insert(key, path.clone());
        path
    }

    fn file(&mut self, input: &InputFile<'_>) {
        let mut module_path = Vec::new();
        for (i, segment) in input.module_path.iter().enumerate() {
            let is_file = i + 1 == input.module_path.len();
            let name = rust_ident(segment, Case::Value);
            let kind = if is_file {
                ModuleKind::File { source: input.display.clone() }
            } else {
                ModuleKind::Folder
            };
            let parent = self.module(&module_path);
            let module = parent.child_mut(&name, kind.clone());
            if module.docs.is_empty() {
                module.docs.body = match &kind {
                    ModuleKind::File { source } => format!("Types declared in `{source}`."),
                    _ => format!("Declarations under `{}/`.", input.module_path[..=i].join("/")),
                };
            }
            self.scope(&module_path).claim(segment, Case::Value);
            module_path.push(name);
        }
        let mut symbols = FileSymbols {
            imports: input.decls.imports.iter().cloned().collect(),
            ..FileSymbols::default()
        };
        self.declare(&mut symbols, &input.decls.decls, &[], &module_path);
        self.lower_decls(&mut symbols, &input.decls.decls, &[], &module_path);
        let mut file_scope = self.scopes.remove(&module_path).unwrap_or_default();
        let placement =
            place_enums(std::mem::take(&mut symbols.enums), &module_path, &mut file_scope);
        self.scopes.insert(module_path.clone(), file_scope);
        for (module, item) in placement {
            self.push_item(&module, item);
        }
    }

    /// Claims the names of every declaration, before any anonymous type takes one.
    fn declare<'d>(
        &mut self,
        symbols: &mut FileSymbols<'d>,
        decls: &'d [Decl],
        ns: &[String],
        module: &[String],
    ) {
        for decl in decls {
            let mut ts = ns.to_vec();
            ts.push(decl.name.clone());
            match &decl.kind {
                DeclKind::Namespace(inner) => {
                    let owner = ItemPath {
                        modules: module.to_vec(),
                        name: rust_ident(&decl.name, Case::Type),
                    };
                    let owner = symbols.types.get(&ts).map_or(owner, |s| s.path.clone());
                    let companion = self.companion(&owner);
                    self.declare(symbols, inner, &ts, &companion);
                }
                kind => {
                    if let Some(symbol) = symbols.types.get_mut(&ts) {
                        match kind {
                            DeclKind::Interface(body) if !symbol.bodies.is_empty() => {
                                symbol.bodies.push(body)
                            }
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
                    let bodies = match kind {
                        DeclKind::Interface(body) => vec![body],
                        _ => vec![],
                    };
                    let symbol = Symbol {
                        path: ItemPath { modules: module.to_vec(), name },
                        bodies,
                        is_class: matches!(kind, DeclKind::Class(_)),
                        nullable: matches!(kind, DeclKind::TypeAlias(TypeExpr::Union(members))
                            if members.iter().any(|m| matches!(m, TypeExpr::Null | TypeExpr::Undefined))),
                    };
                    symbols.types.insert(ts, symbol);
                }
            }
        }
    }

    fn lower_decls<'d>(
        &mut self,
        symbols: &mut FileSymbols<'d>,
        decls: &'d [Decl],
        ns: &[String],
        module: &[String],
    ) {
        for decl in decls {
            let mut ts = ns.to_vec();
            ts.push(decl.name.clone());
            if let DeclKind::Namespace(inner) = &decl.kind {
                let owner = match symbols.types.get(&ts) {
                    Some(symbol) => symbol.path.clone(),
                    None => ItemPath {
                        modules: module.to_vec(),
                        name: rust_ident(&decl.name, Case::Type),
                    },
                };
                let companion = self.companion(&owner);
                if !decl.docs.is_empty() && !symbols.types.contains_key(&ts) {
                    self.module(&companion).docs = decl.docs.clone();
                }
                self.lower_decls(symbols, inner, &ts, &companion);
                continue;
            }
            if !symbols.done.insert(ts.clone()) {
                continue;
            }
            let Some(Symbol { path, bodies, .. }) = symbols.types.get(&ts).cloned() else {
                continue;
            };
            let kind = match &decl.kind {
                DeclKind::Interface(_) => {
                    ItemKind::Struct(self.lower_interface(symbols, &path, &ts, ns, &bodies))
                }
                DeclKind::TypeAlias(ty) => {
                    let place = Place {
                        owner: &path,
                        name: decl.name.clone(),
                        ts_path: ts.clone(),
                        field: decl.name.clone(),
                        ns,
                        params: &[],
                        docs: decl.docs.clone(),
                        span: Some(decl.span),
                        fixed: Some(path.clone()),
                    };
                    match self.lower_type(symbols, &place, ty) {
                        // The type was generated at the alias's own path (`| null` is carried
                        // by the symbol: every use is an `Option`).
                        RustType::Item(p, _) if p == path => continue,
                        RustType::Option(inner) if matches!(&*inner, RustType::Item(p, _) if *p == path) => {
                            continue
                        }
                        RustType::Option(inner)
                            if symbols.types.get(&ts).is_some_and(|s| s.nullable) =>
                        {
                            ItemKind::Alias(*inner)
                        }
                        other => ItemKind::Alias(other),
                    }
                }
                DeclKind::Class(class) => {
                    let methods = class.methods.iter().collect::<Vec<_>>();
                    ItemKind::Trait(self.lower_class(symbols, &path, &ts, ns, &methods))
                }
                DeclKind::Namespace(_) => continue,
            };
            self.push_item(
                module,
                Item {
                    name: path.name.clone(),
                    docs: decl.docs.clone(),
                    span: Some(decl.span),
                    kind,
                },
            );
        }
    }

    fn lower_interface<'d: 'x, 'x>(
        &mut self,
        symbols: &mut FileSymbols<'d>,
        path: &ItemPath,
        ts: &[String],
        ns: &[String],
        bodies: &[&'x Interface],
    ) -> rust::Struct {
        let params: Vec<String> = bodies.first().map_or_else(Vec::new, |b| b.type_params.clone());
        let mut fields: Vec<&'x Field> = Vec::new();
        let mut bases = Vec::new();
        for body in bodies {
            for base in &body.extends {
                self.collect_base_fields(symbols, base, ns, &mut fields, &mut bases, 0);
            }
            fields.extend(&body.fields);
        }
        let mut scope = Scope::new();
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for field in fields {
            if !seen.insert(field.name.as_str()) {
                continue;
            }
            let name = scope.claim(&field.name, Case::Value);
            let mut ts_path = ts.to_vec();
            ts_path.push(field.name.clone());
            let place = Place {
                owner: path,
                name: field.name.clone(),
                ts_path,
                field: field.name.clone(),
                ns,
                params: &params,
                docs: field.docs.clone(),
                span: Some(field.span),
                fixed: None,
            };
            let ty = self.field_type(symbols, &place, &field.ty);
            let (ty, optional) = match (ty, field.optional) {
                // `a?: T | null` collapses to one `Option`.
                (RustType::Option(inner), true) => (*inner, true),
                (ty, optional) => (ty, optional),
            };
            out.push(rust::Field {
                name,
                wire: field.name.clone(),
                ty,
                optional,
                docs: field.docs.clone(),
            });
        }
        rust::Struct {
            type_params: params.iter().map(|p| rust_ident(p, Case::Type)).collect(),
            fields: out,
        }
    }

    /// Gathers the fields of an `extends` base declared in the same file, bases first.
    fn collect_base_fields<'d: 'x, 'x>(
        &mut self,
        symbols: &FileSymbols<'d>,
        base: &TypeExpr,
        ns: &[String],
        fields: &mut Vec<&'x Field>,
        seen: &mut Vec<Vec<String>>,
        depth: usize,
    ) {
        let TypeExpr::Ref { path, span, .. } = base else {
            return;
        };
        let found = resolve(symbols, ns, path).filter(|(_, key)| !seen.contains(key));
        match found.and_then(|(_, key)| symbols.types.get(&key).map(|s| (key, s.bodies.clone()))) {
            Some((key, bodies)) if !bodies.is_empty() && depth < 64 => {
                seen.push(key);
                for body in bodies {
                    for grand in &body.extends {
                        self.collect_base_fields(symbols, grand, ns, fields, seen, depth + 1);
                    }
                    fields.extend(&body.fields);
                }
            }
            _ => self.warnings.push(
                Diagnostic::warning(
                    format!(
                        "base interface `{}` is not declared in this file; its fields are left out",
                        path.join(".")
                    ),
                    Some(*span),
                )
                .with_label("unknown base")
                .with_help("add the declaring file to the input, or declare the fields here"),
            ),
        }
    }

    /// A field's type: the configured override for its path, or its lowered TypeScript type.
    fn field_type(
        &mut self,
        symbols: &mut FileSymbols<'_>,
        place: &Place<'_>,
        ty: &TypeExpr,
    ) -> RustType {
        let key = place.ts_string();
        if let Some(over) = self.config.type_override(&key) {
            self.used_overrides.insert(key);
            return RustType::Verbatim(over.to_owned());
        }
        self.lower_type(symbols, place, ty)
    }

    fn number(&self, place: &Place<'_>) -> RustType {
        match self.config.number_type(&place.field) {
            Some(ty) => RustType::Verbatim(ty.to_owned()),
            None => RustType::F64,
        }
    }

    fn lower_type(
        &mut self,
        symbols: &mut FileSymbols<'_>,
        place: &Place<'_>,
        ty: &TypeExpr,
    ) -> RustType {
        match ty {
            TypeExpr::String | TypeExpr::OpenString => RustType::String,
            TypeExpr::Number | TypeExpr::Literal(Literal::Number(_)) => self.number(place),
            TypeExpr::Boolean | TypeExpr::Literal(Literal::Bool(_)) => RustType::Bool,
            TypeExpr::Any => RustType::Json,
            TypeExpr::Null | TypeExpr::Undefined => RustType::Unit,
            TypeExpr::Literal(Literal::String(_)) => {
                self.lower_union(symbols, place, std::slice::from_ref(ty))
            }
            TypeExpr::Array(element) => {
                RustType::Vec(Box::new(self.lower_type(symbols, &place.element(), element)))
            }
            TypeExpr::Ref { path, args, span } => self.lower_ref(symbols, place, path, args, *span),
            TypeExpr::Union(members) => self.lower_union(symbols, place, members),
            TypeExpr::Object(fields) => self.hoist_struct(symbols, place, fields),
            TypeExpr::Intersection(_) => self.loose(place, "an intersection type", place.span),
            TypeExpr::Unsupported { what, span } => self.loose(place, what, Some(*span)),
        }
    }

    /// Maps a type the model cannot express to any JSON value, with a warning.
    fn loose(&mut self, place: &Place<'_>, what: &str, span: Option<Span>) -> RustType {
        self.warnings.push(
            Diagnostic::warning(
                format!("{what} at `{}` is mapped to `serde_json::Value`", place.ts_string()),
                span,
            )
            .with_label("not supported yet")
            .with_help(format!(
                "set the field's type in dts2rs.toml: [types] \"{}\" = \"…\"",
                place.ts_string()
            )),
        );
        RustType::Json
    }

    fn lower_ref(
        &mut self,
        symbols: &mut FileSymbols<'_>,
        place: &Place<'_>,
        path: &[String],
        args: &[TypeExpr],
        span: Span,
    ) -> RustType {
        if let [name] = path {
            if place.params.contains(name) {
                return RustType::Param(rust_ident(name, Case::Type));
            }
        }
        if let Some((item, key)) = resolve(symbols, place.ns, path) {
            let args = args.iter().map(|a| self.lower_type(symbols, place, a)).collect();
            let nullable = symbols.types.get(&key).is_some_and(|s| s.nullable);
            let ty = RustType::Item(item, args);
            return if nullable { RustType::Option(Box::new(ty)) } else { ty };
        }
        match (path.join(".").as_str(), args) {
            ("Array" | "ReadonlyArray", [element]) => {
                RustType::Vec(Box::new(self.lower_type(symbols, &place.element(), element)))
            }
            ("Record", [_, value]) => {
                RustType::Map(Box::new(self.lower_type(symbols, place, value)))
            }
            _ => {
                let what = if symbols.imports.contains(&path[0]) {
                    format!("`{}`, imported from outside the input,", path.join("."))
                } else {
                    format!("the unresolved name `{}`", path.join("."))
                };
                self.loose(place, &what, Some(span))
            }
        }
    }

    /// The item path for a type generated at `place`: its declared path, or its place name in
    /// the owner's companion module.
    fn place_path(&mut self, place: &Place<'_>) -> ItemPath {
        if let Some(fixed) = &place.fixed {
            return fixed.clone();
        }
        let modules = self.companion(place.owner);
        let name = self.scope(&modules).claim(&place.name, Case::Type);
        ItemPath { modules, name }
    }

    fn hoist_struct(
        &mut self,
        symbols: &mut FileSymbols<'_>,
        place: &Place<'_>,
        fields: &[Field],
    ) -> RustType {
        let path = self.place_path(place);
        let body = Interface { type_params: vec![], extends: vec![], fields: fields.to_vec() };
        let lowered = self.lower_interface(symbols, &path, &place.ts_path, place.ns, &[&body]);
        self.push_item(
            &path.modules,
            Item {
                name: path.name.clone(),
                docs: place.docs.clone(),
                span: place.span,
                kind: ItemKind::Struct(lowered),
            },
        );
        RustType::Item(path, vec![])
    }

    fn lower_union(
        &mut self,
        symbols: &mut FileSymbols<'_>,
        place: &Place<'_>,
        members: &[TypeExpr],
    ) -> RustType {
        let nullable = members.iter().any(|m| matches!(m, TypeExpr::Null | TypeExpr::Undefined));
        let rest: Vec<&TypeExpr> =
            members.iter().filter(|m| !matches!(m, TypeExpr::Null | TypeExpr::Undefined)).collect();
        let lowered = match rest.as_slice() {
            [] => RustType::Unit,
            [TypeExpr::Literal(Literal::String(_))] | [_, _, ..] => {
                self.lower_alternatives(symbols, place, &rest)
            }
            [single] => self.lower_type(symbols, place, single),
        };
        if nullable {
            RustType::Option(Box::new(lowered))
        } else {
            lowered
        }
    }

    /// A union without `null`: a string enum (open or closed, with a number variant when the
    /// union allows numbers), `bool`, or an untagged enum of the members.
    fn lower_alternatives(
        &mut self,
        symbols: &mut FileSymbols<'_>,
        place: &Place<'_>,
        members: &[&TypeExpr],
    ) -> RustType {
        let is_stringish = |m: &&&TypeExpr| {
            matches!(
                m,
                TypeExpr::Literal(Literal::String(_))
                    | TypeExpr::OpenString
                    | TypeExpr::String
                    | TypeExpr::Number
            )
        };
        let has_literal =
            members.iter().any(|m| matches!(m, TypeExpr::Literal(Literal::String(_))));
        if has_literal && members.iter().all(|m| is_stringish(&m)) {
            let mut scope = Scope::new();
            let mut variants = Vec::new();
            let mut wires = BTreeSet::new();
            for member in members {
                if let TypeExpr::Literal(Literal::String(wire)) = member {
                    if wires.insert(wire.clone()) {
                        let name = scope.claim(wire, Case::Type);
                        variants.push(Variant {
                            name,
                            docs: Docs::default(),
                            kind: VariantKind::Literal(wire.clone()),
                        });
                    }
                }
            }
            if members.iter().any(|m| matches!(m, TypeExpr::Number)) {
                let name = scope.claim("number", Case::Type);
                variants.push(Variant {
                    name,
                    docs: Docs::default(),
                    kind: VariantKind::Untagged(self.number(place)),
                });
            }
            if members.iter().any(|m| matches!(m, TypeExpr::OpenString | TypeExpr::String)) {
                let name = scope.claim("other", Case::Type);
                let docs = Docs {
                    body: "A value not known when these bindings were generated.".to_owned(),
                    ..Docs::default()
                };
                variants.push(Variant { name, docs, kind: VariantKind::Other });
            }
            return self.hoist_enum(symbols, place, Enum { variants });
        }
        if members
            .iter()
            .all(|m| matches!(m, TypeExpr::Boolean | TypeExpr::Literal(Literal::Bool(_))))
        {
            return RustType::Bool;
        }
        self.lower_untagged(symbols, place, members)
    }

    /// An untagged enum with one variant per member, objects first so serde tries the most
    /// specific shapes before the catch-alls.
    fn lower_untagged(
        &mut self,
        symbols: &mut FileSymbols<'_>,
        place: &Place<'_>,
        members: &[&TypeExpr],
    ) -> RustType {
        let path = self.place_path(place);
        let owner = path.clone();
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        let mut ranked: Vec<(u8, usize, &TypeExpr)> =
            members.iter().enumerate().map(|(i, m)| (rank(m), i, *m)).collect();
        ranked.sort_by_key(|(r, i, _)| (*r, *i));
        for (index, (_, _, member)) in ranked.into_iter().enumerate() {
            let raw_name = variant_name(member, index);
            let member_place = Place {
                owner: &owner,
                name: raw_name.clone(),
                ts_path: place.ts_path.iter().cloned().chain([raw_name.clone()]).collect(),
                docs: Docs::default(),
                fixed: None,
                ..place.clone()
            };
            let ty = self.lower_type(symbols, &member_place, member);
            if variants.iter().any(|v: &Variant| v.kind == VariantKind::Untagged(ty.clone())) {
                continue;
            }
            let name = scope.claim(&raw_name, Case::Type);
            variants.push(Variant { name, docs: Docs::default(), kind: VariantKind::Untagged(ty) });
        }
        self.push_item(
            &path.modules,
            Item {
                name: path.name.clone(),
                docs: place.docs.clone(),
                span: place.span,
                kind: ItemKind::Enum(Enum { variants }),
            },
        );
        RustType::Item(path, vec![])
    }

    /// A literal-union enum: placed at once when the place has a declared name, otherwise queued
    /// for sharing with identical unions of the same file.
    fn hoist_enum(
        &mut self,
        symbols: &mut FileSymbols<'_>,
        place: &Place<'_>,
        def: Enum,
    ) -> RustType {
        let path = self.place_path(place);
        if place.fixed.is_some() {
            self.push_item(
                &path.modules,
                Item {
                    name: path.name.clone(),
                    docs: place.docs.clone(),
                    span: place.span,
                    kind: ItemKind::Enum(def),
                },
            );
        } else {
            symbols.enums.push(PlacedEnum {
                path: path.clone(),
                ts_path: place.ts_path.clone(),
                def,
                docs: place.docs.clone(),
                span: place.span,
            });
        }
        RustType::Item(path, vec![])
    }

    fn lower_class<'d>(
        &mut self,
        symbols: &mut FileSymbols<'d>,
        path: &ItemPath,
        ts: &[String],
        ns: &[String],
        methods: &[&Method],
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
                if is_external(symbols, ns, ty) {
                    continue;
                }
                let place =
                    self.method_place(path, ts, ns, &format!("{}_{}", method.name, param.name));
                let mut lowered = self.lower_type(symbols, &place, ty);
                if param.optional {
                    lowered = RustType::Option(Box::new(lowered));
                }
                params.push((param_scope.claim(&param.name, Case::Value), lowered));
            }
            let place = self.method_place(path, ts, ns, &format!("{}_response", method.name));
            let returns = match &method.returns {
                Some(ty) => self.lower_return(symbols, &place, ty),
                None => RustType::Unit,
            };
            out.push(rust::Method { name, docs: method.docs.clone(), params, returns });
        }
        rust::Trait { methods: out }
    }

    fn method_place<'p>(
        &self,
        owner: &'p ItemPath,
        ts: &[String],
        ns: &'p [String],
        name: &str,
    ) -> Place<'p> {
        Place {
            owner,
            name: name.to_owned(),
            ts_path: ts.iter().cloned().chain([name.to_owned()]).collect(),
            field: name.to_owned(),
            ns,
            params: &[],
            docs: Docs::default(),
            span: None,
            fixed: None,
        }
    }

    /// A method's success type: SDK wrappers from outside the input (`Core.APIPromise<T>`,
    /// `Promise<T>`) are unwrapped to `T`.
    fn lower_return(
        &mut self,
        symbols: &mut FileSymbols<'_>,
        place: &Place<'_>,
        ty: &TypeExpr,
    ) -> RustType {
        match ty {
            TypeExpr::Ref { args, .. } if is_external(symbols, place.ns, ty) => {
                match args.first() {
                    Some(inner) => self.lower_return(symbols, place, inner),
                    None => RustType::Json,
                }
            }
            TypeExpr::Undefined => RustType::Unit,
            _ => self.lower_type(symbols, place, ty),
        }
    }
}

/// Looks a reference up from namespace `ns` outwards, as TypeScript does.
fn resolve(
    symbols: &FileSymbols<'_>,
    ns: &[String],
    path: &[String],
) -> Option<(ItemPath, Vec<String>)> {
    (0..=ns.len()).rev().find_map(|depth| {
        let key: Vec<String> = ns[..depth].iter().chain(path).cloned().collect();
        symbols.types.get(&key).filter(|s| !s.is_class).map(|s| (s.path.clone(), key))
    })
}

/// Whether `ty` names something declared outside the input (an import or an unknown name).
fn is_external(symbols: &FileSymbols<'_>, ns: &[String], ty: &TypeExpr) -> bool {
    match ty {
        TypeExpr::Ref { path, .. } => {
            resolve(symbols, ns, path).is_none()
                && !matches!(path.join(".").as_str(), "Array" | "ReadonlyArray" | "Record")
        }
        _ => false,
    }
}

/// Serde tries untagged variants in order: objects first, then arrays, then scalars, then
/// anything.
fn rank(member: &TypeExpr) -> u8 {
    match member {
        TypeExpr::Object(_) | TypeExpr::Ref { .. } | TypeExpr::Intersection(_) => 0,
        TypeExpr::Array(_) => 1,
        TypeExpr::Any | TypeExpr::Unsupported { .. } => 3,
        _ => 2,
    }
}

/// The name of the variant carrying one union member.
fn variant_name(member: &TypeExpr, index: usize) -> String {
    match member {
        TypeExpr::Ref { path, .. } => path.last().cloned().unwrap_or_default(),
        TypeExpr::String | TypeExpr::OpenString => "string".to_owned(),
        TypeExpr::Number | TypeExpr::Literal(Literal::Number(_)) => "number".to_owned(),
        TypeExpr::Boolean | TypeExpr::Literal(Literal::Bool(_)) => "bool".to_owned(),
        TypeExpr::Array(element) => format!("{}_array", variant_name(element, index)),
        TypeExpr::Any => "value".to_owned(),
        _ => format!("variant_{index}"),
    }
}
