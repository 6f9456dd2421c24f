//! Agreement between an estimate's row and its quote: the columns its qualifier needs, and the
//! figure and qualifier that the quote states.

use std::borrow::Cow;

use foldhash::HashMap;

use super::cells::cell_evidence;
use super::ids::{checkable, reference, unknown, Table};
use super::quotes::{check_quote, shorten, TextIndex};
use super::reading::check_reading;
use super::show;
use crate::english::class::{classify, Class};
use crate::english::figure::{same_value, FigureKind, Parsed};
use crate::english::number;
use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, Estimate, Provenance, Qualifier};

/// Which of low/point/high a qualifier needs and forbids: see README, Qualifiers.
fn check_columns(e: &Estimate, q: Qualifier, findings: &mut Vec<Finding>) {
    let need = |column: &str, present: bool, findings: &mut Vec<Finding>| {
        // An unreadable cell, or a header without the column, has its own finding.
        if !present && !e.unreadable.contains(column) && e.pos.has(column) {
            findings.push(Finding::error(
                Code::MissingValue,
                &e.pos.cell(column),
                format!("qualifier `{q}` needs `{column}`"),
            ));
        }
    };
    let forbid = |column: &str, present: bool, findings: &mut Vec<Finding>| {
        if present {
            findings.push(Finding::error(
                Code::UnexpectedValue,
                &e.pos.cell(column),
                format!(
                    "qualifier `{q}` takes its interval from `point` by rule; leave `{column}` empty (or use `range`)"
                ),
            ));
        }
    };
    if q.is_banded() {
        need("low", e.low.is_some(), findings);
        need("high", e.high.is_some(), findings);
    } else {
        need("point", e.point.is_some(), findings);
        forbid("low", e.low.is_some(), findings);
        forbid("high", e.high.is_some(), findings);
    }
    let ordered = [("low", e.low), ("point", e.point), ("high", e.high)];
    let present: Vec<(&str, f64)> = ordered
        .iter()
        .filter_map(|(n, v)| v.map(|v| (*n, v)))
        .collect();
    for pair in present.windows(2) {
        let ((a, va), (b, vb)) = (pair[0], pair[1]);
        if va > vb {
            findings.push(Finding::error(
                Code::BadOrder,
                &e.pos.cell(b),
                format!("`{a}` ({va}) is greater than `{b}` ({vb}); expected low <= point <= high"),
            ));
        }
    }
}

/// An estimate's references, its columns, and its evidence: the quote in its text, the cell of
/// its table document, or the citation of its source.
pub(super) fn check_estimate(
    data: &Dataset,
    e: &Estimate,
    indexes: &HashMap<&str, TextIndex>,
    findings: &mut Vec<Finding>,
) {
    reference(
        data,
        Table::Quantity,
        &e.quantity,
        (&e.pos, "quantity"),
        findings,
    );
    let source = reference(data, Table::Source, &e.source, (&e.pos, "source"), findings);
    if let Some(q) = e.qualifier {
        check_columns(e, q, findings);
    }
    let provenance = data.provenance(e);
    if provenance == Provenance::Citation {
        if e.reading.is_some() {
            findings.push(Finding::error(
                Code::UnexpectedValue,
                &e.pos.cell("reading"),
                "`reading` says how to read the words of a quote or table cell, and an estimate that cites a work has none: leave it empty",
            ));
        }
        // Without a `text` or `quote` column every row would look like a citation.
        if source
            && e.pos.has("text")
            && e.pos.has("quote")
            && !data.lacks("sources.csv", "citation")
        {
            check_citation(data, e, findings);
        }
        return;
    }
    let Some(text) = data.text(&e.text) else {
        // A text that is listed but could not be read has its own finding already.
        if !data.unreadable_texts.iter().any(|t| *t == e.text)
            && checkable(data, Table::Text, (&e.pos, "text"))
        {
            findings.push(unknown(data, Table::Text, &e.text, &e.pos.cell("text")));
        }
        return;
    };
    // A misspelt `reading` column has its finding; which rows the curator read is unknown, so
    // the words are not compared with the rows until it is renamed.
    let compare = !data.lacks("estimates.csv", "reading");
    if let Some(table) = &text.table {
        // A misspelt `locator` column has its finding; the cells it names cannot be checked.
        if data.lacks("estimates.csv", "locator") {
            return;
        }
        if !compare {
            return;
        }
        for evidence in cell_evidence(e, text, table, findings) {
            check_agreement(e, &evidence, &Words::new(&evidence), findings);
        }
        return;
    }
    let Some(index) = indexes.get(text.id.as_str()).filter(|_| e.pos.has("quote")) else {
        return;
    };
    let places = check_quote(&e.quote, text, index, &e.pos.cell("quote"), findings);
    if let Some(places) = places.filter(|_| compare) {
        let evidence = Evidence {
            text: &e.quote,
            scale: 1.0,
            named: None,
            wording: true,
            values: None,
        };
        // Rows quoting the same words share their parse.
        let words = places.words(|| Words::new(&evidence));
        check_agreement(e, &evidence, words, findings);
    }
}

/// The words that hold an estimate's figure: a quote, or a cell of a table document.
pub(super) struct Evidence<'a> {
    pub text: &'a str,
    /// What the figure in the words is multiplied by (a table "in millions").
    pub scale: f64,
    /// How a message names it (`the cell texts/t.csv:3:5 "30"`); `None` for a quote, named
    /// `the quote "..."` only when a message needs it.
    pub named: Option<String>,
    /// True when the words carry the qualifier ("nearly", "over"): a quote does, a table cell
    /// rarely does, so the qualifier of a cell estimate is the curator's reading.
    pub wording: bool,
    /// Which of low/point/high the words hold: `None` for all of them, or the values a cell
    /// holds when a locator gives each value a cell of its own (`column.low=...`).
    pub values: Option<Vec<&'static str>>,
}

impl Evidence<'_> {
    /// How a message names the words: `the quote "..."`, `the cell texts/t.csv:3:5 "30"`.
    pub fn named(&self) -> Cow<'_, str> {
        match &self.named {
            Some(named) => Cow::Borrowed(named),
            None => Cow::Owned(format!("the quote \"{}\"", shorten(self.text))),
        }
    }

    /// Whether the words are where `value` (`low`, `point` or `high`) must be found.
    fn holds(&self, value: &str) -> bool {
        self.values.as_ref().is_none_or(|v| v.contains(&value))
    }
}

/// A citation-only estimate (no text, no quote) rests on its source's `citation`.
fn check_citation(data: &Dataset, e: &Estimate, findings: &mut Vec<Finding>) {
    let Some(source) = data.source(&e.source) else {
        return;
    };
    if source.citation.trim().is_empty() {
        findings.push(Finding::error(
            Code::MissingCitation,
            &e.pos.cell("source"),
            format!(
                "estimate `{}` has no text and no quote, so it rests on a citation, but source `{}` has no `citation` in sources.csv; add one (author, title, year), or give the text and quote",
                e.id, e.source
            ),
        ));
    }
}

/// The figures and the qualifier in the evidence agree with the row; or, for a row that gives
/// the curator's `reading` of the words, the reading does.
fn check_agreement(e: &Estimate, evidence: &Evidence, words: &Words, findings: &mut Vec<Finding>) {
    if let Some(reading) = e.reading {
        check_reading(e, evidence, &words.parsed, reading, findings);
        return;
    }
    if e.unreadable.contains("reading") {
        // The curator meant to read the words; the reading's bad-number says why it cannot be.
        return;
    }
    if words.parsed.figures.is_empty() {
        let (column, message) = if evidence.wording {
            (
                "quote",
                format!(
                    "no figure found in quote \"{}\"; the quote must hold the number",
                    shorten(evidence.text)
                ),
            )
        } else {
            (
                "locator",
                format!(
                    "no figure found in {}; the cell must hold the number",
                    evidence.named()
                ),
            )
        };
        findings.push(Finding::error(Code::NoFigure, &e.pos.cell(column), message));
        return;
    }
    let parsed = words.scaled.as_ref().unwrap_or(&words.parsed);
    check_values(e, evidence, parsed, &words.candidates, findings);
    check_ends(e, evidence, parsed, findings);
    if let (Some(q), true) = (e.qualifier, evidence.wording) {
        check_qualifier(e, q, &parsed.cues, findings);
    }
}

/// The values a row may take from its evidence: every figure that counts or measures, never a
/// year, date, age or identifier the words also hold ("353,074 in 1937" states 353,074, not
/// 1937). Words whose only figures are such numbers offer them all.
pub(super) fn candidates(evidence: &Evidence, parsed: &Parsed) -> Vec<f64> {
    let counts: Vec<f64> = parsed
        .figures
        .iter()
        .filter(|f| {
            // A share, measure or multiplier is never a year or an identifier.
            !matches!(f.kind, FigureKind::Count | FigureKind::Year)
                || !matches!(
                    classify(evidence.text, &f.span, f.kind),
                    Class::Date | Class::Year | Class::Age | Class::Identifier
                )
        })
        .flat_map(|f| f.values())
        .collect();
    if counts.is_empty() {
        parsed.values()
    } else {
        counts
    }
}

/// The figures the evidence states, as a message shows them.
pub(super) fn stated(evidence: &Evidence, parsed: &Parsed) -> Vec<String> {
    parsed
        .figures
        .iter()
        .filter(|f| f.kind != FigureKind::Year || parsed.figures.len() == 1)
        .map(|f| {
            // The figure as the words write it ("266.667", not a rounded 266.67); a scaled cell
            // (whose words `named` shows) as the value it is read as.
            let written = evidence.text.get(f.span.clone()).unwrap_or_default();
            match f.kind {
                FigureKind::Magnitude { low, high } if evidence.scale == 1.0 => {
                    format!("{written} ({})", number::range(low, high))
                }
                FigureKind::Magnitude { low, high } => number::range(low, high),
                _ if evidence.scale != 1.0 || written.is_empty() => number::readable(f.value),
                _ => written.to_string(),
            }
        })
        .collect()
}

/// Each of low/point/high is one of the `candidates` the evidence states.
fn check_values(
    e: &Estimate,
    evidence: &Evidence,
    parsed: &Parsed,
    candidates: &[f64],
    findings: &mut Vec<Finding>,
) {
    for (column, value) in [("low", e.low), ("point", e.point), ("high", e.high)] {
        let Some(value) = value.filter(|_| evidence.holds(column)) else {
            continue;
        };
        if !candidates.iter().any(|&c| same_value(c, value)) {
            findings.push(Finding::error(
                Code::ValueMismatch,
                &e.pos.cell(column),
                format!(
                    "`{column}` is {} but {} states {}",
                    show(value),
                    evidence.named(),
                    stated(evidence, parsed).join(", ")
                ),
            ));
        }
    }
}

/// A range or band needs both of its ends: `low` and `high` equal to one figure of the quote
/// would pass [`check_values`] while dropping the other end.
fn check_ends(e: &Estimate, evidence: &Evidence, parsed: &Parsed, findings: &mut Vec<Finding>) {
    if !(evidence.holds("low") && evidence.holds("high")) {
        return;
    }
    let ends: Option<(f64, f64)> = match e.qualifier {
        Some(Qualifier::Magnitude) => parsed.figures.iter().find_map(|f| match f.kind {
            FigureKind::Magnitude { low, high } => Some((low, high)),
            _ => None,
        }),
        Some(Qualifier::Range | Qualifier::Survey) => {
            let values: Vec<f64> = parsed
                .figures
                .iter()
                .filter(|f| f.kind != FigureKind::Year)
                .map(|f| f.value)
                .collect();
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (values.len() >= 2 && !same_value(lo, hi)).then_some((lo, hi))
        }
        _ => None,
    };
    if let (Some((lo, hi)), Some(low), Some(high)) = (ends, e.low, e.high) {
        if same_value(low, high) {
            findings.push(Finding::error(
                Code::ValueMismatch,
                &e.pos.cell(if same_value(low, lo) { "high" } else { "low" }),
                format!(
                    "`low` and `high` are both {} but {} states {} to {}: give both ends",
                    show(low),
                    evidence.named(),
                    number::readable(lo),
                    number::readable(hi)
                ),
            ));
        }
    }
}

/// The qualifier is the one the quote's wording gives: see README, Qualifiers.
pub(super) fn check_qualifier(
    e: &Estimate,
    q: Qualifier,
    cues: &[Qualifier],
    findings: &mut Vec<Finding>,
) {
    let words: Vec<&str> = cues
        .iter()
        .filter(|c| {
            !matches!(
                c,
                Qualifier::Range | Qualifier::Magnitude | Qualifier::Ratio | Qualifier::Survey
            )
        })
        .map(|c| c.as_str())
        .collect();
    let problem = match q {
        Qualifier::Range if !cues.contains(&Qualifier::Range) => {
            Some("the quote states no range (X to Y, X–Y, between X and Y)".to_string())
        }
        Qualifier::Magnitude if !cues.contains(&Qualifier::Magnitude) => {
            Some("the quote states no vague magnitude (tens of thousands, millions...)".to_string())
        }
        Qualifier::Ratio if !cues.contains(&Qualifier::Ratio) => {
            Some("the quote states no multiplier (\"two and a half times\")".to_string())
        }
        Qualifier::Survey if !cues.contains(&Qualifier::Survey) => Some(
            "the quote surveys no estimates (\"estimates range from X to Y\", \"figures vary from X to Y\")"
                .to_string(),
        ),
        Qualifier::Range | Qualifier::Magnitude | Qualifier::Ratio | Qualifier::Survey => None,
        _ if cues.contains(&Qualifier::Range) => Some(
            "the quote states a range; use `range` with low and high, or shorten the quote to the one figure"
                .to_string(),
        ),
        _ if cues.contains(&Qualifier::Magnitude) => Some(
            "the quote states a vague magnitude (thousands, tens of thousands, several hundred...); use `magnitude` with the band in low and high"
                .to_string(),
        ),
        Qualifier::Exact if !words.is_empty() => Some(format!(
            "the quote qualifies the figure ({}); use that qualifier instead of `exact`",
            words.join(", ")
        )),
        Qualifier::Exact => None,
        _ if !cues.contains(&q) => Some(if words.is_empty() {
            "the quote has no qualifying word for it; use `exact`".to_string()
        } else {
            format!("the quote's wording says {}", words.join(", "))
        }),
        _ => None,
    };
    if let Some(problem) = problem {
        findings.push(Finding::error(
            Code::QualifierMismatch,
            &e.pos.cell("qualifier"),
            format!(
                "qualifier `{q}` does not fit quote \"{}\": {problem}",
                shorten(&e.quote)
            ),
        ));
    }
}

mod words;
pub(super) use words::Words;

#[cfg(test)]
mod tests;
