//! Named containers of numbers become newtypes, so they write numbers as JavaScript does.
//!
//! A TypeScript `number` is an `f64`, which serde writes as `1.0`; JavaScript writes `1`. A
//! field or variant holding floats is written through the support module's `Js`, but that
//! needs a place of the generated code's own: a value whose whole type is a std type
//! (`type Languages = { [k: string]: number }` read as a `BTreeMap<String, f64>`, GitHub's
//! `GET /repos/{owner}/{repo}/languages` response) is written by serde alone, as floats. So
//! such an alias becomes a newtype (`pub struct Languages(pub BTreeMap<String, f64>)`) whose
//! own `Serialize` writes through `Js`; it reads as its inner value does and derefs to it.
//!
//! Only containers (vectors, maps, options, tuples) change: an alias of a bare `f64` stays an
//! alias, as a newtype would cost every use arithmetic through `.0` for a value that is
//! never a whole payload in practice (it is written as JavaScript does in every field and
//! variant). An alias whose target is another such newtype, or holds one, stays an alias:
//! that newtype writes its own numbers.

use super::rust::{ItemKind, ItemPath, Module, RustType};
use rustc_hash::{FxHashMap, FxHashSet};

/// Turns every alias of a container holding floats (through other aliases, but not through
/// the newtypes made here) into [`ItemKind::Newtype`]; returns how many.
pub(super) fn settle(root: &mut Module) -> usize {
    let aliases = root.alias_targets();
    let mut decided: FxHashMap<ItemPath, bool> = FxHashMap::default();
    let mut paths: Vec<&ItemPath> = aliases.keys().collect();
    // The order decides nothing (each alias's answer depends only on its own chain), but a
    // sorted walk keeps the recursion's visiting order deterministic.
    paths.sort();
    for path in paths {
        is_newtype(path, &aliases, &mut decided, &mut FxHashSet::default());
    }
    let newtypes: FxHashSet<ItemPath> =
        decided.into_iter().filter(|(_, newtype)| *newtype).map(|(path, _)| path).collect();
    convert(root, &mut Vec::new(), &newtypes);
    newtypes.len()
}

/// Whether the alias at `path` becomes a newtype: its target, with every alias that does not
/// expanded, holds floats inside a container that the support code writes.
fn is_newtype(
    path: &ItemPath,
    aliases: &FxHashMap<ItemPath, RustType>,
    decided: &mut FxHashMap<ItemPath, bool>,
    visiting: &mut FxHashSet<ItemPath>,
) -> bool {
    if let Some(&answer) = decided.get(path) {
        return answer;
    }
    // A cycle of aliases (which the recursion pass has broken with a `Box` or a `Vec`
    // elsewhere) is no container of numbers.
    if !visiting.insert(path.clone()) {
        return false;
    }
    let target = expand(&aliases[path], aliases, decided, visiting);
    let answer = !matches!(target, RustType::F64 | RustType::Verbatim(_))
        && crate::model::rust::writes_js_numbers(&target);
    visiting.remove(path);
    decided.insert(path.clone(), answer);
    answer
}

/// `ty` with every alias that stays an alias replaced by its target.
fn expand(
    ty: &RustType,
    aliases: &FxHashMap<ItemPath, RustType>,
    decided: &mut FxHashMap<ItemPath, bool>,
    visiting: &mut FxHashSet<ItemPath>,
) -> RustType {
    match ty {
        RustType::Item(path, args) if args.is_empty() && aliases.contains_key(path) => {
            if is_newtype(path, aliases, decided, visiting) || visiting.contains(path) {
                ty.clone()
            } else {
                expand(&aliases[path], aliases, decided, visiting)
            }
        }
        other => {
            let mut other = other.clone();
            for child in other.children_mut() {
                *child = expand(child, aliases, decided, visiting);
            }
            other
        }
    }
}

fn convert(module: &mut Module, path: &mut Vec<String>, newtypes: &FxHashSet<ItemPath>) {
    for item in &mut module.items {
        if let ItemKind::Alias(target) = &item.kind {
            let at = ItemPath { modules: path.clone(), name: item.name.clone() };
            if newtypes.contains(&at) {
                item.kind = ItemKind::Newtype(target.clone());
            }
        }
    }
    for child in &mut module.modules {
        path.push(child.name.clone());
        convert(child, path, newtypes);
        path.pop();
    }
}
