//! `reckon import`: plans the import in memory, then writes every changed file together.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::ImportArgs;
use crate::import::{self, LongSource, Shape, Spec};
use crate::present::write::{self, Output};

/// The import the flags describe.
fn spec(args: &ImportArgs) -> Spec {
    let shape = if args.source_columns.is_empty() {
        Shape::Long {
            source: match &args.source_column {
                Some(column) => LongSource::Column(column.clone()),
                None => LongSource::Named(args.source.clone().unwrap_or_default()),
            },
            low: args.low.clone(),
            point: args.point.clone(),
            high: args.high.clone(),
        }
    } else {
        Shape::Wide {
            sources: args.source_columns.clone(),
        }
    };
    Spec {
        table: args.table.clone(),
        data: args.data.clone(),
        shape,
        quantity: args.quantity.clone(),
        year: args.year.clone(),
        series: args.series.clone(),
        category: args.category.clone(),
        unit: args.unit.clone(),
        source_kind: args.source_kind,
        na: args.na.clone(),
        delimiter: args.delimiter,
        text_id: args.text_id.clone(),
        title: args.title.clone(),
        attribution: args.attribution.clone(),
    }
}

/// Runs `import`: a table that cannot be imported, or a dataset that cannot take it, is an
/// error (exit 2) and nothing is written.
pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    let plan = import::plan(&spec(args))?;
    // The table itself is never overwritten (`reckon import data/estimates.csv --data data`).
    write::write_together(&Output::new([args.table.as_path()]), &plan.writes)?;
    write::stdout(write::terminal(&plan.summary).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
