//! Unit tests of `shape`: wide and long tables read into entries, and the rows each refuses.

use super::*;
use crate::import::read::read_sheet;

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

/// The entries of a table given as text, with the quantity columns, year and shape given.
fn read(
    text: &str,
    quantity: &[&str],
    year: Option<&str>,
    shape: Shape,
) -> Result<Entries, Vec<Finding>> {
    let sheet =
        read_sheet(text.as_bytes(), Path::new("t.csv"), None).unwrap_or_else(|f| panic!("{f:?}"));
    let quantity = strings(quantity);
    // Our World in Data's tables follow each entity across years.
    let series = strings(if text.starts_with("Entity") {
        &["Entity"]
    } else {
        &[]
    });
    let na = strings(&["NA", "-999"]);
    let layout = Layout {
        quantity: &quantity,
        year,
        series: &series,
        shape: &shape,
        na: &na,
    };
    entries(&sheet.table, Path::new("t.csv"), &layout)
}

fn long(low: Option<&str>, point: Option<&str>, high: Option<&str>) -> Shape {
    Shape::Long {
        source: LongSource::Column("source".into()),
        low: low.map(String::from),
        point: point.map(String::from),
        high: high.map(String::from),
    }
}

/// Our World in Data's shape: Entity, Code, Year, one column per source.
const WIDE: &str = "Entity,Code,Year,Deaths (UCDP),Deaths (PRIO)\n\
    Korea,KOR,1950,,NA\n\
    Korea,KOR,1951,120000,180000\n\
    Vietnam,VNM,1951,, 5000 \n";

#[test]
fn a_wide_table_gives_one_exact_point_per_filled_source_cell() {
    let shape = Shape::Wide {
        sources: strings(&["Deaths (UCDP),Deaths (PRIO)"]),
    };
    let read = read(WIDE, &["Entity"], Some("Year"), shape).unwrap();
    type Got<'a> = (Vec<String>, Option<i32>, &'a str, &'a str, Qualifier);
    let got: Vec<Got> = read
        .entries
        .iter()
        .map(|e| {
            (
                e.key.clone(),
                e.year,
                e.source.as_str(),
                e.values[0].2.as_str(),
                e.qualifier,
            )
        })
        .collect();
    let korea = strings(&["Korea", "1951"]);
    assert_eq!(
        got,
        [
            (
                korea.clone(),
                Some(1951),
                "Deaths (UCDP)",
                "120000",
                Qualifier::Exact
            ),
            (
                korea,
                Some(1951),
                "Deaths (PRIO)",
                "180000",
                Qualifier::Exact
            ),
            (
                strings(&["Vietnam", "1951"]),
                Some(1951),
                "Deaths (PRIO)",
                "5000",
                Qualifier::Exact
            ),
        ]
    );
    // Korea 1950's two cells (empty, NA) and Vietnam's empty UCDP cell.
    assert_eq!(read.skipped, 3);
    assert_eq!(
        read.entries[0].series,
        [("Entity".to_string(), "Korea".to_string())]
    );
    assert_eq!(read.entries[2].values[0].1, 4, "the PRIO column");
}

/// UCDP's shape: one row per estimate, low/best/high columns.
const LONG: &str = "conflict,source,low,best,high\n\
    Korea,UCDP,100,150,400\n\
    Korea,PRIO,-999,200,-999\n\
    Vietnam,UCDP,10,NA,30\n\
    Vietnam,PRIO,NA,NA,NA\n";

#[test]
fn a_long_row_with_both_ends_is_a_range_and_with_a_point_alone_exact() {
    let read = read(
        LONG,
        &["conflict"],
        None,
        long(Some("low"), Some("best"), Some("high")),
    )
    .unwrap();
    let got: Vec<(&str, &str, Qualifier, Vec<&str>)> = read
        .entries
        .iter()
        .map(|e| {
            let values = e.values.iter().map(|(n, _, _)| *n).collect();
            (e.key[0].as_str(), e.source.as_str(), e.qualifier, values)
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Korea",
                "UCDP",
                Qualifier::Range,
                vec!["low", "point", "high"]
            ),
            ("Korea", "PRIO", Qualifier::Exact, vec!["point"]),
            ("Vietnam", "UCDP", Qualifier::Range, vec!["low", "high"]),
        ]
    );
    // The row of Vietnam by PRIO has no value at all: nothing is imported from it.
    assert_eq!(read.skipped, 2 + 1 + 3);
}

#[test]
fn a_long_row_with_one_end_or_out_of_order_is_refused_at_its_cell() {
    let text = "conflict,source,low,best,high\nKorea,UCDP,100,150,\nChina,UCDP,5,3,9\n";
    let found = read(
        text,
        &["conflict"],
        None,
        long(Some("low"), Some("best"), Some("high")),
    )
    .unwrap_err();
    let places: Vec<(u64, u64, Code)> = found.iter().map(|f| (f.line, f.column, f.code)).collect();
    assert_eq!(
        places,
        [(2, 12, Code::MissingValue), (3, 14, Code::BadOrder)]
    );
    assert!(
        found[0].message.contains("has a `low` but no `high`"),
        "{}",
        found[0].message
    );
    assert!(
        found[1]
            .message
            .contains("`low` (5) is greater than `best` (3)"),
        "{}",
        found[1].message
    );
}

#[test]
fn every_bad_cell_is_named_not_just_the_first() {
    let shape = Shape::Wide {
        sources: strings(&["Deaths (UCDP)", "Deaths (PRIO)"]),
    };
    let text =
        "Entity,Year,Deaths (UCDP),Deaths (PRIO)\nKorea,1951,many,1.2 million\nChina,c. 1950,5,6\n";
    let found = read(text, &["Entity"], Some("Year"), shape).unwrap_err();
    let places: Vec<(u64, u64, Code)> = found.iter().map(|f| (f.line, f.column, f.code)).collect();
    assert_eq!(
        places,
        [
            (2, 12, Code::BadNumber),
            (2, 17, Code::BadNumber),
            (3, 7, Code::BadYear)
        ]
    );
}

#[test]
fn two_rows_of_one_quantity_and_source_are_refused() {
    let text = "conflict,source,best\nKorea,UCDP,1\nKorea,UCDP,2\nKorea,PRIO,3\n";
    let found = read(text, &["conflict"], None, long(None, Some("best"), None)).unwrap_err();
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].code), (3, Code::DuplicateId));
    assert!(
        found[0].message.contains("(line 2 gave it first)"),
        "{}",
        found[0].message
    );
    let text = "conflict,source,best\nKorea,,1\n";
    let found = read(text, &["conflict"], None, long(None, Some("best"), None)).unwrap_err();
    assert_eq!((found[0].column, found[0].code), (7, Code::MissingValue));
}
