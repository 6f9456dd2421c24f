//! Table documents: an estimate's `locator` names a cell (`column=Deaths;row=3`,
//! `column=Deaths;Author=Peng`, optionally `scale=1000000`), and the cell is its evidence.

use super::agreement::Evidence;
use super::quotes::shorten;
use crate::english::suggest::closest;
use crate::model::finding::{Code, Finding};
use crate::model::{Estimate, TableDoc, Text};

/// A cell locator as written: which column, how the row is chosen, and the scale.
#[derive(Debug, PartialEq)]
pub(super) struct Locator<'a> {
    pub column: &'a str,
    pub row: RowChoice<'a>,
    pub scale: f64,
}

/// How a locator chooses the row.
#[derive(Debug, PartialEq)]
pub(super) enum RowChoice<'a> {
    /// The n-th data row, 1 being the first row under the header.
    Number(usize),
    /// The rows whose cells under these columns hold these values.
    Keys(Vec<(&'a str, &'a str)>),
}

/// Reads a locator; `Err` says what is wrong with it.
pub(super) fn parse_locator(s: &str) -> Result<Locator<'_>, String> {
    let mut column = None;
    let mut number = None;
    let mut keys = Vec::new();
    let mut scale = 1.0;
    for part in s.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((key, value)) = part.split_once('=') else {
            return Err(format!("`{part}` is not `name=value`"));
        };
        let (key, value) = (key.trim(), value.trim());
        match key {
            "column" => column = Some(value),
            "row" => match value.parse::<usize>() {
                Ok(n) if n >= 1 => number = Some(n),
                _ => {
                    return Err(format!(
                        "`row={value}` is not a row number (1 is the first row under the header)"
                    ))
                }
            },
            "scale" => match value.parse::<f64>() {
                Ok(f) if f.is_finite() && f > 0.0 => scale = f,
                _ => {
                    return Err(format!(
                        "`scale={value}` is not a positive number such as 1000000"
                    ))
                }
            },
            _ => keys.push((key, value)),
        }
    }
    let Some(column) = column else {
        return Err("it names no column: write `column=NAME`".to_string());
    };
    let row = match (number, keys.is_empty()) {
        (Some(n), true) => RowChoice::Number(n),
        (None, false) => RowChoice::Keys(keys),
        (Some(_), false) => {
            return Err(
                "it chooses the row twice: give `row=N` or key columns, not both".to_string(),
            )
        }
        (None, true) => return Err(
            "it chooses no row: add `row=N` or `KEY=VALUE` (a column that tells the rows apart)"
                .to_string(),
        ),
    };
    Ok(Locator { column, row, scale })
}

/// The index of the column `name` in `table`, or a message with the closest name.
fn column_index(table: &TableDoc, name: &str) -> Result<usize, String> {
    table.header.iter().position(|h| h == name).ok_or_else(|| {
        let hint = closest(name, table.header.iter().map(String::as_str))
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        format!(
            "the table has no column `{name}`{hint}; its columns are: {}",
            table.header.join(", ")
        )
    })
}

/// The data row a locator chooses (its index), or what is wrong.
fn row_index(table: &TableDoc, choice: &RowChoice) -> Result<usize, String> {
    match choice {
        RowChoice::Number(n) if *n <= table.rows.len() => Ok(n - 1),
        RowChoice::Number(n) => Err(format!(
            "`row={n}` is past the table's last row ({})",
            table.rows.len()
        )),
        RowChoice::Keys(keys) => {
            let columns: Vec<(usize, &str)> = keys
                .iter()
                .map(|(k, v)| column_index(table, k).map(|i| (i, *v)))
                .collect::<Result<_, _>>()?;
            let matching: Vec<usize> = table
                .rows
                .iter()
                .enumerate()
                .filter(|(_, (_, cells))| {
                    columns
                        .iter()
                        .all(|(i, v)| cells.get(*i).is_some_and(|c| c.trim() == *v))
                })
                .map(|(i, _)| i)
                .collect();
            let wanted: Vec<String> = keys.iter().map(|(k, v)| format!("{k}={v}")).collect();
            match matching.as_slice() {
                [one] => Ok(*one),
                [] => Err(format!("no row has {}", wanted.join(" and "))),
                many => Err(format!(
                    "{} rows have {}; add a key column that tells them apart",
                    many.len(),
                    wanted.join(" and ")
                )),
            }
        }
    }
}

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
    let found = column_index(table, locator.column)
        .and_then(|c| row_index(table, &locator.row).map(|r| (r, c)));
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
