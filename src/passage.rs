//! Passages of a text: where a quote stands, and the sentence or paragraph around it.

use std::ops::Range;

/// Byte ranges of every occurrence of `quote` in `body` that stands on its own: one that starts
/// or ends inside a word or a number ("2,345" inside "12,345", "Over 1,500" inside "Over
/// 1,500,000") is not the passage the quote means. See [`cut`].
pub fn find_all(body: &str, quote: &str) -> Vec<Range<usize>> {
    occurrences(body, quote)
        .filter(|span| cut(body, span).is_none())
        .collect()
}

/// Byte ranges of every occurrence of `quote` in `body`, whole or not.
pub fn occurrences<'a>(body: &'a str, quote: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    let none = quote.is_empty();
    body.match_indices(quote)
        .take_while(move |_| !none)
        .map(|(i, q)| i..i + q.len())
}

/// Whether `inner` (a character of the passage at its edge) and the characters beyond it
/// (`next`, then `after`) are one word or one number: letters or digits on both sides, or a
/// digit, a separator and a digit ("1,5|00", "3.|75").
fn joined(inner: char, next: Option<char>, after: Option<char>) -> bool {
    match next {
        Some(c) if inner.is_alphanumeric() && c.is_alphanumeric() => true,
        Some(',' | '.') => inner.is_ascii_digit() && after.is_some_and(|d| d.is_ascii_digit()),
        _ => false,
    }
}

/// The whole word or number that the passage at `span` cuts into, when it starts or ends
/// inside one; `None` for a passage that stands on its own.
pub fn cut(body: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let passage = &body[span.clone()];
    let (first, last) = (passage.chars().next()?, passage.chars().next_back()?);
    let mut before = body[..span.start].chars().rev();
    let mut after = body[span.end..].chars();
    let cuts_start = joined(first, before.next(), before.next());
    let cuts_end = joined(last, after.next(), after.next());
    if !cuts_start && !cuts_end {
        return None;
    }
    // Widen to the whole word or number: letters, digits, and separators between digits.
    let part_of = |prev: Option<char>, c: char, next: Option<char>| {
        c.is_alphanumeric()
            || (matches!(c, ',' | '.')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()))
    };
    let mut start = span.start;
    if cuts_start {
        let mut chars = body[..start].char_indices().rev().peekable();
        let mut next = Some(first);
        while let Some((i, c)) = chars.next() {
            let prev = chars.peek().map(|&(_, p)| p);
            if !part_of(prev, c, next) {
                break;
            }
            start = i;
            next = Some(c);
        }
    }
    let mut end = span.end;
    if cuts_end {
        let mut chars = body[end..].char_indices().peekable();
        let mut prev = Some(last);
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if !part_of(prev, c, next) {
                break;
            }
            end = span.end + i + c.len_utf8();
            prev = Some(c);
        }
    }
    // Show the passage with what it cuts: "12,345 people", not just "12,345".
    Some(start.min(span.start)..end.max(span.end))
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
/// a digit or a quote mark).
fn sentence_breaks(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut breaks = Vec::new();
    for (i, c) in s.char_indices() {
        if !matches!(c, '.' | '?' | '!') || abbreviation(&s[..i]) {
            continue;
        }
        // Closing brackets and quote marks belong to the sentence they end.
        let mut end = i + 1;
        while matches!(bytes.get(end), Some(b')' | b'"' | b'\'')) {
            end += 1;
        }
        if bytes.get(end) != Some(&b' ') {
            continue;
        }
        let next = s[end + 1..].chars().next();
        if next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '"' || n == '(') {
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
mod tests {
    use super::*;

    const BODY: &str = "First line.\nHistorians now estimate that nearly 700,000 people were executed. Some experts disagree. More.\nLast.";

    #[test]
    fn a_passage_inside_a_number_or_word_is_cut() {
        let body = "In 1893 some 12,345 people, over 1,500,000 men and about 3.75 million fled; tens died. 345 left.";
        let shown = |quote: &str| {
            let span = occurrences(body, quote).next().unwrap();
            cut(body, &span).map(|r| &body[r])
        };
        assert_eq!(shown("2,345 people"), Some("12,345 people"));
        assert_eq!(shown("over 1,500"), Some("over 1,500,000"));
        assert_eq!(shown("about 3.7"), Some("about 3.75"));
        assert_eq!(shown("93"), Some("1893"));
        assert_eq!(shown("ten"), Some("tens"));
        assert_eq!(shown("12,345 people"), None);
        assert_eq!(shown("3.75 million fled;"), None);
        assert_eq!(shown("In 1893"), None);
        // A sentence's full stop after a number is not a decimal point.
        assert_eq!(shown("345 left"), None);
        assert_eq!(find_all(body, "345"), vec![87..90]);
        assert!(find_all(body, "").is_empty());
    }

    #[test]
    fn paragraphs_end_at_any_line_ending() {
        for sep in ["\n", "\r\n", "\r"] {
            let body = format!("First 12 left.{sep}Then 30 came.{sep}Last.");
            let span = find_all(&body, "30 came")[0].clone();
            assert_eq!(&body[paragraph(&body, &span)], "Then 30 came.", "{sep:?}");
        }
    }

    #[test]
    fn sentence_around_a_quote() {
        let span = find_all(BODY, "nearly 700,000")[0].clone();
        let s = sentence(BODY, &span);
        assert_eq!(
            &BODY[s],
            "Historians now estimate that nearly 700,000 people were executed."
        );
        let p = paragraph(BODY, &span);
        assert!(
            BODY[p].starts_with("Historians") && BODY[paragraph(BODY, &span)].ends_with("More.")
        );
    }

    #[test]
    fn initials_and_abbreviations_do_not_end_a_sentence() {
        let body = "He was five feet four (160 cm). (President Harry S. Truman, who stood 5 ft 9 in, was taller.) The U.S. delegation left.";
        let span = find_all(body, "5 ft 9 in")[0].clone();
        assert_eq!(
            &body[sentence(body, &span)],
            "(President Harry S. Truman, who stood 5 ft 9 in, was taller.)"
        );
        let span = find_all(body, "delegation")[0].clone();
        assert_eq!(&body[sentence(body, &span)], "The U.S. delegation left.");
    }

    #[test]
    fn a_quote_at_the_start_of_a_sentence() {
        let span = find_all(BODY, "Some experts")[0].clone();
        assert_eq!(&BODY[sentence(BODY, &span)], "Some experts disagree.");
    }
}
