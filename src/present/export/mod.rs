//! Exporters: one trait, one file per format. Each turns a [`Table`] into bytes; the writer in
//! [`crate::present::write`] puts the bytes in a file or on stdout.

pub mod crossings;
mod csv;
mod json;
mod markdown;
pub mod package;
mod table;
pub mod tables;

use anyhow::Result;

/// Output formats of `reconcile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// An aligned table for the terminal.
    Table,
    /// CSV with plain numbers, safe to open in a spreadsheet.
    Csv,
    /// JSON with plain numbers.
    Json,
    /// A Markdown table with numbers formatted for people.
    Markdown,
}

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A number; `None` is an open or missing value (empty in CSV, null in JSON).
    Number(Option<f64>),
    /// A number preformatted for people (used by the human projections).
    Shown(String),
    /// A yes or no: `true`/`false` in CSV and JSON.
    Bool(bool),
    /// A list: `;`-joined in CSV, an array in JSON, `, `-joined for people.
    List(Vec<String>),
    /// No value: empty in CSV, `null` in JSON.
    Null,
}

/// Rows under named columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// Something that can be exported: a machine projection (plain numbers, every column) for CSV
/// and JSON, and a human one (formatted numbers, fewer columns) for the terminal and Markdown.
pub trait Tabular {
    /// Every column, numbers plain.
    fn machine(&self) -> Table;
    /// The columns a reader needs, numbers formatted for people.
    fn human(&self) -> Table;
}

/// Turns a table into the bytes of one format.
pub trait Exporter {
    /// The bytes of the export.
    fn serialize(&self, data: &dyn Tabular) -> Result<Vec<u8>>;
}

/// The exporter for a format.
pub fn exporter(format: ExportFormat) -> Box<dyn Exporter> {
    match format {
        ExportFormat::Table => Box::new(table::TableExporter),
        ExportFormat::Csv => Box::new(csv::CsvExporter),
        ExportFormat::Json => Box::new(json::JsonExporter),
        ExportFormat::Markdown => Box::new(markdown::MarkdownExporter),
    }
}

/// The text of a cell as people read it.
fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) | Cell::Shown(s) => s.clone(),
        Cell::Number(Some(v)) => crate::english::number::grouped(*v),
        Cell::Number(None) | Cell::Null => String::new(),
        Cell::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Cell::List(items) => items.join(", "),
    }
}
