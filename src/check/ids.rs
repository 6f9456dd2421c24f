//! Ids and references: every row has a well-formed, unique id, required cells are filled, and
//! every reference names a row that exists.

use foldhash::{HashMap, HashMapExt};

use super::quotes::shorten;
use crate::english::suggest::closest;
use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, Loc, RowPos};

/// Every row of one file has an id that is present, well formed and not used before in the file.
pub(super) fn check_ids<'a>(
    rows: impl Iterator<Item = (&'a str, &'a RowPos)>,
    what: &str,
    findings: &mut Vec<Finding>,
) {
    let mut seen: HashMap<&str, u64> = HashMap::new();
    for (id, pos) in rows {
        let loc = pos.cell("id");
        if id.trim().is_empty() {
            findings.push(Finding::error(
                Code::MissingId,
                &loc,
                format!("the {what} has no id"),
            ));
            continue;
        }
        // Ids name files, anchors and references: letters (any script), digits, `_`, `-`, `.`.
        let allowed = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
        let starts_well = id.chars().next().is_some_and(char::is_alphanumeric);
        if !id.chars().all(allowed) || !starts_well || id.chars().count() > 200 {
            findings.push(Finding::error(
                Code::BadId,
                &loc,
                format!(
                    "{what} id `{}` may only use letters, digits, `_`, `-` and `.`, must begin with a letter or digit, and be at most 200 characters",
                    shorten(id)
                ),
            ));
        }
        if let Some(first) = seen.get(id) {
            findings.push(Finding::error(
                Code::DuplicateId,
                &loc,
                format!("{what} id `{id}` is already used on line {first}"),
            ));
        } else {
            seen.insert(id, loc.line);
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
    let mut seen: HashMap<&str, u8> = HashMap::new();
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

/// Reports `column` when its cell is empty.
pub(super) fn required(value: &str, column: &str, pos: &RowPos, findings: &mut Vec<Finding>) {
    if value.trim().is_empty() {
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
    for q in &data.quantities {
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
            if reference(data, Table::Quantity, parent, &loc, findings)
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

/// Reports `id` unless a row of `table` has it; true when the reference resolves.
pub(super) fn reference(
    data: &Dataset,
    table: Table,
    id: &str,
    loc: &Loc,
    findings: &mut Vec<Finding>,
) -> bool {
    let resolves = table.has(data, id);
    if !resolves {
        findings.push(unknown(data, table, id, loc));
    }
    resolves
}

/// A reference that does not resolve, with the closest id as a hint.
pub(super) fn unknown(data: &Dataset, table: Table, id: &str, loc: &Loc) -> Finding {
    let hint = closest(id, table.ids(data))
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default();
    let shown = if id.is_empty() { "(empty)" } else { id };
    Finding::error(
        Code::UnknownReference,
        loc,
        format!("{} `{shown}` is not defined{hint}", table.what()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{self, one, row, QUANTITIES, SOURCES};
    use crate::model::{Contents, Quantity, Source};

    fn sources(ids: &[(&str, u64)]) -> Vec<Source> {
        ids.iter()
            .map(|&(id, line)| Source {
                pos: row("sources.csv", SOURCES, line),
                ..sample::source(id)
            })
            .collect()
    }

    fn ids_of(sources: &[Source]) -> Vec<Finding> {
        let mut findings = Vec::new();
        check_ids(
            sources.iter().map(|s| (s.id.as_str(), &s.pos)),
            "source",
            &mut findings,
        );
        findings
    }

    #[test]
    fn well_formed_ids_in_any_script_pass() {
        let findings = ids_of(&sources(&[("conquest", 2), ("Земсков-1.2", 3), ("r_2", 4)]));
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn an_empty_id_is_missing() {
        let findings = ids_of(&sources(&[(" ", 2)]));
        let f = one(&findings, Code::MissingId);
        assert_eq!(f.message, "the source has no id");
        assert_eq!((f.file.as_str(), f.line, f.column), ("sources.csv", 2, 1));
    }

    #[test]
    fn an_id_with_spaces_or_a_leading_dash_is_bad() {
        let findings = ids_of(&sources(&[("two words", 2), ("-lead", 3)]));
        assert_eq!(sample::codes(&findings), [Code::BadId, Code::BadId]);
        assert!(findings[0]
            .message
            .starts_with("source id `two words` may only use letters, digits"));
        let long = "a".repeat(201);
        assert_eq!(
            sample::codes(&ids_of(&sources(&[(&long, 2)]))),
            [Code::BadId]
        );
    }

    #[test]
    fn a_repeated_id_names_the_first_line() {
        let findings = ids_of(&sources(&[("conquest", 2), ("other", 3), ("conquest", 7)]));
        let f = one(&findings, Code::DuplicateId);
        assert_eq!(f.message, "source id `conquest` is already used on line 2");
        assert_eq!(f.line, 7);
    }

    #[test]
    fn an_id_used_in_two_files_is_a_warning_on_the_later_file() {
        let mut contents = sample::contents("");
        contents.sources = sources(&[("famine", 2)]);
        let data = Dataset::new(contents);
        let mut findings = Vec::new();
        check_shared_ids(&id_rows(&data), &mut findings);
        let f = one(&findings, Code::SharedId);
        assert_eq!(f.severity, crate::model::finding::Severity::Warning);
        assert_eq!(f.file, "quantities.csv");
        assert!(f
            .message
            .starts_with("id `famine` is also used in sources.csv; `explain famine` shows each"));
    }

    #[test]
    fn an_empty_name_is_a_missing_value() {
        let mut contents = sample::contents("");
        contents.sources[0].name = String::new();
        let mut findings = Vec::new();
        check_sources(&Dataset::new(contents), &mut findings);
        let f = one(&findings, Code::MissingValue);
        assert_eq!(f.message, "`name` is empty; every row needs one");
        assert_eq!(f.column, sample::column(SOURCES, "name"));
    }

    fn quantities(quantities: Vec<Quantity>) -> Vec<Finding> {
        let data = Dataset::new(Contents {
            quantities,
            ..Contents::default()
        });
        let mut findings = Vec::new();
        check_quantities(&data, &mut findings);
        findings
    }

    #[test]
    fn a_quantity_needs_label_category_and_unit() {
        let findings = quantities(vec![Quantity {
            label: String::new(),
            category: " ".into(),
            ..sample::quantity("deaths", "")
        }]);
        let columns: Vec<u64> = findings.iter().map(|f| f.column).collect();
        let expected: Vec<u64> = ["label", "category", "unit"]
            .iter()
            .map(|c| sample::column(QUANTITIES, c))
            .collect();
        assert_eq!(sample::codes(&findings), [Code::MissingValue; 3]);
        assert_eq!(columns, expected);
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_bad() {
        let findings = quantities(vec![Quantity {
            period_start: Some(1953),
            period_end: Some(1930),
            ..sample::quantity("deaths", "people")
        }]);
        let f = one(&findings, Code::BadPeriod);
        assert_eq!(f.message, "period_end 1930 is before period_start 1953");
        assert_eq!(f.column, sample::column(QUANTITIES, "period_end"));
    }

    #[test]
    fn an_unknown_parent_suggests_the_closest_id() {
        let findings = quantities(vec![
            sample::quantity("deaths", "people"),
            Quantity {
                parent: Some("death".into()),
                ..sample::quantity("famine", "people")
            },
        ]);
        let f = one(&findings, Code::UnknownReference);
        assert_eq!(
            f.message,
            "quantity `death` is not defined; did you mean `deaths`?"
        );
        assert_eq!(f.column, sample::column(QUANTITIES, "parent"));
    }

    #[test]
    fn a_parent_loop_is_a_cycle_on_each_member() {
        let findings = quantities(vec![
            Quantity {
                parent: Some("b".into()),
                ..sample::quantity("a", "people")
            },
            Quantity {
                parent: Some("a".into()),
                ..sample::quantity("b", "people")
            },
            Quantity {
                parent: Some("c".into()),
                ..sample::quantity("c", "people")
            },
        ]);
        assert_eq!(sample::codes(&findings), [Code::ParentCycle; 3]);
        assert_eq!(
            findings[0].message,
            "quantity `a` is its own ancestor through `parent`"
        );
        assert_eq!(
            findings[2].message,
            "quantity `c` is its own ancestor through `parent`"
        );
    }

    #[test]
    fn an_unknown_reference_without_a_close_id_has_no_hint() {
        let data = Dataset::new(sample::contents(""));
        let loc = row("estimates.csv", sample::ESTIMATES, 4).cell("source");
        let mut findings = Vec::new();
        assert!(reference(&data, Table::Source, "src", &loc, &mut findings));
        assert!(!reference(
            &data,
            Table::Source,
            "zemskov",
            &loc,
            &mut findings
        ));
        assert!(!reference(&data, Table::Text, "", &loc, &mut findings));
        assert_eq!(sample::codes(&findings), [Code::UnknownReference; 2]);
        assert_eq!(findings[0].message, "source `zemskov` is not defined");
        assert_eq!(findings[1].message, "text `(empty)` is not defined");
        assert_eq!((findings[0].line, findings[0].column), (4, 21));
    }
}
