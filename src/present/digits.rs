//! How many digits a figure shown to people is known to: a stated figure all it was written
//! with, a computed one (a midpoint, a geometric mean, a multiple, a median) only as many as
//! its inputs. `english::number::figure` writes the figure once this is decided.

use crate::analysis::interpret::Rule;
use crate::analysis::reconcile::Member;
use crate::analysis::Analysis;
use crate::english::number::{digits, digits_at, round_to, step};

/// The significant digits an estimate's central value is known to; `None` when it is the
/// figure as stated (every digit it was written with counts).
pub fn known(m: &Member) -> Option<u32> {
    match &m.rule {
        // "tens of thousands" names an order of magnitude: its centre is known to one digit.
        Rule::Magnitude => Some(1),
        Rule::Range {
            central_stated: false,
        } => Some(digits(m.interval.lo).min(digits(m.interval.hi)).max(2)),
        Rule::Ratio(multiplier) => Some(digits(multiplier.factor).max(2)),
        _ => None,
    }
}

/// The digits a median over `counted` members is known to: those of the member it equals, else
/// the step of its least precise input (at least two digits, since it lies between two of
/// them): the median of 160 cm and 166.5 cm is 163 cm, of 11.285 and 14.7 million 13 million.
pub fn median_known(counted: &[&Member], median: f64) -> Option<u32> {
    if let Some(m) = counted.iter().find(|m| m.central == median) {
        return known(m);
    }
    let coarsest = counted
        .iter()
        .map(|m| match known(m) {
            Some(n) => step(round_to(m.central, n))
                .max(10f64.powi(m.central.abs().log10().floor() as i32 - n as i32 + 1)),
            None => step(m.central),
        })
        .fold(None, |a: Option<f64>, s| Some(a.map_or(s, |a| a.max(s))))?;
    Some(digits_at(median, coarsest).max(2))
}

/// The digits the median of a quantity's estimates (or of some of them: `median`) is known to.
pub fn of_median(analysis: &Analysis, quantity: &str, median: f64) -> Option<u32> {
    median_known(&counted(&analysis.members_of(quantity)), median)
}

/// The members that weigh in a median: no survey, no restatement.
pub fn counted<'a>(members: &[&'a Member]) -> Vec<&'a Member> {
    members
        .iter()
        .filter(|m| !matches!(m.rule, Rule::Survey) && m.restates.is_none())
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::interval::Interval;
    use crate::model::{Provenance, Qualifier, SourceKind};

    fn member(rule: Rule, lo: f64, hi: f64, central: f64) -> Member {
        Member {
            estimate: "e".into(),
            quantity: "q".into(),
            category: "c".into(),
            unit: "people".into(),
            source: "s".into(),
            source_kind: SourceKind::Historian,
            qualifier: Qualifier::Exact,
            interval: Interval::new(lo, hi),
            central,
            derived: false,
            rule,
            restates: None,
            provenance: Provenance::Quote,
            year: None,
        }
    }

    #[test]
    fn stated_figures_keep_their_digits_and_computed_ones_their_inputs() {
        // "tens of thousands": one digit.
        let tens = member(Rule::Magnitude, 1e4, 1e5, 31_622.78);
        assert_eq!(known(&tens), Some(1));
        // "between 5 and 10 million", midpoint 7.5 million: two digits at least.
        let range = member(
            Rule::Range {
                central_stated: false,
            },
            5e6,
            1e7,
            7.5e6,
        );
        assert_eq!(known(&range), Some(2));
        let exact = member(Rule::Exact, 681_692.0, 681_692.0, 681_692.0);
        assert_eq!(known(&exact), None);
        // The median of 681,692 and "nearly 700,000" is known to two digits.
        let nearly = member(Rule::Exact, 700_000.0, 700_000.0, 700_000.0);
        assert_eq!(median_known(&[&exact, &nearly], 690_846.0), Some(2));
        // Stalin's height: 160 cm (the article) and 166.5 cm (photographs): 163 cm.
        let written = member(Rule::Exact, 160.0, 160.0, 160.0);
        let photo = member(Rule::Exact, 166.5, 166.5, 166.5);
        assert_eq!(median_known(&[&written, &photo], 163.25), Some(3));
        // A median that is one of the figures keeps that figure's digits.
        assert_eq!(median_known(&[&exact, &nearly, &exact], 681_692.0), None);
    }
}
