//! The figure parser: finds the numbers a quote states ("681,692", "1.7 million", "two and a
//! half times", "between five and ten million", "tens of thousands", "43%", "5 ft 5 in") and
//! the words that qualify them ("nearly", "up to", "a minimum of").
//!
//! It works on any English text, not only the shipped article: `check` uses it to compare a
//! quote with its row, and `coverage` to find figures no row covers.

use std::ops::Range;

use crate::model::Qualifier;

mod cues;
mod magnitude;
mod token;
mod words;

pub use cues::qualifier_of_words;
pub use token::space_joins_digits;
pub use words::is_number_word;

use cues::{cues, joins_range};
use magnitude::magnitude;
use token::{tokenize, word_at, Tok, Token};
use words::{scale_word, word_number};

/// A unit of measure written after a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Feet alone ("10 ft"); feet and inches ("5 ft 5 in") are written as inches.
    Foot,
    Inch,
    Cm,
    Mile,
    Km,
}

impl Unit {
    /// The unit's name as used in quantities.csv.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Foot => "ft",
            Unit::Inch => "inch",
            Unit::Cm => "cm",
            Unit::Mile => "mile",
            Unit::Km => "km",
        }
    }
}

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FigureKind {
    /// A plain count or amount ("681,692", "1.7 million", "seven").
    Count,
    /// A percentage or fraction of a whole, in percent ("43%", "a third" = 33.3).
    Percent,
    /// A multiplier ("two and a half times").
    Times,
    /// A measure in a unit; feet and inches are folded into inches.
    Measure(Unit),
    /// A vague magnitude and its band ("tens of thousands" = 10,000 to 100,000).
    Magnitude { low: f64, high: f64 },
    /// A four-digit number that reads as a calendar year ("1937").
    Year,
}

/// One figure found in a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The value with any scale word applied (1.7 million = 1,700,000); a magnitude's low end.
    pub value: f64,
    pub kind: FigureKind,
    /// Byte range in the parsed string.
    pub span: Range<usize>,
    /// The scale word applied (1 when none): used to carry "million" back over "5 to 10 million".
    scale: f64,
}

impl Figure {
    /// The values a data row may legitimately take from this figure.
    pub fn values(&self) -> Vec<f64> {
        match self.kind {
            FigureKind::Magnitude { low, high } => vec![low, high],
            // A row may record feet as feet or as inches.
            FigureKind::Measure(Unit::Foot) => vec![self.value, self.value * 12.0],
            _ => vec![self.value],
        }
    }
}

/// Everything the parser found in a quote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub figures: Vec<Figure>,
    /// Pairs of indices into `figures` joined as a range ("6–8 million", "between X and Y").
    pub ranges: Vec<(usize, usize)>,
    /// Qualifiers the wording implies, in the order found.
    pub cues: Vec<Qualifier>,
}

impl Parsed {
    /// Every value a row may take from this quote.
    pub fn values(&self) -> Vec<f64> {
        self.figures.iter().flat_map(Figure::values).collect()
    }
}

/// The unit a word after a figure names ("cm", "kilometres", "miles", "inches").
fn unit_of(w: &str) -> Option<Unit> {
    match w {
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => Some(Unit::Cm),
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => Some(Unit::Km),
        "mile" | "miles" => Some(Unit::Mile),
        "in" | "inch" | "inches" => Some(Unit::Inch),
        _ => None,
    }
}

/// A numeral (digits or words) at token `i`, with scale word and suffix: a figure and the next index.
fn figure_at(tokens: &[Token], i: usize) -> Option<(Figure, usize)> {
    let start = tokens[i].span.start;
    if let Some((low, high, j)) = magnitude(tokens, i) {
        let figure = Figure {
            value: low,
            kind: FigureKind::Magnitude { low, high },
            span: start..tokens[j - 1].span.end,
            scale: 1.0,
        };
        return Some((figure, j));
    }
    let (mut value, fractional, mut scale, mut j, digits) = match &tokens[i].tok {
        Tok::Num(v) => (*v, false, 1.0, i + 1, Some(false)),
        Tok::Formatted(v) => (*v, false, 1.0, i + 1, Some(true)),
        Tok::Word(_) => {
            let (v, fractional, scale, j) = word_number(tokens, i)?;
            (v, fractional, scale, j, None)
        }
        Tok::Sym(_) => return None,
    };
    if digits.is_some() {
        // "2-million-strong": a hyphen glued on both sides joins the scale word.
        let glued_hyphen = matches!(tokens.get(j).map(|t| &t.tok), Some(Tok::Sym('-')))
            && tokens[j].span.start == tokens[j - 1].span.end
            && tokens
                .get(j + 1)
                .is_some_and(|t| t.span.start == tokens[j].span.end)
            && word_at(tokens, j + 1).and_then(scale_word).is_some();
        if glued_hyphen {
            j += 1;
        }
        if let Some(s) = word_at(tokens, j).and_then(scale_word) {
            value *= s;
            scale = s;
            j += 1;
        }
    }
    let (mut kind, mut value, j) = suffix(tokens, j, value);
    if kind == FigureKind::Count && fractional && scale == 1.0 && value < 1.0 {
        // "a third of all Russians", "one-tenth of the 1926 level": a share of a whole.
        kind = FigureKind::Percent;
        value *= 100.0;
    }
    if kind == FigureKind::Count
        && digits == Some(false)
        && scale == 1.0
        && (1000.0..=2100.0).contains(&value)
    {
        kind = FigureKind::Year;
    }
    let figure = Figure {
        value,
        kind,
        span: start..tokens[j - 1].span.end,
        scale,
    };
    Some((figure, j))
}

/// What the suffix at token `j` makes of the number before it ("%", "per cent", "times", "ft",
/// "cm"): its kind, its value (feet and inches folded into inches) and the index after the suffix.
fn suffix(tokens: &[Token], j: usize, value: f64) -> (FigureKind, f64, usize) {
    match (tokens.get(j).map(|t| &t.tok), word_at(tokens, j)) {
        (Some(Tok::Sym('%')), _) | (_, Some("percent")) => (FigureKind::Percent, value, j + 1),
        (_, Some("per")) if word_at(tokens, j + 1) == Some("cent") => {
            (FigureKind::Percent, value, j + 2)
        }
        (_, Some("times")) => (FigureKind::Times, value, j + 1),
        (_, Some("ft" | "feet" | "foot")) => {
            let inches = tokens.get(j + 1).and_then(|_| plain_number(tokens, j + 1));
            match inches {
                Some((inches, k))
                    if matches!(word_at(tokens, k), Some("in" | "inch" | "inches")) =>
                {
                    (
                        FigureKind::Measure(Unit::Inch),
                        value * 12.0 + inches,
                        k + 1,
                    )
                }
                _ => (FigureKind::Measure(Unit::Foot), value, j + 1),
            }
        }
        (_, Some(w)) if w != "in" => match unit_of(w) {
            Some(unit) => (FigureKind::Measure(unit), value, j + 1),
            None => (FigureKind::Count, value, j),
        },
        _ => (FigureKind::Count, value, j),
    }
}

/// A bare number (digits or words) at token `i`, for the inches of "5 ft 5 in".
fn plain_number(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    match &tokens[i].tok {
        Tok::Num(v) | Tok::Formatted(v) => Some((*v, i + 1)),
        Tok::Word(_) => word_number(tokens, i).map(|(v, _, _, j)| (v, j)),
        Tok::Sym(_) => None,
    }
}

/// Finds every figure in `s`, the ranges joining them and the qualifying words.
pub fn parse(s: &str) -> Parsed {
    let tokens = tokenize(s);
    let mut figures = Vec::new();
    // For each figure, the token index where it starts and the one after it.
    let mut bounds = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match figure_at(&tokens, i) {
            Some((figure, j)) => {
                figures.push(figure);
                bounds.push((i, j));
                i = j;
            }
            None => i += 1,
        }
    }
    let ranges = ranges(&tokens, &figures, &bounds);
    carry_scale_back(&mut figures, &ranges);
    let mut cues = cues(&tokens);
    let mut add = |q: Qualifier| {
        if !cues.contains(&q) {
            cues.push(q);
        }
    };
    if !ranges.is_empty() {
        add(Qualifier::Range);
        if surveys(&tokens) {
            add(Qualifier::Survey);
        }
    }
    if figures
        .iter()
        .any(|f| matches!(f.kind, FigureKind::Magnitude { .. }))
    {
        add(Qualifier::Magnitude);
    }
    if figures.iter().any(|f| f.kind == FigureKind::Times) {
        add(Qualifier::Ratio);
    }
    Parsed {
        figures,
        ranges,
        cues,
    }
}

/// Words that make a range a survey of other people's estimates ("estimates range from X to
/// Y", "figures vary from X to Y"): see README, Qualifiers.
const SURVEY_WORDS: &[&str] = &[
    "range",
    "ranges",
    "ranged",
    "ranging",
    "vary",
    "varies",
    "varied",
    "varying",
    "estimates",
];

/// True when the tokens say that a range spans several estimates.
fn surveys(tokens: &[Token]) -> bool {
    (0..tokens.len()).any(|i| token::word_at(tokens, i).is_some_and(|w| SURVEY_WORDS.contains(&w)))
}

/// Pairs of figures that form a range ("5 to 10 million", "between five and ten million"),
/// given each figure's first token and the token after it; two years are a span, not a range.
fn ranges(tokens: &[Token], figures: &[Figure], bounds: &[(usize, usize)]) -> Vec<(usize, usize)> {
    (1..figures.len())
        .filter(|&k| joins_range(tokens, bounds[k - 1], bounds[k].0))
        .filter(|&k| {
            !(figures[k - 1].kind == FigureKind::Year && figures[k].kind == FigureKind::Year)
        })
        .map(|k| (k - 1, k))
        .collect()
}

/// "5 to 10 million", "165–168 cm": the left end of a range takes the right end's scale and unit.
/// Right to left, so that "2.2 million to 4 to 5 million" carries "million" back to 4.
fn carry_scale_back(figures: &mut [Figure], ranges: &[(usize, usize)]) {
    for &(left, right) in ranges.iter().rev() {
        let (r_scale, r_kind) = (figures[right].scale, figures[right].kind);
        let l = &mut figures[left];
        if matches!(l.kind, FigureKind::Count | FigureKind::Year) {
            if l.scale == 1.0 && r_scale > 1.0 {
                l.value *= r_scale;
                l.scale = r_scale;
                l.kind = FigureKind::Count;
            }
            if matches!(r_kind, FigureKind::Percent | FigureKind::Measure(_)) {
                l.kind = r_kind;
            }
        }
    }
}

/// True when two figures are the same number (relative tolerance 1e-6, for "a third" = 33.3333333).
pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

#[cfg(test)]
mod tests;
