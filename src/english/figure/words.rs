//! Numbers written in words: "seven", "thirty-five", "two and a half", "a third of a million",
//! "half a dozen", "one hundred and five".

use super::token::{word_at, Token};

/// The value of a unit or tens word ("zero" to "nineteen", "twenty" to "ninety").
pub(super) fn unit_word(w: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|t| *t == w)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

/// The value of a scale word ("thousand" to "trillion").
pub(super) fn scale_word(w: &str) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// The value of a fraction word, singular or plural ("half", "thirds", "quarter", "tenths").
pub(super) fn fraction_word(w: &str) -> Option<f64> {
    match w {
        "half" | "halves" => Some(0.5),
        "third" | "thirds" => Some(1.0 / 3.0),
        "quarter" | "quarters" => Some(0.25),
        "tenth" | "tenths" => Some(0.1),
        _ => None,
    }
}

/// A number word: a unit, a tens word, a scale, a fraction, "hundred" or "dozen".
pub fn is_number_word(w: &str) -> bool {
    unit_word(w).is_some()
        || scale_word(w).is_some()
        || fraction_word(w).is_some()
        || w == "hundred"
        || w == "dozen"
}

/// The words of a hyphenated token ("thirty-five" -> thirty, five).
fn parts(w: &str) -> Vec<&str> {
    w.split('-').collect()
}
/// A number written in words, starting at token `i`: its value, whether it holds a fraction
/// word, its scale, and the index after it.
pub(super) fn word_number(tokens: &[Token], i: usize) -> Option<(f64, bool, f64, usize)> {
    let first = word_at(tokens, i)?;
    let starts = parts(first).iter().all(|p| is_number_word(p))
        || ((first == "a" || first == "an")
            && word_at(tokens, i + 1).is_some_and(|n| {
                scale_word(n).is_some()
                    || fraction_word(n).is_some()
                    || n == "hundred"
                    || n == "dozen"
            }));
    if !starts {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    let mut j = i;
    while let Some(w) = word_at(tokens, j) {
        let next = word_at(tokens, j + 1);
        let is_article = (w == "a" || w == "an") && next.is_some_and(is_number_word);
        // "and" joins parts of one number only in "two and a half" and "one hundred and five";
        // in "between five and ten million" it joins two numbers.
        let after_hundreds = words
            .last()
            .is_some_and(|p| *p == "hundred" || scale_word(p).is_some());
        let is_and = w == "and"
            && !words.is_empty()
            && next.is_some_and(|n| {
                (after_hundreds && unit_word(n).is_some())
                    || ((n == "a" || n == "an")
                        && word_at(tokens, j + 2).is_some_and(|m| fraction_word(m).is_some()))
            });
        // "a third of a million": "of" joins a fraction to the unit it divides, but not in
        // "a third of all Russians".
        let is_of = w == "of"
            && words.last().is_some_and(|p| fraction_word(p).is_some())
            && (next == Some("a") || next == Some("an"))
            && word_at(tokens, j + 2)
                .is_some_and(|m| scale_word(m).is_some() || m == "hundred" || m == "dozen");
        if parts(w).iter().all(|p| is_number_word(p)) || is_article || is_and || is_of {
            words.extend(parts(w));
            j += 1;
        } else {
            break;
        }
    }
    Some((
        evaluate_words(&words),
        words.iter().any(|w| fraction_word(w).is_some()),
        words_scale(&words),
        j,
    ))
}

/// The scale word a number in words ends on ("two million" -> 1e6), or 1.
///
/// A unit word followed only by "hundred" and scale words scales by all of them: in "five to six
/// hundred thousand" the five is 500,000.
pub(super) fn words_scale(words: &[&str]) -> f64 {
    let multipliers = |w: &str| {
        if w == "hundred" {
            Some(100.0)
        } else {
            scale_word(w)
        }
    };
    let trailing = words
        .iter()
        .rev()
        .take_while(|w| multipliers(w).is_some())
        .count();
    let head = words.len() - trailing;
    if trailing > 0 && head == 1 && unit_word(words[0]).is_some() {
        return words[head..]
            .iter()
            .filter_map(|w| multipliers(w))
            .product();
    }
    words
        .iter()
        .rev()
        .find_map(|w| scale_word(w))
        .unwrap_or(1.0)
}

/// The value of a number in words.
///
/// "and" separates added parts: "two and a half" = 2 + 0.5, "one hundred and five" = 105, and
/// after a scale word a fraction is of that scale: "a million and a half" = 1,500,000. A
/// fraction followed by "a" or "of a" multiplies what follows: "half a million" = 500,000,
/// "a third of a million" = 333,333, "half a dozen" = 6.
pub(super) fn evaluate_words(words: &[&str]) -> f64 {
    let mut total = 0.0;
    let mut group = 0.0; // value below the current scale word
    let mut count: Option<f64> = None; // the count a fraction, dozen or hundred multiplies
    let mut last_scale: Option<f64> = None; // the scale word just before "and"
    let mut fraction_of_scale: Option<f64> = None;
    let mut multiplier: Option<f64> = None; // "half a ...": multiplies the next unit
    let mut skip_article = false;
    for (k, &w) in words.iter().enumerate() {
        let next = words.get(k + 1).copied();
        if w == "and" {
            group += count.take().unwrap_or(0.0);
            fraction_of_scale = last_scale;
            continue;
        }
        if w == "of" {
            skip_article = true;
            continue;
        }
        if w == "a" || w == "an" {
            if !std::mem::take(&mut skip_article) {
                count = Some(count.unwrap_or(0.0) + 1.0);
            }
        } else if let Some(v) = unit_word(w) {
            count = Some(count.unwrap_or(0.0) + v);
            last_scale = None;
        } else if w == "dozen" || w == "hundred" {
            let unit = if w == "dozen" { 12.0 } else { 100.0 };
            let base = multiplier.take().or(count).unwrap_or(1.0);
            count = Some(base * unit);
        } else if let Some(f) = fraction_word(w) {
            let n = count.take().unwrap_or(1.0);
            let of_what = next.is_some_and(|n| {
                matches!(n, "a" | "an" | "of" | "dozen" | "hundred") || scale_word(n).is_some()
            });
            if of_what {
                multiplier = Some(n * f);
                skip_article = next != Some("of");
            } else if let Some(s) = fraction_of_scale.take() {
                total += n * f * s;
            } else {
                group += n * f;
            }
        } else if let Some(s) = scale_word(w) {
            // "a thousand million": a scale of a scale.
            if k > 0 && scale_word(words[k - 1]).is_some() && group == 0.0 && count.is_none() {
                total *= s;
                last_scale = Some(s);
                continue;
            }
            let base = match multiplier.take() {
                Some(m) => group + m,
                None => {
                    let base = group + count.take().unwrap_or(0.0);
                    if base == 0.0 {
                        1.0
                    } else {
                        base
                    }
                }
            };
            total += base * s;
            group = 0.0;
            last_scale = Some(s);
        }
    }
    total + group + count.unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kinds, values};
    use super::super::{parse, FigureKind};
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn number_words() {
        assert_eq!(values("At seven, he"), vec![7.0]);
        assert_eq!(values("twenty six countries"), vec![26.0]);
        assert_eq!(values("over thirty-five percent"), vec![35.0]);
        assert_eq!(kinds("over thirty-five percent"), vec![FigureKind::Percent]);
        assert_eq!(
            values("around one hundred thousand political prisoners"),
            vec![100_000.0]
        );
        assert_eq!(values("more than a million people"), vec![1_000_000.0]);
        assert_eq!(values("an estimated four million POWs"), vec![4_000_000.0]);
        assert_eq!(values("thirteen members"), vec![13.0]);
    }

    #[test]
    fn fractions_of_a_unit() {
        assert_eq!(values("Half a million fled"), vec![500_000.0]);
        assert_eq!(values("half a dozen"), vec![6.0]);
        assert_eq!(values("a million and a half"), vec![1_500_000.0]);
        assert_eq!(values("two and a half million"), vec![2_500_000.0]);
        assert_eq!(values("one and a half million"), vec![1_500_000.0]);
        assert_relative_eq!(values("a third of a million")[0], 1e6 / 3.0);
        assert_eq!(values("1½ million"), vec![1_500_000.0]);
        assert_eq!(values("½ million"), vec![500_000.0]);
        assert_eq!(values("a hundred thousand"), vec![100_000.0]);
        assert_eq!(values("a 2-million-strong army"), vec![2e6]);
        assert!(parse("a 2-million-strong army").ranges.is_empty());
        assert_eq!(values("a half dozen"), vec![6.0]);
        assert_eq!(values("a half million"), vec![500_000.0]);
        assert_eq!(values("a thousand million"), vec![1e9]);
        assert_eq!(values("a million million"), vec![1e12]);
        assert_eq!(values("two hundred and fifty thousand"), vec![250_000.0]);
        assert_eq!(values("three quarters of a million"), vec![750_000.0]);
        assert_eq!(values("one and a half thousand"), vec![1_500.0]);
        assert_eq!(
            values("five to six hundred thousand"),
            vec![500_000.0, 600_000.0]
        );
        assert_eq!(
            values("twenty to thirty thousand"),
            vec![20_000.0, 30_000.0]
        );
        // A fraction of something that is not a number stays a share.
        assert_relative_eq!(values("a third of all Russians")[0], 100.0 / 3.0);
        assert_eq!(kinds("half of them"), vec![FigureKind::Percent]);
    }

    #[test]
    fn and_joins_numbers_only_where_english_does() {
        assert_eq!(values("one hundred and five"), vec![105.0]);
        assert_eq!(values("five and ten"), vec![5.0, 10.0]);
    }

    #[test]
    fn single_words() {
        assert_eq!(unit_word("nineteen"), Some(19.0));
        assert_eq!(unit_word("ninety"), Some(90.0));
        assert_eq!(unit_word("hundred"), None);
        assert_eq!(scale_word("trillion"), Some(1e12));
        assert_relative_eq!(fraction_word("thirds").unwrap_or(0.0), 1.0 / 3.0);
        assert!(is_number_word("dozen"));
        assert!(
            !is_number_word("dozens"),
            "a plural is a magnitude, not a number"
        );
    }

    #[test]
    fn values_and_scales_of_word_lists() {
        assert_relative_eq!(evaluate_words(&["two", "and", "a", "half"]), 2.5);
        assert_relative_eq!(
            evaluate_words(&["a", "third", "of", "a", "million"]),
            1e6 / 3.0
        );
        assert_relative_eq!(evaluate_words(&["twenty", "five", "thousand"]), 25_000.0);
        assert_relative_eq!(words_scale(&["two", "million"]), 1e6);
        // "five to six hundred thousand": the six scales by a hundred thousand.
        assert_relative_eq!(words_scale(&["six", "hundred", "thousand"]), 1e5);
        assert_relative_eq!(words_scale(&["twenty", "five", "thousand"]), 1e3);
        assert_relative_eq!(words_scale(&["seven"]), 1.0);
    }
}
