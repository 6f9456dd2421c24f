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
    let layout = f64::from(args.width) / args.scale;
    if layout < 240.0 {
        bail!(
            "--width {} at --scale {} lays a chart out on {layout:.0} px, and a chart needs at least 240: give a wider width or a smaller scale",
            args.width,
            args.scale
        );
    }
    let ctx = View::new(&analysis, args.axis)
        .with_order(args.order)
        .sized(args.width, args.scale);
    let charts = chart::render_all(&ctx)?;
    if args.names.is_empty() {
        for unused in chart::unused_texts(&analysis.data, &charts) {
            write::note(&format!("warning: {unused}"));
        }
    }
    let selected = select(&charts, &args.names).map_err(|e| {
        match why_none(&analysis, &args.names, &charts) {
            Some(why) => anyhow::anyhow!("{why}"),
            None => e,
        }
    })?;
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
                "no chart for `{}`; name a chart (forest-ID, timeline-ID, series-NAME...), or a quantity id, \
                 category, series or relation id that has one: {}",
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

/// Why a name the user gave has no chart, when it names a row of the dataset: a quantity with
/// one estimate, a category with one quantity, a relation of a kind that is not drawn.
fn why_none(
    analysis: &crate::analysis::Analysis,
    names: &[String],
    charts: &[Rendered],
) -> Option<String> {
    let data = &analysis.data;
    let name = names.iter().find(|n| {
        !charts
            .iter()
            .any(|c| c.name == **n || c.subjects.contains(n))
    })?;
    let shown = crate::check::shorten(&crate::model::finding::visible(name));
    if let Some(q) = data.quantity(name) {
        let members = analysis.members_of(&q.id);
        let years: std::collections::BTreeSet<i32> =
            members.iter().filter_map(|m| m.year).collect();
        return Some(format!(
            "no chart for quantity `{shown}`: it has {} estimate(s), and a forest chart needs two or more; a timeline needs estimates of two or more years (it has {}). `reckon explain {shown}` shows what there is",
            members.len(),
            years.len()
        ));
    }
    if let Some(series) = data.series().into_iter().find(|s| s.name == name.as_str()) {
        let placed = series
            .placed()
            .filter(|(_, q)| !analysis.members_of(&q.id).is_empty())
            .count();
        return Some(format!(
            "no chart for series `{shown}`: a series chart needs two or more of its quantities with a period and an estimate (it has {placed})"
        ));
    }
    if data.quantities.iter().any(|q| q.category == *name) {
        let with_estimates = data
            .quantities
            .iter()
            .filter(|q| q.category == *name && !analysis.members_of(&q.id).is_empty())
            .count();
        return Some(format!(
            "no chart for category `{shown}`: an overview needs two or more of its quantities with estimates, in one unit (it has {with_estimates} with estimates)"
        ));
    }
    if let Some(r) = data.relations.iter().find(|r| r.id == *name) {
        let kind = r.kind.map_or("unknown", |k| k.as_str());
        return Some(format!(
            "no chart for relation `{shown}`: only sum relations are drawn (as totals), and this one is a {kind} relation"
        ));
    }
    None
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
    chart::rasterize_during(&to_rasterize(charts, format), |pngs| {
        write_rendered(output, charts, dir, format, pngs, &mut written)
    })?;
    Ok(written)
}

/// The SVGs whose PNGs `format` asks for, in the order of `charts` (none for SVG alone).
pub fn to_rasterize<'a>(charts: &[&'a Rendered], format: ChartFormat) -> Vec<&'a str> {
    if matches!(format, ChartFormat::Png | ChartFormat::Both) {
        charts.iter().map(|c| c.svg.as_str()).collect()
    } else {
        Vec::new()
    }
}

/// Writes each chart's SVG and the PNG `pngs` makes of it (from [`to_rasterize`]), as
/// `format` asks, atomically and in order; each path written is pushed to `written` as soon
/// as it is, so a failure part-way leaves the list of what was. The caller refuses inputs.
pub fn write_rendered(
    output: &Output,
    charts: &[&Rendered],
    dir: &Path,
    format: ChartFormat,
    pngs: &chart::Pngs,
    written: &mut Vec<PathBuf>,
) -> Result<()> {
    for (i, c) in charts.iter().enumerate() {
        if matches!(format, ChartFormat::Svg | ChartFormat::Both) {
            let path = dir.join(format!("{}.svg", c.name));
            output.in_folder(&path, c.svg.as_bytes())?;
            written.push(path);
        }
        if matches!(format, ChartFormat::Png | ChartFormat::Both) {
            let bytes = pngs.take(i)?;
            let path = dir.join(format!("{}.png", c.name));
            output.in_folder(&path, &bytes)?;
            written.push(path);
        }
    }
    Ok(())
}
