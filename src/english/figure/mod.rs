//! The figure parser: finds the numbers a quote states ("681,692", "1.7 million", "two and a
//! half times", "between five and ten million", "tens of thousands", "43%", "5 ft 5 in") and
//! the words that qualify them ("nearly", "up to", "a minimum of").
//!
//! It works on any English text, not only the shipped article: `check` uses it to compare a
//! quote with its row, and `coverage` to find figures no row covers.

use std::ops::Range;

use crate::model::Qualifier;

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

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    /// Digits with a thousands separator or a decimal point; never a year.
    Formatted(f64),
    Word(String),
    Sym(char),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

/// The value of a vulgar-fraction character (½, ¼, ¾, ⅓, ⅔).
fn vulgar_fraction(c: char) -> Option<f64> {
    match c {
        '½' => Some(0.5),
        '¼' => Some(0.25),
        '¾' => Some(0.75),
        '⅓' => Some(1.0 / 3.0),
        '⅔' => Some(2.0 / 3.0),
        _ => None,
    }
}

fn tokenize(s: &str) -> Vec<Token> {
    let bytes = s.as_bytes();
    let mut tokens = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let mut end = start;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            let mut formatted = false;
            // Thousands groups: a comma followed by exactly three digits.
            while bytes.get(end) == Some(&b',')
                && bytes
                    .get(end + 1..end + 4)
                    .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit)
            {
                end += 4;
                formatted = true;
            }
            if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
                end += 1;
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
                formatted = true;
            }
            let mut value = s[start..end]
                .replace(',', "")
                .parse::<f64>()
                .unwrap_or(f64::NAN);
            // "1½ million"
            if let Some(f) = s[end..].chars().next().and_then(vulgar_fraction) {
                if !formatted || !s[start..end].contains('.') {
                    value += f;
                    end += s[end..].chars().next().map_or(0, char::len_utf8);
                    formatted = true;
                }
            }
            tokens.push(Token {
                tok: if formatted {
                    Tok::Formatted(value)
                } else {
                    Tok::Num(value)
                },
                span: start..end,
            });
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
        } else if let Some(f) = vulgar_fraction(c) {
            chars.next();
            tokens.push(Token {
                tok: Tok::Formatted(f),
                span: start..start + c.len_utf8(),
            });
        } else if c.is_alphabetic() {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                let joins = (c == '-' || c == '\'' || c == '’')
                    && s[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if c.is_alphabetic() || joins {
                    end = i + c.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = s[start..end].to_lowercase();
            // "five-member", "two-year": the leading number words are a figure of their own.
            let parts: Vec<&str> = word.split('-').collect();
            let numeric = parts.iter().take_while(|p| is_number_word(p)).count();
            if numeric > 0 && numeric < parts.len() {
                let cut = parts[..numeric].join("-").len();
                tokens.push(Token {
                    tok: Tok::Word(word[..cut].to_string()),
                    span: start..start + cut,
                });
                tokens.push(Token {
                    tok: Tok::Word(word[cut + 1..].to_string()),
                    span: start + cut + 1..end,
                });
            } else {
                tokens.push(Token {
                    tok: Tok::Word(word),
                    span: start..end,
                });
            }
        } else {
            chars.next();
            if !c.is_whitespace() {
                tokens.push(Token {
                    tok: Tok::Sym(c),
                    span: start..start + c.len_utf8(),
                });
            }
        }
    }
    tokens
}

fn unit_word(w: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|t| *t == w)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

fn scale_word(w: &str) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

fn fraction_word(w: &str) -> Option<f64> {
    match w {
        "half" | "halves" => Some(0.5),
        "third" | "thirds" => Some(1.0 / 3.0),
        "quarter" | "quarters" => Some(0.25),
        "tenth" | "tenths" => Some(0.1),
        _ => None,
    }
}

/// A number word: a unit, a tens word, a scale, a fraction, "hundred" or "dozen".
pub fn is_number_word(w: &str) -> bool {
    unit_word(w).is_some()
        || scale_word(w).is_some()
        || fraction_word(w).is_some()
        || w == "hundred"
        || w == "dozen"
}

/// The words of a hyphenated token ("thirty-five" -> thirty, five).
fn parts(w: &str) -> Vec<&str> {
    w.split('-').collect()
}

fn word_at(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

/// A number written in words, starting at token `i`: its value, whether it holds a fraction
/// word, its scale, and the index after it.
fn word_number(tokens: &[Token], i: usize) -> Option<(f64, bool, f64, usize)> {
    let first = word_at(tokens, i)?;
    let starts = parts(first).iter().all(|p| is_number_word(p))
        || ((first == "a" || first == "an")
            && word_at(tokens, i + 1).is_some_and(|n| {
                scale_word(n).is_some()
                    || fraction_word(n).is_some()
                    || n == "hundred"
                    || n == "dozen"
            }));
    if !starts {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    let mut j = i;
    while let Some(w) = word_at(tokens, j) {
        let next = word_at(tokens, j + 1);
        let is_article = (w == "a" || w == "an") && next.is_some_and(is_number_word);
        // "and" joins parts of one number only in "two and a half" and "one hundred and five";
        // in "between five and ten million" it joins two numbers.
        let after_hundreds = words
            .last()
            .is_some_and(|p| *p == "hundred" || scale_word(p).is_some());
        let is_and = w == "and"
            && !words.is_empty()
            && next.is_some_and(|n| {
                (after_hundreds && unit_word(n).is_some())
                    || ((n == "a" || n == "an")
                        && word_at(tokens, j + 2).is_some_and(|m| fraction_word(m).is_some()))
            });
        // "a third of a million": "of" joins a fraction to the unit it divides, but not in
        // "a third of all Russians".
        let is_of = w == "of"
            && words.last().is_some_and(|p| fraction_word(p).is_some())
            && (next == Some("a") || next == Some("an"))
            && word_at(tokens, j + 2)
                .is_some_and(|m| scale_word(m).is_some() || m == "hundred" || m == "dozen");
        if parts(w).iter().all(|p| is_number_word(p)) || is_article || is_and || is_of {
            words.extend(parts(w));
            j += 1;
        } else {
            break;
        }
    }
    Some((
        evaluate_words(&words),
        words.iter().any(|w| fraction_word(w).is_some()),
        words_scale(&words),
        j,
    ))
}

/// The scale word a number in words ends on ("two million" -> 1e6), or 1.
///
/// A unit word followed only by "hundred" and scale words scales by all of them: in "five to six
/// hundred thousand" the five is 500,000.
fn words_scale(words: &[&str]) -> f64 {
    let multipliers = |w: &str| {
        if w == "hundred" {
            Some(100.0)
        } else {
            scale_word(w)
        }
    };
    let trailing = words
        .iter()
        .rev()
        .take_while(|w| multipliers(w).is_some())
        .count();
    let head = words.len() - trailing;
    if trailing > 0 && head == 1 && unit_word(words[0]).is_some() {
        return words[head..]
            .iter()
            .filter_map(|w| multipliers(w))
            .product();
    }
    words
        .iter()
        .rev()
        .find_map(|w| scale_word(w))
        .unwrap_or(1.0)
}

/// The value of a number in words.
///
/// "and" separates added parts: "two and a half" = 2 + 0.5, "one hundred and five" = 105, and
/// after a scale word a fraction is of that scale: "a million and a half" = 1,500,000. A
/// fraction followed by "a" or "of a" multiplies what follows: "half a million" = 500,000,
/// "a third of a million" = 333,333, "half a dozen" = 6.
fn evaluate_words(words: &[&str]) -> f64 {
    let mut total = 0.0;
    let mut group = 0.0; // value below the current scale word
    let mut count: Option<f64> = None; // the count a fraction, dozen or hundred multiplies
    let mut last_scale: Option<f64> = None; // the scale word just before "and"
    let mut fraction_of_scale: Option<f64> = None;
    let mut multiplier: Option<f64> = None; // "half a ...": multiplies the next unit
    let mut skip_article = false;
    for (k, &w) in words.iter().enumerate() {
        let next = words.get(k + 1).copied();
        if w == "and" {
            group += count.take().unwrap_or(0.0);
            fraction_of_scale = last_scale;
            continue;
        }
        if w == "of" {
            skip_article = true;
            continue;
        }
        if w == "a" || w == "an" {
            if !std::mem::take(&mut skip_article) {
                count = Some(count.unwrap_or(0.0) + 1.0);
            }
        } else if let Some(v) = unit_word(w) {
            count = Some(count.unwrap_or(0.0) + v);
            last_scale = None;
        } else if w == "dozen" || w == "hundred" {
            let unit = if w == "dozen" { 12.0 } else { 100.0 };
            let base = multiplier.take().or(count).unwrap_or(1.0);
            count = Some(base * unit);
        } else if let Some(f) = fraction_word(w) {
            let n = count.take().unwrap_or(1.0);
            let of_what = next.is_some_and(|n| {
                matches!(n, "a" | "an" | "of" | "dozen" | "hundred") || scale_word(n).is_some()
            });
            if of_what {
                multiplier = Some(n * f);
                skip_article = next != Some("of");
            } else if let Some(s) = fraction_of_scale.take() {
                total += n * f * s;
            } else {
                group += n * f;
            }
        } else if let Some(s) = scale_word(w) {
            // "a thousand million": a scale of a scale.
            if k > 0 && scale_word(words[k - 1]).is_some() && group == 0.0 && count.is_none() {
                total *= s;
                last_scale = Some(s);
                continue;
            }
            let base = match multiplier.take() {
                Some(m) => group + m,
                None => {
                    let base = group + count.take().unwrap_or(0.0);
                    if base == 0.0 {
                        1.0
                    } else {
                        base
                    }
                }
            };
            total += base * s;
            group = 0.0;
            last_scale = Some(s);
        }
    }
    total + group + count.unwrap_or(0.0)
}

/// A vague magnitude at token `i`: "tens of thousands", "hundreds of thousands", "millions".
fn magnitude(tokens: &[Token], i: usize) -> Option<(f64, f64, usize)> {
    let w = word_at(tokens, i)?;
    let plural_scale = |w: &str| match w {
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        "trillions" => Some(1e12),
        _ => None,
    };
    let multiple = match w {
        "tens" => Some(10.0),
        "hundreds" => Some(100.0),
        _ => None,
    };
    if let Some(m) = multiple {
        if word_at(tokens, i + 1) == Some("of") {
            if let Some(s) = word_at(tokens, i + 2).and_then(plural_scale) {
                return Some((m * s, m * s * 10.0, i + 3));
            }
        }
        if w == "hundreds" {
            return Some((100.0, 1000.0, i + 1));
        }
        return None;
    }
    if w == "dozens" {
        return Some((24.0, 100.0, i + 1));
    }
    // "several thousand", "a few hundred": a band from a few of the unit to ten of it.
    let (few, unit_at) = match w {
        "several" => (3.0, i + 1),
        "few" => (2.0, i + 1),
        "a" if word_at(tokens, i + 1) == Some("few") => (2.0, i + 2),
        _ => (0.0, i),
    };
    if few > 0.0 {
        // "several tens of thousands", "a few hundreds of thousands"
        if let Some((low, _, end)) = magnitude(tokens, unit_at) {
            return Some((few * low, 10.0 * low, end));
        }
        let mut unit = word_at(tokens, unit_at).and_then(|u| match u {
            "dozen" | "dozens" => Some(12.0),
            "hundred" | "hundreds" => Some(100.0),
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => scale_word(u),
        })?;
        let mut end = unit_at + 1;
        // "several hundred thousand"
        if let Some(s) = word_at(tokens, end).and_then(scale_word) {
            unit *= s;
            end += 1;
        }
        return Some((few * unit, 10.0 * unit, end));
    }
    plural_scale(w).map(|s| (s, s * 10.0, i + 1))
}

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
    let mut kind = FigureKind::Count;
    match (tokens.get(j).map(|t| &t.tok), word_at(tokens, j)) {
        (Some(Tok::Sym('%')), _) | (_, Some("percent")) => {
            kind = FigureKind::Percent;
            j += 1;
        }
        (_, Some("per")) if word_at(tokens, j + 1) == Some("cent") => {
            kind = FigureKind::Percent;
            j += 2;
        }
        (_, Some("times")) => {
            kind = FigureKind::Times;
            j += 1;
        }
        (_, Some("ft" | "feet" | "foot")) => {
            kind = FigureKind::Measure(Unit::Foot);
            j += 1;
            if let Some((inches, k)) = tokens.get(j).and_then(|_| plain_number(tokens, j)) {
                if matches!(word_at(tokens, k), Some("in" | "inch" | "inches")) {
                    kind = FigureKind::Measure(Unit::Inch);
                    value = value * 12.0 + inches;
                    j = k + 1;
                }
            }
        }
        (_, Some(w)) if w != "in" => {
            if let Some(unit) = unit_of(w) {
                kind = FigureKind::Measure(unit);
                j += 1;
            }
        }
        _ => {}
    }
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

/// A bare number (digits or words) at token `i`, for the inches of "5 ft 5 in".
fn plain_number(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    match &tokens[i].tok {
        Tok::Num(v) | Tok::Formatted(v) => Some((*v, i + 1)),
        Tok::Word(_) => word_number(tokens, i).map(|(v, _, _, j)| (v, j)),
        Tok::Sym(_) => None,
    }
}

/// Qualifier phrases, longest first so that "no more than" is not read as "more than" and
/// "no fewer than" not as "fewer than".
const CUES: &[(&[&str], Qualifier)] = &[
    (&["not", "in", "excess", "of"], Qualifier::AtMost),
    (&["nothing", "less", "than"], Qualifier::AtLeast),
    (&["not", "upwards", "of"], Qualifier::AtMost),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::Over),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["not", "nearly"], Qualifier::AtMost),
    (&["not", "quite"], Qualifier::Nearly),
    (&["not", "over"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::AtMost),
    (&["less", "than"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["within"], Qualifier::AtMost),
    (&["at", "least"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::Over),
    (&["upwards", "of"], Qualifier::Over),
    (&["up", "to"], Qualifier::UpTo),
    (&["minimum"], Qualifier::AtLeast),
    (&["maximum"], Qualifier::AtMost),
    (&["over"], Qualifier::Over),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["probably"], Qualifier::About),
    (&["circa"], Qualifier::About),
];

/// Qualifier words that are also common words ("under Stalin", "close to Moscow"): they count
/// only right before a figure. Abbreviations ("c. 1,000", "approx. 3 million") need their full
/// stop.
const CUES_BEFORE_A_FIGURE: &[(&[&str], bool, Qualifier)] = &[
    (&["not", "close", "to"], false, Qualifier::AtMost),
    (&["not", "under"], false, Qualifier::AtLeast),
    (&["close", "to"], false, Qualifier::Nearly),
    (&["under"], false, Qualifier::AtMost),
    (&["approx"], true, Qualifier::About),
    (&["ca"], true, Qualifier::About),
    (&["c"], true, Qualifier::About),
];

fn phrase_at(tokens: &[Token], i: usize, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(k, p)| word_at(tokens, i + k) == Some(p))
}

fn cues(tokens: &[Token]) -> Vec<Qualifier> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let hit = CUES
            .iter()
            .find(|(phrase, _)| phrase_at(tokens, i, phrase))
            .map(|(phrase, q)| (phrase.len(), *q))
            .or_else(|| {
                CUES_BEFORE_A_FIGURE.iter().find_map(|(phrase, stop, q)| {
                    if !phrase_at(tokens, i, phrase) {
                        return None;
                    }
                    let mut next = i + phrase.len();
                    if *stop {
                        if !matches!(tokens.get(next).map(|t| &t.tok), Some(Tok::Sym('.'))) {
                            return None;
                        }
                        next += 1;
                    }
                    (next < tokens.len() && figure_at(tokens, next).is_some())
                        .then_some((next - i, *q))
                })
            });
        match hit {
            Some((len, q)) => {
                if !found.contains(&q) {
                    found.push(q);
                }
                i += len;
            }
            None => i += 1,
        }
    }
    found
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
    // Two figures joined by "to", a dash, or "and" after "between" form a range.
    let mut ranges = Vec::new();
    for k in 1..figures.len() {
        let (_, end) = bounds[k - 1];
        let (start, _) = bounds[k];
        // "4 million to nearly 10 million": qualifying words may follow the connector.
        let qualified = start > end
            && (end + 1..start).all(|t| {
                matches!(
                    word_at(&tokens, t),
                    Some(
                        "nearly"
                            | "almost"
                            | "about"
                            | "around"
                            | "approximately"
                            | "some"
                            | "roughly"
                            | "over"
                    )
                )
            });
        if !qualified {
            continue;
        }
        let between =
            bounds[k - 1].0 > 0 && word_at(&tokens, bounds[k - 1].0 - 1) == Some("between");
        let joined = match &tokens[end].tok {
            Tok::Word(w) => w == "to" || (w == "and" && between),
            Tok::Sym(c) => matches!(c, '–' | '-' | '—'),
            _ => false,
        };
        let years = figures[k - 1].kind == FigureKind::Year && figures[k].kind == FigureKind::Year;
        if joined && !years {
            ranges.push((k - 1, k));
        }
    }
    // "5 to 10 million", "165–168 cm": the left end takes the right end's scale and unit.
    // Right to left, so that "2.2 million to 4 to 5 million" carries "million" back to 4.
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
    let mut cues = cues(&tokens);
    let mut add = |q: Qualifier| {
        if !cues.contains(&q) {
            cues.push(q);
        }
    };
    if !ranges.is_empty() {
        add(Qualifier::Range);
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

/// True when two figures are the same number (relative tolerance 1e-6, for "a third" = 33.3333333).
pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    fn values(s: &str) -> Vec<f64> {
        parse(s).figures.iter().map(|f| f.value).collect()
    }

    fn kinds(s: &str) -> Vec<FigureKind> {
        parse(s).figures.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(values("not 681,692, but"), vec![681_692.0]);
        assert_eq!(values("353,074 in 1937"), vec![353_074.0, 1937.0]);
        assert_eq!(
            kinds("353,074 in 1937"),
            vec![FigureKind::Count, FigureKind::Year]
        );
        assert_eq!(values("1,108 negative votes"), vec![1108.0]);
    }

    #[test]
    fn decimals_with_scale_words() {
        assert_eq!(values("around 1.7 million deaths"), vec![1_700_000.0]);
        assert_eq!(values("official figures 28.2 million"), vec![28_200_000.0]);
        assert_eq!(
            values("official figures 11.285 million"),
            vec![11_285_000.0]
        );
    }

    #[test]
    fn number_words() {
        assert_eq!(values("At seven, he"), vec![7.0]);
        assert_eq!(values("twenty six countries"), vec![26.0]);
        assert_eq!(values("over thirty-five percent"), vec![35.0]);
        assert_eq!(kinds("over thirty-five percent"), vec![FigureKind::Percent]);
        assert_eq!(
            values("around one hundred thousand political prisoners"),
            vec![100_000.0]
        );
        assert_eq!(values("more than a million people"), vec![1_000_000.0]);
        assert_eq!(values("an estimated four million POWs"), vec![4_000_000.0]);
        assert_eq!(values("thirteen members"), vec![13.0]);
    }

    #[test]
    fn two_and_a_half_times_is_a_ratio() {
        let p = parse("some two and a half times as high");
        assert_eq!(p.figures.len(), 1);
        assert_relative_eq!(p.figures[0].value, 2.5);
        assert_eq!(p.figures[0].kind, FigureKind::Times);
        assert!(p.cues.contains(&Qualifier::Ratio));
        assert!(p.cues.contains(&Qualifier::About));
    }

    #[test]
    fn ranges_carry_the_scale_back() {
        let p = parse("5 to 10 million");
        assert_eq!(values("5 to 10 million"), vec![5e6, 1e7]);
        assert_eq!(p.ranges, vec![(0, 1)]);
        assert_eq!(values("deaths of 6 to 8 million people"), vec![6e6, 8e6]);
        assert_eq!(values("Adding 6–8 million famine victims"), vec![6e6, 8e6]);
        assert_eq!(
            values("between five and ten million people"),
            vec![5e6, 1e7]
        );
        assert!(parse("between five and ten million")
            .cues
            .contains(&Qualifier::Range));
        assert_eq!(values("ranging from 3 to 60 million"), vec![3e6, 6e7]);
        assert_eq!(
            values("375,000 to 400,000 deaths"),
            vec![375_000.0, 400_000.0]
        );
        assert_eq!(
            values("an estimated 1 to 1.5 million lives"),
            vec![1e6, 1.5e6]
        );
        assert_eq!(
            values("from 2.2 million to 4 to 5 million"),
            vec![2.2e6, 4e6, 5e6]
        );
        assert_eq!(
            values("approximately 4 million to nearly 10 million"),
            vec![4e6, 1e7]
        );
    }

    #[test]
    fn and_without_between_is_not_a_range() {
        let p = parse("353,074 in 1937 and 328,612 in 1938");
        assert!(p.ranges.is_empty());
        assert!(!p.cues.contains(&Qualifier::Range));
        let p = parse("Soviet famine of 1932-1933");
        assert!(
            p.ranges.is_empty(),
            "a span of years is not a range of figures"
        );
    }

    #[test]
    fn vague_magnitudes_have_bands() {
        let p = parse("tens of thousands were executed");
        assert_eq!(
            p.figures[0].kind,
            FigureKind::Magnitude {
                low: 1e4,
                high: 1e5
            }
        );
        let p = parse("hundreds of thousands of deportees");
        assert_eq!(
            p.figures[0].kind,
            FigureKind::Magnitude {
                low: 1e5,
                high: 1e6
            }
        );
        let p = parse("millions of ethnic minorities");
        assert_eq!(
            p.figures[0].kind,
            FigureKind::Magnitude {
                low: 1e6,
                high: 1e7
            }
        );
        assert!(p.cues.contains(&Qualifier::Magnitude));
        let p = parse("from tens of thousands to two million women");
        assert_eq!(p.values(), vec![1e4, 1e5, 2e6]);
        assert_eq!(p.ranges, vec![(0, 1)]);
    }

    #[test]
    fn percentages_and_fractions() {
        assert_eq!(values("up to 43% of"), vec![43.0]);
        assert_eq!(kinds("up to 43% of"), vec![FigureKind::Percent]);
        assert_eq!(values("54 percent of"), vec![54.0]);
        assert_relative_eq!(values("Fewer than a third of")[0], 100.0 / 3.0);
        assert_eq!(kinds("Fewer than a third of"), vec![FigureKind::Percent]);
        assert_eq!(values("Half of the respondents"), vec![50.0]);
        assert_relative_eq!(values("about one-tenth of")[0], 10.0);
    }

    #[test]
    fn measures_in_units() {
        assert_eq!(values("between 5 ft 5 in and 5 ft 6 in"), vec![65.0, 66.0]);
        assert_eq!(kinds("5 ft 5 in"), vec![FigureKind::Measure(Unit::Inch)]);
        assert_eq!(values("five feet four inches high"), vec![64.0]);
        assert_eq!(kinds("10 ft"), vec![FigureKind::Measure(Unit::Foot)]);
        assert_eq!(parse("10 ft").values(), vec![10.0, 120.0]);
        assert_eq!(values("(160\u{a0}cm)"), vec![160.0]);
        assert_eq!(kinds("(160\u{a0}cm)"), vec![FigureKind::Measure(Unit::Cm)]);
        assert_eq!(values("(165–168\u{a0}cm)"), vec![165.0, 168.0]);
        assert_eq!(
            kinds("(165–168 cm)"),
            vec![FigureKind::Measure(Unit::Cm), FigureKind::Measure(Unit::Cm)]
        );
        assert_eq!(
            values("1,050 miles (1,690 kilometers)"),
            vec![1050.0, 1690.0]
        );
        assert_eq!(
            values("353,074 in 1937")[0],
            353_074.0,
            "`in` before a year is no unit"
        );
    }

    #[test]
    fn qualifier_cues() {
        assert_eq!(parse("nearly 700,000 people").cues, vec![Qualifier::Nearly]);
        assert_eq!(parse("Over 100,000 were shot").cues, vec![Qualifier::Over]);
        assert_eq!(parse("as many as five million").cues, vec![Qualifier::UpTo]);
        assert_eq!(parse("up to 30 million").cues, vec![Qualifier::UpTo]);
        assert_eq!(parse("no more than ten days").cues, vec![Qualifier::AtMost]);
        assert_eq!(
            parse("a minimum of around 10 million").cues,
            vec![Qualifier::AtLeast, Qualifier::About]
        );
        assert_eq!(parse("some 390,000 deaths").cues, vec![Qualifier::About]);
        assert!(parse("353,074 in 1937").cues.is_empty());
    }

    #[test]
    fn negated_and_less_common_cues() {
        for (quote, cue) in [
            ("no fewer than 500 people", Qualifier::AtLeast),
            ("not fewer than 500", Qualifier::AtLeast),
            ("no less than 2 million", Qualifier::AtLeast),
            ("not less than 2 million", Qualifier::AtLeast),
            ("not nearly 400", Qualifier::AtMost),
            ("under 1,000 people", Qualifier::AtMost),
            ("in excess of 20,000", Qualifier::Over),
            ("close to 400", Qualifier::Nearly),
            ("a maximum of 3,000", Qualifier::AtMost),
            ("approx. 3 million", Qualifier::About),
            ("c. 1,000 men", Qualifier::About),
            ("not under 500", Qualifier::AtLeast),
            ("nothing less than 500", Qualifier::AtLeast),
            ("not in excess of 500", Qualifier::AtMost),
            ("not upwards of 500", Qualifier::AtMost),
            ("not close to 500", Qualifier::AtMost),
        ] {
            assert_eq!(parse(quote).cues, vec![cue], "{quote}");
        }
        // Common words that qualify nothing unless a figure follows.
        assert!(parse("under Stalin, 1,000 were shot").cues.is_empty());
        assert!(parse("close to Moscow 400 died").cues.is_empty());
        assert!(parse("section c 400").cues.is_empty());
    }

    #[test]
    fn fractions_of_a_unit() {
        assert_eq!(values("Half a million fled"), vec![500_000.0]);
        assert_eq!(values("half a dozen"), vec![6.0]);
        assert_eq!(values("a million and a half"), vec![1_500_000.0]);
        assert_eq!(values("two and a half million"), vec![2_500_000.0]);
        assert_eq!(values("one and a half million"), vec![1_500_000.0]);
        assert_relative_eq!(values("a third of a million")[0], 1e6 / 3.0);
        assert_eq!(values("1½ million"), vec![1_500_000.0]);
        assert_eq!(values("½ million"), vec![500_000.0]);
        assert_eq!(values("a hundred thousand"), vec![100_000.0]);
        assert_eq!(values("a 2-million-strong army"), vec![2e6]);
        assert!(parse("a 2-million-strong army").ranges.is_empty());
        assert_eq!(values("a half dozen"), vec![6.0]);
        assert_eq!(values("a half million"), vec![500_000.0]);
        assert_eq!(values("a thousand million"), vec![1e9]);
        assert_eq!(values("a million million"), vec![1e12]);
        assert_eq!(values("two hundred and fifty thousand"), vec![250_000.0]);
        assert_eq!(values("three quarters of a million"), vec![750_000.0]);
        assert_eq!(values("one and a half thousand"), vec![1_500.0]);
        assert_eq!(
            values("five to six hundred thousand"),
            vec![500_000.0, 600_000.0]
        );
        assert_eq!(
            values("twenty to thirty thousand"),
            vec![20_000.0, 30_000.0]
        );
        // A fraction of something that is not a number stays a share.
        assert_relative_eq!(values("a third of all Russians")[0], 100.0 / 3.0);
        assert_eq!(kinds("half of them"), vec![FigureKind::Percent]);
    }

    #[test]
    fn several_and_a_few_are_bands() {
        assert_eq!(
            kinds("Several thousand died"),
            vec![FigureKind::Magnitude {
                low: 3e3,
                high: 1e4
            }]
        );
        assert_eq!(
            kinds("a few hundred"),
            vec![FigureKind::Magnitude {
                low: 200.0,
                high: 1e3
            }]
        );
        assert_eq!(
            kinds("several hundred thousand"),
            vec![FigureKind::Magnitude {
                low: 3e5,
                high: 1e6
            }]
        );
        assert!(parse("several thousand")
            .cues
            .contains(&Qualifier::Magnitude));
        assert!(parse("several people").figures.is_empty());
    }

    #[test]
    fn hyphenated_number_words() {
        assert_eq!(values("a five-member Politburo"), vec![5.0]);
        assert_eq!(values("thirty-five"), vec![35.0]);
    }

    #[test]
    fn and_joins_numbers_only_where_english_does() {
        assert_eq!(values("one hundred and five"), vec![105.0]);
        assert_eq!(values("five and ten"), vec![5.0, 10.0]);
    }

    #[test]
    fn words_that_are_not_numbers() {
        assert!(parse("a total of").figures.is_empty());
        assert!(parse("and others").figures.is_empty());
        assert!(parse("").figures.is_empty());
    }
}
