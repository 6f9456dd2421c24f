//! Why a quote is not in its text when it nearly is: line endings, a byte-order mark, an
//! invisible character, NFC against NFD, or characters people type differently (no-break
//! spaces, dashes, curly quotes).

use super::TextIndex;
use crate::english::invisible;

/// Folds the characters people type differently (no-break space, dashes, curly quotes).
pub(super) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{a0}' | '\u{2009}' | '\u{202f}' => ' ',
            '–' | '—' | '‒' | '−' => '-',
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            c => c,
        };
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// True for a combining accent (U+0300 to U+036F), which NFD writes after its letter.
fn combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// `s` without what a reader cannot tell apart: invisible characters dropped, and every accented
/// letter, precomposed (NFC: "é") or a letter with combining accents (NFD: "e" + U+0301), as one
/// placeholder, so that a quote and its text compare across normal forms without Unicode's tables.
pub(super) fn bare(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if invisible::is_invisible(c) {
            continue;
        }
        if combining(c) {
            if out.ends_with(|p: char| p.is_ascii_alphabetic()) {
                out.pop();
                out.push('\u{fffd}');
            }
            continue;
        }
        out.push(if c.is_alphabetic() && !c.is_ascii() {
            '\u{fffd}'
        } else {
            c
        });
    }
    out
}

/// What a `quote-not-found` message adds when the quote nearly stands in the text: the
/// difference a reader cannot see (line endings, a byte-order mark, an invisible character,
/// NFC against NFD, other spaces and dashes), or nothing.
pub(super) fn not_found(quote: &str, index: &TextIndex) -> String {
    let body = index.body;
    let with_lf = quote.replace("\r\n", "\n");
    if quote.contains('\n')
        && !quote.contains("\r\n")
        && body.contains("\r\n")
        && body.contains(&quote.replace('\n', "\r\n"))
    {
        return " (it is there with the text's CRLF line ending where the quote has a bare line feed: quote within one line, or copy the line break as the text has it)".to_string();
    }
    if quote.contains("\r\n") && body.contains(&with_lf) {
        return " (it is there, but the quote has CR LF where the text has LF: a CSV saved with Windows line endings turns the line break inside a quoted cell into CR LF; quote within one line, or save estimates.csv with LF line endings)".to_string();
    }
    if let Some(rest) = quote.strip_prefix('\u{feff}') {
        if body.contains(rest) {
            return " (the quote starts with a byte-order mark, U+FEFF, which the text does not have there: delete the invisible character before the first word)".to_string();
        }
    }
    let bare_quote = bare(quote);
    if bare_quote != quote && index.bare().contains(&bare_quote) {
        if let Some(c) = quote.chars().find(|&c| invisible::is_invisible(c)) {
            return format!(" (the quote holds {}, an invisible character the text does not have there: delete it from the quote)", invisible::describe(c));
        }
        if let Some(c) = quote.chars().find(|&c| combining(c)) {
            return format!(" (the quote is NFD where the text is NFC: it writes an accented letter as a letter and the combining accent U+{:04X}, where the text has one precomposed character such as \"é\"; copy the words from the text, or normalize estimates.csv to NFC)", c as u32);
        }
    }
    if body.contains(|c: char| combining(c)) && index.bare().contains(&bare_quote) {
        return " (the quote is NFC where the text is NFD: the text writes an accented letter as a letter and a combining accent, where the quote has one precomposed character; copy the words from the text, or normalize the text to NFC)".to_string();
    }
    if body.contains(|c: char| invisible::is_invisible(c)) && index.bare().contains(&bare_quote) {
        return " (it is there with an invisible character inside, such as a soft hyphen U+00AD or a zero-width space U+200B, that the quote does not have: copy the words from the text, or delete the character from the text)".to_string();
    }
    if index.folded().contains(&fold(quote)) {
        return " (it matches once spaces, dashes and quote marks are folded: copy the text's own characters, such as the no-break space U+00A0 or the en dash U+2013)".to_string();
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_unifies_spaces_dashes_and_quote_marks() {
        assert_eq!(
            fold("1932–1933\u{a0}and  ‘so’ “on”"),
            "1932-1933 and 'so' \"on\""
        );
    }

    #[test]
    fn bare_forms_agree_across_normal_forms_and_invisible_characters() {
        assert_eq!(bare("cafe\u{301} 1\u{ad}500"), bare("café 1500"));
        assert_ne!(bare("cafe 1500"), bare("café 1500"));
    }
}
