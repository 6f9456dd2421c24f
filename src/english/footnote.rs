//! Numbers that point into a text rather than count: footnote markers as Wikipedia prints them
//! ("[3]", "[a]", "[note 2]", a page within a footnote "[12]: 45") and page numbers ("p. 6",
//! "pp. 648–649"). `class` sets them apart as identifiers, and `passage` ends a sentence after
//! a marker (".[3] The next").

use std::ops::Range;

/// The longest marker read, brackets included: "[note 12]" and "[lower-alpha 3]" fit.
const LONGEST: usize = 20;

/// Whether the text between a marker's brackets is a footnote label: a short label ("3", "a",
/// "12b"), optionally after one word ("note 2", "nb 1"). "[2 million]", an editor's insertion
/// in a quotation, is not one.
fn label(inner: &str) -> bool {
    let short =
        |w: &str| !w.is_empty() && w.chars().count() <= 4 && w.chars().all(|c| c.is_alphanumeric());
    match inner.split(' ').collect::<Vec<_>>().as_slice() {
        [mark] => short(mark),
        [word, mark] => {
            !word.is_empty()
                && word.chars().all(|c| c.is_alphabetic() || c == '-')
                && word.chars().count() <= 12
                && short(mark)
        }
        _ => false,
    }
}

/// The length in bytes of the footnote marker that starts at byte `at` of `s` ("[3]" is 3).
pub fn marker_at(s: &str, at: usize) -> Option<usize> {
    let rest = s.get(at..)?.strip_prefix('[')?;
    let close = rest
        .char_indices()
        .take(LONGEST)
        .find(|&(_, c)| c == ']')?
        .0;
    label(&rest[..close]).then_some(close + 2)
}

/// Whether `span` of `body` lies inside a footnote marker ("3" of "[3]", "2" of "[note 2]").
pub fn in_marker(body: &str, span: &Range<usize>) -> bool {
    let window = span.start.saturating_sub(LONGEST);
    let Some(open) = body[..span.start].rfind('[').filter(|&o| o >= window) else {
        return false;
    };
    marker_at(body, open).is_some_and(|len| open + len > span.end)
}

/// Whether `body` ends, before byte `at` and any spaces, with a word that introduces a page
/// ("p.", "pp.", "page", "pages") or with a footnote marker and a colon ("[12]: 45", the page
/// of a footnote's source as Wikipedia prints it).
fn page_introduced(body: &str, at: usize) -> bool {
    let before = body[..at].trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == ',' || c == ';')
        .next()
        .unwrap_or("")
        .to_lowercase();
    if matches!(word.as_str(), "p." | "pp." | "page" | "pages") {
        return true;
    }
    let Some(marker) = before.strip_suffix(':') else {
        return false;
    };
    marker
        .rfind('[')
        .is_some_and(|open| marker_at(marker, open) == Some(marker.len() - open))
}

/// Whether `span` of `body` is a page number: after "p.", "pp.", "page" or a footnote's colon,
/// or the second end of a page range ("649" of "pp. 648–649").
pub fn page_number(body: &str, span: &Range<usize>) -> bool {
    if page_introduced(body, span.start) {
        return true;
    }
    // The second end of a range: a dash, and before it a number that is itself a page.
    let before = body[..span.start].trim_end();
    let Some(dash) = before.strip_suffix(['–', '-', '—']) else {
        return false;
    };
    let first = dash.trim_end();
    let digits = first.len() - first.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && page_introduced(body, first.len() - digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The span of the first `figure` in `body`.
    fn at(body: &str, figure: &str) -> Range<usize> {
        let start = body.find(figure).unwrap();
        start..start + figure.len()
    }

    #[test]
    fn footnote_markers_are_found_and_editorial_brackets_are_not() {
        let body = "died.[3] Others[note 12] fled[a] and [2 million] left [12b].";
        assert_eq!(marker_at(body, 5), Some(3));
        assert!(in_marker(body, &at(body, "3")));
        assert!(in_marker(body, &at(body, "12")));
        assert!(in_marker(body, &at(body, "12b")));
        assert!(!in_marker(body, &at(body, "2 million")));
        assert_eq!(marker_at(body, body.find("[2").unwrap()), None);
        assert!(!in_marker("3 died", &(0..1)));
        assert!(!in_marker("[x] 3 died", &(4..5)));
    }

    #[test]
    fn page_numbers_follow_a_page_word_or_a_footnotes_colon() {
        let body = "Peng 1987, pp. 648–649; Coale (p. 6), page 12 and[14]: 45 and 300 people-7.";
        for page in ["648", "649", "6", "12", "45"] {
            assert!(page_number(body, &at(body, page)), "{page}");
        }
        for not in ["1987", "300", "7"] {
            assert!(!page_number(body, &at(body, not)), "{not}");
        }
    }
}
