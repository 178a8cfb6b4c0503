//! The type evaluator: TypeScript's type operators evaluated as far as the wire needs them.
//!
//! Between the declarations and the Rust model, a type expression is evaluated the way `tsc`
//! evaluates it for data: an object-like type (`Partial<T>`, `Pick<T, K>`, `Omit<T, K>`,
//! `Record<'a' | 'b', V>`, a mapped type `{ [K in keyof T]: … }`, an intersection, an object
//! alias, a generic alias applied to arguments) to the fields it has, each kept in the context
//! it was written in; a key type (`keyof T`, a literal union, `Exclude<K, 'x'>`, an enum) to the
//! literal keys it stands for; an indexed access (`T['k']`, `T[number]`) to the member's type.
//!
//! Type parameters are bound in [`Frame`]s: applying a generic alias binds its parameters to
//! the arguments (each evaluated in the caller's context), and a mapped type binds its key
//! parameter to one key at a time. Frames live for the whole build and are referred to by
//! index, so a context is a small `Clone` value.

use super::build::{merge_intersection, Builder, ContextField, Ctx, NO_DOCS};
use super::decl::{Conditional, EnumValue, Literal, TupleElement, TypeExpr};
use super::jsdoc::Docs;
use super::resolve::Found;
use super::rust::{Member, TagValue};
use std::borrow::Cow;
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

/// How deep evaluation may nest (aliases of aliases, mapped types over mapped types) before
/// it gives up: a recursive alias (`type A = Partial<A>`) would otherwise never end.
const MAX_EVAL_DEPTH: usize = 48;

/// Type-parameter bindings: one generic application or one mapped-type key.
pub(super) struct Frame<'d> {
    /// The frame the bindings' declaration is nested in (0: none).
    parent: usize,
    bindings: Vec<(String, Bound<'d>)>,
}

impl Frame<'_> {
    /// The frame that binds nothing, at index 0.
    pub(super) fn root() -> Self {
        Frame { parent: 0, bindings: Vec::new() }
    }
}

/// What a type parameter is bound to.
#[derive(Clone)]
pub(super) enum Bound<'d> {
    /// A type argument, in the context it was written in.
    Type(&'d TypeExpr, Ctx),
    /// One key of a mapped type.
    Key(Key<'d>),
    /// The elements a tuple pattern's `...infer Rest` matched, each in its own context.
    Elements(Vec<(&'d TypeExpr, Ctx)>),
}

/// A literal key: a property name (from `keyof`) or a literal in a key union.
#[derive(Clone)]
pub(super) struct Key<'d> {
    /// The key as a string.
    pub(super) name: String,
    /// Whether the property it comes from was optional (a homomorphic mapped type keeps it).
    pub(super) optional: bool,
    /// The docs of the property it comes from.
    pub(super) docs: &'d Docs,
}

impl<'d> Key<'d> {
    fn literal(name: String) -> Self {
        Key { name, optional: false, docs: &NO_DOCS }
    }
}

/// The built-in utility types, recognised by name where no declaration shadows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Utility {
    Partial,
    Required,
    Readonly,
    Pick,
    Omit,
    Record,
    NonNullable,
    Exclude,
    Extract,
    /// `Uppercase<S>` and its kin: a string.
    StringCase,
    /// `Awaited<T>`, `NoInfer<T>`: `T` itself, as far as data goes.
    Identity,
}

impl Utility {
    fn of(name: &str) -> Option<Self> {
        Some(match name {
            "Partial" => Utility::Partial,
            "Required" => Utility::Required,
            "Readonly" => Utility::Readonly,
            "Pick" => Utility::Pick,
            "Omit" => Utility::Omit,
            "Record" => Utility::Record,
            "NonNullable" => Utility::NonNullable,
            "Exclude" => Utility::Exclude,
            "Extract" => Utility::Extract,
            "Uppercase" | "Lowercase" | "Capitalize" | "Uncapitalize" => Utility::StringCase,
            "Awaited" | "NoInfer" => Utility::Identity,
            _ => return None,
        })
    }
}

/// What a reference names, once bindings, declarations and built-ins are looked at.
pub(super) enum Named<'r, 'd> {
    /// A type parameter bound in the context.
    Bound(Bound<'d>),
    /// A declaration of the input.
    Declared(Found<'r, 'd>),
    /// A member of a declared `enum` (`ChannelType.GuildText`), with its value.
    EnumMember(Found<'r, 'd>, &'d EnumValue),
    /// A built-in utility type.
    Utility(Utility),
    /// Nothing known.
    Unknown,
}

impl<'d> Builder<'_, 'd> {
    /// The binding of type parameter `name` in frame `env` or its parents.
    fn binding(&self, env: usize, name: &str) -> Option<&Bound<'d>> {
        let mut frame = env;
        loop {
            let f = &self.frames[frame];
            if let Some((_, bound)) = f.bindings.iter().rev().find(|(n, _)| n == name) {
                return Some(bound);
            }
            if frame == 0 {
                return None;
            }
            frame = f.parent;
        }
    }

    /// A new frame binding `bindings`, nested in `parent`.
    fn push_frame(&mut self, parent: usize, bindings: Vec<(String, Bound<'d>)>) -> usize {
        self.frames.push(Frame { parent, bindings });
        self.frames.len() - 1
    }

    /// The context a generic declaration's body is evaluated in: its own file and namespace,
    /// its parameters bound to `args` (written in `caller`); parameters without an argument
    /// stand for any JSON value.
    pub(super) fn instantiate(
        &mut self,
        caller: &Ctx,
        file: usize,
        ns: &[String],
        params: &[String],
        args: &'d [TypeExpr],
    ) -> Ctx {
        let erased: Vec<String> = params.iter().skip(args.len()).cloned().collect();
        let bindings: Vec<(String, Bound<'d>)> = params
            .iter()
            .zip(args)
            .map(|(param, arg)| (param.clone(), Bound::Type(arg, caller.clone())))
            .collect();
        let env = if bindings.is_empty() { 0 } else { self.push_frame(0, bindings) };
        Ctx { file, ns: ns.to_vec(), erased, env }
    }

    /// A new frame binding `param` to `ty` (written in `ctx`), nested in `parent`.
    pub(super) fn bind(
        &mut self,
        parent: usize,
        param: &str,
        ty: &'d TypeExpr,
        ctx: &Ctx,
    ) -> usize {
        self.push_frame(parent, vec![(param.to_owned(), Bound::Type(ty, ctx.clone()))])
    }

    /// The type expression `ty` stands for once bindings and member accesses are followed,
    /// as an identity: two arguments with one identity are the same type.
    /// The node and the bindings it is read with: the same node under other bindings (a
    /// tuple written in a recursive alias's body, applied again one level down) is another
    /// type.
    pub(super) fn identity(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> (*const TypeExpr, usize) {
        let (mut ty, mut ctx) = (ty, ctx.clone());
        for _ in 0..MAX_EVAL_DEPTH {
            let next = match ty {
                TypeExpr::Ref { path, .. } if path.len() == 1 => {
                    match self.binding(ctx.env, &path[0]) {
                        Some(Bound::Type(bound, bound_ctx)) => Some((*bound, bound_ctx.clone())),
                        _ => None,
                    }
                }
                TypeExpr::Index { object, key, .. } => self.member_type(&ctx, object, key),
                _ => None,
            };
            match next {
                Some((next, next_ctx)) => (ty, ctx) = (next, next_ctx),
                None => break,
            }
        }
        // A reference is read the same under any bindings once it binds nothing.
        let env = if matches!(ty, TypeExpr::Ref { .. }) { 0 } else { ctx.env };
        (ty, env)
    }

    /// `ty` with bound type parameters replaced by what they are bound to, in its context.
    pub(super) fn follow_bindings(&self, ctx: &Ctx, ty: &'d TypeExpr) -> (&'d TypeExpr, Ctx) {
        let (mut ty, mut ctx) = (ty, ctx.clone());
        for _ in 0..MAX_EVAL_DEPTH {
            let TypeExpr::Ref { path, .. } = ty else { break };
            let [name] = &path[..] else { break };
            let Some(Bound::Type(bound, bound_ctx)) = self.binding(ctx.env, name) else { break };
            (ty, ctx) = (*bound, bound_ctx.clone());
        }
        (ty, ctx)
    }

    /// The element type of `ty` when it is an array (or a tuple of one element type).
    pub(super) fn element_of(
        &mut self,
        ctx: &Ctx,
        ty: &'d TypeExpr,
    ) -> Option<(&'d TypeExpr, Ctx)> {
        self.deeper(|this| this.element_type(ctx, ty))
    }

    /// Looks up a declaration from `ctx`.
    /// Whatever is found counts as used (see [`Builder::use_declaration`]).
    pub(super) fn resolve_type(&self, ctx: &Ctx, path: &[String]) -> Option<Found<'_, 'd>> {
        let found = self.resolver.resolve(ctx.file, &ctx.ns, path)?;
        self.use_declaration(found.file, found.symbol);
        Some(found)
    }

    /// What the reference `path` names in `ctx`.
    pub(super) fn named(&self, ctx: &Ctx, path: &[String]) -> Named<'_, 'd> {
        if let [name] = path {
            if let Some(bound) = self.binding(ctx.env, name) {
                return Named::Bound(bound.clone());
            }
        }
        if let Some(found) = self.resolve_type(ctx, path) {
            return Named::Declared(found);
        }
        if let Some((member, owner)) = path.split_last() {
            if let Some(found) = self.resolve_type(ctx, owner) {
                let value = found
                    .symbol
                    .members
                    .and_then(|members| members.iter().find(|m| &m.name == member))
                    .map(|m| &m.value);
                if let Some(value) = value {
                    return Named::EnumMember(found, value);
                }
            }
        }
        match path {
            [name] => Utility::of(name).map_or(Named::Unknown, Named::Utility),
            _ => Named::Unknown,
        }
    }

    /// Runs `f` one level deeper, or gives `None` past [`MAX_EVAL_DEPTH`].
    fn deeper<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.eval_depth >= MAX_EVAL_DEPTH {
            return None;
        }
        self.eval_depth += 1;
        let result = f(self);
        self.eval_depth -= 1;
        result
    }

    /// The fields of `ty` written in `ctx`, if it evaluates to an object type.
    pub(super) fn object_fields(
        &mut self,
        ctx: &Ctx,
        ty: &'d TypeExpr,
    ) -> Option<Vec<ContextField<'d>>> {
        self.deeper(|this| this.object_fields_inner(ctx, ty))
    }

    fn object_fields_inner(
        &mut self,
        ctx: &Ctx,
        ty: &'d TypeExpr,
    ) -> Option<Vec<ContextField<'d>>> {
        match ty {
            TypeExpr::Object(fields) => {
                Some(fields.iter().map(|f| ContextField::declared(f, ctx)).collect())
            }
            TypeExpr::Intersection(members) => {
                let mut fields = Vec::new();
                for member in members {
                    fields.extend(self.object_fields(ctx, member)?);
                }
                Some(merge_intersection(fields))
            }
            TypeExpr::Mapped(mapped) => {
                let keys = match self.literal_keys(ctx, &mapped.keys) {
                    Some(keys) => keys,
                    // `{ [K in X]?: never }` (an "exclusive or" helper) has no key a value
                    // can hold: when `X` is no set of literals, no key is known to be absent.
                    None if mapped.ty == TypeExpr::Never => vec![],
                    None => return None,
                };
                let fields = keys
                    .into_iter()
                    .map(|key| {
                        let optional = mapped.optional.unwrap_or(key.optional);
                        let docs = key.docs;
                        let name = key.name.clone();
                        let env =
                            self.push_frame(ctx.env, vec![(mapped.param.clone(), Bound::Key(key))]);
                        ContextField {
                            name: Cow::Owned(name),
                            ty: &mapped.ty,
                            optional,
                            index: false,
                            docs,
                            span: mapped.span,
                            ctx: Ctx { env, ..ctx.clone() },
                            origin: None,
                            also: Vec::new(),
                        }
                    })
                    .collect();
                Some(fields)
            }
            TypeExpr::Index { object, key, .. } => {
                let (member, member_ctx) = self.member_type(ctx, object, key)?;
                self.object_fields(&member_ctx, member)
            }
            TypeExpr::Ref { path, args, .. } => self.ref_fields(ctx, path, args),
            TypeExpr::TypeOf(path, _) => {
                let (value, value_ctx) = self.value(ctx, path)?;
                self.object_fields(&value_ctx, value)
            }
            TypeExpr::Conditional(conditional) => {
                let (branch, branch_ctx) = self.decide(ctx, conditional)?;
                self.object_fields(&branch_ctx, branch)
            }
            // What every member of a union has (`keyof (A | B)`), typed as the first has it.
            TypeExpr::Union(members) => {
                let mut objects = Vec::new();
                for member in members {
                    if !matches!(member, TypeExpr::Null | TypeExpr::Undefined) {
                        objects.push(self.object_fields(ctx, member)?);
                    }
                }
                let (first, others) = objects.split_first()?;
                let common = first
                    .iter()
                    .filter(|f| {
                        others
                            .iter()
                            .all(|o| o.iter().any(|g| g.name == f.name && g.index == f.index))
                    })
                    .cloned()
                    .collect();
                Some(common)
            }
            _ => None,
        }
    }

    pub(super) fn ref_fields(
        &mut self,
        ctx: &Ctx,
        path: &[String],
        args: &'d [TypeExpr],
    ) -> Option<Vec<ContextField<'d>>> {
        match self.named(ctx, path) {
            Named::Bound(Bound::Type(ty, bound_ctx)) => self.object_fields(&bound_ctx, ty),
            Named::Declared(found) => {
                let (file, symbol) = (found.file, found.symbol.clone());
                if !symbol.bodies.is_empty() {
                    let params = &symbol.bodies[0].type_params;
                    let body_ctx = self.instantiate(ctx, file, &symbol.ns, params, args);
                    let mut visited = vec![];
                    return Some(self.interface_fields(&body_ctx, &symbol.bodies, &mut visited));
                }
                let (aliased, params) = symbol.alias?;
                let body_ctx = self.instantiate(ctx, file, &symbol.ns, params, args);
                self.object_fields(&body_ctx, aliased)
            }
            Named::Utility(utility) => self.utility_fields(ctx, utility, args),
            _ => None,
        }
    }

    /// The fields of an object-valued utility type.
    fn utility_fields(
        &mut self,
        ctx: &Ctx,
        utility: Utility,
        args: &'d [TypeExpr],
    ) -> Option<Vec<ContextField<'d>>> {
        let optional = |fields: Vec<ContextField<'d>>, optional: Option<bool>| {
            fields
                .into_iter()
                .map(|mut f| {
                    if let (Some(optional), false) = (optional, f.index) {
                        f.optional = optional;
                    }
                    f
                })
                .collect()
        };
        match (utility, args) {
            (Utility::Partial, [t]) => Some(optional(self.object_fields(ctx, t)?, Some(true))),
            (Utility::Required, [t]) => Some(optional(self.object_fields(ctx, t)?, Some(false))),
            (Utility::Readonly | Utility::NonNullable | Utility::Identity, [t]) => {
                self.object_fields(ctx, t)
            }
            (Utility::Pick, [t, keys]) => {
                let keys = self.literal_keys(ctx, keys)?;
                let fields = self.object_fields(ctx, t)?;
                Some(fields.into_iter().filter(|f| keys.iter().any(|k| k.name == f.name)).collect())
            }
            (Utility::Omit, [t, keys]) => {
                // `Omit<T, string>` and other non-literal keys leave every field.
                let keys = self.literal_keys(ctx, keys).unwrap_or_default();
                let fields = self.object_fields(ctx, t)?;
                Some(
                    fields.into_iter().filter(|f| !keys.iter().any(|k| k.name == f.name)).collect(),
                )
            }
            (Utility::Record, [keys, value]) => {
                let Some(keys) = self.literal_keys(ctx, keys) else {
                    // `Record<string, V>` and other open key sets: an index signature.
                    return Some(vec![ContextField {
                        name: Cow::Borrowed(""),
                        ty: value,
                        optional: true,
                        index: true,
                        docs: &NO_DOCS,
                        span: crate::diagnostics::Span::default(),
                        ctx: ctx.clone(),
                        origin: None,
                        also: Vec::new(),
                    }]);
                };
                Some(
                    keys.into_iter()
                        .map(|key| ContextField {
                            name: Cow::Owned(key.name),
                            ty: value,
                            optional: false,
                            index: false,
                            docs: &NO_DOCS,
                            span: crate::diagnostics::Span::default(),
                            ctx: ctx.clone(),
                            origin: None,
                            also: Vec::new(),
                        })
                        .collect(),
                )
            }
            _ => None,
        }
    }

    /// The literal keys `ty` stands for (`'a' | 'b'`, `keyof T`, an enum, `Exclude<K, 'x'>`),
    /// or `None` when it is not a finite set of literals (`string`, `number`).
    pub(super) fn literal_keys(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<Vec<Key<'d>>> {
        self.deeper(|this| this.literal_keys_inner(ctx, ty))
    }

    fn literal_keys_inner(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<Vec<Key<'d>>> {
        match ty {
            TypeExpr::Literal(Literal::String(s) | Literal::Number(s)) => {
                Some(vec![Key::literal(s.clone())])
            }
            TypeExpr::Never => Some(vec![]),
            TypeExpr::Union(members) => {
                let mut keys = Vec::new();
                for member in members {
                    if !matches!(member, TypeExpr::Null | TypeExpr::Undefined) {
                        keys.extend(self.literal_keys(ctx, member)?);
                    }
                }
                Some(keys)
            }
            TypeExpr::KeyOf(object, _) => {
                let fields = self.object_fields(ctx, object)?;
                let mut keys: Vec<Key<'d>> = Vec::new();
                for f in fields.iter().filter(|f| !f.index) {
                    // A merged or redeclared property is one key.
                    if !keys.iter().any(|k| k.name == f.name) {
                        keys.push(Key {
                            name: f.name.to_string(),
                            optional: f.optional,
                            docs: f.docs,
                        });
                    }
                }
                Some(keys)
            }
            TypeExpr::Ref { path, args, .. } => match self.named(ctx, path) {
                Named::Bound(Bound::Key(key)) => Some(vec![key]),
                Named::Bound(Bound::Type(ty, bound_ctx)) => self.literal_keys(&bound_ctx, ty),
                Named::EnumMember(_, value) => enum_key(value).map(|k| vec![k]),
                Named::Declared(found) => {
                    let (file, symbol) = (found.file, found.symbol.clone());
                    if let Some(members) = symbol.members {
                        return members.iter().map(|m| enum_key(&m.value)).collect();
                    }
                    let (aliased, params) = symbol.alias?;
                    let body_ctx = self.instantiate(ctx, file, &symbol.ns, params, args);
                    self.literal_keys(&body_ctx, aliased)
                }
                Named::Utility(utility @ (Utility::Exclude | Utility::Extract)) => {
                    let [from, filter] = &args[..] else { return None };
                    let keys = self.literal_keys(ctx, from)?;
                    let filter = self.literal_keys(ctx, filter).unwrap_or_default();
                    let keep = utility == Utility::Extract;
                    Some(
                        keys.into_iter()
                            .filter(|k| filter.iter().any(|f| f.name == k.name) == keep)
                            .collect(),
                    )
                }
                Named::Utility(Utility::NonNullable | Utility::Identity) => {
                    self.literal_keys(ctx, args.first()?)
                }
                _ => None,
            },
            TypeExpr::Index { object, key, .. } => {
                let (member, member_ctx) = self.member_type(ctx, object, key)?;
                self.literal_keys(&member_ctx, member)
            }
            TypeExpr::TypeOf(path, _) => {
                let (value, value_ctx) = self.value(ctx, path)?;
                self.literal_keys(&value_ctx, value)
            }
            TypeExpr::Tuple(elements) => {
                let mut keys = Vec::new();
                for element in elements {
                    keys.extend(self.literal_keys(ctx, &element.ty)?);
                }
                Some(keys)
            }
            TypeExpr::Array(element) => self.literal_keys(ctx, element),
            TypeExpr::Conditional(conditional) => {
                let (branch, branch_ctx) = self.decide(ctx, conditional)?;
                self.literal_keys(&branch_ctx, branch)
            }
            _ => None,
        }
    }

    /// The branch a conditional type takes, with its `infer` names bound, when that can be
    /// told from the types (`T extends [infer A, ...infer Rest]` over a tuple, `T extends
    /// object`, `T extends unknown`); `None` when it depends on what the types do not say.
    pub(super) fn decide(
        &mut self,
        ctx: &Ctx,
        conditional: &'d Conditional,
    ) -> Option<(&'d TypeExpr, Ctx)> {
        self.deeper(|this| {
            let mut bindings = Vec::new();
            if this.matches(ctx, &conditional.check, &conditional.pattern, &mut bindings)? {
                let env = this.push_frame(ctx.env, bindings);
                Some((&conditional.then, Ctx { env, ..ctx.clone() }))
            } else {
                Some((&conditional.otherwise, ctx.clone()))
            }
        })
    }

    /// Whether `check` (in `ctx`) matches `pattern` (written in `ctx` too), binding what the
    /// pattern infers; `None` when it cannot be told.
    fn matches(
        &mut self,
        ctx: &Ctx,
        check: &'d TypeExpr,
        pattern: &'d TypeExpr,
        bindings: &mut Vec<(String, Bound<'d>)>,
    ) -> Option<bool> {
        match pattern {
            TypeExpr::Infer(name) => {
                bindings.push((name.clone(), Bound::Type(check, ctx.clone())));
                Some(true)
            }
            TypeExpr::Any => Some(true),
            TypeExpr::ObjectKeyword => self.is_object(ctx, check),
            TypeExpr::String | TypeExpr::Number | TypeExpr::Boolean => {
                // An object type is no primitive (`Flatten<{ x: string[] }>` tests `string` first).
                if self.is_object(ctx, check) == Some(true) {
                    return Some(false);
                }
                let mut kinds = Vec::new();
                self.primitive_kinds(ctx, check, &mut kinds)?;
                let wanted = primitive_kind(pattern)?;
                if kinds.iter().all(|k| *k == wanted) {
                    Some(true)
                } else if kinds.iter().all(|k| *k != wanted) {
                    Some(false)
                } else {
                    None
                }
            }
            TypeExpr::Tuple(patterns) => {
                let Some(elements) = self.tuple_view(ctx, check) else {
                    // Not a tuple of known length: a primitive certainly does not match.
                    return self.is_object(ctx, check).filter(|object| !object);
                };
                let (fixed, rest) = match patterns.split_last() {
                    Some((last, fixed)) if last.rest => (fixed, Some(last)),
                    _ => (&patterns[..], None),
                };
                let fits = match rest {
                    Some(_) => elements.len() >= fixed.len(),
                    None => elements.len() == fixed.len(),
                };
                if !fits {
                    return Some(false);
                }
                for ((element, element_ctx), pattern) in elements.iter().zip(fixed) {
                    let TypeExpr::Infer(name) = &pattern.ty else { return None };
                    bindings.push((name.clone(), Bound::Type(element, element_ctx.clone())));
                }
                if let Some(rest) = rest {
                    let TypeExpr::Infer(name) = &rest.ty else { return None };
                    let remaining = elements[fixed.len()..].to_vec();
                    bindings.push((name.clone(), Bound::Elements(remaining)));
                }
                Some(true)
            }
            _ => None,
        }
    }

    /// The primitive kinds (see [`primitive_kind`]) of the values of `ty`, a primitive or
    /// literal or a union of them, looked up through bindings, aliases and member access;
    /// `None` when it is anything else.
    fn primitive_kinds(&mut self, ctx: &Ctx, ty: &'d TypeExpr, out: &mut Vec<u8>) -> Option<()> {
        if let Some(kind) = primitive_kind(ty) {
            out.push(kind);
            return Some(());
        }
        self.deeper(|this| match ty {
            TypeExpr::Union(members) => {
                for member in members {
                    this.primitive_kinds(ctx, member, out)?;
                }
                Some(())
            }
            TypeExpr::Ref { path, .. } => match this.named(ctx, path) {
                Named::EnumMember(_, value) => {
                    out.push(if matches!(value, EnumValue::Number(_)) { 1 } else { 0 });
                    Some(())
                }
                _ => {
                    let (next, next_ctx) = this.unfold(ctx, ty)?;
                    this.primitive_kinds(&next_ctx, next, out)
                }
            },
            TypeExpr::Index { object, key, .. } => match this.member_type(ctx, object, key) {
                Some((member, member_ctx)) => this.primitive_kinds(&member_ctx, member, out),
                None => {
                    let (members, members_ctx) = this.members_of_keys(ctx, object, key)?;
                    for member in members {
                        this.primitive_kinds(&members_ctx, member, out)?;
                    }
                    Some(())
                }
            },
            _ => None,
        })
    }

    /// Whether values of `ty` are objects (`ty extends object`): `Some(true)` for object types
    /// and unions of them, `Some(false)` for primitives, `None` when unknown.
    pub(super) fn is_object(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<bool> {
        match ty {
            TypeExpr::String
            | TypeExpr::Number
            | TypeExpr::BigInt
            | TypeExpr::Boolean
            | TypeExpr::Literal(_)
            | TypeExpr::OpenString
            | TypeExpr::Null
            | TypeExpr::Undefined => Some(false),
            TypeExpr::Array(_) | TypeExpr::Tuple(_) | TypeExpr::ObjectKeyword => Some(true),
            TypeExpr::Conditional(conditional) => match self.decide(ctx, conditional) {
                Some((branch, branch_ctx)) => self.is_object(&branch_ctx, branch),
                None => {
                    let then = self.is_object(ctx, &conditional.then)?;
                    (self.is_object(ctx, &conditional.otherwise)? == then).then_some(then)
                }
            },
            TypeExpr::Union(members) => {
                let mut all = true;
                for member in members {
                    all &= self.is_object(ctx, member)?;
                }
                Some(all)
            }
            TypeExpr::Ref { path, .. } if matches!(self.named(ctx, path), Named::Bound(_)) => {
                match self.named(ctx, path) {
                    Named::Bound(Bound::Type(ty, bound_ctx)) => self.is_object(&bound_ctx, ty),
                    Named::Bound(Bound::Elements(_)) => Some(true),
                    _ => Some(false),
                }
            }
            _ => self.object_fields(ctx, ty).map(|_| true),
        }
    }

    /// The elements of a tuple type of known length, spreads expanded, each in its context.
    pub(super) fn tuple_view(
        &mut self,
        ctx: &Ctx,
        ty: &'d TypeExpr,
    ) -> Option<Vec<(&'d TypeExpr, Ctx)>> {
        self.deeper(|this| match ty {
            TypeExpr::Tuple(elements) => {
                let mut out = Vec::new();
                for element in elements {
                    if element.optional && !element.rest {
                        return None;
                    }
                    if element.rest {
                        out.extend(this.spread(ctx, &element.ty)?);
                    } else {
                        out.push((&element.ty, ctx.clone()));
                    }
                }
                Some(out)
            }
            TypeExpr::Ref { path, .. } => match this.named(ctx, path) {
                Named::Bound(Bound::Type(ty, bound_ctx)) => this.tuple_view(&bound_ctx, ty),
                Named::Bound(Bound::Elements(elements)) => Some(elements),
                _ => None,
            },
            _ => None,
        })
    }

    /// What `...ty` in a tuple stands for, when it is a tuple of known length.
    fn spread(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<Vec<(&'d TypeExpr, Ctx)>> {
        self.tuple_view(ctx, ty)
    }

    /// The type of the member `key` of `object` (`T['k']`, `T[number]`), in the context it
    /// was written in.
    pub(super) fn member_type(
        &mut self,
        ctx: &Ctx,
        object: &'d TypeExpr,
        key: &'d TypeExpr,
    ) -> Option<(&'d TypeExpr, Ctx)> {
        self.deeper(|this| match this.member_key(ctx, key)? {
            Member::Element => this.element_type(ctx, object),
            Member::Field(name) => {
                let fields = this.object_fields(ctx, object)?;
                let field = fields
                    .iter()
                    .rev()
                    .find(|f| !f.index && f.name == name)
                    .or_else(|| fields.iter().find(|f| f.index))?;
                Some((field.ty, field.ctx.clone()))
            }
        })
    }

    /// The element type of an array or tuple type.
    fn element_type(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<(&'d TypeExpr, Ctx)> {
        match ty {
            TypeExpr::Array(element) => Some((element, ctx.clone())),
            TypeExpr::Tuple(elements) if elements.len() == 1 => {
                Some((&elements[0].ty, ctx.clone()))
            }
            TypeExpr::Ref { path, args, .. }
                if matches!(&path[..], [name] if name == "Array" || name == "ReadonlyArray")
                    && matches!(self.named(ctx, path), Named::Unknown) =>
            {
                Some((args.first()?, ctx.clone()))
            }
            _ => {
                let (next, next_ctx) = self.unfold(ctx, ty)?;
                // Through `element_of`: an alias of itself must end.
                self.element_of(&next_ctx, next)
            }
        }
    }

    /// The declared type of the value `path` (for `typeof path` written in `ctx`), with the
    /// context it is written in: its own file and namespace, binding nothing.
    pub(super) fn value(&self, ctx: &Ctx, path: &[String]) -> Option<(&'d TypeExpr, Ctx)> {
        let value = self.resolver.resolve_value(ctx.file, &ctx.ns, path)?;
        Some((value.ty, Ctx { file: value.file, ns: value.ns, erased: Vec::new(), env: 0 }))
    }

    /// One step towards what `ty` stands for: the type a bound parameter is bound to, an
    /// alias's body with its parameters bound, a value's declared type for `typeof`.
    pub(super) fn unfold(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<(&'d TypeExpr, Ctx)> {
        match ty {
            TypeExpr::TypeOf(path, _) => self.value(ctx, path),
            TypeExpr::Ref { path, args, .. } => match self.named(ctx, path) {
                Named::Bound(Bound::Type(ty, bound_ctx)) => Some((ty, bound_ctx)),
                Named::Declared(found) => {
                    let (file, symbol) = (found.file, found.symbol.clone());
                    let (aliased, params) = symbol.alias?;
                    Some((aliased, self.instantiate(ctx, file, &symbol.ns, params, args)))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The elements of a tuple type, looked up through `typeof`, aliases and bindings.
    pub(super) fn tuple_of(
        &mut self,
        ctx: &Ctx,
        ty: &'d TypeExpr,
    ) -> Option<(&'d [TupleElement], Ctx)> {
        self.deeper(|this| match ty {
            TypeExpr::Tuple(elements) => Some((&elements[..], ctx.clone())),
            _ => {
                let (next, next_ctx) = this.unfold(ctx, ty)?;
                this.tuple_of(&next_ctx, next)
            }
        })
    }

    /// One step of an indexed access: `number` is the element, a single literal a property.
    pub(super) fn member_key(&mut self, ctx: &Ctx, key: &'d TypeExpr) -> Option<Member> {
        if matches!(key, TypeExpr::Number) {
            return Some(Member::Element);
        }
        match &self.literal_keys(ctx, key)?[..] {
            [single] => Some(Member::Field(single.name.clone())),
            _ => None,
        }
    }
}

impl Builder<'_, '_> {
    /// The literal value a type stands for when it is one string (a literal, or a string enum
    /// member).
    pub(super) fn string_literal(&self, ctx: &Ctx, ty: &TypeExpr) -> Option<String> {
        match ty {
            TypeExpr::Literal(Literal::String(value)) => Some(value.clone()),
            TypeExpr::Ref { path, .. } => match self.named(ctx, path) {
                Named::EnumMember(_, EnumValue::String(value)) => Some(value.clone()),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The fields of an object type that always hold one of a few literal values: by wire name,
/// each value with the name it is written with (`GuildText` of `ChannelType.GuildText`).
pub(super) type Tags = BTreeMap<String, BTreeMap<TagValue, String>>;

impl<'d> Builder<'_, 'd> {
    /// The required fields of literal types that every value of `ty` has, with the values
    /// each may hold, when `ty` is an object type, evaluated through aliases, bindings,
    /// intersections (a field of several members holds what each allows), unions (what every
    /// member has, with the values of all), `Omit`, `Pick` and the other object utilities.
    /// Sound rather than complete: a field left out only loses a way to tell members apart.
    pub(super) fn member_tags(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<Tags> {
        self.deeper(|this| this.member_tags_inner(ctx, ty))
    }

    fn member_tags_inner(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<Tags> {
        match ty {
            TypeExpr::Union(members) => {
                let mut merged: Option<Tags> = None;
                for member in members {
                    if matches!(member, TypeExpr::Null | TypeExpr::Undefined) {
                        return None;
                    }
                    let tags = self.member_tags(ctx, member)?;
                    merged = Some(match merged {
                        None => tags,
                        Some(mut all) => {
                            all.retain(|field, _| tags.contains_key(field));
                            for (field, values) in &mut all {
                                values.extend(tags[field].clone());
                            }
                            all
                        }
                    });
                }
                merged
            }
            TypeExpr::Intersection(members) => {
                let mut all = Tags::new();
                for member in members {
                    for (field, values) in self.member_tags(ctx, member)? {
                        match all.entry(field) {
                            Entry::Vacant(entry) => {
                                entry.insert(values);
                            }
                            Entry::Occupied(mut entry) => {
                                entry.get_mut().retain(|value, _| values.contains_key(value))
                            }
                        }
                    }
                }
                Some(all)
            }
            TypeExpr::Index { object, key, .. } => {
                let (member, member_ctx) = self.member_type(ctx, object, key)?;
                self.member_tags(&member_ctx, member)
            }
            TypeExpr::Conditional(conditional) => {
                let (branch, branch_ctx) = self.decide(ctx, conditional)?;
                self.member_tags(&branch_ctx, branch)
            }
            TypeExpr::Ref { path, args, .. } => {
                if let Named::Utility(utility) = self.named(ctx, path) {
                    return self.utility_tags(ctx, utility, args);
                }
                match self.unfold(ctx, ty) {
                    Some((next, next_ctx)) => self.member_tags(&next_ctx, next),
                    None => self.field_tags(ctx, ty),
                }
            }
            TypeExpr::TypeOf(..) => {
                let (next, next_ctx) = self.unfold(ctx, ty)?;
                self.member_tags(&next_ctx, next)
            }
            _ => self.field_tags(ctx, ty),
        }
    }

    /// The tags of an object utility type, its argument's tags kept or dropped by key (so a
    /// union argument keeps the values of each member).
    fn utility_tags(&mut self, ctx: &Ctx, utility: Utility, args: &'d [TypeExpr]) -> Option<Tags> {
        match (utility, args) {
            (Utility::Partial, [_]) => Some(Tags::new()),
            (
                Utility::Required | Utility::Readonly | Utility::NonNullable | Utility::Identity,
                [t],
            ) => self.member_tags(ctx, t),
            (Utility::Pick | Utility::Omit, [t, keys]) => {
                let keys = match self.literal_keys(ctx, keys) {
                    Some(keys) => keys,
                    // `Omit<T, string>` leaves every field; `Pick<T, string>` none we know of.
                    None if utility == Utility::Omit => vec![],
                    None => return Some(Tags::new()),
                };
                let mut tags = self.member_tags(ctx, t)?;
                let pick = utility == Utility::Pick;
                tags.retain(|field, _| keys.iter().any(|k| k.name == *field) == pick);
                Some(tags)
            }
            _ => self.field_tags_of_ref(ctx, utility, args),
        }
    }

    /// The tags of a `Record` and other utilities evaluated to fields.
    fn field_tags_of_ref(
        &mut self,
        ctx: &Ctx,
        utility: Utility,
        args: &'d [TypeExpr],
    ) -> Option<Tags> {
        let fields = self.utility_fields(ctx, utility, args)?;
        Some(self.tags_of_fields(&fields))
    }

    /// The tags of an object type evaluated to its fields.
    fn field_tags(&mut self, ctx: &Ctx, ty: &'d TypeExpr) -> Option<Tags> {
        let fields = self.object_fields(ctx, ty)?;
        Some(self.tags_of_fields(&fields))
    }

    /// The required fields of literal types among `fields` (a redeclared field as declared
    /// last).
    fn tags_of_fields(&mut self, fields: &[ContextField<'d>]) -> Tags {
        let mut last: BTreeMap<&str, &ContextField<'d>> = BTreeMap::new();
        for field in fields.iter().filter(|f| !f.index) {
            last.insert(&field.name, field);
        }
        let mut tags = Tags::new();
        for (name, field) in last {
            if field.optional {
                continue;
            }
            if let Some(values) = self.tag_values(&field.ctx, field.ty) {
                if !values.is_empty() {
                    tags.insert(name.to_owned(), values);
                }
            }
        }
        tags
    }

    /// The literal values `ty` stands for (string, integer and boolean literals, enum members,
    /// a whole enum, unions of them), each with the name it is written with; `None` when it
    /// allows other values.
    pub(super) fn tag_values(
        &mut self,
        ctx: &Ctx,
        ty: &'d TypeExpr,
    ) -> Option<BTreeMap<TagValue, String>> {
        self.deeper(|this| this.tag_values_inner(ctx, ty))
    }

    fn tag_values_inner(
        &mut self,
        ctx: &Ctx,
        ty: &'d TypeExpr,
    ) -> Option<BTreeMap<TagValue, String>> {
        let one = |value: TagValue, name: &str| Some(BTreeMap::from([(value, name.to_owned())]));
        match ty {
            TypeExpr::Literal(Literal::String(s)) => one(TagValue::String(s.clone()), s),
            TypeExpr::Literal(Literal::Number(n)) => one(TagValue::Integer(n.parse().ok()?), n),
            TypeExpr::Literal(Literal::Bool(b)) => one(TagValue::Bool(*b), &b.to_string()),
            TypeExpr::Boolean => Some(BTreeMap::from([
                (TagValue::Bool(false), "false".to_owned()),
                (TagValue::Bool(true), "true".to_owned()),
            ])),
            TypeExpr::Union(members) => {
                let mut values = BTreeMap::new();
                for member in members {
                    values.extend(self.tag_values(ctx, member)?);
                }
                Some(values)
            }
            TypeExpr::Ref { path, .. } => match self.named(ctx, path) {
                Named::EnumMember(_, value) => {
                    let name = path.last()?;
                    one(enum_tag(value)?, name)
                }
                Named::Declared(found) if found.symbol.members.is_some() => {
                    let members = found.symbol.members?;
                    members.iter().map(|m| Some((enum_tag(&m.value)?, m.name.clone()))).collect()
                }
                _ => {
                    let (next, next_ctx) = self.unfold(ctx, ty)?;
                    self.tag_values(&next_ctx, next)
                }
            },
            TypeExpr::TypeOf(..) => {
                let (next, next_ctx) = self.unfold(ctx, ty)?;
                self.tag_values(&next_ctx, next)
            }
            TypeExpr::Index { object, key, .. } => {
                let (member, member_ctx) = self.member_type(ctx, object, key)?;
                self.tag_values(&member_ctx, member)
            }
            TypeExpr::Conditional(conditional) => {
                let (branch, branch_ctx) = self.decide(ctx, conditional)?;
                self.tag_values(&branch_ctx, branch)
            }
            _ => None,
        }
    }
}

/// The tag value of an enum member.
fn enum_tag(value: &EnumValue) -> Option<TagValue> {
    match value {
        EnumValue::String(s) => Some(TagValue::String(s.clone())),
        EnumValue::Number(n) => n.parse().ok().map(TagValue::Integer),
        EnumValue::Computed => None,
    }
}

/// The kind of a primitive or literal type: 0 a string, 1 a number, 2 a boolean.
fn primitive_kind(ty: &TypeExpr) -> Option<u8> {
    match ty {
        TypeExpr::String | TypeExpr::OpenString | TypeExpr::Literal(Literal::String(_)) => Some(0),
        TypeExpr::Number | TypeExpr::BigInt | TypeExpr::Literal(Literal::Number(_)) => Some(1),
        TypeExpr::Boolean | TypeExpr::Literal(Literal::Bool(_)) => Some(2),
        _ => None,
    }
}

/// The key an enum member's value stands for.
fn enum_key<'d>(value: &EnumValue) -> Option<Key<'d>> {
    match value {
        EnumValue::String(s) | EnumValue::Number(s) => Some(Key::literal(s.clone())),
        EnumValue::Computed => None,
    }
}
