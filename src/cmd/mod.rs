//! One file per subcommand: each opens the pipeline, calls a presenter and writes. No
//! arithmetic here.

mod build;
mod chart;
mod check;
mod coverage;
mod explain;
mod import;
mod init;
mod reconcile;
mod report;

use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::analysis::interpret::Rules;
use crate::analysis::Analysis;

use crate::cli::{Command, DataArgs};
use crate::load;
use crate::model::finding::{self, Finding, Severity};
use crate::present;
use crate::present::write::Output;

/// Runs a subcommand and returns its exit code; an `Err` means it could not run (exit 2), or
/// that the data has errors ([`DataErrors`], exit 1).
pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Init(args) => init::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Reconcile(args) => reconcile::run(&args),
        Command::Chart(args) => chart::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Coverage(args) => coverage::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Completions(args) => {
            let mut out = Vec::new();
            clap_complete::generate(
                args.shell,
                &mut <crate::cli::Cli as clap::CommandFactory>::command(),
                "reckon",
                &mut out,
            );
            present::write::stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(<crate::cli::Cli as clap::CommandFactory>::command())
                .render(&mut out)?;
            present::write::stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The data has errors, so a command that needs clean data did not run; `main` prints this
/// (each error, then what to do) and exits with 1.
#[derive(Debug)]
pub struct DataErrors {
    /// The dataset folder, as the user named it.
    pub dir: String,
    /// Each error finding, as printed.
    pub errors: Vec<String>,
}

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            writeln!(f, "{e}")?;
        }
        write!(
            f,
            "reckon: the dataset in {} has {} error(s); run `reckon check --data {}` and fix them first",
            self.dir,
            self.errors.len(),
            self.dir
        )
    }
}

impl std::error::Error for DataErrors {}

/// Leaves a command's data to the end of the process instead of freeing it: the command has
/// written its output, and freeing a million rows one allocation at a time took a tenth of
/// `check`'s time at a million estimates. The operating system takes the memory back at exit.
fn leave<T>(data: T) {
    std::mem::forget(data);
}

/// One run's pipeline: the dataset loaded, checked and analysed once, with every finding.
pub struct Pipeline {
    pub analysis: Analysis,
    /// Load and check findings, the analysis's problems and the verdict warnings, sorted.
    pub findings: Vec<Finding>,
    /// Where the run may write: never over a file it read.
    pub output: Output,
}

impl Pipeline {
    /// load -> check -> analysis, whatever the findings.
    pub fn open(args: &DataArgs) -> Result<Self> {
        let loaded = load::load(&args.data)
            .with_context(|| format!("loading the dataset in {}", args.data.display()))?;
        Self::from_loaded(args, loaded)
    }

    /// [`Pipeline::open`] for a command that reports on whatever is there (`coverage`,
    /// `explain`): a missing CSV file is read as empty, and the findings are only counted; a
    /// note on standard error says how many errors there are and where to read them.
    pub fn open_partial(args: &DataArgs) -> Result<Self> {
        let loaded = load::load_partial(&args.data)
            .with_context(|| format!("loading the dataset in {}", args.data.display()))?;
        let missing: Vec<String> = loaded
            .missing
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let pipeline = Self::from_loaded(args, loaded)?;
        let errors = pipeline
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let mut notes = Vec::new();
        if !missing.is_empty() {
            notes.push(format!("{} missing, read as empty", missing.join(", ")));
        }
        if errors > 0 {
            notes.push(format!(
                "the dataset has {errors} error(s), so figures may be misread; `reckon check --data {}` lists them",
                args.data.display()
            ));
        }
        if !notes.is_empty() {
            present::write::note(&present::write::terminal(&format!(
                "note: {}",
                notes.join("; ")
            )));
        }
        Ok(pipeline)
    }

    fn from_loaded(args: &DataArgs, loaded: load::Loaded) -> Result<Self> {
        // report.md is read by the report itself, and is an input all the same.
        let prose = args.data.join("report.md");
        let output = Output::new(
            loaded
                .inputs
                .iter()
                .map(PathBuf::as_path)
                .chain([prose.as_path()]),
        );
        let mut findings = loaded.findings;
        let rules = Rules { about: args.about };
        let (analysis, checked) = Analysis::beside(loaded.dataset, rules, crate::check::validate)?;
        findings.extend(checked);
        // Verdicts are withheld from relations that rest on a row with a load or check error:
        // a verdict on a misread figure would blame the text for a slip in the data.
        let unjudged = analysis.unjudged(&findings);
        let verdicts =
            present::findings::verdict_findings(&analysis.data, &analysis.outcomes, &unjudged);
        let flawed = analysis.flawed(&findings);
        let crossings = present::findings::crossing_findings(&analysis, &flawed);
        findings.extend(analysis.problems.iter().cloned());
        findings.extend(verdicts);
        findings.extend(crossings);
        finding::sort(&mut findings);
        Ok(Pipeline {
            analysis,
            findings,
            output,
        })
    }

    /// The pipeline cut to the quantities `only` names (categories, quantity ids, relation
    /// ids), analysed afresh; unchanged when `only` is empty. The findings stay the whole
    /// dataset's.
    pub fn focus(self, only: &[String]) -> Result<Self> {
        if only.is_empty() {
            return Ok(self);
        }
        let keep = self.analysis.data.select(only).map_err(|name| {
            anyhow::anyhow!(
                "--only `{}` names no quantity, category or relation of the dataset",
                crate::check::shorten(&finding::visible(&name))
            )
        })?;
        let data = self.analysis.data.focus(&keep);
        let analysis = Analysis::new(data, self.analysis.rules)?;
        Ok(Pipeline { analysis, ..self })
    }

    /// Opens the pipeline for a command that needs data free of errors; fails with
    /// [`DataErrors`] otherwise.
    pub fn clean(args: &DataArgs) -> Result<Self> {
        let pipeline = Pipeline::open(args)?;
        let errors: Vec<String> = pipeline
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        if !errors.is_empty() {
            return Err(DataErrors {
                dir: args.data.display().to_string(),
                errors,
            }
            .into());
        }
        Ok(pipeline)
    }
}
