//! Which parts of the output the types of each part use: the Cargo feature table of
//! `module_features`, where each part is a feature that turns on the ones it needs.
//!
//! The parts ("units") are the top-level modules, except that a module with no items of its
//! own (a folder of files, such as the files read from outside the input) is not a part: its
//! child modules are, by the same rule. A unit's feature is its module path joined with `-`
//! (`chat`, `external-core-pagination`).

use super::naming::unraw;
use super::rust::{Item, ItemKind, Module, RustType};
use std::collections::{BTreeMap, BTreeSet};

/// What each unit, and each item at the root, needs compiled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleFeatures {
    /// Each unit's module path and its feature name.
    pub units: BTreeMap<Vec<String>, String>,
    /// Each unit's feature and the features of the other units its types refer to (directly,
    /// or through an item at the root).
    pub uses: BTreeMap<String, BTreeSet<String>>,
    /// Each item at the root that refers into units, by [`root_key`], and their features: it
    /// compiles only when they all do.
    pub root_items: BTreeMap<String, BTreeSet<String>>,
}

/// What tells an item at the root from the others: its name, or for a glob re-export (which
/// has none) the module it re-exports.
pub fn root_key(item: &Item) -> String {
    match &item.kind {
        ItemKind::ReexportAll(modules) => format!("{}::*", modules.join("::")),
        _ => item.name.clone(),
    }
}

/// What a part of the model refers to: units (by feature), and items at the root.
struct Refs<'u> {
    units: &'u BTreeMap<Vec<String>, String>,
    features: BTreeSet<String>,
    root_items: BTreeSet<String>,
}

impl<'u> Refs<'u> {
    fn new(units: &'u BTreeMap<Vec<String>, String>) -> Self {
        Refs { units, features: BTreeSet::new(), root_items: BTreeSet::new() }
    }

    /// A reference to item `name` of module `modules` (or to the module, `name` empty).
    fn path(&mut self, modules: &[String], name: &str) {
        if modules.is_empty() {
            self.root_items.insert(name.to_owned());
            return;
        }
        // The unit is the module itself or the one module above it that is a unit.
        if let Some(feature) = (1..=modules.len()).find_map(|k| self.units.get(&modules[..k])) {
            self.features.insert(feature.clone());
        }
    }

    fn ty(&mut self, ty: &RustType) {
        match ty {
            RustType::Item(path, args) => {
                self.path(&path.modules, &path.name);
                args.iter().for_each(|a| self.ty(a));
            }
            RustType::MemberOf(path, _) => self.path(&path.modules, &path.name),
            RustType::Vec(t) | RustType::Map(t) | RustType::Option(t) | RustType::Boxed(t) => {
                self.ty(t)
            }
            RustType::Tuple(ts) => ts.iter().for_each(|t| self.ty(t)),
            _ => {}
        }
    }

    fn item(&mut self, kind: &ItemKind) {
        match kind {
            ItemKind::Reexport(path) => self.path(&path.modules, &path.name),
            ItemKind::ReexportAll(modules) => {
                // A glob of a module that is not a unit reaches every unit below it.
                let below: Vec<String> = self
                    .units
                    .iter()
                    .filter(|(path, _)| path.starts_with(modules) || modules.starts_with(path))
                    .map(|(_, feature)| feature.clone())
                    .collect();
                self.features.extend(below);
            }
            other => {
                // `for_each_type_mut` is the one walker over an item's types; it needs `&mut`.
                let mut kind = other.clone();
                kind.for_each_type_mut(&mut |ty| self.ty(ty));
            }
        }
    }

    fn module(&mut self, module: &Module) {
        module.items.iter().for_each(|item| self.item(&item.kind));
        module.modules.iter().for_each(|child| self.module(child));
    }
}

/// The module path of every unit of `root`.
pub fn unit_paths(root: &Module) -> BTreeSet<Vec<String>> {
    let mut found = Vec::new();
    units(root, &mut Vec::new(), &mut found);
    found.into_iter().map(|(path, _)| path).collect()
}

/// The unit that module path `modules` lies in, given every unit's path: the module itself
/// or the one above it that is a unit (`None` at the root).
pub fn unit_of<'p>(units: &BTreeSet<Vec<String>>, modules: &'p [String]) -> Option<&'p [String]> {
    (1..=modules.len()).map(|k| &modules[..k]).find(|prefix| units.contains(*prefix))
}

/// The units below `module` (at `path`), with the modules they are.
fn units<'m>(module: &'m Module, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, &'m Module)>) {
    for child in module.modules.iter().filter(|m| !m.is_empty()) {
        path.push(child.name.clone());
        if child.items.is_empty() {
            units(child, path, out);
        } else {
            out.push((path.clone(), child));
        }
        path.pop();
    }
}

/// The feature table of `root`.
pub fn module_features(root: &Module) -> ModuleFeatures {
    let mut found = Vec::new();
    units(root, &mut Vec::new(), &mut found);
    let names: BTreeMap<Vec<String>, String> = found
        .iter()
        .map(|(path, _)| {
            let words: Vec<&str> = path.iter().map(|p| unraw(p)).collect();
            (path.clone(), words.join("-"))
        })
        .collect();
    // What each root item needs, through the root items it refers to, until nothing grows.
    let direct: BTreeMap<String, Refs> = root
        .items
        .iter()
        .map(|item| {
            let mut refs = Refs::new(&names);
            refs.item(&item.kind);
            (root_key(item), refs)
        })
        .collect();
    let mut needs: BTreeMap<&str, BTreeSet<String>> =
        direct.iter().map(|(key, refs)| (key.as_str(), refs.features.clone())).collect();
    loop {
        let mut grew = false;
        for (name, refs) in &direct {
            let mut all = needs[name.as_str()].clone();
            for other in &refs.root_items {
                all.extend(needs.get(other.as_str()).into_iter().flatten().cloned());
            }
            if all.len() > needs[name.as_str()].len() {
                needs.insert(name, all);
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    let mut uses = BTreeMap::new();
    for (path, module) in &found {
        let feature = names[path].clone();
        let mut refs = Refs::new(&names);
        refs.module(module);
        let mut used = refs.features;
        for item in &refs.root_items {
            used.extend(needs.get(item.as_str()).into_iter().flatten().cloned());
        }
        used.remove(&feature);
        uses.insert(feature, used);
    }
    let root_items = needs
        .into_iter()
        .filter(|(_, features)| !features.is_empty())
        .map(|(name, features)| (name.to_owned(), features))
        .collect();
    ModuleFeatures { units: names, uses, root_items }
}
