//! Composition chart: breakdowns of totals by two or more sources side by side (the archival
//! categories behind "about 3 million" against Erlikman's behind "about 9 million").

use plotters::prelude::*;

use super::draw::{
    bar, fit, inner_width, is_narrow, line, margin, right_edge, text, text_width, Area, Drawn,
};
use super::furniture::{footer, header, legend, x_axis};
use super::render::render_fit;
use super::scale::{AxisChoice, Scale};
use super::theme::{part_color, Lettering, INK, MARGIN, MUTED};
use super::view::View;
use super::Rendered;
use crate::analysis::relate::Outcome;
use crate::english::number::readable;
use crate::model::{Quantity, RelationKind};
use crate::present::words::stated;
use crate::present::write::file_stem;

/// Left end of the plot on a wide page, after the label column.
const PLOT_X0: i32 = MARGIN + 300;
/// Height of a row on a wide page.
const ROW: i32 = 56;
/// What a narrow page adds to each row: its two lines of text above the bar.
const STACKED: i32 = 30;

/// The most breakdowns one composition draws: 2,000 sums of one category drew a chart 45,000
/// pixels tall whose PNG alone took most of a gigabyte. The first ones in file order are drawn,
/// and the chart says how many it left out.
pub const MAX_ROWS: usize = 40;

/// One breakdown: a stated total and the parts it is said to consist of.
pub struct Breakdown {
    pub source: String,
    pub stated: String,
    pub stated_value: f64,
    /// (key, value) per part; the key names what the part counts.
    pub parts: Vec<(String, f64)>,
}

/// The breakdowns of one category of totals.
pub struct Composition {
    pub category: String,
    pub unit: String,
    pub keys: Vec<String>,
    pub rows: Vec<Breakdown>,
    /// Breakdowns left out after the first [`MAX_ROWS`].
    pub left_out: usize,
}

/// One composition per category holding the targets of two or more sums.
pub fn compositions(ctx: &View) -> Vec<Composition> {
    let mut out: Vec<Composition> = Vec::new();
    for o in ctx
        .analysis
        .outcomes
        .iter()
        .filter(|o| o.kind == RelationKind::Sum)
    {
        let Some((quantity, row)) = breakdown(ctx, o) else {
            continue;
        };
        match out
            .iter_mut()
            .find(|c| c.category == quantity.category && c.unit == quantity.unit)
        {
            Some(c) => c.rows.push(row),
            None => out.push(Composition {
                category: quantity.category.to_string(),
                unit: quantity.unit.to_string(),
                keys: Vec::new(),
                rows: vec![row],
                left_out: 0,
            }),
        }
    }
    out.retain(|c| c.rows.len() >= 2);
    for c in &mut out {
        c.left_out = c.rows.len().saturating_sub(MAX_ROWS);
        c.rows.truncate(MAX_ROWS);
        align_parts(c);
    }
    out
}

/// The breakdown of one sum, with the quantity of its target; `None` when a figure or its
/// reading is missing.
fn breakdown<'a>(ctx: &'a View, o: &Outcome) -> Option<(&'a Quantity, Breakdown)> {
    let target = ctx.analysis.data.estimate(&o.target)?;
    let quantity = ctx.analysis.data.quantity(&target.quantity)?;
    let reading = ctx.analysis.readings.get(&o.target)?;
    let parts: Vec<(String, String, f64)> = o
        .operands
        .iter()
        .map(|id| {
            let e = ctx.analysis.data.estimate(id)?;
            let q = ctx.analysis.data.quantity(&e.quantity)?;
            Some((
                q.category.to_string(),
                q.label.clone(),
                ctx.analysis.readings.get(id)?.central,
            ))
        })
        .collect::<Option<_>>()?;
    // Parts are named by their category when those differ (executions, gulag deaths...),
    // else by their quantity (1937, 1938).
    let by_category = {
        let mut c: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
        c.sort();
        c.dedup();
        c.len() == parts.len()
    };
    let parts: Vec<(String, f64)> = parts
        .into_iter()
        .map(|(category, label, v)| {
            let key = if by_category {
                category.replace('_', " ")
            } else {
                label
            };
            (key, v)
        })
        .collect();
    let row = Breakdown {
        source: ctx.analysis.source_name(&target.source),
        stated: stated(target, reading),
        stated_value: reading.central,
        parts,
    };
    Some((quantity, row))
}

/// Collects a composition's part keys in first-seen order and stacks every bar's parts in that
/// order, so shared parts line up across bars.
fn align_parts(c: &mut Composition) {
    for r in &c.rows {
        for (k, _) in &r.parts {
            if !c.keys.contains(k) {
                c.keys.push(k.clone());
            }
        }
    }
    let keys = c.keys.clone();
    for r in &mut c.rows {
        r.parts
            .sort_by_key(|(k, _)| keys.iter().position(|x| x == k).unwrap_or(usize::MAX));
    }
}

fn title(ctx: &View, c: &Composition) -> String {
    format!(
        "{}: how the stated totals break down",
        crate::present::words::category_title(&ctx.analysis.data, &c.category)
    )
}

/// Draws a composition chart.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    c: &Composition,
    ctx: &View,
    height: u32,
) -> Drawn<DB, i32> {
    let shown = match c.left_out {
        0 => format!("{} breakdowns", c.rows.len()),
        n => format!(
            "the first {} of {} breakdowns ({} more not shown; relations.csv lists them)",
            c.rows.len(),
            c.rows.len() + n,
            n
        ),
    };
    let subtitle = format!(
        "{shown} side by side · {} · each bar is the sum of its parts; the black tick is the stated total",
        c.unit
    );
    let y = header(area, ctx, &title(ctx, c), &subtitle)?;
    let colors: Vec<(String, RGBColor)> = c
        .keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.clone(), part_color(i, c.keys.len()).0))
        .collect();
    let y = legend(area, &colors, y)?;
    let hi = c
        .rows
        .iter()
        .flat_map(|r| [r.parts.iter().map(|p| p.1).sum::<f64>(), r.stated_value])
        .fold(0.0f64, f64::max);
    let scale = Scale::choose(0.0, hi, AxisChoice::Linear);
    // A narrow page puts each row's two lines of text above its bar, which spans the page.
    let narrow = is_narrow(area);
    let (plot_x0, plot_x1, row, width) = if narrow {
        (
            margin(area) + 4,
            right_edge(area) - 12,
            ROW + STACKED,
            inner_width(area),
        )
    } else {
        (PLOT_X0, right_edge(area) - 20, ROW, 290)
    };
    let x = |v: f64| scale.map(v, plot_x0, plot_x1);
    let top = y + 24;
    let bottom = top + row * c.rows.len() as i32;
    x_axis(area, &scale, plot_x0, plot_x1, top - 6, bottom, &c.unit)?;
    for (i, r) in c.rows.iter().enumerate() {
        let cy = top + row * i as i32 + row - ROW / 2;
        let (y1, y2) = if narrow {
            (cy - ROW / 2 - 22, cy - ROW / 2 - 7)
        } else {
            (cy - 8, cy + 8)
        };
        let name = Lettering::new(13.0, INK);
        let detail = Lettering::new(11.0, MUTED);
        text(
            area,
            &fit(area, &r.source, name, width),
            (margin(area), y1),
            name,
        )?;
        let line2 = format!("stated {} · {} parts", r.stated, r.parts.len());
        text(
            area,
            &fit(area, &line2, detail, width),
            (margin(area), y2),
            detail,
        )?;
        let mut at = 0.0;
        for (key, value) in &r.parts {
            let k = c.keys.iter().position(|x| x == key).unwrap_or(0);
            let (color, ink) = part_color(k, c.keys.len());
            let (x0, x1) = (x(at), x(at + value));
            bar(
                area,
                (x0, cy - 13),
                (x1.max(x0 + 1), cy + 13),
                color.to_rgba(),
            )?;
            line(area, (x1, cy - 13), (x1, cy + 13), WHITE, 1)?;
            let label = readable(*value);
            let ty = Lettering::new(11.0, ink).center();
            if text_width(area, &label, ty) as i32 + 8 < x1 - x0 {
                text(area, &label, ((x0 + x1) / 2, cy), ty)?;
            }
            at += value;
        }
        let sx = x(r.stated_value);
        bar(area, (sx - 1, cy - 20), (sx + 2, cy + 20), INK.to_rgba())?;
    }
    footer(area, ctx, height)?;
    Ok(bottom + 44)
}

/// Renders every composition chart.
pub fn render(ctx: &View) -> anyhow::Result<Vec<Rendered>> {
    compositions(ctx)
        .iter()
        .map(|c| {
            let name = file_stem(&["composition", &c.category]);
            let ctx = &ctx.for_chart(&name);
            Ok(Rendered {
                title: ctx.title(&name, &title(ctx, c)),
                name,
                subjects: vec![c.category.clone()],
                svg: render_fit(ctx.width, |area, h| draw(area, c, ctx, h))?,
            })
        })
        .collect()
}
