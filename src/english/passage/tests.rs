//! Unit tests of `passage`.

use super::*;

const BODY: &str = "First line.\nHistorians now estimate that nearly 700,000 people were executed. Some experts disagree. More.\nLast.";

/// What the first occurrence of `quote` cuts into, shown with it.
fn shown_cut<'a>(body: &'a str, quote: &str) -> Option<&'a str> {
    let span = occurrences(body, quote).next().unwrap();
    cut(body, &span).map(|r| &body[r])
}

#[test]
fn a_passage_inside_a_number_or_word_is_cut() {
    let body = "In 1893 some 12,345 people, over 1,500,000 men and about 3.75 million fled; tens died. 345 left.";
    let shown = |quote: &str| shown_cut(body, quote);
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
    // A leading separator belongs to the number; number words run on; so do hyphenated
    // and possessive words and a combining accent.
    let body = "Of 12,345 men, 12.5 million fled; thirty-five thousand and twenty five thousand stayed. Stalin's 500 guards, 500 cafe\u{301} owners.";
    let shown = |quote: &str| shown_cut(body, quote);
    assert_eq!(shown(",345 men"), Some("12,345 men"));
    assert_eq!(shown(".5 million"), Some("12.5 million"));
    assert_eq!(shown("five thousand and"), Some("thirty-five thousand and"));
    assert!(is_cut(
        body,
        &occurrences(body, "five thousand stayed").next().unwrap()
    ));
    assert!(is_cut(
        body,
        &occurrences(body, "s 500 guards").next().unwrap()
    ));
    assert!(is_cut(body, &occurrences(body, "500 cafe").next().unwrap()));
    assert!(!is_cut(
        body,
        &occurrences(body, "twenty five thousand stayed")
            .next()
            .unwrap()
    ));
    // Scripts without spaces between words: the figure stands on its own.
    let body = "据统计，约有500人死亡。約500人が死亡した。";
    assert_eq!(find_all(body, "500人").len(), 2);
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
    assert!(BODY[p].starts_with("Historians") && BODY[paragraph(BODY, &span)].ends_with("More."));
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

#[test]
fn a_passage_that_ends_or_starts_inside_a_footnote_marker_cuts_it() {
    let body = "27 Coale[2] Demographics: 16 million.[3] Later.";
    let shown = |quote: &str| shown_cut(body, quote);
    assert_eq!(shown("27 Coale[2"), Some("27 Coale[2]"));
    assert!(shown("3] Later").is_some_and(|s| s.ends_with("[3] Later")));
    assert_eq!(shown("27 Coale[2]"), None);
    assert_eq!(shown("16 million.[3]"), None);
    assert_eq!(shown("16 million"), None);
}

// Regression (issue 13): sentences did not end at a footnote marker, so a whole paragraph
// of a Wikipedia text was shown as the sentence of each of its figures.
#[test]
fn a_sentence_ends_at_a_footnote_marker() {
    let body = "The famine killed 2.4 million people.[3] Later work found 800,000 more.\"[5][6] Then 1,000 fled.[note 2] “Only 30 came.”[7] End.";
    let shown = |quote: &str| &body[sentence(body, &find_all(body, quote)[0])];
    assert_eq!(
        shown("2.4 million"),
        "The famine killed 2.4 million people.[3]"
    );
    assert_eq!(shown("800,000"), "Later work found 800,000 more.\"[5][6]");
    assert_eq!(shown("1,000"), "Then 1,000 fled.[note 2]");
    assert_eq!(shown("30 came"), "“Only 30 came.”[7]");
}
