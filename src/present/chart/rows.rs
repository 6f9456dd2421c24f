//! The row-chart layout shared by forest, category and dumbbell charts: one row per item
//! under a common x axis, a wrapped label on the left and a right-aligned value column; on a
//! narrow page ("stacked"), each row's lines of text above its bar, which spans the page.

use plotters::prelude::*;

use super::draw::{fit, is_narrow, margin, right_edge, text, wrap, Area, Drawn};
use super::furniture::x_axis;
use super::scale::{AxisChoice, Scale};
use super::theme::{Lettering, INK, MUTED};

/// Where a row chart's plot and rows sit, and the scale its figures map through.
pub struct RowLayout {
    /// The x scale, fitted tightly to the figures shown.
    pub scale: Scale,
    /// Left end of the plot.
    pub x0: i32,
    /// Right end of the plot.
    pub x1: i32,
    /// Height of one row.
    pub row: i32,
    /// The y where the first row starts.
    pub top: i32,
    /// The y where the last row ends (and the axis is drawn).
    pub bottom: i32,
    /// Lines of text stacked above each row's bar on a narrow page; 0 on a wide one.
    pub stacked: i32,
}

/// Height of one stacked line of text.
const LINE: i32 = 15;

impl RowLayout {
    /// The layout for the page `area` draws on: on a wide page, rows of `row` px plotted
    /// between `wide` (x0, x1); on a narrow one, `lines` lines of text above each row's bar and
    /// the plot across the page. Otherwise as [`RowLayout::new`].
    #[allow(clippy::too_many_arguments)]
    pub fn for_page<DB: DrawingBackend>(
        area: &Area<DB>,
        values: impl IntoIterator<Item = f64>,
        axis: AxisChoice,
        wide: (i32, i32),
        row: i32,
        rows: usize,
        y: i32,
        lines: i32,
    ) -> Self {
        if !is_narrow(area) {
            return RowLayout::new(values, axis, wide, row, rows, y);
        }
        let span = (margin(area) + 10, right_edge(area) - 12);
        let mut layout = RowLayout::new(values, axis, span, LINE * lines + 26, rows, y);
        layout.stacked = lines;
        layout
    }

    /// The y of stacked line `k` (from 0, the top one) of the row whose bar is at `cy`.
    pub fn line_y(&self, cy: i32, k: i32) -> i32 {
        cy - LINE * (self.stacked - k) - 3
    }

    /// `rows` rows of `row` px between `x0` and `x1`, starting a little below `y` (room for
    /// the column headings), over a tight scale for the positive range of `values`.
    pub fn new(
        values: impl IntoIterator<Item = f64>,
        axis: AxisChoice,
        (x0, x1): (i32, i32),
        row: i32,
        rows: usize,
        y: i32,
    ) -> Self {
        let top = y + 26;
        RowLayout {
            scale: Scale::fitted(values, axis),
            x0,
            x1,
            row,
            top,
            bottom: top + row * rows as i32,
            stacked: 0,
        }
    }

    /// The x of figure `v`.
    pub fn x(&self, v: f64) -> i32 {
        self.scale.map(v, self.x0, self.x1)
    }

    /// The vertical centre of row `i`'s bar (below its lines of text when stacked).
    pub fn row_y(&self, i: usize) -> i32 {
        if self.stacked > 0 {
            return self.top + self.row * i as i32 + LINE * self.stacked + 14;
        }
        self.top + self.row * i as i32 + self.row / 2
    }

    /// The grid and tick labels behind the rows, in `unit`.
    pub fn axis<DB: DrawingBackend>(&self, area: &Area<DB>, unit: &str) -> Drawn<DB> {
        x_axis(
            area,
            &self.scale,
            self.x0,
            self.x1,
            self.top - 6,
            self.bottom,
            unit,
        )
    }

    /// The heading of the value column, right-aligned above the first row.
    pub fn value_heading<DB: DrawingBackend>(&self, area: &Area<DB>, heading: &str) -> Drawn<DB> {
        text(
            area,
            heading,
            (right_edge(area), self.top - 14),
            Lettering::new(12.0, MUTED).right(),
        )
    }

    /// A row's label, wrapped to two lines of at most `width` px and centred on `cy`; when
    /// stacked, its first line above the bar, cut to leave `width` px.
    pub fn label<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        label: &str,
        cy: i32,
        width: u32,
    ) -> Drawn<DB> {
        let lettering = Lettering::new(13.0, INK);
        if self.stacked > 0 {
            let line = fit(area, label, lettering, width);
            return text(area, &line, (margin(area), self.line_y(cy, 0)), lettering);
        }
        let lines = wrap(area, label, lettering, width, 2);
        let first = cy - 8 * (lines.len() as i32 - 1);
        for (k, l) in lines.iter().enumerate() {
            text(area, l, (margin(area), first + 16 * k as i32), lettering)?;
        }
        Ok(())
    }

    /// A value in the right-hand column at height `y`, cut to `max` px.
    pub fn value<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        value: &str,
        y: i32,
        lettering: Lettering,
        max: u32,
    ) -> Drawn<DB> {
        text(
            area,
            &fit(area, value, lettering, max),
            (right_edge(area), y),
            lettering,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_stack_below_the_headings() {
        let layout = RowLayout::new([10.0, 100.0], AxisChoice::Linear, (100, 900), 40, 3, 50);
        // 26 px of headings above the first row, then three rows of 40 px.
        assert_eq!(layout.top, 76);
        assert_eq!(layout.bottom, 76 + 120);
        assert_eq!(layout.row_y(0), 96);
        assert_eq!(layout.row_y(2), 176);
    }

    #[test]
    fn the_scale_ignores_figures_that_are_not_positive() {
        let layout = RowLayout::new([-5.0, 0.0, 20.0, 400.0], AxisChoice::Auto, (0, 1), 1, 1, 0);
        assert_eq!(
            layout.scale,
            Scale::choose_tight(20.0, 400.0, AxisChoice::Auto)
        );
        assert!(layout.scale.is_log(), "20 to 400 spans more than ten times");
    }
}
