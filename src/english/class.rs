//! What kind of figure a number in a text is: a count or measure to curate, or a date, year,
//! age, identifier, duration or word that only looks like one. Read from the words around it,
//! so that coverage never proposes "1937" and check never takes a year for the figure.

use std::ops::Range;

use serde::Serialize;

use crate::english::figure::FigureKind;
use crate::english::footnote;

/// What kind of figure a number in the text is, when it is not a count or measure to curate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// A figure a curator should consider: a count, amount, share or measure.
    Figure,
    /// A calendar date or part of one ("18 December", "(1878-12-18)").
    Date,
    /// A year or decade ("1937", "the 1930s").
    Year,
    /// Someone's age ("At seven", "at the age of 74").
    Age,
    /// A name or number that identifies rather than counts ("Order No. 270", "the 38th parallel",
    /// "Five-Year Plans"), a footnote marker ("[3]") or a page number ("p. 6").
    Identifier,
    /// A time span or time of day ("ten days", "24 hours", "10 p.m.").
    Duration,
    /// The word "one" used as a pronoun or article ("no one", "one of the best examples"), or an
    /// ordinal ("voted third").
    Word,
}

impl Class {
    /// The class's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Figure => "figure",
            Class::Date => "date",
            Class::Year => "year",
            Class::Age => "age",
            Class::Identifier => "identifier",
            Class::Duration => "duration",
            Class::Word => "word",
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn words_before(body: &str, at: usize, n: usize) -> Vec<String> {
    body[..at]
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

fn words_after(body: &str, at: usize, n: usize) -> Vec<String> {
    body[at..]
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// Classifies the figure at `span` of `body` by its kind and the words around it.
pub fn classify(body: &str, span: &Range<usize>, kind: FigureKind) -> Class {
    let site = Site::new(body, span, kind);
    site.reference()
        .or_else(|| site.calendar())
        .or_else(|| site.designation())
        .or_else(|| site.in_name())
        .or_else(|| site.numbered())
        .or_else(|| site.age())
        .or_else(|| site.duration())
        .or_else(|| site.word())
        .unwrap_or(Class::Figure)
}

/// A figure in its text: what is written and the words and characters on either side.
struct Site<'a> {
    body: &'a str,
    span: Range<usize>,
    kind: FigureKind,
    written: &'a str,
    lower: String,
    /// Up to three words before, nearest first, lowercased.
    before: Vec<String>,
    /// Up to two words after, nearest first, lowercased.
    after: Vec<String>,
    char_before: Option<char>,
    char_after: Option<char>,
}

impl<'a> Site<'a> {
    fn new(body: &'a str, span: &Range<usize>, kind: FigureKind) -> Self {
        let written = &body[span.clone()];
        Site {
            body,
            span: span.clone(),
            kind,
            written,
            lower: written.to_lowercase(),
            before: words_before(body, span.start, 3),
            after: words_after(body, span.end, 2),
            char_before: body[..span.start].chars().next_back(),
            char_after: body[span.end..].chars().next(),
        }
    }

    /// The word just before.
    fn prev(&self) -> &str {
        self.before.first().map(String::as_str).unwrap_or("")
    }

    /// The word just after; one that ends a sentence keeps its full stop ("p.m." needs its dots).
    fn next_raw(&self) -> &str {
        self.after.first().map(String::as_str).unwrap_or("")
    }

    /// The word just after, without a trailing full stop.
    fn next(&self) -> &str {
        self.next_raw().trim_end_matches('.')
    }

    /// Footnote markers ("[3]", "[note 2]") and page numbers ("p. 6", "pp. 648–649"): they point
    /// into a text and count nothing.
    fn reference(&self) -> Option<Class> {
        (footnote::in_marker(self.body, &self.span) || footnote::page_number(self.body, &self.span))
            .then_some(Class::Identifier)
    }

    /// Dates (next to a month name, or inside an ISO date "(1878-12-18)"), years, and times of
    /// day ("5 p.m.").
    fn calendar(&self) -> Option<Class> {
        let is_month = |w: &str| MONTHS.contains(&w);
        if is_month(self.prev()) || is_month(self.next()) {
            return Some(Class::Date);
        }
        if self.char_before == Some('-')
            && self.body[..self.span.start.saturating_sub(1)]
                .ends_with(|c: char| c.is_ascii_digit())
        {
            return Some(Class::Date);
        }
        if self.kind == FigureKind::Year {
            return Some(Class::Year);
        }
        let next_raw = self.next_raw();
        if next_raw.starts_with("p.m") || next_raw.starts_with("a.m") {
            return Some(Class::Duration);
        }
        None
    }

    /// Model designations ("T-34/85", "MiG-15") and enumerations ("(1) a pact and (2) ...").
    fn designation(&self) -> Option<Class> {
        let body = self.body;
        // (The whitespace may be several bytes long: a no-break or thin space.)
        let token_start = body[..self.span.start]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let token = &body[token_start..self.span.end];
        let designation = token
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_alphabetic() && w[1] == b'-' && w[2].is_ascii_digit());
        if designation {
            return Some(Class::Identifier);
        }
        if self.char_before == Some('(') && self.char_after == Some(')') && self.written.len() <= 2
        {
            return Some(Class::Identifier);
        }
        None
    }

    /// Part of a name: a capitalised number word inside a run of capitalised words, not at the
    /// start of a sentence ("the Seven Sisters", "The Big Three", "Black Hundreds").
    fn in_name(&self) -> Option<Class> {
        let (body, span) = (self.body, &self.span);
        // A capitalised number word, not digits.
        let capitalised = self.written.starts_with(|c: char| c.is_uppercase())
            && !self.lower.starts_with(|c: char| c.is_ascii_digit());
        if !capitalised {
            return None;
        }
        let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
        let original_prev = body[..span.start]
            .trim_end_matches(['"', ' '])
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_start_matches(['"', '(', '\u{201c}']);
        let original_next = body[span.end..]
            .trim_start_matches(' ')
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let sentence_start = original_prev.is_empty()
            || original_prev.ends_with(['.', '!', '?', ':'])
            || body[..span.start].ends_with('\n');
        let in_name = (capital(original_prev) && !original_prev.ends_with(['.', ':', ',']))
            || capital(original_next);
        if !sentence_start && in_name {
            return Some(Class::Identifier);
        }
        if sentence_start && capital(original_prev) && !original_prev.ends_with(['.', '!', '?']) {
            return Some(Class::Identifier);
        }
        None
    }

    /// Identifiers: "No. 270", "Article 58", "38th", "13th century", "Five-Year Plans".
    fn numbered(&self) -> Option<Class> {
        let (body, span) = (self.body, &self.span);
        if matches!(self.prev(), "no." | "no" | "article" | "number") {
            return Some(Class::Identifier);
        }
        if matches!(self.next(), "th" | "st" | "nd" | "rd")
            && self.char_after.is_some_and(char::is_alphabetic)
        {
            return Some(Class::Identifier);
        }
        if self.char_after == Some('-')
            && body[span.end + 1..].starts_with(|c: char| c.is_alphabetic())
        {
            let rest = words_after(body, span.end, 1);
            if rest
                .first()
                .is_some_and(|w| matches!(w.as_str(), "year" | "stage" | "day" | "week"))
            {
                return Some(Class::Identifier);
            }
        }
        None
    }

    /// Ages: "age 16", "aged from 16", "at the age of 74", "At seven,", "By age twelve".
    fn age(&self) -> Option<Class> {
        let (prev, before) = (self.prev(), &self.before);
        let age = prev == "age"
            || prev == "aged"
            || (prev == "of" && before.get(1).is_some_and(|w| w == "age"))
            || (prev == "from" && before.get(1).is_some_and(|w| w == "aged"))
            || (prev == "to" && before.get(2).is_some_and(|w| w == "from") && {
                let more = words_before(self.body, self.span.start, 4);
                more.get(3).is_some_and(|w| w == "aged")
            })
            || (prev == "at"
                && self.char_after == Some(',')
                && self.written.chars().all(char::is_alphabetic));
        age.then_some(Class::Age)
    }

    /// Durations: a figure before a unit of time, or the first of two joined by "or" ("ten or
    /// twenty years'").
    fn duration(&self) -> Option<Class> {
        let next = self.next();
        if matches!(
            next,
            "day"
                | "days"
                | "hour"
                | "hours"
                | "year"
                | "years"
                | "month"
                | "months"
                | "week"
                | "weeks"
                | "minute"
                | "minutes"
                | "century"
                | "centuries"
                | "times"
                | "decades"
        ) && !matches!(self.kind, FigureKind::Times)
        {
            return Some(Class::Duration);
        }
        if next == "or"
            && self
                .after
                .get(1)
                .is_some_and(|w| w.starts_with("twenty") || w.parse::<f64>().is_ok())
        {
            let third = words_after(self.body, self.span.end, 3);
            if third.get(2).is_some_and(|w| w.starts_with("year")) {
                return Some(Class::Duration);
            }
        }
        None
    }

    /// Words that are not counts: "one", and an ordinal rather than a fraction ("a third wife";
    /// but "a third of them" is a share).
    fn word(&self) -> Option<Class> {
        let lower = self.lower.as_str();
        if lower == "one" {
            return Some(Class::Word);
        }
        if (lower.ends_with("third") || lower.ends_with("quarter")) && self.next() != "of" {
            return Some(Class::Word);
        }
        None
    }
}
