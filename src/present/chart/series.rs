//! Series chart: one measure followed over periods (the quantities that share a `series`
//! value), the period across, one line per source joining its central values, its intervals
//! as a translucent band, a legend by source. Quantities drawn here get no forest or timeline
//! of their own, and no row in their category's overview: a period is a point of a line, not a
//! quantity to compare with the others.

mod plot;

use foldhash::{HashMap, HashMapExt, HashSet};
use plotters::style::RGBColor;

use super::scale::{AxisChoice, Scale};
use super::theme::LINES;
use super::view::View;
use super::years::YearAxis;
use super::Rendered;
use crate::analysis::reconcile::{median, Member};
use crate::model::interval::Interval;
use crate::model::series::Series;
use crate::present::write::file_stem;

/// The most sources a series chart draws a line for: more lines than colours tell apart.
pub const MAX_LINES: usize = 8;

/// A log value axis when the central values span more than this factor (1.5 decades): a line
/// chart over time reads on a linear axis until the small values would sit flat on zero.
const LOG_SPAN: f64 = 31.622_776_601_683_793;

/// One source's value for one period: the median of its estimates' central values there, and
/// the envelope of their intervals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Where the period stands on the year axis (see `Quantity::period_mid`).
    pub x: f64,
    pub central: f64,
    pub interval: Interval,
    /// True when the line comes from the previous point: the source also gave the period just
    /// before this one. A period it skipped breaks the line, so no value is made up between.
    pub joined: bool,
}

/// One source's line.
#[derive(Debug, Clone)]
pub struct Line {
    pub source: String,
    pub color: RGBColor,
    pub points: Vec<Point>,
}

/// A series chart's content.
#[derive(Debug, Clone)]
pub struct SeriesChart {
    /// The series' name, as quantities.csv's `series` gives it.
    pub name: String,
    pub category: String,
    pub title: String,
    pub subtitle: String,
    pub unit: String,
    /// The quantities drawn, in period order.
    pub quantities: Vec<String>,
    pub lines: Vec<Line>,
    /// The sources with estimates but no line (see [`MAX_LINES`]), by name.
    pub left_out: Vec<String>,
    /// Quantities of the series without a period, which the chart cannot place.
    pub unplaced: usize,
    pub years: YearAxis,
    pub scale: Scale,
    /// True when every period is a single year.
    pub yearly: bool,
}

/// The estimates that count (no restatement, no survey) of each quantity, in file order: one
/// pass over the analysis, so a series of thousands of periods costs no more than its rows.
fn counted_members<'a>(ctx: &'a View) -> HashMap<&'a str, Vec<&'a Member>> {
    let mut by_quantity: HashMap<&str, Vec<&Member>> = HashMap::new();
    for m in ctx.analysis.members.iter().filter(|m| m.counts()) {
        by_quantity.entry(m.quantity.as_str()).or_default().push(m);
    }
    by_quantity
}

/// The series that get a chart: two or more periods with an estimate that counts. Each comes
/// with its placed quantities that have one.
fn charted<'a>(
    ctx: &'a View,
    members: &HashMap<&str, Vec<&Member>>,
) -> Vec<(Series<'a>, Vec<(f64, &'a str)>)> {
    ctx.analysis
        .data
        .series()
        .into_iter()
        .filter_map(|s| {
            let placed: Vec<(f64, &str)> = s
                .placed()
                .filter(|(_, q)| members.contains_key(q.id.as_str()))
                .map(|(x, q)| (x, q.id.as_str()))
                .collect();
            (placed.len() >= 2).then_some((s, placed))
        })
        .collect()
}

/// The quantities drawn in a series chart: they get no forest, timeline or overview row.
pub fn charted_quantities(ctx: &View) -> HashSet<String> {
    let members = counted_members(ctx);
    charted(ctx, &members)
        .into_iter()
        .flat_map(|(_, placed)| placed.into_iter().map(|(_, id)| id.to_string()))
        .collect()
}

/// One chart per series with two or more periods that have estimates.
pub fn series_charts(ctx: &View) -> Vec<SeriesChart> {
    let members = counted_members(ctx);
    charted(ctx, &members)
        .into_iter()
        .map(|(s, placed)| chart(ctx, &s, &placed, &members))
        .collect()
}

/// A period's figures: where it stands, and each estimate's source name, central value and
/// interval.
pub type Period = (f64, Vec<(String, f64, Interval)>);

/// Each source's points over the `placed` periods (in order), a period it skipped breaking its
/// line; sources ordered by how many periods they give, most first, then by name.
pub fn lines(placed: &[Period]) -> Vec<(String, Vec<Point>)> {
    let mut by_source: Vec<(String, Vec<Point>, Option<usize>)> = Vec::new();
    for (k, (x, values)) in placed.iter().enumerate() {
        let mut names: Vec<&str> = values.iter().map(|(s, _, _)| s.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            let of: Vec<&(String, f64, Interval)> =
                values.iter().filter(|(s, _, _)| s == name).collect();
            let centrals: Vec<f64> = of.iter().map(|(_, c, _)| *c).collect();
            let interval = Interval {
                lo: of
                    .iter()
                    .map(|(_, _, i)| i.lo)
                    .fold(f64::INFINITY, f64::min),
                hi: of
                    .iter()
                    .map(|(_, _, i)| i.hi)
                    .fold(f64::NEG_INFINITY, f64::max),
            };
            let at = match by_source.iter().position(|(s, _, _)| s == name) {
                Some(i) => i,
                None => {
                    by_source.push((name.to_string(), Vec::new(), None));
                    by_source.len() - 1
                }
            };
            let (_, points, last) = &mut by_source[at];
            points.push(Point {
                x: *x,
                central: median(&centrals),
                interval,
                joined: last.is_some_and(|l| l + 1 == k),
            });
            *last = Some(k);
        }
    }
    let mut out: Vec<(String, Vec<Point>)> =
        by_source.into_iter().map(|(s, p, _)| (s, p)).collect();
    out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    out
}

/// The value axis: log when the central values span more than [`LOG_SPAN`] (or when `--axis`
/// says so), else linear from zero, so that a line's height reads as its value.
pub fn value_scale(points: &[&Point], axis: AxisChoice) -> Scale {
    let positive = |v: f64| v > 0.0 && v.is_finite();
    let centrals = points.iter().map(|p| p.central).filter(|&v| positive(v));
    let (lo, hi) = centrals.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let choice = match axis {
        AxisChoice::Auto if hi / lo > LOG_SPAN => AxisChoice::Log,
        AxisChoice::Auto => AxisChoice::Linear,
        forced => forced,
    };
    // The bands count too, but an open end (+∞) does not stretch the axis.
    let ends = points
        .iter()
        .flat_map(|p| [p.interval.lo, p.interval.hi, p.central])
        .filter(|&v| positive(v));
    let (lo, hi) = ends.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    Scale::choose(lo, hi, choice)
}

/// The chart of one series over its `placed` periods.
fn chart(
    ctx: &View,
    s: &Series,
    placed: &[(f64, &str)],
    members: &HashMap<&str, Vec<&Member>>,
) -> SeriesChart {
    let analysis = ctx.analysis;
    let values: Vec<Period> = placed
        .iter()
        .map(|(x, id)| {
            let of = members.get(id).map(Vec::as_slice).unwrap_or_default();
            let v = of
                .iter()
                .map(|m| (analysis.source_name(&m.source), m.central, m.interval))
                .collect();
            (*x, v)
        })
        .collect();
    let mut all = lines(&values);
    let left_out: Vec<String> = all.iter().skip(MAX_LINES).map(|(s, _)| s.clone()).collect();
    all.truncate(MAX_LINES);
    let lines: Vec<Line> = all
        .into_iter()
        .enumerate()
        .map(|(i, (source, points))| Line {
            source,
            color: LINES[i % LINES.len()],
            points,
        })
        .collect();
    let points: Vec<&Point> = lines.iter().flat_map(|l| &l.points).collect();
    let scale = value_scale(&points, ctx.axis);
    let first = s.quantities[0];
    let yearly = s
        .quantities
        .iter()
        .all(|q| q.period_start.is_none() || q.period_start == q.period_end);
    let periods = placed.len();
    let (from, to) = (placed[0].0, placed[periods - 1].0);
    // The years the periods cover, first to last: "1900 to 1999" for decades, not their middles.
    let data = &analysis.data;
    let first_year = data
        .quantity(placed[0].1)
        .and_then(|q| q.period_start.or(q.period_end));
    let last_year = data
        .quantity(placed[periods - 1].1)
        .and_then(|q| q.period_end.or(q.period_start));
    let sources = lines.len() + left_out.len();
    SeriesChart {
        name: s.name.to_string(),
        category: first.category.to_string(),
        title: format!(
            "{}, by {}",
            title(s),
            if yearly { "year" } else { "period" }
        ),
        subtitle: format!(
            "{} · {} · {periods} {} from {} to {} · {sources} source{}",
            crate::present::words::category_title(&analysis.data, &first.category),
            first.unit,
            if yearly { "years" } else { "periods" },
            first_year.map_or(from.floor().to_string(), |y| y.to_string()),
            last_year.map_or(to.ceil().to_string(), |y| y.to_string()),
            if sources == 1 { "" } else { "s" }
        ),
        unit: first.unit.to_string(),
        quantities: placed.iter().map(|(_, id)| id.to_string()).collect(),
        lines,
        left_out,
        unplaced: s.quantities.len() - s.placed().count(),
        years: YearAxis::new([from.floor() as i32, to.ceil() as i32])
            .unwrap_or(YearAxis { lo: 0, hi: 1 }),
        scale,
        yearly,
    }
}

/// What the chart is titled by: what the labels of the series' quantities share ("Soviet
/// Union" from "Soviet Union, 1937" and "Soviet Union, 1938"), else the series' name.
pub fn title(s: &Series) -> String {
    let mut labels = s.quantities.iter().map(|q| q.label.split_whitespace());
    let mut shared: Vec<&str> = labels.next().map(Iterator::collect).unwrap_or_default();
    for words in labels {
        let n = shared
            .iter()
            .zip(words)
            .take_while(|(a, b)| *a == b)
            .count();
        shared.truncate(n);
    }
    let shared = shared.join(" ");
    let shared = shared
        .trim_end_matches([',', ';', ':', '-', '–', '('])
        .trim();
    if shared.chars().any(char::is_alphabetic) && s.quantities.len() > 1 {
        shared.to_string()
    } else {
        s.name.replace('_', " ")
    }
}

/// Renders every series chart.
pub fn render(ctx: &View) -> anyhow::Result<Vec<Rendered>> {
    series_charts(ctx)
        .iter()
        .map(|c| {
            let mut subjects = vec![c.name.clone(), c.category.clone()];
            subjects.extend(c.quantities.iter().cloned());
            let name = file_stem(&["series", &c.name]);
            let ctx = &ctx.for_chart(&name);
            Ok(Rendered {
                title: ctx.title(&name, &c.title),
                name,
                subjects,
                svg: super::render::render_fit(ctx.width, |area, h| plot::draw(area, c, ctx, h))?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
