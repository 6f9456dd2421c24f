//! Passages of a text: where a quote stands, and the sentence or paragraph around it.

use std::ops::Range;

/// Byte ranges of every occurrence of `quote` in `body`.
pub fn find_all(body: &str, quote: &str) -> Vec<Range<usize>> {
    if quote.is_empty() {
        return Vec::new();
    }
    body.match_indices(quote)
        .map(|(i, q)| i..i + q.len())
        .collect()
}

/// The paragraph (line) holding `span`.
pub fn paragraph(body: &str, span: &Range<usize>) -> Range<usize> {
    let start = body[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = body[span.end..]
        .find('\n')
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
