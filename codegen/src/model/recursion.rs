//! Boxes: recursive types, and the struct payloads of untagged enums.
//!
//! A struct that holds itself again — directly, through `Option`, through an untagged enum's
//! payload or a type alias — has no finite size in Rust. [`box_recursive`] finds the cycles of
//! such "inline" references and puts a `Box` on every reference that closes one.
//!
//! Items are the nodes of a graph whose edges are the inline references (a `Vec`, a map or an
//! existing `Box` holds its value on the heap, so it is no edge). A field can reach its own
//! item again exactly when it refers to an item of the same strongly connected component, so
//! one Tarjan pass (linear in items plus references) decides every field.
//!
//! An enum is as large as its largest variant, so [`box_struct_payloads`] boxes every enum
//! payload that holds a struct by value.

use super::rust::{Item, ItemKind, ItemPath, Module, RustType, VariantKind};
use rustc_hash::FxHashMap;

/// Wraps in [`RustType::Boxed`] every struct field and untagged enum payload whose type can
/// reach its own item again without passing through a `Vec` or a map. An optional field keeps
/// its `Option` outside: `Option<Box<T>>`.
pub(super) fn box_recursive(root: &mut Module) {
    let decisions = boxes_needed(root);
    apply(root, decisions);
}

/// Wraps in [`RustType::Boxed`] every enum payload that holds a struct by value:
/// directly, through `Option`, a tuple, type aliases or re-exports (`Option<Box<T>>` for an
/// `Option`). Structs come in any size, and clippy's `large_enum_variant` rejects an enum whose
/// largest variant is far larger than the next; a struct is boxed however it was declared (an
/// interface, an object type alias, an intersection, an evaluated utility type).
pub(super) fn box_struct_payloads(root: &mut Module) {
    let decisions = with_items(root, |items, find| {
        let item_of = |p: &ItemPath| find(p).map(|i| items[i].1);
        let mut decisions = Vec::new();
        for (_, item) in items {
            let is_enum = matches!(item.kind, ItemKind::Enum(_));
            for ty in rewritten_types(item) {
                decisions.push(is_enum && holds_struct(ty, &item_of, 0));
            }
        }
        decisions
    });
    apply(root, decisions);
}

/// Boxes each of [`rewritten_types`] whose decision, in [`rewrite`]'s order, is `true`.
fn apply(root: &mut Module, decisions: Vec<bool>) {
    let mut decisions = decisions.into_iter();
    rewrite(root, &mut |ty| {
        if decisions.next().unwrap_or(false) {
            put_box(ty);
        }
    });
}

/// Whether `ty` holds a struct by value, below its `Option`s and inside tuples, following
/// aliases and re-exports. `depth` counts the aliases followed: a cycle of aliases (which the
/// recursion pass breaks with a box) holds no struct of its own.
fn holds_struct<'m>(
    ty: &RustType,
    item_of: &impl Fn(&ItemPath) -> Option<&'m Item>,
    depth: usize,
) -> bool {
    const MAX_ALIASES: usize = 64;
    match ty {
        RustType::Item(path, _) => match item_of(path).map(|item| &item.kind) {
            Some(ItemKind::Struct(_)) => true,
            Some(ItemKind::Alias(target) | ItemKind::Newtype(target)) if depth < MAX_ALIASES => {
                holds_struct(target, item_of, depth + 1)
            }
            Some(ItemKind::Reexport(target)) if depth < MAX_ALIASES => {
                holds_struct(&RustType::Item(target.clone(), vec![]), item_of, depth + 1)
            }
            _ => false,
        },
        RustType::Option(inner) => holds_struct(inner, item_of, depth),
        RustType::Tuple(elements) => elements.iter().any(|e| holds_struct(e, item_of, depth)),
        _ => false,
    }
}

/// For every field and untagged payload, in [`rewrite`]'s order, whether it needs a `Box`.
/// Decided on the unchanged tree, where items are found by borrowed paths (a copy of each
/// item's path cost more than the graph work).
fn boxes_needed(root: &Module) -> Vec<bool> {
    with_items(root, |items, find| {
        let edges: Vec<Vec<usize>> = items
            .iter()
            .map(|(_, item)| {
                let mut out = Vec::new();
                for ty in inline_types(item) {
                    inline_refs(ty, &mut |p| out.extend(find(p)));
                }
                out
            })
            .collect();
        let component = components(&edges);
        let mut decisions = Vec::new();
        for (own, (_, item)) in items.iter().enumerate() {
            for ty in rewritten_types(item) {
                let own = component[own];
                decisions
                    .push(needs_box(ty, &mut |p| find(p).is_some_and(|i| component[i] == own)));
            }
        }
        decisions
    })
}

/// Calls `f` with every item in [`collect`]'s order (with its module's number) and a lookup
/// of an item's position by path.
fn with_items<R>(
    root: &Module,
    f: impl FnOnce(&[(usize, &Item)], &dyn Fn(&ItemPath) -> Option<usize>) -> R,
) -> R {
    let mut modules = Vec::new();
    let mut items = Vec::new();
    collect(root, &mut Vec::new(), &mut modules, &mut items);
    let index: FxHashMap<(&[String], &str), usize> = items
        .iter()
        .enumerate()
        .map(|(i, &(module, item))| ((modules[module].as_slice(), item.name.as_str()), i))
        .collect();
    let find = |p: &ItemPath| index.get(&(p.modules.as_slice(), p.name.as_str())).copied();
    f(&items, &find)
}

/// Every module's path (`modules`) and every item with its module's number (`out`), in a fixed
/// order (modules depth-first, items before child modules).
fn collect<'m>(
    module: &'m Module,
    path: &mut Vec<String>,
    modules: &mut Vec<Vec<String>>,
    out: &mut Vec<(usize, &'m Item)>,
) {
    modules.push(path.clone());
    let own = modules.len() - 1;
    out.extend(module.items.iter().map(|item| (own, item)));
    for child in &module.modules {
        path.push(child.name.clone());
        collect(child, path, modules, out);
        path.pop();
    }
}

/// The types an item holds by value: fields, untagged payloads, an alias's target.
fn inline_types(item: &Item) -> Vec<&RustType> {
    match &item.kind {
        ItemKind::Struct(s) => s.fields.iter().map(|f| &f.ty).collect(),
        ItemKind::Enum(e) => e.payloads().collect(),
        ItemKind::Alias(target) | ItemKind::Newtype(target) => vec![target],
        ItemKind::Trait(_) | ItemKind::Reexport(_) | ItemKind::ReexportAll(_) => vec![],
    }
}

/// The types [`rewrite`] visits in an item: fields, enum payloads (a tagged union of
/// interfaces boxes its payloads already) and a newtype's value; re-exports and traits hold
/// nothing.
fn rewritten_types(item: &Item) -> Vec<&RustType> {
    match &item.kind {
        ItemKind::Struct(s) => s.fields.iter().map(|f| &f.ty).collect(),
        ItemKind::Enum(e) => e
            .variants
            .iter()
            .filter_map(|v| match &v.kind {
                VariantKind::Untagged(ty) | VariantKind::Tagged { ty, .. } => Some(ty),
                _ => None,
            })
            .collect(),
        ItemKind::Newtype(target) => vec![target],
        ItemKind::Alias(_)
        | ItemKind::Trait(_)
        | ItemKind::Reexport(_)
        | ItemKind::ReexportAll(_) => {
            vec![]
        }
    }
}

/// Calls `found` with every item `ty` holds inline. Type arguments count as inline: whether a
/// generic item holds its parameter by value is not looked into, so this errs towards a `Box`.
fn inline_refs(ty: &RustType, found: &mut impl FnMut(&ItemPath)) {
    match ty {
        RustType::Item(path, args) => {
            found(path);
            for arg in args {
                inline_refs(arg, found);
            }
        }
        RustType::Option(inner) => inline_refs(inner, found),
        RustType::Tuple(elements) => elements.iter().for_each(|e| inline_refs(e, found)),
        RustType::Vec(_) | RustType::Map(_) | RustType::Boxed(_) | RustType::MemberOf(..) => {}
        RustType::String
        | RustType::Bool
        | RustType::F64
        | RustType::Json
        | RustType::Unit
        | RustType::Verbatim(_)
        | RustType::Param(_) => {}
    }
}

/// Visits the items in [`collect`]'s order, calling `visit` on each of [`rewritten_types`].
fn rewrite(module: &mut Module, visit: &mut impl FnMut(&mut RustType)) {
    for item in &mut module.items {
        match &mut item.kind {
            ItemKind::Struct(s) => s.fields.iter_mut().for_each(|f| visit(&mut f.ty)),
            ItemKind::Enum(e) => {
                for variant in &mut e.variants {
                    if let VariantKind::Untagged(ty) | VariantKind::Tagged { ty, .. } =
                        &mut variant.kind
                    {
                        visit(ty);
                    }
                }
            }
            ItemKind::Newtype(target) => visit(target),
            ItemKind::Alias(_)
            | ItemKind::Trait(_)
            | ItemKind::Reexport(_)
            | ItemKind::ReexportAll(_) => {}
        }
    }
    for child in &mut module.modules {
        rewrite(child, visit);
    }
}

/// Whether `ty`, below its `Option`s, holds inline an item for which `recursive` holds.
fn needs_box(ty: &RustType, recursive: &mut impl FnMut(&ItemPath) -> bool) -> bool {
    match ty {
        RustType::Option(inner) => needs_box(inner, recursive),
        RustType::Vec(_) | RustType::Map(_) | RustType::Boxed(_) => false,
        _ => {
            let mut reaches = false;
            inline_refs(ty, &mut |p| reaches |= recursive(p));
            reaches
        }
    }
}

/// Boxes `ty` below its `Option`s (where [`needs_box`] looked).
fn put_box(ty: &mut RustType) {
    match ty {
        RustType::Option(inner) => put_box(inner),
        _ => {
            let inner = std::mem::replace(ty, RustType::Unit);
            *ty = RustType::Boxed(Box::new(inner));
        }
    }
}

/// The strongly connected component of each node (Tarjan's algorithm, with an explicit stack
/// so deep chains of types cannot overflow the call stack).
fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    struct State {
        order: Vec<usize>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        /// The depth-first path: a node and how many of its edges were followed.
        calls: Vec<(usize, usize)>,
        counter: usize,
    }
    impl State {
        fn enter(&mut self, v: usize) {
            self.order[v] = self.counter;
            self.low[v] = self.counter;
            self.counter += 1;
            self.stack.push(v);
            self.on_stack[v] = true;
            self.calls.push((v, 0));
        }
    }
    let n = edges.len();
    let mut s = State {
        order: vec![UNSEEN; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        calls: Vec::new(),
        counter: 0,
    };
    let mut component = vec![UNSEEN; n];
    let mut components = 0;
    for start in 0..n {
        if s.order[start] != UNSEEN {
            continue;
        }
        s.enter(start);
        while let Some(&(v, followed)) = s.calls.last() {
            if let Some(&w) = edges[v].get(followed) {
                if let Some(top) = s.calls.last_mut() {
                    top.1 += 1;
                }
                if s.order[w] == UNSEEN {
                    s.enter(w);
                } else if s.on_stack[w] {
                    s.low[v] = s.low[v].min(s.order[w]);
                }
                continue;
            }
            s.calls.pop();
            if let Some(&(parent, _)) = s.calls.last() {
                s.low[parent] = s.low[parent].min(s.low[v]);
            }
            if s.low[v] == s.order[v] {
                while let Some(w) = s.stack.pop() {
                    s.on_stack[w] = false;
                    component[w] = components;
                    if w == v {
                        break;
                    }
                }
                components += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::jsdoc::Docs;
    use crate::model::rust::{Enum, Field, ModuleKind, Struct, Variant};

    fn path(name: &str) -> ItemPath {
        ItemPath { modules: vec![], name: name.to_owned() }
    }

    fn item_ref(name: &str) -> RustType {
        RustType::Item(path(name), vec![])
    }

    fn option(ty: RustType) -> RustType {
        RustType::Option(Box::new(ty))
    }

    fn boxed(ty: RustType) -> RustType {
        RustType::Boxed(Box::new(ty))
    }

    fn item(name: &str, kind: ItemKind) -> Item {
        Item {
            name: name.to_owned(),
            docs: Docs::default(),
            span: None,
            ts_path: name.to_owned(),
            kind,
        }
    }

    fn structure(name: &str, fields: Vec<(&str, RustType, bool)>) -> Item {
        let fields = fields
            .into_iter()
            .map(|(n, ty, optional)| Field {
                name: n.to_owned(),
                wire: n.to_owned(),
                ty,
                optional,
                nullable: false,
                flatten: false,
                absent: false,
                present: false,
                docs: Docs::default(),
            })
            .collect();
        item(name, ItemKind::Struct(Struct { type_params: vec![], fields }))
    }

    fn untagged(name: &str, payloads: Vec<RustType>) -> Item {
        let variants = payloads
            .into_iter()
            .enumerate()
            .map(|(i, ty)| Variant {
                name: format!("V{i}"),
                docs: Docs::default(),
                kind: VariantKind::Untagged(ty),
            })
            .collect();
        item(name, ItemKind::Enum(Enum { variants }))
    }

    fn boxed_root(items: Vec<Item>) -> Module {
        let mut root = Module::new("", ModuleKind::Root);
        root.items = items;
        box_recursive(&mut root);
        root
    }

    fn fields(module: &Module, name: &str) -> Vec<RustType> {
        let item = module.items.iter().find(|i| i.name == name).expect("item");
        match &item.kind {
            ItemKind::Struct(s) => s.fields.iter().map(|f| f.ty.clone()).collect(),
            ItemKind::Enum(e) => e.payloads().cloned().collect(),
            _ => panic!("not a struct or enum"),
        }
    }

    #[test]
    fn self_reference_is_boxed_under_option() {
        let root = boxed_root(vec![structure(
            "Node",
            vec![
                ("next", item_ref("Node"), true),
                ("parent", option(item_ref("Node")), false),
                ("name", RustType::String, false),
            ],
        )]);
        assert_eq!(
            fields(&root, "Node"),
            vec![boxed(item_ref("Node")), option(boxed(item_ref("Node"))), RustType::String]
        );
    }

    #[test]
    fn mutual_recursion_boxes_both_sides_and_nothing_else() {
        let root = boxed_root(vec![
            structure("A", vec![("b", item_ref("B"), true), ("leaf", item_ref("Leaf"), false)]),
            structure("B", vec![("a", item_ref("A"), false)]),
            structure("Leaf", vec![("x", RustType::F64, false)]),
        ]);
        assert_eq!(fields(&root, "A"), vec![boxed(item_ref("B")), item_ref("Leaf")]);
        assert_eq!(fields(&root, "B"), vec![boxed(item_ref("A"))]);
    }

    #[test]
    fn vec_and_map_need_no_box() {
        let vec = RustType::Vec(Box::new(item_ref("Tree")));
        let map = RustType::Map(Box::new(item_ref("Tree")));
        let root = boxed_root(vec![structure(
            "Tree",
            vec![("kids", vec.clone(), true), ("by", map.clone(), false)],
        )]);
        assert_eq!(fields(&root, "Tree"), vec![vec, map]);
    }

    #[test]
    fn cycle_through_enum_payload_and_alias() {
        let root = boxed_root(vec![
            structure("Expr", vec![("op", item_ref("Operand"), false)]),
            untagged("Operand", vec![item_ref("Ref"), RustType::F64]),
            item("Ref", ItemKind::Alias(item_ref("Expr"))),
        ]);
        assert_eq!(fields(&root, "Expr"), vec![boxed(item_ref("Operand"))]);
        assert_eq!(fields(&root, "Operand"), vec![boxed(item_ref("Ref")), RustType::F64]);
    }

    #[test]
    fn nested_modules_and_generic_arguments() {
        let mut root = Module::new("", ModuleKind::Root);
        root.items = vec![structure(
            "Outer",
            vec![(
                "inner",
                RustType::Item(
                    ItemPath { modules: vec!["outer".into()], name: "Inner".into() },
                    vec![],
                ),
                true,
            )],
        )];
        let mut child = Module::new("outer", ModuleKind::Namespace);
        child.items = vec![structure(
            "Inner",
            vec![("wrap", RustType::Item(path("Wrapper"), vec![item_ref("Outer")]), false)],
        )];
        root.modules.push(child);
        root.items.push(structure("Wrapper", vec![("v", RustType::Param("T".into()), false)]));
        box_recursive(&mut root);
        assert!(matches!(fields(&root, "Outer")[0], RustType::Boxed(_)));
        assert_eq!(
            fields(&root.modules[0], "Inner"),
            vec![boxed(RustType::Item(path("Wrapper"), vec![item_ref("Outer")]))]
        );
        assert_eq!(fields(&root, "Wrapper"), vec![RustType::Param("T".into())]);
    }

    #[test]
    fn struct_payloads_are_boxed_however_reached() {
        let mut root = Module::new("", ModuleKind::Root);
        root.items = vec![
            structure("Big", vec![("a", RustType::String, false)]),
            item("Again", ItemKind::Alias(item_ref("Big"))),
            item("Lists", ItemKind::Alias(RustType::Vec(Box::new(item_ref("Big"))))),
            untagged(
                "Payloads",
                vec![
                    item_ref("Big"),
                    item_ref("Again"),
                    option(item_ref("Big")),
                    RustType::Tuple(vec![item_ref("Big"), RustType::String]),
                    item_ref("Lists"),
                    RustType::Map(Box::new(item_ref("Big"))),
                    RustType::F64,
                ],
            ),
            structure("Holder", vec![("big", item_ref("Big"), false)]),
        ];
        box_struct_payloads(&mut root);
        assert_eq!(
            fields(&root, "Payloads"),
            vec![
                boxed(item_ref("Big")),
                boxed(item_ref("Again")),
                option(boxed(item_ref("Big"))),
                boxed(RustType::Tuple(vec![item_ref("Big"), RustType::String])),
                item_ref("Lists"),
                RustType::Map(Box::new(item_ref("Big"))),
                RustType::F64,
            ]
        );
        assert_eq!(fields(&root, "Holder"), vec![item_ref("Big")], "struct fields stay inline");
    }

    #[test]
    fn already_boxed_is_left_alone() {
        let root = boxed_root(vec![structure("N", vec![("n", boxed(item_ref("N")), true)])]);
        assert_eq!(fields(&root, "N"), vec![boxed(item_ref("N"))]);
    }

    #[test]
    fn components_of_a_long_chain_and_a_cycle() {
        // 0 → 1 → … → 99_999 (no cycle), then 100_000 ⇄ 100_001.
        let n = 100_000;
        let mut edges: Vec<Vec<usize>> =
            (0..n).map(|i| if i + 1 < n { vec![i + 1] } else { vec![] }).collect();
        edges.push(vec![n + 1]);
        edges.push(vec![n]);
        let c = components(&edges);
        assert_ne!(c[0], c[1]);
        assert_eq!(c[n], c[n + 1]);
        let distinct: std::collections::HashSet<_> = c.iter().collect();
        assert_eq!(distinct.len(), n + 1);
    }
}
