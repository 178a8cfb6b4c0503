//! The impl blocks of enums (the wire strings of string enums, serde for enums told apart by
//! a tag field, `From` for payloads) and the `Serialize` of structs that hold floats.

use super::support;
use super::syntax::{
    allow_deprecated, call_expr, method_call, path, path_expr, path_type, shared_ref, str_expr,
    template, try_expr, use_of, word, Holes,
};
use super::types::{ident, ModuleCtx};
use crate::model::naming::{field_slot, unraw};
use crate::model::rust::{
    writes_js_numbers, Absent, Enum, RustType, Struct, TagValue, Variant, VariantKind,
};
use syn::visit_mut::VisitMut;

/// Builds the impl blocks of one enum or struct.
pub(super) struct Impls<'c, 'm> {
    /// The module the item is printed in.
    pub ctx: &'c ModuleCtx<'m>,
    /// The item's type, with its type parameters.
    pub self_ty: syn::Type,
    /// Whether the blocks get `#[allow(deprecated)]`.
    pub allow: bool,
}

/// `match scrutinee { arms }`.
fn match_expr(scrutinee: syn::Expr, arms: Vec<syn::Arm>) -> syn::Expr {
    // No arm: the scrutinee is a reference to an empty enum (`enum E {}`), which only its
    // place, `*self`, shows uninhabited.
    let scrutinee = if arms.is_empty() {
        syn::Expr::Unary(syn::ExprUnary {
            attrs: vec![],
            op: syn::UnOp::Deref(Default::default()),
            expr: Box::new(scrutinee),
        })
    } else {
        scrutinee
    };
    syn::Expr::Match(syn::ExprMatch {
        attrs: vec![],
        match_token: Default::default(),
        expr: Box::new(scrutinee),
        brace_token: Default::default(),
        arms,
    })
}

/// `[a, b, c]` of string literals.
fn str_array(values: &[&str]) -> syn::Expr {
    array_expr(values.iter().map(|v| str_expr(v)).collect())
}

/// An integer literal (negative ones too: proc-macro literals carry their sign).
fn int_lit(n: i64) -> syn::ExprLit {
    syn::ExprLit {
        attrs: vec![],
        lit: syn::Lit::Int(syn::LitInt::from(proc_macro2::Literal::i64_unsuffixed(n))),
    }
}

/// The one element of `elems`, or all of them to make a tuple of: one element needs no tuple.
fn one_or_tuple<T>(
    elems: impl IntoIterator<Item = T>,
) -> Result<T, syn::punctuated::Punctuated<T, syn::Token![,]>> {
    let mut elems: syn::punctuated::Punctuated<T, syn::Token![,]> = elems.into_iter().collect();
    match elems.len() {
        1 => elems.pop().map(syn::punctuated::Pair::into_value).ok_or(elems),
        _ => Err(elems),
    }
}

/// `(a, b)`, or `a` alone.
fn tuple_expr(elems: impl IntoIterator<Item = syn::Expr>) -> syn::Expr {
    one_or_tuple(elems).unwrap_or_else(|elems| {
        syn::Expr::Tuple(syn::ExprTuple { attrs: vec![], paren_token: Default::default(), elems })
    })
}

/// The pattern `(a, b)`, or `a` alone, as [`tuple_expr`] builds the value.
fn tuple_pat(elems: impl IntoIterator<Item = syn::Pat>) -> syn::Pat {
    one_or_tuple(elems).unwrap_or_else(|elems| {
        syn::Pat::Tuple(syn::PatTuple { attrs: vec![], paren_token: Default::default(), elems })
    })
}

/// The pattern binding `name`.
fn bind(name: syn::Ident) -> syn::Pat {
    syn::Pat::Ident(syn::PatIdent {
        attrs: vec![],
        by_ref: None,
        mutability: None,
        ident: name,
        subpat: None,
    })
}

/// `pat => body,`.
fn arm_of(pat: syn::Pat, body: syn::Expr) -> syn::Arm {
    syn::Arm {
        attrs: vec![],
        pat,
        guard: None,
        fat_arrow_token: Default::default(),
        body: Box::new(body),
        comma: Some(Default::default()),
    }
}

/// `[a, b]`.
fn array_expr(elems: Vec<syn::Expr>) -> syn::Expr {
    syn::Expr::Array(syn::ExprArray {
        attrs: vec![],
        bracket_token: Default::default(),
        elems: elems.into_iter().collect(),
    })
}

/// `T` of the type `Option<T>` (however `Option` is spelled), or the type itself.
fn option_argument(ty: &syn::Type) -> syn::Type {
    if let syn::Type::Path(p) = ty {
        if let Some(syn::PathArguments::AngleBracketed(args)) =
            p.path.segments.last().map(|last| &last.arguments)
        {
            if let Some(syn::GenericArgument::Type(inner)) = args.args.first() {
                return inner.clone();
            }
        }
    }
    ty.clone()
}

/// The elements of a tuple, with the comma that makes one element a tuple.
fn tuple_elems<T>(elems: Vec<T>) -> syn::punctuated::Punctuated<T, syn::Token![,]> {
    let single = elems.len() == 1;
    let mut elems: syn::punctuated::Punctuated<T, syn::Token![,]> = elems.into_iter().collect();
    if single {
        elems.push_punct(Default::default());
    }
    elems
}

/// `items` as one tuple, nested by twelves (`Default` and the support module's `Slots` are
/// implemented for tuples up to twelve): `(a, b, …, (m, n, …))` made by `tuple`.
fn nest<T: Clone>(mut items: Vec<T>, tuple: impl Fn(Vec<T>) -> T) -> T {
    const MAX: usize = 12;
    while items.len() > MAX {
        items = items.chunks(MAX).map(|chunk| tuple(chunk.to_vec())).collect();
    }
    tuple(items)
}

/// The pattern matching the support module's `Tag` of any of `values`:
/// `Tag::Str("a" | "b") | Tag::Int(1)`.
fn tag_pattern(support: &syn::Path, values: &[&TagValue]) -> syn::Pat {
    let mut cases = Vec::new();
    for kind in ["Str", "Int", "Bool"] {
        let mut literals: Vec<syn::Pat> = values
            .iter()
            .filter_map(|v| {
                let lit = match (kind, v) {
                    ("Str", TagValue::String(s)) => syn::ExprLit {
                        attrs: vec![],
                        lit: syn::Lit::Str(super::syntax::lit_str(s)),
                    },
                    // Integers come below, runs of them as ranges.
                    ("Int", TagValue::Integer(_)) => return None,
                    ("Bool", TagValue::Bool(b)) => syn::ExprLit {
                        attrs: vec![],
                        lit: syn::Lit::Bool(syn::LitBool::new(*b, proc_macro2::Span::call_site())),
                    },
                    _ => return None,
                };
                Some(syn::Pat::Lit(lit))
            })
            .collect();
        if kind == "Int" {
            literals = integer_patterns(values);
        }
        if literals.is_empty() {
            continue;
        }
        let inner = match <[syn::Pat; 1]>::try_from(literals) {
            Ok([single]) => single,
            Err(literals) => syn::Pat::Or(syn::PatOr {
                attrs: vec![],
                leading_vert: None,
                cases: literals.into_iter().collect(),
            }),
        };
        let mut path = support.clone();
        path.segments.push(syn::PathSegment::from(word("Tag")));
        path.segments.push(syn::PathSegment::from(word(kind)));
        cases.push(syn::Pat::TupleStruct(syn::PatTupleStruct {
            attrs: vec![],
            qself: None,
            path,
            paren_token: Default::default(),
            elems: [inner].into_iter().collect(),
        }));
    }
    match <[syn::Pat; 1]>::try_from(cases) {
        Ok([single]) => single,
        Err(cases) => syn::Pat::Or(syn::PatOr {
            attrs: vec![],
            leading_vert: None,
            cases: cases.into_iter().collect(),
        }),
    }
}

/// The integers among `values` as patterns, in order, a run of three or more consecutive ones
/// as a range (`1..=4`, as clippy's `manual_range_patterns` asks).
fn integer_patterns(values: &[&TagValue]) -> Vec<syn::Pat> {
    let mut ints: Vec<i64> = values
        .iter()
        .filter_map(|v| match v {
            TagValue::Integer(n) => Some(*n),
            _ => None,
        })
        .collect();
    ints.sort_unstable();
    ints.dedup();
    let mut runs: Vec<(i64, i64)> = Vec::new();
    for n in ints {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => runs.push((n, n)),
        }
    }
    let mut patterns = Vec::new();
    for (start, end) in runs {
        if end - start >= 2 {
            patterns.push(syn::Pat::Range(syn::PatRange {
                attrs: vec![],
                start: Some(Box::new(int_expr(start))),
                limits: syn::RangeLimits::Closed(Default::default()),
                end: Some(Box::new(int_expr(end))),
            }));
        } else {
            patterns.extend((start..=end).map(|n| syn::Pat::Lit(int_lit(n))));
        }
    }
    patterns
}

/// An integer literal expression.
fn int_expr(n: i64) -> syn::Expr {
    syn::Expr::Lit(int_lit(n))
}

impl Impls<'_, '_> {
    /// The holes every impl block fills: the enum and the module's `Result`.
    fn holes(&self) -> Holes {
        Holes::default().ty("__Self", self.self_ty.clone()).path("__Result", self.ctx.result())
    }

    /// `item` with `#[allow(deprecated)]` when the enum needs it.
    fn finish(&self, mut item: syn::ItemImpl) -> syn::Item {
        if self.allow {
            item.attrs.insert(0, allow_deprecated());
        }
        syn::Item::Impl(item)
    }

    /// `as_str`, `Display`, `FromStr` and serde for an enum that is a string on the wire:
    /// serde writes `as_str` and reads through `FromStr` (the support module's `wire_str`),
    /// which costs rustc far less than serde's derive, whose visitors are one per enum.
    pub(super) fn string_enum(&self, e: &Enum) -> Vec<syn::Item> {
        let mut as_str_arms = Vec::new();
        let mut from_str_arms = Vec::new();
        let mut wires = Vec::new();
        let mut other = None;
        for v in &e.variants {
            let holes = || Holes::default().ident("__Variant", ident(&v.name));
            match &v.kind {
                VariantKind::Literal(wire) => {
                    as_str_arms.push(holes().str("__wire", wire).fill(
                        template!(syn::Arm, Self::__Variant => "__wire",),
                        Holes::visit_arm_mut,
                    ));
                    from_str_arms.push(holes().str("__wire", wire).fill(
                        template!(syn::Arm, "__wire" => Ok(Self::__Variant),),
                        Holes::visit_arm_mut,
                    ));
                    wires.push(wire.as_str());
                }
                VariantKind::Other => {
                    as_str_arms.push(holes().fill(
                        template!(syn::Arm, Self::__Variant(value) => value.as_str(),),
                        Holes::visit_arm_mut,
                    ));
                    other = Some(&v.name);
                }
                VariantKind::Number(_) | VariantKind::Untagged(_) | VariantKind::Tagged { .. } => {}
            }
        }
        // A closed enum's strings are all literals; an open one may return its payload.
        let returns = if other.is_some() {
            template!(syn::Type, &str)
        } else {
            template!(syn::Type, &'static str)
        };
        // With no literal (`enum E {}`), the fallback alone reads `value`, without a `match`
        // of one arm.
        let alone = from_str_arms.is_empty();
        let binding =
            || Holes::default().ident("__other", word(if alone { "value" } else { "other" }));
        let (error, fallback) = match other {
            Some(other) => (
                template!(syn::Type, ::core::convert::Infallible),
                binding().ident("__Variant", ident(other)).fill(
                    template!(syn::Arm, __other => Ok(Self::__Variant(__other.to_owned())),),
                    Holes::visit_arm_mut,
                ),
            ),
            None => (
                template!(syn::Type, serde::de::value::Error),
                binding().expr("__wires", str_array(&wires)).fill(
                    template!(syn::Arm,
                        __other => Err(serde::de::Error::unknown_variant(__other, &__wires)),
                    ),
                    Holes::visit_arm_mut,
                ),
            ),
        };
        let from_str_body = if alone {
            *fallback.body
        } else {
            from_str_arms.push(fallback);
            match_expr(template!(syn::Expr, value), from_str_arms)
        };
        let as_str = self
            .holes()
            .ty("__Returns", returns)
            .expr("__body", match_expr(template!(syn::Expr, self), as_str_arms))
            .fill(
                template!(syn::ItemImpl, impl __Self {
                    /// The wire string of this value.
                    pub fn as_str(&self) -> __Returns {
                        __body
                    }
                }),
                Holes::visit_item_impl_mut,
            );
        let display = self.holes().fill(
            template!(syn::ItemImpl, impl ::core::fmt::Display for __Self {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(self.as_str())
                }
            }),
            Holes::visit_item_impl_mut,
        );
        let from_str = self.holes().ty("__Error", error).expr("__body", from_str_body).fill(
            template!(syn::ItemImpl, impl ::core::str::FromStr for __Self {
                type Err = __Error;
                fn from_str(value: &str) -> __Result<Self, Self::Err> {
                    __body
                }
            }),
            Holes::visit_item_impl_mut,
        );
        let serialize =
            self.serialize_impl(template!(syn::Expr, serializer.serialize_str(self.as_str())));
        let deserialize = self.deserialize_through("wire_str");
        [as_str, display, from_str, serialize, deserialize]
            .into_iter()
            .map(|i| self.finish(i))
            .collect()
    }

    /// Serde impls for an enum with numeric members (a TypeScript numeric `enum`): each
    /// variant is its number on the wire (string members their string), and the catch-all of
    /// an open enum keeps any other integer.
    pub(super) fn number_enum(&self, e: &Enum) -> Vec<syn::Item> {
        let mut serialize_arms = Vec::new();
        let mut number_arms = Vec::new();
        let mut string_arms = Vec::new();
        let mut expected = Vec::new();
        for v in &e.variants {
            let holes = || Holes::default().ident("__Variant", ident(&v.name));
            match &v.kind {
                VariantKind::Number(n) => {
                    serialize_arms.push(holes().expr("__n", int_expr(*n)).fill(
                        template!(syn::Arm, Self::__Variant => serializer.serialize_i64(__n),),
                        Holes::visit_arm_mut,
                    ));
                    let mut arm = holes().fill(
                        template!(syn::Arm, Some(0) => Ok(Self::__Variant),),
                        Holes::visit_arm_mut,
                    );
                    if let syn::Pat::TupleStruct(some) = &mut arm.pat {
                        some.elems[0] = syn::Pat::Lit(int_lit(*n));
                    }
                    number_arms.push(arm);
                    expected.push(n.to_string());
                }
                VariantKind::Literal(wire) => {
                    serialize_arms.push(holes().str("__wire", wire).fill(
                        template!(syn::Arm, Self::__Variant => serializer.serialize_str("__wire"),),
                        Holes::visit_arm_mut,
                    ));
                    string_arms.push(holes().str("__wire", wire).fill(
                        template!(syn::Arm, "__wire" => Ok(Self::__Variant),),
                        Holes::visit_arm_mut,
                    ));
                    expected.push(format!("{wire:?}"));
                }
                VariantKind::Other => {
                    serialize_arms.push(holes().fill(
                        template!(syn::Arm, Self::__Variant(value) => serializer.serialize_i64(*value),),
                        Holes::visit_arm_mut,
                    ));
                    number_arms.push(holes().fill(
                        template!(syn::Arm, Some(other) => Ok(Self::__Variant(other)),),
                        Holes::visit_arm_mut,
                    ));
                }
                VariantKind::Untagged(_) | VariantKind::Tagged { .. } => {}
            }
        }
        let unknown = Holes::default().str("__expected", &format!("one of {}", expected.join(", "))).fill(
            template!(syn::Arm,
                _ => Err(D::Error::invalid_value(serde::de::Unexpected::Other(&value.to_string()), &"__expected")),
            ),
            Holes::visit_arm_mut,
        );
        let has_strings = !string_arms.is_empty();
        number_arms.push(unknown.clone());
        string_arms.push(unknown.clone());
        let numbers = match_expr(template!(syn::Expr, number.as_i64()), number_arms);
        let strings = match_expr(template!(syn::Expr, text.as_str()), string_arms);
        let body = Holes::default()
            .expr("__numbers", numbers)
            .expr("__strings", strings)
            .str("__expected", &format!("one of {}", expected.join(", ")))
            .fill(
                template!(
                    syn::ExprMatch,
                    match &value {
                        serde_json::Value::Number(number) => __numbers,
                        serde_json::Value::String(text) => __strings,
                        _ => Err(D::Error::invalid_type(
                            serde::de::Unexpected::Other(
                                "a value that is neither a number nor a string"
                            ),
                            &"__expected"
                        )),
                    }
                ),
                Holes::visit_expr_match_mut,
            );
        let mut body = body;
        if !has_strings {
            // No string members: a string is as unknown as any other value.
            body.arms.remove(1);
        }
        self.serde_by_hand(serialize_arms, syn::Expr::Match(body))
    }

    /// Serde impls for an enum told apart by a tag field. The field belongs to each payload
    /// (so a payload used alone still writes it): serializing writes the payload as is;
    /// deserializing reads the field (through the support module's `tag`) and decodes the
    /// whole object as the payload of the one variant its value selects, keeping that
    /// payload's own error, or as the first of the variants that share the value, with every
    /// one's error when none fits. Serde's `#[serde(tag)]` would write the field twice and
    /// make every payload drop it; `#[serde(untagged)]` would hide every error.
    pub(super) fn tagged_enum(&self, e: &Enum, tag: &str) -> Vec<syn::Item> {
        // The support module, named in the body by a `use` of its path from this module
        // (`super::super::dts2rs_support`), which is the root's and no other name.
        let support = path(false, [word(super::support::MODULE)]);
        let import = (!self.ctx.path.is_empty()).then(|| {
            let mut tree = syn::UseTree::Name(syn::UseName { ident: word(super::support::MODULE) });
            for _ in self.ctx.path {
                tree = syn::UseTree::Path(syn::UsePath {
                    ident: word("super"),
                    colon2_token: Default::default(),
                    tree: Box::new(tree),
                });
            }
            let mut import = template!(syn::ItemUse, use dts2rs_support;);
            import.tree = tree;
            syn::Stmt::Item(syn::Item::Use(import))
        });
        let mut serialize_arms = Vec::new();
        // Each tag value with the variants it selects, grouped by those variants, in order.
        let mut groups: Vec<(Vec<&Variant>, Vec<&TagValue>)> = Vec::new();
        let mut expected = Vec::new();
        let tagged: Vec<(&Variant, &Vec<TagValue>)> = e
            .variants
            .iter()
            .filter_map(|v| match &v.kind {
                VariantKind::Tagged { values, .. } => Some((v, values)),
                _ => None,
            })
            .collect();
        for (v, values) in &tagged {
            serialize_arms.push(Holes::default().ident("__Variant", ident(&v.name)).fill(
                template!(syn::Arm,
                    Self::__Variant(value) => serde::Serialize::serialize(value, serializer),
                ),
                Holes::visit_arm_mut,
            ));
            for value in values.iter() {
                if expected.contains(&value) {
                    continue;
                }
                expected.push(value);
                let selected: Vec<&Variant> = tagged
                    .iter()
                    .filter(|(_, values)| values.contains(value))
                    .map(|(v, _)| *v)
                    .collect();
                match groups.iter_mut().find(|(variants, _)| *variants == selected) {
                    Some((_, group)) => group.push(value),
                    None => groups.push((selected, vec![value])),
                }
            }
        }
        let mut deserialize_arms = Vec::new();
        for (variants, values) in &groups {
            let mut arm = match variants[..] {
                // The payload type is inferred from the variant's constructor.
                [v] => Holes::default()
                    .ident("__Variant", ident(&v.name))
                    .path("__support", support.clone())
                    .fill(
                        template!(syn::Arm, _ => __support::decode(&value, Self::__Variant),),
                        Holes::visit_arm_mut,
                    ),
                _ => {
                    let candidates = variants.iter().map(|v| {
                        Holes::default()
                            .ident("__Variant", ident(&v.name))
                            .str("__name", &v.name)
                            .fill(
                                template!(
                                    syn::Expr,
                                    ("__name", |value| serde::Deserialize::deserialize(value)
                                        .map(Self::__Variant))
                                ),
                                Holes::visit_expr_mut,
                            )
                    });
                    let candidates = syn::Expr::Array(syn::ExprArray {
                        attrs: vec![],
                        bracket_token: Default::default(),
                        elems: candidates.collect(),
                    });
                    Holes::default()
                        .path("__support", support.clone())
                        .expr("__candidates", candidates)
                        .fill(
                            template!(syn::Arm, _ => __support::first_of(&value, &__candidates),),
                            Holes::visit_arm_mut,
                        )
                }
            };
            arm.pat = tag_pattern(&support, values);
            deserialize_arms.push(arm);
        }
        let texts: Vec<String> = expected.iter().map(|v| v.text()).collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        deserialize_arms.push(
            Holes::default()
                .path("__support", support.clone())
                .expr("__values", str_array(&texts))
                .fill(
                    template!(syn::Arm, other => Err(__support::unknown_tag(other, &__values)),),
                    Holes::visit_arm_mut,
                ),
        );
        let scrutinee = Holes::default()
            .path("__support", support)
            .str("__tag", tag)
            .fill(template!(syn::Expr, __support::tag(&value, "__tag")?), Holes::visit_expr_mut);
        let mut items = self.serde_by_hand(serialize_arms, match_expr(scrutinee, deserialize_arms));
        // The support module's functions need no `serde::de::Error` in scope.
        if let Some(syn::Item::Impl(deserialize)) = items.last_mut() {
            if let Some(syn::ImplItem::Fn(f)) = deserialize.items.first_mut() {
                f.block.stmts.remove(0);
                f.block.stmts.splice(0..0, import);
            }
        }
        items
    }

    /// `Serialize` for a struct, written out as serde's derive would write it (the same keys
    /// in the same order, `None` of an optional field left out, an index signature's entries
    /// in its place) except that floats go through the support module's `Js`: see
    /// `items::serializes_by_hand`. A struct with an index signature is a map, as
    /// serde's `flatten` makes it; any other a struct. `generics` are the struct's own; each
    /// parameter must be `Serialize`.
    pub(super) fn struct_serialize(&self, s: &Struct, generics: &syn::Generics) -> syn::Item {
        // `Js` is imported in the function body: a path of `super::`s on every field would be
        // long where the struct is nested deep.
        let js = path(false, [word("Js")]);
        let mut support_path: Vec<syn::Ident> =
            self.ctx.support("Js").split("::").map(word).collect();
        let js_name = support_path.pop().expect("a path ends with a name");
        let import_js = syn::Stmt::Item(syn::Item::Use(use_of(
            vec![],
            syn::Visibility::Inherited,
            support_path,
            syn::UseTree::Name(syn::UseName { ident: js_name }),
        )));
        let mut uses_js = false;
        let as_map = s.fields.iter().any(|f| f.flatten);
        let mut body: Vec<syn::Stmt> = Vec::new();
        let mut required = 0i64;
        let mut optional = Vec::new();
        // A key the type says is never there (`a?: never`) is never written.
        for f in s.fields.iter().filter(|f| !f.absent) {
            let holes = || {
                Holes::default()
                    .ident("__field", ident(&f.name))
                    .str("__wire", &f.wire)
                    .path("__Js", js.clone())
            };
            let js_number = writes_js_numbers(&self.ctx.canonical(&f.ty));
            uses_js |= js_number;
            if f.flatten {
                let value = if js_number {
                    template!(syn::Expr, &__Js(value))
                } else {
                    template!(syn::Expr, value)
                };
                body.push(
                    holes().expr("__value", holes().fill(value, Holes::visit_expr_mut)).fill(
                        template!(
                            syn::Stmt,
                            for (key, value) in &self.__field {
                                fields.serialize_entry(key, __value)?;
                            }
                        ),
                        Holes::visit_stmt_mut,
                    ),
                );
                continue;
            }
            let value = if js_number {
                template!(syn::Expr, &__Js(&self.__field))
            } else {
                template!(syn::Expr, &self.__field)
            };
            let value = holes().fill(value, Holes::visit_expr_mut);
            // A struct's fields go through the support module's `Fields`, which keeps the
            // first error: a `?` per field is an early return that rustc checks one by one.
            let write = if as_map {
                template!(syn::Stmt, fields.serialize_entry("__wire", __value)?;)
            } else {
                template!(syn::Stmt, fields.field("__wire", __value);)
            };
            let write = holes().expr("__value", value).fill(write, Holes::visit_stmt_mut);
            if f.optional {
                let present = holes()
                    .fill(template!(syn::Expr, self.__field.is_some()), Holes::visit_expr_mut);
                optional.push(present.clone());
                body.push(syn::Stmt::Expr(
                    syn::Expr::If(syn::ExprIf {
                        attrs: vec![],
                        if_token: Default::default(),
                        cond: Box::new(present),
                        then_branch: syn::Block {
                            brace_token: Default::default(),
                            stmts: vec![write],
                        },
                        else_branch: None,
                    }),
                    None,
                ));
            } else {
                required += 1;
                body.push(write);
            }
        }
        let start = if as_map {
            template!(syn::Stmt, let mut fields = serializer.serialize_map(None)?;)
        } else {
            // The number of keys written, as serde's derive passes it: the required ones, and
            // the optional ones present (`count(&[self.a.is_some(), …])`).
            let present = (!optional.is_empty()).then(|| {
                call_expr(self.ctx.support_path("count"), [shared_ref(array_expr(optional))])
            });
            let len = match (required, present) {
                (0, Some(present)) => present,
                (required, None) => int_expr(required),
                (required, Some(present)) => add(int_expr(required), present),
            };
            let name = unraw(&s_name(&self.self_ty)).to_owned();
            Holes::default()
                .expr("__len", len)
                .str("__name", &name)
                .path("__Fields", self.ctx.support_path("Fields"))
                .fill(
                    if body.is_empty() {
                        // No key is ever written (every field is `?: never`).
                        template!(syn::Stmt, let fields = __Fields::new(serializer, "__name", __len);)
                    } else {
                        template!(syn::Stmt, let mut fields = __Fields::new(serializer, "__name", __len);)
                    },
                    Holes::visit_stmt_mut,
                )
        };
        let mut stmts = Vec::new();
        if as_map {
            stmts.push(template!(syn::Stmt, use serde::ser::SerializeMap as _;));
        }
        stmts.extend(uses_js.then_some(import_js));
        stmts.push(start);
        stmts.extend(body);
        stmts.push(syn::Stmt::Expr(template!(syn::Expr, fields.end()), None));
        let mut item = self.serialize_impl(template!(syn::Expr, ()));
        if let Some(syn::ImplItem::Fn(serialize)) = item.items.first_mut() {
            serialize.block.stmts = stmts;
        }
        if !generics.params.is_empty() {
            let mut generics = generics.clone();
            for param in generics.type_params_mut() {
                param.bounds.push(template!(syn::TypeParamBound, serde::Serialize));
            }
            item.generics = generics;
        }
        self.finish(item)
    }

    /// `Deserialize` for a struct read by hand (see `support::reads_by_hand`), and the
    /// support module's `ReadFields`: the struct's keys, the tuple of its slots (one per
    /// field, filled by the one generic visitor as their keys come), and `build`, which makes
    /// the struct from them. What serde's derive does for a JSON object, without its field
    /// enum, field visitor, sequence visitor and visitor type per struct, and without a loop
    /// over the keys per struct: rustc checks only `build` for each.
    /// `field_types` are the struct's fields' types, as declared.
    pub(super) fn struct_deserialize(
        &self,
        s: &Struct,
        field_types: &[&syn::Type],
    ) -> Vec<syn::Item> {
        let support = |name: &str| self.ctx.support_path(name);
        // The reader's own names start with `__`, as serde's derive's do: no identifier of a
        // type, field or slot does (see `model::naming`), so nothing the struct declares
        // shadows them.
        let with_locals =
            |holes: Holes| holes.ident("__E", word("__E")).ident("__slots", word("__slots"));
        // The support module's paths, spelled once for every field.
        let [missing, fails_absent, first_absent] =
            ["missing", "fails_absent", "first_absent"].map(support);
        let option = self.ctx.option();
        // Each field's slot, its type and binding in the tuple of slots.
        let mut slot_types = Vec::new();
        let mut slot_names = Vec::new();
        let mut values = Vec::new();
        // The slots of the fields that an absent key fails, and for every field that may
        // fail, in order, `(absent, "key")`: the struct is built when every such slot is
        // `Some`, in one match, rather than through a `?` per field, each of which rustc
        // checks as an early return (a quarter of what the readers cost it).
        let mut required = Vec::new();
        let mut absent_keys = Vec::new();
        // Each field's parts are built directly, not from templates: they are most of what
        // emit builds for a large API, and a template is a clone and a walk.
        for (f, field_type) in s.fields.iter().zip(field_types) {
            let slot_name = word(&field_slot(&f.name));
            let slot = || path_expr(path(false, [slot_name.clone()]));
            // `field: value`.
            let field_value = |expr: syn::Expr| syn::FieldValue {
                attrs: vec![],
                member: syn::Member::Named(ident(&f.name)),
                colon_token: Some(Default::default()),
                expr,
            };
            let wire = || str_expr(&f.wire);
            if f.absent {
                // `a?: never`: `()`, and a present key fails the read.
                slot_types.push(path_type(support("Refuse")));
                slot_names.push(None);
                values.push(field_value(template!(syn::Expr, ::core::default::Default::default())));
                continue;
            }
            slot_names.push(Some(slot_name.clone()));
            // An optional field whose value may be `null` keeps a present `null` as `Some`:
            // its slot holds the `T | null` itself, and is the field's value.
            let canonical = self.ctx.canonical(&f.ty);
            let keeps_null = f.optional
                && (f.nullable || support::is_present_unit(f.optional, f.nullable, &canonical));
            let value_type = match keeps_null {
                true => option_argument(field_type),
                false => (*field_type).clone(),
            };
            slot_types.push(self.ctx.wrap(option.clone(), value_type));
            if keeps_null {
                values.push(field_value(slot()));
                continue;
            }
            // A required `T | null` that tells apart the variants of an untagged union
            // (`present`) must be there, though serde reads an absent `Option` as `None`.
            let when_absent = match canonical.when_absent() {
                _ if f.optional => Absent::ReadsNone,
                _ if f.present => Absent::Fails,
                when_absent => when_absent,
            };
            let value = match when_absent {
                Absent::ReadsNone => method_call(slot(), "unwrap_or_default"),
                Absent::Fails => {
                    absent_keys.push(tuple_expr([method_call(slot(), "is_none"), wire()]));
                    required.push(slot_name.clone());
                    // The match binds the slot's value to the slot's own name.
                    slot()
                }
                Absent::Unknown => {
                    let check = call_expr(fails_absent.clone(), [shared_ref(slot())]);
                    absent_keys.push(tuple_expr([check, wire()]));
                    try_expr(call_expr(missing.clone(), [slot(), wire()]))
                }
            };
            values.push(field_value(value));
        }
        let build = syn::Expr::Struct(syn::ExprStruct {
            attrs: vec![],
            qself: None,
            path: template!(syn::Path, Self),
            brace_token: Default::default(),
            fields: values.into_iter().collect(),
            dot2_token: None,
            rest: None,
        });
        let mut ok = template!(syn::ExprCall, Ok(()));
        ok.args[0] = build;
        let ok = syn::Expr::Call(ok);
        // `match (slot_a, slot_b) { (Some(slot_a), Some(slot_b)) => Ok(…),
        // (slot_a, slot_b) => Err(first_absent(&[(slot_a.is_none(), "a"), …])) }`.
        let finish = if required.is_empty() {
            ok
        } else {
            let some = |name: &syn::Ident| {
                let mut some = template!(syn::Pat, Some(__value));
                if let syn::Pat::TupleStruct(some) = &mut some {
                    some.elems[0] = bind(name.clone());
                }
                some
            };
            let error = call_expr(first_absent, [shared_ref(array_expr(absent_keys))]);
            let arms = vec![
                arm_of(tuple_pat(required.iter().map(some)), ok),
                arm_of(
                    tuple_pat(required.iter().cloned().map(bind)),
                    call_expr(path(false, [word("Err")]), [error]),
                ),
            ];
            let slots = required.into_iter().map(|name| path_expr(path(false, [name])));
            match_expr(tuple_expr(slots), arms)
        };
        // The slots, a tuple of them (nested by twelves), filled key by key, then taken apart.
        let slots_type = nest(slot_types, |types| {
            syn::Type::Tuple(syn::TypeTuple {
                paren_token: Default::default(),
                elems: tuple_elems(types),
            })
        });
        let bindings = slot_names
            .into_iter()
            .map(|name| match name {
                Some(name) => bind(name),
                None => template!(syn::Pat, _),
            })
            .collect();
        let slots_pat = nest(bindings, |pats| {
            syn::Pat::Tuple(syn::PatTuple {
                attrs: vec![],
                paren_token: Default::default(),
                elems: tuple_elems(pats),
            })
        });
        let mut body = Vec::new();
        let mut take_apart = with_locals(Holes::default())
            .fill(template!(syn::Stmt, let __slots = __slots;), Holes::visit_stmt_mut);
        if let syn::Stmt::Local(local) = &mut take_apart {
            local.pat = slots_pat;
        }
        body.push(take_apart);
        body.push(syn::Stmt::Expr(finish, None));
        let name = unraw(&s_name(&self.self_ty)).to_owned();
        let wires: Vec<&str> = s.fields.iter().map(|f| f.wire.as_str()).collect();
        let deserialize = self.deserialize_through("read_struct");
        let mut read_fields_impl = with_locals(self.holes())
            .path("__ReadFields", support("ReadFields"))
            .str("__name", &name)
            .expr("__fields", str_array(&wires))
            .ty("__Slots", slots_type)
            .fill(
                template!(
                    syn::ItemImpl,
                    impl __ReadFields for __Self {
                        const NAME: &'static str = "__name";
                        const FIELDS: &'static [&'static str] = &__fields;
                        type Slots = __Slots;

                        fn build<__E: serde::de::Error>(__slots: Self::Slots) -> __Result<Self, __E> {}
                    }
                ),
                Holes::visit_item_impl_mut,
            );
        if let Some(syn::ImplItem::Fn(build)) = read_fields_impl.items.last_mut() {
            build.block.stmts = body;
        }
        vec![self.finish(deserialize), self.finish(read_fields_impl)]
    }

    /// A newtype's impls (see `model::newtypes`): with `js_numbers`, `Serialize` through the
    /// support module's `Js`, so its numbers are written as JavaScript writes them (otherwise
    /// serde's derive writes it); `Deref` and `DerefMut` to its value, so it is used as one;
    /// `From` its value, so one converts with `.into()`.
    pub(super) fn newtype(&self, inner: syn::Type, js_numbers: bool) -> Vec<syn::Item> {
        let js = self.ctx.support_path("Js");
        let holes = || {
            self.holes()
                .ty("__Inner", inner.clone())
                .path("__Js", js.clone())
                .path("__From", self.ctx.convert_from())
        };
        let serialize = self.serialize_impl(holes().fill(
            template!(syn::Expr, serde::Serialize::serialize(&__Js(&self.0), serializer)),
            Holes::visit_expr_mut,
        ));
        let deref = holes().fill(
            template!(syn::ItemImpl, impl ::core::ops::Deref for __Self {
                type Target = __Inner;
                fn deref(&self) -> &Self::Target {
                    &self.0
                }
            }),
            Holes::visit_item_impl_mut,
        );
        let deref_mut = holes().fill(
            template!(syn::ItemImpl, impl ::core::ops::DerefMut for __Self {
                fn deref_mut(&mut self) -> &mut Self::Target {
                    &mut self.0
                }
            }),
            Holes::visit_item_impl_mut,
        );
        let from = holes().fill(
            template!(syn::ItemImpl, impl __From<__Inner> for __Self {
                fn from(value: __Inner) -> Self {
                    Self(value)
                }
            }),
            Holes::visit_item_impl_mut,
        );
        let serialize = js_numbers.then_some(serialize);
        serialize
            .into_iter()
            .chain([deref, deref_mut, from])
            .map(|item| self.finish(item))
            .collect()
    }

    /// `impl Deserialize` that hands the deserializer to the support module's generic
    /// `function` (one visitor for every type it reads).
    fn deserialize_through(&self, function: &str) -> syn::ItemImpl {
        self.holes().path("__function", self.ctx.support_path(function)).fill(
            template!(
                syn::ItemImpl,
                impl<'de> serde::Deserialize<'de> for __Self {
                    fn deserialize<D: serde::Deserializer<'de>>(
                        deserializer: D,
                    ) -> __Result<Self, D::Error> {
                        __function(deserializer)
                    }
                }
            ),
            Holes::visit_item_impl_mut,
        )
    }

    /// `impl Serialize` whose `serialize` (with `self` and `serializer`) is `body`.
    fn serialize_impl(&self, body: syn::Expr) -> syn::ItemImpl {
        self.holes().expr("__body", body).fill(
            template!(syn::ItemImpl, impl serde::Serialize for __Self {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> __Result<S::Ok, S::Error> {
                    __body
                }
            }),
            Holes::visit_item_impl_mut,
        )
    }

    /// Serde impls written out: `Serialize` matches `self` against `serialize_arms`;
    /// `Deserialize` reads a `serde_json::Value` named `value` and evaluates `deserialize`.
    fn serde_by_hand(
        &self,
        serialize_arms: Vec<syn::Arm>,
        deserialize: syn::Expr,
    ) -> Vec<syn::Item> {
        let serialize = self.serialize_impl(match_expr(template!(syn::Expr, self), serialize_arms));
        let deserialize = self.holes().expr("__body", deserialize).fill(
            template!(
                syn::ItemImpl,
                impl<'de> serde::Deserialize<'de> for __Self {
                    fn deserialize<D: serde::Deserializer<'de>>(
                        deserializer: D,
                    ) -> __Result<Self, D::Error> {
                        use serde::de::Error as _;
                        let value =
                            <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                        __body
                    }
                }
            ),
            Holes::visit_item_impl_mut,
        );
        vec![self.finish(serialize), self.finish(deserialize)]
    }

    /// `impl From<Payload> for Enum` for every payload type that only one variant carries
    /// (boxed payloads are boxed by the conversion), so `event.into()` builds the enum.
    pub(super) fn payload_conversions(&self, e: &Enum) -> Vec<syn::Item> {
        let payloads: Vec<(&Variant, (&RustType, bool))> = e
            .variants
            .iter()
            .filter_map(|v| match &v.kind {
                VariantKind::Untagged(RustType::Boxed(inner))
                | VariantKind::Tagged { ty: RustType::Boxed(inner), .. } => {
                    Some((v, (&**inner, true)))
                }
                VariantKind::Untagged(ty) | VariantKind::Tagged { ty, .. } => {
                    Some((v, (ty, false)))
                }
                _ => None,
            })
            .collect();
        let canonical: Vec<RustType> =
            payloads.iter().map(|(_, (ty, _))| self.ctx.canonical(ty)).collect();
        payloads
            .iter()
            .zip(&canonical)
            .filter(|(_, ty)| canonical.iter().filter(|other| other == ty).count() == 1)
            .map(|(payload, _)| payload)
            .map(|(variant, (ty, boxed))| {
                let value = if *boxed {
                    Holes::default()
                        .path("__Box", self.ctx.boxed())
                        .fill(template!(syn::Expr, __Box::new(value)), Holes::visit_expr_mut)
                } else {
                    path_expr(path(false, [word("value")]))
                };
                let from = self
                    .holes()
                    .ty("__Payload", self.ctx.ty(ty))
                    .ident("__Variant", ident(&variant.name))
                    .expr("__value", value)
                    .path("__From", self.ctx.convert_from())
                    .fill(
                        template!(syn::ItemImpl, impl __From<__Payload> for __Self {
                            fn from(value: __Payload) -> Self {
                                Self::__Variant(__value)
                            }
                        }),
                        Holes::visit_item_impl_mut,
                    );
                self.finish(from)
            })
            .collect()
    }
}

/// `a + b`.
fn add(a: syn::Expr, b: syn::Expr) -> syn::Expr {
    // Built directly: a hole would clone the sum so far at every step.
    syn::Expr::Binary(syn::ExprBinary {
        attrs: vec![],
        left: Box::new(a),
        op: syn::BinOp::Add(Default::default()),
        right: Box::new(b),
    })
}

/// The name of the type `ty` names (its path's last segment).
fn s_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => {
            p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default()
        }
        _ => String::new(),
    }
}
