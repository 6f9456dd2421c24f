//! Series checks: a series is one measure over periods, so its quantities share a unit
//! (`series-units`) and each has a period of its own (`series-period`).

use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, Quantity};

/// Checks every series of the dataset.
pub(super) fn check_series(data: &Dataset, findings: &mut Vec<Finding>) {
    for series in data.series() {
        // The series' unit is its first quantity's in file order; the others are told apart
        // from it, each at its own cell.
        let mut in_file: Vec<&Quantity> = series.quantities.clone();
        in_file.sort_by_key(|q| q.pos.start.line);
        let Some(first) = in_file.iter().find(|q| !q.unit.is_empty()) else {
            continue;
        };
        for q in &in_file {
            if !q.unit.is_empty() && q.unit != first.unit {
                findings.push(Finding::error(
                    Code::SeriesUnits,
                    &q.pos.cell("unit"),
                    format!(
                        "quantity `{}` is counted in {}, but `{}`, the first quantity of series `{}`, in {}: one chart cannot draw them on one axis; give the series one unit, or name the other quantities' series apart",
                        q.id, q.unit, first.id, series.name, first.unit
                    ),
                ));
            }
        }
        for (i, q) in in_file.iter().enumerate() {
            if q.period_mid().is_none() {
                findings.push(Finding::warning(
                    Code::SeriesPeriod,
                    &q.pos.cell("series"),
                    format!(
                        "quantity `{}` of series `{}` has no period_start or period_end, so its series chart cannot place it; give it its period",
                        q.id, series.name
                    ),
                ));
                continue;
            }
            let same =
                |o: &&&Quantity| (o.period_start, o.period_end) == (q.period_start, q.period_end);
            if let Some(other) = in_file[..i].iter().find(same) {
                findings.push(Finding::warning(
                    Code::SeriesPeriod,
                    &q.pos.cell("period_start"),
                    format!(
                        "quantity `{}` covers the same period as `{}` in series `{}`, so its series chart would draw both at one point; correct the period or name its series apart",
                        q.id, other.id, series.name
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{self, one};

    fn period(id: &str, unit: &str, year: Option<i32>, line: u64) -> Quantity {
        Quantity {
            series: Some("world".into()),
            period_start: year,
            period_end: year,
            pos: sample::row("quantities.csv", sample::QUANTITIES, line),
            ..sample::quantity(id, unit)
        }
    }

    fn findings(quantities: Vec<Quantity>) -> Vec<Finding> {
        let mut contents = sample::contents("");
        contents.quantities = quantities;
        let mut out = Vec::new();
        check_series(&Dataset::new(contents), &mut out);
        out
    }

    #[test]
    fn a_series_in_two_units_is_an_error_at_the_odd_unit() {
        let found = findings(vec![
            period("w1990", "people", Some(1990), 2),
            period("w1991", "percent", Some(1991), 3),
            period("w1992", "people", Some(1992), 4),
        ]);
        let f = one(&found, Code::SeriesUnits);
        assert_eq!(f.line, 3);
        assert_eq!(f.column, sample::column(sample::QUANTITIES, "unit"));
        assert!(f.message.contains("counted in percent"), "{}", f.message);
        assert!(f.message.contains("`w1990`"), "{}", f.message);
    }

    #[test]
    fn a_period_missing_or_taken_twice_is_a_warning() {
        let found = findings(vec![
            period("w1990", "people", Some(1990), 2),
            period("again", "people", Some(1990), 3),
            period("undated", "people", None, 4),
        ]);
        let warnings: Vec<(Code, u64)> = found.iter().map(|f| (f.code, f.line)).collect();
        assert_eq!(warnings, [(Code::SeriesPeriod, 3), (Code::SeriesPeriod, 4)]);
        assert!(found[0].message.contains("same period as `w1990`"));
        assert_eq!(
            found[1].column,
            sample::column(sample::QUANTITIES, "series")
        );
    }

    #[test]
    fn one_unit_and_distinct_periods_are_clean() {
        let found = findings(vec![
            period("w1990", "people", Some(1990), 2),
            period("w1991", "people", Some(1991), 3),
            Quantity {
                series: None,
                ..period("other", "km", Some(1990), 4)
            },
        ]);
        assert!(found.is_empty(), "{found:#?}");
    }
}
