//! Double counting in a sum: two parts of one quantity, or one part within another, count the
//! same people twice. Found in time linear in the parts and the overlaps.

use foldhash::{HashMap, HashMapExt};

use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, Relation};

/// A sum that adds a quantity together with its own parent or child counts people twice.
pub(super) fn check_double_counting(data: &Dataset, r: &Relation, findings: &mut Vec<Finding>) {
    let quantities: Vec<(&str, &str)> = r
        .operands
        .iter()
        .filter_map(|op| data.estimate(op))
        // An estimate of no quantity (its cell or column empty, with a finding) overlaps nothing.
        .filter(|e| !e.quantity.is_empty())
        .map(|e| (e.id.as_str(), e.quantity.as_str()))
        .collect();
    for (i, j) in overlapping(data, &quantities) {
        let ((a, qa), (b, qb)) = (quantities[i], quantities[j]);
        let overlap = if qa == qb {
            Some(format!("both estimate `{qa}`"))
        } else if data.is_within(qa, qb) {
            Some(format!("`{qa}` is part of `{qb}`"))
        } else if data.is_within(qb, qa) {
            Some(format!("`{qb}` is part of `{qa}`"))
        } else {
            None
        };
        if let Some(overlap) = overlap {
            findings.push(Finding::warning(
                Code::DoubleCounting,
                &r.pos.cell("operands"),
                format!("sum `{}` adds `{a}` and `{b}`, but {overlap}: the same people are counted twice", r.id),
            ));
        }
    }
}

/// The pairs of parts (by position, the earlier first, in order) whose quantities may overlap:
/// the same quantity, or one within the other. Found without comparing every pair, so a sum
/// of 16,000 parts costs what its parts and overlaps do: parts of one quantity are grouped,
/// and the quantities' intervals in the hierarchy are swept in order, each meeting only the
/// quantities that hold it. A quantity with no interval (unknown, or on a parent cycle, both
/// with findings) is compared with every part.
fn overlapping(data: &Dataset, parts: &[(&str, &str)]) -> Vec<(usize, usize)> {
    let mut by_quantity: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, q)) in parts.iter().enumerate() {
        by_quantity.entry(q).or_default().push(i);
    }
    let mut pairs = Vec::new();
    let mut placed: Vec<((u32, u32), &[usize])> = Vec::new();
    for (q, members) in &by_quantity {
        for (n, &i) in members.iter().enumerate() {
            pairs.extend(members[n + 1..].iter().map(|&j| (i, j)));
        }
        match data.hierarchy_span(q) {
            Some(span) => placed.push((span, members)),
            None => {
                for &i in members {
                    pairs.extend(
                        (0..parts.len())
                            .filter(|&j| j != i)
                            .map(|j| (i.min(j), i.max(j))),
                    );
                }
            }
        }
    }
    // Intervals in the hierarchy nest or are apart: sorted by entry, the ones still open when
    // a quantity is reached are exactly those that hold it.
    placed.sort_unstable_by_key(|&((entry, exit), _)| (entry, std::cmp::Reverse(exit)));
    let mut open: Vec<((u32, u32), &[usize])> = Vec::new();
    for (span, members) in placed {
        while open.last().is_some_and(|((_, exit), _)| *exit < span.0) {
            open.pop();
        }
        for (_, outer) in &open {
            for &i in members {
                pairs.extend(outer.iter().map(|&j| (i.min(j), i.max(j))));
            }
        }
        open.push((span, members));
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
