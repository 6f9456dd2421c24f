//! Table documents: the cell an estimate's `locator` names (see [`crate::english::locator`]) is
//! its evidence.

use super::agreement::Evidence;
use super::quotes::shorten;
use crate::english::locator::{locate, parse_locator};
use crate::model::finding::{Code, Finding};
use crate::model::{Estimate, TableDoc, Text};

/// The cell an estimate's locator names in its table document, as evidence; `None` with a
/// finding when the locator does not lead to exactly one cell or the quote is not in it.
pub(super) fn cell_evidence<'a>(
    e: &'a Estimate,
    text: &Text,
    table: &'a TableDoc,
    findings: &mut Vec<Finding>,
) -> Option<Evidence<'a>> {
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
            return None;
        }
    };
    let found = locate(table, &locator);
    let (r, c) = match found {
        Ok(place) => place,
        Err(message) => {
            findings.push(bad(message));
            return None;
        }
    };
    let (pos, cells) = &table.rows[r];
    let cell = cells.get(c).map(String::as_str).unwrap_or("");
    let at = pos.cell(locator.column);
    if !e.quote.trim().is_empty() && !cell.contains(e.quote.as_str()) {
        findings.push(Finding::error(
            Code::QuoteNotFound,
            &e.pos.cell("quote"),
            format!(
                "quote \"{}\" is not in the cell at {at} (\"{}\"); quote a part of the cell, or leave the quote empty",
                shorten(&e.quote),
                shorten(cell)
            ),
        ));
        return None;
    }
    let scaled = if locator.scale == 1.0 {
        String::new()
    } else {
        format!(" (× {})", crate::english::number::plain(locator.scale))
    };
    Some(Evidence {
        text: cell,
        scale: locator.scale,
        named: format!("the cell at {at} \"{}\"{scaled}", shorten(cell)),
        wording: false,
    })
}

#[cfg(test)]
mod tests;
