//! `Unreadable`: which numeric cells of an estimate were filled but could not be read, held in
//! one byte (an estimate row carries it whether or not any cell was bad).

/// The columns that may be unreadable, each one bit.
const COLUMNS: [&str; 4] = ["low", "point", "high", "reading"];

/// A set of the columns `low`, `point`, `high` and `reading`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Unreadable(u8);

impl Unreadable {
    /// The set of `names` (a name outside the four columns is not kept).
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut bits = 0;
        for name in names {
            if let Some(i) = COLUMNS.iter().position(|c| *c == name) {
                bits |= 1 << i;
            }
        }
        Unreadable(bits)
    }

    /// True when column `name` is in the set.
    pub fn contains(&self, name: &str) -> bool {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .is_some_and(|i| self.0 & (1 << i) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_holds_the_columns_named_and_no_other() {
        let set = Unreadable::of(["point", "reading", "quote"]);
        assert!(set.contains("point") && set.contains("reading"));
        assert!(!set.contains("low") && !set.contains("high") && !set.contains("quote"));
        assert!(!Unreadable::default().contains("point"));
    }
}
