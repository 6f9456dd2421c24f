//! Charts for reports: the shared theme (sizes, fonts, palette), drawing helpers generic over the
//! plotters backend, and the SVG -> PNG rasteriser. One file per chart kind.
//!
//! Every chart is drawn once, into SVG, through plotters. The PNG is that SVG rendered by resvg
//! at 2x pixel density with the same embedded font: plotters' own bitmap text squeezes word
//! spaces and is not anti-aliased (plotters-rs/plotters#576), so this route makes the PNG look
//! exactly like the SVG.

pub mod category;
pub mod composition;
pub mod dumbbell;
pub mod forest;
pub mod scale;
pub mod totals;
pub mod view;

use std::sync::{Arc, Once};

use anyhow::{anyhow, Context, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

use crate::english::number::short;
use crate::model::SourceKind;
use scale::Scale;

/// The embedded font, registered with plotters and loaded into resvg (licence in fonts/LICENSE).
pub const FONT: &str = "DejaVu Sans";
static REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

/// Registers the embedded font with plotters; safe to call many times.
pub fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are a valid TrueType font shipped with the crate; a failure here would mean a
        // corrupted build, and text measuring then falls back to plotters' own estimate.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, REGULAR);
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, BOLD);
    });
}

/// Chart width in SVG pixels; the PNG is twice as wide.
pub const WIDTH: u32 = 1000;
/// PNG pixel density relative to the SVG.
pub const PNG_SCALE: f32 = 2.0;
/// Left and right page margins.
pub const MARGIN: i32 = 28;

/// Text and rule colours.
pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);
pub const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
pub const BAND: RGBColor = RGBColor(0xEF, 0xEF, 0xEF);
/// Verdict colours, from the same colour-blind-safe palette.
pub const BROKEN: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub const APPROXIMATE: RGBColor = RGBColor(0xB0, 0x7A, 0x00);
pub const HOLDS: RGBColor = RGBColor(0x00, 0x7A, 0x5A);

/// The colour of a kind of source: the Okabe–Ito palette, safe for colour-blind readers, used
/// the same way in every chart.
pub fn kind_color(kind: SourceKind) -> RGBColor {
    match kind {
        SourceKind::Archival => RGBColor(0x00, 0x72, 0xB2),
        SourceKind::Official => RGBColor(0xD5, 0x5E, 0x00),
        SourceKind::Historian => RGBColor(0x00, 0x9E, 0x73),
        SourceKind::Contemporary => RGBColor(0xCC, 0x79, 0xA7),
        SourceKind::Poll => RGBColor(0xE6, 0x9F, 0x00),
        SourceKind::Article => RGBColor(0x56, 0xB4, 0xE9),
        SourceKind::Other => RGBColor(0x7A, 0x7A, 0x7A),
    }
}

/// Shades for the parts of a whole (totals and composition charts), dark to light. Kind colours
/// only ever mean kinds of source; parts are shades of one desaturated slate, told apart by
/// lightness (which survives every form of colour blindness) and by their labels.
pub const PARTS: [RGBColor; 6] = [
    RGBColor(0x24, 0x3B, 0x4A),
    RGBColor(0x43, 0x63, 0x75),
    RGBColor(0x6B, 0x8C, 0x9E),
    RGBColor(0x98, 0xB3, 0xC2),
    RGBColor(0xC4, 0xD6, 0xDF),
    RGBColor(0xE3, 0xEC, 0xF0),
];

/// The shade of part `i` of `n`, spread evenly over the ramp (interpolated, so that no two
/// parts share a shade however many there are), and the text colour that reads on it.
pub fn part_color(i: usize, n: usize) -> (RGBColor, RGBColor) {
    let t = if n <= 1 {
        0.0
    } else {
        i.min(n - 1) as f64 / (n - 1) as f64
    };
    let at = t * (PARTS.len() - 1) as f64;
    let k = (at.floor() as usize).min(PARTS.len() - 2);
    let f = at - k as f64;
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    let (a, b) = (PARTS[k], PARTS[k + 1]);
    let color = RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2));
    // Relative luminance (sRGB weights, without gamma: enough to pick black or white text).
    let luma =
        0.2126 * f64::from(color.0) + 0.7152 * f64::from(color.1) + 0.0722 * f64::from(color.2);
    let ink = if luma < 140.0 { WHITE } else { INK };
    (color, ink)
}

/// The drawing surface every chart draws on.
pub type Area<DB> = DrawingArea<DB, Shift>;
/// The result of a drawing call on backend `DB`.
pub type Drawn<DB, T = ()> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Plotters writes a font of size `s` as `s / 1.24` px in SVG; this brings labels back to the
/// sizes the layout names (13 px labels on a 1000 px chart), legible when a chart is pasted
/// into a report at page width.
const TEXT_SCALE: f64 = 1.2;

/// How a piece of text is set.
#[derive(Clone, Copy)]
pub struct Type {
    pub size: f64,
    pub bold: bool,
    pub color: RGBColor,
    pub anchor: HPos,
}

impl Type {
    /// Regular text of `size` px in `color`, left-aligned.
    pub fn new(size: f64, color: RGBColor) -> Self {
        Type {
            size,
            bold: false,
            color,
            anchor: HPos::Left,
        }
    }

    /// The same, bold.
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    /// The same, anchored at its right end.
    pub fn right(mut self) -> Self {
        self.anchor = HPos::Right;
        self
    }

    /// The same, centred.
    pub fn center(mut self) -> Self {
        self.anchor = HPos::Center;
        self
    }

    fn style(&self) -> TextStyle<'_> {
        let weight = if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        TextStyle::from((FONT, self.size * TEXT_SCALE, weight).into_font())
            .color(&self.color)
            .pos(Pos::new(self.anchor, VPos::Center))
    }
}

/// The width of `s` set in `ty`, in pixels.
pub fn text_width<DB: DrawingBackend>(area: &Area<DB>, s: &str, ty: Type) -> u32 {
    area.estimate_text_size(s, &ty.style())
        .map(|(w, _)| w)
        .unwrap_or((s.chars().count() as f64 * ty.size * 0.6) as u32)
}

/// `s` cut to fit `max` pixels, ending in an ellipsis when cut.
pub fn fit<DB: DrawingBackend>(area: &Area<DB>, s: &str, ty: Type, max: u32) -> String {
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

/// Breaks `s` into at most `lines` lines of at most `max` pixels; the last one ends in an
/// ellipsis when the text does not fit.
pub fn wrap<DB: DrawingBackend>(
    area: &Area<DB>,
    s: &str,
    ty: Type,
    max: u32,
    lines: usize,
) -> Vec<String> {
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
    ty: Type,
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

/// The title (bold) and the subtitle (muted) at the top; returns the y below them.
pub fn header<DB: DrawingBackend>(area: &Area<DB>, title: &str, subtitle: &str) -> Drawn<DB, i32> {
    let width = WIDTH - 2 * MARGIN as u32;
    let title_type = Type::new(22.0, INK).bold();
    let mut y = 30;
    for l in wrap(area, title, title_type, width, 2) {
        text(area, &l, (MARGIN, y), title_type)?;
        y += 28;
    }
    let sub = Type::new(14.0, MUTED);
    for l in wrap(area, subtitle, sub, width, 2) {
        text(area, &l, (MARGIN, y - 4), sub)?;
        y += 20;
    }
    Ok(y + 4)
}

/// A row of coloured keys with names, starting at `y`; returns the y below it.
pub fn legend<DB: DrawingBackend>(
    area: &Area<DB>,
    items: &[(String, RGBColor)],
    y: i32,
) -> Drawn<DB, i32> {
    let ty = Type::new(13.0, INK);
    let mut x = MARGIN;
    let mut y = y + 8;
    for (name, color) in items {
        let w = text_width(area, name, ty) as i32 + 34;
        if x + w > WIDTH as i32 - MARGIN {
            x = MARGIN;
            y += 22;
        }
        bar(area, (x, y - 6), (x + 12, y + 6), color.to_rgba())?;
        text(area, name, (x + 18, y), ty)?;
        x += w;
    }
    Ok(y + 18)
}

/// The caption at the foot: the text's title, "figures as quoted", and reckon.
pub fn footer<DB: DrawingBackend>(area: &Area<DB>, caption: &str, height: u32) -> Drawn<DB> {
    let ty = Type::new(12.0, MUTED);
    let width = WIDTH - 2 * MARGIN as u32;
    let lines = wrap(area, caption, ty, width, 2);
    let mut y = height as i32 - 14 - 16 * (lines.len() as i32 - 1);
    line(
        area,
        (MARGIN, y - 16),
        (WIDTH as i32 - MARGIN, y - 16),
        GRID,
        1,
    )?;
    for l in lines {
        text(area, &l, (MARGIN, y), ty)?;
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
    let ty = Type::new(12.0, MUTED).center();
    for t in scale.ticks() {
        let x = scale.map(t, x0, x1);
        line(area, (x, top), (x, bottom), GRID, 1)?;
        text(area, &tick_label(t, unit), (x, bottom + 12), ty)?;
    }
    line(area, (x0, bottom), (x1, bottom), MUTED, 1)?;
    if scale.is_log() {
        text(
            area,
            "log scale",
            (x1, bottom + 30),
            Type::new(11.0, MUTED).right(),
        )?;
    }
    Ok(())
}

/// A tick label as people write it: 250k, 1M, 20M; 43%; 165 cm.
pub fn tick_label(v: f64, unit: &str) -> String {
    match unit {
        "percent" => format!("{}%", short(v)),
        "people" | "votes" | "" => short(v),
        other => format!("{} {other}", short(v)),
    }
}

/// A figure in words with its unit: "43%", "160 cm", "681,692" (people need no unit).
pub fn with_unit(figure: &str, unit: &str) -> String {
    match unit {
        "percent" => format!("{figure}%"),
        "people" | "votes" | "" => figure.to_string(),
        other => format!("{figure} {other}"),
    }
}

/// A chart rendered to SVG, with the name its files take.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// File stem, safe on every platform (see [`file_stem`]).
    pub name: String,
    /// What the chart shows, for listings.
    pub title: String,
    /// The ids (quantity, category, relation) a user can name to select the chart.
    pub subjects: Vec<String>,
    pub svg: String,
}

/// Renders every chart the dataset supports, in a stable order.
pub fn render_all(ctx: &view::View) -> Result<Vec<Rendered>> {
    let mut charts = forest::render(ctx)?;
    charts.extend(category::render(ctx)?);
    charts.extend(totals::render(ctx)?);
    charts.extend(composition::render(ctx)?);
    charts.extend(dumbbell::render(ctx)?);
    let mut seen = std::collections::HashSet::new();
    // Two ids that sanitise to the same file name must not overwrite each other.
    for c in &mut charts {
        let mut name = c.name.clone();
        let mut n = 2;
        while !seen.insert(name.clone()) {
            name = format!("{}-{n}", c.name);
            n += 1;
        }
        c.name = name;
    }
    Ok(charts)
}

/// Draws into an SVG of the given height.
pub fn render_svg(
    height: u32,
    draw: impl for<'b> FnOnce(&Area<SVGBackend<'b>>) -> Drawn<SVGBackend<'b>>,
) -> Result<String> {
    register_fonts();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)
            .map_err(|e| anyhow!("drawing the chart: {e}"))?;
        draw(&root).map_err(|e| anyhow!("drawing the chart: {e}"))?;
        root.present()
            .map_err(|e| anyhow!("finishing the chart: {e}"))?;
    }
    Ok(out)
}

/// Space below the content for the caption.
const FOOT: u32 = 64;

/// Draws a chart whose height follows its content: a first pass on a tall page finds where
/// the content ends (wrapped titles and legends vary), the second draws at that height.
/// `draw` gets the page height (for the footer) and returns the y where its content ends.
pub fn render_fit(
    draw: impl for<'b> Fn(&Area<SVGBackend<'b>>, u32) -> Drawn<SVGBackend<'b>, i32>,
) -> Result<String> {
    let mut bottom = 0;
    render_svg(8000, |area| {
        bottom = draw(area, 8000)?;
        Ok(())
    })?;
    let height = (bottom.max(100) as u32) + FOOT;
    render_svg(height, |area| draw(area, height).map(|_| ()))
}

/// Renders an SVG made by [`render_svg`] to PNG at [`PNG_SCALE`], with the embedded font.
pub fn rasterize(svg: &str) -> Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options {
        font_family: FONT.to_string(),
        ..usvg::Options::default()
    };
    {
        let db = Arc::make_mut(&mut options.fontdb);
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family(FONT);
    }
    let tree = usvg::Tree::from_str(svg, &options).context("reading the chart's SVG")?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(PNG_SCALE)
        .context("sizing the PNG")?;
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).context("allocating the PNG")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(PNG_SCALE, PNG_SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().context("encoding the PNG")
}

/// Decodes a PNG completely and returns its width and height: how tests check the PNGs.
pub fn png_size(bytes: &[u8]) -> Result<(u32, u32)> {
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(bytes).context("decoding the PNG")?;
    Ok((pixmap.width(), pixmap.height()))
}

/// A file stem built from ids that is safe on every platform and can never leave the output
/// folder: lowercase ASCII letters, digits, `-` and `_` only, no leading dot, at most 80
/// characters, never a name Windows reserves.
/// FNV-1a: a small, stable hash (the same on every platform and release, unlike std's).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub fn file_stem(parts: &[&str]) -> String {
    let raw = parts.join("-");
    let mut stem: String = raw
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    let mut stem = stem.trim_matches('-').chars().take(80).collect::<String>();
    if stem.is_empty() {
        stem = "chart".into();
    }
    const RESERVED: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if RESERVED.contains(&stem.as_str()) {
        stem.insert_str(0, "x-");
    }
    // A stem that had to change could meet another id's ("Famine" and "famine", "a.b" and
    // "a-b"): a short hash of the id as written keeps them apart, so no chart overwrites another.
    if stem != raw {
        stem = format!("{stem}-{:08x}", fnv1a(raw.as_bytes()) as u32);
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_stay_in_the_folder() {
        assert_eq!(
            file_stem(&["forest", "great_purge_executions_1937_38"]),
            "forest-great_purge_executions_1937_38"
        );
        let safe = |s: &str| {
            s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        for raw in [
            "../../x",
            "/etc/passwd",
            "CON",
            "nul",
            "...",
            "a\\b",
            "C:\\x",
            "Famine",
            "é",
        ] {
            let stem = file_stem(&["forest", raw]);
            assert!(safe(&stem) && !stem.starts_with('-'), "{raw} -> {stem}");
        }
        assert!(file_stem(&["forest", "../../x"]).starts_with("forest-x-"));
        assert!(file_stem(&["/etc/passwd"]).starts_with("etc-passwd-"));
        assert!(file_stem(&["CON"]).starts_with("x-con-"));
        assert!(file_stem(&["..."]).starts_with("chart-"));
        assert!(file_stem(&[&"a".repeat(200)]).len() <= 89);
        // Ids that differ only in what sanitising removes still get different files.
        assert_ne!(file_stem(&["Famine"]), file_stem(&["famine"]));
        assert_ne!(file_stem(&["a.b"]), file_stem(&["a-b"]));
        assert_ne!(file_stem(&["a.b"]), file_stem(&["a,b"]));
    }

    #[test]
    fn parts_never_share_a_shade() {
        for n in 1..=12 {
            let shades: Vec<RGBColor> = (0..n).map(|i| part_color(i, n).0).collect();
            for i in 1..n {
                let (a, b) = (shades[i - 1], shades[i]);
                let gap = (i32::from(a.0) - i32::from(b.0)).abs()
                    + (i32::from(a.1) - i32::from(b.1)).abs()
                    + (i32::from(a.2) - i32::from(b.2)).abs();
                assert!(
                    gap >= 20,
                    "parts {} and {i} of {n} look alike: {a:?} {b:?}",
                    i - 1
                );
            }
        }
        assert_eq!(part_color(0, 3).0, PARTS[0]);
        assert_eq!(part_color(2, 3).0, PARTS[5]);
    }

    #[test]
    fn tick_labels_read_like_people_write() {
        assert_eq!(tick_label(250_000.0, "people"), "250k");
        assert_eq!(tick_label(1_000_000.0, "people"), "1M");
        assert_eq!(tick_label(43.0, "percent"), "43%");
        assert_eq!(tick_label(165.0, "cm"), "165 cm");
    }
}
