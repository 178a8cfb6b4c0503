//! TypeScript types → Rust types, generating the items anonymous types need at their place.

use super::build::{
    merge_intersection, Builder, ContextField, Ctx, Evaluated, Place, MAX_APPLICATIONS,
    MAX_APPLIED, NO_DOCS,
};
use super::decl::{EnumMember, EnumValue, ImportKind, Literal, Mapped, TupleElement, TypeExpr};
use super::eval::{Bound, Named, Tags, Utility};
use super::jsdoc::Docs;
use super::naming::{rust_ident, Case, Scope};
use super::rust::{
    Enum, Item, ItemKind, ItemPath, Member, RustType, TagValue, Variant, VariantKind,
};
use super::share::PlacedEnum;
use crate::diagnostics::{Diagnostic, Span};
use std::collections::{BTreeMap, BTreeSet};

impl<'d> Builder<'_, 'd> {
    /// The Rust type of `ty` written at `place`.
    pub(super) fn lower_type(&mut self, place: &Place<'_>, ty: &'d TypeExpr) -> RustType {
        let evaluated: Evaluated = (ty, place.env);
        if let Some((_, path)) = self.building.iter().find(|(key, _)| *key == evaluated) {
            return RustType::Item(path.clone(), vec![]);
        }
        match ty {
            TypeExpr::String | TypeExpr::OpenString => RustType::String,
            TypeExpr::Number | TypeExpr::Literal(Literal::Number(_)) => self.number(place),
            TypeExpr::BigInt => RustType::Verbatim("i64".to_owned()),
            TypeExpr::Boolean | TypeExpr::Literal(Literal::Bool(_)) => RustType::Bool,
            TypeExpr::Any => RustType::Json,
            TypeExpr::Null | TypeExpr::Undefined => RustType::Unit,
            TypeExpr::Literal(Literal::String(_)) => {
                self.lower_union(place, std::slice::from_ref(ty))
            }
            TypeExpr::Array(element) => {
                RustType::Vec(Box::new(self.lower_type(&place.element(), element)))
            }
            TypeExpr::Ref { path, args, span } => self.lower_ref(place, ty, path, args, *span),
            TypeExpr::Union(members) => self.lower_union(place, members),
            TypeExpr::Object(fields) => {
                let ctx = place.ctx();
                let fields = fields.iter().map(|f| ContextField::declared(f, &ctx)).collect();
                self.hoist_struct(place, fields, None)
            }
            TypeExpr::Intersection(members) => self.lower_intersection(place, ty, members),
            TypeExpr::Tuple(elements) => self.lower_tuple(place, elements),
            TypeExpr::Index { object, key, span } => self.lower_index(place, object, key, *span),
            TypeExpr::KeyOf(_, span) => match self.literal_keys(&place.ctx(), ty) {
                Some(keys) => {
                    let names: Vec<String> = keys.into_iter().map(|k| k.name).collect();
                    self.literal_enum(place, &names)
                }
                None => {
                    self.loose(place, "a `keyof` type over keys that are not literals", Some(*span))
                }
            },
            TypeExpr::TypeOf(path, span) => match self.value(&place.ctx(), path) {
                Some((value, value_ctx)) => {
                    let at = Self::with_ctx(place, &value_ctx);
                    self.lower_type(&at, value)
                }
                None if self.constructor(&place.ctx(), path).is_some() => {
                    self.warnings.push(
                            Diagnostic::note(
                                format!(
                                    "the class constructor `typeof {}` at `{}` is `serde_json::Value`: constructors carry no data",
                                    path.join("."),
                                    place.ts_string()
                                ),
                                Some(*span),
                            )
                            .with_label("class constructor"),
                        );
                    RustType::Json
                }
                None => {
                    let what =
                        format!("`typeof {}`, a value not declared in the input,", path.join("."));
                    self.loose(place, &what, Some(*span))
                }
            },
            TypeExpr::Mapped(mapped) => self.lower_mapped(place, ty, mapped),
            TypeExpr::Conditional(conditional) => match self.decide(&place.ctx(), conditional) {
                Some((branch, branch_ctx)) => {
                    let at = Self::with_ctx(place, &branch_ctx);
                    self.lower_type(&at, branch)
                }
                // A test of any JSON value (`any`, a parameter that stands for one in a generic
                // alias's own item) says nothing: any JSON value. Unfolded, a recursive
                // conditional (`Flatten<any>`, the MCP SDK's) nests enums as deep as the limit.
                None if self.is_any(place, &conditional.check) => RustType::Json,
                // Undecided: a value of either branch, what the pattern infers unknown.
                None => {
                    let mut infers = Vec::new();
                    infer_names(&conditional.pattern, &mut infers);
                    let mut ctx = place.ctx();
                    for name in infers {
                        static ANY: TypeExpr = TypeExpr::Any;
                        ctx.env = self.bind(ctx.env, name, &ANY, &place.ctx());
                    }
                    let at = Self::with_ctx(place, &ctx);
                    self.lower_union_of(&at, vec![&conditional.then, &conditional.otherwise])
                }
            },
            TypeExpr::ObjectKeyword => RustType::Json,
            TypeExpr::Infer(_) => {
                self.loose(place, "an `infer` type outside a conditional's pattern", place.span)
            }
            TypeExpr::Never => RustType::Unit,
            // Behaviour, not data; where it stands as a type of its own (an alias, a union
            // member), any JSON value keeps the output whole.
            TypeExpr::Function => {
                self.warnings.push(
                    Diagnostic::note(
                        format!("the function type at `{}` is `serde_json::Value`: functions carry no data", place.ts_string()),
                        place.span,
                    )
                    .with_label("function type"),
                );
                RustType::Json
            }
            TypeExpr::Unsupported { what, span } => self.loose(place, what, Some(*span)),
        }
    }

    /// Whether `ty` is, or is a union, tuple or homomorphic mapped type of, type parameters
    /// that stand for any JSON value at `place`.
    fn is_erased(&self, place: &Place<'_>, ty: &TypeExpr) -> bool {
        match ty {
            TypeExpr::Ref { path, .. } => {
                matches!(&path[..], [name] if place.erased.contains(name)
                    && !matches!(self.named(&place.ctx(), path), Named::Bound(_)))
            }
            TypeExpr::Union(members) => members.iter().any(|m| self.is_erased(place, m)),
            TypeExpr::Tuple(elements) => elements.iter().any(|e| self.is_erased(place, &e.ty)),
            // `{ [K in keyof T]: T[K] }` has `T`'s shape.
            TypeExpr::Mapped(mapped) => {
                matches!(&mapped.keys, TypeExpr::KeyOf(object, _) if self.is_erased(place, object))
            }
            _ => false,
        }
    }

    /// A place like `place` whose type is written in `ctx`.
    fn with_ctx<'p>(place: &Place<'p>, ctx: &'p Ctx) -> Place<'p> {
        Place { file: ctx.file, ns: &ctx.ns, erased: &ctx.erased, env: ctx.env, ..place.clone() }
    }

    /// `[A, B]` is a Rust tuple; a tuple with optional or rest elements is a `Vec` of its
    /// element types.
    fn lower_tuple(&mut self, place: &Place<'_>, elements: &'d [TupleElement]) -> RustType {
        if elements.iter().all(|e| !e.optional && !e.rest) && !elements.is_empty() {
            let lowered = elements
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let name = format!("{}_{}", singular_of(place), i);
                    let element =
                        Place { name: name.clone(), ts_last: name, fixed: None, ..place.clone() };
                    self.lower_type(&element, &e.ty)
                })
                .collect();
            return RustType::Tuple(lowered);
        }
        let mut members: Vec<&'d TypeExpr> = Vec::new();
        for element in elements {
            if !members.contains(&&element.ty) {
                members.push(&element.ty);
            }
        }
        let element = place.element();
        let ty = match members.as_slice() {
            [] => RustType::Json,
            [single] => self.lower_type(&element, single),
            _ => self.lower_alternatives(&element, &members),
        };
        RustType::Vec(Box::new(ty))
    }

    /// `T['k']`, `T[number]`: a member of a declared type is referenced by its Rust path
    /// (resolved once every item exists); one of an inline or generic type is evaluated here.
    fn lower_index(
        &mut self,
        place: &Place<'_>,
        object: &'d TypeExpr,
        key: &'d TypeExpr,
        span: crate::diagnostics::Span,
    ) -> RustType {
        let ctx = place.ctx();
        if let Some((path, mut members)) = self.member_chain(&ctx, object) {
            if let Some(member) = self.member_key(&ctx, key) {
                members.push(member);
                return RustType::MemberOf(path, members);
            }
        }
        // `(typeof TUPLE)[number]`: any of the tuple's elements.
        if matches!(key, TypeExpr::Number) {
            if let Some((elements, tuple_ctx)) = self.tuple_of(&ctx, object) {
                let at = Self::with_ctx(place, &tuple_ctx);
                return self.lower_union_of(&at, elements.iter().map(|e| &e.ty).collect());
            }
        }
        match self.member_type(&ctx, object, key) {
            Some((member, member_ctx)) => {
                let at = Self::with_ctx(place, &member_ctx);
                self.lower_type(&at, member)
            }
            None => match self.members_of_keys(&ctx, object, key) {
                // `T[keyof T]`, `T['a' | 'b']`: any of those members' types.
                Some((members, members_ctx)) => {
                    let at = Self::with_ctx(place, &members_ctx);
                    self.lower_union_of(&at, members)
                }
                // A member of any value (`OptionsT['name']` with `OptionsT` bound to `any`, or
                // a generic alias's own parameter, which stands for any JSON value) is any.
                None if self.is_any(place, object) => RustType::Json,
                None => self.loose(place, "an indexed access type", Some(span)),
            },
        }
    }

    /// Whether `ty` at `place` is any JSON value: `any`/`unknown`, a type parameter that stands
    /// for one, or a name bound or aliased to one.
    fn is_any(&mut self, place: &Place<'_>, ty: &'d TypeExpr) -> bool {
        if self.is_erased(place, ty) {
            return true;
        }
        self.names_keyword(&place.ctx(), ty, &TypeExpr::Any)
    }

    /// Whether `ty` is the keyword type `keyword` (`number`, `any`) itself, or a name bound or
    /// aliased to it (through other aliases).
    fn names_keyword(&mut self, ctx: &Ctx, ty: &'d TypeExpr, keyword: &TypeExpr) -> bool {
        let (mut ty, mut ctx) = (ty, ctx.clone());
        for _ in 0..MAX_ALIAS_STEPS {
            match ty {
                TypeExpr::Ref { .. } => match self.unfold(&ctx, ty) {
                    Some((next, next_ctx)) => (ty, ctx) = (next, next_ctx),
                    None => return false,
                },
                other => return other == keyword,
            }
        }
        false
    }

    /// The types of the members a union of literal keys names (`T[keyof T]`), when they are
    /// all written in one context.
    pub(super) fn members_of_keys(
        &mut self,
        ctx: &Ctx,
        object: &'d TypeExpr,
        key: &'d TypeExpr,
    ) -> Option<(Vec<&'d TypeExpr>, Ctx)> {
        let keys = self.literal_keys(ctx, key)?;
        let fields = self.object_fields(ctx, object)?;
        let mut members = Vec::new();
        let mut context: Option<Ctx> = None;
        for key in keys {
            let field = fields.iter().rev().find(|f| !f.index && f.name == key.name)?;
            let same = context.as_ref().is_none_or(|c| {
                c.file == field.ctx.file && c.ns == field.ctx.ns && c.env == field.ctx.env
            });
            if !same {
                return None;
            }
            context.get_or_insert_with(|| field.ctx.clone());
            members.push(field.ty);
        }
        Some((members, context?))
    }

    /// A reference to a non-generic declaration, followed by literal member steps
    /// (`components['schemas']`): the path of the declared item and the steps.
    fn member_chain(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<(ItemPath, Vec<Member>)> {
        match ty {
            TypeExpr::Ref { path, args, .. } if args.is_empty() => match self.named(ctx, path) {
                Named::Bound(Bound::Type(ty, bound_ctx)) => self.member_chain(&bound_ctx, ty),
                Named::Declared(found) => {
                    let symbol = found.symbol;
                    let generic = symbol.bodies.first().is_some_and(|b| !b.type_params.is_empty())
                        || symbol.alias.is_some_and(|(_, params)| !params.is_empty());
                    (!generic && !symbol.is_class).then(|| (symbol.path.clone(), vec![]))
                }
                _ => None,
            },
            TypeExpr::Index { object, key, .. } => {
                let (path, mut members) = self.member_chain(ctx, object)?;
                members.push(self.member_key(ctx, key)?);
                Some((path, members))
            }
            _ => None,
        }
    }

    /// `{ [K in U]: T }`: a struct over literal keys, a map over `string`.
    fn lower_mapped(
        &mut self,
        place: &Place<'_>,
        ty: &'d TypeExpr,
        mapped: &'d Mapped,
    ) -> RustType {
        let ctx = place.ctx();
        if let Some(fields) = self.object_fields(&ctx, ty) {
            return self.hoist_struct(place, fields, Some((ty, place.env)));
        }
        // A homomorphic mapped type `{ [K in keyof T]: … }` over a `T` that is not an object
        // keeps `T`'s shape, as TypeScript's does: an array maps its elements, anything else
        // is `T` itself.
        if let TypeExpr::KeyOf(object, _) = &mapped.keys {
            if self.element_of(&ctx, object).is_some() {
                static NUMBER: TypeExpr = TypeExpr::Number;
                let env = self.bind(ctx.env, &mapped.param, &NUMBER, &ctx);
                let element_ctx = Ctx { env, ..ctx.clone() };
                let element = place.element();
                let at = Self::with_ctx(&element, &element_ctx);
                return RustType::Vec(Box::new(self.lower_type(&at, &mapped.ty)));
            }
            return self.lower_type(place, object);
        }
        let mut erased = place.erased.to_vec();
        erased.push(mapped.param.clone());
        let value = Place { erased: &erased, ..unfixed(place) };
        RustType::Map(Box::new(self.lower_type(&value, &mapped.ty)))
    }

    /// A string enum of `names`, named after `place`.
    fn literal_enum(&mut self, place: &Place<'_>, names: &[String]) -> RustType {
        if names.is_empty() {
            // No key (`keyof {}`) is `never`: no value, as `never` is everywhere.
            return self.lower_type(place, &TypeExpr::Never);
        }
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        for name in names {
            if variants.iter().any(|v: &Variant| v.kind == VariantKind::Literal(name.clone())) {
                continue;
            }
            variants.push(Variant {
                name: scope.claim(name, Case::Type),
                docs: Docs::default(),
                kind: VariantKind::Literal(name.clone()),
            });
        }
        self.hoist_enum(place, Enum { variants })
    }

    /// A declared `enum`: string members are wire strings, numeric members wire numbers,
    /// member docs kept; the config's `open_enums` adds a catch-all.
    pub(super) fn lower_enum(&mut self, ts: &[String], members: &'d [EnumMember]) -> Enum {
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        for member in members {
            let kind = match &member.value {
                EnumValue::String(value) => VariantKind::Literal(value.clone()),
                EnumValue::Number(text) => match text.parse::<i64>() {
                    Ok(n) => VariantKind::Number(n),
                    Err(_) => {
                        self.skip_member(ts, member, "its value is not an integer");
                        continue;
                    }
                },
                EnumValue::Computed => {
                    self.skip_member(ts, member, "its value is computed at run time");
                    continue;
                }
            };
            if variants.iter().any(|v: &Variant| v.kind == kind) {
                continue; // an alias of an earlier member: one value, one variant
            }
            variants.push(Variant {
                name: scope.claim(&member.name, Case::Type),
                docs: member.docs.clone(),
                kind,
            });
        }
        let ts_path = ts.join(".");
        if self.config.open_enums.selects_any() && self.config.is_open_enum(&ts_path) {
            let name = scope.claim("other", Case::Type);
            let docs =
                Docs::generated("A value not known when these bindings were generated.".to_owned());
            variants.push(Variant { name, docs, kind: VariantKind::Other });
        }
        Enum { variants }
    }

    fn skip_member(&mut self, ts: &[String], member: &EnumMember, why: &str) {
        self.warnings.push(
            Diagnostic::warning(
                format!("enum member `{}.{}` is left out: {why}", ts.join("."), member.name),
                Some(member.span),
            )
            .with_label("left out")
            .with_help("give the member a literal string or integer value"),
        );
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
        ty: &'d TypeExpr,
        path: &[String],
        args: &'d [TypeExpr],
        span: Span,
    ) -> RustType {
        let ctx = place.ctx();
        let named = self.named(&ctx, path);
        if let ([name], false) = (path, matches!(named, Named::Bound(_))) {
            if place.params.contains(name) {
                return RustType::Param(rust_ident(name, Case::Type));
            }
            if place.erased.contains(name) {
                return RustType::Json;
            }
        }
        match named {
            Named::Bound(Bound::Type(ty, bound_ctx)) => {
                let at = Self::with_ctx(place, &bound_ctx);
                self.lower_type(&at, ty)
            }
            Named::Bound(Bound::Key(key)) => self.literal_enum(place, &[key.name]),
            Named::Bound(Bound::Elements(_)) => {
                self.loose(place, "the rest of a tuple inferred by a conditional type", Some(span))
            }
            Named::EnumMember(found, _) => RustType::Item(found.symbol.path.clone(), vec![]),
            Named::Declared(found) => {
                let (file, symbol) = (found.file, found.symbol.clone());
                if symbol.is_class {
                    let what = format!("`{}`, a class,", path.join("."));
                    return self.loose(place, &what, Some(span));
                }
                if let Some((aliased, params)) = symbol.alias {
                    // Inside a generic struct, an application may mention the struct's own
                    // parameters, which a type generated at the place could not name.
                    if !params.is_empty() && !args.is_empty() && place.params.is_empty() {
                        if let Some(ty) =
                            self.instantiate_alias(place, file, &symbol, aliased, params, args)
                        {
                            return ty;
                        }
                    }
                }
                // `type Count = number`: the field's number rule applies through the alias.
                if self.config.number_type(place.field).is_some()
                    && self.names_keyword(&ctx, ty, &TypeExpr::Number)
                {
                    return self.number(place);
                }
                // An argument's own type is not the declared item at a fixed place.
                let arg_place = Place { fixed: None, ..place.clone() };
                let args = args.iter().map(|a| self.lower_type(&arg_place, a)).collect();
                let ty = RustType::Item(symbol.path, args);
                if symbol.nullable {
                    RustType::Option(Box::new(ty))
                } else {
                    ty
                }
            }
            Named::Utility(utility) => self.lower_utility(place, ty, utility, path, args, span),
            Named::Unknown => match (path.join(".").as_str(), args) {
                ("Array" | "ReadonlyArray" | "Set" | "ReadonlySet", [element]) => {
                    RustType::Vec(Box::new(self.lower_type(&place.element(), element)))
                }
                // What `JSON.stringify` writes of them: their `toJSON` strings.
                ("Date" | "URL", []) => RustType::String,
                _ => {
                    if let Some(ty) = self.config.external_type(path) {
                        return RustType::Verbatim(ty.to_owned());
                    }
                    // As a type of its own (an alias, a union of them alone), a runtime object
                    // is any JSON value, as a function type is.
                    if let Some(name) = self.runtime_object(&place.ctx(), path) {
                        self.warnings.push(
                            Diagnostic::note(
                                format!("the runtime object `{name}` at `{}` is `serde_json::Value`: it is not JSON data", place.ts_string()),
                                Some(span),
                            )
                            .with_label("runtime object"),
                        );
                        return RustType::Json;
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
            },
        }
    }

    /// A generic alias applied to arguments, evaluated at `place` with its parameters bound
    /// (`Paginated<User>` becomes a struct of its own). `None` when the alias is already being
    /// applied further up, or too deep: the caller then refers to the alias item, whose
    /// parameters stand for any JSON value.
    fn instantiate_alias(
        &mut self,
        place: &Place<'_>,
        file: usize,
        symbol: &super::resolve::Symbol<'d>,
        aliased: &'d TypeExpr,
        params: &'d [String],
        args: &'d [TypeExpr],
    ) -> Option<RustType> {
        // An alias applied again, inside itself, to the same arguments would never end
        // (`type Tree<T> = { children: Tree<T>[] }`); applied to other ones (a member of the
        // argument, as mapped aliases recurse) it is evaluated again, up to a depth.
        let caller = place.ctx();
        let key: Vec<(*const TypeExpr, usize)> =
            args.iter().map(|a| self.identity(&caller, a)).collect();
        let application = (symbol.path.clone(), key);
        if self.applying.contains(&application)
            || self.applying.len() >= MAX_APPLIED
            || self.applications >= MAX_APPLICATIONS
        {
            return None;
        }
        self.applications += 1;
        let ctx = self.instantiate(&caller, file, &symbol.ns, params, args);
        self.applying.push(application);
        let at = Self::with_ctx(place, &ctx);
        let ty = self.lower_type(&at, aliased);
        self.applying.pop();
        Some(ty)
    }

    /// A built-in utility type at `place`.
    fn lower_utility(
        &mut self,
        place: &Place<'_>,
        ty: &'d TypeExpr,
        utility: Utility,
        path: &[String],
        args: &'d [TypeExpr],
        span: Span,
    ) -> RustType {
        let ctx = place.ctx();
        match (utility, args) {
            (Utility::StringCase, _) => RustType::String,
            (Utility::Identity | Utility::Readonly, [t])
                if self.object_fields(&ctx, t).is_none() =>
            {
                self.lower_type(place, t)
            }
            (Utility::NonNullable, [t]) => {
                let (members, members_ctx) = self.union_members(&ctx, t);
                let kept: Vec<&'d TypeExpr> = members
                    .into_iter()
                    .filter(|m| !matches!(m, TypeExpr::Null | TypeExpr::Undefined))
                    .collect();
                let at = Self::with_ctx(place, &members_ctx);
                match self.lower_union_of(&at, kept) {
                    RustType::Option(inner) => *inner,
                    other => other,
                }
            }
            // The value type is named after the place, as a `Record` always was.
            (Utility::Record, [keys, value]) if self.literal_keys(&ctx, keys).is_none() => {
                RustType::Map(Box::new(self.lower_type(&unfixed(place), value)))
            }
            (Utility::Exclude | Utility::Extract, [from, filter]) => {
                self.lower_filtered(place, utility == Utility::Extract, from, filter, span)
            }
            _ => match self.ref_fields(&ctx, path, args) {
                Some(fields) => self.hoist_struct(place, fields, Some((ty, place.env))),
                None => {
                    let what = format!("`{}<…>` over a type that is not an object", path.join("."));
                    self.loose(place, &what, Some(span))
                }
            },
        }
    }

    /// `Exclude<T, U>` (`keep` false) or `Extract<T, U>` (`keep` true): the members of `T`
    /// that are (not) members of `U`.
    fn lower_filtered(
        &mut self,
        place: &Place<'_>,
        keep: bool,
        from: &'d TypeExpr,
        filter: &'d TypeExpr,
        span: Span,
    ) -> RustType {
        let ctx = place.ctx();
        let (members, members_ctx) = self.union_members(&ctx, from);
        let (filters, _) = self.union_members(&ctx, filter);
        let mut kept: Vec<&'d TypeExpr> = Vec::new();
        for member in members {
            let mut hit = filters.iter().any(|f| same_member(member, f));
            for filter in &filters {
                hit = hit || self.has_fields_of(&members_ctx, member, filter);
            }
            if hit == keep {
                kept.push(member);
            }
        }
        if kept.is_empty() {
            return self.loose(place, "an `Exclude`/`Extract` that leaves no member", Some(span));
        }
        let at = Self::with_ctx(place, &members_ctx);
        self.lower_union_of(&at, kept)
    }

    /// Whether `member` (an object type) is one of the objects `filter` describes by literal
    /// properties (`Extract<Event, { type: 'error' }>`): it has each of them, required, of that
    /// literal type alone.
    fn has_fields_of(&mut self, ctx: &Ctx, member: &'d TypeExpr, filter: &TypeExpr) -> bool {
        let TypeExpr::Object(wanted) = filter else { return false };
        if wanted.is_empty()
            || wanted.iter().any(|w| w.index || !matches!(w.ty, TypeExpr::Literal(_)))
        {
            return false;
        }
        let Some(fields) = self.object_fields(ctx, member) else { return false };
        wanted.iter().all(|w| {
            fields.iter().any(|f| {
                f.name == w.name.as_str() && !f.index && (w.optional || !f.optional) && {
                    match f.ty {
                        TypeExpr::Union(options) => options.iter().all(|o| *o == w.ty),
                        ty => *ty == w.ty,
                    }
                }
            })
        })
    }

    /// The members of a union type, looked up through aliases and bindings, with the context
    /// they are written in; any other type is a union of one.
    fn union_members(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> (Vec<&'d TypeExpr>, Ctx) {
        match ty {
            TypeExpr::Union(members) => (members.iter().collect(), ctx.clone()),
            TypeExpr::Conditional(conditional) => match self.decide(ctx, conditional) {
                Some((branch, branch_ctx)) => self.union_members(&branch_ctx, branch),
                None => (vec![ty], ctx.clone()),
            },
            TypeExpr::Index { object, key, .. } => match self.member_type(ctx, object, key) {
                Some((member, member_ctx)) => self.union_members(&member_ctx, member),
                None => (vec![ty], ctx.clone()),
            },
            TypeExpr::Ref { path, args, .. } => match self.named(ctx, path) {
                Named::Bound(Bound::Type(ty, bound_ctx)) => self.union_members(&bound_ctx, ty),
                Named::Declared(found)
                    if found.symbol.alias.is_some() && !found.symbol.nullable =>
                {
                    let (file, symbol) = (found.file, found.symbol.clone());
                    let (aliased, params) = symbol.alias.expect("checked above");
                    let body_ctx = self.instantiate(ctx, file, &symbol.ns, params, args);
                    self.union_members(&body_ctx, aliased)
                }
                _ => (vec![ty], ctx.clone()),
            },
            _ => (vec![ty], ctx.clone()),
        }
    }

    /// Adds the item generated at `place` under `path`, documented by the place's docs.
    fn push_placed(&mut self, path: &ItemPath, place: &Place<'_>, kind: ItemKind) {
        if place.fixed.is_none() {
            self.anonymous.insert(path.clone());
        }
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

    /// A struct of `fields` named after `place`. `evaluated` is the type it is built for when
    /// that type copies fields (an intersection, a utility or mapped type): while its fields
    /// are lowered, that type names this struct. Such structs are counted: past
    /// [`MAX_INTERSECTION_STRUCTS`](super::build::MAX_INTERSECTION_STRUCTS) (copies of copies
    /// grow factorially) the type is any JSON value, with a warning.
    fn hoist_struct(
        &mut self,
        place: &Place<'_>,
        fields: Vec<ContextField<'d>>,
        evaluated: Option<Evaluated>,
    ) -> RustType {
        // A map's value type is named after the place, like a `Record`'s.
        if let Some(map) = self.map_of(&fields, &unfixed(place)) {
            return map;
        }
        if evaluated.is_some() {
            if self.intersection_structs == super::build::MAX_INTERSECTION_STRUCTS {
                let what = format!(
                    "a type past the first {} whose fields are copied into each place",
                    super::build::MAX_INTERSECTION_STRUCTS
                );
                return self.loose(place, &what, place.span);
            }
            self.intersection_structs += 1;
        }
        let path = self.place_path(place);
        if let Some(key) = evaluated {
            self.building.push((key, path.clone()));
        }
        let lowered = self.lower_struct(&path, &place.ts_path(), &[], fields);
        if evaluated.is_some() {
            self.building.pop();
        }
        self.push_placed(&path, place, ItemKind::Struct(lowered));
        RustType::Item(path, vec![])
    }

    /// `A & B & { … }`: one struct with the fields of every member.
    fn lower_intersection(
        &mut self,
        place: &Place<'_>,
        intersection: &'d TypeExpr,
        members: &'d [TypeExpr],
    ) -> RustType {
        // `T & { … }` in a generic alias's own item, `T` any JSON value: any JSON value.
        if members.iter().any(|m| self.is_erased(place, m)) {
            return RustType::Json;
        }
        // `Without<T, U> & U`: when every member but one adds no field (or only keys declared
        // `?: never`), the intersection is that member, referred to rather than copied. Its
        // `?: never` keys are kept only where the intersection is merged into a struct below.
        let ctx = place.ctx();
        let mut adding = Vec::new();
        for member in members {
            let adds = |fields: Vec<ContextField<'_>>| {
                fields.iter().any(|f| !matches!(f.ty, TypeExpr::Never))
            };
            if self.object_fields(&ctx, member).is_none_or(adds) {
                adding.push(member);
            }
        }
        if let [only] = adding[..] {
            let (target, target_ctx) = self.follow_bindings(&ctx, only);
            // A reference, or a primitive branded with a type-only member
            // (`string & { [brand]: 'x' }`): the value is that type.
            let primitive = self.is_object(&target_ctx, target) == Some(false);
            if matches!(target, TypeExpr::Ref { .. }) || primitive {
                let at = Self::with_ctx(place, &target_ctx);
                return self.lower_type(&at, target);
            }
        }

        let ctx = place.ctx();
        // `string & ('a' | 'b')`, `Nullable<T> & T`: not an object, so the narrower member, as
        // for a key that several members declare.
        if members.iter().any(|m| self.is_object(&ctx, m) == Some(false)) {
            let parts = members.iter().map(|m| (m, ctx.clone())).collect();
            return self.lower_merged(place, parts);
        }
        let mut fields = Vec::new();
        let mut visited = Vec::new();
        for member in members {
            match member {
                TypeExpr::Object(own) => {
                    fields.extend(own.iter().map(|field| ContextField::declared(field, &ctx)))
                }
                TypeExpr::Ref { .. } => fields.extend(self.base_fields(&ctx, member, &mut visited)),
                _ => match self.object_fields(&ctx, member) {
                    Some(own) => fields.extend(own),
                    None => {
                        return self.loose(
                            place,
                            "an intersection with a member of unknown shape",
                            place.span,
                        )
                    }
                },
            }
        }
        self.hoist_struct(place, merge_intersection(fields), Some((intersection, place.env)))
    }

    /// A key that several members of an intersection declare: the intersection of its types,
    /// evaluated for data as `tsc` does. Object types merge field by field (recursively, so
    /// `Post & { author: { verified: true } }` keeps every field of `Post.author`); of other
    /// types the narrower wins: a literal over a primitive, a type without `null` over one
    /// with it. `null` stays only where every part allows it.
    pub(super) fn lower_merged(
        &mut self,
        place: &Place<'_>,
        parts: Vec<(&'d TypeExpr, Ctx)>,
    ) -> RustType {
        let mut nullable = true;
        let mut defined: Vec<(Vec<&'d TypeExpr>, Ctx)> = Vec::new();
        for (ty, ctx) in &parts {
            let (members, ctx) = self.union_through_aliases(ctx, ty);
            let is_null = |m: &&TypeExpr| matches!(m, TypeExpr::Null | TypeExpr::Undefined);
            nullable &= members.iter().any(is_null);
            let rest: Vec<&'d TypeExpr> = members.into_iter().filter(|m| !is_null(m)).collect();
            if !rest.is_empty() {
                defined.push((rest, ctx));
            }
        }
        let mut objects = Vec::new();
        for (members, ctx) in &defined {
            match members[..] {
                [only] if self.is_object(ctx, only) == Some(true) => {
                    match self.object_fields(ctx, only) {
                        Some(fields) if !fields.is_empty() => objects.push(fields),
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        let lowered = if defined.is_empty() {
            RustType::Unit
        } else if objects.len() == defined.len() && objects.len() > 1 {
            let key = (parts[0].0 as *const TypeExpr, parts[0].1.env);
            let fields = merge_intersection(objects.into_iter().flatten().collect());
            self.hoist_struct(place, fields, Some(key))
        } else {
            let literal = |this: &Self, (members, ctx): &(Vec<&'d TypeExpr>, Ctx)| {
                members.iter().all(|m| {
                    matches!(m, TypeExpr::Literal(_)) || this.string_literal(ctx, m).is_some()
                })
            };
            let pick = (0..defined.len())
                .find(|&i| literal(self, &defined[i]))
                .or_else(|| {
                    (0..defined.len()).find(|&i| {
                        let (members, ctx) = &defined[i];
                        members.iter().all(|m| self.is_object(ctx, m) == Some(false))
                    })
                })
                .unwrap_or(defined.len() - 1);
            let (members, ctx) = defined.swap_remove(pick);
            let at = Self::with_ctx(place, &ctx);
            self.lower_union_of(&at, members)
        };
        match lowered {
            RustType::Option(_) => lowered,
            other if nullable => RustType::Option(Box::new(other)),
            other => other,
        }
    }

    /// The members of the union `ty` stands for, looking through type parameters and aliases
    /// (`Nullable<T>` = `T | null`), each in the context it is written in; any other type is
    /// its own one member.
    fn union_through_aliases(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> (Vec<&'d TypeExpr>, Ctx) {
        let (written, written_ctx) = self.follow_bindings(ctx, ty);
        let (mut ty, mut ctx) = (written, written_ctx.clone());
        // Aliases are followed a few steps: a chain of aliases of unions is short in practice.
        for _ in 0..8 {
            if matches!(ty, TypeExpr::Union(_)) {
                return (ty.union_members(), ctx);
            }
            match self.unfold(&ctx, ty) {
                Some((next, next_ctx))
                    if matches!(next, TypeExpr::Union(_) | TypeExpr::Ref { .. }) =>
                {
                    (ty, ctx) = (next, next_ctx);
                }
                _ => break,
            }
        }
        // Not a union: the type as written, so a reference is referred to, not copied.
        (vec![written], written_ctx)
    }

    fn lower_union(&mut self, place: &Place<'_>, members: &'d [TypeExpr]) -> RustType {
        self.lower_union_of(place, members.iter().collect())
    }

    /// A union of `members`: `null` and `undefined` make it an `Option`, `never` and function
    /// types add nothing.
    pub(super) fn lower_union_of(
        &mut self,
        place: &Place<'_>,
        members: Vec<&'d TypeExpr>,
    ) -> RustType {
        // Nested unions (a conditional's branches) are one union.
        let mut flat: Vec<&'d TypeExpr> = Vec::new();
        let mut pending = members;
        pending.reverse();
        while let Some(member) = pending.pop() {
            match member {
                TypeExpr::Union(inner) => pending.extend(inner.iter().rev()),
                other => flat.push(other),
            }
        }
        // `number | bigint` (OpenAPI's int64) is the 64-bit integer.
        if flat.contains(&&TypeExpr::BigInt) {
            flat.retain(|m| !matches!(m, TypeExpr::Number));
        }
        // Members that are behaviour or binary content (`string | Blob`) never arrive as JSON.
        let ctx = place.ctx();
        // A union of runtime objects alone (`null` and `never` aside) stays whole.
        let keep: Vec<bool> = flat.iter().map(|m| self.not_data(&ctx, m).is_none()).collect();
        let data = flat.iter().zip(&keep).any(|(m, keep)| {
            *keep
                && !matches!(
                    m,
                    TypeExpr::Null | TypeExpr::Undefined | TypeExpr::Never | TypeExpr::Function
                )
        });
        if data {
            let mut keep = keep.into_iter();
            flat.retain(|_| keep.next().unwrap_or(true));
        }
        let nullable = flat.iter().any(|m| matches!(m, TypeExpr::Null | TypeExpr::Undefined));
        let mut rest: Vec<&'d TypeExpr> = Vec::new();
        for member in flat {
            let skip = matches!(
                member,
                TypeExpr::Null | TypeExpr::Undefined | TypeExpr::Never | TypeExpr::Function
            );
            if !skip && !rest.iter().any(|r| r.same_type(member)) {
                rest.push(member);
            }
        }
        let lowered = match rest.as_slice() {
            [] => RustType::Unit,
            [TypeExpr::Literal(Literal::String(_))] | [_, _, ..] => {
                self.lower_alternatives(place, &rest)
            }
            [single] => self.lower_type(place, single),
        };
        match lowered {
            // A member that is nullable already (`T | null` where `T` is an alias with
            // `| null`, or a mapped type that added it) is nullable once.
            RustType::Option(_) => lowered,
            other if nullable => RustType::Option(Box::new(other)),
            other => other,
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
        // The enum made here is not generic: a parameter of the declaration around it is out
        // of its scope, reported where it is used (and read as any JSON value), as in a nested
        // object type. Kept in scope, it would name a parameter the enum does not have.
        let place = &Place { params: &[], ..place.clone() };
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

    /// A union of objects that all have a required field of literal types (`type: 'created'`,
    /// `op: GatewayOpcodes.Dispatch`, `ok: true`), looked for through aliases, inline objects,
    /// intersections, nested unions and object utilities: an enum dispatching on that field.
    /// Of several such fields, the one whose values tell every member apart wins (`type` first),
    /// else the one with the most values; a value several members share selects them all, tried
    /// in order. Variants are named as an untagged enum's would be, except that a union of
    /// interfaces told apart by one string each names them after it, boxing each struct
    /// (events differ in size by far more than clippy's `large_enum_variant` allows), and an
    /// anonymous member is named after its own value.
    fn tagged_union(&mut self, place: &Place<'_>, members: &[&'d TypeExpr]) -> Option<RustType> {
        let ctx = place.ctx();
        let mut resolved = Vec::new();
        for (index, member) in members.iter().enumerate() {
            let (member, member_ctx) = self.follow_bindings(&ctx, member);
            if !matches!(
                member,
                TypeExpr::Ref { .. }
                    | TypeExpr::Object(_)
                    | TypeExpr::Intersection(_)
                    | TypeExpr::Index { .. }
                    | TypeExpr::Mapped(_)
                    | TypeExpr::Union(_)
                    | TypeExpr::TypeOf(..)
                    | TypeExpr::Conditional(_)
            ) {
                return None;
            }
            let tags = self.member_tags(&member_ctx, member)?;
            resolved.push((rank(member), index, member, member_ctx, tags));
        }
        let field = best_tag(resolved.iter().map(|r| &r.4))?;
        let values: Vec<&BTreeMap<TagValue, String>> =
            resolved.iter().map(|r| &r.4[&field]).collect();
        let shared = |value: &TagValue| values.iter().filter(|v| v.contains_key(value)).count() > 1;
        // Today's tagged unions: interfaces told apart by one string each.
        let by_value = values.iter().all(|v| {
            v.len() == 1 && matches!(v.keys().next(), Some(TagValue::String(s)) if !shared(&TagValue::String(s.clone())))
        }) && members.iter().all(|m| match m {
            TypeExpr::Ref { path, .. } => self
                .resolver
                .resolve(place.file, place.ns, path)
                .is_some_and(|f| !f.symbol.bodies.is_empty()),
            _ => false,
        });
        let names: Vec<String> = resolved
            .iter()
            .zip(&values)
            .map(|((_, index, member, _, _), values)| {
                let own = match values.iter().collect::<Vec<_>>()[..] {
                    [(value, name)] if !shared(value) => Some(name),
                    _ => None,
                };
                match (by_value, own) {
                    (true, _) => values.keys().next().map(TagValue::text).unwrap_or_default(),
                    (false, Some(own)) if !names_itself(member) => match values.keys().next() {
                        Some(TagValue::String(_)) => own.clone(),
                        // `op: 0` names its member `Op0`.
                        _ => format!("{field}_{own}"),
                    },
                    _ => variant_name(member, *index),
                }
            })
            .collect();
        // Members in the order an untagged enum tries them: values several share are tried
        // in that order.
        let mut order: Vec<usize> = (0..resolved.len()).collect();
        order.sort_by_key(|&i| (resolved[i].0, resolved[i].1));
        let path = self.place_path(place);
        let owner = path.clone();
        let parent = place.ts_path();
        let mut scope = Scope::new();
        let mut variants: Vec<Variant> = Vec::new();
        for i in order {
            let (_, _, member, member_ctx, _) = &resolved[i];
            let raw_name = names[i].clone();
            let ty = if by_value {
                RustType::Boxed(Box::new(self.lower_type(place, member)))
            } else {
                let member_place = Place {
                    owner: &owner,
                    name: raw_name.clone(),
                    ts_parent: &parent,
                    ts_last: raw_name.clone(),
                    docs: &NO_DOCS,
                    fixed: None,
                    ..Self::with_ctx(place, member_ctx)
                };
                self.lower_type(&member_place, member)
            };
            let mut member_values: Vec<TagValue> = values[i].keys().cloned().collect();
            // Members of one Rust type (`E.A | E.B` of one enum) are one variant.
            let same = variants.iter_mut().find_map(|v| match &mut v.kind {
                VariantKind::Tagged { ty: other, values, .. } if *other == ty => Some(values),
                _ => None,
            });
            if let Some(values) = same {
                member_values.retain(|v| !values.contains(v));
                values.extend(member_values);
                continue;
            }
            variants.push(Variant {
                name: scope.claim(&raw_name, Case::Type),
                docs: Docs::default(),
                kind: VariantKind::Tagged { field: field.clone(), values: member_values, ty },
            });
        }
        if let [Variant { kind: VariantKind::Tagged { ty, .. }, .. }] = variants.as_slice() {
            return Some(ty.clone());
        }
        self.push_placed(&path, place, ItemKind::Enum(Enum { variants }));
        Some(RustType::Item(path, vec![]))
    }

    /// An untagged enum with one variant per member, objects first so serde tries the most
    /// specific shapes before the catch-alls. Struct payloads are boxed once every item exists
    /// (`recursion::box_struct_payloads`), when what a member names is known.
    fn lower_untagged(&mut self, place: &Place<'_>, members: &[&'d TypeExpr]) -> RustType {
        let path = self.place_path(place);
        let owner = path.clone();
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        // A member that is a bound type parameter (`T | U` inside a generic alias) is ranked,
        // named and lowered as the type it stands for.
        let ctx = place.ctx();
        let mut ranked: Vec<(u8, usize, &'d TypeExpr, Ctx)> = members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let (member, member_ctx) = self.follow_bindings(&ctx, m);
                (rank(member), i, member, member_ctx)
            })
            .collect();
        ranked.sort_by_key(|(r, i, _, _)| (*r, *i));
        let parent = place.ts_path();
        for (index, (_, _, member, member_ctx)) in ranked.into_iter().enumerate() {
            let raw_name = variant_name(member, index);
            let member_place = Place {
                owner: &owner,
                name: raw_name.clone(),
                ts_parent: &parent,
                ts_last: raw_name.clone(),
                docs: &NO_DOCS,
                fixed: None,
                ..Self::with_ctx(place, &member_ctx)
            };
            let ty = self.lower_type(&member_place, member);
            if variants.iter().any(|v: &Variant| v.kind == VariantKind::Untagged(ty.clone())) {
                continue;
            }
            let name = scope.claim(&raw_name, Case::Type);
            variants.push(Variant { name, docs: Docs::default(), kind: VariantKind::Untagged(ty) });
        }
        // Members that all map to one Rust type (`E.A | E.B` of one enum) are that type.
        if let [Variant { kind: VariantKind::Untagged(only), .. }] = variants.as_slice() {
            return only.clone();
        }
        // Serde tries the variants in order: a member that turned out to be a catch-all
        // (`Unrecognized<string>`, written like an object) goes after the specific ones.
        variants.sort_by_key(|v| match &v.kind {
            VariantKind::Untagged(ty) => catch_all_rank(ty),
            _ => 0,
        });
        self.push_placed(&path, place, ItemKind::Enum(Enum { variants }));
        RustType::Item(path, vec![])
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

/// JavaScript runtime objects that are behaviour or binary content, not JSON data: a field of
/// one of these types (`signal?: AbortSignal`, `file: Blob`) is left out with a note.
const RUNTIME_OBJECTS: &[&str] = &[
    "AbortSignal",
    "AbortController",
    "ArrayBuffer",
    "ArrayBufferLike",
    "ArrayBufferView",
    "AsyncGenerator",
    "AsyncIterable",
    "AsyncIterableIterator",
    "AsyncIterator",
    "Blob",
    "Buffer",
    "DataView",
    "EventTarget",
    "File",
    "FormData",
    "Function",
    "Headers",
    "HeadersInit",
    "Promise",
    "ReadableStream",
    "Request",
    "RequestInfo",
    "RequestInit",
    "Response",
    "Uint8Array",
    "WebSocket",
    "WritableStream",
];

/// How many names [`Builder::names_keyword`] follows to what they stand for.
const MAX_ALIAS_STEPS: usize = 16;

/// How deep [`Builder::not_data`] looks through aliases, bases and conditionals.
const MAX_RUNTIME_DEPTH: usize = 16;

impl<'d> Builder<'_, 'd> {
    /// Why values of `ty` are behaviour or binary content rather than data: every member of
    /// it (besides `null`, `undefined` and `never`) is a runtime object of [`RUNTIME_OBJECTS`]
    /// that the input does not declare itself (also through a namespace import of a module
    /// not read: `import('undici').RequestInit`), a service class, a class's constructor, an
    /// alias of a function type, an array of those, or an intersection, alias, interface base
    /// or conditional (decided, or one whichever branch it takes) that is one (`Blob & { name: string }` is a `Blob`). What is
    /// looked up on the way is not a use of it.
    pub(super) fn not_data(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<String> {
        let probing = self.probing.replace(true);
        let reason = self.runtime_reason(ctx, ty, false, 0);
        self.probing.set(probing);
        reason
    }

    /// Why `ty` is not data (see [`Self::not_data`]); with `objects_only`, only for the
    /// runtime objects it is made of (what a base that makes its extension one is).
    fn runtime_reason(
        &mut self,
        ctx: &Ctx,
        ty: &'d TypeExpr,
        objects_only: bool,
        depth: usize,
    ) -> Option<String> {
        if depth > MAX_RUNTIME_DEPTH {
            return None;
        }
        match ty {
            TypeExpr::Union(members) => {
                let mut reasons: Vec<String> = Vec::new();
                for member in members {
                    if matches!(member, TypeExpr::Null | TypeExpr::Undefined | TypeExpr::Never) {
                        continue;
                    }
                    let reason = self.runtime_reason(ctx, member, objects_only, depth + 1)?;
                    if !reasons.contains(&reason) {
                        reasons.push(reason);
                    }
                }
                (!reasons.is_empty()).then(|| reasons.join("; "))
            }
            // A value of `A & B` is an `A`.
            TypeExpr::Intersection(members) => {
                members.iter().find_map(|m| self.runtime_reason(ctx, m, objects_only, depth + 1))
            }
            TypeExpr::Array(element) => self.runtime_reason(ctx, element, objects_only, depth + 1),
            TypeExpr::TypeOf(path, _) if !objects_only => self.constructor(ctx, path),
            TypeExpr::Conditional(conditional) => match self.decide(ctx, conditional) {
                Some((branch, branch_ctx)) => {
                    self.runtime_reason(&branch_ctx, branch, objects_only, depth + 1)
                }
                // Undecided: one whichever branch it takes (`never` is no value).
                None => {
                    let mut reason = None;
                    for branch in [&conditional.then, &conditional.otherwise] {
                        if !matches!(branch, TypeExpr::Never) {
                            reason =
                                Some(self.runtime_reason(ctx, branch, objects_only, depth + 1)?);
                        }
                    }
                    reason
                }
            },
            TypeExpr::Ref { path, .. } => self.runtime_ref(ctx, ty, path, objects_only, depth),
            _ => None,
        }
    }

    fn runtime_ref(
        &mut self,
        ctx: &Ctx,
        ty: &'d TypeExpr,
        path: &'d [String],
        objects_only: bool,
        depth: usize,
    ) -> Option<String> {
        let name = path.join(".");
        let deeper = |this: &mut Self, (body, body_ctx): (&'d TypeExpr, Ctx)| {
            this.runtime_reason(&body_ctx, body, objects_only, depth + 1)
                .map(|_| format!("`{name}` is behaviour or binary content, not JSON data"))
        };
        match self.named(ctx, runtime_path(path)) {
            Named::Unknown => self
                .runtime_object(ctx, path)
                .map(|name| format!("`{name}` is a runtime object, not JSON data")),
            Named::Declared(found) if found.symbol.is_class && !objects_only => {
                Some(format!("`{name}` is a service class, not data"))
            }
            Named::Declared(found)
                if matches!(found.symbol.alias, Some((TypeExpr::Function, _))) && !objects_only =>
            {
                Some(format!("`{name}` is a function type, not data"))
            }
            Named::Declared(found) if found.symbol.alias.is_some() => {
                let unfolded = self.unfold(ctx, ty)?;
                deeper(self, unfolded)
            }
            Named::Declared(found) => {
                let (file, symbol) = (found.file, found.symbol.clone());
                let base_ctx = Ctx { file, ns: symbol.ns.clone(), erased: Vec::new(), env: 0 };
                let bases = symbol.bodies.iter().flat_map(|b| b.extends.iter());
                for base in bases {
                    if self.runtime_reason(&base_ctx, base, true, depth + 1).is_some() {
                        return Some(format!("`{name}` extends a runtime object, not JSON data"));
                    }
                }
                None
            }
            Named::Bound(Bound::Type(..)) => {
                let (body, body_ctx) = self.unfold(ctx, ty)?;
                self.runtime_reason(&body_ctx, body, objects_only, depth + 1)
            }
            _ => None,
        }
    }

    /// The name `path` has among [`RUNTIME_OBJECTS`], when it names one that the input does
    /// not declare: `globalThis.Blob` is `Blob`, and a member of a namespace import of a
    /// module not read (`import('undici').RequestInit`) is named as that module exports it.
    pub(super) fn runtime_object(&self, ctx: &Ctx, path: &[String]) -> Option<String> {
        let path = runtime_path(path);
        let imports = &self.resolver.files.get(ctx.file)?.imports;
        let exported = match path {
            [module, rest @ ..]
                if !rest.is_empty()
                    && imports
                        .get(module.as_str())
                        .is_some_and(|i| i.kind == ImportKind::Namespace) =>
            {
                rest
            }
            _ => path,
        };
        let name = exported.join(".");
        RUNTIME_OBJECTS.contains(&name.as_str()).then_some(name)
    }
}

/// `globalThis.Blob` is `Blob`.
fn runtime_path(path: &[String]) -> &[String] {
    match path {
        [global, rest @ ..] if global == "globalThis" && !rest.is_empty() => rest,
        _ => path,
    }
}

impl Builder<'_, '_> {
    /// Why `typeof path` is behaviour rather than data, when `path` is no value the input
    /// declares but a class: the class's constructor.
    fn constructor(&self, ctx: &Ctx, path: &[String]) -> Option<String> {
        if self.resolver.resolve_value(ctx.file, &ctx.ns, path).is_some() {
            return None;
        }
        // Not counted as a use: the class is not generated for its constructor.
        match self.resolver.resolve(ctx.file, &ctx.ns, path) {
            Some(found) if found.symbol.is_class || found.symbol.data_class => {
                Some(format!("`typeof {}` is a class's constructor, not data", path.join(".")))
            }
            _ => None,
        }
    }
}

/// The names `infer X` binds in a conditional type's pattern.
fn infer_names<'t>(ty: &'t TypeExpr, out: &mut Vec<&'t str>) {
    match ty {
        TypeExpr::Infer(name) => out.push(name),
        TypeExpr::Array(inner) | TypeExpr::KeyOf(inner, _) => infer_names(inner, out),
        TypeExpr::Ref { args: members, .. }
        | TypeExpr::Union(members)
        | TypeExpr::Intersection(members) => members.iter().for_each(|m| infer_names(m, out)),
        TypeExpr::Tuple(elements) => elements.iter().for_each(|e| infer_names(&e.ty, out)),
        TypeExpr::Object(fields) => fields.iter().for_each(|f| infer_names(&f.ty, out)),
        TypeExpr::Index { object, key, .. } => {
            infer_names(object, out);
            infer_names(key, out);
        }
        _ => {}
    }
}

/// Whether a union member and an `Exclude`/`Extract` filter member are the same type.
fn same_member(member: &TypeExpr, filter: &TypeExpr) -> bool {
    match (member, filter) {
        (TypeExpr::Ref { path: a, .. }, TypeExpr::Ref { path: b, .. }) => a == b,
        (TypeExpr::Null | TypeExpr::Undefined, TypeExpr::Null | TypeExpr::Undefined) => true,
        (TypeExpr::Literal(Literal::String(_)), TypeExpr::String) => true,
        (TypeExpr::Literal(Literal::Number(_)), TypeExpr::Number) => true,
        (TypeExpr::Literal(Literal::Bool(_)), TypeExpr::Boolean) => true,
        _ => member == filter,
    }
}

/// `place` for a type inside the one at `place` (a map's values): never the declared item's
/// own path.
fn unfixed<'p>(place: &Place<'p>) -> Place<'p> {
    Place { fixed: None, ..place.clone() }
}

/// The name stem for the elements of the type at `place`.
fn singular_of(place: &Place<'_>) -> String {
    place.element().name
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

/// How late serde should try a variant of this type: generated items (structs, enums) and
/// collections before scalars, scalars before any JSON value.
fn catch_all_rank(ty: &RustType) -> u8 {
    match ty {
        RustType::Item(..) | RustType::Boxed(_) | RustType::MemberOf(..) | RustType::Param(_) => 0,
        RustType::Vec(_) | RustType::Map(_) | RustType::Tuple(_) => 1,
        RustType::Option(inner) => catch_all_rank(inner),
        RustType::Json => 3,
        _ => 2,
    }
}

/// The field that best tells apart members with these tags: present in every member, its
/// values selecting at least two different sets of members; one that tells every member apart
/// if any does (`type` first), else the one whose values select the most different sets of
/// members, then the one with the most values; ties go to the first by name. (`locale: Locale`
/// in every member has many values but tells nothing apart.)
fn best_tag<'t>(tags: impl Iterator<Item = &'t Tags> + Clone) -> Option<String> {
    let first = tags.clone().next()?;
    // (tells every member apart, is `type` and does, sets of members, values)
    type Score = (bool, bool, usize, usize);
    let mut best: Option<(Score, &String)> = None;
    for field in first.keys() {
        if !tags.clone().all(|t| t.contains_key(field)) {
            continue;
        }
        let mut owners: BTreeMap<&TagValue, Vec<usize>> = BTreeMap::new();
        for (i, t) in tags.clone().enumerate() {
            for value in t[field].keys() {
                owners.entry(value).or_default().push(i);
            }
        }
        let groups: BTreeSet<&Vec<usize>> = owners.values().collect();
        if groups.len() < 2 {
            continue;
        }
        let apart = owners.values().all(|o| o.len() == 1);
        let score = (apart, apart && field == "type", groups.len(), owners.len());
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, field));
        }
    }
    best.map(|(_, field)| field.clone())
}

/// Whether a union member names the variant carrying it (a reference, a named member of a
/// declared type) rather than being anonymous.
fn names_itself(member: &TypeExpr) -> bool {
    match member {
        TypeExpr::Ref { .. } => true,
        TypeExpr::Index { key, .. } => matches!(&**key, TypeExpr::Literal(Literal::String(_))),
        _ => false,
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
        // `components['schemas']['create-event']`: the member's own name.
        TypeExpr::Index { key, .. } => match &**key {
            TypeExpr::Literal(Literal::String(name)) => name.clone(),
            _ => format!("variant_{index}"),
        },
        _ => format!("variant_{index}"),
    }
}
