//! Drawing helpers generic over the plotters backend: measuring, cutting and wrapping text,
//! and the few shapes every chart is made of.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::theme::{Lettering, MARGIN, NARROW, NARROW_MARGIN};

/// The drawing surface every chart draws on.
pub type Area<DB> = DrawingArea<DB, Shift>;
/// The result of a drawing call on backend `DB`.
pub type Drawn<DB, T = ()> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The width of the page `area` draws on, in layout pixels.
pub fn page_width<DB: DrawingBackend>(area: &Area<DB>) -> i32 {
    area.dim_in_pixel().0 as i32
}

/// The page's left and right margin: [`MARGIN`], or [`NARROW_MARGIN`] on a narrow page.
pub fn margin<DB: DrawingBackend>(area: &Area<DB>) -> i32 {
    if is_narrow(area) {
        NARROW_MARGIN
    } else {
        MARGIN
    }
}

/// The x of the page's right margin.
pub fn right_edge<DB: DrawingBackend>(area: &Area<DB>) -> i32 {
    page_width(area) - margin(area)
}

/// The width between the page's margins, for text that runs across the page.
pub fn inner_width<DB: DrawingBackend>(area: &Area<DB>) -> u32 {
    (page_width(area) - 2 * margin(area)).max(1) as u32
}

/// Whether the page is narrow enough for the stacked layout (see [`NARROW`]).
pub fn is_narrow<DB: DrawingBackend>(area: &Area<DB>) -> bool {
    page_width(area) < NARROW as i32
}

/// The width of `s` set in `ty`, in pixels.
pub fn text_width<DB: DrawingBackend>(area: &Area<DB>, s: &str, ty: Lettering) -> u32 {
    area.estimate_text_size(s, &ty.style())
        .map(|(w, _)| w)
        .unwrap_or((s.chars().count() as f64 * ty.size * 0.6) as u32)
}

/// `s` cut to fit `max` pixels, ending in an ellipsis when cut.
pub fn fit<DB: DrawingBackend>(area: &Area<DB>, s: &str, ty: Lettering, max: u32) -> String {
    let s = capped(s);
    if text_width(area, s, ty) <= max {
        return s.to_string();
    }
    // The longest prefix that fits with its ellipsis, found by bisection: a label of any
    // length costs a handful of measurements.
    let chars: Vec<char> = s.chars().collect();
    let candidate = |n: usize| chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text_width(area, &candidate(mid), ty) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        "…".to_string()
    } else {
        candidate(lo)
    }
}

/// No chart line shows more than a few hundred characters; longer text from the data is cut
/// before it is measured, so drawing time does not grow with the length of a cell.
fn capped(s: &str) -> &str {
    const MAX: usize = 400;
    match s.char_indices().nth(MAX) {
        Some((cut, _)) => &s[..cut],
        None => s,
    }
}

/// Breaks `s` into at most `lines` lines of at most `max` pixels (twice as many lines on a
/// narrow page, whose lines hold about half the words); the last one ends in an ellipsis when
/// the text does not fit.
pub fn wrap<DB: DrawingBackend>(
    area: &Area<DB>,
    s: &str,
    ty: Lettering,
    max: u32,
    lines: usize,
) -> Vec<String> {
    let lines = if is_narrow(area) { 2 * lines } else { lines };
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = capped(s).split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let candidate = if current.is_empty() {
            words[i].to_string()
        } else {
            format!("{current} {}", words[i])
        };
        if text_width(area, &candidate, ty) <= max || current.is_empty() {
            current = candidate;
            i += 1;
        } else {
            out.push(std::mem::take(&mut current));
            if out.len() == lines - 1 {
                break;
            }
        }
    }
    let rest: Vec<&str> = words[i..].to_vec();
    let last = if rest.is_empty() {
        current
    } else if current.is_empty() {
        rest.join(" ")
    } else {
        format!("{current} {}", rest.join(" "))
    };
    if !last.is_empty() {
        out.push(fit(area, &last, ty, max));
    }
    out.into_iter().map(|l| fit(area, &l, ty, max)).collect()
}

/// Draws `s` with its vertical centre at `y`.
pub fn text<DB: DrawingBackend>(
    area: &Area<DB>,
    s: &str,
    (x, y): (i32, i32),
    ty: Lettering,
) -> Drawn<DB> {
    area.draw(&Text::new(s.to_string(), (x, y), ty.style()))
}

/// A straight line.
pub fn line<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (i32, i32),
    to: (i32, i32),
    color: RGBColor,
    width: u32,
) -> Drawn<DB> {
    area.draw(&PathElement::new(vec![from, to], color.stroke_width(width)))
}

/// A dashed line (dashes of `dash` px with equal gaps).
pub fn dashed<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (i32, i32),
    to: (i32, i32),
    color: RGBColor,
    dash: i32,
) -> Drawn<DB> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = f64::from(dx * dx + dy * dy).sqrt();
    let steps = (length / f64::from(dash)).floor() as i32;
    for k in (0..steps).step_by(2) {
        let at = |t: i32| {
            let f = f64::from(t) / (length / f64::from(dash));
            (
                from.0 + (f64::from(dx) * f) as i32,
                from.1 + (f64::from(dy) * f) as i32,
            )
        };
        line(area, at(k), at((k + 1).min(steps)), color, 1)?;
    }
    Ok(())
}

/// A filled rectangle.
pub fn bar<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (i32, i32),
    to: (i32, i32),
    color: RGBAColor,
) -> Drawn<DB> {
    area.draw(&Rectangle::new([from, to], color.filled()))
}

/// An arrow head at `tip`, pointing right (`dir` 1) or left (-1): an open end.
pub fn arrow<DB: DrawingBackend>(
    area: &Area<DB>,
    tip: (i32, i32),
    dir: i32,
    color: RGBColor,
) -> Drawn<DB> {
    let (x, y) = tip;
    area.draw(&Polygon::new(
        vec![(x, y), (x - 9 * dir, y - 6), (x - 9 * dir, y + 6)],
        color.filled(),
    ))
}

/// An arrow head at `tip`, pointing up (`dir` 1) or down (-1): an open end on a vertical bar.
pub fn arrow_vertical<DB: DrawingBackend>(
    area: &Area<DB>,
    tip: (i32, i32),
    dir: i32,
    color: RGBColor,
) -> Drawn<DB> {
    let (x, y) = tip;
    area.draw(&Polygon::new(
        vec![(x, y), (x - 6, y + 9 * dir), (x + 6, y + 9 * dir)],
        color.filled(),
    ))
}
