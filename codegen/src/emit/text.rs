//! The last pass over a file's text: doc comments put in, blank lines between items.

use super::docs::DocTable;

/// What starts an item line (after its indentation); fields, variants and statements never
/// start this way.
const ITEM_STARTS: &[&str] =
    &["///", "#[", "pub ", "impl ", "fn ", "use ", "mod ", "type ", "const ", "trait "];

/// `header`, a blank line, then `printed` (prettyplease's output) with each doc placeholder
/// replaced by its comment (see [`DocTable`]) and a blank line between consecutive items, as
/// hand-written Rust has; prettyplease prints them back to back.
///
/// An item ends with `}` or `;`, and the next starts at the same indentation with a doc
/// comment, an attribute or an item keyword.
pub fn finish(header: &str, printed: &str, docs: &DocTable) -> String {
    let mut out = String::with_capacity(header.len() + printed.len() * 3 / 2 + docs.text_len());
    out.push_str(header);
    out.push('\n');
    let mut previous: Option<Line<'_>> = None;
    for text in printed.split_terminator('\n') {
        let line = Line::new(text);
        if let Some(prev) = previous {
            if prev.ends_item() && line.starts_item() && prev.indent == line.indent {
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
        ITEM_STARTS.iter().any(|start| self.body.starts_with(start))
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
