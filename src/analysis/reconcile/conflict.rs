//! Why a group has no consensus: the pairs of estimates whose intervals do not overlap, the
//! widest gaps first, and the sources that disagree.

use std::collections::BTreeSet;

use super::Member;
use crate::model::interval::Interval;

/// Why a group has no consensus: the pairs of estimates whose intervals do not overlap.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The widest gaps first, at most three: (the lower estimate, the higher one).
    pub widest: Vec<(Side, Side)>,
    /// How many disjoint pairs there are in all.
    pub pairs: usize,
}

/// One estimate in a disjoint pair: its source and interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub source: String,
    pub interval: Interval,
}

/// Names the pairs of estimates whose intervals do not overlap (widest gaps first, at most
/// three), and the sources that disagree.
pub fn conflict(members: &[&Member]) -> Option<(Conflict, Vec<String>)> {
    // A pair (a, b) is disjoint when a ends below where b starts. Everything below runs in
    // O(n log n), so a quantity with a million estimates reconciles as fast as one with three.
    let (Some(min_hi), Some(max_lo)) = (
        members.iter().map(|m| m.interval.hi).min_by(f64::total_cmp),
        members.iter().map(|m| m.interval.lo).max_by(f64::total_cmp),
    ) else {
        return None;
    };
    if min_hi >= max_lo {
        return None;
    }
    // How many disjoint pairs: for each a, the members whose lo lies above a's hi.
    let mut los: Vec<f64> = members.iter().map(|m| m.interval.lo).collect();
    los.sort_by(f64::total_cmp);
    let pairs: usize = members
        .iter()
        .map(|a| los.len() - los.partition_point(|&lo| lo <= a.interval.hi))
        .sum();
    // The widest gaps: the three widest pairs always pair one of the three members that end
    // lowest with one of the three that start highest (ties broken by estimate id).
    let mut lowest: Vec<&Member> = members.to_vec();
    lowest.sort_by(|a, b| {
        a.interval
            .hi
            .total_cmp(&b.interval.hi)
            .then(a.estimate.cmp(&b.estimate))
    });
    let mut highest: Vec<&Member> = members.to_vec();
    highest.sort_by(|a, b| {
        b.interval
            .lo
            .total_cmp(&a.interval.lo)
            .then(a.estimate.cmp(&b.estimate))
    });
    let mut widest: Vec<(&Member, &Member)> = Vec::new();
    for a in lowest.iter().take(3) {
        for b in highest.iter().take(3) {
            if a.interval.hi < b.interval.lo {
                widest.push((a, b));
            }
        }
    }
    widest.sort_by(|x, y| {
        let gap = |p: &(&Member, &Member)| p.1.interval.lo - p.0.interval.hi;
        gap(y)
            .total_cmp(&gap(x))
            .then(x.0.estimate.cmp(&y.0.estimate))
            .then(x.1.estimate.cmp(&y.1.estimate))
    });
    let side = |m: &Member| Side {
        source: m.source.to_string(),
        interval: m.interval,
    };
    let widest = widest
        .iter()
        .take(3)
        .map(|(a, b)| (side(a), side(b)))
        .collect();
    // A member disagrees when it ends below someone's start or starts above someone's end.
    let sources: BTreeSet<String> = members
        .iter()
        .filter(|m| m.interval.hi < max_lo || m.interval.lo > min_hi)
        .map(|m| m.source.to_string())
        .collect();
    Some((Conflict { widest, pairs }, sources.into_iter().collect()))
}

/// The disjoint pairs found by comparing every member with every other: the definition that
/// [`conflict`] computes faster, kept for the tests.
#[cfg(test)]
pub(super) fn conflict_by_pairs(members: &[&Member]) -> (usize, BTreeSet<String>, Option<f64>) {
    let mut count = 0;
    let mut sources = BTreeSet::new();
    let mut widest: Option<f64> = None;
    for a in members {
        for b in members {
            if a.interval.hi < b.interval.lo {
                count += 1;
                sources.insert(a.source.to_string());
                sources.insert(b.source.to_string());
                let gap = b.interval.lo - a.interval.hi;
                widest = Some(widest.map_or(gap, |w: f64| w.max(gap)));
            }
        }
    }
    (count, sources, widest)
}
