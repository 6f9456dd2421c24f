//! The exported tables: reconciliation summaries and relation verdicts, each with a machine
//! projection (every column, plain numbers) and a human one (formatted for people).

use super::{Cell, Table, Tabular};
use crate::analysis::interpret::Rules;
use crate::analysis::reconcile::Summary;
use crate::analysis::relate::Outcome;
use crate::english::number::{grouped, readable, relative};
use crate::model::interval::Interval;
use crate::present::words::{self, interval_words};

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn num(v: f64) -> Cell {
    Cell::Number(v.is_finite().then_some(v))
}

/// The rule "about" was read with, as exports record it.
pub fn about_rule(rules: &Rules) -> String {
    match rules.about {
        Some(r) => format!("relative ±{}%", grouped(r * 100.0)),
        None => "rounding: ±half a unit of the last significant digit".into(),
    }
}

fn year(y: Option<i32>) -> Cell {
    Cell::Number(y.map(f64::from))
}

fn upper(i: &Interval) -> Cell {
    num(i.hi)
}

/// Reconciliation summaries ready for export.
pub struct Summaries<'a> {
    pub rows: &'a [Summary],
    pub rules: Rules,
}

impl Tabular for Summaries<'_> {
    fn machine(&self) -> Table {
        Table {
            columns: vec![
                "key",
                "label",
                "category",
                "unit",
                "source_kind",
                "estimates",
                "independent",
                "sources",
                "derived",
                "envelope_low",
                "envelope_high",
                "consensus_low",
                "consensus_high",
                "survey_low",
                "survey_high",
                "conflict",
                "disagreeing_sources",
                "median",
                "min_central",
                "max_central",
                "spread",
                "qualifiers",
                "about_rule",
            ],
            rows: self
                .rows
                .iter()
                .map(|s| {
                    vec![
                        text(&s.key),
                        text(&s.label),
                        text(&s.category),
                        text(&s.unit),
                        text(s.source_kind.map(|k| k.as_str()).unwrap_or("")),
                        num(s.estimates as f64),
                        num(s.independent as f64),
                        num(s.sources as f64),
                        num(s.derived as f64),
                        num(s.envelope.lo),
                        upper(&s.envelope),
                        s.consensus.map_or(Cell::Number(None), |c| num(c.lo)),
                        s.consensus.as_ref().map_or(Cell::Number(None), upper),
                        s.survey.map_or(Cell::Number(None), |c| num(c.lo)),
                        s.survey.as_ref().map_or(Cell::Number(None), upper),
                        text(s.conflict.as_ref().map(words::conflict).unwrap_or_default()),
                        text(s.disagreeing.join(";")),
                        num(s.median),
                        num(s.min),
                        num(s.max),
                        num(s.spread),
                        text(
                            s.qualifiers
                                .iter()
                                .map(|q| q.as_str())
                                .collect::<Vec<_>>()
                                .join(";"),
                        ),
                        text(about_rule(&self.rules)),
                    ]
                })
                .collect(),
        }
    }

    fn human(&self) -> Table {
        let by_kind = self.rows.iter().any(|s| s.source_kind.is_some());
        let mut columns = vec!["group"];
        if by_kind {
            columns.push("kind");
        }
        columns.extend([
            "estimates",
            "independent",
            "sources",
            "envelope",
            "consensus",
            "median",
            "spread",
            "disagreeing",
        ]);
        let rows = self
            .rows
            .iter()
            .map(|s| {
                let mut row = vec![text(if s.label.is_empty() { &s.key } else { &s.label })];
                if by_kind {
                    row.push(text(s.source_kind.map(|k| k.as_str()).unwrap_or("")));
                }
                let counted = s.independent > 0;
                row.extend([
                    Cell::Shown(s.estimates.to_string()),
                    Cell::Shown(s.independent.to_string()),
                    Cell::Shown(s.sources.to_string()),
                    text(if counted {
                        interval_words(&s.envelope)
                    } else {
                        "–".into()
                    }),
                    text(match &s.consensus {
                        Some(c) => interval_words(c),
                        None if counted => "conflict".into(),
                        None => "–".into(),
                    }),
                    Cell::Shown(if counted {
                        readable(s.median)
                    } else {
                        "–".into()
                    }),
                    Cell::Shown(if s.spread.is_finite() {
                        format!("{:.1}×", s.spread)
                    } else {
                        "–".into()
                    }),
                    text(s.disagreeing.join(", ")),
                ]);
                row
            })
            .collect();
        Table { columns, rows }
    }
}

/// Relation verdicts ready for export, broken and approximate first.
pub struct Verdicts<'a> {
    pub rows: Vec<&'a Outcome>,
    pub rules: Rules,
}

impl<'a> Verdicts<'a> {
    /// Orders verdicts for reading: broken, approximate, holds, derived; file order within each.
    pub fn new(outcomes: &'a [Outcome], rules: Rules) -> Self {
        let mut rows: Vec<&Outcome> = outcomes.iter().collect();
        rows.sort_by_key(|o| (o.verdict, o.line));
        Verdicts { rows, rules }
    }
}

impl Tabular for Verdicts<'_> {
    fn machine(&self) -> Table {
        Table {
            columns: vec![
                "id",
                "kind",
                "target",
                "operands",
                "factor",
                "verdict",
                "stated_low",
                "stated_high",
                "stated_value",
                "computed_low",
                "computed_high",
                "computed_value",
                "difference",
                "relative_difference",
                "needed",
                "arithmetic",
                "about_rule",
                "quote",
                "note",
            ],
            rows: self
                .rows
                .iter()
                .map(|o| {
                    vec![
                        text(&o.id),
                        text(o.kind.as_str()),
                        text(&o.target),
                        text(o.operands.join(";")),
                        Cell::Number(o.factor),
                        text(o.verdict.as_str()),
                        num(o.stated.lo),
                        upper(&o.stated),
                        num(o.stated_value),
                        num(o.computed.lo),
                        upper(&o.computed),
                        num(o.computed_value),
                        num(o.difference),
                        Cell::Number(o.relative_difference.filter(|r| r.is_finite())),
                        Cell::Number(o.needed),
                        text(words::arithmetic(&o.arithmetic)),
                        text(about_rule(&self.rules)),
                        text(&o.quote),
                        text(&o.note),
                    ]
                })
                .collect(),
        }
    }

    fn human(&self) -> Table {
        Table {
            columns: vec![
                "relation",
                "kind",
                "verdict",
                "arithmetic",
                "difference",
                "relative",
            ],
            rows: self
                .rows
                .iter()
                .map(|o| {
                    vec![
                        text(&o.id),
                        text(o.kind.as_str()),
                        text(o.verdict.as_str()),
                        text(words::arithmetic(&o.arithmetic)),
                        Cell::Shown(signed_readable(o.difference)),
                        Cell::Shown(relative(o.relative_difference)),
                    ]
                })
                .collect(),
        }
    }
}

fn signed_readable(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", readable(v))
    } else {
        readable(v)
    }
}

/// Every estimate with the interval its qualifier yields: the per-figure export for analysts.
pub struct Intervals<'a> {
    pub data: &'a crate::model::Dataset,
    pub readings: &'a crate::analysis::relate::Readings,
}

impl Tabular for Intervals<'_> {
    fn machine(&self) -> Table {
        Table {
            columns: vec![
                "id",
                "quantity",
                "source",
                "source_kind",
                "qualifier",
                "stated",
                "low",
                "high",
                "central",
                "derived",
                "rule",
                "provenance",
                "restates",
                "year",
                "period_start",
                "period_end",
                "locator",
                "quote",
            ],
            rows: self
                .data
                .estimates
                .iter()
                .filter_map(|e| {
                    let r = self.readings.get(&e.id)?;
                    Some(vec![
                        text(&e.id),
                        text(&e.quantity),
                        text(&e.source),
                        text(self.data.kind_of(e).map(|k| k.as_str()).unwrap_or("")),
                        text(e.qualifier.map(|q| q.as_str()).unwrap_or("")),
                        text(words::stated(e, r)),
                        num(r.interval.lo),
                        upper(&r.interval),
                        num(r.central),
                        text(if self.readings.derived_by.contains_key(&e.id) {
                            "true"
                        } else {
                            "false"
                        }),
                        text(words::rule(&r.rule)),
                        text(self.data.provenance(e).as_str()),
                        text(e.restates.as_deref().unwrap_or("")),
                        year(self.data.year_of(e)),
                        year(e.period_start),
                        year(e.period_end),
                        text(&e.locator),
                        text(&e.quote),
                    ])
                })
                .collect(),
        }
    }

    fn human(&self) -> Table {
        let machine = self.machine();
        let keep = ["id", "source", "stated", "rule", "provenance"];
        let index: Vec<usize> = keep
            .iter()
            .filter_map(|k| machine.columns.iter().position(|c| c == k))
            .collect();
        Table {
            columns: keep.to_vec(),
            rows: machine
                .rows
                .into_iter()
                .map(|r| index.iter().map(|&i| r[i].clone()).collect())
                .collect(),
        }
    }
}
