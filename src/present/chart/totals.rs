//! Totals chart: for each `sum` relation, the stated total and its interval beside the stacked
//! parts, with the verdict and the difference written on the chart.

use plotters::prelude::*;

use super::draw::{
    arrow, bar, dashed, fit, inner_width, is_narrow, line, margin, right_edge, text, text_width,
    Area, Drawn,
};
use super::furniture::{footer, header, legend, x_axis};
use super::render::render_fit;
use super::scale::Scale;
use super::theme::{
    kind_color, part_color, Lettering, APPROXIMATE, BROKEN, HOLDS, INK, MARGIN, MUTED,
};
use super::view::View;
use super::Rendered;
use crate::analysis::relate::{Outcome, Verdict};
use crate::english::number::{readable, relative};
use crate::model::interval::Interval;
use crate::model::{RelationKind, SourceKind};
use crate::present::words::{self, stated};
use crate::present::write::file_stem;

/// Left end of the plot on a wide page, after the label column.
const PLOT_X0: i32 = MARGIN + 200;
/// Height of a row on a wide page.
const ROW: i32 = 64;
/// What a narrow page adds to each row: its two lines of text above the bar.
const STACKED: i32 = 34;

/// Where a totals chart plots, and whether each row's text stands above its bar (a narrow
/// page) or left of it.
struct Plot<'s> {
    scale: &'s Scale,
    x0: i32,
    x1: i32,
    narrow: bool,
}

impl Plot<'_> {
    fn x(&self, v: f64) -> i32 {
        self.scale.map(v, self.x0, self.x1)
    }

    /// The height of a row.
    fn row(&self) -> i32 {
        if self.narrow {
            ROW + STACKED
        } else {
            ROW
        }
    }

    /// The y of line `k` (0, 1 or 2) of the text of the row whose bar is at `cy`: beside the
    /// bar on a wide page (`wide`), above it on a narrow one (two lines; a third shares the
    /// second).
    fn line_y(&self, cy: i32, k: i32, wide: i32) -> i32 {
        if self.narrow {
            cy - 52 + 16 * k.min(1)
        } else {
            wide
        }
    }
}

/// One part of a sum.
pub struct Part {
    pub label: String,
    pub value: f64,
}

/// A totals chart's content.
pub struct Totals<'a> {
    pub outcome: &'a Outcome,
    pub title: String,
    pub stated_label: String,
    pub stated_text: String,
    pub kind: SourceKind,
    pub parts: Vec<Part>,
}

/// One chart per sum relation whose figures all have readings.
pub fn totals<'a>(ctx: &'a View) -> Vec<Totals<'a>> {
    ctx.analysis
        .outcomes
        .iter()
        .filter(|o| o.kind == RelationKind::Sum)
        .filter_map(|o| {
            let target = ctx.analysis.data.estimate(&o.target)?;
            let reading = ctx.analysis.readings.get(&o.target)?;
            let quantity = ctx.analysis.data.quantity(&target.quantity)?;
            let parts = o
                .operands
                .iter()
                .map(|id| {
                    let e = ctx.analysis.data.estimate(id)?;
                    let r = ctx.analysis.readings.get(id)?;
                    let label = ctx
                        .analysis
                        .data
                        .quantity(&e.quantity)
                        .map_or(id.clone(), |q| q.label.clone());
                    Some(Part {
                        label: format!("{label}: {}", stated(e, r)),
                        value: r.central,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Totals {
                outcome: o,
                title: format!("{}: the stated total against its parts", quantity.label),
                stated_label: ctx.analysis.source_name(&target.source),
                stated_text: stated(target, reading),
                kind: ctx.analysis.data.kind_of(target)?,
                parts,
            })
        })
        .collect()
}

fn verdict_color(v: Verdict) -> RGBColor {
    match v {
        Verdict::Broken => BROKEN,
        Verdict::Approximate => APPROXIMATE,
        Verdict::Holds | Verdict::Derived => HOLDS,
    }
}

/// The verdict in one sentence, as the chart's subtitle.
pub fn sentence(o: &Outcome) -> String {
    let difference = format!(
        "{}{} ({})",
        if o.difference > 0.0 { "+" } else { "" },
        readable(o.difference),
        relative(o.relative_difference)
    );
    match o.verdict {
        Verdict::Holds => format!("Holds: {}, inside the stated interval (difference {difference}).", words::arithmetic(&o.arithmetic)),
        Verdict::Approximate => format!(
            "Approximate: {}; the sum lies outside the stated interval, which it only overlaps (difference {difference}).",
            words::arithmetic(&o.arithmetic)
        ),
        Verdict::Broken => format!("Broken: {}; off by {difference}.", words::arithmetic(&o.arithmetic)),
        Verdict::Derived => words::arithmetic(&o.arithmetic),
    }
}

/// Draws a totals chart.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    t: &Totals,
    ctx: &View,
    height: u32,
) -> Drawn<DB, i32> {
    let o = t.outcome;
    let y = header(area, ctx, &t.title, &sentence(o))?;
    let keys: Vec<(String, RGBColor)> = t
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.label.clone(), part_color(i, t.parts.len()).0))
        .collect();
    let y = legend(area, &keys, y)?;
    let finite = |v: f64| v.is_finite().then_some(v);
    let hi = [o.stated.hi, o.computed.hi, o.stated_value, o.computed_value]
        .into_iter()
        .filter_map(finite)
        .fold(0.0f64, f64::max);
    let scale = Scale::choose(0.0, hi, super::scale::AxisChoice::Linear);
    let narrow = is_narrow(area);
    let plot = Plot {
        scale: &scale,
        x0: if narrow { margin(area) + 4 } else { PLOT_X0 },
        x1: right_edge(area) - 20,
        narrow,
    };
    let top = y + 40;
    let row = plot.row();
    let bottom = top + 2 * row;
    x_axis(area, &scale, plot.x0, plot.x1, top - 10, bottom, "")?;
    stated_row(area, t, &plot, top + row - ROW / 2)?;
    parts_row(area, t, &plot, top + 2 * row - ROW / 2)?;
    verdict_mark(area, o, &plot, top, bottom)?;
    footer(area, ctx, height)?;
    Ok(bottom + 44)
}

/// Row 1: the stated total, its bar to the central value and its interval as a whisker.
fn stated_row<DB: DrawingBackend>(area: &Area<DB>, t: &Totals, plot: &Plot, cy: i32) -> Drawn<DB> {
    let o = t.outcome;
    let x = |v: f64| plot.x(v);
    let label = Lettering::new(13.0, INK);
    let detail = Lettering::new(11.0, MUTED);
    let heading = "Stated total";
    text(
        area,
        heading,
        (margin(area), plot.line_y(cy, 0, cy - 16)),
        label.bold(),
    )?;
    // Narrow: the total's name follows the heading on its line.
    let (at, width) = if plot.narrow {
        let indent = text_width(area, heading, label.bold()) as i32 + 8;
        (
            margin(area) + indent,
            inner_width(area).saturating_sub(indent as u32),
        )
    } else {
        (margin(area), 190)
    };
    text(
        area,
        &fit(area, &t.stated_label, label, width),
        (at, plot.line_y(cy, 0, cy)),
        label,
    )?;
    let interval = if o.stated.lo == o.stated.hi {
        t.stated_text.clone()
    } else {
        format!(
            "{} → {}",
            t.stated_text,
            crate::present::words::interval_words(&o.stated)
        )
    };
    let width = if plot.narrow { inner_width(area) } else { 190 };
    text(
        area,
        &fit(area, &interval, detail, width),
        (margin(area), plot.line_y(cy, 2, cy + 15)),
        detail,
    )?;
    whisker(area, &o.stated, cy, plot)?;
    bar(
        area,
        (x(0.0), cy - 12),
        (x(o.stated_value), cy + 12),
        kind_color(t.kind).to_rgba(),
    )?;
    Ok(())
}

/// Row 2: the parts, stacked, each labelled with its value where the value fits inside.
fn parts_row<DB: DrawingBackend>(area: &Area<DB>, t: &Totals, plot: &Plot, cy: i32) -> Drawn<DB> {
    let o = t.outcome;
    let x = |v: f64| plot.x(v);
    let label = Lettering::new(13.0, INK);
    let detail = Lettering::new(11.0, MUTED);
    let heading_y = plot.line_y(cy, 0, cy - 8);
    text(
        area,
        "Sum of the parts",
        (margin(area), heading_y),
        label.bold(),
    )?;
    text(
        area,
        &format!(
            "{} parts: {}{}",
            t.parts.len(),
            readable(o.computed_value),
            if o.computed.is_open_above() {
                " or more"
            } else {
                ""
            }
        ),
        (margin(area), plot.line_y(cy, 1, cy + 9)),
        detail,
    )?;
    whisker(area, &o.computed, cy, plot)?;
    let mut at = 0.0;
    for (i, p) in t.parts.iter().enumerate() {
        let (x0, x1) = (x(at), x(at + p.value));
        let (color, ink) = part_color(i, t.parts.len());
        bar(
            area,
            (x0, cy - 12),
            (x1.max(x0 + 1), cy + 12),
            color.to_rgba(),
        )?;
        if x1 > x0 + 1 {
            line(area, (x1, cy - 12), (x1, cy + 12), WHITE, 1)?;
        }
        let value = readable(p.value);
        let inside = Lettering::new(11.0, ink).center();
        if text_width(area, &value, inside) as i32 + 8 < x1 - x0 {
            text(area, &value, ((x0 + x1) / 2, cy), inside)?;
        }
        at += p.value;
    }
    Ok(())
}

/// The stated value carried down as a dashed line, so a gap between the two rows is visible,
/// and the verdict with the difference above the plot.
fn verdict_mark<DB: DrawingBackend>(
    area: &Area<DB>,
    o: &Outcome,
    plot: &Plot,
    top: i32,
    bottom: i32,
) -> Drawn<DB> {
    let sx = plot.x(o.stated_value);
    dashed(area, (sx, top - 4), (sx, bottom), INK, 4)?;
    let color = verdict_color(o.verdict);
    let note = format!(
        "{}: difference {}{}",
        o.verdict.as_str(),
        if o.difference > 0.0 { "+" } else { "" },
        readable(o.difference)
    );
    text(
        area,
        &note,
        (plot.x1, top - 22),
        Lettering::new(13.0, color).bold().right(),
    )
}

/// An interval as a light band behind the bar, edged at its ends; an open end as an arrow.
fn whisker<DB: DrawingBackend>(area: &Area<DB>, i: &Interval, cy: i32, plot: &Plot) -> Drawn<DB> {
    if i.lo == i.hi {
        return Ok(());
    }
    let x = |v: f64| plot.x(v);
    let (x0, x1) = (x(i.lo), if i.is_open_above() { plot.x1 } else { x(i.hi) });
    bar(area, (x0, cy - 20), (x1, cy + 20), INK.mix(0.08))?;
    line(area, (x0, cy - 20), (x0, cy + 20), INK, 2)?;
    if i.is_open_above() {
        arrow(area, (plot.x1 + 6, cy), 1, INK)?;
    } else {
        line(area, (x1, cy - 20), (x1, cy + 20), INK, 2)?;
    }
    Ok(())
}

/// Renders every totals chart.
pub fn render(ctx: &View) -> anyhow::Result<Vec<Rendered>> {
    totals(ctx)
        .iter()
        .map(|t| {
            let name = file_stem(&["totals", &t.outcome.id]);
            let ctx = &ctx.for_chart(&name);
            Ok(Rendered {
                title: ctx.title(&name, &t.title),
                name,
                subjects: vec![t.outcome.id.clone()],
                svg: render_fit(ctx.width, |area, h| draw(area, t, ctx, h))?,
            })
        })
        .collect()
}
