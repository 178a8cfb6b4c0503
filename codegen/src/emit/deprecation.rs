//! `#[allow(deprecated)]` where generated code itself touches a deprecated item.
//!
//! A deprecated TypeScript declaration becomes `#[deprecated]` so that *users* are warned. The
//! generated code that merely mentions it (a field of that type, the `impl` blocks of a
//! deprecated enum, a match over deprecated variants) must not warn, or the bindings would not
//! build under `-D warnings`.

use crate::model::rust::{Item, ItemKind, ItemPath, Module, RustType, VariantKind};
use std::collections::BTreeSet;

/// The paths of every deprecated item.
pub(super) fn deprecated_items(root: &Module) -> BTreeSet<ItemPath> {
    let mut out = BTreeSet::new();
    collect(root, &mut Vec::new(), &mut out);
    out
}

fn collect(module: &Module, path: &mut Vec<String>, out: &mut BTreeSet<ItemPath>) {
    for item in module.items.iter().filter(|i| i.docs.deprecated.is_some()) {
        out.insert(ItemPath { modules: path.clone(), name: item.name.clone() });
    }
    for child in &module.modules {
        path.push(child.name.clone());
        collect(child, path, out);
        path.pop();
    }
}

/// Whether the code generated for `item` (at `path`) mentions something deprecated.
pub(super) fn needs_allow(item: &Item, path: &ItemPath, deprecated: &BTreeSet<ItemPath>) -> bool {
    let mentions = |ty: &RustType| mentions(ty, deprecated);
    match &item.kind {
        // Derives do not warn about the struct's own deprecation or its deprecated fields; a
        // field whose type is deprecated does.
        ItemKind::Struct(s) => s.fields.iter().any(|f| mentions(&f.ty)),
        // The `impl` blocks of a deprecated enum name it; `as_str` matches every variant.
        ItemKind::Enum(e) => {
            deprecated.contains(path)
                || e.variants.iter().any(|v| {
                    v.docs.deprecated.is_some()
                        || matches!(&v.kind, VariantKind::Untagged(t) | VariantKind::Tagged { ty: t, .. } if mentions(t))
                })
        }
        // A newtype's impls name it, and so does its `Deref` target.
        ItemKind::Alias(target) => mentions(target),
        ItemKind::Newtype(target) => deprecated.contains(path) || mentions(target),
        // A deprecated trait's `Self::Error` is deprecated with it.
        ItemKind::Trait(t) => {
            deprecated.contains(path)
                || t.methods.iter().any(|m| mentions(&m.returns) || m.params.iter().any(|(_, ty)| mentions(ty)))
        }
        ItemKind::Reexport(target) => deprecated.contains(target),
        ItemKind::ReexportAll(_) => false,
    }
}

fn mentions(ty: &RustType, deprecated: &BTreeSet<ItemPath>) -> bool {
    match ty {
        RustType::Item(path, args) => {
            deprecated.contains(path) || args.iter().any(|a| mentions(a, deprecated))
        }
        RustType::Vec(t) | RustType::Map(t) | RustType::Option(t) | RustType::Boxed(t) => {
            mentions(t, deprecated)
        }
        RustType::Tuple(elements) => elements.iter().any(|e| mentions(e, deprecated)),
        _ => false,
    }
}
