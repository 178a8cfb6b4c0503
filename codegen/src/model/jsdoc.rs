//! JSDoc comments, split into prose, examples, deprecation and other tags.
//!
//! The text stays Markdown as the author wrote it; turning it into rustdoc (escaping, fences) is
//! the emit stage's job.

/// The documentation attached to a declaration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Docs {
    /// The prose before the first tag, lines joined with `\n`.
    pub body: String,
    /// The text of each `@example` tag.
    pub examples: Vec<String>,
    /// `Some` when `@deprecated` was present, with its (possibly empty) note.
    pub deprecated: Option<String>,
    /// Every other tag as `(name, text)`, in source order.
    pub tags: Vec<(String, String)>,
    /// The body was written by dts2rs in rustdoc Markdown (intra-doc links included) and is
    /// printed as is, not escaped like an author's text.
    pub generated: bool,
}

impl Docs {
    /// Documentation written by dts2rs itself, in rustdoc Markdown.
    pub fn generated(body: String) -> Docs {
        Docs { body, generated: true, ..Docs::default() }
    }
}

impl Docs {
    /// Whether there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
            && self.examples.is_empty()
            && self.deprecated.is_none()
            && self.tags.is_empty()
    }

    /// Parses the inside of a `/** … */` comment (without the `/*` and `*/`).
    pub fn parse(comment: &str) -> Docs {
        let mut docs = Docs::default();
        let mut current: Option<(String, Vec<&str>)> = None;
        let mut body: Vec<&str> = Vec::new();
        let mut in_fence = false;
        for line in strip_decoration(comment) {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") {
                in_fence = !in_fence;
            }
            let tag = (!in_fence).then(|| tag_start(trimmed)).flatten();
            match tag {
                Some((name, rest)) => {
                    if let Some((name, text)) = current.take() {
                        docs.push_tag(name, &text);
                    }
                    let first = if rest.is_empty() { vec![] } else { vec![rest] };
                    current = Some((name.to_owned(), first));
                }
                None => match &mut current {
                    Some((_, text)) => text.push(line),
                    None => body.push(line),
                },
            }
        }
        if let Some((name, text)) = current.take() {
            docs.push_tag(name, &text);
        }
        docs.body = join_trimmed(&body);
        docs
    }

    fn push_tag(&mut self, name: String, text: &[&str]) {
        let text = join_trimmed(text);
        match name.as_str() {
            "example" => self.examples.push(text),
            "deprecated" => self.deprecated = Some(text),
            _ => self.tags.push((name, text)),
        }
    }
}

/// Removes the leading `*` of each line and the common indentation.
fn strip_decoration(comment: &str) -> impl Iterator<Item = &str> {
    let comment = comment.strip_prefix('*').unwrap_or(comment);
    comment.lines().map(|line| {
        let line = line.trim_start();
        match line.strip_prefix('*') {
            Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
            None => line,
        }
        .trim_end()
    })
}

/// `@name rest` at the start of a line.
fn tag_start(line: &str) -> Option<(&str, &str)> {
    let after = line.strip_prefix('@')?;
    let end = after.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(after.len());
    if end == 0 {
        return None;
    }
    Some((&after[..end], after[end..].trim()))
}

/// Joins lines, dropping blank lines at both ends.
fn join_trimmed(lines: &[&str]) -> String {
    let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(start, |i| i + 1);
    lines[start..end].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_body_example_and_deprecation() {
        let docs = Docs::parse(
            "*\n     * Create a token.\n     *\n     * Second paragraph.\n     *\n     * @example\n     * ```ts\n     * const x = 1;\n     * ```\n     * @deprecated use `other`\n     ",
        );
        assert_eq!(docs.body, "Create a token.\n\nSecond paragraph.");
        assert_eq!(docs.examples, vec!["```ts\nconst x = 1;\n```".to_owned()]);
        assert_eq!(docs.deprecated.as_deref(), Some("use `other`"));
    }

    #[test]
    fn at_sign_inside_a_fence_is_not_a_tag() {
        let docs = Docs::parse("* Text\n * ```\n * @decorator\n * ```");
        assert_eq!(docs.body, "Text\n```\n@decorator\n```");
        assert!(docs.tags.is_empty());
    }

    #[test]
    fn keeps_other_tags() {
        let docs = Docs::parse("* Does it.\n * @param body the body\n * @returns nothing");
        assert_eq!(
            docs.tags,
            vec![
                ("param".to_owned(), "body the body".to_owned()),
                ("returns".to_owned(), "nothing".to_owned())
            ]
        );
    }
}
