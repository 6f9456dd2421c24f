//! Reading the records after a CSV file's header: each well-formed row handed on with the
//! place of every cell, a row of the wrong shape made a finding, and where a reader stops when
//! the file is read in two halves.

use std::borrow::Cow;
use std::sync::Arc;

use super::{control_characters, field_starts, Csv, Row};
use crate::model::finding::{Code, Finding};
use crate::model::{Loc, RowPos};

/// The finding for a file with a header and no rows, when it needs rows.
pub(super) fn no_rows(csv: &Csv, any: bool, needs_rows: bool, findings: &mut Vec<Finding>) {
    if !any && needs_rows {
        findings.push(Finding::error(
            Code::NoRows,
            &csv.at(1, 1),
            "the file has a header but no rows",
        ));
    }
}

/// Which records of a file a reader hands on: those of a reader started at byte `base` of the
/// text, up to the first record that starts at or after `stop`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub(super) base: usize,
    pub(super) stop: Option<usize>,
}

impl Span {
    /// The whole file.
    pub(super) const ALL: Span = Span {
        base: 0,
        stop: None,
    };
}

/// What [`read_records`] read: whether there was any record, and whether it stopped at a
/// record starting exactly at its span's `stop` (otherwise it read to the end of the file).
pub(super) struct Read {
    pub(super) any: bool,
    pub(super) stopped: bool,
}

/// Reads the rows after the header, handing each well-formed one to `each`; a row that cannot be
/// read or has the wrong number of fields is a finding instead.
///
/// With a `stop` in `span`, reading ends at a record that starts exactly there; a record that
/// starts past it (the stop was inside a quoted cell) drops the stop and reads on to the end.
pub(super) fn read_records(
    mut reader: csv::Reader<&[u8]>,
    csv: &Csv,
    header: &Arc<Vec<String>>,
    span: Span,
    findings: &mut Vec<Finding>,
    each: &mut impl FnMut(Row, &mut Vec<Finding>),
) -> Read {
    let mut stop = span.stop;
    let mut any = false;
    let mut record = csv::StringRecord::new();
    let mut starts = Vec::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => any = true,
            Err(e) => {
                any = true;
                let at = e.position().map_or_else(
                    || csv.at(1, 1),
                    |p| csv.locate(span.base + p.byte() as usize),
                );
                findings.push(Finding::error(
                    Code::CsvSyntax,
                    &at,
                    format!("cannot read this row: {e}"),
                ));
                continue;
            }
        }
        // With CRLF endings the reader's record position can point at the '\n' of the line
        // before; the record starts after it.
        let mut offset = span.base + record.position().map_or(0, |p| p.byte() as usize);
        while matches!(csv.text.as_bytes().get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        match stop {
            Some(at) if offset == at => {
                return Read { any, stopped: true };
            }
            Some(at) if offset > at => stop = None,
            _ => {}
        }
        let start = csv.locate(offset);
        if record.len() != header.len() {
            findings.push(field_count(&record, &start, header.len()));
            continue;
        }
        field_starts(csv.text.as_bytes(), offset, header.len(), &mut starts);
        let cells = csv.index.locate_ascending(&starts);
        let row = Row {
            pos: RowPos::new(start, cells, header.clone()),
            header: header.clone(),
            fields: Cow::Borrowed(&record),
        };
        control_characters(&row, findings);
        each(row, findings);
    }
    Read {
        any,
        stopped: false,
    }
}

/// The finding for a record starting at `start` whose number of fields is not the header's.
fn field_count(record: &csv::StringRecord, start: &Loc, expected: usize) -> Finding {
    // A record that runs over several lines with the wrong number of fields almost always has a
    // quote that was opened and never closed, swallowing the rows after.
    let breaks: usize = record
        .iter()
        .map(|f| f.matches('\n').count() + f.matches('\r').count() - f.matches("\r\n").count())
        .sum();
    let line = start.line;
    let end_line = line + breaks as u64;
    let hint = if breaks > 0 {
        format!(
            "it runs from line {line} to line {end_line}: a quote (\") opened in it is probably never closed, so the lines after it were read as part of this row"
        )
    } else {
        "quote a field that holds a comma (\"...\")".to_string()
    };
    Finding::error(
        Code::FieldCount,
        start,
        format!(
            "this row has {} fields but the header has {expected}: {hint}",
            record.len()
        ),
    )
}
