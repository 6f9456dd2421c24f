//! Closed intervals over non-negative figures, with an open upper end written as infinity.
//!
//! Counts and measures are never negative, so an interval open below ("up to 5 million") starts
//! at 0, and one open above ("over 100,000") ends at +∞; sums and scalings stay correct.

use serde::Serialize;

/// The figures an estimate allows, from `lo` to `hi` (both included; `hi` may be +∞).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    /// The interval from `lo` to `hi`; the ends are swapped if given the wrong way round.
    pub fn new(lo: f64, hi: f64) -> Self {
        if lo <= hi {
            Interval { lo, hi }
        } else {
            Interval { lo: hi, hi: lo }
        }
    }

    /// The interval holding one value.
    pub fn point(v: f64) -> Self {
        Interval { lo: v, hi: v }
    }

    /// From `lo` up, open-ended.
    pub fn at_least(lo: f64) -> Self {
        Interval {
            lo,
            hi: f64::INFINITY,
        }
    }

    /// True when the upper end is open.
    pub fn is_open_above(&self) -> bool {
        self.hi.is_infinite()
    }

    /// The sum of two intervals: every sum of a member of each.
    pub fn plus(self, other: Interval) -> Interval {
        Interval {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
        }
    }

    /// The interval multiplied by a positive factor.
    pub fn scale(self, factor: f64) -> Interval {
        Interval::new(self.lo * factor, self.hi * factor)
    }

    /// True when `v` lies inside, allowing for floating-point rounding.
    pub fn contains(&self, v: f64) -> bool {
        let eps = 1e-9 * v.abs().max(1.0);
        v >= self.lo - eps && v <= self.hi + eps
    }

    /// True when the two intervals share at least one value.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.intersect(other).is_some()
    }

    /// The values both intervals allow, if any.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let lo = self.lo.max(other.lo);
        let hi = self.hi.min(other.hi);
        let eps = 1e-9 * lo.abs().max(1.0);
        (lo <= hi + eps).then(|| Interval { lo, hi: hi.max(lo) })
    }

    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        Interval {
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }

    /// The interval sum of many intervals (the point 0 for none).
    pub fn sum(items: impl IntoIterator<Item = Interval>) -> Interval {
        items.into_iter().fold(Interval::point(0.0), Interval::plus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_with_open_ends() {
        let over = Interval::at_least(100_000.0);
        let exact = Interval::point(5.0);
        let sum = over.plus(exact);
        assert_eq!(sum.lo, 100_005.0);
        assert!(sum.is_open_above());
        let up_to = Interval::new(0.0, 5e6);
        assert_eq!(up_to.plus(exact), Interval::new(5.0, 5e6 + 5.0));
    }

    #[test]
    fn sum_contains_the_sum_of_members() {
        let parts = [Interval::new(1.0, 2.0), Interval::new(10.0, 20.0)];
        let total = Interval::sum(parts);
        assert_eq!(total, Interval::new(11.0, 22.0));
        assert!(total.contains(1.5 + 15.0));
    }

    #[test]
    fn intersection_and_overlap() {
        let a = Interval::new(750_000.0, 850_000.0);
        let b = Interval::new(1_450_000.0, 1_550_000.0);
        assert!(!a.overlaps(&b));
        assert_eq!(a.intersect(&b), None);
        let c = Interval::new(800_000.0, 2e6);
        assert_eq!(a.intersect(&c), Some(Interval::new(800_000.0, 850_000.0)));
        assert_eq!(a.hull(&b), Interval::new(750_000.0, 1_550_000.0));
    }

    #[test]
    fn scaling() {
        assert_eq!(
            Interval::point(681_692.0).scale(2.5),
            Interval::point(1_704_230.0)
        );
        let open = Interval::at_least(2.0).scale(3.0);
        assert_eq!(open.lo, 6.0);
        assert!(open.is_open_above());
    }
}
