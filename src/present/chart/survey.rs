//! Surveys of other people's estimates ("estimates range from 3 to 60 million") as charts
//! draw them: a light band from the survey's low to its high, behind the estimates, never a
//! dot of its own (see README, Qualifiers).

use plotters::prelude::*;

use super::draw::{bar, dashed, fit, line, margin, right_edge, text, text_width, Area, Drawn};
use super::marks::Mark;
use super::rows::RowLayout;
use super::theme::{Lettering, SURVEY, SURVEY_EDGE};

/// A survey of estimates: a light band from its low to its high across every row, edged,
/// and labelled on its own line above the rows ("survey: estimates range 3–60 million ·
/// Source").
pub fn across_rows<DB: DrawingBackend>(
    area: &Area<DB>,
    survey: &Mark,
    layout: &RowLayout,
    label_y: i32,
) -> Drawn<DB> {
    let (x_lo, x_hi) = (layout.x(survey.interval.lo), layout.x(survey.interval.hi));
    bar(
        area,
        (x_lo, layout.top - 6),
        (x_hi.max(x_lo + 2), layout.bottom),
        SURVEY.mix(0.7),
    )?;
    // A bracket under the label over the band's width, clear of the median's label below it.
    line(
        area,
        (x_lo, label_y + 8),
        (x_hi, label_y + 8),
        SURVEY_EDGE,
        1,
    )?;
    for x in [x_lo, x_hi] {
        line(area, (x, label_y + 8), (x, label_y + 12), SURVEY_EDGE, 1)?;
        dashed(
            area,
            (x, layout.top - 6),
            (x, layout.bottom),
            SURVEY_EDGE,
            3,
        )?;
    }
    let mut label = format!("survey: {} · {}", survey.value, survey.source);
    if let Some(year) = survey.year {
        label.push_str(&format!(", {year}"));
    }
    let ty = Lettering::new(12.0, SURVEY_EDGE);
    // From the band's left end when the label fits before the page's right margin (the value
    // column is below these lines), else ending at its right end, else cut at the margin.
    let right = right_edge(area);
    let width = text_width(area, &label, ty) as i32;
    if x_lo + 2 + width <= right {
        text(area, &label, (x_lo + 2, label_y - 2), ty)
    } else if x_hi - 2 - width >= margin(area) {
        text(area, &label, (x_hi - 2, label_y - 2), ty.right())
    } else {
        let room = (right - x_lo - 2).max(0) as u32;
        text(
            area,
            &fit(area, &label, ty, room),
            (x_lo + 2, label_y - 2),
            ty,
        )
    }
}

/// A survey on a timeline: a light rectangle `width` px wide centred on `x`, from `y_lo` (its
/// low) up to `y_hi` (its high), edged.
pub fn at_year<DB: DrawingBackend>(
    area: &Area<DB>,
    x: i32,
    (y_lo, y_hi): (i32, i32),
    width: i32,
) -> Drawn<DB> {
    let corners = [(x - width / 2, y_hi), (x + width / 2, y_lo.max(y_hi + 2))];
    bar(area, corners[0], corners[1], SURVEY.mix(0.8))?;
    area.draw(&Rectangle::new(corners, SURVEY_EDGE.stroke_width(1)))?;
    Ok(())
}
