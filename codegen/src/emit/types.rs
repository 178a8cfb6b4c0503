//! Rust types and identifiers as tokens, with paths relative to the module being printed.

use crate::model::naming::{rust_ident, Case};
use crate::model::rust::{ItemPath, RustType};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::collections::BTreeSet;

/// An identifier token for a name decided by the model (`r#type` becomes a raw identifier).
///
/// The model only hands out valid identifiers; anything else is turned into one by the naming
/// function rather than letting `proc_macro2` panic.
pub fn ident(name: &str) -> Ident {
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
pub struct ModuleCtx<'a> {
    /// The module's path from the output root.
    pub path: &'a [String],
    /// The names the module itself declares, which shadow the prelude.
    pub local_names: BTreeSet<&'a str>,
    /// The configured map type.
    pub map_type: &'a TokenStream,
}

impl ModuleCtx<'_> {
    /// A prelude type by its short name, or by its full path where the module shadows it.
    fn prelude(&self, short: &str, full: TokenStream) -> TokenStream {
        if self.local_names.contains(short) {
            full
        } else {
            let short = ident(short);
            quote!(#short)
        }
    }

    /// The path, as a string for serde attributes, of a function in the output's support
    /// module (see the `support` module).
    pub fn support(&self, function: &str) -> String {
        format!("{}{}::{function}", "super::".repeat(self.path.len()), super::support::MODULE)
    }

    /// `Option`, unless shadowed.
    pub fn option(&self) -> TokenStream {
        self.prelude("Option", quote!(::core::option::Option))
    }

    /// `Result`, unless shadowed.
    pub fn result(&self) -> TokenStream {
        self.prelude("Result", quote!(::core::result::Result))
    }

    /// `String`, unless shadowed.
    pub fn string(&self) -> TokenStream {
        self.prelude("String", quote!(::std::string::String))
    }

    /// The tokens of `ty` as written in this module.
    pub fn ty(&self, ty: &RustType) -> TokenStream {
        match ty {
            RustType::String => self.string(),
            RustType::Bool => quote!(bool),
            RustType::F64 => quote!(f64),
            RustType::Json => quote!(serde_json::Value),
            RustType::Unit => quote!(()),
            RustType::Verbatim(text) => syn::parse_str::<syn::Type>(text)
                .map(|t| quote!(#t))
                .unwrap_or_else(|_| quote!(serde_json::Value)),
            RustType::Param(name) => {
                let name = ident(name);
                quote!(#name)
            }
            RustType::Vec(inner) => {
                let vec = self.prelude("Vec", quote!(::std::vec::Vec));
                let inner = self.ty(inner);
                quote!(#vec<#inner>)
            }
            RustType::Map(inner) => {
                let map = self.map_type;
                let string = self.string();
                let inner = self.ty(inner);
                quote!(#map<#string, #inner>)
            }
            RustType::Option(inner) => {
                let option = self.option();
                let inner = self.ty(inner);
                quote!(#option<#inner>)
            }
            RustType::Boxed(inner) => {
                let boxed = self.prelude("Box", quote!(::std::boxed::Box));
                let inner = self.ty(inner);
                quote!(#boxed<#inner>)
            }
            RustType::Item(path, args) => {
                let path = self.item_path(path);
                if args.is_empty() {
                    path
                } else {
                    let args = args.iter().map(|a| self.ty(a));
                    quote!(#path<#(#args),*>)
                }
            }
        }
    }

    /// The path of module `target` relative to this module.
    pub fn module_path(&self, target: &[String]) -> TokenStream {
        let common = self.path.iter().zip(target).take_while(|(a, b)| a == b).count();
        let ups = (common..self.path.len()).map(|_| quote!(super));
        let downs = target[common..].iter().map(|m| ident(m));
        let parts: Vec<TokenStream> = ups.chain(downs.map(|d| quote!(#d))).collect();
        quote!(#(#parts)::*)
    }

    /// The path of an item relative to this module: `super::` up to the common ancestor, then
    /// down. Relative paths let the output sit anywhere in a crate (`include!` in a module).
    pub fn item_path(&self, target: &ItemPath) -> TokenStream {
        let common = self.path.iter().zip(&target.modules).take_while(|(a, b)| a == b).count();
        let ups = (common..self.path.len()).map(|_| quote!(super::));
        let downs = target.modules[common..].iter().map(|m| {
            let m = ident(m);
            quote!(#m::)
        });
        let name = ident(&target.name);
        quote!(#(#ups)* #(#downs)* #name)
    }
}
