//! CSV export: plain numbers, and text cells made safe for spreadsheets.

use anyhow::{Context, Result};

use super::{Cell, Exporter, Tabular};
use crate::english::number::plain;

/// Writes the machine projection as RFC 4180 CSV.
pub struct CsvExporter;

/// Neutralises a text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at
/// the start) by prefixing a single quote, as OWASP recommends. Numbers are never text cells,
/// so a negative difference stays a number.
pub fn spreadsheet_safe(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

impl Exporter for CsvExporter {
    fn serialize(&self, data: &dyn Tabular) -> Result<Vec<u8>> {
        let table = data.machine();
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&table.columns)?;
        for row in &table.rows {
            let record: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Cell::Text(s) | Cell::Shown(s) => spreadsheet_safe(s),
                    Cell::Number(Some(v)) => plain(*v),
                    Cell::Number(None) | Cell::Null => String::new(),
                    Cell::Bool(b) => b.to_string(),
                    Cell::List(items) => spreadsheet_safe(&items.join(";")),
                })
                .collect();
            writer.write_record(&record)?;
        }
        writer.into_inner().context("finishing the CSV")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+1"), "'+1");
        assert_eq!(spreadsheet_safe("-2"), "'-2");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("Erlikman"), "Erlikman");
    }
}
