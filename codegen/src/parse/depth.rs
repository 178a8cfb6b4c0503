//! A nesting limit checked before parsing.
//!
//! swc's parser, and every later stage, recurse once per level of type nesting. Real
//! declaration files nest a few dozen levels at most; a generated or hostile file can nest
//! thousands and overflow the stack. A cheap scan of brackets, outside comments and strings,
//! rejects such input with a clear message instead.

use crate::diagnostics::{Diagnostic, FileId, Span};

/// The deepest bracket nesting (`{`, `[`, `(`, `<`) accepted in a declaration file.
pub const MAX_NESTING: usize = 256;

/// Fails when brackets nest deeper than [`MAX_NESTING`].
pub(super) fn check(file: FileId, text: &str) -> Result<(), Diagnostic> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    // `T[][]…[]` nests one array type per `[]` without the brackets nesting each other.
    let mut suffixes = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if !byte.is_ascii_whitespace() && byte != b'[' {
            suffixes = 0;
        }
        let opens = match byte {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = find_from(bytes, i, b"\n").unwrap_or(bytes.len());
                false
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = find_from(bytes, i + 2, b"*/").map_or(bytes.len(), |end| end + 2);
                continue;
            }
            quote @ (b'\'' | b'"' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                false
            }
            b'[' if next_non_space(bytes, i + 1) == Some(b']') => {
                suffixes += 1;
                i = find_from(bytes, i, b"]").unwrap_or(i);
                depth + suffixes > MAX_NESTING
            }
            b'{' | b'[' | b'(' | b'<' => {
                depth += 1;
                depth > MAX_NESTING
            }
            b'}' | b']' | b')' => {
                depth = depth.saturating_sub(1);
                false
            }
            b'>' if i == 0 || bytes[i - 1] != b'=' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => false,
        };
        if opens {
            return Err(Diagnostic::error(
                format!("types nest more than {MAX_NESTING} levels deep"),
                Some(Span::new(file, i as u32, i as u32 + 1)),
            )
            .with_label("this level is too deep")
            .with_help(
                "split the type into named declarations; real declaration files never nest this deep",
            ));
        }
        i += 1;
    }
    Ok(())
}

fn next_non_space(bytes: &[u8], from: usize) -> Option<u8> {
    bytes.get(from..)?.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// The first position at or after `from` where `needle` starts. Scans for the needle's first
/// byte and compares the rest only there: comments, most of a declaration file, are skipped
/// at the speed of a byte search.
fn find_from(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut at = from;
    loop {
        let start = at + haystack.get(at..)?.iter().position(|&b| b == first)?;
        if haystack[start + 1..].starts_with(rest) {
            return Some(start);
        }
        at = start + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_rejected_with_a_place() {
        let text = format!("type A = {}string{};", "Array<".repeat(10_000), ">".repeat(10_000));
        let err = check(FileId(0), &text).unwrap_err();
        assert!(err.message.contains("256"));
        assert_eq!(err.span.map(|s| s.start), Some(9 + 6 * 256 + 5));
    }

    #[test]
    fn array_suffix_chains_count_as_nesting() {
        let text = format!("type A = string{};", "[]".repeat(10_000));
        let err = check(FileId(0), &text).unwrap_err();
        assert!(err.message.contains("256"));
        assert!(check(FileId(0), &format!("type A = string{};", "[] ".repeat(256))).is_ok());
    }

    #[test]
    fn needles_are_found_from_a_position() {
        assert_eq!(find_from(b"a*b*/c*/", 0, b"*/"), Some(3));
        assert_eq!(find_from(b"a*b*/c*/", 4, b"*/"), Some(6));
        assert_eq!(find_from(b"a*b*", 0, b"*/"), None);
        assert_eq!(find_from(b"ab\n", 9, b"\n"), None);
        assert_eq!(find_from(b"x", 0, b""), None);
    }

    #[test]
    fn brackets_in_comments_strings_and_arrows_do_not_count() {
        let text = format!(
            "/* {} */ // {}\ntype A = '{}'; type F = () => void;",
            "{".repeat(999),
            "(".repeat(999),
            "[".repeat(999)
        );
        assert!(check(FileId(0), &text).is_ok());
    }
}
