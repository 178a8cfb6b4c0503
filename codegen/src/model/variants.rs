//! Untagged unions that read a value as the member TypeScript would, keeping every key.
//!
//! serde reads an untagged enum by trying its variants in order: the first that reads wins.
//! A TypeScript union is unordered, and a value belongs to every member it is assignable to.
//! Two things make serde's first choice differ from TypeScript's, and lose keys on the way:
//!
//! - a variant that reads a value TypeScript's member would reject: a required `a: T | null`
//!   whose key is missing (serde's derive reads a missing `Option` as `None`), or a key the
//!   member declares `?: never` (the `OneOf`/`XOR` helpers of openapi-typescript write the
//!   other members' keys so). In a struct read as a variant of an untagged union, the first
//!   becomes a field that must be present and the second a `()` field that fails to read
//!   when its key is there ([`Field::present`], [`Field::absent`]); elsewhere nothing chooses
//!   between variants, so those structs read as before and keep no `?: never` fields;
//! - a variant that TypeScript accepts too but that declares fewer keys than a later one
//!   (`{ ref_name? }` before `{ ref_name?, repository_name }`): such variants move after
//!   every variant whose keys all include theirs, the declared order kept otherwise.

use super::rust::{Field, Item, ItemKind, ItemPath, Module, RustType, VariantKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;

/// Marks the fields of the structs read as untagged variants, drops `?: never` fields from
/// the others and orders every untagged enum's variants from the most keys to the fewest
/// where one's keys include another's.
pub(super) fn settle(root: &mut Module) {
    let mut items: FxHashMap<ItemPath, &Item> = FxHashMap::default();
    collect(root, &mut Vec::new(), &mut items);
    let mut variants: FxHashSet<ItemPath> = FxHashSet::default();
    let mut orders: FxHashMap<ItemPath, Vec<usize>> = FxHashMap::default();
    for (path, item) in &items {
        let ItemKind::Enum(e) = &item.kind else { continue };
        let untagged: Vec<(usize, &RustType)> = e
            .variants
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match &v.kind {
                VariantKind::Untagged(ty) => Some((i, ty)),
                _ => None,
            })
            .collect();
        for (_, ty) in &untagged {
            if let Some(struct_path) = structure(ty, &items, 0) {
                variants.insert(struct_path);
            }
        }
        let shapes: Vec<Option<Vec<BTreeSet<&str>>>> =
            untagged.iter().map(|(_, ty)| shapes(ty, &items, 0)).collect();
        let order = order(&shapes);
        if order.iter().enumerate().any(|(at, &i)| at != i) {
            let slots: Vec<usize> = untagged.iter().map(|(i, _)| *i).collect();
            let mut permutation: Vec<usize> = (0..e.variants.len()).collect();
            for (slot, &from) in slots.iter().zip(&order) {
                permutation[*slot] = slots[from];
            }
            orders.insert(path.clone(), permutation);
        }
    }
    apply(root, &mut Vec::new(), &variants, &mut orders);
}

/// Every item by its path.
fn collect<'m>(
    module: &'m Module,
    path: &mut Vec<String>,
    out: &mut FxHashMap<ItemPath, &'m Item>,
) {
    for item in &module.items {
        out.insert(ItemPath { modules: path.clone(), name: item.name.clone() }, item);
    }
    for child in &module.modules {
        path.push(child.name.clone());
        collect(child, path, out);
        path.pop();
    }
}

/// The longest chain of aliases followed (a cycle of aliases holds no struct).
const MAX_ALIASES: usize = 64;

/// The struct a variant's payload reads, through `Box`es, aliases and re-exports.
fn structure(ty: &RustType, items: &FxHashMap<ItemPath, &Item>, depth: usize) -> Option<ItemPath> {
    match ty {
        RustType::Boxed(inner) => structure(inner, items, depth),
        RustType::Item(path, _) if depth < MAX_ALIASES => {
            let (path, item) = items.get_key_value(path)?;
            match &item.kind {
                ItemKind::Struct(_) => Some(path.clone()),
                ItemKind::Alias(target) => structure(target, items, depth + 1),
                ItemKind::Reexport(target) => {
                    structure(&RustType::Item(target.clone(), vec![]), items, depth + 1)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The key sets of the objects a payload reads: one for a struct, one per member for an
/// untagged enum of such payloads; `None` for anything else (a string, an array, a map).
fn shapes<'m>(
    ty: &RustType,
    items: &FxHashMap<ItemPath, &'m Item>,
    depth: usize,
) -> Option<Vec<BTreeSet<&'m str>>> {
    match ty {
        RustType::Boxed(inner) => shapes(inner, items, depth),
        RustType::Item(path, _) if depth < MAX_ALIASES => {
            let item = items.get(path)?;
            match &item.kind {
                ItemKind::Struct(s) => Some(vec![s
                    .fields
                    .iter()
                    .filter(|f| !f.flatten && !f.absent)
                    .map(|f| f.wire.as_str())
                    .collect()]),
                ItemKind::Enum(e)
                    if e.variants.iter().all(|v| matches!(v.kind, VariantKind::Untagged(_))) =>
                {
                    let mut all = Vec::new();
                    for payload in e.payloads() {
                        all.extend(shapes(payload, items, depth + 1)?);
                    }
                    (!all.is_empty()).then_some(all)
                }
                ItemKind::Alias(target) => shapes(target, items, depth + 1),
                ItemKind::Reexport(target) => {
                    shapes(&RustType::Item(target.clone(), vec![]), items, depth + 1)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether every object `looser` reads has fewer keys than every object `richer` reads, all of
/// them among the richer one's: a value both read keeps more as `richer`.
fn is_looser(looser: &[BTreeSet<&str>], richer: &[BTreeSet<&str>]) -> bool {
    looser.iter().all(|a| richer.iter().all(|b| a.len() < b.len() && a.is_subset(b)))
}

/// The order to try the variants in: declared order, except that a variant comes after every
/// variant it [`is_looser`] than (a stable topological order, so the same input gives the
/// same output).
fn order(shapes: &[Option<Vec<BTreeSet<&str>>>]) -> Vec<usize> {
    let n = shapes.len();
    // `before[j]`: the variants that wait for `j`; `waiting[i]`: how many `i` waits for.
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting = vec![0usize; n];
    for (i, a) in shapes.iter().enumerate() {
        let Some(a) = a else { continue };
        for (j, b) in shapes.iter().enumerate() {
            let Some(b) = b else { continue };
            if i != j && is_looser(a, b) {
                before[j].push(i);
                waiting[i] += 1;
            }
        }
    }
    let mut done = vec![false; n];
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let Some(next) = (0..n).find(|&i| !done[i] && waiting[i] == 0) else {
            // Cannot happen: being looser is a strict order. Keep the rest as declared.
            out.extend((0..n).filter(|&i| !done[i]));
            break;
        };
        done[next] = true;
        out.push(next);
        for &i in &before[next] {
            waiting[i] -= 1;
        }
    }
    out
}

/// Marks and drops fields, and reorders variants, as decided.
fn apply(
    module: &mut Module,
    path: &mut Vec<String>,
    variants: &FxHashSet<ItemPath>,
    orders: &mut FxHashMap<ItemPath, Vec<usize>>,
) {
    for item in &mut module.items {
        let here = ItemPath { modules: path.clone(), name: item.name.clone() };
        match &mut item.kind {
            ItemKind::Struct(s) if variants.contains(&here) => {
                for field in &mut s.fields {
                    field.present = must_be_present(field);
                }
            }
            ItemKind::Struct(s) => s.fields.retain(|f| !f.absent),
            ItemKind::Enum(e) => {
                if let Some(permutation) = orders.remove(&here) {
                    let mut old: Vec<Option<_>> =
                        std::mem::take(&mut e.variants).into_iter().map(Some).collect();
                    e.variants = permutation.iter().filter_map(|&i| old[i].take()).collect();
                }
            }
            _ => {}
        }
    }
    for child in &mut module.modules {
        path.push(child.name.clone());
        apply(child, path, variants, orders);
        path.pop();
    }
}

/// Whether a field is a required `T | null` that serde would read as `None` when its key is
/// missing (a field of a generic parameter keeps serde's own bounds, so it is left as it is).
fn must_be_present(field: &Field) -> bool {
    !field.optional
        && !field.flatten
        && !field.absent
        && matches!(field.ty, RustType::Option(_))
        && !field.ty.mentions_param()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set<'a>(keys: &[&'a str]) -> Option<Vec<BTreeSet<&'a str>>> {
        Some(vec![keys.iter().copied().collect()])
    }

    #[test]
    fn fewer_keys_move_after_more_and_the_rest_keep_their_order() {
        let shapes = vec![
            set(&["a"]),
            None,
            set(&["b"]),
            set(&["a", "c"]),
            Some(vec![["a", "d"].into_iter().collect(), ["a", "e"].into_iter().collect()]),
        ];
        assert_eq!(order(&shapes), vec![1, 2, 3, 4, 0]);
        assert_eq!(order(&[set(&["a"]), set(&["b"])]), vec![0, 1]);
        assert_eq!(order(&[set(&["a", "b"]), set(&["a", "b"])]), vec![0, 1]);
    }
}
