//! Series: the quantities that share a `series` value in quantities.csv, one measure followed
//! over periods (a country's conflict deaths, year by year), each quantity one period.

use foldhash::HashMap;

use super::{Contents, Quantity};

/// One series: its name and its quantities, in the order of their periods (quantities without
/// a period last, in file order).
#[derive(Debug, Clone)]
pub struct Series<'a> {
    /// The `series` value the quantities share.
    pub name: &'a str,
    pub quantities: Vec<&'a Quantity>,
}

impl Quantity {
    /// Where the quantity stands on a time axis: the middle of its period (1937 for 1937–1937,
    /// 1937.5 for 1937–1938), or its one given end; `None` without a period.
    pub fn period_mid(&self) -> Option<f64> {
        match (self.period_start, self.period_end) {
            (Some(a), Some(b)) => Some((f64::from(a) + f64::from(b)) / 2.0),
            (Some(y), None) | (None, Some(y)) => Some(f64::from(y)),
            (None, None) => None,
        }
    }
}

impl<'a> Series<'a> {
    /// The quantities that have a period: those a chart can place.
    pub fn placed(&self) -> impl Iterator<Item = (f64, &'a Quantity)> + '_ {
        self.quantities
            .iter()
            .filter_map(|q| Some((q.period_mid()?, *q)))
    }
}

impl Contents {
    /// Every series of the dataset, in the order their names first appear in quantities.csv.
    pub fn series(&self) -> Vec<Series<'_>> {
        let mut out: Vec<Series> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::default();
        for q in &self.quantities {
            let Some(name) = q.series.as_deref() else {
                continue;
            };
            match at.get(name) {
                Some(&i) => out[i].quantities.push(q),
                None => {
                    at.insert(name, out.len());
                    out.push(Series {
                        name,
                        quantities: vec![q],
                    });
                }
            }
        }
        for s in &mut out {
            // A stable sort: quantities of one period keep their file order.
            s.quantities
                .sort_by(|a, b| match (a.period_mid(), b.period_mid()) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::model::sample;
    use crate::model::Quantity;

    fn period(id: &str, series: Option<&str>, start: Option<i32>, end: Option<i32>) -> Quantity {
        Quantity {
            series: series.map(str::to_string),
            period_start: start,
            period_end: end,
            ..sample::quantity(id, "people")
        }
    }

    #[test]
    fn quantities_sharing_a_series_form_one_in_period_order() {
        let mut contents = sample::contents("");
        contents.quantities = vec![
            period("w1990", Some("world"), Some(1990), Some(1990)),
            period("alone", None, Some(1950), Some(1950)),
            period("a1989", Some("africa"), Some(1989), Some(1989)),
            period("w_undated", Some("world"), None, None),
            period("w1989", Some("world"), Some(1989), Some(1989)),
            period("w1980s", Some("world"), Some(1980), Some(1989)),
        ];
        let series = contents.series();
        let names: Vec<&str> = series.iter().map(|s| s.name).collect();
        assert_eq!(names, ["world", "africa"]);
        let ids: Vec<&str> = series[0].quantities.iter().map(|q| q.id.as_str()).collect();
        // 1980–1989 stands at its middle, 1984.5; a quantity without a period comes last.
        assert_eq!(ids, ["w1980s", "w1989", "w1990", "w_undated"]);
        let placed: Vec<f64> = series[0].placed().map(|(x, _)| x).collect();
        assert_eq!(placed, [1984.5, 1989.0, 1990.0]);
        assert_eq!(series[1].quantities.len(), 1);
    }

    #[test]
    fn a_period_with_one_end_stands_at_that_end() {
        assert_eq!(
            period("q", None, Some(1937), None).period_mid(),
            Some(1937.0)
        );
        assert_eq!(
            period("q", None, None, Some(1953)).period_mid(),
            Some(1953.0)
        );
        assert_eq!(period("q", None, None, None).period_mid(), None);
    }
}
