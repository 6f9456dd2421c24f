//! Unit tests of `figure`.

use super::*;
use approx::assert_relative_eq;

pub(super) fn values(s: &str) -> Vec<f64> {
    parse(s).figures.iter().map(|f| f.value).collect()
}

pub(super) fn kinds(s: &str) -> Vec<FigureKind> {
    parse(s).figures.iter().map(|f| f.kind).collect()
}

#[test]
fn digits_with_separators() {
    assert_eq!(values("not 681,692, but"), vec![681_692.0]);
    assert_eq!(values("353,074 in 1937"), vec![353_074.0, 1937.0]);
    assert_eq!(
        kinds("353,074 in 1937"),
        vec![FigureKind::Count, FigureKind::Year]
    );
    assert_eq!(values("1,108 negative votes"), vec![1108.0]);
}

#[test]
fn decimals_with_scale_words() {
    assert_eq!(values("around 1.7 million deaths"), vec![1_700_000.0]);
    assert_eq!(values("official figures 28.2 million"), vec![28_200_000.0]);
    assert_eq!(
        values("official figures 11.285 million"),
        vec![11_285_000.0]
    );
}

#[test]
fn two_and_a_half_times_is_a_ratio() {
    let p = parse("some two and a half times as high");
    assert_eq!(p.figures.len(), 1);
    assert_relative_eq!(p.figures[0].value, 2.5);
    assert_eq!(p.figures[0].kind, FigureKind::Times);
    assert!(p.cues.contains(&Qualifier::Ratio));
    assert!(p.cues.contains(&Qualifier::About));
}

#[test]
fn ranges_carry_the_scale_back() {
    let p = parse("5 to 10 million");
    assert_eq!(values("5 to 10 million"), vec![5e6, 1e7]);
    assert_eq!(p.ranges, vec![(0, 1)]);
    assert_eq!(values("deaths of 6 to 8 million people"), vec![6e6, 8e6]);
    assert_eq!(values("Adding 6–8 million famine victims"), vec![6e6, 8e6]);
    assert_eq!(
        values("between five and ten million people"),
        vec![5e6, 1e7]
    );
    assert!(parse("between five and ten million")
        .cues
        .contains(&Qualifier::Range));
    assert_eq!(values("ranging from 3 to 60 million"), vec![3e6, 6e7]);
    assert_eq!(
        values("375,000 to 400,000 deaths"),
        vec![375_000.0, 400_000.0]
    );
    assert_eq!(
        values("an estimated 1 to 1.5 million lives"),
        vec![1e6, 1.5e6]
    );
    assert_eq!(
        values("from 2.2 million to 4 to 5 million"),
        vec![2.2e6, 4e6, 5e6]
    );
    assert_eq!(
        values("approximately 4 million to nearly 10 million"),
        vec![4e6, 1e7]
    );
}

#[test]
fn and_without_between_is_not_a_range() {
    let p = parse("353,074 in 1937 and 328,612 in 1938");
    assert!(p.ranges.is_empty());
    assert!(!p.cues.contains(&Qualifier::Range));
    let p = parse("Soviet famine of 1932-1933");
    assert!(
        p.ranges.is_empty(),
        "a span of years is not a range of figures"
    );
}

#[test]
fn percentages_and_fractions() {
    assert_eq!(values("up to 43% of"), vec![43.0]);
    assert_eq!(kinds("up to 43% of"), vec![FigureKind::Percent]);
    assert_eq!(values("54 percent of"), vec![54.0]);
    assert_relative_eq!(values("Fewer than a third of")[0], 100.0 / 3.0);
    assert_eq!(kinds("Fewer than a third of"), vec![FigureKind::Percent]);
    assert_eq!(values("Half of the respondents"), vec![50.0]);
    assert_relative_eq!(values("about one-tenth of")[0], 10.0);
}

#[test]
fn measures_in_units() {
    assert_eq!(values("between 5 ft 5 in and 5 ft 6 in"), vec![65.0, 66.0]);
    assert_eq!(kinds("5 ft 5 in"), vec![FigureKind::Measure(Unit::Inch)]);
    assert_eq!(values("five feet four inches high"), vec![64.0]);
    assert_eq!(kinds("10 ft"), vec![FigureKind::Measure(Unit::Foot)]);
    assert_eq!(parse("10 ft").values(), vec![10.0, 120.0]);
    assert_eq!(values("(160\u{a0}cm)"), vec![160.0]);
    assert_eq!(kinds("(160\u{a0}cm)"), vec![FigureKind::Measure(Unit::Cm)]);
    assert_eq!(values("(165–168\u{a0}cm)"), vec![165.0, 168.0]);
    assert_eq!(
        kinds("(165–168 cm)"),
        vec![FigureKind::Measure(Unit::Cm), FigureKind::Measure(Unit::Cm)]
    );
    assert_eq!(
        values("1,050 miles (1,690 kilometers)"),
        vec![1050.0, 1690.0]
    );
    assert_eq!(
        values("353,074 in 1937")[0],
        353_074.0,
        "`in` before a year is no unit"
    );
}

#[test]
fn words_that_are_not_numbers() {
    assert!(parse("a total of").figures.is_empty());
    assert!(parse("and others").figures.is_empty());
    assert!(parse("").figures.is_empty());
}
