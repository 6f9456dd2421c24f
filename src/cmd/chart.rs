//! `reckon chart`: render the named charts, or all, as SVG and/or PNG.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};

use super::Pipeline;
use crate::cli::{ChartArgs, ChartFormat};
use crate::present::chart::view::View;
use crate::present::chart::{self, Rendered};
use crate::present::write::{self, Output};

/// Runs `chart`.
pub fn run(args: &ChartArgs) -> Result<ExitCode> {
    let Pipeline {
        analysis, output, ..
    } = Pipeline::clean(&args.data)?;
    let ctx = View::new(&analysis, args.axis).with_order(args.order);
    let charts = chart::render_all(&ctx)?;
    let selected = select(&charts, &args.names)?;
    let written = write_charts(&output, &selected, &args.out, args.format)?;
    write::note(&format!(
        "wrote {} file(s) for {} chart(s) to {}",
        written.len(),
        selected.len(),
        args.out.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// The charts named in `names` by their own name (`timeline-famine`) or by one of their
/// subjects (all of them for no names).
pub fn select<'a>(charts: &'a [Rendered], names: &[String]) -> Result<Vec<&'a Rendered>> {
    if names.is_empty() {
        return Ok(charts.iter().collect());
    }
    let named = |c: &Rendered, name: &String| c.name == *name || c.subjects.contains(name);
    for name in names {
        if !charts.iter().any(|c| named(c, name)) {
            let mut known: Vec<&str> = charts
                .iter()
                .flat_map(|c| c.subjects.iter().map(String::as_str))
                .collect();
            known.sort();
            known.dedup();
            bail!(
                "no chart for `{}`; name a chart (forest-ID, timeline-ID...), or a quantity id, \
                 category or relation id that has one: {}",
                crate::check::shorten(&crate::model::finding::visible(name)),
                known.join(", ")
            );
        }
    }
    Ok(charts
        .iter()
        .filter(|c| names.iter().any(|n| named(c, n)))
        .collect())
}

/// The files [`write_charts`] would write.
pub fn chart_paths(charts: &[&Rendered], dir: &Path, format: ChartFormat) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for c in charts {
        if matches!(format, ChartFormat::Svg | ChartFormat::Both) {
            paths.push(dir.join(format!("{}.svg", c.name)));
        }
        if matches!(format, ChartFormat::Png | ChartFormat::Both) {
            paths.push(dir.join(format!("{}.png", c.name)));
        }
    }
    paths
}

/// Writes each chart's files atomically; returns the paths written. Refuses before writing
/// anything when one of them is an input file.
pub fn write_charts(
    output: &Output,
    charts: &[&Rendered],
    dir: &Path,
    format: ChartFormat,
) -> Result<Vec<PathBuf>> {
    output.refuse_inputs(
        chart_paths(charts, dir, format)
            .iter()
            .map(PathBuf::as_path),
    )?;
    let mut written = Vec::new();
    let png = matches!(format, ChartFormat::Png | ChartFormat::Both);
    // PNGs are rasterised in parallel, a batch at a time, so memory holds one batch of images
    // however many charts there are.
    for batch in charts.chunks(16) {
        let pngs = if png {
            let svgs: Vec<&str> = batch.iter().map(|c| c.svg.as_str()).collect();
            chart::rasterize_all(&svgs)?
        } else {
            Vec::new()
        };
        for (i, c) in batch.iter().enumerate() {
            if matches!(format, ChartFormat::Svg | ChartFormat::Both) {
                let path = dir.join(format!("{}.svg", c.name));
                output.in_folder(&path, c.svg.as_bytes())?;
                written.push(path);
            }
            if let Some(bytes) = pngs.get(i) {
                let path = dir.join(format!("{}.png", c.name));
                output.in_folder(&path, bytes)?;
                written.push(path);
            }
        }
    }
    Ok(written)
}
