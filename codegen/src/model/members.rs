//! Indexed access types, resolved once every item exists.
//!
//! `components['schemas']['user']` is lowered to [`RustType::MemberOf`]: the item
//! `Components` and the steps `schemas`, `user`. The member's own type was generated where the
//! member is declared; this pass replaces the placeholder with that type, so the access refers
//! to it instead of generating a copy.

use super::rust::{ItemKind, ItemPath, Member, Module, RustType};
use crate::diagnostics::Diagnostic;
use rustc_hash::FxHashMap;

/// How many accesses may lead to one another (an alias of an access of an alias …) before
/// the chain is taken for a cycle.
const MAX_STEPS: usize = 64;

/// What an access can step into.
enum Target {
    /// A struct's fields by wire name (optional fields are their value type), and the value
    /// type of its index signature.
    Struct { fields: FxHashMap<String, RustType>, extra: Option<RustType> },
    /// An alias's target.
    Alias(RustType),
}

/// Replaces every [`RustType::MemberOf`] in `root` with the member's type; an access that
/// names no member becomes `serde_json::Value`, with a warning. A member may be nullable
/// where the access was made nullable again (`T['k'] | null`): `Option`s that meet are
/// merged, and an optional field's own `Option` becomes its nullability, as for `a?: T | null`
/// (`collapse_null` as configured).
pub(super) fn resolve_members(
    root: &mut Module,
    warnings: &mut Vec<Diagnostic>,
    collapse_null: bool,
) {
    let mut targets = FxHashMap::default();
    collect(root, &mut Vec::new(), &mut targets);
    let mut failed = Vec::new();
    root.for_each_type_mut(&mut |ty| {
        if contains_access(ty) {
            resolve_in(ty, &targets, &mut failed, &mut Vec::new());
            merge_options(ty);
        }
    });
    normalize_fields(root, collapse_null);
    failed.sort();
    failed.dedup();
    for access in failed {
        warnings.push(
            Diagnostic::warning(
                format!("the indexed access {access}; it is mapped to `serde_json::Value`"),
                None,
            )
            .with_help("check the property names of the access against the declaration"),
        );
    }
}

/// Whether `ty` holds an indexed access anywhere.
fn contains_access(ty: &mut RustType) -> bool {
    matches!(ty, RustType::MemberOf(..)) || ty.children_mut().any(contains_access)
}

/// `Option<Option<T>>` anywhere in `ty` becomes `Option<T>`: inside a type, JSON has one
/// `null`.
fn merge_options(ty: &mut RustType) {
    while let RustType::Option(inner) = ty {
        if !matches!(**inner, RustType::Option(_)) {
            break;
        }
        *ty = std::mem::replace(&mut **inner, RustType::Unit);
    }
    for child in ty.children_mut() {
        merge_options(child);
    }
}

/// A field whose type came out as an `Option` where the field is optional or nullable
/// already: the `Option` is the field's nullability.
fn normalize_fields(module: &mut Module, collapse_null: bool) {
    for item in &mut module.items {
        let ItemKind::Struct(s) = &mut item.kind else { continue };
        for field in &mut s.fields {
            let RustType::Option(inner) = &field.ty else { continue };
            if field.nullable {
                field.ty = (**inner).clone();
            } else if field.optional {
                field.ty = (**inner).clone();
                field.nullable = !collapse_null;
            }
        }
    }
    for child in &mut module.modules {
        normalize_fields(child, collapse_null);
    }
}

fn collect(module: &Module, path: &mut Vec<String>, out: &mut FxHashMap<ItemPath, Target>) {
    for item in &module.items {
        let target = match &item.kind {
            ItemKind::Struct(s) => {
                let mut fields = FxHashMap::default();
                let mut extra = None;
                for field in &s.fields {
                    if field.flatten {
                        if let RustType::Map(value) = &field.ty {
                            extra = Some((**value).clone());
                        }
                        continue;
                    }
                    let ty = if field.nullable {
                        RustType::Option(Box::new(field.ty.clone()))
                    } else {
                        field.ty.clone()
                    };
                    fields.insert(field.wire.clone(), ty);
                }
                Target::Struct { fields, extra }
            }
            ItemKind::Alias(ty) => Target::Alias(ty.clone()),
            _ => continue,
        };
        out.insert(ItemPath { modules: path.clone(), name: item.name.clone() }, target);
    }
    for child in &module.modules {
        path.push(child.name.clone());
        collect(child, path, out);
        path.pop();
    }
}

/// Resolves the accesses in `ty` and in the types nested in it. `active` holds the accesses
/// being resolved further up: one met again inside its own type (`id: [T['id'], …]`, which
/// `tsc` rejects as circular) would grow without end, so it is any JSON value.
fn resolve_in(
    ty: &mut RustType,
    targets: &FxHashMap<ItemPath, Target>,
    failed: &mut Vec<String>,
    active: &mut Vec<(ItemPath, Vec<Member>)>,
) {
    let mut entered = false;
    if let RustType::MemberOf(item, steps) = ty {
        let access = (item.clone(), steps.clone());
        let circular = active.contains(&access);
        let resolved = if circular { None } else { resolve(item, steps, targets, 0) };
        *ty = match resolved {
            Some(found) => {
                active.push(access);
                entered = true;
                found
            }
            None => {
                let why = if circular { "is part of its own type" } else { "names no member" };
                failed.push(format!("`{}` {why}", describe(item, steps)));
                RustType::Json
            }
        };
    }
    for child in ty.children_mut() {
        resolve_in(child, targets, failed, active);
    }
    if entered {
        active.pop();
    }
}

fn resolve(
    item: &ItemPath,
    steps: &[Member],
    targets: &FxHashMap<ItemPath, Target>,
    depth: usize,
) -> Option<RustType> {
    let mut current = RustType::Item(item.clone(), vec![]);
    for step in steps {
        current = step_into(&current, step, targets, depth)?;
    }
    match current {
        RustType::MemberOf(item, steps) if depth < MAX_STEPS => {
            resolve(&item, &steps, targets, depth + 1)
        }
        RustType::MemberOf(..) => None,
        other => Some(other),
    }
}

/// The type of member `step` of a value of type `ty`.
fn step_into(
    ty: &RustType,
    step: &Member,
    targets: &FxHashMap<ItemPath, Target>,
    depth: usize,
) -> Option<RustType> {
    if depth >= MAX_STEPS {
        return None;
    }
    match (ty, step) {
        (RustType::Option(inner) | RustType::Boxed(inner), _) => {
            step_into(inner, step, targets, depth + 1)
        }
        (RustType::MemberOf(item, steps), _) => {
            let resolved = resolve(item, steps, targets, depth + 1)?;
            step_into(&resolved, step, targets, depth + 1)
        }
        (RustType::Vec(element), Member::Element) => Some((**element).clone()),
        (RustType::Map(value), Member::Field(_)) => Some((**value).clone()),
        (RustType::Item(path, args), _) if args.is_empty() => match (targets.get(path)?, step) {
            (Target::Alias(target), _) => step_into(target, step, targets, depth + 1),
            (Target::Struct { fields, extra }, Member::Field(name)) => {
                fields.get(name).or(extra.as_ref()).cloned()
            }
            (Target::Struct { .. }, Member::Element) => None,
        },
        _ => None,
    }
}

/// `Item['a']['b']`, for messages.
fn describe(item: &ItemPath, steps: &[Member]) -> String {
    let mut text = item.modules.iter().chain([&item.name]).cloned().collect::<Vec<_>>().join("::");
    for step in steps {
        match step {
            Member::Field(name) => text.push_str(&format!("['{name}']")),
            Member::Element => text.push_str("[number]"),
        }
    }
    text
}
