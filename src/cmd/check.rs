//! `reckon check`: verify the dataset and report every finding, then the relation verdicts.

use std::process::ExitCode;

use anyhow::Result;

use super::Pipeline;
use crate::analysis::relate::Verdict;
use crate::cli::{CheckArgs, CheckFormat};
use crate::model::finding::{self, Severity};
use crate::model::Provenance;
use crate::present::write;

/// Runs `check`: exit 0 without errors, 1 with errors (warnings too under `--strict`).
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let mut checked = Pipeline::open(&args.data)?;
    // Which relations go unjudged depends on the errors in the data, not on --strict turning
    // the verdict warnings into errors: a broken relation is judged, and counted as broken.
    let unjudged = checked.analysis.unjudged(&checked.findings);
    if args.strict {
        // A note records a reading made in the open; it is no problem to be strict about.
        for f in checked
            .findings
            .iter_mut()
            .filter(|f| f.severity == Severity::Warning)
        {
            f.severity = Severity::Error;
        }
    }
    let (errors, warnings) = finding::tally(&checked.findings);
    let notes = match checked.findings.len() - errors - warnings {
        0 => String::new(),
        n => format!(", {n} note(s)"),
    };
    let mut out = String::new();
    match args.format {
        CheckFormat::Json => {
            out = serde_json::to_string_pretty(&checked.findings)?;
            out.push('\n');
        }
        CheckFormat::Text => {
            for f in &checked.findings {
                out.push_str(&format!("{f}\n"));
            }
            let data = &checked.analysis.data;
            let outcomes: Vec<_> = checked
                .analysis
                .outcomes
                .iter()
                .filter(|o| !unjudged.contains(o.id.as_str()))
                .collect();
            let count = |v: Verdict| outcomes.iter().filter(|o| o.verdict == v).count();
            let not_judged = match unjudged.len() {
                0 => String::new(),
                n => format!(", {n} not judged for errors in their rows"),
            };
            let cited = data
                .estimates
                .iter()
                .filter(|e| data.provenance(e) == Provenance::Citation)
                .count();
            let cited = match cited {
                0 => String::new(),
                n => format!(" ({n} cited but not verified against a document)"),
            };
            out.push_str(&format!(
                "{}: {} estimates{cited} of {} quantities from {} sources in {} text(s); {} relations ({} hold, {} approximate, {} broken, {} derived{not_judged}): {} error(s), {} warning(s){notes}\n",
                data.dir.display(),
                data.estimates.len(),
                data.quantities.len(),
                data.sources.len(),
                data.texts.len(),
                data.relations.len(),
                count(Verdict::Holds),
                count(Verdict::Approximate),
                count(Verdict::Broken),
                count(Verdict::Derived),
                errors,
                warnings
            ));
        }
    }
    write::stdout(out.as_bytes())?;
    super::leave(checked);
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
