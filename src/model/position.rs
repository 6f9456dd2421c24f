//! Positions in input files: a 1-based place (`Loc`) and where a CSV row and each of its
//! cells sit (`RowPos`), so that findings can point at the cell they are about.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// A place in an input file, 1-based, as shown in findings.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loc {
    /// The file, as the user named it (relative to where reckon runs when given so).
    pub file: Arc<PathBuf>,
    /// 1-based line.
    pub line: u64,
    /// 1-based column, counted in characters.
    pub column: u64,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// True when column name `a` is `b`. Looked up some twenty times a row: the bytes of a short
/// name are compared in place (a call to the C library's `memcmp` per column and row was 5% of
/// checking a million rows), after the length.
pub fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// Where a row and each of its cells sit in the CSV file.
#[derive(Debug, Clone)]
pub struct RowPos {
    /// The row's first character.
    pub start: Loc,
    cells: Cells,
    header: Arc<Vec<String>>,
}

/// The most cells a row keeps inline: estimates.csv has sixteen columns.
const INLINE: usize = 16;

/// Where each cell of a row starts, in header order.
#[derive(Debug, Clone)]
enum Cells {
    /// A row on one line of at most [`INLINE`] cells, none past column 65,535 (nearly every
    /// row): each cell's column, kept in the row itself, with no allocation. A million-row
    /// file saves 136 bytes a row against the general form.
    OneLine { len: u8, columns: [u16; INLINE] },
    /// Any other row: each cell's (line, column). Stored as u32; a position past 4 billion (a
    /// file over 4 GB) saturates.
    Any(Box<[(u32, u32)]>),
}

impl Cells {
    fn new(start_line: u64, cells: &[(u64, u64)]) -> Self {
        let narrow = cells.len() <= INLINE
            && cells
                .iter()
                .all(|&(line, column)| line == start_line && column <= u64::from(u16::MAX));
        if narrow {
            let mut columns = [0u16; INLINE];
            for (slot, &(_, column)) in columns.iter_mut().zip(cells) {
                *slot = column as u16;
            }
            return Cells::OneLine {
                len: cells.len() as u8,
                columns,
            };
        }
        let narrow = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        Cells::Any(
            cells
                .iter()
                .map(|&(line, column)| (narrow(line), narrow(column)))
                .collect(),
        )
    }

    /// The (line, column) of cell `i`, the row starting on `start_line`.
    fn get(&self, i: usize, start_line: u64) -> Option<(u64, u64)> {
        match self {
            Cells::OneLine { len, columns } => {
                (i < usize::from(*len)).then(|| (start_line, u64::from(columns[i])))
            }
            Cells::Any(cells) => cells
                .get(i)
                .map(|&(line, column)| (line.into(), column.into())),
        }
    }

    /// The last line any cell starts on.
    fn last_line(&self) -> Option<u64> {
        match self {
            Cells::OneLine { .. } => None,
            Cells::Any(cells) => cells.iter().map(|&(line, _)| u64::from(line)).max(),
        }
    }
}

impl RowPos {
    /// Makes a row position from the row's start and the line/column of each cell.
    pub fn new(start: Loc, cells: Vec<(u64, u64)>, header: Arc<Vec<String>>) -> Self {
        RowPos {
            cells: Cells::new(start.line, &cells),
            start,
            header,
        }
    }

    /// The lines the row spans (more than one when a quoted cell holds a line break).
    pub fn lines(&self) -> std::ops::RangeInclusive<u64> {
        let last = self.cells.last_line().unwrap_or(self.start.line);
        self.start.line..=last.max(self.start.line)
    }

    /// Whether the row's file has a column `name`: a required column missing from the header
    /// is read as empty, and its empty cells are not reported again row by row. A row made in
    /// memory rather than read (a draft, with no header) is taken to have every column.
    pub fn has(&self, name: &str) -> bool {
        self.header.is_empty() || self.header.iter().any(|h| same_name(h, name))
    }

    /// The location of the cell under column `name`, or of the row when the column is absent.
    pub fn cell(&self, name: &str) -> Loc {
        let found = self
            .header
            .iter()
            .position(|h| same_name(h, name))
            .and_then(|i| self.cells.get(i, self.start.line));
        match found {
            Some((line, column)) => Loc {
                file: self.start.file.clone(),
                line,
                column,
            },
            None => self.start.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u64, column: u64) -> Loc {
        Loc {
            file: Arc::new(PathBuf::from("e.csv")),
            line,
            column,
        }
    }

    fn header(n: usize) -> Arc<Vec<String>> {
        Arc::new((0..n).map(|i| format!("c{i}")).collect())
    }

    #[test]
    fn a_one_line_row_and_a_multi_line_row_locate_every_cell() {
        let one = RowPos::new(at(7, 1), vec![(7, 1), (7, 5), (7, 70_000)], header(3));
        assert!(
            matches!(one.cells, Cells::Any(_)),
            "a column past 65,535 is kept wide"
        );
        assert_eq!(one.cell("c2"), at(7, 70_000));
        let short = RowPos::new(at(7, 1), vec![(7, 1), (7, 5), (7, 9)], header(3));
        assert!(matches!(short.cells, Cells::OneLine { len: 3, .. }));
        assert_eq!(short.cell("c1"), at(7, 5));
        assert_eq!(
            short.cell("c9"),
            at(7, 1),
            "an absent column points at the row"
        );
        assert_eq!(short.lines(), 7..=7);
        let multi = RowPos::new(at(3, 1), vec![(3, 1), (4, 2), (5, 8)], header(3));
        assert_eq!(multi.cell("c1"), at(4, 2));
        assert_eq!(multi.cell("c2"), at(5, 8));
        assert_eq!(multi.lines(), 3..=5);
    }

    #[test]
    fn a_row_wider_than_the_inline_cells_keeps_them_all() {
        let cells: Vec<(u64, u64)> = (0..40).map(|i| (2, 1 + 3 * i)).collect();
        let wide = RowPos::new(at(2, 1), cells, header(40));
        assert_eq!(wide.cell("c39"), at(2, 1 + 3 * 39));
        assert_eq!(wide.cell("c0"), at(2, 1));
    }
}
