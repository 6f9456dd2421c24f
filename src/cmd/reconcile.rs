//! `reckon reconcile`: per-group reconciliation, or the relation verdicts, in one format.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::Pipeline;
use crate::cli::ReconcileArgs;
use crate::present::export::tables::{Summaries, Verdicts};
use crate::present::export::{exporter, Tabular};

/// Runs `reconcile`; the dataset must check without errors first.
pub fn run(args: &ReconcileArgs) -> Result<ExitCode> {
    let Pipeline {
        analysis, output, ..
    } = Pipeline::clean(&args.data)?;
    let rules = analysis.rules;
    let bytes = if args.relations {
        exporter(args.format).serialize(&Verdicts::new(&analysis.outcomes, rules) as &dyn Tabular)?
    } else {
        let summaries = analysis.reconcile(args.by)?;
        let table = Summaries {
            rows: &summaries,
            rules,
        };
        exporter(args.format).serialize(&table as &dyn Tabular)?
    };
    let target = args.output.as_deref().unwrap_or(Path::new("-"));
    output.output(target, &bytes)?;
    Ok(ExitCode::SUCCESS)
}
