//! Structs for servers that run ahead of their declarations: the config's `unknown_fields`
//! and `lenient` settings, applied to the finished model.
//!
//! Both are off by default: they trade the exact shape of the declarations (and some read
//! speed, for `unknown_fields`) for reading what a newer or looser server sends.

use super::jsdoc::Docs;
use super::naming::{unraw, Case, Scope};
use super::rust::{canonical, Field, ItemKind, ItemPath, Module, RustType, Struct};
use crate::config::Config;
use rustc_hash::FxHashMap;

/// Applies `unknown_fields` and `lenient` to every struct they select, by TypeScript path.
pub(super) fn apply(root: &mut Module, config: &Config) {
    if !config.unknown_fields.selects_any() && !config.lenient.selects_any() {
        return;
    }
    let aliases = root.alias_targets();
    apply_in(root, config, &aliases);
}

fn apply_in(module: &mut Module, config: &Config, aliases: &FxHashMap<ItemPath, RustType>) {
    for item in &mut module.items {
        let ItemKind::Struct(s) = &mut item.kind else { continue };
        if config.unknown_fields.matches(&item.ts_path) {
            keep_unknown_fields(s);
        }
        if config.lenient.matches(&item.ts_path) {
            make_lenient(s, config.collapse_null, aliases);
        }
    }
    for child in &mut module.modules {
        apply_in(child, config, aliases);
    }
}

/// Adds a flattened map of every key no field names, unless an index signature keeps them
/// already.
fn keep_unknown_fields(s: &mut Struct) {
    if s.fields.iter().any(|f| f.flatten) {
        return;
    }
    let mut scope = Scope::new();
    for field in &s.fields {
        scope.claim(unraw(&field.name), Case::Value);
    }
    s.fields.push(Field {
        name: scope.claim("extra", Case::Value),
        wire: String::new(),
        ty: RustType::Map(Box::new(RustType::Json)),
        optional: false,
        nullable: false,
        flatten: true,
        absent: false,
        present: false,
        docs: Docs {
            body: "Keys the declarations do not name, kept so that they are written back\n\
                   (`unknown_fields` in the config)."
                .to_owned(),
            ..Docs::default()
        },
    });
}

/// Makes every field readable when absent or `null`, and written back as read: the three
/// states of `a?: T | null` (two, with `collapse_null`). An optional field whose type holds
/// `null` itself (`a?: unknown`) keeps a present `null` apart already.
fn make_lenient(s: &mut Struct, collapse_null: bool, aliases: &FxHashMap<ItemPath, RustType>) {
    for field in s.fields.iter_mut().filter(|f| !f.flatten && !f.absent) {
        if field.optional {
            let holds_null =
                matches!(canonical(aliases, &field.ty), RustType::Unit | RustType::Json);
            field.nullable |= !collapse_null && !holds_null;
            continue;
        }
        field.optional = true;
        if let RustType::Option(inner) = &field.ty {
            field.ty = (**inner).clone();
        }
        field.nullable = !collapse_null;
    }
}
