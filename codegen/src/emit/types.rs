//! Rust types and paths as `syn` values, relative to the module being printed.

use super::syntax::{path, path_type, unit_type, verbatim_type, with_args, word};
use crate::model::naming::{rust_ident, Case};
use crate::model::rust::{canonical, ItemPath, RustType};
use proc_macro2::{Ident, Span};
use std::collections::BTreeSet;

/// An identifier for a name decided by the model (`r#type` becomes a raw identifier).
///
/// The model only hands out valid identifiers; anything else is turned into one by the naming
/// function rather than letting `proc_macro2` panic.
pub(super) fn ident(name: &str) -> Ident {
    let (raw, text) = match name.strip_prefix("r#") {
        Some(text) => (true, text),
        None => (false, name),
    };
    let valid = text != "_"
        && text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !(raw && matches!(text, "self" | "Self" | "super" | "crate"));
    match (valid, raw) {
        (true, true) => Ident::new_raw(text, Span::call_site()),
        (true, false) => Ident::new(text, Span::call_site()),
        // `rust_ident` always returns a valid identifier, so this recurses once at most.
        (false, _) => ident(&rust_ident(name, Case::Value)),
    }
}

/// What the printer needs to know about the module it is printing into.
pub(super) struct ModuleCtx<'a> {
    /// The module's path from the output root.
    pub path: &'a [String],
    /// The names the module itself declares, which shadow the prelude.
    pub local_names: BTreeSet<&'a str>,
    /// The configured map type.
    pub map_type: &'a syn::Path,
    /// The doc comments of the file being printed.
    pub docs: &'a super::docs::DocTable,
    /// Every alias's target in the whole output.
    pub aliases: &'a rustc_hash::FxHashMap<ItemPath, RustType>,
}

impl ModuleCtx<'_> {
    /// A prelude item by its short name, or by its full path (`::core::option::Option`) where
    /// the module shadows it.
    fn prelude(&self, short: &str, full: &[&str]) -> syn::Path {
        if self.local_names.contains(short) {
            path(true, full.iter().map(|s| word(s)))
        } else {
            path(false, [word(short)])
        }
    }

    /// The path, as a string for serde attributes, of a function in the output's support
    /// module (see the `support` module).
    pub(super) fn support(&self, function: &str) -> String {
        format!("{}{}::{function}", "super::".repeat(self.path.len()), super::support::MODULE)
    }

    /// The path of the support module's `item`, as [`Self::support`] spells it.
    pub(super) fn support_path(&self, item: &str) -> syn::Path {
        let mut segments = vec![word("super"); self.path.len()];
        segments.extend([word(super::support::MODULE), word(item)]);
        path(false, segments)
    }

    /// `Option`, unless shadowed.
    pub(super) fn option(&self) -> syn::Path {
        self.prelude("Option", &["core", "option", "Option"])
    }

    /// `ty` with every alias replaced by its target (see [`canonical`]).
    pub(super) fn canonical(&self, ty: &RustType) -> RustType {
        canonical(self.aliases, ty)
    }

    /// The path of `Option::is_none`, as a string for serde's `skip_serializing_if`.
    pub(super) fn option_is_none(&self) -> &'static str {
        if self.local_names.contains("Option") {
            "::core::option::Option::is_none"
        } else {
            "Option::is_none"
        }
    }

    /// `From`, unless shadowed (an enum may be named `From`).
    pub(super) fn convert_from(&self) -> syn::Path {
        self.prelude("From", &["core", "convert", "From"])
    }

    /// `Box`, unless shadowed.
    pub(super) fn boxed(&self) -> syn::Path {
        self.prelude("Box", &["std", "boxed", "Box"])
    }

    /// `Result`, unless shadowed.
    pub(super) fn result(&self) -> syn::Path {
        self.prelude("Result", &["core", "result", "Result"])
    }

    /// `String`, unless shadowed.
    pub(super) fn string(&self) -> syn::Type {
        path_type(self.prelude("String", &["std", "string", "String"]))
    }

    /// `wrapper<inner>` for a prelude wrapper (`Option`, `Vec`, `Box`).
    pub(super) fn wrap(&self, wrapper: syn::Path, inner: syn::Type) -> syn::Type {
        path_type(with_args(wrapper, [inner]))
    }

    /// `ty` as written in this module.
    pub(super) fn ty(&self, ty: &RustType) -> syn::Type {
        match ty {
            RustType::String => self.string(),
            RustType::Bool => path_type(path(false, [word("bool")])),
            RustType::F64 => path_type(path(false, [word("f64")])),
            RustType::Json => json_value(),
            RustType::Unit => unit_type(),
            RustType::Verbatim(text) => verbatim_type(text).unwrap_or_else(json_value),
            RustType::Param(name) => path_type(path(false, [ident(name)])),
            RustType::Vec(inner) => {
                self.wrap(self.prelude("Vec", &["std", "vec", "Vec"]), self.ty(inner))
            }
            RustType::Map(inner) => {
                path_type(with_args(self.map_type.clone(), [self.string(), self.ty(inner)]))
            }
            RustType::Option(inner) => self.wrap(self.option(), self.ty(inner)),
            RustType::Boxed(inner) => self.wrap(self.boxed(), self.ty(inner)),
            RustType::Item(target, args) => {
                let path = self.item_path(target);
                if args.is_empty() {
                    path_type(path)
                } else {
                    path_type(with_args(path, args.iter().map(|a| self.ty(a))))
                }
            }
            RustType::Tuple(elements) => syn::Type::Tuple(syn::TypeTuple {
                paren_token: Default::default(),
                elems: {
                    let mut elems: syn::punctuated::Punctuated<syn::Type, syn::Token![,]> =
                        elements.iter().map(|e| self.ty(e)).collect();
                    // `(A,)`: a one-element tuple needs its comma.
                    if elems.len() == 1 {
                        elems.push_punct(Default::default());
                    }
                    elems
                },
            }),
            // Resolved by the model before emit; any JSON value should one remain.
            RustType::MemberOf(..) => json_value(),
        }
    }

    /// The path of module `target` relative to this module.
    pub(super) fn module_path(&self, target: &[String]) -> syn::Path {
        let (ups, down) = crate::model::rust::relative_modules(self.path, target);
        path(false, (0..ups).map(|_| word("super")).chain(down.iter().map(|m| ident(m))))
    }

    /// The path of an item relative to this module: `super::` up to the common ancestor, then
    /// down. Relative paths let the output sit anywhere in a crate (`include!` in a module).
    pub(super) fn item_path(&self, target: &ItemPath) -> syn::Path {
        let mut path = self.module_path(&target.modules);
        path.segments.push(ident(&target.name).into());
        path
    }
}

/// `serde_json::Value`.
fn json_value() -> syn::Type {
    path_type(path(false, [word("serde_json"), word("Value")]))
}
