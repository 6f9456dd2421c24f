//! `reckon build`: check (stopping on data errors), reconcile, export, chart; then say what was
//! written. A failure part-way says what was written before it and what was not.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::Pipeline;
use crate::analysis::Analysis;
use crate::cli::{BuildArgs, ChartFormat, ExportFormat};
use crate::model::finding;
use crate::present::chart::scale::AxisChoice;
use crate::present::chart::view::View;
use crate::present::chart::{self, Rendered};
use crate::present::export::crossings::Crossings;
use crate::present::export::tables::{Intervals, Summaries, Verdicts};
use crate::present::export::{exporter, Tabular};
use crate::present::write::{self, Output};

/// Runs `build`.
pub fn run(args: &BuildArgs) -> Result<ExitCode> {
    let checked = Pipeline::clean(&args.data)?.focus(&args.only)?;
    let (_, warnings) = finding::tally(&checked.findings);
    if warnings > 0 {
        write::note(&format!(
            "check: 0 errors, {warnings} warning(s) (run `reckon check --data {}` to read them)",
            args.data.data.display()
        ));
    }
    let mut written: Vec<PathBuf> = Vec::new();
    match produce(&checked, args, &mut written) {
        Ok(charts) => {
            let exports = written.len() - 2 * charts - 1;
            write::stdout(
                format!(
                    "wrote {exports} export(s) and report.html to {} and {charts} chart(s) as SVG and PNG to {}\n",
                    args.out.display(),
                    args.charts.display()
                )
                .as_bytes(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err) if written.is_empty() => {
            write::note("reckon: build stopped before writing any file.");
            Err(err)
        }
        Err(err) => {
            write::note(&format!(
                "reckon: build stopped; it wrote {} file(s) before that:",
                written.len()
            ));
            for path in &written {
                write::note(&format!("  {}", path.display()));
            }
            write::note("and did not write the rest.");
            Err(err)
        }
    }
}

fn produce(checked: &Pipeline, args: &BuildArgs, written: &mut Vec<PathBuf>) -> Result<usize> {
    refuse_dataset_folder(&args.data.data, &[&args.out, &args.charts])?;
    for dir in [&args.out, &args.charts] {
        for path in write::remove_leftovers(dir) {
            write::note(&format!(
                "removed {}: a temporary file an interrupted run left behind",
                path.display()
            ));
        }
    }
    let analysis = &checked.analysis;
    let ctx = View::new(analysis, AxisChoice::Auto).with_order(args.order);
    let charts = chart::render_all(&ctx)?;
    if args.only.is_empty() {
        for unused in chart::unused_texts(&analysis.data, &charts) {
            write::note(&format!("warning: {unused}"));
        }
    }
    let all: Vec<&Rendered> = charts.iter().collect();
    // The PNGs take most of the time: they are rasterised on every core from here on, while
    // this thread makes the exports and the report and writes what is ready.
    let svgs = super::chart::to_rasterize(&all, ChartFormat::Both);
    chart::rasterize_during(&svgs, |pngs| {
        write_all(checked, args, &ctx, &all, pngs, written)
    })?;
    for path in remove_stale(
        &checked.output,
        &args.charts,
        &charts,
        !args.only.is_empty(),
    )? {
        write::note(&format!(
            "removed {}: a chart an earlier build wrote that the data no longer supports",
            path.display()
        ));
    }
    Ok(charts.len())
}

/// Makes the exports and the report, then writes them and the charts (each PNG as `pngs`
/// hands it over). Everything but the PNGs is made in memory first, so that a clash with an
/// input file is refused before a single file is written.
fn write_all(
    checked: &Pipeline,
    args: &BuildArgs,
    ctx: &View,
    charts: &[&Rendered],
    pngs: &chart::Pngs,
    written: &mut Vec<PathBuf>,
) -> Result<()> {
    let mut files = exports(&checked.analysis, &args.out)?;
    let report = crate::present::report::build(ctx, charts)?.into_bytes();
    files.push((args.out.join("report.html"), report));
    let chart_files = super::chart::chart_paths(charts, &args.charts, ChartFormat::Both);
    checked.output.refuse_inputs(
        files
            .iter()
            .map(|(path, _)| path.as_path())
            .chain(chart_files.iter().map(PathBuf::as_path)),
    )?;
    for (path, bytes) in files {
        checked.output.in_folder(&path, &bytes)?;
        written.push(path);
    }
    super::chart::write_rendered(
        &checked.output,
        charts,
        &args.charts,
        ChartFormat::Both,
        pngs,
        written,
    )
}

/// Every export in every format, and the data package that describes them, in memory.
fn exports(analysis: &Analysis, out: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let rules = analysis.rules;
    let reconciled = Summaries::new(analysis, &analysis.summaries);
    let verdicts = Verdicts::new(&analysis.outcomes, rules);
    let intervals = Intervals {
        data: &analysis.data,
        readings: &analysis.readings,
    };
    let crossings = Crossings { analysis };
    let exports: [(&str, &dyn Tabular); 4] = [
        ("reconciled", &reconciled),
        ("relations", &verdicts),
        ("intervals", &intervals),
        ("hierarchy", &crossings),
    ];
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for (stem, table) in exports {
        for (format, extension) in [
            (ExportFormat::Csv, "csv"),
            (ExportFormat::Json, "json"),
            (ExportFormat::Markdown, "md"),
        ] {
            let path = out.join(format!("{stem}.{extension}"));
            files.push((path, exporter(format).serialize(table)?));
        }
    }
    files.push((
        out.join("datapackage.json"),
        crate::present::export::package::package(&exports)?,
    ));
    Ok(files)
}

/// Refuses an output folder that is the dataset folder itself: an export there (relations.csv
/// when the dataset has none) would be read back as input by the next run.
fn refuse_dataset_folder(data: &Path, outputs: &[&Path]) -> Result<()> {
    let Ok(data_real) = fs::canonicalize(data) else {
        return Ok(());
    };
    for out in outputs {
        if fs::canonicalize(out).is_ok_and(|real| real == data_real) {
            anyhow::bail!(
                "refusing to write into {}: it is the dataset folder, and the next run would read \
                 the outputs as data; choose another folder (nothing was written)",
                out.display()
            );
        }
    }
    Ok(())
}

/// Removes the chart files an earlier build wrote (as its manifest lists them) that this build
/// did not, so the gallery never keeps a chart the data no longer supports, then records what
/// this build wrote. A file reckon did not write, a link and an input are never removed.
fn remove_stale(
    output: &Output,
    dir: &Path,
    charts: &[Rendered],
    focused: bool,
) -> Result<Vec<PathBuf>> {
    let mut current: Vec<String> = charts
        .iter()
        .flat_map(|c| [format!("{}.svg", c.name), format!("{}.png", c.name)])
        .collect();
    current.sort();
    if focused {
        // A build of some quantities leaves the charts of the others, and keeps listing them.
        let mut listed = write::manifest(dir);
        listed.extend(current);
        listed.sort();
        listed.dedup();
        write::write_manifest(output, dir, &listed)?;
        return Ok(Vec::new());
    }
    if charts.is_empty() && !dir.exists() {
        // Nothing was drawn, so no folder was made, and there is nothing stale to remove.
        return Ok(Vec::new());
    }
    let mut removed = Vec::new();
    for name in write::manifest(dir) {
        if current.binary_search(&name).is_ok() {
            continue;
        }
        let path = dir.join(&name);
        let plain_file = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if plain_file && !output.is_input(&path) {
            fs::remove_file(&path)
                .with_context(|| format!("removing the stale chart {}", path.display()))?;
            removed.push(path);
        }
    }
    write::write_manifest(output, dir, &current)?;
    Ok(removed)
}
