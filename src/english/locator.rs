//! Cell locators: how an estimate names one cell of a table document
//! (`column=Deaths;row=3`, `column=Deaths;Author=Peng`, optionally `scale=1000000`), and
//! finding that cell.

use super::suggest::closest;
use crate::model::TableDoc;

/// A cell locator as written: which column, how the row is chosen, and the scale.
#[derive(Debug, PartialEq)]
pub struct Locator<'a> {
    pub column: &'a str,
    pub row: RowChoice<'a>,
    pub scale: f64,
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
            _ => keys.push((key, value)),
        }
    }
    let Some(column) = column else {
        return Err("it names no column: write `column=NAME`".to_string());
    };
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
    Ok(Locator { column, row, scale })
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

/// The (row, column) of the cell a locator names in `table`, or what keeps it from naming one.
pub fn locate(table: &TableDoc, locator: &Locator) -> Result<(usize, usize), String> {
    let c = column_index(table, locator.column)?;
    let r = row_index(table, &locator.row)?;
    Ok((r, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locator_names_a_column_and_a_row_by_number_or_by_key() {
        let l = parse_locator("row=2;column=Deaths").unwrap();
        assert_eq!(l.column, "Deaths");
        assert_eq!(l.row, RowChoice::Number(2));
        assert_eq!(l.scale, 1.0);
        let l = parse_locator(" Author = Peng ; column=Deaths (millions); scale=1000000").unwrap();
        assert_eq!(l.column, "Deaths (millions)");
        assert_eq!(l.row, RowChoice::Keys(vec![("Author", "Peng")]));
        assert_eq!(l.scale, 1e6);
        for (bad, says) in [
            ("row=2", "names no column"),
            ("column=Deaths", "chooses no row"),
            ("row=0;column=Deaths", "not a row number"),
            ("row=2;Author=Peng;column=Deaths", "chooses the row twice"),
            ("p. 6", "not `name=value`"),
            ("row=1;column=D;scale=-3", "not a positive number"),
        ] {
            let message = parse_locator(bad).unwrap_err();
            assert!(message.contains(says), "{bad}: {message}");
        }
    }
}
