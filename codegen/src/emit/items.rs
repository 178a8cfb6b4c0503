//! Structs, enums, aliases, re-exports and service traits as `syn` items.

use super::docs::DocTable;
use super::impls;
use super::support;
use super::syntax::{
    allow_deprecated, attribute, doc_attr, list_attribute, path, path_type, public, template,
    use_of, with_args, word, Holes, Meta,
};
use super::types::{ident, ModuleCtx};
use crate::model::jsdoc::Docs;
use crate::model::naming::unraw;
use crate::model::rust::{
    writes_js_numbers, Enum, Field, Item, ItemKind, RustType, Struct, Trait, VariantKind,
};
use quote::quote;
use syn::punctuated::Punctuated;
use syn::visit_mut::VisitMut;

/// What every struct and enum gets besides its own derives.
pub(super) struct Extras {
    /// Extra derive paths from the config.
    pub derives: Vec<syn::Path>,
    /// Extra attributes from the config.
    pub attributes: Vec<syn::Attribute>,
    /// The config, which says which structs and enums are `#[non_exhaustive]`.
    pub config: crate::config::Config,
}

/// The doc comment (and `#[deprecated]`) for `docs`; see [`DocTable`] for how the comment
/// is printed.
pub(super) fn doc_attrs(table: &DocTable, docs: &Docs) -> Vec<syn::Attribute> {
    let mut attrs: Vec<syn::Attribute> = table.attr(docs).into_iter().collect();
    if let Some(note) = &docs.deprecated {
        let meta = if note.is_empty() { Meta::Word } else { Meta::List(quote!(note = #note)) };
        attrs.push(attribute(path(false, [word("deprecated")]), meta));
    }
    attrs
}

/// The items for one model item. With `allow`, `#[allow(deprecated)]` goes on the item and
/// on each of its impl blocks.
pub(super) fn item(
    ctx: &ModuleCtx<'_>,
    extras: &Extras,
    item: &Item,
    allow: bool,
) -> Vec<syn::Item> {
    let mut attrs = doc_attrs(ctx.docs, &item.docs);
    if allow {
        attrs.push(allow_deprecated());
    }
    if matches!(item.kind, ItemKind::Struct(_) | ItemKind::Enum(_))
        && extras.config.needs_non_exhaustive_attribute(&item.ts_path)
    {
        attrs.push(attribute(path(false, [word("non_exhaustive")]), Meta::Word));
    }
    let name = ident(&item.name);
    let mut items = match &item.kind {
        ItemKind::Struct(s) => {
            // An impl written out names the struct and reads each field: either may be
            // deprecated, which derives do not warn about but written code does.
            let impl_allow = allow
                || item.docs.deprecated.is_some()
                || s.fields.iter().any(|f| f.docs.deprecated.is_some());
            structure(ctx, extras, attrs, name, s, impl_allow)
        }
        ItemKind::Enum(e) => enumeration(ctx, extras, attrs, name, e, allow),
        ItemKind::Alias(target) => vec![syn::Item::Type(syn::ItemType {
            attrs,
            vis: public(),
            type_token: Default::default(),
            ident: name,
            generics: Default::default(),
            eq_token: Default::default(),
            ty: Box::new(ctx.ty(target)),
            semi_token: Default::default(),
        })],
        ItemKind::Newtype(target) => newtype(ctx, extras, attrs, name, target, allow),
        ItemKind::Trait(t) => vec![service(ctx, attrs, name, t)],
        ItemKind::Reexport(target) => {
            let path = ctx.item_path(target);
            let rename = (unraw(&target.name) != unraw(&item.name)).then_some(name);
            let attrs = if allow { vec![allow_deprecated()] } else { vec![] };
            vec![use_item(attrs, &path, UseEnd::Name(rename))]
        }
        ItemKind::ReexportAll(module) => {
            vec![use_item(vec![], &ctx.module_path(module), UseEnd::Glob)]
        }
    };
    items.iter_mut().for_each(allow_complex_field_types);
    items
}

/// `#[allow(clippy::type_complexity)]` on a struct or enum with a field type clippy finds too
/// complex (elasticsearch's `global: Option<BTreeMap<String, BTreeMap<String,
/// BTreeMap<String, Vec<String>>>>>`): the type is the declaration's, and an alias for it would
/// be a name the declarations do not have. (Clippy does not look at trait impls' signatures.)
fn allow_complex_field_types(item: &mut syn::Item) {
    let (attrs, fields): (_, Vec<&syn::Field>) = match item {
        syn::Item::Struct(s) => (&mut s.attrs, s.fields.iter().collect()),
        syn::Item::Enum(e) => (&mut e.attrs, e.variants.iter().flat_map(|v| &v.fields).collect()),
        _ => return,
    };
    if fields.iter().any(|f| type_complexity(&f.ty, 1) > TYPE_COMPLEXITY_THRESHOLD) {
        attrs.push(list_attribute("allow", quote!(clippy::type_complexity)));
    }
}

/// Clippy's default `type-complexity-threshold`: a type scoring more is linted.
const TYPE_COMPLEXITY_THRESHOLD: u64 = 250;

/// A type's score as clippy's `type_complexity` counts it: each named type, tuple, slice or
/// array is 10 times its depth (1 at the top, one more inside each of them), a reference or
/// pointer 1, a function pointer 50 times its depth.
fn type_complexity(ty: &syn::Type, depth: u64) -> u64 {
    let inner = |types: &mut dyn Iterator<Item = &syn::Type>| -> u64 {
        types.map(|t| type_complexity(t, depth + 1)).sum()
    };
    match ty {
        syn::Type::Path(p) => {
            let mut args =
                p.qself.iter().map(|q| &*q.ty).chain(p.path.segments.iter().flat_map(|segment| {
                    match &segment.arguments {
                        syn::PathArguments::AngleBracketed(a) => a
                            .args
                            .iter()
                            .filter_map(|arg| match arg {
                                syn::GenericArgument::Type(t) => Some(t),
                                _ => None,
                            })
                            .collect(),
                        _ => Vec::new(),
                    }
                }));
            10 * depth + inner(&mut args)
        }
        syn::Type::Tuple(t) => 10 * depth + inner(&mut t.elems.iter()),
        syn::Type::Slice(t) => 10 * depth + inner(&mut std::iter::once(&*t.elem)),
        syn::Type::Array(t) => 10 * depth + inner(&mut std::iter::once(&*t.elem)),
        syn::Type::Reference(t) => 1 + type_complexity(&t.elem, depth),
        syn::Type::Ptr(t) => 1 + type_complexity(&t.elem, depth),
        syn::Type::BareFn(f) => 50 * depth + inner(&mut f.inputs.iter().map(|a| &a.ty)),
        syn::Type::Paren(t) => type_complexity(&t.elem, depth),
        syn::Type::Group(t) => type_complexity(&t.elem, depth),
        _ => 0,
    }
}

/// How a `pub use` path ends.
enum UseEnd {
    /// `a::B;` or, with a name, `a::B as C;`
    Name(Option<syn::Ident>),
    /// `a::*;`
    Glob,
}

/// `pub use path…;`.
fn use_item(attrs: Vec<syn::Attribute>, path: &syn::Path, end: UseEnd) -> syn::Item {
    let mut idents: Vec<syn::Ident> = path.segments.iter().map(|s| s.ident.clone()).collect();
    let tree = match end {
        UseEnd::Glob => syn::UseTree::Glob(syn::UseGlob { star_token: Default::default() }),
        UseEnd::Name(rename) => {
            let ident = idents.pop().unwrap_or_else(|| word("self"));
            match rename {
                None => syn::UseTree::Name(syn::UseName { ident }),
                Some(rename) => syn::UseTree::Rename(syn::UseRename {
                    ident,
                    as_token: Default::default(),
                    rename,
                }),
            }
        }
    };
    syn::Item::Use(use_of(attrs, public(), idents, tree))
}

/// `#[derive(…)]` with the config's extra derives, then the config's extra attributes.
fn derive_attrs(derives: &[&str], extras: &Extras) -> Vec<syn::Attribute> {
    let derives = derives.iter().map(|d| ident(d));
    let extra_derives = &extras.derives;
    let derive = list_attribute("derive", quote!(#(#derives,)* #(#extra_derives),*));
    std::iter::once(derive).chain(extras.attributes.iter().cloned()).collect()
}

/// Whether `s` gets a `Serialize` impl of its own instead of serde's derive: every struct that
/// is read by hand too (see `support::reads_by_hand`), and every struct holding floats,
/// which the derive would write as `1.0`. A float is written through the support
/// module's one generic `Js` wrapper (serde's `serialize_with` makes a wrapper type and impl
/// per field, which rustc checks one by one), and every field through its `Fields`, which
/// keeps the first error (the derive's `?` per field is an early return rustc checks one by
/// one): rustc spends a third less on these impls than on the derive's (BENCHMARKS.md).
pub(super) fn serializes_by_hand(ctx: &ModuleCtx<'_>, s: &Struct) -> bool {
    support::reads_by_hand(s) || s.fields.iter().any(|f| writes_js_numbers(&ctx.canonical(&f.ty)))
}

fn structure(
    ctx: &ModuleCtx<'_>,
    extras: &Extras,
    mut attrs: Vec<syn::Attribute>,
    name: syn::Ident,
    s: &Struct,
    impl_allow: bool,
) -> Vec<syn::Item> {
    let by_hand = serializes_by_hand(ctx, s);
    let reads_by_hand = support::reads_by_hand(s);
    let mut derives = vec!["Debug", "Clone"];
    if s.all_optional() {
        derives.push("Default");
    }
    derives.push("PartialEq");
    if !by_hand {
        derives.push("Serialize");
    }
    if !reads_by_hand {
        derives.push("Deserialize");
    }
    attrs.extend(derive_attrs(&derives, extras));
    let mut generics = syn::Generics::default();
    if !s.type_params.is_empty() {
        generics.lt_token = Some(Default::default());
        generics.params =
            s.type_params.iter().map(|p| syn::GenericParam::Type(ident(p).into())).collect();
        generics.gt_token = Some(Default::default());
    }
    let fields = s.fields.iter().map(|f| {
        let mut attrs = doc_attrs(ctx.docs, &f.docs);
        let serde =
            field_serde(ctx, f, Derived { serialize: !by_hand, deserialize: !reads_by_hand });
        attrs.extend((!serde.is_empty()).then(|| list_attribute("serde", quote!(#(#serde),*))));
        let mut ty = ctx.ty(&f.ty);
        if f.nullable {
            ty = ctx.wrap(ctx.option(), ty);
        }
        if f.optional {
            ty = ctx.wrap(ctx.option(), ty);
        }
        syn::Field {
            attrs,
            vis: public(),
            mutability: syn::FieldMutability::None,
            ident: Some(ident(&f.name)),
            colon_token: Some(Default::default()),
            ty,
        }
    });
    let fields: syn::punctuated::Punctuated<syn::Field, syn::Token![,]> = fields.collect();
    let mut self_path = path(false, [name.clone()]);
    if !s.type_params.is_empty() {
        let args = s.type_params.iter().map(|p| path_type(path(false, [ident(p)])));
        self_path = with_args(self_path, args);
    }
    let impls = impls::Impls { ctx, self_ty: path_type(self_path), allow: impl_allow };
    let serialize = by_hand.then(|| impls.struct_serialize(s, &generics));
    let deserialize = reads_by_hand.then(|| {
        let types: Vec<&syn::Type> = fields.iter().map(|f: &syn::Field| &f.ty).collect();
        impls.struct_deserialize(s, &types)
    });
    let item = syn::Item::Struct(syn::ItemStruct {
        attrs,
        vis: public(),
        struct_token: Default::default(),
        ident: name,
        generics,
        fields: syn::Fields::Named(syn::FieldsNamed {
            brace_token: Default::default(),
            named: fields,
        }),
        semi_token: None,
    });
    std::iter::once(item).chain(serialize).chain(deserialize.into_iter().flatten()).collect()
}

/// `pub struct Name(pub Target);` and its impls (see `Impls::newtype`). It reads and writes
/// as its target does (`transparent`), except that numbers are written as JavaScript does.
fn newtype(
    ctx: &ModuleCtx<'_>,
    extras: &Extras,
    mut attrs: Vec<syn::Attribute>,
    name: syn::Ident,
    target: &RustType,
    allow: bool,
) -> Vec<syn::Item> {
    let js_numbers = writes_js_numbers(&ctx.canonical(target));
    let mut derives = vec!["Debug", "Clone"];
    if is_default(target) {
        derives.push("Default");
    }
    derives.push("PartialEq");
    if !js_numbers {
        derives.push("Serialize");
    }
    derives.push("Deserialize");
    attrs.extend(derive_attrs(&derives, extras));
    attrs.push(list_attribute("serde", quote!(transparent)));
    let inner = ctx.ty(target);
    let self_ty = path_type(path(false, [name.clone()]));
    let item = syn::Item::Struct(syn::ItemStruct {
        attrs,
        vis: public(),
        struct_token: Default::default(),
        ident: name,
        generics: Default::default(),
        fields: syn::Fields::Unnamed(syn::FieldsUnnamed {
            paren_token: Default::default(),
            unnamed: Punctuated::from_iter([syn::Field {
                attrs: vec![],
                vis: public(),
                mutability: syn::FieldMutability::None,
                ident: None,
                colon_token: None,
                ty: inner.clone(),
            }]),
        }),
        semi_token: Some(Default::default()),
    });
    let impls = impls::Impls { ctx, self_ty, allow };
    std::iter::once(item).chain(impls.newtype(inner, js_numbers)).collect()
}

/// Whether every value of `ty` has a `Default`: not a generated item's (a struct may have
/// required fields).
fn is_default(ty: &RustType) -> bool {
    match ty {
        RustType::Vec(_) | RustType::Map(_) | RustType::Option(_) => true,
        RustType::F64 | RustType::String | RustType::Bool | RustType::Unit | RustType::Json => true,
        RustType::Verbatim(v) => crate::model::rust::is_primitive_number(v),
        RustType::Boxed(inner) => is_default(inner),
        RustType::Tuple(ts) => ts.len() <= 12 && ts.iter().all(is_default),
        RustType::Item(..) | RustType::MemberOf(..) | RustType::Param(_) => false,
    }
}

/// Which of a struct's serde impls serde's derive writes (the others are written out).
#[derive(Clone, Copy)]
struct Derived {
    serialize: bool,
    deserialize: bool,
}

/// The parts of a field's `#[serde(…)]` attribute that serde's derives need: its wire name,
/// and, for each impl `derived`, how it reads or writes the field.
fn field_serde(ctx: &ModuleCtx<'_>, f: &Field, derived: Derived) -> Vec<proc_macro2::TokenStream> {
    let canonical = ctx.canonical(&f.ty);
    let mut parts = Vec::new();
    if !derived.serialize && !derived.deserialize {
        return parts;
    }
    let rename = (unraw(&f.name) != f.wire && !f.flatten).then(|| {
        let wire = &f.wire;
        quote!(rename = #wire)
    });
    if f.absent {
        // `a?: never`: `()`, never written, and a present key fails the read.
        parts.extend(rename);
        if derived.deserialize {
            let with = ctx.support("absent");
            parts.extend([quote!(default), quote!(deserialize_with = #with)]);
        }
        if derived.serialize {
            parts.push(quote!(skip_serializing));
        }
        return parts;
    }
    if f.present && derived.deserialize {
        let with = ctx.support("required");
        parts.push(quote!(deserialize_with = #with));
    }
    if f.flatten {
        // An index signature: every key no other field names.
        parts.push(quote!(flatten));
    }
    parts.extend(rename);
    if f.optional && !f.flatten {
        let is_none = ctx.option_is_none();
        if derived.deserialize {
            // serde's plain `default` makes every parameter the field mentions `Default`; an
            // `Option` needs no such bound, so a generic field names its default function.
            parts.push(if f.ty.mentions_param() {
                let function = is_none.replace("is_none", "default");
                quote!(default = #function)
            } else {
                quote!(default)
            });
        }
        if derived.serialize {
            parts.push(quote!(skip_serializing_if = #is_none));
        }
        let read = if f.nullable {
            Some("double_option")
        } else if support::is_present_unit(f.optional, f.nullable, &canonical) {
            Some("present")
        } else {
            None
        };
        if let Some(read) = read.filter(|_| derived.deserialize) {
            let with = ctx.support(read);
            parts.push(quote!(deserialize_with = #with));
        }
    }
    if derived.serialize && writes_js_numbers(&canonical) {
        let with = ctx.support("js_number");
        parts.push(quote!(serialize_with = #with));
    }
    parts
}

/// Whether every payload is a scalar with `Eq` and `Hash`.
fn payloads_eq(e: &Enum) -> bool {
    e.payloads().all(|t| match t {
        RustType::String | RustType::Bool | RustType::Unit => true,
        RustType::Verbatim(v) => crate::model::rust::is_primitive_number(v) && !t.has_float(),
        _ => false,
    })
}

/// A variant carrying one value of type `ty`.
fn tuple_variant(attrs: Vec<syn::Attribute>, name: syn::Ident, ty: syn::Type) -> syn::Variant {
    let field = syn::Field {
        attrs: vec![],
        vis: syn::Visibility::Inherited,
        mutability: syn::FieldMutability::None,
        ident: None,
        colon_token: None,
        ty,
    };
    syn::Variant {
        attrs,
        ident: name,
        fields: syn::Fields::Unnamed(syn::FieldsUnnamed {
            paren_token: Default::default(),
            unnamed: Punctuated::from_iter([field]),
        }),
        discriminant: None,
    }
}

/// Whether serde's derive reads and writes `e`: only untagged unions do. String, number and
/// tagged enums have serde impls of their own (see `impls`).
pub(super) fn derives_serde(e: &Enum) -> bool {
    e.tag().is_none() && !e.is_number_enum() && !e.is_string_enum()
}

fn enumeration(
    ctx: &ModuleCtx<'_>,
    extras: &Extras,
    mut attrs: Vec<syn::Attribute>,
    name: syn::Ident,
    e: &Enum,
    allow: bool,
) -> Vec<syn::Item> {
    let mut derives = vec!["Debug", "Clone"];
    let copy = (!e.is_open() || e.is_number_enum()) && e.payloads().all(RustType::is_copy);
    if copy {
        derives.push("Copy");
    }
    derives.push("PartialEq");
    if payloads_eq(e) {
        derives.extend(["Eq", "Hash"]);
    }
    let tag = e.tag();
    let derives_serde = derives_serde(e);
    if derives_serde {
        derives.extend(["Serialize", "Deserialize"]);
    }
    attrs.extend(derive_attrs(&derives, extras));
    let all_untagged =
        derives_serde && e.variants.iter().all(|v| matches!(v.kind, VariantKind::Untagged(_)));
    if all_untagged {
        attrs.push(list_attribute("serde", quote!(untagged)));
    }
    let variants = e.variants.iter().map(|v| {
        let mut attrs = doc_attrs(ctx.docs, &v.docs);
        let vname = ident(&v.name);
        match &v.kind {
            VariantKind::Literal(wire) => {
                if derives_serde {
                    attrs.push(list_attribute("serde", quote!(rename = #wire)));
                } else if v.docs.is_empty() {
                    // The wire string, where serde's `rename` would have shown it.
                    attrs = vec![doc_attr(&format!(" {}.", super::docs::code_span(wire)))];
                }
                syn::Variant { attrs, ident: vname, fields: syn::Fields::Unit, discriminant: None }
            }
            VariantKind::Number(_) => {
                syn::Variant { attrs, ident: vname, fields: syn::Fields::Unit, discriminant: None }
            }
            VariantKind::Other if e.is_number_enum() => {
                tuple_variant(attrs, vname, path_type(path(false, [word("i64")])))
            }
            VariantKind::Other => {
                if derives_serde {
                    attrs.push(list_attribute("serde", quote!(untagged)));
                }
                tuple_variant(attrs, vname, ctx.string())
            }
            VariantKind::Untagged(ty) => {
                if !all_untagged {
                    attrs.push(list_attribute("serde", quote!(untagged)));
                }
                if writes_js_numbers(&ctx.canonical(ty)) {
                    let with = ctx.support("js_number");
                    attrs.push(list_attribute("serde", quote!(serialize_with = #with)));
                }
                tuple_variant(attrs, vname, ctx.ty(ty))
            }
            VariantKind::Tagged { values, ty, .. } => {
                if v.docs.is_empty() {
                    // A long list shows its first values and its length.
                    const SHOWN: usize = 8;
                    let shown: Vec<String> =
                        values.iter().take(SHOWN).map(|v| format!("`{}`", v.text())).collect();
                    let values = match values.len() {
                        n if n > SHOWN => format!("{}, … ({n} values)", shown.join(", ")),
                        _ => shown.join(", "),
                    };
                    attrs = vec![doc_attr(&format!(" `{}`: {values}.", tag.unwrap_or_default()))];
                }
                tuple_variant(attrs, vname, ctx.ty(ty))
            }
        }
    });
    let self_ty = path_type(path(false, [name.clone()]));
    let mut out = vec![syn::Item::Enum(syn::ItemEnum {
        attrs,
        vis: public(),
        enum_token: Default::default(),
        ident: name,
        generics: Default::default(),
        brace_token: Default::default(),
        variants: variants.collect(),
    })];
    let impls = impls::Impls { ctx, self_ty, allow };
    if e.is_string_enum() {
        out.extend(impls.string_enum(e));
    }
    if e.is_number_enum() {
        out.extend(impls.number_enum(e));
    }
    if let Some(tag) = tag {
        out.extend(impls.tagged_enum(e, tag));
    }
    out.extend(impls.payload_conversions(e));
    out
}

fn service(
    ctx: &ModuleCtx<'_>,
    attrs: Vec<syn::Attribute>,
    name: syn::Ident,
    t: &Trait,
) -> syn::Item {
    let mut service = template!(
        syn::ItemTrait,
        pub trait __Name {
            /// The error an implementation returns: transport, status or decoding failures.
            type Error;
        }
    );
    service.attrs = attrs;
    service.ident = name;
    for m in &t.methods {
        let mut method = Holes::default()
            .path("__Result", ctx.result())
            .ty("__Ret", ctx.ty(&m.returns))
            .ident("__method", ident(&m.name))
            .fill(
                template!(
                    syn::TraitItemFn,
                    fn __method(
                        &self,
                    ) -> impl ::core::future::Future<Output = __Result<__Ret, Self::Error>> + Send;
                ),
                Holes::visit_trait_item_fn_mut,
            );
        method.attrs = doc_attrs(ctx.docs, &m.docs);
        if names_another_receiver(&m.name) {
            // The method keeps the SDK's name (`fromResponse` → `from_response`), by which users
            // find it, and stays a call through the client (`&self`): clippy's naming
            // convention is about conversions, which a remote call is not.
            method.attrs.push(list_attribute("allow", quote!(clippy::wrong_self_convention)));
        }
        // As `fn name(&self, #(#params),*)` was written: a comma after `&self` even alone.
        // (rustfmt may or may not have written that comma into the template.)
        if !method.sig.inputs.trailing_punct() {
            method.sig.inputs.push_punct(Default::default());
        }
        for (param, ty) in &m.params {
            method.sig.inputs.push(syn::FnArg::Typed(syn::PatType {
                attrs: vec![],
                pat: Box::new(syn::Pat::Ident(syn::PatIdent {
                    attrs: vec![],
                    by_ref: None,
                    mutability: None,
                    ident: ident(param),
                    subpat: None,
                })),
                colon_token: Default::default(),
                ty: Box::new(ctx.ty(ty)),
            }));
        }
        service.items.push(syn::TraitItem::Fn(method));
    }
    syn::Item::Trait(service)
}

/// Whether clippy's `wrong_self_convention` expects a method of this name to take another
/// receiver than `&self`: none for `new` and `from_*`, `self` for `into_*`, `&mut self` for
/// `to_mut` and `to_*_mut`.
fn names_another_receiver(name: &str) -> bool {
    let name = unraw(name);
    let prefixed = |prefix: &str| name.starts_with(prefix) && name != prefix;
    name == "new"
        || name == "to_mut"
        || prefixed("from_")
        || prefixed("into_")
        || prefixed("to_") && name.ends_with("_mut")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scores checked against clippy 1.95 (`type_complexity` warns above 250).
    #[test]
    fn type_complexity_counts_as_clippy_does() {
        let score = |text: &str| type_complexity(&syn::parse_str(text).unwrap(), 1);
        assert_eq!(score("Option<BTreeMap<String, BTreeMap<String, Vec<String>>>>"), 220);
        assert_eq!(score("Option<BTreeMap<String, BTreeMap<String, Vec<Vec<String>>>>>"), 280);
        assert_eq!(score("Vec<Vec<Vec<Vec<Vec<u8>>>>>"), 210);
        assert_eq!(score("Vec<Box<Vec<Option<Vec<Option<u8>>>>>>"), 280);
        assert_eq!(
            score("(String, String, Vec<(String, Option<Vec<u8>>)>, BTreeMap<String, Vec<Option<u8>>>)"),
            460
        );
    }
}
