//! `dts2rs diff`: what changed between two generations, per Rust item, and whether it breaks
//! code written against the old bindings.
//!
//! Both sides are generated into the Rust model ([`crate::model::rust`]) and compared by item
//! path: items added, removed or changed (fields, variants, alias targets, trait methods, docs).
//! A re-export (`pub use`) is compared by the item it makes reachable, following chains of
//! re-exports: the same target is no change, whatever the form.
//! Each change is classified as breaking or not for users of the generated Rust:
//!
//! | change | breaking? |
//! |---|---|
//! | item, field, variant or method removed | yes |
//! | a type changed (field, alias target, variant payload, signature) | yes |
//! | a re-export reaches another item | yes |
//! | field optional → required, or required → optional (`T` ↔ `Option<T>`) | yes |
//! | field nullable or not (`Option<T>` ↔ `Option<Option<T>>`) | yes |
//! | field added | yes for struct literals, unless the struct is `#[non_exhaustive]` |
//! | variant added | yes for a closed enum; no for an open one (`Other`) or a `#[non_exhaustive]` one |
//! | trait method added | yes: implementors must add it |
//! | item added, doc-only change | no |
//!
//! ```
//! let old = dts2rs::model::rust::Module::new("", dts2rs::model::rust::ModuleKind::Root);
//! let report = dts2rs::diff::diff_models(&old, &old.clone(), &dts2rs::Config::default());
//! assert_eq!(report.render_text(), "no changes\n");
//! ```

use crate::builder::{Builder, Error};
use crate::config::Config;
use crate::model::jsdoc::Docs;
use crate::model::rust::{
    Field, Item, ItemKind, ItemPath, Method, Module, RustType, Variant, VariantKind,
};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// What kind of change a [`Change`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A new item.
    ItemAdded,
    /// An item is gone.
    ItemRemoved,
    /// The item is now another kind (a struct became an enum, …).
    ItemKindChanged,
    /// The generic parameters changed.
    TypeParamsChanged,
    /// A new struct field.
    FieldAdded,
    /// A struct field is gone.
    FieldRemoved,
    /// A field's type changed.
    FieldTypeChanged,
    /// An optional field became required.
    FieldRequired,
    /// A required field became optional.
    FieldOptional,
    /// A field's JSON key changed.
    FieldWireChanged,
    /// A new enum variant.
    VariantAdded,
    /// An enum variant is gone.
    VariantRemoved,
    /// A variant's wire string or payload changed.
    VariantChanged,
    /// A type alias points elsewhere.
    AliasTargetChanged,
    /// A re-export (`pub use`) now makes another item reachable under its name.
    ReexportTargetChanged,
    /// A new trait method.
    MethodAdded,
    /// A trait method is gone.
    MethodRemoved,
    /// A trait method's parameters or return type changed.
    MethodSignatureChanged,
    /// Only documentation changed.
    DocsChanged,
}

impl ChangeKind {
    /// The kind's name in JSON (`field_added`), also used in the text report's summary.
    pub fn name(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => name,
            _ => unreachable!("a unit variant serializes as its name"),
        }
    }
}

/// One change to one item (or one of its fields, variants or methods).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The item's module, identifiers joined with `::` (empty for the output root).
    pub module: String,
    /// The item's identifier.
    pub item: String,
    /// `struct`, `enum`, `type` or `trait` (the new kind when the item exists on the new side).
    pub item_kind: &'static str,
    /// What changed.
    pub kind: ChangeKind,
    /// The field, variant or method concerned, if any.
    pub member: Option<String>,
    /// Whether code written against the old bindings may stop compiling or behave differently.
    pub breaking: bool,
    /// The change in words, with the reason for the classification.
    pub message: String,
}

/// The changes between two generations, in a stable order: by module, item, then change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Every change.
    pub changes: Vec<Change>,
}

impl Report {
    /// Whether any change is breaking.
    pub fn has_breaking(&self) -> bool {
        self.changes.iter().any(|c| c.breaking)
    }

    /// How many changes are breaking.
    pub fn breaking_count(&self) -> usize {
        self.changes.iter().filter(|c| c.breaking).count()
    }

    /// How many changes there are of each kind, in the order of [`ChangeKind`], kinds with none
    /// left out.
    pub fn summary(&self) -> Vec<KindCount> {
        let mut counts: BTreeMap<ChangeKind, KindCount> = BTreeMap::new();
        for change in &self.changes {
            let count = counts.entry(change.kind).or_insert(KindCount {
                kind: change.kind,
                changes: 0,
                breaking: 0,
            });
            count.changes += 1;
            count.breaking += usize::from(change.breaking);
        }
        counts.into_values().collect()
    }

    /// The report as readable text: the counts, a table of them by kind, then the breaking
    /// changes and the compatible ones, each grouped by module. At the size of a real release
    /// (hundreds of items added) the breaking changes are what a reader looks for first.
    pub fn render_text(&self) -> String {
        if self.changes.is_empty() {
            return "no changes\n".to_owned();
        }
        let breaking = self.breaking_count();
        let mut out = format!(
            "{} change(s), {breaking} breaking, {} compatible\n\n",
            self.changes.len(),
            self.changes.len() - breaking
        );
        self.render_summary(&mut out);
        for (title, breaking) in [("breaking changes", true), ("compatible changes", false)] {
            let changes: Vec<&Change> =
                self.changes.iter().filter(|c| c.breaking == breaking).collect();
            if !changes.is_empty() {
                let _ = write!(out, "\n{title}\n");
                render_changes(&mut out, &changes);
            }
        }
        out
    }

    /// The table of counts by kind.
    fn render_summary(&self, out: &mut String) {
        let _ = writeln!(out, "{:<26} {:>7} {:>8}", "kind", "changes", "breaking");
        for count in self.summary() {
            let _ = writeln!(
                out,
                "{:<26} {:>7} {:>8}",
                count.kind.name(),
                count.changes,
                count.breaking
            );
        }
    }

    /// The report as pretty-printed JSON: `{ "breaking": n, "summary": [...], "changes": [...] }`.
    pub fn render_json(&self) -> String {
        let value = serde_json::json!({
            "breaking": self.breaking_count(),
            "summary": self.summary(),
            "changes": self.changes,
        });
        let mut text = serde_json::to_string_pretty(&value).expect("a report serializes");
        text.push('\n');
        text
    }
}

/// The number of changes of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCount {
    /// The kind.
    pub kind: ChangeKind,
    /// How many changes are of this kind.
    pub changes: usize,
    /// How many of them are breaking.
    pub breaking: usize,
}

/// `changes` (in report order) under a `mod` heading per module.
fn render_changes(out: &mut String, changes: &[&Change]) {
    let mut module: Option<&str> = None;
    for change in changes {
        if module != Some(change.module.as_str()) {
            module = Some(&change.module);
            let name = if change.module.is_empty() { "(root)" } else { &change.module };
            let _ = write!(out, "\nmod {name}\n");
        }
        let _ = writeln!(out, "  {} {}: {}", change.item_kind, change.item, change.message);
    }
}

/// Generates `old` and `new` (each a `.d.ts` file or a folder of them) with the same optional
/// config file, and compares the results.
pub fn diff(
    old: impl AsRef<Path>,
    new: impl AsRef<Path>,
    config: Option<&Path>,
) -> Result<Report, Error> {
    let model = |input: &Path| {
        let mut builder = Builder::new().input(input).cargo_directives(false);
        if let Some(config) = config {
            builder = builder.config(config);
        }
        builder.generate("diff.rs")
    };
    let old = model(old.as_ref())?;
    let new = model(new.as_ref())?;
    let config = match config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
            let mut sources = crate::diagnostics::Sources::default();
            let file = sources.add(path.to_string_lossy().into_owned(), text.clone());
            Config::parse(&text, file).map_err(|d| Error::Invalid(sources.render(&d)))?
        }
        None => Config::default(),
    };
    Ok(diff_models(old.model(), new.model(), &config))
}

/// Compares two Rust models generated with `config` (whose `non_exhaustive` or
/// `extra_attributes` may make structs and enums `#[non_exhaustive]`).
pub fn diff_models(old: &Module, new: &Module, config: &Config) -> Report {
    let old = Side::new(old);
    let new = Side::new(new);
    let mut keys: Vec<&ItemPath> = old.items.keys().chain(new.items.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut changes = Vec::new();
    for key in keys {
        let ts_path = new.items.get(key).or(old.items.get(key)).map_or("", |i| i.ts_path.as_str());
        let non_exhaustive = config.is_non_exhaustive(ts_path);
        let mut cx = ItemDiff {
            module: key.modules.join("::"),
            item: key.name.clone(),
            item_kind: "",
            non_exhaustive,
            changes: &mut changes,
        };
        match (old.items.get(key), new.items.get(key)) {
            (None, Some(new)) => {
                cx.item_kind = kind_name(&new.kind);
                cx.push(ChangeKind::ItemAdded, None, false, "added".to_owned());
            }
            (Some(old), None) => {
                cx.item_kind = kind_name(&old.kind);
                cx.push(ChangeKind::ItemRemoved, None, true, "removed".to_owned());
            }
            (Some(o), Some(n)) => cx.reachable(old.reach(key, o), new.reach(key, n)),
            (None, None) => {}
        }
    }
    Report { changes }
}

/// The items of one generation, by absolute path.
struct Side<'m> {
    items: BTreeMap<ItemPath, &'m Item>,
}

impl<'m> Side<'m> {
    fn new(root: &'m Module) -> Self {
        let mut side = Side { items: BTreeMap::new() };
        side.collect(root, &mut Vec::new());
        side
    }

    fn collect(&mut self, module: &'m Module, path: &mut Vec<String>) {
        // A glob re-export names no item of its own; what it re-exports is compared where it
        // is declared.
        for item in module.items.iter().filter(|i| !matches!(i.kind, ItemKind::ReexportAll(_))) {
            self.items.insert(ItemPath { modules: path.clone(), name: item.name.clone() }, item);
        }
        for child in &module.modules {
            path.push(child.name.clone());
            self.collect(child, path);
            path.pop();
        }
    }

    /// What the path `at` of `item` makes reachable: the item declared there, or the one a
    /// re-export (through any chain of re-exports) points to. A re-export whose target is not
    /// an item of this generation reaches itself; a cycle is cut after as many steps as there
    /// are items.
    fn reach(&self, at: &ItemPath, item: &'m Item) -> Reached<'m> {
        let (mut path, mut reached) = (at, item);
        let mut steps = 0;
        while let ItemKind::Reexport(target) = &reached.kind {
            let Some(next) = self.items.get(target) else { break };
            steps += 1;
            if steps > self.items.len() {
                break;
            }
            (path, reached) = (target, next);
        }
        Reached { path: path.clone(), item: reached, via_reexport: !std::ptr::eq(item, reached) }
    }
}

/// The item a path makes reachable, and where it is declared.
struct Reached<'m> {
    /// The declared item's own path (the path compared, when it is not a re-export).
    path: ItemPath,
    /// The declared item.
    item: &'m Item,
    /// Whether the compared path re-exports it rather than declares it.
    via_reexport: bool,
}

fn kind_name(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Struct(_) => "struct",
        ItemKind::Enum(_) => "enum",
        ItemKind::Alias(_) => "type",
        ItemKind::Trait(_) => "trait",
        ItemKind::Reexport(_) | ItemKind::ReexportAll(_) => "use",
    }
}

fn kind_words(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Struct(_) => "a struct",
        ItemKind::Enum(_) => "an enum",
        ItemKind::Alias(_) => "a type alias",
        ItemKind::Trait(_) => "a trait",
        ItemKind::Reexport(_) | ItemKind::ReexportAll(_) => "a re-export",
    }
}

/// The comparison of one item present on both sides.
struct ItemDiff<'c> {
    module: String,
    item: String,
    item_kind: &'static str,
    non_exhaustive: bool,
    changes: &'c mut Vec<Change>,
}

impl ItemDiff<'_> {
    fn push(&mut self, kind: ChangeKind, member: Option<&str>, breaking: bool, message: String) {
        self.changes.push(Change {
            module: self.module.clone(),
            item: self.item.clone(),
            item_kind: self.item_kind,
            kind,
            member: member.map(str::to_owned),
            breaking,
            message,
        });
    }

    /// Compares what one path makes reachable on each side. Re-exports are compared by their
    /// target, not by their form: two re-exports of the same item are the same API, and a path
    /// that re-exports an item on one side and declares it on the other is compared with what
    /// it reaches (the target's own changes are reported where it is declared).
    fn reachable(&mut self, old: Reached, new: Reached) {
        match (old.via_reexport, new.via_reexport) {
            (true, true) => {
                self.item_kind = "use";
                self.reexport(&old.path, &new.path);
            }
            _ => self.item(old.item, new.item),
        }
    }

    /// A re-export's target, compared as a path: the targets' own changes are reported where
    /// they are declared.
    fn reexport(&mut self, old: &ItemPath, new: &ItemPath) {
        if old != new {
            self.push(
                ChangeKind::ReexportTargetChanged,
                None,
                true,
                format!("now re-exports `{}` (was `{}`)", item_path(new), item_path(old)),
            );
        }
    }

    fn docs(&mut self, old: &Docs, new: &Docs, member: Option<(&str, &str)>) {
        if old == new {
            return;
        }
        let what = match member {
            Some((kind, name)) => format!("docs of {kind} `{name}` changed"),
            None => "docs changed".to_owned(),
        };
        let deprecation = match (&old.deprecated, &new.deprecated) {
            (None, Some(_)) => " (now #[deprecated])",
            (Some(_), None) => " (no longer #[deprecated])",
            _ => "",
        };
        self.push(
            ChangeKind::DocsChanged,
            member.map(|(_, name)| name),
            false,
            format!("{what}{deprecation}"),
        );
    }

    fn item(&mut self, old: &Item, new: &Item) {
        self.item_kind = kind_name(&new.kind);
        self.docs(&old.docs, &new.docs, None);
        match (&old.kind, &new.kind) {
            (ItemKind::Struct(o), ItemKind::Struct(n)) => {
                self.type_params(&o.type_params, &n.type_params);
                self.fields(&o.fields, &n.fields);
            }
            (ItemKind::Enum(o), ItemKind::Enum(n)) => {
                // Open on both sides: a closed enum that gains `Other` breaks exhaustive matches.
                self.variants(&o.variants, &n.variants, o.is_open() && n.is_open())
            }
            (ItemKind::Alias(o), ItemKind::Alias(n)) => {
                if o != n {
                    self.push(
                        ChangeKind::AliasTargetChanged,
                        None,
                        true,
                        format!("target changed from `{}` to `{}`", ty(o), ty(n)),
                    );
                }
            }
            (ItemKind::Trait(o), ItemKind::Trait(n)) => self.methods(&o.methods, &n.methods),
            // Targets outside the generation (unresolved by `Side::reach`).
            (ItemKind::Reexport(o), ItemKind::Reexport(n)) => self.reexport(o, n),
            (o, n) => self.push(
                ChangeKind::ItemKindChanged,
                None,
                true,
                format!("changed from {} to {}", kind_words(o), kind_words(n)),
            ),
        }
    }

    fn type_params(&mut self, old: &[String], new: &[String]) {
        if old != new {
            self.push(
                ChangeKind::TypeParamsChanged,
                None,
                true,
                format!(
                    "generic parameters changed from <{}> to <{}>",
                    old.join(", "),
                    new.join(", ")
                ),
            );
        }
    }

    fn fields(&mut self, old: &[Field], new: &[Field]) {
        for o in old {
            let Some(n) = new.iter().find(|n| n.name == o.name) else {
                self.push(
                    ChangeKind::FieldRemoved,
                    Some(&o.name),
                    true,
                    format!("field `{}: {}` removed", o.name, field_ty(o)),
                );
                continue;
            };
            if o.ty != n.ty {
                self.push(
                    ChangeKind::FieldTypeChanged,
                    Some(&o.name),
                    true,
                    format!(
                        "field `{}` changed type from `{}` to `{}`",
                        o.name,
                        field_ty(o),
                        field_ty(n)
                    ),
                );
            } else if o.optional && !n.optional {
                self.push(
                    ChangeKind::FieldRequired,
                    Some(&o.name),
                    true,
                    format!(
                        "field `{}` became required (`{}` → `{}`)",
                        o.name,
                        field_ty(o),
                        field_ty(n)
                    ),
                );
            } else if !o.optional && n.optional {
                self.push(
                    ChangeKind::FieldOptional,
                    Some(&o.name),
                    true,
                    format!(
                        "field `{}` became optional (`{}` → `{}`)",
                        o.name,
                        field_ty(o),
                        field_ty(n)
                    ),
                );
            } else if o.nullable != n.nullable {
                let now = if n.nullable { "now" } else { "no longer" };
                self.push(
                    ChangeKind::FieldTypeChanged,
                    Some(&o.name),
                    true,
                    format!(
                        "field `{}` changed type from `{}` to `{}` (`null` {now} told apart from \
                         an absent key)",
                        o.name,
                        field_ty(o),
                        field_ty(n)
                    ),
                );
            }
            if o.wire != n.wire {
                self.push(
                    ChangeKind::FieldWireChanged,
                    Some(&o.name),
                    true,
                    format!(
                        "field `{}` is now the JSON key \"{}\" (was \"{}\")",
                        o.name, n.wire, o.wire
                    ),
                );
            }
            self.docs(&o.docs, &n.docs, Some(("field", &o.name)));
        }
        for n in new.iter().filter(|n| !old.iter().any(|o| o.name == n.name)) {
            let (breaking, why) = if self.non_exhaustive {
                (false, "the struct is #[non_exhaustive]")
            } else if n.optional {
                (true, "breaks struct literals, which must name it (no #[non_exhaustive])")
            } else {
                (true, "breaks struct literals, which must set it (no #[non_exhaustive])")
            };
            let optional = if n.optional { "optional" } else { "required" };
            self.push(
                ChangeKind::FieldAdded,
                Some(&n.name),
                breaking,
                format!("{optional} field `{}: {}` added; {why}", n.name, field_ty(n)),
            );
        }
    }

    fn variants(&mut self, old: &[Variant], new: &[Variant], open: bool) {
        for o in old {
            let Some(n) = new.iter().find(|n| n.name == o.name) else {
                self.push(
                    ChangeKind::VariantRemoved,
                    Some(&o.name),
                    true,
                    format!("variant `{}` {} removed", o.name, variant_kind(&o.kind)),
                );
                continue;
            };
            if o.kind != n.kind {
                self.push(
                    ChangeKind::VariantChanged,
                    Some(&o.name),
                    true,
                    format!(
                        "variant `{}` changed from {} to {}",
                        o.name,
                        variant_kind(&o.kind),
                        variant_kind(&n.kind)
                    ),
                );
            }
            self.docs(&o.docs, &n.docs, Some(("variant", &o.name)));
        }
        for n in new.iter().filter(|n| !old.iter().any(|o| o.name == n.name)) {
            let (breaking, why) = if open {
                (
                    false,
                    "the enum is open: this value used to arrive as `Other`; code matching it \
                     there should match the new variant",
                )
            } else if self.non_exhaustive {
                (false, "the enum is #[non_exhaustive]")
            } else {
                (true, "the enum was closed: exhaustive `match`es must handle it")
            };
            self.push(
                ChangeKind::VariantAdded,
                Some(&n.name),
                breaking,
                format!("variant `{}` {} added; {why}", n.name, variant_kind(&n.kind)),
            );
        }
    }

    fn methods(&mut self, old: &[Method], new: &[Method]) {
        for o in old {
            let Some(n) = new.iter().find(|n| n.name == o.name) else {
                self.push(
                    ChangeKind::MethodRemoved,
                    Some(&o.name),
                    true,
                    format!("method `{}` removed", signature(o)),
                );
                continue;
            };
            if o.params != n.params || o.returns != n.returns {
                self.push(
                    ChangeKind::MethodSignatureChanged,
                    Some(&o.name),
                    true,
                    format!(
                        "method signature changed from `{}` to `{}`",
                        signature(o),
                        signature(n)
                    ),
                );
            }
            self.docs(&o.docs, &n.docs, Some(("method", &o.name)));
        }
        for n in new.iter().filter(|n| !old.iter().any(|o| o.name == n.name)) {
            self.push(
                ChangeKind::MethodAdded,
                Some(&n.name),
                true,
                format!(
                    "method `{}` added; breaking for implementors, who must add it",
                    signature(n)
                ),
            );
        }
    }
}

/// A field's type as written in the struct: optional fields are `Option`, and nullable ones
/// (`a?: T | null`) `Option<Option<T>>`.
fn field_ty(field: &Field) -> String {
    let mut text = ty(&field.ty);
    for wrap in [field.nullable, field.optional] {
        if wrap {
            text = format!("Option<{text}>");
        }
    }
    text
}

fn variant_kind(kind: &VariantKind) -> String {
    match kind {
        VariantKind::Literal(wire) => format!("(\"{wire}\")"),
        VariantKind::Other => "(any other string)".to_owned(),
        VariantKind::Untagged(t) => format!("({})", ty(t)),
        VariantKind::Tagged { field, value, ty: t } => {
            format!("({}, `{field}` = \"{value}\")", ty(t))
        }
    }
}

fn signature(method: &Method) -> String {
    let params: Vec<String> =
        method.params.iter().map(|(name, t)| format!(", {name}: {}", ty(t))).collect();
    format!("fn {}(&self{}) -> {}", method.name, params.concat(), ty(&method.returns))
}

/// A type as Rust source, item paths absolute from the output root.
fn ty(t: &RustType) -> String {
    match t {
        RustType::String => "String".to_owned(),
        RustType::Bool => "bool".to_owned(),
        RustType::F64 => "f64".to_owned(),
        RustType::Json => "serde_json::Value".to_owned(),
        RustType::Unit => "()".to_owned(),
        RustType::Verbatim(v) => v.clone(),
        RustType::Param(p) => p.clone(),
        RustType::Vec(t) => format!("Vec<{}>", ty(t)),
        RustType::Map(t) => format!("Map<String, {}>", ty(t)),
        RustType::Option(t) => format!("Option<{}>", ty(t)),
        RustType::Boxed(t) => format!("Box<{}>", ty(t)),
        RustType::Item(path, args) => {
            let mut text = item_path(path);
            if !args.is_empty() {
                let args: Vec<String> = args.iter().map(ty).collect();
                let _ = write!(text, "<{}>", args.join(", "));
            }
            text
        }
    }
}

/// An item's path as Rust source, absolute from the output root.
fn item_path(path: &ItemPath) -> String {
    let mut text: String = path.modules.iter().map(|m| format!("{m}::")).collect();
    text.push_str(&path.name);
    text
}
