//! Ids and references: every row has a well-formed, unique id, required cells are filled, and
//! every reference names a row that exists.

use foldhash::{HashMap, HashMapExt};
use std::collections::hash_map::Entry;

use super::quotes::shorten;
use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, Loc, RowPos};

/// Every row of one file has an id that is present, well formed and not used before in the file.
pub(super) fn check_ids<'a>(
    rows: impl Iterator<Item = (&'a str, &'a RowPos)>,
    what: &str,
    findings: &mut Vec<Finding>,
) {
    // The row each id was first seen on (a cell is located only for a finding), sized once:
    // growing a table of a million ids rehashed it twenty times.
    let mut seen: HashMap<&str, &RowPos> = HashMap::with_capacity(rows.size_hint().0);
    for (id, pos) in rows {
        let loc = || pos.cell("id");
        if id.trim().is_empty() {
            // A header without `id` says so once (missing-column), not on every row.
            if pos.has("id") {
                findings.push(Finding::error(
                    Code::MissingId,
                    &loc(),
                    format!("the {what} has no id"),
                ));
            }
            continue;
        }
        // Ids name files, anchors and references: letters (any script), digits, `_`, `-`, `.`.
        let allowed = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
        let starts_well = id.chars().next().is_some_and(char::is_alphanumeric);
        if !id.chars().all(allowed) || !starts_well || id.chars().count() > 200 {
            findings.push(Finding::error(
                Code::BadId,
                &loc(),
                format!(
                    "{what} id `{}` may only use letters, digits, `_`, `-` and `.`, must begin with a letter or digit, and be at most 200 characters",
                    shorten(id)
                ),
            ));
        }
        match seen.entry(id) {
            Entry::Occupied(first) => {
                let first = first.get().cell("id").line;
                findings.push(Finding::error(
                    Code::DuplicateId,
                    &loc(),
                    format!("{what} id `{id}` is already used on line {first}"),
                ));
            }
            Entry::Vacant(slot) => {
                slot.insert(pos);
            }
        }
    }
}

/// The ids of each file that has them: what a row is, the file, and each row's id and place.
pub(super) type IdRows<'a> = [(&'static str, &'static str, Vec<(&'a str, &'a RowPos)>); 4];

/// The id and place of every row of sources, quantities, estimates and relations.
pub(super) fn id_rows(data: &Dataset) -> IdRows<'_> {
    [
        (
            "source",
            "sources.csv",
            data.sources
                .iter()
                .map(|s| (s.id.as_str(), &s.pos))
                .collect(),
        ),
        (
            "quantity",
            "quantities.csv",
            data.quantities
                .iter()
                .map(|q| (q.id.as_str(), &q.pos))
                .collect(),
        ),
        (
            "estimate",
            "estimates.csv",
            data.estimates
                .iter()
                .map(|e| (e.id.as_str(), &e.pos))
                .collect(),
        ),
        (
            "relation",
            "relations.csv",
            data.relations
                .iter()
                .map(|r| (r.id.as_str(), &r.pos))
                .collect(),
        ),
    ]
}

/// An id used in two files (a quantity and an estimate both `famine`) is legal, but `explain`
/// and `chart` select by id, so the reader gets both: a warning on the later file's row.
pub(super) fn check_shared_ids(files: &IdRows, findings: &mut Vec<Finding>) {
    // For each id, a bit per file it has appeared in so far.
    let mut seen: HashMap<&str, u8> =
        HashMap::with_capacity(files.iter().map(|(_, _, rows)| rows.len()).sum());
    for (bit, (_, _, rows)) in files.iter().enumerate() {
        for &(id, pos) in rows {
            let mask = seen.entry(id).or_default();
            // A repeat within one file is a duplicate-id, reported by check_ids.
            if id.is_empty() || *mask & (1 << bit) != 0 {
                continue;
            }
            if *mask != 0 {
                let earlier: Vec<&str> = (0..files.len())
                    .filter(|b| *mask & (1 << b) != 0)
                    .map(|b| files[b].1)
                    .collect();
                findings.push(Finding::warning(
                    Code::SharedId,
                    &pos.cell("id"),
                    format!(
                        "id `{}` is also used in {}; `explain {}` shows each, but a distinct id is clearer",
                        shorten(id),
                        earlier.join(" and "),
                        shorten(id)
                    ),
                ));
            }
            *mask |= 1 << bit;
        }
    }
}

/// Reports `column` when its cell is empty (not when the header lacks the column: that has its
/// own finding).
pub(super) fn required(value: &str, column: &str, pos: &RowPos, findings: &mut Vec<Finding>) {
    if value.trim().is_empty() && pos.has(column) {
        findings.push(Finding::error(
            Code::MissingValue,
            &pos.cell(column),
            format!("`{column}` is empty; every row needs one"),
        ));
    }
}

/// Every source has a name.
pub(super) fn check_sources(data: &Dataset, findings: &mut Vec<Finding>) {
    for source in &data.sources {
        required(&source.name, "name", &source.pos, findings);
    }
}

/// Every quantity has a label, category and unit, an ordered period, and a parent that exists
/// and is not itself.
pub(super) fn check_quantities(data: &Dataset, findings: &mut Vec<Finding>) {
    let estimated: foldhash::HashSet<&str> =
        data.estimates.iter().map(|e| e.quantity.as_str()).collect();
    // Which quantities the estimates name is unknown when their `quantity` could not be read.
    let known = !data.lacks("estimates.csv", "quantity");
    for q in &data.quantities {
        if known && q.pos.has("id") && !estimated.contains(q.id.as_str()) {
            findings.push(Finding::warning(
                Code::UnestimatedQuantity,
                &q.pos.cell("id"),
                format!(
                    "quantity `{}` has no estimate, so no export, chart or report shows it; add its estimates or remove the row",
                    q.id
                ),
            ));
        }
        required(&q.label, "label", &q.pos, findings);
        required(&q.category, "category", &q.pos, findings);
        required(&q.unit, "unit", &q.pos, findings);
        if let (Some(start), Some(end)) = (q.period_start, q.period_end) {
            if start > end {
                findings.push(Finding::error(
                    Code::BadPeriod,
                    &q.pos.cell("period_end"),
                    format!("period_end {end} is before period_start {start}"),
                ));
            }
        }
        if let Some(parent) = &q.parent {
            let loc = q.pos.cell("parent");
            if reference(data, Table::Quantity, parent, (&q.pos, "parent"), findings)
                && (parent == &q.id || data.in_parent_cycle(&q.id))
            {
                findings.push(Finding::error(
                    Code::ParentCycle,
                    &loc,
                    format!("quantity `{}` is its own ancestor through `parent`", q.id),
                ));
            }
        }
    }
}

/// The kinds of row that other rows refer to by id.
#[derive(Debug, Clone, Copy)]
pub(super) enum Table {
    Text,
    Source,
    Quantity,
    Estimate,
}

impl Table {
    /// What one row is called in a message.
    fn what(self) -> &'static str {
        match self {
            Table::Text => "text",
            Table::Source => "source",
            Table::Quantity => "quantity",
            Table::Estimate => "estimate",
        }
    }

    /// The file whose rows these are.
    fn file(self) -> &'static str {
        match self {
            Table::Text => "texts.csv",
            Table::Source => "sources.csv",
            Table::Quantity => "quantities.csv",
            Table::Estimate => "estimates.csv",
        }
    }

    /// True when a row of this kind has `id`.
    fn has(self, data: &Dataset, id: &str) -> bool {
        match self {
            Table::Text => data.text(id).is_some(),
            Table::Source => data.source(id).is_some(),
            Table::Quantity => data.quantity(id).is_some(),
            Table::Estimate => data.estimate(id).is_some(),
        }
    }

    /// Every id of this kind, for the did-you-mean hint.
    fn ids(self, data: &Dataset) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            Table::Text => Box::new(data.texts.iter().map(|t| t.id.as_str())),
            Table::Source => Box::new(data.sources.iter().map(|s| s.id.as_str())),
            Table::Quantity => Box::new(data.quantities.iter().map(|q| q.id.as_str())),
            Table::Estimate => Box::new(data.estimates.iter().map(|e| e.id.as_str())),
        }
    }
}

/// Whether a reference in the cell `at` (a row and a column) to a row of `table` can be
/// checked: not when the referring column or the ids of `table` could not be read (a header
/// without the column, a file that is not comma-separated), which have their own finding.
pub(super) fn checkable(data: &Dataset, table: Table, at: (&RowPos, &str)) -> bool {
    at.0.has(at.1) && !data.lacks(table.file(), "id")
}

/// Reports `id`, in the cell `at`, unless a row of `table` has it or the reference cannot be
/// checked ([`checkable`]); true when the reference resolves.
pub(super) fn reference(
    data: &Dataset,
    table: Table,
    id: &str,
    at: (&RowPos, &str),
    findings: &mut Vec<Finding>,
) -> bool {
    let resolves = table.has(data, id);
    if !resolves && checkable(data, table, at) {
        findings.push(unknown(data, table, id, &at.0.cell(at.1)));
    }
    resolves
}

/// A reference that does not resolve, with the closest id as a hint.
pub(super) fn unknown(data: &Dataset, table: Table, id: &str, loc: &Loc) -> Finding {
    let mut hint = hints::closest_id(data, table, id)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default();
    if matches!(table, Table::Text) && data.texts.is_empty() && data.unreadable_texts.is_empty() {
        hint.push_str("; the dataset has no texts: add texts.csv, or put the texts in texts/NAME.txt (an estimate that cites a work leaves both `text` and `quote` empty)");
    }
    let shown = if id.is_empty() { "(empty)" } else { id };
    Finding::error(
        Code::UnknownReference,
        loc,
        format!("{} `{shown}` is not defined{hint}", table.what()),
    )
}

pub(super) mod hints;
#[cfg(test)]
mod tests;
