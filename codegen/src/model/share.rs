//! Identical literal unions in one file become one enum.
//!
//! `input_audio_format` and `output_audio_format` of several interfaces all declare
//! `'pcm16' | 'g711_ulaw' | 'g711_alaw'`. Each place still gets its own place-named path (a
//! `pub type` alias), so code written against a place keeps compiling whatever else joins the
//! group; the enum itself is named after the words the places' paths end with in common
//! (`AudioFormat`).

use super::jsdoc::Docs;
use super::naming::{heck_case, type_doc_link, Case, Scope};
use super::rust::{Enum, Item, ItemKind, ItemPath, RustType, VariantKind};
use crate::diagnostics::Span;
use std::collections::BTreeMap;

/// An enum generated for an anonymous literal union, waiting to learn whether it is shared.
pub(super) struct PlacedEnum {
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
pub(super) type Placement = Vec<(Vec<String>, Item)>;

/// Decides where the enums of one file go: alone at their place, or shared in `file_module`
/// with a place-named alias at each place. `file_scope` is the file module's name scope.
pub(super) fn place_enums(
    enums: Vec<PlacedEnum>,
    file_module: &[String],
    file_scope: &mut Scope,
) -> Placement {
    let mut out = Vec::new();
    for mut group in group_identical(enums) {
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
        let words: Vec<Vec<String>> = group.iter().map(place_words).collect();
        let group_name = common_trailing_words(&words, &group[0]);
        let shared_name = file_scope.claim(&group_name, Case::Type);
        let shared = ItemPath { modules: file_module.to_vec(), name: shared_name.clone() };
        // Every name the enum would have for a pair of its places stays reachable: a field
        // added upstream can shorten the words common to all places (`audio_format` →
        // `format`), but it only adds pairs, so no name generated before disappears.
        for name in pair_names(&words).into_iter().filter(|n| *n != group_name) {
            let alias = file_scope.claim(&name, Case::Type);
            let docs = Docs::generated(format!(
                "Another name of {}, from words some of its places share\n(kept so that a \
                 field added upstream never removes a name).",
                type_doc_link(&shared.name, None)
            ));
            let item = Item {
                name: alias,
                docs,
                span: group[0].span,
                ts_path: group[0].ts_path.join("."),
                kind: ItemKind::Alias(RustType::Item(shared.clone(), vec![])),
            };
            out.push((file_module.to_vec(), item));
        }
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
                "Place-named alias of the shared {}.",
                type_doc_link(&shared.name, Some(&link))
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

/// The enums grouped by identical variants, groups in order of their first enum.
fn group_identical(enums: Vec<PlacedEnum>) -> Vec<Vec<PlacedEnum>> {
    // Keys borrow the variants, so each group is found by index before the enums move.
    let mut index: BTreeMap<Vec<&VariantKind>, usize> = BTreeMap::new();
    let group_of: Vec<usize> = enums
        .iter()
        .map(|placed| {
            let next = index.len();
            *index.entry(placed.def.variants.iter().map(|v| &v.kind).collect()).or_insert(next)
        })
        .collect();
    let mut groups: Vec<Vec<PlacedEnum>> = (0..index.len()).map(|_| Vec::new()).collect();
    for (placed, group) in enums.into_iter().zip(group_of) {
        groups[group].push(placed);
    }
    groups
}

/// The words of a place's TypeScript path (`Session.input_audio_format` → session, input,
/// audio, format).
fn place_words(place: &PlacedEnum) -> Vec<String> {
    place
        .ts_path
        .iter()
        .flat_map(|s| heck_case(s, Case::Value).split('_').map(str::to_owned).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The runs of trailing words that at least two places (given by their [`place_words`])
/// share, each as `snake_case`: the branching points of a trie of the places' words read
/// backwards. Linear in the words.
fn pair_names(group: &[Vec<String>]) -> Vec<String> {
    /// A node knows its parent and the word leading to it: walking up reads a name in order.
    #[derive(Default)]
    struct Node<'w> {
        children: BTreeMap<&'w str, usize>,
        ends: usize,
        parent: usize,
        word: &'w str,
    }
    let mut nodes = vec![Node::default()];
    for words in group {
        let mut at = 0;
        for word in words.iter().rev() {
            let next = nodes.len();
            let child = *nodes[at].children.entry(word.as_str()).or_insert(next);
            if child == next {
                nodes.push(Node { parent: at, word, ..Node::default() });
            }
            at = child;
        }
        nodes[at].ends += 1;
    }
    let mut names: Vec<String> = (1..nodes.len())
        .filter(|&at| nodes[at].ends + nodes[at].children.len() >= 2)
        .map(|mut at| {
            let mut words = Vec::new();
            while at != 0 {
                words.push(nodes[at].word);
                at = nodes[at].parent;
            }
            words.join("_")
        })
        .collect();
    names.sort();
    names
}

/// The longest run of words every place's path ends with (`audio_format`), given each place's
/// [`place_words`]; the `first` place's own last segment when they share none.
fn common_trailing_words(words: &[Vec<String>], first: &PlacedEnum) -> String {
    let mut common: Vec<&str> = Vec::new();
    'outer: for i in 1.. {
        let mut word = None;
        for w in words {
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
        return first.ts_path.last().cloned().unwrap_or_default();
    }
    common.join("_")
}

/// A rustdoc link path from module `from` to `to`, through `super`.
fn relative_link(from: &[String], to: &ItemPath) -> String {
    let (ups, down) = super::rust::relative_modules(from, &to.modules);
    let mut parts: Vec<&str> = vec!["super"; ups];
    parts.extend(down.iter().map(String::as_str));
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

    fn common(group: &[PlacedEnum]) -> String {
        let words: Vec<Vec<String>> = group.iter().map(place_words).collect();
        common_trailing_words(&words, &group[0])
    }

    fn pairs(group: &[PlacedEnum]) -> Vec<String> {
        pair_names(&group.iter().map(place_words).collect::<Vec<_>>())
    }

    #[test]
    fn names_after_the_common_trailing_words() {
        let group = [
            placed(&["Session", "input_audio_format"]),
            placed(&["Session", "output_audio_format"]),
            placed(&["SessionCreateParams", "input_audio_format"]),
        ];
        assert_eq!(common(&group), "audio_format");
        let group = [
            placed(&["Session", "TurnDetection", "type"]),
            placed(&["SessionCreateParams", "TurnDetection", "type"]),
        ];
        assert_eq!(common(&group), "turn_detection_type");
        let group = [placed(&["A", "left"]), placed(&["B", "right"])];
        assert_eq!(common(&group), "left");
    }

    #[test]
    fn a_new_place_never_removes_a_name() {
        let before = [
            placed(&["Session", "input_audio_format"]),
            placed(&["Session", "output_audio_format"]),
        ];
        assert_eq!(common(&before), "audio_format");
        assert_eq!(pairs(&before), vec!["audio_format"]);
        let after = [
            placed(&["Session", "input_audio_format"]),
            placed(&["Session", "output_audio_format"]),
            placed(&["Session", "format"]),
        ];
        // The name common to all shrinks, but `audio_format` stays among the pair names.
        assert_eq!(common(&after), "format");
        assert_eq!(pairs(&after), vec!["audio_format", "format"]);
        let same_field =
            [placed(&["A", "voice"]), placed(&["B", "voice"]), placed(&["C", "voice"])];
        assert_eq!(pairs(&same_field), vec!["voice"]);
    }

    #[test]
    fn links_climb_with_super() {
        let to = ItemPath { modules: vec!["s".into()], name: "AudioFormat".into() };
        assert_eq!(relative_link(&["s".into(), "session".into()], &to), "super::AudioFormat");
        assert_eq!(relative_link(&["s".into()], &to), "AudioFormat");
    }
}
