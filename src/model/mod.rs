//! The dataset as plain Rust types: texts, sources, quantities, estimates and relations,
//! each row remembering where in its CSV file it came from.

pub mod finding;
pub mod interval;
mod position;
mod vocab;

pub use position::*;
pub use vocab::*;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

/// A text that figures are quoted from.
#[derive(Debug, Clone)]
pub struct Text {
    /// Identifier used by estimates.csv's `text` column.
    pub id: String,
    /// Human title, used in captions.
    pub title: String,
    /// Attribution and licence line, carried into captions and reports.
    pub attribution: String,
    /// Where the text file lives.
    pub path: PathBuf,
    /// The whole text, exactly as in the file.
    pub body: String,
}

/// Someone (or something) the text attributes figures to.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub name: String,
    /// None when the cell did not parse (a finding says why).
    pub kind: Option<SourceKind>,
    pub note: String,
    pub pos: RowPos,
}

/// What is counted, precisely enough that estimates of it are comparable.
#[derive(Debug, Clone)]
pub struct Quantity {
    pub id: String,
    pub label: String,
    pub category: String,
    pub unit: String,
    pub region: String,
    pub period_start: Option<i32>,
    pub period_end: Option<i32>,
    pub parent: Option<String>,
    pub description: String,
    pub pos: RowPos,
}

/// One figure as the text states it.
#[derive(Debug, Clone)]
pub struct Estimate {
    pub id: String,
    pub quantity: String,
    pub source: String,
    pub text: String,
    pub low: Option<f64>,
    pub point: Option<f64>,
    pub high: Option<f64>,
    /// None when the cell did not parse (a finding says why).
    pub qualifier: Option<Qualifier>,
    pub quote: String,
    pub note: String,
    pub pos: RowPos,
    /// Numeric columns whose cell was filled but could not be read (each has a finding), so
    /// that checks needing the value do not report it missing as well.
    pub unreadable: Vec<&'static str>,
}

/// An arithmetic relation the text states or implies between estimates.
#[derive(Debug, Clone)]
pub struct Relation {
    pub id: String,
    pub kind: Option<RelationKind>,
    pub target: String,
    pub operands: Vec<String>,
    pub factor: Option<f64>,
    pub quote: String,
    pub note: String,
    pub pos: RowPos,
    /// True when `factor` was filled but could not be read (it has a finding).
    pub factor_unreadable: bool,
}

/// A passage of a text that explains why figures differ (context.csv), shown in the report.
#[derive(Debug, Clone)]
pub struct Context {
    pub id: String,
    pub text: String,
    /// The question it answers ("What the archives leave out").
    pub topic: String,
    pub quote: String,
    pub note: String,
    pub pos: RowPos,
}

/// One dataset: everything under a `data/` folder.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub dir: PathBuf,
    pub texts: Vec<Text>,
    pub sources: Vec<Source>,
    pub quantities: Vec<Quantity>,
    pub estimates: Vec<Estimate>,
    pub relations: Vec<Relation>,
    pub contexts: Vec<Context>,
    /// Ids of texts that are listed but could not be read (each has its own finding), so that
    /// references to them are not reported again as unknown.
    pub unreadable_texts: Vec<String>,
    /// Lookup by id, built on first use (see [`Lookup`]).
    pub lookup: Lookup,
}

/// Positions of sources, quantities and estimates by id, so that lookups stay O(1) on a
/// dataset of a million rows. Built lazily from the vectors; a lookup checks the id at the
/// position it finds and falls back to a scan, so an index built before the vectors changed can
/// never return the wrong row.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    sources: OnceLock<Positions>,
    quantities: OnceLock<Positions>,
    estimates: OnceLock<Positions>,
}

/// Row positions by id, and the number of rows they were built from.
#[derive(Debug, Clone, Default)]
struct Positions {
    rows: usize,
    by_id: HashMap<String, usize>,
}

fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> Positions {
    let mut by_id = HashMap::new();
    let mut rows = 0;
    for (i, id) in ids.enumerate() {
        // The first row with an id wins, as a scan would find it.
        by_id.entry(id.to_string()).or_insert(i);
        rows = i + 1;
    }
    Positions { rows, by_id }
}

fn find_by_id<'a, T>(
    items: &'a [T],
    index: &OnceLock<Positions>,
    id: &str,
    id_of: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    let map = index.get_or_init(|| positions(items.iter().map(&id_of)));
    match map.by_id.get(id).and_then(|&i| items.get(i)) {
        Some(item) if id_of(item) == id => Some(item),
        None if map.rows == items.len() => None,
        _ => items.iter().find(|item| id_of(item) == id),
    }
}

impl Dataset {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        find_by_id(&self.sources, &self.lookup.sources, id, |s| &s.id)
    }

    /// The quantity with this id.
    pub fn quantity(&self, id: &str) -> Option<&Quantity> {
        find_by_id(&self.quantities, &self.lookup.quantities, id, |q| &q.id)
    }

    /// The estimate with this id.
    pub fn estimate(&self, id: &str) -> Option<&Estimate> {
        find_by_id(&self.estimates, &self.lookup.estimates, id, |e| &e.id)
    }

    /// The text with this id.
    pub fn text(&self, id: &str) -> Option<&Text> {
        self.texts.iter().find(|t| t.id == id)
    }

    /// The kind of the source an estimate is attributed to.
    pub fn kind_of(&self, estimate: &Estimate) -> Option<SourceKind> {
        self.source(&estimate.source).and_then(|s| s.kind)
    }

    /// True when `ancestor` is `id` itself or one of its parents, following `parent` links.
    pub fn is_within(&self, id: &str, ancestor: &str) -> bool {
        let mut current = Some(id.to_string());
        // A parent cycle is reported by validation; the step bound keeps this loop finite anyway.
        for _ in 0..=self.quantities.len() {
            match current {
                Some(ref c) if c == ancestor => return true,
                Some(ref c) => current = self.quantity(c).and_then(|q| q.parent.clone()),
                None => return false,
            }
        }
        false
    }
}

/// A category id as a heading: "famine_deaths" → "Famine deaths", "pow" → "Prisoners of war".
pub fn category_title(category: &str) -> String {
    match category {
        "pow" => return "Prisoners of war".to_string(),
        "gulag_deaths" => return "Gulag deaths".to_string(),
        _ => {}
    }
    let name = category.replace('_', " ");
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => name,
    }
}
