//! Rendering: drawing a chart into SVG through plotters, fitting its height to the content,
//! and rasterising the SVG to PNG with resvg.

use std::sync::Arc;

use anyhow::{anyhow, Context, Result};
use plotters::prelude::*;

use super::draw::{Area, Drawn};
use super::theme::{register_fonts, BOLD, FONT, PNG_SCALE, REGULAR, WIDTH};

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
