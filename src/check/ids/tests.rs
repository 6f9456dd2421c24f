//! Unit tests of `ids`.

use super::*;
use crate::model::sample::{self, one, row, QUANTITIES, SOURCES};
use crate::model::{Contents, Quantity, Source};

fn sources(ids: &[(&str, u64)]) -> Vec<Source> {
    ids.iter()
        .map(|&(id, line)| Source {
            pos: row("sources.csv", SOURCES, line),
            ..sample::source(id)
        })
        .collect()
}

fn ids_of(sources: &[Source]) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_ids(
        sources.iter().map(|s| (s.id.as_str(), &s.pos)),
        "source",
        &mut findings,
    );
    findings
}

#[test]
fn well_formed_ids_in_any_script_pass() {
    let findings = ids_of(&sources(&[("conquest", 2), ("Земсков-1.2", 3), ("r_2", 4)]));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn an_empty_id_is_missing() {
    let findings = ids_of(&sources(&[(" ", 2)]));
    let f = one(&findings, Code::MissingId);
    assert_eq!(f.message, "the source has no id");
    assert_eq!((f.file.as_str(), f.line, f.column), ("sources.csv", 2, 1));
}

#[test]
fn an_id_with_spaces_or_a_leading_dash_is_bad() {
    let findings = ids_of(&sources(&[("two words", 2), ("-lead", 3)]));
    assert_eq!(sample::codes(&findings), [Code::BadId, Code::BadId]);
    assert!(findings[0]
        .message
        .starts_with("source id `two words` may only use letters, digits"));
    let long = "a".repeat(201);
    assert_eq!(
        sample::codes(&ids_of(&sources(&[(&long, 2)]))),
        [Code::BadId]
    );
}

#[test]
fn a_repeated_id_names_the_first_line() {
    let findings = ids_of(&sources(&[("conquest", 2), ("other", 3), ("conquest", 7)]));
    let f = one(&findings, Code::DuplicateId);
    assert_eq!(f.message, "source id `conquest` is already used on line 2");
    assert_eq!(f.line, 7);
}

#[test]
fn an_id_used_in_two_files_is_a_warning_on_the_later_file() {
    let mut contents = sample::contents("");
    contents.sources = sources(&[("famine", 2)]);
    let data = Dataset::new(contents);
    let mut findings = Vec::new();
    check_shared_ids(&id_rows(&data), &mut findings);
    let f = one(&findings, Code::SharedId);
    assert_eq!(f.severity, crate::model::finding::Severity::Warning);
    assert_eq!(f.file, "quantities.csv");
    assert!(f
        .message
        .starts_with("id `famine` is also used in sources.csv; `explain famine` shows each"));
}

#[test]
fn an_empty_name_is_a_missing_value() {
    let mut contents = sample::contents("");
    contents.sources[0].name = String::new();
    let mut findings = Vec::new();
    check_sources(&Dataset::new(contents), &mut findings);
    let f = one(&findings, Code::MissingValue);
    assert_eq!(f.message, "`name` is empty; every row needs one");
    assert_eq!(f.column, sample::column(SOURCES, "name"));
}

/// The findings of check_quantities on `quantities`, apart from the warning that none has an
/// estimate (the next test raises it).
fn quantities(quantities: Vec<Quantity>) -> Vec<Finding> {
    let data = Dataset::new(Contents {
        quantities,
        ..Contents::default()
    });
    let mut findings = Vec::new();
    check_quantities(&data, &mut findings);
    findings.retain(|f| f.code != Code::UnestimatedQuantity);
    findings
}

// Regression: a quantity with no estimate vanished from every output without a word.
#[test]
fn a_quantity_without_estimates_is_a_warning() {
    let mut contents = sample::contents("About 400 people died.");
    contents.estimates = vec![sample::estimate(
        "e1",
        "deaths",
        crate::model::Qualifier::About,
        400.0,
        "About 400 people died",
    )];
    let data = Dataset::new(contents);
    let mut findings = Vec::new();
    check_quantities(&data, &mut findings);
    let f = one(&findings, Code::UnestimatedQuantity);
    assert_eq!(f.severity, crate::model::finding::Severity::Warning);
    assert!(
        f.message.starts_with("quantity `famine` has no estimate"),
        "{}",
        f.message
    );
    assert_eq!(f.line, 3);
}

#[test]
fn a_quantity_needs_label_category_and_unit() {
    let findings = quantities(vec![Quantity {
        label: String::new(),
        category: " ".into(),
        ..sample::quantity("deaths", "")
    }]);
    let columns: Vec<u64> = findings.iter().map(|f| f.column).collect();
    let expected: Vec<u64> = ["label", "category", "unit"]
        .iter()
        .map(|c| sample::column(QUANTITIES, c))
        .collect();
    assert_eq!(sample::codes(&findings), [Code::MissingValue; 3]);
    assert_eq!(columns, expected);
}

#[test]
fn a_period_that_ends_before_it_starts_is_bad() {
    let findings = quantities(vec![Quantity {
        period_start: Some(1953),
        period_end: Some(1930),
        ..sample::quantity("deaths", "people")
    }]);
    let f = one(&findings, Code::BadPeriod);
    assert_eq!(f.message, "period_end 1930 is before period_start 1953");
    assert_eq!(f.column, sample::column(QUANTITIES, "period_end"));
}

#[test]
fn an_unknown_parent_suggests_the_closest_id() {
    let findings = quantities(vec![
        sample::quantity("deaths", "people"),
        Quantity {
            parent: Some("death".into()),
            ..sample::quantity("famine", "people")
        },
    ]);
    let f = one(&findings, Code::UnknownReference);
    assert_eq!(
        f.message,
        "quantity `death` is not defined; did you mean `deaths`?"
    );
    assert_eq!(f.column, sample::column(QUANTITIES, "parent"));
}

#[test]
fn a_parent_loop_is_a_cycle_on_each_member() {
    let findings = quantities(vec![
        Quantity {
            parent: Some("b".into()),
            ..sample::quantity("a", "people")
        },
        Quantity {
            parent: Some("a".into()),
            ..sample::quantity("b", "people")
        },
        Quantity {
            parent: Some("c".into()),
            ..sample::quantity("c", "people")
        },
    ]);
    assert_eq!(sample::codes(&findings), [Code::ParentCycle; 3]);
    assert_eq!(
        findings[0].message,
        "quantity `a` is its own ancestor through `parent`"
    );
    assert_eq!(
        findings[2].message,
        "quantity `c` is its own ancestor through `parent`"
    );
}

#[test]
fn an_unknown_reference_without_a_close_id_has_no_hint() {
    let data = Dataset::new(sample::contents(""));
    let pos = row("estimates.csv", sample::ESTIMATES, 4);
    let loc = (&pos, "source");
    let mut findings = Vec::new();
    assert!(reference(&data, Table::Source, "src", loc, &mut findings));
    assert!(!reference(
        &data,
        Table::Source,
        "zemskov",
        loc,
        &mut findings
    ));
    assert!(!reference(&data, Table::Text, "", loc, &mut findings));
    assert_eq!(sample::codes(&findings), [Code::UnknownReference; 2]);
    assert_eq!(findings[0].message, "source `zemskov` is not defined");
    assert_eq!(findings[1].message, "text `(empty)` is not defined");
    assert_eq!((findings[0].line, findings[0].column), (4, 21));
}
