//! Table documents: the cell an estimate's `locator` names (see [`crate::english::locator`]) is
//! its evidence.

use super::agreement::Evidence;
use super::quotes::shorten;
use crate::english::locator::{locate_cells, parse_locator};
use crate::model::finding::{Code, Finding};
use crate::model::{Estimate, TableDoc, Text};

/// The cells an estimate's locator names in its table document, as evidence: one cell for all
/// of low/point/high, or (with `column.low=...`) one per value. Empty, with a finding, when the
/// locator does not lead to those cells or the quote is in none of them.
pub(super) fn cell_evidence<'a>(
    e: &'a Estimate,
    text: &Text,
    table: &'a TableDoc,
    findings: &mut Vec<Finding>,
) -> Vec<Evidence<'a>> {
    let loc = e.pos.cell("locator");
    let bad = |message: String| {
        Finding::error(
            Code::BadLocator,
            &loc,
            format!(
                "locator `{}` does not name one cell of table {}: {message}",
                e.locator,
                text.path.display()
            ),
        )
    };
    let locator = match parse_locator(&e.locator) {
        Ok(l) => l,
        Err(message) => {
            findings.push(bad(message));
            return Vec::new();
        }
    };
    let (r, columns) = match locate_cells(table, &locator) {
        Ok(place) => place,
        Err(message) => {
            findings.push(bad(message));
            return Vec::new();
        }
    };
    let names = locator.columns();
    // Each cell and the values it holds: every value the row has, by the column it names.
    let mut cells: Vec<(usize, Vec<&'static str>)> = Vec::new();
    let given = [("low", e.low), ("point", e.point), ("high", e.high)];
    for (value, _) in given.iter().filter(|(_, v)| v.is_some()) {
        let Some(name) = locator.column_of(value) else {
            findings.push(bad(format!(
                "it names no cell for `{value}`; add `column.{value}=NAME` or `column=NAME`"
            )));
            return Vec::new();
        };
        let at = names.iter().position(|n| *n == name).unwrap_or(0);
        match cells.iter_mut().find(|(c, _)| *c == at) {
            Some((_, values)) => values.push(value),
            None => cells.push((at, vec![value])),
        }
    }
    let (pos, row) = &table.rows[r];
    let cell_text = |at: usize| -> &'a str {
        columns
            .get(at)
            .and_then(|&c| row.get(c))
            .map(String::as_str)
            .unwrap_or("")
    };
    if !e.quote.trim().is_empty()
        && !(0..names.len()).any(|at| cell_text(at).contains(e.quote.as_str()))
    {
        let main = locator.main_column();
        let at = names.iter().position(|n| *n == main).unwrap_or(0);
        findings.push(Finding::error(
            Code::QuoteNotFound,
            &e.pos.cell("quote"),
            format!(
                "quote \"{}\" is not in the cell at {} (\"{}\"); quote a part of the cell, or leave the quote empty",
                shorten(&e.quote),
                pos.cell(main),
                shorten(cell_text(at))
            ),
        ));
        return Vec::new();
    }
    let scaled = if locator.scale == 1.0 {
        String::new()
    } else {
        format!(" (× {})", crate::english::number::plain(locator.scale))
    };
    // One cell for every value is the plain case: it stands for all of them.
    let whole = locator.values.is_empty();
    cells
        .into_iter()
        .map(|(at, values)| {
            let cell = cell_text(at);
            Evidence {
                text: cell,
                scale: locator.scale,
                named: Some(format!(
                    "the cell at {} \"{}\"{scaled}",
                    pos.cell(names[at]),
                    shorten(cell)
                )),
                wording: false,
                values: (!whole).then_some(values),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
