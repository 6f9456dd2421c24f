//! Unit tests of `levels`.

use super::*;
use crate::analysis::interpret::Rules;
use crate::analysis::reconcile::members;
use crate::analysis::relate::readings;
use crate::model::sample::{self, codes};
use crate::model::{Contents, Estimate};

fn e(id: &str, quantity: &str, source: &str, q: Qualifier, point: f64) -> Estimate {
    Estimate {
        source: source.into(),
        ..sample::estimate(id, quantity, q, point, "")
    }
}

/// `deaths` (the whole) and `famine` (its part), with sources `a` and `b`.
fn dataset(estimates: Vec<Estimate>) -> Dataset {
    let mut contents: Contents = sample::contents("");
    contents.sources = vec![sample::source("a"), sample::source("b")];
    contents.estimates = estimates;
    Dataset::new(contents)
}

fn crossings_of(data: &Dataset) -> Vec<Crossing> {
    let read = readings(data, &Rules::default());
    crossings(data, &members(data, &read))
}

#[test]
fn a_part_above_a_whole_of_another_source_is_a_disagreement() {
    // The article's case: Conquest's 1.67–1.74 million Great Purge executions (a part) against
    // the archival "approximately 800,000" and Erlikman's "about 1.5 million" for the whole era.
    let data = dataset(vec![
        Estimate {
            low: Some(1.67e6),
            point: None,
            high: Some(1.74e6),
            ..e("conquest", "famine", "a", Qualifier::Range, 0.0)
        },
        e("archival", "deaths", "b", Qualifier::About, 800_000.0),
        e("erlikman", "deaths", "b", Qualifier::About, 1.5e6),
        e("higher", "deaths", "b", Qualifier::Exact, 2e6),
    ]);
    let found = crossings_of(&data);
    assert_eq!(found.len(), 1, "{found:#?}");
    let c = &found[0];
    assert_eq!(
        (c.part.as_str(), c.whole.as_str()),
        ("conquest", "archival")
    );
    assert_eq!(
        (c.part_quantity.as_str(), c.whole_quantity.as_str()),
        ("famine", "deaths")
    );
    assert!(!c.same_source);
    assert_eq!(c.exceeded, 2);
}

#[test]
fn a_part_above_its_own_sources_whole_is_an_inconsistency_of_that_source() {
    let data = dataset(vec![
        e("part", "famine", "a", Qualifier::Exact, 900.0),
        e("whole", "deaths", "a", Qualifier::Exact, 700.0),
        e("fits", "famine", "a", Qualifier::Exact, 600.0),
    ]);
    let found = crossings_of(&data);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].same_source);
    assert_eq!(found[0].part, "part");
}

#[test]
fn overlapping_intervals_surveys_and_restatements_do_not_cross() {
    let data = dataset(vec![
        // "about 800" reaches 750–850: it touches the whole's "nearly 800" (750–800).
        e("about", "famine", "a", Qualifier::About, 800.0),
        e("whole", "deaths", "b", Qualifier::Nearly, 800.0),
        Estimate {
            low: Some(900.0),
            point: None,
            high: Some(5000.0),
            ..e("survey", "famine", "a", Qualifier::Survey, 0.0)
        },
        Estimate {
            restates: Some("about".into()),
            ..e("again", "famine", "a", Qualifier::Exact, 900.0)
        },
    ]);
    assert!(crossings_of(&data).is_empty());
}

#[test]
fn a_restatement_must_hold_one_of_its_originals_figures() {
    let restating = |id: &str, q: Qualifier, point: f64| Estimate {
        restates: Some("original".into()),
        ..e(id, "famine", "a", q, point)
    };
    let data = dataset(vec![
        e("original", "famine", "a", Qualifier::Exact, 2_345_678.0),
        // "2.3 million" read by the about rule: 2.25–2.35 million holds 2,345,678.
        restating("rounded", Qualifier::About, 2.3e6),
        // "3 million" (exact) does not.
        restating("wrong", Qualifier::Exact, 3e6),
    ]);
    let read = readings(&data, &Rules::default());
    let found = restatement_problems(&data, &read);
    assert_eq!(codes(&found), [Code::RestatementMismatch]);
    assert!(found[0].message.contains("`wrong` restates `original`"));
    assert!(
        found[0].message.contains("(2,345,678)"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_restatement_of_a_range_may_give_one_end() {
    // The famine's "6–8 million" and "6 million from famine".
    let data = dataset(vec![
        Estimate {
            low: Some(6e6),
            point: None,
            high: Some(8e6),
            ..e("range", "famine", "a", Qualifier::Range, 0.0)
        },
        Estimate {
            restates: Some("range".into()),
            ..e("low_end", "famine", "a", Qualifier::Exact, 6e6)
        },
    ]);
    let read = readings(&data, &Rules::default());
    assert!(restatement_problems(&data, &read).is_empty());
}
