//! Charts for reports, one file per chart kind, over shared parts: `theme` (sizes, fonts,
//! palette), `draw` (text and shapes, generic over the plotters backend), `furniture` (header,
//! legend, axis, footer) and `render` (SVG, and the SVG -> PNG rasteriser).
//!
//! Every chart is drawn once, into SVG, through plotters. The PNG is that SVG rendered by resvg
//! at 2x pixel density with the same embedded font: plotters' own bitmap text squeezes word
//! spaces and is not anti-aliased (plotters-rs/plotters#576), so this route makes the PNG look
//! exactly like the SVG.

pub mod category;
pub mod composition;
pub mod draw;
pub mod dumbbell;
pub mod forest;
pub mod furniture;
pub mod labels;
pub mod marks;
pub mod parallel;
pub mod render;
pub mod rows;
pub mod scale;
pub mod series;
pub mod survey;
pub mod theme;
pub mod timeline;
pub mod totals;
pub mod view;
pub mod years;

use anyhow::Result;

pub use parallel::{rasterize_during, Pngs};
pub use render::{png_size, rasterize};

/// A chart rendered to SVG, with the name its files take.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// File stem, safe on every platform (see [`file_stem`](crate::present::write::file_stem)).
    pub name: String,
    /// What the chart shows, for listings.
    pub title: String,
    /// The ids (quantity, category, relation) a user can name to select the chart.
    pub subjects: Vec<String>,
    /// The chart as an SVG document.
    pub svg: String,
}

/// The rows of charts.csv that name no chart the dataset has, each said with its place:
/// "data/charts.csv:3:1: charts.csv names no chart `forest-famine`; did you mean
/// `forest-famine_deaths`?".
pub fn unused_texts(data: &crate::model::Dataset, charts: &[Rendered]) -> Vec<String> {
    data.charts
        .iter()
        .filter(|t| !charts.iter().any(|c| c.name == t.id))
        .map(|t| {
            let near = crate::english::suggest::closest(&t.id, charts.iter().map(|c| c.name.as_str()));
            format!(
                "{}: charts.csv names no chart `{}`{}; its texts are not used (a chart's id is its file name without .svg)",
                t.pos.cell("id"),
                crate::present::write::terminal(&t.id),
                near.map_or(String::new(), |n| format!("; did you mean `{n}`?"))
            )
        })
        .collect()
}

/// Renders every chart the dataset supports, in a stable order.
pub fn render_all(ctx: &view::View) -> Result<Vec<Rendered>> {
    let mut charts = forest::render(ctx)?;
    charts.extend(timeline::render(ctx)?);
    charts.extend(category::render(ctx)?);
    charts.extend(series::render(ctx)?);
    charts.extend(totals::render(ctx)?);
    charts.extend(composition::render(ctx)?);
    charts.extend(dumbbell::render(ctx)?);
    let mut seen = std::collections::HashSet::new();
    // Two ids that sanitise to the same file name must not overwrite each other.
    for c in &mut charts {
        let mut name = c.name.clone();
        let mut n = 2;
        while !seen.insert(name.clone()) {
            name = format!("{}-{n}", c.name);
            n += 1;
        }
        c.name = name;
        c.svg = render::scaled(&c.svg, ctx.scale);
    }
    Ok(charts)
}
