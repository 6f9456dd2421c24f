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
use ids::{
    check_ids, check_quantities, check_shared_ids, check_sources, id_rows, required, unknown,
};
use quotes::{check_quote, TextIndex};
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
    check_ids(
        data.contexts.iter().map(|c| (c.id.as_str(), &c.pos)),
        "context passage",
        &mut findings,
    );
    for c in &data.contexts {
        required(&c.topic, "topic", &c.pos, &mut findings);
        match data.text(&c.text) {
            Some(text) => {
                if let Some(index) = indexes.get(text.id.as_str()) {
                    check_quote(&c.quote, text, index, &c.pos.cell("quote"), &mut findings);
                }
            }
            None => findings.push(unknown(
                "text",
                &c.text,
                &c.pos.cell("text"),
                data.texts.iter().map(|t| t.id.as_str()),
            )),
        }
    }
    findings
}

pub(super) fn show(v: f64) -> String {
    crate::english::number::plain(v)
}
