//! What every chart draws from: the analysis, the foot caption, the axis choice and the order
//! of a forest's rows.

use super::scale::AxisChoice;
use super::theme::WIDTH;
use crate::analysis::Analysis;
use crate::model::ChartText;

/// The analysis as the charts see it, with the settings that apply to every chart.
#[derive(Clone)]
pub struct View<'a> {
    pub analysis: &'a Analysis,
    /// The foot caption: the text's title, "figures as quoted", and reckon.
    pub caption: String,
    pub axis: AxisChoice,
    /// How a forest orders its rows.
    pub order: RowOrder,
    /// The name of the chart being drawn (see [`View::for_chart`]); empty otherwise.
    pub chart: String,
    /// The width charts are laid out at, in layout pixels (see [`View::sized`]).
    pub width: u32,
    /// How much larger than the layout the chart is written: text and strokes grow by it.
    pub scale: f64,
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
            chart: String::new(),
            width: WIDTH,
            scale: 1.0,
        }
    }

    /// The same view for charts `width` pixels wide whose text and strokes are `scale` times
    /// their usual size: the layout is `width / scale` wide and written `scale` times larger.
    /// A layout under [`NARROW`](super::theme::NARROW) stacks each row's label above its bar.
    pub fn sized(mut self, width: u32, scale: f64) -> Self {
        self.width = ((f64::from(width) / scale).round() as u32).max(1);
        // The factor that brings the rounded layout back to exactly `width`.
        self.scale = f64::from(width) / f64::from(self.width);
        self
    }

    /// The same view, with forest rows in `order`.
    pub fn with_order(mut self, order: RowOrder) -> Self {
        self.order = order;
        self
    }

    /// The same view while chart `name` is drawn: its header and footer take the dataset's
    /// own words for it (charts.csv).
    pub fn for_chart(&self, name: &str) -> View<'a> {
        View {
            chart: name.to_string(),
            ..self.clone()
        }
    }

    /// The dataset's own texts for chart `name` (charts.csv), if it words any.
    fn own(&self, name: &str) -> Option<&ChartText> {
        self.analysis.data.charts.iter().find(|c| c.id == name)
    }

    /// Chart `name`'s title: the dataset's (charts.csv) when it gives one, else `default`.
    pub fn title(&self, name: &str, default: &str) -> String {
        match self.own(name) {
            Some(c) if !c.title.is_empty() => c.title.clone(),
            _ => default.to_string(),
        }
    }

    /// Chart `name`'s subtitle: the dataset's when it gives one, else `default`.
    pub fn subtitle_of(&self, name: &str, default: &str) -> String {
        match self.own(name) {
            Some(c) if !c.subtitle.is_empty() => c.subtitle.clone(),
            _ => default.to_string(),
        }
    }

    /// Chart `name`'s foot caption: the dataset's when it gives one, else the common one.
    pub fn caption_of(&self, name: &str) -> &str {
        match self.own(name) {
            Some(c) if !c.caption.is_empty() => &c.caption,
            _ => &self.caption,
        }
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
