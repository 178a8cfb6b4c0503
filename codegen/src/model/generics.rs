//! Generic parameters that Rust can keep.
//!
//! TypeScript accepts type parameters a declaration never uses and references that leave out
//! parameters with defaults (`interface Page<Item = unknown>` used as `Page`); Rust rejects
//! both (E0392, E0107). This pass drops every parameter no field uses, and makes every
//! reference pass exactly the arguments its item keeps (`serde_json::Value` for left-out ones).

use super::rust::{ItemKind, ItemPath, Module, RustType, VariantKind};
use std::collections::BTreeMap;

/// Drops unused parameters from every struct and fits every reference to what its item keeps.
pub(super) fn fit_generics(root: &mut Module) {
    let mut generic = BTreeMap::new();
    gather(root, &mut Vec::new(), &mut generic);
    let kept = kept_parameters(&generic);
    drop_unused(root, &mut Vec::new(), &kept);
    rewrite(root, &kept);
}

/// Every generic struct's parameters and field types, by path.
fn gather(
    module: &Module,
    path: &mut Vec<String>,
    out: &mut BTreeMap<ItemPath, (Vec<String>, Vec<RustType>)>,
) {
    for item in &module.items {
        if let ItemKind::Struct(s) = &item.kind {
            if !s.type_params.is_empty() {
                let fields = s.fields.iter().map(|f| f.ty.clone()).collect();
                out.insert(
                    ItemPath { modules: path.clone(), name: item.name.clone() },
                    (s.type_params.clone(), fields),
                );
            }
        }
    }
    for child in &module.modules {
        path.push(child.name.clone());
        gather(child, path, out);
        path.pop();
    }
}

/// Which parameters each generic struct keeps: those a field uses directly, or through an
/// argument the referenced struct itself keeps. Starts from "all kept" and drops until nothing
/// changes (each round only drops, so it ends).
fn kept_parameters(
    generic: &BTreeMap<ItemPath, (Vec<String>, Vec<RustType>)>,
) -> BTreeMap<ItemPath, Vec<bool>> {
    let mut kept: BTreeMap<ItemPath, Vec<bool>> = generic
        .iter()
        .map(|(path, (params, _))| (path.clone(), vec![true; params.len()]))
        .collect();
    loop {
        let mut changed = false;
        for (path, (params, fields)) in generic {
            let used: Vec<bool> =
                params.iter().map(|p| fields.iter().any(|ty| mentions(ty, p, &kept))).collect();
            if kept[path] != used {
                kept.insert(path.clone(), used);
                changed = true;
            }
        }
        if !changed {
            return kept;
        }
    }
}

/// Whether `ty` uses `param`, counting only the arguments their struct keeps.
fn mentions(ty: &RustType, param: &str, kept: &BTreeMap<ItemPath, Vec<bool>>) -> bool {
    match ty {
        RustType::Param(p) => p == param,
        RustType::Vec(t) | RustType::Map(t) | RustType::Option(t) | RustType::Boxed(t) => {
            mentions(t, param, kept)
        }
        RustType::Item(path, args) => {
            let flags = kept.get(path).map_or(&[][..], Vec::as_slice);
            args.iter().zip(flags).any(|(arg, keep)| *keep && mentions(arg, param, kept))
        }
        RustType::Tuple(elements) => elements.iter().any(|e| mentions(e, param, kept)),
        _ => false,
    }
}

/// Removes the parameters a struct does not keep.
fn drop_unused(module: &mut Module, path: &mut Vec<String>, kept: &BTreeMap<ItemPath, Vec<bool>>) {
    for item in &mut module.items {
        let ItemKind::Struct(s) = &mut item.kind else { continue };
        // Only generic structs have flags; the key is not built for the others.
        if s.type_params.is_empty() {
            continue;
        }
        let key = ItemPath { modules: path.clone(), name: item.name.clone() };
        if let Some(flags) = kept.get(&key) {
            let mut flags = flags.iter();
            s.type_params.retain(|_| *flags.next().unwrap_or(&false));
        }
    }
    for child in &mut module.modules {
        path.push(child.name.clone());
        drop_unused(child, path, kept);
        path.pop();
    }
}

fn rewrite(module: &mut Module, kept: &BTreeMap<ItemPath, Vec<bool>>) {
    for item in &mut module.items {
        match &mut item.kind {
            ItemKind::Struct(s) => s.fields.iter_mut().for_each(|f| fit(&mut f.ty, kept)),
            ItemKind::Enum(e) => {
                for v in &mut e.variants {
                    if let VariantKind::Untagged(ty) | VariantKind::Tagged { ty, .. } = &mut v.kind
                    {
                        fit(ty, kept);
                    }
                }
            }
            ItemKind::Alias(ty) | ItemKind::Newtype(ty) => fit(ty, kept),
            ItemKind::Trait(t) => {
                for m in &mut t.methods {
                    m.params.iter_mut().for_each(|(_, ty)| fit(ty, kept));
                    fit(&mut m.returns, kept);
                }
            }
            ItemKind::Reexport(_) | ItemKind::ReexportAll(_) => {}
        }
    }
    module.modules.iter_mut().for_each(|m| rewrite(m, kept));
}

fn fit(ty: &mut RustType, kept: &BTreeMap<ItemPath, Vec<bool>>) {
    match ty {
        RustType::Vec(t) | RustType::Map(t) | RustType::Option(t) | RustType::Boxed(t) => {
            fit(t, kept)
        }
        RustType::Tuple(elements) => elements.iter_mut().for_each(|e| fit(e, kept)),
        RustType::Item(path, args) => {
            args.iter_mut().for_each(|a| fit(a, kept));
            let flags = kept.get(path).map_or(&[][..], Vec::as_slice);
            let mut given = std::mem::take(args).into_iter();
            *args = flags
                .iter()
                .filter_map(|keep| {
                    let arg = given.next().unwrap_or(RustType::Json);
                    keep.then_some(arg)
                })
                .collect();
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::jsdoc::Docs;
    use crate::model::rust::{Field, Item, ModuleKind, Struct};

    fn item(name: &str, kind: ItemKind) -> Item {
        Item {
            name: name.to_owned(),
            docs: Docs::default(),
            span: None,
            ts_path: name.to_owned(),
            kind,
        }
    }

    fn field(ty: RustType) -> Field {
        Field {
            name: "f".into(),
            wire: "f".into(),
            ty,
            optional: false,
            nullable: false,
            flatten: false,
            absent: false,
            present: false,
            docs: Docs::default(),
        }
    }

    #[test]
    fn unused_parameters_go_and_references_follow() {
        let page = ItemPath { modules: vec![], name: "Page".into() };
        let mut root = Module::new("", ModuleKind::Root);
        root.items.push(item(
            "Page",
            ItemKind::Struct(Struct {
                type_params: vec!["Unused".into(), "Item".into()],
                fields: vec![field(RustType::Vec(Box::new(RustType::Param("Item".into()))))],
            }),
        ));
        root.items.push(item(
            "Full",
            ItemKind::Alias(RustType::Item(page.clone(), vec![RustType::Bool, RustType::String])),
        ));
        root.items.push(item("Bare", ItemKind::Alias(RustType::Item(page.clone(), vec![]))));
        fit_generics(&mut root);
        let ItemKind::Struct(s) = &root.items[0].kind else { panic!() };
        assert_eq!(s.type_params, vec!["Item".to_owned()]);
        assert_eq!(
            root.items[1].kind,
            ItemKind::Alias(RustType::Item(page.clone(), vec![RustType::String]))
        );
        assert_eq!(root.items[2].kind, ItemKind::Alias(RustType::Item(page, vec![RustType::Json])));
    }

    #[test]
    fn a_parameter_passed_only_to_an_item_that_drops_it_is_unused() {
        let content = ItemPath { modules: vec![], name: "Content".into() };
        let inner = ItemPath { modules: vec![], name: "Inner".into() };
        let mut root = Module::new("", ModuleKind::Root);
        // `Message<T> { content: Content<T> }` where `Content` is not generic in Rust, and
        // `Outer<T> { inner: Inner<T> }` where `Inner<T> { value: T }` keeps it.
        root.items.push(item(
            "Message",
            ItemKind::Struct(Struct {
                type_params: vec!["T".into()],
                fields: vec![field(RustType::Item(content, vec![RustType::Param("T".into())]))],
            }),
        ));
        root.items.push(item(
            "Outer",
            ItemKind::Struct(Struct {
                type_params: vec!["T".into()],
                fields: vec![field(RustType::Item(
                    inner.clone(),
                    vec![RustType::Param("T".into())],
                ))],
            }),
        ));
        root.items.push(item(
            "Inner",
            ItemKind::Struct(Struct {
                type_params: vec!["T".into()],
                fields: vec![field(RustType::Param("T".into()))],
            }),
        ));
        fit_generics(&mut root);
        let params = |i: usize| match &root.items[i].kind {
            ItemKind::Struct(s) => s.type_params.clone(),
            _ => panic!(),
        };
        assert!(params(0).is_empty(), "Message drops T");
        assert_eq!(params(1), vec!["T".to_owned()], "Outer keeps T through Inner");
    }
}
