//! Identical literal unions in one file become one enum.
//!
//! `input_audio_format` and `output_audio_format` of several interfaces all declare
//! `'pcm16' | 'g711_ulaw' | 'g711_alaw'`. Each place still gets its own place-named path (a
//! `pub type` alias), so code written against a place keeps compiling whatever else joins the
//! group; the enum itself is named after the words the places' paths end with in common
//! (`AudioFormat`).

use super::jsdoc::Docs;
use super::naming::{Case, Scope};
use super::rust::{Enum, Item, ItemKind, ItemPath, RustType, VariantKind};
use crate::diagnostics::Span;
use heck::ToSnakeCase;
use std::collections::BTreeMap;

/// An enum generated for an anonymous literal union, waiting to learn whether it is shared.
pub struct PlacedEnum {
    /// The place-named path already handed out for it.
    pub path: ItemPath,
    /// The TypeScript path of the place (`Session`, `input_audio_format`).
    pub ts_path: Vec<String>,
    /// The enum.
    pub def: Enum,
    /// The place's documentation.
    pub docs: Docs,
    /// The place's span.
    pub span: Option<Span>,
}

/// Items to add: `(module path, item)`.
pub type Placement = Vec<(Vec<String>, Item)>;

/// Decides where the enums of one file go: alone at their place, or shared in `file_module`
/// with a place-named alias at each place. `file_scope` is the file module's name scope.
pub fn place_enums(
    enums: Vec<PlacedEnum>,
    file_module: &[String],
    file_scope: &mut Scope,
) -> Placement {
    let mut groups: BTreeMap<Vec<VariantKind>, Vec<PlacedEnum>> = BTreeMap::new();
    let mut order = Vec::new();
    for placed in enums {
        let key: Vec<VariantKind> = placed.def.variants.iter().map(|v| v.kind.clone()).collect();
        if !groups.contains_key(&key) {
            order.push(key.clone());
        }
        groups.entry(key).or_default().push(placed);
    }
    let mut out = Vec::new();
    for key in order {
        let mut group = groups.remove(&key).unwrap_or_default();
        if group.len() == 1 {
            let placed = group.remove(0);
            out.push((
                placed.path.modules,
                Item {
                    name: placed.path.name,
                    docs: placed.docs,
                    span: placed.span,
                    ts_path: placed.ts_path.join("."),
                    kind: ItemKind::Enum(placed.def),
                },
            ));
            continue;
        }
        let shared_name = file_scope.claim(&common_trailing_words(&group), Case::Type);
        let shared = ItemPath { modules: file_module.to_vec(), name: shared_name.clone() };
        let first = &group[0];
        out.push((
            file_module.to_vec(),
            Item {
                name: shared_name,
                docs: first.docs.clone(),
                span: first.span,
                // Path-based settings reach a shared enum through its first place.
                ts_path: first.ts_path.join("."),
                kind: ItemKind::Enum(first.def.clone()),
            },
        ));
        for placed in group {
            let link = relative_link(&placed.path.modules, &shared);
            let docs = Docs::generated(format!(
                "Place-named alias of the shared [`{}`]({link}).",
                shared.name
            ));
            out.push((
                placed.path.modules,
                Item {
                    name: placed.path.name,
                    docs,
                    span: placed.span,
                    ts_path: placed.ts_path.join("."),
                    kind: ItemKind::Alias(RustType::Item(shared.clone(), vec![])),
                },
            ));
        }
    }
    out
}

/// The longest run of words every place's path ends with (`audio_format`); the first place's
/// own last segment when they share none.
fn common_trailing_words(group: &[PlacedEnum]) -> String {
    let words: Vec<Vec<String>> = group
        .iter()
        .map(|p| {
            p.ts_path
                .iter()
                .flat_map(|s| s.to_snake_case().split('_').map(str::to_owned).collect::<Vec<_>>())
                .filter(|w| !w.is_empty())
                .collect()
        })
        .collect();
    let mut common: Vec<&str> = Vec::new();
    'outer: for i in 1.. {
        let mut word = None;
        for w in &words {
            let Some(candidate) = w.len().checked_sub(i).map(|j| w[j].as_str()) else {
                break 'outer;
            };
            match word {
                None => word = Some(candidate),
                Some(seen) if seen != candidate => break 'outer,
                Some(_) => {}
            }
        }
        match word {
            Some(w) => common.insert(0, w),
            None => break,
        }
    }
    if common.is_empty() {
        return group[0].ts_path.last().cloned().unwrap_or_default();
    }
    common.join("_")
}

/// A rustdoc link path from module `from` to `to`, through `super`.
fn relative_link(from: &[String], to: &ItemPath) -> String {
    let shared = from.iter().zip(&to.modules).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec!["super"; from.len() - shared];
    parts.extend(to.modules[shared..].iter().map(String::as_str));
    parts.push(&to.name);
    parts.join("::")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(ts_path: &[&str]) -> PlacedEnum {
        PlacedEnum {
            path: ItemPath { modules: vec![], name: String::new() },
            ts_path: ts_path.iter().map(|s| s.to_string()).collect(),
            def: Enum { variants: vec![] },
            docs: Docs::default(),
            span: None,
        }
    }

    #[test]
    fn names_after_the_common_trailing_words() {
        let group = [
            placed(&["Session", "input_audio_format"]),
            placed(&["Session", "output_audio_format"]),
            placed(&["SessionCreateParams", "input_audio_format"]),
        ];
        assert_eq!(common_trailing_words(&group), "audio_format");
        let group = [
            placed(&["Session", "TurnDetection", "type"]),
            placed(&["SessionCreateParams", "TurnDetection", "type"]),
        ];
        assert_eq!(common_trailing_words(&group), "turn_detection_type");
        let group = [placed(&["A", "left"]), placed(&["B", "right"])];
        assert_eq!(common_trailing_words(&group), "left");
    }

    #[test]
    fn links_climb_with_super() {
        let to = ItemPath { modules: vec!["s".into()], name: "AudioFormat".into() };
        assert_eq!(relative_link(&["s".into(), "session".into()], &to), "super::AudioFormat");
        assert_eq!(relative_link(&["s".into()], &to), "AudioFormat");
    }
}
