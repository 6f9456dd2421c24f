//! Parsing one cell: numbers, years and optional text, with a finding for a cell that is not
//! what its column needs.

use crate::model::finding::{Code, Finding};
use crate::model::{Loc, Reading};

/// The largest number accepted in a numeric column; anything above is a typo, not a figure.
pub use crate::model::MAX_VALUE;

/// Parses a numeric cell. Empty is `None`; anything that is not a plain finite number is a finding.
///
/// Separators ("1,700,000") and words ("1.7 million") are rejected with a hint rather than
/// guessed at: "1,700" means 1.7 in much of Europe. See README, Numbers.
pub fn parse_number(
    cell: &str,
    loc: &Loc,
    column: &str,
    findings: &mut Vec<Finding>,
) -> Option<f64> {
    parse_number_at(cell, || loc.clone(), column, findings)
}

/// [`parse_number`] with the cell's place found only for a finding: a million figures that read
/// are never located.
pub(super) fn parse_number_at(
    cell: &str,
    loc: impl FnOnce() -> Loc,
    column: &str,
    findings: &mut Vec<Finding>,
) -> Option<f64> {
    let s = cell.trim();
    if s.is_empty() {
        return None;
    }
    let plain = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    let value = if plain { s.parse::<f64>().ok() } else { None };
    let problem = match value {
        Some(v) if !v.is_finite() => "is not a finite number".to_string(),
        Some(v) if v < 0.0 => {
            "is negative; figures count or measure, so they are never below 0".to_string()
        }
        Some(v) if v > MAX_VALUE => {
            format!("is absurdly large (over {MAX_VALUE:e}); check for a typo")
        }
        Some(v) => return Some(v),
        None => {
            let hint = if let Some(point) = decimal_comma(s) {
                format!("write the decimal point as a full stop: {point}")
            } else if s.contains(',') && s.replace(',', "").parse::<f64>().is_ok() {
                format!("write it without separators: {}", s.replace(',', ""))
            } else if s.chars().any(|c| c.is_alphabetic()) {
                "write the figure in digits without words (1.7 million is 1700000)".to_string()
            } else {
                "write a plain number such as 681692 or 1.5".to_string()
            };
            format!("is not a number; {hint}")
        }
    };
    findings.push(Finding::error(
        Code::BadNumber,
        &loc(),
        format!("`{column}` value `{s}` {problem}"),
    ));
    None
}

/// `s` with its decimal comma as a full stop ("6,35" is 6.35), when its one comma cannot be a
/// thousands separator (not followed by exactly three digits).
fn decimal_comma(s: &str) -> Option<String> {
    let (whole, fraction) = s.split_once(',')?;
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    (digits(whole) && digits(fraction) && fraction.len() != 3)
        .then(|| format!("{whole}.{fraction}"))
}

/// Parses a year cell. Empty is `None`; anything but a whole number is a finding.
pub(super) fn parse_year(
    cell: &str,
    loc: impl FnOnce() -> Loc,
    column: &str,
    findings: &mut Vec<Finding>,
) -> Option<i32> {
    let s = cell.trim();
    if s.is_empty() {
        return None;
    }
    match s.parse::<i32>() {
        Ok(y) => Some(y),
        Err(_) => {
            findings.push(Finding::error(
                Code::BadYear,
                &loc(),
                format!("`{column}` value `{s}` is not a year; write a whole number such as 1937"),
            ));
            None
        }
    }
}

/// Parses a `reading` cell: a plain number (`2000000`) or a range of two joined by a hyphen
/// (`2000000-3000000`), each as [`parse_number`] reads it. Empty is `None`; anything else is a
/// finding.
pub(super) fn parse_reading(cell: &str, loc: &Loc, findings: &mut Vec<Finding>) -> Option<Reading> {
    let s = cell.trim();
    if s.is_empty() {
        return None;
    }
    // The hyphen between two numbers: after a digit or a point, so "2e-3" stays one number.
    let dash = s
        .char_indices()
        .skip(1)
        .find(|&(i, c)| c == '-' && s[..i].ends_with(|p: char| p.is_ascii_digit() || p == '.'))
        .map(|(i, _)| i);
    let mut found = Vec::new();
    let reading = match dash {
        None => parse_number(s, loc, "reading", &mut found).map(|v| Reading { low: v, high: v }),
        Some(i) => {
            let low = parse_number(&s[..i], loc, "reading", &mut found);
            let high = parse_number(&s[i + 1..], loc, "reading", &mut found);
            low.zip(high)
                .filter(|(low, high)| low <= high)
                .map(|(low, high)| Reading { low, high })
        }
    };
    if reading.is_none() {
        findings.push(Finding::error(
            Code::BadNumber,
            loc,
            format!(
                "`reading` value `{s}` is not a number or a range of two: write the value the words mean as 2000000, or a range low-high as 2000000-3000000"
            ),
        ));
    }
    reading
}

/// A trimmed cell, or `None` when it is blank.
pub(super) fn optional(cell: &str) -> Option<String> {
    let s = cell.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;

    fn loc() -> Loc {
        Loc {
            file: Arc::new(PathBuf::from("x.csv")),
            line: 2,
            column: 5,
        }
    }

    // Regression (issue 16): a factor written `6,35` was told to write 635, where a decimal
    // comma (6.35) is far likelier; "1,700" stays ambiguous and keeps the separator hint.
    #[test]
    fn a_decimal_comma_gets_the_decimal_point_hint() {
        let hint = |cell: &str| {
            let mut f = Vec::new();
            parse_number(cell, &loc(), "factor", &mut f);
            f[0].message.clone()
        };
        assert!(
            hint("6,35").ends_with("write the decimal point as a full stop: 6.35"),
            "{}",
            hint("6,35")
        );
        assert!(hint("0,5").ends_with("write the decimal point as a full stop: 0.5"));
        assert!(hint("1,7000").ends_with(": 1.7000"));
        assert!(hint("1,700").ends_with("write it without separators: 1700"));
        assert!(hint("1,700,000").ends_with("write it without separators: 1700000"));
    }

    #[test]
    fn numbers_are_plain_or_rejected_with_a_hint() {
        let mut f = Vec::new();
        assert_eq!(
            parse_number("681692", &loc(), "point", &mut f),
            Some(681692.0)
        );
        assert_eq!(parse_number(" 1.5 ", &loc(), "point", &mut f), Some(1.5));
        assert_eq!(parse_number("", &loc(), "point", &mut f), None);
        assert!(f.is_empty());
        for bad in ["1,700,000", "-5", "NaN", "inf", "1e300", "1.7 million"] {
            let mut f = Vec::new();
            assert_eq!(parse_number(bad, &loc(), "point", &mut f), None, "{bad}");
            assert_eq!(f.len(), 1, "{bad}");
            assert_eq!(f[0].code, Code::BadNumber);
        }
        let mut f = Vec::new();
        parse_number("1,700,000", &loc(), "point", &mut f);
        assert!(f[0].message.contains("1700000"), "{}", f[0].message);
    }

    #[test]
    fn a_reading_is_a_number_or_a_range_and_anything_else_is_bad_number() {
        let mut f = Vec::new();
        let read = |cell: &str, f: &mut Vec<Finding>| parse_reading(cell, &loc(), f);
        assert_eq!(
            read("2000000", &mut f),
            Some(Reading {
                low: 2e6,
                high: 2e6
            })
        );
        assert_eq!(
            read(" 2000000-3000000 ", &mut f),
            Some(Reading {
                low: 2e6,
                high: 3e6
            })
        );
        assert_eq!(
            read("2e-3", &mut f),
            Some(Reading {
                low: 0.002,
                high: 0.002
            })
        );
        assert_eq!(read("", &mut f), None);
        assert!(f.is_empty(), "{f:#?}");
        for bad in [
            "2 million",
            "3000000-2000000",
            "2000000-",
            "-5",
            "2,000,000",
        ] {
            let mut f = Vec::new();
            assert_eq!(read(bad, &mut f), None, "{bad}");
            assert_eq!(f.len(), 1, "{bad}: {f:#?}");
            assert_eq!(f[0].code, Code::BadNumber);
            assert!(f[0].message.contains("2000000-3000000"), "{}", f[0].message);
        }
    }
}
