//! TypeScript types → Rust types, generating the items anonymous types need at their place.

use super::build::{Builder, ContextField, Place, NO_DOCS};
use super::decl::{Literal, TypeExpr};
use super::jsdoc::Docs;
use super::naming::{rust_ident, Case, Scope};
use super::rust::{Enum, Item, ItemKind, ItemPath, RustType, Variant, VariantKind};
use super::share::PlacedEnum;
use crate::diagnostics::{Diagnostic, Span};
use std::collections::{BTreeMap, BTreeSet};

impl<'d> Builder<'_, 'd> {
    /// The Rust type of `ty` written at `place`.
    pub(super) fn lower_type(&mut self, place: &Place<'_>, ty: &'d TypeExpr) -> RustType {
        match ty {
            TypeExpr::String | TypeExpr::OpenString => RustType::String,
            TypeExpr::Number | TypeExpr::Literal(Literal::Number(_)) => self.number(place),
            TypeExpr::Boolean | TypeExpr::Literal(Literal::Bool(_)) => RustType::Bool,
            TypeExpr::Any => RustType::Json,
            TypeExpr::Null | TypeExpr::Undefined => RustType::Unit,
            TypeExpr::Literal(Literal::String(_)) => {
                self.lower_union(place, std::slice::from_ref(ty))
            }
            TypeExpr::Array(element) => {
                RustType::Vec(Box::new(self.lower_type(&place.element(), element)))
            }
            TypeExpr::Ref { path, args, span } => self.lower_ref(place, path, args, *span),
            TypeExpr::Union(members) => self.lower_union(place, members),
            TypeExpr::Object(fields) => {
                let fields = fields
                    .iter()
                    .map(|field| ContextField {
                        field,
                        file: place.file,
                        ns: place.ns.to_vec(),
                        erased: place.erased.to_vec(),
                        origin: None,
                    })
                    .collect();
                self.hoist_struct(place, fields, None)
            }
            TypeExpr::Intersection(members) => self.lower_intersection(place, members),
            TypeExpr::Unsupported { what, span } => self.loose(place, what, Some(*span)),
        }
    }

    fn number(&self, place: &Place<'_>) -> RustType {
        match self.config.number_type(place.field) {
            Some(ty) => RustType::Verbatim(ty.to_owned()),
            None => RustType::F64,
        }
    }

    /// Maps a type the model cannot express to any JSON value, with a warning.
    pub(super) fn loose(&mut self, place: &Place<'_>, what: &str, span: Option<Span>) -> RustType {
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
        place: &Place<'_>,
        path: &[String],
        args: &'d [TypeExpr],
        span: Span,
    ) -> RustType {
        if let [name] = path {
            if place.params.contains(name) {
                return RustType::Param(rust_ident(name, Case::Type));
            }
            if place.erased.contains(name) {
                return RustType::Json;
            }
        }
        let found = self.resolver.resolve(place.file, place.ns, path);
        match found.map(|f| (f.symbol.is_class, f.symbol.nullable, &f.symbol.path)) {
            Some((false, nullable, item)) => {
                let item = item.clone();
                let args = args.iter().map(|a| self.lower_type(place, a)).collect();
                let ty = RustType::Item(item, args);
                return if nullable { RustType::Option(Box::new(ty)) } else { ty };
            }
            Some(_) => {
                let what = format!("`{}`, a class,", path.join("."));
                return self.loose(place, &what, Some(span));
            }
            None => {}
        }
        match (path.join(".").as_str(), args) {
            ("Array" | "ReadonlyArray", [element]) => {
                RustType::Vec(Box::new(self.lower_type(&place.element(), element)))
            }
            ("Record", [_, value]) => RustType::Map(Box::new(self.lower_type(place, value))),
            _ => {
                if let Some(ty) = self.config.external_type(path) {
                    return RustType::Verbatim(ty.to_owned());
                }
                let imported =
                    self.resolver.files[place.file].imports.contains_key(path[0].as_str());
                let what = if imported {
                    format!("`{}`, imported from outside the input,", path.join("."))
                } else {
                    format!("the unresolved name `{}`", path.join("."))
                };
                self.loose(place, &what, Some(span))
            }
        }
    }

    /// Adds the item generated at `place` under `path`, documented by the place's docs.
    fn push_placed(&mut self, path: &ItemPath, place: &Place<'_>, kind: ItemKind) {
        let item = Item {
            name: path.name.clone(),
            docs: place.docs.clone(),
            span: place.span,
            ts_path: place.ts_string(),
            kind,
        };
        self.push_item(&path.modules, item);
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

    /// A struct of `fields` named after `place`. `intersection` is the intersection it is
    /// built for, if any: while its fields are lowered, that intersection names this struct.
    fn hoist_struct(
        &mut self,
        place: &Place<'_>,
        fields: Vec<ContextField<'d>>,
        intersection: Option<*const TypeExpr>,
    ) -> RustType {
        let path = self.place_path(place);
        if let Some(key) = intersection {
            self.intersections.push((key, path.clone()));
        }
        let lowered = self.lower_struct(&path, &place.ts_path(), &[], fields);
        if intersection.is_some() {
            self.intersections.pop();
        }
        self.push_placed(&path, place, ItemKind::Struct(lowered));
        RustType::Item(path, vec![])
    }

    /// `A & B & { … }`: one struct with the fields of every member.
    fn lower_intersection(&mut self, place: &Place<'_>, members: &'d [TypeExpr]) -> RustType {
        let key = members.as_ptr();
        if let Some((_, path)) = self.intersections.iter().find(|(k, _)| *k == key) {
            return RustType::Item(path.clone(), vec![]);
        }
        if self.intersection_structs == super::build::MAX_INTERSECTION_STRUCTS {
            let what = format!(
                "an intersection past the first {} (their fields are copied into each place)",
                super::build::MAX_INTERSECTION_STRUCTS
            );
            return self.loose(place, &what, place.span);
        }
        self.intersection_structs += 1;
        let mut fields = Vec::new();
        let mut visited = Vec::new();
        for member in members {
            match member {
                TypeExpr::Object(own) => fields.extend(own.iter().map(|field| ContextField {
                    field,
                    file: place.file,
                    ns: place.ns.to_vec(),
                    erased: place.erased.to_vec(),
                    origin: None,
                })),
                TypeExpr::Ref { .. } => {
                    fields.extend(self.base_fields(place.file, place.ns, member, &mut visited))
                }
                _ => {
                    return self.loose(
                        place,
                        "an intersection with a non-object member",
                        place.span,
                    )
                }
            }
        }
        self.hoist_struct(place, fields, Some(key))
    }

    fn lower_union(&mut self, place: &Place<'_>, members: &'d [TypeExpr]) -> RustType {
        let nullable = members.iter().any(|m| matches!(m, TypeExpr::Null | TypeExpr::Undefined));
        let rest: Vec<&'d TypeExpr> =
            members.iter().filter(|m| !matches!(m, TypeExpr::Null | TypeExpr::Undefined)).collect();
        let lowered = match rest.as_slice() {
            [] => RustType::Unit,
            [TypeExpr::Literal(Literal::String(_))] | [_, _, ..] => {
                self.lower_alternatives(place, &rest)
            }
            [single] => self.lower_type(place, single),
        };
        if nullable {
            RustType::Option(Box::new(lowered))
        } else {
            lowered
        }
    }

    /// A union without `null`: a string enum (open or closed, with a number variant when the
    /// union allows numbers), `bool`, a tagged enum of objects, or an untagged enum.
    fn lower_alternatives(&mut self, place: &Place<'_>, members: &[&'d TypeExpr]) -> RustType {
        let is_stringish = |m: &&TypeExpr| {
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
        if has_literal && members.iter().all(is_stringish) {
            return self.string_enum(place, members);
        }
        if members
            .iter()
            .all(|m| matches!(m, TypeExpr::Boolean | TypeExpr::Literal(Literal::Bool(_))))
        {
            return RustType::Bool;
        }
        if let Some(tagged) = self.tagged_union(place, members) {
            return tagged;
        }
        self.lower_untagged(place, members)
    }

    fn string_enum(&mut self, place: &Place<'_>, members: &[&'d TypeExpr]) -> RustType {
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        let mut wires = BTreeSet::new();
        for member in members {
            if let TypeExpr::Literal(Literal::String(wire)) = member {
                if wires.insert(wire.as_str()) {
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
        let open = members.iter().any(|m| matches!(m, TypeExpr::OpenString | TypeExpr::String));
        if open
            || (self.config.open_enums.selects_any()
                && self.config.is_open_enum(&place.ts_string()))
        {
            let name = scope.claim("other", Case::Type);
            let docs =
                Docs::generated("A value not known when these bindings were generated.".to_owned());
            variants.push(Variant { name, docs, kind: VariantKind::Other });
        }
        self.hoist_enum(place, Enum { variants })
    }

    /// A union of interfaces that all have a required field of one string literal type, with
    /// distinct values (`type: 'session.created'`): an enum dispatching on that field, each
    /// variant named after its value and boxing its struct (events differ in size by far more
    /// than clippy's `large_enum_variant` allows).
    fn tagged_union(&mut self, place: &Place<'_>, members: &[&'d TypeExpr]) -> Option<RustType> {
        let mut tags: Vec<BTreeMap<String, String>> = Vec::new();
        for member in members {
            let TypeExpr::Ref { path, .. } = member else { return None };
            let (file, symbol) = self
                .resolver
                .resolve(place.file, place.ns, path)
                .map(|f| (f.file, f.symbol.clone()))?;
            if symbol.bodies.is_empty() {
                return None;
            }
            let fields = self.interface_fields(file, &symbol.ns, &symbol.bodies, &mut Vec::new());
            tags.push(
                fields
                    .iter()
                    .filter(|f| !f.field.optional)
                    .filter_map(|f| match &f.field.ty {
                        TypeExpr::Literal(Literal::String(value)) => {
                            Some((f.field.name.clone(), value.clone()))
                        }
                        _ => None,
                    })
                    .collect(),
            );
        }
        let first = tags.first()?;
        let mut candidates: Vec<&String> =
            first.keys().filter(|k| tags.iter().all(|t| t.contains_key(*k))).collect();
        candidates.sort_by_key(|k| (k.as_str() != "type", k.as_str()));
        let tag = candidates.into_iter().find(|k| {
            let values: BTreeSet<&String> = tags.iter().map(|t| &t[*k]).collect();
            values.len() == tags.len()
        })?;
        let path = self.place_path(place);
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        for (member, tags) in members.iter().zip(&tags) {
            let value = tags[tag].clone();
            let ty = self.lower_type(place, member);
            variants.push(Variant {
                name: scope.claim(&value, Case::Type),
                docs: Docs::default(),
                kind: VariantKind::Tagged {
                    field: tag.clone(),
                    value,
                    ty: RustType::Boxed(Box::new(ty)),
                },
            });
        }
        self.push_placed(&path, place, ItemKind::Enum(Enum { variants }));
        Some(RustType::Item(path, vec![]))
    }

    /// An untagged enum with one variant per member, objects first so serde tries the most
    /// specific shapes before the catch-alls. Struct payloads are boxed.
    fn lower_untagged(&mut self, place: &Place<'_>, members: &[&'d TypeExpr]) -> RustType {
        let path = self.place_path(place);
        let owner = path.clone();
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        let mut ranked: Vec<(u8, usize, &'d TypeExpr)> =
            members.iter().enumerate().map(|(i, m)| (rank(m), i, *m)).collect();
        ranked.sort_by_key(|(r, i, _)| (*r, *i));
        let parent = place.ts_path();
        for (index, (_, _, member)) in ranked.into_iter().enumerate() {
            let raw_name = variant_name(member, index);
            let member_place = Place {
                owner: &owner,
                name: raw_name.clone(),
                ts_parent: &parent,
                ts_last: raw_name.clone(),
                docs: &NO_DOCS,
                fixed: None,
                ..place.clone()
            };
            let mut ty = self.lower_type(&member_place, member);
            if matches!(member, TypeExpr::Object(_) | TypeExpr::Intersection(_))
                || self.is_struct_ref(place, member)
            {
                ty = RustType::Boxed(Box::new(ty));
            }
            if variants.iter().any(|v: &Variant| v.kind == VariantKind::Untagged(ty.clone())) {
                continue;
            }
            let name = scope.claim(&raw_name, Case::Type);
            variants.push(Variant { name, docs: Docs::default(), kind: VariantKind::Untagged(ty) });
        }
        self.push_placed(&path, place, ItemKind::Enum(Enum { variants }));
        RustType::Item(path, vec![])
    }

    fn is_struct_ref(&self, place: &Place<'_>, member: &TypeExpr) -> bool {
        match member {
            TypeExpr::Ref { path, .. } => self
                .resolver
                .resolve(place.file, place.ns, path)
                .is_some_and(|f| !f.symbol.bodies.is_empty()),
            _ => false,
        }
    }

    /// A literal-union enum: placed at once when the place has a declared name, otherwise queued
    /// for sharing with identical unions of the same file.
    fn hoist_enum(&mut self, place: &Place<'_>, def: Enum) -> RustType {
        let path = self.place_path(place);
        if place.fixed.is_some() {
            self.push_placed(&path, place, ItemKind::Enum(def));
        } else {
            self.enums.push(PlacedEnum {
                path: path.clone(),
                ts_path: place.ts_path(),
                def,
                docs: place.docs.clone(),
                span: place.span,
            });
        }
        RustType::Item(path, vec![])
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
        TypeExpr::Literal(Literal::String(value)) => value.clone(),
        TypeExpr::String | TypeExpr::OpenString => "string".to_owned(),
        TypeExpr::Number | TypeExpr::Literal(Literal::Number(_)) => "number".to_owned(),
        TypeExpr::Boolean | TypeExpr::Literal(Literal::Bool(_)) => "bool".to_owned(),
        TypeExpr::Array(element) => format!("{}_array", variant_name(element, index)),
        TypeExpr::Any => "value".to_owned(),
        _ => format!("variant_{index}"),
    }
}
