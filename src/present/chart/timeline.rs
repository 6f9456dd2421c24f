//! Timeline chart: the estimates of one quantity by the year each was made, its interval as a
//! vertical bar and its central value as a dot, coloured by kind of source, with surveys of
//! estimates as light bands behind them: how the figures changed as sources came and went.

use plotters::prelude::*;

use super::draw::{
    arrow_vertical, bar, fit, inner_width, margin, right_edge, text, text_width, wrap, Area, Drawn,
};
use super::furniture::{footer, header, keyed_legend};
use super::labels::Placer;
use super::marks::{legend_keys, marks, Mark};
use super::render::render_fit;
use super::scale::Scale;
use super::theme::{kind_color, Lettering, INK, MARGIN, MUTED, SURVEY_EDGE};
use super::view::View;
use super::years::{dodge, year_axes, YearAxis};
use super::{survey, Rendered};
use crate::analysis::reconcile::Summary;
use crate::english::number::grouped;
use crate::present::write::file_stem;

/// A timeline chart's content.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub quantity: String,
    pub category: String,
    pub title: String,
    pub subtitle: String,
    pub unit: String,
    /// The dated estimates drawn as dots, by year.
    pub marks: Vec<Mark>,
    /// The dated surveys of estimates, drawn as bands.
    pub surveys: Vec<Mark>,
    pub years: YearAxis,
    /// Dated estimates left out (see [`MAX_MARKS`] and [`MAX_SURVEYS`]).
    pub omitted: usize,
    /// Estimates without a year, which a timeline cannot place.
    pub undated: usize,
}

/// The most dots a timeline draws: the lowest and the highest half of them by central value,
/// as a forest keeps its rows; the exports list every estimate.
pub const MAX_MARKS: usize = 60;
/// The most survey bands a timeline draws: the earliest ones.
pub const MAX_SURVEYS: usize = 8;

const PLOT_X0: i32 = MARGIN + 64;
/// Room right of the plot, inside the page margin.
const PLOT_RIGHT: i32 = 24;
const PLOT_HEIGHT: i32 = 420;
/// Width of a survey's band, centred on its year.
const SURVEY_WIDTH: i32 = 24;

/// One timeline per quantity with two or more estimates that have a year, of at least two
/// different years, unless a series chart draws it.
pub fn timelines(ctx: &View) -> Vec<Timeline> {
    let in_series = super::series::charted_quantities(ctx);
    ctx.analysis
        .summaries
        .iter()
        .filter(|s| !in_series.contains(&s.key))
        .filter_map(|s| timeline(ctx, s))
        .collect()
}

/// The timeline of one quantity, or `None` when its dated estimates do not span two years.
fn timeline(ctx: &View, s: &Summary) -> Option<Timeline> {
    let all = marks(ctx, &s.key);
    let undated = all.iter().filter(|m| m.year.is_none()).count();
    let (mut surveys, mut dots): (Vec<Mark>, Vec<Mark>) = all
        .into_iter()
        .filter(|m| m.year.is_some())
        .partition(|m| m.survey);
    // Estimates all of one year show no change over time (a text stating a figure twice):
    // no timeline for them.
    let first = dots.iter().chain(&surveys).find_map(|m| m.year);
    if !dots.iter().chain(&surveys).any(|m| m.year != first) {
        return None;
    }
    let mut omitted = 0;
    if dots.len() > MAX_MARKS {
        dots.sort_by(|a, b| {
            a.central
                .total_cmp(&b.central)
                .then(a.source.cmp(&b.source))
        });
        let left_out = dots.len() - MAX_MARKS;
        dots.drain(MAX_MARKS / 2..MAX_MARKS / 2 + left_out);
        omitted += left_out;
    }
    dots.sort_by(|a, b| {
        a.year
            .cmp(&b.year)
            .then(a.central.total_cmp(&b.central))
            .then(a.source.cmp(&b.source))
    });
    surveys.sort_by_key(|m| m.year);
    omitted += surveys.len().saturating_sub(MAX_SURVEYS);
    surveys.truncate(MAX_SURVEYS);
    let years = YearAxis::new(dots.iter().chain(&surveys).filter_map(|m| m.year))?;
    Some(Timeline {
        quantity: s.key.clone(),
        category: s.category.clone(),
        title: format!("{}: estimates by year", s.label),
        subtitle: ctx.subtitle(&s.key),
        unit: s.unit.clone(),
        marks: dots,
        surveys,
        years,
        omitted,
        undated,
    })
}

/// Where the plot sits and how figures and years map onto it.
struct Plot {
    /// Right end of the plot.
    x1: i32,
    scale: Scale,
    years: YearAxis,
    top: i32,
    bottom: i32,
}

impl Plot {
    fn x(&self, year: i32) -> i32 {
        self.years.x(f64::from(year), PLOT_X0, self.x1)
    }

    fn y(&self, v: f64) -> i32 {
        self.scale.map(v, self.bottom, self.top)
    }
}

/// Draws a timeline chart.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    t: &Timeline,
    ctx: &View,
    height: u32,
) -> Drawn<DB, i32> {
    let y = header(area, ctx, &t.title, &t.subtitle)?;
    let shown: Vec<&Mark> = t.marks.iter().chain(&t.surveys).collect();
    let y = keyed_legend(area, &legend_keys(&shown, false, &[]), y)?;
    let top = y + 30;
    let values = shown
        .iter()
        .flat_map(|m| [m.interval.lo, m.interval.hi, m.central])
        .filter(|v| v.is_finite());
    let plot = Plot {
        x1: right_edge(area) - PLOT_RIGHT,
        scale: Scale::fitted(values, ctx.axis),
        years: t.years,
        top,
        bottom: top + PLOT_HEIGHT,
    };
    year_axes(
        area,
        (&plot.scale, &plot.years),
        (PLOT_X0, plot.x1),
        (plot.top, plot.bottom),
        &t.unit,
        "year the estimate was made",
    )?;
    let year = |m: &Mark| m.year.unwrap_or(t.years.lo);
    let span = (PLOT_X0, plot.x1);
    let dots = dodge(
        &t.marks.iter().map(year).collect::<Vec<_>>(),
        |y| plot.x(y),
        12,
        span,
    );
    let bands = dodge(
        &t.surveys.iter().map(year).collect::<Vec<_>>(),
        |y| plot.x(y),
        SURVEY_WIDTH + 2,
        span,
    );
    for (s, &x) in t.surveys.iter().zip(&bands) {
        let ys = (plot.y(s.interval.lo), plot.y(s.interval.hi));
        survey::at_year(area, x, ys, SURVEY_WIDTH)?;
    }
    for (m, &x) in t.marks.iter().zip(&dots) {
        draw_mark(area, m, x, &plot)?;
    }
    labels(area, t, (&dots, &bands), &plot)?;
    let bottom = notes(area, t, plot.bottom + 36)?;
    footer(area, ctx, height)?;
    Ok(bottom + 16)
}

/// One estimate: its interval as a vertical bar (arrows for open ends) and its central value
/// as a dot, hollow when derived or a restatement.
fn draw_mark<DB: DrawingBackend>(area: &Area<DB>, m: &Mark, x: i32, plot: &Plot) -> Drawn<DB> {
    let color = kind_color(m.kind);
    let y_lo = plot.y(m.interval.lo);
    let y_hi = if m.interval.is_open_above() {
        plot.top
    } else {
        plot.y(m.interval.hi)
    };
    if y_lo > y_hi {
        bar(area, (x - 3, y_hi), (x + 3, y_lo), color.mix(0.45))?;
    }
    if m.interval.is_open_above() {
        arrow_vertical(area, (x, plot.top - 2), 1, color)?;
    }
    let open_below =
        m.interval.lo <= 0.0 || (plot.scale.is_log() && m.interval.lo < plot.scale.lo());
    if open_below {
        arrow_vertical(area, (x, plot.bottom + 2), -1, color)?;
    }
    let cy = plot.y(m.central);
    area.draw(&Circle::new((x, cy), 6, WHITE.filled()))?;
    if m.hollow() {
        area.draw(&Circle::new((x, cy), 5, color.stroke_width(2)))?;
    } else {
        area.draw(&Circle::new((x, cy), 5, color.filled()))?;
    }
    Ok(())
}

/// Each mark's source name beside its dot, and each survey's beside the top of its band,
/// wherever the name fits without covering a dot or another label; a source's name is given
/// once a year.
fn labels<DB: DrawingBackend>(
    area: &Area<DB>,
    t: &Timeline,
    (dots, bands): (&[i32], &[i32]),
    plot: &Plot,
) -> Drawn<DB> {
    let mut placer = Placer {
        bounds: (PLOT_X0, plot.top - 4, right_edge(area), plot.bottom),
        taken: t
            .marks
            .iter()
            .zip(dots)
            .map(|(m, &x)| {
                let y = plot.y(m.central);
                (x - 7, y - 7, x + 7, y + 7)
            })
            .collect(),
    };
    let ty = Lettering::new(11.0, INK);
    for (i, (m, &x)) in t.marks.iter().zip(dots).enumerate() {
        let named_before = t.marks[..i]
            .iter()
            .any(|o| o.year == m.year && o.source == m.source && o.restates.is_none());
        let tail = match (&m.restates, named_before) {
            (Some(_), _) => " (restates)",
            (None, true) => continue,
            (None, false) => "",
        };
        // The source's name is what is cut, never the word "restates".
        let room = 180u32.saturating_sub(text_width(area, tail, ty));
        let name = format!("{}{tail}", fit(area, &m.source, ty, room));
        let w = text_width(area, &name, ty) as i32;
        let places = placer.around((x, plot.y(m.central)), w, 9, ty);
        placer.place(area, &name, &places)?;
    }
    let ty = Lettering::new(11.0, SURVEY_EDGE);
    for (s, &x) in t.surveys.iter().zip(bands) {
        let name = fit(area, &format!("survey: {}", s.source), ty, 220);
        let w = text_width(area, &name, ty) as i32;
        let top = (x, plot.y(s.interval.hi) + 7);
        let [right, left, above, _] = placer.around(top, w, SURVEY_WIDTH / 2 + 4, ty);
        placer.place(area, &name, &[above, right, left])?;
    }
    Ok(())
}

/// What the chart leaves out, in words, below the axis; returns the y below the notes.
fn notes<DB: DrawingBackend>(area: &Area<DB>, t: &Timeline, y: i32) -> Drawn<DB, i32> {
    let mut parts = Vec::new();
    if t.omitted > 0 {
        parts.push(format!(
            "{} more dated estimates are not shown (a timeline draws the {} lowest and {} highest, and at most {} surveys); intervals.csv lists them.",
            grouped(t.omitted as f64),
            MAX_MARKS / 2,
            MAX_MARKS / 2,
            MAX_SURVEYS
        ));
    }
    if t.undated > 0 {
        parts.push(format!(
            "{} without a year {} not shown; the forest chart shows every estimate.",
            if t.undated == 1 {
                "1 estimate".to_string()
            } else {
                format!("{} estimates", grouped(t.undated as f64))
            },
            if t.undated == 1 { "is" } else { "are" }
        ));
    }
    let ty = Lettering::new(12.0, MUTED);
    let mut y = y;
    for l in wrap(area, &parts.join(" "), ty, inner_width(area), 3) {
        y += 16;
        text(area, &l, (margin(area), y), ty)?;
    }
    Ok(y)
}

/// Renders every timeline chart.
pub fn render(ctx: &View) -> anyhow::Result<Vec<Rendered>> {
    timelines(ctx)
        .iter()
        .map(|t| {
            let name = file_stem(&["timeline", &t.quantity]);
            let ctx = &ctx.for_chart(&name);
            Ok(Rendered {
                title: ctx.title(&name, &t.title),
                name,
                subjects: vec![t.quantity.clone(), t.category.clone()],
                svg: render_fit(ctx.width, |area, h| draw(area, t, ctx, h))?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
