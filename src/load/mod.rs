//! Loading a dataset folder into the model, remembering where every cell came from.
//!
//! Problems inside the files (a bad number, a missing column, a stray byte) become findings so
//! that one bad row never hides the others; only a folder or file that cannot be read at all is
//! a [`LoadError`].

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use thiserror::Error;

use crate::english::lines::LineIndex;
use crate::english::suggest::closest;
use crate::model::finding::Finding;
use crate::model::{
    Dataset, Estimate, Loc, Qualifier, Quantity, Relation, RelationKind, RowPos, Source,
    SourceKind, Text,
};

/// The largest number accepted in a numeric column; anything above is a typo, not a figure.
pub const MAX_VALUE: f64 = 1e15;

/// A dataset that cannot be read at all (as opposed to one with findings).
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("data folder {0} does not exist (pass the dataset folder with --data DIR)")]
    MissingDir(PathBuf),
    #[error("{0} is not a folder (pass the dataset folder with --data DIR)")]
    NotADir(PathBuf),
    #[error("{path} is missing: a dataset needs {what}")]
    MissingFile { path: PathBuf, what: &'static str },
    #[error("{0} is a folder, but a file is expected there")]
    NotAFile(PathBuf),
    #[error("{0} is not a regular file (a device, a pipe or a socket): give reckon a file")]
    Special(PathBuf),
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
}

/// A dataset together with the findings made while reading it.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub findings: Vec<Finding>,
}

/// The columns of each file, as README documents them.
pub mod columns {
    pub const TEXTS: &[&str] = &["id", "file", "title", "attribution"];
    pub const SOURCES: &[&str] = &["id", "name", "kind", "note"];
    pub const QUANTITIES: &[&str] = &[
        "id",
        "label",
        "category",
        "unit",
        "region",
        "period_start",
        "period_end",
        "parent",
        "description",
    ];
    pub const ESTIMATES: &[&str] = &[
        "id",
        "quantity",
        "source",
        "text",
        "low",
        "point",
        "high",
        "qualifier",
        "quote",
        "note",
    ];
    pub const RELATIONS: &[&str] = &[
        "id", "kind", "target", "operands", "factor", "quote", "note",
    ];
    pub const CONTEXT: &[&str] = &["id", "text", "topic", "quote", "note"];
}

/// Reads every file of the dataset in `dir`.
pub fn load(dir: &Path) -> Result<Loaded, LoadError> {
    if !dir.exists() {
        return Err(LoadError::MissingDir(dir.to_path_buf()));
    }
    if !dir.is_dir() {
        return Err(LoadError::NotADir(dir.to_path_buf()));
    }
    let mut findings = Vec::new();
    let mut dataset = Dataset {
        dir: dir.to_path_buf(),
        ..Dataset::default()
    };

    crate::present::write::protect([dir.join("datapackage.json").as_path()]);
    (dataset.texts, dataset.unreadable_texts) = load_texts(dir, &mut findings)?;

    let path = required_file(dir, "sources.csv", "sources.csv (id,name,kind,note)")?;
    read_rows(&path, columns::SOURCES, true, &mut findings, |r, f| {
        dataset.sources.push(source(&r, f))
    })?;

    let path = required_file(
        dir,
        "quantities.csv",
        "quantities.csv (id,label,category,unit,region,period_start,period_end,parent,description)",
    )?;
    read_rows(&path, columns::QUANTITIES, true, &mut findings, |r, f| {
        dataset.quantities.push(quantity(&r, f))
    })?;

    let path = required_file(
        dir,
        "estimates.csv",
        "estimates.csv (id,quantity,source,text,low,point,high,qualifier,quote,note)",
    )?;
    read_rows(&path, columns::ESTIMATES, true, &mut findings, |r, f| {
        dataset.estimates.push(estimate(&r, f))
    })?;

    let path = dir.join("relations.csv");
    if present(&path)? {
        read_rows(&path, columns::RELATIONS, false, &mut findings, |r, f| {
            dataset.relations.push(relation(&r, f))
        })?;
    }
    let path = dir.join("context.csv");
    if present(&path)? {
        if let Some(table) = read_table(&path, columns::CONTEXT, false, &mut findings)? {
            dataset.contexts = table
                .rows
                .iter()
                .map(|r| crate::model::Context {
                    id: r.get("id").to_string(),
                    text: r.get("text").trim().to_string(),
                    topic: r.get("topic").to_string(),
                    quote: r.get("quote").to_string(),
                    note: r.get("note").to_string(),
                    pos: r.pos.clone(),
                })
                .collect();
        }
    }
    Ok(Loaded { dataset, findings })
}

/// Whether a file is there; a path that cannot even be inspected (a symbolic-link loop, a
/// folder without permission) is an error rather than a silently absent file.
fn present(path: &Path) -> Result<bool, LoadError> {
    path.try_exists().map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn required_file(dir: &Path, name: &str, what: &'static str) -> Result<PathBuf, LoadError> {
    let path = dir.join(name);
    if !present(&path)? {
        return Err(LoadError::MissingFile { path, what });
    }
    if path.is_dir() {
        return Err(LoadError::NotAFile(path));
    }
    Ok(path)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    if path.is_dir() {
        return Err(LoadError::NotAFile(path.to_path_buf()));
    }
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(LoadError::Special(path.to_path_buf()));
    }
    // Whatever reckon reads, no output of the same run may overwrite.
    crate::present::write::protect([path]);
    fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Texts come from `texts.csv` when present, else from every `texts/*.txt` (id = file stem).
fn load_texts(
    dir: &Path,
    findings: &mut Vec<Finding>,
) -> Result<(Vec<Text>, Vec<String>), LoadError> {
    let listing = dir.join("texts.csv");
    let mut texts = Vec::new();
    let mut unreadable = Vec::new();
    if present(&listing)? {
        let Some(table) = read_table(&listing, columns::TEXTS, true, findings)? else {
            return Ok((texts, unreadable));
        };
        for row in &table.rows {
            let loc = row.pos.cell("file");
            let file = Path::new(row.get("file"));
            // reckon reads only the dataset folder: no absolute paths, no climbing out of it.
            let inside = file
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
            if !inside || row.get("file").trim().is_empty() {
                findings.push(Finding::error(
                    "text-outside",
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
            match read_text_body(&path, &loc, findings)? {
                Some(body) => texts.push(Text {
                    id: row.get("id").to_string(),
                    title: row.get("title").to_string(),
                    attribution: row.get("attribution").to_string(),
                    path,
                    body,
                }),
                None => unreadable.push(row.get("id").to_string()),
            }
        }
        return Ok((texts, unreadable));
    }
    let folder = dir.join("texts");
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(_) => {
            findings.push(Finding::error(
                "text-missing",
                &Loc {
                    file: Arc::new(folder.clone()),
                    line: 1,
                    column: 1,
                },
                "the dataset has no texts: add texts.csv, or put the texts in texts/NAME.txt",
            ));
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
        match read_text_body(&path, &loc, findings)? {
            Some(body) => texts.push(Text {
                title: id.clone(),
                id,
                attribution: String::new(),
                path,
                body,
            }),
            None => unreadable.push(id),
        }
    }
    Ok((texts, unreadable))
}

/// Reads a text; a missing, empty or non-UTF-8 text is a finding at `loc` (where it is named).
fn read_text_body(
    path: &Path,
    loc: &Loc,
    findings: &mut Vec<Finding>,
) -> Result<Option<String>, LoadError> {
    if !present(path)? {
        findings.push(Finding::error(
            "text-missing",
            loc,
            format!("text file {} does not exist", path.display()),
        ));
        return Ok(None);
    }
    // A device or a pipe (a symbolic link to /dev/zero, say) would never end.
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        findings.push(Finding::error(
            "text-not-a-file",
            loc,
            format!("{} is not a regular file", path.display()),
        ));
        return Ok(None);
    }
    let bytes = read_bytes(path)?;
    // A byte-order mark is not part of the text.
    let (bytes, skipped) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), 3),
        None => (bytes, 0),
    };
    match String::from_utf8(bytes) {
        Ok(body) if body.trim().is_empty() => {
            findings.push(Finding::error(
                "text-empty",
                loc,
                format!("text file {} is empty", path.display()),
            ));
            Ok(None)
        }
        Ok(body) => Ok(Some(body)),
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
                "not-utf8",
                &at,
                format!(
                    "text file {} is not UTF-8: invalid byte 0x{:02X} at byte offset {}: save it as UTF-8 (named by {}:{})",
                    path.display(),
                    e.as_bytes()[offset],
                    offset + skipped,
                    loc.file.display(),
                    loc.line
                ),
            ));
            Ok(None)
        }
    }
}

/// One CSV file read with its header and the position of every cell.
#[derive(Debug)]
pub struct Table {
    pub header: Arc<Vec<String>>,
    pub rows: Vec<Row>,
}

/// One data row of a [`Table`].
#[derive(Debug)]
pub struct Row {
    pub pos: RowPos,
    header: Arc<Vec<String>>,
    fields: Vec<String>,
}

impl Row {
    /// The cell under column `name`; empty when the file has no such column.
    pub fn get(&self, name: &str) -> &str {
        self.header
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.fields.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Byte offsets where each field of the record starting at `start` begins (quote-aware).
fn field_starts(raw: &[u8], start: usize, count: usize) -> Vec<usize> {
    let mut starts = vec![start];
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
    starts
}

/// Reads a CSV table, reporting header and shape problems as findings.
///
/// Returns `None` when the file cannot be used at all (not UTF-8, empty, required column missing).
pub fn read_table(
    path: &Path,
    required: &[&str],
    needs_rows: bool,
    findings: &mut Vec<Finding>,
) -> Result<Option<Table>, LoadError> {
    let mut rows = Vec::new();
    let header = read_rows(path, required, needs_rows, findings, |row, _| {
        rows.push(row)
    })?;
    Ok(header.map(|header| Table { header, rows }))
}

/// Reads a CSV file row by row, handing each row to `each` as soon as it is read, so that a
/// file of a million rows is never held as rows and model objects at the same time.
///
/// Returns the header, or `None` when the file cannot be used at all.
pub fn read_rows(
    path: &Path,
    required: &[&str],
    needs_rows: bool,
    findings: &mut Vec<Finding>,
    mut each: impl FnMut(Row, &mut Vec<Finding>),
) -> Result<Option<Arc<Vec<String>>>, LoadError> {
    let file = Arc::new(path.to_path_buf());
    let at = |line, column| Loc {
        file: file.clone(),
        line,
        column,
    };
    let bytes = read_bytes(path)?;
    // A UTF-8 byte-order mark (as spreadsheets write) is accepted and skipped.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.valid_up_to();
            let valid = std::str::from_utf8(&body[..offset]).unwrap_or_default();
            let (line, column) = LineIndex::new(valid).locate(offset);
            let skipped = bytes.len() - body.len();
            findings.push(Finding::error(
                "not-utf8",
                &at(line, column),
                format!(
                    "invalid UTF-8 byte 0x{:02X} at byte offset {}: save the file as UTF-8",
                    body[offset],
                    offset + skipped
                ),
            ));
            return Ok(None);
        }
    };
    if text.trim().is_empty() {
        findings.push(Finding::error(
            "empty-file",
            &at(1, 1),
            format!(
                "the file is empty: it needs a header row ({})",
                required.join(",")
            ),
        ));
        return Ok(None);
    }
    let index = LineIndex::new(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            findings.push(Finding::error(
                "csv-syntax",
                &at(1, 1),
                format!("cannot read the header: {e}"),
            ));
            return Ok(None);
        }
    };
    let header_cols = field_starts(text.as_bytes(), 0, header.len());
    let header_loc = |i: usize| {
        let (line, column) = index.locate(header_cols.get(i).copied().unwrap_or(0));
        at(line, column)
    };
    let mut usable = true;
    for (i, name) in header.iter().enumerate() {
        if header[..i].contains(name) {
            findings.push(Finding::error(
                "duplicate-column",
                &header_loc(i),
                format!("column `{name}` appears twice in the header"),
            ));
            usable = false;
        }
    }
    let unknown: Vec<&String> = header
        .iter()
        .filter(|h| !required.contains(&h.as_str()))
        .collect();
    for name in required {
        if !header.iter().any(|h| h == name) {
            let hint = closest(name, unknown.iter().map(|s| s.as_str()))
                .map(|c| format!(" (is `{c}` a misspelling of it?)"))
                .unwrap_or_default();
            findings.push(Finding::error(
                "missing-column",
                &at(1, 1),
                format!(
                    "required column `{name}` is missing from the header{hint}; expected columns: {}",
                    required.join(",")
                ),
            ));
            usable = false;
        }
    }
    for (i, name) in header.iter().enumerate() {
        if !required.contains(&name.as_str()) {
            let hint = closest(name, required.iter().copied())
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| "; it is kept but not used".to_string());
            findings.push(Finding::warning(
                "unknown-column",
                &header_loc(i),
                format!("column `{name}` is not one reckon knows{hint}"),
            ));
        }
    }
    if !usable {
        return Ok(None);
    }
    let header = Arc::new(header);
    let mut any = false;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => any = true,
            Err(e) => {
                any = true;
                let (line, column) = e
                    .position()
                    .map(|p| index.locate(p.byte() as usize))
                    .unwrap_or((1, 1));
                findings.push(Finding::error(
                    "csv-syntax",
                    &at(line, column),
                    format!("cannot read this row: {e}"),
                ));
                continue;
            }
        }
        // With CRLF endings the reader's record position can point at the '\n' of the line
        // before; the record starts after it.
        let mut offset = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(text.as_bytes().get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        let (line, column) = index.locate(offset);
        let start = at(line, column);
        if record.len() != header.len() {
            // A record that runs over several lines with the wrong number of fields almost
            // always has a quote that was opened and never closed, swallowing the rows after.
            let breaks: usize = record
                .iter()
                .map(|f| {
                    f.matches('\n').count() + f.matches('\r').count() - f.matches("\r\n").count()
                })
                .sum();
            let end_line = line + breaks as u64;
            let multiline = breaks > 0;
            let hint = if multiline && end_line > line {
                format!(
                    "it runs from line {line} to line {end_line}: a quote (\") opened in it is probably never closed, so the lines after it were read as part of this row"
                )
            } else {
                "quote a field that holds a comma (\"...\")".to_string()
            };
            findings.push(Finding::error(
                "field-count",
                &start,
                format!(
                    "this row has {} fields but the header has {}: {hint}",
                    record.len(),
                    header.len()
                ),
            ));
            continue;
        }
        let cells = field_starts(text.as_bytes(), offset, header.len())
            .into_iter()
            .map(|o| index.locate(o))
            .collect();
        let row = Row {
            pos: RowPos::new(start, cells, header.clone()),
            header: header.clone(),
            fields: record.iter().map(str::to_string).collect(),
        };
        each(row, findings);
    }
    if !any && needs_rows {
        findings.push(Finding::error(
            "no-rows",
            &at(1, 1),
            "the file has a header but no rows",
        ));
    }
    Ok(Some(header))
}

/// Parses a numeric cell. Empty is `None`; anything that is not a plain finite number is a finding.
///
/// Separators ("1,700,000") and words ("1.7 million") are rejected with a hint rather than
/// guessed at: "1,700" means 1.7 in much of Europe. See README, Numbers.
pub fn parse_number(
    cell: &str,
    loc: &Loc,
    column: &str,
    findings: &mut Vec<Finding>,
) -> Option<f64> {
    let s = cell.trim();
    if s.is_empty() {
        return None;
    }
    let plain = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    let value = if plain { s.parse::<f64>().ok() } else { None };
    let problem = match value {
        Some(v) if !v.is_finite() => "is not a finite number".to_string(),
        Some(v) if v < 0.0 => {
            "is negative; figures count or measure, so they are never below 0".to_string()
        }
        Some(v) if v > MAX_VALUE => {
            format!("is absurdly large (over {MAX_VALUE:e}); check for a typo")
        }
        Some(v) => return Some(v),
        None => {
            let hint = if s.contains(',') && s.replace(',', "").parse::<f64>().is_ok() {
                format!("write it without separators: {}", s.replace(',', ""))
            } else if s.chars().any(|c| c.is_alphabetic()) {
                "write the figure in digits without words (1.7 million is 1700000)".to_string()
            } else {
                "write a plain number such as 681692 or 1.5".to_string()
            };
            format!("is not a number; {hint}")
        }
    };
    findings.push(Finding::error(
        "bad-number",
        loc,
        format!("`{column}` value `{s}` {problem}"),
    ));
    None
}

fn parse_year(cell: &str, loc: &Loc, column: &str, findings: &mut Vec<Finding>) -> Option<i32> {
    let s = cell.trim();
    if s.is_empty() {
        return None;
    }
    match s.parse::<i32>() {
        Ok(y) => Some(y),
        Err(_) => {
            findings.push(Finding::error(
                "bad-year",
                loc,
                format!("`{column}` value `{s}` is not a year; write a whole number such as 1937"),
            ));
            None
        }
    }
}

fn optional(cell: &str) -> Option<String> {
    let s = cell.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn source(row: &Row, findings: &mut Vec<Finding>) -> Source {
    let raw = row.get("kind").trim();
    let kind = SourceKind::parse(raw);
    if kind.is_none() {
        let names: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
        findings.push(Finding::error(
            "bad-kind",
            &row.pos.cell("kind"),
            format!("source kind `{raw}` is not one of: {}", names.join(", ")),
        ));
    }
    Source {
        id: row.get("id").to_string(),
        name: row.get("name").to_string(),
        kind,
        note: row.get("note").to_string(),
        pos: row.pos.clone(),
    }
}

fn quantity(row: &Row, findings: &mut Vec<Finding>) -> Quantity {
    Quantity {
        id: row.get("id").to_string(),
        label: row.get("label").to_string(),
        category: row.get("category").trim().to_string(),
        unit: row.get("unit").trim().to_string(),
        region: row.get("region").to_string(),
        period_start: parse_year(
            row.get("period_start"),
            &row.pos.cell("period_start"),
            "period_start",
            findings,
        ),
        period_end: parse_year(
            row.get("period_end"),
            &row.pos.cell("period_end"),
            "period_end",
            findings,
        ),
        parent: optional(row.get("parent")),
        description: row.get("description").to_string(),
        pos: row.pos.clone(),
    }
}

fn estimate(row: &Row, findings: &mut Vec<Finding>) -> Estimate {
    let number = |name: &str, findings: &mut Vec<Finding>| {
        parse_number(row.get(name), &row.pos.cell(name), name, findings)
    };
    let low = number("low", findings);
    let point = number("point", findings);
    let high = number("high", findings);
    let unreadable: Vec<&'static str> = [("low", low), ("point", point), ("high", high)]
        .into_iter()
        .filter(|(name, value)| value.is_none() && !row.get(name).trim().is_empty())
        .map(|(name, _)| name)
        .collect();
    let raw = row.get("qualifier").trim();
    let qualifier = Qualifier::parse(raw);
    if qualifier.is_none() {
        let names: Vec<&str> = Qualifier::ALL.iter().map(|q| q.as_str()).collect();
        let hint = closest(raw, names.iter().copied())
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        findings.push(Finding::error(
            "bad-qualifier",
            &row.pos.cell("qualifier"),
            format!(
                "qualifier `{raw}` is not in the vocabulary{hint}: {}",
                names.join(", ")
            ),
        ));
    }
    Estimate {
        id: row.get("id").to_string(),
        quantity: row.get("quantity").trim().to_string(),
        source: row.get("source").trim().to_string(),
        text: row.get("text").trim().to_string(),
        low,
        point,
        high,
        qualifier,
        quote: row.get("quote").to_string(),
        note: row.get("note").to_string(),
        pos: row.pos.clone(),
        unreadable,
    }
}

fn relation(row: &Row, findings: &mut Vec<Finding>) -> Relation {
    let raw = row.get("kind").trim();
    let kind = RelationKind::parse(raw);
    if kind.is_none() {
        let names: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
        findings.push(Finding::error(
            "bad-kind",
            &row.pos.cell("kind"),
            format!("relation kind `{raw}` is not one of: {}", names.join(", ")),
        ));
    }
    let factor = parse_number(
        row.get("factor"),
        &row.pos.cell("factor"),
        "factor",
        findings,
    );
    let factor_unreadable = factor.is_none() && !row.get("factor").trim().is_empty();
    Relation {
        id: row.get("id").to_string(),
        kind,
        target: row.get("target").trim().to_string(),
        operands: row
            .get("operands")
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        factor,
        quote: row.get("quote").to_string(),
        note: row.get("note").to_string(),
        pos: row.pos.clone(),
        factor_unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc() -> Loc {
        Loc {
            file: Arc::new(PathBuf::from("x.csv")),
            line: 2,
            column: 5,
        }
    }

    #[test]
    fn numbers_are_plain_or_rejected_with_a_hint() {
        let mut f = Vec::new();
        assert_eq!(
            parse_number("681692", &loc(), "point", &mut f),
            Some(681692.0)
        );
        assert_eq!(parse_number(" 1.5 ", &loc(), "point", &mut f), Some(1.5));
        assert_eq!(parse_number("", &loc(), "point", &mut f), None);
        assert!(f.is_empty());
        for bad in ["1,700,000", "-5", "NaN", "inf", "1e300", "1.7 million"] {
            let mut f = Vec::new();
            assert_eq!(parse_number(bad, &loc(), "point", &mut f), None, "{bad}");
            assert_eq!(f.len(), 1, "{bad}");
            assert_eq!(f[0].code, "bad-number");
        }
        let mut f = Vec::new();
        parse_number("1,700,000", &loc(), "point", &mut f);
        assert!(f[0].message.contains("1700000"), "{}", f[0].message);
    }

    #[test]
    fn field_starts_respect_quotes() {
        let raw = b"a,\"b,c\",d\ne,f,g\n";
        assert_eq!(field_starts(raw, 0, 3), vec![0, 2, 8]);
        assert_eq!(field_starts(raw, 10, 3), vec![10, 12, 14]);
    }
}
