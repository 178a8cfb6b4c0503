//! Names → declarations, across files: namespace scopes, imports and re-export chains.
//!
//! A reference is looked up as TypeScript does: from the innermost namespace outwards in its
//! own file, then through the file's imports into the exports of other input files (their own
//! declarations, `export { … } from`, `export * from`). Module specifiers are resolved against
//! the input tree (`./x.js`, `../x`, `./dir` → `dir/index`). A specifier the builder followed to
//! a file outside the input tree is linked to that file explicitly (see [`Resolver::link`]);
//! anything else outside (`../../core` not followed, a package name) is external.

use super::decl::{DeclFile, EnumMember, Import, ImportKind, Interface, ReExport, TypeExpr};
use super::rust::ItemPath;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// How deep re-export chains are followed before giving up (a cycle, in practice).
const MAX_CHAIN: usize = 32;

/// A declared name.
#[derive(Debug, Clone)]
pub(super) struct Symbol<'d> {
    /// Its Rust path.
    pub path: ItemPath,
    /// For interfaces, every body merged under the name.
    pub bodies: Vec<&'d Interface>,
    /// A class: it becomes a trait, which no data type can hold.
    pub is_class: bool,
    /// A class without public properties: its base classes (`data.extends`), whose fields a
    /// data class extending it inherits.
    pub class_body: Option<&'d Interface>,
    /// A class with public properties, taken for data (its properties are `bodies[0]`) until
    /// they turn out to be only services (`Resource { sessions: Sessions }`).
    pub data_class: bool,
    /// A type alias whose union includes `null`: the item is the non-null part and every use
    /// is an `Option`.
    pub nullable: bool,
    /// The namespace the declaration stands in, for resolving the names its body uses.
    pub ns: Vec<String>,
    /// The TypeScript name (the last segment of its key in its file's table).
    pub name: String,
    /// For a type alias, the aliased type and the alias's type parameters.
    pub alias: Option<(&'d TypeExpr, &'d [String])>,
    /// For an `enum`, its members.
    pub members: Option<&'d [EnumMember]>,
}

/// What one file declares and imports.
pub(super) struct Declared<'d> {
    /// Declarations by TypeScript path (namespaces joined: `Session.Tool`). Only looked up,
    /// never walked: hashed, as ordered search compared long shared prefixes at every step.
    pub types: FxHashMap<Vec<String>, Symbol<'d>>,
    /// Imports by local name.
    pub imports: BTreeMap<&'d str, &'d Import>,
    /// The file's re-exports.
    pub reexports: &'d [ReExport],
    /// Declared values (`declare const X: T`) by TypeScript path, for `typeof X`.
    pub values: FxHashMap<Vec<String>, &'d TypeExpr>,
    /// Names a namespace's export list gives to declarations of other files
    /// (`namespace N { export { Account } }` with `Account` imported): the path here → the
    /// declaring file and its key there.
    pub aliases: FxHashMap<Vec<String>, (usize, Vec<String>)>,
}

impl<'d> Declared<'d> {
    /// An empty table for `decls`.
    pub(super) fn new(decls: &'d DeclFile) -> Self {
        Declared {
            types: FxHashMap::default(),
            imports: decls.imports.iter().map(|i| (i.local.as_str(), i)).collect(),
            reexports: &decls.reexports,
            values: FxHashMap::default(),
            aliases: FxHashMap::default(),
        }
    }
}

/// A declaration found by [`Resolver::resolve`]: its file and symbol.
pub(super) struct Found<'r, 'd> {
    /// The index of the declaring file.
    pub file: usize,
    /// The symbol.
    pub symbol: &'r Symbol<'d>,
}

/// A declared value (`declare const X: T`) found by [`Resolver::resolve_value`].
pub(super) struct Value<'d> {
    /// The index of the declaring file.
    pub file: usize,
    /// The namespace the declaration stands in, for resolving the names its type uses.
    pub ns: Vec<String>,
    /// Its declared type.
    pub ty: &'d TypeExpr,
}

impl<'d> Value<'d> {
    fn at(file: usize, key: &[String], ty: &'d TypeExpr) -> Self {
        Value { file, ns: key[..key.len().saturating_sub(1)].to_vec(), ty }
    }
}

/// The symbol tables of all input files and the map from module keys to files.
#[derive(Default)]
pub(super) struct Resolver<'d> {
    /// Each file's table, by file index.
    pub files: Vec<Declared<'d>>,
    /// Each file's key (`beta/realtime/sessions`) → file index.
    keys: BTreeMap<String, usize>,
    /// File index → key.
    key_of: Vec<String>,
    /// Specifiers followed by the builder on disk: (file index, specifier) → the target's key.
    links: FxHashMap<(usize, String), String>,
    /// Files whose key is not a path below the input root (files from outside it): only their
    /// links resolve, as their keys and the input's are relative to different folders.
    linked_only: Vec<bool>,
}

impl<'d> Resolver<'d> {
    /// Registers a file under its key: its path below the input root, `/`-separated, without
    /// the `.d.ts` ending.
    pub(super) fn add(&mut self, key: String, declared: Declared<'d>) -> usize {
        let index = self.files.len();
        self.keys.insert(key.clone(), index);
        self.key_of.push(key);
        self.files.push(declared);
        self.linked_only.push(false);
        index
    }

    /// Makes `specifier` written in file `from` name the file registered under `target`.
    pub(super) fn link(&mut self, from: usize, specifier: String, target: String) {
        self.links.insert((from, specifier), target);
    }

    /// Resolves the specifiers of file `index` through its links only.
    pub(super) fn link_only(&mut self, index: usize) {
        self.linked_only[index] = true;
    }

    /// Looks `path` up from namespace `ns` of `file`.
    pub(super) fn resolve(
        &self,
        file: usize,
        ns: &[String],
        path: &[String],
    ) -> Option<Found<'_, 'd>> {
        self.resolve_in(file, ns, path, 0)
    }

    fn resolve_in(
        &self,
        file: usize,
        ns: &[String],
        path: &[String],
        depth: usize,
    ) -> Option<Found<'_, 'd>> {
        let table = self.files.get(file)?;
        for level in (1..=ns.len()).rev() {
            let key: Vec<String> = ns[..level].iter().chain(path).cloned().collect();
            if let Some(found) = self.declared(file, &key) {
                return Some(found);
            }
        }
        // The outermost level needs no key built: it is `path` itself.
        if let Some(found) = self.declared(file, path) {
            return Some(found);
        }
        let (first, rest) = path.split_first()?;
        let import = table.imports.get(first.as_str())?;
        let target = self.specifier(file, &import.from)?;
        match &import.kind {
            ImportKind::Namespace => self.export(target, rest, depth + 1),
            ImportKind::Named(name) => {
                let path: Vec<String> =
                    std::iter::once(name.clone()).chain(rest.iter().cloned()).collect();
                self.export(target, &path, depth + 1)
            }
            ImportKind::Default => None,
        }
    }

    /// The declaration at `key` of `file`'s table, or the one an export list names there.
    fn declared(&self, file: usize, key: &[String]) -> Option<Found<'_, 'd>> {
        let table = self.files.get(file)?;
        if let Some(symbol) = table.types.get(key) {
            return Some(Found { file, symbol });
        }
        if table.aliases.is_empty() {
            return None;
        }
        let (target, target_key) = table.aliases.get(key)?;
        let symbol = self.files.get(*target)?.types.get(target_key)?;
        Some(Found { file: *target, symbol })
    }

    /// The declared type of the value `path`, looked up from namespace `ns` of `file`, then
    /// through the file's imports as a type is.
    pub(super) fn resolve_value(
        &self,
        file: usize,
        ns: &[String],
        path: &[String],
    ) -> Option<Value<'d>> {
        self.value_in(file, ns, path, 0)
    }

    fn value_in(
        &self,
        file: usize,
        ns: &[String],
        path: &[String],
        depth: usize,
    ) -> Option<Value<'d>> {
        let table = self.files.get(file)?;
        for level in (0..=ns.len()).rev() {
            let key: Vec<String> = ns[..level].iter().chain(path).cloned().collect();
            if let Some(ty) = table.values.get(&key) {
                return Some(Value::at(file, &key, ty));
            }
        }
        let (first, rest) = path.split_first()?;
        let import = table.imports.get(first.as_str())?;
        let target = self.specifier(file, &import.from)?;
        match &import.kind {
            ImportKind::Namespace => self.export_value(target, rest, depth + 1),
            ImportKind::Named(name) => {
                let path: Vec<String> =
                    std::iter::once(name.clone()).chain(rest.iter().cloned()).collect();
                self.export_value(target, &path, depth + 1)
            }
            ImportKind::Default => None,
        }
    }

    /// The declared type of the value `file` exports under `path` (as [`Self::resolve_export`]
    /// for types).
    fn export_value(&self, file: usize, path: &[String], depth: usize) -> Option<Value<'d>> {
        if depth > MAX_CHAIN || path.is_empty() {
            return None;
        }
        let table = self.files.get(file)?;
        if let Some(ty) = table.values.get(path) {
            return Some(Value::at(file, path, ty));
        }
        let (first, rest) = path.split_first()?;
        table.reexports.iter().find_map(|reexport| match reexport {
            ReExport::Named { name, alias, from } if alias == first => {
                let renamed: Vec<String> =
                    std::iter::once(name.clone()).chain(rest.iter().cloned()).collect();
                match from {
                    Some(from) => {
                        self.export_value(self.specifier(file, from)?, &renamed, depth + 1)
                    }
                    None => self.value_in(file, &[], &renamed, depth + 1),
                }
            }
            ReExport::Namespace { alias, from } if alias == first => {
                self.export_value(self.specifier(file, from)?, rest, depth + 1)
            }
            ReExport::All { from } => self
                .specifier(file, from)
                .and_then(|target| self.export_value(target, path, depth + 1)),
            _ => None,
        })
    }

    /// What `file` exports under `path`.
    pub(super) fn resolve_export(&self, file: usize, path: &[String]) -> Option<Found<'_, 'd>> {
        self.export(file, path, 0)
    }

    fn export(&self, file: usize, path: &[String], depth: usize) -> Option<Found<'_, 'd>> {
        if depth > MAX_CHAIN || path.is_empty() {
            return None;
        }
        let table = self.files.get(file)?;
        if let Some(found) = self.declared(file, path) {
            return Some(found);
        }
        let (first, rest) = path.split_first()?;
        for reexport in table.reexports {
            let found = match reexport {
                ReExport::Named { name, alias, from } if alias == first => {
                    let renamed: Vec<String> =
                        std::iter::once(name.clone()).chain(rest.iter().cloned()).collect();
                    match from {
                        Some(from) => self.export(self.specifier(file, from)?, &renamed, depth + 1),
                        None => self.resolve_in(file, &[], &renamed, depth + 1),
                    }
                }
                ReExport::Namespace { alias, from } if alias == first => {
                    self.export(self.specifier(file, from)?, rest, depth + 1)
                }
                ReExport::All { from } => self
                    .specifier(file, from)
                    .and_then(|target| self.export(target, path, depth + 1)),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// The input file a module specifier written in `from` names, if it is in the input.
    pub(super) fn specifier(&self, from: usize, specifier: &str) -> Option<usize> {
        if !self.links.is_empty() {
            if let Some(key) = self.links.get(&(from, specifier.to_owned())) {
                return self.keys.get(key).copied();
            }
        }
        if !specifier.starts_with('.') || self.linked_only.get(from).copied().unwrap_or(false) {
            return None;
        }
        let mut parts: Vec<&str> = self.key_of.get(from)?.split('/').collect();
        parts.pop();
        for segment in specifier.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                other => parts.push(other),
            }
        }
        let mut key = parts.join("/");
        for ending in [".d.ts", ".d.mts", ".d.cts", ".js", ".mjs", ".cjs", ".ts"] {
            if let Some(stem) = key.strip_suffix(ending) {
                key = stem.to_owned();
                break;
            }
        }
        self.keys.get(&key).or_else(|| self.keys.get(&format!("{key}/index"))).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver(keys: &[&str]) -> Resolver<'static> {
        static EMPTY: std::sync::OnceLock<DeclFile> = std::sync::OnceLock::new();
        let empty = EMPTY.get_or_init(DeclFile::default);
        let mut resolver = Resolver::default();
        for key in keys {
            resolver.add((*key).to_owned(), Declared::new(empty));
        }
        resolver
    }

    #[test]
    fn specifiers_resolve_within_the_input_only() {
        let r = resolver(&[
            "shared",
            "beta/realtime/sessions",
            "beta/realtime/index",
            "beta/threads/runs/runs",
        ]);
        assert_eq!(r.specifier(1, "./index.js"), Some(2));
        assert_eq!(r.specifier(1, "../../shared.js"), Some(0));
        assert_eq!(r.specifier(0, "./beta/realtime"), Some(2));
        assert_eq!(r.specifier(3, "../../realtime/sessions"), Some(1));
        assert_eq!(r.specifier(1, "../../../core.js"), None);
        assert_eq!(r.specifier(1, "openai/core"), None);
    }
}
