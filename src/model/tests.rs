//! Unit tests of `model`.

use super::*;

#[test]
fn lookups_find_the_first_row_with_an_id() {
    let mut contents = sample::contents("");
    contents.sources.push(Source {
        name: "The second".into(),
        ..sample::source("src")
    });
    let data = Dataset::new(contents);
    assert_eq!(
        data.source("src").map(|s| s.name.as_str()),
        Some("Historian src")
    );
    assert_eq!(
        data.quantity("famine").map(|q| q.unit.as_str()),
        Some("people")
    );
    assert!(data.quantity("nothing").is_none());
    assert!(data.estimate("e1").is_none());
}

#[test]
fn a_quantity_is_within_itself_and_its_parents_only() {
    let data = Dataset::new(sample::contents(""));
    assert!(data.is_within("famine", "deaths"));
    assert!(data.is_within("deaths", "deaths"));
    assert!(!data.is_within("deaths", "famine"));
}
