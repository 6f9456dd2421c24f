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

/// Where a row and each of its cells sit in the CSV file.
#[derive(Debug, Clone)]
pub struct RowPos {
    /// The row's first character.
    pub start: Loc,
    /// One (line, column) per header column. Stored as u32 to halve the cost of a million-row
    /// file; a position past 4 billion (a file over 4 GB) saturates.
    cells: Box<[(u32, u32)]>,
    header: Arc<Vec<String>>,
}

impl RowPos {
    /// Makes a row position from the row's start and the line/column of each cell.
    pub fn new(start: Loc, cells: Vec<(u64, u64)>, header: Arc<Vec<String>>) -> Self {
        let narrow = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        RowPos {
            start,
            cells: cells
                .into_iter()
                .map(|(line, column)| (narrow(line), narrow(column)))
                .collect(),
            header,
        }
    }

    /// The lines the row spans (more than one when a quoted cell holds a line break).
    pub fn lines(&self) -> std::ops::RangeInclusive<u64> {
        let last = self
            .cells
            .iter()
            .map(|&(line, _)| u64::from(line))
            .max()
            .unwrap_or(self.start.line);
        self.start.line..=last.max(self.start.line)
    }

    /// Whether the row's file has a column `name`: a required column missing from the header
    /// is read as empty, and its empty cells are not reported again row by row. A row made in
    /// memory rather than read (a draft, with no header) is taken to have every column.
    pub fn has(&self, name: &str) -> bool {
        self.header.is_empty() || self.header.iter().any(|h| h == name)
    }

    /// The location of the cell under column `name`, or of the row when the column is absent.
    pub fn cell(&self, name: &str) -> Loc {
        let found = self
            .header
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.cells.get(i));
        match found {
            Some(&(line, column)) => Loc {
                file: self.start.file.clone(),
                line: line.into(),
                column: column.into(),
            },
            None => self.start.clone(),
        }
    }
}
