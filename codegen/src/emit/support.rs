//! Code the generated types share, emitted once at the output root when needed.
//!
//! Generated code depends on serde and serde_json only, so the few helpers serde lacks are
//! generated too, rather than pulled from another crate. Each is emitted only when some
//! field or variant uses it.

use super::syntax::{template, word, Holes};
use crate::model::rust::{
    canonical, writes_js_numbers, ItemKind, ItemPath, Module, RustType, Struct, VariantKind,
};
use rustc_hash::FxHashMap;
use syn::visit_mut::VisitMut;

/// The support module's name.
pub(super) const MODULE: &str = "dts2rs_support";

/// Which helpers the output uses.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Needs {
    /// `double_option`: a field keeps `null` apart from absent (`a?: T | null`).
    pub double_option: bool,
    /// `present`: a field whose type holds `null` keeps a present `null` apart from absent
    /// (`a?: null`, `a?: unknown`).
    pub present: bool,
    /// `js_number`: a field or variant holds `f64`s, written as JavaScript writes them.
    pub js_number: bool,
    /// `tag`, `decode`, `first_of`: an enum dispatches on a tag field.
    pub tags: bool,
    /// `wire_str`: a string enum is read through its `FromStr`.
    pub wire_str: bool,
    /// `required`: a required `T | null` of a struct read as an untagged variant must be
    /// present.
    pub required: bool,
    /// `absent`: a `?: never` key of a struct read as an untagged variant must be absent.
    pub absent: bool,
    /// `ReadFields`, `read_struct`, `Key`, `Slots`, `Refuse`, `skip`, `missing`,
    /// `fails_absent`, `absent`: a struct is read by an impl of its own (see
    /// [`reads_by_hand`]).
    pub struct_reads: bool,
    /// `Fields`, `count`: a struct is written by an impl of its own (one holding floats).
    pub struct_writes: bool,
}

impl Needs {
    /// What `module` and its children use, given every alias's target in the output.
    pub(super) fn of(module: &Module, aliases: &FxHashMap<ItemPath, RustType>) -> Needs {
        let mut needs = Needs::default();
        needs.add(module, aliases);
        needs
    }

    fn add(&mut self, module: &Module, aliases: &FxHashMap<ItemPath, RustType>) {
        for item in &module.items {
            match &item.kind {
                ItemKind::Struct(s) => {
                    let by_hand = reads_by_hand(s);
                    self.struct_reads |= by_hand;
                    self.struct_writes |= by_hand;
                    for field in &s.fields {
                        let ty = canonical(aliases, &field.ty);
                        let js_number = writes_js_numbers(&ty);
                        self.js_number |= js_number;
                        self.struct_writes |= js_number;
                        if by_hand {
                            continue;
                        }
                        self.double_option |= field.nullable;
                        self.present |= is_present_unit(field.optional, field.nullable, &ty);
                        self.required |= field.present;
                        self.absent |= field.absent;
                    }
                }
                ItemKind::Enum(e) => {
                    self.tags |= e.tag().is_some();
                    self.wire_str |= e.is_string_enum();
                    for variant in &e.variants {
                        if let VariantKind::Untagged(ty) = &variant.kind {
                            self.js_number |= writes_js_numbers(&canonical(aliases, ty));
                        }
                    }
                }
                ItemKind::Newtype(target) => {
                    self.js_number |= writes_js_numbers(&canonical(aliases, target))
                }
                _ => {}
            }
        }
        for child in &module.modules {
            self.add(child, aliases);
        }
    }

    /// Whether any helper is used.
    pub(super) fn any(&self) -> bool {
        self.double_option
            || self.present
            || self.js_number
            || self.tags
            || self.wire_str
            || self.required
            || self.absent
            || self.struct_reads
            || self.struct_writes
    }
}

/// Whether `s` gets a `Deserialize` impl of its own instead of serde's derive: every struct
/// but a generic one (its bounds are the derive's business) and one holding an index
/// signature (`flatten`, which needs serde's private buffering). serde's derive writes a field
/// enum, a field visitor, a visitor and a sequence visitor per struct, which rustc checks one
/// by one (half its time on a large API); the impl written out names the struct's slots and
/// builds it from them, and one generic visitor reads every struct's keys into its slots.
pub(super) fn reads_by_hand(s: &Struct) -> bool {
    s.type_params.is_empty() && !s.fields.is_empty() && !s.fields.iter().any(|f| f.flatten)
}

/// Whether an optional field whose type holds `null` itself (`a?: null`, `a?: unknown`): its
/// `Option` is read with `present`, so a present `null` is `Some(())` or
/// `Some(Value::Null)`, not `None`, and is written back.
pub(super) fn is_present_unit(optional: bool, nullable: bool, canonical: &RustType) -> bool {
    optional && !nullable && matches!(canonical, RustType::Unit | RustType::Json)
}

/// The support module with the helpers `needs` names; `map_type` is the configured map.
pub(super) fn module(needs: Needs, map_type: &syn::Path) -> syn::Item {
    let mut content: Vec<syn::Item> = Vec::new();
    if needs.double_option {
        content.push(template!(
            syn::Item,
            /// Reads a field that is present as `Some`, so `null` becomes `Some(None)`; with
            /// `#[serde(default)]` an absent field stays `None`.
            pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
            where
                T: serde::Deserialize<'de>,
                D: serde::Deserializer<'de>,
            {
                <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
            }
        ));
    }
    if needs.present {
        content.push(template!(
            syn::Item,
            /// Reads a field that is present, `null` included, as `Some`: `a?: null` keeps a
            /// present `null` (`Some(())`) apart from an absent key (`None`).
            pub fn present<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
            where
                T: serde::Deserialize<'de>,
                D: serde::Deserializer<'de>,
            {
                <T as serde::Deserialize>::deserialize(deserializer).map(Some)
            }
        ));
    }
    if needs.required {
        content.push(template!(
            syn::Item,
            /// Reads a required `T | null` as serde reads an `Option`, but through
            /// `deserialize_with`, so a missing key is an error ("missing field"), not `None`:
            /// the key is required, and a value without it is not this variant of its union.
            pub fn required<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
            where
                T: serde::Deserialize<'de>,
                D: serde::Deserializer<'de>,
            {
                <Option<T> as serde::Deserialize>::deserialize(deserializer)
            }
        ));
    }
    if needs.absent {
        content.push(template!(
            syn::Item,
            /// Reads a key declared `?: never`: present at all, it is an error, so a value
            /// holding it is not this variant of its union (with `#[serde(default)]`, an
            /// absent key is `()`).
            pub fn absent<'de, D>(_: D) -> Result<(), D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                Err(serde::de::Error::custom("a key declared `?: never` is present"))
            }
        ));
    }
    if needs.wire_str {
        content.extend(wire_str());
    }
    if needs.struct_reads {
        content.extend(struct_reads());
    }
    if needs.struct_writes {
        content.extend(struct_writes());
    }
    if needs.js_number {
        content.extend(js_number(map_type));
    }
    if needs.tags {
        content.extend(tags());
    }
    let mut module = template!(
        syn::ItemMod,
        /// Support code for the generated types.
        #[doc(hidden)]
        pub mod __support {}
    );
    module.ident = word(MODULE);
    if let Some((_, items)) = &mut module.content {
        *items = content;
    }
    syn::Item::Mod(module)
}

/// What every struct read by hand shares (see [`reads_by_hand`]): the seed that finds a key
/// among the struct's fields, and the functions that fill and finish each field's slot. They
/// keep serde's derive's behaviour: unknown keys are skipped, a repeated key is an error, and
/// a missing required field is an error unless its type reads from nothing (an `Option`).
#[rustfmt::skip] // rustfmt takes the template's items for a macro's arguments and adds commas.
fn struct_reads() -> Vec<syn::Item> {
    let file = template!(
        syn::File,
        /// A struct read by its fields: how every struct without a generic parameter or an
        /// index signature is read (its `Deserialize` calls [`read_struct`]).
        pub trait ReadFields: Sized {
            /// The struct's name, for errors.
            const NAME: &'static str;
            /// Its fields' keys, in order: a key's index is its field's.
            const FIELDS: &'static [&'static str];

            /// Its fields' slots, in order (see [`Slots`]), filled as their keys come.
            type Slots: Default;

            /// Builds the struct once every key is read: an absent required key is
            /// "missing field". Only this is written out per struct; the loop over the keys
            /// is the one generic visitor's, so rustc checks it once.
            fn build<E: serde::de::Error>(slots: Self::Slots) -> Result<Self, E>;
        }

        /// Reads a [`ReadFields`] struct from an object: one visitor for every struct.
        pub fn read_struct<'de, T, D>(deserializer: D) -> Result<T, D::Error>
        where
            T: ReadFields,
            T::Slots: Slots<'de>,
            D: serde::Deserializer<'de>,
        {
            deserializer.deserialize_struct(T::NAME, T::FIELDS, StructVisitor(core::marker::PhantomData))
        }

        /// The visitor of [`read_struct`].
        struct StructVisitor<T>(core::marker::PhantomData<T>);

        impl<'de, T: ReadFields> serde::de::Visitor<'de> for StructVisitor<T>
        where
            T::Slots: Slots<'de>,
        {
            type Value = T;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "struct {}", T::NAME)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
                let mut slots = T::Slots::default();
                while let Some(key) = map.next_key_seed(Key(T::FIELDS))? {
                    match key {
                        Some(index) if index < T::Slots::LEN => slots.put(index, &mut map, T::FIELDS),
                        _ => skip(&mut map),
                    }?;
                }
                T::build(slots)
            }
        }

        /// Reads a struct's key as the index of its field in the list it holds (`None` for a
        /// key the struct does not declare), without copying the key.
        pub struct Key(pub &'static [&'static str]);

        impl<'de> serde::de::DeserializeSeed<'de> for Key {
            type Value = Option<usize>;

            fn deserialize<D: serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Option<usize>, D::Error> {
                deserializer.deserialize_identifier(self)
            }
        }

        impl serde::de::Visitor<'_> for Key {
            type Value = Option<usize>;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a field name")
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Option<usize>, E> {
                Ok(self.0.iter().position(|field| *field == key))
            }

            fn visit_bytes<E: serde::de::Error>(self, key: &[u8]) -> Result<Option<usize>, E> {
                Ok(self.0.iter().position(|field| field.as_bytes() == key))
            }

            fn visit_u64<E: serde::de::Error>(self, index: u64) -> Result<Option<usize>, E> {
                Ok(usize::try_from(index).ok().filter(|index| *index < self.0.len()))
            }
        }

        /// A struct's slots, one per field in order, each filled as its key comes: `Option<T>`
        /// (the field's value, or for `a?: T | null` its `T`, so that a present `null` is
        /// `Some(None)`), [`Refuse`] for a key declared `?: never`, and tuples of them
        /// (nested by twelves, as `Default` is implemented for tuples up to twelve).
        /// Reading through one generic impl, rather than an arm per field in each struct's
        /// reader, leaves rustc one call to check per struct instead of one per field.
        pub trait Slots<'de> {
            /// How many keys the slots hold.
            const LEN: usize;

            /// Reads the value of the key `names[index]` into its slot; a second one is
            /// "duplicate field".
            fn put<M: serde::de::MapAccess<'de>>(
                &mut self,
                index: usize,
                map: &mut M,
                names: &'static [&'static str],
            ) -> Result<(), M::Error>;
        }

        impl<'de, T: serde::Deserialize<'de>> Slots<'de> for Option<T> {
            const LEN: usize = 1;

            fn put<M: serde::de::MapAccess<'de>>(
                &mut self,
                _: usize,
                map: &mut M,
                names: &'static [&'static str],
            ) -> Result<(), M::Error> {
                if self.is_some() {
                    return Err(serde::de::Error::duplicate_field(names.first().copied().unwrap_or_default()));
                }
                *self = Some(map.next_value()?);
                Ok(())
            }
        }

        /// The slot of a key declared `?: never`: present, it fails the read (a value
        /// holding it is not this variant of its union).
        #[derive(Default)]
        pub struct Refuse;

        impl<'de> Slots<'de> for Refuse {
            const LEN: usize = 1;

            fn put<M: serde::de::MapAccess<'de>>(
                &mut self,
                _: usize,
                _: &mut M,
                names: &'static [&'static str],
            ) -> Result<(), M::Error> {
                let name = names.first().copied().unwrap_or_default();
                Err(serde::de::Error::custom(format_args!(
                    "the key `{name}` is declared `?: never` but is present"
                )))
            }
        }

        macro_rules! slots {
            ($($slot:ident $index:tt)+) => {
                impl<'de, $($slot: Slots<'de>),+> Slots<'de> for ($($slot,)+) {
                    const LEN: usize = 0 $(+ $slot::LEN)+;

                    fn put<M: serde::de::MapAccess<'de>>(
                        &mut self,
                        index: usize,
                        map: &mut M,
                        names: &'static [&'static str],
                    ) -> Result<(), M::Error> {
                        let mut start = 0;
                        $(
                            if index < start + $slot::LEN {
                                let names = names.get(start..).unwrap_or_default();
                                return self.$index.put(index - start, map, names);
                            }
                            start += $slot::LEN;
                        )+
                        let _ = start;
                        skip(map)
                    }
                }
            };
        }

        slots!(A 0);
        slots!(A 0 B 1);
        slots!(A 0 B 1 C 2);
        slots!(A 0 B 1 C 2 D 3);
        slots!(A 0 B 1 C 2 D 3 E 4);
        slots!(A 0 B 1 C 2 D 3 E 4 F 5);
        slots!(A 0 B 1 C 2 D 3 E 4 F 5 G 6);
        slots!(A 0 B 1 C 2 D 3 E 4 F 5 G 6 H 7);
        slots!(A 0 B 1 C 2 D 3 E 4 F 5 G 6 H 7 I 8);
        slots!(A 0 B 1 C 2 D 3 E 4 F 5 G 6 H 7 I 8 J 9);
        slots!(A 0 B 1 C 2 D 3 E 4 F 5 G 6 H 7 I 8 J 9 K 10);
        slots!(A 0 B 1 C 2 D 3 E 4 F 5 G 6 H 7 I 8 J 9 K 10 L 11);

        /// Skips the value of a key the struct does not declare.
        pub fn skip<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
            map.next_value::<serde::de::IgnoredAny>().map(drop)
        }

        /// A required field's value once every key is read, for a type only its own
        /// `Deserialize` knows the absence of (one written out in configuration): an absent
        /// key reads as serde's derive reads it, `None` for an `Option` and "missing field"
        /// for anything else.
        pub fn missing<'de, T, E>(slot: Option<T>, name: &'static str) -> Result<T, E>
        where
            T: serde::Deserialize<'de>,
            E: serde::de::Error,
        {
            match slot {
                Some(value) => Ok(value),
                None => T::deserialize(Missing(name, core::marker::PhantomData)),
            }
        }

        /// Whether [`missing`] fails for this slot: it is empty and its type is not read from
        /// nothing.
        pub fn fails_absent<'de, T: serde::Deserialize<'de>>(slot: &Option<T>) -> bool {
            slot.is_none()
                && missing::<T, serde::de::value::Error>(None, "").is_err()
        }

        /// The error for the first required key of `keys` that is absent, `(absent, key)` in
        /// the struct's order: serde's derive reports the first in that order.
        pub fn first_absent<E: serde::de::Error>(keys: &[(bool, &'static str)]) -> E {
            match keys.iter().find(|(absent, _)| *absent) {
                Some((_, key)) => E::missing_field(key),
                None => E::custom("a required field is missing"),
            }
        }

        /// The value of an absent field: `None` for an `Option`, "missing field" otherwise.
        struct Missing<E>(&'static str, core::marker::PhantomData<E>);

        impl<'de, E: serde::de::Error> serde::Deserializer<'de> for Missing<E> {
            type Error = E;

            fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, E> {
                Err(E::missing_field(self.0))
            }

            fn deserialize_option<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
                visitor.visit_none()
            }

            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
                byte_buf unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
                identifier ignored_any
            }
        }
    );
    file.items
}

/// What every struct written by hand shares: the fields written one by one, the first error
/// kept, so that a struct's `Serialize` has no `?` per field (rustc checks each as an early
/// return), and the number of optional keys present.
#[rustfmt::skip] // rustfmt takes the template's items for a macro's arguments and adds commas.
fn struct_writes() -> Vec<syn::Item> {
    let file = template!(
        syn::File,
        /// A struct being written: its fields in order, then `end`. After an error no field is
        /// written, and `end` returns the error.
        pub struct Fields<S: serde::Serializer>(Result<S::SerializeStruct, S::Error>);

        impl<S: serde::Serializer> Fields<S> {
            /// Starts the struct `name` of `len` keys.
            pub fn new(serializer: S, name: &'static str, len: usize) -> Self {
                Fields(serializer.serialize_struct(name, len))
            }

            /// Writes the field `key`.
            pub fn field<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
                if let Ok(fields) = &mut self.0 {
                    if let Err(error) = serde::ser::SerializeStruct::serialize_field(fields, key, value) {
                        self.0 = Err(error);
                    }
                }
            }

            /// Ends the struct, or returns the first error.
            pub fn end(self) -> Result<S::Ok, S::Error> {
                serde::ser::SerializeStruct::end(self.0?)
            }
        }

        /// How many of a struct's optional keys are present.
        pub fn count(present: &[bool]) -> usize {
            present.iter().filter(|present| **present).count()
        }
    );
    file.items
}

/// `wire_str`, which reads a string enum: one generic visitor for every enum, where serde's
/// derive would generate a visitor per enum (rustc type-checks and borrow-checks each one).
#[rustfmt::skip] // rustfmt takes the template's items for a macro's arguments and adds commas.
fn wire_str() -> Vec<syn::Item> {
    let file = template!(
        syn::File,
        /// Reads a string and parses it with `T`'s `FromStr`, without copying it: how every
        /// string enum is read.
        pub fn wire_str<'de, T, D>(deserializer: D) -> Result<T, D::Error>
        where
            T: core::str::FromStr,
            T::Err: core::fmt::Display,
            D: serde::Deserializer<'de>,
        {
            deserializer.deserialize_str(WireStr(core::marker::PhantomData))
        }

        /// The visitor of [`wire_str`].
        struct WireStr<T>(core::marker::PhantomData<T>);

        impl<T> serde::de::Visitor<'_> for WireStr<T>
        where
            T: core::str::FromStr,
            T::Err: core::fmt::Display,
        {
            type Value = T;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
                value.parse().map_err(E::custom)
            }
        }
    );
    file.items
}

/// The `js_number` serializer and the `JsNumber` trait behind it.
fn js_number(map_type: &syn::Path) -> Vec<syn::Item> {
    let file = template!(
        syn::File,
        /// Writes `value` with its numbers as JavaScript's `JSON.stringify` writes them (see
        /// [`JsNumber`]): `#[serde(serialize_with = "…::js_number")]`.
        pub fn js_number<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
        where
            T: JsNumber + ?Sized,
            S: serde::Serializer,
        {
            value.serialize_js(serializer)
        }

        /// A value written with its numbers as JavaScript writes them: an integral `f64`
        /// within ±2^53 as an integer (`1`, not serde_json's `1.0`), so a payload read and
        /// written back is unchanged, and a server that wants an integer gets one.
        pub trait JsNumber: serde::Serialize {
            /// Writes the value; anything without numbers of its own as `Serialize` does.
            fn serialize_js<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(self, serializer)
            }
        }

        /// A value written through [`JsNumber`]: a struct's field that holds floats, or an
        /// element of a container.
        pub struct Js<'a, T: ?Sized>(pub &'a T);

        impl<T: JsNumber + ?Sized> serde::Serialize for Js<'_, T> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.0.serialize_js(serializer)
            }
        }

        /// Every integer up to this magnitude (2^53) is exact in an `f64`, and JavaScript
        /// writes it without a fraction.
        const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

        impl JsNumber for f64 {
            fn serialize_js<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                if self.fract() == 0.0 && self.abs() <= EXACT_INTEGERS {
                    serializer.serialize_i64(*self as i64)
                } else if let Some(integer) = large_integer(*self) {
                    serializer.serialize_i64(integer)
                } else {
                    serializer.serialize_f64(*self)
                }
            }
        }

        /// An integral `f64` past 2^53 as JavaScript writes it, where that fits an `i64`: the
        /// shortest digits that read back as the same number, padded with zeros (2^60 is
        /// `1152921504606847000`).
        fn large_integer(value: f64) -> Option<i64> {
            if value.fract() != 0.0 || value.abs() >= 1e21 {
                return None;
            }
            let shortest = format!("{:e}", value.abs());
            let (mantissa, exponent) = shortest.split_once('e')?;
            let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
            let zeros = exponent.parse::<usize>().ok()?.checked_sub(digits.len() - 1)?;
            let magnitude: i64 = format!("{digits}{}", "0".repeat(zeros)).parse().ok()?;
            Some(if value < 0.0 { -magnitude } else { magnitude })
        }

        impl JsNumber for f32 {
            fn serialize_js<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                if self.fract() == 0.0 && f64::from(self.abs()) <= EXACT_INTEGERS {
                    serializer.serialize_i64(*self as i64)
                } else {
                    serializer.serialize_f32(*self)
                }
            }
        }

        macro_rules! as_serialized {
            ($($ty:ty),*) => { $(impl JsNumber for $ty {})* };
        }
        as_serialized!(
            String, bool, (), serde_json::Value, i8, i16, i32, i64, i128, isize, u8, u16, u32, u64,
            u128, usize
        );

        impl<T: JsNumber> JsNumber for Option<T> {
            fn serialize_js<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    Some(value) => serializer.serialize_some(&Js(value)),
                    None => serializer.serialize_none(),
                }
            }
        }

        impl<T: JsNumber> JsNumber for Vec<T> {
            fn serialize_js<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.iter().map(Js))
            }
        }

        impl<T: JsNumber + ?Sized> JsNumber for Box<T> {
            fn serialize_js<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                (**self).serialize_js(serializer)
            }
        }

        impl<T: JsNumber> JsNumber for __Map<String, T> {
            fn serialize_js<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.iter().map(|(key, value)| (key, Js(value))))
            }
        }

        macro_rules! tuples {
            ($($len:literal => ($($name:ident $index:tt)+))+) => {$(
                impl<$($name: JsNumber),+> JsNumber for ($($name,)+) {
                    fn serialize_js<S: serde::Serializer>(
                        &self,
                        serializer: S,
                    ) -> Result<S::Ok, S::Error> {
                        use serde::ser::SerializeTuple as _;
                        let mut tuple = serializer.serialize_tuple($len)?;
                        $(tuple.serialize_element(&Js(&self.$index))?;)+
                        tuple.end()
                    }
                }
            )+};
        }
        tuples! {
            1 => (A 0)
            2 => (A 0 B 1)
            3 => (A 0 B 1 C 2)
            4 => (A 0 B 1 C 2 D 3)
            5 => (A 0 B 1 C 2 D 3 E 4)
            6 => (A 0 B 1 C 2 D 3 E 4 F 5)
            7 => (A 0 B 1 C 2 D 3 E 4 F 5 G 6)
            8 => (A 0 B 1 C 2 D 3 E 4 F 5 G 6 H 7)
        }
    );
    Holes::default().path("__Map", map_type.clone()).fill(file, Holes::visit_file_mut).items
}

/// What unions told apart by a tag field dispatch with: reading the tag, the error for an
/// unknown one, and trying the variants that share a tag value.
#[rustfmt::skip] // rustfmt takes the template's items for a macro's arguments and adds commas.
fn tags() -> Vec<syn::Item> {
    let helpers: syn::ItemMod = template!(
        syn::ItemMod,
        mod helpers {
            /// The value of a union's tag field.
            pub enum Tag<'a> {
                /// A string.
                Str(&'a str),
                /// An integer.
                Int(i64),
                /// A boolean.
                Bool(bool),
                /// Any other value.
                Other(&'a serde_json::Value),
            }
            /// Reads the tag field `field` of `value`, which must be an object that has it.
            pub fn tag<'a, E: serde::de::Error>(
                value: &'a serde_json::Value,
                field: &'static str,
            ) -> Result<Tag<'a>, E> {
                let Some(object) = value.as_object() else {
                    return Err(E::invalid_type(unexpected(value), &"an object"));
                };
                match object.get(field) {
                    None => Err(E::missing_field(field)),
                    Some(serde_json::Value::String(text)) => Ok(Tag::Str(text)),
                    Some(serde_json::Value::Bool(flag)) => Ok(Tag::Bool(*flag)),
                    // An integer written as a float (`0.0`, as `f64` fields write it) is that integer.
                    Some(number @ serde_json::Value::Number(n)) => Ok(match n.as_i64() {
                        Some(int) => Tag::Int(int),
                        None => match n.as_f64() {
                            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Tag::Int(f as i64),
                            _ => Tag::Other(number),
                        },
                    }),
                    Some(other) => Ok(Tag::Other(other)),
                }
            }
            /// The error for a tag value no variant has; `expected` are the known ones.
            pub fn unknown_tag<E: serde::de::Error>(
                tag: Tag<'_>,
                expected: &'static [&'static str],
            ) -> E {
                let one_of = format!("one of {}", expected.join(", "));
                match tag {
                    Tag::Str(text) => E::unknown_variant(text, expected),
                    Tag::Int(n) => E::invalid_value(serde::de::Unexpected::Signed(n), &one_of.as_str()),
                    Tag::Bool(flag) => {
                        E::invalid_value(serde::de::Unexpected::Bool(flag), &one_of.as_str())
                    }
                    Tag::Other(other) => E::invalid_type(unexpected(other), &one_of.as_str()),
                }
            }
            /// Decodes `value` as the payload of the variant `variant` builds, keeping its error.
            pub fn decode<P, T, E>(value: &serde_json::Value, variant: fn(P) -> T) -> Result<T, E>
            where
                P: serde::de::DeserializeOwned,
                E: serde::de::Error,
            {
                P::deserialize(value).map(variant).map_err(E::custom)
            }

            /// A variant a tag value selects: its name, and how to decode it.
            pub type Candidate<T> =
                (&'static str, fn(&serde_json::Value) -> Result<T, serde_json::Error>);
            /// Decodes `value` as the first of `candidates` that accepts it; when none does, the
            /// error gives each one's.
            pub fn first_of<T, E: serde::de::Error>(
                value: &serde_json::Value,
                candidates: &[Candidate<T>],
            ) -> Result<T, E> {
                let mut errors = Vec::new();
                for (name, decode) in candidates {
                    match decode(value) {
                        Ok(decoded) => return Ok(decoded),
                        Err(error) => errors.push(format!("{name}: {error}")),
                    }
                }
                let errors = errors.join("; ");
                Err(E::custom(format_args!("no variant for this tag matched ({errors})")))
            }

            fn unexpected(value: &serde_json::Value) -> serde::de::Unexpected<'_> {
                match value {
                    serde_json::Value::Null => serde::de::Unexpected::Unit,
                    serde_json::Value::Bool(flag) => serde::de::Unexpected::Bool(*flag),
                    serde_json::Value::Number(_) => serde::de::Unexpected::Other("a number"),
                    serde_json::Value::String(text) => serde::de::Unexpected::Str(text),
                    serde_json::Value::Array(_) => serde::de::Unexpected::Seq,
                    serde_json::Value::Object(_) => serde::de::Unexpected::Map,
                }
            }
        }
    );
    helpers.content.map(|(_, items)| items).unwrap_or_default()
}
