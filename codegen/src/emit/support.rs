//! Code the generated types share, emitted once at the output root when needed.
//!
//! Generated code depends on serde and serde_json only, so the helpers serde lacks are
//! generated too, rather than pulled from another crate: each only when some type uses it.

use super::syntax::{template, word, Holes};
use crate::model::rust::{ItemKind, Module};
use syn::visit_mut::VisitMut;

/// The support module's name.
pub const MODULE: &str = "dts2rs_support";

/// Whether any item of `module` or its children satisfies `f`.
fn any_item(module: &Module, f: &impl Fn(&ItemKind) -> bool) -> bool {
    module.items.iter().any(|item| f(&item.kind)) || module.modules.iter().any(|m| any_item(m, f))
}

/// Whether any field keeps `null` apart from absent (`a?: T | null`).
fn needs_double_option(module: &Module) -> bool {
    any_item(
        module,
        &|kind| matches!(kind, ItemKind::Struct(s) if s.fields.iter().any(|f| f.nullable)),
    )
}

/// Whether any enum dispatches on a tag field.
fn needs_tags(module: &Module) -> bool {
    any_item(module, &|kind| matches!(kind, ItemKind::Enum(e) if e.tag().is_some()))
}

/// Whether the output needs the support module.
pub fn is_needed(module: &Module) -> bool {
    needs_double_option(module) || needs_tags(module)
}

/// The support module, with the helpers the output `root` uses.
pub fn module(root: &Module) -> syn::Item {
    let mut support = Holes::default().ident("__support", word(MODULE)).fill(
        template!(
            syn::ItemMod,
            /// Support code for the generated types.
            #[doc(hidden)]
            pub mod __support {}
        ),
        Holes::visit_item_mod_mut,
    );
    let mut items = Vec::new();
    if needs_double_option(root) {
        items.push(double_option());
    }
    if needs_tags(root) {
        items.extend(tags());
    }
    if let Some((_, content)) = &mut support.content {
        content.extend(items);
    }
    syn::Item::Mod(support)
}

/// Reads a nullable optional field.
fn double_option() -> syn::Item {
    template!(
        syn::Item,
        /// Reads a field that is present as `Some`, so `null` becomes `Some(None)`; with
        /// `#[serde(default)]` an absent field stays `None`.
        pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
        where
            T: serde::Deserialize<'de>,
            D: serde::Deserializer<'de>,
        {
            <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
        }
    )
}

/// What unions told apart by a tag field dispatch with: reading the tag, the error for an
/// unknown one, and trying the variants that share a tag value.
#[rustfmt::skip] // rustfmt takes the template's items for a macro's arguments and adds commas.
fn tags() -> Vec<syn::Item> {
    let helpers: syn::ItemMod = template!(
        syn::ItemMod,
        mod helpers {
            /// The value of a union's tag field.
            pub enum Tag<'a> {
                /// A string.
                Str(&'a str),
                /// An integer.
                Int(i64),
                /// A boolean.
                Bool(bool),
                /// Any other value.
                Other(&'a serde_json::Value),
            }
            /// Reads the tag field `field` of `value`, which must be an object that has it.
            pub fn tag<'a, E: serde::de::Error>(
                value: &'a serde_json::Value,
                field: &'static str,
            ) -> Result<Tag<'a>, E> {
                let Some(object) = value.as_object() else {
                    return Err(E::invalid_type(unexpected(value), &"an object"));
                };
                match object.get(field) {
                    None => Err(E::missing_field(field)),
                    Some(serde_json::Value::String(text)) => Ok(Tag::Str(text)),
                    Some(serde_json::Value::Bool(flag)) => Ok(Tag::Bool(*flag)),
                    // An integer written as a float (`0.0`, as `f64` fields write it) is that integer.
                    Some(number @ serde_json::Value::Number(n)) => Ok(match n.as_i64() {
                        Some(int) => Tag::Int(int),
                        None => match n.as_f64() {
                            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Tag::Int(f as i64),
                            _ => Tag::Other(number),
                        },
                    }),
                    Some(other) => Ok(Tag::Other(other)),
                }
            }
            /// The error for a tag value no variant has; `expected` are the known ones.
            pub fn unknown_tag<E: serde::de::Error>(
                tag: Tag<'_>,
                expected: &'static [&'static str],
            ) -> E {
                let one_of = format!("one of {}", expected.join(", "));
                match tag {
                    Tag::Str(text) => E::unknown_variant(text, expected),
                    Tag::Int(n) => E::invalid_value(serde::de::Unexpected::Signed(n), &one_of.as_str()),
                    Tag::Bool(flag) => {
                        E::invalid_value(serde::de::Unexpected::Bool(flag), &one_of.as_str())
                    }
                    Tag::Other(other) => E::invalid_type(unexpected(other), &one_of.as_str()),
                }
            }
            /// Decodes `value` as the payload of the variant `variant` builds, keeping its error.
            pub fn decode<P, T, E>(value: &serde_json::Value, variant: fn(P) -> T) -> Result<T, E>
            where
                P: serde::de::DeserializeOwned,
                E: serde::de::Error,
            {
                P::deserialize(value).map(variant).map_err(E::custom)
            }

            /// A variant a tag value selects: its name, and how to decode it.
            pub type Candidate<T> =
                (&'static str, fn(&serde_json::Value) -> Result<T, serde_json::Error>);
            /// Decodes `value` as the first of `candidates` that accepts it; when none does, the
            /// error gives each one's.
            pub fn first_of<T, E: serde::de::Error>(
                value: &serde_json::Value,
                candidates: &[Candidate<T>],
            ) -> Result<T, E> {
                let mut errors = Vec::new();
                for (name, decode) in candidates {
                    match decode(value) {
                        Ok(decoded) => return Ok(decoded),
                        Err(error) => errors.push(format!("{name}: {error}")),
                    }
                }
                let errors = errors.join("; ");
                Err(E::custom(format_args!("no variant for this tag matched ({errors})")))
            }

            fn unexpected(value: &serde_json::Value) -> serde::de::Unexpected<'_> {
                match value {
                    serde_json::Value::Null => serde::de::Unexpected::Unit,
                    serde_json::Value::Bool(flag) => serde::de::Unexpected::Bool(*flag),
                    serde_json::Value::Number(_) => serde::de::Unexpected::Other("a number"),
                    serde_json::Value::String(text) => serde::de::Unexpected::Str(text),
                    serde_json::Value::Array(_) => serde::de::Unexpected::Seq,
                    serde_json::Value::Object(_) => serde::de::Unexpected::Map,
                }
            }
        }
    );
    helpers.content.map(|(_, items)| items).unwrap_or_default()
}
