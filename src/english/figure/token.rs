//! The tokenizer under the figure parser: digits (with thousands separators, decimals and
//! vulgar fractions), words (split where leading number words are hyphenated to a noun) and
//! symbols.

use std::ops::Range;

use super::words::is_number_word;
use crate::english::invisible::is_invisible;

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// Plain digits ("1937"), which may be a year.
    Num(f64),
    /// Digits with a thousands separator or a decimal point; never a year.
    Formatted(f64),
    /// A lowercased word.
    Word(String),
    /// Any other character but whitespace.
    Sym(char),
}

/// One token and where it sits.
#[derive(Debug, Clone)]
pub(super) struct Token {
    /// What it is.
    pub(super) tok: Tok,
    /// Byte range in the tokenized string.
    pub(super) span: Range<usize>,
}

/// The value of a vulgar-fraction character (½, ¼, ¾, ⅓, ⅔).
fn vulgar_fraction(c: char) -> Option<f64> {
    match c {
        '½' => Some(0.5),
        '¼' => Some(0.25),
        '¾' => Some(0.75),
        '⅓' => Some(1.0 / 3.0),
        '⅔' => Some(2.0 / 3.0),
        _ => None,
    }
}

/// Cuts `s` into numbers, lowercased words and symbols, each with its byte range in `s`;
/// whitespace separates tokens and is dropped.
pub(super) fn tokenize(s: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = 0;
    while let Some(c) = s[start..].chars().next() {
        let end = if c.is_ascii_digit() {
            let token = number(s, start);
            let end = token.span.end;
            tokens.push(token);
            end
        } else if c.is_alphabetic() {
            let end = word_end(s, start);
            push_word(&mut tokens, s, start..end);
            end
        } else {
            let end = start + c.len_utf8();
            let tok = match vulgar_fraction(c) {
                Some(f) => Some(Tok::Formatted(f)),
                None => (!c.is_whitespace()).then_some(Tok::Sym(c)),
            };
            if let Some(tok) = tok {
                tokens.push(Token {
                    tok,
                    span: start..end,
                });
            }
            end
        };
        start = end;
    }
    tokens
}

/// Characters that group digits by thousands besides the comma: a space, a no-break space, a
/// thin space and a narrow no-break space ("1 500 000"). See README, Qualifiers (how figures are read).
const GROUP_SPACES: [&str; 4] = [" ", "\u{a0}", "\u{2009}", "\u{202f}"];

/// The digits from byte `at`, read through invisible characters that stand between two digits
/// ("1\u{ad}500", which `check` reports): where they end, and the digits alone.
fn digit_run(s: &str, at: usize) -> (usize, String) {
    let mut end = at;
    let mut digits = String::new();
    for (i, c) in s[at..].char_indices() {
        if c.is_ascii_digit() {
            digits.push(c);
            end = at + i + 1;
        } else if !is_invisible(c) || digits.is_empty() {
            break;
        }
    }
    (end, digits)
}

/// The thousands groups from byte `end` that `separator` starts, each of exactly three digits:
/// where they end, their digits, and how many there are.
fn groups(s: &str, mut end: usize, separator: &str) -> (usize, String, usize) {
    let mut digits = String::new();
    let mut count = 0;
    while s[end..].starts_with(separator) {
        let (after, group) = digit_run(s, end + separator.len());
        if group.len() != 3 {
            break;
        }
        digits.push_str(&group);
        end = after;
        count += 1;
    }
    (end, digits, count)
}

/// True when the space at byte `at` of `s` joins the digits on either side into one number as
/// [`number`] reads them (the space of "1 500", not of "1937 353" or "1 50"), so that a passage
/// starting or ending there cuts the number. Reads a few characters each way.
pub fn space_joins_digits(s: &str, at: usize) -> bool {
    let Some(space) = s[at..].chars().next() else {
        return false;
    };
    if !GROUP_SPACES.iter().any(|g| g.starts_with(space)) {
        return false;
    }
    let before: Vec<char> = s[..at].chars().rev().take(5).collect();
    let run = before.iter().take_while(|c| c.is_ascii_digit()).count();
    // A first group of one to three digits, or a later group of three, but not after a comma
    // or full stop that grouped it otherwise ("1,500 000").
    let first = (1..=3).contains(&run) && !before.get(run).is_some_and(|c| matches!(c, ',' | '.'));
    let sep = &s[at..at + space.len_utf8()];
    let (end, group, _) = groups(s, at, sep);
    let bytes = s.as_bytes();
    let mixed = bytes.get(end) == Some(&b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
    first && !group.is_empty() && !mixed
}

/// The number whose first digit is at byte `start`: digits, thousands groups, a decimal part
/// and a vulgar fraction ("1½"). Thousands are grouped by commas ("1,500,000"), or, after a
/// first group of one to three digits, by one kind of space ("1 500 000", never "1937 353")
/// or by two or more full stops ("1.500.000"; "1.500" is one and a half).
fn number(s: &str, start: usize) -> Token {
    let bytes = s.as_bytes();
    let (mut end, mut digits) = digit_run(s, start);
    let mut formatted = false;
    let mut decimal = false;
    let (after, more, count) = groups(s, end, ",");
    if count > 0 {
        (end, formatted) = (after, true);
        digits.push_str(&more);
    } else if (1..=3).contains(&digits.len()) {
        // "1 500,000" mixes two conventions: read "1" and "500,000".
        let spaced = GROUP_SPACES
            .iter()
            .map(|sep| groups(s, end, sep))
            .find(|&(a, _, n)| {
                n > 0
                    && !(bytes.get(a) == Some(&b',')
                        && bytes.get(a + 1).is_some_and(u8::is_ascii_digit))
            });
        let dotted = Some(groups(s, end, ".")).filter(|&(_, _, n)| n >= 2);
        // "1.500.000.5" takes no decimal part.
        let by_stops = spaced.is_none() && dotted.is_some();
        if let Some((after, more, _)) = spaced.or(dotted) {
            (end, formatted, decimal) = (after, true, by_stops);
            digits.push_str(&more);
        }
    }
    let mut text = digits;
    if !decimal
        && bytes.get(end) == Some(&b'.')
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        let (after, fraction) = digit_run(s, end + 1);
        text = format!("{text}.{fraction}");
        (end, formatted, decimal) = (after, true, true);
    }
    let mut value = text.parse::<f64>().unwrap_or(f64::NAN);
    // "1½ million"
    if let Some(c) = s[end..].chars().next() {
        if let Some(f) = vulgar_fraction(c) {
            if !decimal {
                value += f;
                end += c.len_utf8();
                formatted = true;
            }
        }
    }
    Token {
        tok: if formatted {
            Tok::Formatted(value)
        } else {
            Tok::Num(value)
        },
        span: start..end,
    }
}

/// The end of the word starting at byte `start`: letters, joined by hyphens and apostrophes
/// that have a letter after them ("thirty-five", "o'clock").
fn word_end(s: &str, start: usize) -> usize {
    let mut end = start;
    for (i, c) in s[start..].char_indices() {
        let after = start + i + c.len_utf8();
        let joins = matches!(c, '-' | '\'' | '’')
            && s[after..].chars().next().is_some_and(char::is_alphabetic);
        if !(c.is_alphabetic() || joins) {
            break;
        }
        end = after;
    }
    end
}

/// Pushes the word at `span`, lowercased, as one token, or as two when leading number words are
/// hyphenated to the rest ("five-member", "two-year"): those are a figure of their own.
fn push_word(tokens: &mut Vec<Token>, s: &str, span: Range<usize>) {
    let (start, end) = (span.start, span.end);
    let word = s[span].to_lowercase();
    let parts: Vec<&str> = word.split('-').collect();
    let numeric = parts.iter().take_while(|p| is_number_word(p)).count();
    if numeric > 0 && numeric < parts.len() {
        let cut = parts[..numeric].join("-").len();
        tokens.push(Token {
            tok: Tok::Word(word[..cut].to_string()),
            span: start..start + cut,
        });
        tokens.push(Token {
            tok: Tok::Word(word[cut + 1..].to_string()),
            span: start + cut + 1..end,
        });
    } else {
        tokens.push(Token {
            tok: Tok::Word(word),
            span: start..end,
        });
    }
}

/// The word at token `i`, if that token is a word.
pub(super) fn word_at(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::values;
    use super::*;

    fn toks(s: &str) -> Vec<(Tok, Range<usize>)> {
        tokenize(s).into_iter().map(|t| (t.tok, t.span)).collect()
    }

    #[test]
    fn digits_groups_and_decimals() {
        assert_eq!(
            toks("681,692 and 1.7"),
            vec![
                (Tok::Formatted(681_692.0), 0..7),
                (Tok::Word("and".into()), 8..11),
                (Tok::Formatted(1.7), 12..15),
            ]
        );
        assert_eq!(toks("1937"), vec![(Tok::Num(1937.0), 0..4)]);
        // A comma before four digits is punctuation, not a thousands separator.
        assert_eq!(
            toks("1,0000"),
            vec![
                (Tok::Num(1.0), 0..1),
                (Tok::Sym(','), 1..2),
                (Tok::Num(0.0), 2..6),
            ]
        );
        assert_eq!(
            toks("5."),
            vec![(Tok::Num(5.0), 0..1), (Tok::Sym('.'), 1..2)]
        );
    }

    // Regression (issue 16): "About 1 500 000", "1.500.000" and "1\u{ad}500" were read as
    // several small figures, so a row of 1 or 500 passed and one of 1500000 was refused.
    #[test]
    fn grouped_digits_are_one_number() {
        for s in [
            "1 500 000",
            "1\u{a0}500\u{a0}000",
            "1\u{2009}500\u{2009}000",
            "1\u{202f}500\u{202f}000",
            "1.500.000",
            "1,500,000",
        ] {
            assert_eq!(
                toks(s),
                vec![(Tok::Formatted(1_500_000.0), 0..s.len())],
                "{s:?}"
            );
        }
        for s in [
            "1\u{ad}500",
            "1\u{200b}500",
            "1\u{200c}500",
            "1\u{200d}500",
            "1\u{2060}500",
            "1\u{feff}500",
        ] {
            assert_eq!(toks(s), vec![(Tok::Num(1500.0), 0..s.len())], "{s:?}");
        }
        assert_eq!(toks("12 345.5"), vec![(Tok::Formatted(12_345.5), 0..8)]);
    }

    // Regression (issue 16): the grouping rule must not merge numbers that merely stand side
    // by side: a year before a figure, a group that is not three digits, mixed conventions.
    #[test]
    fn side_by_side_numbers_stay_apart() {
        let nums = |s: &str| -> Vec<f64> {
            tokenize(s)
                .into_iter()
                .filter_map(|t| match t.tok {
                    Tok::Num(v) | Tok::Formatted(v) => Some(v),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(nums("in 1937 353,074"), vec![1937.0, 353_074.0]);
        assert_eq!(nums("in 1937 353 074"), vec![1937.0, 353_074.0]);
        assert_eq!(nums("between 1 and 2 million"), vec![1.0, 2.0]);
        assert_eq!(nums("1 50 men"), vec![1.0, 50.0]);
        assert_eq!(nums("1 5000 men"), vec![1.0, 5000.0]);
        assert_eq!(nums("1  500"), vec![1.0, 500.0]);
        assert_eq!(nums("1 500,000"), vec![1.0, 500_000.0]);
        // One full stop is a decimal point: "1.500" is one and a half.
        assert_eq!(nums("1.500 and 2.5"), vec![1.5, 2.5]);
        assert_eq!(nums("1.500.00"), vec![1.5, 0.0]);
        // A space and a thin space do not make one grouping.
        assert_eq!(nums("1 500\u{2009}000"), vec![1500.0, 0.0]);
        // An invisible character after the last digit belongs to no number.
        assert_eq!(toks("15\u{200b} men")[0], (Tok::Num(15.0), 0..2));
    }

    #[test]
    fn vulgar_fractions() {
        // "½" is two bytes in UTF-8.
        assert_eq!(toks("1½"), vec![(Tok::Formatted(1.5), 0..3)]);
        assert_eq!(toks("½"), vec![(Tok::Formatted(0.5), 0..2)]);
        // A decimal takes no fraction: "2.5½" is two figures.
        assert_eq!(
            toks("2.5½"),
            vec![(Tok::Formatted(2.5), 0..3), (Tok::Formatted(0.5), 3..5)]
        );
    }

    #[test]
    fn words_are_lowercased_and_joined() {
        // "’" is three bytes in UTF-8.
        assert_eq!(
            toks("Stalin's o’clock"),
            vec![
                (Tok::Word("stalin's".into()), 0..8),
                (Tok::Word("o’clock".into()), 9..18),
            ]
        );
        // A hyphen with no letter after it ends the word.
        assert_eq!(
            toks("end- 5 – 6"),
            vec![
                (Tok::Word("end".into()), 0..3),
                (Tok::Sym('-'), 3..4),
                (Tok::Num(5.0), 5..6),
                (Tok::Sym('–'), 7..10),
                (Tok::Num(6.0), 11..12),
            ]
        );
    }

    #[test]
    fn leading_number_words_split_from_a_hyphenated_noun() {
        assert_eq!(
            toks("Five-Member"),
            vec![
                (Tok::Word("five".into()), 0..4),
                (Tok::Word("member".into()), 5..11),
            ]
        );
        assert_eq!(
            toks("thirty-five"),
            vec![(Tok::Word("thirty-five".into()), 0..11)]
        );
    }

    #[test]
    fn hyphenated_number_words() {
        assert_eq!(values("a five-member Politburo"), vec![5.0]);
        assert_eq!(values("thirty-five"), vec![35.0]);
    }
}
