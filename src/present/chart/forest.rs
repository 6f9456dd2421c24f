//! Forest chart: every estimate of one quantity as a row, its interval as a bar and its central
//! value as a dot, coloured by kind of source, over the reconciled envelope and median; surveys
//! of estimates as bands behind the rows.

use plotters::prelude::*;

use super::draw::{
    arrow, bar, dashed, fit, inner_width, margin, right_edge, text, text_width, wrap, Area, Drawn,
};
use super::furniture::{footer, header, keyed_legend};
use super::marks::{envelope_key, legend_keys, marks, weigh, Mark};
use super::render::render_fit;
use super::rows::RowLayout;
use super::theme::{kind_color, Lettering, BAND, INK, MARGIN, MUTED};
use super::view::{RowOrder, View};
use super::{survey, Rendered};
use crate::analysis::reconcile::Summary;
use crate::english::number::{figure, grouped};
use crate::model::interval::Interval;
use crate::present::write::file_stem;

/// One estimate as a row of the chart.
#[derive(Debug, Clone)]
pub struct Row {
    /// The estimate as charts mark it.
    pub mark: Mark,
    /// Qualifier and interval in words ("about: 8.5–9.5 million"), after what a derived row
    /// or a restatement is ("restates 6–8 million · range: 6–8 million").
    pub detail: String,
}

impl Row {
    /// The estimate's row, with its detail worded.
    fn new(mark: Mark) -> Self {
        let mut detail = format!("{}: {}", mark.qualifier.words(), mark.interval_text);
        if mark.derived {
            detail = format!("derived, {detail}");
        }
        if let Some(what) = &mark.restates {
            detail = format!("restates {what} · {detail}");
        }
        Row { mark, detail }
    }

    /// What follows the source's name on the first line: the year, and the provenance when
    /// the figure is not a verified quote (", 1990 [cited]").
    pub fn tail(&self) -> String {
        let mut tail = String::new();
        if let Some(year) = self.mark.year {
            tail.push_str(&format!(", {year}"));
        }
        if let Some(tag) = self.mark.provenance_tag() {
            tail.push_str(&format!(" {tag}"));
        }
        tail
    }
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
    /// Surveys of other people's estimates, drawn as bands behind the rows.
    pub surveys: Vec<Mark>,
    /// The envelope of every estimate but the surveys.
    pub envelope: Interval,
    /// The median of the estimates that count: no survey, no restatement.
    pub median: Option<f64>,
    /// The digits the median is known to (`None`: it is a figure as stated).
    pub median_known: Option<u32>,
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
/// Left end of the plot on a wide page, after the label column.
const PLOT_X0: i32 = MARGIN + 312;
/// Room for the value column, right of the plot on a wide page.
const VALUE_COLUMN: i32 = 150;
const ROW: i32 = 40;
/// Height of one survey's label line above the rows.
const SURVEY_LINE: i32 = 24;

/// One forest per quantity with two or more estimates (derived ones included) and at least
/// one that is not a survey, unless a series chart draws it.
pub fn forests(ctx: &View) -> Vec<Forest> {
    let in_series = super::series::charted_quantities(ctx);
    ctx.analysis
        .summaries
        .iter()
        .filter(|s| s.estimates >= 2 && !in_series.contains(&s.key))
        .filter_map(|s| forest(ctx, s))
        .collect()
}

/// The forest of one quantity; rows in `ctx.order`.
fn forest(ctx: &View, s: &Summary) -> Option<Forest> {
    let (surveys, marks): (Vec<Mark>, Vec<Mark>) =
        marks(ctx, &s.key).into_iter().partition(|m| m.survey);
    if marks.is_empty() {
        return None;
    }
    let (envelope, median) = if surveys.is_empty() && marks.iter().all(Mark::counts) {
        (s.envelope, Some(s.median))
    } else {
        weigh(&marks)
    };
    let mut rows: Vec<Row> = marks.into_iter().map(Row::new).collect();
    rows.sort_by(|a, b| {
        a.mark
            .central
            .total_cmp(&b.mark.central)
            .then(a.mark.source.cmp(&b.mark.source))
    });
    let omitted = cap(&mut rows);
    if ctx.order == RowOrder::Year {
        // A stable sort: estimates of one year keep their order by value.
        rows.sort_by_key(|r| (r.mark.year.is_none(), r.mark.year));
    }
    Some(Forest {
        quantity: s.key.clone(),
        category: s.category.clone(),
        title: s.label.clone(),
        subtitle: ctx.subtitle(&s.key),
        unit: s.unit.clone(),
        rows,
        surveys,
        envelope,
        median_known: median
            .and_then(|m| crate::present::digits::of_median(ctx.analysis, &s.key, m)),
        median,
        omitted,
    })
}

/// The rows of a forest, over the axis that shows every figure and survey: log when they
/// span more than a factor of ten. Each survey's label takes a line above the rows.
fn row_layout<DB: DrawingBackend>(area: &Area<DB>, f: &Forest, ctx: &View, y: i32) -> RowLayout {
    let values = f
        .rows
        .iter()
        .map(|r| &r.mark)
        .chain(&f.surveys)
        .flat_map(|m| [m.interval.lo, m.interval.hi, m.central])
        .filter(|v| v.is_finite());
    let y = y + SURVEY_LINE * f.surveys.len() as i32;
    let wide = (PLOT_X0, right_edge(area) - VALUE_COLUMN);
    RowLayout::for_page(area, values, ctx.axis, wide, ROW, f.rows.len(), y, 2)
}

/// Draws a forest chart.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Forest,
    ctx: &View,
    height: u32,
) -> Drawn<DB, i32> {
    let y = header(area, ctx, &f.title, &f.subtitle)?;
    let shown: Vec<&Mark> = f.rows.iter().map(|r| &r.mark).chain(&f.surveys).collect();
    let y = keyed_legend(area, &legend_keys(&shown, true, &[envelope_key()]), y)?;
    let layout = row_layout(area, f, ctx, y);
    let median_ends = backdrop(area, f, &layout)?;
    // The median's label may reach the value column's heading on a narrow plot (stacked, each
    // figure as stated ends its row's second line): the label keeps its place, the heading goes.
    let heading = "figure as stated";
    let heading_starts =
        right_edge(area) - text_width(area, heading, Lettering::new(12.0, MUTED)) as i32;
    if layout.stacked == 0 && median_ends.is_none_or(|x| x + 8 <= heading_starts) {
        layout.value_heading(area, heading)?;
    }
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
        let lines = wrap(area, &note, ty, inner_width(area), 2);
        // Below the axis and its tick labels.
        bottom += 22;
        for l in lines {
            bottom += 16;
            text(area, &l, (margin(area), bottom), ty)?;
        }
    }
    footer(area, ctx, height)?;
    Ok(bottom + 36)
}

/// Envelope band, survey bands, axis grid and the labelled median line, behind the rows.
/// Returns the right end of the median's label, if there is one.
fn backdrop<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Forest,
    layout: &RowLayout,
) -> Drawn<DB, Option<i32>> {
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
    for (k, survey) in f.surveys.iter().enumerate() {
        // The first survey's label sits highest, each on its own line above the median's.
        let label_y = top - 14 - SURVEY_LINE * (f.surveys.len() - k) as i32;
        survey::across_rows(area, survey, layout, label_y)?;
    }
    layout.axis(area, &f.unit)?;
    let Some(median) = f.median else {
        return Ok(None);
    };
    let mx = layout.x(median);
    dashed(area, (mx, top - 12), (mx, bottom), INK, 4)?;
    let label = format!("median {}", figure(median, f.median_known, &f.unit));
    let middle = (layout.x0 + layout.x1) / 2;
    let anchor = if mx > middle {
        Lettering::new(12.0, INK).right()
    } else {
        Lettering::new(12.0, INK)
    };
    let dx = if mx > middle { -5 } else { 5 };
    text(area, &label, (mx + dx, top - 14), anchor)?;
    let right = if mx > middle {
        mx + dx
    } else {
        mx + dx + text_width(area, &label, anchor) as i32
    };
    Ok(Some(right))
}

/// One estimate: source (with year and provenance) and detail on the left, interval bar
/// (arrows for open ends), central dot (hollow when derived or a restatement) and the figure
/// as stated on the right.
fn draw_row<DB: DrawingBackend>(
    area: &Area<DB>,
    row: &Row,
    layout: &RowLayout,
    cy: i32,
) -> Drawn<DB> {
    let m = &row.mark;
    let value = Lettering::new(12.0, INK).right();
    let value_room = if layout.stacked > 0 {
        // The figure as stated shares the detail's line, at the right.
        inner_width(area).saturating_sub(text_width(area, &m.value, value) + 12)
    } else {
        LABEL_WIDTH
    };
    row_text(area, row, layout, cy, value_room)?;
    let (x0, x1) = (layout.x0, layout.x1);
    let color = kind_color(m.kind);
    let x_lo = layout.x(m.interval.lo);
    let x_hi = if m.interval.is_open_above() {
        x1
    } else {
        layout.x(m.interval.hi)
    };
    if x_hi > x_lo {
        bar(area, (x_lo, cy - 4), (x_hi, cy + 4), color.mix(0.45))?;
    }
    if m.interval.is_open_above() {
        arrow(area, (x1 + 4, cy), 1, color)?;
    }
    let open_below =
        m.interval.lo <= 0.0 || (layout.scale.is_log() && m.interval.lo < layout.scale.lo());
    if open_below {
        arrow(area, (x0 - 4, cy), -1, color)?;
    }
    let cx = layout.x(m.central);
    area.draw(&Circle::new((cx, cy), 6, WHITE.filled()))?;
    if m.hollow() {
        // A value the text does not state on its own (derived) or states again (a
        // restatement): a hollow marker says so.
        area.draw(&Circle::new((cx, cy), 5, color.stroke_width(2)))?;
    } else {
        area.draw(&Circle::new((cx, cy), 5, color.filled()))?;
    }
    let value_y = if layout.stacked > 0 {
        layout.line_y(cy, 1)
    } else {
        cy
    };
    layout.value(area, &m.value, value_y, value, 140)?;
    Ok(())
}

/// A row's source (with year and provenance) and, below it, its detail cut to `detail_room`
/// px: left of the plot on a wide page, above the bar on a narrow one.
fn row_text<DB: DrawingBackend>(
    area: &Area<DB>,
    row: &Row,
    layout: &RowLayout,
    cy: i32,
    detail_room: u32,
) -> Drawn<DB> {
    let name = Lettering::new(13.0, INK);
    let detail = Lettering::new(11.0, MUTED);
    let (width, ys) = if layout.stacked > 0 {
        let lines = (layout.line_y(cy, 0), layout.line_y(cy, 1));
        (inner_width(area), lines)
    } else {
        (LABEL_WIDTH, (cy - 8, cy + 8))
    };
    let tail = row.tail();
    // The year and provenance tag are never the part cut off.
    let room = width.saturating_sub(text_width(area, &tail, name));
    let label = format!("{}{tail}", fit(area, &row.mark.source, name, room));
    text(area, &label, (margin(area), ys.0), name)?;
    text(
        area,
        &fit(area, &row.detail, detail, detail_room),
        (margin(area), ys.1),
        detail,
    )
}

/// Renders every forest chart.
pub fn render(ctx: &View) -> anyhow::Result<Vec<Rendered>> {
    forests(ctx)
        .iter()
        .map(|f| {
            let name = file_stem(&["forest", &f.quantity]);
            let ctx = &ctx.for_chart(&name);
            Ok(Rendered {
                title: ctx.title(&name, &f.title),
                name,
                subjects: vec![f.quantity.clone(), f.category.clone()],
                svg: render_fit(ctx.width, |area, h| draw(area, f, ctx, h))?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
