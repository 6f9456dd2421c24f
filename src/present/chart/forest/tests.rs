//! Unit tests of `forest`.

use super::*;
use crate::model::Estimate;
use crate::present::chart::marks::fixture::{analysis, exact, survey, texts};
use crate::present::chart::scale::AxisChoice;
use approx::assert_relative_eq;

fn sources(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.mark.source.as_str()).collect()
}

#[test]
fn order_year_sorts_rows_by_year_unknown_years_last() {
    let a = analysis(
        &[
            ("late", Some(2000)),
            ("early", Some(1990)),
            ("undated", None),
        ],
        vec![
            exact("e1", "late", 10.0),
            exact("e2", "undated", 20.0),
            exact("e3", "early", 30.0),
            // Of one year with "late", and lower: it stays before it.
            Estimate {
                year: Some(2000),
                ..exact("e4", "undated", 5.0)
            },
        ],
    );
    let by_value = View::new(&a, AxisChoice::Auto);
    let f = &forests(&by_value)[0];
    assert_eq!(
        sources(&f.rows),
        [
            "Historian undated",
            "Historian late",
            "Historian undated",
            "Historian early"
        ]
    );
    let by_year = View::new(&a, AxisChoice::Auto).with_order(RowOrder::Year);
    let f = &forests(&by_year)[0];
    let centrals: Vec<f64> = f.rows.iter().map(|r| r.mark.central).collect();
    assert_eq!(centrals, [30.0, 5.0, 10.0, 20.0]);
}

#[test]
fn labels_show_year_and_provenance_when_not_a_quote() {
    let a = analysis(
        &[("src", Some(1987))],
        vec![
            exact("e1", "src", 23e6),
            Estimate {
                text: Default::default(),
                quote: Default::default(),
                ..exact("e2", "src", 30e6)
            },
        ],
    );
    let ctx = View::new(&a, AxisChoice::Auto);
    let f = &forests(&ctx)[0];
    assert_eq!(f.rows[0].tail(), ", 1987");
    assert_eq!(f.rows[1].tail(), ", 1987 [cited]");
    let svg = render(&ctx).unwrap().remove(0).svg;
    let texts = texts(&svg);
    assert!(
        texts.contains(&"Historian src, 1987 [cited]".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Historian src, 1987".to_string()),
        "{texts:?}"
    );
}

#[test]
fn a_survey_is_a_band_behind_the_rows_and_not_in_the_median() {
    let a = analysis(
        &[("src", None)],
        vec![
            exact("e1", "src", 10e6),
            exact("e2", "src", 20e6),
            exact("e3", "src", 30e6),
            survey("e4", "src", 3e6, 60e6),
        ],
    );
    let ctx = View::new(&a, AxisChoice::Auto);
    let f = &forests(&ctx)[0];
    assert_eq!(f.rows.len(), 3);
    assert_eq!(f.surveys.len(), 1);
    // The median of 10, 20 and 30 million; with the survey's midpoint (31.5 million) it
    // would be 25 million.
    assert_relative_eq!(f.median.unwrap(), 20e6);
    assert_relative_eq!(f.envelope.lo, 10e6);
    assert_relative_eq!(f.envelope.hi, 30e6);
    let svg = render(&ctx).unwrap().remove(0).svg;
    let texts = texts(&svg);
    assert!(
        texts.contains(&"survey: estimates range 3–60 million · Historian src".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"median 20 million".to_string()),
        "{texts:?}"
    );
    // Three rows, each a white disc under its dot: no dot for the survey.
    assert_eq!(svg.matches("<circle").count(), 6);
}

#[test]
fn a_restatement_is_hollow_worded_and_not_in_the_median() {
    let a = analysis(
        &[("src", None)],
        vec![
            exact("e1", "src", 10e6),
            exact("e2", "src", 20e6),
            exact("e3", "src", 30e6),
            Estimate {
                restates: Some("e3".into()),
                ..exact("e4", "src", 30e6)
            },
        ],
    );
    let ctx = View::new(&a, AxisChoice::Auto);
    let f = &forests(&ctx)[0];
    assert_eq!(f.rows.len(), 4);
    assert_relative_eq!(f.median.unwrap(), 20e6);
    let restated = f.rows.iter().find(|r| r.mark.estimate == "e4").unwrap();
    assert_eq!(restated.detail, "restates 30 million · exact: 30 million");
    let svg = render(&ctx).unwrap().remove(0).svg;
    // The restatement's dot and the legend's key are the hollow circles.
    assert_eq!(svg.matches("fill=\"none\" stroke=\"#009E73\"").count(), 1);
    assert!(texts(&svg).contains(&"hollow: restates another estimate (counted once)".to_string()));
}
