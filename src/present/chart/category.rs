//! Category overview: one row per quantity of a category, its envelope, consensus and median,
//! so a reader sees how, say, all execution figures relate.

use plotters::prelude::*;

use super::draw::{arrow, bar, inner_width, margin, right_edge, text, wrap, Area, Drawn};
use super::furniture::{footer, header, legend};
use super::render::render_fit;
use super::rows::RowLayout;
use super::theme::{Lettering, INK, MARGIN, MUTED, PARTS};
use super::view::View;
use super::Rendered;
use crate::analysis::reconcile::Summary;
use crate::english::number::figure;
use crate::present::write::file_stem;

/// Left end of the plot on a wide page, after the label column.
const PLOT_X0: i32 = MARGIN + 312;
/// Room for the value column, right of the plot on a wide page.
const VALUE_COLUMN: i32 = 180;
const ROW: i32 = 44;
const LABEL_WIDTH: u32 = 300;

/// The quantities of one category in one unit.
pub struct Overview<'a> {
    pub category: String,
    pub unit: String,
    pub rows: Vec<&'a Summary>,
    /// Quantities left out between the lowest and highest rows drawn (see [`MAX_ROWS`]).
    pub omitted: usize,
}

/// The most quantities an overview draws: the lowest and the highest half by median, so that a
/// category of thousands of quantities still makes a chart of readable, bounded size.
pub const MAX_ROWS: usize = 60;

/// One overview per category and unit with two or more quantities. A quantity a series chart
/// draws is a point of its line there, not a row here: a category made of one series has no
/// overview, only its series chart.
pub fn overviews<'a>(ctx: &'a View) -> Vec<Overview<'a>> {
    let mut out: Vec<Overview> = Vec::new();
    let in_series = super::series::charted_quantities(ctx);
    // A quantity of restatements and surveys only has no median to place.
    for s in ctx
        .analysis
        .summaries
        .iter()
        .filter(|s| s.independent > 0 && !in_series.contains(&s.key))
    {
        match out
            .iter_mut()
            .find(|o| o.category == s.category && o.unit == s.unit)
        {
            Some(o) => o.rows.push(s),
            None => out.push(Overview {
                category: s.category.clone(),
                unit: s.unit.clone(),
                rows: vec![s],
                omitted: 0,
            }),
        }
    }
    out.retain(|o| o.rows.len() >= 2);
    for o in &mut out {
        o.rows
            .sort_by(|a, b| a.median.total_cmp(&b.median).then(a.key.cmp(&b.key)));
        if o.rows.len() > MAX_ROWS {
            o.omitted = o.rows.len() - MAX_ROWS;
            o.rows.drain(MAX_ROWS / 2..MAX_ROWS / 2 + o.omitted);
        }
    }
    out
}

fn title(ctx: &View, o: &Overview, several_units: bool) -> String {
    let mut name = crate::present::words::category_title(&ctx.analysis.data, &o.category);
    if several_units {
        name = format!("{name} ({})", o.unit);
    }
    format!("{name}: every quantity compared")
}

/// Draws an overview.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    o: &Overview,
    title: &str,
    ctx: &View,
    height: u32,
) -> Drawn<DB, i32> {
    let agreed = o
        .rows
        .iter()
        .any(|s| s.consensus.is_some() && s.independent >= 2);
    let subtitle = format!(
        "{} quantities · {} · envelope of each quantity's estimates, {}their median",
        o.rows.len() + o.omitted,
        o.unit,
        if agreed {
            "consensus where they agree, and "
        } else {
            ""
        }
    );
    let y = header(area, ctx, title, &subtitle)?;
    let mut keys = vec![("envelope of the estimates".to_string(), PARTS[4])];
    if agreed {
        keys.push(("consensus (all estimates agree)".to_string(), PARTS[2]));
    }
    keys.push(("median".to_string(), INK));
    let y = legend(area, &keys, y)?;
    let values = o
        .rows
        .iter()
        .flat_map(|s| [s.envelope.lo, s.envelope.hi, s.median])
        .filter(|v| v.is_finite());
    let wide = (PLOT_X0, right_edge(area) - VALUE_COLUMN);
    let layout = RowLayout::for_page(area, values, ctx.axis, wide, ROW, o.rows.len(), y, 2);
    layout.axis(area, &o.unit)?;
    layout.value_heading(area, "median")?;
    for (i, s) in o.rows.iter().enumerate() {
        let known = crate::present::digits::of_median(ctx.analysis, &s.key, s.median);
        draw_row(area, (s, known), &o.unit, &layout, layout.row_y(i))?;
    }
    let mut bottom = layout.bottom;
    if o.omitted > 0 {
        let note = format!(
            "{} more quantities, between the {} lowest and the {} highest medians drawn, are not shown; reconciled.csv lists every one.",
            crate::english::number::grouped(o.omitted as f64),
            MAX_ROWS / 2,
            MAX_ROWS / 2
        );
        let ty = Lettering::new(12.0, MUTED);
        // Below the axis and its tick labels.
        bottom += 22;
        for l in wrap(area, &note, ty, inner_width(area), 2) {
            bottom += 16;
            text(area, &l, (margin(area), bottom), ty)?;
        }
    }
    footer(area, ctx, height)?;
    Ok(bottom + 36)
}

/// One quantity: its label, envelope bar (arrows for ends off the plot), consensus bar,
/// median tick and the median written on the right.
fn draw_row<DB: DrawingBackend>(
    area: &Area<DB>,
    (s, known): (&Summary, Option<u32>),
    unit: &str,
    layout: &RowLayout,
    cy: i32,
) -> Drawn<DB> {
    let envelope = PARTS[4].to_rgba();
    let consensus = PARTS[2].to_rgba();
    let shown = format!("{} ({} est.)", figure(s.median, known, unit), s.independent);
    let value = Lettering::new(12.0, INK).right();
    let (label_room, value_y) = if layout.stacked > 0 {
        // The label takes the first line, the median the second, at the right.
        (inner_width(area), layout.line_y(cy, 1))
    } else {
        (LABEL_WIDTH, cy)
    };
    layout.label(area, &s.label, cy, label_room)?;
    let (x0, x1) = (layout.x0, layout.x1);
    let x = |v: f64| layout.x(v);
    let hi = if s.envelope.is_open_above() {
        x1
    } else {
        x(s.envelope.hi)
    };
    bar(
        area,
        (x(s.envelope.lo), cy - 7),
        (hi.max(x(s.envelope.lo) + 1), cy + 7),
        envelope,
    )?;
    if s.envelope.is_open_above() {
        arrow(area, (x1 + 4, cy), 1, PARTS[2])?;
    }
    if s.envelope.lo < layout.scale.lo() || (layout.scale.is_log() && s.envelope.lo <= 0.0) {
        arrow(area, (x0 - 4, cy), -1, PARTS[2])?;
    }
    // One estimate agrees with nothing: only two or more make a consensus worth drawing.
    if let Some(c) = s.consensus.filter(|_| s.independent >= 2) {
        let chi = if c.is_open_above() { x1 } else { x(c.hi) };
        bar(
            area,
            (x(c.lo), cy - 7),
            (chi.max(x(c.lo) + 2), cy + 7),
            consensus,
        )?;
    }
    let mx = x(s.median);
    bar(area, (mx - 2, cy - 11), (mx + 2, cy + 11), INK.to_rgba())?;
    layout.value(area, &shown, value_y, value, 175)?;
    Ok(())
}

/// Renders every overview.
pub fn render(ctx: &View) -> anyhow::Result<Vec<Rendered>> {
    let all = overviews(ctx);
    all.iter()
        .map(|o| {
            let several = all.iter().filter(|p| p.category == o.category).count() > 1;
            let title = title(ctx, o, several);
            let name = if several {
                file_stem(&["category", &o.category, &o.unit])
            } else {
                file_stem(&["category", &o.category])
            };
            let ctx = &ctx.for_chart(&name);
            Ok(Rendered {
                title: ctx.title(&name, &title),
                name,
                subjects: vec![o.category.clone()],
                svg: render_fit(ctx.width, |area, h| draw(area, o, &title, ctx, h))?,
            })
        })
        .collect()
}
