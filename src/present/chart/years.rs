//! The year axis of timeline charts: whole years, padded at both ends so that no mark sits on
//! the frame, with ticks at round steps (every year, every 2, 5, 10, 20, 50... years), and
//! marks of one year set side by side.

use plotters::prelude::*;

use super::draw::{line, margin, text, Area, Drawn};
use super::furniture::tick_label;
use super::scale::Scale;
use super::theme::{Lettering, GRID, MUTED};

/// The most year ticks an axis gets: a year label is about 35 px wide.
const MAX_TICKS: i32 = 12;

/// Years from `lo` to `hi` mapped onto pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearAxis {
    /// The first year on the axis.
    pub lo: i32,
    /// The last year on the axis.
    pub hi: i32,
}

impl YearAxis {
    /// An axis holding every year of `years`, padded by a twentieth of their span (at least
    /// one year) at each end; `None` when there is no year.
    pub fn new(years: impl IntoIterator<Item = i32>) -> Option<YearAxis> {
        let (lo, hi) = years
            .into_iter()
            .fold(None, |acc: Option<(i32, i32)>, y| match acc {
                None => Some((y, y)),
                Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
            })?;
        let span = i64::from(hi) - i64::from(lo);
        let pad = (span / 20).max(1);
        let clamp = |v: i64| v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        Some(YearAxis {
            lo: clamp(i64::from(lo) - pad),
            hi: clamp(i64::from(hi) + pad),
        })
    }

    /// The pixel of `year` (a fraction places a mark between years) on an axis from `x0` to
    /// `x1`.
    pub fn x(&self, year: f64, x0: i32, x1: i32) -> i32 {
        let span = (f64::from(self.hi) - f64::from(self.lo)).max(1.0);
        let f = ((year - f64::from(self.lo)) / span).clamp(0.0, 1.0);
        x0 + (f * f64::from(x1 - x0)).round() as i32
    }

    /// The years that get a tick: multiples of the smallest round step that gives at most
    /// [`MAX_TICKS`] of them.
    pub fn ticks(&self) -> Vec<i32> {
        self.ticks_at_most(MAX_TICKS)
    }

    /// The years that get a tick on an axis with room for at most `max` labels.
    pub fn ticks_at_most(&self, max: i32) -> Vec<i32> {
        let max = max.clamp(2, MAX_TICKS);
        let span = i64::from(self.hi) - i64::from(self.lo);
        let step = [1i64, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
            .into_iter()
            .chain((4..10).map(|p| 10i64.pow(p)))
            .find(|s| span / s < i64::from(max))
            .unwrap_or(10i64.pow(10));
        let first = i64::from(self.lo).div_euclid(step) * step;
        (0..=i64::from(max) + 1)
            .map(|k| first + k * step)
            .filter(|&t| t >= i64::from(self.lo) && t <= i64::from(self.hi))
            .map(|t| t as i32)
            .collect()
    }
}

impl YearAxis {
    /// The grid line of each tick from `top` to `bottom`, and its year below.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        (x0, x1): (i32, i32),
        (top, bottom): (i32, i32),
    ) -> Drawn<DB> {
        let ty = Lettering::new(12.0, MUTED).center();
        // A year's label is about 35 px wide: a narrow page gets fewer ticks.
        for year in self.ticks_at_most((x1 - x0) / 48) {
            let x = self.x(f64::from(year), x0, x1);
            line(area, (x, top), (x, bottom), GRID, 1)?;
            text(area, &year.to_string(), (x, bottom + 12), ty)?;
        }
        Ok(())
    }
}

/// The axes of a chart with years across (timeline, series): figures on the left as bare ticks
/// with the unit written once above them ("43%" keeps its sign), the years below, the frame,
/// what the x axis is (`caption`) and "log scale" when it is.
pub fn year_axes<DB: DrawingBackend>(
    area: &Area<DB>,
    (scale, years): (&Scale, &YearAxis),
    (x0, x1): (i32, i32),
    (top, bottom): (i32, i32),
    unit: &str,
    caption: &str,
) -> Drawn<DB> {
    let ticks = Lettering::new(12.0, MUTED);
    let tick_unit = if unit == "percent" { unit } else { "" };
    for v in scale.ticks() {
        let y = scale.map(v, bottom, top);
        line(area, (x0, y), (x1, y), GRID, 1)?;
        text(area, &tick_label(v, tick_unit), (x0 - 8, y), ticks.right())?;
    }
    if tick_unit.is_empty() && !unit.is_empty() {
        text(
            area,
            unit,
            (margin(area), top - 18),
            Lettering::new(11.0, MUTED),
        )?;
    }
    years.draw(area, (x0, x1), (top, bottom))?;
    line(area, (x0, bottom), (x1, bottom), MUTED, 1)?;
    line(area, (x0, top), (x0, bottom), MUTED, 1)?;
    let note = Lettering::new(11.0, MUTED);
    text(area, caption, ((x0 + x1) / 2, bottom + 30), note.center())?;
    if scale.is_log() {
        text(area, "log scale", (x1, bottom + 30), note.right())?;
    }
    Ok(())
}

/// The x of each of a series of marks, given their years and where a year falls (`x`): marks
/// of one year side by side, `gap` px apart, or closer when a year has so many that they would
/// spread over half of the plot (`x0` to `x1`); a year's marks near an end of the plot are
/// moved inwards so that none stands outside it.
pub fn dodge(years: &[i32], x: impl Fn(i32) -> i32, gap: i32, (x0, x1): (i32, i32)) -> Vec<i32> {
    let width = x1 - x0;
    years
        .iter()
        .enumerate()
        .map(|(i, &year)| {
            let n = years.iter().filter(|&&y| y == year).count() as f64;
            let k = years[..i].iter().filter(|&&y| y == year).count() as f64;
            let spread = (f64::from(width) / 2.0 / n).min(f64::from(gap));
            let half = ((n - 1.0) / 2.0 * spread).round() as i32;
            // Room for half a mark beyond the outermost centres.
            let room = gap / 2;
            let centre = if x0 + half + room <= x1 - half - room {
                x(year).clamp(x0 + half + room, x1 - half - room)
            } else {
                x(year)
            };
            centre + ((k - (n - 1.0) / 2.0) * spread).round() as i32
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_pads_both_ends() {
        let axis = YearAxis::new([1981, 1944, 1991]).unwrap();
        // 47 years of span: two years of padding either side.
        assert_eq!(axis, YearAxis { lo: 1942, hi: 1993 });
        let one = YearAxis::new([1990, 1990]).unwrap();
        assert_eq!(one, YearAxis { lo: 1989, hi: 1991 });
        assert!(YearAxis::new([]).is_none());
    }

    #[test]
    fn ticks_are_whole_years_at_round_steps() {
        let axis = YearAxis { lo: 1942, hi: 1993 };
        assert_eq!(
            axis.ticks(),
            vec![1945, 1950, 1955, 1960, 1965, 1970, 1975, 1980, 1985, 1990]
        );
        let short = YearAxis { lo: 1989, hi: 1991 };
        assert_eq!(short.ticks(), vec![1989, 1990, 1991]);
        let century = YearAxis { lo: 1900, hi: 2020 };
        assert_eq!(
            century.ticks(),
            vec![1900, 1920, 1940, 1960, 1980, 2000, 2020]
        );
        let era = YearAxis { lo: -45, hi: 30 };
        assert_eq!(era.ticks(), vec![-40, -30, -20, -10, 0, 10, 20, 30]);
        let huge = YearAxis {
            lo: i32::MIN,
            hi: i32::MAX,
        };
        assert!(huge.ticks().len() <= MAX_TICKS as usize + 1);
        // A narrow axis: at most five labels over the decades the wide one ticks.
        assert_eq!(century.ticks_at_most(5), vec![1900, 1925, 1950, 1975, 2000]);
    }

    #[test]
    fn years_map_onto_the_axis() {
        let axis = YearAxis { lo: 1940, hi: 1990 };
        assert_eq!(axis.x(1940.0, 100, 600), 100);
        assert_eq!(axis.x(1965.0, 100, 600), 350);
        assert_eq!(axis.x(2100.0, 100, 600), 600);
    }

    #[test]
    fn marks_of_one_year_stand_side_by_side() {
        let x = |year: i32| (year - 1980) * 100;
        assert_eq!(
            dodge(&[1981, 1982, 1982, 1983, 1982], x, 12, (0, 800)),
            [100, 188, 200, 300, 212]
        );
        // Forty in one year spread over half of a 800 px plot, not 480 px, and moved inside it:
        // 39 gaps of 10 px span 390 px, centred at 6 + 195 = 201 rather than at 1981's 100.
        let crowded = dodge(&[1981; 40], x, 12, (0, 800));
        assert_eq!(crowded[0], 6);
        assert_eq!(crowded[39], 396);
        // Three in the first year of a plot starting at 0 stand inside it.
        assert_eq!(dodge(&[1980; 3], x, 12, (0, 800)), [6, 18, 30]);
    }
}
