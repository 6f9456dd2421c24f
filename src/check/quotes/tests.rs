//! Unit tests of `quotes`.

use super::*;
use crate::model::sample::{self, one, row, CONTEXT};
use crate::model::Contents;

/// The findings for `quote` in a text of `body`, and whether the quote stands in it.
fn quote_in(body: &str, quote: &str) -> (bool, Vec<Finding>) {
    let text = sample::text("text", body);
    let index = TextIndex::new(&text.body);
    let loc = row("estimates.csv", sample::ESTIMATES, 5).cell("quote");
    let mut findings = Vec::new();
    let stands = check_quote(quote, &text, &index, &loc, &mut findings).is_some();
    (stands, findings)
}

#[test]
fn a_quote_that_occurs_once_passes() {
    let (stands, findings) = quote_in("In all, 400 died in the camps.", "400 died");
    assert!(stands);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn an_empty_quote_is_reported() {
    let (stands, findings) = quote_in("400 died.", "  ");
    assert!(!stands);
    assert!(one(&findings, Code::EmptyQuote)
        .message
        .starts_with("the quote is empty"));
}

#[test]
fn a_missing_quote_names_the_text_file() {
    let (stands, findings) = quote_in("400 died.", "500 died");
    assert!(!stands);
    let f = one(&findings, Code::QuoteNotFound);
    assert_eq!(f.message, "quote \"500 died\" is not in texts/text.txt");
    assert_eq!((f.file.as_str(), f.line), ("estimates.csv", 5));
}

#[test]
fn a_quote_typed_with_other_dashes_gets_the_folding_hint() {
    let (_, findings) = quote_in("the famine of 1932–1933 killed", "famine of 1932-1933");
    let f = one(&findings, Code::QuoteNotFound);
    assert!(f
        .message
        .contains("it matches once spaces, dashes and quote marks are folded"));
}

#[test]
fn a_quote_with_a_bare_line_feed_gets_the_crlf_hint() {
    let (_, findings) = quote_in("400 died\r\nin the camps", "400 died\nin the camps");
    let f = one(&findings, Code::QuoteNotFound);
    assert!(f.message.contains("with the text's CRLF line ending"));
}

#[test]
fn a_quote_inside_a_longer_number_cuts_the_figure() {
    let (stands, findings) = quote_in("Some 12,345 people fled.", "2,345 people");
    assert!(!stands);
    let f = one(&findings, Code::QuoteCutsFigure);
    assert!(f.message.starts_with(
        "quote \"2,345 people\" is in texts/text.txt only inside a longer word or number: at 1:7 it is part of \"12,345 people\""
    ), "{}", f.message);
}

// Regression (issue 16): a soft hyphen inside "1\u{ad}500" passed unseen.
#[test]
fn an_invisible_character_inside_a_quoted_number_is_an_error() {
    let (stands, findings) = quote_in("About 1\u{ad}500 died.", "About 1\u{ad}500");
    assert!(stands);
    let f = one(&findings, Code::InvisibleInNumber);
    assert!(
        f.message.contains("U+00AD SOFT HYPHEN inside 1\\u{ad}500"),
        "{}",
        f.message
    );
    assert!(
        f.message.ends_with("so the figure reads 1500 to everyone"),
        "{}",
        f.message
    );
}

#[test]
fn a_quote_found_twice_is_ambiguous_but_stands() {
    let (stands, findings) = quote_in("400 died. Then 400 died.", "400 died");
    assert!(stands);
    let f = one(&findings, Code::AmbiguousQuote);
    assert_eq!(f.severity, crate::model::finding::Severity::Warning);
    assert_eq!(
        f.message,
        "quote \"400 died\" occurs 2 times in texts/text.txt (at 1:1, 1:16); lengthen it until it is unique"
    );
}

// Regression (issue 13): the quote "800,000 more than the earlier figure", shortened to
// "800,000", was reported as `ambiguous-quote`. A figure the text holds once stands once,
// also beside a longer number, a footnote marker or a range that contains its digits.
#[test]
fn a_quote_shortened_to_its_figure_is_not_ambiguous_when_the_text_holds_it_once() {
    let body = "The famine killed 2.4 million people,[3] 800,000 more than the earlier figure of 1,800,000 (1.800.000 in German) or 2,800,000–3,800,000.[4]";
    let (stands, findings) = quote_in(body, "800,000");
    assert!(stands);
    assert!(findings.is_empty(), "{findings:#?}");
    let (_, findings) = quote_in(&format!("{body} Then 800,000 more died."), "800,000");
    assert!(one(&findings, Code::AmbiguousQuote)
        .message
        .contains("occurs 2 times"));
}

#[test]
fn an_ambiguous_quote_lists_at_most_ten_places() {
    let (_, findings) = quote_in(&"x 7 ".repeat(12), "7");
    let message = &one(&findings, Code::AmbiguousQuote).message;
    assert!(message.contains("occurs 12 times"));
    assert!(message.contains("1:39, …)"), "{message}");
}

#[test]
fn shorten_keeps_80_characters_and_counts_the_rest() {
    assert_eq!(shorten("short"), "short");
    let long = "é".repeat(100);
    assert_eq!(
        shorten(&long),
        format!("{}… (100 characters)", "é".repeat(80))
    );
}

fn contexts(contents: Contents) -> Vec<Finding> {
    let data = Dataset::new(contents);
    let indexes = indexes(&data);
    let mut findings = Vec::new();
    check_contexts(&data, &indexes, &mut findings);
    findings
}

#[test]
fn a_context_passage_is_checked_for_id_topic_text_and_quote() {
    let mut contents = sample::contents("The archives leave out the deportees.");
    contents.contexts = vec![
        sample::context("why", "text", "archives leave out the deportees"),
        crate::model::Context {
            topic: String::new(),
            pos: row("context.csv", CONTEXT, 3),
            ..sample::context("why", "txt", "anything")
        },
        crate::model::Context {
            pos: row("context.csv", CONTEXT, 4),
            ..sample::context("how", "text", "archives include the deportees")
        },
    ];
    let findings = contexts(contents);
    assert_eq!(
        sample::codes(&findings),
        [
            Code::DuplicateId,
            Code::MissingValue,
            Code::UnknownReference,
            Code::QuoteNotFound
        ]
    );
    assert_eq!(
        findings[0].message,
        "context passage id `why` is already used on line 2"
    );
    assert_eq!(findings[1].column, sample::column(CONTEXT, "topic"));
    assert_eq!(
        findings[2].message,
        "text `txt` is not defined; did you mean `text`?"
    );
    assert_eq!(findings[3].line, 4);
}
