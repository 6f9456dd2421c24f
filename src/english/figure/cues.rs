//! The words that qualify a figure ("nearly", "up to", "no fewer than", "c. 1,000"): see README,
//! Qualifiers.

use super::figure_at;
use super::token::{word_at, Tok, Token};
use crate::model::Qualifier;

/// Qualifier phrases, longest first so that "no more than" is not read as "more than" and
/// "no fewer than" not as "fewer than". A comparative ([`compares`]) counts only before a figure.
const CUES: &[(&[&str], Qualifier)] = &[
    (&["not", "in", "excess", "of"], Qualifier::AtMost),
    (&["nothing", "less", "than"], Qualifier::AtLeast),
    (&["not", "upwards", "of"], Qualifier::AtMost),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::Over),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["not", "nearly"], Qualifier::AtMost),
    (&["not", "quite"], Qualifier::Nearly),
    (&["not", "over"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::AtMost),
    (&["less", "than"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["within"], Qualifier::AtMost),
    (&["at", "least"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::Over),
    (&["upwards", "of"], Qualifier::Over),
    (&["up", "to"], Qualifier::UpTo),
    (&["minimum"], Qualifier::AtLeast),
    (&["maximum"], Qualifier::AtMost),
    (&["estimated"], Qualifier::About),
    (&["probably"], Qualifier::About),
    (&["circa"], Qualifier::About),
];

/// Single qualifying words that may also stand between a range's connector and its second
/// figure ("4 million to nearly 10 million"). Read as cues after `CUES`, as no phrase there
/// starts with one of them.
const QUALIFYING_WORDS: &[(&str, Qualifier)] = &[
    ("over", Qualifier::Over),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("some", Qualifier::About),
];

/// Qualifier words that are also common words ("under Stalin", "close to Moscow"): they count
/// only right before a figure. Abbreviations ("c. 1,000", "approx. 3 million") need their full
/// stop.
const CUES_BEFORE_A_FIGURE: &[(&[&str], bool, Qualifier)] = &[
    (&["not", "close", "to"], false, Qualifier::AtMost),
    (&["not", "under"], false, Qualifier::AtLeast),
    (&["close", "to"], false, Qualifier::Nearly),
    (&["under"], false, Qualifier::AtMost),
    (&["approx"], true, Qualifier::About),
    (&["ca"], true, Qualifier::About),
    (&["c"], true, Qualifier::About),
];

/// Whether a phrase is a comparative ("more than", "no fewer than", "in excess of"): before a
/// figure it qualifies it ("more than 800,000"), anywhere else it compares two amounts and
/// qualifies nothing ("800,000 more than the earlier figure", "300 fewer than in 1937").
fn compares(phrase: &[&str]) -> bool {
    phrase.last() == Some(&"than") || phrase.ends_with(&["excess", "of"])
}

/// The qualifier an English word or phrase of these tables names ("approximately" is `about`,
/// "more than" `over`, "as many as" `up_to`, "c." `about`), so that a row that writes the word
/// where the vocabulary wants the qualifier is told which one; `None` for anything else.
pub fn qualifier_of_words(words: &str) -> Option<Qualifier> {
    let lower = words.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '_' | '-' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    CUES.iter()
        .map(|(phrase, q)| (*phrase, *q))
        .chain(
            QUALIFYING_WORDS
                .iter()
                .map(|(word, q)| (std::slice::from_ref(word), *q)),
        )
        .chain(
            CUES_BEFORE_A_FIGURE
                .iter()
                .map(|(phrase, _, q)| (*phrase, *q)),
        )
        .find(|(phrase, _)| *phrase == words.as_slice())
        .map(|(_, q)| q)
}

fn phrase_at(tokens: &[Token], i: usize, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(k, p)| word_at(tokens, i + k) == Some(p))
}

pub(super) fn cues(tokens: &[Token]) -> Vec<Qualifier> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let phrase = CUES.iter().find(|(phrase, _)| phrase_at(tokens, i, phrase));
        if let Some((phrase, _)) = phrase.filter(|(p, _)| compares(p)) {
            let next = i + phrase.len();
            if next >= tokens.len() || figure_at(tokens, next).is_none() {
                // Skip the whole phrase, so that "more than" of "no more than" is not read next.
                i = next;
                continue;
            }
        }
        let hit = phrase
            .map(|(phrase, q)| (phrase.len(), *q))
            .or_else(|| {
                let w = word_at(tokens, i)?;
                let (_, q) = QUALIFYING_WORDS.iter().find(|(word, _)| *word == w)?;
                Some((1, *q))
            })
            .or_else(|| {
                CUES_BEFORE_A_FIGURE.iter().find_map(|(phrase, stop, q)| {
                    if !phrase_at(tokens, i, phrase) {
                        return None;
                    }
                    let mut next = i + phrase.len();
                    if *stop {
                        if !matches!(tokens.get(next).map(|t| &t.tok), Some(Tok::Sym('.'))) {
                            return None;
                        }
                        next += 1;
                    }
                    (next < tokens.len() && figure_at(tokens, next).is_some())
                        .then_some((next - i, *q))
                })
            });
        match hit {
            Some((len, q)) => {
                if !found.contains(&q) {
                    found.push(q);
                }
                i += len;
            }
            None => i += 1,
        }
    }
    found
}
/// True when the figure ending before token `left.1` (and starting at `left.0`) and the one
/// starting at token `right_start` are joined as a range: by "to", a dash, or "and" after
/// "between", followed only by qualifying words ("4 million to nearly 10 million").
pub(super) fn joins_range(tokens: &[Token], left: (usize, usize), right_start: usize) -> bool {
    let (first, end) = left;
    let qualified = right_start > end
        && (end + 1..right_start).all(|t| {
            word_at(tokens, t).is_some_and(|w| QUALIFYING_WORDS.iter().any(|(q, _)| *q == w))
        });
    if !qualified {
        return false;
    }
    let between = first > 0 && word_at(tokens, first - 1) == Some("between");
    match tokens.get(end).map(|t| &t.tok) {
        Some(Tok::Word(w)) => w == "to" || (w == "and" && between),
        Some(Tok::Sym(c)) => matches!(c, '–' | '-' | '—'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::{qualifier_of_words, QUALIFYING_WORDS};
    use crate::model::Qualifier;

    #[test]
    fn qualifier_cues() {
        assert_eq!(parse("nearly 700,000 people").cues, vec![Qualifier::Nearly]);
        assert_eq!(parse("Over 100,000 were shot").cues, vec![Qualifier::Over]);
        assert_eq!(parse("as many as five million").cues, vec![Qualifier::UpTo]);
        assert_eq!(parse("up to 30 million").cues, vec![Qualifier::UpTo]);
        assert_eq!(parse("no more than ten days").cues, vec![Qualifier::AtMost]);
        assert_eq!(
            parse("a minimum of around 10 million").cues,
            vec![Qualifier::AtLeast, Qualifier::About]
        );
        assert_eq!(parse("some 390,000 deaths").cues, vec![Qualifier::About]);
        assert!(parse("353,074 in 1937").cues.is_empty());
    }

    #[test]
    fn negated_and_less_common_cues() {
        for (quote, cue) in [
            ("no fewer than 500 people", Qualifier::AtLeast),
            ("not fewer than 500", Qualifier::AtLeast),
            ("no less than 2 million", Qualifier::AtLeast),
            ("not less than 2 million", Qualifier::AtLeast),
            ("not nearly 400", Qualifier::AtMost),
            ("under 1,000 people", Qualifier::AtMost),
            ("in excess of 20,000", Qualifier::Over),
            ("close to 400", Qualifier::Nearly),
            ("a maximum of 3,000", Qualifier::AtMost),
            ("approx. 3 million", Qualifier::About),
            ("c. 1,000 men", Qualifier::About),
            ("not under 500", Qualifier::AtLeast),
            ("nothing less than 500", Qualifier::AtLeast),
            ("not in excess of 500", Qualifier::AtMost),
            ("not upwards of 500", Qualifier::AtMost),
            ("not close to 500", Qualifier::AtMost),
        ] {
            assert_eq!(parse(quote).cues, vec![cue], "{quote}");
        }
        // Common words that qualify nothing unless a figure follows.
        assert!(parse("under Stalin, 1,000 were shot").cues.is_empty());
        assert!(parse("close to Moscow 400 died").cues.is_empty());
        assert!(parse("section c 400").cues.is_empty());
    }

    // Regression: "800,000 more than the earlier figure" was read as `over` (issue 13).
    #[test]
    fn more_than_after_a_figure_compares_and_qualifies_nothing() {
        for quote in [
            "800,000 more than the earlier figure",
            "300 fewer than in 1937",
            "2 million less than Conquest's estimate",
            "500 no more than the year before",
            "20,000 in excess of the quota",
            "800,000 people more than the earlier figure",
            "a toll more than double",
        ] {
            assert!(parse(quote).cues.is_empty(), "{quote}");
        }
        // Before a figure, the same words qualify it.
        for (quote, cue) in [
            ("more than 800,000", Qualifier::Over),
            ("more than a million", Qualifier::Over),
            ("fewer than a third", Qualifier::AtMost),
            ("less than half of them", Qualifier::AtMost),
            ("no more than ten days", Qualifier::AtMost),
            ("not in excess of 500", Qualifier::AtMost),
            ("2.4 million, more than 800,000 of them", Qualifier::Over),
        ] {
            assert_eq!(parse(quote).cues, vec![cue], "{quote}");
        }
    }

    #[test]
    fn qualifying_words_are_cues_and_may_follow_a_range_connector() {
        for (word, cue) in QUALIFYING_WORDS {
            assert_eq!(
                parse(&format!("{word} 10 million")).cues,
                vec![*cue],
                "{word}"
            );
            let quote = format!("4 million to {word} 10 million");
            assert_eq!(parse(&quote).ranges, vec![(0, 1)], "{quote}");
        }
        // Any other word between the connector and the figure breaks the range.
        assert!(parse("4 million to perhaps 10 million").ranges.is_empty());
    }

    #[test]
    fn range_connectors() {
        assert_eq!(parse("5 — 10").ranges, vec![(0, 1)]);
        assert_eq!(parse("between 5 and 10").ranges, vec![(0, 1)]);
        assert!(parse("5 and 10").ranges.is_empty());
        assert!(parse("5, 10").ranges.is_empty());
    }

    #[test]
    fn english_words_name_their_qualifier() {
        for (words, q) in [
            ("approximately", Qualifier::About),
            ("Around", Qualifier::About),
            ("roughly", Qualifier::About),
            ("c.", Qualifier::About),
            ("almost", Qualifier::Nearly),
            ("more than", Qualifier::Over),
            ("more_than", Qualifier::Over),
            ("as many as", Qualifier::UpTo),
            ("no fewer than", Qualifier::AtLeast),
            ("at-least", Qualifier::AtLeast),
            ("under", Qualifier::AtMost),
        ] {
            assert_eq!(qualifier_of_words(words), Some(q), "{words}");
        }
        for words in ["", "abot", "more", "than", "exactly about"] {
            assert_eq!(qualifier_of_words(words), None, "{words}");
        }
    }
}
