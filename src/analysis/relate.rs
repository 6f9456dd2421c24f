//! Relations: sums, ratios, unit conversions and subsets between figures, each given a verdict
//! with interval arithmetic (holds, approximate, broken), and the estimates ratios derive.

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use serde::Serialize;

use crate::analysis::interpret::Multiplier;
use crate::model::finding::{Code, Finding, Severity};
use crate::model::interval::Interval;
use crate::model::{Dataset, Qualifier, RelationKind, MAX_VALUE};

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
    /// Two breakdowns of one total: the arithmetic of each sum relation (by id).
    Equal {
        left: (String, Box<Arithmetic>),
        right: (String, Box<Arithmetic>),
    },
}

/// Every relation's verdict, in file order.
pub fn evaluate(data: &Dataset, readings: &Readings) -> Vec<Outcome> {
    let sums: Vec<Outcome> = data
        .relations
        .iter()
        .filter(|r| r.kind != Some(RelationKind::Equal))
        .filter_map(|r| evaluate_one(data, readings, r))
        .collect();
    let by_id: HashMap<&str, &Outcome> = sums.iter().map(|o| (o.id.as_str(), o)).collect();
    let equals: Vec<Outcome> = data
        .relations
        .iter()
        .filter(|r| r.kind == Some(RelationKind::Equal))
        .filter_map(|r| judge::evaluate_equal(r, &by_id))
        .collect();
    let mut all: Vec<Outcome> = sums.into_iter().chain(equals).collect();
    all.sort_by_key(|o| o.line);
    all
}

/// The lines with an error, per file: sorted, so a row asks for its span in O(log n).
struct ErrorLines<'a>(HashMap<&'a str, BTreeSet<u64>>);

impl<'a> ErrorLines<'a> {
    fn new(errors: &'a [Finding]) -> Self {
        let mut lines: HashMap<&str, BTreeSet<u64>> = HashMap::new();
        for f in errors.iter().filter(|f| f.severity == Severity::Error) {
            lines.entry(f.file.as_str()).or_default().insert(f.line);
        }
        ErrorLines(lines)
    }

    /// True when a line of the row has an error.
    fn flawed(&self, pos: &crate::model::RowPos) -> bool {
        self.0
            .get(pos.start.file.to_string_lossy().as_ref())
            .is_some_and(|ls| ls.range(pos.lines()).next().is_some())
    }
}

/// The estimates whose figure cannot be trusted: their row has an error, or they are derived by
/// a ratio from such a figure or through a relation row with an error.
pub fn flawed<'a>(data: &'a Dataset, errors: &[Finding]) -> HashSet<&'a str> {
    let lines = ErrorLines::new(errors);
    if lines.0.is_empty() {
        return HashSet::new();
    }
    let mut bad: HashSet<&str> = data
        .estimates
        .iter()
        .filter(|e| lines.flawed(&e.pos))
        .map(|e| e.id.as_str())
        .collect();
    loop {
        let before = bad.len();
        for r in &data.relations {
            if r.kind == Some(RelationKind::Ratio)
                && (lines.flawed(&r.pos) || r.operands.iter().any(|op| bad.contains(op.as_str())))
            {
                bad.insert(r.target.as_str());
            }
        }
        if bad.len() == before {
            break;
        }
    }
    bad
}

/// The relations that cannot be judged because their own row, their target or an operand has
/// an error: a verdict on a misread figure would blame the text for a slip in the data.
pub fn unjudged<'a>(data: &'a Dataset, errors: &[Finding]) -> HashSet<&'a str> {
    let lines = ErrorLines::new(errors);
    if lines.0.is_empty() {
        return HashSet::new();
    }
    let bad = flawed(data, errors);
    let mut unjudged: HashSet<&str> = data
        .relations
        .iter()
        .filter(|r| {
            lines.flawed(&r.pos)
                || std::iter::once(&r.target)
                    .chain(&r.operands)
                    .any(|id| bad.contains(id.as_str()))
        })
        .map(|r| r.id.as_str())
        .collect();
    // Two breakdowns are compared only when both sums are judged.
    let equal: Vec<&str> = data
        .relations
        .iter()
        .filter(|r| r.kind == Some(RelationKind::Equal))
        .filter(|r| {
            std::iter::once(&r.target)
                .chain(&r.operands)
                .any(|id| unjudged.contains(id.as_str()))
        })
        .map(|r| r.id.as_str())
        .collect();
    unjudged.extend(equal);
    unjudged
}

/// Errors only the analysis can see, as findings on the rows concerned: a multiplier whose
/// chain of bases never reaches a stated figure (`ratio-cycle`), and a relation with a figure
/// that could not be read (`relation-unevaluated`).
pub fn problems(data: &Dataset, read: &Readings, outcomes: &[Outcome]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for e in &data.estimates {
        if let Some(relation) = read.overflowed.get(e.id.as_str()) {
            findings.push(Finding::error(
                Code::DerivedOverflow,
                &e.pos.cell("point"),
                format!(
                    "the value relation `{relation}` derives for `{}` exceeds {MAX_VALUE:e}: a chain of multipliers has run away; check the factors",
                    e.id
                ),
            ));
        }
    }
    // A multiplier whose chain of bases never reaches a stated figure would vanish from every
    // reconciliation: an error, naming the chain.
    for e in &data.estimates {
        if e.qualifier != Some(Qualifier::Ratio) || read.get(&e.id).is_some() {
            continue;
        }
        let mut chain = vec![e.id.to_string()];
        let mut at = e.id.to_string();
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
    // A relation that could not be evaluated says why, rather than vanishing from the verdicts;
    // unless a column that values or relations need could not be read, which is said once.
    let values_unread = ["qualifier", "low", "point", "high"]
        .iter()
        .any(|c| data.lacks("estimates.csv", c))
        || ["kind", "target", "operands", "factor"]
            .iter()
            .any(|c| data.lacks("relations.csv", c));
    for r in &data.relations {
        if values_unread || outcomes.iter().any(|o| o.id == r.id) || r.kind.is_none() {
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

mod judge;
mod readings;
#[cfg(test)]
mod tests;

use judge::evaluate_one;
pub use judge::last_digit;
pub use readings::{readings, Readings};
