//! The sentence around a figure cut to a window, so that a figure in a sentence of 74 KB is
//! shown with a few hundred characters around it and the work per figure does not grow with the
//! sentence.

use std::ops::Range;

use super::sentence;

/// How many characters of its sentence a figure or quote is shown with on each side.
pub const REACH: usize = 300;

/// Characters looked at beyond the reach, so that a sentence end just inside it is still seen
/// (an abbreviation before a full stop, a footnote marker after it).
const MARGIN: usize = 64;

/// The sentence around a passage, cut to a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Bytes of the body shown.
    pub range: Range<usize>,
    /// True when the sentence goes on before the window.
    pub cut_before: bool,
    /// True when the sentence goes on after the window.
    pub cut_after: bool,
}

impl Window {
    /// The window's text with "…" where the sentence goes on, and the byte offset in it where
    /// `at` (a byte of the body inside the window) falls.
    pub fn text(&self, body: &str, at: usize) -> (String, usize) {
        let mut out = String::new();
        if self.cut_before {
            out.push('…');
        }
        let offset = out.len() + at.saturating_sub(self.range.start);
        out.push_str(&body[self.range.clone()]);
        if self.cut_after {
            out.push('…');
        }
        (out, offset)
    }
}

/// The byte `n` characters before `at` (or 0).
fn back(body: &str, at: usize, n: usize) -> usize {
    body[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte `n` characters after `end` (or the body's end).
fn forward(body: &str, end: usize, n: usize) -> usize {
    body[end..]
        .char_indices()
        .nth(n)
        .map_or(body.len(), |(i, _)| end + i)
}

/// The sentence holding `span` as [`sentence`] finds it, cut to at most `reach` characters
/// before and after the span, at a space where one is near. Only the window is read, so the
/// work per call is bounded whatever the sentence's length.
pub fn sentence_window(body: &str, span: &Range<usize>, reach: usize) -> Window {
    let (from, to) = (
        back(body, span.start, reach + MARGIN),
        forward(body, span.end, reach + MARGIN),
    );
    let local = sentence(&body[from..to], &(span.start - from..span.end - from));
    let (mut start, mut end) = (from + local.start, from + local.end);
    let (lo, hi) = (
        back(body, span.start, reach),
        forward(body, span.end, reach),
    );
    let cut_before = start < lo;
    if cut_before {
        // Start after a space, so the window does not open inside a word.
        start = body[lo..span.start]
            .find(' ')
            .filter(|&i| i < 40)
            .map_or(lo, |i| lo + i + 1);
    }
    let cut_after = end > hi;
    if cut_after {
        end = body[span.end..hi]
            .rfind(' ')
            .filter(|&i| hi - (span.end + i) < 40)
            .map_or(hi, |i| span.end + i);
    }
    Window {
        range: start..end,
        cut_before,
        cut_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_sentence_is_shown_whole() {
        let body = "Intro. Historians estimate that nearly 700,000 people were executed. Next.";
        let span = super::super::find_all(body, "700,000")[0].clone();
        let w = sentence_window(body, &span, REACH);
        assert_eq!(w.range, sentence(body, &span));
        assert!(!w.cut_before && !w.cut_after);
        assert_eq!(
            w.text(body, span.start),
            (
                body[w.range.clone()].to_string(),
                "Historians estimate that nearly ".len()
            )
        );
    }

    // Regression (issue 16): a figure in a 74 KB sentence was shown with all of it, 5,000 times.
    #[test]
    fn a_long_sentence_is_cut_around_the_figure_at_spaces() {
        let body = format!(
            "{}the 700,000 dead{}.",
            "word ".repeat(1000),
            " word".repeat(1000)
        );
        let at = body.find("700,000").unwrap();
        let w = sentence_window(&body, &(at..at + 7), 30);
        assert!(w.cut_before && w.cut_after);
        let (text, offset) = w.text(&body, at);
        assert!(
            text.starts_with("…word ") && text.ends_with(" word…"),
            "{text}"
        );
        assert_eq!(&text[offset..offset + 7], "700,000");
        assert!(text.chars().count() <= 30 + 7 + 30 + 2, "{text}");
    }
}
