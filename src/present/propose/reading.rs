//! What the words around a figure make of it: its qualifier, its range or band, and where a
//! quote of it may start and end.

use std::ops::Range;

use crate::english::figure::{self, FigureKind, Parsed};
use crate::model::Qualifier;

/// What a row says: its qualifier and its low, point and high.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Reading {
    pub qualifier: Qualifier,
    pub low: Option<f64>,
    pub point: Option<f64>,
    pub high: Option<f64>,
}

/// The qualifier a single figure takes from the words just before it: a bound ("a minimum
/// of", "over", "up to") before a softener ("around"), as check accepts either.
fn worded(cues: &[Qualifier]) -> Qualifier {
    const PRECEDENCE: [Qualifier; 6] = [
        Qualifier::Over,
        Qualifier::AtLeast,
        Qualifier::UpTo,
        Qualifier::AtMost,
        Qualifier::Nearly,
        Qualifier::About,
    ];
    PRECEDENCE
        .into_iter()
        .find(|q| cues.contains(q))
        .unwrap_or(Qualifier::Exact)
}

/// Words before a figure that may qualify it: at most this many, never past another figure.
const QUALIFYING_WORDS: usize = 4;

/// The figures chained to figure `k` by ranges ("from 2.2 million to 4 to 5 million").
fn chain(parsed: &Parsed, k: usize) -> Vec<usize> {
    let mut chain = vec![k];
    loop {
        let before = chain.len();
        for &(a, b) in &parsed.ranges {
            if chain.contains(&a) && !chain.contains(&b) {
                chain.push(b);
            } else if chain.contains(&b) && !chain.contains(&a) {
                chain.push(a);
            }
        }
        if chain.len() == before {
            return chain;
        }
    }
}

/// The row the words `s` make of the figure starting at byte `at` of `s`: `None` when there is
/// no such figure or it is a multiplier. A range takes in every figure it chains to; a single
/// figure takes its qualifier from the few words before it, never from another figure's.
pub(super) fn reading(s: &str, at: usize) -> Option<(Reading, Range<usize>)> {
    let parsed: Parsed = figure::parse(s);
    let k = parsed.figures.iter().position(|f| f.span.start == at)?;
    let f = &parsed.figures[k];
    if matches!(f.kind, FigureKind::Times) {
        return None;
    }
    let chained = chain(&parsed, k);
    if chained.len() > 1 {
        let members: Vec<&figure::Figure> = chained.iter().map(|&i| &parsed.figures[i]).collect();
        let lo = members
            .iter()
            .map(|m| m.value)
            .fold(f64::INFINITY, f64::min);
        let hi = members
            .iter()
            .map(|m| m.value)
            .fold(f64::NEG_INFINITY, f64::max);
        let start = members.iter().map(|m| m.span.start).min().unwrap_or(at);
        let end = members.iter().map(|m| m.span.end).max().unwrap_or(at);
        let qualifier = if parsed.cues.contains(&Qualifier::Survey) {
            Qualifier::Survey
        } else {
            Qualifier::Range
        };
        let row = Reading {
            qualifier,
            low: Some(lo),
            point: None,
            high: Some(hi),
        };
        return Some((row, start..end));
    }
    if let FigureKind::Magnitude { low, high } = f.kind {
        let row = Reading {
            qualifier: Qualifier::Magnitude,
            low: Some(low),
            point: None,
            high: Some(high),
        };
        return Some((row, f.span.clone()));
    }
    let previous_end = parsed.figures[..k].last().map_or(0, |p| p.span.end);
    let from = words(&s[..f.span.start])
        .iter()
        .rev()
        .take(QUALIFYING_WORDS)
        .map(|w| w.start)
        .filter(|&w| w >= previous_end)
        .min()
        .unwrap_or(f.span.start);
    let cues = figure::parse(&s[from..f.span.end]).cues;
    let row = Reading {
        qualifier: worded(&cues),
        low: None,
        point: Some(f.value),
        high: None,
    };
    Some((row, f.span.clone()))
}

/// Where the words of `s` start and end (byte offsets), in order.
pub(super) fn words(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(a)) => {
                out.push(a..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push(a..s.len());
    }
    out
}

/// Trims what a quote should not end or start with (a comma, a full stop, a bracket, a
/// footnote marker: "million).[note 1]" ends at "million").
pub(super) fn trimmed(body: &str, span: Range<usize>) -> Range<usize> {
    let mut span = span;
    // A footnote marker the span ends in, whole or cut ("[note" of "[note 1]"), is left out.
    if let Some(open) = body[span.clone()].rfind('[') {
        let at = span.start + open;
        if crate::english::footnote::marker_at(body, at).is_some_and(|len| at + len >= span.end) {
            span.end = at;
        }
    }
    let s = &body[span.clone()];
    let head = s.len() - s.trim_start_matches(['(', '[', '"', '“', '‘']).len();
    let tail = s.len()
        - s.trim_end_matches([',', ';', ':', '.', ')', ']', '"', '”', '’', '!', '?'])
            .len();
    (span.start + head)..(span.end - tail).max(span.start + head)
}
