//! Drawing a series chart: the header, a legend by source, the value and year axes, each
//! source's band and line, and notes saying what the chart leaves out.

use plotters::prelude::*;

use super::super::draw::{bar, inner_width, margin, right_edge, text, wrap, Area, Drawn};
use super::super::furniture::{footer, header, keyed_legend, Key};
use super::super::theme::{Lettering, MARGIN, MUTED};
use super::super::view::View;
use super::super::years::year_axes;
use super::{Point, SeriesChart, MAX_LINES};
use crate::english::number::grouped;

const PLOT_X0: i32 = MARGIN + 64;
/// Room right of the plot, inside the page margin.
const PLOT_RIGHT: i32 = 24;
const PLOT_HEIGHT: i32 = 420;
/// Up to this many periods, every point gets a dot; beyond, only a point standing alone (a
/// line of one period) does, so that the lines stay lines.
const DOTS_UP_TO: usize = 30;

/// Where the plot sits and how periods and figures map onto it.
struct Plot<'a> {
    chart: &'a SeriesChart,
    /// Right end of the plot.
    x1: i32,
    top: i32,
    bottom: i32,
}

impl Plot<'_> {
    fn x(&self, p: &Point) -> i32 {
        self.chart.years.x(p.x, PLOT_X0, self.x1)
    }

    fn y(&self, v: f64) -> i32 {
        if v.is_infinite() && v > 0.0 {
            return self.top;
        }
        self.chart.scale.map(v, self.bottom, self.top)
    }
}

/// The runs of joined points of a line: where the source skipped a period, a new run begins.
pub fn runs(points: &[Point]) -> Vec<&[Point]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=points.len() {
        if i == points.len() || !points[i].joined {
            out.push(&points[start..i]);
            start = i;
        }
    }
    out
}

/// Draws a series chart.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    c: &SeriesChart,
    ctx: &View,
    height: u32,
) -> Drawn<DB, i32> {
    let y = header(area, ctx, &c.title, &c.subtitle)?;
    let keys: Vec<(String, Key)> = c
        .lines
        .iter()
        .map(|l| (l.source.clone(), Key::Swatch(l.color)))
        .collect();
    let y = keyed_legend(area, &keys, y)?;
    let top = y + 30;
    let plot = Plot {
        chart: c,
        x1: right_edge(area) - PLOT_RIGHT,
        top,
        bottom: top + PLOT_HEIGHT,
    };
    let what = if c.yearly {
        "year"
    } else {
        "period, at its middle year"
    };
    year_axes(
        area,
        (&c.scale, &c.years),
        (PLOT_X0, plot.x1),
        (plot.top, plot.bottom),
        &c.unit,
        what,
    )?;
    let dots_everywhere = c.quantities.len() <= DOTS_UP_TO;
    for l in &c.lines {
        for run in runs(&l.points) {
            band(area, &plot, run, l.color)?;
        }
    }
    for l in &c.lines {
        for run in runs(&l.points) {
            let at: Vec<(i32, i32)> = run.iter().map(|p| (plot.x(p), plot.y(p.central))).collect();
            if at.len() >= 2 {
                area.draw(&PathElement::new(at.clone(), l.color.stroke_width(2)))?;
            }
            if dots_everywhere || at.len() == 1 {
                for &p in &at {
                    area.draw(&Circle::new(p, 3, l.color.filled()))?;
                }
            }
        }
    }
    let bottom = notes(area, c, plot.bottom + 36)?;
    footer(area, ctx, height)?;
    Ok(bottom + 16)
}

/// A run's intervals as a translucent band from low to high (an open end reaching the edge of
/// the plot); a run of one period is a short bar. Nothing for exact figures, whose band would
/// be the line itself.
fn band<DB: DrawingBackend>(
    area: &Area<DB>,
    plot: &Plot,
    run: &[Point],
    color: RGBColor,
) -> Drawn<DB> {
    if run.iter().all(|p| p.interval.lo == p.interval.hi) {
        return Ok(());
    }
    let fill = color.mix(0.18);
    if let [p] = run {
        let x = plot.x(p);
        let (hi, lo) = (plot.y(p.interval.hi), plot.y(p.interval.lo));
        return bar(area, (x - 3, hi), (x + 3, lo), fill);
    }
    let upper = run.iter().map(|p| (plot.x(p), plot.y(p.interval.hi)));
    let lower = run.iter().rev().map(|p| (plot.x(p), plot.y(p.interval.lo)));
    area.draw(&Polygon::new(
        upper.chain(lower).collect::<Vec<_>>(),
        fill.filled(),
    ))
}

/// What the chart leaves out, in words, below the axis; returns the y below the notes.
fn notes<DB: DrawingBackend>(area: &Area<DB>, c: &SeriesChart, y: i32) -> Drawn<DB, i32> {
    let banded = c
        .lines
        .iter()
        .flat_map(|l| &l.points)
        .any(|p| p.interval.lo != p.interval.hi);
    let mut parts = vec![format!(
        "Each line joins a source's central values, broken where it gives no figure for a period{}.",
        if banded { "; its band is its intervals" } else { "" }
    )];
    if !c.left_out.is_empty() {
        let n = c.left_out.len();
        parts.push(format!(
            "{} more source{} not shown ({}): the chart draws the {MAX_LINES} with the most periods, and intervals.csv lists every estimate.",
            grouped(n as f64),
            if n == 1 { " is" } else { "s are" },
            c.left_out.join(", ")
        ));
    }
    if c.unplaced > 0 {
        parts.push(format!(
            "{} of the series without a period {} not shown.",
            if c.unplaced == 1 {
                "1 quantity".to_string()
            } else {
                format!("{} quantities", grouped(c.unplaced as f64))
            },
            if c.unplaced == 1 { "is" } else { "are" }
        ));
    }
    let zero = c
        .lines
        .iter()
        .flat_map(|l| &l.points)
        .any(|p| p.central <= 0.0);
    if c.scale.is_log() && zero {
        parts.push("A log axis has no zero: values of zero sit on its bottom edge.".to_string());
    }
    let ty = Lettering::new(12.0, MUTED);
    let mut y = y;
    for l in wrap(area, &parts.join(" "), ty, inner_width(area), 4) {
        y += 16;
        text(area, &l, (margin(area), y), ty)?;
    }
    Ok(y)
}
