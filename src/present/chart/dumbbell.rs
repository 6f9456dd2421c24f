//! Official against independent: for each quantity with estimates from official or archival
//! records and from independent sources, a dumbbell from one median to the other. Which kinds
//! are official is the vocabulary's call ([`SourceKind::is_official`]).

use plotters::prelude::*;

use super::draw::{fit, inner_width, line, right_edge, text, text_width, Area, Drawn};
use super::furniture::{footer, header, legend};
use super::render::render_fit;
use super::rows::RowLayout;
use super::theme::{kind_color, Lettering, INK, MARGIN, MUTED};
use super::view::View;
use super::Rendered;
use crate::analysis::reconcile::Member;
use crate::analysis::reconcile::{median, GroupBy};
use crate::english::number::figure;
use crate::model::SourceKind;
use crate::present::digits::median_known;
use crate::present::write::file_stem;

/// Left end of the plot on a wide page, after the label column.
const PLOT_X0: i32 = MARGIN + 290;
/// Room for the ratio and the two medians, right of the plot on a wide page.
const VALUE_COLUMN: i32 = 200;
const ROW: i32 = 46;

/// One quantity: the median of each kind of source, split into the two sides.
pub struct Pair {
    pub label: String,
    pub official: f64,
    pub independent: f64,
    /// (kind, median of that kind's central values).
    pub kinds: Vec<(SourceKind, f64)>,
    /// The digits each side's median is known to (`None`: a figure as stated).
    pub known: (Option<u32>, Option<u32>),
}

/// The pairs of one unit.
pub struct Dumbbell {
    pub unit: String,
    pub rows: Vec<Pair>,
}

/// One dumbbell chart per unit that has quantities with both sides. Polls are left out: they
/// report what people believe, not an estimate of the quantity.
pub fn dumbbells(ctx: &View) -> anyhow::Result<Vec<Dumbbell>> {
    let by_kind = ctx.analysis.reconcile(GroupBy::SourceKind)?;
    let mut out: Vec<Dumbbell> = Vec::new();
    for s in &ctx.analysis.summaries {
        let members: Vec<_> = ctx
            .analysis
            .members_of(&s.key)
            .into_iter()
            .filter(|m| m.counts())
            .collect();
        let side = |official: bool| -> Vec<&Member> {
            members
                .iter()
                .filter(|m| {
                    m.source_kind != SourceKind::Poll && m.source_kind.is_official() == official
                })
                .copied()
                .collect()
        };
        let (off, ind) = (side(true), side(false));
        if off.is_empty() || ind.is_empty() {
            continue;
        }
        let centre = |ms: &[&Member]| median(&ms.iter().map(|m| m.central).collect::<Vec<_>>());
        let (official, independent) = (centre(&off), centre(&ind));
        // The median of each kind is the analysis's own (its summaries by kind, keyed
        // `quantity/kind`, come in the order of SourceKind::ALL); the sort keeps ties in that order.
        let mut kinds: Vec<(SourceKind, f64)> = by_kind
            .iter()
            .filter_map(|k| {
                let kind = k.source_kind?;
                (kind != SourceKind::Poll && k.key == format!("{}/{kind}", s.key))
                    .then_some((kind, k.median))
            })
            .collect();
        kinds.sort_by(|a, b| a.1.total_cmp(&b.1));
        let pair = Pair {
            label: s.label.clone(),
            official,
            independent,
            kinds,
            known: (
                median_known(&off, official),
                median_known(&ind, independent),
            ),
        };
        match out.iter_mut().find(|d| d.unit == s.unit) {
            Some(d) => d.rows.push(pair),
            None => out.push(Dumbbell {
                unit: s.unit.clone(),
                rows: vec![pair],
            }),
        }
    }
    for d in &mut out {
        d.rows
            .sort_by(|a, b| (a.independent / a.official).total_cmp(&(b.independent / b.official)));
    }
    Ok(out)
}

const TITLE: &str = "Official and archival figures against independent estimates";

/// Draws a dumbbell chart.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    d: &Dumbbell,
    ctx: &View,
    height: u32,
) -> Drawn<DB, i32> {
    let subtitle = format!(
        "{} · median of each kind of source; the line joins the median of the official side (official statistics, archival records) to that of the independent side (historians, the article, others); a ring marks a side's median where no kind's dot is",
        d.unit
    );
    let y = header(area, ctx, TITLE, &subtitle)?;
    let mut kinds: Vec<SourceKind> = d
        .rows
        .iter()
        .flat_map(|r| r.kinds.iter().map(|k| k.0))
        .collect();
    kinds.sort();
    kinds.dedup();
    let keys: Vec<(String, RGBColor)> = kinds
        .iter()
        .map(|k| (k.as_str().to_string(), kind_color(*k)))
        .collect();
    let y = legend(area, &keys, y)?;
    let values = d.rows.iter().flat_map(|r| r.kinds.iter().map(|k| k.1));
    let wide = (PLOT_X0, right_edge(area) - VALUE_COLUMN);
    let layout = RowLayout::for_page(area, values, ctx.axis, wide, ROW, d.rows.len(), y, 2);
    layout.axis(area, &d.unit)?;
    layout.value_heading(area, "independent ÷ official")?;
    for (i, r) in d.rows.iter().enumerate() {
        draw_row(area, r, &d.unit, &layout, layout.row_y(i))?;
    }
    footer(area, ctx, height)?;
    Ok(layout.bottom + 44)
}

/// One quantity: its label, the line from official to independent median with a dot per kind
/// of source, and on the right the ratio over the two medians.
fn draw_row<DB: DrawingBackend>(
    area: &Area<DB>,
    r: &Pair,
    unit: &str,
    layout: &RowLayout,
    cy: i32,
) -> Drawn<DB> {
    let value = Lettering::new(12.0, INK).right();
    let ratio = crate::english::number::times(if r.official > 0.0 {
        r.independent / r.official
    } else if r.independent > 0.0 {
        f64::INFINITY
    } else {
        1.0
    });
    let ratio = fit(area, &ratio, value, 110);
    // Stacked: the label's line ends with the ratio, the medians take the next line.
    let (label_room, ratio_y, both_y) = if layout.stacked > 0 {
        let room = inner_width(area).saturating_sub(text_width(area, &ratio, value.bold()) + 12);
        (room, layout.line_y(cy, 0), layout.line_y(cy, 1))
    } else {
        (280, cy - 7, cy + 9)
    };
    layout.label(area, &r.label, cy, label_room)?;
    let x = |v: f64| layout.x(v);
    line(area, (x(r.official), cy), (x(r.independent), cy), MUTED, 3)?;
    for (k, v) in &r.kinds {
        area.draw(&Circle::new((x(*v), cy), 8, WHITE.filled()))?;
        area.draw(&Circle::new((x(*v), cy), 7, kind_color(*k).filled()))?;
    }
    // A side of two kinds ends at their combined median, where no kind's dot is: a ring marks it.
    for end in [r.official, r.independent] {
        if !r.kinds.iter().any(|(_, v)| x(*v) == x(end)) {
            area.draw(&Circle::new((x(end), cy), 6, WHITE.filled()))?;
            area.draw(&Circle::new((x(end), cy), 6, INK.stroke_width(2)))?;
        }
    }
    text(area, &ratio, (right_edge(area), ratio_y), value.bold())?;
    let both = format!(
        "{} → {}",
        figure(r.official, r.known.0, unit),
        figure(r.independent, r.known.1, unit)
    );
    let both_room = if layout.stacked > 0 {
        inner_width(area)
    } else {
        195
    };
    layout.value(
        area,
        &both,
        both_y,
        Lettering::new(10.0, MUTED).right(),
        both_room,
    )?;
    Ok(())
}

/// Renders every dumbbell chart.
pub fn render(ctx: &View) -> anyhow::Result<Vec<Rendered>> {
    dumbbells(ctx)?
        .iter()
        .map(|d| {
            let name = file_stem(&["official-vs-independent", &d.unit]);
            let ctx = &ctx.for_chart(&name);
            Ok(Rendered {
                title: ctx.title(&name, &format!("{TITLE} ({})", d.unit)),
                name,
                subjects: vec![format!("official-vs-independent-{}", d.unit)],
                svg: render_fit(ctx.width, |area, h| draw(area, d, ctx, h))?,
            })
        })
        .collect()
}
