//! Cell locators: how an estimate names one cell of a table document
//! (`column=Deaths;row=3`, `column=Deaths;Author=Peng`, optionally `scale=1000000`), or one
//! cell per value of a range (`column.low=low;column.point=best;column.high=high;...`), and
//! finding those cells.

use super::suggest::closest;
use crate::model::TableDoc;

/// The values of an estimate row a locator can give a cell of its own (`column.low=NAME`).
pub const VALUES: [&str; 3] = ["low", "point", "high"];

/// A cell locator as written: which column (or columns), how the row is chosen, and the scale.
#[derive(Debug, PartialEq)]
pub struct Locator<'a> {
    /// `column=NAME`: the cell of every value that has no column of its own.
    pub column: Option<&'a str>,
    /// `column.low=NAME`, `column.point=NAME`, `column.high=NAME`: a cell for one value, as
    /// `(value, column)`, in the order of [`VALUES`].
    pub values: Vec<(&'static str, &'a str)>,
    pub row: RowChoice<'a>,
    pub scale: f64,
}

impl<'a> Locator<'a> {
    /// The column of the cell that holds `value` (`low`, `point` or `high`): its own, else
    /// `column`; `None` when the locator names neither.
    pub fn column_of(&self, value: &str) -> Option<&'a str> {
        self.values
            .iter()
            .find(|(v, _)| *v == value)
            .map(|(_, c)| *c)
            .or(self.column)
    }

    /// The column of the locator's main cell: `column`, else the point's, else the first named.
    pub fn main_column(&self) -> &'a str {
        self.column
            .or_else(|| self.column_of("point"))
            .or_else(|| self.values.first().map(|(_, c)| *c))
            .unwrap_or("")
    }

    /// Every column the locator names, each once: `column` first, then the values' own.
    pub fn columns(&self) -> Vec<&'a str> {
        let mut all: Vec<&'a str> = self.column.into_iter().collect();
        for (_, c) in &self.values {
            if !all.contains(c) {
                all.push(c);
            }
        }
        all
    }
}

/// How a locator chooses the row.
#[derive(Debug, PartialEq)]
pub enum RowChoice<'a> {
    /// The n-th data row, 1 being the first row under the header.
    Number(usize),
    /// The rows whose cells under these columns hold these values.
    Keys(Vec<(&'a str, &'a str)>),
}

/// Reads a locator; `Err` says what is wrong with it.
pub fn parse_locator(s: &str) -> Result<Locator<'_>, String> {
    let mut column = None;
    let mut values: Vec<(&'static str, &str)> = Vec::new();
    let mut number = None;
    let mut keys = Vec::new();
    let mut scale = 1.0;
    for part in s.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((key, value)) = part.split_once('=') else {
            return Err(format!("`{part}` is not `name=value`"));
        };
        let (key, value) = (key.trim(), value.trim());
        match key {
            "column" => column = Some(value),
            "row" => match value.parse::<usize>() {
                Ok(n) if n >= 1 => number = Some(n),
                _ => {
                    return Err(format!(
                        "`row={value}` is not a row number (1 is the first row under the header)"
                    ))
                }
            },
            "scale" => match value.parse::<f64>() {
                Ok(f) if f.is_finite() && f > 0.0 => scale = f,
                _ => {
                    return Err(format!(
                        "`scale={value}` is not a positive number such as 1000000"
                    ))
                }
            },
            _ if key.starts_with("column.") => {
                let wanted = &key["column.".len()..];
                let Some(v) = VALUES.iter().find(|v| **v == wanted) else {
                    return Err(format!(
                        "`{key}` is not `column.low`, `column.point` or `column.high`"
                    ));
                };
                values.retain(|(old, _)| old != v);
                values.push((v, value));
            }
            _ => keys.push((key, value)),
        }
    }
    if column.is_none() && values.is_empty() {
        return Err("it names no column: write `column=NAME`".to_string());
    }
    values.sort_by_key(|(v, _)| VALUES.iter().position(|x| x == v));
    let row = match (number, keys.is_empty()) {
        (Some(n), true) => RowChoice::Number(n),
        (None, false) => RowChoice::Keys(keys),
        (Some(_), false) => {
            return Err(
                "it chooses the row twice: give `row=N` or key columns, not both".to_string(),
            )
        }
        (None, true) => return Err(
            "it chooses no row: add `row=N` or `KEY=VALUE` (a column that tells the rows apart)"
                .to_string(),
        ),
    };
    Ok(Locator {
        column,
        values,
        row,
        scale,
    })
}

/// The index of the column `name` in `table`, or a message with the closest name.
fn column_index(table: &TableDoc, name: &str) -> Result<usize, String> {
    table.header.iter().position(|h| h == name).ok_or_else(|| {
        let hint = closest(name, table.header.iter().map(String::as_str))
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        format!(
            "the table has no column `{name}`{hint}; its columns are: {}",
            table.header.join(", ")
        )
    })
}

/// The data row a locator chooses (its index), or what is wrong.
fn row_index(table: &TableDoc, choice: &RowChoice) -> Result<usize, String> {
    match choice {
        RowChoice::Number(n) if *n <= table.rows.len() => Ok(n - 1),
        RowChoice::Number(n) => Err(format!(
            "`row={n}` is past the table's last row ({})",
            table.rows.len()
        )),
        RowChoice::Keys(keys) => {
            let columns: Vec<(usize, &str)> = keys
                .iter()
                .map(|(k, v)| column_index(table, k).map(|i| (i, *v)))
                .collect::<Result<_, _>>()?;
            let matching: Vec<usize> = table
                .rows
                .iter()
                .enumerate()
                .filter(|(_, (_, cells))| {
                    columns
                        .iter()
                        .all(|(i, v)| cells.get(*i).is_some_and(|c| c.trim() == *v))
                })
                .map(|(i, _)| i)
                .collect();
            let wanted: Vec<String> = keys.iter().map(|(k, v)| format!("{k}={v}")).collect();
            match matching.as_slice() {
                [one] => Ok(*one),
                [] => Err(format!("no row has {}", wanted.join(" and "))),
                many => Err(format!(
                    "{} rows have {}; add a key column that tells them apart",
                    many.len(),
                    wanted.join(" and ")
                )),
            }
        }
    }
}

/// The (row, column) of the main cell a locator names in `table` (see
/// [`Locator::main_column`]), or what keeps it from naming one.
pub fn locate(table: &TableDoc, locator: &Locator) -> Result<(usize, usize), String> {
    let c = column_index(table, locator.main_column())?;
    let r = row_index(table, &locator.row)?;
    Ok((r, c))
}

/// The row a locator chooses in `table` and the index of each column it names (in the order
/// of [`Locator::columns`]), or what keeps it from naming those cells.
pub fn locate_cells(table: &TableDoc, locator: &Locator) -> Result<(usize, Vec<usize>), String> {
    let columns = locator
        .columns()
        .into_iter()
        .map(|name| column_index(table, name))
        .collect::<Result<Vec<_>, _>>()?;
    let r = row_index(table, &locator.row)?;
    Ok((r, columns))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locator_names_a_column_and_a_row_by_number_or_by_key() {
        let l = parse_locator("row=2;column=Deaths").unwrap();
        assert_eq!(l.column, Some("Deaths"));
        assert!(l.values.is_empty());
        assert_eq!(l.row, RowChoice::Number(2));
        assert_eq!(l.scale, 1.0);
        let l = parse_locator(" Author = Peng ; column=Deaths (millions); scale=1000000").unwrap();
        assert_eq!(l.column, Some("Deaths (millions)"));
        assert_eq!(l.row, RowChoice::Keys(vec![("Author", "Peng")]));
        assert_eq!(l.scale, 1e6);
        for (bad, says) in [
            ("row=2", "names no column"),
            ("column=Deaths", "chooses no row"),
            ("row=0;column=Deaths", "not a row number"),
            ("row=2;Author=Peng;column=Deaths", "chooses the row twice"),
            ("p. 6", "not `name=value`"),
            ("row=1;column=D;scale=-3", "not a positive number"),
            (
                "row=1;column.best=D",
                "not `column.low`, `column.point` or `column.high`",
            ),
        ] {
            let message = parse_locator(bad).unwrap_err();
            assert!(message.contains(says), "{bad}: {message}");
        }
    }

    #[test]
    fn a_locator_may_name_one_cell_per_value() {
        let l = parse_locator("Conflict=Korea;column.high=high;column.low=low;column.point=best")
            .unwrap();
        assert_eq!(l.column, None);
        assert_eq!(
            l.values,
            [("low", "low"), ("point", "best"), ("high", "high")]
        );
        assert_eq!(l.row, RowChoice::Keys(vec![("Conflict", "Korea")]));
        assert_eq!(l.column_of("low"), Some("low"));
        assert_eq!(l.main_column(), "best");
        assert_eq!(l.columns(), ["low", "best", "high"]);
        // `column` holds every value without a cell of its own.
        let l = parse_locator("row=1;column=best;column.low=low").unwrap();
        assert_eq!(l.column_of("high"), Some("best"));
        assert_eq!(l.column_of("low"), Some("low"));
        assert_eq!(l.main_column(), "best");
        assert_eq!(l.columns(), ["best", "low"]);
        let l = parse_locator("row=1;column.low=low;column.high=high").unwrap();
        assert_eq!(l.column_of("point"), None);
        assert_eq!(l.main_column(), "low");
    }

    #[test]
    fn locate_cells_finds_the_row_and_every_named_column() {
        use crate::model::sample::row;
        let header = ["Conflict", "low", "best", "high"];
        let table = TableDoc {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: vec![(
                row("t.csv", &header, 2),
                ["Korea", "1", "2", "3"].map(String::from).to_vec(),
            )],
        };
        let l = parse_locator("Conflict=Korea;column.low=low;column.high=high").unwrap();
        assert_eq!(locate_cells(&table, &l), Ok((0, vec![1, 3])));
        assert_eq!(locate(&table, &l), Ok((0, 1)));
        let l = parse_locator("Conflict=Korea;column.low=lo;column.high=high").unwrap();
        assert!(locate_cells(&table, &l)
            .unwrap_err()
            .contains("no column `lo`"));
    }
}
