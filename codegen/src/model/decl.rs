//! The TypeScript side of the model: declarations as the input wrote them.
//!
//! The parse stage lowers swc's AST into these types; nothing here knows about swc or about
//! Rust. Names are the TypeScript spellings, references are unresolved qualified names.

use super::jsdoc::Docs;
use crate::diagnostics::Span;

/// One declaration file, lowered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeclFile {
    /// Top-level declarations in source order.
    pub decls: Vec<Decl>,
    /// `import` statements, one entry per imported name.
    pub imports: Vec<Import>,
    /// `export … from` statements and local `export { … }` lists at the top level.
    pub reexports: Vec<ReExport>,
    /// Every module specifier of a top-level `import` or `export … from`, in source order, with
    /// where it is written: what the builder follows to files outside the input. The files of
    /// `references` are among them.
    pub links: Vec<Link>,
    /// The files named by `/// <reference path="…" />` at the top of the file, as specifiers
    /// relative to it (`./assert.d.ts`): part of the program, as TypeScript reads them, so read
    /// whole (`@types/node`'s types entry is only such lines).
    pub references: Vec<String>,
}

/// A module specifier as written in an `import` or `export … from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The specifier (`../core/pagination.js`).
    pub specifier: String,
    /// The specifier's string literal, for messages about the file it names.
    pub span: Span,
}

/// One name brought in by an `import` statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The name the file uses.
    pub local: String,
    /// What it stands for in the other module.
    pub kind: ImportKind,
    /// The module specifier as written (`./sessions.js`, `../../core.js`).
    pub from: String,
}

/// What an imported name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportKind {
    /// `import * as X from …`: the whole module.
    Namespace,
    /// `import { A as X } from …`: the export `A`.
    Named(String),
    /// `import X from …`: the default export.
    Default,
}

/// A re-export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReExport {
    /// `export { A as B } from '…'` (with `from`) or `export { A as B }` (without).
    Named {
        /// The name in the source module (or in this file).
        name: String,
        /// The name it is exported as.
        alias: String,
        /// The module specifier, if any.
        from: Option<String>,
    },
    /// `export * from '…'`.
    All {
        /// The module specifier.
        from: String,
    },
    /// `export * as X from '…'`.
    Namespace {
        /// The name the module is exported as.
        alias: String,
        /// The module specifier.
        from: String,
    },
}

/// A named declaration: interface, namespace, class or type alias.
#[derive(Debug, Clone, PartialEq)]
pub struct Decl {
    /// The TypeScript name.
    pub name: String,
    /// JSDoc attached to the declaration.
    pub docs: Docs,
    /// Where the declaration's name stands in the source.
    pub span: Span,
    /// What kind of declaration it is.
    pub kind: DeclKind,
}

/// The kinds of declaration the model understands.
#[derive(Debug, Clone, PartialEq)]
pub enum DeclKind {
    /// `interface X<T> extends Y { … }`.
    Interface(Interface),
    /// `namespace X { … }`, holding further declarations.
    Namespace(Vec<Decl>),
    /// `class X { method(…): R }`: becomes a service trait.
    Class(Class),
    /// `type X<P> = …`: the aliased type and the alias's type parameters.
    TypeAlias(TypeExpr, Vec<String>),
    /// `enum X { A = 'a', B = 1 }` (also `declare` and `const` enums).
    Enum(Vec<EnumMember>),
    /// `declare const X: T`: a value, kept only for `typeof X`.
    Const(TypeExpr),
    /// `export { A as X }` or `export import X = M.A` inside a namespace: `X` names the
    /// declaration at this path, looked up from the enclosing scope.
    Export(Vec<String>),
}

/// A member of an `enum` declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumMember {
    /// The member's name (`GuildText`).
    pub name: String,
    /// Its value on the wire.
    pub value: EnumValue,
    /// JSDoc attached to the member.
    pub docs: Docs,
    /// Where the member stands.
    pub span: Span,
}

/// The value of an enum member, evaluated as TypeScript does (auto-increment after a number,
/// constant expressions like `1 << 3` folded).
#[derive(Debug, Clone, PartialEq)]
pub enum EnumValue {
    /// A string member.
    String(String),
    /// A numeric member, as JavaScript writes the number.
    Number(String),
    /// An initializer that is not a constant expression.
    Computed,
}

/// The body of an interface.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Interface {
    /// Type parameter names.
    pub type_params: Vec<String>,
    /// `extends` clauses, as references.
    pub extends: Vec<TypeExpr>,
    /// Property signatures in source order.
    pub fields: Vec<Field>,
}

/// A property signature `name?: T`.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The wire name: the property key exactly as written (empty for an index signature).
    pub name: String,
    /// An index signature `[key: string]: T`: the type of every key not named by a property.
    pub index: bool,
    /// Whether the property was declared with `?`.
    pub optional: bool,
    /// The property's type.
    pub ty: TypeExpr,
    /// JSDoc attached to the property.
    pub docs: Docs,
    /// Where the property stands in the source.
    pub span: Span,
}

/// A class: a data shape when it declares public properties (what `JSON.stringify` writes of
/// an instance), otherwise a service of methods.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Class {
    /// Methods in source order.
    pub methods: Vec<Method>,
    /// The public instance properties, type parameters and base class, as an interface body.
    pub data: Interface,
}

impl Class {
    /// Whether the class is a data shape (it declares public properties).
    pub fn is_data(&self) -> bool {
        !self.data.fields.is_empty()
    }
}

/// A method signature of a class.
#[derive(Debug, Clone, PartialEq)]
pub struct Method {
    /// The method's name.
    pub name: String,
    /// JSDoc attached to the method.
    pub docs: Docs,
    /// Where the method stands in the source.
    pub span: Span,
    /// The method's own type parameters.
    pub type_params: Vec<String>,
    /// Parameters in order.
    pub params: Vec<Param>,
    /// The declared return type; `None` when it was left out.
    pub returns: Option<TypeExpr>,
}

/// A method parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The parameter's name.
    pub name: String,
    /// Whether it was declared with `?`.
    pub optional: bool,
    /// Its type; `None` when it was left out.
    pub ty: Option<TypeExpr>,
}

/// A literal type.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// `'text'`.
    String(String),
    /// `42`, kept as written.
    Number(String),
    /// `true` / `false`.
    Bool(bool),
}

/// An element of a tuple type.
#[derive(Debug, Clone, PartialEq)]
pub struct TupleElement {
    /// The element's type (for a rest element, the array's element type).
    pub ty: TypeExpr,
    /// `[A?]`: the element may be missing.
    pub optional: bool,
    /// `[...A[]]`: any number of elements follow.
    pub rest: bool,
}

/// A mapped type `{ [K in U as N]?: T }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapped {
    /// The key parameter `K`.
    pub param: String,
    /// The keys it ranges over, `U`.
    pub keys: TypeExpr,
    /// The value type `T` (`any` when left out).
    pub ty: TypeExpr,
    /// `?` (`Some(true)`), `-?` (`Some(false)`), or neither (`None`: kept from the source).
    pub optional: Option<bool>,
    /// Where the mapped type stands.
    pub span: Span,
}

/// A conditional type `check extends pattern ? then : otherwise`.
#[derive(Debug, Clone, PartialEq)]
pub struct Conditional {
    /// The type tested.
    pub check: TypeExpr,
    /// What it is tested against; may hold `infer X`.
    pub pattern: TypeExpr,
    /// The type when it matches, with the inferred names bound.
    pub then: TypeExpr,
    /// The type when it does not.
    pub otherwise: TypeExpr,
}

/// A TypeScript type expression.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeExpr {
    /// `string`.
    String,
    /// `number`.
    Number,
    /// `bigint`: an integer beyond `number`'s 53 bits (OpenAPI's int64).
    BigInt,
    /// `boolean`.
    Boolean,
    /// `unknown`, `any` or `object`: any JSON value.
    Any,
    /// `null`.
    Null,
    /// `undefined` or `void`.
    Undefined,
    /// `string & {}`: a string that keeps editor completion for the literals beside it.
    OpenString,
    /// A literal type.
    Literal(Literal),
    /// `T[]` or `Array<T>`.
    Array(Box<TypeExpr>),
    /// A reference to a named type, with type arguments.
    Ref {
        /// The qualified name, split at dots.
        path: Vec<String>,
        /// Type arguments.
        args: Vec<TypeExpr>,
        /// Where the reference stands.
        span: Span,
    },
    /// `A | B | …`.
    Union(Vec<TypeExpr>),
    /// `A & B & …` (other than the `string & {}` idiom).
    Intersection(Vec<TypeExpr>),
    /// An inline object type `{ a: T }`.
    Object(Vec<Field>),
    /// A tuple `[A, B?, ...C[]]`.
    Tuple(Vec<TupleElement>),
    /// An indexed access `T['k']`, `T[number]`.
    Index {
        /// The object type.
        object: Box<TypeExpr>,
        /// The key type: a string literal, `number`, or a union of keys.
        key: Box<TypeExpr>,
        /// Where the access stands.
        span: Span,
    },
    /// `keyof T`.
    KeyOf(Box<TypeExpr>, Span),
    /// `typeof X`: the declared type of the value `X`.
    TypeOf(Vec<String>, Span),
    /// A mapped type `{ [K in U]?: T }`.
    Mapped(Box<Mapped>),
    /// A conditional type `C extends E ? T : F`.
    Conditional(Box<Conditional>),
    /// `infer X` in the `extends` clause of a conditional type.
    Infer(String),
    /// The `object` keyword: any non-primitive value.
    ObjectKeyword,
    /// `never`: no value.
    Never,
    /// A function type or method: no data on the wire.
    Function,
    /// A construct the model does not map; it becomes any JSON value with a warning.
    Unsupported {
        /// What was found, in words.
        what: String,
        /// Where it stands.
        span: Span,
    },
}

impl TypeExpr {
    /// The members of a union as written, nested unions flattened; any other type is its own
    /// one member.
    pub fn union_members(&self) -> Vec<&TypeExpr> {
        let mut flat = Vec::new();
        let mut pending = vec![self];
        while let Some(ty) = pending.pop() {
            match ty {
                TypeExpr::Union(members) => pending.extend(members.iter().rev()),
                other => flat.push(other),
            }
        }
        flat
    }

    /// Whether two type expressions are the same type as written, wherever they stand (spans
    /// are not compared).
    pub fn same_type(&self, other: &TypeExpr) -> bool {
        fn all(a: &[TypeExpr], b: &[TypeExpr]) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_type(y))
        }
        match (self, other) {
            (TypeExpr::Ref { path: p, args: a, .. }, TypeExpr::Ref { path: q, args: b, .. }) => {
                p == q && all(a, b)
            }
            (TypeExpr::Union(a), TypeExpr::Union(b))
            | (TypeExpr::Intersection(a), TypeExpr::Intersection(b)) => all(a, b),
            (TypeExpr::Conditional(a), TypeExpr::Conditional(b)) => {
                a.check.same_type(&b.check)
                    && a.pattern.same_type(&b.pattern)
                    && a.then.same_type(&b.then)
                    && a.otherwise.same_type(&b.otherwise)
            }
            (TypeExpr::Array(a), TypeExpr::Array(b)) => a.same_type(b),
            (TypeExpr::KeyOf(a, _), TypeExpr::KeyOf(b, _)) => a.same_type(b),
            (TypeExpr::TypeOf(a, _), TypeExpr::TypeOf(b, _)) => a == b,
            (
                TypeExpr::Index { object: o1, key: k1, .. },
                TypeExpr::Index { object: o2, key: k2, .. },
            ) => o1.same_type(o2) && k1.same_type(k2),
            // Objects, tuples and mapped types hold spans of their own members; they are the
            // same type only when they are one node.
            (a, b) => a == b,
        }
    }
}
