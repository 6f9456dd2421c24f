//! A CSV file's header: its column names against the columns reckon knows. A header problem
//! never drops the file's rows: a missing or misspelt column (required, or optional and
//! misspelt) is read as empty, with one finding that names it. Only a file that is not comma-separated is refused, with one finding that
//! says so.

use foldhash::{HashSet, HashSetExt};

use crate::english::suggest::closest;
use crate::model::finding::{Code, Finding};

use super::{field_starts, Columns, Csv};

/// Reads the header; `None` when it cannot be read or the file is not comma-separated. A
/// missing column is an error but the file is read without it; a column named twice is read
/// from its first place; a column reckon does not know is only a warning.
pub(super) fn read_header(
    reader: &mut csv::Reader<&[u8]>,
    csv: &Csv,
    columns: &Columns,
    findings: &mut Vec<Finding>,
) -> Option<Vec<String>> {
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            findings.push(Finding::error(
                Code::CsvSyntax,
                &csv.at(1, 1),
                format!("cannot read the header: {e}"),
            ));
            return None;
        }
    };
    if let Some(finding) = other_delimiter(&header, csv, columns) {
        findings.push(finding);
        return None;
    }
    // Every column's place, found in one walk along the header line (a header can be wide).
    let mut starts = Vec::new();
    field_starts(csv.text.as_bytes(), 0, header.len(), &mut starts);
    let header_cols = csv.index.locate_ascending(&starts);
    let header_loc = |i: usize| {
        let (line, column) = header_cols.get(i).copied().unwrap_or((1, 1));
        csv.at(line, column)
    };
    let mut seen = HashSet::with_capacity(header.len());
    for (i, name) in header.iter().enumerate() {
        if !seen.insert(name.as_str()) {
            findings.push(Finding::error(
                Code::DuplicateColumn,
                &header_loc(i),
                format!("column `{name}` appears twice in the header; only the first is read"),
            ));
        }
    }
    let absent = absent(&header, columns);
    for &(name, guess) in &absent {
        let kind = if columns.required.contains(&name) {
            "required"
        } else {
            "optional"
        };
        let consequence = format!(
            "until it is there, `{name}` is read as empty and nothing that depends on it is checked"
        );
        let (at, message) = match guess.and_then(|g| Some((g, header.iter().position(|h| h == g)?))) {
            Some((guess, i)) => (
                header_loc(i),
                format!(
                    "{kind} column `{name}` is missing from the header: `{guess}` looks like a misspelling of it; rename it ({consequence})"
                ),
            ),
            None => (
                csv.at(1, 1),
                format!(
                    "{kind} column `{name}` is missing from the header; expected columns: {} ({consequence})",
                    columns.required.join(",")
                ),
            ),
        };
        findings.push(Finding::error(Code::MissingColumn, &at, message));
    }
    // Unknown columns taken for a misspelling of an absent one are named once, by that finding.
    let misspelt: Vec<&str> = absent.iter().filter_map(|(_, guess)| *guess).collect();
    for (i, name) in header.iter().enumerate() {
        if !columns.knows(name) && !misspelt.contains(&name.as_str()) {
            let hint = closest(name, columns.all())
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| "; it is kept but not used".to_string());
            findings.push(Finding::warning(
                Code::UnknownColumn,
                &header_loc(i),
                format!("column `{name}` is not one reckon knows{hint}"),
            ));
        }
    }
    Some(header)
}

/// The one finding for a file separated by semicolons or tabs (as a spreadsheet set to a
/// European locale saves "CSV"): read with commas, its header is a single column whose name
/// holds the separator ("id;name;kind;note") and names a column reckon knows.
fn other_delimiter(header: &[String], csv: &Csv, columns: &Columns) -> Option<Finding> {
    let [only] = header else {
        return None;
    };
    let (separator, named) = [(';', "semicolons (;)"), ('\t', "tabs")]
        .into_iter()
        .find(|(separator, _)| only.contains(*separator))?;
    let names: Vec<&str> = only.split(separator).map(str::trim).collect();
    if !columns.open && !names.iter().any(|n| columns.knows(n)) {
        return None;
    }
    Some(Finding::error(
        Code::WrongDelimiter,
        &csv.at(1, 1),
        format!(
            "the file is separated by {named}, not commas, so none of its {} columns can be read; save it as comma-separated CSV (a spreadsheet set to a European locale writes semicolons: choose the comma as field separator when saving)",
            names.len()
        ),
    ))
}

/// The columns reckon knows that `header` lacks and that are reported: every required one, and
/// an optional one that an unknown column misspells (a `citatoin` column leaves `citation`
/// empty). Each comes with the unknown column taken for its misspelling, if any.
pub fn absent<'h>(header: &'h [String], columns: &Columns) -> Vec<(&'static str, Option<&'h str>)> {
    let mut unknown: Vec<&str> = header
        .iter()
        .map(String::as_str)
        .filter(|h| !columns.knows(h))
        .collect();
    let mut absent = Vec::new();
    let missing = |c: &&&str| !header.iter().any(|h| h == **c);
    for name in columns.required.iter().filter(missing) {
        let guess = closest(name, unknown.iter().copied());
        unknown.retain(|u| Some(*u) != guess);
        absent.push((*name, guess));
    }
    for name in columns.optional.iter().filter(missing) {
        if let Some(guess) = closest(name, unknown.iter().copied()) {
            unknown.retain(|u| *u != guess);
            absent.push((*name, Some(guess)));
        }
    }
    absent
}
