//! Loading a dataset folder into the model, remembering where every cell came from.
//!
//! Problems inside the files (a bad number, a missing column, a stray byte) become findings so
//! that one bad row never hides the others; only a folder or file that cannot be read at all is
//! a [`LoadError`]. The folder and its files are opened here; `texts` reads the texts, `table`
//! the CSV files with the position of every cell, `cells` parses one cell and `rows` turns a row
//! into a model object.

mod cells;
mod rows;
mod table;
mod texts;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::finding::Finding;
use crate::model::{Contents, Dataset, Names, Unread};

pub use cells::parse_number;
pub use rows::columns;
use rows::{category, chart_text, context, estimate, quantity, relation, source};
use table::{parse_rows_split, Columns, Row};
use texts::load_texts;

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
    /// The OS error follows as the error's source (printed once, after a colon).
    #[error("cannot read {path}")]
    Read { path: PathBuf, source: io::Error },
}

/// A dataset together with the findings made while reading it.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub findings: Vec<Finding>,
    /// Every file that was read (the CSV files and the texts) and `datapackage.json` when there
    /// is one: the files that no output of the same run may replace.
    pub inputs: Vec<PathBuf>,
    /// Required files that were missing, when [`load_partial`] read the dataset.
    pub missing: Vec<PathBuf>,
}

/// One CSV file of a dataset: its columns, whether the dataset must have it, and where its
/// rows go.
struct TableFile {
    name: &'static str,
    columns: Columns,
    /// For a required file, what it should hold (named in the error when it is missing); an
    /// optional file may be absent and may have no rows.
    required: Option<&'static str>,
    add: fn(&mut Contents, &mut Names, Row, &mut Vec<Finding>),
}

/// The CSV files, in the order they are read.
const TABLE_FILES: [TableFile; 7] = [
    TableFile {
        name: "sources.csv",
        columns: Columns::with_optional(columns::SOURCES, columns::SOURCES_OPTIONAL),
        required: Some("sources.csv (id,name,kind,note)"),
        add: |d, n, r, f| d.sources.push(source(&r, n, f)),
    },
    TableFile {
        name: "quantities.csv",
        columns: Columns::with_optional(columns::QUANTITIES, columns::QUANTITIES_OPTIONAL),
        required: Some(
            "quantities.csv (id,label,category,unit,region,period_start,period_end,parent,description)",
        ),
        add: |d, n, r, f| d.quantities.push(quantity(&r, n, f)),
    },
    TableFile {
        name: "estimates.csv",
        columns: Columns::with_optional(columns::ESTIMATES, columns::ESTIMATES_OPTIONAL),
        required: Some(
            "estimates.csv (id,quantity,source,text,low,point,high,qualifier,quote,note)",
        ),
        add: |d, n, r, f| d.estimates.push(estimate(&r, n, f)),
    },
    TableFile {
        name: "relations.csv",
        columns: Columns::fixed(columns::RELATIONS),
        required: None,
        add: |d, _, r, f| d.relations.push(relation(&r, f)),
    },
    TableFile {
        name: "context.csv",
        columns: Columns::fixed(columns::CONTEXT),
        required: None,
        add: |d, _, r, _| d.contexts.push(context(&r)),
    },
    TableFile {
        name: "categories.csv",
        columns: Columns::with_optional(columns::CATEGORIES, columns::CATEGORIES_OPTIONAL),
        required: None,
        add: |d, _, r, _| d.categories.push(category(&r)),
    },
    TableFile {
        name: "charts.csv",
        columns: Columns::with_optional(columns::CHARTS, columns::CHARTS_OPTIONAL),
        required: None,
        add: |d, _, r, _| d.charts.push(chart_text(&r)),
    },
];

/// Each CSV file a dataset may have, with its whole header (required columns, then optional
/// ones): what `reckon init` writes.
pub fn headers() -> Vec<(&'static str, String)> {
    let mut out = vec![("texts.csv", columns::TEXTS.join(","))];
    for table in &TABLE_FILES {
        let all: Vec<&str> = table
            .columns
            .required
            .iter()
            .chain(table.columns.optional)
            .copied()
            .collect();
        out.push((table.name, all.join(",")));
    }
    out
}

/// Reads every file of the dataset in `dir`.
pub fn load(dir: &Path) -> Result<Loaded, LoadError> {
    read(dir, false)
}

/// Reads what there is of the dataset in `dir`: a required file that is missing is noted in
/// [`Loaded::missing`] and read as empty, so that `coverage` can run on a folder of texts.
pub fn load_partial(dir: &Path) -> Result<Loaded, LoadError> {
    read(dir, true)
}

fn read(dir: &Path, partial: bool) -> Result<Loaded, LoadError> {
    if !dir.exists() {
        return Err(LoadError::MissingDir(dir.to_path_buf()));
    }
    if !dir.is_dir() {
        return Err(LoadError::NotADir(dir.to_path_buf()));
    }
    let mut findings = Vec::new();
    let mut dataset = Contents {
        dir: dir.to_path_buf(),
        ..Contents::default()
    };

    let mut inputs = Vec::new();
    // reckon does not read the package descriptor, but it belongs to the data all the same.
    let package = dir.join("datapackage.json");
    if package.exists() {
        inputs.push(package);
    }
    (dataset.texts, dataset.unreadable_texts) =
        load_texts(dir, &mut findings, &mut inputs, &mut dataset.unread)?;

    let mut missing = Vec::new();
    // Ids, quotes and notes that rows repeat are held once (see `Sym`).
    let mut names = Names::default();
    for table in &TABLE_FILES {
        let path = match table.required {
            Some(_) if partial && !present(&dir.join(table.name))? => {
                missing.push(dir.join(table.name));
                continue;
            }
            Some(what) => required_file(dir, table.name, what)?,
            None => {
                let path = dir.join(table.name);
                if !present(&path)? {
                    continue;
                }
                path
            }
        };
        // A file with its header and no rows is an empty table: a new dataset starts so. A
        // large one is read on two threads, each into its own contents, joined in file order.
        let bytes = read_bytes(&path, &mut inputs)?;
        let mut first = (dataset, names);
        let read = parse_rows_split(
            &bytes,
            &path,
            &table.columns,
            &mut findings,
            &mut first,
            || (Contents::default(), Names::default()),
            |(d, n), r, f| (table.add)(d, n, r, f),
        );
        (dataset, names) = first;
        let header = read.map(|(header, second)| {
            if let Some((rest, _)) = second {
                dataset.append(rest);
            }
            header
        });
        dataset
            .unread
            .extend(unread(table.name, &table.columns, header.as_deref()));
    }
    // Rows arrive one by one, so the vector grew by doubling: at 3 million estimates a third
    // of it would be empty capacity.
    dataset.estimates.shrink_to_fit();
    let dataset = Dataset::new(dataset);
    Ok(Loaded {
        dataset,
        findings,
        inputs,
        missing,
    })
}

/// What of `file` could not be read: the whole file when it has no usable header, else the
/// columns its header lacks or misspells (see [`table::absent`]).
fn unread(file: &'static str, columns: &Columns, header: Option<&Vec<String>>) -> Vec<Unread> {
    let Some(header) = header else {
        return vec![Unread { file, column: None }];
    };
    table::absent(header, columns)
        .into_iter()
        .map(|(column, _)| Unread {
            file,
            column: Some(column),
        })
        .collect()
}

/// Whether a file is there; a path that cannot even be inspected (a symbolic-link loop, a
/// folder without permission) is an error rather than a silently absent file.
fn present(path: &Path) -> Result<bool, LoadError> {
    path.try_exists().map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The path of a file the dataset must have, or the error that names what it should hold.
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

/// The bytes of a regular file, noted in `inputs`; a folder, a device or a pipe is an error.
fn read_bytes(path: &Path, inputs: &mut Vec<PathBuf>) -> Result<Vec<u8>, LoadError> {
    if path.is_dir() {
        return Err(LoadError::NotAFile(path.to_path_buf()));
    }
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(LoadError::Special(path.to_path_buf()));
    }
    // Whatever reckon reads, no output of the same run may overwrite.
    inputs.push(path.to_path_buf());
    fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_every_file_read_and_the_package_descriptor() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("texts")).unwrap();
        let files = [
            ("texts/article.txt", "Some 700,000 were shot."),
            ("texts/notes.md", "not a text: only *.txt are read"),
            ("sources.csv", "id,name,kind,note\n"),
            ("quantities.csv", "id,label\n"),
            ("estimates.csv", "id\n"),
            ("datapackage.json", "{}"),
        ];
        for (name, body) in files {
            fs::write(root.join(name), body).unwrap();
        }
        let loaded = load(root).unwrap();
        let mut inputs = loaded.inputs.clone();
        inputs.sort();
        let mut expected: Vec<PathBuf> = [
            "datapackage.json",
            "estimates.csv",
            "quantities.csv",
            "sources.csv",
            "texts/article.txt",
        ]
        .iter()
        .map(|name| root.join(name))
        .collect();
        expected.sort();
        assert_eq!(inputs, expected);
    }
}
