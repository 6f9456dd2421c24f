//! The report's parts: the categories that count people come first, measurements, polls,
//! votes, distances and economy figures close it under "Other figures"; `categories.csv` may
//! name another part for any category (its `part` column).

use crate::model::Dataset;
use crate::present::write::file_stem;

/// The part of the categories that count people, unless categories.csv says otherwise.
pub const PEOPLE: &str = "People counted";
/// The closing part of every other category.
pub const OTHER: &str = "Other figures";

/// The units that count people (not votes, shares or measures).
const PEOPLE_UNITS: [&str; 5] = ["people", "persons", "person", "deaths", "victims"];

/// `categories` (in the order the report would show them) grouped into parts. A part named in
/// categories.csv comes where the file first names it; otherwise "People counted" comes first
/// and "Other figures" last. Within a part the categories keep their order.
pub fn group(data: &Dataset, categories: Vec<String>) -> Vec<(String, Vec<String>)> {
    let named: Vec<&str> = data
        .categories
        .iter()
        .map(|c| c.part.as_str())
        .filter(|p| !p.is_empty())
        .collect();
    let rank = |part: &str| match named.iter().position(|p| *p == part) {
        Some(i) => i + 1,
        None if part == PEOPLE => 0,
        None => usize::MAX,
    };
    let mut parts: Vec<(String, Vec<String>)> = Vec::new();
    for c in categories {
        let part = part_of(data, &c);
        match parts.iter_mut().find(|(p, _)| *p == part) {
            Some((_, cs)) => cs.push(c),
            None => parts.push((part, vec![c])),
        }
    }
    // A stable sort: parts of equal rank (unnamed ones other than the two defaults cannot
    // occur) keep their order.
    parts.sort_by_key(|(p, _)| rank(p));
    parts
}

/// The part a category belongs to: the one categories.csv names, else "People counted" when
/// at least half of its quantities count people, else "Other figures".
pub fn part_of(data: &Dataset, category: &str) -> String {
    if let Some(c) = data
        .categories
        .iter()
        .find(|c| c.id == category && !c.part.is_empty())
    {
        return c.part.clone();
    }
    let units: Vec<&str> = data
        .quantities
        .iter()
        .filter(|q| q.category == category)
        .map(|q| q.unit.as_str())
        .collect();
    let people = units
        .iter()
        .filter(|u| PEOPLE_UNITS.contains(&u.trim().to_lowercase().as_str()))
        .count();
    if !units.is_empty() && 2 * people >= units.len() {
        PEOPLE.to_string()
    } else {
        OTHER.to_string()
    }
}

/// The anchor of a part's heading.
pub fn anchor(part: &str) -> String {
    format!("part-{}", file_stem(&[part]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{contents, row};
    use crate::model::Category;

    fn dataset(quantities: &[(&str, &str)], parts: &[(&str, &str)]) -> Dataset {
        let mut c = contents("");
        for (i, (category, unit)) in quantities.iter().enumerate() {
            let mut q = c.quantities[0].clone();
            q.id = format!("q{i}").into();
            q.category = (*category).into();
            q.unit = (*unit).into();
            c.quantities.push(q);
        }
        c.quantities.remove(0);
        for (id, part) in parts {
            c.categories.push(Category {
                id: id.to_string(),
                title: String::new(),
                part: part.to_string(),
                pos: row("categories.csv", &["id", "title", "part"], 2),
            });
        }
        Dataset::new(c)
    }

    fn names(parts: &[(String, Vec<String>)]) -> Vec<(&str, Vec<&str>)> {
        parts
            .iter()
            .map(|(p, cs)| (p.as_str(), cs.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn people_first_then_other_figures() {
        let data = dataset(
            &[
                ("polls", "percent"),
                ("famine_deaths", "people"),
                ("distances", "km"),
                ("executions", "deaths"),
            ],
            &[],
        );
        let order = ["polls", "famine_deaths", "distances", "executions"];
        let parts = group(&data, order.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            names(&parts),
            vec![
                (PEOPLE, vec!["famine_deaths", "executions"]),
                (OTHER, vec!["polls", "distances"]),
            ]
        );
    }

    #[test]
    fn categories_csv_names_the_part_and_its_place() {
        // The Politburo's members are people, but not people affected: the dataset moves them.
        let data = dataset(
            &[
                ("purges", "people"),
                ("famine_deaths", "people"),
                ("polls", "percent"),
            ],
            &[("purges", OTHER), ("polls", "Opinion")],
        );
        let order = ["purges", "famine_deaths", "polls"];
        let parts = group(&data, order.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            names(&parts),
            vec![
                (PEOPLE, vec!["famine_deaths"]),
                (OTHER, vec!["purges"]),
                ("Opinion", vec!["polls"]),
            ]
        );
    }
}
