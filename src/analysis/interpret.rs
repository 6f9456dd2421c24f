//! Interpretation: from a qualified figure to an interval and a central value, by one rule per
//! qualifier. README, Qualifiers, explains each rule with an example from the article.

use crate::model::interval::Interval;
use crate::model::{Estimate, Qualifier};

/// Choices the user can make about interpretation.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rules {
    /// When set, "about" and "nearly" use this relative tolerance instead of the rounding rule.
    pub about: Option<f64>,
}

/// What an estimate means as numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub interval: Interval,
    /// The value to plot and take medians of: the stated figure, or a band's midpoint.
    pub central: f64,
    /// The rule that produced the interval (`present::words::rule` says it in words).
    pub rule: Rule,
}

/// The rule by which a qualifier became an interval: data, worded only by `present`.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// The figure itself.
    Exact,
    /// "about": the figure, give or take the tolerance.
    About(Tolerance),
    /// "nearly": just below the figure, by at most the tolerance.
    Nearly(Tolerance),
    /// "over" and "at least": the figure and up, open-ended.
    OpenAbove(Qualifier),
    /// "up to" and "at most": anything up to the figure.
    UpTo(Qualifier),
    /// A range from low to high; its central value as stated, or the midpoint.
    Range { central_stated: bool },
    /// The band a magnitude names ("tens of thousands"), central value its geometric mean.
    Magnitude,
    /// A multiple of another estimate, derived by a ratio relation (boxed: the other rules are
    /// small, and every reading and member of a million-row dataset carries one).
    Ratio(Box<Multiplier>),
    /// The spread of other people's estimates, from its lowest to its highest; its midpoint
    /// is only where it is drawn, never a value that is counted.
    Survey,
}

/// How far "about" and "nearly" reach from the figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// A relative tolerance the user chose with `--about` (0.1 = ±10%).
    Relative(f64),
    /// Half a unit of the last significant digit (see [`half_unit`]): this many either way.
    HalfUnit(f64),
}

/// The multiplier of a ratio-derived estimate and what it multiplies.
#[derive(Debug, Clone, PartialEq)]
pub struct Multiplier {
    /// The factor as stated ("two and a half times": 2.5).
    pub factor: f64,
    /// For a qualified factor ("some two and a half times"): the band it is read as.
    pub rough: Option<(f64, f64)>,
    /// The estimate it multiplies, and that estimate's central value.
    pub base: String,
    pub base_central: f64,
    /// The relation that derives it.
    pub relation: String,
}

/// Half a unit of the last significant digit of `v`: the precision its rounding implies.
///
/// "around 250,000" -> 5,000; "about 3 million" -> 500,000; "around 1.7 million" -> 50,000.
/// A lone leading 1 ("10 million", "100,000") is read with one more digit (±500,000, ±5,000):
/// nobody rounds 14 million to "10 million", so the rule would otherwise be far too wide.
pub fn half_unit(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 {
        return 0.5;
    }
    for exponent in (-9..=15).rev() {
        let unit = 10f64.powi(exponent);
        let digits = v / unit;
        let rounded = digits.round();
        // Whole to within floating-point error: a fraction of a digit more ("1,234,567,891"
        // at a unit of ten is 123,456,789.1) is a finer precision, not noise.
        let noise = (4.0 * f64::EPSILON * digits).max(1e-9);
        if rounded >= 1.0 && (digits - rounded).abs() <= noise {
            let unit = if rounded == 1.0 { unit / 10.0 } else { unit };
            return unit / 2.0;
        }
    }
    // Not a finite decimal within 1e-9: treat as exact to nine decimals.
    5e-10
}

/// Reads an estimate as an interval by its qualifier's rule.
///
/// Returns `None` for a `ratio` (its value comes from the figure it multiplies, see relate) and
/// for a row whose needed columns are missing (validation reports that).
pub fn read(e: &Estimate, rules: &Rules) -> Option<Reading> {
    let q = e.qualifier?;
    let tolerance = |v: f64| match rules.about {
        Some(r) => (v * r, Tolerance::Relative(r)),
        None => {
            let h = half_unit(v);
            (h, Tolerance::HalfUnit(h))
        }
    };
    let reading = |interval, central, rule: Rule| {
        Some(Reading {
            interval,
            central,
            rule,
        })
    };
    match q {
        Qualifier::Exact => {
            let v = e.point?;
            reading(Interval::point(v), v, Rule::Exact)
        }
        Qualifier::About => {
            let v = e.point?;
            let (t, how) = tolerance(v);
            reading(Interval::new((v - t).max(0.0), v + t), v, Rule::About(how))
        }
        Qualifier::Nearly => {
            let v = e.point?;
            let (t, how) = tolerance(v);
            reading(Interval::new((v - t).max(0.0), v), v, Rule::Nearly(how))
        }
        Qualifier::Over | Qualifier::AtLeast => {
            let v = e.point?;
            reading(Interval::at_least(v), v, Rule::OpenAbove(q))
        }
        Qualifier::UpTo | Qualifier::AtMost => {
            let v = e.point?;
            reading(Interval::new(0.0, v), v, Rule::UpTo(q))
        }
        Qualifier::Range => {
            let (lo, hi) = (e.low?, e.high?);
            let central = e.point.unwrap_or((lo + hi) / 2.0);
            let central_stated = e.point.is_some();
            reading(
                Interval::new(lo, hi),
                central,
                Rule::Range { central_stated },
            )
        }
        Qualifier::Magnitude => {
            let (lo, hi) = (e.low?, e.high?);
            let central = e.point.unwrap_or((lo * hi).sqrt());
            reading(Interval::new(lo, hi), central, Rule::Magnitude)
        }
        Qualifier::Survey => {
            let (lo, hi) = (e.low?, e.high?);
            reading(Interval::new(lo, hi), (lo + hi) / 2.0, Rule::Survey)
        }
        Qualifier::Ratio => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Loc, RowPos};
    use approx::assert_relative_eq;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn estimate(q: Qualifier, low: Option<f64>, point: Option<f64>, high: Option<f64>) -> Estimate {
        let loc = Loc {
            file: Arc::new(PathBuf::from("estimates.csv")),
            line: 2,
            column: 1,
        };
        Estimate {
            id: "e".into(),
            quantity: "q".into(),
            source: "s".into(),
            text: "t".into(),
            low,
            point,
            high,
            qualifier: Some(q),
            quote: Default::default(),
            note: Default::default(),
            locator: Default::default(),
            period_start: None,
            period_end: None,
            year: None,
            restates: None,
            reading: None,
            pos: RowPos::new(loc, Vec::new(), Arc::new(Vec::new())),
            unreadable: Default::default(),
        }
    }

    fn interval(q: Qualifier, point: f64) -> Interval {
        read(&estimate(q, None, Some(point), None), &Rules::default())
            .unwrap()
            .interval
    }

    #[test]
    fn half_units_follow_the_written_precision() {
        assert_eq!(half_unit(250_000.0), 5_000.0); // "around 250,000"
        assert_eq!(half_unit(3_000_000.0), 500_000.0); // "about 3 million"
        assert_eq!(half_unit(1_700_000.0), 50_000.0); // "around 1.7 million"
        assert_eq!(half_unit(390_000.0), 5_000.0); // "some 390,000"
        assert_eq!(half_unit(14_700_000.0), 50_000.0); // "approximately 14.7 million"
        assert_eq!(half_unit(10_000_000.0), 500_000.0); // "around 10 million": lone leading 1
        assert_eq!(half_unit(100_000.0), 5_000.0); // "around one hundred thousand"
        assert_eq!(half_unit(35.0), 0.5);
        assert_relative_eq!(half_unit(2.5), 0.05);
        assert_eq!(half_unit(1_234_567_891.0), 0.5); // every digit counts
        assert_eq!(half_unit(987_654_321_000.0), 500.0);
        assert_relative_eq!(half_unit(0.3), 0.05);
        assert_relative_eq!(half_unit(0.004), 0.0005);
    }

    #[test]
    fn about_is_the_rounding_precision() {
        assert_eq!(interval(Qualifier::About, 3e6), Interval::new(2.5e6, 3.5e6));
        assert_eq!(
            interval(Qualifier::About, 250_000.0),
            Interval::new(245_000.0, 255_000.0)
        );
        // Erlikman's parts sum to 9.2 million, inside "about 9 million".
        assert!(interval(Qualifier::About, 9e6).contains(9.2e6));
    }

    #[test]
    fn about_as_a_relative_tolerance() {
        let e = estimate(Qualifier::About, None, Some(3e6), None);
        let r = read(&e, &Rules { about: Some(0.1) }).unwrap();
        assert_relative_eq!(r.interval.lo, 2.7e6);
        assert_relative_eq!(r.interval.hi, 3.3e6);
        assert_eq!(r.rule, Rule::About(Tolerance::Relative(0.1)));
    }

    #[test]
    fn nearly_is_just_below() {
        // "nearly 700,000" holds the archival 681,692.
        let i = interval(Qualifier::Nearly, 700_000.0);
        assert_eq!(i, Interval::new(650_000.0, 700_000.0));
        assert!(i.contains(681_692.0));
        assert_eq!(
            interval(Qualifier::Nearly, 3.3e6),
            Interval::new(3.25e6, 3.3e6)
        );
    }

    #[test]
    fn open_ended_qualifiers() {
        let over = interval(Qualifier::Over, 100_000.0);
        assert_eq!(over.lo, 100_000.0);
        assert!(over.is_open_above());
        assert!(interval(Qualifier::AtLeast, 1e7).is_open_above());
        assert_eq!(interval(Qualifier::UpTo, 3e7), Interval::new(0.0, 3e7));
        assert_eq!(interval(Qualifier::AtMost, 10.0), Interval::new(0.0, 10.0));
        let r = read(
            &estimate(Qualifier::Over, None, Some(160_000.0), None),
            &Rules::default(),
        )
        .unwrap();
        assert_eq!(
            r.central, 160_000.0,
            "an open interval's central value is the stated figure"
        );
    }

    #[test]
    fn ranges_and_magnitudes() {
        let r = read(
            &estimate(Qualifier::Range, Some(5e6), None, Some(1e7)),
            &Rules::default(),
        )
        .unwrap();
        assert_eq!(r.interval, Interval::new(5e6, 1e7));
        assert_eq!(r.central, 7.5e6);
        let m = read(
            &estimate(Qualifier::Magnitude, Some(1e4), None, Some(1e5)),
            &Rules::default(),
        )
        .unwrap();
        assert_eq!(m.interval, Interval::new(1e4, 1e5));
        assert_relative_eq!(m.central, 31_622.776_601_683_792, epsilon = 1e-6);
    }

    #[test]
    fn ratio_is_derived_elsewhere() {
        assert!(read(
            &estimate(Qualifier::Ratio, None, Some(2.5), None),
            &Rules::default()
        )
        .is_none());
    }
}
