//! Judging one relation: the arithmetic of a sum, a ratio or conversion, or a part of a whole,
//! over the readings of its figures, and the verdict of interval arithmetic.

use super::{Arithmetic, Outcome, Readings, Term, Verdict};
use crate::analysis::interpret::{Reading, Rule};
use crate::model::interval::Interval;
use crate::model::{Dataset, Qualifier, Relation, RelationKind};

/// Half a unit of the last digit written: a converted figure is rounded to its last digit
/// ("1,690 kilometers" stands for 1,689.5 to 1,690.5), trailing zeros included.
pub fn last_digit(v: f64) -> f64 {
    let text = crate::english::number::plain(v);
    let decimals = text.split_once('.').map_or(0, |(_, f)| f.len());
    0.5 * 10f64.powi(-(decimals as i32))
}

/// The stated interval of a converted figure: the figure to its last written digit.
fn at_precision(reading: &Reading, qualifier: Option<Qualifier>) -> Interval {
    match qualifier {
        Some(Qualifier::Exact) => {
            let v = reading.central;
            // Figures are never negative: a stated 0 is 0 to 0.5, not -0.5 to 0.5.
            Interval::new((v - last_digit(v)).max(v.min(0.0)), v + last_digit(v))
        }
        Some(Qualifier::Range) => {
            let i = reading.interval;
            Interval::new(
                (i.lo - last_digit(i.lo)).max(i.lo.min(0.0)),
                i.hi + last_digit(i.hi),
            )
        }
        _ => reading.interval,
    }
}

/// An estimate as arithmetic shows it: a range by its ends, anything else by its central value.
fn shown(data: &Dataset, readings: &Readings, id: &str) -> Term {
    match readings.get(id) {
        Some(r) if banded(data, id) => Term::Band(r.interval),
        Some(r) => Term::Value(r.central),
        None => Term::Unread(id.to_string()),
    }
}

/// Whether an estimate is a band (a range or magnitude) rather than one figure.
fn banded(data: &Dataset, id: &str) -> bool {
    data.estimate(id)
        .and_then(|e| e.qualifier)
        .is_some_and(Qualifier::is_banded)
}

/// The judged half of an outcome: what was computed, against what, and the verdict.
struct Judged {
    stated: Interval,
    computed: Interval,
    computed_value: f64,
    arithmetic: Arithmetic,
    verdict: Verdict,
    needed: Option<f64>,
}

/// The figures a relation joins: its own row, its target's reading, its operands' readings.
struct Operands<'a> {
    data: &'a Dataset,
    readings: &'a Readings,
    relation: &'a Relation,
    target: &'a Reading,
    operands: Vec<&'a Reading>,
}

/// Judges two breakdowns of one total: the sums named by the relation's target and its one
/// operand must come to the same figure (holds), or at least overlap (approximate).
pub(super) fn evaluate_equal(
    r: &Relation,
    sums: &foldhash::HashMap<&str, &Outcome>,
) -> Option<Outcome> {
    let left = sums.get(r.target.as_str())?;
    let right = sums.get(r.operands.first()?.as_str())?;
    let (a, b) = (left.computed_value, right.computed_value);
    let verdict = if crate::english::figure::same_value(a, b) {
        Verdict::Holds
    } else if left.computed.overlaps(&right.computed) {
        Verdict::Approximate
    } else {
        Verdict::Broken
    };
    let difference = b - a;
    Some(Outcome {
        id: r.id.clone(),
        kind: RelationKind::Equal,
        target: r.target.clone(),
        operands: r.operands.clone(),
        factor: None,
        stated: left.computed,
        stated_value: a,
        computed: right.computed,
        computed_value: b,
        difference,
        relative_difference: (a != 0.0).then(|| difference / a),
        verdict,
        needed: (verdict != Verdict::Holds).then_some(a),
        arithmetic: Arithmetic::Equal {
            left: (left.id.clone(), Box::new(left.arithmetic.clone())),
            right: (right.id.clone(), Box::new(right.arithmetic.clone())),
        },
        quote: r.quote.clone(),
        note: r.note.clone(),
        line: r.pos.start.line,
    })
}

/// Evaluates one relation; `None` when a reference or a value is missing (validation says why).
pub(super) fn evaluate_one(data: &Dataset, readings: &Readings, r: &Relation) -> Option<Outcome> {
    let kind = r.kind?;
    let target = readings.get(&r.target)?;
    let operands: Vec<&Reading> = r
        .operands
        .iter()
        .map(|id| readings.get(id))
        .collect::<Option<_>>()?;
    if operands.is_empty() {
        return None;
    }
    let o = Operands {
        data,
        readings,
        relation: r,
        target,
        operands,
    };
    let judged = match kind {
        RelationKind::Sum => judge_sum(&o),
        RelationKind::Ratio | RelationKind::Conversion => judge_scale(&o, kind)?,
        RelationKind::Subset => judge_subset(&o)?,
        RelationKind::Equal => return None,
    };
    let stated_value = target.central;
    let difference = judged.computed_value - stated_value;
    Some(Outcome {
        id: r.id.clone(),
        kind,
        target: r.target.clone(),
        operands: r.operands.clone(),
        factor: r.factor,
        stated: judged.stated,
        stated_value,
        computed: judged.computed,
        computed_value: judged.computed_value,
        difference,
        // Undefined against a stated 0 (unless nothing differs).
        relative_difference: if stated_value != 0.0 {
            Some(difference / stated_value)
        } else if difference == 0.0 {
            Some(0.0)
        } else {
            None
        },
        verdict: judged.verdict,
        needed: judged.needed,
        arithmetic: judged.arithmetic,
        quote: r.quote.clone(),
        note: r.note.clone(),
        line: r.pos.start.line,
    })
}

/// A sum: the operands added up against the stated total.
fn judge_sum(o: &Operands) -> Judged {
    let (data, readings, r) = (o.data, o.readings, o.relation);
    let stated = o.target.interval;
    let computed = Interval::sum(o.operands.iter().map(|x| x.interval));
    let computed_value = o.operands.iter().map(|x| x.central).sum::<f64>();
    let parts: Vec<Term> = r
        .operands
        .iter()
        .map(|id| shown(data, readings, id))
        .collect();
    let total = if r.operands.iter().any(|id| banded(data, id)) {
        // Bands by their ends, other figures by their stated value: 9 million + 6–8 million = 15–17 million.
        let ends = r.operands.iter().zip(&o.operands).map(|(id, x)| {
            if banded(data, id) {
                x.interval
            } else {
                Interval::point(x.central)
            }
        });
        Term::Band(Interval::sum(ends))
    } else {
        Term::Value(computed_value)
    };
    let (verdict, needed) = judge(&stated, &computed, computed_value);
    Judged {
        stated,
        computed,
        computed_value,
        arithmetic: Arithmetic::Sum {
            parts,
            total,
            stated: shown(data, readings, &r.target),
        },
        verdict,
        needed,
    }
}

/// A ratio or a unit conversion: factor × the one operand against the stated figure (a
/// conversion's stated figure widened to the precision it is written to). A ratio that derives
/// its target has nothing to judge.
fn judge_scale(o: &Operands, kind: RelationKind) -> Option<Judged> {
    let (data, readings, r) = (o.data, o.readings, o.relation);
    let factor = r.factor?;
    let base = o.operands[0];
    let derived = readings.derived_by.get(&r.target) == Some(&r.id);
    let mut computed = base.interval.scale(factor);
    let computed_value = base.central * factor;
    let stated = if kind == RelationKind::Conversion {
        let target_q = data.estimate(&r.target).and_then(|e| e.qualifier);
        at_precision(o.target, target_q)
    } else {
        o.target.interval
    };
    let result = if banded(data, &r.operands[0]) {
        Term::Band(computed)
    } else {
        Term::Value(computed_value)
    };
    let mut arithmetic = Arithmetic::Scale {
        factor,
        base: shown(data, readings, &r.operands[0]),
        base_unit: data.unit_of(&r.operands[0]).unwrap_or("").to_string(),
        result,
        target_unit: data.unit_of(&r.target).unwrap_or("").to_string(),
        stated: shown(data, readings, &r.target),
    };
    if derived {
        // A derived estimate's interval carries the reading of a qualified multiplier
        // ("some two and a half times" reads 2.45–2.55): say so, with the result.
        if let Some(d) = readings.get(&r.target).filter(|d| d.interval != computed) {
            computed = d.interval;
            if let Rule::Ratio(multiplier) = &d.rule {
                arithmetic = Arithmetic::Derived {
                    multiplier: (**multiplier).clone(),
                    base: shown(data, readings, &r.operands[0]),
                    result: d.interval,
                    central: d.central,
                };
            }
        }
    }
    let (verdict, needed) = if derived {
        (Verdict::Derived, None)
    } else {
        judge(&stated, &computed, computed_value)
    };
    Some(Judged {
        stated,
        computed,
        computed_value,
        arithmetic,
        verdict,
        needed,
    })
}

/// A part of a whole: each operand must fit within the target; the worst-fitting one is judged.
fn judge_subset(o: &Operands) -> Option<Judged> {
    let (readings, r) = (o.readings, o.relation);
    let stated = o.target.interval;
    let worst = o
        .operands
        .iter()
        .map(|x| {
            let v = if x.interval.lo > stated.hi {
                Verdict::Broken
            } else if x.central > o.target.central {
                Verdict::Approximate
            } else {
                Verdict::Holds
            };
            (v, x)
        })
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.central.total_cmp(&a.1.central)))?;
    let verdict = worst.0;
    let computed_value = worst.1.central;
    let reading = |id: &str| {
        readings
            .get(id)
            .map_or(Term::Unread(id.to_string()), |r| Term::Reading(r.interval))
    };
    Some(Judged {
        stated,
        computed: worst.1.interval,
        computed_value,
        arithmetic: Arithmetic::Subset {
            parts: r.operands.iter().map(|id| reading(id)).collect(),
            whole: reading(&r.target),
        },
        verdict,
        needed: (verdict != Verdict::Holds).then_some(computed_value),
    })
}

/// The verdict of a computed value against a stated interval.
fn judge(stated: &Interval, computed: &Interval, value: f64) -> (Verdict, Option<f64>) {
    if stated.contains(value) {
        (Verdict::Holds, None)
    } else if stated.overlaps(computed) {
        (Verdict::Approximate, Some(value))
    } else {
        (Verdict::Broken, Some(value))
    }
}
