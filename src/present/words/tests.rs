//! Unit tests of `words`.

use super::*;
use crate::model::sample::{contents, row};
use crate::model::Category;

#[test]
fn a_category_is_titled_by_the_dataset_or_from_its_id() {
    let mut parts = contents("");
    parts.categories.push(Category {
        id: "pow".into(),
        title: "Prisoners of war".into(),
        part: String::new(),
        pos: row("categories.csv", &["id", "title"], 2),
    });
    let data = Dataset::new(parts);
    assert_eq!(category_title(&data, "pow"), "Prisoners of war");
    assert_eq!(category_title(&data, "famine_deaths"), "Famine deaths");
    assert_eq!(category_title(&data, ""), "");
}

#[test]
fn arithmetic_is_worded_term_by_term() {
    // The article: "353,074 in 1937 and 328,612 in 1938", "681,692" executed.
    let sum = Arithmetic::Sum {
        parts: vec![Term::Value(353_074.0), Term::Value(328_612.0)],
        total: Term::Value(681_686.0),
        stated: Term::Value(681_692.0),
    };
    assert_eq!(
        arithmetic(&sum),
        "353,074 + 328,612 = 681,686; stated 681,692"
    );
    assert_eq!(
        arithmetic_against_text(&sum),
        "353,074 + 328,612 = 681,686, but the text gives 681,692"
    );
    // "5 feet 4 inches (1.63 m)"-style conversion with units; people get no unit.
    let scale = Arithmetic::Scale {
        factor: 2.54,
        base: Term::Value(64.0),
        base_unit: "inch".into(),
        result: Term::Value(162.56),
        target_unit: "cm".into(),
        stated: Term::Value(160.0),
    };
    assert_eq!(
        arithmetic(&scale),
        "2.54 × 64 inch = about 163 cm; stated 160 cm"
    );
    let subset = Arithmetic::Subset {
        parts: vec![Term::Reading(Interval::at_least(100_000.0))],
        whole: Term::Unread("e_whole".into()),
    };
    assert_eq!(arithmetic(&subset), "each of 100,000 or more ≤ e_whole");
}

#[test]
fn a_conflict_names_its_widest_pairs_and_counts_the_rest() {
    let side = |source: &str, lo: f64, hi: f64| Side {
        source: source.into(),
        interval: Interval::new(lo, hi),
    };
    let c = Conflict {
        widest: vec![(
            side("soviet_archives", 750_000.0, 850_000.0),
            side("erlikman", 1_500_000.0, 1_500_000.0),
        )],
        pairs: 5,
    };
    assert_eq!(
        conflict(&c),
        "soviet_archives (750,000–850,000) is below erlikman (1.5 million); and 2 more disjoint pairs"
    );
}

#[test]
fn rules_read_as_readme_words_them() {
    assert_eq!(
        rule(&Rule::About(Tolerance::HalfUnit(50_000.0))),
        "about: ±50,000, half a unit of the last significant digit"
    );
    assert_eq!(
        rule(&Rule::Nearly(Tolerance::Relative(0.1))),
        "nearly: just below the figure, ±10%"
    );
    assert_eq!(
        rule(&Rule::Ratio(Box::new(Multiplier {
            factor: 2.5,
            rough: Some((2.45, 2.55)),
            base: "e_gp".into(),
            base_central: 681_692.0,
            relation: "r_conquest".into(),
        }))),
        "ratio: about 2.5 (2.45–2.55) × e_gp (681,692), derived by relation r_conquest"
    );
}
