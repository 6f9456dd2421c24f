//! What every chart draws from: the dataset, its readings, reconciliation and verdicts, computed
//! once per run.

use anyhow::Result;

use super::scale::AxisChoice;
use crate::analysis::interpret::Rules;
use crate::analysis::reconcile::{self, Member, Summary};
use crate::analysis::relate::{self, Outcome, Readings};
use crate::cli::GroupBy;
use crate::model::Dataset;

/// Everything the charts need, computed once.
pub struct Context<'a> {
    pub data: &'a Dataset,
    pub readings: Readings,
    pub members: Vec<Member>,
    pub summaries: Vec<Summary>,
    pub outcomes: Vec<Outcome>,
    /// The foot caption: the text's title, "figures as quoted", and reckon.
    pub caption: String,
    pub axis: AxisChoice,
}

impl<'a> Context<'a> {
    /// Interprets, reconciles and relates the dataset for charting.
    pub fn new(data: &'a Dataset, rules: &Rules, axis: AxisChoice) -> Result<Self> {
        let readings = relate::readings(data, rules);
        let members = reconcile::members(data, &readings);
        let summaries = reconcile::reconcile(data, &readings, GroupBy::Quantity)?;
        let outcomes = relate::evaluate(data, rules);
        let titles: Vec<&str> = data.texts.iter().map(|t| t.title.as_str()).collect();
        let caption = format!(
            "Source: {}; figures as quoted, intervals by reckon's qualifier rules. Chart: reckon.",
            if titles.is_empty() {
                "the dataset".to_string()
            } else {
                titles.join("; ")
            }
        );
        Ok(Context {
            data,
            readings,
            members,
            summaries,
            outcomes,
            caption,
            axis,
        })
    }

    /// The members that estimate a quantity.
    pub fn members_of(&self, quantity: &str) -> Vec<&Member> {
        self.members
            .iter()
            .filter(|m| m.quantity == quantity)
            .collect()
    }

    /// The summary of a quantity.
    pub fn summary(&self, quantity: &str) -> Option<&Summary> {
        self.summaries.iter().find(|s| s.key == quantity)
    }

    /// A source's name as the text gives it.
    pub fn source_name(&self, id: &str) -> String {
        self.data
            .source(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// "region · 1937–1938 · people" for a quantity.
    pub fn subtitle(&self, quantity: &str) -> String {
        let Some(q) = self.data.quantity(quantity) else {
            return String::new();
        };
        let period = match (q.period_start, q.period_end) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("from {a}"),
            (None, Some(b)) => format!("until {b}"),
            (None, None) => String::new(),
        };
        [q.region.as_str(), period.as_str(), q.unit.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ")
    }
}
