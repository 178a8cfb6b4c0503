//! Type aliases that a Rust `type` cannot express become newtypes.
//!
//! Two kinds of alias need a type of their own:
//!
//! - **An alias that refers to itself** (`type Tree = [number, Tree[]]`, `type List = List[]`),
//!   directly or through other aliases. TypeScript allows it, but a Rust type alias is
//!   expanded where it is used, so one that reaches itself is a cycle (E0391) even through a
//!   `Vec`. A struct is nominal: `pub struct Tree(pub (f64, Vec<Tree>))` compiles, and it
//!   reads and writes what the alias would (serde's `transparent`).
//! - **A named container of numbers.** A TypeScript `number` is an `f64`, which serde writes as
//!   `1.0`; JavaScript writes `1`. A field or variant holding floats is written through the
//!   support module's `Js`, but that needs a place of the generated code's own: a value whose
//!   whole type is a std type (`type Languages = { [k: string]: number }` read as a
//!   `BTreeMap<String, f64>`, GitHub's `GET /repos/{owner}/{repo}/languages` response) is
//!   written by serde alone, as floats. As a newtype, its own `Serialize` writes through `Js`.
//!   Only containers (vectors, maps, options, tuples) change: an alias of a bare `f64` stays
//!   an alias, as a newtype would cost every use arithmetic through `.0` for a value that is
//!   never a whole payload in practice (it is written as JavaScript does in every field and
//!   variant). An alias whose target is another such newtype, or holds one, stays an alias:
//!   that newtype writes its own numbers.
//!
//! A newtype reads as its value does and derefs to it. The pass runs before the recursion
//! pass, which boxes a newtype that holds itself by value as it boxes a struct.

use super::rust::{writes_js_numbers, ItemKind, ItemPath, Module, RustType};
use rustc_hash::{FxHashMap, FxHashSet};

/// Turns every alias that refers to itself, and every alias of a container holding floats
/// (through other aliases, but not through the newtypes made here), into
/// [`ItemKind::Newtype`]; returns how many.
pub(super) fn settle(root: &mut Module) -> usize {
    let aliases = root.alias_targets();
    // Sorted, so that every walk below visits in the same order on every run.
    let mut paths: Vec<&ItemPath> = aliases.keys().collect();
    paths.sort();
    let mut newtypes = cyclic(&paths, &aliases);
    let mut decided: FxHashMap<ItemPath, bool> =
        newtypes.iter().map(|path| (path.clone(), true)).collect();
    for path in paths {
        if holds_numbers(path, &aliases, &mut decided) {
            newtypes.insert(path.clone());
        }
    }
    convert(root, &mut Vec::new(), &newtypes);
    newtypes.len()
}

/// The aliases that reach themselves through the aliases their targets mention.
fn cyclic(paths: &[&ItemPath], aliases: &FxHashMap<ItemPath, RustType>) -> FxHashSet<ItemPath> {
    let mentioned = |path: &ItemPath| {
        let mut out = Vec::new();
        mentions(&aliases[path], &mut |p| {
            if aliases.contains_key(p) {
                out.push(p.clone());
            }
        });
        out
    };
    let mut found = FxHashSet::default();
    for &start in paths {
        // A depth-first walk from `start`'s mentions, looking for `start` again.
        let mut seen: FxHashSet<ItemPath> = FxHashSet::default();
        let mut stack = mentioned(start);
        while let Some(path) = stack.pop() {
            if path == *start {
                found.insert(start.clone());
                break;
            }
            if seen.insert(path.clone()) {
                stack.extend(mentioned(&path));
            }
        }
    }
    found
}

/// Calls `found` with every item path `ty` mentions, at any depth (type arguments too).
fn mentions(ty: &RustType, found: &mut impl FnMut(&ItemPath)) {
    if let RustType::Item(path, _) | RustType::MemberOf(path, _) = ty {
        found(path);
    }
    let mut ty = ty.clone();
    for child in ty.children_mut() {
        mentions(child, found);
    }
}

/// Whether the alias at `path` is a container of numbers: its target, with every alias that
/// stays an alias expanded, holds floats inside a container that the support code writes.
/// Cyclic aliases are in `decided` already, so the expansion ends.
fn holds_numbers(
    path: &ItemPath,
    aliases: &FxHashMap<ItemPath, RustType>,
    decided: &mut FxHashMap<ItemPath, bool>,
) -> bool {
    if let Some(&answer) = decided.get(path) {
        return answer;
    }
    let target = expand(&aliases[path], aliases, decided);
    let answer =
        !matches!(target, RustType::F64 | RustType::Verbatim(_)) && writes_js_numbers(&target);
    decided.insert(path.clone(), answer);
    answer
}

/// `ty` with every alias that stays an alias replaced by its target.
fn expand(
    ty: &RustType,
    aliases: &FxHashMap<ItemPath, RustType>,
    decided: &mut FxHashMap<ItemPath, bool>,
) -> RustType {
    match ty {
        RustType::Item(path, args) if args.is_empty() && aliases.contains_key(path) => {
            if holds_numbers(path, aliases, decided) {
                ty.clone()
            } else {
                expand(&aliases[path], aliases, decided)
            }
        }
        other => {
            let mut other = other.clone();
            for child in other.children_mut() {
                *child = expand(child, aliases, decided);
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
