//! The terminal table: the human projection with aligned columns.

use anyhow::Result;

use super::{shown, Cell, Exporter, Tabular};

/// Writes the human projection as aligned plain-text columns.
pub struct TableExporter;

/// The widest a column may be before its cells are cut with an ellipsis.
const MAX_WIDTH: usize = 60;

fn fit(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().count() <= MAX_WIDTH {
        s
    } else {
        let cut: String = s.chars().take(MAX_WIDTH - 1).collect();
        format!("{cut}…")
    }
}

impl Exporter for TableExporter {
    fn serialize(&self, data: &dyn Tabular) -> Result<Vec<u8>> {
        let table = data.human();
        let cells: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|row| row.iter().map(|c| fit(&shown(c))).collect())
            .collect();
        let numeric: Vec<bool> = (0..table.columns.len())
            .map(|i| {
                table
                    .rows
                    .iter()
                    .all(|r| matches!(r.get(i), Some(Cell::Number(_) | Cell::Shown(_))))
            })
            .collect();
        let widths: Vec<usize> = (0..table.columns.len())
            .map(|i| {
                cells
                    .iter()
                    .map(|r| r[i].chars().count())
                    .chain([table.columns[i].chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |values: &[String]| {
            let parts: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let pad = widths[i].saturating_sub(v.chars().count());
                    if numeric[i] {
                        format!("{}{v}", " ".repeat(pad))
                    } else {
                        format!("{v}{}", " ".repeat(pad))
                    }
                })
                .collect();
            format!("{}\n", parts.join("  ").trim_end())
        };
        let header: Vec<String> = table.columns.iter().map(|c| c.to_string()).collect();
        let mut out = line(&header);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        out.push_str(&line(&rule));
        for row in &cells {
            out.push_str(&line(row));
        }
        Ok(out.into_bytes())
    }
}
