//! The tokenizer under the figure parser: digits (with thousands separators, decimals and
//! vulgar fractions), words (split where leading number words are hyphenated to a noun) and
//! symbols.

use std::ops::Range;

use super::words::is_number_word;

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

/// The number whose first digit is at byte `start`: digits, thousands groups, a decimal part
/// and a vulgar fraction ("1½").
fn number(s: &str, start: usize) -> Token {
    let bytes = s.as_bytes();
    let digits_from = |mut end: usize| {
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        end
    };
    let mut end = digits_from(start);
    let mut formatted = false;
    // Thousands groups: a comma followed by exactly three digits.
    while bytes.get(end) == Some(&b',')
        && bytes
            .get(end + 1..end + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit)
    {
        end += 4;
        formatted = true;
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits_from(end + 1);
        formatted = true;
    }
    let mut value = s[start..end]
        .replace(',', "")
        .parse::<f64>()
        .unwrap_or(f64::NAN);
    // "1½ million"
    if let Some(c) = s[end..].chars().next() {
        if let Some(f) = vulgar_fraction(c) {
            if !formatted || !s[start..end].contains('.') {
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
