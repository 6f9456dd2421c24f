//! The exported tables: reconciliation summaries and relation verdicts, each with a machine
//! projection (every column, plain numbers) and a human one (formatted for people).

use super::{Cell, Table, Tabular};
use crate::analysis::interpret::Rules;
use crate::analysis::reconcile::Member;
use crate::analysis::reconcile::Summary;
use crate::analysis::relate::Outcome;
use crate::analysis::Analysis;
use crate::english::number::{figure, grouped, readable, relative};
use crate::model::interval::Interval;
use crate::present::digits;
use crate::present::words::{self, interval_words};
use std::collections::HashMap;

/// A text cell.
pub(super) fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A number cell; NaN and infinities are no value.
pub(super) fn num(v: f64) -> Cell {
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

/// Whether an interval is open above: the one meaning of an empty high end.
fn open(i: &Interval) -> Cell {
    Cell::Bool(i.is_open_above())
}

fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> Cell {
    Cell::List(items.into_iter().map(str::to_string).collect())
}

/// Reconciliation summaries ready for export.
pub struct Summaries<'a> {
    pub rows: &'a [Summary],
    pub rules: Rules,
    /// Where the rows come from: people's figures are written to the digits their
    /// estimates are known to.
    analysis: &'a Analysis,
}

impl<'a> Summaries<'a> {
    /// The summaries of `analysis` in `rows` (one per quantity, kind or category).
    pub fn new(analysis: &'a Analysis, rows: &'a [Summary]) -> Self {
        Summaries {
            rows,
            rules: analysis.rules,
            analysis,
        }
    }

    /// Each row's envelope and median as people read them, to the digits their estimates are
    /// known to, from one pass over the estimates: each belongs to its quantity,
    /// `quantity/kind`, `category/unit` and category groups.
    fn for_people(&self) -> Vec<(String, String)> {
        let mut groups: HashMap<String, Vec<&Member>> = HashMap::new();
        for m in digits::counted(&self.analysis.members.iter().collect::<Vec<_>>()) {
            for key in [
                m.quantity.to_string(),
                format!("{}/{}", m.quantity, m.source_kind.as_str()),
                format!("{}/{}", m.category, m.unit),
                m.category.to_string(),
            ] {
                groups.entry(key).or_default().push(m);
            }
        }
        self.rows
            .iter()
            .map(|s| {
                let members = groups.get(&s.key).map_or(&[][..], Vec::as_slice);
                let envelope = words::envelope_words(members, &s.envelope, &s.unit);
                let median = figure(s.median, digits::median_known(members, s.median), &s.unit);
                (envelope, median)
            })
            .collect()
    }
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
                "envelope_high_open",
                "has_consensus",
                "consensus_low",
                "consensus_high",
                "consensus_high_open",
                "survey_low",
                "survey_high",
                "survey_high_open",
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
                        s.source_kind.map_or(Cell::Null, |k| text(k.as_str())),
                        num(s.estimates as f64),
                        num(s.independent as f64),
                        num(s.sources as f64),
                        num(s.derived as f64),
                        num(s.envelope.lo),
                        upper(&s.envelope),
                        if s.independent > 0 {
                            open(&s.envelope)
                        } else {
                            Cell::Null
                        },
                        Cell::Bool(s.consensus.is_some()),
                        s.consensus.map_or(Cell::Null, |c| num(c.lo)),
                        s.consensus.as_ref().map_or(Cell::Null, upper),
                        s.consensus.as_ref().map_or(Cell::Null, open),
                        s.survey.map_or(Cell::Null, |c| num(c.lo)),
                        s.survey.as_ref().map_or(Cell::Null, upper),
                        s.survey.as_ref().map_or(Cell::Null, open),
                        text(s.conflict.as_ref().map(words::conflict).unwrap_or_default()),
                        list(s.disagreeing.iter().map(String::as_str)),
                        num(s.median),
                        num(s.min),
                        num(s.max),
                        num(s.spread),
                        list(s.qualifiers.iter().map(|q| q.as_str())),
                        text(about_rule(&self.rules)),
                    ]
                })
                .collect(),
        }
    }

    fn human(&self) -> Table {
        let by_kind = self.rows.iter().any(|s| s.source_kind.is_some());
        let people = self.for_people();
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
            .enumerate()
            .map(|(i, s)| {
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
                        people[i].0.clone()
                    } else {
                        "–".into()
                    }),
                    text(match &s.consensus {
                        Some(c) => words::interval_in(c, &s.unit),
                        None if counted => "conflict".into(),
                        None => "–".into(),
                    }),
                    Cell::Shown(if counted {
                        people[i].1.clone()
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
                "stated_high_open",
                "stated_value",
                "computed_low",
                "computed_high",
                "computed_high_open",
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
                        list(o.operands.iter().map(String::as_str)),
                        Cell::Number(o.factor),
                        text(o.verdict.as_str()),
                        num(o.stated.lo),
                        upper(&o.stated),
                        open(&o.stated),
                        num(o.stated_value),
                        num(o.computed.lo),
                        upper(&o.computed),
                        open(&o.computed),
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
                "quantity_label",
                "unit",
                "source",
                "source_name",
                "source_kind",
                "qualifier",
                "stated",
                "low",
                "high",
                "high_open",
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
                "interval",
            ],
            rows: self
                .data
                .estimates
                .iter()
                .enumerate()
                .filter_map(|(row, e)| {
                    let r = self.readings.at(row)?;
                    let quantity = self.data.quantity(&e.quantity);
                    Some(vec![
                        text(&e.id),
                        text(&e.quantity),
                        text(quantity.map_or("", |q| q.label.as_str())),
                        text(quantity.map_or("", |q| q.unit.as_str())),
                        text(&e.source),
                        text(self.data.source(&e.source).map_or("", |s| s.name.as_str())),
                        self.data
                            .kind_of(e)
                            .map_or(Cell::Null, |k| text(k.as_str())),
                        e.qualifier.map_or(Cell::Null, |q| text(q.as_str())),
                        text(words::stated(e, r)),
                        num(r.interval.lo),
                        upper(&r.interval),
                        open(&r.interval),
                        num(r.central),
                        Cell::Bool(self.readings.derived_by.contains_key(e.id.as_str())),
                        text(words::rule(&r.rule)),
                        text(self.data.provenance(e).as_str()),
                        text(e.restates.as_deref().unwrap_or("")),
                        year(self.data.year_of(e)),
                        year(e.period_start),
                        year(e.period_end),
                        text(&e.locator),
                        text(&e.quote),
                        text(interval_words(&r.interval)),
                    ])
                })
                .collect(),
        }
    }

    fn human(&self) -> Table {
        let machine = self.machine();
        let keep = [
            "id",
            "quantity_label",
            "source_name",
            "stated",
            "interval",
            "provenance",
            "quote",
        ];
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
