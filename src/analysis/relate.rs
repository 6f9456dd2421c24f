//! Relations: sums, ratios, unit conversions and subsets between figures, each given a verdict
//! with interval arithmetic (holds, approximate, broken), and the estimates ratios derive.

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use serde::Serialize;

use crate::analysis::interpret::{self, Multiplier, Reading, Rule, Rules};
use crate::english::figure;
use crate::model::finding::{Code, Finding, Severity};
use crate::model::interval::Interval;
use crate::model::{Dataset, Qualifier, Relation, RelationKind};

/// What interval arithmetic says of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Disjoint: the computed interval and the stated one share no value.
    Broken,
    /// The intervals overlap, but the computed value lies outside the stated interval.
    Approximate,
    /// The computed value lies within the stated figure's interval.
    Holds,
    /// A ratio that defines its target ("two and a half times as high"): nothing to check.
    Derived,
}

impl Verdict {
    /// The verdict as written in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Broken => "broken",
            Verdict::Approximate => "approximate",
            Verdict::Holds => "holds",
            Verdict::Derived => "derived",
        }
    }
}

/// A relation's verdict with the numbers behind it.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub id: String,
    pub kind: RelationKind,
    pub target: String,
    pub operands: Vec<String>,
    pub factor: Option<f64>,
    /// The stated figure's interval (for a conversion, widened to the precision it is written to).
    pub stated: Interval,
    pub stated_value: f64,
    pub computed: Interval,
    pub computed_value: f64,
    /// computed_value - stated_value.
    pub difference: f64,
    /// difference / stated_value.
    pub relative_difference: Option<f64>,
    pub verdict: Verdict,
    /// For a broken or approximate relation: the stated figure that would make it hold.
    pub needed: Option<f64>,
    /// The arithmetic behind the verdict, term by term (`present::words::arithmetic` writes
    /// it out: "353,074 + 328,612 = 681,686; stated 681,692").
    pub arithmetic: Arithmetic,
    pub quote: String,
    pub note: String,
    pub line: u64,
}

/// One figure in a relation's arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// A figure by its central value.
    Value(f64),
    /// A range by its ends ("6–8 million"); an open range by its lower end.
    Band(Interval),
    /// A whole reading: a range by its ends, an open one as "X or more".
    Reading(Interval),
    /// A figure no value could be read for, by its estimate id.
    Unread(String),
}

/// The arithmetic of one relation, as terms and results rather than text.
#[derive(Debug, Clone, PartialEq)]
pub enum Arithmetic {
    /// parts summed to a total, against the stated figure.
    Sum {
        parts: Vec<Term>,
        total: Term,
        stated: Term,
    },
    /// factor × base = result (a ratio or a unit conversion), against the stated figure; the
    /// units are those of the base's and the target's quantities.
    Scale {
        factor: f64,
        base: Term,
        base_unit: String,
        result: Term,
        target_unit: String,
        stated: Term,
    },
    /// A value derived, not stated, by a qualified multiplier: multiplier × base = result.
    Derived {
        multiplier: Multiplier,
        base: Term,
        result: Interval,
        central: f64,
    },
    /// Each part must fit within the whole.
    Subset { parts: Vec<Term>, whole: Term },
}

/// Every estimate's reading, ratio-derived ones included.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    pub by_id: HashMap<String, Reading>,
    /// Estimate id -> the relation that derives it.
    pub derived_by: HashMap<String, String>,
}

impl Readings {
    /// The reading of an estimate.
    pub fn get(&self, id: &str) -> Option<&Reading> {
        self.by_id.get(id)
    }
}

/// Reads every estimate, then derives the value of each `ratio` estimate from its relation.
pub fn readings(data: &Dataset, rules: &Rules) -> Readings {
    let mut out = Readings::default();
    for e in &data.estimates {
        if let Some(r) = interpret::read(e, rules) {
            out.by_id.insert(e.id.clone(), r);
        }
    }
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
            if !is_ratio_row || out.by_id.contains_key(&r.target) {
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
                rule: Rule::Ratio(Multiplier {
                    factor,
                    rough: rough.then_some((f_lo, f_hi)),
                    base: operand.clone(),
                    base_central: base.central,
                    relation: r.id.clone(),
                }),
            };
            out.by_id.insert(r.target.clone(), reading);
            out.derived_by.insert(r.target.clone(), r.id.clone());
        }
    }
    out
}

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

fn unit_of<'a>(data: &'a Dataset, estimate: &str) -> &'a str {
    data.estimate(estimate)
        .and_then(|e| data.quantity(&e.quantity))
        .map(|q| q.unit.as_str())
        .unwrap_or("")
}

/// Evaluates one relation; `None` when a reference or a value is missing (validation says why).
fn evaluate_one(data: &Dataset, readings: &Readings, r: &Relation) -> Option<Outcome> {
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
    let derived = readings.derived_by.get(&r.target) == Some(&r.id);
    let target_q = data.estimate(&r.target).and_then(|e| e.qualifier);
    let (stated, computed, computed_value, arithmetic, verdict, needed);
    match kind {
        RelationKind::Sum => {
            stated = target.interval;
            computed = Interval::sum(operands.iter().map(|o| o.interval));
            computed_value = operands.iter().map(|o| o.central).sum::<f64>();
            let parts: Vec<Term> = r
                .operands
                .iter()
                .map(|id| shown(data, readings, id))
                .collect();
            let total = if r.operands.iter().any(|id| banded(data, id)) {
                // Bands by their ends, other figures by their stated value: 9 million + 6–8 million = 15–17 million.
                let ends = r.operands.iter().zip(&operands).map(|(id, o)| {
                    if banded(data, id) {
                        o.interval
                    } else {
                        Interval::point(o.central)
                    }
                });
                Term::Band(Interval::sum(ends))
            } else {
                Term::Value(computed_value)
            };
            arithmetic = Arithmetic::Sum {
                parts,
                total,
                stated: shown(data, readings, &r.target),
            };
            (verdict, needed) = judge(&stated, &computed, computed_value);
        }
        RelationKind::Ratio | RelationKind::Conversion => {
            let factor = r.factor?;
            let base = operands[0];
            let mut c = base.interval.scale(factor);
            computed_value = base.central * factor;
            stated = if kind == RelationKind::Conversion {
                at_precision(target, target_q)
            } else {
                target.interval
            };
            let result = if banded(data, &r.operands[0]) {
                Term::Band(c)
            } else {
                Term::Value(computed_value)
            };
            let mut a = Arithmetic::Scale {
                factor,
                base: shown(data, readings, &r.operands[0]),
                base_unit: unit_of(data, &r.operands[0]).to_string(),
                result,
                target_unit: unit_of(data, &r.target).to_string(),
                stated: shown(data, readings, &r.target),
            };
            if derived {
                // A derived estimate's interval carries the reading of a qualified multiplier
                // ("some two and a half times" reads 2.45–2.55): say so, with the result.
                let derived_reading = readings.get(&r.target);
                if let Some(d) = derived_reading.filter(|d| d.interval != c) {
                    c = d.interval;
                    if let Rule::Ratio(multiplier) = &d.rule {
                        a = Arithmetic::Derived {
                            multiplier: multiplier.clone(),
                            base: shown(data, readings, &r.operands[0]),
                            result: d.interval,
                            central: d.central,
                        };
                    }
                }
            }
            computed = c;
            arithmetic = a;
            (verdict, needed) = if derived {
                (Verdict::Derived, None)
            } else {
                judge(&stated, &computed, computed_value)
            };
        }
        RelationKind::Subset => {
            stated = target.interval;
            // Judge each operand; report the one that fits worst.
            let worst = operands
                .iter()
                .map(|o| {
                    let v = if o.interval.lo > stated.hi {
                        Verdict::Broken
                    } else if o.central > target.central {
                        Verdict::Approximate
                    } else {
                        Verdict::Holds
                    };
                    (v, o)
                })
                .min_by(|a, b| a.0.cmp(&b.0).then(b.1.central.total_cmp(&a.1.central)))?;
            verdict = worst.0;
            computed = worst.1.interval;
            computed_value = worst.1.central;
            needed = (verdict != Verdict::Holds).then_some(computed_value);
            let reading = |id: &str| {
                readings
                    .get(id)
                    .map_or(Term::Unread(id.to_string()), |r| Term::Reading(r.interval))
            };
            arithmetic = Arithmetic::Subset {
                parts: r.operands.iter().map(|id| reading(id)).collect(),
                whole: reading(&r.target),
            };
        }
    }
    let stated_value = target.central;
    let difference = computed_value - stated_value;
    Some(Outcome {
        id: r.id.clone(),
        kind,
        target: r.target.clone(),
        operands: r.operands.clone(),
        factor: r.factor,
        stated,
        stated_value,
        computed,
        computed_value,
        difference,
        // Undefined against a stated 0 (unless nothing differs).
        relative_difference: if stated_value != 0.0 {
            Some(difference / stated_value)
        } else if difference == 0.0 {
            Some(0.0)
        } else {
            None
        },
        verdict,
        needed,
        arithmetic,
        quote: r.quote.clone(),
        note: r.note.clone(),
        line: r.pos.start.line,
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

/// Every relation's verdict, in file order.
pub fn evaluate(data: &Dataset, readings: &Readings) -> Vec<Outcome> {
    data.relations
        .iter()
        .filter_map(|r| evaluate_one(data, readings, r))
        .collect()
}

/// The relations that cannot be judged because their own row, their target or an operand has
/// an error: a verdict on a misread figure would blame the text for a slip in the data.
pub fn unjudged<'a>(data: &'a Dataset, errors: &[Finding]) -> HashSet<&'a str> {
    // The lines with an error, per file: sorted, so a row asks for its span in O(log n).
    let mut lines: HashMap<&str, BTreeSet<u64>> = HashMap::new();
    for f in errors.iter().filter(|f| f.severity == Severity::Error) {
        lines.entry(f.file.as_str()).or_default().insert(f.line);
    }
    if lines.is_empty() {
        return HashSet::new();
    }
    let flawed = |pos: &crate::model::RowPos| {
        lines
            .get(pos.start.file.to_string_lossy().as_ref())
            .is_some_and(|ls| ls.range(pos.lines()).next().is_some())
    };
    // A figure is flawed when its row has an error, or when it is derived by a ratio from a
    // flawed figure or through a flawed relation row.
    let mut bad: HashSet<&str> = data
        .estimates
        .iter()
        .filter(|e| flawed(&e.pos))
        .map(|e| e.id.as_str())
        .collect();
    loop {
        let before = bad.len();
        for r in &data.relations {
            if r.kind == Some(RelationKind::Ratio)
                && (flawed(&r.pos) || r.operands.iter().any(|op| bad.contains(op.as_str())))
            {
                bad.insert(r.target.as_str());
            }
        }
        if bad.len() == before {
            break;
        }
    }
    data.relations
        .iter()
        .filter(|r| {
            flawed(&r.pos)
                || std::iter::once(&r.target)
                    .chain(&r.operands)
                    .any(|id| bad.contains(id.as_str()))
        })
        .map(|r| r.id.as_str())
        .collect()
}

/// Errors only the analysis can see, as findings on the rows concerned: a multiplier whose
/// chain of bases never reaches a stated figure (`ratio-cycle`), and a relation with a figure
/// that could not be read (`relation-unevaluated`).
pub fn problems(data: &Dataset, read: &Readings, outcomes: &[Outcome]) -> Vec<Finding> {
    let mut findings = Vec::new();
    // A multiplier whose chain of bases never reaches a stated figure would vanish from every
    // reconciliation: an error, naming the chain.
    for e in &data.estimates {
        if e.qualifier != Some(Qualifier::Ratio) || read.get(&e.id).is_some() {
            continue;
        }
        let mut chain = vec![e.id.clone()];
        let mut at = e.id.clone();
        while let Some(r) = data.relations.iter().find(|r| {
            r.kind == Some(RelationKind::Ratio) && r.target == at && r.operands.len() == 1
        }) {
            at = r.operands[0].clone();
            let cycle = chain.contains(&at);
            chain.push(at.clone());
            if cycle || chain.len() > data.relations.len() + 1 {
                break;
            }
        }
        if chain.len() > 1
            && chain[1..].iter().all(|id| {
                data.estimate(id)
                    .is_some_and(|x| x.qualifier == Some(Qualifier::Ratio))
            })
        {
            findings.push(Finding::error(
                Code::RatioCycle,
                &e.pos.cell("qualifier"),
                format!(
                    "`{}` multiplies a figure that is itself only a multiplier, in a cycle ({}): a ratio must rest on a stated figure",
                    e.id,
                    chain.join(" → ")
                ),
            ));
        }
    }
    // A relation that could not be evaluated says why, rather than vanishing from the verdicts.
    for r in &data.relations {
        if outcomes.iter().any(|o| o.id == r.id) || r.kind.is_none() {
            continue;
        }
        let missing: Vec<&str> = std::iter::once(&r.target)
            .chain(&r.operands)
            .filter(|id| data.estimate(id).is_some() && read.get(id).is_none())
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            findings.push(Finding::error(
                Code::RelationUnevaluated,
                &r.pos.cell("operands"),
                format!(
                    "relation `{}` cannot be evaluated: no value could be read for {} (see the finding on that row)",
                    r.id,
                    missing.join(", ")
                ),
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use approx::assert_relative_eq;

    use super::*;
    use crate::model::sample::{self, row, ESTIMATES, RELATIONS};
    use crate::model::{Estimate, Loc};

    /// An estimate of `quantity`, alone on `line` of estimates.csv.
    fn estimate(line: u64, id: &str, quantity: &str, q: Qualifier, point: f64) -> Estimate {
        Estimate {
            pos: row("estimates.csv", ESTIMATES, line),
            ..sample::estimate(id, quantity, q, point, "")
        }
    }

    /// A relation alone on `line` of relations.csv.
    fn relation(
        line: u64,
        id: &str,
        kind: RelationKind,
        target: &str,
        operands: &[&str],
        factor: Option<f64>,
    ) -> Relation {
        Relation {
            pos: row("relations.csv", RELATIONS, line),
            ..sample::relation(id, kind, target, operands, factor)
        }
    }

    /// The dataset of `sample::contents` with quantities in miles, km, inches and cm added.
    fn dataset(estimates: Vec<Estimate>, relations: Vec<Relation>) -> Dataset {
        let mut contents = sample::contents("");
        for (id, unit) in [
            ("mi", "miles"),
            ("km", "km"),
            ("in", "inches"),
            ("cm", "cm"),
        ] {
            contents.quantities.push(sample::quantity(id, unit));
        }
        contents.estimates = estimates;
        contents.relations = relations;
        Dataset::new(contents)
    }

    /// Every relation's outcome, read by the default rules.
    fn outcomes(data: &Dataset) -> Vec<Outcome> {
        evaluate(data, &readings(data, &Rules::default()))
    }

    /// The article's yearly archival figures for the Great Purge: 353,074 shot in 1937 and
    /// 328,612 in 1938, on lines 2 and 3.
    fn years() -> Vec<Estimate> {
        vec![
            estimate(2, "y1937", "deaths", Qualifier::Exact, 353_074.0),
            estimate(3, "y1938", "deaths", Qualifier::Exact, 328_612.0),
        ]
    }

    #[test]
    fn the_yearly_figures_make_up_nearly_700000() {
        // "nearly 700,000 people (353,074 in 1937 and 328,612 in 1938)": 681,686 is within
        // "nearly 700,000" (650,000 to 700,000: half a unit of its 7 is 50,000).
        let mut estimates = years();
        estimates.push(estimate(
            4,
            "nearly",
            "deaths",
            Qualifier::Nearly,
            700_000.0,
        ));
        let sum = relation(
            2,
            "s",
            RelationKind::Sum,
            "nearly",
            &["y1937", "y1938"],
            None,
        );
        let data = dataset(estimates, vec![sum]);
        let [o] = outcomes(&data).try_into().expect("one outcome");
        assert_eq!(o.verdict, Verdict::Holds);
        assert_relative_eq!(o.computed_value, 681_686.0);
        assert_eq!(o.stated, Interval::new(650_000.0, 700_000.0));
        assert_eq!(o.needed, None);
    }

    #[test]
    fn the_yearly_figures_miss_the_archival_681692_by_6() {
        let mut estimates = years();
        estimates.push(estimate(
            4,
            "archival",
            "deaths",
            Qualifier::Exact,
            681_692.0,
        ));
        let sum = relation(
            2,
            "s",
            RelationKind::Sum,
            "archival",
            &["y1937", "y1938"],
            None,
        );
        let data = dataset(estimates, vec![sum]);
        let [o] = outcomes(&data).try_into().expect("one outcome");
        assert_eq!(o.verdict, Verdict::Broken);
        // 353,074 + 328,612 = 681,686, six short of 681,692.
        assert_relative_eq!(o.computed_value, 681_686.0);
        assert_relative_eq!(o.difference, -6.0);
        assert_relative_eq!(o.relative_difference.unwrap_or(0.0), -6.0 / 681_692.0);
        assert_eq!(o.needed, Some(681_686.0));
        assert_eq!(
            o.arithmetic,
            Arithmetic::Sum {
                parts: vec![Term::Value(353_074.0), Term::Value(328_612.0)],
                total: Term::Value(681_686.0),
                stated: Term::Value(681_692.0),
            }
        );
    }

    #[test]
    fn a_conversion_is_judged_to_the_last_digit_written_in_its_units() {
        // "1,050 miles (1,690 kilometers)": 1,050 × 1.609344 = 1,689.8112, within 1,689.5–1,690.5.
        // "five feet four inches high (160 cm)": 64 × 2.54 = 162.56, outside 159.5–160.5.
        let estimates = vec![
            estimate(2, "miles", "mi", Qualifier::Exact, 1_050.0),
            estimate(3, "kms", "km", Qualifier::Exact, 1_690.0),
            estimate(4, "inches", "in", Qualifier::Exact, 64.0),
            estimate(5, "cms", "cm", Qualifier::Exact, 160.0),
        ];
        let conversion = RelationKind::Conversion;
        let data = dataset(
            estimates,
            vec![
                relation(2, "advance", conversion, "kms", &["miles"], Some(1.609344)),
                relation(3, "height", conversion, "cms", &["inches"], Some(2.54)),
            ],
        );
        let [advance, height] = outcomes(&data).try_into().expect("two outcomes");
        assert_eq!(advance.verdict, Verdict::Holds);
        assert_eq!(advance.stated, Interval::new(1_689.5, 1_690.5));
        assert_relative_eq!(advance.computed_value, 1_689.811_2);
        let Arithmetic::Scale {
            factor,
            base,
            base_unit,
            result: Term::Value(result),
            target_unit,
            stated,
        } = &advance.arithmetic
        else {
            panic!("not a scale: {:?}", advance.arithmetic);
        };
        assert_eq!(
            (*factor, base, stated),
            (1.609344, &Term::Value(1_050.0), &Term::Value(1_690.0))
        );
        assert_eq!((base_unit.as_str(), target_unit.as_str()), ("miles", "km"));
        assert_relative_eq!(*result, 1_689.811_2);

        assert_eq!(height.verdict, Verdict::Broken);
        assert_eq!(height.stated, Interval::new(159.5, 160.5));
        assert_relative_eq!(height.computed_value, 162.56);
        assert_relative_eq!(height.needed.unwrap_or(0.0), 162.56);
    }

    #[test]
    fn some_two_and_a_half_times_derives_a_value_read_as_245_to_255_times() {
        // "not 681,692, but some two and a half times as high": "some" makes the factor rough,
        // half a unit of its last digit either way (2.45 to 2.55).
        let base = estimate(2, "archival", "deaths", Qualifier::Exact, 681_692.0);
        let conquest = Estimate {
            quote: "some two and a half times as high".into(),
            ..estimate(3, "conquest", "deaths", Qualifier::Ratio, 2.5)
        };
        let ratio = relation(
            2,
            "r",
            RelationKind::Ratio,
            "conquest",
            &["archival"],
            Some(2.5),
        );
        let data = dataset(vec![base, conquest], vec![ratio]);
        let read = readings(&data, &Rules::default());
        let derived = read.get("conquest").expect("a derived reading");
        assert_eq!(
            read.derived_by.get("conquest").map(String::as_str),
            Some("r")
        );
        // 681,692 × 2.5 = 1,704,230; × 2.45 = 1,670,145.4; × 2.55 = 1,738,314.6.
        assert_relative_eq!(derived.central, 1_704_230.0);
        assert_relative_eq!(derived.interval.lo, 1_670_145.4, max_relative = 1e-12);
        assert_relative_eq!(derived.interval.hi, 1_738_314.6, max_relative = 1e-12);
        let Rule::Ratio(multiplier) = &derived.rule else {
            panic!("not a ratio rule: {:?}", derived.rule);
        };
        assert_eq!(
            (
                multiplier.factor,
                multiplier.base.as_str(),
                multiplier.relation.as_str()
            ),
            (2.5, "archival", "r")
        );
        assert_relative_eq!(multiplier.base_central, 681_692.0);
        let (lo, hi) = multiplier.rough.expect("a rough factor");
        assert_relative_eq!(lo, 2.45, max_relative = 1e-12);
        assert_relative_eq!(hi, 2.55, max_relative = 1e-12);

        let [o] = evaluate(&data, &read).try_into().expect("one outcome");
        assert_eq!(o.verdict, Verdict::Derived);
        assert_eq!(o.needed, None);
        assert!(
            matches!(&o.arithmetic, Arithmetic::Derived { base: Term::Value(b), .. } if *b == 681_692.0),
            "{:?}",
            o.arithmetic
        );
    }

    #[test]
    fn a_part_above_the_whole_breaks_a_subset_and_one_near_it_is_approximate() {
        // "350,000 (144,000 of them Poles)" holds; 400,000 of 350,000 cannot; 352,000 of
        // "about 350,000" (345,000 to 355,000) only roughly.
        let estimates = vec![
            estimate(2, "arrested", "deaths", Qualifier::Exact, 350_000.0),
            estimate(3, "poles", "famine", Qualifier::Exact, 144_000.0),
            estimate(4, "too_many", "famine", Qualifier::Exact, 400_000.0),
            estimate(5, "about", "deaths", Qualifier::About, 350_000.0),
            estimate(6, "near", "famine", Qualifier::Exact, 352_000.0),
        ];
        let subset = RelationKind::Subset;
        let data = dataset(
            estimates,
            vec![
                relation(2, "holds", subset, "arrested", &["poles"], None),
                relation(
                    3,
                    "broken",
                    subset,
                    "arrested",
                    &["poles", "too_many"],
                    None,
                ),
                relation(4, "rough", subset, "about", &["near"], None),
            ],
        );
        let [holds, broken, rough] = outcomes(&data).try_into().expect("three outcomes");
        assert_eq!((holds.verdict, holds.needed), (Verdict::Holds, None));
        // The worst part is the one reported.
        assert_eq!(broken.verdict, Verdict::Broken);
        assert_relative_eq!(broken.computed_value, 400_000.0);
        assert_relative_eq!(broken.difference, 50_000.0);
        assert_eq!(rough.verdict, Verdict::Approximate);
        assert_eq!(rough.needed, Some(352_000.0));
        assert_eq!(
            rough.arithmetic,
            Arithmetic::Subset {
                parts: vec![Term::Reading(Interval::point(352_000.0))],
                whole: Term::Reading(Interval::new(345_000.0, 355_000.0)),
            }
        );
    }

    #[test]
    fn a_relation_touching_a_row_with_an_error_is_not_judged() {
        let mut estimates = years();
        estimates.push(estimate(
            4,
            "archival",
            "deaths",
            Qualifier::Exact,
            681_692.0,
        ));
        estimates.push(estimate(5, "conquest", "deaths", Qualifier::Ratio, 2.5));
        estimates.push(estimate(6, "other", "deaths", Qualifier::Exact, 1.0));
        let data = dataset(
            estimates,
            vec![
                relation(
                    2,
                    "years",
                    RelationKind::Sum,
                    "archival",
                    &["y1937", "y1938"],
                    None,
                ),
                relation(
                    3,
                    "ratio",
                    RelationKind::Ratio,
                    "conquest",
                    &["archival"],
                    Some(2.5),
                ),
                relation(
                    4,
                    "of_conquest",
                    RelationKind::Subset,
                    "conquest",
                    &["other"],
                    None,
                ),
                relation(5, "clean", RelationKind::Subset, "other", &["other"], None),
            ],
        );
        let at = |file: &str, line| Loc {
            file: std::sync::Arc::new(file.into()),
            line,
            column: 1,
        };
        // No error, nothing withheld; a warning withholds nothing either.
        assert!(unjudged(&data, &[]).is_empty());
        let warning = Finding::warning(Code::AmbiguousQuote, &at("estimates.csv", 3), "w");
        assert!(unjudged(&data, &[warning]).is_empty());
        // An error on 1938's row (line 3) reaches only the sum it is a part of.
        let error = Finding::error(Code::BadNumber, &at("estimates.csv", 3), "e");
        let mut ids: Vec<&str> = unjudged(&data, &[error]).into_iter().collect();
        ids.sort_unstable();
        assert_eq!(ids, ["years"]);
        // An error on `archival` (line 4) reaches the sum, the ratio, and through the derived
        // `conquest` the subset resting on it.
        let error = Finding::error(Code::BadNumber, &at("estimates.csv", 4), "e");
        let mut ids: Vec<&str> = unjudged(&data, &[error]).into_iter().collect();
        ids.sort_unstable();
        assert_eq!(ids, ["of_conquest", "ratio", "years"]);
        // An error on the ratio's own row (line 3 of relations.csv) taints what it derives.
        let error = Finding::error(Code::BadFactor, &at("relations.csv", 3), "e");
        let mut ids: Vec<&str> = unjudged(&data, &[error]).into_iter().collect();
        ids.sort_unstable();
        assert_eq!(ids, ["of_conquest", "ratio"]);
    }

    #[test]
    fn ratios_resting_only_on_each_other_are_a_ratio_cycle() {
        let estimates = vec![
            estimate(2, "a", "deaths", Qualifier::Ratio, 2.0),
            estimate(3, "b", "deaths", Qualifier::Ratio, 3.0),
        ];
        let data = dataset(
            estimates,
            vec![
                relation(2, "ab", RelationKind::Ratio, "a", &["b"], Some(2.0)),
                relation(3, "ba", RelationKind::Ratio, "b", &["a"], Some(3.0)),
            ],
        );
        let read = readings(&data, &Rules::default());
        assert!(read.get("a").is_none() && read.get("b").is_none());
        let found = evaluate(&data, &read);
        assert!(found.is_empty());
        let findings = problems(&data, &read, &found);
        // Each multiplier is a cycle, and each relation between them has nothing to evaluate.
        assert_eq!(
            sample::codes(&findings),
            [
                Code::RatioCycle,
                Code::RatioCycle,
                Code::RelationUnevaluated,
                Code::RelationUnevaluated
            ]
        );
        let f = &findings[0];
        assert_eq!(
            (f.line, f.column),
            (2, sample::column(ESTIMATES, "qualifier"))
        );
        assert!(
            f.message.contains("in a cycle (a → b → a)"),
            "{}",
            f.message
        );
    }

    #[test]
    fn a_relation_over_a_figure_without_a_value_is_relation_unevaluated() {
        let mut estimates = years();
        // An exact figure with no `point` has no reading (check reports the missing value).
        estimates[1].point = None;
        estimates.push(estimate(
            4,
            "archival",
            "deaths",
            Qualifier::Exact,
            681_692.0,
        ));
        let sum = relation(
            2,
            "s",
            RelationKind::Sum,
            "archival",
            &["y1937", "y1938"],
            None,
        );
        let data = dataset(estimates, vec![sum]);
        let read = readings(&data, &Rules::default());
        let found = evaluate(&data, &read);
        assert!(found.is_empty());
        let findings = problems(&data, &read, &found);
        let f = sample::one(&findings, Code::RelationUnevaluated);
        assert_eq!(
            (f.file.as_str(), f.line, f.column),
            ("relations.csv", 2, sample::column(RELATIONS, "operands"))
        );
        assert!(
            f.message
                .ends_with("no value could be read for y1938 (see the finding on that row)"),
            "{}",
            f.message
        );
    }
}
