//! A curator's reading of words the figure parser cannot read ("2 war-related million deaths",
//! a scale word apart from its number): the value the words mean, stated in the optional
//! `reading` column of estimates.csv. See README, `estimates.csv`.

use std::fmt;

/// The value a curator reads in a quote or cell: one number (`low` = `high`), or a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub low: f64,
    pub high: f64,
}

impl Reading {
    /// True when the reading is a range ("2000000-3000000").
    pub fn is_range(&self) -> bool {
        self.low != self.high
    }

    /// The values a row may take from it: the number, or both ends of the range.
    pub fn values(&self) -> Vec<f64> {
        if self.is_range() {
            vec![self.low, self.high]
        } else {
            vec![self.low]
        }
    }
}

/// As the cell writes it: `2000000`, `2000000-3000000` (a float's own shortest digits).
impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_range() {
            write!(f, "{}-{}", self.low, self.high)
        } else {
            write!(f, "{}", self.low)
        }
    }
}
