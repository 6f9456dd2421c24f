//! Unit tests of `relate`.

use approx::assert_relative_eq;

use super::*;
use crate::analysis::interpret::{Rule, Rules};
use crate::model::sample::{self, one, row, ESTIMATES, RELATIONS};
use crate::model::{Estimate, Loc, Relation};

/// An estimate of `quantity`, alone on `line` of estimates.csv.
fn estimate(line: u64, id: &str, quantity: &str, q: Qualifier, point: f64) -> Estimate {
    Estimate {
        pos: row("estimates.csv", ESTIMATES, line),
        ..sample::estimate(id, quantity, q, point, "")
    }
}

/// A relation alone on `line` of relations.csv.
fn relation(
    line: u64,
    id: &str,
    kind: RelationKind,
    target: &str,
    operands: &[&str],
    factor: Option<f64>,
) -> Relation {
    Relation {
        pos: row("relations.csv", RELATIONS, line),
        ..sample::relation(id, kind, target, operands, factor)
    }
}

/// The dataset of `sample::contents` with quantities in miles, km, inches and cm added.
fn dataset(estimates: Vec<Estimate>, relations: Vec<Relation>) -> Dataset {
    let mut contents = sample::contents("");
    for (id, unit) in [
        ("mi", "miles"),
        ("km", "km"),
        ("in", "inches"),
        ("cm", "cm"),
    ] {
        contents.quantities.push(sample::quantity(id, unit));
    }
    contents.estimates = estimates;
    contents.relations = relations;
    Dataset::new(contents)
}

/// Every relation's outcome, read by the default rules.
fn outcomes(data: &Dataset) -> Vec<Outcome> {
    evaluate(data, &readings(data, &Rules::default()))
}

/// The article's yearly archival figures for the Great Purge: 353,074 shot in 1937 and
/// 328,612 in 1938, on lines 2 and 3.
fn years() -> Vec<Estimate> {
    vec![
        estimate(2, "y1937", "deaths", Qualifier::Exact, 353_074.0),
        estimate(3, "y1938", "deaths", Qualifier::Exact, 328_612.0),
    ]
}

#[test]
fn the_yearly_figures_make_up_nearly_700000() {
    // "nearly 700,000 people (353,074 in 1937 and 328,612 in 1938)": 681,686 is within
    // "nearly 700,000" (650,000 to 700,000: half a unit of its 7 is 50,000).
    let mut estimates = years();
    estimates.push(estimate(
        4,
        "nearly",
        "deaths",
        Qualifier::Nearly,
        700_000.0,
    ));
    let sum = relation(
        2,
        "s",
        RelationKind::Sum,
        "nearly",
        &["y1937", "y1938"],
        None,
    );
    let data = dataset(estimates, vec![sum]);
    let [o] = outcomes(&data).try_into().expect("one outcome");
    assert_eq!(o.verdict, Verdict::Holds);
    assert_relative_eq!(o.computed_value, 681_686.0);
    assert_eq!(o.stated, Interval::new(650_000.0, 700_000.0));
    assert_eq!(o.needed, None);
}

#[test]
fn the_yearly_figures_miss_the_archival_681692_by_6() {
    let mut estimates = years();
    estimates.push(estimate(
        4,
        "archival",
        "deaths",
        Qualifier::Exact,
        681_692.0,
    ));
    let sum = relation(
        2,
        "s",
        RelationKind::Sum,
        "archival",
        &["y1937", "y1938"],
        None,
    );
    let data = dataset(estimates, vec![sum]);
    let [o] = outcomes(&data).try_into().expect("one outcome");
    assert_eq!(o.verdict, Verdict::Broken);
    // 353,074 + 328,612 = 681,686, six short of 681,692.
    assert_relative_eq!(o.computed_value, 681_686.0);
    assert_relative_eq!(o.difference, -6.0);
    assert_relative_eq!(o.relative_difference.unwrap_or(0.0), -6.0 / 681_692.0);
    assert_eq!(o.needed, Some(681_686.0));
    assert_eq!(
        o.arithmetic,
        Arithmetic::Sum {
            parts: vec![Term::Value(353_074.0), Term::Value(328_612.0)],
            total: Term::Value(681_686.0),
            stated: Term::Value(681_692.0),
        }
    );
}

#[test]
fn a_conversion_is_judged_to_the_last_digit_written_in_its_units() {
    // "1,050 miles (1,690 kilometers)": 1,050 × 1.609344 = 1,689.8112, within 1,689.5–1,690.5.
    // "five feet four inches high (160 cm)": 64 × 2.54 = 162.56, outside 159.5–160.5.
    let estimates = vec![
        estimate(2, "miles", "mi", Qualifier::Exact, 1_050.0),
        estimate(3, "kms", "km", Qualifier::Exact, 1_690.0),
        estimate(4, "inches", "in", Qualifier::Exact, 64.0),
        estimate(5, "cms", "cm", Qualifier::Exact, 160.0),
    ];
    let conversion = RelationKind::Conversion;
    let data = dataset(
        estimates,
        vec![
            relation(2, "advance", conversion, "kms", &["miles"], Some(1.609344)),
            relation(3, "height", conversion, "cms", &["inches"], Some(2.54)),
        ],
    );
    let [advance, height] = outcomes(&data).try_into().expect("two outcomes");
    assert_eq!(advance.verdict, Verdict::Holds);
    assert_eq!(advance.stated, Interval::new(1_689.5, 1_690.5));
    assert_relative_eq!(advance.computed_value, 1_689.811_2);
    let Arithmetic::Scale {
        factor,
        base,
        base_unit,
        result: Term::Value(result),
        target_unit,
        stated,
    } = &advance.arithmetic
    else {
        panic!("not a scale: {:?}", advance.arithmetic);
    };
    assert_eq!(
        (*factor, base, stated),
        (1.609344, &Term::Value(1_050.0), &Term::Value(1_690.0))
    );
    assert_eq!((base_unit.as_str(), target_unit.as_str()), ("miles", "km"));
    assert_relative_eq!(*result, 1_689.811_2);

    assert_eq!(height.verdict, Verdict::Broken);
    assert_eq!(height.stated, Interval::new(159.5, 160.5));
    assert_relative_eq!(height.computed_value, 162.56);
    assert_relative_eq!(height.needed.unwrap_or(0.0), 162.56);
}

#[test]
fn some_two_and_a_half_times_derives_a_value_read_as_245_to_255_times() {
    // "not 681,692, but some two and a half times as high": "some" makes the factor rough,
    // half a unit of its last digit either way (2.45 to 2.55).
    let base = estimate(2, "archival", "deaths", Qualifier::Exact, 681_692.0);
    let conquest = Estimate {
        quote: "some two and a half times as high".into(),
        ..estimate(3, "conquest", "deaths", Qualifier::Ratio, 2.5)
    };
    let ratio = relation(
        2,
        "r",
        RelationKind::Ratio,
        "conquest",
        &["archival"],
        Some(2.5),
    );
    let data = dataset(vec![base, conquest], vec![ratio]);
    let read = readings(&data, &Rules::default());
    let derived = read.get("conquest").expect("a derived reading");
    assert_eq!(
        read.derived_by.get("conquest").map(String::as_str),
        Some("r")
    );
    // 681,692 × 2.5 = 1,704,230; × 2.45 = 1,670,145.4; × 2.55 = 1,738,314.6.
    assert_relative_eq!(derived.central, 1_704_230.0);
    assert_relative_eq!(derived.interval.lo, 1_670_145.4, max_relative = 1e-12);
    assert_relative_eq!(derived.interval.hi, 1_738_314.6, max_relative = 1e-12);
    let Rule::Ratio(multiplier) = &derived.rule else {
        panic!("not a ratio rule: {:?}", derived.rule);
    };
    assert_eq!(
        (
            multiplier.factor,
            multiplier.base.as_str(),
            multiplier.relation.as_str()
        ),
        (2.5, "archival", "r")
    );
    assert_relative_eq!(multiplier.base_central, 681_692.0);
    let (lo, hi) = multiplier.rough.expect("a rough factor");
    assert_relative_eq!(lo, 2.45, max_relative = 1e-12);
    assert_relative_eq!(hi, 2.55, max_relative = 1e-12);

    let [o] = evaluate(&data, &read).try_into().expect("one outcome");
    assert_eq!(o.verdict, Verdict::Derived);
    assert_eq!(o.needed, None);
    assert!(
        matches!(&o.arithmetic, Arithmetic::Derived { base: Term::Value(b), .. } if *b == 681_692.0),
        "{:?}",
        o.arithmetic
    );
}

#[test]
fn a_part_above_the_whole_breaks_a_subset_and_one_near_it_is_approximate() {
    // "350,000 (144,000 of them Poles)" holds; 400,000 of 350,000 cannot; 352,000 of
    // "about 350,000" (345,000 to 355,000) only roughly.
    let estimates = vec![
        estimate(2, "arrested", "deaths", Qualifier::Exact, 350_000.0),
        estimate(3, "poles", "famine", Qualifier::Exact, 144_000.0),
        estimate(4, "too_many", "famine", Qualifier::Exact, 400_000.0),
        estimate(5, "about", "deaths", Qualifier::About, 350_000.0),
        estimate(6, "near", "famine", Qualifier::Exact, 352_000.0),
    ];
    let subset = RelationKind::Subset;
    let data = dataset(
        estimates,
        vec![
            relation(2, "holds", subset, "arrested", &["poles"], None),
            relation(
                3,
                "broken",
                subset,
                "arrested",
                &["poles", "too_many"],
                None,
            ),
            relation(4, "rough", subset, "about", &["near"], None),
        ],
    );
    let [holds, broken, rough] = outcomes(&data).try_into().expect("three outcomes");
    assert_eq!((holds.verdict, holds.needed), (Verdict::Holds, None));
    // The worst part is the one reported.
    assert_eq!(broken.verdict, Verdict::Broken);
    assert_relative_eq!(broken.computed_value, 400_000.0);
    assert_relative_eq!(broken.difference, 50_000.0);
    assert_eq!(rough.verdict, Verdict::Approximate);
    assert_eq!(rough.needed, Some(352_000.0));
    assert_eq!(
        rough.arithmetic,
        Arithmetic::Subset {
            parts: vec![Term::Reading(Interval::point(352_000.0))],
            whole: Term::Reading(Interval::new(345_000.0, 355_000.0)),
        }
    );
}

#[test]
fn a_relation_touching_a_row_with_an_error_is_not_judged() {
    let mut estimates = years();
    estimates.push(estimate(
        4,
        "archival",
        "deaths",
        Qualifier::Exact,
        681_692.0,
    ));
    estimates.push(estimate(5, "conquest", "deaths", Qualifier::Ratio, 2.5));
    estimates.push(estimate(6, "other", "deaths", Qualifier::Exact, 1.0));
    let data = dataset(
        estimates,
        vec![
            relation(
                2,
                "years",
                RelationKind::Sum,
                "archival",
                &["y1937", "y1938"],
                None,
            ),
            relation(
                3,
                "ratio",
                RelationKind::Ratio,
                "conquest",
                &["archival"],
                Some(2.5),
            ),
            relation(
                4,
                "of_conquest",
                RelationKind::Subset,
                "conquest",
                &["other"],
                None,
            ),
            relation(5, "clean", RelationKind::Subset, "other", &["other"], None),
        ],
    );
    let at = |file: &str, line| Loc {
        file: std::sync::Arc::new(file.into()),
        line,
        column: 1,
    };
    // No error, nothing withheld; a warning withholds nothing either.
    assert!(unjudged(&data, &[]).is_empty());
    let warning = Finding::warning(Code::AmbiguousQuote, &at("estimates.csv", 3), "w");
    assert!(unjudged(&data, &[warning]).is_empty());
    // An error on 1938's row (line 3) reaches only the sum it is a part of.
    let error = Finding::error(Code::BadNumber, &at("estimates.csv", 3), "e");
    let mut ids: Vec<&str> = unjudged(&data, &[error]).into_iter().collect();
    ids.sort_unstable();
    assert_eq!(ids, ["years"]);
    // An error on `archival` (line 4) reaches the sum, the ratio, and through the derived
    // `conquest` the subset resting on it.
    let error = Finding::error(Code::BadNumber, &at("estimates.csv", 4), "e");
    let mut ids: Vec<&str> = unjudged(&data, &[error]).into_iter().collect();
    ids.sort_unstable();
    assert_eq!(ids, ["of_conquest", "ratio", "years"]);
    // An error on the ratio's own row (line 3 of relations.csv) taints what it derives.
    let error = Finding::error(Code::BadFactor, &at("relations.csv", 3), "e");
    let mut ids: Vec<&str> = unjudged(&data, &[error]).into_iter().collect();
    ids.sort_unstable();
    assert_eq!(ids, ["of_conquest", "ratio"]);
}

#[test]
fn ratios_resting_only_on_each_other_are_a_ratio_cycle() {
    let estimates = vec![
        estimate(2, "a", "deaths", Qualifier::Ratio, 2.0),
        estimate(3, "b", "deaths", Qualifier::Ratio, 3.0),
    ];
    let data = dataset(
        estimates,
        vec![
            relation(2, "ab", RelationKind::Ratio, "a", &["b"], Some(2.0)),
            relation(3, "ba", RelationKind::Ratio, "b", &["a"], Some(3.0)),
        ],
    );
    let read = readings(&data, &Rules::default());
    assert!(read.get("a").is_none() && read.get("b").is_none());
    let found = evaluate(&data, &read);
    assert!(found.is_empty());
    let findings = problems(&data, &read, &found);
    // Each multiplier is a cycle, and each relation between them has nothing to evaluate.
    assert_eq!(
        sample::codes(&findings),
        [
            Code::RatioCycle,
            Code::RatioCycle,
            Code::RelationUnevaluated,
            Code::RelationUnevaluated
        ]
    );
    let f = &findings[0];
    assert_eq!(
        (f.line, f.column),
        (2, sample::column(ESTIMATES, "qualifier"))
    );
    assert!(
        f.message.contains("in a cycle (a → b → a)"),
        "{}",
        f.message
    );
}

#[test]
fn a_relation_over_a_figure_without_a_value_is_relation_unevaluated() {
    let mut estimates = years();
    // An exact figure with no `point` has no reading (check reports the missing value).
    estimates[1].point = None;
    estimates.push(estimate(
        4,
        "archival",
        "deaths",
        Qualifier::Exact,
        681_692.0,
    ));
    let sum = relation(
        2,
        "s",
        RelationKind::Sum,
        "archival",
        &["y1937", "y1938"],
        None,
    );
    let data = dataset(estimates, vec![sum]);
    let read = readings(&data, &Rules::default());
    let found = evaluate(&data, &read);
    assert!(found.is_empty());
    let findings = problems(&data, &read, &found);
    let f = sample::one(&findings, Code::RelationUnevaluated);
    assert_eq!(
        (f.file.as_str(), f.line, f.column),
        ("relations.csv", 2, sample::column(RELATIONS, "operands"))
    );
    assert!(
        f.message
            .ends_with("no value could be read for y1938 (see the finding on that row)"),
        "{}",
        f.message
    );
}

// Regression: a chain of 1,100 ratios derived infinity without a finding.
#[test]
fn a_derived_value_past_the_cell_limit_is_an_error_not_a_reading() {
    // 1,000,000 × 1,000 × 1,000 × 1,000 = 10^15 (the limit), × 1,000 more = 10^18.
    let mut estimates = vec![estimate(2, "e0", "deaths", Qualifier::Exact, 1e6)];
    let mut relations = Vec::new();
    for i in 1..=4u64 {
        let (id, base) = (format!("e{i}"), format!("e{}", i - 1));
        estimates.push(estimate(2 + i, &id, "deaths", Qualifier::Ratio, 1000.0));
        relations.push(relation(
            1 + i,
            &format!("r{i}"),
            RelationKind::Ratio,
            &id,
            &[base.as_str()],
            Some(1000.0),
        ));
    }
    let data = dataset(estimates, relations);
    let read = readings(&data, &Rules::default());
    assert_relative_eq!(read.get("e3").map_or(0.0, |r| r.central), 1e15);
    assert!(read.get("e4").is_none());
    let found = evaluate(&data, &read);
    let findings = problems(&data, &read, &found);
    let f = one(&findings, Code::DerivedOverflow);
    assert_eq!(f.line, 6);
    assert!(
        f.message.contains("relation `r4` derives for `e4`"),
        "{}",
        f.message
    );
}

/// The article's repatriated: "approximately 4 million", broken down by status (2,660,013
/// civilians + 1,539,475 former POWs) and by disposition (2,427,906 + 801,152 + 608,095 +
/// 272,867 + 89,468); `last` is the last disposition.
fn repatriated(last: f64) -> Dataset {
    let figures = [
        ("total", Qualifier::About, 4e6),
        ("civilians", Qualifier::Exact, 2_660_013.0),
        ("pows", Qualifier::Exact, 1_539_475.0),
        ("home", Qualifier::Exact, 2_427_906.0),
        ("army", Qualifier::Exact, 801_152.0),
        ("battalions", Qualifier::Exact, 608_095.0),
        ("nkvd", Qualifier::Exact, 272_867.0),
        ("remained", Qualifier::Exact, last),
    ];
    let estimates = (2..)
        .zip(figures)
        .map(|(line, (id, q, v))| estimate(line, id, "deaths", q, v))
        .collect();
    let relations = vec![
        relation(
            2,
            "by_status",
            RelationKind::Sum,
            "total",
            &["civilians", "pows"],
            None,
        ),
        relation(
            3,
            "by_disposition",
            RelationKind::Sum,
            "total",
            &["home", "army", "battalions", "nkvd", "remained"],
            None,
        ),
        relation(
            4,
            "same_total",
            RelationKind::Equal,
            "by_status",
            &["by_disposition"],
            None,
        ),
    ];
    dataset(estimates, relations)
}

#[test]
fn two_breakdowns_of_one_total_must_agree_exactly() {
    // 2,660,013 + 1,539,475 = 4,199,488 = 2,427,906 + 801,152 + 608,095 + 272,867 + 89,468.
    let found = outcomes(&repatriated(89_468.0));
    let equal = found.iter().find(|o| o.id == "same_total").unwrap();
    assert_eq!(equal.verdict, Verdict::Holds);
    assert_relative_eq!(equal.stated_value, 4_199_488.0);
    assert_relative_eq!(equal.computed_value, 4_199_488.0);
    // Both sums are "about 4 million" either way; only the equal relation sees a slip of 10.
    let found = outcomes(&repatriated(89_478.0));
    let equal = found.iter().find(|o| o.id == "same_total").unwrap();
    assert_eq!(equal.verdict, Verdict::Broken);
    assert_relative_eq!(equal.difference, 10.0);
    assert!(found
        .iter()
        .filter(|o| o.kind == RelationKind::Sum)
        .all(|o| o.verdict == Verdict::Holds));
    // The verdicts come in file order.
    let ids: Vec<&str> = found.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["by_status", "by_disposition", "same_total"]);
}
