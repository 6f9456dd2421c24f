//! Unit tests of `propose`.

use super::*;
use crate::analysis::coverage::coverage;
use crate::model::sample;

fn proposals(body: &str) -> Vec<Proposal> {
    let mut contents = sample::contents(body);
    contents.estimates.clear();
    let data = Dataset::new(contents);
    let report = coverage(&data);
    propose(&data, &report, None)
}

fn row(p: &Proposal) -> (Qualifier, Option<f64>, Option<f64>, Option<f64>, &str) {
    let e = &p.estimate;
    (
        e.qualifier.unwrap(),
        e.low,
        e.point,
        e.high,
        e.quote.as_str(),
    )
}

#[test]
fn a_figure_gets_its_qualifier_its_range_and_the_shortest_unique_quote() {
    let found = proposals(
        "About 400 people died in 1932. Between 2 and 3 million were deported. \
         Tens of thousands were shot. Some 400 fled.",
    );
    let rows: Vec<_> = found.iter().map(row).collect();
    assert_eq!(
        rows,
        [
            (Qualifier::About, None, Some(400.0), None, "About 400"),
            (
                Qualifier::Range,
                Some(2e6),
                None,
                Some(3e6),
                "Between 2 and 3 million"
            ),
            (
                Qualifier::Magnitude,
                Some(1e4),
                None,
                Some(1e5),
                "Tens of thousands"
            ),
            (Qualifier::About, None, Some(400.0), None, "Some 400"),
        ]
    );
    // The year is never proposed; ids are fresh and name the place.
    assert!(found.iter().all(|p| p.estimate.point != Some(1932.0)));
    assert_eq!(found[0].estimate.id, "p_text_1_7");
}

#[test]
fn a_survey_is_proposed_as_one() {
    let found = proposals("Estimates of the death toll range from 15 to 55 million.");
    assert_eq!(
        found.iter().map(row).collect::<Vec<_>>(),
        [(
            Qualifier::Survey,
            Some(15e6),
            None,
            Some(55e6),
            "range from 15 to 55 million"
        )]
    );
}

#[test]
fn the_sentence_names_who_is_credited() {
    assert_eq!(
        credited("Coale (1984) put it at 27 million."),
        Some("Coale".to_string())
    );
    assert_eq!(
        credited("According to Alan Bullock, five million died."),
        Some("Alan Bullock".to_string())
    );
    assert_eq!(
        credited("Vadim Erlikman estimated 1.5 million."),
        Some("Vadim Erlikman".to_string())
    );
    assert_eq!(credited("Some 400 fled."), None);
}
