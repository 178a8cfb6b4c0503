//! `export *` from several files that export one name: TypeScript leaves the name out of the
//! re-exporting module (it is ambiguous), Rust rejects the two globs (`ambiguous_glob_reexports`).
//!
//! A module whose globs would bring one name from two different items gets, in place of each
//! glob, a `pub use` of every name that glob brings except the ambiguous ones (and those the
//! module declares itself, which shadow any glob). Modules whose globs do not clash keep them.

use super::jsdoc::Docs;
use super::rust::{Item, ItemKind, ItemPath, Module, ModuleKind};
use std::collections::{BTreeMap, BTreeSet};

/// How deep `export *` chains are followed (a cycle, in practice).
const MAX_GLOB_DEPTH: usize = 16;

/// What a name reaches: the item (or module) it finally stands for.
type Origin = ItemPath;

/// Drops globs that would bring no name: of modules that hold nothing (a file of functions
/// only: its module is not emitted, so `pub use it::*` would name nothing), and those whose
/// every name the module declares itself (a folder whose `index.d.ts` exports only values
/// holds just its files' modules, and the folder's own module shadows the one of the same
/// name); rustc calls both unused. Then replaces clashing globs in every module of `root` by
/// explicit re-exports.
pub(super) fn settle_globs(root: &mut Module) {
    // Dropping one glob can empty the module that held it: repeat until none is left.
    loop {
        let mut empty = Vec::new();
        empty_targets(root, root, &mut empty);
        let shadowed = shadowed_globs(root, root, &mut Vec::new());
        if empty.is_empty() && shadowed.is_empty() {
            break;
        }
        drop_globs(root, &empty);
        for (path, target) in shadowed {
            find_mut(root, &path)
                .items
                .retain(|i| !matches!(&i.kind, ItemKind::ReexportAll(t) if *t == target));
        }
    }
    let plans = plan(root, root, &mut Vec::new());
    for (path, replacements) in plans {
        let module = find_mut(root, &path);
        let mut items = Vec::new();
        for item in std::mem::take(&mut module.items) {
            match &item.kind {
                ItemKind::ReexportAll(target) => {
                    items.extend(replacements.get(target).into_iter().flatten().cloned())
                }
                _ => items.push(item),
            }
        }
        module.items = items;
    }
}

/// The targets of globs in `module` and below that name an empty or missing module.
fn empty_targets(root: &Module, module: &Module, out: &mut Vec<Vec<String>>) {
    for item in &module.items {
        if let ItemKind::ReexportAll(target) = &item.kind {
            if find(root, target).is_none_or(Module::is_empty) {
                out.push(target.clone());
            }
        }
    }
    for child in &module.modules {
        empty_targets(root, child, out);
    }
}

/// The globs in `module` (at `path`) and below whose every name the module holding them
/// declares itself, as (that module's path, the glob's target).
fn shadowed_globs(
    root: &Module,
    module: &Module,
    path: &mut Vec<String>,
) -> Vec<(Vec<String>, Vec<String>)> {
    let local = local_names(module);
    let mut out: Vec<_> = module
        .items
        .iter()
        .filter_map(|item| match &item.kind {
            ItemKind::ReexportAll(target) => Some(target),
            _ => None,
        })
        .filter(|target| exported(root, target, 0).keys().all(|name| local.contains(name.as_str())))
        .map(|target| (path.clone(), target.clone()))
        .collect();
    for child in &module.modules {
        path.push(child.name.clone());
        out.extend(shadowed_globs(root, child, path));
        path.pop();
    }
    out
}

/// Removes every glob of one of `targets`.
fn drop_globs(module: &mut Module, targets: &[Vec<String>]) {
    module.items.retain(|i| !matches!(&i.kind, ItemKind::ReexportAll(t) if targets.contains(t)));
    for child in &mut module.modules {
        drop_globs(child, targets);
    }
}

/// A module with clashing globs: its path and, per glob target, the re-exports that replace
/// that glob.
type Plan = (Vec<String>, BTreeMap<Vec<String>, Vec<Item>>);

/// The plans for `module` and the modules below it.
fn plan(root: &Module, module: &Module, path: &mut Vec<String>) -> Vec<Plan> {
    let mut plans = Vec::new();
    let globs: Vec<&Vec<String>> = module
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::ReexportAll(target) => Some(target),
            _ => None,
        })
        .collect();
    if globs.len() > 1 {
        let local = local_names(module);
        let brought: Vec<BTreeMap<String, Origin>> =
            globs.iter().map(|g| exported(root, g, 0)).collect();
        let mut origins: BTreeMap<&str, BTreeSet<&Origin>> = BTreeMap::new();
        for names in &brought {
            for (name, origin) in names {
                origins.entry(name).or_default().insert(origin);
            }
        }
        let ambiguous: BTreeSet<&str> = origins
            .iter()
            .filter(|(name, o)| o.len() > 1 && !local.contains(**name))
            .map(|(name, _)| *name)
            .collect();
        if !ambiguous.is_empty() {
            let mut taken = BTreeSet::new();
            let mut replacements = BTreeMap::new();
            for (target, names) in globs.iter().zip(&brought) {
                let uses = names
                    .iter()
                    .filter(|(name, _)| {
                        !ambiguous.contains(name.as_str())
                            && !local.contains(name.as_str())
                            && taken.insert(name.to_string())
                    })
                    .map(|(name, origin)| reexport(name, origin))
                    .collect();
                replacements.insert((*target).clone(), uses);
            }
            plans.push((path.clone(), replacements));
        }
    }
    for child in &module.modules {
        path.push(child.name.clone());
        plans.extend(plan(root, child, path));
        path.pop();
    }
    plans
}

/// `pub use origin as name;`.
fn reexport(name: &str, origin: &Origin) -> Item {
    Item {
        name: name.to_owned(),
        docs: Docs::default(),
        span: None,
        ts_path: name.to_owned(),
        kind: ItemKind::Reexport(origin.clone()),
    }
}

/// The names a module declares itself (items other than globs, and child modules).
fn local_names(module: &Module) -> BTreeSet<&str> {
    module
        .items
        .iter()
        .filter(|i| !matches!(i.kind, ItemKind::ReexportAll(_)))
        .map(|i| i.name.as_str())
        .chain(module.modules.iter().filter(|m| !m.is_empty()).map(|m| m.name.as_str()))
        .collect()
}

/// The names `pub use target::*` brings, with what each reaches.
fn exported(root: &Module, target: &[String], depth: usize) -> BTreeMap<String, Origin> {
    let mut names = BTreeMap::new();
    let Some(module) = find(root, target) else { return names };
    if depth > MAX_GLOB_DEPTH {
        return names;
    }
    for item in &module.items {
        let origin = match &item.kind {
            ItemKind::ReexportAll(_) => continue,
            ItemKind::Reexport(to) => to.clone(),
            _ => ItemPath { modules: target.to_vec(), name: item.name.clone() },
        };
        names.insert(item.name.clone(), origin);
    }
    for child in module.modules.iter().filter(|m| !m.is_empty() && m.kind != ModuleKind::Root) {
        names.insert(
            child.name.clone(),
            ItemPath { modules: target.to_vec(), name: child.name.clone() },
        );
    }
    // The module's own globs, shadowed by what it declares.
    for item in &module.items {
        if let ItemKind::ReexportAll(inner) = &item.kind {
            for (name, origin) in exported(root, inner, depth + 1) {
                names.entry(name).or_insert(origin);
            }
        }
    }
    names
}

/// The module at `path`, which exists.
fn find_mut<'m>(root: &'m mut Module, path: &[String]) -> &'m mut Module {
    path.iter().fold(root, |m, name| {
        let index = m.modules.iter().position(|c| &c.name == name).expect("a module found before");
        &mut m.modules[index]
    })
}

/// The module at `path`.
fn find<'m>(root: &'m Module, path: &[String]) -> Option<&'m Module> {
    path.iter().try_fold(root, |m, name| m.modules.iter().find(|c| &c.name == name))
}
