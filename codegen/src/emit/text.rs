//! The last pass over printed text: doc comments put in, blank lines between items.

use super::docs::DocTable;

/// What starts an item line (after its indentation); fields, variants and statements never
/// start this way.
const ITEM_STARTS: &[&str] = &[
    "///",
    "#[",
    "pub ",
    "impl ",
    "impl<",
    "fn ",
    "use ",
    "mod ",
    "type ",
    "const ",
    "trait ",
    "struct ",
    "macro_rules!",
];

/// `printed` (prettyplease's output) with each doc placeholder replaced by its comment (see
/// [`DocTable`]) and a blank line between consecutive items, as hand-written Rust has;
/// prettyplease prints them back to back.
///
/// An item ends with `}` or `;`, and the next starts at the same indentation with a doc
/// comment, an attribute or an item keyword.
pub fn finish(printed: &str, docs: &DocTable) -> String {
    let mut out = String::with_capacity(printed.len() * 3 / 2 + docs.text_len());
    let mut previous: Option<Line<'_>> = None;
    for text in printed.split_terminator('\n') {
        let line = Line::new(text);
        if let Some(prev) = previous {
            // Imports of a function body stay together, as hand-written Rust keeps them.
            let imports = prev.body.starts_with("use ") && line.body.starts_with("use ");
            if prev.ends_item() && line.starts_item() && prev.indent == line.indent && !imports {
                out.push('\n');
            }
        }
        match line.body.strip_prefix("///").and_then(|doc| docs.block(doc)) {
            Some(block) => push_doc_block(&mut out, &text[..line.indent], &block),
            None => {
                out.push_str(text);
                out.push('\n');
            }
        }
        previous = Some(line);
    }
    out
}

/// One printed line, split at its indentation.
#[derive(Clone, Copy)]
struct Line<'t> {
    indent: usize,
    body: &'t str,
}

impl<'t> Line<'t> {
    fn new(text: &'t str) -> Self {
        let body = text.trim_start_matches(' ');
        Line { indent: text.len() - body.len(), body }
    }

    fn ends_item(&self) -> bool {
        !self.body.starts_with("//") && (self.body.ends_with('}') || self.body.ends_with(';'))
    }

    fn starts_item(&self) -> bool {
        ITEM_STARTS.iter().any(|start| self.body.starts_with(start)) || self.is_macro_call()
    }

    /// `name!(` or `name! {`: a macro invoked as an item.
    fn is_macro_call(&self) -> bool {
        self.body.split_once('!').is_some_and(|(name, rest)| {
            !name.is_empty()
                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && (rest.starts_with('(') || rest.starts_with(" {"))
        })
    }
}

/// The lines of a doc comment at `indent`, as prettyplease prints `#[doc = " text"]`:
/// `///`, a space unless the line is empty, the text without trailing spaces.
fn push_doc_block(out: &mut String, indent: &str, block: &[String]) {
    for doc in block {
        out.push_str(indent);
        out.push_str("///");
        let doc = doc.trim_end_matches(' ');
        if !doc.is_empty() {
            out.push(' ');
            out.push_str(doc);
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::jsdoc::Docs;

    fn docs(body: &str) -> Docs {
        Docs { body: body.to_owned(), ..Docs::default() }
    }

    #[test]
    fn placeholders_become_doc_lines_at_their_indentation() {
        let table = DocTable::default();
        let outer = table.attr(&docs("Outer.")).expect("a placeholder");
        let inner = table.attr(&docs("First  \n\nThird.")).expect("a placeholder");
        assert!(table.attr(&Docs::default()).is_none(), "no lines, no placeholder");
        let doc_of = |attr: &syn::Attribute| match &attr.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => s.value(),
                _ => unreachable!(),
            },
            _ => unreachable!(),
        };
        let printed = format!(
            "///{}\npub mod m {{\n    ///{}\n    pub struct S {{}}\n}}\n",
            doc_of(&outer),
            doc_of(&inner)
        );
        assert_eq!(
            finish(&printed, &table),
            "/// Outer.\npub mod m {\n    /// First\n    ///\n    /// Third.\n    pub struct S {}\n}\n"
        );
    }

    #[test]
    fn items_are_separated_but_fields_are_not() {
        let printed =
            "pub struct A {\n    pub a: u8,\n    pub b: u8,\n}\npub type B = A;\nimpl A {}\n";
        assert_eq!(
            finish(printed, &DocTable::default()),
            "pub struct A {\n    pub a: u8,\n    pub b: u8,\n}\n\npub type B = A;\n\nimpl A {}\n"
        );
    }

    #[test]
    fn author_text_that_looks_like_a_placeholder_is_left_alone() {
        let printed = "/// \u{1}0 is not ours\n";
        assert_eq!(finish(printed, &DocTable::default()), "/// \u{1}0 is not ours\n");
    }
}
