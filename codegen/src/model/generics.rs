//! Generic parameters that Rust can keep.
//!
//! TypeScript accepts type parameters a declaration never uses and references that leave out
//! parameters with defaults (`interface Page<Item = unknown>` used as `Page`); Rust rejects
//! both (E0392, E0107). This pass drops every parameter no field uses, and makes every
//! reference pass exactly the arguments its item keeps (`serde_json::Value` for left-out ones).

use super::rust::{ItemKind, ItemPath, Module, RustType, VariantKind};
use std::collections::BTreeMap;

/// Drops unused parameters from every struct and fits every reference to what its item keeps.
pub fn fit_generics(root: &mut Module) {
    let mut kept = BTreeMap::new();
    collect(root, &mut Vec::new(), &mut kept);
    rewrite(root, &kept);
}

/// For each generic struct: which of its declared parameters it keeps.
fn collect(module: &mut Module, path: &mut Vec<String>, kept: &mut BTreeMap<ItemPath, Vec<bool>>) {
    for item in &mut module.items {
        let ItemKind::Struct(s) = &mut item.kind else { continue };
        if s.type_params.is_empty() {
            continue;
        }
        let used: Vec<bool> =
            s.type_params.iter().map(|p| s.fields.iter().any(|f| mentions(&f.ty, p))).collect();
        let mut flags = used.iter();
        s.type_params.retain(|_| *flags.next().unwrap_or(&false));
        kept.insert(ItemPath { modules: path.clone(), name: item.name.clone() }, used);
    }
    for child in &mut module.modules {
        path.push(child.name.clone());
        collect(child, path, kept);
        path.pop();
    }
}

fn mentions(ty: &RustType, param: &str) -> bool {
    match ty {
        RustType::Param(p) => p == param,
        RustType::Vec(t) | RustType::Map(t) | RustType::Option(t) | RustType::Boxed(t) => {
            mentions(t, param)
        }
        RustType::Item(_, args) => args.iter().any(|a| mentions(a, param)),
        _ => false,
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
            ItemKind::Alias(ty) => fit(ty, kept),
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
}
