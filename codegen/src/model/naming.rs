//! Rust identifiers: the one place that decides case, keywords and collisions.
//!
//! Every identifier in the output comes from [`rust_ident`], and every set of names that must be
//! distinct (a module's items, a struct's fields, an enum's variants) claims its names through a
//! [`Scope`], so no two code paths can disagree on what a TypeScript name becomes.

use heck::{ToSnakeCase, ToUpperCamelCase};
use rustc_hash::FxHashMap;
use rustc_hash::FxHashSet;

/// The case an identifier is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// `UpperCamelCase`: types, traits, enum variants.
    Type,
    /// `snake_case`: modules, fields, methods, parameters.
    Value,
}

/// Words that cannot be used as plain identifiers (strict, reserved and edition keywords).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot even be raw identifiers (`r#self` is an error).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Turns a TypeScript spelling into a valid Rust identifier of the given case.
///
/// Characters that cannot appear in an identifier separate words; non-ASCII characters become
/// their code point (`é` → `u00e9`), so distinct inputs stay distinct and the output is ASCII.
/// Keywords become raw identifiers (`r#type`), or get a trailing `_` where Rust has no raw
/// form (`self_`). The result may start with `r#`.
pub fn rust_ident(raw: &str, case: Case) -> String {
    // Case conversion already breaks words at ASCII symbols, so ASCII with a letter or digit
    // (nearly every name) needs no rewriting first.
    let mut name = if raw.is_ascii() && raw.bytes().any(|b| b.is_ascii_alphanumeric()) {
        heck_case(raw, case)
    } else {
        heck_case(&ascii_words(raw), case)
    };
    if name.is_empty() {
        name = match case {
            Case::Type => "Empty".to_owned(),
            Case::Value => "empty".to_owned(),
        };
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    // No keyword is longer than 8 bytes: longer names (most) skip the lists.
    let short = name.len() <= 8;
    if short && NOT_RAW.contains(&name.as_str()) {
        name.push('_');
    } else if short && KEYWORDS.contains(&name.as_str()) {
        name.insert_str(0, "r#");
    }
    name
}

/// The identifier without a raw prefix: what the name is compared by.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// The local variable that holds field `field`'s value while a struct is read (`slot_id`):
/// the field's own name would trip lints on locals (`_200`, clippy's `foo`) and could shadow
/// the reader's own locals. Field names are distinct and snake case, so these are too.
pub fn field_slot(field: &str) -> String {
    format!("slot_{}", unraw(field).trim_start_matches('_'))
}

/// Replaces every character that is not an ASCII letter or digit by a word break, and every
/// non-ASCII character by its code point as a word of its own. A spelling made only of ASCII
/// symbols (`'+'`, `'-'`, `'>='`) is named by them instead, so distinct symbols stay distinct.
fn ascii_words(raw: &str) -> String {
    if !raw.is_empty() && raw.chars().all(|c| c.is_ascii() && !c.is_ascii_alphanumeric()) {
        return raw.chars().map(symbol_name).collect::<Vec<_>>().join(" ");
    }
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c.is_ascii() {
            out.push(' ');
        } else {
            out.push_str(&format!(" u{:04x} ", c as u32));
        }
    }
    out
}

/// An intra-doc link to the type `name`, at `target` (a path from the doc's module) or by its
/// name alone. A type named as one of the prelude's derive macros (`Default`, `Debug`: replicate
/// and cohere-ai declare them) and linked by its name alone takes rustdoc's `type@`
/// disambiguator, without which the link is ambiguous (`broken_intra_doc_links`).
pub(super) fn type_doc_link(name: &str, target: Option<&str>) -> String {
    const DERIVE_MACROS: &[&str] =
        &["Clone", "Copy", "Debug", "Default", "Eq", "Hash", "Ord", "PartialEq", "PartialOrd"];
    // A path (`super::Default`) names the module's item, not the prelude's macro.
    let bare = target.is_none_or(|target| !target.contains("::"));
    let prefix = if bare && DERIVE_MACROS.contains(&unraw(name)) { "type@" } else { "" };
    match target {
        Some(target) => format!("[`{name}`]({prefix}{target})"),
        None if prefix.is_empty() => format!("[`{name}`]"),
        None => format!("[`{name}`]({prefix}{name})"),
    }
}

/// `words` in `case`, by `heck`.
///
/// The same spellings come back over and over (`type`, `id`, `model`, every shared field and
/// enum word), and heck's Unicode-aware conversion runs through `fmt`; so each spelling is
/// converted once per thread (the pipeline runs on a thread of its own, so the memo lives as
/// long as one run). Text already in snake case is its own snake case.
pub(super) fn heck_case(words: &str, case: Case) -> String {
    if case == Case::Value && is_snake_case(words) {
        return words.to_owned();
    }
    thread_local! {
        /// One table per case, keyed by spelling, so a hit costs no allocation.
        static CONVERTED: std::cell::RefCell<[FxHashMap<String, String>; 2]> =
            Default::default();
    }
    CONVERTED.with(|converted| {
        let table = &mut converted.borrow_mut()[case as usize];
        if let Some(name) = table.get(words) {
            return name.clone();
        }
        let name = match case {
            Case::Type => words.to_upper_camel_case(),
            Case::Value => words.to_snake_case(),
        };
        table.insert(words.to_owned(), name.clone());
        name
    })
}

/// Lowercase ASCII letters and digits in words joined by single underscores: what heck's
/// snake case leaves as it is.
fn is_snake_case(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && bytes.first().is_some_and(|&b| b != b'_')
        && bytes.last().is_some_and(|&b| b != b'_')
        && !text.contains("__")
}

/// The name of an ASCII symbol.
fn symbol_name(c: char) -> &'static str {
    match c {
        '+' => "plus",
        '-' => "minus",
        '*' => "star",
        '/' => "slash",
        '\\' => "backslash",
        '.' => "dot",
        ',' => "comma",
        ':' => "colon",
        ';' => "semicolon",
        '=' => "eq",
        '<' => "lt",
        '>' => "gt",
        '!' => "bang",
        '?' => "question",
        '@' => "at",
        '#' => "hash",
        '$' => "dollar",
        '%' => "percent",
        '&' => "and",
        '|' => "pipe",
        '^' => "caret",
        '~' => "tilde",
        '_' => "underscore",
        ' ' => "space",
        '\'' => "quote",
        '"' => "double_quote",
        '`' => "backtick",
        '(' | ')' => "paren",
        '[' | ']' => "bracket",
        '{' | '}' => "brace",
        _ => "symbol",
    }
}

/// A conservative English singular, for naming the element type of an array field
/// (`modalities` → `modality`, `tools` → `tool`). Words it does not recognise stay as they are.
pub fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        if !stem.is_empty() {
            return format!("{stem}y");
        }
    }
    for keep in ["ss", "us", "is", "ws"] {
        if word.ends_with(keep) {
            return word.to_owned();
        }
    }
    for suffix in ["sses", "xes", "ches", "shes"] {
        if word.ends_with(suffix) {
            return word[..word.len() - 2].to_owned();
        }
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.len() > 1 => stem.to_owned(),
        _ => word.to_owned(),
    }
}

/// A set of names that must be distinct: one module's items, one struct's fields, one enum's
/// variants.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Only looked up, never listed: hashed.
    taken: FxHashSet<String>,
}

impl Scope {
    /// An empty scope.
    pub fn new() -> Self {
        Scope::default()
    }

    /// Whether `ident` is already claimed.
    pub fn contains(&self, ident: &str) -> bool {
        self.taken.contains(unraw(ident))
    }

    /// Claims the identifier for `raw` in `case`; a name already claimed gets the first free
    /// numeric suffix (`Type2`, `type_2`), so the result depends only on what was claimed
    /// before, never on what comes after.
    pub fn claim(&mut self, raw: &str, case: Case) -> String {
        let base = rust_ident(raw, case);
        if self.taken.insert(unraw(&base).to_owned()) {
            return base;
        }
        let separator = match case {
            Case::Type => "",
            Case::Value => "_",
        };
        // `self_` + 2 is `self_2`, not `self__2` (which is not snake case).
        let stem = unraw(&base).trim_end_matches('_');
        (2..)
            .map(|n| format!("{stem}{separator}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .expect("an unbounded range always yields a free name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_and_keywords() {
        assert_eq!(rust_ident("type", Case::Value), "r#type");
        assert_eq!(rust_ident("self", Case::Value), "self_");
        assert_eq!(rust_ident("self", Case::Type), "Self_");
        assert_eq!(rust_ident("_", Case::Value), "underscore");
        assert_eq!(rust_ident("gen", Case::Value), "r#gen");
        assert_eq!(rust_ident("SessionCreateParams", Case::Value), "session_create_params");
        assert_eq!(rust_ident("g711_ulaw", Case::Type), "G711Ulaw");
        assert_eq!(
            rust_ident("gpt-4o-realtime-preview-2024-10-01", Case::Type),
            "Gpt4oRealtimePreview20241001"
        );
        assert_eq!(rust_ident("session.created", Case::Type), "SessionCreated");
    }

    #[test]
    fn unusual_spellings_become_valid_identifiers() {
        assert_eq!(rust_ident("1", Case::Type), "_1");
        assert_eq!(rust_ident("", Case::Type), "Empty");
        assert_eq!(rust_ident("a b", Case::Type), "AB");
        assert_eq!(rust_ident("$ref", Case::Value), "r#ref");
        assert_eq!(rust_ident("café", Case::Type), "CafU00e9");
        assert_eq!(rust_ident("🎉", Case::Type), "U1f389");
        assert_eq!(rust_ident("transcription-sessions", Case::Value), "transcription_sessions");
        assert_eq!(rust_ident("+", Case::Type), "Plus");
        assert_eq!(rust_ident("-", Case::Type), "Minus");
        assert_eq!(rust_ident(">=", Case::Type), "GtEq");
        assert_eq!(rust_ident(" ", Case::Type), "Space");
    }

    #[test]
    fn scope_suffixes_collisions_in_claim_order() {
        let mut scope = Scope::new();
        assert_eq!(scope.claim("fooBar", Case::Value), "foo_bar");
        assert_eq!(scope.claim("foo_bar", Case::Value), "foo_bar_2");
        assert_eq!(scope.claim("Type", Case::Type), "Type");
        assert_eq!(scope.claim("type", Case::Type), "Type2");
        assert!(scope.contains("r#foo_bar"));
        assert_eq!(scope.claim("self", Case::Value), "self_");
        assert_eq!(scope.claim("Self", Case::Value), "self_2");
        assert_eq!(scope.claim("Self", Case::Type), "Self_");
        assert_eq!(scope.claim("self", Case::Type), "Self2");
    }

    #[test]
    fn memoised_conversion_and_the_snake_case_shortcut_agree_with_heck() {
        // Every spelling of up to six characters over lower, upper, digit and separator.
        let alphabet = ['a', 'b', 'C', 'D', '4', ' ', '_'];
        let mut spellings = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = spellings
                .iter()
                .filter(|s| s.len() == spellings.last().map_or(0, String::len))
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            spellings.extend(longer);
        }
        spellings
            .extend(["XMLHttpRequest", "gpt4oMini", "ABCdEF9g", "é a", "ΣΑΣ"].map(String::from));
        for s in &spellings {
            assert_eq!(heck_case(s, Case::Type), s.to_upper_camel_case(), "{s:?}");
            assert_eq!(heck_case(s, Case::Value), s.to_snake_case(), "{s:?}");
        }
    }

    #[test]
    fn singular_forms() {
        assert_eq!(singular("modalities"), "modality");
        assert_eq!(singular("tools"), "tool");
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("data"), "data");
    }
}
