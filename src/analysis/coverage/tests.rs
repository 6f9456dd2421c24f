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

// Regression (issue 13): Wikipedia's footnote markers ("[3]") and page numbers ("p. 6") were
// listed as uncovered figures.
#[test]
fn footnote_markers_and_page_numbers_are_identifiers_not_figures() {
    for (body, figure) in [
        ("killed 2.4 million people.[3] Others", "3"),
        ("the famine.\"[5] Later", "5"),
        ("as a note says[note 2] the", "2"),
        ("Peng 1987, pp. 648–649.", "648"),
        ("Peng 1987, pp. 648–649.", "649"),
        ("(Coale, p. 6)", "6"),
        ("as Yang wrote.[12]: 45 Later", "45"),
    ] {
        assert_eq!(
            class_of(body, figure),
            Class::Identifier,
            "{figure} in {body}"
        );
    }
    // An editor's insertion in brackets is a figure, and so is a count after a marker.
    assert_eq!(
        class_of("they killed [2 million] people", "2 million"),
        Class::Figure
    );
    assert_eq!(class_of("died.[3] 400 more fled", "400"), Class::Figure);
}

// Regression (issue 13): a figure whose text repeats in its paragraph was shown with the
// wrong sentence, or centred on the other occurrence.
#[test]
fn a_figure_is_shown_with_the_sentence_that_holds_its_own_position() {
    use crate::model::sample;
    let body = "In 1959 some 1,000 fled and 1,000 died in the camps, as the archive records in great detail over a long and winding sentence.[3] Later 1,000 returned.\n";
    let data = Dataset::new(sample::contents(body));
    let found: Vec<Found> = coverage(&data)
        .found
        .into_iter()
        .filter(|f| f.figure == "1,000")
        .collect();
    assert_eq!(found.len(), 3);
    let first = "In 1959 some 1,000 fled and 1,000 died in the camps, as the archive records in great detail over a long and winding sentence.[3]";
    assert_eq!(found[0].sentence, first);
    assert_eq!(found[1].sentence, first);
    assert_eq!(found[2].sentence, "Later 1,000 returned.");
    // Each points at its own occurrence inside the sentence.
    for f in &found {
        assert_eq!(&f.sentence[f.in_sentence..f.in_sentence + 5], "1,000");
    }
    assert_eq!(found[0].in_sentence, first.find("1,000").unwrap());
    assert_eq!(found[1].in_sentence, first.rfind("1,000").unwrap());
}
