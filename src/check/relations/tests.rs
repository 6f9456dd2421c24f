//! Unit tests of `relations`.

use super::*;
use crate::model::finding::Severity;
use crate::model::sample::{self, one, RELATIONS};

/// Estimates `total` (deaths), `shot`, `starved`, `famine` (people; `famine` is within
/// `deaths`), `km`, `miles`, `inches`, `cm` (one per unit) and `ratio` (a multiplier of 2.5),
/// and the findings for `relations` over them.
fn check(relations: Vec<Relation>) -> Vec<Finding> {
    let mut contents = sample::contents("In all 400 died, 300 were shot and 100 starved.");
    for (id, unit) in [
        ("shot", "people"),
        ("starved", "people"),
        ("km", "km"),
        ("miles", "miles"),
        ("inches", "inches"),
        ("cm", "cm"),
    ] {
        contents.quantities.push(sample::quantity(id, unit));
    }
    let estimate = |id: &str, quantity: &str, q: Qualifier, point: f64| {
        sample::estimate(id, quantity, q, point, "")
    };
    contents.estimates = vec![
        estimate("total", "deaths", Qualifier::Exact, 400.0),
        estimate("shot", "shot", Qualifier::Exact, 300.0),
        estimate("starved", "starved", Qualifier::Exact, 100.0),
        estimate("famine", "famine", Qualifier::Exact, 100.0),
        estimate("km", "km", Qualifier::Exact, 1.0),
        estimate("miles", "miles", Qualifier::Exact, 1.0),
        estimate("inches", "inches", Qualifier::Exact, 1.0),
        estimate("cm", "cm", Qualifier::Exact, 2.54),
        estimate("ratio", "deaths", Qualifier::Ratio, 2.5),
    ];
    let mut relations = relations;
    // Every test names the multiplier's base unless it is about that base.
    if !relations.iter().any(|r| r.target == "ratio") {
        relations.push(sample::relation(
            "base",
            RelationKind::Ratio,
            "ratio",
            &["total"],
            Some(2.5),
        ));
    }
    contents.relations = relations;
    let data = Dataset::new(contents);
    let indexes: HashMap<&str, TextIndex> = data
        .texts
        .iter()
        .map(|t| (t.id.as_str(), TextIndex::new(&t.body)))
        .collect();
    let mut findings = Vec::new();
    check_relations(&data, &indexes, &mut findings);
    findings
}

fn sum(target: &str, operands: &[&str]) -> Relation {
    sample::relation("s", RelationKind::Sum, target, operands, None)
}

fn conversion(target: &str, operand: &str, factor: f64) -> Relation {
    sample::relation(
        "c",
        RelationKind::Conversion,
        target,
        &[operand],
        Some(factor),
    )
}

#[test]
fn well_formed_relations_pass() {
    let findings = check(vec![
        sum("total", &["shot", "starved"]),
        sample::relation("sub", RelationKind::Subset, "total", &["shot"], None),
        conversion("cm", "inches", 2.54),
        conversion("km", "miles", 1.609344),
    ]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn unknown_targets_and_operands_are_reported() {
    let findings = check(vec![sum("totl", &["shot", "hanged"])]);
    assert_eq!(sample::codes(&findings), [Code::UnknownReference; 2]);
    assert_eq!(
        findings[0].message,
        "estimate `totl` is not defined; did you mean `total`?"
    );
    assert_eq!(findings[0].column, sample::column(RELATIONS, "target"));
    assert!(findings[1]
        .message
        .starts_with("estimate `hanged` is not defined"));
    assert_eq!(findings[1].column, sample::column(RELATIONS, "operands"));
}

#[test]
fn a_target_among_its_own_operands_is_a_self_relation() {
    let findings = check(vec![sum("total", &["total", "shot"])]);
    assert_eq!(
        one(&findings, Code::SelfRelation).message,
        "estimate `total` is both the target and an operand"
    );
}

#[test]
fn a_sum_over_two_units_is_a_unit_mismatch() {
    let findings = check(vec![sum("total", &["shot", "km"])]);
    assert_eq!(
        one(&findings, Code::UnitMismatch).message,
        "a sum relation needs one unit, but `total` counts people and `km` counts km; use a conversion for different units"
    );
}

#[test]
fn a_conversion_from_a_count_to_a_measure_is_a_unit_mismatch() {
    let findings = check(vec![conversion("km", "shot", 1.0)]);
    let f = one(&findings, Code::UnitMismatch);
    assert!(f
        .message
        .starts_with("conversion `c` turns people into km, which are not units of the same kind"));
    assert_eq!(f.column, sample::column(RELATIONS, "operands"));
}

#[test]
fn a_conversion_with_the_wrong_factor_names_the_right_one() {
    let findings = check(vec![conversion("cm", "inches", 1.0)]);
    let f = one(&findings, Code::BadFactor);
    assert_eq!(
        f.message,
        "conversion `c` from inches to cm has factor 1, but 1 inches is 2.54 cm"
    );
    assert_eq!(f.column, sample::column(RELATIONS, "factor"));
}

#[test]
fn each_kind_takes_its_number_of_operands() {
    let findings = check(vec![
        sum("total", &["shot"]),
        sample::relation(
            "r",
            RelationKind::Conversion,
            "cm",
            &["inches", "km"],
            Some(2.54),
        ),
        sample::relation("sub", RelationKind::Subset, "total", &[], None),
    ]);
    let messages: Vec<&str> = findings
        .iter()
        .filter(|f| f.code == Code::BadOperands)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "a sum needs two or more operands (separate ids with `;`), found 1",
            "a ratio or conversion takes exactly one operand (separate ids with `;`), found 2",
            "a subset needs one or more operands (separate ids with `;`), found 0",
        ]
    );
}

#[test]
fn a_ratio_needs_a_factor_unless_it_was_unreadable() {
    let missing = sample::relation("r", RelationKind::Ratio, "total", &["shot"], None);
    let findings = check(vec![missing.clone()]);
    let f = one(&findings, Code::MissingValue);
    assert_eq!(
        f.message,
        "a ratio relation needs `factor` (target = factor × operand)"
    );
    let unreadable = Relation {
        factor_unreadable: true,
        ..missing
    };
    assert!(check(vec![unreadable]).is_empty());
}

#[test]
fn a_sum_takes_no_factor() {
    let findings = check(vec![Relation {
        factor: Some(2.0),
        ..sum("total", &["shot", "starved"])
    }]);
    assert_eq!(
        one(&findings, Code::UnexpectedValue).message,
        "a sum relation takes no `factor`"
    );
}

#[test]
fn a_factor_of_zero_is_a_bad_number() {
    let findings = check(vec![sample::relation(
        "r",
        RelationKind::Ratio,
        "total",
        &["shot"],
        Some(0.0),
    )]);
    let f = one(&findings, Code::BadNumber);
    assert_eq!(
        f.message,
        "`factor` is 0; a relation's factor must be positive"
    );
    assert_eq!(f.column, sample::column(RELATIONS, "factor"));
}

#[test]
fn a_multiplier_has_one_base_and_its_own_factor() {
    let findings = check(vec![
        sample::relation("r1", RelationKind::Ratio, "ratio", &["total"], Some(2.5)),
        sample::relation("r2", RelationKind::Ratio, "ratio", &["shot"], Some(3.0)),
    ]);
    assert_eq!(
        sample::codes(&findings),
        [Code::RatioTwoBases, Code::ValueMismatch]
    );
    assert!(findings[0]
        .message
        .starts_with("`ratio` is already multiplied by another `ratio` relation"));
    assert_eq!(
        findings[1].message,
        "factor 3 differs from the multiplier 2.5 stated by `ratio`"
    );
}

#[test]
fn a_multiplier_without_a_ratio_relation_has_no_base() {
    let findings = check(vec![sum("ratio", &["shot", "starved"])]);
    let f = one(&findings, Code::RatioWithoutBase);
    assert!(f
        .message
        .starts_with("`ratio` states a multiplier but no `ratio` relation in relations.csv"));
    assert_eq!(f.file, "estimates.csv");
}

#[test]
fn a_sum_of_a_quantity_and_its_part_counts_twice() {
    let findings = check(vec![sum("total", &["famine", "total", "shot"])]);
    let f = one(&findings, Code::DoubleCounting);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.message,
        "sum `s` adds `famine` and `total`, but `famine` is part of `deaths`: the same people are counted twice"
    );
    let findings = check(vec![sum("total", &["shot", "shot"])]);
    assert!(one(&findings, Code::DoubleCounting)
        .message
        .contains("but both estimate `shot`"));
}

#[test]
fn a_relation_quote_must_be_in_the_target_text() {
    let findings = check(vec![Relation {
        quote: "in all 500 died".into(),
        ..sum("total", &["shot", "starved"])
    }]);
    let f = one(&findings, Code::QuoteNotFound);
    assert_eq!(f.column, sample::column(RELATIONS, "quote"));
    let findings = check(vec![Relation {
        quote: "300 were shot and 100 starved".into(),
        ..sum("total", &["shot", "starved"])
    }]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn an_equal_relation_names_two_sum_relations() {
    let mut contents = sample::contents("");
    contents.estimates = ["t", "a", "b", "c", "d"]
        .iter()
        .map(|id| sample::estimate(id, "deaths", Qualifier::Exact, 1.0, ""))
        .collect();
    contents.relations = vec![
        sample::relation("s1", RelationKind::Sum, "t", &["a", "b"], None),
        sample::relation("s2", RelationKind::Sum, "t", &["c", "d"], None),
        sample::relation("ok", RelationKind::Equal, "s1", &["s2"], None),
        sample::relation("typo", RelationKind::Equal, "s1", &["s3"], None),
        sample::relation("estimate", RelationKind::Equal, "t", &["s2"], None),
    ];
    let data = Dataset::new(contents);
    let mut findings = Vec::new();
    check_relations(&data, &HashMap::default(), &mut findings);
    let found: Vec<(Code, String)> = findings
        .iter()
        .filter(|f| f.message.contains("relation"))
        .map(|f| (f.code, f.message.clone()))
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].0, Code::UnknownReference);
    assert!(
        found[0]
            .1
            .contains("relation `s3` is not defined; did you mean `s1`?")
            || found[0]
                .1
                .contains("relation `s3` is not defined; did you mean `s2`?"),
        "{}",
        found[0].1
    );
    assert_eq!(found[1].0, Code::BadOperands);
    assert!(found[1].1.contains("`t` is no sum relation"));
}
