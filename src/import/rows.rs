//! The rows an import adds to `texts.csv`, `sources.csv`, `quantities.csv` and
//! `estimates.csv`, made from the table's entries: ids from the table's words, a locator per
//! estimate that names its row by the key columns, and what the import says it did.

use std::path::{Path, PathBuf};

use super::files::{folder_texts, CsvFile};
use super::ids::{estimate_id, IdMaker};
use super::read::Delimiter;
use super::shape::{Entries, Entry, LongSource, Shape};
use super::{ImportError, Spec};
use crate::english::locator::{locate_cells, parse_locator};
use crate::english::number::grouped;
use crate::load::columns;
use crate::model::TableDoc;

/// The four files of a dataset an import adds to.
pub struct Dataset {
    texts: CsvFile,
    sources: CsvFile,
    quantities: CsvFile,
    estimates: CsvFile,
}

/// How many rows of each kind the import added, and how many it found present.
#[derive(Debug, Default)]
pub struct Added {
    pub listed: bool,
    pub sources: (usize, usize),
    pub quantities: (usize, usize),
    pub estimates: (usize, usize),
}

impl Dataset {
    /// Opens the dataset folder `dir` (which may not exist yet) and its files.
    pub fn open(dir: &Path) -> Result<Self, ImportError> {
        if dir.exists() && !dir.is_dir() {
            return Err(ImportError::Dataset(format!(
                "{} is not a folder (pass the dataset folder with --data DIR)",
                dir.display()
            )));
        }
        let file = |name: &str| -> PathBuf { dir.join(name) };
        Ok(Dataset {
            texts: CsvFile::open(file("texts.csv"), columns::TEXTS, Some("file"))?,
            sources: CsvFile::open(file("sources.csv"), columns::SOURCES, None)?,
            quantities: CsvFile::open(file("quantities.csv"), columns::QUANTITIES, None)?,
            estimates: CsvFile::open(file("estimates.csv"), columns::ESTIMATES, None)?,
        })
    }

    /// Lists the table document in `texts.csv`; a new `texts.csv` first lists the texts the
    /// folder already has, so that no other text changes its id.
    pub fn list_table(
        &mut self,
        id: &str,
        file: &str,
        title: &str,
        attribution: &str,
        dir: &Path,
    ) -> Result<(), ImportError> {
        let clash = self
            .texts
            .remembered
            .iter()
            .find(|(i, f)| (i == id) != (f.trim_start_matches("./") == file));
        if let Some((other_id, other_file)) = clash {
            return Err(ImportError::Dataset(format!(
                "texts.csv already lists `{other_id}` as {other_file}, so the table cannot be listed as `{id}` ({file}); choose another id with --text-id"
            )));
        }
        if !self.texts.exists() {
            for (stem, path) in folder_texts(dir) {
                if stem == id {
                    return Err(ImportError::Dataset(format!(
                        "the text {path} already has the id `{id}`; choose another id for the table with --text-id"
                    )));
                }
                self.texts.add(text_row(&stem, &path, &stem, ""));
            }
        }
        self.texts.add(text_row(id, file, title, attribution));
        Ok(())
    }

    /// Each file whose bytes change, with its new bytes.
    pub fn writes(&self) -> Vec<(PathBuf, Vec<u8>)> {
        [
            &self.texts,
            &self.sources,
            &self.quantities,
            &self.estimates,
        ]
        .iter()
        .filter_map(|f| Some((f.path.clone(), f.bytes()?)))
        .collect()
    }
}

/// A row of `texts.csv`.
fn text_row(id: &str, file: &str, title: &str, attribution: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", id.to_string()),
        ("file", file.to_string()),
        ("title", title.to_string()),
        ("attribution", attribution.to_string()),
    ]
}

/// Adds a source, a quantity and an estimate row for each entry (each id once).
pub fn add_entries(
    data: &mut Dataset,
    spec: &Spec,
    table: &TableDoc,
    read: &Entries,
    text_id: &str,
) -> Result<Added, ImportError> {
    let mut added = Added {
        listed: true,
        ..Added::default()
    };
    let (mut source_ids, mut quantity_ids) = (IdMaker::new("source"), IdMaker::new("quantity"));
    let mut series_ids = IdMaker::new("series");
    let series_key =
        |e: &Entry| -> Vec<String> { e.series.iter().map(|(_, v)| v.clone()).collect() };
    for e in &read.entries {
        source_ids.note(std::slice::from_ref(&e.source));
        quantity_ids.note(&e.key);
        if !e.series.is_empty() {
            series_ids.note(&series_key(e));
        }
    }
    let count = |pair: &mut (usize, usize), new: bool| {
        if new {
            pair.0 += 1
        } else {
            pair.1 += 1
        }
    };
    let mut seen = foldhash::HashSet::default();
    for e in &read.entries {
        let source = source_ids.id(std::slice::from_ref(&e.source));
        let quantity = quantity_ids.id(&e.key);
        if seen.insert(source.clone()) {
            let new = data.sources.add(source_row(spec, &source, e, text_id));
            count(&mut added.sources, new);
        }
        if seen.insert(format!("\u{1f}{quantity}")) {
            let series = if e.series.is_empty() {
                String::new()
            } else {
                series_ids.id(&series_key(e))
            };
            let new = data.quantities.add(quantity_row(
                spec,
                (&quantity, &series),
                e,
                table,
                read,
                text_id,
            ));
            count(&mut added.quantities, new);
        }
        let locator = locator(table, read, e)?;
        let value = |name: &str| -> String {
            e.values
                .iter()
                .find(|(n, _, _)| *n == name)
                .map(|(_, _, v)| v.clone())
                .unwrap_or_default()
        };
        let new = data.estimates.add(vec![
            ("id", estimate_id(&quantity, &source)),
            ("quantity", quantity),
            ("source", source),
            ("text", text_id.to_string()),
            ("low", value("low")),
            ("point", value("point")),
            ("high", value("high")),
            ("qualifier", e.qualifier.as_str().to_string()),
            ("quote", String::new()),
            ("note", String::new()),
            ("locator", locator),
        ]);
        count(&mut added.estimates, new);
    }
    added.listed = data.texts.added() > 0;
    Ok(added)
}

/// The `sources.csv` row of an entry's source.
fn source_row(spec: &Spec, id: &str, e: &Entry, text_id: &str) -> Vec<(&'static str, String)> {
    let note = match &spec.shape {
        Shape::Wide { .. } => format!("Column `{}` of table `{text_id}`.", e.source),
        Shape::Long {
            source: LongSource::Column(c),
            ..
        } => format!("Named in column `{c}` of table `{text_id}`."),
        Shape::Long { .. } => format!("The source of table `{text_id}`."),
    };
    vec![
        ("id", id.to_string()),
        ("name", e.source.clone()),
        ("kind", spec.source_kind.as_str().to_string()),
        ("note", note),
    ]
}

/// The `quantities.csv` row of an entry's quantity: labelled by its key's values, its period
/// the year, its description naming the rows, and its `series` (made from the `--series`
/// values as ids are: `Soviet Union` gives `soviet_union`) when it is a period of one.
fn quantity_row(
    spec: &Spec,
    (id, series): (&str, &str),
    e: &Entry,
    table: &TableDoc,
    read: &Entries,
    text_id: &str,
) -> Vec<(&'static str, String)> {
    let label: Vec<&str> = e
        .key
        .iter()
        .map(String::as_str)
        .filter(|v| !v.is_empty())
        .collect();
    let pairs: Vec<String> = read
        .roles
        .key
        .iter()
        .zip(&e.key)
        .map(|(&c, v)| format!("{} \"{v}\"", table.header[c]))
        .collect();
    let description = format!("Rows of table `{text_id}` with {}.", pairs.join(" and "));
    let year = e.year.map(|y| y.to_string()).unwrap_or_default();
    vec![
        ("id", id.to_string()),
        ("label", label.join(", ")),
        ("category", spec.category.clone()),
        ("unit", spec.unit.clone()),
        ("region", String::new()),
        ("period_start", year.clone()),
        ("period_end", year),
        ("parent", String::new()),
        ("description", description),
        ("series", series.to_string()),
    ]
}

/// Whether a column name and a value can stand in a locator as `NAME=VALUE`.
fn fits_locator(name: &str, value: &str) -> bool {
    let reserved = ["column", "row", "scale"].contains(&name) || name.starts_with("column.");
    !reserved && !name.is_empty() && !name.contains([';', '=']) && !value.contains(';')
}

/// The locator of an entry's cells: its row named by the key columns (and the source column)
/// when they name it alone, else by number; a range gives each value its own cell.
fn locator(table: &TableDoc, read: &Entries, e: &Entry) -> Result<String, ImportError> {
    let cells = &table.rows[e.row].1;
    let mut columns = Vec::new();
    for (value, c, _) in &e.values {
        let name = &table.header[*c];
        if name.contains(';') {
            return Err(ImportError::Usage(format!(
                "column `{name}` holds `;`, which a cell locator cannot name; rename the column in the table and import it again"
            )));
        }
        if e.values.len() == 1 {
            columns.push(format!("column={name}"));
        } else {
            columns.push(format!("column.{value}={name}"));
        }
    }
    let keys: Vec<(String, String)> = read
        .roles
        .key
        .iter()
        .chain(&read.roles.source)
        .map(|&c| (table.header[c].clone(), cells[c].trim().to_string()))
        .collect();
    let mut wanted: Vec<usize> = Vec::new();
    for (_, c, _) in &e.values {
        if !wanted.contains(c) {
            wanted.push(*c);
        }
    }
    if keys.iter().all(|(n, v)| fits_locator(n, v)) {
        let mut parts: Vec<String> = keys.iter().map(|(n, v)| format!("{n}={v}")).collect();
        parts.extend(columns.iter().cloned());
        let by_key = parts.join(";");
        // The locator must lead `check` to this row's cells and no other.
        let found = parse_locator(&by_key).and_then(|l| locate_cells(table, &l));
        if found == Ok((e.row, wanted)) {
            return Ok(by_key);
        }
    }
    let mut parts = vec![format!("row={}", e.row + 1)];
    parts.extend(columns);
    Ok(parts.join(";"))
}

/// A comma-separated copy of a table read with another delimiter: every cell as it was.
pub fn with_commas(table: &TableDoc) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only drop a record.
    let _ = writer.write_record(&table.header);
    for (_, cells) in &table.rows {
        let _ = writer.write_record(cells);
    }
    writer.into_inner().unwrap_or_default()
}

/// What the import did, in words.
pub fn summary(
    spec: &Spec,
    file: &str,
    copied: bool,
    delimiter: Delimiter,
    added: &Added,
    skipped: usize,
) -> String {
    let dir = spec.data.display();
    let n = |count: usize, one: &str, many: &str| {
        format!(
            "{} {}",
            grouped(count as f64),
            if count == 1 { one } else { many }
        )
    };
    let all = |(new, old): (usize, usize), one: &str, many: &str| n(new + old, one, many);
    let nothing =
        !copied && !added.listed && added.sources.0 + added.quantities.0 + added.estimates.0 == 0;
    if nothing {
        return format!(
            "nothing to add: {dir} already holds {file} and its {}, {} and {}; no file was changed\n",
            all(added.sources, "source", "sources"),
            all(added.quantities, "quantity", "quantities"),
            all(added.estimates, "estimate", "estimates"),
        );
    }
    let mut out = String::new();
    if copied {
        let how = match delimiter {
            Delimiter::Comma => "byte for byte".to_string(),
            other => format!(
                "rewritten comma-separated from {}-separated, every cell unchanged",
                other.name()
            ),
        };
        out.push_str(&format!("copied the table to {dir}/{file} ({how})\n"));
    }
    if added.listed {
        out.push_str(&format!(
            "listed it in {dir}/texts.csv as a table document\n"
        ));
    }
    out.push_str(&format!(
        "added {}, {} and {}",
        n(added.sources.0, "source", "sources"),
        n(added.quantities.0, "quantity", "quantities"),
        n(added.estimates.0, "cell estimate", "cell estimates"),
    ));
    let present = added.sources.1 + added.quantities.1 + added.estimates.1;
    if present > 0 {
        out.push_str(&format!(
            "; already present: {}, {}, {}",
            n(added.sources.1, "source", "sources"),
            n(added.quantities.1, "quantity", "quantities"),
            n(added.estimates.1, "estimate", "estimates"),
        ));
    }
    if skipped > 0 {
        out.push_str(&format!(
            "; skipped {} (empty or a missing-value marker)",
            n(skipped, "value cell", "value cells")
        ));
    }
    out.push_str(&format!(
        "\nnext: `reckon check --data {dir}` verifies every cell estimate against the table\n"
    ));
    out
}

#[cfg(test)]
mod tests;
