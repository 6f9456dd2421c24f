//! `reckon coverage`: every figure in the texts that no quote covers, the rest listed apart.

use std::process::ExitCode;

use anyhow::Result;

use super::Pipeline;
use crate::analysis::coverage::{self, Class, Found};
use crate::cli::{CoverageArgs, CoverageFormat};
use crate::present::{propose, write};

/// A sentence shortened around its figure to at most about 160 characters.
pub fn excerpt(f: &Found) -> String {
    let chars: Vec<char> = f.sentence.chars().collect();
    if chars.len() <= 160 {
        return f.sentence.clone();
    }
    // The figure's own place: the same figure may stand twice in one sentence.
    let at = f
        .sentence
        .get(..f.in_sentence)
        .map_or(0, |s| s.chars().count());
    let start = at.saturating_sub(70);
    let end = (start + 160).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

/// Runs `coverage`; it only reports, so it exits 0 whenever the dataset loads.
pub fn run(args: &CoverageArgs) -> Result<ExitCode> {
    let Pipeline {
        analysis, output, ..
    } = Pipeline::open_partial(&args.data)?;
    let mut report = coverage::coverage(&analysis.data);
    if let Some(only) = &args.text {
        if analysis.data.text(only).is_none() {
            anyhow::bail!("no text has the id `{only}`");
        }
        report.found.retain(|f| &f.text_id == only);
        report.figures = report
            .found
            .iter()
            .filter(|f| f.class == Class::Figure || f.covered)
            .count();
        report.covered = report.found.iter().filter(|f| f.covered).count();
    }
    if args.propose {
        let proposals = propose::propose(&analysis.data, &report, args.text.as_deref());
        let bytes = propose::to_csv(&proposals)?;
        let uncovered = report
            .found
            .iter()
            .filter(|f| !f.covered && f.class == Class::Figure)
            .count();
        let target = args.output.as_deref().unwrap_or(std::path::Path::new("-"));
        output.output(target, &bytes)?;
        write::note(&format!(
            "proposed {} row(s) for {uncovered} uncovered figure(s); a figure with no short quote that check accepts is left out",
            proposals.len()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let out = match args.format {
        CoverageFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report)?;
            s.push('\n');
            s
        }
        CoverageFormat::Text => write::terminal(&text(&report)),
    };
    write::stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn text(report: &coverage::Coverage) -> String {
    let mut out = String::new();
    let line = |f: &Found| {
        format!(
            "{}:{}:{}: {} \"{}\" in: {}\n",
            f.file,
            f.line,
            f.column,
            f.class.as_str(),
            f.figure,
            excerpt(f)
        )
    };
    let uncovered: Vec<&Found> = report
        .found
        .iter()
        .filter(|f| !f.covered && f.class == Class::Figure)
        .collect();
    out.push_str(&format!(
        "Figures no estimate covers ({}):\n",
        uncovered.len()
    ));
    for f in &uncovered {
        out.push_str(&line(f));
    }
    let apart: Vec<&Found> = report
        .found
        .iter()
        .filter(|f| !f.covered && f.class != Class::Figure)
        .collect();
    out.push_str(&format!(
        "\nListed apart: dates, years, ages, identifiers, durations and words ({}):\n",
        apart.len()
    ));
    for f in &apart {
        out.push_str(&line(f));
    }
    let count = |c: Class| apart.iter().filter(|f| f.class == c).count();
    out.push_str(&format!(
        "\ncoverage: {} of {} figures covered ({:.0}%), {} uncovered; listed apart: {} dates, {} years, {} ages, {} identifiers, {} durations, {} words\n",
        report.covered,
        report.figures,
        if report.figures > 0 { 100.0 * report.covered as f64 / report.figures as f64 } else { 100.0 },
        uncovered.len(),
        count(Class::Date),
        count(Class::Year),
        count(Class::Age),
        count(Class::Identifier),
        count(Class::Duration),
        count(Class::Word),
    ));
    out
}
