//! Relations between estimates: references, operands, factors, units, and sums that count the
//! same people twice.

use foldhash::{HashMap, HashSet, HashSetExt};

use super::ids::{checkable, reference, unknown, Table};
use super::quotes::{check_quote, TextIndex};
use super::show;
use crate::english::figure::same_value;
use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, Dimension, Estimate, Qualifier, Relation, RelationKind, Unit};

/// Every relation's references, operands, factor, units and quote, and the base of every
/// multiplier.
pub(super) fn check_relations(
    data: &Dataset,
    indexes: &HashMap<&str, TextIndex>,
    findings: &mut Vec<Finding>,
) {
    let mut ratio_targets: HashSet<&str> = HashSet::new();
    for r in &data.relations {
        // Without its kind a relation's ids may name estimates or relations: nothing to check.
        if !r.pos.has("kind") {
            continue;
        }
        if r.kind == Some(RelationKind::Equal) {
            let readable = ["id", "target", "operands"]
                .iter()
                .all(|c| !data.lacks("relations.csv", c));
            if readable {
                check_equal(data, r, findings);
            }
            continue;
        }
        let target = data.estimate(&r.target);
        if target.is_none() && checkable(data, Table::Estimate, (&r.pos, "target")) {
            findings.push(unknown(
                data,
                Table::Estimate,
                &r.target,
                &r.pos.cell("target"),
            ));
        }
        for op in &r.operands {
            reference(data, Table::Estimate, op, (&r.pos, "operands"), findings);
            if op == &r.target {
                findings.push(Finding::error(
                    Code::SelfRelation,
                    &r.pos.cell("operands"),
                    format!("estimate `{op}` is both the target and an operand"),
                ));
            }
        }
        let Some(kind) = r.kind else { continue };
        if kind == RelationKind::Conversion {
            if !data.lacks("quantities.csv", "unit") {
                check_conversion(data, r, findings);
            }
        } else {
            check_one_unit(data, r, kind, findings);
        }
        if r.pos.has("operands") {
            check_arity(r, kind, findings);
        }
        if r.pos.has("factor") {
            check_factor(r, kind, findings);
        }
        if let Some(t) =
            target.filter(|t| kind == RelationKind::Ratio && t.qualifier == Some(Qualifier::Ratio))
        {
            check_multiplier(r, t, &mut ratio_targets, findings);
        }
        if !r.quote.trim().is_empty() {
            let text = target.and_then(|t| data.text(&t.text));
            if let Some((text, index)) =
                text.and_then(|t| indexes.get(t.id.as_str()).map(|i| (t, i)))
            {
                check_quote(&r.quote, text, index, &r.pos.cell("quote"), findings);
            }
        }
        if kind == RelationKind::Sum {
            check_double_counting(data, r, findings);
        }
    }
    // Which estimates a relation names is unknown when its kind or target could not be read.
    let known = !data.lacks("relations.csv", "kind")
        && !data.lacks("relations.csv", "target")
        && !data.lacks("estimates.csv", "id");
    for e in &data.estimates {
        if known && e.qualifier == Some(Qualifier::Ratio) && !ratio_targets.contains(e.id.as_str())
        {
            findings.push(Finding::error(
                Code::RatioWithoutBase,
                &e.pos.cell("qualifier"),
                format!(
                    "`{}` states a multiplier but no `ratio` relation in relations.csv names the figure it multiplies",
                    e.id
                ),
            ));
        }
    }
}

/// An `equal` relation names two `sum` relations (target and one operand), of one unit, and
/// takes no factor.
fn check_equal(data: &Dataset, r: &Relation, findings: &mut Vec<Finding>) {
    let sum = |id: &str, column: &str, findings: &mut Vec<Finding>| {
        let found = data.relations.iter().find(|x| x.id == id);
        match found {
            Some(x) if x.kind == Some(RelationKind::Sum) && x.id != r.id => Some(x),
            Some(_) => {
                findings.push(Finding::error(
                    Code::BadOperands,
                    &r.pos.cell(column),
                    format!("an equal relation compares two sum relations, and `{id}` is no sum relation"),
                ));
                None
            }
            None if data.estimate(id).is_some() => {
                findings.push(Finding::error(
                    Code::BadOperands,
                    &r.pos.cell(column),
                    format!("an equal relation compares two sum relations, and `{id}` is no sum relation"),
                ));
                None
            }
            None => {
                let hint = crate::english::suggest::closest(
                    id,
                    data.relations.iter().map(|x| x.id.as_str()),
                )
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
                findings.push(Finding::error(
                    Code::UnknownReference,
                    &r.pos.cell(column),
                    format!("relation `{id}` is not defined{hint} (an equal relation names two sum relations of relations.csv)"),
                ));
                None
            }
        }
    };
    let left = sum(&r.target, "target", findings);
    if r.operands.len() != 1 {
        findings.push(Finding::error(
            Code::BadOperands,
            &r.pos.cell("operands"),
            format!(
                "an equal relation takes exactly one operand, the other sum relation, found {}",
                r.operands.len()
            ),
        ));
    }
    let right = r
        .operands
        .first()
        .and_then(|op| sum(op, "operands", findings));
    check_factor(r, RelationKind::Equal, findings);
    if let (Some(a), Some(b)) = (left, right) {
        if let (Some(ua), Some(ub)) = (data.unit_of(&a.target), data.unit_of(&b.target)) {
            if ua != ub {
                findings.push(Finding::error(
                    Code::UnitMismatch,
                    &r.pos.cell("operands"),
                    format!("`{}` sums {ua} and `{}` sums {ub}: two breakdowns of one total share its unit", a.id, b.id),
                ));
            }
        }
    }
}

/// Only a conversion relates different units; a sum of people and houses is a slip.
fn check_one_unit(data: &Dataset, r: &Relation, kind: RelationKind, findings: &mut Vec<Finding>) {
    let Some(target_unit) = data.unit_of(&r.target) else {
        return;
    };
    for op in &r.operands {
        if let Some(op_unit) = data.unit_of(op).filter(|u| *u != target_unit) {
            findings.push(Finding::error(
                Code::UnitMismatch,
                &r.pos.cell("operands"),
                format!(
                    "a {kind} relation needs one unit, but `{}` counts {target_unit} and `{op}` counts {op_unit}; use a conversion for different units",
                    r.target
                ),
            ));
        }
    }
}

/// How many operands each kind of relation takes.
fn check_arity(r: &Relation, kind: RelationKind, findings: &mut Vec<Finding>) {
    let count = r.operands.len();
    let arity = match kind {
        RelationKind::Sum if count < 2 => Some("a sum needs two or more operands"),
        RelationKind::Ratio | RelationKind::Conversion if count != 1 => {
            Some("a ratio or conversion takes exactly one operand")
        }
        RelationKind::Subset if count == 0 => Some("a subset needs one or more operands"),
        _ => None,
    };
    if let Some(problem) = arity {
        findings.push(Finding::error(
            Code::BadOperands,
            &r.pos.cell("operands"),
            format!("{problem} (separate ids with `;`), found {count}"),
        ));
    }
}

/// A ratio or conversion needs a positive factor; a sum or subset takes none.
fn check_factor(r: &Relation, kind: RelationKind, findings: &mut Vec<Finding>) {
    match (kind, r.factor) {
        (RelationKind::Ratio | RelationKind::Conversion, None) if !r.factor_unreadable => findings
            .push(Finding::error(
                Code::MissingValue,
                &r.pos.cell("factor"),
                format!("a {kind} relation needs `factor` (target = factor × operand)"),
            )),
        (RelationKind::Sum | RelationKind::Subset | RelationKind::Equal, Some(_)) => {
            findings.push(Finding::error(
                Code::UnexpectedValue,
                &r.pos.cell("factor"),
                format!("a {kind} relation takes no `factor`"),
            ))
        }
        (_, Some(0.0)) => findings.push(Finding::error(
            Code::BadNumber,
            &r.pos.cell("factor"),
            "`factor` is 0; a relation's factor must be positive",
        )),
        _ => {}
    }
}

/// A multiplier ("two and a half times") has one base figure, and the ratio relation that
/// names it uses the multiplier as its factor.
fn check_multiplier<'a>(
    r: &Relation,
    target: &'a Estimate,
    ratio_targets: &mut HashSet<&'a str>,
    findings: &mut Vec<Finding>,
) {
    if !ratio_targets.insert(target.id.as_str()) {
        findings.push(Finding::error(
            Code::RatioTwoBases,
            &r.pos.cell("target"),
            format!(
                "`{}` is already multiplied by another `ratio` relation; a multiplier has one base figure",
                target.id
            ),
        ));
    }
    if let (Some(p), Some(f)) = (target.point, r.factor) {
        if !same_value(p, f) {
            findings.push(Finding::error(
                Code::ValueMismatch,
                &r.pos.cell("factor"),
                format!(
                    "factor {} differs from the multiplier {} stated by `{}`",
                    show(f),
                    show(p),
                    target.id
                ),
            ));
        }
    }
}

/// The dimension and size of a unit of length or mass (see `model::vocab::UNITS`), for
/// checking conversion factors; counts have no size to convert by.
fn unit_size(unit: &str) -> Option<(Dimension, f64)> {
    Unit::find(unit)
        .filter(|u| !u.is_count())
        .map(|u| (u.dimension, u.size))
}

/// A conversion between units reckon knows must use their factor: 2.54 from inches to
/// centimetres, never 1.0, and never from kilometres to people. A slip there is an error in
/// the data, not an inconsistency of the text.
fn check_conversion(data: &Dataset, r: &Relation, findings: &mut Vec<Finding>) {
    let (Some(to), Some(from)) = (
        data.unit_of(&r.target),
        r.operands.first().and_then(|op| data.unit_of(op)),
    ) else {
        return;
    };
    let loc = r.pos.cell("factor");
    let expected = if to == from {
        Some(1.0)
    } else {
        // A count (people, percent) never converts into a measure; units reckon does not
        // know (stone, nautical miles) are taken on trust.
        let count = |u: &str| Unit::find(u).is_some_and(Unit::is_count);
        let kinds_differ = match (unit_size(from), unit_size(to)) {
            (Some((a, _)), Some((b, _))) => a != b,
            (Some(_), None) => count(to),
            (None, Some(_)) => count(from),
            (None, None) => false,
        };
        match (unit_size(from), unit_size(to)) {
            (Some((dim_from, size_from)), Some((dim_to, size_to))) if dim_from == dim_to => {
                Some(size_from / size_to)
            }
            _ if !kinds_differ => None,
            _ => {
                findings.push(Finding::error(
                    Code::UnitMismatch,
                    &r.pos.cell("operands"),
                    format!(
                        "conversion `{}` turns {from} into {to}, which are not units of the same kind (a count never converts into a measure, nor a length into a mass)",
                        r.id
                    ),
                ));
                return;
            }
        }
    };
    if let (Some(expected), Some(factor)) = (expected, r.factor) {
        if (factor - expected).abs() > 1e-4 * expected {
            findings.push(Finding::error(
                Code::BadFactor,
                &loc,
                format!(
                    "conversion `{}` from {from} to {to} has factor {}, but 1 {from} is {} {to}",
                    r.id,
                    show(factor),
                    show(expected)
                ),
            ));
        }
    }
}

mod double;
use double::check_double_counting;

#[cfg(test)]
mod tests;
