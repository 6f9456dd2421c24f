//! Unit tests of `rows`: the locator each entry gets, and the copy of a table read with
//! another delimiter.

use std::path::Path;

use super::*;
use crate::import::read::read_sheet;
use crate::import::shape::{entries, Layout};

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

/// The locator of every entry of a long table (source column `source`, values low/best/high).
fn locators(text: &str, quantity: &[&str]) -> Vec<String> {
    let sheet = read_sheet(text.as_bytes(), Path::new("t.csv"), None).unwrap();
    let shape = Shape::Long {
        source: LongSource::Column("source".into()),
        low: Some("low".into()),
        point: Some("best".into()),
        high: Some("high".into()),
    };
    let quantity = strings(quantity);
    let layout = Layout {
        quantity: &quantity,
        year: None,
        series: &[],
        shape: &shape,
        na: &[],
    };
    let read = entries(&sheet.table, Path::new("t.csv"), &layout).unwrap();
    read.entries
        .iter()
        .map(|e| locator(&sheet.table, &read, e).unwrap())
        .collect()
}

#[test]
fn a_locator_names_the_row_by_its_keys_and_each_value_s_cell() {
    let text = "conflict,source,low,best,high\n\
        Korea,UCDP,100,150,400\n\
        Korea,PRIO,,200,\n\
        Vietnam,UCDP,10,,30\n";
    assert_eq!(
        locators(text, &["conflict"]),
        [
            "conflict=Korea;source=UCDP;column.low=low;column.point=best;column.high=high",
            "conflict=Korea;source=PRIO;column=best",
            "conflict=Vietnam;source=UCDP;column.low=low;column.high=high",
        ]
    );
}

#[test]
fn a_row_its_keys_cannot_name_is_named_by_number() {
    // A `;` in a key cell would end the locator's pair; a key column named `row` is a word of
    // the locator itself.
    let text = "conflict,source,low,best,high\n\
        Korea; North,UCDP,,150,\n\
        Vietnam,UCDP,,20,\n";
    assert_eq!(
        locators(text, &["conflict"]),
        [
            "row=1;column=best",
            "conflict=Vietnam;source=UCDP;column=best"
        ]
    );
    let text = "row,source,low,best,high\nA,UCDP,,150,\n";
    assert_eq!(locators(text, &["row"]), ["row=1;column=best"]);
}

#[test]
fn a_table_read_with_semicolons_is_copied_with_commas_and_the_same_cells() {
    let text = "Entity;Deaths, all;Note\nKorea;1,5;\"said \"\"1.5\"\"\"\n";
    let sheet = read_sheet(text.as_bytes(), Path::new("t.csv"), None).unwrap();
    let copy = with_commas(&sheet.table);
    assert_eq!(
        String::from_utf8(copy.clone()).unwrap(),
        "Entity,\"Deaths, all\",Note\nKorea,\"1,5\",\"said \"\"1.5\"\"\"\n"
    );
    let again = read_sheet(&copy, Path::new("t.csv"), None).unwrap();
    assert_eq!(again.table.header, sheet.table.header);
    assert_eq!(again.table.rows[0].1, sheet.table.rows[0].1);
}
