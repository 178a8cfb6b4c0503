//! `dts2rs.toml`: per-path type overrides, number rules, extra derives and attributes.
//!
//! ```toml
//! # Every `number` in a field whose name matches becomes this type.
//! [numbers]
//! "*_ms" = "u32"
//! "expires_at" = "i64"
//!
//! # The whole type of one field, by TypeScript path.
//! [types]
//! "Session.TurnDetection.prefix_padding_ms" = "u32"
//!
//! extra_derives = ["Eq"]          # added to every struct and enum
//! extra_attributes = []           # e.g. "#[non_exhaustive]"
//! map_type = "std::collections::BTreeMap"
//! open_enums = true               # every literal union keeps unknown strings (or path globs)
//! non_exhaustive = ["*Params"]    # `#[non_exhaustive]` structs and enums (or `true`)
//! collapse_null = false           # `a?: T | null` keeps absent, null and value apart
//! unknown_fields = ["*Response"]  # structs that keep keys they do not declare (or `true`)
//! lenient = ["*Response"]         # structs whose fields may be absent or null
//! module_features = false         # a Cargo feature per top-level module (folder output)
//! ```
//!
//! Unknown keys are an error, so a typo never silently does nothing.

use crate::diagnostics::{Diagnostic, FileId, Sources, Span};
use crate::error::{display, Error};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Generation settings, read from `dts2rs.toml` ([`load`](Self::load)) or built in code, one
/// setter per key; a new option is a new setter, so code built against this one keeps
/// compiling.
///
/// ```
/// use dts2rs::Config;
///
/// let config = Config::default()
///     .number("*_ms", "u32")
///     .field_type("Session.TurnDetection.prefix_padding_ms", "u16")
///     .extra_derive("Eq")
///     .open_enums(true)
///     .non_exhaustive(["*Params"]);
/// let generation = dts2rs::generate_source(
///     "session.d.ts",
///     "export interface SessionParams { timeout_ms?: number }",
///     &config,
/// )?;
/// let code = &generation.files()[0].contents;
/// assert!(code.contains("#[non_exhaustive]") && code.contains("Option<u32>"));
/// # Ok::<(), dts2rs::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Config {
    /// Field-name patterns (`*` matches any run of characters) and the Rust type every `number`
    /// in a matching field becomes.
    pub(crate) numbers: BTreeMap<String, String>,
    /// TypeScript paths (`Interface.Nested.field`) and the Rust type the field becomes.
    pub(crate) types: BTreeMap<String, String>,
    /// Rust types for names declared outside the input, by the name as written at the use
    /// (`Core.Uploadable`) or its last part (`Uploadable`); unmapped ones become
    /// `serde_json::Value` with a warning.
    pub(crate) names: BTreeMap<String, String>,
    /// Derives added to every generated struct and enum.
    pub(crate) extra_derives: Vec<String>,
    /// Attributes added to every generated struct and enum, written as Rust (`#[non_exhaustive]`).
    pub(crate) extra_attributes: Vec<String>,
    /// The map type for `Record<string, T>`, a path to a type taking `<String, T>`.
    pub(crate) map_type: String,
    /// Literal unions that also accept any other string, as `Other(String)`, so today's
    /// bindings read tomorrow's new values: `true`, or their TypeScript paths (globs).
    pub(crate) open_enums: Selection,
    /// Structs and enums marked `#[non_exhaustive]`, so adding a field or variant upstream is
    /// not a breaking change: `true`, or their TypeScript paths (globs).
    pub(crate) non_exhaustive: Selection,
    /// Read `a?: T | null` as one `Option<T>` (null and absent alike) instead of keeping the
    /// three states apart in `Option<Option<T>>`.
    pub(crate) collapse_null: bool,
    /// Structs that keep the keys their declaration does not name, in a flattened
    /// `extra: Map<String, serde_json::Value>` written back with the rest, for APIs that add
    /// fields before their declarations do: `true`, or their TypeScript paths (globs).
    pub(crate) unknown_fields: Selection,
    /// Structs whose required fields are read when absent or `null` and written back as
    /// read (`Option<Option<T>>`, as for `a?: T | null`), for servers that leave out what
    /// their declarations require: `true`, or their TypeScript paths (globs).
    pub(crate) lenient: Selection,
    /// Put each top-level module behind a Cargo feature of its name, and write the feature
    /// table (`features.toml`: each feature turns on the modules its types use) beside the
    /// generated tree, so a crate compiles only the modules it uses. Folder output only.
    pub(crate) module_features: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            numbers: BTreeMap::new(),
            types: BTreeMap::new(),
            names: BTreeMap::new(),
            extra_derives: Vec::new(),
            extra_attributes: Vec::new(),
            map_type: "std::collections::BTreeMap".to_owned(),
            open_enums: Selection::default(),
            non_exhaustive: Selection::default(),
            collapse_null: false,
            unknown_fields: Selection::default(),
            lenient: Selection::default(),
            module_features: false,
        }
    }
}

impl Config {
    /// Reads and checks a `dts2rs.toml`. An unknown key, a value of the wrong shape, or a Rust
    /// type that does not parse is an error at its line and column.
    pub fn load(path: impl AsRef<Path>) -> Result<Config, Error> {
        let path = path.as_ref();
        let text = crate::builder::read_text(path).map_err(|e| e.into_error(path))?;
        let mut sources = Sources::default();
        let file = sources.add(display(path), text);
        Config::parse(sources.text(file), file).map_err(|d| Error::invalid(sources, vec![d]))
    }

    /// Every `number` in a field whose name matches `pattern` (`*` matches any run of
    /// characters) becomes `rust_type`: the `[numbers]` table. An exact name wins over a
    /// pattern, a longer pattern over a shorter one.
    pub fn number(mut self, pattern: impl Into<String>, rust_type: impl Into<String>) -> Self {
        self.numbers.insert(pattern.into(), rust_type.into());
        self
    }

    /// The field at TypeScript path `ts_path` (`Interface.Nested.field`) becomes `rust_type`:
    /// the `[types]` table.
    pub fn field_type(mut self, ts_path: impl Into<String>, rust_type: impl Into<String>) -> Self {
        self.types.insert(ts_path.into(), rust_type.into());
        self
    }

    /// A name declared outside the input, as written at the use (`Core.Uploadable`) or by its
    /// last part (`Uploadable`), becomes `rust_type` instead of `serde_json::Value`: the
    /// `[names]` table.
    pub fn name(mut self, name: impl Into<String>, rust_type: impl Into<String>) -> Self {
        self.names.insert(name.into(), rust_type.into());
        self
    }

    /// Adds a derive (`Eq`, `schemars::JsonSchema`) to every generated struct and enum.
    pub fn extra_derive(mut self, path: impl Into<String>) -> Self {
        self.extra_derives.push(path.into());
        self
    }

    /// Adds an attribute, written as Rust (`#[non_exhaustive]`), to every generated struct and
    /// enum.
    pub fn extra_attribute(mut self, attribute: impl Into<String>) -> Self {
        self.extra_attributes.push(attribute.into());
        self
    }

    /// The map type for `Record<string, T>`: a path to a type taking `<String, T>`. Default:
    /// `std::collections::BTreeMap`.
    pub fn map_type(mut self, path: impl Into<String>) -> Self {
        self.map_type = path.into();
        self
    }

    /// Literal unions that also accept any other string, as `Other(String)`, so today's
    /// bindings read tomorrow's values: `true`, or their TypeScript paths (globs).
    pub fn open_enums(mut self, selection: impl Into<Selection>) -> Self {
        self.open_enums = selection.into();
        self
    }

    /// Structs and enums marked `#[non_exhaustive]`: `true`, or their TypeScript paths (globs).
    pub fn non_exhaustive(mut self, selection: impl Into<Selection>) -> Self {
        self.non_exhaustive = selection.into();
        self
    }

    /// Read `a?: T | null` as one `Option<T>` instead of `Option<Option<T>>`.
    pub fn collapse_null(mut self, collapse: bool) -> Self {
        self.collapse_null = collapse;
        self
    }

    /// Structs that keep the keys their declaration does not name, in a flattened `extra`
    /// map: `true`, or their TypeScript paths (globs).
    pub fn unknown_fields(mut self, selection: impl Into<Selection>) -> Self {
        self.unknown_fields = selection.into();
        self
    }

    /// Structs whose fields are read when absent or `null` and written back as read (each
    /// typed as `a?: T | null` is): `true`, or their TypeScript paths (globs).
    pub fn lenient(mut self, selection: impl Into<Selection>) -> Self {
        self.lenient = selection.into();
        self
    }

    /// Put each top-level module behind a Cargo feature of its name and write the feature
    /// table (`features.toml`) beside the generated tree. Folder output only.
    pub fn module_features(mut self, enabled: bool) -> Self {
        self.module_features = enabled;
        self
    }

    /// Parses and checks a config text registered as `file`; errors point into it.
    pub(crate) fn parse(text: &str, file: FileId) -> Result<Config, Diagnostic> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let span = e.span().map(|r| Span::new(file, r.start as u32, r.end as u32));
            Diagnostic::error(format!("invalid config: {}", e.message()), span).with_help(
                "the keys are `numbers`, `types`, `names`, `extra_derives`, `extra_attributes`, \
                 `map_type`, `open_enums`, `non_exhaustive`, `collapse_null`, `unknown_fields`, `lenient` and `module_features`; see the README's Config section",
            )
        })?;
        config.validate(text, file)?;
        Ok(config)
    }

    /// Checks that every Rust type and attribute written in the config parses; an error points
    /// at the value as the TOML parser found it.
    fn validate(&self, text: &str, file: FileId) -> Result<(), Diagnostic> {
        // The config parsed already, so its values parse again, now with their spans.
        let written: Written = toml::from_str(text).unwrap_or_default();
        fn at(file: FileId, value: &toml::Spanned<String>) -> (&str, Option<Span>) {
            let range = value.span();
            (value.as_ref(), Some(Span::new(file, range.start as u32, range.end as u32)))
        }
        let types = written.numbers.values().chain(written.types.values());
        let types = types.chain(written.names.values()).chain(&written.map_type);
        check_values(
            types.map(|v| at(file, v)),
            written.extra_derives.iter().map(|v| at(file, v)),
            written.extra_attributes.iter().map(|v| at(file, v)),
        )
    }

    /// Checks that every Rust type and attribute of a config built in code parses (a config
    /// read from `dts2rs.toml` was checked where it was written).
    pub(crate) fn check(&self) -> Result<(), Diagnostic> {
        let types = self.numbers.values().chain(self.types.values()).chain(self.names.values());
        check_values(
            types.chain([&self.map_type]).map(|v| (v.as_str(), None)),
            self.extra_derives.iter().map(|v| (v.as_str(), None)),
            self.extra_attributes.iter().map(|v| (v.as_str(), None)),
        )
    }

    /// The configured type for the field at TypeScript path `ts_path`, if any.
    pub(crate) fn type_override(&self, ts_path: &str) -> Option<&str> {
        self.types.get(ts_path).map(String::as_str)
    }

    /// The configured type for a name from outside the input, written `path` at its use.
    pub(crate) fn external_type(&self, path: &[String]) -> Option<&str> {
        let written = path.join(".");
        self.names
            .get(&written)
            .or_else(|| path.last().and_then(|last| self.names.get(last)))
            .map(String::as_str)
    }

    /// Whether the literal union at TypeScript path `ts_path` is configured open.
    pub(crate) fn is_open_enum(&self, ts_path: &str) -> bool {
        self.open_enums.matches(ts_path)
    }

    /// Whether the struct or enum at TypeScript path `ts_path` is `#[non_exhaustive]`, by this
    /// key or by `extra_attributes`: the one decision emit (the attribute), diff (whether an
    /// addition breaks) and define-once (whether two items are one) share.
    pub(crate) fn is_non_exhaustive(&self, ts_path: &str) -> bool {
        self.non_exhaustive.matches(ts_path) || self.marks_all_non_exhaustive()
    }

    /// Whether the struct or enum at `ts_path` [is non-exhaustive](Self::is_non_exhaustive)
    /// by the `non_exhaustive` key alone: emit writes the attribute, which `extra_attributes`
    /// did not already.
    pub(crate) fn needs_non_exhaustive_attribute(&self, ts_path: &str) -> bool {
        self.is_non_exhaustive(ts_path) && !self.marks_all_non_exhaustive()
    }

    /// Whether `extra_attributes` gives `#[non_exhaustive]` to every struct and enum.
    fn marks_all_non_exhaustive(&self) -> bool {
        self.extra_attributes
            .iter()
            .any(|a| a.split_whitespace().collect::<String>() == "#[non_exhaustive]")
    }

    /// The configured type for a `number` in field `field`: an exact pattern wins, then the
    /// longest matching pattern (ties broken by the pattern text, so the choice is stable).
    pub(crate) fn number_type(&self, field: &str) -> Option<&str> {
        self.numbers
            .iter()
            .filter(|(pattern, _)| glob_match(pattern, field))
            .max_by_key(|(pattern, _)| {
                (!pattern.contains('*'), pattern.len(), std::cmp::Reverse(*pattern))
            })
            .map(|(_, ty)| ty.as_str())
    }
}

/// Checks Rust types, derive paths and attributes, each with its place in the config text if it
/// has one; the first that does not parse is the error.
fn check_values<'a>(
    types: impl Iterator<Item = (&'a str, Option<Span>)>,
    derives: impl Iterator<Item = (&'a str, Option<Span>)>,
    attributes: impl Iterator<Item = (&'a str, Option<Span>)>,
) -> Result<(), Diagnostic> {
    for (ty, at) in types {
        if syn::parse_str::<syn::Type>(ty).is_err() {
            return Err(Diagnostic::error(format!("`{ty}` is not a Rust type"), at)
                .with_help("write a Rust type such as `u32` or `chrono::DateTime<chrono::Utc>`"));
        }
    }
    for (derive, at) in derives {
        if syn::parse_str::<syn::Path>(derive).is_err() {
            return Err(Diagnostic::error(format!("`{derive}` is not a derive path"), at)
                .with_help("write a trait path such as `Eq` or `schemars::JsonSchema`"));
        }
    }
    for (attr, at) in attributes {
        let parsed = syn::parse_str::<proc_macro2::TokenStream>(attr).ok().and_then(|tokens| {
            syn::parse::Parser::parse2(syn::Attribute::parse_outer, tokens).ok()
        });
        let Some(parsed) = parsed.filter(|attrs| !attrs.is_empty()) else {
            return Err(Diagnostic::error(format!("`{attr}` is not an attribute"), at)
                .with_help("write an outer attribute such as `#[non_exhaustive]`"));
        };
        // Most structs and enums are read and written by impls dts2rs writes, not serde's
        // derive: there a `#[serde(…)]` attribute would not compile, and elsewhere it would
        // change the wire format the declarations describe.
        if parsed.iter().any(|a| a.path().is_ident("serde")) {
            return Err(Diagnostic::error(format!("`{attr}` is a serde attribute"), at).with_help(
                "serde attributes cannot be added: most generated types have serde impls of \
                     their own; for types that lag the server, see `unknown_fields` and `lenient`",
            ));
        }
    }
    Ok(())
}

/// The config's Rust-valued settings as written, each with its place in the text, for errors.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Written {
    numbers: BTreeMap<String, toml::Spanned<String>>,
    types: BTreeMap<String, toml::Spanned<String>>,
    names: BTreeMap<String, toml::Spanned<String>>,
    extra_derives: Vec<toml::Spanned<String>>,
    extra_attributes: Vec<toml::Spanned<String>>,
    map_type: Option<toml::Spanned<String>>,
}

/// Which declarations a setting applies to: all or none (`true`, `false`), or those whose
/// TypeScript path matches one of the globs (`["Session.model", "*.voice"]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Selection {
    /// `true` for every declaration, `false` for none.
    All(bool),
    /// TypeScript path globs.
    Paths(Vec<String>),
}

impl From<bool> for Selection {
    fn from(all: bool) -> Self {
        Selection::All(all)
    }
}

impl<S: Into<String>> From<Vec<S>> for Selection {
    fn from(paths: Vec<S>) -> Self {
        Selection::Paths(paths.into_iter().map(Into::into).collect())
    }
}

impl<S: Into<String>, const N: usize> From<[S; N]> for Selection {
    fn from(paths: [S; N]) -> Self {
        Selection::Paths(paths.into_iter().map(Into::into).collect())
    }
}

impl Default for Selection {
    fn default() -> Self {
        Selection::All(false)
    }
}

impl Selection {
    /// Whether any declaration can be selected (`false` selects none): when not, there is no
    /// path to build for [`matches`](Self::matches).
    pub(crate) fn selects_any(&self) -> bool {
        match self {
            Selection::All(all) => *all,
            Selection::Paths(patterns) => !patterns.is_empty(),
        }
    }

    /// Whether the declaration at `ts_path` is selected.
    pub(crate) fn matches(&self, ts_path: &str) -> bool {
        match self {
            Selection::All(all) => *all,
            Selection::Paths(patterns) => patterns.iter().any(|p| glob_match(p, ts_path)),
        }
    }
}

/// Matches `text` against `pattern`, where `*` stands for any run of characters.
fn glob_match(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*_ms", "prefix_padding_ms"));
        assert!(!glob_match("*_ms", "forms"));
        assert!(glob_match("seconds", "seconds"));
        assert!(!glob_match("seconds", "seconds_left"));
        assert!(glob_match("max_*_tokens", "max_output_tokens"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("a*a", "a"));
    }

    #[test]
    fn exact_then_longest_pattern_wins() {
        let config: Config = toml::from_str(
            "[numbers]\n\"*\" = \"f32\"\n\"*_ms\" = \"u32\"\n\"timeout_ms\" = \"u64\"",
        )
        .unwrap();
        assert_eq!(config.number_type("timeout_ms"), Some("u64"));
        assert_eq!(config.number_type("silence_duration_ms"), Some("u32"));
        assert_eq!(config.number_type("temperature"), Some("f32"));
    }

    #[test]
    fn unknown_keys_and_bad_types_are_errors() {
        let bad_key = Config::parse("extra_derive = []", FileId(0)).unwrap_err();
        assert!(bad_key.message.contains("unknown field `extra_derive`"), "{}", bad_key.message);
        assert_eq!(bad_key.span.map(|s| s.start), Some(0));
        let bad_type = Config::parse("[numbers]\n\"*_ms\" = \"u32 u32\"", FileId(0)).unwrap_err();
        assert!(bad_type.message.contains("not a Rust type"));
        let wrong_shape = Config::parse("extra_derives = \"Eq\"", FileId(0)).unwrap_err();
        assert!(wrong_shape.message.contains("invalid type"), "{}", wrong_shape.message);
    }

    #[test]
    fn errors_point_at_the_value_the_parser_found() {
        // The bad value's text appears first in a comment and as a key: a search of the text
        // would point there.
        let text = "# u32 u32 is wrong\n[types]\n\"u32 u32\" = \"u32\"\n\"A.b\" = \"u32 u32\"\n";
        let error = Config::parse(text, FileId(0)).unwrap_err();
        let span = error.span.expect("a span");
        assert_eq!(&text[span.start as usize..span.end as usize], "\"u32 u32\"");
        assert_eq!(span.start as usize, text.rfind("\"u32 u32\"").unwrap());
    }
}
