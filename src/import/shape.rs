//! The two shapes a table of estimates comes in, read into one list of entries (one estimate
//! each): wide, one column per source (as Our World in Data publishes), every filled cell a
//! point; and long, one row per estimate with low/best/high columns (as UCDP publishes), a row
//! with both ends a `range` and one with only a point `exact`.

use std::path::Path;

use foldhash::HashMap;

use super::columns::{roles, value, Roles};
use crate::model::finding::{Code, Finding};
use crate::model::{Qualifier, RowPos, TableDoc};

/// Where each estimate's source and values come from.
#[derive(Debug, Clone)]
pub enum Shape {
    /// One column per source: each filled cell is that source's point.
    Wide { sources: Vec<String> },
    /// One row per estimate, its values in these columns.
    Long {
        source: LongSource,
        low: Option<String>,
        point: Option<String>,
        high: Option<String>,
    },
}

/// The source of a long table's rows.
#[derive(Debug, Clone)]
pub enum LongSource {
    /// Every row is this source's.
    Named(String),
    /// Each row names its source in this column.
    Column(String),
}

/// The columns that say what a row is about, as the command line gave them.
pub struct Layout<'a> {
    pub quantity: &'a [String],
    pub year: Option<&'a str>,
    pub series: &'a [String],
    pub shape: &'a Shape,
    /// Cells that mean "no value" besides an empty one (`NA`, `-999`).
    pub na: &'a [String],
}

/// One estimate the table gives.
#[derive(Debug)]
pub struct Entry {
    /// The index of its row in the table.
    pub row: usize,
    /// The values of the quantity columns, trimmed, in their order.
    pub key: Vec<String>,
    pub year: Option<i32>,
    /// The series columns and their values.
    pub series: Vec<(String, String)>,
    /// The source's name: a column's name (wide), or the long table's source.
    pub source: String,
    /// Each value the row has (`low`, `point`, `high`), its column index and its cell trimmed.
    pub values: Vec<(&'static str, usize, String)>,
    pub qualifier: Qualifier,
}

/// The table read as entries.
#[derive(Debug)]
pub struct Entries {
    pub entries: Vec<Entry>,
    pub roles: Roles,
    /// Value cells left out because they were empty or a missing-value marker.
    pub skipped: usize,
}

/// One row of the table being read, with what reading it needs.
struct Row<'a> {
    index: usize,
    pos: &'a RowPos,
    header: &'a [String],
    cells: &'a [String],
    na: &'a [String],
}

impl Row<'_> {
    /// The trimmed cell of column `c`.
    fn cell(&self, c: usize) -> &str {
        self.cells.get(c).map_or("", |s| s.trim())
    }

    /// The value of column `c`: `Ok(None)` when it has none.
    fn value(&self, c: usize) -> Result<Option<String>, Finding> {
        let name = &self.header[c];
        value(self.cell(c), &self.pos.cell(name), name, self.na)
    }

    /// An entry of this row for `source`, with its key and series filled in later.
    fn entry(&self, source: String, values: Vec<(&'static str, usize, String)>) -> Entry {
        let qualifier = if values.len() == 1 {
            Qualifier::Exact
        } else {
            Qualifier::Range
        };
        Entry {
            row: self.index,
            key: Vec::new(),
            year: None,
            series: Vec::new(),
            source,
            values,
            qualifier,
        }
    }
}

/// Reads every row of `table` as the layout says; `Err` holds every problem found.
pub fn entries(table: &TableDoc, path: &Path, layout: &Layout) -> Result<Entries, Vec<Finding>> {
    let roles = roles(&table.header, path, layout)?;
    let mut findings = Vec::new();
    let mut read = Entries {
        entries: Vec::new(),
        roles,
        skipped: 0,
    };
    let mut seen: HashMap<(Vec<String>, String), u64> = HashMap::default();
    for (index, (pos, cells)) in table.rows.iter().enumerate() {
        let row = Row {
            index,
            pos,
            header: &table.header,
            cells,
            na: layout.na,
        };
        let roles = &read.roles;
        let key: Vec<String> = roles.key.iter().map(|&c| row.cell(c).to_string()).collect();
        let year = match roles.year.map(|c| (c, row.cell(c).parse::<i32>())) {
            None => None,
            Some((_, Ok(y))) => Some(y),
            Some((c, Err(_))) => {
                let name = &table.header[c];
                findings.push(Finding::error(
                    Code::BadYear,
                    &pos.cell(name),
                    format!("`{name}` value `{}` is not a year; --year needs a whole number such as 1937 in every row", row.cell(c)),
                ));
                continue;
            }
        };
        let series: Vec<(String, String)> = roles
            .series
            .iter()
            .map(|&c| (table.header[c].clone(), row.cell(c).to_string()))
            .collect();
        let found = match layout.shape {
            Shape::Wide { .. } => wide_row(&row, roles, &mut read.skipped),
            Shape::Long { source, .. } => long_row(&row, roles, source, &mut read.skipped),
        };
        let row_entries = match found {
            Ok(e) => e,
            Err(mut f) => {
                findings.append(&mut f);
                continue;
            }
        };
        for mut entry in row_entries {
            if let Some(first) = seen.insert((key.clone(), entry.source.clone()), pos.start.line) {
                findings.push(Finding::error(
                    Code::DuplicateId,
                    &pos.start,
                    format!(
                        "this row gives the quantity ({}) from source `{}` again (line {first} gave it first); add the column that tells the two rows apart to --quantity",
                        key.join(", "),
                        entry.source
                    ),
                ));
                continue;
            }
            (entry.key, entry.year, entry.series) = (key.clone(), year, series.clone());
            read.entries.push(entry);
        }
    }
    if findings.is_empty() {
        Ok(read)
    } else {
        Err(findings)
    }
}

/// The entries of a wide row: one per filled source cell, each an exact point.
fn wide_row(row: &Row, roles: &Roles, skipped: &mut usize) -> Result<Vec<Entry>, Vec<Finding>> {
    let mut out = Vec::new();
    let mut findings = Vec::new();
    for &c in &roles.sources {
        match row.value(c) {
            Ok(Some(v)) => out.push(row.entry(row.header[c].clone(), vec![("point", c, v)])),
            Ok(None) => *skipped += 1,
            Err(f) => findings.push(f),
        }
    }
    if findings.is_empty() {
        Ok(out)
    } else {
        Err(findings)
    }
}

/// The entry of a long row: a `range` when it has both ends (its point, if any, the central
/// value), `exact` with only a point, none when it has no value.
fn long_row(
    row: &Row,
    roles: &Roles,
    source: &super::LongSource,
    skipped: &mut usize,
) -> Result<Vec<Entry>, Vec<Finding>> {
    let mut values = Vec::new();
    let mut findings = Vec::new();
    for &(name, c) in &roles.values {
        match row.value(c) {
            Ok(Some(v)) => values.push((name, c, v)),
            Ok(None) => *skipped += 1,
            Err(f) => findings.push(f),
        }
    }
    if !findings.is_empty() {
        return Err(findings);
    }
    let has = |v: &str| values.iter().find(|(n, _, _)| *n == v).map(|(_, c, _)| *c);
    let missing_end = match (has("low"), has("point"), has("high")) {
        (None, None, None) => return Ok(Vec::new()),
        (Some(_), _, Some(_)) | (None, Some(_), None) => None,
        (Some(c), _, None) => Some((c, "low", "high")),
        (None, _, Some(c)) => Some((c, "high", "low")),
    };
    if let Some((c, has, lacks)) = missing_end {
        return Err(vec![Finding::error(
            Code::MissingValue,
            &row.pos.cell(&row.header[c]),
            format!("this row has a `{has}` but no `{lacks}`: a range needs both ends; fill the other end, or leave both empty to import the point alone"),
        )]);
    }
    let numbers: Vec<(usize, f64)> = values
        .iter()
        .filter_map(|(_, c, v)| Some((*c, v.parse::<f64>().ok()?)))
        .collect();
    if let Some(w) = numbers.windows(2).find(|w| w[0].1 > w[1].1) {
        let (a, b) = (&row.header[w[0].0], &row.header[w[1].0]);
        return Err(vec![Finding::error(
            Code::BadOrder,
            &row.pos.cell(b),
            format!(
                "`{a}` ({}) is greater than `{b}` ({}); expected low <= point <= high",
                w[0].1, w[1].1
            ),
        )]);
    }
    let name = match (source, roles.source) {
        (_, Some(c)) if row.cell(c).is_empty() => {
            return Err(vec![Finding::error(
                Code::MissingValue,
                &row.pos.cell(&row.header[c]),
                format!(
                    "this row names no source: its `{}` cell is empty",
                    row.header[c]
                ),
            )]);
        }
        (_, Some(c)) => row.cell(c).to_string(),
        (super::LongSource::Named(n), None) => n.trim().to_string(),
        (super::LongSource::Column(_), None) => String::new(),
    };
    Ok(vec![row.entry(name, values)])
}

#[cfg(test)]
mod tests;
