//! Which column of the table plays which part (names the quantity, the year, the series, the
//! source, or holds a value), resolved from the flags, and reading one value cell the way
//! `check` will read it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::shape::{Layout, LongSource, Shape};
use crate::english::figure::{self, same_value};
use crate::english::suggest::closest;
use crate::load::parse_number;
use crate::model::finding::{Code, Finding};
use crate::model::Loc;

/// The columns of each part, by index into the header.
#[derive(Debug)]
pub struct Roles {
    /// The columns whose values name the quantity, the year column among them.
    pub key: Vec<usize>,
    pub year: Option<usize>,
    pub series: Vec<usize>,
    /// The column that names each row's source (a long table's `--source-column`).
    pub source: Option<usize>,
    /// A wide table's source columns.
    pub sources: Vec<usize>,
    /// A long table's value columns: `low`, `point`, `high` and the column of each given.
    pub values: Vec<(&'static str, usize)>,
}

/// The column names a flag gives: each value split at commas, unless the value as a whole is
/// a column of the table (a name may hold a comma).
pub fn column_names(given: &[String], header: &[String]) -> Vec<String> {
    given
        .iter()
        .flat_map(|g| {
            if header.iter().any(|h| h == g.trim()) {
                vec![g.trim().to_string()]
            } else {
                g.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            }
        })
        .collect()
}

/// The place of a finding about the header: the table's first line.
fn header_loc(file: &Arc<PathBuf>) -> Loc {
    Loc {
        file: file.clone(),
        line: 1,
        column: 1,
    }
}

/// Resolves every column the layout names; `Err` holds a finding per name the table lacks.
pub fn roles(header: &[String], path: &Path, layout: &Layout) -> Result<Roles, Vec<Finding>> {
    let file = Arc::new(path.to_path_buf());
    let mut findings = Vec::new();
    let mut find = |given: &[String], flag: &str| -> Vec<usize> {
        let mut found = Vec::new();
        for name in column_names(given, header) {
            match header.iter().position(|h| *h == name) {
                Some(i) => found.push(i),
                None => {
                    let hint = closest(&name, header.iter().map(String::as_str))
                        .map(|c| format!(" (did you mean `{c}`?)"))
                        .unwrap_or_default();
                    findings.push(Finding::error(
                        Code::MissingColumn,
                        &header_loc(&file),
                        format!(
                            "{flag} names column `{name}`, which the table does not have{hint}; its columns are: {}",
                            header.join(", ")
                        ),
                    ));
                }
            }
        }
        found
    };
    let one = |name: &Option<String>| name.iter().cloned().collect::<Vec<_>>();
    let mut key = find(layout.quantity, "--quantity");
    let year = find(&one(&layout.year.map(str::to_string)), "--year")
        .first()
        .copied();
    // Each year is its own quantity, so the year column always names the quantity.
    if let Some(y) = year.filter(|y| !key.contains(y)) {
        key.push(y);
    }
    let series = find(layout.series, "--series");
    let mut roles = Roles {
        key,
        year,
        series,
        source: None,
        sources: Vec::new(),
        values: Vec::new(),
    };
    match layout.shape {
        Shape::Wide { sources } => roles.sources = find(sources, "--source-columns"),
        Shape::Long {
            source,
            low,
            point,
            high,
        } => {
            if let LongSource::Column(c) = source {
                roles.source = find(std::slice::from_ref(c), "--source-column")
                    .first()
                    .copied();
            }
            for (value, flag, name) in [
                ("low", "--low", low),
                ("point", "--point", point),
                ("high", "--high", high),
            ] {
                roles
                    .values
                    .extend(find(&one(name), flag).into_iter().map(|c| (value, c)));
            }
        }
    }
    if !findings.is_empty() {
        return Err(findings);
    }
    let held = roles
        .sources
        .iter()
        .chain(roles.values.iter().map(|(_, c)| c));
    if let Some(&both) = held
        .clone()
        .find(|c| roles.key.contains(c) || roles.source == Some(**c))
    {
        return Err(vec![Finding::error(
            Code::DuplicateColumn,
            &header_loc(&file),
            format!(
                "column `{}` is named both as a column of values and as one that names the quantity or the source; a column is one or the other",
                header[both]
            ),
        )]);
    }
    Ok(roles)
}

/// A value cell: `Ok(None)` when it is empty or a missing-value marker; its trimmed text when
/// it is one plain number, as `check` reads the estimate's number and the figure reader the
/// cell (so `1e3`, which the first reads as 1000 and the second not, is refused here).
pub fn value(
    cell: &str,
    loc: &Loc,
    column: &str,
    na: &[String],
) -> Result<Option<String>, Finding> {
    let s = cell.trim();
    if s.is_empty() || na.iter().any(|m| m.trim() == s) {
        return Ok(None);
    }
    let mut findings = Vec::new();
    let Some(v) = parse_number(s, loc, column, &mut findings) else {
        let fallback = || {
            Finding::error(
                Code::BadNumber,
                loc,
                format!("`{column}` value `{s}` is not a number"),
            )
        };
        return Err(findings.pop().unwrap_or_else(fallback));
    };
    if !figure::parse(s).values().iter().any(|&r| same_value(r, v)) {
        return Err(Finding::error(
            Code::BadNumber,
            loc,
            format!("`{column}` value `{s}` is not read as {v} by reckon's figure reader, which `check` uses on the cell; write it as a plain number such as 681692 or 1.5"),
        ));
    }
    Ok(Some(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn a_flag_s_names_split_at_commas_unless_a_column_holds_one() {
        let header = strings(&["Entity", "Year", "Deaths, all", "Deaths (PRIO)"]);
        assert_eq!(
            column_names(&strings(&["Entity, Year"]), &header),
            ["Entity", "Year"]
        );
        assert_eq!(
            column_names(&strings(&["Deaths, all", "Deaths (PRIO)"]), &header),
            ["Deaths, all", "Deaths (PRIO)"]
        );
    }

    #[test]
    fn an_unknown_column_is_named_with_the_closest_one() {
        let header = strings(&["Entity", "Year", "UCDP"]);
        let shape = Shape::Wide {
            sources: strings(&["UCD", "PRIO"]),
        };
        let quantity = strings(&["Entiy"]);
        let layout = Layout {
            quantity: &quantity,
            year: Some("Year"),
            series: &[],
            shape: &shape,
            na: &[],
        };
        let found = roles(&header, Path::new("t.csv"), &layout).unwrap_err();
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(found.len(), 3, "{messages:?}");
        assert!(
            messages[0].contains("--quantity names column `Entiy`")
                && messages[0].contains("did you mean `Entity`")
        );
        assert!(messages[1].contains("`UCD`") && messages[1].contains("did you mean `UCDP`"));
        assert!(
            messages[2].contains("`PRIO`")
                && messages[2].contains("its columns are: Entity, Year, UCDP")
        );
        assert!(found.iter().all(|f| (f.line, f.column) == (1, 1)));
    }

    #[test]
    fn the_year_names_the_quantity_and_no_column_plays_two_parts() {
        let header = strings(&["Entity", "Year", "best"]);
        let shape = Shape::Long {
            source: LongSource::Named("UCDP".into()),
            low: None,
            point: Some("best".into()),
            high: None,
        };
        let quantity = strings(&["Entity"]);
        let layout = Layout {
            quantity: &quantity,
            year: Some("Year"),
            series: &[],
            shape: &shape,
            na: &[],
        };
        let found = roles(&header, Path::new("t.csv"), &layout).unwrap();
        assert_eq!(
            (found.key, found.year, found.values),
            (vec![0, 1], Some(1), vec![("point", 2)])
        );
        let quantity = strings(&["Entity,best"]);
        let layout = Layout {
            quantity: &quantity,
            ..layout
        };
        let found = roles(&header, Path::new("t.csv"), &layout).unwrap_err();
        assert_eq!(found[0].code, Code::DuplicateColumn);
    }

    #[test]
    fn a_value_cell_is_one_plain_number_or_missing() {
        let loc = header_loc(&Arc::new(PathBuf::from("t.csv")));
        let na = strings(&["-999", "NA"]);
        assert_eq!(
            value(" 353074 ", &loc, "c", &na).unwrap().as_deref(),
            Some("353074")
        );
        assert_eq!(
            value("4.484", &loc, "c", &na).unwrap().as_deref(),
            Some("4.484")
        );
        assert_eq!(value("0", &loc, "c", &na).unwrap().as_deref(), Some("0"));
        for missing in ["", "  ", "NA", "-999"] {
            assert_eq!(value(missing, &loc, "c", &na).unwrap(), None, "{missing:?}");
        }
        for (bad, says) in [
            ("1,700", "without separators: 1700"),
            ("many", "is not a number"),
            ("-5", "negative"),
            ("1e3", "figure reader"),
            ("N/A", "not a number"),
        ] {
            let f = value(bad, &loc, "c", &na).unwrap_err();
            assert_eq!(f.code, Code::BadNumber);
            assert!(f.message.contains(says), "{bad}: {}", f.message);
        }
    }
}
