//! The tokenizer under the figure parser: digits (with thousands separators, decimals and
//! vulgar fractions), words (split where leading number words are hyphenated to a noun) and
//! symbols.

use std::ops::Range;

use super::words::is_number_word;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Num(f64),
    /// Digits with a thousands separator or a decimal point; never a year.
    Formatted(f64),
    Word(String),
    Sym(char),
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) tok: Tok,
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

pub(super) fn tokenize(s: &str) -> Vec<Token> {
    let bytes = s.as_bytes();
    let mut tokens = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let mut end = start;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
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
                end += 1;
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
                formatted = true;
            }
            let mut value = s[start..end]
                .replace(',', "")
                .parse::<f64>()
                .unwrap_or(f64::NAN);
            // "1½ million"
            if let Some(f) = s[end..].chars().next().and_then(vulgar_fraction) {
                if !formatted || !s[start..end].contains('.') {
                    value += f;
                    end += s[end..].chars().next().map_or(0, char::len_utf8);
                    formatted = true;
                }
            }
            tokens.push(Token {
                tok: if formatted {
                    Tok::Formatted(value)
                } else {
                    Tok::Num(value)
                },
                span: start..end,
            });
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
        } else if let Some(f) = vulgar_fraction(c) {
            chars.next();
            tokens.push(Token {
                tok: Tok::Formatted(f),
                span: start..start + c.len_utf8(),
            });
        } else if c.is_alphabetic() {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                let joins = (c == '-' || c == '\'' || c == '’')
                    && s[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if c.is_alphabetic() || joins {
                    end = i + c.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = s[start..end].to_lowercase();
            // "five-member", "two-year": the leading number words are a figure of their own.
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
        } else {
            chars.next();
            if !c.is_whitespace() {
                tokens.push(Token {
                    tok: Tok::Sym(c),
                    span: start..start + c.len_utf8(),
                });
            }
        }
    }
    tokens
}

pub(super) fn word_at(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::values;

    #[test]
    fn hyphenated_number_words() {
        assert_eq!(values("a five-member Politburo"), vec![5.0]);
        assert_eq!(values("thirty-five"), vec![35.0]);
    }
}
