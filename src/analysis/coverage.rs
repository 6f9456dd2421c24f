//! Coverage: every figure in each text that no estimate's quote covers, with dates, years, ages,
//! identifiers and the like classified and listed apart, so a curator sees what is still missing.

use std::ops::Range;

use serde::Serialize;

pub use crate::english::class::{classify, Class};
use crate::english::figure;
use crate::english::lines::LineIndex;
use crate::english::passage;
use foldhash::HashSet;

use crate::english::locator::{locate_cells, parse_locator};
use crate::model::{Dataset, TableDoc, Text};

/// One figure found in a text.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    pub text_id: String,
    pub file: String,
    pub line: u64,
    pub column: u64,
    /// The figure as written.
    pub figure: String,
    pub class: Class,
    pub covered: bool,
    /// The sentence around it: the one that holds this figure's own position, cut to
    /// [`passage::REACH`] characters on each side of the figure ("…" where it goes on).
    pub sentence: String,
    /// Byte offset of the figure in `sentence`, which may hold the same figure twice.
    #[serde(skip)]
    pub in_sentence: usize,
    /// Its bytes in the text's body (empty for a cell of a table document).
    #[serde(skip)]
    pub span: Range<usize>,
}

/// The coverage of a dataset.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Figures of class `figure`, covered or not.
    pub figures: usize,
    pub covered: usize,
    pub found: Vec<Found>,
}

/// Finds every figure in every text and whether an estimate's quote covers it.
pub fn coverage(data: &Dataset) -> Coverage {
    let mut found = Vec::new();
    for text in &data.texts {
        if let Some(table) = &text.table {
            found.extend(table_figures(data, text, table));
            continue;
        }
        let body = text.body.as_str();
        let index = LineIndex::new(body);
        let covered: Vec<Range<usize>> = data
            .estimates
            .iter()
            .filter(|e| e.text == text.id)
            .flat_map(|e| passage::find_all(body, &e.quote))
            .collect();
        let mut offset = 0;
        for line in body.split_inclusive('\n') {
            for f in figure::parse(line).figures {
                let span = offset + f.span.start..offset + f.span.end;
                let (l, c) = index.locate(span.start);
                let class = classify(body, &span, f.kind);
                let is_covered = covered
                    .iter()
                    .any(|q| q.start <= span.start && span.end <= q.end);
                // A window of the sentence: a sentence of 5,000 figures is not copied 5,000 times.
                let (sentence, in_sentence) =
                    passage::sentence_window(body, &span, passage::REACH).text(body, span.start);
                found.push(Found {
                    text_id: text.id.clone(),
                    file: text.path.display().to_string(),
                    line: l,
                    column: c,
                    figure: body[span.clone()].to_string(),
                    class,
                    covered: is_covered,
                    in_sentence,
                    sentence,
                    span: span.clone(),
                });
            }
            offset += line.len();
        }
    }
    let figures = found
        .iter()
        .filter(|f| f.class == Class::Figure || f.covered)
        .count();
    let covered = found.iter().filter(|f| f.covered).count();
    Coverage {
        figures,
        covered,
        found,
    }
}

/// Every figure in the cells of a table document, covered when an estimate's locator names its
/// cell; each is placed at its cell and shown with its row ("Author: Peng; Deaths: 23").
fn table_figures(data: &Dataset, text: &Text, table: &TableDoc) -> Vec<Found> {
    let named: HashSet<(usize, usize)> = data
        .estimates
        .iter()
        .filter(|e| e.text == text.id)
        .filter_map(|e| {
            let locator = parse_locator(&e.locator).ok()?;
            locate_cells(table, &locator).ok()
        })
        .flat_map(|(r, columns)| columns.into_iter().map(move |c| (r, c)))
        .collect();
    let mut found = Vec::new();
    for (r, (pos, cells)) in table.rows.iter().enumerate() {
        // The row as "Author: Peng; Deaths: 23", and where each cell's text starts in it.
        let mut row = String::new();
        let mut starts = vec![0; cells.len()];
        for (c, (h, cell)) in table.header.iter().zip(cells).enumerate() {
            if cell.trim().is_empty() {
                continue;
            }
            if !row.is_empty() {
                row.push_str("; ");
            }
            row.push_str(h);
            row.push_str(": ");
            starts[c] = row.len();
            row.push_str(cell);
        }
        for (c, (name, cell)) in table.header.iter().zip(cells).enumerate() {
            let at = pos.cell(name);
            for f in figure::parse(cell).figures {
                found.push(Found {
                    text_id: text.id.clone(),
                    file: text.path.display().to_string(),
                    line: at.line,
                    column: at.column,
                    figure: cell[f.span.clone()].to_string(),
                    class: classify(cell, &f.span, f.kind),
                    covered: named.contains(&(r, c)),
                    sentence: row.clone(),
                    in_sentence: starts[c] + f.span.start,
                    span: 0..0,
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests;
