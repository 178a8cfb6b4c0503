//! swc's AST → the model's declaration types.

use super::constants::{fold_enum, Folded};
use super::{span, Parsed};
use crate::diagnostics::{Diagnostic, FileId, Span};
use crate::model::decl::{
    Class, Conditional, Decl, DeclFile, DeclKind, EnumMember, EnumValue, Field, Import, ImportKind,
    Interface, Link, Literal, Mapped, Method, Param, ReExport, TupleElement, TypeExpr,
};
use crate::model::jsdoc::Docs;
use swc_common::comments::{CommentKind, Comments, SingleThreadedComments};
use swc_common::{BytePos, Spanned};
use swc_ecma_ast as ast;

/// Lowers a parsed module.
pub(super) fn lower_module(
    file: FileId,
    module: &ast::Module,
    comments: &SingleThreadedComments,
) -> Result<Parsed, Diagnostic> {
    let mut lowerer = Lowerer {
        file,
        comments,
        warnings: Vec::new(),
        in_namespace: false,
        import_types: Vec::new(),
    };
    let mut decls = DeclFile::default();
    for item in &module.body {
        if let ast::ModuleItem::ModuleDecl(decl) = item {
            module_links(decl, &mut decls, |s| span(file, s));
        }
        lowerer.module_item(item, &mut decls.decls)?;
    }
    // `import('./x').T` is `T` of a namespace import of `./x` under a name no declaration
    // can have: resolved, and followed out of the input, as that import would be.
    for (specifier, at) in lowerer.import_types {
        decls.imports.push(Import {
            local: import_local(&specifier),
            kind: ImportKind::Namespace,
            from: specifier.clone(),
        });
        decls.links.push(Link { specifier, span: at });
    }
    let first_statement = module.body.first().map(|item| item.span().lo);
    for (specifier, at) in references(comments, first_statement, |s| span(file, s)) {
        decls.references.push(specifier.clone());
        decls.links.push(Link { specifier, span: at });
    }
    Ok(Parsed { decls, warnings: lowerer.warnings })
}

/// The `/// <reference path="…" />` directives before the first statement (TypeScript reads
/// them nowhere else), in source order: each path as a specifier relative to the file, and
/// where the directive is written. `types` and `lib` references name packages and libraries
/// outside any input, and are left alone.
fn references(
    comments: &SingleThreadedComments,
    first_statement: Option<BytePos>,
    span: impl Fn(swc_common::Span) -> Span,
) -> Vec<(String, Span)> {
    let (leading, trailing) = comments.borrow_all();
    let mut directives: Vec<&swc_common::comments::Comment> = leading
        .values()
        .chain(trailing.values())
        .flatten()
        .filter(|c| c.kind == CommentKind::Line)
        .filter(|c| first_statement.is_none_or(|first| c.span.lo < first))
        .collect();
    directives.sort_by_key(|c| c.span.lo);
    directives
        .into_iter()
        .filter_map(|c| {
            let directive = c.text.strip_prefix('/')?.trim().strip_prefix("<reference")?;
            let path = directive.trim_start().strip_prefix("path=")?;
            let quote = path.chars().next().filter(|q| matches!(q, '"' | '\''))?;
            let path = path[1..].split(quote).next()?;
            let specifier = match path.starts_with('.') || path.starts_with('/') {
                true => path.to_owned(),
                false => format!("./{path}"),
            };
            Some((specifier, span(c.span)))
        })
        .collect()
}

/// The local name of the namespace import that stands for `import('<specifier>')` in a type:
/// as written, so messages show it, and never an identifier, so it shadows no declaration.
fn import_local(specifier: &str) -> String {
    format!("import(\"{specifier}\")")
}

struct Lowerer<'a> {
    file: FileId,
    comments: &'a SingleThreadedComments,
    warnings: Vec<Diagnostic>,
    /// Whether the items being lowered stand inside a `namespace`.
    in_namespace: bool,
    /// The module specifiers of `import('…')` types, each once, with where first written.
    import_types: Vec<(String, crate::diagnostics::Span)>,
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

    /// A note that a declaration or member carrying no data is left out.
    fn skipped(&mut self, what: &str, at: swc_common::Span) {
        self.warnings.push(
            Diagnostic::note(
                format!("{what} is skipped: it carries no data on the wire"),
                Some(self.span(at)),
            )
            .with_label("skipped"),
        );
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
                // `namespace N { export import X = M.A; }` (stripe's index files) names `M.A`.
                ast::ModuleDecl::TsImportEquals(equals)
                    if self.in_namespace && equals.is_export =>
                {
                    if let ast::TsModuleRef::TsEntityName(name) = &equals.module_ref {
                        let mut path = Vec::new();
                        entity_path(name, &mut path);
                        out.push(Decl {
                            name: equals.id.sym.to_string(),
                            docs: Docs::default(),
                            span: self.span(equals.id.span),
                            kind: DeclKind::Export(path),
                        });
                    }
                    Ok(())
                }
                // `namespace N { export { A, B_2 as B } }` (api-extractor's bundles) makes
                // `N.A` and `N.B` names of declarations made outside it.
                ast::ModuleDecl::ExportNamed(named) if self.in_namespace && named.src.is_none() => {
                    for spec in &named.specifiers {
                        let ast::ExportSpecifier::Named(n) = spec else { continue };
                        let name = export_name(&n.orig);
                        let alias = n.exported.as_ref().map_or_else(|| name.clone(), export_name);
                        out.push(Decl {
                            name: alias,
                            docs: Docs::default(),
                            span: self.span(n.span),
                            kind: DeclKind::Export(vec![name]),
                        });
                    }
                    Ok(())
                }
                // `export default interface X {}` / `export default class X {}` declare `X`.
                ast::ModuleDecl::ExportDefaultDecl(default) => match &default.decl {
                    ast::DefaultDecl::TsInterfaceDecl(iface) => {
                        self.decl(&ast::Decl::TsInterface(iface.clone()), default.span.lo, out)
                    }
                    ast::DefaultDecl::Class(ast::ClassExpr { ident: Some(ident), class }) => self
                        .decl(
                            &ast::Decl::Class(ast::ClassDecl {
                                ident: ident.clone(),
                                declare: true,
                                class: class.clone(),
                            }),
                            default.span.lo,
                            out,
                        ),
                    _ => Ok(()),
                },
                ast::ModuleDecl::ExportNamed(_)
                | ast::ModuleDecl::ExportAll(_)
                | ast::ModuleDecl::TsExportAssignment(_)
                | ast::ModuleDecl::TsNamespaceExport(_)
                | ast::ModuleDecl::ExportDefaultExpr(_)
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
            ast::Decl::TsEnum(e) => {
                let members = self.enum_members(e);
                out.push(Decl {
                    name: e.id.sym.to_string(),
                    docs,
                    span: self.span(e.id.span),
                    kind: DeclKind::Enum(members),
                });
            }
            // A value has no wire shape; its declared type is kept for `typeof`.
            ast::Decl::Var(var) => {
                self.skipped("a value declaration", decl.span());
                for declarator in &var.decls {
                    let ast::Pat::Ident(binding) = &declarator.name else { continue };
                    let Some(ann) = &binding.type_ann else { continue };
                    out.push(Decl {
                        name: binding.id.sym.to_string(),
                        docs: Docs::default(),
                        span: self.span(binding.id.span),
                        kind: DeclKind::Const(self.ty(&ann.type_ann)),
                    });
                }
            }
            ast::Decl::Fn(f) => self.skipped(&format!("function `{}`", f.ident.sym), decl.span()),
            ast::Decl::Using(_) => self.skipped("a value declaration", decl.span()),
        }
        Ok(())
    }

    fn namespace(
        &mut self,
        module: &ast::TsModuleDecl,
        docs: Docs,
        out: &mut Vec<Decl>,
    ) -> Result<(), Diagnostic> {
        // `declare module "x" { … }` and `declare global { … }` declare their types into the
        // file's own scope as far as the wire is concerned.
        let id = match &module.id {
            ast::TsModuleName::Ident(id) if !module.global => id,
            _ => {
                if let Some(ast::TsNamespaceBody::TsModuleBlock(block)) = &module.body {
                    for item in &block.body {
                        self.module_item(item, out)?;
                    }
                }
                return Ok(());
            }
        };
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
            let outer = std::mem::replace(&mut self.in_namespace, true);
            for item in &block.body {
                self.module_item(item, &mut decls)?;
            }
            self.in_namespace = outer;
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
            let (key, computed, type_ann, optional, span) = match member {
                ast::TsTypeElement::TsPropertySignature(prop) => {
                    (&prop.key, prop.computed, &prop.type_ann, prop.optional, prop.span)
                }
                // A getter reads a property like any other.
                ast::TsTypeElement::TsGetterSignature(get) => {
                    (&get.key, get.computed, &get.type_ann, false, get.span)
                }
                ast::TsTypeElement::TsIndexSignature(index) => {
                    let ty = match &index.type_ann {
                        Some(ann) => self.ty(&ann.type_ann),
                        None => TypeExpr::Any,
                    };
                    fields.push(Field {
                        name: String::new(),
                        index: true,
                        optional: true,
                        ty,
                        docs: self.docs(index.span.lo),
                        span: self.span(index.span),
                    });
                    continue;
                }
                // Methods, call and construct signatures and setters carry no data.
                ast::TsTypeElement::TsMethodSignature(_) => {
                    self.skipped("a method signature", member.span());
                    continue;
                }
                _ => continue,
            };
            let Some(name) = self.property_key(key, computed) else {
                self.warn(
                    "a computed property key is not supported; field skipped".to_owned(),
                    span,
                    "name the property with an identifier or a string literal",
                );
                continue;
            };
            let ty = match type_ann {
                Some(ann) => self.ty(&ann.type_ann),
                None => TypeExpr::Any,
            };
            if ty == TypeExpr::Function {
                // A function-valued property: behaviour, not data.
                self.skipped(&format!("the function-typed property `{name}`"), span);
                continue;
            }
            fields.push(Field {
                name,
                index: false,
                optional,
                ty,
                docs: self.docs(span.lo),
                span: self.span(span),
            });
        }
        fields
    }

    /// The members of an `enum`, their values folded as TypeScript does: a member without an
    /// initializer is the previous number plus one (0 first).
    fn enum_members(&mut self, e: &ast::TsEnumDecl) -> Vec<EnumMember> {
        let mut members: Vec<EnumMember> = Vec::new();
        let mut known: Vec<(String, Folded)> = Vec::new();
        let mut next = Some(0.0);
        for member in &e.members {
            let name = match &member.id {
                ast::TsEnumMemberId::Ident(id) => id.sym.to_string(),
                ast::TsEnumMemberId::Str(s) => s.value.to_atom_lossy().to_string(),
            };
            let folded = match &member.init {
                None => next.map_or(Folded::Unknown, Folded::Number),
                Some(init) => fold_enum(init, &e.id.sym, &known),
            };
            next = match folded {
                Folded::Number(n) => Some(n + 1.0),
                _ => None,
            };
            let value = match &folded {
                Folded::Number(n) => EnumValue::Number(js_number(*n)),
                Folded::String(s) => EnumValue::String(s.clone()),
                Folded::Unknown => EnumValue::Computed,
            };
            known.push((name.clone(), folded));
            members.push(EnumMember {
                name,
                value,
                docs: self.docs(member.span.lo),
                span: self.span(member.span),
            });
        }
        members
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
        let mut fields = Vec::new();
        for member in &class.body {
            if let ast::ClassMember::ClassProp(prop) = member {
                if let Some(field) = self.class_prop(prop) {
                    fields.push(field);
                }
                continue;
            }
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
        let data = Interface {
            type_params: self.type_params(class.type_params.as_deref()),
            extends: class
                .super_class
                .iter()
                .map(|base| self.entity_ref(base, class.super_type_params.as_deref(), base.span()))
                .collect(),
            fields,
        };
        Class { methods, data }
    }

    /// A public instance property of a class, as a field.
    fn class_prop(&mut self, prop: &ast::ClassProp) -> Option<Field> {
        let hidden = matches!(
            prop.accessibility,
            Some(ast::Accessibility::Private | ast::Accessibility::Protected)
        );
        if hidden || prop.is_static {
            return None;
        }
        let name = match &prop.key {
            ast::PropName::Ident(id) => id.sym.to_string(),
            ast::PropName::Str(s) => s.value.to_atom_lossy().to_string(),
            _ => return None,
        };
        let ty = prop.type_ann.as_ref().map_or(TypeExpr::Any, |t| self.ty(&t.type_ann));
        if ty == TypeExpr::Function {
            return None;
        }
        Some(Field {
            name,
            index: false,
            optional: prop.is_optional,
            ty,
            docs: self.docs(prop.span.lo),
            span: self.span(prop.span),
        })
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

    /// The qualified name `import('./x').A.B` stands for: `A.B` of the file's namespace import
    /// of `./x` (see [`import_local`]), recorded for the file.
    fn import_path(&mut self, import: &ast::TsImportType) -> Vec<String> {
        let specifier = import.arg.value.to_atom_lossy().to_string();
        let mut path = vec![import_local(&specifier)];
        if let Some(qualifier) = &import.qualifier {
            entity_path(qualifier, &mut path);
        }
        if !self.import_types.iter().any(|(s, _)| *s == specifier) {
            let at = self.span(import.arg.span);
            self.import_types.push((specifier, at));
        }
        path
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
                K::TsUnknownKeyword | K::TsAnyKeyword => TypeExpr::Any,
                K::TsObjectKeyword => TypeExpr::ObjectKeyword,
                K::TsNullKeyword => TypeExpr::Null,
                K::TsUndefinedKeyword | K::TsVoidKeyword => TypeExpr::Undefined,
                K::TsNeverKeyword => TypeExpr::Never,
                K::TsBigIntKeyword => TypeExpr::BigInt,
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
                // A template literal type is a string of some pattern.
                ast::TsLit::Tpl(_) => TypeExpr::String,
            },
            ast::TsType::TsTypeLit(lit) => TypeExpr::Object(self.members(&lit.members)),
            ast::TsType::TsTypeOperator(op) => match op.op {
                ast::TsTypeOperatorOp::KeyOf => {
                    TypeExpr::KeyOf(Box::new(self.ty(&op.type_ann)), self.span(op.span))
                }
                ast::TsTypeOperatorOp::ReadOnly => self.ty(&op.type_ann),
                ast::TsTypeOperatorOp::Unique => {
                    self.unsupported("a `unique symbol` type", op.span)
                }
            },
            ast::TsType::TsTupleType(tuple) => TypeExpr::Tuple(
                tuple
                    .elem_types
                    .iter()
                    .map(|element| match &*element.ty {
                        ast::TsType::TsOptionalType(o) => {
                            TupleElement { ty: self.ty(&o.type_ann), optional: true, rest: false }
                        }
                        ast::TsType::TsRestType(r) => TupleElement {
                            ty: match self.ty(&r.type_ann) {
                                TypeExpr::Array(element) => *element,
                                other => other,
                            },
                            optional: true,
                            rest: true,
                        },
                        other => TupleElement { ty: self.ty(other), optional: false, rest: false },
                    })
                    .collect(),
            ),
            ast::TsType::TsIndexedAccessType(access) => TypeExpr::Index {
                object: Box::new(self.ty(&access.obj_type)),
                key: Box::new(self.ty(&access.index_type)),
                span: self.span(access.span),
            },
            ast::TsType::TsTypeQuery(query) => match &query.expr_name {
                ast::TsTypeQueryExpr::TsEntityName(name) => {
                    let mut path = Vec::new();
                    entity_path(name, &mut path);
                    TypeExpr::TypeOf(path, self.span(query.span))
                }
                ast::TsTypeQueryExpr::Import(import) => {
                    TypeExpr::TypeOf(self.import_path(import), self.span(query.span))
                }
            },
            ast::TsType::TsMappedType(mapped) => {
                let keys = match &mapped.type_param.constraint {
                    Some(c) => self.ty(c),
                    None => TypeExpr::String,
                };
                if mapped.name_type.is_some() {
                    return self.unsupported("a mapped type with an `as` clause", mapped.span);
                }
                TypeExpr::Mapped(Box::new(Mapped {
                    param: mapped.type_param.name.sym.to_string(),
                    keys,
                    ty: mapped.type_ann.as_ref().map_or(TypeExpr::Any, |t| self.ty(t)),
                    optional: mapped.optional.map(|o| o != ast::TruePlusMinus::Minus),
                    span: self.span(mapped.span),
                }))
            }
            ast::TsType::TsConditionalType(c) => TypeExpr::Conditional(Box::new(Conditional {
                check: self.ty(&c.check_type),
                pattern: self.ty(&c.extends_type),
                then: self.ty(&c.true_type),
                otherwise: self.ty(&c.false_type),
            })),
            ast::TsType::TsInferType(infer) => {
                TypeExpr::Infer(infer.type_param.name.sym.to_string())
            }
            ast::TsType::TsImportType(import) => TypeExpr::Ref {
                path: self.import_path(import),
                args: self.type_args(import.type_args.as_deref()),
                span: self.span(import.span),
            },
            ast::TsType::TsFnOrConstructorType(_) => TypeExpr::Function,
            // `x is T` stands only in function returns.
            ast::TsType::TsTypePredicate(_) => TypeExpr::Boolean,
            other => {
                let what = match other {
                    ast::TsType::TsThisType(_) => "the `this` type",
                    _ => "this type",
                };
                self.unsupported(what, other.span())
            }
        }
    }
}

/// Records the imports and re-exports of a top-level module declaration, and the specifier it
/// names (`span` converts swc's spans).
fn module_links(
    decl: &ast::ModuleDecl,
    out: &mut DeclFile,
    span: impl Fn(swc_common::Span) -> crate::diagnostics::Span,
) {
    let text = |s: &ast::Str| s.value.to_atom_lossy().to_string();
    let source = match decl {
        ast::ModuleDecl::Import(import) => Some(&*import.src),
        ast::ModuleDecl::ExportNamed(named) => named.src.as_deref(),
        ast::ModuleDecl::ExportAll(all) => Some(&*all.src),
        _ => None,
    };
    if let Some(src) = source {
        out.links.push(Link { specifier: text(src), span: span(src.span) });
    }
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

/// The name an export specifier names.
fn export_name(name: &ast::ModuleExportName) -> String {
    match name {
        ast::ModuleExportName::Ident(id) => id.sym.to_string(),
        ast::ModuleExportName::Str(s) => s.value.to_atom_lossy().to_string(),
    }
}

/// A number as JavaScript's `String(n)` writes it, for the wire values of numeric enums.
pub(super) fn js_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{n:.0}")
    } else {
        format!("{n}")
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
