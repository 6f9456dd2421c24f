//! Reconciliation: for each quantity (or category, or quantity and kind of source), how many
//! estimates and sources there are, their envelope, the consensus interval or the conflict that
//! prevents one, the median of central values and the spread.
//!
//! The rules are plain functions over plain structs ([`summarize`]); the grouping and
//! aggregation over a whole dataset run through polars ([`crate::analysis::frame`]), and a unit test
//! holds the two to the same answers.

use std::borrow::Cow;
use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};

use anyhow::Result;

use crate::analysis::frame::{self, Aggregate, FrameRow};
use crate::analysis::interpret::Rule;
use crate::analysis::relate::Readings;
use crate::model::interval::Interval;
use crate::model::{Dataset, Provenance, Qualifier, SourceKind, Sym};

mod conflict;

#[cfg(test)]
use conflict::conflict_by_pairs;
pub use conflict::{conflict, Conflict, Side};

/// How `reconcile` groups estimates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupBy {
    /// One row per quantity.
    Quantity,
    /// One row per category (all quantities of a category together).
    Category,
    /// One row per quantity and kind of source (archival, official, historian...).
    SourceKind,
}

/// One estimate as reconciliation sees it.
#[derive(Debug, Clone)]
pub struct Member {
    pub estimate: Sym,
    pub quantity: Sym,
    pub category: Sym,
    /// The unit of its quantity.
    pub unit: Sym,
    pub source: Sym,
    pub source_kind: SourceKind,
    pub qualifier: Qualifier,
    pub interval: Interval,
    pub central: f64,
    /// True for a value derived by a ratio relation rather than stated.
    pub derived: bool,
    pub rule: Rule,
    /// The original this row restates (followed to a row that restates nothing): shown, but
    /// adding no weight of its own.
    pub restates: Option<Sym>,
    /// How the figure is evidenced.
    pub provenance: Provenance,
    /// When the estimate was made (its own year, else its source's).
    pub year: Option<i32>,
}

impl Member {
    /// True for a survey of other people's estimates (qualifier `survey`).
    pub fn is_survey(&self) -> bool {
        self.qualifier == Qualifier::Survey
    }

    /// True when the member is one independent estimate: neither a restatement nor a survey.
    /// Only these enter the median, spread, consensus and the count of sources.
    pub fn counts(&self) -> bool {
        self.restates.is_none() && !self.is_survey()
    }
}

/// The estimates that take part in reconciliation, in file order.
pub fn members(data: &Dataset, readings: &Readings) -> Vec<Member> {
    // Sized once: most estimates are members.
    let mut members = Vec::with_capacity(data.estimates.len());
    members.extend(data.estimates.iter().enumerate().filter_map(|(row, e)| {
        let reading = readings.at(row)?;
        let quantity = data.quantity(&e.quantity)?;
        Some(Member {
            estimate: e.id.clone(),
            quantity: e.quantity.clone(),
            category: quantity.category.clone(),
            unit: quantity.unit.clone(),
            source: e.source.clone(),
            source_kind: data.kind_of(e)?,
            qualifier: e.qualifier?,
            interval: reading.interval,
            central: reading.central,
            derived: readings.derived_by.contains_key(e.id.as_str()),
            rule: reading.rule.clone(),
            restates: e.restates.as_ref().map(|_| {
                data.original_of(e)
                    .map_or_else(Sym::default, |o| o.id.clone())
            }),
            provenance: data.provenance(e),
            year: data.year_of(e),
        })
    }));
    members
}

/// The reconciled summary of one group of estimates.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The group: a quantity id, a category, or `quantity/kind`.
    pub key: String,
    pub label: String,
    pub category: String,
    pub unit: String,
    pub source_kind: Option<SourceKind>,
    /// Every row of the group: independent estimates, restatements and surveys.
    pub estimates: usize,
    /// The independent estimates: neither restatements nor surveys. The figures below are
    /// theirs only; with none, they are NaN and the envelope is empty.
    pub independent: usize,
    /// Sources of independent estimates.
    pub sources: usize,
    pub derived: usize,
    /// From the lowest low to the highest high of the group's surveys, when it has any.
    pub survey: Option<Interval>,
    /// Lowest low to highest high.
    pub envelope: Interval,
    /// The values every estimate allows, when there are any.
    pub consensus: Option<Interval>,
    /// When there is no consensus: which sources disagree, and how.
    pub conflict: Option<Conflict>,
    /// Source ids involved in the conflict.
    pub disagreeing: Vec<String>,
    pub median: f64,
    pub min: f64,
    pub max: f64,
    /// Highest central value over lowest.
    pub spread: f64,
    /// The qualifiers of the group's estimates.
    pub qualifiers: Vec<Qualifier>,
}

/// The median of a list of values (the mean of the two middle ones for an even count).
pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The reconciled summary of one group, computed in plain Rust: the definition of the rules.
pub fn summarize(key: &str, all: &[&Member]) -> Summary {
    let members: Vec<&Member> = all.iter().copied().filter(|m| m.counts()).collect();
    let members = members.as_slice();
    let centrals: Vec<f64> = members.iter().map(|m| m.central).collect();
    let aggregate = Aggregate {
        key: key.to_string(),
        count: members.len(),
        sources: members
            .iter()
            .map(|m| &m.source)
            .collect::<BTreeSet<_>>()
            .len(),
        derived: members.iter().filter(|m| m.derived).count(),
        envelope_lo: members
            .iter()
            .map(|m| m.interval.lo)
            .fold(f64::INFINITY, f64::min),
        envelope_hi: members
            .iter()
            .map(|m| m.interval.hi)
            .fold(f64::NEG_INFINITY, f64::max),
        highest_lo: members
            .iter()
            .map(|m| m.interval.lo)
            .fold(f64::NEG_INFINITY, f64::max),
        lowest_hi: members
            .iter()
            .map(|m| m.interval.hi)
            .fold(f64::INFINITY, f64::min),
        median: median(&centrals),
        min: centrals.iter().copied().fold(f64::INFINITY, f64::min),
        max: centrals.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    };
    let aggregate = if members.is_empty() {
        empty(key)
    } else {
        aggregate
    };
    finish(aggregate, all)
}

/// The aggregate of a group without independent estimates: nothing to take a median of.
fn empty(key: &str) -> Aggregate {
    Aggregate {
        key: key.to_string(),
        count: 0,
        sources: 0,
        derived: 0,
        envelope_lo: f64::NAN,
        envelope_hi: f64::NAN,
        highest_lo: f64::NAN,
        lowest_hi: f64::NAN,
        median: f64::NAN,
        min: f64::NAN,
        max: f64::NAN,
    }
}

/// Turns the aggregates of a group's independent estimates into a summary (consensus or
/// conflict, spread) of all its members (`all`: qualifiers, counts, surveys).
fn finish(a: Aggregate, all: &[&Member]) -> Summary {
    let counted: Vec<&Member> = all.iter().copied().filter(|m| m.counts()).collect();
    let members = counted.as_slice();
    let surveys: Vec<Interval> = all
        .iter()
        .filter(|m| m.is_survey())
        .map(|m| m.interval)
        .collect();
    let survey = (!surveys.is_empty()).then(|| Interval {
        lo: surveys.iter().map(|i| i.lo).fold(f64::INFINITY, f64::min),
        hi: surveys
            .iter()
            .map(|i| i.hi)
            .fold(f64::NEG_INFINITY, f64::max),
    });
    let consensus = Interval {
        lo: a.highest_lo,
        hi: a.lowest_hi,
    };
    let (consensus, conflict, disagreeing) = if a.highest_lo <= a.lowest_hi {
        (Some(consensus), None, Vec::new())
    } else {
        match conflict(members) {
            Some((conflict, sources)) => (None, Some(conflict), sources),
            None => (None, None, Vec::new()),
        }
    };
    let qualifiers: BTreeSet<Qualifier> = all.iter().map(|m| m.qualifier).collect();
    Summary {
        key: a.key,
        label: String::new(),
        category: String::new(),
        unit: String::new(),
        source_kind: None,
        estimates: all.len(),
        independent: a.count,
        sources: a.sources,
        derived: a.derived,
        survey,
        envelope: Interval {
            lo: a.envelope_lo,
            hi: a.envelope_hi,
        },
        consensus,
        conflict,
        disagreeing,
        median: a.median,
        min: a.min,
        max: a.max,
        // All zero: no spread; a zero beside a positive figure: unbounded.
        spread: if a.count == 0 {
            f64::NAN
        } else if a.min > 0.0 {
            a.max / a.min
        } else if a.max > 0.0 {
            f64::INFINITY
        } else {
            1.0
        },
        qualifiers: qualifiers.into_iter().collect(),
    }
}

/// The group a member belongs to under `by`: its quantity's id, borrowed, or a composite key.
fn group_key(m: &Member, by: GroupBy) -> Cow<'_, str> {
    match by {
        GroupBy::Quantity => Cow::Borrowed(&m.quantity),
        // Inches are not pooled with centimetres, nor miles with kilometres.
        GroupBy::Category => Cow::Owned(format!("{}/{}", m.category, m.unit)),
        GroupBy::SourceKind => Cow::Owned(format!("{}/{}", m.quantity, m.source_kind)),
    }
}

/// Reconciles every group of estimates; groups come in the order of quantities.csv.
pub fn reconcile(data: &Dataset, readings: &Readings, by: GroupBy) -> Result<Vec<Summary>> {
    summaries(data, &members(data, readings), by)
}

/// Reconciles the groups of `members` (see [`members`]); groups come in the order of
/// quantities.csv.
pub fn summaries(data: &Dataset, members: &[Member], by: GroupBy) -> Result<Vec<Summary>> {
    let keys: Vec<Cow<str>> = members.iter().map(|m| group_key(m, by)).collect();
    let rows = members
        .iter()
        .zip(&keys)
        .filter(|(m, _)| m.counts())
        .map(|(m, key)| FrameRow {
            key,
            source: &m.source,
            lo: m.interval.lo,
            hi: m.interval.hi,
            central: m.central,
            derived: m.derived,
        });
    let aggregates = frame::aggregate(rows)?;
    let mut groups: HashMap<&str, Vec<&Member>> = HashMap::new();
    for (m, key) in members.iter().zip(&keys) {
        groups.entry(key).or_default().push(m);
    }
    // The first quantity with the key as its id or its category, looked up once per key:
    // a scan per comparison made 16,000 groups take seconds to sort.
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, q) in data.quantities.iter().enumerate() {
        first.entry(q.id.as_str()).or_insert(i);
        first.entry(q.category.as_str()).or_insert(i);
    }
    let order = |key: &str| -> (usize, usize) {
        let quantity = key.split('/').next().unwrap_or(key);
        let q = first.get(quantity).copied().unwrap_or(usize::MAX);
        let kind = key
            .split('/')
            .nth(1)
            .and_then(SourceKind::parse)
            .map_or(0, |k| k as usize);
        (q, kind)
    };
    // A group of restatements and surveys only has no aggregate from the frame.
    let mut aggregates = aggregates;
    let known: foldhash::HashSet<&str> = aggregates.iter().map(|a| a.key.as_str()).collect();
    let mut uncounted: Vec<&str> = groups
        .keys()
        .copied()
        .filter(|k| !known.contains(k))
        .collect();
    uncounted.sort();
    aggregates.extend(uncounted.into_iter().map(empty));
    let mut summaries: Vec<Summary> = aggregates
        .into_iter()
        .map(|a| {
            let group = groups.get(a.key.as_str()).cloned().unwrap_or_default();
            let mut s = finish(a, &group);
            describe(data, &mut s, &group, by);
            s
        })
        .collect();
    summaries.sort_by_cached_key(|s| order(&s.key));
    Ok(summaries)
}

fn describe(data: &Dataset, s: &mut Summary, group: &[&Member], by: GroupBy) {
    let Some(first) = group.first() else { return };
    let quantity = data.quantity(&first.quantity);
    s.category = first.category.to_string();
    s.unit = quantity.map(|q| q.unit.to_string()).unwrap_or_default();
    match by {
        GroupBy::Quantity => {
            s.label = quantity.map(|q| q.label.clone()).unwrap_or_default();
        }
        GroupBy::Category => {
            s.label = format!("{} ({})", first.category.replace('_', " "), first.unit);
            s.unit = first.unit.to_string();
        }
        GroupBy::SourceKind => {
            s.label = quantity.map(|q| q.label.clone()).unwrap_or_default();
            s.source_kind = Some(first.source_kind);
        }
    }
}

#[cfg(test)]
mod tests;
