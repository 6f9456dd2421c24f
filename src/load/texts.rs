//! The texts of a dataset: listed in `texts.csv`, or every `texts/*.txt`, each read whole as UTF-8.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::english::lines::LineIndex;
use crate::model::finding::{Code, Finding};
use crate::model::{Loc, TableDoc, Text, Unread};

use super::rows::columns;
use super::table::{parse_rows, read_table, Columns, Table};
use super::{present, read_bytes, LoadError};

/// The texts that were read, and the ids of those that could not be.
type Texts = (Vec<Text>, Vec<String>);

/// Texts come from `texts.csv` when present, else from every `texts/*.txt` (id = file stem).
///
/// What of `texts.csv` could not be read goes in `unread`.
pub(super) fn load_texts(
    dir: &Path,
    findings: &mut Vec<Finding>,
    inputs: &mut Vec<PathBuf>,
    unread: &mut Vec<Unread>,
) -> Result<Texts, LoadError> {
    let listing = dir.join("texts.csv");
    if present(&listing)? {
        listed_texts(dir, &listing, findings, inputs, unread)
    } else {
        folder_texts(dir, findings, inputs)
    }
}

/// The texts that `texts.csv` lists, each by a path inside the dataset folder.
fn listed_texts(
    dir: &Path,
    listing: &Path,
    findings: &mut Vec<Finding>,
    inputs: &mut Vec<PathBuf>,
    unread: &mut Vec<Unread>,
) -> Result<Texts, LoadError> {
    let columns = Columns::fixed(columns::TEXTS);
    let table = read_table(listing, &columns, true, findings, inputs)?;
    unread.extend(super::unread(
        "texts.csv",
        &columns,
        table.as_ref().map(|t| &*t.header),
    ));
    match table {
        Some(table) => texts_of_table(dir, &table, findings, inputs),
        None => Ok((Vec::new(), Vec::new())),
    }
}

/// The texts that the rows of `texts.csv` name, read from the dataset folder `dir`.
fn texts_of_table(
    dir: &Path,
    table: &Table,
    findings: &mut Vec<Finding>,
    inputs: &mut Vec<PathBuf>,
) -> Result<Texts, LoadError> {
    let mut texts = Vec::new();
    let mut unreadable = Vec::new();
    for row in &table.rows {
        let loc = row.pos.cell("file");
        let file = Path::new(row.get("file"));
        // reckon reads only the dataset folder: no absolute paths, no climbing out of it.
        let inside = file
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !row.has("file") {
            // The header lacks the column, and says so once.
            unreadable.push(row.get("id").to_string());
            continue;
        }
        if !inside || row.get("file").trim().is_empty() {
            findings.push(Finding::error(
                Code::TextOutside,
                &loc,
                format!(
                    "text file `{}` must be a relative path inside the dataset folder, such as texts/article.txt",
                    row.get("file")
                ),
            ));
            unreadable.push(row.get("id").to_string());
            continue;
        }
        let path = dir.join(file);
        match read_text_body(dir, &path, &loc, findings, inputs)? {
            Some(body) => {
                // A `.csv` file is a table document: estimates point at its cells.
                let table = if file
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("csv"))
                {
                    match table_document(&body, &path, findings) {
                        Some(table) => Some(table),
                        None => {
                            unreadable.push(row.get("id").to_string());
                            continue;
                        }
                    }
                } else {
                    None
                };
                texts.push(Text {
                    id: row.get("id").to_string(),
                    title: row.get("title").to_string(),
                    attribution: row.get("attribution").to_string(),
                    path,
                    body,
                    table,
                })
            }
            None => unreadable.push(row.get("id").to_string()),
        }
    }
    Ok((texts, unreadable))
}

/// Every `texts/*.txt`, in the order of their paths, each named by its file stem.
fn folder_texts(
    dir: &Path,
    findings: &mut Vec<Finding>,
    inputs: &mut Vec<PathBuf>,
) -> Result<Texts, LoadError> {
    let mut texts = Vec::new();
    let mut unreadable = Vec::new();
    let folder = dir.join("texts");
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        // A dataset of citations needs no texts; an estimate that quotes one is told (by
        // check) that there are none.
        Err(_) => {
            return Ok((texts, unreadable));
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let loc = Loc {
            file: Arc::new(path.clone()),
            line: 1,
            column: 1,
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match read_text_body(dir, &path, &loc, findings, inputs)? {
            Some(body) => texts.push(Text {
                title: id.clone(),
                id,
                attribution: String::new(),
                path,
                body,
                table: None,
            }),
            None => unreadable.push(id),
        }
    }
    Ok((texts, unreadable))
}

/// The rows of a table document, each cell placed in its file; `None` (with findings) when it
/// cannot be read as a table.
fn table_document(body: &str, path: &Path, findings: &mut Vec<Finding>) -> Option<TableDoc> {
    let mut rows = Vec::new();
    let header = parse_rows(
        body.as_bytes(),
        path,
        &Columns::OPEN,
        true,
        findings,
        |row, _| rows.push(row.into_parts()),
    )?;
    Some(TableDoc {
        header: header.to_vec(),
        rows,
    })
}

/// Reads a text; a missing, empty or non-UTF-8 text is a finding at `loc` (where it is named).
fn read_text_body(
    dir: &Path,
    path: &Path,
    loc: &Loc,
    findings: &mut Vec<Finding>,
    inputs: &mut Vec<PathBuf>,
) -> Result<Option<String>, LoadError> {
    // A path the system cannot even look up (a trailing `/`, a NUL byte) is a finding on the
    // cell that names it, like a missing file, not a stop without a location.
    match present(path) {
        Ok(true) => {}
        Ok(false) => {
            findings.push(Finding::error(
                Code::TextMissing,
                loc,
                format!("text file {} does not exist", path.display()),
            ));
            return Ok(None);
        }
        Err(LoadError::Read { source, .. }) => {
            findings.push(Finding::error(
                Code::TextMissing,
                loc,
                format!("text file {} cannot be opened: {source}", path.display()),
            ));
            return Ok(None);
        }
        Err(other) => return Err(other),
    }
    // A device or a pipe (a symbolic link to /dev/zero, say) would never end.
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        findings.push(Finding::error(
            Code::TextNotAFile,
            loc,
            format!("{} is not a regular file", path.display()),
        ));
        return Ok(None);
    }
    // A symbolic link (of the text, or of texts/ itself) must not lead out of the dataset
    // folder: reckon would publish whatever file it points to.
    if let (Ok(real), Ok(real_dir)) = (fs::canonicalize(path), fs::canonicalize(dir)) {
        if !real.starts_with(&real_dir) {
            findings.push(Finding::error(
                Code::TextOutside,
                loc,
                format!(
                    "text file {} leads to {}, outside the dataset folder (through a symbolic link); reckon reads only files inside it",
                    path.display(),
                    real.display()
                ),
            ));
            return Ok(None);
        }
    }
    let bytes = read_bytes(path, inputs)?;
    Ok(decode_text(bytes, path, loc, findings))
}

/// A text's bytes as its body; `None`, with a finding at `loc`, when they are empty or not UTF-8.
fn decode_text(
    bytes: Vec<u8>,
    path: &Path,
    loc: &Loc,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    // A byte-order mark is not part of the text.
    let (bytes, skipped) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), 3),
        None => (bytes, 0),
    };
    match String::from_utf8(bytes) {
        Ok(body) if body.trim().is_empty() => {
            findings.push(Finding::error(
                Code::TextEmpty,
                loc,
                format!("text file {} is empty", path.display()),
            ));
            None
        }
        Ok(body) => Some(body),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
            let (line, column) = LineIndex::new(valid).locate(offset);
            let at = Loc {
                file: Arc::new(path.to_path_buf()),
                line,
                column,
            };
            findings.push(Finding::error(
                Code::NotUtf8,
                &at,
                format!(
                    "text file {} is not UTF-8: invalid byte 0x{:02X} at byte offset {}: {} (named by {}:{})",
                    path.display(),
                    e.as_bytes()[offset],
                    offset + skipped,
                    super::table::save_as_utf8(e.as_bytes()),
                    loc.file.display(),
                    loc.line
                ),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests;
