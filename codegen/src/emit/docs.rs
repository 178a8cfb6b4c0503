//! JSDoc → rustdoc text that `cargo doc -D warnings` and clippy accept.
//!
//! The author's Markdown is kept, read with pulldown-cmark as rustdoc reads it; only what rustdoc
//! would misread changes: brackets that are not links are escaped (`\[0.6, 1.2\]`), bare URLs
//! are wrapped (`<https://…>`), `<tag>`-like text is escaped, fences without a language are
//! marked so they never run as doctests, and the continuation lines of list items are put at
//! their item's text column.

use crate::model::jsdoc::Docs;

/// The doc comments of one output file, printed around prettyplease rather than through it.
///
/// Docs are most of the output. Given to prettyplease as `#[doc = "…"]` attributes, each line
/// would be escaped into a string literal only to be unescaped again and printed as `///` plus
/// the line. So each doc block goes into the syntax tree as one short placeholder attribute,
/// and `text::finish` replaces the placeholder's printed line with the block's lines, at
/// its indentation, exactly as prettyplease prints a doc line. Every `///` line prettyplease
/// prints for generated items is a placeholder, so no author's text can be taken for one.
#[derive(Default)]
pub(super) struct DocTable {
    blocks: std::cell::RefCell<Vec<Vec<String>>>,
}

/// What a placeholder's text starts with; its block's index follows.
const PLACEHOLDER: char = '\u{1}';

impl DocTable {
    /// The placeholder attribute for `docs`, or `None` when they have no lines.
    pub(super) fn attr(&self, docs: &Docs) -> Option<syn::Attribute> {
        let lines = doc_lines(docs);
        if lines.is_empty() {
            return None;
        }
        let mut blocks = self.blocks.borrow_mut();
        let placeholder = format!("{PLACEHOLDER}{}", blocks.len());
        blocks.push(lines);
        Some(super::syntax::doc_attr(&placeholder))
    }

    /// The block a printed doc line stands for, given the text after its `///`.
    pub(super) fn block(&self, printed: &str) -> Option<std::cell::Ref<'_, [String]>> {
        let index = printed.strip_prefix(PLACEHOLDER)?.parse::<usize>().ok()?;
        std::cell::Ref::filter_map(self.blocks.borrow(), |blocks| {
            blocks.get(index).map(Vec::as_slice)
        })
        .ok()
    }

    /// The length of all the blocks' text, to size the output.
    pub(super) fn text_len(&self) -> usize {
        self.blocks.borrow().iter().flatten().map(|line| line.len() + 16).sum()
    }
}

/// `text` as a Markdown code span, fenced by more backticks than it holds in a row (and
/// padded when it starts or ends with one), so any wire string shows as written.
pub(super) fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// The lines of a doc comment for `docs`, without the leading `///`.
pub(super) fn doc_lines(docs: &Docs) -> Vec<String> {
    let mut out = Vec::new();
    if docs.generated {
        out.extend(docs.body.lines().map(str::to_owned));
    } else if !docs.body.is_empty() {
        out.extend(render_markdown(&docs.body, "text"));
    }
    for (tag, text) in &docs.tags {
        push_paragraph_break(&mut out);
        let text = if text.is_empty() { String::new() } else { format!(" {text}") };
        out.extend(render_markdown(&format!("`@{tag}`{text}"), "text"));
    }
    if !docs.examples.is_empty() {
        push_paragraph_break(&mut out);
        out.push("# Examples".to_owned());
        for example in &docs.examples {
            out.push(String::new());
            // An example with fences is Markdown (prose around code); one without is code.
            if example.lines().any(|line| line.trim_start().starts_with("```")) {
                out.extend(render_markdown(example, "ts"));
            } else {
                out.push("```ts".to_owned());
                out.extend(example.lines().map(str::to_owned));
                out.push("```".to_owned());
            }
        }
    }
    // Rust rejects a bare carriage return in a doc comment; a lone `\r` in the source (not part
    // of a `\r\n`, which `lines` already strips) ends a line, as it did on classic Mac OS.
    if out.iter().any(|line| line.contains('\r')) {
        out = out.iter().flat_map(|line| line.split('\r').map(str::to_owned)).collect();
    }
    // Clippy rejects tabs in doc comments (`tabs_in_doc_comments`); Markdown was read with
    // them expanded already, code examples were not (`@types/geojson`'s `Position`).
    for line in out.iter_mut().filter(|line| line.contains('\t')) {
        *line = line.replace('\t', "    ");
    }
    out
}

fn push_paragraph_break(out: &mut Vec<String>) {
    if !out.is_empty() {
        out.push(String::new());
    }
}

/// Renders Markdown lines, marking bare fences with `fence_lang`.
fn render_markdown(text: &str, fence_lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_fence = false;
    // The text column of the list item whose paragraph the previous line belongs to.
    let mut list_indent: Option<usize> = None;
    // The lines of the paragraph being read: escaped together, as a link or a code span may
    // go on over a line break.
    let mut paragraph: Vec<String> = Vec::new();
    // Whether the previous line belongs to a block quote.
    let mut in_quote = false;
    for raw in text.lines() {
        let line = raw.replace('\t', "    ");
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            flush_paragraph(&mut paragraph, &mut out);
            let indent = &line[..line.len() - trimmed.len()];
            if in_fence {
                out.push(line.clone());
            } else {
                out.push(format!("{indent}```{}", fence_info(info, fence_lang)));
            }
            in_fence = !in_fence;
            // A fence ends the paragraph: what follows it is no continuation.
            list_indent = None;
            in_quote = false;
            continue;
        }
        if in_fence {
            out.push(line);
            continue;
        }
        if trimmed.is_empty() {
            flush_paragraph(&mut paragraph, &mut out);
            list_indent = None;
            in_quote = false;
            out.push(String::new());
            continue;
        }
        // A line after a quote's line continues the quote's paragraph ("lazily", as
        // Markdown reads it); it gets the quote's marker, so the doc says so in the open.
        let quoted = trimmed.starts_with('>');
        let line = if in_quote && !quoted { format!("> {trimmed}") } else { line };
        in_quote |= quoted;
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let line = match (list_item_text_offset(trimmed), list_indent) {
            (Some(offset), _) => {
                flush_paragraph(&mut paragraph, &mut out);
                list_indent = Some(indent + offset);
                line
            }
            (None, Some(needed)) => match continuation(trimmed, indent, needed) {
                Some(line) => line,
                None => {
                    flush_paragraph(&mut paragraph, &mut out);
                    list_indent = None;
                    line
                }
            },
            (None, None) => line,
        };
        paragraph.push(line);
    }
    flush_paragraph(&mut paragraph, &mut out);
    if in_fence {
        out.push("```".to_owned());
    }
    out
}

/// The info string an opening fence gets: `bare` for none; the language word when the info
/// starts with one (`typescript title="a.ts"` → `typescript`); `text` otherwise, as rustdoc
/// rejects what it cannot read there (`invalid_codeblock_attributes`: vscode-languageserver's
/// ```` ```${language} ````).
fn fence_info<'a>(info: &'a str, bare: &'a str) -> &'a str {
    let info = info.trim();
    if info.is_empty() {
        return bare;
    }
    let word = info.split([' ', ',']).next().unwrap_or_default();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+' | '.');
    match word.chars().all(plain) && !word.is_empty() {
        true => word,
        false => "text",
    }
}

/// Escapes the lines of one paragraph (see [`escape_inline`]) into `out`, and empties it.
fn flush_paragraph(paragraph: &mut Vec<String>, out: &mut Vec<String>) {
    match paragraph.as_slice() {
        [] => {}
        [line] => out.push(escape_inline(line)),
        lines => out.extend(escape_inline(&lines.join("\n")).split('\n').map(str::to_owned)),
    }
    paragraph.clear();
}

/// A line that follows a list item's paragraph line, rewritten at exactly the item's text
/// column `needed`; `None` when the line starts a block of its own instead (a heading, a quote,
/// a rule), which ends the paragraph and is left as written.
///
/// Markdown reads any indentation of a paragraph's continuation line the same, but clippy
/// wants exactly the item's: less is `doc_lazy_continuation`, more is
/// `doc_overindented_list_items`. Indented 4 or more columns past the text, a line cannot start
/// a block; at the text column it could, so its first character is escaped to keep it text.
fn continuation(trimmed: &str, indent: usize, needed: usize) -> Option<String> {
    let starts_block = starts_block(trimmed);
    if starts_block && indent < needed + 4 {
        return None;
    }
    let escape = if starts_block { "\\" } else { "" };
    Some(format!("{}{escape}{trimmed}", " ".repeat(needed)))
}

/// Whether a line, at most 3 columns past its container's text, starts a block that
/// interrupts a paragraph: an ATX heading, a quote, a `~~~` fence, a setext underline or a
/// thematic break. (List items and ``` fences are found before; `<` is always escaped.)
fn starts_block(trimmed: &str) -> bool {
    let line = trimmed.trim_end();
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let heading =
        (1..=6).contains(&hashes) && matches!(line.as_bytes().get(hashes), None | Some(b' '));
    let underline = line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-');
    let marks: Vec<u8> = line.bytes().filter(|&b| b != b' ').collect();
    let rule = marks.len() >= 3
        && matches!(marks[0], b'-' | b'*' | b'_')
        && marks.iter().all(|&m| m == marks[0]);
    heading || line.starts_with('>') || line.starts_with("~~~") || underline || rule
}

/// Where the text of a list item starts, counted from its marker (`- `, `* `, `+ `, `1. `,
/// `1) `), when `line` starts with one: the marker and the 1 to 4 spaces after it (5 or more
/// make an indented code block, whose text starts one space after the marker).
fn list_item_text_offset(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match line.as_bytes().get(digits) {
        Some(b'-' | b'*' | b'+') if digits == 0 => 1,
        Some(b'.' | b')') if (1..=9).contains(&digits) => digits + 1,
        _ => return None,
    };
    let spaces = line[marker..].bytes().take_while(|&b| b == b' ').count();
    match spaces {
        0 => None,
        1..=4 if marker + spaces < line.len() => Some(marker + spaces),
        _ => Some(marker + 1),
    }
}

/// Escapes what rustdoc would misread in a paragraph of prose, tokenized as rustdoc tokenizes
/// it (pulldown-cmark, with rustdoc's extensions): in text, brackets that are no link
/// (`\\[0.6, 1.2\\]`, which rustdoc would take for an intra-doc link) and `<` are escaped, and
/// bare URLs are wrapped (`<https://…>`); an HTML tag's `<` is escaped (the author's HTML is
/// seldom balanced: stripe's link texts open `<a>` and never close it). Code spans, links and
/// autolinks are kept, and so is the text of a link, but for its brackets, tags and `<`.
fn escape_inline(text: &str) -> String {
    // Most lines have nothing to escape: no code span, escape, bracket, tag, `{@link}` or URL.
    if !text.contains(['`', '\\', '[', ']', '<', '{']) && !text.contains("http") {
        return text.to_owned();
    }
    let text = inline_link_tags(text);
    let mut escaper =
        Escaper { text: &text, out: String::with_capacity(text.len() + 8), copied: 0 };
    // Text is escaped in runs: pulldown-cmark splits it where emphasis could start, and a URL
    // may hold such a character (`a_b`).
    let mut run: Option<std::ops::Range<usize>> = None;
    let mut links = 0usize;
    for (event, range) in
        pulldown_cmark::Parser::new_ext(&text, rustdoc_options()).into_offset_iter()
    {
        if let pulldown_cmark::Event::Text(_) = event {
            match &mut run {
                Some(open) if open.end == range.start => open.end = range.end,
                _ => {
                    if let Some(done) = run.replace(range) {
                        escaper.text(done, links > 0);
                    }
                }
            }
            continue;
        }
        if let Some(done) = run.take() {
            escaper.text(done, links > 0);
        }
        match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { .. }) => links += 1,
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Link) => links -= 1,
            pulldown_cmark::Event::Html(_) | pulldown_cmark::Event::InlineHtml(_) => {
                escaper.html(range)
            }
            _ => {}
        }
    }
    if let Some(done) = run {
        escaper.text(done, links > 0);
    }
    escaper.finish()
}

/// The Markdown extensions rustdoc turns on.
fn rustdoc_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Copies a paragraph into `out`, escaping the ranges it is given (in order).
struct Escaper<'t> {
    text: &'t str,
    out: String,
    /// How much of `text` is in `out`.
    copied: usize,
}

impl Escaper<'_> {
    /// Copies what precedes `range` as it is.
    fn copy_to(&mut self, range: &std::ops::Range<usize>) {
        if range.start > self.copied {
            self.out.push_str(&self.text[self.copied..range.start]);
        }
        self.copied = self.copied.max(range.start);
    }

    /// A run of text: brackets and `<` escaped, bare URLs wrapped unless `in_link`.
    fn text(&mut self, range: std::ops::Range<usize>, in_link: bool) {
        self.copy_to(&range);
        let chars: Vec<char> = self.text[range.clone()].chars().collect();
        // A character the author escaped is text already: `\\[` is not escaped again.
        let mut escaped = self.text[..range.start].ends_with('\\');
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match c {
                '[' | ']' | '<' if !escaped => {
                    self.out.push('\\');
                    self.out.push(c);
                }
                'h' if !in_link && is_url_start(&chars, i) => {
                    i = push_url(&mut self.out, &chars, i);
                    escaped = false;
                    continue;
                }
                _ => self.out.push(c),
            }
            escaped = c == '\\' && !escaped;
            i += 1;
        }
        self.copied = range.end;
    }

    /// An HTML tag or block, shown as text: every `<`, `[` and `]` escaped (rustdoc would read
    /// a tag, or an intra-doc link: AWS's `[YYYY]-[MM]-[DD]`), and the URLs of its attributes
    /// wrapped (`<a href="https://…">`: rustdoc's `bare_urls` once the tag is text).
    fn html(&mut self, range: std::ops::Range<usize>) {
        self.copy_to(&range);
        if range.start < self.copied {
            return;
        }
        let chars: Vec<char> = self.text[range.clone()].chars().collect();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '<' | '[' | ']' => {
                    self.out.push('\\');
                    self.out.push(chars[i]);
                }
                'h' if is_url_start(&chars, i) => {
                    i = push_url(&mut self.out, &chars, i);
                    continue;
                }
                c => self.out.push(c),
            }
            i += 1;
        }
        self.copied = range.end;
    }

    fn finish(mut self) -> String {
        self.out.push_str(&self.text[self.copied..]);
        self.out
    }
}

/// JSDoc `{@link Target}` and `{@link Target text}` become code spans.
fn inline_link_tags(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("{@link") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let inner = rest[start + 6..start + len].trim();
        // A paragraph is escaped as a whole, so the tag may go on over a line break.
        let (target, text) =
            inner.split_once(|c: char| c.is_whitespace() || c == '|').unwrap_or((inner, ""));
        let text = text.trim();
        if text.is_empty() {
            out.push_str(&format!("`{target}`"));
        } else {
            out.push_str(&format!("{text} (`{target}`)"));
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether a bare URL starts at `at`: `http://` or `https://` after anything but a letter or
/// digit (`(https://…)`, `href="https://…"`).
fn is_url_start(chars: &[char], at: usize) -> bool {
    starts_url(chars, at) && (at == 0 || !chars[at - 1].is_alphanumeric())
}

/// Pushes the URL starting at `at` as `<url>` (punctuation that ends a sentence or closes a
/// quote left out of it); returns where it ends.
fn push_url(out: &mut String, chars: &[char], at: usize) -> usize {
    let mut end = at;
    while end < chars.len() && is_url_char(chars[end]) {
        end += 1;
    }
    while end > at && matches!(chars[end - 1], '.' | ',' | ';' | ':' | ')' | '!' | '?' | '\'' | '"')
    {
        end -= 1;
    }
    out.push('<');
    out.extend(&chars[at..end]);
    out.push('>');
    end
}

fn starts_url(chars: &[char], at: usize) -> bool {
    let rest: String = chars.iter().skip(at).take(8).collect();
    rest.starts_with("https://") || rest.starts_with("http://")
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#@!$&'()*+,;=%".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(body: &str) -> Vec<String> {
        doc_lines(&Docs { body: body.to_owned(), ..Docs::default() })
    }

    #[test]
    fn code_spans_hold_any_backticks() {
        assert_eq!(code_span("gpt-4.1"), "`gpt-4.1`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x``"), "``` `x`` ```");
    }

    #[test]
    fn brackets_that_are_not_links_are_escaped() {
        assert_eq!(
            render("limited to [0.6, 1.2]. Set this to\n[\"text\"]."),
            vec!["limited to \\[0.6, 1.2\\]. Set this to", "\\[\"text\"\\]."]
        );
    }

    #[test]
    fn links_and_code_are_kept() {
        let line = "through [the endpoint](https://platform.openai.com/docs/x#y) and `a[0]`";
        assert_eq!(render(line), vec![line]);
    }

    #[test]
    fn bare_urls_are_wrapped_and_tags_escaped() {
        assert_eq!(
            render("See https://example.com/a_b. Returns Array<string>."),
            vec!["See <https://example.com/a_b>. Returns Array\\<string>."]
        );
        assert_eq!(render("<https://example.com>"), vec!["<https://example.com>"]);
    }

    #[test]
    fn examples_are_ts_fences() {
        let docs = Docs {
            body: "Creates.".into(),
            examples: vec!["```ts\nconst a = [1];\n```".into(), "create()".into()],
            ..Docs::default()
        };
        assert_eq!(
            doc_lines(&docs),
            vec![
                "Creates.",
                "",
                "# Examples",
                "",
                "```ts",
                "const a = [1];",
                "```",
                "",
                "```ts",
                "create()",
                "```"
            ]
        );
    }

    #[test]
    fn bare_fences_never_become_doctests() {
        assert_eq!(render("```\nlet x = [1];\n```"), vec!["```text", "let x = [1];", "```"]);
    }

    #[test]
    fn list_continuations_are_indented() {
        assert_eq!(render("- one\ncontinued\n\nafter"), vec!["- one", "  continued", "", "after"]);
    }

    #[test]
    fn list_continuations_are_at_the_item_text_column() {
        assert_eq!(
            render(" - one\n     continued\n1.   wide\n       past\n2) two\n  under"),
            vec![" - one", "   continued", "1.   wide", "     past", "2) two", "   under"]
        );
        assert_eq!(
            render("- outer\n  - inner\n        deep"),
            vec!["- outer", "  - inner", "    deep"]
        );
    }

    #[test]
    fn list_continuations_stay_text() {
        // Past the text by 4 or more, a line is text; at the text column it would be a heading.
        assert_eq!(render("- item\n      # text"), vec!["- item", "  \\# text"]);
        // A heading, a quote or a rule right after an item is a block of its own.
        assert_eq!(render("- item\n# Heading\nafter"), vec!["- item", "# Heading", "after"]);
        assert_eq!(render("- item\n   ---"), vec!["- item", "   ---"]);
        // A line after a fence continues no paragraph: it stays where the author put it.
        assert_eq!(
            render("- item\n  ```\n  x\n  ```\nafter"),
            vec!["- item", "  ```text", "  x", "  ```", "after"]
        );
    }

    #[test]
    fn links_and_code_spans_go_on_over_line_breaks() {
        assert_eq!(
            render("See [the API\nreference](https://example.com/a) and `a\n[0]`."),
            vec!["See [the API", "reference](https://example.com/a) and `a", "[0]`."]
        );
    }

    #[test]
    fn link_texts_are_escaped_and_links_in_links_are_no_links() {
        // stripe's docs: an unclosed HTML tag inside a link's text, and a link inside another.
        assert_eq!(
            render("an [Account Link or <a href=\"/x\">Account Session](https://s.com/a) to start"),
            vec!["an [Account Link or \\<a href=\"/x\">Account Session](https://s.com/a) to start"]
        );
        assert_eq!(
            render("until you [finalize it, to [pay](/pay) or <a href=\"/s\">send](https://s.com/f) it"),
            vec![
                "until you \\[finalize it, to [pay](/pay) or \\<a href=\"/s\">send\\](<https://s.com/f>) it"
            ]
        );
        assert_eq!(
            render("[https://example.com](https://example.com)"),
            vec!["[https://example.com](https://example.com)"]
        );
    }

    #[test]
    fn markup_around_a_url_stays_markup() {
        // discord-api-types: the bold's closing `**` is no part of the URL.
        assert_eq!(
            render("**Only from https://discord.com/a#b**"),
            vec!["**Only from <https://discord.com/a#b>**"]
        );
    }

    #[test]
    fn what_the_author_escaped_is_not_escaped_again() {
        assert_eq!(render("a \\[b\\] \\<c> d"), vec!["a \\[b\\] \\<c> d"]);
    }

    #[test]
    fn reference_links_are_escaped_as_they_have_no_definition() {
        assert_eq!(render("[content][] is empty"), vec!["\\[content\\]\\[\\] is empty"]);
    }

    #[test]
    fn urls_in_parentheses_are_wrapped() {
        assert_eq!(
            render("the agent (https://example.com/a#b) on it"),
            vec!["the agent (<https://example.com/a#b>) on it"]
        );
    }

    #[test]
    fn html_tags_are_text_with_their_urls_wrapped_and_brackets_escaped() {
        assert_eq!(
            render("see the <a href=\"https://docs.aws.amazon.com/a.html\">guide</a>."),
            vec!["see the \\<a href=\"<https://docs.aws.amazon.com/a.html>\">guide\\</a>."]
        );
        assert_eq!(
            render("<p>Dates as [YYYY]-[MM]-[DD].</p>"),
            vec!["\\<p>Dates as \\[YYYY\\]-\\[MM\\]-\\[DD\\].\\</p>"]
        );
    }

    #[test]
    fn fence_info_is_a_language_word_or_text() {
        let fences = |text: &str| -> Vec<String> {
            render_markdown(text, "ts").into_iter().filter(|l| l.contains("```")).collect()
        };
        assert_eq!(fences("```\nx\n```"), ["```ts", "```"]);
        assert_eq!(fences("```json\n{}\n```"), ["```json", "```"]);
        assert_eq!(fences("```typescript title=\"a.ts\"\nx\n```"), ["```typescript", "```"]);
        assert_eq!(fences("```${language}\n${value}\n```"), ["```text", "```"]);
        assert_eq!(fences("  ```{.rust}\n  x\n  ```"), ["  ```text", "  ```"]);
    }

    #[test]
    fn tabs_become_spaces_in_examples_too() {
        let docs = Docs { examples: vec!["if (a) {\n\t b = c;\n}".into()], ..Docs::default() };
        let lines = doc_lines(&docs);
        assert!(lines.iter().all(|line| !line.contains('\t')), "{lines:?}");
        assert!(lines.contains(&"     b = c;".to_owned()), "{lines:?}");
    }

    #[test]
    fn examples_with_prose_around_fences_are_markdown() {
        let docs = Docs {
            examples: vec!["Uploads a file.\n\n```ts\nupload();\n```".into()],
            ..Docs::default()
        };
        assert_eq!(
            doc_lines(&docs),
            vec!["# Examples", "", "Uploads a file.", "", "```ts", "upload();", "```"]
        );
    }

    #[test]
    fn jsdoc_link_tags_become_code() {
        assert_eq!(
            render("Use {@link Foo.bar} or {@link Baz the baz}."),
            vec!["Use `Foo.bar` or the baz (`Baz`)."]
        );
        assert_eq!(render("Use {@link Baz\nthe baz}."), vec!["Use the baz (`Baz`)."]);
    }
}
