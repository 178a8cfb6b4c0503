//! Building `syn` syntax trees directly, without printing tokens and parsing them back.
//!
//! Emitting used to build each item as a `quote!` token stream and parse the whole file with
//! `syn`: two thirds of the run went into building tokens only to read them again. Here the
//! varying parts (names, paths, types, attributes, lists of fields, variants and match arms)
//! are built as `syn` values, and the fixed shapes (impl blocks, method signatures) are
//! [`template!`]s: parsed once per thread, then cloned with their holes filled.

use proc_macro2::{Span, TokenStream};
use std::cell::RefCell;
use std::collections::HashMap;
use syn::punctuated::Punctuated;
use syn::visit_mut::VisitMut;

/// A piece of Rust with holes, parsed from the tokens once per thread and cloned on each use.
///
/// `template!(syn::ItemImpl, impl Display for __Name {})` evaluates to a fresh `syn::ItemImpl`;
/// [`Holes::fill`] then replaces its placeholders. Parsing happens once per thread because
/// `syn` values (their spans) cannot be shared between threads.
macro_rules! template {
    ($kind:ty, $($tokens:tt)*) => {{
        thread_local! {
            static TEMPLATE: $kind = syn::parse_quote!($($tokens)*);
        }
        TEMPLATE.with(Clone::clone)
    }};
}
pub(crate) use template;

/// What fills the placeholders of a template. A placeholder is an identifier starting with
/// `__`; it is filled by the first kind of hole that names it:
/// - a type `__T` (a path type of that one identifier) becomes [`Holes::ty`]'s type;
/// - an expression `__e` (a path expression of that one identifier) becomes [`Holes::expr`]'s;
/// - a path segment `__P` becomes [`Holes::path`]'s path, keeping the segment's generic
///   arguments on the path's last segment (`__Result<T, E>` → `::core::result::Result<T, E>`);
/// - any other identifier `__x` becomes [`Holes::ident`]'s identifier;
/// - a string literal `"__s"` becomes [`Holes::str`]'s string.
#[derive(Default)]
pub(super) struct Holes {
    fills: Vec<(&'static str, Fill)>,
    /// Placeholder identifiers met that no fill names.
    unfilled: Vec<String>,
}

/// What one placeholder is filled with.
enum Fill {
    Ident(syn::Ident),
    Type(syn::Type),
    Expr(syn::Expr),
    Path(syn::Path),
    Str(String),
}

impl Holes {
    /// Fills identifier placeholder `name`.
    pub(super) fn ident(self, name: &'static str, value: syn::Ident) -> Self {
        self.with(name, Fill::Ident(value))
    }

    /// Fills type placeholder `name`.
    pub(super) fn ty(self, name: &'static str, value: syn::Type) -> Self {
        self.with(name, Fill::Type(value))
    }

    /// Fills expression placeholder `name`.
    pub(super) fn expr(self, name: &'static str, value: syn::Expr) -> Self {
        self.with(name, Fill::Expr(value))
    }

    /// Fills path placeholder `name`.
    pub(super) fn path(self, name: &'static str, value: syn::Path) -> Self {
        self.with(name, Fill::Path(value))
    }

    /// Fills string-literal placeholder `name`.
    pub(super) fn str(self, name: &'static str, value: &str) -> Self {
        self.with(name, Fill::Str(value.to_owned()))
    }

    fn with(mut self, name: &'static str, fill: Fill) -> Self {
        self.fills.push((name, fill));
        self
    }

    /// Fills every placeholder of `node` and returns it. Debug builds check that no
    /// placeholder survives: a template whose fills drifted apart from it would otherwise
    /// print `__Name` into the output. (One set of fills may serve several templates, so a
    /// fill need not be used.)
    pub(super) fn fill<T>(mut self, mut node: T, visit: fn(&mut Self, &mut T)) -> T {
        visit(&mut self, &mut node);
        debug_assert!(self.unfilled.is_empty(), "placeholders left unfilled: {:?}", self.unfilled);
        node
    }

    /// The fill of the kind `pick` accepts for the placeholder `is_name` recognises.
    fn find<V>(&self, is_name: impl Fn(&str) -> bool, pick: fn(&Fill) -> Option<&V>) -> Option<&V> {
        self.fills.iter().filter(|(name, _)| is_name(name)).find_map(|(_, fill)| pick(fill))
    }

    /// The fill of kind `pick` for the placeholder identifier `ident`.
    fn for_ident<V>(&self, ident: &syn::Ident, pick: fn(&Fill) -> Option<&V>) -> Option<&V> {
        self.find(|name| ident == name, pick)
    }

    /// The fill of kind `pick` for a path that is one placeholder identifier.
    fn for_path<V>(&self, path: &syn::Path, pick: fn(&Fill) -> Option<&V>) -> Option<&V> {
        self.for_ident(path.get_ident()?, pick)
    }
}

impl VisitMut for Holes {
    fn visit_type_mut(&mut self, node: &mut syn::Type) {
        if let syn::Type::Path(syn::TypePath { qself: None, path }) = node {
            let fill = self.for_path(path, |f| if let Fill::Type(t) = f { Some(t) } else { None });
            if let Some(value) = fill {
                *node = value.clone();
                return;
            }
        }
        syn::visit_mut::visit_type_mut(self, node);
    }

    fn visit_expr_mut(&mut self, node: &mut syn::Expr) {
        if let syn::Expr::Path(syn::ExprPath { qself: None, path, .. }) = node {
            let fill = self.for_path(path, |f| if let Fill::Expr(e) = f { Some(e) } else { None });
            if let Some(value) = fill {
                *node = value.clone();
                return;
            }
        }
        syn::visit_mut::visit_expr_mut(self, node);
    }

    fn visit_path_mut(&mut self, node: &mut syn::Path) {
        let pick: fn(&Fill) -> Option<&syn::Path> =
            |f| if let Fill::Path(p) = f { Some(p) } else { None };
        let first = node.segments.first().map(|s| &s.ident);
        if let Some(value) = first.and_then(|i| self.for_ident(i, pick)) {
            let mut spliced = value.clone();
            let rest: Vec<syn::PathSegment> = node.segments.iter().skip(1).cloned().collect();
            if let (Some(last), Some(hole)) = (spliced.segments.last_mut(), node.segments.first()) {
                last.arguments = hole.arguments.clone();
            }
            spliced.segments.extend(rest);
            *node = spliced;
        }
        syn::visit_mut::visit_path_mut(self, node);
    }

    fn visit_ident_mut(&mut self, node: &mut syn::Ident) {
        let fill = self.for_ident(node, |f| if let Fill::Ident(i) = f { Some(i) } else { None });
        match fill {
            Some(value) => *node = value.clone(),
            // Spelling out every identifier a template holds is for the debug check alone.
            None if cfg!(debug_assertions) && node.to_string().starts_with("__") => {
                self.unfilled.push(node.to_string())
            }
            None => {}
        }
    }

    fn visit_lit_str_mut(&mut self, node: &mut syn::LitStr) {
        if !self.fills.iter().any(|(_, fill)| matches!(fill, Fill::Str(_))) {
            return; // no literal to fill: not worth unescaping each one to compare
        }
        let value = node.value();
        let fill =
            self.find(|name| name == value, |f| if let Fill::Str(s) = f { Some(s) } else { None });
        if let Some(text) = fill {
            *node = lit_str(text);
        }
    }
}

/// A string literal.
pub(super) fn lit_str(text: &str) -> syn::LitStr {
    syn::LitStr::new(text, Span::call_site())
}

/// A string literal expression.
pub(super) fn str_expr(text: &str) -> syn::Expr {
    syn::Expr::Lit(syn::ExprLit { attrs: vec![], lit: syn::Lit::Str(lit_str(text)) })
}

/// A path of identifiers, `::`-led when `global`.
pub(super) fn path(global: bool, segments: impl IntoIterator<Item = syn::Ident>) -> syn::Path {
    syn::Path {
        leading_colon: global.then(Default::default),
        segments: segments.into_iter().map(syn::PathSegment::from).collect(),
    }
}

/// `path` with generic arguments `args` on its last segment.
pub(super) fn with_args(
    mut path: syn::Path,
    args: impl IntoIterator<Item = syn::Type>,
) -> syn::Path {
    let args: Punctuated<syn::GenericArgument, syn::Token![,]> =
        args.into_iter().map(syn::GenericArgument::Type).collect();
    if let Some(last) = path.segments.last_mut() {
        last.arguments = syn::PathArguments::AngleBracketed(syn::AngleBracketedGenericArguments {
            colon2_token: None,
            lt_token: Default::default(),
            args,
            gt_token: Default::default(),
        });
    }
    path
}

/// A type naming `path`.
pub(super) fn path_type(path: syn::Path) -> syn::Type {
    syn::Type::Path(syn::TypePath { qself: None, path })
}

/// An expression naming `path`.
pub(super) fn path_expr(path: syn::Path) -> syn::Expr {
    syn::Expr::Path(syn::ExprPath { attrs: vec![], qself: None, path })
}

/// `function(args…)`.
pub(super) fn call_expr(
    function: syn::Path,
    args: impl IntoIterator<Item = syn::Expr>,
) -> syn::Expr {
    syn::Expr::Call(syn::ExprCall {
        attrs: vec![],
        func: Box::new(path_expr(function)),
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// `receiver.method()`.
pub(super) fn method_call(receiver: syn::Expr, method: &str) -> syn::Expr {
    syn::Expr::MethodCall(syn::ExprMethodCall {
        attrs: vec![],
        receiver: Box::new(receiver),
        dot_token: Default::default(),
        method: word(method),
        turbofish: None,
        paren_token: Default::default(),
        args: Default::default(),
    })
}

/// `&expr`.
pub(super) fn shared_ref(expr: syn::Expr) -> syn::Expr {
    syn::Expr::Reference(syn::ExprReference {
        attrs: vec![],
        and_token: Default::default(),
        mutability: None,
        expr: Box::new(expr),
    })
}

/// `expr?`.
pub(super) fn try_expr(expr: syn::Expr) -> syn::Expr {
    syn::Expr::Try(syn::ExprTry {
        attrs: vec![],
        expr: Box::new(expr),
        question_token: Default::default(),
    })
}

/// The type `()`.
pub(super) fn unit_type() -> syn::Type {
    syn::Type::Tuple(syn::TypeTuple { paren_token: Default::default(), elems: Punctuated::new() })
}

/// A type written as Rust source (from the config, which has checked it), parsed once per
/// thread and text.
pub(super) fn verbatim_type(text: &str) -> Option<syn::Type> {
    thread_local! {
        static PARSED: RefCell<HashMap<String, Option<syn::Type>>> = RefCell::default();
    }
    PARSED.with(|parsed| {
        let mut parsed = parsed.borrow_mut();
        // Looked up by `&str` first: a hit (nearly every call) allocates nothing.
        if let Some(ty) = parsed.get(text) {
            return ty.clone();
        }
        let ty = syn::parse_str(text).ok();
        parsed.insert(text.to_owned(), ty.clone());
        ty
    })
}

/// An outer attribute `#[path]`, `#[path(tokens)]` or, with `value`, `#[path = value]`.
pub(super) fn attribute(path: syn::Path, meta: Meta) -> syn::Attribute {
    let meta = match meta {
        Meta::Word => syn::Meta::Path(path),
        Meta::List(tokens) => syn::Meta::List(syn::MetaList {
            path,
            delimiter: syn::MacroDelimiter::Paren(Default::default()),
            tokens,
        }),
        Meta::Value(value) => {
            syn::Meta::NameValue(syn::MetaNameValue { path, eq_token: Default::default(), value })
        }
    };
    syn::Attribute {
        pound_token: Default::default(),
        style: syn::AttrStyle::Outer,
        bracket_token: Default::default(),
        meta,
    }
}

/// The shape of an attribute's contents.
pub(super) enum Meta {
    /// `#[path]`
    Word,
    /// `#[path(tokens)]`
    List(TokenStream),
    /// `#[path = value]`
    Value(syn::Expr),
}

/// `#[name(tokens)]` for a one-word attribute name.
pub(super) fn list_attribute(name: &str, tokens: TokenStream) -> syn::Attribute {
    attribute(path(false, [word(name)]), Meta::List(tokens))
}

/// An identifier the emitter itself writes (`doc`, `serde`, `value`…), never raw.
pub(super) fn word(name: &str) -> syn::Ident {
    syn::Ident::new(name, Span::call_site())
}

/// `pub`.
pub(super) fn public() -> syn::Visibility {
    syn::Visibility::Public(Default::default())
}

/// The attributes of an item, for every kind that has them (`None` for verbatim tokens).
pub(super) fn attrs_mut(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::Item::Struct(i) => &mut i.attrs,
        syn::Item::Enum(i) => &mut i.attrs,
        syn::Item::Type(i) => &mut i.attrs,
        syn::Item::Impl(i) => &mut i.attrs,
        syn::Item::Use(i) => &mut i.attrs,
        syn::Item::Mod(i) => &mut i.attrs,
        syn::Item::Trait(i) => &mut i.attrs,
        syn::Item::Fn(i) => &mut i.attrs,
        syn::Item::Const(i) => &mut i.attrs,
        syn::Item::Static(i) => &mut i.attrs,
        syn::Item::Macro(i) => &mut i.attrs,
        syn::Item::Union(i) => &mut i.attrs,
        syn::Item::TraitAlias(i) => &mut i.attrs,
        syn::Item::ExternCrate(i) => &mut i.attrs,
        syn::Item::ForeignMod(i) => &mut i.attrs,
        _ => return None,
    })
}

/// `#[doc = "text"]`, which prints as `///text`.
pub(super) fn doc_attr(text: &str) -> syn::Attribute {
    attribute(path(false, [word("doc")]), Meta::Value(str_expr(text)))
}

/// `#[allow(deprecated)]`, on generated code that names a deprecated item.
pub(super) fn allow_deprecated() -> syn::Attribute {
    list_attribute("allow", quote::quote!(deprecated))
}

/// `vis use a::b::…::tree;` for the leading identifiers `idents`.
pub(super) fn use_of(
    attrs: Vec<syn::Attribute>,
    vis: syn::Visibility,
    idents: Vec<syn::Ident>,
    mut tree: syn::UseTree,
) -> syn::ItemUse {
    for ident in idents.into_iter().rev() {
        tree = syn::UseTree::Path(syn::UsePath {
            ident,
            colon2_token: Default::default(),
            tree: Box::new(tree),
        });
    }
    syn::ItemUse {
        attrs,
        vis,
        use_token: Default::default(),
        leading_colon: None,
        tree,
        semi_token: Default::default(),
    }
}

/// What the doc attribute marking a blank line before an item holds (see [`separate_items`]).
pub(super) const SEPARATOR: &str = "\u{2}";

/// Marks each item of `items` but the first to follow a blank line, and so the items of every
/// module, impl block and trait among them, as hand-written Rust separates items: a first
/// attribute `#[doc = "\u{2}"]`, whose printed line `text::finish` makes that blank line.
/// (prettyplease prints items back to back.) Statements are never marked.
pub(super) fn separate_items(items: &mut [syn::Item]) {
    for (index, item) in items.iter_mut().enumerate() {
        match item {
            syn::Item::Mod(m) => {
                if let Some((_, content)) = &mut m.content {
                    separate_items(content);
                }
            }
            syn::Item::Impl(i) => {
                for member in i.items.iter_mut().skip(1) {
                    if let Some(attrs) = impl_item_attrs_mut(member) {
                        attrs.insert(0, doc_attr(SEPARATOR));
                    }
                }
            }
            syn::Item::Trait(t) => {
                for member in t.items.iter_mut().skip(1) {
                    if let Some(attrs) = trait_item_attrs_mut(member) {
                        attrs.insert(0, doc_attr(SEPARATOR));
                    }
                }
            }
            _ => {}
        }
        if index > 0 {
            if let Some(attrs) = attrs_mut(item) {
                attrs.insert(0, doc_attr(SEPARATOR));
            }
        }
    }
}

/// The attributes of a member of an impl block.
fn impl_item_attrs_mut(item: &mut syn::ImplItem) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::ImplItem::Fn(i) => &mut i.attrs,
        syn::ImplItem::Const(i) => &mut i.attrs,
        syn::ImplItem::Type(i) => &mut i.attrs,
        syn::ImplItem::Macro(i) => &mut i.attrs,
        _ => return None,
    })
}

/// The attributes of a member of a trait.
fn trait_item_attrs_mut(item: &mut syn::TraitItem) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::TraitItem::Fn(i) => &mut i.attrs,
        syn::TraitItem::Const(i) => &mut i.attrs,
        syn::TraitItem::Type(i) => &mut i.attrs,
        syn::TraitItem::Macro(i) => &mut i.attrs,
        _ => return None,
    })
}
