//! What every chart draws from: the analysis, the foot caption, the axis choice and the order
//! of a forest's rows.

use super::scale::AxisChoice;
use crate::analysis::Analysis;

/// The analysis as the charts see it, with the settings that apply to every chart.
pub struct View<'a> {
    pub analysis: &'a Analysis,
    /// The foot caption: the text's title, "figures as quoted", and reckon.
    pub caption: String,
    pub axis: AxisChoice,
    /// How a forest orders its rows.
    pub order: RowOrder,
}

/// The order of a forest chart's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum RowOrder {
    /// By central value, lowest first.
    #[default]
    Value,
    /// By the year each estimate was made, earliest first; estimates without a year last.
    Year,
}

impl<'a> View<'a> {
    /// The charts' view of `analysis`, with its caption worded from the texts' titles.
    pub fn new(analysis: &'a Analysis, axis: AxisChoice) -> Self {
        let titles: Vec<&str> = analysis
            .data
            .texts
            .iter()
            .map(|t| t.title.as_str())
            .collect();
        let caption = format!(
            "Source: {}; figures as quoted, intervals by reckon's qualifier rules. Chart: reckon.",
            if titles.is_empty() {
                "the dataset".to_string()
            } else {
                titles.join("; ")
            }
        );
        View {
            analysis,
            caption,
            axis,
            order: RowOrder::default(),
        }
    }

    /// The same view, with forest rows in `order`.
    pub fn with_order(mut self, order: RowOrder) -> Self {
        self.order = order;
        self
    }

    /// "region · 1937–1938 · people" for a quantity.
    pub fn subtitle(&self, quantity: &str) -> String {
        let Some(q) = self.analysis.data.quantity(quantity) else {
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
