//! A curator's reading of words the figure parser cannot read (the `reading` column of
//! estimates.csv): the row is checked against the reading instead of the parsed figures, and a
//! note says so, so that the reading is never silent.

use super::agreement::{check_qualifier, stated, Evidence};
use super::show;
use crate::english::figure::{same_value, Parsed};
use crate::model::finding::{Code, Finding};
use crate::model::{Estimate, Qualifier, Reading};

/// A row with the curator's `reading` of its words ("2 war-related million deaths" read as
/// 2000000): low/point/high must be the reading (both ends of a range reading for a band), the
/// qualifier still fits the words (a range reading stands for the range or band the words do
/// not parse as), and a note says that the value is the curator's reading, never silently.
pub(super) fn check_reading(
    e: &Estimate,
    evidence: &Evidence,
    parsed: &Parsed,
    reading: Reading,
    findings: &mut Vec<Finding>,
) {
    let values = reading.values();
    let mismatch = |column: &str, message: String, findings: &mut Vec<Finding>| {
        findings.push(Finding::error(
            Code::ValueMismatch,
            &e.pos.cell(column),
            message,
        ));
    };
    for (column, value) in [("low", e.low), ("point", e.point), ("high", e.high)] {
        if let Some(v) = value.filter(|v| !values.iter().any(|r| same_value(*r, *v))) {
            let message = format!("`{column}` is {} but `reading` is {reading}", show(v));
            mismatch(column, message, findings);
        }
    }
    if let (Some(low), Some(high), true) = (e.low, e.high, reading.is_range()) {
        if same_value(low, high) {
            let message = format!(
                "`low` and `high` are both {} but `reading` is the range {reading}: give both ends",
                show(low)
            );
            mismatch("high", message, findings);
        }
    }
    if let (Some(q), true) = (e.qualifier, evidence.wording) {
        let mut cues = parsed.cues.clone();
        if reading.is_range() {
            cues.extend([Qualifier::Range, Qualifier::Magnitude]);
        }
        check_qualifier(e, q, &cues, findings);
    }
    let words = stated(evidence, parsed);
    let parser = if words.is_empty() {
        "no figure".to_string()
    } else {
        words.join(", ")
    };
    findings.push(Finding::note(
        Code::CuratorReading,
        &e.pos.cell("reading"),
        format!(
            "{} is read as {reading} by the curator (`reading`), not by reckon, which reads {parser} in it; the row is checked against the reading",
            evidence.named()
        ),
    ));
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::check::agreement::check_estimate;
    use crate::check::quotes;
    use crate::model::finding::Severity;
    use crate::model::sample::{self, one};
    use crate::model::Dataset;

    const BODY: &str =
        "The war brought 2 war-related million deaths and several war-related million refugees.";

    fn check(e: Estimate) -> Vec<Finding> {
        let mut contents = sample::contents(BODY);
        contents.sources[0].citation = "Author 2001".into();
        contents.estimates = vec![e];
        let data = Dataset::new(contents);
        let indexes = quotes::indexes(&data);
        let mut findings = Vec::new();
        check_estimate(&data, &data.estimates[0], &indexes, &mut findings);
        findings
    }

    fn read(e: Estimate, low: f64, high: f64) -> Estimate {
        Estimate {
            reading: Some(Reading { low, high }),
            ..e
        }
    }

    fn two_million() -> Estimate {
        sample::estimate(
            "e1",
            "deaths",
            Qualifier::Exact,
            2e6,
            "2 war-related million deaths",
        )
    }

    // Regression (issue 13): "2 war-related million deaths" (a scale word apart from its
    // number) could not be encoded at all: check said the quote "states 2, million".
    #[test]
    fn a_scale_word_apart_from_its_number_is_read_by_the_curator_with_a_note() {
        assert!(BODY.contains("2 war-related million deaths"));
        let findings = check(two_million());
        assert!(one(&findings, Code::ValueMismatch)
            .message
            .ends_with("states 2, million"));
        let findings = check(read(two_million(), 2e6, 2e6));
        let f = one(&findings, Code::CuratorReading);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(f.severity, Severity::Note);
        assert_eq!(f.column, sample::column(sample::ESTIMATES, "reading"));
        assert_eq!(
            f.message,
            "the quote \"2 war-related million deaths\" is read as 2000000 by the curator (`reading`), not by reckon, which reads 2, million in it; the row is checked against the reading"
        );
    }

    #[test]
    fn the_row_must_agree_with_the_reading_and_the_quote_with_the_text() {
        let e = Estimate {
            point: Some(2e5),
            ..read(two_million(), 2e6, 2e6)
        };
        let findings = check(e);
        assert_eq!(
            one(&findings, Code::ValueMismatch).message,
            "`point` is 200000 but `reading` is 2000000"
        );
        one(&findings, Code::CuratorReading);
        // The quote must still stand in the text; no note for a quote that is not there.
        let e = Estimate {
            quote: "2 war-related million dead".into(),
            ..read(two_million(), 2e6, 2e6)
        };
        assert_eq!(sample::codes(&check(e)), [Code::QuoteNotFound]);
        // The qualifier still comes from the words.
        let e = Estimate {
            qualifier: Some(Qualifier::About),
            ..read(two_million(), 2e6, 2e6)
        };
        let findings = check(e);
        assert_eq!(
            sample::codes(&findings),
            [Code::QualifierMismatch, Code::CuratorReading]
        );
    }

    #[test]
    fn a_range_reading_stands_for_a_band_and_needs_both_ends() {
        let band = |low: f64, high: f64| Estimate {
            low: Some(low),
            point: None,
            high: Some(high),
            qualifier: Some(Qualifier::Magnitude),
            quote: "several war-related million refugees".into(),
            ..read(two_million(), 3e6, 10e6)
        };
        assert_eq!(
            sample::codes(&check(band(3e6, 10e6))),
            [Code::CuratorReading]
        );
        let findings = check(band(3e6, 3e6));
        assert!(one(&findings, Code::ValueMismatch)
            .message
            .ends_with("but `reading` is the range 3000000-10000000: give both ends"));
    }

    #[test]
    fn a_cited_estimate_has_no_words_to_read() {
        let e = Estimate {
            text: Default::default(),
            quote: Default::default(),
            ..read(two_million(), 2e6, 2e6)
        };
        let findings = check(e);
        assert!(one(&findings, Code::UnexpectedValue)
            .message
            .starts_with("`reading` says how to read the words of a quote or table cell"));
        assert_eq!(findings.len(), 1, "{findings:#?}");
    }
}
