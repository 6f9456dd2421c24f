//! Unit tests of `agreement`.

use super::*;
use crate::english::figure;
use crate::model::sample::{self, one, ESTIMATES};

const BODY: &str = "About 400 people died in the first winter. Nearly 700 people fled. \
    Between 2 and 3 million were deported. Tens of thousands were shot. Many died.";

fn check(body: &str, e: Estimate, unreadable_texts: &[&str]) -> Vec<Finding> {
    let mut contents = sample::contents(body);
    contents.estimates = vec![e];
    contents.unreadable_texts = unreadable_texts.iter().map(|t| t.to_string()).collect();
    let data = Dataset::new(contents);
    let indexes = crate::check::quotes::indexes(&data);
    let mut findings = Vec::new();
    check_estimate(&data, &data.estimates[0], &indexes, &mut findings);
    findings
}

fn about_400() -> Estimate {
    sample::estimate(
        "e1",
        "deaths",
        Qualifier::About,
        400.0,
        "About 400 people died",
    )
}

fn band(qualifier: Qualifier, low: f64, high: f64, quote: &str) -> Estimate {
    Estimate {
        low: Some(low),
        point: None,
        high: Some(high),
        ..sample::estimate("e1", "deaths", qualifier, 0.0, quote)
    }
}

#[test]
fn an_estimate_that_agrees_with_its_quote_passes() {
    let findings = check(BODY, about_400(), &[]);
    assert!(findings.is_empty(), "{findings:#?}");
    let range = band(Qualifier::Range, 2e6, 3e6, "Between 2 and 3 million");
    let findings = check(BODY, range, &[]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn unknown_quantity_source_and_text_are_reported() {
    let e = Estimate {
        quantity: "death".into(),
        source: "nobody".into(),
        text: "elsewhere".into(),
        ..about_400()
    };
    let findings = check(BODY, e, &[]);
    assert_eq!(sample::codes(&findings), [Code::UnknownReference; 3]);
    assert_eq!(
        findings[0].message,
        "quantity `death` is not defined; did you mean `deaths`?"
    );
    assert_eq!(findings[1].message, "source `nobody` is not defined");
    assert!(findings[2]
        .message
        .starts_with("text `elsewhere` is not defined"));
    assert_eq!(findings[2].column, sample::column(ESTIMATES, "text"));
}

#[test]
fn a_text_that_could_not_be_read_is_not_reported_again() {
    let e = Estimate {
        text: "gone".into(),
        ..about_400()
    };
    assert!(check(BODY, e, &["gone"]).is_empty());
}

#[test]
fn a_quote_not_in_the_text_is_not_checked_for_its_figure() {
    let e = Estimate {
        point: Some(999.0),
        quote: "About 999 people died".into(),
        ..about_400()
    };
    assert_eq!(sample::codes(&check(BODY, e, &[])), [Code::QuoteNotFound]);
}

fn columns(e: &Estimate) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_columns(e, e.qualifier.unwrap_or(Qualifier::Exact), &mut findings);
    findings
}

#[test]
fn a_band_needs_low_and_high() {
    let e = Estimate {
        low: None,
        high: None,
        ..band(Qualifier::Range, 0.0, 0.0, "")
    };
    let findings = columns(&e);
    assert_eq!(sample::codes(&findings), [Code::MissingValue; 2]);
    assert_eq!(findings[0].message, "qualifier `range` needs `low`");
    assert_eq!(findings[1].message, "qualifier `range` needs `high`");
}

#[test]
fn an_unreadable_cell_is_not_reported_missing_as_well() {
    let e = Estimate {
        point: None,
        unreadable: crate::model::Unreadable::of(["point"]),
        ..about_400()
    };
    assert!(columns(&e).is_empty());
    let e = Estimate {
        point: None,
        ..about_400()
    };
    let findings = columns(&e);
    assert_eq!(
        one(&findings, Code::MissingValue).message,
        "qualifier `about` needs `point`"
    );
}

#[test]
fn a_point_qualifier_forbids_low_and_high() {
    let e = Estimate {
        high: Some(500.0),
        ..about_400()
    };
    let findings = columns(&e);
    let f = one(&findings, Code::UnexpectedValue);
    assert_eq!(
        f.message,
        "qualifier `about` takes its interval from `point` by rule; leave `high` empty (or use `range`)"
    );
    assert_eq!(f.column, sample::column(ESTIMATES, "high"));
}

#[test]
fn low_above_high_is_out_of_order() {
    let findings = columns(&band(Qualifier::Range, 3e6, 2e6, ""));
    let f = one(&findings, Code::BadOrder);
    assert_eq!(
        f.message,
        "`low` (3000000) is greater than `high` (2000000); expected low <= point <= high"
    );
    assert_eq!(f.column, sample::column(ESTIMATES, "high"));
}

#[test]
fn a_quote_without_a_number_has_no_figure() {
    let e = Estimate {
        quote: "Many died".into(),
        ..about_400()
    };
    let findings = check(BODY, e, &[]);
    assert_eq!(
        one(&findings, Code::NoFigure).message,
        "no figure found in quote \"Many died\"; the quote must hold the number"
    );
}

#[test]
fn a_value_the_quote_does_not_state_is_a_mismatch() {
    let e = Estimate {
        point: Some(500.0),
        ..about_400()
    };
    let findings = check(BODY, e, &[]);
    let f = one(&findings, Code::ValueMismatch);
    assert_eq!(
        f.message,
        "`point` is 500 but the quote \"About 400 people died\" states 400"
    );
    assert_eq!(f.column, sample::column(ESTIMATES, "point"));
}

#[test]
fn a_range_given_as_one_end_twice_is_a_mismatch() {
    let e = band(Qualifier::Range, 2e6, 2e6, "Between 2 and 3 million");
    let findings = check(BODY, e, &[]);
    let f = one(&findings, Code::ValueMismatch);
    assert_eq!(
        f.message,
        "`low` and `high` are both 2000000 but the quote \"Between 2 and 3 million\" states 2 million to 3 million: give both ends"
    );
    assert_eq!(f.column, sample::column(ESTIMATES, "high"));
}

#[test]
fn a_qualifier_the_wording_does_not_give_is_a_mismatch() {
    let cases = [
        (
            Qualifier::Exact,
            "About 400 people died",
            "the quote qualifies the figure (about); use that qualifier instead of `exact`",
        ),
        (
            Qualifier::Over,
            "About 400 people died",
            "the quote's wording says about",
        ),
        (
            Qualifier::Nearly,
            "400 people died",
            "the quote has no qualifying word for it; use `exact`",
        ),
        (
            Qualifier::Range,
            "About 400 people died",
            "the quote states no range (X to Y, X–Y, between X and Y)",
        ),
        (
            Qualifier::Magnitude,
            "About 400 people died",
            "the quote states no vague magnitude (tens of thousands, millions...)",
        ),
        (
            Qualifier::Ratio,
            "About 400 people died",
            "the quote states no multiplier (\"two and a half times\")",
        ),
        (
            Qualifier::About,
            "Between 2 and 3 million",
            "the quote states a range; use `range` with low and high",
        ),
        (
            Qualifier::About,
            "Tens of thousands",
            "the quote states a vague magnitude (thousands, tens of thousands, several hundred...)",
        ),
    ];
    for (q, quote, problem) in cases {
        let e = Estimate {
            quote: quote.into(),
            ..about_400()
        };
        let mut findings = Vec::new();
        check_qualifier(&e, q, &figure::parse(quote).cues, &mut findings);
        let f = one(&findings, Code::QualifierMismatch);
        let expected = format!("qualifier `{q}` does not fit quote \"{quote}\": {problem}");
        assert!(f.message.starts_with(&expected), "{}", f.message);
        assert_eq!(f.column, sample::column(ESTIMATES, "qualifier"));
    }
}

#[test]
fn the_qualifier_the_wording_gives_passes() {
    let cases = [
        (Qualifier::About, "About 400 people died"),
        (Qualifier::Nearly, "Nearly 700 people fled"),
        (Qualifier::Exact, "400 people died"),
        (Qualifier::Range, "Between 2 and 3 million"),
        (Qualifier::Magnitude, "Tens of thousands"),
    ];
    for (q, quote) in cases {
        let mut findings = Vec::new();
        check_qualifier(&about_400(), q, &figure::parse(quote).cues, &mut findings);
        assert!(findings.is_empty(), "{q} {quote}: {findings:#?}");
    }
}

/// An estimate that cites its source's work: no text, no quote.
fn cited() -> Estimate {
    Estimate {
        text: Default::default(),
        quote: Default::default(),
        locator: "p. 614".into(),
        ..about_400()
    }
}

#[test]
fn a_citation_estimate_needs_its_sources_citation_and_nothing_else() {
    let findings = check(BODY, cited(), &[]);
    let f = one(&findings, Code::MissingCitation);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(f.column, sample::column(ESTIMATES, "source"));
    assert!(f.message.contains("source `src` has no `citation`"));

    let mut contents = sample::contents(BODY);
    contents.sources[0].citation = "Ashton et al. 1984, Population and Development Review".into();
    contents.estimates = vec![cited()];
    let data = Dataset::new(contents);
    assert_eq!(data.provenance(&data.estimates[0]), Provenance::Citation);
    let mut findings = Vec::new();
    check_estimate(
        &data,
        &data.estimates[0],
        &HashMap::default(),
        &mut findings,
    );
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn a_survey_needs_a_quote_that_surveys_estimates() {
    let body =
        "Estimates range from 0.8 million to 3.8 million. Between 2 and 3 million were deported.";
    let survey = band(
        Qualifier::Survey,
        0.8e6,
        3.8e6,
        "Estimates range from 0.8 million to 3.8 million",
    );
    assert!(check(body, survey, &[]).is_empty());
    let not = band(Qualifier::Survey, 2e6, 3e6, "Between 2 and 3 million");
    let findings = check(body, not, &[]);
    assert!(one(&findings, Code::QualifierMismatch)
        .message
        .contains("the quote surveys no estimates"));
}

#[test]
fn a_quote_in_a_dataset_without_texts_says_there_are_none() {
    let mut contents = sample::contents(BODY);
    contents.texts.clear();
    contents.estimates = vec![about_400()];
    let data = Dataset::new(contents);
    let mut findings = Vec::new();
    check_estimate(
        &data,
        &data.estimates[0],
        &HashMap::default(),
        &mut findings,
    );
    assert!(one(&findings, Code::UnknownReference)
        .message
        .contains("the dataset has no texts: add texts.csv"));
}

// Regression (issue 13): "800,000 more than the earlier figure" compares two figures; it was read
// as `over` and an `exact` row was a qualifier-mismatch.
#[test]
fn more_than_after_the_figure_is_no_qualifier_of_it() {
    let body = "The famine killed 2.4 million people, 800,000 more than the earlier figure.";
    let exact = |quote: &str| sample::estimate("e1", "deaths", Qualifier::Exact, 800_000.0, quote);
    for quote in ["800,000 more than the earlier figure", "800,000"] {
        let findings = check(body, exact(quote), &[]);
        assert!(findings.is_empty(), "{quote}: {findings:#?}");
    }
    let over = sample::estimate(
        "e1",
        "deaths",
        Qualifier::Over,
        800_000.0,
        "800,000 more than",
    );
    let findings = check(body, over, &[]);
    assert!(one(&findings, Code::QualifierMismatch)
        .message
        .contains("the quote has no qualifying word for it; use `exact`"));
}

// Regression (issue 13): `value-mismatch` showed a rounded reading of the quote's figure
// ("states 266.67") rather than the figure as written ("266.667").
#[test]
fn a_value_mismatch_quotes_the_figure_as_written() {
    let body =
        "The index stood at 266.667 in the district; tens of thousands fled; 1,200,000 stayed.";
    for (quote, stated) in [
        ("266.667 in the district", "266.667"),
        ("1,200,000 stayed", "1,200,000"),
        (
            "tens of thousands fled",
            "tens of thousands (10,000–100,000)",
        ),
    ] {
        let e = sample::estimate("e1", "deaths", Qualifier::Exact, 266.67, quote);
        let findings = check(body, e, &[]);
        let f = one(&findings, Code::ValueMismatch);
        assert!(
            f.message.ends_with(&format!("\"{quote}\" states {stated}")),
            "{}",
            f.message
        );
        assert!(body.contains(stated.split(" (").next().unwrap_or_default()));
    }
}
