//! Why a quote is not in its text when it nearly is: line endings, or characters people type
//! differently (no-break spaces, dashes, curly quotes).

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

/// What a `quote-not-found` message adds when the quote nearly stands in `body` (whose folded
/// form is `folded`): the difference a reader cannot see, or nothing.
pub(super) fn not_found(quote: &str, body: &str, folded: &str) -> String {
    let line_endings = quote.contains('\n')
        && !quote.contains("\r\n")
        && body.contains("\r\n")
        && body.contains(&quote.replace('\n', "\r\n"));
    if line_endings {
        " (it is there with the text's CRLF line ending where the quote has a bare line feed: quote within one line, or copy the line break as the text has it)".to_string()
    } else if folded.contains(&fold(quote)) {
        " (it matches once spaces, dashes and quote marks are folded: copy the text's own characters, such as the no-break space U+00A0 or the en dash U+2013)".to_string()
    } else {
        String::new()
    }
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
}
