//! Rendering: drawing a chart into SVG through plotters, fitting its height to the content,
//! and rasterising the SVG to PNG with resvg (on every core: `parallel`).

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use anyhow::{anyhow, Context, Result};
use plotters::prelude::*;

use super::draw::{Area, Drawn};
use super::theme::{register_fonts, BOLD, FONT, NARROW, PNG_SCALE, REGULAR};

/// Draws into an SVG `width` layout pixels wide and `height` high.
pub fn render_svg(
    width: u32,
    height: u32,
    draw: impl for<'b> FnOnce(&Area<SVGBackend<'b>>) -> Drawn<SVGBackend<'b>>,
) -> Result<String> {
    register_fonts();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
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
    width: u32,
    draw: impl for<'b> Fn(&Area<SVGBackend<'b>>, u32) -> Drawn<SVGBackend<'b>, i32>,
) -> Result<String> {
    let mut bottom = 0;
    render_svg(width, 8000, |area| {
        bottom = draw(area, 8000)?;
        Ok(())
    })?;
    // A narrow page wraps the caption to up to four lines, not two.
    let foot = if width < NARROW { FOOT + 32 } else { FOOT };
    let height = (bottom.max(100) as u32) + foot;
    render_svg(width, height, |area| draw(area, height).map(|_| ()))
}

/// The SVG written `scale` times its layout's size: the opening tag's width and height grow,
/// its viewBox keeps the layout, so text and strokes grow with the page (`chart --scale`).
pub fn scaled(svg: &str, scale: f64) -> String {
    if scale == 1.0 {
        return svg.to_string();
    }
    let Some(end) = svg.find('>') else {
        return svg.to_string();
    };
    let mut head = svg[..end].to_string();
    for attribute in ["width", "height"] {
        let key = format!(" {attribute}=\"");
        let Some(at) = head.find(&key).map(|i| i + key.len()) else {
            continue;
        };
        let Some(len) = head[at..].find('"') else {
            continue;
        };
        if let Ok(v) = head[at..at + len].parse::<f64>() {
            head.replace_range(at..at + len, &format!("{}", (v * scale).round()));
        }
    }
    head + &svg[end..]
}

/// The SVG reader's options, with the embedded fonts: built once per run and shared by every
/// chart (and every thread), instead of loading the fonts again for each PNG.
fn svg_options() -> &'static resvg::usvg::Options<'static> {
    static OPTIONS: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut options = resvg::usvg::Options {
            font_family: FONT.to_string(),
            ..resvg::usvg::Options::default()
        };
        let db = Arc::make_mut(&mut options.fontdb);
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family(FONT);
        options
    })
}

/// Renders an SVG made by [`render_svg`] to PNG at [`PNG_SCALE`], with the embedded font.
pub fn rasterize(svg: &str) -> Result<Vec<u8>> {
    use resvg::tiny_skia;
    let tree = resvg::usvg::Tree::from_str(&without_background(svg), svg_options())
        .context("reading the chart's SVG")?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(PNG_SCALE)
        .context("sizing the PNG")?;
    // Opaque white, premultiplied: every byte 255. One pass over the memory, where a zeroed
    // pixmap filled with white took two.
    let white = vec![255; 4 * size.width() as usize * size.height() as usize];
    let mut pixmap = tiny_skia::Pixmap::from_vec(white, size).context("allocating the PNG")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(PNG_SCALE, PNG_SCALE),
        &mut pixmap.as_mut(),
    );
    encode(pixmap)
}

/// The SVG without the opaque white rectangle plotters paints over the whole page first: the
/// pixmap starts white, so painting it changes no pixel and costs a pass over the image. Any
/// other opening is returned as it is.
fn without_background(svg: &str) -> Cow<'_, str> {
    let Some(head_end) = svg.find('\n') else {
        return Cow::Borrowed(svg);
    };
    let head = &svg[..head_end];
    let Some(view_box) = head
        .split(" viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
    else {
        return Cow::Borrowed(svg);
    };
    let parts: Vec<&str> = view_box.split(' ').collect();
    let ["0", "0", width, height] = parts[..] else {
        return Cow::Borrowed(svg);
    };
    let background = format!(
        "\n<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" opacity=\"1\" fill=\"#FFFFFF\" stroke=\"none\"/>"
    );
    match svg[head_end..].strip_prefix(background.as_str()) {
        Some(rest) => Cow::Owned(format!("{head}{rest}")),
        None => Cow::Borrowed(svg),
    }
}
/// Encodes a rendered chart as PNG: RGB (a chart is drawn on opaque white, so the alpha channel
/// carries nothing), adaptive row filters and DEFLATE level 1. Measured on the gallery (release
/// build): about 6 ms a chart against 27 ms for tiny-skia's default level, at 1.4-1.5 times its
/// size; the decoded pixels are the same.
///
/// The pixmap is taken, and its pixels packed to RGB in place: a tall chart's image is held
/// once, not three times (the pixmap, a copy to demultiply and the RGB bytes).
fn encode(pixmap: resvg::tiny_skia::Pixmap) -> Result<Vec<u8>> {
    let (width, height) = (pixmap.width(), pixmap.height());
    // Premultiplied, but every pixel is opaque (drawn over white), so the colours are as they
    // are: no demultiplying pass.
    let rgb = pack_rgb(pixmap.take(), width as usize);
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_deflate_compression(png::DeflateCompression::Level(1));
        encoder.set_filter(png::Filter::Adaptive);
        let mut writer = encoder.write_header().context("encoding the PNG")?;
        writer.write_image_data(&rgb).context("encoding the PNG")?;
    }
    Ok(bytes)
}

/// Packs RGBA pixels `width` to a row into RGB, in place. From the fourth row on, a row's RGB
/// ends before its RGBA begins, so the row is copied whole between two disjoint slices (a loop
/// the compiler turns into wide moves); the first three rows overlap and go pixel by pixel.
fn pack_rgb(mut data: Vec<u8>, width: usize) -> Vec<u8> {
    let (rgba_row, rgb_row) = (4 * width, 3 * width);
    let rows = data.len().checked_div(rgba_row).unwrap_or(0);
    for i in 0..(3 * width).min(rows * width) {
        data.copy_within(4 * i..4 * i + 3, 3 * i);
    }
    for row in 3..rows {
        let (packed, rest) = data.split_at_mut(row * rgba_row);
        let to = packed[row * rgb_row..(row + 1) * rgb_row].chunks_exact_mut(3);
        for (to, from) in to.zip(rest[..rgba_row].chunks_exact(4)) {
            to.copy_from_slice(&from[..3]);
        }
    }
    data.truncate(rows * rgb_row);
    data
}

/// Decodes a PNG completely and returns its width and height: how tests check the PNGs.
pub fn png_size(bytes: &[u8]) -> Result<(u32, u32)> {
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(bytes).context("decoding the PNG")?;
    Ok((pixmap.width(), pixmap.height()))
}

#[cfg(test)]
mod tests {
    use super::super::theme::WIDTH;
    use super::*;

    fn sample_svg() -> String {
        register_fonts();
        render_svg(WIDTH, 300, |area| {
            area.draw(&Rectangle::new(
                [(40, 40), (400, 120)],
                RGBColor(80, 120, 200).filled(),
            ))?;
            area.draw(&Text::new(
                "Great Purge executions, 1937–38",
                (60, 160),
                (FONT, 24).into_font(),
            ))?;
            Ok(())
        })
        .unwrap()
    }

    /// The fast encoder writes the very pixels tiny-skia's own (default-level) encoder wrote,
    /// within 1.5 times its size, on a chart of the gallery.
    #[test]
    fn the_fast_png_has_the_same_pixels() {
        let svg = include_str!("../../../charts/forest-great_purge_executions_1937_38.svg");
        let fast = rasterize(svg).unwrap();
        let tree = resvg::usvg::Tree::from_str(svg, svg_options()).unwrap();
        let size = tree.size().to_int_size().scale_by(PNG_SCALE).unwrap();
        let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(PNG_SCALE, PNG_SCALE),
            &mut pixmap.as_mut(),
        );
        let default = pixmap.encode_png().unwrap();
        let a = resvg::tiny_skia::Pixmap::decode_png(&fast).unwrap();
        let b = resvg::tiny_skia::Pixmap::decode_png(&default).unwrap();
        assert_eq!((a.width(), a.height()), (b.width(), b.height()));
        assert!(a.data() == b.data(), "pixels differ");
        assert!(
            fast.len() * 2 <= default.len() * 3,
            "{} bytes against {}",
            fast.len(),
            default.len()
        );
    }

    /// `--scale 2` writes the same layout at twice the size: the viewBox keeps the layout,
    /// and the PNG has twice the pixels of the unscaled one in each direction.
    #[test]
    fn a_scaled_chart_keeps_its_layout_at_a_larger_size() {
        let svg = sample_svg();
        let big = scaled(&svg, 2.0);
        assert!(big.starts_with("<svg width=\"2000\" height=\"600\" viewBox=\"0 0 1000 300\""));
        assert_eq!(
            &big[big.find('>').unwrap()..],
            &svg[svg.find('>').unwrap()..]
        );
        assert_eq!(png_size(&rasterize(&big).unwrap()).unwrap(), (4000, 1200));
        assert_eq!(png_size(&rasterize(&svg).unwrap()).unwrap(), (2000, 600));
        assert_eq!(scaled(&svg, 1.0), svg);
    }

    /// Packing keeps each pixel's red, green and blue and drops its alpha, on images of one to
    /// five rows (the first three rows overlap their own RGBA and are packed apart).
    #[test]
    fn packing_keeps_every_pixels_colour() {
        for (width, height) in [(1, 1), (3, 2), (5, 3), (4, 4), (7, 5), (0, 3)] {
            let rgba: Vec<u8> = (0..width * height * 4).map(|i| (i % 251) as u8).collect();
            let expected: Vec<u8> = rgba
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 4 != 3)
                .map(|(_, &b)| b)
                .collect();
            assert_eq!(pack_rgb(rgba, width), expected, "{width}x{height}");
        }
    }

    /// Only the page's own white background is left out: any other opening rectangle is kept.
    #[test]
    fn only_the_white_page_background_is_skipped() {
        let svg = "<svg width=\"20\" height=\"10\" viewBox=\"0 0 10 5\" xmlns=\"x\">\n<rect x=\"0\" y=\"0\" width=\"10\" height=\"5\" opacity=\"1\" fill=\"#FFFFFF\" stroke=\"none\"/>\n<circle/>\n</svg>";
        assert_eq!(
            without_background(svg),
            "<svg width=\"20\" height=\"10\" viewBox=\"0 0 10 5\" xmlns=\"x\">\n<circle/>\n</svg>"
        );
        for kept in [
            svg.replace("#FFFFFF", "#FFFFFE"),
            svg.replace("height=\"5\" opacity", "height=\"4\" opacity"),
            svg.replace("viewBox=\"0 0 10 5\"", "viewBox=\"1 0 10 5\""),
        ] {
            assert_eq!(without_background(&kept), kept);
        }
    }
}
