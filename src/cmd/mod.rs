//! One file per subcommand: each loads, calls domain code and writes. No arithmetic here.

mod build;
mod chart;
mod check;
mod coverage;
mod explain;
mod reconcile;
mod report;

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::analysis::interpret::Rules;
use crate::cli::{Command, DataArgs};
use crate::load;
use crate::model::finding::{self, Finding};
use crate::model::Dataset;

/// Runs a subcommand and returns its exit code; an `Err` means it could not run (exit 2).
pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Check(args) => check::run(&args),
        Command::Reconcile(args) => reconcile::run(&args),
        Command::Chart(args) => chart::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Coverage(args) => coverage::run(&args),
        Command::Explain(args) => explain::run(&args),
    }
}

/// A dataset loaded and validated, with everything found on the way.
pub struct Checked {
    pub data: Dataset,
    pub rules: Rules,
    pub findings: Vec<Finding>,
}

/// Loads and validates the dataset named by `args`.
pub fn load_checked(args: &DataArgs) -> Result<Checked> {
    let loaded = load::load(&args.data)
        .with_context(|| format!("loading the dataset in {}", args.data.display()))?;
    crate::present::write::protect(loaded.inputs.iter().map(std::path::PathBuf::as_path));
    let mut findings = loaded.findings;
    findings.extend(crate::check::validate(&loaded.dataset));
    let rules = Rules { about: args.about };
    let verdicts = crate::analysis::relate::findings(&loaded.dataset, &rules, &findings);
    findings.extend(verdicts);
    finding::sort(&mut findings);
    Ok(Checked {
        data: loaded.dataset,
        rules,
        findings,
    })
}

/// Loads a dataset that must be free of errors before it is used; prints the errors otherwise.
pub fn load_clean(args: &DataArgs) -> Result<std::result::Result<Checked, ExitCode>> {
    let checked = load_checked(args)?;
    let (errors, _) = finding::tally(&checked.findings);
    if errors > 0 {
        for f in checked
            .findings
            .iter()
            .filter(|f| f.severity == finding::Severity::Error)
        {
            eprintln!("{f}");
        }
        eprintln!(
            "reckon: the dataset in {} has {errors} error(s); run `reckon check --data {}` and fix them first",
            args.data.display(),
            args.data.display()
        );
        return Ok(Err(ExitCode::from(1)));
    }
    Ok(Ok(checked))
}
