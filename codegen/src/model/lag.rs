//! Structs for servers that run ahead of their declarations: the config's `unknown_fields`
//! and `lenient` settings, applied to the finished model.
//!
//! Both are off by default: they trade the exact shape of the declarations (and some read
//! speed, for `unknown_fields`) for reading what a newer or looser server sends.

use super::jsdoc::Docs;
use super::naming::{unraw, Case, Scope};
use super::rust::{Field, ItemKind, Module, RustType, Struct};
use crate::config::Config;

/// Applies `unknown_fields` and `lenient` to every struct they select, by TypeScript path.
pub(super) fn apply(module: &mut Module, config: &Config) {
    if !config.unknown_fields.selects_any() && !config.lenient.selects_any() {
        return;
    }
    for item in &mut module.items {
        let ItemKind::Struct(s) = &mut item.kind else { continue };
        if config.unknown_fields.matches(&item.ts_path) {
            keep_unknown_fields(s);
        }
        if config.lenient.matches(&item.ts_path) {
            make_lenient(s, config.collapse_null);
        }
    }
    for child in &mut module.modules {
        apply(child, config);
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

/// Makes every required field readable when absent or `null`, and written back as read: the
/// three states of `a?: T | null` (two, with `collapse_null`).
fn make_lenient(s: &mut Struct, collapse_null: bool) {
    for field in s.fields.iter_mut().filter(|f| !f.optional && !f.flatten && !f.absent) {
        field.optional = true;
        if let RustType::Option(inner) = &field.ty {
            field.ty = (**inner).clone();
        }
        field.nullable = !collapse_null;
    }
}
