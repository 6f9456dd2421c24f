//! Validation: schema, provenance (each quote is in its text) and agreement between a quote and
//! its row (the figure and the qualifier). Every problem becomes a [`Finding`]; nothing stops early.

mod agreement;
mod ids;
mod quotes;
mod relations;

use std::collections::HashMap;

use crate::model::finding::Finding;
use crate::model::Dataset;

pub use quotes::shorten;

use agreement::check_estimate;
use ids::{check_ids, check_quantities, check_shared_ids, check_sources, id_rows};
use quotes::{check_contexts, TextIndex};
use relations::check_relations;

/// Runs every check on the dataset and returns the findings (unsorted).
pub fn validate(data: &Dataset) -> Vec<Finding> {
    let mut findings = Vec::new();
    let ids = id_rows(data);
    for (what, _, rows) in &ids {
        check_ids(rows.iter().copied(), what, &mut findings);
    }
    check_shared_ids(&ids, &mut findings);
    check_sources(data, &mut findings);
    check_quantities(data, &mut findings);
    let indexes: HashMap<&str, TextIndex> = data
        .texts
        .iter()
        .map(|t| (t.id.as_str(), TextIndex::new(&t.body)))
        .collect();
    for estimate in &data.estimates {
        check_estimate(data, estimate, &indexes, &mut findings);
    }
    check_relations(data, &indexes, &mut findings);
    check_contexts(data, &indexes, &mut findings);
    findings
}

/// A number as a message shows a cell's value.
fn show(v: f64) -> String {
    crate::english::number::plain(v)
}
