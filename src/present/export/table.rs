//! The terminal table: the human projection with aligned columns.

use anyhow::Result;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{shown, Cell, Exporter, Tabular};

/// Writes the human projection as aligned plain-text columns.
pub struct TableExporter;

/// The widest a column may be, in terminal columns, before its cells are cut with an ellipsis.
const MAX_WIDTH: usize = 60;

/// A cell as the terminal shows it: control characters as spaces, cut to [`MAX_WIDTH`]
/// columns. Widths are terminal columns, not characters: a CJK id takes two per character.
fn fit(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.width() <= MAX_WIDTH {
        return s;
    }
    let mut cut = String::new();
    let mut width = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if width + w > MAX_WIDTH - 1 {
            break;
        }
        width += w;
        cut.push(c);
    }
    format!("{cut}…")
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
                    .map(|r| r[i].width())
                    .chain([table.columns[i].width()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |values: &[String]| {
            let parts: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let pad = widths[i].saturating_sub(v.width());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::export::Table;

    struct Ids(Vec<&'static str>);

    impl Tabular for Ids {
        fn machine(&self) -> Table {
            self.human()
        }
        fn human(&self) -> Table {
            Table {
                columns: vec!["id", "n"],
                rows: self
                    .0
                    .iter()
                    .map(|id| vec![Cell::Text(id.to_string()), Cell::Number(Some(1.0))])
                    .collect(),
            }
        }
    }

    // Regression: columns were padded by character count, so CJK ids (two columns each)
    // pushed the next column out of line.
    #[test]
    fn wide_characters_keep_the_columns_aligned() {
        let out = TableExporter
            .serialize(&Ids(vec!["大饥荒", "abcdef"]))
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        let ends: Vec<usize> = text.lines().map(|l| l.width()).collect();
        assert_eq!(ends[2], ends[3], "{text}");
        assert!(text.contains("大饥荒  1"), "{text}");
    }

    #[test]
    fn a_long_cell_is_cut_to_the_column_limit() {
        let long = "长".repeat(100);
        // 29 two-column characters and the ellipsis: a 30th would pass the limit.
        assert_eq!(fit(&long).width(), 59);
        assert_eq!(fit(&"x".repeat(100)).width(), MAX_WIDTH);
        assert!(fit(&long).ends_with('…'));
        assert_eq!(fit("a\u{1b}[2Jb"), "a [2Jb");
    }
}
