//! Rendering: drawing a chart into SVG through plotters, fitting its height to the content,
//! and rasterising the SVG to PNG with resvg.

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
    let tree =
        resvg::usvg::Tree::from_str(svg, svg_options()).context("reading the chart's SVG")?;
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
    encode(pixmap)
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
    let mut rgb = pixmap.take();
    let pixels = rgb.len() / 4;
    for i in 0..pixels {
        let (from, to) = (i * 4, i * 3);
        rgb[to] = rgb[from];
        rgb[to + 1] = rgb[from + 1];
        rgb[to + 2] = rgb[from + 2];
    }
    rgb.truncate(pixels * 3);
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

/// Rasterises every SVG on all cores (or `RECKON_THREADS` of them), each PNG in the slot of its
/// SVG: the bytes do not depend on the number of threads or on which finishes first. Each thread
/// takes the next chart not yet taken, so one tall chart does not leave the other cores idle.
pub fn rasterize_all(svgs: &[&str]) -> Result<Vec<Vec<u8>>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let threads = std::env::var("RECKON_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .min(svgs.len().max(1));
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<Vec<u8>>>>> =
        svgs.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(svg) = svgs.get(i) else {
                    break;
                };
                let png = rasterize(svg);
                if let Ok(mut slot) = slots[i].lock() {
                    *slot = Some(png);
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err(anyhow!("a thread rasterising charts failed")))
        })
        .collect()
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

    #[test]
    fn rasterising_in_parallel_keeps_the_order() {
        let one = sample_svg();
        let two = one.replace("1937–38", "1938");
        let svgs = [one.as_str(), two.as_str(), one.as_str()];
        let pngs = rasterize_all(&svgs).unwrap();
        assert_eq!(pngs.len(), 3);
        assert_eq!(pngs[0], rasterize(&one).unwrap());
        assert_eq!(pngs[1], rasterize(&two).unwrap());
        assert_eq!(pngs[0], pngs[2]);
        assert!(rasterize_all(&[]).unwrap().is_empty());
    }
}
