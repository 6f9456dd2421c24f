//! `reckon import`: a published table of estimates brought into a dataset as a table document
//! (README, Importing a table). The table is copied into `texts/` and listed in `texts.csv`;
//! each filled value cell becomes a `cell` estimate whose locator names its row by the key
//! columns, so `check` verifies it against the copy. Everything is planned in memory first: a
//! problem anywhere means nothing is written, and a second run finds every row present.

mod columns;
mod files;

pub use files::field;
mod ids;
mod read;
mod rows;
mod shape;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::finding::Finding;
use crate::model::SourceKind;

pub use read::Delimiter;
pub use shape::{LongSource, Shape};

/// What to import, and how to read it: the command line's flags as plain data.
#[derive(Debug, Clone)]
pub struct Spec {
    pub table: PathBuf,
    pub data: PathBuf,
    pub shape: Shape,
    pub quantity: Vec<String>,
    pub year: Option<String>,
    pub series: Vec<String>,
    pub category: String,
    pub unit: String,
    pub source_kind: SourceKind,
    pub na: Vec<String>,
    pub delimiter: Option<Delimiter>,
    pub text_id: Option<String>,
    pub title: Option<String>,
    pub attribution: String,
}

/// Why an import did not happen; in every case nothing was written.
#[derive(Debug, Error)]
pub enum ImportError {
    /// Problems in the table, each at its file, line and column.
    #[error("{}\nthe table cannot be imported as it is ({} problem(s)); nothing was written", list(.0), .0.len())]
    Table(Vec<Finding>),
    /// The dataset cannot take the import as it is.
    #[error("{0}")]
    Dataset(String),
    /// The flags do not describe a table reckon can import.
    #[error("{0}")]
    Usage(String),
    #[error("cannot read {path}")]
    Read { path: PathBuf, source: io::Error },
}

/// Findings one per line, at most 50, then how many more there are.
fn list(findings: &[Finding]) -> String {
    let mut lines: Vec<String> = findings.iter().take(50).map(ToString::to_string).collect();
    if findings.len() > 50 {
        lines.push(format!("... and {} more", findings.len() - 50));
    }
    lines.join("\n")
}

/// An import planned: the files to write (every one or none) and what it says it did.
#[derive(Debug)]
pub struct Plan {
    /// Each file and its new bytes; empty when the dataset already holds everything.
    pub writes: Vec<(PathBuf, Vec<u8>)>,
    /// What the import added, or that it found everything present, for the person running it.
    pub summary: String,
}

/// Plans the import `spec` describes, reading the table and the dataset but writing nothing.
pub fn plan(spec: &Spec) -> Result<Plan, ImportError> {
    if let Shape::Long {
        low: None,
        point: None,
        high: None,
        ..
    } = spec.shape
    {
        return Err(ImportError::Usage(
            "a long table needs the columns of its values: --point COL, or --low COL and --high COL (or all three)".to_string(),
        ));
    }
    let bytes = fs::read(&spec.table).map_err(|source| ImportError::Read {
        path: spec.table.clone(),
        source,
    })?;
    let sheet =
        read::read_sheet(&bytes, &spec.table, spec.delimiter).map_err(ImportError::Table)?;
    let layout = shape::Layout {
        quantity: &spec.quantity,
        year: spec.year.as_deref(),
        series: &spec.series,
        shape: &spec.shape,
        na: &spec.na,
    };
    let entries = shape::entries(&sheet.table, &spec.table, &layout).map_err(ImportError::Table)?;
    let text_id = match &spec.text_id {
        Some(id) => id.clone(),
        None => ids::slug(&stem(&spec.table)),
    };
    if text_id.is_empty() || text_id != ids::slug(&text_id) {
        return Err(ImportError::Usage(format!(
            "the table's text id `{text_id}` is not a plain id (lowercase letters, digits, `_`, `-`); give one with --text-id"
        )));
    }
    // Table documents are comma-separated (README, texts.csv): another delimiter is rewritten
    // with commas, every cell unchanged; a comma-separated table is copied byte for byte.
    let copy = match sheet.delimiter {
        Delimiter::Comma => bytes,
        _ => rows::with_commas(&sheet.table),
    };
    let mut dataset = rows::Dataset::open(&spec.data)?;
    let file = format!("texts/{text_id}.csv");
    let table_path = spec.data.join(&file);
    let copied = match fs::read(&table_path) {
        Ok(old) if old == copy => false,
        Ok(_) => {
            return Err(ImportError::Dataset(format!(
                "{} already exists and differs from the table being imported; import it under another id with --text-id, or remove the old copy first",
                table_path.display()
            )))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => true,
        Err(source) => return Err(ImportError::Read { path: table_path, source }),
    };
    let title = spec.title.clone().unwrap_or_else(|| file_name(&spec.table));
    dataset.list_table(&text_id, &file, &title, &spec.attribution, &spec.data)?;
    let added = rows::add_entries(&mut dataset, spec, &sheet.table, &entries, &text_id)?;
    let mut writes = Vec::new();
    if copied {
        writes.push((table_path, copy));
    }
    writes.extend(dataset.writes());
    let summary = rows::summary(
        spec,
        &file,
        copied,
        sheet.delimiter,
        &added,
        entries.skipped,
    );
    Ok(Plan { writes, summary })
}

/// A path's file stem, as text.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A path's file name, as text.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
