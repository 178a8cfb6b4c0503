//! The Rust side of the model: the modules, types and traits to emit.
//!
//! Names here are final Rust identifiers (decided by [`super::naming`]); type references are
//! absolute paths from the output root, which the emit stage turns into relative paths.

use super::jsdoc::Docs;
use crate::diagnostics::Span;

/// A module of the output.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// The module's identifier (empty for the root).
    pub name: String,
    /// Where the module comes from.
    pub kind: ModuleKind,
    /// The module's own doc text.
    pub docs: Docs,
    /// Items in emission order.
    pub items: Vec<Item>,
    /// Child modules in emission order.
    pub modules: Vec<Module>,
    /// The item this module holds the nested types of (`session` of `Session`), which it is
    /// printed right after.
    pub companion_of: Option<String>,
}

/// What a module stands for in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleKind {
    /// The output root.
    Root,
    /// A folder of declaration files.
    Folder,
    /// One declaration file; `source` is its path as shown in messages.
    File {
        /// The declaration file's display path.
        source: String,
    },
    /// A TypeScript namespace, or the home of types named after a declaration's fields.
    Namespace,
}

impl Module {
    /// An empty module.
    pub fn new(name: impl Into<String>, kind: ModuleKind) -> Self {
        Module {
            name: name.into(),
            kind,
            docs: Docs::default(),
            items: vec![],
            modules: vec![],
            companion_of: None,
        }
    }

    /// Calls `f` on every type written in the module and its children: field types, variant
    /// payloads, alias targets, method signatures (not on the types nested in those: `f`
    /// descends through [`RustType::children_mut`] itself where it needs to).
    pub fn for_each_type_mut(&mut self, f: &mut impl FnMut(&mut RustType)) {
        for item in &mut self.items {
            item.kind.for_each_type_mut(f);
        }
        for module in &mut self.modules {
            module.for_each_type_mut(f);
        }
    }

    /// Whether the module holds nothing to emit.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.modules.iter().all(Module::is_empty)
    }

    /// Every type alias in the module and its children, by its path (with this module as the
    /// root), with its target: what [`canonical`] expands.
    pub fn alias_targets(&self) -> rustc_hash::FxHashMap<ItemPath, RustType> {
        fn collect(
            module: &Module,
            path: &mut Vec<String>,
            out: &mut rustc_hash::FxHashMap<ItemPath, RustType>,
        ) {
            for item in &module.items {
                if let ItemKind::Alias(target) = &item.kind {
                    let at = ItemPath { modules: path.clone(), name: item.name.clone() };
                    out.insert(at, target.clone());
                }
            }
            for child in &module.modules {
                path.push(child.name.clone());
                collect(child, path, out);
                path.pop();
            }
        }
        let mut out = rustc_hash::FxHashMap::default();
        collect(self, &mut Vec::new(), &mut out);
        out
    }
}

/// The absolute path of an item: module identifiers from the root, then the item's identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemPath {
    /// Module identifiers from the output root.
    pub modules: Vec<String>,
    /// The item's identifier.
    pub name: String,
}

/// How module `to` is reached from module `from` (both from the output root) by a relative
/// path: how many `super`s climb to their common ancestor, then the modules down from it.
/// Emit's paths and the model's rustdoc links are both spelled this way, so the output can sit
/// anywhere in a crate.
pub fn relative_modules<'a>(from: &[String], to: &'a [String]) -> (usize, &'a [String]) {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    (from.len() - common, &to[common..])
}

/// A Rust type as used in a field, variant, alias or signature.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `f64`, the default for `number`.
    F64,
    /// `serde_json::Value`.
    Json,
    /// `()`.
    Unit,
    /// A type written out in configuration (`u32`, `chrono::DateTime<chrono::Utc>`).
    Verbatim(String),
    /// A generic parameter of the enclosing item.
    Param(String),
    /// `Vec<T>`.
    Vec(Box<RustType>),
    /// A string-keyed map of the configured kind.
    Map(Box<RustType>),
    /// `Option<T>`.
    Option(Box<RustType>),
    /// `Box<T>`, breaking a recursive type.
    Boxed(Box<RustType>),
    /// A generated item, with type arguments.
    Item(ItemPath, Vec<RustType>),
    /// A tuple `(A, B)`.
    Tuple(Vec<RustType>),
    /// The type of a member of a generated item (`T['k']['j']`, `T[number]`): resolved to
    /// that member's type once every item exists, so the member's type is referenced, not
    /// generated again.
    MemberOf(ItemPath, Vec<Member>),
}

/// One step of an indexed access.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Member {
    /// A property, by wire name.
    Field(String),
    /// The element of an array (`[number]`).
    Element,
}

impl RustType {
    /// Whether the type is (or contains) a floating-point number, which rules out `Eq` and `Hash`.
    pub fn has_float(&self) -> bool {
        match self {
            RustType::F64 => true,
            RustType::Verbatim(v) => v == "f32" || v == "f64",
            RustType::Vec(t) | RustType::Map(t) | RustType::Option(t) | RustType::Boxed(t) => {
                t.has_float()
            }
            RustType::Tuple(ts) => ts.iter().any(RustType::has_float),
            _ => false,
        }
    }

    /// Whether the type names a generic parameter anywhere inside.
    pub fn mentions_param(&self) -> bool {
        match self {
            RustType::Param(_) => true,
            RustType::Vec(t) | RustType::Map(t) | RustType::Option(t) | RustType::Boxed(t) => {
                t.mentions_param()
            }
            RustType::Item(_, ts) | RustType::Tuple(ts) => ts.iter().any(RustType::mentions_param),
            _ => false,
        }
    }

    /// Every type directly inside this one (type arguments, elements, payloads).
    pub fn children_mut(&mut self) -> impl Iterator<Item = &mut RustType> {
        let children: Vec<&mut RustType> = match self {
            RustType::Vec(t) | RustType::Map(t) | RustType::Option(t) | RustType::Boxed(t) => {
                vec![&mut **t]
            }
            RustType::Item(_, args) | RustType::Tuple(args) => args.iter_mut().collect(),
            _ => vec![],
        };
        children.into_iter()
    }

    /// Whether values of the type are `Copy` (only the scalar cases matter for enums).
    pub fn is_copy(&self) -> bool {
        match self {
            RustType::Bool | RustType::F64 | RustType::Unit => true,
            RustType::Verbatim(v) => is_primitive_number(v),
            _ => false,
        }
    }
}

/// What serde makes of a required field whose key is absent, by the field's type (aliases
/// expanded): its `Deserialize` is handed a deserializer that has nothing to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    /// `None`: the type is an `Option`, which reads "nothing" as `None`.
    ReadsNone,
    /// "missing field": every generated item and every scalar, container and tuple.
    Fails,
    /// Only the type's own `Deserialize` knows: a type written out in configuration, a
    /// generic parameter, a `Box` of one of those.
    Unknown,
}

impl RustType {
    /// What serde's derive reads for this type (aliases expanded) when its key is absent:
    /// only `Option` reads anything at all, and only `deserialize_option` can tell.
    pub fn when_absent(&self) -> Absent {
        match self {
            RustType::Option(_) => Absent::ReadsNone,
            RustType::Verbatim(v) if !is_primitive_number(v) && v != "bool" && v != "String" => {
                Absent::Unknown
            }
            RustType::Param(_) | RustType::MemberOf(..) => Absent::Unknown,
            RustType::Boxed(t) => match t.when_absent() {
                Absent::Fails => Absent::Fails,
                Absent::ReadsNone | Absent::Unknown => Absent::Unknown,
            },
            _ => Absent::Fails,
        }
    }
}

/// The longest tuple the support code writes numbers of as JavaScript does (serde's own
/// tuple impls stop at 16; TypeScript tuples that long do not occur in practice).
pub const MAX_TUPLE: usize = 8;

/// Whether a value of type `canonical` (aliases expanded) holds `f64`s that the support
/// code's `Js` writes as JavaScript does: a float inside `Option`s, `Vec`s, maps, `Box`es
/// and tuples of scalars. A float inside a generated item is written by that item's own
/// fields; one beside a generated item in a tuple, or in a type from the config, is written
/// as serde writes it (`1.0`).
pub fn writes_js_numbers(canonical: &RustType) -> bool {
    fn supported(ty: &RustType) -> bool {
        match ty {
            RustType::F64 | RustType::String | RustType::Bool | RustType::Unit | RustType::Json => {
                true
            }
            RustType::Verbatim(v) => is_primitive_number(v),
            RustType::Vec(t) | RustType::Map(t) | RustType::Option(t) | RustType::Boxed(t) => {
                supported(t)
            }
            RustType::Tuple(ts) => ts.len() <= MAX_TUPLE && ts.iter().all(supported),
            RustType::Param(_) | RustType::Item(..) | RustType::MemberOf(..) => false,
        }
    }
    canonical.has_float() && supported(canonical)
}

/// Whether a verbatim type is one of Rust's primitive numbers.
pub fn is_primitive_number(ty: &str) -> bool {
    matches!(
        ty,
        "u8" | "u16"
            | "u32"
            | "u64"
            | "u128"
            | "usize"
            | "i8"
            | "i16"
            | "i32"
            | "i64"
            | "i128"
            | "isize"
            | "f32"
            | "f64"
    )
}

/// A generated item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The item's identifier.
    pub name: String,
    /// Its documentation.
    pub docs: Docs,
    /// The declaration it comes from, for messages.
    pub span: Option<Span>,
    /// The TypeScript path it comes from (`Session.TurnDetection`), for path-based settings.
    pub ts_path: String,
    /// What it is.
    pub kind: ItemKind,
}

/// The kinds of generated item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// A struct with named fields.
    Struct(Struct),
    /// An enum.
    Enum(Enum),
    /// `pub type Name = Target;`.
    Alias(RustType),
    /// `pub struct Name(pub Target);`: a named container of numbers, which writes them as
    /// JavaScript does (see `model::newtypes`); it reads as its target and derefs to it.
    Newtype(RustType),
    /// A service trait from a class.
    Trait(Trait),
    /// `pub use path as Name;`: a re-export (`export { A as Name } from …`).
    Reexport(ItemPath),
    /// `pub use module::*;`: `export * from …`.
    ReexportAll(Vec<String>),
}

impl ItemKind {
    /// Calls `f` on every type written in the item: field types, variant payloads, alias
    /// targets, method signatures (see [`Module::for_each_type_mut`]).
    pub fn for_each_type_mut(&mut self, f: &mut impl FnMut(&mut RustType)) {
        match self {
            ItemKind::Struct(s) => s.fields.iter_mut().for_each(|field| f(&mut field.ty)),
            ItemKind::Enum(e) => {
                for variant in &mut e.variants {
                    if let VariantKind::Untagged(ty) | VariantKind::Tagged { ty, .. } =
                        &mut variant.kind
                    {
                        f(ty);
                    }
                }
            }
            ItemKind::Alias(ty) | ItemKind::Newtype(ty) => f(ty),
            ItemKind::Trait(t) => {
                for method in &mut t.methods {
                    method.params.iter_mut().for_each(|(_, ty)| f(ty));
                    f(&mut method.returns);
                }
            }
            ItemKind::Reexport(_) | ItemKind::ReexportAll(_) => {}
        }
    }
}

/// A struct with named fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Struct {
    /// Generic parameters.
    pub type_params: Vec<String>,
    /// Fields in source order.
    pub fields: Vec<Field>,
}

impl Struct {
    /// Whether every field may be left out, so `Default` gives the empty object.
    pub fn all_optional(&self) -> bool {
        self.fields.iter().all(|f| f.optional || f.absent)
    }
}

/// A struct field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    /// The Rust identifier (may be raw, `r#type`).
    pub name: String,
    /// The JSON key.
    pub wire: String,
    /// The value type, without the `Option` an optional field adds.
    pub ty: RustType,
    /// Whether the key may be absent.
    pub optional: bool,
    /// Whether an absent key and `null` are told apart (`a?: T | null`): the field is
    /// `Option<Option<T>>`.
    pub nullable: bool,
    /// An index signature: `#[serde(flatten)]` into a map of `ty`, holding every key that no
    /// other field names.
    pub flatten: bool,
    /// A key the type says a value never holds (`a?: never`, as `OneOf`/`XOR` helpers write
    /// the keys of the other members): a `()` field that fails to read when the key is present,
    /// so a value with that key is not this variant of an untagged union. Kept only in
    /// structs read as such a variant (see `variants`).
    pub absent: bool,
    /// A required `a: T | null` whose key must be present (serde's derive reads a missing
    /// `Option` as `None`): set in structs read as a variant of an untagged union, where it
    /// decides which variant a value is (see `variants`).
    pub present: bool,
    /// Its documentation.
    pub docs: Docs,
}

/// An enum: a string enum, an open string enum, a numeric enum, or a union with untagged
/// variants or variants told apart by a tag field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Enum {
    /// Variants in source order, untagged ones last (serde tries them in order).
    pub variants: Vec<Variant>,
}

impl Enum {
    /// Whether every variant is a string literal or the catch-all: the enum is a string on the
    /// wire and gets `as_str`, `Display` and `FromStr`.
    pub fn is_string_enum(&self) -> bool {
        self.variants.iter().all(|v| matches!(v.kind, VariantKind::Literal(_) | VariantKind::Other))
            && !self.is_number_enum()
    }

    /// Whether some variant is a number (a TypeScript numeric `enum`): the enum reads and
    /// writes numbers (and strings, for string members), and a catch-all keeps unknown numbers.
    pub fn is_number_enum(&self) -> bool {
        self.variants.iter().any(|v| matches!(v.kind, VariantKind::Number(_)))
    }

    /// Whether the enum keeps unknown strings in a catch-all variant.
    pub fn is_open(&self) -> bool {
        self.variants.iter().any(|v| v.kind == VariantKind::Other)
    }

    /// The types carried by variants.
    pub fn payloads(&self) -> impl Iterator<Item = &RustType> {
        self.variants.iter().filter_map(|v| match &v.kind {
            VariantKind::Untagged(t) | VariantKind::Tagged { ty: t, .. } => Some(t),
            _ => None,
        })
    }

    /// The field that tells the variants apart, for a tagged enum.
    pub fn tag(&self) -> Option<&str> {
        self.variants.iter().find_map(|v| match &v.kind {
            VariantKind::Tagged { field, .. } => Some(field.as_str()),
            _ => None,
        })
    }
}

/// An enum variant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Variant {
    /// The Rust identifier.
    pub name: String,
    /// Its documentation.
    pub docs: Docs,
    /// How it appears on the wire.
    pub kind: VariantKind,
}

/// How a variant appears on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VariantKind {
    /// Exactly this string.
    Literal(String),
    /// Exactly this integer (a numeric enum member).
    Number(i64),
    /// Any other string, kept as is (`Other(String)`).
    Other,
    /// A value of this type, tried in order (`#[serde(untagged)]`).
    Untagged(RustType),
    /// An object whose field `field` holds one of `values`, decoded as `ty`. A value that
    /// several variants share is decoded as the first of them that accepts the object.
    Tagged {
        /// The discriminating field.
        field: String,
        /// Its values for this variant.
        values: Vec<TagValue>,
        /// The payload type.
        ty: RustType,
    },
}

/// A value of a discriminating field: a string, an integer (a numeric enum member or literal)
/// or a boolean.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TagValue {
    /// `type: 'created'`, `type: Kind.A` of a string enum.
    String(String),
    /// `op: 0`, `type: ChannelType.GuildText` of a numeric enum.
    Integer(i64),
    /// `ok: true`.
    Bool(bool),
}

impl TagValue {
    /// The value as JSON text would show it, without the quotes of a string.
    pub fn text(&self) -> String {
        match self {
            TagValue::String(s) => s.clone(),
            TagValue::Integer(n) => n.to_string(),
            TagValue::Bool(b) => b.to_string(),
        }
    }
}

/// A service trait generated from a class.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Trait {
    /// Methods in source order.
    pub methods: Vec<Method>,
}

/// A trait method: `fn name(&self, params…) -> impl Future<Output = Result<R, Self::Error>>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Method {
    /// The Rust identifier.
    pub name: String,
    /// Its documentation.
    pub docs: Docs,
    /// Parameters as `(identifier, type)`.
    pub params: Vec<(String, RustType)>,
    /// The success type.
    pub returns: RustType,
}

/// `ty` with every alias replaced by its target: two types with one canonical form are one
/// Rust type (so, for instance, one enum cannot convert `From` both).
pub fn canonical(aliases: &rustc_hash::FxHashMap<ItemPath, RustType>, ty: &RustType) -> RustType {
    fn expand(aliases: &rustc_hash::FxHashMap<ItemPath, RustType>, ty: &RustType) -> RustType {
        match ty {
            RustType::Item(path, args) if args.is_empty() && aliases.contains_key(path) => {
                aliases[path].clone()
            }
            other => {
                let mut other = other.clone();
                for child in other.children_mut() {
                    *child = expand(aliases, child);
                }
                other
            }
        }
    }
    let mut ty = ty.clone();
    // Aliases are items the model made, so their chains end; the bound guards a cycle.
    for _ in 0..64 {
        let expanded = expand(aliases, &ty);
        if expanded == ty {
            break;
        }
        ty = expanded;
    }
    ty
}
