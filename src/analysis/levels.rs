//! Checks that need readings: a restatement must agree with its original under the qualifier
//! rules, and an estimate of a part must not lie wholly above an estimate of its whole
//! (a quantity it sits under by `parent`).

use foldhash::{HashMap, HashMapExt};

use crate::analysis::reconcile::Member;
use crate::analysis::relate::Readings;
use crate::english::number::readable;
use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, Qualifier, Unit};

/// An estimate of a part whose whole interval lies above an estimate of its whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Crossing {
    /// The estimate of the part, and its quantity.
    pub part: String,
    pub part_quantity: String,
    /// The lowest estimate of the whole that the part exceeds, and its quantity.
    pub whole: String,
    pub whole_quantity: String,
    /// True when both estimates come from one source: an inconsistency of that source rather
    /// than a disagreement between sources.
    pub same_source: bool,
    /// How many estimates of the whole (of this kind: same source or not) the part exceeds.
    pub exceeded: usize,
}

/// The stated figures of an estimate that a restatement may repeat: its low, point and high,
/// or for a ratio its derived central value.
fn stated_figures(data: &Dataset, readings: &Readings, id: &str) -> Vec<f64> {
    let Some(e) = data.estimate(id) else {
        return Vec::new();
    };
    if e.qualifier == Some(Qualifier::Ratio) {
        return readings
            .get(id)
            .map(|r| vec![r.central])
            .unwrap_or_default();
    }
    [e.low, e.point, e.high].into_iter().flatten().collect()
}

/// One error per restatement whose interval holds none of its original's stated figures
/// ("2.3 million" read by the about rule holds 2,345,678; "3 million" does not).
pub fn restatement_problems(data: &Dataset, readings: &Readings) -> Vec<Finding> {
    let mut findings = Vec::new();
    let restating = data.estimates.iter().enumerate();
    for (row, e) in restating.filter(|(_, e)| e.restates.is_some()) {
        let (Some(original), Some(reading)) = (data.original_of(e), readings.at(row)) else {
            continue;
        };
        if original.quantity != e.quantity {
            continue; // check reports it
        }
        let figures = stated_figures(data, readings, &original.id);
        if figures.is_empty() || figures.iter().any(|&v| reading.interval.contains(v)) {
            continue;
        }
        let shown: Vec<String> = figures.iter().map(|&v| readable(v)).collect();
        findings.push(Finding::error(
            Code::RestatementMismatch,
            &e.pos.cell("restates"),
            format!(
                "estimate `{}` restates `{}` but does not agree with it: read by its qualifier it means {}–{}, which holds none of the original's figures ({}); it is an estimate of its own (empty `restates`), or a value is mistyped",
                e.id,
                original.id,
                readable(reading.interval.lo),
                readable(reading.interval.hi),
                shown.join(", ")
            ),
        ));
    }
    findings
}

/// The size of a quantity's unit in its dimension's base unit, so that a part in cm and a
/// whole in m compare; a unit reckon does not know compares only with itself.
fn unit_key(data: &Dataset, quantity: &str) -> Option<(String, f64)> {
    let unit = data.quantity(quantity)?.unit.trim().to_string();
    Some(match Unit::find(&unit) {
        Some(u) => (format!("{:?}", u.dimension), u.size),
        None => (unit, 1.0),
    })
}

/// The wholes of one quantity, sorted by their high end, and each source's high ends sorted.
struct Wholes<'a> {
    by_hi: Vec<&'a Member>,
    of_source: HashMap<&'a str, Vec<&'a Member>>,
}

impl<'a> Wholes<'a> {
    fn new(members: &[&'a Member]) -> Self {
        let mut by_hi = members.to_vec();
        by_hi.sort_by(|a, b| a.interval.hi.total_cmp(&b.interval.hi));
        let mut of_source: HashMap<&str, Vec<&Member>> = HashMap::new();
        for m in &by_hi {
            of_source.entry(m.source.as_str()).or_default().push(m);
        }
        Wholes { by_hi, of_source }
    }
}

/// Every estimate of a part that lies wholly above an estimate of one of its wholes: at most
/// one crossing per part estimate, whole quantity and kind (another source, the same source),
/// each against the lowest such whole estimate. Only independent estimates take part.
pub fn crossings(data: &Dataset, members: &[Member]) -> Vec<Crossing> {
    let mut by_quantity: HashMap<&str, Vec<&Member>> = HashMap::new();
    for m in members.iter().filter(|m| m.counts()) {
        by_quantity.entry(m.quantity.as_str()).or_default().push(m);
    }
    let mut wholes: HashMap<&str, Wholes> = HashMap::new();
    let mut found = Vec::new();
    for q in &data.quantities {
        let Some(parts) = by_quantity.get(q.id.as_str()) else {
            continue;
        };
        let unit = unit_key(data, &q.id);
        let mut ancestor = q.parent.clone();
        for _ in 0..data.quantities.len() {
            let Some(whole_id) = ancestor.take() else {
                break;
            };
            if whole_id == q.id {
                break; // a parent cycle has its own finding
            }
            let Some(whole_members) = by_quantity.get(whole_id.as_str()) else {
                ancestor = data.quantity(&whole_id).and_then(|w| w.parent.clone());
                continue;
            };
            let whole_unit = unit_key(data, &whole_id);
            if let (Some((dim, size)), Some((whole_dim, whole_size))) = (&unit, &whole_unit) {
                if dim == whole_dim {
                    let Some(key) = data.quantity(&whole_id).map(|w| w.id.as_str()) else {
                        break;
                    };
                    let w = wholes
                        .entry(key)
                        .or_insert_with(|| Wholes::new(whole_members));
                    for part in parts {
                        let lo = part.interval.lo * size / whole_size;
                        found.extend(cross(part, lo, w));
                    }
                }
            }
            ancestor = data.quantity(&whole_id).and_then(|w| w.parent.clone());
        }
    }
    found
}

/// The crossings of one part estimate (its low end `lo`, in the whole's unit) over `wholes`.
fn cross(part: &Member, lo: f64, wholes: &Wholes) -> Vec<Crossing> {
    // Nearly every part starts below every whole's end: then it crosses none, whichever the
    // source, and that is known from the lowest end alone.
    if wholes.by_hi.first().is_none_or(|w| w.interval.hi >= lo) {
        return Vec::new();
    }
    let below = |list: &[&Member]| list.partition_point(|w| w.interval.hi < lo);
    let exceeded = &wholes.by_hi[..below(&wholes.by_hi)];
    let own: &[&Member] = wholes
        .of_source
        .get(part.source.as_str())
        .map_or(&[], |v| v.as_slice());
    let own = &own[..below(own)];
    let crossing = |whole: &Member, same_source: bool, exceeded: usize| Crossing {
        part: part.estimate.to_string(),
        part_quantity: part.quantity.to_string(),
        whole: whole.estimate.to_string(),
        whole_quantity: whole.quantity.to_string(),
        same_source,
        exceeded,
    };
    let mut found = Vec::new();
    if let Some(lowest) = exceeded.iter().find(|w| w.source != part.source) {
        found.push(crossing(lowest, false, exceeded.len() - own.len()));
    }
    if let Some(lowest) = own.first() {
        found.push(crossing(lowest, true, own.len()));
    }
    found
}

#[cfg(test)]
mod tests;
