//! Unit tests of `coverage`.

use super::*;

fn class_of(body: &str, figure: &str) -> Class {
    let start = body.find(figure).unwrap();
    let parsed = figure::parse(body);
    let f = parsed
        .figures
        .iter()
        .find(|f| f.span.start == start)
        .unwrap_or_else(|| panic!("no figure at `{figure}` in {:?}", parsed.figures));
    classify(body, &f.span, f.kind)
}

#[test]
fn dates_years_ages_and_identifiers_are_told_apart() {
    assert_eq!(class_of("born on 18 December 1878 to", "18"), Class::Date);
    assert_eq!(class_of("born on 18 December 1878 to", "1878"), Class::Date);
    assert_eq!(class_of("expelled in 1899 after", "1899"), Class::Year);
    assert_eq!(
        class_of("During the late 1930s, Stalin", "1930"),
        Class::Year
    );
    assert_eq!(class_of("(1878-12-18)", "12"), Class::Date);
    assert_eq!(
        class_of("At seven, he contracted smallpox", "seven"),
        Class::Age
    );
    assert_eq!(class_of("at the age of 74, and", "74"), Class::Age);
    assert_eq!(
        class_of("such as Order No. 270, requiring", "270"),
        Class::Identifier
    );
    assert_eq!(
        class_of("Article 58 of the legal code", "58"),
        Class::Identifier
    );
    assert_eq!(
        class_of("above the 38th parallel north", "38"),
        Class::Identifier
    );
    assert_eq!(
        class_of("with Five-Year Plans and", "Five"),
        Class::Identifier
    );
    assert_eq!(
        class_of("no more than ten days, with", "ten"),
        Class::Duration
    );
    assert_eq!(
        class_of("only at about 10 p.m. in the evening", "10"),
        Class::Duration
    );
    assert_eq!(class_of("One of the best examples", "One"), Class::Word);
    assert_eq!(
        class_of("in the early morning of 2 March.", "2"),
        Class::Date
    );
    assert_eq!(class_of("within 24 hours.", "24"), Class::Duration);
    assert_eq!(
        class_of("Half of them, aged from 16 to 19, agreed", "19"),
        Class::Age
    );
    assert_eq!(
        class_of("to include T-34/85 tanks", "34"),
        Class::Identifier
    );
    assert_eq!(
        class_of("to include T-34/85 tanks", "85"),
        Class::Identifier
    );
    assert_eq!(
        class_of("wanted two agreements: (1) a pact and (2) a", "2"),
        Class::Identifier
    );
    assert_eq!(
        class_of("exemplified by the Seven Sisters of Moscow", "Seven"),
        Class::Identifier
    );
    assert_eq!(
        class_of("The Big Three: Stalin", "Three"),
        Class::Identifier
    );
    assert_eq!(
        class_of("many \"Black Hundreds\" right-wing", "Hundreds"),
        Class::Identifier
    );
    assert_eq!(
        class_of("may have married a third wife", "a third"),
        Class::Word
    );
}

#[test]
fn counts_stay_figures() {
    assert_eq!(class_of("the death of 40 people and", "40"), Class::Figure);
    assert_eq!(class_of("1,108 negative votes", "1,108"), Class::Figure);
    assert_eq!(
        class_of("some 580,000 never returned", "580,000"),
        Class::Figure
    );
    assert_eq!(
        class_of("Fewer than a third of them", "a third"),
        Class::Figure
    );
    assert_eq!(
        class_of("He was exiled. Seven times he escaped", "Seven"),
        Class::Figure
    );
    assert_eq!(
        class_of("Thousands of parishes were reactivated", "Thousands"),
        Class::Figure
    );
}

#[test]
fn a_table_documents_cells_are_covered_by_the_estimates_that_name_them() {
    use crate::model::sample::{self, row};
    use crate::model::{Contents, Estimate, Qualifier};
    let header = ["Author", "Year", "Deaths (millions)"];
    let mut contents: Contents = sample::contents("");
    contents.texts = vec![Text {
        path: "texts/table.csv".into(),
        table: Some(TableDoc {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: vec![
                (
                    row("texts/table.csv", &header, 2),
                    vec!["Peng".into(), "1987".into(), "23".into()],
                ),
                (
                    row("texts/table.csv", &header, 3),
                    vec!["Coale".into(), "1984".into(), "27".into()],
                ),
            ],
        }),
        ..sample::text("table", "")
    }];
    contents.estimates = vec![Estimate {
        text: "table".into(),
        locator: "Author=Coale;column=Deaths (millions);scale=1000000".into(),
        ..sample::estimate("e1", "deaths", Qualifier::Exact, 27e6, "")
    }];
    let c = coverage(&Dataset::new(contents));
    let figures: Vec<(&str, Class, bool, u64)> = c
        .found
        .iter()
        .map(|f| (f.figure.as_str(), f.class, f.covered, f.line))
        .collect();
    // The years are years; Peng's 23 is the one figure no estimate covers.
    assert_eq!(
        figures,
        [
            ("1987", Class::Year, false, 2),
            ("23", Class::Figure, false, 2),
            ("1984", Class::Year, false, 3),
            ("27", Class::Figure, true, 3),
        ]
    );
    assert_eq!((c.figures, c.covered), (2, 1));
    assert_eq!(
        c.found[1].sentence,
        "Author: Peng; Year: 1987; Deaths (millions): 23"
    );
}
