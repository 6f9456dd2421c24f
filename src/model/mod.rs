//! The dataset as plain Rust types: texts, sources, quantities, estimates and relations,
//! each row remembering where in its CSV file it came from.

mod ancestry;
mod by_id;
pub mod finding;
mod focus;
pub mod interval;
mod position;
mod reading;
#[cfg(test)]
pub mod sample;
pub mod series;
mod sym;
mod unreadable;
mod vocab;

pub use position::*;
pub use reading::Reading;
pub use sym::{Names, Sym};
pub use unreadable::Unreadable;
pub use vocab::*;

use ancestry::Ancestry;
pub use by_id::ById;
use foldhash::{HashMap, HashMapExt};
use std::path::PathBuf;

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
    /// For a table document (a `.csv` file listed in texts.csv), its rows: estimates point at
    /// a cell of it with `locator` instead of quoting.
    pub table: Option<TableDoc>,
}

/// The rows of a table document, each cell with its place in the file.
#[derive(Debug, Clone, Default)]
pub struct TableDoc {
    /// The header's column names, trimmed.
    pub header: Vec<String>,
    /// The data rows: where each sits, and its cells in header order.
    pub rows: Vec<(RowPos, Vec<String>)>,
}

/// Someone (or something) the text attributes figures to.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: Sym,
    pub name: String,
    /// None when the cell did not parse (a finding says why).
    pub kind: Option<SourceKind>,
    pub note: String,
    /// The year the source published or stated its figures.
    pub year: Option<i32>,
    /// How to find the source's own work (a bibliographic reference).
    pub citation: String,
    /// Where the source's work can be read.
    pub url: String,
    pub pos: RowPos,
}

/// What is counted, precisely enough that estimates of it are comparable.
#[derive(Debug, Clone)]
pub struct Quantity {
    pub id: Sym,
    pub label: String,
    pub category: Sym,
    pub unit: Sym,
    pub region: String,
    pub period_start: Option<i32>,
    pub period_end: Option<i32>,
    pub parent: Option<String>,
    pub description: String,
    /// The series this quantity is one period of (quantities.csv's optional `series`): one
    /// measure followed over periods, charted as lines by source.
    pub series: Option<String>,
    pub pos: RowPos,
}

/// One figure as the text states it.
#[derive(Debug, Clone)]
pub struct Estimate {
    pub id: Sym,
    pub quantity: Sym,
    pub source: Sym,
    pub text: Sym,
    pub low: Option<f64>,
    pub point: Option<f64>,
    pub high: Option<f64>,
    /// None when the cell did not parse (a finding says why).
    pub qualifier: Option<Qualifier>,
    pub quote: Sym,
    pub note: Sym,
    /// Where in its document (or cited work) the figure stands: a page, or for a table
    /// document the cell (`row=12;column=Deaths`, `Author=Peng;column=Deaths`).
    pub locator: Sym,
    /// This estimate's own period, when it differs from its quantity's.
    pub period_start: Option<i32>,
    pub period_end: Option<i32>,
    /// When this estimate was made, if not in its source's year.
    pub year: Option<i32>,
    /// The estimate this row restates or rounds; it then adds no weight of its own.
    pub restates: Option<Sym>,
    /// The curator's reading of words the parser cannot read: check takes the figure from it.
    pub reading: Option<Reading>,
    pub pos: RowPos,
    /// Numeric columns (and `reading`) whose cell was filled but could not be read (each has a
    /// finding), so that checks needing the value do not report it missing as well.
    pub unreadable: Unreadable,
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

/// The largest figure reckon accepts, in a cell or derived: anything above is a typo or an
/// overflow, not a count of anything.
pub const MAX_VALUE: f64 = 1e15;

/// How a category is titled in charts and the report, and which part of the report holds it
/// (categories.csv, optional); a category without a row is titled from its id.
#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
    pub title: String,
    /// The part of the report that holds it; empty for the default (see README).
    pub part: String,
    pub pos: RowPos,
}

/// A chart's texts as the dataset words them (charts.csv, optional): an empty cell keeps
/// reckon's own.
#[derive(Debug, Clone)]
pub struct ChartText {
    /// The chart's name, as its files are named ("forest-famine_deaths").
    pub id: String,
    pub title: String,
    pub subtitle: String,
    pub caption: String,
    pub pos: RowPos,
}

/// What a dataset holds: its folder and its rows, as read. [`Dataset::new`] indexes them.
#[derive(Debug, Clone, Default)]
pub struct Contents {
    /// The dataset folder.
    pub dir: PathBuf,
    /// The texts that figures are quoted from.
    pub texts: Vec<Text>,
    /// The rows of sources.csv.
    pub sources: Vec<Source>,
    /// The rows of quantities.csv.
    pub quantities: Vec<Quantity>,
    /// The rows of estimates.csv.
    pub estimates: Vec<Estimate>,
    /// The rows of relations.csv.
    pub relations: Vec<Relation>,
    /// The rows of context.csv.
    pub contexts: Vec<Context>,
    /// The rows of categories.csv.
    pub categories: Vec<Category>,
    /// The rows of charts.csv: a chart's own title, subtitle or caption.
    pub charts: Vec<ChartText>,
    /// Ids of texts that are listed but could not be read (each has its own finding), so that
    /// references to them are not reported again as unknown.
    pub unreadable_texts: Vec<String>,
    /// Required columns that a file's header lacks, and files that could not be read at all.
    pub unread: Vec<Unread>,
}

/// A required column that a file's header lacks (read as empty), or a whole file that could
/// not be read (`column` is `None`). Each has its own finding; the checks that would only
/// repeat it, row by row or in the files that refer to it, are skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// The file's name in the dataset folder ("sources.csv").
    pub file: &'static str,
    pub column: Option<&'static str>,
}

impl Contents {
    /// True when `column` of `file` could not be read: the header lacks it, or the file could
    /// not be read at all.
    pub fn lacks(&self, file: &str, column: &str) -> bool {
        self.unread
            .iter()
            .any(|u| u.file == file && u.column.is_none_or(|c| c == column))
    }

    /// Adds the rows of `rest` (read from the later part of the same files) after these.
    pub fn append(&mut self, rest: Contents) {
        self.texts.extend(rest.texts);
        self.sources.extend(rest.sources);
        self.quantities.extend(rest.quantities);
        self.estimates.extend(rest.estimates);
        self.relations.extend(rest.relations);
        self.contexts.extend(rest.contexts);
        self.categories.extend(rest.categories);
        self.charts.extend(rest.charts);
        self.unreadable_texts.extend(rest.unreadable_texts);
        self.unread.extend(rest.unread);
    }
}

/// One dataset: everything under a `data/` folder, with its rows indexed by id.
///
/// The rows are read through [`Contents`] (`data.estimates`, `data.dir`...), which a `Dataset`
/// derefs to; there is no mutable access, so the index that [`Dataset::new`] builds can never
/// fall out of step with the rows it indexes.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    contents: Contents,
    index: Index,
}

/// Positions of sources, quantities and estimates by id, so that lookups stay O(1) on a
/// dataset of a million rows. The first row with an id wins, as a scan would find it.
#[derive(Debug, Clone, Default)]
struct Index {
    sources: HashMap<String, usize>,
    quantities: HashMap<String, usize>,
    /// Positions only: a million estimate ids are not copied.
    estimates: ById,
    ancestry: Ancestry,
}

fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut by_id = HashMap::with_capacity(ids.size_hint().0);
    for (i, id) in ids.enumerate() {
        by_id.entry(id.to_string()).or_insert(i);
    }
    by_id
}

impl std::ops::Deref for Dataset {
    type Target = Contents;

    fn deref(&self) -> &Contents {
        &self.contents
    }
}

impl Dataset {
    /// Indexes the rows by id, once; the dataset is read-only from then on.
    pub fn new(contents: Contents) -> Self {
        let quantities = positions(contents.quantities.iter().map(|q| q.id.as_str()));
        let parents: Vec<Option<usize>> = contents
            .quantities
            .iter()
            .map(|q| q.parent.as_ref().and_then(|p| quantities.get(p).copied()))
            .collect();
        let index = Index {
            sources: positions(contents.sources.iter().map(|s| s.id.as_str())),
            quantities,
            estimates: ById::new(&contents.estimates, |e| &e.id),
            ancestry: Ancestry::new(&parents),
        };
        Dataset { contents, index }
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        let i = self.index.sources.get(id)?;
        self.sources.get(*i)
    }

    /// The quantity with this id.
    pub fn quantity(&self, id: &str) -> Option<&Quantity> {
        let i = self.index.quantities.get(id)?;
        self.quantities.get(*i)
    }

    /// The estimate with this id.
    pub fn estimate(&self, id: &str) -> Option<&Estimate> {
        let i = self.index.estimates.get(&self.estimates, |e| &e.id, id)?;
        self.estimates.get(i)
    }

    /// The index of the estimates by id (each id's first row): a table of something per
    /// estimate row can share it instead of hashing a million ids again.
    pub fn estimate_index(&self) -> &ById {
        &self.index.estimates
    }

    /// The text with this id.
    pub fn text(&self, id: &str) -> Option<&Text> {
        self.texts.iter().find(|t| t.id == id)
    }

    /// The unit of the quantity an estimate counts; `None` when the estimate or its quantity
    /// is unknown.
    pub fn unit_of(&self, estimate: &str) -> Option<&str> {
        self.estimate(estimate)
            .and_then(|e| self.quantity(&e.quantity))
            .map(|q| q.unit.as_str())
    }

    /// How an estimate's figure is evidenced: a quote of a text, a cell of a table document,
    /// or a citation of a work the dataset does not hold.
    pub fn provenance(&self, estimate: &Estimate) -> Provenance {
        if estimate.text.is_empty() && estimate.quote.trim().is_empty() {
            Provenance::Citation
        } else if self.text(&estimate.text).is_some_and(|t| t.table.is_some()) {
            Provenance::Cell
        } else {
            Provenance::Quote
        }
    }

    /// The year an estimate was made: its own `year`, else its source's.
    pub fn year_of(&self, estimate: &Estimate) -> Option<i32> {
        estimate
            .year
            .or_else(|| self.source(&estimate.source).and_then(|s| s.year))
    }

    /// The estimate a restatement goes back to, following `restates` to a row that restates
    /// nothing; `None` for a row that is no restatement, an unknown id or a cycle (both have
    /// findings).
    pub fn original_of(&self, estimate: &Estimate) -> Option<&Estimate> {
        let mut current = self.estimate(estimate.restates.as_deref()?)?;
        for _ in 0..self.estimates.len() {
            match current.restates.as_deref() {
                None => return Some(current),
                Some(next) => current = self.estimate(next)?,
            }
        }
        None
    }

    /// The kind of the source an estimate is attributed to.
    pub fn kind_of(&self, estimate: &Estimate) -> Option<SourceKind> {
        self.source(&estimate.source).and_then(|s| s.kind)
    }

    /// The quantity's place in the `parent` hierarchy, as an interval: a quantity is within
    /// another exactly when the other's interval holds its own. `None` for an unknown quantity
    /// or one on or under a parent cycle (ask [`Dataset::is_within`] then).
    pub fn hierarchy_span(&self, id: &str) -> Option<(u32, u32)> {
        self.index.ancestry.span(*self.index.quantities.get(id)?)
    }

    /// True when `ancestor` is `id` itself or one of its parents, following `parent` links.
    /// Answered from the hierarchy built once by [`Dataset::new`]; only a quantity on or under a
    /// parent cycle is walked, a bounded number of steps.
    pub fn is_within(&self, id: &str, ancestor: &str) -> bool {
        if let (Some(&a), Some(&b)) = (
            self.index.quantities.get(id),
            self.index.quantities.get(ancestor),
        ) {
            if let Some(within) = self.index.ancestry.is_within(a, b) {
                return within;
            }
        }
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

    /// Whether following `parent` from quantity `id` comes back to it.
    pub fn in_parent_cycle(&self, id: &str) -> bool {
        self.index
            .quantities
            .get(id)
            .is_some_and(|&i| self.index.ancestry.on_cycle(i))
    }
}

#[cfg(test)]
mod tests;
