//! `reckon report`: write the teaching report as one self-contained HTML file.

use std::process::ExitCode;

use anyhow::Result;

use super::Pipeline;
use crate::cli::ReportArgs;
use crate::present::chart::scale::AxisChoice;
use crate::present::chart::view::View;
use crate::present::report;
use crate::present::write;

/// Runs `report`.
pub fn run(args: &ReportArgs) -> Result<ExitCode> {
    let Pipeline {
        analysis, output, ..
    } = Pipeline::clean(&args.data)?.focus(&args.only)?;
    let ctx = View::new(&analysis, AxisChoice::Auto);
    let charts = crate::present::chart::render_all(&ctx)?;
    let html = report::build(&ctx, &charts.iter().collect::<Vec<_>>())?;
    output.output(&args.output, html.as_bytes())?;
    if args.output.as_os_str() != "-" {
        write::note(&format!("wrote {}", args.output.display()));
    }
    Ok(ExitCode::SUCCESS)
}
