//! A dataset cut to some of its quantities (`report --only`, `build --only`): their estimates,
//! the relations among those estimates, the sources and categories they use, and every text.

use foldhash::{HashSet, HashSetExt};

use super::{Contents, Dataset};

impl Dataset {
    /// The quantities that `names` select: a quantity id, a category or a series (all its
    /// quantities), or a relation id (the quantities of its figures). `Err` names what selects nothing.
    pub fn select(&self, names: &[String]) -> Result<HashSet<String>, String> {
        let mut chosen = HashSet::new();
        for name in names {
            let before = chosen.len();
            if self.quantity(name).is_some() {
                chosen.insert(name.clone());
            }
            let in_group = |q: &&super::Quantity| {
                q.category == *name || q.series.as_deref() == Some(name.as_str())
            };
            for q in self.quantities.iter().filter(in_group) {
                chosen.insert(q.id.to_string());
            }
            if let Some(r) = self.relations.iter().find(|r| r.id == *name) {
                for id in std::iter::once(&r.target).chain(&r.operands) {
                    if let Some(e) = self.estimate(id) {
                        chosen.insert(e.quantity.to_string());
                    }
                }
            }
            if chosen.len() == before && !self.names_anything(name) {
                return Err(name.clone());
            }
        }
        Ok(chosen)
    }

    /// True when `name` is a quantity, a category or a relation of this dataset.
    fn names_anything(&self, name: &str) -> bool {
        self.quantity(name).is_some()
            || self
                .quantities
                .iter()
                .any(|q| q.category == name || q.series.as_deref() == Some(name))
            || self.relations.iter().any(|r| r.id == name)
    }

    /// The dataset cut to the quantities in `keep`: their estimates, the relations all of whose
    /// figures remain, the sources those estimates name, the categories and context passages
    /// of what remains, and every text (so every quote still stands in its sentence).
    pub fn focus(&self, keep: &HashSet<String>) -> Dataset {
        let estimates: Vec<_> = self
            .estimates
            .iter()
            .filter(|e| keep.contains(e.quantity.as_str()))
            .cloned()
            .collect();
        let ids: HashSet<&str> = estimates.iter().map(|e| e.id.as_str()).collect();
        // Relations between kept figures; then two breakdowns whose two sums are both kept.
        let of_figures = |r: &&super::Relation| {
            r.kind != Some(super::RelationKind::Equal)
                && std::iter::once(&r.target)
                    .chain(&r.operands)
                    .all(|id| ids.contains(id.as_str()))
        };
        let mut relations: Vec<super::Relation> =
            self.relations.iter().filter(of_figures).cloned().collect();
        let sums: HashSet<String> = relations.iter().map(|r| r.id.clone()).collect();
        relations.extend(
            self.relations
                .iter()
                .filter(|r| {
                    r.kind == Some(super::RelationKind::Equal)
                        && std::iter::once(&r.target)
                            .chain(&r.operands)
                            .all(|id| sums.contains(id))
                })
                .cloned(),
        );
        let sources: HashSet<&str> = estimates.iter().map(|e| e.source.as_str()).collect();
        let quantities: Vec<_> = self
            .quantities
            .iter()
            .filter(|q| keep.contains(q.id.as_str()))
            .cloned()
            .collect();
        let categories: HashSet<&str> = quantities.iter().map(|q| q.category.as_str()).collect();
        Dataset::new(Contents {
            dir: self.dir.clone(),
            texts: self.texts.clone(),
            sources: self
                .sources
                .iter()
                .filter(|s| sources.contains(s.id.as_str()))
                .cloned()
                .collect(),
            categories: self
                .categories
                .iter()
                .filter(|c| categories.contains(c.id.as_str()))
                .cloned()
                .collect(),
            quantities,
            estimates,
            relations,
            contexts: self.contexts.clone(),
            charts: self.charts.clone(),
            unreadable_texts: self.unreadable_texts.clone(),
            unread: self.unread.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::sample;
    use crate::model::{Dataset, Quantity};

    #[test]
    fn a_series_name_selects_its_quantities() {
        let mut contents = sample::contents("");
        for q in &mut contents.quantities {
            q.series = Some("world".into());
        }
        contents.quantities.push(Quantity {
            category: "other".into(),
            ..sample::quantity("alone", "people")
        });
        let data = Dataset::new(contents);
        let mut chosen: Vec<String> = data
            .select(&["world".to_string()])
            .unwrap()
            .into_iter()
            .collect();
        chosen.sort();
        assert_eq!(chosen, ["deaths", "famine"]);
        assert_eq!(data.select(&["wrld".to_string()]), Err("wrld".to_string()));
    }
}
