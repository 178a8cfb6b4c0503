//! Structs, enums, aliases and service traits as tokens.

use super::docs::doc_lines;
use super::types::{ident, ModuleCtx};
use crate::model::jsdoc::Docs;
use crate::model::naming::unraw;
use crate::model::rust::{
    Enum, Item, ItemKind, Method, RustType, Struct, Trait, Variant, VariantKind,
};
use proc_macro2::TokenStream;
use quote::quote;

/// What every struct and enum gets besides its own derives.
pub struct Extras {
    /// Extra derive paths from the config.
    pub derives: Vec<TokenStream>,
    /// Extra attributes from the config.
    pub attributes: Vec<TokenStream>,
    /// The structs and enums that get `#[non_exhaustive]` (unless `attributes` gives it to
    /// every one already).
    pub non_exhaustive: crate::config::Selection,
}

/// `#[doc]` attributes (and `#[deprecated]`) for `docs`.
pub fn doc_attrs(docs: &Docs) -> TokenStream {
    let lines = doc_lines(docs).into_iter().map(|line| {
        let line = if line.is_empty() { line } else { format!(" {line}") };
        quote!(#[doc = #line])
    });
    let deprecated = docs.deprecated.as_ref().map(|note| {
        if note.is_empty() {
            quote!(#[deprecated])
        } else {
            quote!(#[deprecated(note = #note)])
        }
    });
    quote!(#(#lines)* #deprecated)
}

/// The tokens of one item.
/// `allow` (`#[allow(deprecated)]` or nothing) goes on the item and on each impl block.
pub fn item(ctx: &ModuleCtx<'_>, extras: &Extras, item: &Item, allow: &TokenStream) -> TokenStream {
    let docs = doc_attrs(&item.docs);
    let non_exhaustive = (matches!(item.kind, ItemKind::Struct(_) | ItemKind::Enum(_))
        && extras.non_exhaustive.matches(&item.ts_path))
    .then(|| quote!(#[non_exhaustive]));
    let docs = quote!(#docs #allow #non_exhaustive);
    let name = ident(&item.name);
    match &item.kind {
        ItemKind::Struct(s) => structure(ctx, extras, docs, &name, s),
        ItemKind::Enum(e) => enumeration(ctx, extras, docs, &name, e, allow),
        ItemKind::Alias(target) => {
            let target = ctx.ty(target);
            quote!(#docs pub type #name = #target;)
        }
        ItemKind::Trait(t) => service(ctx, docs, &name, t),
        ItemKind::Reexport(target) => {
            let path = ctx.item_path(target);
            if crate::model::naming::unraw(&target.name) == crate::model::naming::unraw(&item.name)
            {
                quote!(#allow pub use #path;)
            } else {
                quote!(#allow pub use #path as #name;)
            }
        }
        ItemKind::ReexportAll(module) => {
            let path = ctx.module_path(module);
            quote!(pub use #path::*;)
        }
    }
}

fn derive_attr(derives: &[&str], extras: &Extras) -> TokenStream {
    let derives = derives.iter().map(|d| {
        let d = ident(d);
        quote!(#d)
    });
    let extra_derives = &extras.derives;
    let attributes = &extras.attributes;
    quote!(#[derive(#(#derives,)* #(#extra_derives),*)] #(#attributes)*)
}

fn structure(
    ctx: &ModuleCtx<'_>,
    extras: &Extras,
    docs: TokenStream,
    name: &proc_macro2::Ident,
    s: &Struct,
) -> TokenStream {
    let mut derives = vec!["Debug", "Clone"];
    if s.all_optional() {
        derives.push("Default");
    }
    derives.extend(["PartialEq", "Serialize", "Deserialize"]);
    let derive = derive_attr(&derives, extras);
    let params = s.type_params.iter().map(|p| ident(p));
    let generics = if s.type_params.is_empty() { quote!() } else { quote!(<#(#params),*>) };
    let option = ctx.option();
    let fields = s.fields.iter().map(|f| {
        let docs = doc_attrs(&f.docs);
        let field_name = ident(&f.name);
        let ty = ctx.ty(&f.ty);
        let rename = (unraw(&f.name) != f.wire).then(|| {
            let wire = &f.wire;
            quote!(rename = #wire)
        });
        let absent = match (f.optional, f.nullable) {
            (true, true) => {
                let with = ctx.support("double_option");
                Some(quote!(default, skip_serializing_if = "Option::is_none", deserialize_with = #with))
            }
            (true, false) => Some(quote!(default, skip_serializing_if = "Option::is_none")),
            (false, _) => None,
        };
        let serde = match (rename, absent) {
            (None, None) => quote!(),
            (Some(r), None) => quote!(#[serde(#r)]),
            (None, Some(a)) => quote!(#[serde(#a)]),
            (Some(r), Some(a)) => quote!(#[serde(#r, #a)]),
        };
        let ty = if f.nullable { quote!(#option<#ty>) } else { ty };
        let ty = if f.optional { quote!(#option<#ty>) } else { ty };
        quote!(#docs #serde pub #field_name: #ty,)
    });
    quote! {
        #docs
        #derive
        pub struct #name #generics {
            #(#fields)*
        }
    }
}

/// Whether every payload is a scalar with `Eq` and `Hash`.
fn payloads_eq(e: &Enum) -> bool {
    e.payloads().all(|t| match t {
        RustType::String | RustType::Bool | RustType::Unit => true,
        RustType::Verbatim(v) => crate::model::rust::is_primitive_number(v) && !t.has_float(),
        _ => false,
    })
}

fn enumeration(
    ctx: &ModuleCtx<'_>,
    extras: &Extras,
    docs: TokenStream,
    name: &proc_macro2::Ident,
    e: &Enum,
    allow: &TokenStream,
) -> TokenStream {
    let mut derives = vec!["Debug", "Clone"];
    let copy = !e.is_open() && e.payloads().all(RustType::is_copy);
    if copy {
        derives.push("Copy");
    }
    derives.push("PartialEq");
    if payloads_eq(e) {
        derives.extend(["Eq", "Hash"]);
    }
    let tag = e.tag();
    if tag.is_none() {
        derives.extend(["Serialize", "Deserialize"]);
    }
    let derive = derive_attr(&derives, extras);
    let all_untagged = e.variants.iter().all(|v| matches!(v.kind, VariantKind::Untagged(_)));
    let string = ctx.string();
    let variants = e.variants.iter().map(|v| {
        let docs = doc_attrs(&v.docs);
        let vname = ident(&v.name);
        match &v.kind {
            VariantKind::Literal(wire) => quote!(#docs #[serde(rename = #wire)] #vname,),
            VariantKind::Other => quote!(#docs #[serde(untagged)] #vname(#string),),
            VariantKind::Untagged(ty) => {
                let ty = ctx.ty(ty);
                if all_untagged {
                    quote!(#docs #vname(#ty),)
                } else {
                    quote!(#docs #[serde(untagged)] #vname(#ty),)
                }
            }
            VariantKind::Tagged { value, ty, .. } => {
                let ty = ctx.ty(ty);
                let docs = if v.docs.is_empty() {
                    let line = format!(" `{}`: `{value}`.", tag.unwrap_or_default());
                    quote!(#[doc = #line])
                } else {
                    docs
                };
                quote!(#docs #vname(#ty),)
            }
        }
    });
    let untagged_attr = all_untagged.then(|| quote!(#[serde(untagged)]));
    let string_impls = e.is_string_enum().then(|| string_enum_impls(ctx, name, e, allow));
    let tagged_impls = tag.map(|tag| tagged_enum_impls(ctx, name, e, tag, allow));
    let from_impls = from_impls(ctx, name, e, allow);
    quote! {
        #docs
        #derive
        #untagged_attr
        pub enum #name {
            #(#variants)*
        }
        #string_impls
        #tagged_impls
        #(#from_impls)*
    }
}

/// `impl From<Payload> for Enum` for every payload type that only one variant carries (boxed
/// payloads are boxed by the conversion), so `event.into()` builds the enum.
fn from_impls(
    ctx: &ModuleCtx<'_>,
    name: &proc_macro2::Ident,
    e: &Enum,
    allow: &TokenStream,
) -> Vec<TokenStream> {
    let payloads: Vec<(&Variant, (&RustType, bool))> = e
        .variants
        .iter()
        .filter_map(|v| match &v.kind {
            VariantKind::Untagged(RustType::Boxed(inner))
            | VariantKind::Tagged { ty: RustType::Boxed(inner), .. } => Some((v, (&**inner, true))),
            VariantKind::Untagged(ty) | VariantKind::Tagged { ty, .. } => Some((v, (ty, false))),
            _ => None,
        })
        .collect();
    payloads
        .iter()
        .filter(|(_, (ty, _))| payloads.iter().filter(|(_, (other, _))| other == ty).count() == 1)
        .map(|(variant, (ty, boxed))| {
            let vname = ident(&variant.name);
            let ty = ctx.ty(ty);
            let value = if *boxed { quote!(Box::new(value)) } else { quote!(value) };
            quote! {
                #allow
                impl From<#ty> for #name {
                    fn from(value: #ty) -> Self {
                        Self::#vname(#value)
                    }
                }
            }
        })
        .collect()
}

/// Serde impls for an enum told apart by a string field. The field belongs to each payload
/// struct (so a payload used alone still writes it): serializing writes the payload as is;
/// deserializing reads the field and decodes the whole object as that variant's payload. Serde's
/// `#[serde(tag)]` would write the field twice and make every payload drop it.
fn tagged_enum_impls(
    ctx: &ModuleCtx<'_>,
    name: &proc_macro2::Ident,
    e: &Enum,
    tag: &str,
    allow: &TokenStream,
) -> TokenStream {
    let result = ctx.result();
    let mut serialize_arms = Vec::new();
    let mut deserialize_arms = Vec::new();
    let mut values = Vec::new();
    for v in &e.variants {
        let VariantKind::Tagged { value, ty, .. } = &v.kind else { continue };
        let vname = ident(&v.name);
        let ty = ctx.ty(ty);
        serialize_arms
            .push(quote!(Self::#vname(value) => serde::Serialize::serialize(value, serializer),));
        deserialize_arms.push(quote! {
            Some(#value) => <#ty as serde::Deserialize>::deserialize(&value).map(Self::#vname).map_err(D::Error::custom),
        });
        values.push(value.clone());
    }
    quote! {
        #allow
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                match self {
                    #(#serialize_arms)*
                }
            }
        }
        #allow
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                use serde::de::Error as _;
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                match value.get(#tag).and_then(serde_json::Value::as_str) {
                    #(#deserialize_arms)*
                    Some(other) => Err(D::Error::unknown_variant(other, &[#(#values),*])),
                    None => Err(D::Error::missing_field(#tag)),
                }
            }
        }
    }
}

/// `as_str`, `Display` and `FromStr` for an enum that is a string on the wire.
fn string_enum_impls(
    ctx: &ModuleCtx<'_>,
    name: &proc_macro2::Ident,
    e: &Enum,
    allow: &TokenStream,
) -> TokenStream {
    let result = ctx.result();
    let mut as_str_arms = Vec::new();
    let mut from_str_arms = Vec::new();
    let mut wires = Vec::new();
    let mut other = None;
    for v in &e.variants {
        let vname = ident(&v.name);
        match &v.kind {
            VariantKind::Literal(wire) => {
                as_str_arms.push(quote!(Self::#vname => #wire,));
                from_str_arms.push(quote!(#wire => Ok(Self::#vname),));
                wires.push(wire.clone());
            }
            VariantKind::Other => {
                as_str_arms.push(quote!(Self::#vname(value) => value.as_str(),));
                other = Some(vname);
            }
            VariantKind::Untagged(_) | VariantKind::Tagged { .. } => {}
        }
    }
    // A closed enum's strings are all literals; an open one may return its payload.
    let returns_str = if other.is_some() { quote!(&str) } else { quote!(&'static str) };
    let (err, fallback) = match &other {
        Some(vname) => (
            quote!(::core::convert::Infallible),
            quote!(other => Ok(Self::#vname(other.to_owned())),),
        ),
        None => (
            quote!(serde::de::value::Error),
            quote!(other => Err(serde::de::Error::unknown_variant(other, &[#(#wires),*])),),
        ),
    };
    quote! {
        #allow
        impl #name {
            /// The wire string of this value.
            pub fn as_str(&self) -> #returns_str {
                match self {
                    #(#as_str_arms)*
                }
            }
        }
        #allow
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        #allow
        impl ::core::str::FromStr for #name {
            type Err = #err;
            fn from_str(value: &str) -> #result<Self, Self::Err> {
                match value {
                    #(#from_str_arms)*
                    #fallback
                }
            }
        }
    }
}

fn service(
    ctx: &ModuleCtx<'_>,
    docs: TokenStream,
    name: &proc_macro2::Ident,
    t: &Trait,
) -> TokenStream {
    let result = ctx.result();
    let methods = t.methods.iter().map(|m: &Method| {
        let docs = doc_attrs(&m.docs);
        let mname = ident(&m.name);
        let params = m.params.iter().map(|(p, ty)| {
            let p = ident(p);
            let ty = ctx.ty(ty);
            quote!(#p: #ty)
        });
        let returns = ctx.ty(&m.returns);
        quote! {
            #docs
            fn #mname(&self, #(#params),*)
                -> impl ::core::future::Future<Output = #result<#returns, Self::Error>> + Send;
        }
    });
    quote! {
        #docs
        pub trait #name {
            /// The error an implementation returns: transport, status or decoding failures.
            type Error;
            #(#methods)*
        }
    }
}
