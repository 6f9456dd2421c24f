//! Unit tests of `cells`: locators, and a cell estimate checked against its table document.

use super::*;
use crate::check::validate;
use crate::model::sample::{self, codes, one, row};
use crate::model::{Contents, Dataset, Estimate, Qualifier, RowPos, TableDoc};

/// A table of the literature (Author, Year, Deaths in millions) and a dataset whose one
/// estimate points at a cell of it.
fn dataset(locator: &str, point: f64, quote: &str) -> Dataset {
    let header = ["Author", "Year", "Deaths (millions)"];
    let table_row = |line: u64, cells: [&str; 3]| -> (RowPos, Vec<String>) {
        (
            row("texts/table.csv", &header, line),
            cells.iter().map(|c| c.to_string()).collect(),
        )
    };
    let mut contents: Contents = sample::contents("");
    contents.texts = vec![crate::model::Text {
        path: "texts/table.csv".into(),
        table: Some(TableDoc {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: vec![
                table_row(2, ["Peng", "1987", "23"]),
                table_row(3, ["Coale", "1984", "27"]),
                table_row(4, ["Coale", "1984", "16.5"]),
            ],
        }),
        ..sample::text("table", "")
    }];
    contents.quantities.truncate(1);
    contents.estimates = vec![Estimate {
        text: "table".into(),
        locator: locator.into(),
        ..sample::estimate("e1", "deaths", Qualifier::Exact, point, quote)
    }];
    Dataset::new(contents)
}

#[test]
fn a_cell_that_holds_the_figure_passes() {
    let data = dataset(
        "Author=Peng;column=Deaths (millions);scale=1000000",
        23e6,
        "",
    );
    assert!(validate(&data).is_empty(), "{:#?}", validate(&data));
    let data = dataset("row=3;column=Deaths (millions)", 16.5, "16.5");
    assert!(validate(&data).is_empty(), "{:#?}", validate(&data));
}

#[test]
fn a_changed_cell_is_a_value_mismatch_naming_both_files() {
    // The row says 27 million; the cell of Peng's row holds 23 (million).
    let data = dataset(
        "Author=Peng;column=Deaths (millions);scale=1000000",
        27e6,
        "",
    );
    let found = validate(&data);
    let f = one(&found, Code::ValueMismatch);
    assert_eq!(f.file, "estimates.csv");
    assert_eq!(f.column, sample::column(sample::ESTIMATES, "point"));
    // Peng's row is line 2 of the table; "Deaths (millions)" its third column (21 by `row`).
    assert!(
        f.message
            .contains("the cell at texts/table.csv:2:21 \"23\" (× 1000000) states 23 million"),
        "{}",
        f.message
    );
}

#[test]
fn a_locator_that_finds_no_single_cell_is_bad_locator() {
    for (locator, says) in [
        (
            "Author=Coale;column=Deaths (millions)",
            "2 rows have Author=Coale",
        ),
        (
            "Author=Banister;column=Deaths (millions)",
            "no row has Author=Banister",
        ),
        (
            "row=9;column=Deaths (millions)",
            "past the table's last row (3)",
        ),
        (
            "row=1;column=Death (millions)",
            "no column `Death (millions)` (did you mean `Deaths (millions)`?)",
        ),
        (
            "Autor=Peng;column=Year",
            "no column `Autor` (did you mean `Author`?)",
        ),
    ] {
        let found = validate(&dataset(locator, 23e6, ""));
        assert_eq!(codes(&found), [Code::BadLocator], "{locator}");
        assert!(found[0].message.contains(says), "{}", found[0].message);
        assert!(found[0].message.contains("table texts/table.csv"));
    }
}

#[test]
fn a_quote_of_a_cell_estimate_must_be_in_the_cell() {
    let found = validate(&dataset("row=1;column=Deaths (millions)", 23.0, "27"));
    assert_eq!(codes(&found), [Code::QuoteNotFound]);
    assert!(found[0]
        .message
        .contains("not in the cell at texts/table.csv:2:21"));
}

/// A table in the shape UCDP publishes (one row per estimate, low/best/high columns) and a
/// `range` estimate of its one row with the given low/point/high and locator.
fn ranged(locator: &str, low: f64, point: Option<f64>, high: f64) -> Dataset {
    let header = ["Conflict", "low", "best", "high"];
    let mut contents: Contents = sample::contents("");
    contents.texts = vec![crate::model::Text {
        path: "texts/ucdp.csv".into(),
        table: Some(TableDoc {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: vec![(
                row("texts/ucdp.csv", &header, 2),
                ["Korea", "100", "150", "400"].map(String::from).to_vec(),
            )],
        }),
        ..sample::text("ucdp", "")
    }];
    contents.quantities.truncate(1);
    contents.estimates = vec![Estimate {
        text: "ucdp".into(),
        locator: locator.into(),
        low: Some(low),
        point,
        high: Some(high),
        ..sample::estimate("e1", "deaths", Qualifier::Range, 0.0, "")
    }];
    Dataset::new(contents)
}

#[test]
fn a_range_checks_each_value_against_its_own_cell() {
    let all = "Conflict=Korea;column.low=low;column.point=best;column.high=high";
    assert!(validate(&ranged(all, 100.0, Some(150.0), 400.0)).is_empty());
    let ends = "Conflict=Korea;column.low=low;column.high=high";
    assert!(validate(&ranged(ends, 100.0, None, 400.0)).is_empty());
    // `column` gives the point its cell; the ends have their own.
    let mixed = "Conflict=Korea;column=best;column.low=low;column.high=high";
    assert!(validate(&ranged(mixed, 100.0, Some(150.0), 400.0)).is_empty());
}

#[test]
fn a_value_checked_against_its_own_cell_names_that_cell() {
    // The row's high is 150 (the best cell's figure), but the high cell holds 400.
    let all = "Conflict=Korea;column.low=low;column.point=best;column.high=high";
    let found = validate(&ranged(all, 100.0, Some(150.0), 150.0));
    let f = one(&found, Code::ValueMismatch);
    assert_eq!(f.column, sample::column(sample::ESTIMATES, "high"));
    assert!(
        f.message
            .contains("the cell at texts/ucdp.csv:2:31 \"400\""),
        "{}",
        f.message
    );
}

#[test]
fn a_value_without_a_cell_is_bad_locator() {
    // The row has a point, but the locator names cells for the ends only.
    let ends = "Conflict=Korea;column.low=low;column.high=high";
    let found = validate(&ranged(ends, 100.0, Some(150.0), 400.0));
    assert_eq!(codes(&found), [Code::BadLocator]);
    assert!(
        found[0].message.contains("names no cell for `point`"),
        "{}",
        found[0].message
    );
}
