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
    // Each round may make more types identical (their fields now name the same alias
    // targets); a new alias always points at a type earlier in the walk, so rounds end.
    loop {
        let mut first: FxHashMap<(Option<Vec<String>>, Key), ItemPath> = FxHashMap::default();
        let mut found = Vec::new();
        walk(root, &mut Vec::new(), &mut |path, kind, ts_path, deprecated| {
            let nested = anonymous.contains(&path) || ts_path.contains('.');
            if !nested || aliased.contains_key(&path) {
                return;
            }
            let Some(key) = key(kind, &aliased, config.is_non_exhaustive(ts_path), deprecated)
            else {
                return;
            };
            // With `module_features`, within one unit: an alias into another would make the
            // units depend on each other where their declarations do not.
            let unit = units.as_ref().and_then(|units| unit_of(units, &path.modules));
            let key = (unit.map(<[String]>::to_vec), key);
            match first.entry(key) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    found.push((path, e.get().clone()))
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(path);
                }
            }
        });
        if found.is_empty() {
            break;
        }
        aliased.extend(found);
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

/// The [`Key`] of an item, or `None` for a type that is never merged (generic structs,
/// aliases, traits, re-exports).
fn key(
    kind: &ItemKind,
    aliased: &FxHashMap<ItemPath, ItemPath>,
    non_exhaustive: bool,
    deprecated: bool,
) -> Option<Key> {
    match kind {
        ItemKind::Struct(s) if s.type_params.is_empty() => {}
        ItemKind::Enum(_) => {}
        _ => return None,
    }
    let mut kind = kind.clone();
    kind.for_each_type_mut(&mut |ty| resolve(ty, aliased));
    Some((non_exhaustive, deprecated, kind))
}

/// `ty` with every reference to an aliased type replaced by its target's.
fn resolve(ty: &mut RustType, aliased: &FxHashMap<ItemPath, ItemPath>) {
    if let RustType::Item(path, _) = ty {
        if let Some(target) = target(path, aliased) {
            *path = target.clone();
        }
    }
    for child in ty.children_mut() {
        resolve(child, aliased);
    }
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
