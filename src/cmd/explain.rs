//! `reckon explain ID`: the audit trail of one number, from a chart back to the words of the text.

use std::process::ExitCode;

use anyhow::Result;

use super::Pipeline;
use crate::cli::ExplainArgs;
use crate::present::{explain, write};

/// Runs `explain`: exit 0 with the trail, 2 when no row has the id.
pub fn run(args: &ExplainArgs) -> Result<ExitCode> {
    let analysis = Pipeline::open_partial(&args.data)?.analysis;
    let text = explain::explain(&analysis, &args.id)?;
    write::stdout(write::terminal(&text).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
