//! Passages of a text: where a quote stands, and the sentence or paragraph around it.

use std::ops::Range;

use super::footnote;

mod window;
pub use window::{sentence_window, Window, REACH};

/// Byte ranges of every occurrence of `quote` in `body` that stands on its own: one that starts
/// or ends inside a word or a number ("2,345" inside "12,345", "Over 1,500" inside "Over
/// 1,500,000", "five thousand" inside "thirty-five thousand") is not the passage the quote
/// means. See [`is_cut`].
pub fn find_all(body: &str, quote: &str) -> Vec<Range<usize>> {
    occurrences(body, quote)
        .filter(|span| !is_cut(body, span))
        .collect()
}

/// Byte ranges of every occurrence of `quote` in `body`, whole or not.
pub fn occurrences<'a>(body: &'a str, quote: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    let none = quote.is_empty();
    body.match_indices(quote)
        .take_while(move |_| !none)
        .map(|(i, q)| i..i + q.len())
}

/// Scripts written without spaces between words (Chinese, Japanese, Thai, ...): a letter of
/// theirs beside a quote's edge does not make the quote cut a word.
fn unspaced(c: char) -> bool {
    matches!(u32::from(c),
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF // Han
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F
        | 0x20000..=0x3FFFF)
}

/// A letter or digit of a word that spaces delimit.
fn word_char(c: char) -> bool {
    c.is_ascii_digit() || (c.is_alphanumeric() && !unspaced(c))
}

/// A combining mark (the accent of a decomposed "é"): it belongs to the letter before it.
fn combining(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Whether a passage's edge joins what lies beyond it. `inner` is the passage's character at
/// the edge and `inner2` the one after it (towards the passage's middle); `outer` the text's
/// character beyond the edge and `outer2` the one after that.
fn joined(inner: char, inner2: Option<char>, outer: Option<char>, outer2: Option<char>) -> bool {
    let Some(outer) = outer else { return false };
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    (word_char(inner) && word_char(outer))
        // "1,5|00", "3.|75"
        || (inner.is_ascii_digit() && matches!(outer, ',' | '.') && digit(outer2))
        // "12|,345", "12|.5 million"
        || (matches!(inner, ',' | '.') && digit(inner2) && outer.is_ascii_digit())
        // "thirty-|five", "Stalin'|s", "6-|8 million"
        || (word_char(inner) && matches!(outer, '-' | '\'' | '’') && outer2.is_some_and(word_char))
        || combining(outer)
        || combining(inner)
}

/// The word next to `at` in `body`, looking backwards (`forward` false) or forwards over at
/// most one run of spaces; lower-cased, at most 20 characters.
fn neighbour_word(body: &str, at: usize, forward: bool) -> String {
    let chars: Box<dyn Iterator<Item = char>> = if forward {
        Box::new(body[at..].chars())
    } else {
        Box::new(body[..at].chars().rev())
    };
    let mut chars = chars.peekable();
    let mut spaces = 0;
    while chars.peek().is_some_and(|c| c.is_whitespace()) && spaces < 4 {
        chars.next();
        spaces += 1;
    }
    if spaces == 0 {
        return String::new();
    }
    let word: String = chars
        .take_while(|c| c.is_alphabetic())
        .take(20)
        .collect::<String>()
        .to_lowercase();
    if forward {
        word
    } else {
        word.chars().rev().collect()
    }
}

/// Whether the passage at `span` starts or ends inside a word or number: glued letters or
/// digits, a separator between digits, a hyphen or apostrophe inside a word, a combining accent,
/// or number words that run on ("five thousand" of "thirty five thousand"). Constant time.
pub fn is_cut(body: &str, span: &Range<usize>) -> bool {
    let (start, end) = cut_sides(body, span);
    start || end
}

/// Whether the passage cuts into something at its start, and at its end.
fn cut_sides(body: &str, span: &Range<usize>) -> (bool, bool) {
    let passage = &body[span.clone()];
    let (Some(first), Some(last)) = (passage.chars().next(), passage.chars().next_back()) else {
        return (false, false);
    };
    let second = passage.chars().nth(1);
    let second_last = passage.chars().rev().nth(1);
    let mut before = body[..span.start].chars().rev();
    let mut after = body[span.end..].chars();
    let glued_start = joined(first, second, before.next(), before.next());
    let glued_end = joined(last, second_last, after.next(), after.next());
    // Number words run on across spaces: "twenty five thousand", "five thousand men".
    let first_word: String = passage
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(20)
        .collect();
    let last_word: String = {
        let w: String = passage
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .take(20)
            .collect();
        w.chars().rev().collect()
    };
    let number =
        |w: &str| !w.is_empty() && crate::english::figure::is_number_word(&w.to_lowercase());
    // A footnote marker is one piece: "Coale[2" cuts "[2]".
    let marker_start = footnote::in_marker(body, &(span.start..span.start + first.len_utf8()));
    let marker_end = footnote::in_marker(body, &(span.end - last.len_utf8()..span.end));
    // "1 500 000": a space that groups thousands joins the digits on either side.
    let spaced_start = first.is_ascii_digit()
        && body[..span.start].chars().next_back().is_some_and(|c| {
            crate::english::figure::space_joins_digits(body, span.start - c.len_utf8())
        });
    let spaced_end =
        last.is_ascii_digit() && crate::english::figure::space_joins_digits(body, span.end);
    (
        glued_start
            || spaced_start
            || marker_start
            || (number(&first_word) && number(&neighbour_word(body, span.start, false))),
        glued_end
            || spaced_end
            || marker_end
            || (number(&last_word) && number(&neighbour_word(body, span.end, true))),
    )
}

/// The whole word or number that the passage at `span` cuts into, shown with the passage
/// ("12,345 people" for "2,345 people"); `None` for a passage that stands on its own.
pub fn cut(body: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let (cuts_start, cuts_end) = cut_sides(body, span);
    if !cuts_start && !cuts_end {
        return None;
    }
    // Widen over letters, digits, separators, hyphens, apostrophes and accents, and the spaces
    // between number words: at most 60 characters each way, which is enough to show it.
    let part = |c: char| {
        c.is_alphanumeric() || combining(c) || matches!(c, ',' | '.' | '-' | '\'' | '’' | '[' | ']')
    };
    let mut start = span.start;
    for (taken, (i, c)) in body[..span.start].char_indices().rev().enumerate() {
        if !cuts_start || taken >= 60 || !(part(c) || (c == ' ' && start == span.start)) {
            break;
        }
        start = i;
    }
    let mut end = span.end;
    for (taken, (i, c)) in body[span.end..].char_indices().enumerate() {
        if !cuts_end || taken >= 60 || !(part(c) || (c == ' ' && end == span.end)) {
            break;
        }
        end = span.end + i + c.len_utf8();
    }
    // Trailing punctuation of a sentence is not part of the figure.
    let shown = body[start..end].trim_end_matches(['.', ',', ' ']).len();
    Some(start..(start + shown).max(span.end))
}

/// The paragraph (line) holding `span`; a line ends at LF, CRLF or a lone CR.
pub fn paragraph(body: &str, span: &Range<usize>) -> Range<usize> {
    let start = body[..span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = body[span.end..]
        .find(['\n', '\r'])
        .map_or(body.len(), |i| span.end + i);
    start..end
}

/// The sentence(s) holding `span`: from the end of the previous sentence to the end of the one
/// where `span` ends, never past the paragraph.
pub fn sentence(body: &str, span: &Range<usize>) -> Range<usize> {
    let para = paragraph(body, span);
    let breaks = sentence_breaks(&body[para.clone()]);
    let (lo, hi) = (span.start - para.start, span.end - para.start);
    let start = breaks
        .iter()
        .rev()
        .find(|&&b| b <= lo)
        .map_or(para.start, |&b| para.start + b);
    let end = breaks
        .iter()
        .find(|&&b| b >= hi)
        .map_or(para.end, |&b| para.start + b);
    let text = &body[start..end];
    let trimmed_start = start + (text.len() - text.trim_start().len());
    let trimmed_end = end - (text.len() - text.trim_end().len());
    trimmed_start..trimmed_end.max(trimmed_start)
}

/// Offsets just after each sentence end in `s` (". ", "? ", "! " followed by a capital,
/// a digit or a quote mark; closing quote marks and footnote markers go with the sentence).
fn sentence_breaks(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut breaks = Vec::new();
    for (i, c) in s.char_indices() {
        if !matches!(c, '.' | '?' | '!') || abbreviation(&s[..i]) {
            continue;
        }
        // Closing brackets, quote marks and footnote markers belong to the sentence they end
        // (".[3] The next", ".\"[5] The next").
        let mut end = i + 1;
        loop {
            if matches!(bytes.get(end), Some(b')' | b'"' | b'\'')) {
                end += 1;
            } else if s[end..].starts_with(['”', '’']) {
                end += '”'.len_utf8();
            } else if let Some(len) = footnote::marker_at(s, end) {
                end += len;
            } else {
                break;
            }
        }
        if bytes.get(end) != Some(&b' ') {
            continue;
        }
        let next = s[end + 1..].chars().next();
        if next
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '('))
        {
            breaks.push(end);
        }
    }
    breaks
}

/// Whether the word before a full stop is an initial ("Harry S.") or a common abbreviation
/// ("U.S.", "Mr.", "No."), after which a sentence does not end.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.chars().all(|c| c.is_uppercase() || c == '.');
    single_capital
        || dotted
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "No"
                | "Prof"
                | "Gen"
                | "Lt"
                | "Col"
                | "Jr"
                | "Sr"
                | "vs"
                | "cf"
        )
}

#[cfg(test)]
mod tests;
