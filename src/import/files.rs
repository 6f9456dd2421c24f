//! The dataset's CSV files as an import finds and leaves them: the ids already there, and the
//! new bytes with rows appended (a file created with its header when absent, a missing
//! optional column added with an empty cell in every row). Existing rows are never rewritten
//! otherwise: their bytes, line endings and byte-order mark stay as they were.

use std::fs;
use std::path::{Path, PathBuf};

use foldhash::HashSet;

use super::ImportError;

/// One CSV file of the dataset and the rows an import adds to it.
pub struct CsvFile {
    pub path: PathBuf,
    /// The file as it is on disk; `None` when there is none.
    old: Option<Vec<u8>>,
    header: Vec<String>,
    ids: HashSet<String>,
    /// Where each record of the old file ends (the header's first), before its line break.
    ends: Vec<usize>,
    crlf: bool,
    /// Optional columns the file lacks and the new rows need.
    added_columns: Vec<String>,
    rows: Vec<Vec<(String, String)>>,
    /// For each id, the cell of the column asked for at opening (`texts.csv`: its `file`).
    pub remembered: Vec<(String, String)>,
}

impl CsvFile {
    /// Reads `path` when it exists; `required` are the columns a file must have (and a new one
    /// gets), each checked so that no appended row could lose a cell.
    pub fn open(
        path: PathBuf,
        required: &[&str],
        remember: Option<&str>,
    ) -> Result<Self, ImportError> {
        let refuse = |why: String| {
            ImportError::Dataset(format!(
                "{}: {why}; fix it first (`reckon check` lists its problems), then import again",
                path.display()
            ))
        };
        let old = match fs::read(&path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => return Err(ImportError::Read { path, source }),
        };
        let mut file = CsvFile {
            header: required.iter().map(|s| s.to_string()).collect(),
            old: None,
            ids: HashSet::default(),
            ends: Vec::new(),
            crlf: false,
            added_columns: Vec::new(),
            rows: Vec::new(),
            remembered: Vec::new(),
            path: path.clone(),
        };
        let Some(bytes) = old.filter(|b| !b.iter().all(u8::is_ascii_whitespace)) else {
            return Ok(file);
        };
        let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let text = std::str::from_utf8(&bytes[bom..]).map_err(|e| {
            refuse(format!(
                "it is not UTF-8 (byte offset {})",
                e.valid_up_to() + bom
            ))
        })?;
        file.scan(text, bom, required, remember).map_err(refuse)?;
        file.crlf = text.contains("\r\n");
        file.old = Some(bytes);
        Ok(file)
    }

    /// Reads the old file's text (after a byte-order mark of `bom` bytes): its header, which
    /// must hold `required`; each row's id (and `remember` cell); where each record ends.
    fn scan(
        &mut self,
        text: &str,
        bom: usize,
        required: &[&str],
        remember: Option<&str>,
    ) -> Result<(), String> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(text.as_bytes());
        let mut starts = Vec::new();
        let (mut id_at, mut kept_at) = (None, None);
        for record in reader.records() {
            let record = record.map_err(|e| format!("it cannot be read as CSV ({e})"))?;
            starts.push(record.position().map_or(0, |p| p.byte() as usize));
            let Some(id_at) = id_at else {
                let names: Vec<String> = record.iter().map(|s| s.trim().to_string()).collect();
                if let Some(missing) = required.iter().find(|r| !names.iter().any(|n| n == *r)) {
                    return Err(format!("its header has no column `{missing}`"));
                }
                id_at = Some(names.iter().position(|n| n == "id").unwrap_or(0));
                kept_at = remember.and_then(|r| names.iter().position(|n| n == r));
                self.header = names;
                continue;
            };
            let id = record.get(id_at).unwrap_or("").trim().to_string();
            if let Some(k) = kept_at {
                let kept = record.get(k).unwrap_or("").trim().to_string();
                self.remembered.push((id.clone(), kept));
            }
            self.ids.insert(id);
        }
        // A record ends where the next begins, less the line breaks (and blank lines) between.
        starts.push(text.len());
        for pair in starts.windows(2) {
            let segment = &text.as_bytes()[pair[0]..pair[1]];
            let kept = segment
                .iter()
                .rposition(|b| !matches!(b, b'\r' | b'\n'))
                .map_or(0, |i| i + 1);
            self.ends.push(bom + pair[0] + kept);
        }
        Ok(())
    }

    /// Whether the file is on disk (with at least a header).
    pub fn exists(&self) -> bool {
        self.old.is_some()
    }

    /// Whether the file holds a row with this id.
    #[cfg(test)]
    pub fn has(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Whether the file has a column of this name, or will have it.
    fn knows(&self, column: &str) -> bool {
        self.header
            .iter()
            .chain(&self.added_columns)
            .any(|h| h == column)
    }

    /// Adds a row of `(column, value)` cells; an id already there or added is left alone, and a
    /// column the file lacks is added. Returns whether the row was added.
    pub fn add(&mut self, cells: Vec<(&str, String)>) -> bool {
        let id = cells
            .iter()
            .find(|(c, _)| *c == "id")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        if !self.ids.insert(id) {
            return false;
        }
        for (column, value) in &cells {
            if !value.is_empty() && !self.knows(column) {
                self.added_columns.push(column.to_string());
            }
        }
        self.rows
            .push(cells.into_iter().map(|(c, v)| (c.to_string(), v)).collect());
        true
    }

    /// The number of rows added.
    pub fn added(&self) -> usize {
        self.rows.len()
    }

    /// The file's new bytes; `None` when nothing changes.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        if self.rows.is_empty() {
            return None;
        }
        let newline: &[u8] = if self.crlf { b"\r\n" } else { b"\n" };
        let columns: Vec<String> = self
            .header
            .iter()
            .chain(&self.added_columns)
            .cloned()
            .collect();
        let mut out = match &self.old {
            Some(old) => self.widened(old),
            None => line(&columns, newline),
        };
        if !out.is_empty() && !out.ends_with(b"\n") && !out.ends_with(b"\r") {
            out.extend_from_slice(newline);
        }
        for row in &self.rows {
            let cells: Vec<String> = columns
                .iter()
                .map(|c| {
                    row.iter()
                        .find(|(name, _)| name == c)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                })
                .collect();
            out.extend(line(&cells, newline));
        }
        Some(out)
    }

    /// The old bytes with an empty cell for each added column at the end of every record.
    fn widened(&self, old: &[u8]) -> Vec<u8> {
        if self.added_columns.is_empty() {
            return old.to_vec();
        }
        let mut out = Vec::with_capacity(old.len() + 16 * self.ends.len());
        let mut from = 0;
        for (i, &end) in self.ends.iter().enumerate() {
            out.extend_from_slice(&old[from..end]);
            for column in &self.added_columns {
                out.push(b',');
                if i == 0 {
                    out.extend(field(column).into_bytes());
                }
            }
            from = end;
        }
        out.extend_from_slice(&old[from..]);
        out
    }
}

/// One CSV field, quoted when it must be.
pub fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// One CSV record and its line break.
fn line(cells: &[String], newline: &[u8]) -> Vec<u8> {
    let mut out = cells
        .iter()
        .map(|c| field(c))
        .collect::<Vec<_>>()
        .join(",")
        .into_bytes();
    out.extend_from_slice(newline);
    out
}

/// The rows of a new `texts.csv` for the texts a dataset without one has: every `texts/*.txt`,
/// each named by its file stem, as `check` reads such a folder (README, texts.csv).
pub fn folder_texts(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = fs::read_dir(dir.join("texts")) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            let stem = p.file_stem()?.to_str()?;
            Some((stem.to_string(), format!("texts/{name}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(body: &[u8], required: &[&str]) -> (tempfile::TempDir, CsvFile) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        fs::write(&path, body).unwrap();
        let file = CsvFile::open(path, required, None).unwrap();
        (dir, file)
    }

    #[test]
    fn rows_are_appended_in_the_file_s_column_order_and_line_endings() {
        let (_d, mut f) = file_with(b"\xEF\xBB\xBFname,id\r\nA,a\r\n", &["id"]);
        assert!(f.has("a"));
        assert!(!f.add(vec![("id", "a".into()), ("name", "again".into())]));
        assert!(f.add(vec![("id", "b".into()), ("name", "B, the second".into())]));
        assert_eq!(
            f.bytes().unwrap(),
            b"\xEF\xBB\xBFname,id\r\nA,a\r\n\"B, the second\",b\r\n"
        );
    }

    #[test]
    fn nothing_added_changes_nothing() {
        let (_d, mut f) = file_with(b"id\na\n", &["id"]);
        assert!(!f.add(vec![("id", "a".into())]));
        assert_eq!(f.bytes(), None);
    }

    #[test]
    fn a_missing_optional_column_is_added_with_an_empty_cell_in_every_row() {
        // The last record has no line break, and a quoted cell spans two lines.
        let (_d, mut f) = file_with(b"id,quote\na,\"x\ny\"\n\nb,z", &["id", "quote"]);
        assert!(f.add(vec![
            ("id", "c".into()),
            ("locator", "row=1;column=D".into())
        ]));
        assert_eq!(
            String::from_utf8(f.bytes().unwrap()).unwrap(),
            "id,quote,locator\na,\"x\ny\",\n\nb,z,\nc,,row=1;column=D\n"
        );
        let (_d, mut f) = file_with(b"id,quote\r\na,x\r\n", &["id"]);
        f.add(vec![("id", "c".into()), ("locator", "row=1".into())]);
        assert_eq!(
            f.bytes().unwrap(),
            b"id,quote,locator\r\na,x,\r\nc,,row=1\r\n"
        );
    }

    #[test]
    fn a_new_file_gets_its_header() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = CsvFile::open(dir.path().join("new.csv"), &["id", "name"], None).unwrap();
        assert_eq!(f.bytes(), None);
        f.add(vec![
            ("id", "a".into()),
            ("name", "\"A\"".into()),
            ("url", "u".into()),
        ]);
        assert_eq!(f.bytes().unwrap(), b"id,name,url\na,\"\"\"A\"\"\",u\n");
    }

    #[test]
    fn a_file_without_a_required_column_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        fs::write(&path, "id,nam\n").unwrap();
        let Err(ImportError::Dataset(message)) = CsvFile::open(path, &["id", "name"], None) else {
            panic!("expected a refusal");
        };
        assert!(message.contains("no column `name`"), "{message}");
    }
}
