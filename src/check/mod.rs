//! Validation: schema, provenance (each quote is in its text) and agreement between a quote and
//! its row (the figure and the qualifier). Every problem becomes a [`Finding`]; nothing stops early.

mod agreement;
mod cells;
mod dating;
mod ids;
mod quotes;
mod reading;
mod relations;
mod series;

use foldhash::HashMap;

use crate::model::finding::Finding;
use crate::model::Dataset;

pub use quotes::shorten;

use agreement::check_estimate;
use dating::check_dating;
use ids::{check_ids, check_quantities, check_shared_ids, check_sources, id_rows};
use quotes::{check_contexts, TextIndex};
use relations::check_relations;
use series::check_series;

/// Runs every check on the dataset and returns the findings (unsorted).
pub fn validate(data: &Dataset) -> Vec<Finding> {
    ids::hints::reset();
    let mut findings = Vec::new();
    let ids = id_rows(data);
    for (what, _, rows) in &ids {
        check_ids(rows.iter().copied(), what, &mut findings);
    }
    check_shared_ids(&ids, &mut findings);
    check_sources(data, &mut findings);
    check_quantities(data, &mut findings);
    check_series(data, &mut findings);
    let indexes = quotes::indexes(data);
    for estimate in &data.estimates {
        check_estimate(data, estimate, &indexes, &mut findings);
        check_dating(data, estimate, &mut findings);
    }
    check_relations(data, &indexes, &mut findings);
    check_contexts(data, &indexes, &mut findings);
    findings
}

/// Checks estimates that are not (yet) rows of the dataset against its texts: the quote is in
/// its text once, and the values and qualifier agree with it. `coverage --propose` keeps only
/// the draft rows this finds nothing wrong with.
pub struct Draft<'a> {
    data: &'a Dataset,
    indexes: HashMap<&'a str, TextIndex<'a>>,
}

impl<'a> Draft<'a> {
    /// Indexes the dataset's texts once.
    pub fn new(data: &'a Dataset) -> Self {
        let indexes = quotes::indexes(data);
        Draft { data, indexes }
    }

    /// The findings of one draft row, leaving out that its quantity and source are not (yet)
    /// defined: a person fills those in.
    pub fn check(&self, e: &crate::model::Estimate) -> Vec<Finding> {
        let mut findings = Vec::new();
        check_estimate(self.data, e, &self.indexes, &mut findings);
        findings.retain(|f| {
            !(f.code == crate::model::finding::Code::UnknownReference
                && (f.message.starts_with("quantity `") || f.message.starts_with("source `")))
        });
        findings
    }
}

/// A number as a message shows a cell's value.
fn show(v: f64) -> String {
    crate::english::number::plain(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::finding::Code;
    use crate::model::sample::{self, row};
    use crate::model::{Qualifier, RelationKind, Source};

    fn clean() -> crate::model::Contents {
        let mut contents =
            sample::contents("About 400 people died. The archives leave out the deportees.");
        contents.estimates = vec![sample::estimate(
            "e1",
            "deaths",
            Qualifier::About,
            400.0,
            "About 400 people died",
        )];
        contents.contexts = vec![sample::context(
            "why",
            "text",
            "archives leave out the deportees",
        )];
        // Only the quantity the one estimate names: another would be unestimated.
        contents.quantities.truncate(1);
        contents
    }

    #[test]
    fn a_clean_dataset_has_no_findings() {
        let findings = validate(&Dataset::new(clean()));
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn every_file_is_checked() {
        let mut contents = clean();
        contents.sources.push(Source {
            pos: row("sources.csv", sample::SOURCES, 3),
            ..sample::source("src")
        });
        contents.quantities[0].unit = Default::default();
        contents.estimates[0].point = Some(500.0);
        contents.relations = vec![sample::relation(
            "r",
            RelationKind::Sum,
            "e1",
            &["e2", "e1"],
            None,
        )];
        contents.contexts[0].quote = "the archives include everyone".into();
        let findings = validate(&Dataset::new(contents));
        let files: Vec<(&str, Code)> = findings.iter().map(|f| (f.file.as_str(), f.code)).collect();
        assert_eq!(
            files,
            [
                ("sources.csv", Code::DuplicateId),
                ("quantities.csv", Code::MissingValue),
                ("estimates.csv", Code::ValueMismatch),
                ("relations.csv", Code::UnknownReference),
                ("relations.csv", Code::SelfRelation),
                ("context.csv", Code::QuoteNotFound),
            ]
        );
    }

    // Regression (issue 13): a column missing from a header, or a file that could not be read,
    // was reported again on every row and in every file that refers to it.
    #[test]
    fn a_column_or_file_that_could_not_be_read_causes_no_cascade() {
        use crate::model::Unread;
        let mut contents = clean();
        let without: Vec<&str> = sample::ESTIMATES
            .iter()
            .copied()
            .filter(|c| !matches!(*c, "point" | "quote" | "source"))
            .collect();
        let e = &mut contents.estimates[0];
        (e.point, e.quote, e.source) = (None, Default::default(), Default::default());
        e.pos = row("estimates.csv", &without, 2);
        contents.quantities[0].pos = row("quantities.csv", &["id"], 2);
        contents.quantities[0].unit = Default::default();
        contents.sources.clear();
        contents.relations = vec![sample::relation(
            "r",
            RelationKind::Subset,
            "e1",
            &["e1b"],
            None,
        )];
        contents.unread = vec![
            Unread {
                file: "estimates.csv",
                column: Some("point"),
            },
            Unread {
                file: "sources.csv",
                column: None,
            },
        ];
        let findings = validate(&Dataset::new(contents.clone()));
        // Only the relation's unknown operand is a finding of its own.
        assert_eq!(sample::codes(&findings), [Code::UnknownReference]);
        assert!(findings[0].message.starts_with("estimate `e1b`"));
        // Once estimates.csv could not be read, its ids are not checked either.
        contents.unread.push(Unread {
            file: "estimates.csv",
            column: None,
        });
        assert!(validate(&Dataset::new(contents)).is_empty());
    }
}
