//! One CSV row to one model object (a source, a quantity, an estimate, a relation, a context
//! passage), and the columns each file has.

use crate::english::suggest::closest;
use crate::model::finding::{Code, Finding};
use crate::model::{
    Context, Estimate, Qualifier, Quantity, Relation, RelationKind, Source, SourceKind,
};

use super::cells::{optional, parse_number, parse_year};
use super::table::Row;

/// The columns of each file, as README documents them.
pub mod columns {
    /// `texts.csv`.
    pub const TEXTS: &[&str] = &["id", "file", "title", "attribution"];
    /// `sources.csv`.
    pub const SOURCES: &[&str] = &["id", "name", "kind", "note"];
    /// `quantities.csv`.
    pub const QUANTITIES: &[&str] = &[
        "id",
        "label",
        "category",
        "unit",
        "region",
        "period_start",
        "period_end",
        "parent",
        "description",
    ];
    /// `estimates.csv`.
    pub const ESTIMATES: &[&str] = &[
        "id",
        "quantity",
        "source",
        "text",
        "low",
        "point",
        "high",
        "qualifier",
        "quote",
        "note",
    ];
    /// `relations.csv`.
    pub const RELATIONS: &[&str] = &[
        "id", "kind", "target", "operands", "factor", "quote", "note",
    ];
    /// `context.csv`.
    pub const CONTEXT: &[&str] = &["id", "text", "topic", "quote", "note"];
}

/// A `sources.csv` row; a kind outside the vocabulary is a finding.
pub(super) fn source(row: &Row, findings: &mut Vec<Finding>) -> Source {
    let raw = row.get("kind").trim();
    let kind = SourceKind::parse(raw);
    if kind.is_none() {
        let names: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
        findings.push(Finding::error(
            Code::BadKind,
            &row.pos.cell("kind"),
            format!("source kind `{raw}` is not one of: {}", names.join(", ")),
        ));
    }
    Source {
        id: row.get("id").to_string(),
        name: row.get("name").to_string(),
        kind,
        note: row.get("note").to_string(),
        pos: row.pos.clone(),
    }
}

/// A `quantities.csv` row; a period that is not a year is a finding.
pub(super) fn quantity(row: &Row, findings: &mut Vec<Finding>) -> Quantity {
    Quantity {
        id: row.get("id").to_string(),
        label: row.get("label").to_string(),
        category: row.get("category").trim().to_string(),
        unit: row.get("unit").trim().to_string(),
        region: row.get("region").to_string(),
        period_start: parse_year(
            row.get("period_start"),
            &row.pos.cell("period_start"),
            "period_start",
            findings,
        ),
        period_end: parse_year(
            row.get("period_end"),
            &row.pos.cell("period_end"),
            "period_end",
            findings,
        ),
        parent: optional(row.get("parent")),
        description: row.get("description").to_string(),
        pos: row.pos.clone(),
    }
}

/// An `estimates.csv` row; an unreadable number or an unknown qualifier is a finding.
pub(super) fn estimate(row: &Row, findings: &mut Vec<Finding>) -> Estimate {
    let number = |name: &str, findings: &mut Vec<Finding>| {
        parse_number(row.get(name), &row.pos.cell(name), name, findings)
    };
    let low = number("low", findings);
    let point = number("point", findings);
    let high = number("high", findings);
    let unreadable: Vec<&'static str> = [("low", low), ("point", point), ("high", high)]
        .into_iter()
        .filter(|(name, value)| value.is_none() && !row.get(name).trim().is_empty())
        .map(|(name, _)| name)
        .collect();
    let raw = row.get("qualifier").trim();
    let qualifier = Qualifier::parse(raw);
    if qualifier.is_none() {
        let names: Vec<&str> = Qualifier::ALL.iter().map(|q| q.as_str()).collect();
        let hint = closest(raw, names.iter().copied())
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        findings.push(Finding::error(
            Code::BadQualifier,
            &row.pos.cell("qualifier"),
            format!(
                "qualifier `{raw}` is not in the vocabulary{hint}: {}",
                names.join(", ")
            ),
        ));
    }
    Estimate {
        id: row.get("id").to_string(),
        quantity: row.get("quantity").trim().to_string(),
        source: row.get("source").trim().to_string(),
        text: row.get("text").trim().to_string(),
        low,
        point,
        high,
        qualifier,
        quote: row.get("quote").to_string(),
        note: row.get("note").to_string(),
        pos: row.pos.clone(),
        unreadable,
    }
}

/// A `relations.csv` row; an unknown kind or an unreadable factor is a finding.
pub(super) fn relation(row: &Row, findings: &mut Vec<Finding>) -> Relation {
    let raw = row.get("kind").trim();
    let kind = RelationKind::parse(raw);
    if kind.is_none() {
        let names: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
        findings.push(Finding::error(
            Code::BadKind,
            &row.pos.cell("kind"),
            format!("relation kind `{raw}` is not one of: {}", names.join(", ")),
        ));
    }
    let factor = parse_number(
        row.get("factor"),
        &row.pos.cell("factor"),
        "factor",
        findings,
    );
    let factor_unreadable = factor.is_none() && !row.get("factor").trim().is_empty();
    Relation {
        id: row.get("id").to_string(),
        kind,
        target: row.get("target").trim().to_string(),
        operands: row
            .get("operands")
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        factor,
        quote: row.get("quote").to_string(),
        note: row.get("note").to_string(),
        pos: row.pos.clone(),
        factor_unreadable,
    }
}

/// A `context.csv` row.
pub(super) fn context(row: &Row) -> Context {
    Context {
        id: row.get("id").to_string(),
        text: row.get("text").trim().to_string(),
        topic: row.get("topic").to_string(),
        quote: row.get("quote").to_string(),
        note: row.get("note").to_string(),
        pos: row.pos.clone(),
    }
}
