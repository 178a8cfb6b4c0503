//! swc's AST → the model's declaration types.

use super::{span, Parsed};
use crate::diagnostics::{Diagnostic, FileId};
use crate::model::decl::{
    Class, Decl, DeclFile, DeclKind, Field, Import, ImportKind, Interface, Literal, Method, Param,
    ReExport, TypeExpr,
};
use crate::model::jsdoc::Docs;
use swc_common::comments::{CommentKind, Comments, SingleThreadedComments};
use swc_common::{BytePos, Spanned};
use swc_ecma_ast as ast;

/// Lowers a parsed module.
pub fn lower_module(
    file: FileId,
    module: &ast::Module,
    comments: &SingleThreadedComments,
) -> Result<Parsed, Diagnostic> {
    let mut lowerer = Lowerer { file, comments, warnings: Vec::new() };
    let mut decls = DeclFile::default();
    for item in &module.body {
        if let ast::ModuleItem::ModuleDecl(decl) = item {
            module_links(decl, &mut decls);
        }
        lowerer.module_item(item, &mut decls.decls)?;
    }
    Ok(Parsed { decls, warnings: lowerer.warnings })
}

struct Lowerer<'a> {
    file: FileId,
    comments: &'a SingleThreadedComments,
    warnings: Vec<Diagnostic>,
}

impl Lowerer<'_> {
    fn span(&self, s: swc_common::Span) -> crate::diagnostics::Span {
        span(self.file, s)
    }

    /// The JSDoc comment (`/** … */`) closest before `pos`.
    fn docs(&self, pos: BytePos) -> Docs {
        self.comments
            .get_leading(pos)
            .and_then(|comments| {
                comments
                    .iter()
                    .rev()
                    .find(|c| c.kind == CommentKind::Block && c.text.starts_with('*'))
                    .map(|c| Docs::parse(&c.text))
            })
            .unwrap_or_default()
    }

    fn warn(&mut self, message: String, at: swc_common::Span, help: &str) {
        self.warnings.push(
            Diagnostic::warning(message, Some(self.span(at))).with_label("here").with_help(help),
        );
    }

    fn module_item(
        &mut self,
        item: &ast::ModuleItem,
        out: &mut Vec<Decl>,
    ) -> Result<(), Diagnostic> {
        match item {
            ast::ModuleItem::ModuleDecl(decl) => match decl {
                // Imports and re-exports are read by `module_links` at the top level; inside a
                // namespace they only re-export names already declared.
                ast::ModuleDecl::Import(_) => Ok(()),
                ast::ModuleDecl::ExportDecl(export) => self.decl(&export.decl, export.span.lo, out),
                // Re-exports and export assignments name declarations made elsewhere; they
                // produce no types of their own.
                ast::ModuleDecl::ExportNamed(_)
                | ast::ModuleDecl::ExportAll(_)
                | ast::ModuleDecl::TsExportAssignment(_)
                | ast::ModuleDecl::TsNamespaceExport(_)
                | ast::ModuleDecl::ExportDefaultExpr(_)
                | ast::ModuleDecl::ExportDefaultDecl(_)
                | ast::ModuleDecl::TsImportEquals(_) => Ok(()),
            },
            ast::ModuleItem::Stmt(ast::Stmt::Decl(decl)) => self.decl(decl, decl.span().lo, out),
            ast::ModuleItem::Stmt(ast::Stmt::Empty(_)) => Ok(()),
            ast::ModuleItem::Stmt(stmt) => Err(Diagnostic::error(
                "a statement in a declaration file",
                Some(self.span(stmt.span())),
            )
            .with_label("only declarations may stand here")
            .with_help(
                "dts2rs reads declaration files; pass the `.d.ts` that `tsc --declaration` emits",
            )),
        }
    }

    fn decl(
        &mut self,
        decl: &ast::Decl,
        doc_pos: BytePos,
        out: &mut Vec<Decl>,
    ) -> Result<(), Diagnostic> {
        let docs = self.docs(doc_pos);
        match decl {
            ast::Decl::TsInterface(iface) => {
                let interface = Interface {
                    type_params: self.type_params(iface.type_params.as_deref()),
                    extends: iface
                        .extends
                        .iter()
                        .map(|e| self.entity_ref(&e.expr, e.type_args.as_deref(), e.span))
                        .collect(),
                    fields: self.members(&iface.body.body),
                };
                out.push(Decl {
                    name: iface.id.sym.to_string(),
                    docs,
                    span: self.span(iface.id.span),
                    kind: DeclKind::Interface(interface),
                });
            }
            ast::Decl::TsTypeAlias(alias) => {
                let params = self.type_params(alias.type_params.as_deref());
                out.push(Decl {
                    name: alias.id.sym.to_string(),
                    docs,
                    span: self.span(alias.id.span),
                    kind: DeclKind::TypeAlias(self.ty(&alias.type_ann), params),
                });
            }
            ast::Decl::TsModule(module) => self.namespace(module, docs, out)?,
            ast::Decl::Class(class) => {
                out.push(Decl {
                    name: class.ident.sym.to_string(),
                    docs,
                    span: self.span(class.ident.span),
                    kind: DeclKind::Class(self.class(&class.class)),
                });
            }
            ast::Decl::TsEnum(e) => self.warn(
                format!("enum `{}` is not supported yet; skipped", e.id.sym),
                e.id.span,
                "write it as a union of string literals, which dts2rs maps to a Rust enum",
            ),
            // Values (`declare const`, `declare function`) have no wire shape.
            ast::Decl::Var(_) | ast::Decl::Fn(_) | ast::Decl::Using(_) => {
                let what = match decl {
                    ast::Decl::Fn(f) => format!("function `{}`", f.ident.sym),
                    _ => "a value declaration".to_owned(),
                };
                self.warnings.push(
                    Diagnostic::note(
                        format!("{what} is skipped: values have no wire shape"),
                        Some(self.span(decl.span())),
                    )
                    .with_label("skipped"),
                );
            }
        }
        Ok(())
    }

    fn namespace(
        &mut self,
        module: &ast::TsModuleDecl,
        docs: Docs,
        out: &mut Vec<Decl>,
    ) -> Result<(), Diagnostic> {
        let ast::TsModuleName::Ident(id) = &module.id else {
            self.warn(
                "`declare module \"…\"` blocks are not supported; skipped".to_owned(),
                module.span,
                "pass the declaration files of that module as input instead",
            );
            return Ok(());
        };
        if module.global {
            return Ok(());
        }
        let mut name = id.sym.to_string();
        let mut name_span = id.span;
        let mut body = module.body.as_ref();
        // `namespace A.B { … }` nests: each dotted part is a namespace of its own.
        let mut outer_names = Vec::new();
        while let Some(ast::TsNamespaceBody::TsNamespaceDecl(inner)) = body {
            outer_names.push((name, name_span));
            name = inner.id.sym.to_string();
            name_span = inner.id.span;
            body = Some(&inner.body);
        }
        let mut decls = Vec::new();
        if let Some(ast::TsNamespaceBody::TsModuleBlock(block)) = body {
            for item in &block.body {
                self.module_item(item, &mut decls)?;
            }
        }
        let mut decl =
            Decl { name, docs, span: self.span(name_span), kind: DeclKind::Namespace(decls) };
        for (outer, outer_span) in outer_names.into_iter().rev() {
            decl = Decl {
                name: outer,
                docs: Docs::default(),
                span: self.span(outer_span),
                kind: DeclKind::Namespace(vec![decl]),
            };
        }
        out.push(decl);
        Ok(())
    }

    fn type_params(&self, params: Option<&ast::TsTypeParamDecl>) -> Vec<String> {
        params.map_or_else(Vec::new, |p| p.params.iter().map(|p| p.name.sym.to_string()).collect())
    }

    fn members(&mut self, members: &[ast::TsTypeElement]) -> Vec<Field> {
        let mut fields = Vec::new();
        for member in members {
            match member {
                ast::TsTypeElement::TsPropertySignature(prop) => {
                    let Some(name) = self.property_key(&prop.key, prop.computed) else {
                        self.warn(
                            "a computed property key is not supported; field skipped".to_owned(),
                            prop.span,
                            "name the property with an identifier or a string literal",
                        );
                        continue;
                    };
                    let ty = match &prop.type_ann {
                        Some(ann) => self.ty(&ann.type_ann),
                        None => TypeExpr::Any,
                    };
                    fields.push(Field {
                        name,
                        optional: prop.optional,
                        ty,
                        docs: self.docs(prop.span.lo),
                        span: self.span(prop.span),
                    });
                }
                other => {
                    let what = match other {
                        ast::TsTypeElement::TsIndexSignature(_) => "an index signature",
                        ast::TsTypeElement::TsMethodSignature(_) => "a method signature",
                        ast::TsTypeElement::TsCallSignatureDecl(_) => "a call signature",
                        ast::TsTypeElement::TsConstructSignatureDecl(_) => "a construct signature",
                        _ => "an accessor",
                    };
                    self.warn(
                        format!("{what} in an object type is not supported; skipped"),
                        other.span(),
                        "only property signatures carry data on the wire",
                    );
                }
            }
        }
        fields
    }

    fn property_key(&self, key: &ast::Expr, computed: bool) -> Option<String> {
        match key {
            ast::Expr::Ident(id) if !computed => Some(id.sym.to_string()),
            ast::Expr::Lit(ast::Lit::Str(s)) => Some(s.value.to_atom_lossy().to_string()),
            ast::Expr::Lit(ast::Lit::Num(n)) => Some(n.value.to_string()),
            _ => None,
        }
    }

    fn class(&mut self, class: &ast::Class) -> Class {
        let mut methods = Vec::new();
        for member in &class.body {
            let ast::ClassMember::Method(method) = member else {
                continue;
            };
            let private = matches!(
                method.accessibility,
                Some(ast::Accessibility::Private | ast::Accessibility::Protected)
            );
            if private || method.is_static || method.kind != ast::MethodKind::Method {
                continue;
            }
            let name = match &method.key {
                ast::PropName::Ident(id) => id.sym.to_string(),
                ast::PropName::Str(s) => s.value.to_atom_lossy().to_string(),
                _ => continue,
            };
            let params = method.function.params.iter().filter_map(|p| self.param(&p.pat)).collect();
            methods.push(Method {
                name,
                docs: self.docs(method.span.lo),
                span: self.span(method.key.span()),
                type_params: self.type_params(method.function.type_params.as_deref()),
                params,
                returns: method.function.return_type.as_ref().map(|r| self.ty(&r.type_ann)),
            });
        }
        Class { methods }
    }

    fn param(&mut self, pat: &ast::Pat) -> Option<Param> {
        let ast::Pat::Ident(binding) = pat else {
            return None;
        };
        Some(Param {
            name: binding.id.sym.to_string(),
            optional: binding.id.optional,
            ty: binding.type_ann.as_ref().map(|t| self.ty(&t.type_ann)),
        })
    }

    fn entity_ref(
        &mut self,
        expr: &ast::Expr,
        args: Option<&ast::TsTypeParamInstantiation>,
        at: swc_common::Span,
    ) -> TypeExpr {
        fn path(expr: &ast::Expr, out: &mut Vec<String>) -> bool {
            match expr {
                ast::Expr::Ident(id) => {
                    out.push(id.sym.to_string());
                    true
                }
                ast::Expr::Member(m) => match &m.prop {
                    ast::MemberProp::Ident(prop) if path(&m.obj, out) => {
                        out.push(prop.sym.to_string());
                        true
                    }
                    _ => false,
                },
                _ => false,
            }
        }
        let mut segments = Vec::new();
        if !path(expr, &mut segments) {
            return self.unsupported("an `extends` expression", at);
        }
        TypeExpr::Ref { path: segments, args: self.type_args(args), span: self.span(at) }
    }

    fn type_args(&mut self, args: Option<&ast::TsTypeParamInstantiation>) -> Vec<TypeExpr> {
        args.map_or_else(Vec::new, |a| a.params.iter().map(|t| self.ty(t)).collect())
    }

    fn unsupported(&mut self, what: &str, at: swc_common::Span) -> TypeExpr {
        TypeExpr::Unsupported { what: what.to_owned(), span: self.span(at) }
    }

    fn ty(&mut self, ty: &ast::TsType) -> TypeExpr {
        use ast::TsKeywordTypeKind as K;
        match ty {
            ast::TsType::TsKeywordType(k) => match k.kind {
                K::TsStringKeyword => TypeExpr::String,
                K::TsNumberKeyword => TypeExpr::Number,
                K::TsBooleanKeyword => TypeExpr::Boolean,
                K::TsUnknownKeyword | K::TsAnyKeyword | K::TsObjectKeyword => TypeExpr::Any,
                K::TsNullKeyword => TypeExpr::Null,
                K::TsUndefinedKeyword | K::TsVoidKeyword => TypeExpr::Undefined,
                K::TsNeverKeyword => self.unsupported("`never`", k.span),
                K::TsBigIntKeyword => self.unsupported("`bigint`", k.span),
                K::TsSymbolKeyword => self.unsupported("`symbol`", k.span),
                K::TsIntrinsicKeyword => self.unsupported("`intrinsic`", k.span),
            },
            ast::TsType::TsTypeRef(r) => {
                let mut path = Vec::new();
                entity_path(&r.type_name, &mut path);
                TypeExpr::Ref {
                    path,
                    args: self.type_args(r.type_params.as_deref()),
                    span: self.span(r.span),
                }
            }
            ast::TsType::TsArrayType(a) => TypeExpr::Array(Box::new(self.ty(&a.elem_type))),
            ast::TsType::TsParenthesizedType(p) => self.ty(&p.type_ann),
            ast::TsType::TsUnionOrIntersectionType(
                ast::TsUnionOrIntersectionType::TsUnionType(u),
            ) => {
                let mut members = Vec::new();
                for t in &u.types {
                    match self.ty(t) {
                        TypeExpr::Union(inner) => members.extend(inner),
                        other => members.push(other),
                    }
                }
                TypeExpr::Union(members)
            }
            ast::TsType::TsUnionOrIntersectionType(
                ast::TsUnionOrIntersectionType::TsIntersectionType(i),
            ) => {
                let members: Vec<TypeExpr> = i.types.iter().map(|t| self.ty(t)).collect();
                let is_open_string = members.len() == 2
                    && members.contains(&TypeExpr::String)
                    && members.contains(&TypeExpr::Object(Vec::new()));
                if is_open_string {
                    TypeExpr::OpenString
                } else {
                    TypeExpr::Intersection(members)
                }
            }
            ast::TsType::TsLitType(lit) => match &lit.lit {
                ast::TsLit::Str(s) => {
                    TypeExpr::Literal(Literal::String(s.value.to_atom_lossy().to_string()))
                }
                ast::TsLit::Number(n) => TypeExpr::Literal(Literal::Number(
                    n.raw.as_ref().map_or_else(|| n.value.to_string(), |r| r.to_string()),
                )),
                ast::TsLit::Bool(b) => TypeExpr::Literal(Literal::Bool(b.value)),
                ast::TsLit::BigInt(_) => self.unsupported("a bigint literal type", lit.span),
                ast::TsLit::Tpl(_) => self.unsupported("a template literal type", lit.span),
            },
            ast::TsType::TsTypeLit(lit) => TypeExpr::Object(self.members(&lit.members)),
            ast::TsType::TsTypeOperator(op) if op.op == ast::TsTypeOperatorOp::ReadOnly => {
                self.ty(&op.type_ann)
            }
            other => {
                let what = match other {
                    ast::TsType::TsTupleType(_) => "a tuple type",
                    ast::TsType::TsFnOrConstructorType(_) => "a function type",
                    ast::TsType::TsTypeQuery(_) => "a `typeof` type",
                    ast::TsType::TsTypeOperator(_) => "a `keyof`/`unique` type",
                    ast::TsType::TsIndexedAccessType(_) => "an indexed access type",
                    ast::TsType::TsConditionalType(_) => "a conditional type",
                    ast::TsType::TsMappedType(_) => "a mapped type",
                    ast::TsType::TsInferType(_) => "an `infer` type",
                    ast::TsType::TsImportType(_) => "an `import(…)` type",
                    ast::TsType::TsTypePredicate(_) => "a type predicate",
                    ast::TsType::TsThisType(_) => "the `this` type",
                    _ => "this type",
                };
                self.unsupported(what, other.span())
            }
        }
    }
}

/// Records the imports and re-exports of a top-level module declaration.
fn module_links(decl: &ast::ModuleDecl, out: &mut DeclFile) {
    let text = |s: &ast::Str| s.value.to_atom_lossy().to_string();
    let export_name = |n: &ast::ModuleExportName| match n {
        ast::ModuleExportName::Ident(id) => id.sym.to_string(),
        ast::ModuleExportName::Str(s) => text(s),
    };
    match decl {
        ast::ModuleDecl::Import(import) => {
            let from = text(&import.src);
            out.imports.extend(import.specifiers.iter().map(|s| match s {
                ast::ImportSpecifier::Named(n) => Import {
                    local: n.local.sym.to_string(),
                    kind: ImportKind::Named(
                        n.imported.as_ref().map_or_else(|| n.local.sym.to_string(), export_name),
                    ),
                    from: from.clone(),
                },
                ast::ImportSpecifier::Default(d) => Import {
                    local: d.local.sym.to_string(),
                    kind: ImportKind::Default,
                    from: from.clone(),
                },
                ast::ImportSpecifier::Namespace(n) => Import {
                    local: n.local.sym.to_string(),
                    kind: ImportKind::Namespace,
                    from: from.clone(),
                },
            }));
        }
        ast::ModuleDecl::ExportNamed(named) => {
            let from = named.src.as_deref().map(text);
            for spec in &named.specifiers {
                match spec {
                    ast::ExportSpecifier::Named(n) => {
                        let name = export_name(&n.orig);
                        let alias = n.exported.as_ref().map_or_else(|| name.clone(), export_name);
                        out.reexports.push(ReExport::Named { name, alias, from: from.clone() });
                    }
                    ast::ExportSpecifier::Namespace(n) => {
                        if let Some(from) = &from {
                            out.reexports.push(ReExport::Namespace {
                                alias: export_name(&n.name),
                                from: from.clone(),
                            });
                        }
                    }
                    ast::ExportSpecifier::Default(_) => {}
                }
            }
        }
        ast::ModuleDecl::ExportAll(all) => {
            out.reexports.push(ReExport::All { from: text(&all.src) })
        }
        _ => {}
    }
}

fn entity_path(name: &ast::TsEntityName, out: &mut Vec<String>) {
    match name {
        ast::TsEntityName::Ident(id) => out.push(id.sym.to_string()),
        ast::TsEntityName::TsQualifiedName(q) => {
            entity_path(&q.left, out);
            out.push(q.right.sym.to_string());
        }
    }
}
