//! The positioned CSV reader: a file's header and rows, with the line and column of every cell,
//! and findings for a file that is not UTF-8, empty, or shaped unlike its header.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::english::lines::LineIndex;
use crate::model::finding::{Code, Finding};
use crate::model::{same_name, Loc, RowPos};

use super::{read_bytes, LoadError};

/// The rows of one CSV file, with the position of every cell.
#[derive(Debug)]
pub struct Table {
    /// The header's column names, trimmed.
    pub header: Arc<Vec<String>>,
    pub rows: Vec<Row<'static>>,
}

/// The columns a file may have: those it must have, those it may add, or (a table document)
/// whatever its header says.
#[derive(Debug, Clone, Copy)]
pub struct Columns {
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
    /// True for a document whose columns are its own: no column is required or unknown.
    pub open: bool,
}

impl Columns {
    /// A file whose columns are all required.
    pub const fn fixed(required: &'static [&'static str]) -> Self {
        Columns {
            required,
            optional: &[],
            open: false,
        }
    }

    /// A file with required columns and optional ones.
    pub const fn with_optional(
        required: &'static [&'static str],
        optional: &'static [&'static str],
    ) -> Self {
        Columns {
            required,
            optional,
            open: false,
        }
    }

    /// A table document: any header.
    pub const OPEN: Columns = Columns {
        required: &[],
        optional: &[],
        open: true,
    };

    /// Whether reckon knows a column of this name.
    fn knows(&self, name: &str) -> bool {
        self.open || self.required.contains(&name) || self.optional.contains(&name)
    }

    /// Every column reckon knows, required first.
    fn all(&self) -> Vec<&'static str> {
        self.required.iter().chain(self.optional).copied().collect()
    }
}

/// One data row of a [`Table`], or of a file read row by row.
#[derive(Debug)]
pub struct Row<'r> {
    pub pos: RowPos,
    header: Arc<Vec<String>>,
    /// The cells, in one buffer (a row of sixteen cells is two allocations, not sixteen),
    /// borrowed from the reader while the row is handed on: a row made into a model object
    /// and dropped costs no copy of its cells.
    fields: Cow<'r, csv::StringRecord>,
}

impl Row<'_> {
    /// The header's column names and the row's cells, in file order.
    pub fn into_parts(self) -> (RowPos, Vec<String>) {
        (self.pos, self.fields.iter().map(str::to_string).collect())
    }

    /// The row with its cells copied out of the reader, to be kept.
    fn into_owned(self) -> Row<'static> {
        Row {
            pos: self.pos,
            header: self.header,
            fields: Cow::Owned(self.fields.into_owned()),
        }
    }

    /// Whether the file has a column `name` (a required one may be missing: it reads as empty).
    pub fn has(&self, name: &str) -> bool {
        self.header.iter().any(|h| same_name(h, name))
    }

    /// The cell under column `name`; empty when the file has no such column.
    pub fn get(&self, name: &str) -> &str {
        self.header
            .iter()
            .position(|h| same_name(h, name))
            .and_then(|i| self.fields.get(i))
            .unwrap_or("")
    }
}

/// Byte offsets where each field of the record starting at `start` begins (quote-aware), into
/// `starts` (a buffer reused from row to row).
fn field_starts(raw: &[u8], start: usize, count: usize, starts: &mut Vec<usize>) {
    starts.clear();
    starts.push(start);
    let mut in_quotes = false;
    let mut i = start;
    while i < raw.len() && starts.len() < count {
        match raw[i] {
            b'"' if in_quotes && raw.get(i + 1) == Some(&b'"') => i += 1,
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => starts.push(i + 1),
            b'\n' | b'\r' if !in_quotes => break,
            _ => {}
        }
        i += 1;
    }
}

/// Reads a CSV table, reporting header and shape problems as findings.
///
/// Returns `None` when the file cannot be used at all (not UTF-8, empty, not comma-separated);
/// a required column missing from the header is read as empty.
pub fn read_table(
    path: &Path,
    columns: &Columns,
    needs_rows: bool,
    findings: &mut Vec<Finding>,
    inputs: &mut Vec<PathBuf>,
) -> Result<Option<Table>, LoadError> {
    let bytes = read_bytes(path, inputs)?;
    Ok(parse_table(&bytes, path, columns, needs_rows, findings))
}

/// A CSV table from the bytes of `path`, already read: [`read_table`] without the disk.
pub fn parse_table(
    bytes: &[u8],
    path: &Path,
    columns: &Columns,
    needs_rows: bool,
    findings: &mut Vec<Finding>,
) -> Option<Table> {
    let mut rows = Vec::new();
    let header = parse_rows(bytes, path, columns, needs_rows, findings, |row, _| {
        rows.push(row.into_owned())
    });
    header.map(|header| Table { header, rows })
}

/// The rows of a CSV file from its bytes, already read, handing each row to `each` as soon as
/// it is read. Returns the header, or `None` when the file cannot be used at all.
pub fn parse_rows(
    bytes: &[u8],
    path: &Path,
    columns: &Columns,
    needs_rows: bool,
    findings: &mut Vec<Finding>,
    each: impl FnMut(Row, &mut Vec<Finding>),
) -> Option<Arc<Vec<String>>> {
    let Opened {
        csv,
        reader,
        header,
    } = open(bytes, path, columns, findings)?;
    let mut each = each;
    let read = read_records(reader, &csv, &header, Span::ALL, findings, &mut each);
    no_rows(&csv, read.any, needs_rows, findings);
    Some(header)
}

/// A CSV file opened: its text with what it takes to point into it, a reader past its header,
/// and the header.
struct Opened<'a> {
    csv: Csv<'a>,
    reader: csv::Reader<&'a [u8]>,
    header: Arc<Vec<String>>,
}

/// The file of `bytes` opened; `None`, with a finding, when it cannot be used at all.
fn open<'a>(
    bytes: &'a [u8],
    path: &Path,
    columns: &Columns,
    findings: &mut Vec<Finding>,
) -> Option<Opened<'a>> {
    let file = Arc::new(path.to_path_buf());
    let text = decode(bytes, &file, &columns.required.join(","), findings)?;
    let csv = Csv {
        file,
        text,
        index: LineIndex::new(text),
    };
    let mut reader = reader(text.as_bytes(), true);
    let header = Arc::new(header::read_header(&mut reader, &csv, columns, findings)?);
    Some(Opened {
        csv,
        reader,
        header,
    })
}

/// A CSV reader of `bytes` as reckon reads every file (rows may be short or long: each is
/// checked against the header).
fn reader(bytes: &[u8], has_headers: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(has_headers)
        .from_reader(bytes)
}

/// The text of a CSV file with what it takes to point at a place in it.
struct Csv<'a> {
    file: Arc<PathBuf>,
    text: &'a str,
    index: LineIndex<'a>,
}

impl Csv<'_> {
    /// The location of a line and column of this file.
    fn at(&self, line: u64, column: u64) -> Loc {
        Loc {
            file: self.file.clone(),
            line,
            column,
        }
    }

    /// The location of a byte offset of this file.
    fn locate(&self, offset: usize) -> Loc {
        let (line, column) = self.index.locate(offset);
        self.at(line, column)
    }
}

/// The file's bytes as text, without a byte-order mark; `None`, with a finding, when they are
/// not UTF-8 or hold nothing but blanks.
fn decode<'a>(
    bytes: &'a [u8],
    file: &Arc<PathBuf>,
    required: &str,
    findings: &mut Vec<Finding>,
) -> Option<&'a str> {
    let at = |line, column| Loc {
        file: file.clone(),
        line,
        column,
    };
    // A UTF-8 byte-order mark (as spreadsheets write) is accepted and skipped.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.valid_up_to();
            let valid = std::str::from_utf8(&body[..offset]).unwrap_or_default();
            let (line, column) = LineIndex::new(valid).locate(offset);
            let skipped = bytes.len() - body.len();
            findings.push(Finding::error(
                Code::NotUtf8,
                &at(line, column),
                format!(
                    "invalid UTF-8 byte 0x{:02X} at byte offset {}: {}",
                    body[offset],
                    offset + skipped,
                    save_as_utf8(bytes)
                ),
            ));
            return None;
        }
    };
    if text.trim().is_empty() {
        findings.push(Finding::error(
            Code::EmptyFile,
            &at(1, 1),
            format!(
                "the file is empty: it needs a header row ({})",
                if required.is_empty() {
                    "its column names"
                } else {
                    required
                }
            ),
        ));
        return None;
    }
    Some(text)
}

/// What to do about a file that is not UTF-8; a UTF-16 file (as some Windows programs save
/// text) is named as such, from its byte-order mark or from NUL bytes between ASCII letters.
pub(super) fn save_as_utf8(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(200)];
    let bom = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if bom || (head.len() >= 8 && nuls * 3 >= head.len()) {
        "the file is UTF-16; save it as UTF-8"
    } else {
        "save the file as UTF-8"
    }
}

mod control;
mod header;
mod records;
mod split;
use control::control_characters;
pub use header::absent;
use records::{no_rows, read_records, Span};
pub use split::parse_rows_split;
#[cfg(test)]
mod tests;
