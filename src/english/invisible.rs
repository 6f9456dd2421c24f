//! Characters that do not show (a soft hyphen, zero-width spaces and joiners, a byte-order
//! mark): their names, and where one sits inside a number ("1\u{ad}500"), so that a finding can
//! name what a reader cannot see.

use std::ops::Range;

/// The Unicode name of a character that takes no room on the page, or `None` for any other.
pub fn name(c: char) -> Option<&'static str> {
    match c {
        '\u{ad}' => Some("SOFT HYPHEN"),
        '\u{200b}' => Some("ZERO WIDTH SPACE"),
        '\u{200c}' => Some("ZERO WIDTH NON-JOINER"),
        '\u{200d}' => Some("ZERO WIDTH JOINER"),
        '\u{2060}' => Some("WORD JOINER"),
        '\u{feff}' => Some("ZERO WIDTH NO-BREAK SPACE (byte-order mark)"),
        _ => None,
    }
}

/// True for a character that takes no room on the page.
pub fn is_invisible(c: char) -> bool {
    name(c).is_some()
}

/// `c` as a finding shows it: "U+00AD SOFT HYPHEN".
pub fn describe(c: char) -> String {
    format!("U+{:04X} {}", c as u32, name(c).unwrap_or("character"))
}

/// `s` with each invisible character written as an escape ("1\u{ad}500"), so a message shows it.
pub fn escaped(s: &str) -> String {
    s.chars()
        .map(|c| match is_invisible(c) {
            true => c.escape_unicode().to_string(),
            false => c.to_string(),
        })
        .collect()
}

/// The first invisible character that stands between two digits of `s` (with only digits,
/// group separators and other invisible characters around it), and the bytes of the number that
/// holds it.
pub fn inside_number(s: &str) -> Option<(char, Range<usize>)> {
    let part = |c: char| c.is_ascii_digit() || is_invisible(c) || matches!(c, ',' | '.');
    for (i, c) in s.char_indices() {
        if !is_invisible(c) {
            continue;
        }
        // A group separator may stand beside it: "1,\u{200b}500".
        let skip = |x: &char| is_invisible(*x) || matches!(x, ',' | '.');
        let before = s[..i].chars().rev().find(|b| !skip(b));
        let after = s[i + c.len_utf8()..].chars().find(|a| !skip(a));
        if before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| a.is_ascii_digit()) {
            let start = s[..i]
                .char_indices()
                .rev()
                .take_while(|&(_, b)| part(b))
                .last()
                .map_or(i, |(j, _)| j);
            let end = s[i..]
                .char_indices()
                .take_while(|&(_, a)| part(a))
                .last()
                .map_or(i, |(j, a)| i + j + a.len_utf8());
            let number = s[start..end].trim_end_matches([',', '.']);
            return Some((c, start..start + number.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invisible_character_between_digits_is_found_with_its_number() {
        let s = "About 1\u{ad}500 died.";
        let (c, span) = inside_number(s).unwrap();
        assert_eq!(c, '\u{ad}');
        assert_eq!(&s[span], "1\u{ad}500");
        assert_eq!(describe(c), "U+00AD SOFT HYPHEN");
        assert_eq!(escaped("1\u{ad}500"), "1\\u{ad}500");
        let s = "1,\u{200b}500,000 men";
        assert_eq!(&s[inside_number(s).unwrap().1], "1,\u{200b}500,000");
    }

    #[test]
    fn an_invisible_character_beside_a_word_is_not_inside_a_number() {
        assert_eq!(inside_number("\u{feff}1500 died"), None);
        assert_eq!(inside_number("co\u{ad}operation of 15"), None);
        assert_eq!(inside_number("15\u{200b} men"), None);
    }
}
