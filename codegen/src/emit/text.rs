//! The last pass over printed text: doc comments put in, blank lines between items.

use super::docs::DocTable;
use super::syntax::SEPARATOR;

/// `printed` (prettyplease's output) with each doc placeholder replaced by its comment (see
/// [`DocTable`]) and each item separator (see [`separate_items`]) by a blank line.
///
/// [`separate_items`]: super::syntax::separate_items
pub(super) fn finish(printed: &str, docs: &DocTable) -> String {
    let mut out = String::with_capacity(printed.len() * 3 / 2 + docs.text_len());
    for text in printed.split_terminator('\n') {
        let line = Line::new(text);
        let Some(doc) = line.body.strip_prefix("///") else {
            out.push_str(text);
            out.push('\n');
            continue;
        };
        if doc == SEPARATOR {
            out.push('\n');
        } else if let Some(block) = docs.block(doc) {
            push_doc_block(&mut out, &text[..line.indent], &block);
        } else {
            out.push_str(text);
            out.push('\n');
        }
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
    fn separators_become_blank_lines() {
        let printed = format!(
            "pub struct A {{\n    pub a: u8,\n}}\n///{SEPARATOR}\npub type B = A;\nmod m {{\n    fn f() {{}}\n    ///{SEPARATOR}\n    fn g() {{}}\n}}\n"
        );
        assert_eq!(
            finish(&printed, &DocTable::default()),
            "pub struct A {\n    pub a: u8,\n}\n\npub type B = A;\nmod m {\n    fn f() {}\n\n    fn g() {}\n}\n"
        );
    }

    #[test]
    fn items_but_the_first_of_each_container_are_separated() {
        let mut items: Vec<syn::Item> = vec![
            syn::parse_quote!(
                use a::B;
            ),
            syn::parse_quote!(
                mod m {
                    fn f() {}
                    fn g() {
                        let x = 1;
                        fn inner() {}
                    }
                }
            ),
            syn::parse_quote!(impl A { type T = u8; fn f() {} }),
        ];
        super::super::syntax::separate_items(&mut items);
        let printed = prettyplease::unparse(&syn::File { shebang: None, attrs: vec![], items });
        assert_eq!(
            finish(&printed, &DocTable::default()),
            "use a::B;\n\nmod m {\n    fn f() {}\n\n    fn g() {\n        let x = 1;\n        fn inner() {}\n    }\n}\n\nimpl A {\n    type T = u8;\n\n    fn f() {}\n}\n"
        );
    }

    #[test]
    fn author_text_that_looks_like_a_placeholder_is_left_alone() {
        let printed = "/// \u{1}0 is not ours\n";
        assert_eq!(finish(printed, &DocTable::default()), "/// \u{1}0 is not ours\n");
    }
}
