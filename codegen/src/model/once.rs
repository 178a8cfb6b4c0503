//! Structurally identical anonymous types are defined once.
//!
//! Real declarations repeat whole trees of inline object types: openai's streaming and
//! non-streaming params each declare the same nested options, and one inline `{ type:
//! 'agent'; … }` shape can stand at a hundred places. Each copy costs the user's rustc its
//! derives (serde's visitors type-checked and borrow-checked once per copy) while the types
//! are the same. So the first of a group, in output order, keeps its definition, and every
//! other place keeps its own name as an alias of it (`pub type Agent = super::…::Agent;`):
//! code written against any place compiles as before, and reads and writes the same JSON.
//!
//! With `module_features`, types merge only within one feature's unit (see
//! [`super::features`]), so no unit comes to depend on another that its declarations do not
//! use. Only nested types are merged: anonymous ones (named after their place) and those declared
//! inside a namespace (`namespace ResponseItem { interface Agent {…} }`, how SDK generators
//! spell a nested object). Top-level declarations stay distinct types, as their authors
//! declared them. Two types are
//! identical when their fields or variants are, wire names and docs included, with the types
//! they refer to compared after this pass's own aliases (so nested trees merge from the
//! leaves up), and when the path-based settings that emit applies agree
//! (`non_exhaustive`) and so does their deprecation. The item's own docs, which are its
//! place's, stay with each alias.

use super::features::{unit_of, unit_paths};
use super::rust::{ItemKind, ItemPath, Module, RustType};
use crate::config::Config;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::hash_map::Entry;

/// Turns every nested struct or enum (anonymous ones are in `anonymous`) identical to an
/// earlier one into an alias of it; returns how many became aliases.
pub(super) fn define_once(
    root: &mut Module,
    anonymous: &FxHashSet<ItemPath>,
    config: &Config,
) -> usize {
    let units = config.module_features.then(|| unit_paths(root));
    // Types are compared through the aliases the model has already (a shared enum's
    // place-named aliases), then through the ones made here.
    let mut aliased: FxHashMap<ItemPath, ItemPath> = FxHashMap::default();
    walk(root, &mut Vec::new(), &mut |path, kind, _, _| {
        if let ItemKind::Alias(RustType::Item(target, args)) = kind {
            if args.is_empty() {
                aliased.insert(path, target.clone());
            }
        }
    });
    let existing = aliased.len();
    // Every candidate is keyed once; a later round re-keys only the candidates whose key names
    // a type that the round before made an alias (re-keying them all each round was a fifth of
    // a run on openai's SDK).
    let mut candidates = Vec::new();
    walk(root, &mut Vec::new(), &mut |path, kind, ts_path, deprecated| {
        let nested = anonymous.contains(&path) || ts_path.contains('.');
        if !nested || aliased.contains_key(&path) {
            return;
        }
        let Some(key) = key(kind, config.is_non_exhaustive(ts_path), deprecated) else {
            return;
        };
        // With `module_features`, within one unit: an alias into another would make the
        // units depend on each other where their declarations do not.
        let unit = units.as_ref().and_then(|units| unit_of(units, &path.modules));
        let key = Some((unit.map(<[String]>::to_vec), key));
        candidates.push(Candidate { path, key });
    });
    // The candidates whose key names each type, and the first candidate (in output order) of
    // each key among those that are not aliases.
    let mut users: FxHashMap<ItemPath, Vec<usize>> = FxHashMap::default();
    let mut first: FxHashMap<(Option<Vec<String>>, Key), usize> = FxHashMap::default();
    let mut changed: Vec<usize> = (0..candidates.len()).collect();
    // Each round may make more types identical (their fields now name the same alias
    // targets); a new alias always points at a type earlier in the walk, so rounds end.
    while !changed.is_empty() {
        changed.sort_unstable();
        changed.dedup();
        // Out of the table under its old key first, so no new key meets a stale one.
        for &index in &changed {
            let Some(key) = candidates[index].key.as_mut() else { continue };
            if first.get(&*key) == Some(&index) {
                first.remove(&*key);
            }
            let (_, (_, _, kind)) = key;
            kind.for_each_type_mut(&mut |ty| {
                resolve(ty, &aliased, &mut |path| match users.get_mut(path) {
                    Some(users) => users.push(index),
                    None => drop(users.insert(path.clone(), vec![index])),
                })
            });
        }
        let mut found = Vec::new();
        for &index in &changed {
            let Some(key) = &candidates[index].key else { continue };
            match first.entry(key.clone()) {
                Entry::Vacant(e) => {
                    e.insert(index);
                }
                Entry::Occupied(mut e) => {
                    // The earlier of the two stays; the later one becomes its alias.
                    let (keep, alias) = (index.min(*e.get()), index.max(*e.get()));
                    e.insert(keep);
                    candidates[alias].key = None;
                    found.push((alias, keep));
                }
            }
        }
        changed.clear();
        for (alias, keep) in found {
            let path = candidates[alias].path.clone();
            changed.extend(users.get(&path).into_iter().flatten());
            aliased.insert(path, candidates[keep].path.clone());
        }
    }
    let count = aliased.len() - existing;
    if count > 0 {
        apply(root, &mut Vec::new(), &aliased);
    }
    count
}

/// Calls `f` with the path, kind, TypeScript path and deprecation of every item, in output
/// order (a module's items, then its children).
fn walk(
    module: &Module,
    path: &mut Vec<String>,
    f: &mut impl FnMut(ItemPath, &ItemKind, &str, bool),
) {
    for item in &module.items {
        let item_path = ItemPath { modules: path.clone(), name: item.name.clone() };
        f(item_path, &item.kind, &item.ts_path, item.docs.deprecated.is_some());
    }
    for child in &module.modules {
        path.push(child.name.clone());
        walk(child, path, f);
        path.pop();
    }
}

/// What two identical types share: whether each is `#[non_exhaustive]` and deprecated, and
/// the item with every merged type it names replaced by its target.
type Key = (bool, bool, ItemKind);

/// The [`Key`] of an item before its types are resolved, or `None` for a type that is never
/// merged (generic structs, aliases, traits, re-exports).
fn key(kind: &ItemKind, non_exhaustive: bool, deprecated: bool) -> Option<Key> {
    match kind {
        ItemKind::Struct(s) if s.type_params.is_empty() => {}
        ItemKind::Enum(_) => {}
        _ => return None,
    }
    Some((non_exhaustive, deprecated, kind.clone()))
}

/// `ty` with every reference to an aliased type replaced by its target's; `named` is called
/// with each type it then names.
fn resolve(
    ty: &mut RustType,
    aliased: &FxHashMap<ItemPath, ItemPath>,
    named: &mut impl FnMut(&ItemPath),
) {
    if let RustType::Item(path, _) = ty {
        if let Some(target) = target(path, aliased) {
            *path = target.clone();
        }
        named(path);
    }
    for child in ty.children_mut() {
        resolve(child, aliased, named);
    }
}

/// A nested struct or enum that may be merged, and its [`Key`] in its unit (`None` once it is
/// an alias).
struct Candidate {
    path: ItemPath,
    key: Option<(Option<Vec<String>>, Key)>,
}

/// The type that `path` is finally an alias of, if it became one.
fn target<'a>(path: &ItemPath, aliased: &'a FxHashMap<ItemPath, ItemPath>) -> Option<&'a ItemPath> {
    let mut at = aliased.get(path)?;
    while let Some(next) = aliased.get(at) {
        at = next;
    }
    Some(at)
}

/// Replaces every struct or enum that became an alias by an alias of its final target (the
/// model's own aliases stay as they are).
fn apply(module: &mut Module, path: &mut Vec<String>, aliased: &FxHashMap<ItemPath, ItemPath>) {
    for item in &mut module.items {
        if !matches!(item.kind, ItemKind::Struct(_) | ItemKind::Enum(_)) {
            continue;
        }
        let item_path = ItemPath { modules: path.clone(), name: item.name.clone() };
        if let Some(target) = target(&item_path, aliased) {
            item.kind = ItemKind::Alias(RustType::Item(target.clone(), vec![]));
        }
    }
    for child in &mut module.modules {
        path.push(child.name.clone());
        apply(child, path, aliased);
        path.pop();
    }
}
