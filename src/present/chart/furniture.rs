//! Chart furniture shared by every kind: header, legend, footer caption and the x axis with
//! its tick labels.

use plotters::prelude::*;

use super::draw::{
    bar, inner_width, line, margin, page_width, right_edge, text, text_width, wrap, Area, Drawn,
};
use super::scale::Scale;
use super::theme::{Lettering, GRID, INK, MUTED};
use super::view::View;
use crate::english::number::{short, unit_suffix};

/// The title (bold) and the subtitle (muted) at the top; returns the y below them.
pub fn header<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &View,
    title: &str,
    subtitle: &str,
) -> Drawn<DB, i32> {
    let title = ctx.title(&ctx.chart, title);
    let subtitle = ctx.subtitle_of(&ctx.chart, subtitle);
    let (title, subtitle) = (title.as_str(), subtitle.as_str());
    let width = inner_width(area);
    let title_lettering = Lettering::new(22.0, INK).bold();
    let mut y = 30;
    for l in wrap(area, title, title_lettering, width, 2) {
        text(area, &l, (margin(area), y), title_lettering)?;
        y += 28;
    }
    let sub = Lettering::new(14.0, MUTED);
    for l in wrap(area, subtitle, sub, width, 2) {
        text(area, &l, (margin(area), y - 4), sub)?;
        y += 20;
    }
    Ok(y + 4)
}

/// What a legend key shows beside its name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Key {
    /// A filled square of a colour: a kind of source, a part, a verdict, a background band.
    Swatch(RGBColor),
    /// A hollow dot: a value not counted on its own (a restatement).
    Hollow(RGBColor),
}

/// A row of coloured keys with names, starting at `y`; returns the y below it.
pub fn legend<DB: DrawingBackend>(
    area: &Area<DB>,
    items: &[(String, RGBColor)],
    y: i32,
) -> Drawn<DB, i32> {
    let keys: Vec<(String, Key)> = items
        .iter()
        .map(|(name, color)| (name.clone(), Key::Swatch(*color)))
        .collect();
    keyed_legend(area, &keys, y)
}

/// A row of keys (squares or hollow dots) with names, starting at `y`; returns the y below it.
pub fn keyed_legend<DB: DrawingBackend>(
    area: &Area<DB>,
    items: &[(String, Key)],
    y: i32,
) -> Drawn<DB, i32> {
    let ty = Lettering::new(13.0, INK);
    let mut x = margin(area);
    let mut y = y + 8;
    for (name, key) in items {
        let w = text_width(area, name, ty) as i32 + 34;
        if x + w > right_edge(area) {
            x = margin(area);
            y += 22;
        }
        match key {
            Key::Swatch(color) => bar(area, (x, y - 6), (x + 12, y + 6), color.to_rgba())?,
            Key::Hollow(color) => {
                area.draw(&Circle::new((x + 6, y), 5, color.stroke_width(2)))?;
            }
        }
        text(area, name, (x + 18, y), ty)?;
        x += w;
    }
    Ok(y + 18)
}

/// The caption at the foot: the text's title, "figures as quoted", and reckon.
pub fn footer<DB: DrawingBackend>(area: &Area<DB>, ctx: &View, height: u32) -> Drawn<DB> {
    let caption = ctx.caption_of(&ctx.chart);
    let ty = Lettering::new(12.0, MUTED);
    let width = inner_width(area);
    let lines = wrap(area, caption, ty, width, 2);
    let mut y = height as i32 - 14 - 16 * (lines.len() as i32 - 1);
    line(
        area,
        (margin(area), y - 16),
        (right_edge(area), y - 16),
        GRID,
        1,
    )?;
    for l in lines {
        text(area, &l, (margin(area), y), ty)?;
        y += 16;
    }
    Ok(())
}

/// Vertical grid lines with tick labels below the plot, from `top` to `bottom`.
pub fn x_axis<DB: DrawingBackend>(
    area: &Area<DB>,
    scale: &Scale,
    x0: i32,
    x1: i32,
    top: i32,
    bottom: i32,
    unit: &str,
) -> Drawn<DB> {
    let ty = Lettering::new(12.0, MUTED).center();
    let values = scale.ticks();
    let ticks: Vec<(i32, String)> = values
        .iter()
        .map(|&t| (scale.map(t, x0, x1), tick_label(t, unit)))
        .collect();
    // On a log axis, the powers of ten (1k, 10k, 100k) are the labels worth keeping.
    let powers: Vec<bool> = values
        .iter()
        .map(|v| scale.is_log() && (v.log10() - v.log10().round()).abs() < 1e-9)
        .collect();
    let labelled = labelled_ticks(area, &ticks, ty, &powers);
    for (i, (x, label)) in ticks.iter().enumerate() {
        line(area, (*x, top), (*x, bottom), GRID, 1)?;
        if labelled(i) {
            // A label at the plot's end stays on the page ("62 inch" on a phone).
            let half = text_width(area, label, ty) as i32 / 2;
            let (lo, hi) = (half + 2, page_width(area) - half - 2);
            let at = if lo <= hi { (*x).clamp(lo, hi) } else { *x };
            text(area, label, (at, bottom + 12), ty)?;
        }
    }
    line(area, (x0, bottom), (x1, bottom), MUTED, 1)?;
    if scale.is_log() {
        text(
            area,
            "log scale",
            (x1, bottom + 30),
            Lettering::new(11.0, MUTED).right(),
        )?;
    }
    Ok(())
}

/// Which ticks get a label: all of them when their labels do not touch; else, on a log axis,
/// the powers of ten (1k, 10k, 100k); else every second, third... tick, the first that leaves
/// 2 px between labels (a narrow page has room for fewer).
fn labelled_ticks<DB: DrawingBackend>(
    area: &Area<DB>,
    ticks: &[(i32, String)],
    ty: Lettering,
    powers: &[bool],
) -> impl Fn(usize) -> bool {
    let extent = |(x, label): &(i32, String)| {
        let half = text_width(area, label, ty) as i32 / 2;
        (x - half, x + half)
    };
    let fits = |keep: &dyn Fn(usize) -> bool| {
        let kept: Vec<(i32, i32)> = (0..ticks.len())
            .filter(|&i| keep(i))
            .map(|i| extent(&ticks[i]))
            .collect();
        kept.windows(2).all(|w| w[0].1 + 2 <= w[1].0)
    };
    let powers = powers.to_vec();
    let mut every = 1;
    let mut use_powers = false;
    if !fits(&|_| true) {
        if powers.iter().any(|&p| p) && fits(&|i| powers[i]) {
            use_powers = true;
        } else {
            every = (2..ticks.len().max(2))
                .find(|&k| fits(&|i| i % k == 0))
                .unwrap_or(ticks.len().max(1));
        }
    }
    move |i| {
        if use_powers {
            powers[i]
        } else {
            i % every == 0
        }
    }
}

/// A tick label as people write it: 250k, 1M, 20M; 43%; 165 cm.
pub fn tick_label(v: f64, unit: &str) -> String {
    format!("{}{}", short(v), unit_suffix(unit))
}

/// A figure in words with its unit: "43%", "160 cm", "681,692" (people need no unit).
pub fn with_unit(figure: &str, unit: &str) -> String {
    format!("{figure}{}", unit_suffix(unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_labels_read_like_people_write() {
        assert_eq!(tick_label(250_000.0, "people"), "250k");
        assert_eq!(tick_label(1_000_000.0, "people"), "1M");
        assert_eq!(tick_label(43.0, "percent"), "43%");
        assert_eq!(tick_label(165.0, "cm"), "165 cm");
    }
}
