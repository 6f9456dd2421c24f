//! Provenance: each quote stands in its text, once, and does not cut into a word or number.

use foldhash::{HashMap, HashMapExt};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use super::agreement::Words;
use super::ids::{check_ids, checkable, required, unknown, Table};
use crate::english::invisible;
use crate::english::lines::LineIndex;
use crate::english::passage;
use crate::english::search::Finder;
use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, Loc, Text};

mod hint;
use hint::fold;

/// Where a quote occurs, shared between rows quoting it.
pub(super) type Places = Rc<Occurrences>;

/// The occurrences of one quote in a text.
#[derive(Default)]
pub(super) struct Occurrences {
    /// (line, column) of each occurrence that stands on its own.
    whole: Vec<(u64, u64)>,
    /// The first occurrence that cuts into a word or number: its (line, column) and what it
    /// cuts, shown with the passage ("12,345 people" for the quote "2,345 people").
    cut: Option<((u64, u64), String)>,
    /// What the quote states, parsed the first time a row quoting it is compared: kept here so
    /// that a quote is hashed once per row, not once per look-up.
    words: OnceCell<Words>,
}

impl Occurrences {
    /// What the quote states, made by `parse` the first time it is asked for.
    pub(super) fn words(&self, parse: impl FnOnce() -> Words) -> &Words {
        self.words.get_or_init(parse)
    }
}

/// A text prepared for quote checks: its line index, its folded and bare forms for hints, and the places
/// of every quote already looked up, so that a file of a million rows quoting the same passages
/// searches the text once per distinct quote.
pub struct TextIndex<'a> {
    body: &'a str,
    lines: LineIndex<'a>,
    finder: Finder<'a>,
    /// The folded text, searched for quotes not found as they are written.
    folded: OnceCell<Finder<'a>>,
    /// The text without accents' combining marks and invisible characters, for hints.
    bare: OnceCell<Finder<'a>>,
    found: RefCell<HashMap<String, Places>>,
}

impl<'a> TextIndex<'a> {
    /// Prepares `body` for quote checks; nothing is searched until a quote is looked up.
    pub fn new(body: &'a str) -> Self {
        TextIndex {
            body,
            lines: LineIndex::new(body),
            finder: Finder::new(body),
            folded: OnceCell::new(),
            bare: OnceCell::new(),
            found: RefCell::new(HashMap::new()),
        }
    }

    /// Where `quote` stands.
    fn occurrences(&self, quote: &str) -> Places {
        if let Some(places) = self.found.borrow().get(quote) {
            return places.clone();
        }
        let mut found = Occurrences::default();
        for span in self.finder.occurrences(quote) {
            if !passage::is_cut(self.body, &span) {
                found.whole.push(self.lines.locate(span.start));
            } else if found.cut.is_none() {
                if let Some(wider) = passage::cut(self.body, &span) {
                    found.cut = Some((self.lines.locate(span.start), self.body[wider].to_string()));
                }
            }
        }
        let places = Rc::new(found);
        self.found
            .borrow_mut()
            .insert(quote.to_string(), places.clone());
        places
    }

    /// The text with spaces, dashes and quote marks folded, for the hint of a quote not found.
    fn folded(&self) -> &Finder<'a> {
        self.folded.get_or_init(|| Finder::new(fold(self.body)))
    }

    /// The text without combining marks and invisible characters, for the hint of a quote
    /// not found.
    fn bare(&self) -> &Finder<'a> {
        self.bare.get_or_init(|| Finder::new(hint::bare(self.body)))
    }
}

/// Every text of `data` indexed once, by text id.
pub fn indexes(data: &Dataset) -> HashMap<&str, TextIndex<'_>> {
    data.texts
        .iter()
        .map(|t| (t.id.as_str(), TextIndex::new(&t.body)))
        .collect()
}

/// A quote as shown in a message: at most 80 characters, so a megabyte-long cell cannot flood
/// the terminal.
pub fn shorten(quote: &str) -> String {
    const MAX: usize = 80;
    match quote.char_indices().nth(MAX) {
        None => quote.to_string(),
        Some((cut, _)) => format!("{}… ({} characters)", &quote[..cut], quote.chars().count()),
    }
}

/// Reports a quote that is empty, absent from its text, cuts into a figure, or occurs more than
/// once; its places when the quote stands in the text, so that its figure can be checked.
pub(super) fn check_quote(
    quote: &str,
    text: &Text,
    index: &TextIndex,
    loc: &Loc,
    findings: &mut Vec<Finding>,
) -> Option<Places> {
    if quote.trim().is_empty() {
        findings.push(Finding::error(
            Code::EmptyQuote,
            loc,
            "the quote is empty: copy the shortest passage of the text that holds the figure",
        ));
        return None;
    }
    let places = index.occurrences(quote);
    let found = &places.whole;
    if let Some((c, number)) = invisible::inside_number(quote).filter(|_| !found.is_empty()) {
        let digits: String = quote[number.clone()]
            .chars()
            .filter(|&d| !invisible::is_invisible(d))
            .collect();
        findings.push(Finding::error(
            Code::InvisibleInNumber,
            loc,
            format!(
                "quote \"{}\" has {} inside {}, where no reader sees it: delete it from the text and the quote, so the figure reads {digits} to everyone",
                shorten(&invisible::escaped(quote)),
                invisible::describe(c),
                invisible::escaped(&quote[number]),
            ),
        ));
    }
    match (found.len(), &places.cut) {
        (0, Some(((line, column), wider))) => {
            findings.push(Finding::error(
                Code::QuoteCutsFigure,
                loc,
                format!(
                    "quote \"{}\" is in {} only inside a longer word or number: at {line}:{column} it is part of \"{}\"; quote the whole figure",
                    shorten(quote),
                    text.path.display(),
                    shorten(wider)
                ),
            ));
            None
        }
        (0, None) => {
            let hint = hint::not_found(quote, index);
            findings.push(Finding::error(
                Code::QuoteNotFound,
                loc,
                format!(
                    "quote \"{}\" is not in {}{hint}",
                    shorten(quote),
                    text.path.display()
                ),
            ));
            None
        }
        (1, _) => Some(places.clone()),
        _ => {
            let mut at: Vec<String> = found
                .iter()
                .take(10)
                .map(|(l, c)| format!("{l}:{c}"))
                .collect();
            if found.len() > 10 {
                at.push("…".into());
            }
            findings.push(Finding::warning(
                Code::AmbiguousQuote,
                loc,
                format!(
                    "quote \"{}\" occurs {} times in {} (at {}); lengthen it until it is unique",
                    shorten(quote),
                    found.len(),
                    text.path.display(),
                    at.join(", ")
                ),
            ));
            Some(places.clone())
        }
    }
}

/// Context passages: each has a unique id and a topic, and quotes a text that exists.
pub(super) fn check_contexts(
    data: &Dataset,
    indexes: &HashMap<&str, TextIndex>,
    findings: &mut Vec<Finding>,
) {
    check_ids(
        data.contexts.iter().map(|c| (c.id.as_str(), &c.pos)),
        "context passage",
        findings,
    );
    for c in &data.contexts {
        required(&c.topic, "topic", &c.pos, findings);
        // Unlike an estimate, a context passage naming an unreadable text is reported too.
        match data.text(&c.text) {
            Some(text) => {
                if let Some(index) = indexes.get(text.id.as_str()).filter(|_| c.pos.has("quote")) {
                    check_quote(&c.quote, text, index, &c.pos.cell("quote"), findings);
                }
            }
            // A text left unread because texts.csv lacks `file` has that finding already.
            None if checkable(data, Table::Text, (&c.pos, "text"))
                && !(data.lacks("texts.csv", "file")
                    && data.unreadable_texts.contains(&c.text)) =>
            {
                findings.push(unknown(data, Table::Text, &c.text, &c.pos.cell("text")))
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests;
