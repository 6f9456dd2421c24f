//! `reckon reconcile`: per-group reconciliation, or the relation verdicts, in one format.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::ValueEnum;

use super::Pipeline;
use crate::cli::{ExportFormat, GroupBy, ReconcileArgs};
use crate::present::export::crossings::Crossings;
use crate::present::export::tables::{Summaries, Verdicts};
use crate::present::export::{exporter, Tabular};

/// Runs `reconcile`; the dataset must check without errors first.
pub fn run(args: &ReconcileArgs) -> Result<ExitCode> {
    let Pipeline {
        analysis, output, ..
    } = Pipeline::clean(&args.data)?;
    let rules = analysis.rules;
    let format = format(args)?;
    let bytes = if args.hierarchy {
        exporter(format).serialize(&Crossings {
            analysis: &analysis,
        } as &dyn Tabular)?
    } else if args.relations {
        exporter(format).serialize(&Verdicts::new(&analysis.outcomes, rules) as &dyn Tabular)?
    } else {
        let summaries = analysis.reconcile(args.by.unwrap_or(GroupBy::Quantity))?;
        let table = Summaries::new(&analysis, &summaries);
        exporter(format).serialize(&table as &dyn Tabular)?
    };
    let target = args.output.as_deref().unwrap_or(Path::new("-"));
    output.output(target, &bytes)?;
    super::leave(analysis);
    Ok(ExitCode::SUCCESS)
}

/// The format asked for, or the one the -o file's extension names, or the terminal table; a
/// format that contradicts the extension (a table into `x.json`) is refused.
fn format(args: &ReconcileArgs) -> Result<ExportFormat> {
    let extension = args
        .output
        .as_deref()
        .filter(|p| p.as_os_str() != "-")
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    let implied = match extension.as_deref() {
        Some("csv") => Some(ExportFormat::Csv),
        Some("json") => Some(ExportFormat::Json),
        Some("md" | "markdown") => Some(ExportFormat::Markdown),
        _ => None,
    };
    let name = |f: ExportFormat| {
        f.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string())
    };
    match (args.format, implied) {
        (Some(asked), Some(named)) if asked != named => bail!(
            "--format {} contradicts the file name {}, which says {}: drop --format or rename the file",
            name(asked),
            args.output.as_deref().unwrap_or(Path::new("-")).display(),
            name(named)
        ),
        (Some(asked), _) => Ok(asked),
        (None, Some(named)) => Ok(named),
        (None, None) => Ok(ExportFormat::Table),
    }
}
