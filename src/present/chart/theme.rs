//! The charts' look: the embedded font, page sizes, the palette (kinds of source, parts of a
//! whole, verdicts) and how a piece of text is set.

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

use crate::model::SourceKind;

/// The embedded font, registered with plotters and loaded into resvg (licence in fonts/LICENSE).
pub const FONT: &str = "DejaVu Sans";
/// The regular face of [`FONT`].
pub(super) static REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
/// The bold face of [`FONT`].
pub(super) static BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

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

/// Chart width in SVG pixels unless asked otherwise; the PNG is twice as wide.
pub const WIDTH: u32 = 1000;
/// Layouts narrower than this stack each row's label above its bar, so that a phone's column
/// shows labels at a legible size.
pub const NARROW: u32 = 720;
/// The width the report draws its phone layout at: the column of a 390 px wide phone screen.
pub const PHONE: u32 = 360;
/// PNG pixel density relative to the SVG.
pub const PNG_SCALE: f32 = 2.0;
/// Left and right page margins.
pub const MARGIN: i32 = 28;
/// Left and right page margins of a narrow page, where every pixel of width counts.
pub const NARROW_MARGIN: i32 = 12;

/// Text colour: titles, labels and values.
pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Secondary text and axis rules: subtitles, ticks, captions.
pub const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);
/// Grid lines and the rule above the caption.
pub const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
/// Background bands (the reconciled envelope behind a forest).
pub const BAND: RGBColor = RGBColor(0xEF, 0xEF, 0xEF);
/// A survey of other people's estimates: the light band from its low to its high.
pub const SURVEY: RGBColor = RGBColor(0xF5, 0xE6, 0xBE);
/// The edges and label of a survey band.
pub const SURVEY_EDGE: RGBColor = RGBColor(0x9A, 0x74, 0x1F);
/// Verdict colour of a relation that is broken, from the same colour-blind-safe palette.
pub const BROKEN: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Verdict colour of a relation that holds only approximately.
pub const APPROXIMATE: RGBColor = RGBColor(0xB0, 0x7A, 0x00);
/// Verdict colour of a relation that holds.
pub const HOLDS: RGBColor = RGBColor(0x00, 0x7A, 0x5A);

/// The lines of a series chart, one per source: Paul Tol's "bright" scheme (told apart by
/// colour-blind readers too) and a dark slate. Lines name sources, not kinds, so they do not
/// take the kind colours, which mean one kind of source in every chart.
pub const LINES: [RGBColor; 8] = [
    RGBColor(0x44, 0x77, 0xAA),
    RGBColor(0xEE, 0x66, 0x77),
    RGBColor(0x22, 0x88, 0x33),
    RGBColor(0xAA, 0x33, 0x77),
    RGBColor(0x66, 0xCC, 0xEE),
    RGBColor(0xCC, 0xBB, 0x44),
    RGBColor(0x33, 0x3F, 0x4F),
    RGBColor(0xBB, 0xBB, 0xBB),
];

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

/// Plotters writes a font of size `s` as `s / 1.24` px in SVG; this brings labels back to the
/// sizes the layout names (13 px labels on a 1000 px chart), legible when a chart is pasted
/// into a report at page width.
const TEXT_SCALE: f64 = 1.2;

/// How a piece of text is set: size, weight, colour and horizontal anchor. (Not named
/// `TextStyle`, which plotters' prelude already exports for its own style type.)
#[derive(Clone, Copy)]
pub struct Lettering {
    /// Size in layout pixels (scaled by `TEXT_SCALE` for plotters).
    pub size: f64,
    /// Bold rather than regular.
    pub bold: bool,
    /// Text colour.
    pub color: RGBColor,
    /// Which point of the text sits at the x it is drawn at.
    pub anchor: HPos,
}

impl Lettering {
    /// Regular text of `size` px in `color`, left-aligned.
    pub fn new(size: f64, color: RGBColor) -> Self {
        Lettering {
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

    /// The plotters style that sets text this way.
    pub(super) fn style(&self) -> TextStyle<'_> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
