//! `reckon reconcile`: per-group reconciliation, or the relation verdicts, in one format.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::analysis::{reconcile, relate};
use crate::cli::ReconcileArgs;
use crate::present::export::tables::{Summaries, Verdicts};
use crate::present::export::{exporter, Tabular};
use crate::present::write;

/// Runs `reconcile`; the dataset must check without errors first.
pub fn run(args: &ReconcileArgs) -> Result<ExitCode> {
    let checked = match super::load_clean(&args.data)? {
        Ok(checked) => checked,
        Err(code) => return Ok(code),
    };
    let (data, rules) = (&checked.data, checked.rules);
    let bytes = if args.relations {
        let outcomes = relate::evaluate(data, &rules);
        exporter(args.format).serialize(&Verdicts::new(&outcomes, rules) as &dyn Tabular)?
    } else {
        let readings = relate::readings(data, &rules);
        let summaries = reconcile::reconcile(data, &readings, args.by)?;
        let table = Summaries {
            rows: &summaries,
            rules,
        };
        exporter(args.format).serialize(&table as &dyn Tabular)?
    };
    let target = args.output.as_deref().unwrap_or(Path::new("-"));
    write::output(target, &bytes)?;
    Ok(ExitCode::SUCCESS)
}
