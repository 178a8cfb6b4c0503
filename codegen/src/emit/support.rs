//! Code the generated types share, emitted once at the output root when needed.
//!
//! Generated code depends on serde and serde_json only, so the one helper serde lacks is
//! generated too, rather than pulled from another crate.

use super::syntax::{template, word, Holes};
use crate::model::rust::{ItemKind, Module};
use syn::visit_mut::VisitMut;

/// The support module's name.
pub const MODULE: &str = "dts2rs_support";

/// Whether any field keeps `null` apart from absent (`a?: T | null`).
pub fn is_needed(module: &Module) -> bool {
    module.items.iter().any(|item| match &item.kind {
        ItemKind::Struct(s) => s.fields.iter().any(|f| f.nullable),
        _ => false,
    }) || module.modules.iter().any(is_needed)
}

/// The support module.
pub fn module() -> syn::Item {
    Holes::default().ident("__support", word(MODULE)).fill(
        template!(
            syn::Item,
            /// Support code for the generated types.
            #[doc(hidden)]
            pub mod __support {
                /// Reads a field that is present as `Some`, so `null` becomes `Some(None)`; with
                /// `#[serde(default)]` an absent field stays `None`.
                pub fn double_option<'de, T, D>(
                    deserializer: D,
                ) -> Result<Option<Option<T>>, D::Error>
                where
                    T: serde::Deserialize<'de>,
                    D: serde::Deserializer<'de>,
                {
                    <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
                }
            }
        ),
        Holes::visit_item_mut,
    )
}
