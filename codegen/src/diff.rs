//! `dts2rs diff`: what changed between two generations, per Rust item, and whom it breaks:
//! code written against the old bindings (the Rust API), payloads exchanged with them (the
//! wire), both, or neither.
//!
//! Both sides are generated into the Rust model ([`crate::model::rust`]) and compared by item
//! path: items added, removed or changed (fields, variants, alias targets, trait methods, docs).
//! A re-export (`pub use`) is compared by the item it makes reachable, following chains of
//! re-exports: the same target is no change, whatever the form. A glob (`pub use m::*`) is
//! keyed by the module it re-exports, whose items are compared where they are declared.
//!
//! A change breaks the API when Rust code that compiled against the old bindings may stop
//! compiling, and the wire when a payload the old bindings accepted or produced is now
//! rejected, or read and written back differently:
//!
//! | change | API | wire |
//! |---|---|---|
//! | item removed | yes | no: the fields typed with it are reported |
//! | item kind changed, alias target changed, field type changed | yes | yes (not for a trait) |
//! | field removed | yes | yes: payloads carrying it lose it |
//! | field optional → required | yes | yes: payloads without it are rejected |
//! | field required → optional (`T` → `Option<T>`) | yes | no |
//! | field gains `\| null` (`Option<T>` → `Option<Option<T>>`) | yes | no |
//! | field loses `\| null` | yes | yes: a `null` read is written back as absent |
//! | field's JSON key changed | no | yes |
//! | field added | for struct literals, unless the struct is `#[non_exhaustive]` | if required |
//! | variant removed | yes | yes, unless a string of an enum still open (it arrives as `Other`) |
//! | variant's payload changed / only its string or tag changed | yes / no | yes, unless as above |
//! | variant added | unless `#[non_exhaustive]` (also to an open enum: below) | no |
//! | a re-export reaches another item | yes | if the two items differ on the wire |
//! | generic parameters, trait methods added, removed or changed | yes | no |
//! | item added, doc-only change | no | no |
//!
//! A variant added to an open enum (one with `Other`) breaks the API and not the wire: a `match`
//! that names every variant and `Other(_)`, with no wildcard arm, stops compiling (as
//! cargo-semver-checks counts it), while every payload still reads the same (the value used to
//! arrive as `Other`).
//!
//! A type alias is compared by what it reaches: a place whose enum became an alias of a shared
//! enum with the same variants (or a struct that became an alias of one with the same fields)
//! is used by the same Rust code (`X::A`, patterns, struct literals), so it is no change; only
//! the differences between the two are reported, as if the alias were the item.
//!
//! ```
//! let old = dts2rs::model::rust::Module::new("", dts2rs::model::rust::ModuleKind::Root);
//! let report = dts2rs::diff::diff_models(&old, &old.clone(), &dts2rs::Config::default());
//! assert_eq!(report.render_text(), "no changes\n");
//! ```

use crate::builder::Builder;
use crate::config::Config;
use crate::error::Error;
use crate::model::jsdoc::Docs;
use crate::model::rust::{
    Enum, Field, Item, ItemKind, ItemPath, Method, Module, ModuleKind, RustType, TagValue,
    VariantKind,
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

/// Whom a change breaks: code written against the old bindings (the Rust API: it may stop
/// compiling), and payloads exchanged with them (the wire: a payload the old bindings accepted
/// or produced is now rejected, or read and written back differently).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Breaks {
    /// Rust code written against the old bindings may stop compiling.
    pub api: bool,
    /// A payload the old bindings accepted or produced is rejected or written differently.
    pub wire: bool,
}

impl Breaks {
    /// Breaks nothing.
    pub const NONE: Breaks = Breaks { api: false, wire: false };
    /// Breaks Rust code only.
    pub const API: Breaks = Breaks { api: true, wire: false };
    /// Breaks payloads only.
    pub const WIRE: Breaks = Breaks { api: false, wire: true };
    /// Breaks both.
    pub const BOTH: Breaks = Breaks { api: true, wire: true };

    /// Whether it breaks anything.
    pub fn any(self) -> bool {
        self.api || self.wire
    }

    /// `api`, `wire`, `api+wire`, or empty.
    pub fn label(self) -> &'static str {
        match (self.api, self.wire) {
            (true, true) => "api+wire",
            (true, false) => "api",
            (false, true) => "wire",
            (false, false) => "",
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
    /// `struct`, `enum`, `type`, `trait` or `use` (the new kind when the item exists on the new
    /// side; for a path re-exporting an item on one side only, the kind of the item reached).
    pub item_kind: &'static str,
    /// What changed.
    pub kind: ChangeKind,
    /// The field, variant or method concerned, if any.
    pub member: Option<String>,
    /// Whether the change breaks anything: `api_breaking || wire_breaking`.
    pub breaking: bool,
    /// Whether Rust code written against the old bindings may stop compiling.
    pub api_breaking: bool,
    /// Whether a payload the old bindings accepted or produced is now rejected, or read and
    /// written back differently.
    pub wire_breaking: bool,
    /// The change in words, with the reason for the classification.
    pub message: String,
}

impl Change {
    /// Whom the change breaks.
    pub fn breaks(&self) -> Breaks {
        Breaks { api: self.api_breaking, wire: self.wire_breaking }
    }
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

    /// How many changes break the Rust API.
    pub fn api_breaking_count(&self) -> usize {
        self.changes.iter().filter(|c| c.api_breaking).count()
    }

    /// How many changes break the wire format.
    pub fn wire_breaking_count(&self) -> usize {
        self.changes.iter().filter(|c| c.wire_breaking).count()
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
                api_breaking: 0,
                wire_breaking: 0,
            });
            count.changes += 1;
            count.breaking += usize::from(change.breaking);
            count.api_breaking += usize::from(change.api_breaking);
            count.wire_breaking += usize::from(change.wire_breaking);
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
            "{} change(s), {breaking} breaking ({} Rust API, {} wire), {} compatible\n\n",
            self.changes.len(),
            self.api_breaking_count(),
            self.wire_breaking_count(),
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
        summary_row(out, "kind", ["changes", "breaking", "api", "wire"].map(str::to_owned));
        for count in self.summary() {
            let counts = [count.changes, count.breaking, count.api_breaking, count.wire_breaking];
            summary_row(out, &count.kind.name(), counts.map(|n| n.to_string()));
        }
    }

    /// The report as pretty-printed JSON: `{ "breaking": n, "api_breaking": n,
    /// "wire_breaking": n, "summary": [...], "changes": [...] }`.
    pub fn render_json(&self) -> String {
        let value = serde_json::json!({
            "breaking": self.breaking_count(),
            "api_breaking": self.api_breaking_count(),
            "wire_breaking": self.wire_breaking_count(),
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
    /// How many of them break the Rust API.
    pub api_breaking: usize,
    /// How many of them break the wire format.
    pub wire_breaking: usize,
}

/// One line of the summary table: a kind, then its counts (or the column titles).
fn summary_row(out: &mut String, kind: &str, [changes, breaking, api, wire]: [String; 4]) {
    let _ = writeln!(out, "{kind:<26} {changes:>7} {breaking:>8} {api:>4} {wire:>4}");
}

/// `changes` (in report order) under a `mod` heading per module, each tagged with whom it
/// breaks (`api`, `wire`, `api+wire`) when it does.
fn render_changes(out: &mut String, changes: &[&Change]) {
    let mut module: Option<&str> = None;
    for change in changes {
        if module != Some(change.module.as_str()) {
            module = Some(&change.module);
            let name = if change.module.is_empty() { "(root)" } else { &change.module };
            let _ = write!(out, "\nmod {name}\n");
        }
        let tag = change.breaks().label();
        let tag = if tag.is_empty() { String::new() } else { format!("{tag:<8} ") };
        let _ = writeln!(out, "  {tag}{} {}: {}", change.item_kind, change.item, change.message);
    }
}

/// Generates `old` and `new` (each a `.d.ts` file or a folder of them) with the same optional
/// config file, and compares the results.
pub fn diff(
    old: impl AsRef<Path>,
    new: impl AsRef<Path>,
    config: Option<&Path>,
) -> Result<Report, Error> {
    // Loaded once: a bad config is one error, before either side is read.
    let config = match config {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    let model = |input: &Path| {
        Builder::new()
            .input(input)
            .config_value(config.clone())
            .cargo_directives(false)
            .generate("diff.rs")
    };
    let old = model(old.as_ref())?;
    let new = model(new.as_ref())?;
    Ok(diff_models(old.model(), new.model(), &config))
}

/// Compares two Rust models generated with `config` (whose `non_exhaustive` or
/// `extra_attributes` may make structs and enums `#[non_exhaustive]`).
pub fn diff_models(old: &Module, new: &Module, config: &Config) -> Report {
    let (old_side, new_side) = (Side::new(old), Side::new(new));
    let (old, new) = (&old_side, &new_side);
    let mut keys: Vec<&ItemPath> = old.items.keys().chain(new.items.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut changes = Vec::new();
    for key in keys {
        let (old_at, new_at) = (old.reach(key), new.reach(key));
        // The declaration's own TypeScript path selects it, also when reached by a re-export.
        let ts_path = new_at.as_ref().or(old_at.as_ref()).map_or("", |r| r.item.ts_path.as_str());
        let non_exhaustive = config.is_non_exhaustive(ts_path);
        let mut cx = ItemDiff {
            module: key.modules.join("::"),
            item: key.name.clone(),
            item_kind: "",
            non_exhaustive,
            changes: &mut changes,
        };
        match (old_at, new_at) {
            (None, Some(new)) => {
                cx.item_kind = kind_name(&new.at.kind);
                cx.push(ChangeKind::ItemAdded, None, Breaks::NONE, "added".to_owned());
            }
            (Some(old), None) => {
                cx.item_kind = kind_name(&old.at.kind);
                // Payloads do not change by themselves: fields typed with it are reported.
                cx.push(ChangeKind::ItemRemoved, None, Breaks::API, "removed".to_owned());
            }
            (Some(old), Some(new)) => {
                // A kind change to or from an alias is compared with what the alias reaches.
                let old_seen = old_side.through_alias(&old, new.item);
                let new_seen = new_side.through_alias(&new, old.item);
                // Types named by paths the new side resolves to the same item are the same.
                let (old_item, new_item) =
                    (old_seen.as_ref().unwrap_or(old.item), new_seen.as_ref().unwrap_or(new.item));
                let canonical = (old_item != new_item)
                    .then(|| (new_side.canonical(old_item), new_side.canonical(new_item)));
                let (old_item, new_item) = match &canonical {
                    Some((o, n)) => (o, n),
                    None => (old_item, new_item),
                };
                let mut old = Reached { item: old_item, ..old };
                let new = Reached { item: new_item, ..new };
                // A re-export of an old path that the new side still resolves (through a glob)
                // to the item the new re-export reaches points at the same item.
                if old.path != new.path
                    && new_side.reach(&old.path).is_some_and(|r| r.path == new.path)
                {
                    old.path = new.path.clone();
                }
                cx.reachable(old, new)
            }
            (None, None) => {}
        }
    }
    Report { changes }
}

/// The items of one generation, by absolute path.
struct Side<'m> {
    items: BTreeMap<ItemPath, &'m Item>,
    /// The modules each module glob-re-exports (`pub use webhooks::*` in `webhooks`).
    globs: BTreeMap<Vec<String>, Vec<Vec<String>>>,
}

impl<'m> Side<'m> {
    fn new(root: &'m Module) -> Self {
        let mut side = Side { items: BTreeMap::new(), globs: BTreeMap::new() };
        side.collect(root, &mut Vec::new());
        side
    }

    fn collect(&mut self, module: &'m Module, path: &mut Vec<String>) {
        for item in &module.items {
            // A glob re-export names no item of its own: it is keyed by what it re-exports
            // (`chat::completions::*`), whose items are compared where they are declared.
            let name = match &item.kind {
                ItemKind::ReexportAll(target) => {
                    self.globs.entry(path.clone()).or_default().push(target.clone());
                    item_path(&ItemPath { modules: target.clone(), name: "*".to_owned() })
                }
                _ => item.name.clone(),
            };
            self.items.insert(ItemPath { modules: path.clone(), name }, item);
        }
        for child in &module.modules {
            path.push(child.name.clone());
            self.collect(child, path);
            path.pop();
        }
    }

    /// What the path `at` makes reachable, if anything is there: the item declared there, or
    /// the one a re-export (through any chain of re-exports) points to. A re-export whose
    /// target is not an item of this generation reaches itself; a cycle is cut after as many
    /// steps as there are items.
    fn reach(&self, at: &ItemPath) -> Option<Reached<'m>> {
        self.reach_within(at, 0, 0)
    }

    /// [`Side::reach`], `depth` globs deep: a path no item is declared or re-exported at may
    /// still be reachable through a glob of one of its modules (`webhooks::event::Data` through
    /// `pub use webhooks::*` in `webhooks`, when `event` moved into `webhooks::webhooks`), as
    /// Rust resolves it: an explicit item first, then the globs. The first `fixed` modules of
    /// `at` are known to exist (a glob's target): only the globs of longer prefixes are tried.
    fn reach_within(&self, at: &ItemPath, fixed: usize, depth: usize) -> Option<Reached<'m>> {
        let Some(&item) = self.items.get(at) else {
            if depth > 4 {
                return None;
            }
            return (fixed..=at.modules.len()).rev().find_map(|k| {
                let targets = self.globs.get(&at.modules[..k])?;
                targets.iter().find_map(|target| {
                    let mut modules = target.clone();
                    modules.extend_from_slice(&at.modules[k..]);
                    let inner = ItemPath { modules, name: at.name.clone() };
                    let reached = self.reach_within(&inner, target.len(), depth + 1)?;
                    Some(Reached { via_reexport: true, ..reached })
                })
            });
        };
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
        let via_reexport = !std::ptr::eq(item, reached);
        Some(Reached { at: item, path: path.clone(), item: reached, via_reexport })
    }
}

impl Side<'_> {
    /// `item` with every item path in its types that this side reaches through re-exports
    /// replaced by the path of the item declared there: `webhooks::event::Data` and
    /// `webhooks::webhooks::event::Data` are one type when `webhooks` glob-re-exports
    /// `webhooks::webhooks`, and code naming either compiles.
    fn canonical(&self, item: &Item) -> Item {
        fn paths(ty: &mut RustType, side: &Side) {
            if let RustType::Item(path, _) = ty {
                // Through re-exports, and through aliases without arguments (a nested type
                // defined once elsewhere, a shared enum), to the item itself: a bounded walk.
                for _ in 0..8 {
                    let Some(reached) = side.reach(path) else { break };
                    if reached.via_reexport {
                        *path = reached.path;
                    }
                    match &reached.item.kind {
                        ItemKind::Alias(RustType::Item(target, args)) if args.is_empty() => {
                            *path = target.clone();
                        }
                        _ => break,
                    }
                }
            }
            for child in ty.children_mut() {
                paths(child, side);
            }
        }
        let mut module = Module::new("", ModuleKind::Root);
        module.items.push(item.clone());
        module.for_each_type_mut(&mut |ty| paths(ty, self));
        module.items.pop().expect("the item pushed")
    }

    /// When `reached` is a type alias (without arguments) of a struct or enum of this side and
    /// `other`, what the same path reaches on the other side, is a struct or enum of that same
    /// kind: the alias's target, which Rust code sees through the alias (through a chain of
    /// aliases too: a place's alias of a shared enum that is itself defined once elsewhere).
    /// Code written against either compiles against the other wherever the two have the same
    /// fields or variants (`X::A`, patterns, struct literals all go through an alias).
    fn through_alias(&self, reached: &Reached, other: &Item) -> Option<Item> {
        let ItemKind::Alias(RustType::Item(target, args)) = &reached.item.kind else {
            return None;
        };
        if !args.is_empty() {
            return None;
        }
        let mut target = self.reach(target)?.item;
        // An alias of an alias (a place's alias of a shared enum that is itself defined once
        // elsewhere): to the end of the chain, bounded.
        for _ in 0..8 {
            match &target.kind {
                ItemKind::Alias(RustType::Item(next, args)) if args.is_empty() => {
                    target = self.reach(next)?.item;
                }
                _ => break,
            }
        }
        let same_kind = matches!(
            (&target.kind, &other.kind),
            (ItemKind::Struct(_), ItemKind::Struct(_)) | (ItemKind::Enum(_), ItemKind::Enum(_))
        );
        if !same_kind {
            return None;
        }
        // A place's alias has generated docs; the target keeps the first place's own.
        Some(target.clone())
    }
}

/// The item a path makes reachable, and where it is declared.
struct Reached<'m> {
    /// The item at the compared path (a re-export, or the declared item itself).
    at: &'m Item,
    /// The declared item's own path (the path compared, when it is not a re-export).
    path: ItemPath,
    /// The declared item.
    item: &'m Item,
    /// Whether the compared path re-exports it rather than declares it.
    via_reexport: bool,
}

fn kind_name(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Struct(_) | ItemKind::Newtype(_) => "struct",
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
        ItemKind::Newtype(_) => "a newtype",
        ItemKind::Trait(_) => "a trait",
        ItemKind::Reexport(_) | ItemKind::ReexportAll(_) => "a re-export",
    }
}

/// [`kind_words`], with an alias's target (`a type alias of `shared::Voice``).
fn kind_text(kind: &ItemKind) -> String {
    match kind {
        ItemKind::Alias(target) => format!("a type alias of `{}`", ty(target)),
        ItemKind::Newtype(target) => format!("a newtype of `{}`", ty(target)),
        other => kind_words(other).to_owned(),
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
    fn push(&mut self, kind: ChangeKind, member: Option<&str>, breaks: Breaks, message: String) {
        self.changes.push(Change {
            module: self.module.clone(),
            item: self.item.clone(),
            item_kind: self.item_kind,
            kind,
            member: member.map(str::to_owned),
            breaking: breaks.any(),
            api_breaking: breaks.api,
            wire_breaking: breaks.wire,
            message,
        });
    }

    /// Whether the changes from `old` to `new` break the wire format, compared as if they were
    /// this item.
    fn wire_breaking_between(&self, old: &Item, new: &Item) -> bool {
        let mut changes = Vec::new();
        let mut scratch = ItemDiff {
            module: String::new(),
            item: String::new(),
            item_kind: "",
            non_exhaustive: self.non_exhaustive,
            changes: &mut changes,
        };
        scratch.item(old, new);
        changes.iter().any(|c| c.wire_breaking)
    }

    /// Compares what one path makes reachable on each side. Re-exports are compared by their
    /// target, not by their form: two re-exports of the same item are the same API, and a path
    /// that re-exports an item on one side and declares it on the other is compared with what
    /// it reaches (the target's own changes are reported where it is declared).
    fn reachable(&mut self, old: Reached, new: Reached) {
        match (old.via_reexport, new.via_reexport) {
            (true, true) => {
                self.item_kind = "use";
                let wire = self.wire_breaking_between(old.item, new.item);
                self.reexport(&old.path, &new.path, wire);
            }
            _ => {
                let from = self.changes.len();
                self.item(old.item, new.item);
                // Seen through an alias (`Side::through_alias`): the path holds the alias.
                if matches!(new.at.kind, ItemKind::Alias(_)) {
                    for change in &mut self.changes[from..] {
                        change.item_kind = "type";
                    }
                }
            }
        }
    }

    /// A re-export's target, compared as a path: the targets' own changes are reported where
    /// they are declared. Another type under the same name breaks Rust code that mixes it with
    /// the old one; payloads break when the two targets differ on the wire (`wire`).
    fn reexport(&mut self, old: &ItemPath, new: &ItemPath, wire: bool) {
        if old != new {
            self.push(
                ChangeKind::ReexportTargetChanged,
                None,
                Breaks { api: true, wire },
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
            Breaks::NONE,
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
            (ItemKind::Enum(o), ItemKind::Enum(n)) => self.variants(o, n),
            (ItemKind::Alias(o), ItemKind::Alias(n))
            | (ItemKind::Newtype(o), ItemKind::Newtype(n)) => {
                if o != n {
                    self.push(
                        ChangeKind::AliasTargetChanged,
                        None,
                        Breaks::BOTH,
                        format!("target changed from `{}` to `{}`", ty(o), ty(n)),
                    );
                }
            }
            (ItemKind::Trait(o), ItemKind::Trait(n)) => self.methods(&o.methods, &n.methods),
            // Targets outside the generation (unresolved by `Side::reach`): nothing to compare
            // their wire forms with, so it is assumed to change.
            (ItemKind::Reexport(o), ItemKind::Reexport(n)) => self.reexport(o, n, true),
            // Keyed by their target module: the same key, the same glob.
            (ItemKind::ReexportAll(_), ItemKind::ReexportAll(_)) => {}
            // Another shape, most likely another JSON form too; a service trait has none.
            (o, n) => {
                let wire = ![o, n].iter().any(|k| matches!(k, ItemKind::Trait(_)));
                self.push(
                    ChangeKind::ItemKindChanged,
                    None,
                    Breaks { api: true, wire },
                    format!("changed from {} to {}", kind_words(o), kind_text(n)),
                )
            }
        }
    }

    fn type_params(&mut self, old: &[String], new: &[String]) {
        if old != new {
            // The parameters' own uses (fields of type `T`) are reported as fields.
            self.push(
                ChangeKind::TypeParamsChanged,
                None,
                Breaks::API,
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
                // A payload the old bindings produced with it is written back without it.
                self.push(
                    ChangeKind::FieldRemoved,
                    Some(&o.name),
                    Breaks::BOTH,
                    format!(
                        "field `{}: {}` removed; payloads carrying it lose it",
                        o.name,
                        field_ty(o)
                    ),
                );
                continue;
            };
            self.field_type(o, n);
            if o.wire != n.wire {
                self.push(
                    ChangeKind::FieldWireChanged,
                    Some(&o.name),
                    Breaks::WIRE,
                    format!(
                        "field `{}` is now the JSON key \"{}\" (was \"{}\")",
                        o.name, n.wire, o.wire
                    ),
                );
            }
            self.docs(&o.docs, &n.docs, Some(("field", &o.name)));
        }
        for n in new.iter().filter(|n| !old.iter().any(|o| o.name == n.name)) {
            let (api, why) = if self.non_exhaustive {
                (false, "the struct is #[non_exhaustive]")
            } else if n.optional {
                (true, "breaks struct literals, which must name it (no #[non_exhaustive])")
            } else {
                (true, "breaks struct literals, which must set it (no #[non_exhaustive])")
            };
            let (optional, wire) = if n.optional {
                ("optional", "")
            } else {
                ("required", "; payloads without it are rejected")
            };
            self.push(
                ChangeKind::FieldAdded,
                Some(&n.name),
                Breaks { api, wire: !n.optional },
                format!("{optional} field `{}: {}` added; {why}{wire}", n.name, field_ty(n)),
            );
        }
    }

    /// A kept field's type: its value type, then whether it may be absent, then whether `null`
    /// is told apart from an absent key.
    fn field_type(&mut self, o: &Field, n: &Field) {
        let (old_ty, new_ty) = (field_ty(o), field_ty(n));
        let name = &o.name;
        let (kind, breaks, message) = if o.ty != n.ty {
            let message = format!("field `{name}` changed type from `{old_ty}` to `{new_ty}`");
            (ChangeKind::FieldTypeChanged, Breaks::BOTH, message)
        } else if o.optional && !n.optional {
            let message = format!(
                "field `{name}` became required (`{old_ty}` → `{new_ty}`); payloads without it \
                 are rejected"
            );
            (ChangeKind::FieldRequired, Breaks::BOTH, message)
        } else if !o.optional && n.optional {
            // Every payload the old bindings accepted had the key: still read the same.
            let message = format!("field `{name}` became optional (`{old_ty}` → `{new_ty}`)");
            (ChangeKind::FieldOptional, Breaks::API, message)
        } else if o.nullable != n.nullable {
            // Gaining `| null` reads everything as before, and writes `null` only for the new
            // `Some(None)`; losing it writes a `null` read from a payload back as an absent key.
            let now = if n.nullable { "now" } else { "no longer" };
            let message = format!(
                "field `{name}` changed type from `{old_ty}` to `{new_ty}` (`null` {now} told \
                 apart from an absent key)"
            );
            (ChangeKind::FieldTypeChanged, Breaks { api: true, wire: o.nullable }, message)
        } else {
            return;
        };
        self.push(kind, Some(name), breaks, message);
    }

    fn variants(&mut self, old: &Enum, new: &Enum) {
        for o in &old.variants {
            let Some(n) = new.variants.iter().find(|n| n.name == o.name) else {
                let (wire, why) = if kept_as_other(&o.kind, new) {
                    (false, "; its value now arrives as `Other`")
                } else {
                    (true, "; payloads with it are rejected")
                };
                self.push(
                    ChangeKind::VariantRemoved,
                    Some(&o.name),
                    Breaks { api: true, wire },
                    format!("variant `{}` {} removed{why}", o.name, variant_kind(&o.kind)),
                );
                continue;
            };
            if o.kind != n.kind {
                // Rust code sees a unit variant or the type it carries; the wire also sees the
                // string or tag, unless the old string now arrives as `Other` and is written
                // back as it came.
                let api = payload(&o.kind) != payload(&n.kind);
                let wire =
                    !(matches!(n.kind, VariantKind::Literal(_)) && kept_as_other(&o.kind, new));
                let why = if wire { "" } else { "; the old string now arrives as `Other`" };
                self.push(
                    ChangeKind::VariantChanged,
                    Some(&o.name),
                    Breaks { api, wire },
                    format!(
                        "variant `{}` changed from {} to {}{why}",
                        o.name,
                        variant_kind(&o.kind),
                        variant_kind(&n.kind)
                    ),
                );
            }
            self.docs(&o.docs, &n.docs, Some(("variant", &o.name)));
        }
        // No addition breaks the wire: every payload read before is read (and written) the
        // same. Every addition to an exhaustive enum breaks a `match` without a wildcard arm,
        // open or not (an open enum's `Other(_)` arm does not cover a new variant).
        let open = old.is_open() && new.is_open();
        for n in new.variants.iter().filter(|n| !old.variants.iter().any(|o| o.name == n.name)) {
            let (api, why) = if self.non_exhaustive {
                (false, "the enum is #[non_exhaustive]")
            } else if open {
                (
                    true,
                    "exhaustive `match`es must handle it (the enum is open: this value used to \
                     arrive as `Other`, so no payload breaks)",
                )
            } else {
                (true, "the enum was closed: exhaustive `match`es must handle it")
            };
            self.push(
                ChangeKind::VariantAdded,
                Some(&n.name),
                Breaks { api, wire: false },
                format!("variant `{}` {} added; {why}", n.name, variant_kind(&n.kind)),
            );
        }
    }

    /// Service traits are Rust API only: what goes over the wire is typed by the structs and
    /// enums in their signatures, compared where they are declared.
    fn methods(&mut self, old: &[Method], new: &[Method]) {
        for o in old {
            let Some(n) = new.iter().find(|n| n.name == o.name) else {
                self.push(
                    ChangeKind::MethodRemoved,
                    Some(&o.name),
                    Breaks::API,
                    format!("method `{}` removed", signature(o)),
                );
                continue;
            };
            if o.params != n.params || o.returns != n.returns {
                self.push(
                    ChangeKind::MethodSignatureChanged,
                    Some(&o.name),
                    Breaks::API,
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
                Breaks::API,
                format!(
                    "method `{}` added; breaking for implementors, who must add it",
                    signature(n)
                ),
            );
        }
    }
}

/// Whether a value of an old variant of this kind still decodes with the new enum, as `Other`,
/// and is written back as it came: a string of an enum that is open.
fn kept_as_other(old: &VariantKind, new: &Enum) -> bool {
    matches!(old, VariantKind::Literal(_) | VariantKind::Number(_)) && new.is_open()
}

/// What Rust code sees of a variant: nothing (a unit variant) or the type it carries.
fn payload(kind: &VariantKind) -> Option<RustType> {
    match kind {
        VariantKind::Literal(_) | VariantKind::Number(_) => None,
        VariantKind::Other => Some(RustType::String),
        VariantKind::Untagged(t) | VariantKind::Tagged { ty: t, .. } => Some(t.clone()),
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
        VariantKind::Number(n) => format!("({n})"),
        VariantKind::Other => "(any other string)".to_owned(),
        VariantKind::Untagged(t) => format!("({})", ty(t)),
        VariantKind::Tagged { field, values, ty: t } => {
            let values: Vec<String> = values
                .iter()
                .map(|v| match v {
                    TagValue::String(s) => format!("\"{s}\""),
                    other => other.text(),
                })
                .collect();
            format!("({}, `{field}` = {})", ty(t), values.join(" | "))
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
        RustType::Tuple(ts) => format!("({})", ts.iter().map(ty).collect::<Vec<_>>().join(", ")),
        RustType::MemberOf(..) => "serde_json::Value".to_owned(),
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
