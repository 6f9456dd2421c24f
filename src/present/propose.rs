//! `coverage --propose`: a draft `estimates.csv` row for every figure no estimate covers, with
//! its values, its qualifier and the shortest quote that holds both and occurs once in its
//! text. A row is proposed only when `check` finds nothing wrong with it, so that once a person
//! fills in `quantity` and `source` it passes unchanged.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::coverage::{Class, Coverage};
use crate::check::Draft;
use crate::model::{Dataset, Estimate, Loc, Qualifier, RowPos, Sym};

mod reading;

use reading::{reading, trimmed, words};

/// Words of context read on each side of a figure to find its qualifier and range partner.
const CONTEXT_WORDS: usize = 5;

/// How many words back a survey verb may stand from its range.
const SURVEY_REACH: usize = 10;

/// The verbs that make a range further on a survey ("estimates range in the tens of millions
/// (15 to 55 million)"); "estimates" alone reaches only as far as the figure's own context.
const SURVEY_VERBS: &[&str] = &[
    "range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying",
];

/// One proposed row, and where its figure stands.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub estimate: Estimate,
    /// The text file and the figure's line and column in it.
    pub file: String,
    pub line: u64,
    pub column: u64,
}

/// The draft row for the figure at `span` of text `text_id`, or `None` when no short quote
/// around it passes check.
fn propose_one(
    draft: &Draft,
    text_id: &str,
    body: &str,
    span: &Range<usize>,
) -> Option<(Estimate, Range<usize>)> {
    // A window of the sentence: the words around the figure are all a proposal reads, and a
    // sentence of 5,000 figures is not scanned 5,000 times.
    let sentence =
        crate::english::passage::sentence_window(body, span, crate::english::passage::REACH).range;
    let in_sentence = &body[sentence.clone()];
    let ws = words(in_sentence);
    let at = span.start - sentence.start;
    let first = ws.iter().position(|w| w.end > at)?;
    let last = ws
        .iter()
        .rposition(|w| w.start < span.end - sentence.start)?;
    // What the words around the figure make of it: the row every candidate must reproduce.
    let from = first.saturating_sub(CONTEXT_WORDS);
    let to = (last + CONTEXT_WORDS).min(ws.len() - 1);
    let context = ws[from].start..ws[to].end;
    let (mut wanted, figure_span) = reading(&in_sentence[context.clone()], at - context.start)?;
    let figure_end = context.start + figure_span.end;
    // "Estimates of the toll range in the tens of millions (15 to 55 million)": a survey word
    // further back still makes the range a survey, and the quote must reach back to it.
    let mut from = from;
    if wanted.qualifier == Qualifier::Range {
        let reach = first.saturating_sub(SURVEY_REACH);
        let back = &in_sentence[ws[reach].start..ws[first].start];
        let verb = words(back).iter().any(|w| {
            let word = back[w.clone()].to_lowercase();
            SURVEY_VERBS.contains(&word.trim_matches(|c: char| !c.is_alphabetic()))
        });
        if verb {
            wanted.qualifier = Qualifier::Survey;
            from = reach;
        }
    }
    let mut candidates: Vec<Range<usize>> = Vec::new();
    for a in from..=first {
        for b in last..=to {
            let span = trimmed(in_sentence, ws[a].start..ws[b].end);
            if span.start <= at && span.end >= figure_end {
                candidates.push(span);
            }
        }
    }
    candidates.sort_by_key(|c| (c.len(), c.start));
    candidates.dedup();
    for c in candidates {
        let quote = &in_sentence[c.clone()];
        let Some((row, _)) = reading(quote, at - c.start) else {
            continue;
        };
        if row != wanted {
            continue;
        }
        let estimate = Estimate {
            text: text_id.into(),
            low: row.low,
            point: row.point,
            high: row.high,
            qualifier: Some(row.qualifier),
            quote: quote.into(),
            ..blank()
        };
        if draft.check(&estimate).is_empty() {
            let whole = (sentence.start + c.start)..(sentence.start + c.end);
            return Some((estimate, whole));
        }
    }
    None
}

/// An estimate with nothing filled in, placed nowhere in particular.
fn blank() -> Estimate {
    let loc = Loc {
        file: Arc::new(PathBuf::from("estimates.csv")),
        line: 0,
        column: 0,
    };
    Estimate {
        id: Sym::default(),
        quantity: Sym::default(),
        source: Sym::default(),
        text: Sym::default(),
        low: None,
        point: None,
        high: None,
        qualifier: None,
        quote: Sym::default(),
        note: Sym::default(),
        locator: Sym::default(),
        period_start: None,
        period_end: None,
        year: None,
        restates: None,
        reading: None,
        pos: RowPos::new(loc, Vec::new(), Arc::new(Vec::new())),
        unreadable: Default::default(),
    }
}

/// A name the sentence credits the figure to: "according to X", "X (1981)", "X estimated".
pub fn credited(sentence: &str) -> Option<String> {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let ws: Vec<&str> = sentence.split_whitespace().collect();
    let name_after = |i: usize| -> Option<String> {
        let name: Vec<&str> = ws[i..]
            .iter()
            .take(4)
            .take_while(|w| capitalised(w))
            .map(|w| w.trim_end_matches([',', '.', ';', ':']))
            .collect();
        (!name.is_empty()).then(|| name.join(" "))
    };
    let name_before = |i: usize| -> Option<String> {
        let mut name: Vec<&str> = ws[..i]
            .iter()
            .rev()
            .take(4)
            .take_while(|w| capitalised(w))
            .copied()
            .collect();
        name.reverse();
        (!name.is_empty()).then(|| name.join(" "))
    };
    for i in 0..ws.len() {
        let w = ws[i].to_lowercase();
        if w == "according" && ws.get(i + 1).is_some_and(|n| *n == "to") {
            if let Some(n) = name_after(i + 2) {
                return Some(n);
            }
        }
        let year = ws[i].trim_matches(['(', ')', ',', '.', ';']);
        if ws[i].starts_with('(') && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
            if let Some(n) = name_before(i) {
                return Some(n);
            }
        }
        if matches!(
            w.trim_end_matches([',', '.']),
            "estimated" | "estimates" | "estimate" | "calculated" | "argues" | "argued" | "wrote"
        ) {
            if let Some(n) = name_before(i) {
                return Some(n);
            }
        }
    }
    None
}

/// A fresh id for the figure at `line`:`column` of text `text`, not yet taken.
fn fresh_id(text: &str, line: u64, column: u64, taken: &mut foldhash::HashSet<String>) -> String {
    let stem: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(150)
        .collect();
    let base = format!("p_{stem}_{line}_{column}");
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// A draft row for every uncovered figure that counts or measures (never a date, year, age,
/// identifier, duration or number word), in text order; `only` limits it to one text.
pub fn propose(data: &Dataset, coverage: &Coverage, only: Option<&str>) -> Vec<Proposal> {
    let draft = Draft::new(data);
    let mut taken: foldhash::HashSet<String> =
        data.estimates.iter().map(|e| e.id.to_string()).collect();
    let mut out = Vec::new();
    let mut claimed: Vec<(String, Range<usize>)> = Vec::new();
    for f in &coverage.found {
        if f.covered || f.class != Class::Figure || only.is_some_and(|t| t != f.text_id) {
            continue;
        }
        let Some(text) = data.text(&f.text_id).filter(|t| t.table.is_none()) else {
            continue;
        };
        let span = f.span.clone();
        // The second figure of a range is proposed with the first.
        if claimed
            .iter()
            .any(|(t, c)| *t == text.id && c.start <= span.start && span.end <= c.end)
        {
            continue;
        }
        let Some((mut estimate, quoted)) = propose_one(&draft, &text.id, &text.body, &span) else {
            continue;
        };
        claimed.push((text.id.clone(), quoted));
        estimate.id = Sym::from(fresh_id(&text.id, f.line, f.column, &mut taken));
        estimate.note = match credited(&f.sentence) {
            Some(name) => format!(
                "proposed by reckon; fill in quantity and source (the sentence credits {name})"
            )
            .into(),
            None => "proposed by reckon; fill in quantity and source".into(),
        };
        out.push(Proposal {
            estimate,
            file: f.file.clone(),
            line: f.line,
            column: f.column,
        });
    }
    out
}

/// The proposals as an `estimates.csv` file: its whole header, then one row each.
pub fn to_csv(proposals: &[Proposal]) -> anyhow::Result<Vec<u8>> {
    let header = crate::load::headers()
        .into_iter()
        .find(|(name, _)| *name == "estimates.csv")
        .map(|(_, h)| h)
        .unwrap_or_default();
    let columns: Vec<&str> = header.split(',').collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&columns)?;
    let number = |v: Option<f64>| v.map(crate::english::number::plain).unwrap_or_default();
    for p in proposals {
        let e = &p.estimate;
        let row: Vec<String> = columns
            .iter()
            .map(|c| match *c {
                "id" => e.id.to_string(),
                "text" => e.text.to_string(),
                "low" => number(e.low),
                "point" => number(e.point),
                "high" => number(e.high),
                "qualifier" => e
                    .qualifier
                    .map(|q| q.as_str().to_string())
                    .unwrap_or_default(),
                "quote" => e.quote.to_string(),
                "note" => e.note.to_string(),
                _ => String::new(),
            })
            .collect();
        w.write_record(&row)?;
    }
    Ok(w.into_inner()?)
}

#[cfg(test)]
mod tests;
