//! Every estimate's reading by row: read from its cells, or derived through a ratio relation
//! from the figure it multiplies.

use foldhash::HashMap;

use crate::analysis::interpret::{self, Multiplier, Reading, Rule, Rules};
use crate::english::figure;
use crate::model::interval::Interval;
use crate::model::{ById, Dataset, Qualifier, RelationKind, Sym, MAX_VALUE};

/// Every estimate's reading, ratio-derived ones included.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    /// Each estimate's reading by its row in the dataset's estimates; `None` when unread. A
    /// row holds its own reading even when its id is taken by an earlier row (an error).
    rows: Vec<Option<Reading>>,
    /// The estimates' ids by row, and their index: a reading is found by id without the
    /// dataset at hand, and without a table keyed by copies of a million ids.
    ids: Vec<Sym>,
    index: ById,
    /// Estimate id -> the relation that derives it.
    pub derived_by: HashMap<String, String>,
    /// Estimate id -> the relation whose derived value exceeded [`MAX_VALUE`]: left unread.
    pub overflowed: HashMap<String, String>,
}

impl Readings {
    /// The reading of an estimate.
    pub fn get(&self, id: &str) -> Option<&Reading> {
        self.at(self.row_of(id)?)
    }

    /// The reading of the estimate in row `row` of the dataset's estimates.
    pub fn at(&self, row: usize) -> Option<&Reading> {
        self.rows.get(row)?.as_ref()
    }

    /// The row of the first estimate with this id.
    fn row_of(&self, id: &str) -> Option<usize> {
        self.index.get(&self.ids, Sym::as_str, id)
    }
}

/// Reads every estimate, then derives the value of each `ratio` estimate from its relation.
pub fn readings(data: &Dataset, rules: &Rules) -> Readings {
    // Sized once: growing a table of a million readings rehashed it twenty times.
    let ids: Vec<Sym> = data.estimates.iter().map(|e| e.id.clone()).collect();
    let mut out = Readings {
        rows: data
            .estimates
            .iter()
            .map(|e| interpret::read(e, rules))
            .collect(),
        // The same rows as the dataset's, so the same positions: its index serves.
        index: data.estimate_index().clone(),
        ids,
        ..Readings::default()
    };
    // A ratio may rest on another ratio, listed in any order: derive until nothing changes.
    // A ratio whose chain of bases never reaches a stated figure (a cycle) stays unread, and
    // `findings` reports it.
    let mut progress = true;
    while progress {
        progress = false;
        for r in &data.relations {
            let (Some(RelationKind::Ratio), Some(factor), [operand]) =
                (r.kind, r.factor, r.operands.as_slice())
            else {
                continue;
            };
            let is_ratio_row = data
                .estimate(&r.target)
                .is_some_and(|t| t.qualifier == Some(Qualifier::Ratio));
            if !is_ratio_row
                || out.get(&r.target).is_some()
                || out.overflowed.contains_key(&r.target)
            {
                continue;
            }
            let Some(base) = out.get(operand).cloned() else {
                continue;
            };
            progress = true;
            // "some two and a half times": a qualified multiplier is read by the about rule.
            let quote = data.estimate(&r.target).map_or("", |t| t.quote.as_str());
            let rough = figure::parse(quote).cues.contains(&Qualifier::About);
            let spread = match (rough, rules.about) {
                (false, _) => 0.0,
                (true, Some(relative)) => factor * relative,
                (true, None) => interpret::half_unit(factor),
            };
            let (f_lo, f_hi) = ((factor - spread).max(0.0), factor + spread);
            let reading = Reading {
                interval: Interval::new(base.interval.lo * f_lo, base.interval.hi * f_hi),
                central: base.central * factor,
                rule: Rule::Ratio(Box::new(Multiplier {
                    factor,
                    rough: rough.then_some((f_lo, f_hi)),
                    base: operand.clone(),
                    base_central: base.central,
                    relation: r.id.clone(),
                })),
            };
            // A chain of multipliers can overflow where no cell could: refuse such a value as
            // a cell above the limit is refused.
            if !(reading.central.is_finite() && reading.central <= MAX_VALUE) {
                out.overflowed.insert(r.target.clone(), r.id.clone());
                continue;
            }
            // The target is a ratio row of the dataset (checked above), so it has a row.
            if let Some(row) = out.row_of(&r.target) {
                out.rows[row] = Some(reading);
            }
            out.derived_by.insert(r.target.clone(), r.id.clone());
        }
    }
    out
}
