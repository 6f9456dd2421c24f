//! Forest chart: every estimate of one quantity as a row, its interval as a bar and its central
//! value as a dot, coloured by kind of source, over the reconciled envelope and median.

use plotters::prelude::*;

use super::draw::{arrow, bar, dashed, fit, text, wrap, Area, Drawn};
use super::furniture::{footer, header, legend, with_unit};
use super::render::render_fit;
use super::rows::RowLayout;
use super::theme::{kind_color, Lettering, BAND, INK, MARGIN, MUTED, WIDTH};
use super::view::View;
use super::Rendered;
use crate::english::number::{grouped, readable};
use crate::model::interval::Interval;
use crate::model::SourceKind;
use crate::present::words::interval_words;
use crate::present::words::stated;
use crate::present::write::file_stem;

/// One estimate as a row of the chart.
#[derive(Debug, Clone)]
pub struct Row {
    pub source: String,
    /// Qualifier and interval in words ("about: 8.5–9.5 million").
    pub detail: String,
    /// The figure as stated ("about 9 million").
    pub value: String,
    pub kind: SourceKind,
    pub interval: Interval,
    pub central: f64,
    pub derived: bool,
}

/// A forest chart's content.
#[derive(Debug, Clone)]
pub struct Forest {
    pub quantity: String,
    pub category: String,
    pub title: String,
    pub subtitle: String,
    pub unit: String,
    pub rows: Vec<Row>,
    pub envelope: Interval,
    pub median: f64,
    /// Estimates left out between the lowest and the highest rows drawn (see [`MAX_ROWS`]).
    pub omitted: usize,
}

/// The most rows a forest draws: the lowest and the highest half of them by central value. A
/// quantity with 100,000 estimates would otherwise make a PNG of 800,000 pixels in height; the
/// envelope and the median still cover every estimate, and the exports list each one.
pub const MAX_ROWS: usize = 40;

/// Keeps the lowest and highest `MAX_ROWS / 2` of rows sorted by central value; returns how
/// many were left out between them.
fn cap(rows: &mut Vec<Row>) -> usize {
    if rows.len() <= MAX_ROWS {
        return 0;
    }
    let omitted = rows.len() - MAX_ROWS;
    rows.drain(MAX_ROWS / 2..MAX_ROWS / 2 + omitted);
    omitted
}

const LABEL_WIDTH: u32 = 300;
const PLOT_X0: i32 = MARGIN + 312;
const PLOT_X1: i32 = WIDTH as i32 - MARGIN - 150;
const ROW: i32 = 40;

/// One forest per quantity with two or more estimates (derived ones included).
pub fn forests(ctx: &View) -> Vec<Forest> {
    ctx.analysis
        .summaries
        .iter()
        .filter(|s| s.estimates >= 2)
        .map(|s| {
            let mut rows: Vec<Row> = ctx
                .analysis
                .members_of(&s.key)
                .into_iter()
                .map(|m| {
                    let e = ctx.analysis.data.estimate(&m.estimate);
                    let value = match (e, ctx.analysis.readings.get(&m.estimate)) {
                        (Some(e), Some(r)) => stated(e, r),
                        _ => readable(m.central),
                    };
                    let mut detail =
                        format!("{}: {}", m.qualifier.words(), interval_words(&m.interval));
                    if m.derived {
                        detail = format!("derived, {detail}");
                    }
                    Row {
                        source: ctx.analysis.source_name(&m.source),
                        detail,
                        value,
                        kind: m.source_kind,
                        interval: m.interval,
                        central: m.central,
                        derived: m.derived,
                    }
                })
                .collect();
            rows.sort_by(|a, b| {
                a.central
                    .total_cmp(&b.central)
                    .then(a.source.cmp(&b.source))
            });
            let omitted = cap(&mut rows);
            Forest {
                quantity: s.key.clone(),
                category: s.category.clone(),
                title: s.label.clone(),
                subtitle: ctx.subtitle(&s.key),
                unit: s.unit.clone(),
                rows,
                envelope: s.envelope,
                median: s.median,
                omitted,
            }
        })
        .collect()
}

/// The rows of a forest, over the axis that shows every figure: log when they span more than
/// a factor of ten.
fn row_layout(f: &Forest, ctx: &View, y: i32) -> RowLayout {
    let values = f
        .rows
        .iter()
        .flat_map(|r| [r.interval.lo, r.interval.hi, r.central])
        .filter(|v| v.is_finite());
    RowLayout::new(values, ctx.axis, (PLOT_X0, PLOT_X1), ROW, f.rows.len(), y)
}

/// Draws a forest chart.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Forest,
    ctx: &View,
    height: u32,
) -> Drawn<DB, i32> {
    let y = header(area, &f.title, &f.subtitle)?;
    let y = legend(area, &legend_keys(f), y)?;
    let layout = row_layout(f, ctx, y);
    backdrop(area, f, &layout)?;
    layout.value_heading(area, "figure as stated")?;
    for (i, row) in f.rows.iter().enumerate() {
        draw_row(area, row, &layout, layout.row_y(i))?;
    }
    let mut bottom = layout.bottom;
    if f.omitted > 0 {
        let note = format!(
            "{} more estimates, between the {} lowest and the {} highest drawn, are not shown; the envelope and median count every one, and intervals.csv lists them.",
            grouped(f.omitted as f64),
            MAX_ROWS / 2,
            MAX_ROWS / 2
        );
        let ty = Lettering::new(12.0, MUTED);
        let lines = wrap(area, &note, ty, WIDTH - 2 * MARGIN as u32, 2);
        // Below the axis and its tick labels.
        bottom += 22;
        for l in lines {
            bottom += 16;
            text(area, &l, (MARGIN, bottom), ty)?;
        }
    }
    footer(area, &ctx.caption, height)?;
    Ok(bottom + 36)
}

/// One legend key per kind of source shown, then the envelope band.
fn legend_keys(f: &Forest) -> Vec<(String, RGBColor)> {
    let mut kinds: Vec<SourceKind> = f.rows.iter().map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut keys: Vec<(String, RGBColor)> = kinds
        .iter()
        .map(|k| (k.as_str().to_string(), kind_color(*k)))
        .collect();
    keys.push(("envelope of all estimates".into(), BAND));
    keys
}

/// Envelope band, axis grid and the labelled median line, behind the rows.
fn backdrop<DB: DrawingBackend>(area: &Area<DB>, f: &Forest, layout: &RowLayout) -> Drawn<DB> {
    let (top, bottom) = (layout.top, layout.bottom);
    let env_hi = if f.envelope.is_open_above() {
        layout.scale.hi()
    } else {
        f.envelope.hi
    };
    bar(
        area,
        (layout.x(f.envelope.lo), top - 6),
        (layout.x(env_hi), bottom),
        BAND.to_rgba(),
    )?;
    layout.axis(area, &f.unit)?;
    let mx = layout.x(f.median);
    dashed(area, (mx, top - 12), (mx, bottom), INK, 4)?;
    let label = format!("median {}", with_unit(&readable(f.median), &f.unit));
    let anchor = if mx > (PLOT_X0 + PLOT_X1) / 2 {
        Lettering::new(12.0, INK).right()
    } else {
        Lettering::new(12.0, INK)
    };
    let dx = if mx > (PLOT_X0 + PLOT_X1) / 2 { -5 } else { 5 };
    text(area, &label, (mx + dx, top - 14), anchor)?;
    Ok(())
}

/// One estimate: source and detail on the left, interval bar (arrows for open ends), central
/// dot (hollow when derived) and the figure as stated on the right.
fn draw_row<DB: DrawingBackend>(
    area: &Area<DB>,
    row: &Row,
    layout: &RowLayout,
    cy: i32,
) -> Drawn<DB> {
    let name = Lettering::new(13.0, INK);
    let detail = Lettering::new(11.0, MUTED);
    text(
        area,
        &fit(area, &row.source, name, LABEL_WIDTH),
        (MARGIN, cy - 8),
        name,
    )?;
    text(
        area,
        &fit(area, &row.detail, detail, LABEL_WIDTH),
        (MARGIN, cy + 8),
        detail,
    )?;
    let color = kind_color(row.kind);
    let x_lo = layout.x(row.interval.lo);
    let x_hi = if row.interval.is_open_above() {
        PLOT_X1
    } else {
        layout.x(row.interval.hi)
    };
    if x_hi > x_lo {
        bar(area, (x_lo, cy - 4), (x_hi, cy + 4), color.mix(0.45))?;
    }
    if row.interval.is_open_above() {
        arrow(area, (PLOT_X1 + 4, cy), 1, color)?;
    }
    let open_below =
        row.interval.lo <= 0.0 || (layout.scale.is_log() && row.interval.lo < layout.scale.lo());
    if open_below {
        arrow(area, (PLOT_X0 - 4, cy), -1, color)?;
    }
    let cx = layout.x(row.central);
    area.draw(&Circle::new((cx, cy), 6, WHITE.filled()))?;
    if row.derived {
        // A derived value is not stated by the text: a hollow marker says so.
        area.draw(&Circle::new((cx, cy), 5, color.stroke_width(2)))?;
    } else {
        area.draw(&Circle::new((cx, cy), 5, color.filled()))?;
    }
    layout.value(area, &row.value, cy, Lettering::new(12.0, INK).right(), 140)?;
    Ok(())
}

/// Renders every forest chart.
pub fn render(ctx: &View) -> anyhow::Result<Vec<Rendered>> {
    forests(ctx)
        .iter()
        .map(|f| {
            Ok(Rendered {
                name: file_stem(&["forest", &f.quantity]),
                title: f.title.clone(),
                subjects: vec![f.quantity.clone(), f.category.clone()],
                svg: render_fit(|area, h| draw(area, f, ctx, h))?,
            })
        })
        .collect()
}
