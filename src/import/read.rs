//! Reading the table to import: its bytes as UTF-8, its delimiter (comma, semicolon or tab,
//! detected from the header line or given), and every cell with its line and column, as a
//! [`TableDoc`]. A table `check` could not read as a table document (not UTF-8, a ragged row,
//! a column named twice, an invisible control character) is refused here, each problem a
//! finding at its place.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::english::lines::LineIndex;
use crate::model::finding::{Code, Finding};
use crate::model::{Loc, RowPos, TableDoc};

/// What separates the cells of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    /// The byte itself.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// Its name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Tab => "tab",
        }
    }
}

/// The delimiter of a table: the one of comma, semicolon and tab that its header line holds
/// most often outside quotes; a comma when it holds none (a table of one column) or on a tie.
pub fn detect(text: &str) -> Delimiter {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let all = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];
    let best = (0..3).fold(0, |b, i| if counts[i] > counts[b] { i } else { b });
    all[best]
}

/// The text of the table's bytes, without a byte-order mark (spreadsheets write one, and
/// `check` skips it too); a finding with the offending byte and its offset when they are not
/// UTF-8.
fn decode<'a>(bytes: &'a [u8], file: &Arc<PathBuf>) -> Result<&'a str, Finding> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|e| {
        let offset = e.valid_up_to();
        let valid = std::str::from_utf8(&body[..offset]).unwrap_or_default();
        let (line, column) = LineIndex::new(valid).locate(offset);
        let loc = Loc {
            file: file.clone(),
            line,
            column,
        };
        Finding::error(
            Code::NotUtf8,
            &loc,
            format!(
                "invalid UTF-8 byte 0x{:02X} at byte offset {}: save the table as UTF-8 and import it again",
                body[offset],
                offset + (bytes.len() - body.len())
            ),
        )
    })
}

/// The table read: its cells with their places, and how it was separated.
pub struct Sheet {
    pub table: TableDoc,
    pub delimiter: Delimiter,
}

/// Reads a table from its bytes; `Err` holds every problem that keeps it from being imported.
pub fn read_sheet(
    bytes: &[u8],
    path: &Path,
    given: Option<Delimiter>,
) -> Result<Sheet, Vec<Finding>> {
    let file = Arc::new(path.to_path_buf());
    let at = |index: &LineIndex, offset: usize| {
        let (line, column) = index.locate(offset);
        Loc {
            file: file.clone(),
            line,
            column,
        }
    };
    let text = decode(bytes, &file).map_err(|f| vec![f])?;
    let index = LineIndex::new(text);
    let delimiter = given.unwrap_or_else(|| detect(text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut findings = Vec::new();
    let mut header: Option<Arc<Vec<String>>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let offset = e.position().map_or(0, |p| p.byte() as usize);
                findings.push(Finding::error(
                    Code::CsvSyntax,
                    &at(&index, offset),
                    format!("cannot read this row: {e}"),
                ));
                continue;
            }
        }
        // The reader's position can point at the line break before the record.
        let mut offset = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(text.as_bytes().get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        let Some(names) = &header else {
            let names = read_header(&record, text, offset, delimiter, &mut findings, |o| {
                at(&index, o)
            });
            header = Some(Arc::new(names));
            continue;
        };
        let start = at(&index, offset);
        if record.len() != names.len() {
            findings.push(Finding::error(
                Code::FieldCount,
                &start,
                format!(
                    "this row has {} cells but the header has {}: every row of the table needs one cell per column (the table was read as {}-separated)",
                    record.len(),
                    names.len(),
                    delimiter.name()
                ),
            ));
            continue;
        }
        let cells = index.locate_ascending(&field_starts(
            text.as_bytes(),
            offset,
            names.len(),
            delimiter,
        ));
        let pos = RowPos::new(start, cells, names.clone());
        let fields: Vec<String> = record.iter().map(str::to_string).collect();
        control_characters(&pos, names, &fields, &mut findings);
        rows.push((pos, fields));
    }
    let Some(header) = header.filter(|h| h.iter().any(|n| !n.is_empty())) else {
        return Err(vec![Finding::error(
            Code::EmptyFile,
            &at(&index, 0),
            "the table is empty: it needs a header row and rows under it",
        )]);
    };
    if rows.is_empty() && findings.is_empty() {
        findings.push(Finding::error(
            Code::NoRows,
            &at(&index, 0),
            "the table has a header but no rows: there is nothing to import",
        ));
    }
    if !findings.is_empty() {
        return Err(findings);
    }
    Ok(Sheet {
        table: TableDoc {
            header: header.to_vec(),
            rows,
        },
        delimiter,
    })
}

/// The column names of the header record (trimmed, as `check` reads them), with a finding for
/// a name given twice: a locator could not tell the two columns apart.
fn read_header(
    record: &csv::StringRecord,
    text: &str,
    offset: usize,
    delimiter: Delimiter,
    findings: &mut Vec<Finding>,
    at: impl Fn(usize) -> Loc,
) -> Vec<String> {
    let names: Vec<String> = record.iter().map(|s| s.trim().to_string()).collect();
    let starts = field_starts(text.as_bytes(), offset, names.len(), delimiter);
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            findings.push(Finding::error(
                Code::DuplicateColumn,
                &at(starts.get(i).copied().unwrap_or(offset)),
                format!(
                    "column `{name}` appears twice in the header; give each column its own name"
                ),
            ));
        }
    }
    names
}

/// Byte offsets where each field of the record starting at `start` begins (quote-aware).
fn field_starts(raw: &[u8], start: usize, count: usize, delimiter: Delimiter) -> Vec<usize> {
    let mut starts = vec![start];
    let mut in_quotes = false;
    let mut i = start;
    while i < raw.len() && starts.len() < count {
        match raw[i] {
            b'"' if in_quotes && raw.get(i + 1) == Some(&b'"') => i += 1,
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            b if b == delimiter.byte() && !in_quotes => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// A finding per cell holding a character no output can carry (as `check` finds them in a
/// table document): a control character other than a line break or tab, U+FFFE or U+FFFF.
fn control_characters(
    pos: &RowPos,
    names: &[String],
    fields: &[String],
    findings: &mut Vec<Finding>,
) {
    let forbidden = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    for (name, field) in names.iter().zip(fields) {
        if let Some(c) = field.chars().find(|&c| forbidden(c)) {
            findings.push(Finding::error(
                Code::ControlCharacter,
                &pos.cell(name),
                format!(
                    "`{name}` holds the invisible character U+{:04X}; replace it with a space",
                    c as u32
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Sheet, Vec<Finding>> {
        read_sheet(text.as_bytes(), Path::new("t.csv"), None)
    }

    #[test]
    fn the_delimiter_is_the_one_the_header_uses_most() {
        assert_eq!(detect("Entity,Code,Year\n"), Delimiter::Comma);
        assert_eq!(detect("Entity;Code;Year\n1,5;2;3"), Delimiter::Semicolon);
        assert_eq!(detect("Entity\tCode\tYear"), Delimiter::Tab);
        // A comma inside a quoted name is not a delimiter.
        assert_eq!(detect("\"Deaths, all\";Year\n"), Delimiter::Semicolon);
        // Only the header line counts: decimal commas below it do not.
        assert_eq!(detect("a;b\n1,5;2,5,3,4\n"), Delimiter::Semicolon);
        assert_eq!(detect("Deaths\n1\n"), Delimiter::Comma);
    }

    #[test]
    fn cells_keep_their_places_in_any_delimiter() {
        for (text, delimiter) in [
            (
                "Entity,Year,Deaths\nChina,1959,\"4,484\"\n",
                Delimiter::Comma,
            ),
            (
                "Entity;Year;Deaths\nChina;1959;4,484\n",
                Delimiter::Semicolon,
            ),
            (
                "Entity\tYear\tDeaths\r\nChina\t1959\t4,484\r\n",
                Delimiter::Tab,
            ),
        ] {
            let sheet = read(text).unwrap();
            assert_eq!(sheet.delimiter, delimiter);
            assert_eq!(sheet.table.header, ["Entity", "Year", "Deaths"]);
            let (pos, cells) = &sheet.table.rows[0];
            assert_eq!(cells, &["China", "1959", "4,484"]);
            assert_eq!(pos.cell("Deaths").line, 2);
            assert_eq!(pos.cell("Deaths").column, 12, "{text:?}");
        }
    }

    #[test]
    fn a_ragged_row_names_its_line() {
        let found = read("a,b\n1,2\n3\n4,5,6\n").err().unwrap();
        let places: Vec<(u64, Code)> = found.iter().map(|f| (f.line, f.code)).collect();
        assert_eq!(places, [(3, Code::FieldCount), (4, Code::FieldCount)]);
        assert!(found[0].message.contains("1 cells but the header has 2"));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_their_offset() {
        let found = read_sheet(b"a,b\n1,\xE9\n", Path::new("t.csv"), None)
            .err()
            .unwrap();
        assert_eq!(found[0].code, Code::NotUtf8);
        assert_eq!((found[0].line, found[0].column), (2, 3));
        assert!(
            found[0].message.contains("0xE9 at byte offset 6"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_table_without_rows_or_with_a_column_twice_is_refused() {
        assert_eq!(read("a,b\n").err().unwrap()[0].code, Code::NoRows);
        assert_eq!(read("").err().unwrap()[0].code, Code::EmptyFile);
        let found = read("a,b,a\n1,2,3\n").err().unwrap();
        assert_eq!((found[0].code, found[0].column), (Code::DuplicateColumn, 5));
        let found = read("a,b\n1,x\u{1b}y\n").err().unwrap();
        assert_eq!(
            (found[0].code, found[0].column),
            (Code::ControlCharacter, 3)
        );
    }
}
