//! The cross-level conflicts as an exported table: each estimate of a part that lies wholly
//! above an estimate of its whole, with both figures and who is being compared.

use super::tables::{num, text};
use super::{Cell, Table, Tabular};
use crate::analysis::Analysis;
use crate::present::words::{self, interval_words};

/// Cross-level conflicts ready for export.
pub struct Crossings<'a> {
    pub analysis: &'a Analysis,
}

/// "disagreement between sources" or "inconsistency of one source".
fn between(same_source: bool) -> &'static str {
    if same_source {
        "inconsistency of one source"
    } else {
        "disagreement between sources"
    }
}

impl Tabular for Crossings<'_> {
    fn machine(&self) -> Table {
        let a = self.analysis;
        let side = |id: &str| -> Vec<Cell> {
            let source = a.data.estimate(id).map_or("", |e| e.source.as_str());
            let interval = a.readings.get(id).map(|r| r.interval);
            vec![
                text(id),
                text(source),
                interval.map_or(Cell::Number(None), |i| num(i.lo)),
                interval.map_or(Cell::Number(None), |i| num(i.hi)),
            ]
        };
        Table {
            columns: vec![
                "part",
                "part_quantity",
                "part_source",
                "part_low",
                "part_high",
                "whole",
                "whole_quantity",
                "whole_source",
                "whole_low",
                "whole_high",
                "same_source",
                "wholes_exceeded",
                "finding",
            ],
            rows: a
                .crossings
                .iter()
                .map(|c| {
                    let part = side(&c.part);
                    let whole = side(&c.whole);
                    let mut row = vec![part[0].clone(), text(&c.part_quantity)];
                    row.extend(part[1..].iter().cloned());
                    row.push(whole[0].clone());
                    row.push(text(&c.whole_quantity));
                    row.extend(whole[1..].iter().cloned());
                    row.push(Cell::Bool(c.same_source));
                    row.push(num(c.exceeded as f64));
                    row.push(text(words::crossing(a, c)));
                    row
                })
                .collect(),
        }
    }

    fn human(&self) -> Table {
        let a = self.analysis;
        let interval = |id: &str| {
            a.readings
                .get(id)
                .map_or(String::new(), |r| interval_words(&r.interval))
        };
        Table {
            columns: vec!["part", "reads", "above the whole", "which reads", "which"],
            rows: a
                .crossings
                .iter()
                .map(|c| {
                    vec![
                        text(&c.part),
                        text(interval(&c.part)),
                        text(&c.whole),
                        text(interval(&c.whole)),
                        text(between(c.same_source)),
                    ]
                })
                .collect(),
        }
    }
}
