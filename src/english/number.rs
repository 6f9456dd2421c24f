//! Number formatting: plain for machines (CSV, JSON), grouped and scaled for people.
//!
//! Every figure a person reads goes through [`figure`]: a stated figure keeps the digits it
//! was written with (681,692; 1.6 million; 11.285 million) and a computed one (a median, a
//! geometric mean, a conversion) is rounded to the digits its inputs are known to, so that
//! "tens of thousands" is about 30,000 and never 31,623, and its unit is always written.

use crate::model::{Dimension, Unit};

/// A spread (highest over lowest) for people: "2.5×", or "unbounded" when the lowest is 0.
pub fn times(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.1}×")
    } else {
        "unbounded (the lowest is 0)".to_string()
    }
}

/// A number as a machine reads it: no separators, no trailing zeros ("681692", "2.5", "33.3333333").
pub fn plain(v: f64) -> String {
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v.is_nan() {
        return "NaN".into();
    }
    if v == v.trunc() && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let s = format!("{v:.9}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A number with thousands separators, for people ("681,692", "1,539,475", "2.5", "33.3").
pub fn grouped(v: f64) -> String {
    if !v.is_finite() {
        return plain(v);
    }
    if v != 0.0 && v.abs() < 1.0 {
        // Small figures keep two significant digits: ±0.05, not ±0.1.
        return significant(v, 2);
    }
    let rounded = if v.abs() >= 100.0 {
        v.round()
    } else {
        (v * 10.0).round() / 10.0
    };
    let negative = rounded < 0.0;
    let text = plain(rounded.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    if negative {
        out.insert(0, '-');
    }
    out
}

/// A number as a report writes it: exact below a million ("681,692"), scaled above
/// ("1.7 million", "28.2 million", "11.285 million").
pub fn human(v: f64) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "∞".into() } else { plain(v) };
    }
    let a = v.abs();
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if a >= scale {
            let scaled = v / scale;
            // Up to three decimals, as the texts write them (11.285 million).
            let text = format!("{scaled:.3}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            return format!("{text} {word}");
        }
    }
    grouped(v)
}

/// A short tick label ("250k", "1M", "1.5M", "20M", "43").
pub fn short(v: f64) -> String {
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e12 {
        (v / 1e12, "T")
    } else if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    if a != 0.0 && a < 1.0 {
        return significant(v, 2);
    }
    let text = format!("{scaled:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if suffix == "k" && text.split_once('.').is_some_and(|(_, f)| f.len() > 1) {
        // Never "1.25k": below a million an odd tick is written out ("1,250").
        return grouped(v);
    }
    format!("{text}{suffix}")
}

/// The form used in written-out arithmetic: "9.2 million" for round thousands above a million, else grouped
/// digits ("2,660,013", "681,686"), so that an exact sum stays exact on the page.
pub fn readable(v: f64) -> String {
    if v.is_finite() && v.abs() >= 1e6 && (v / 1e3).fract() == 0.0 {
        human(v)
    } else if v.is_finite() && v.fract() != 0.0 && v.abs() < 1.0 {
        // Small figures keep three significant digits: 0.004, 0.0035, 0.333.
        significant(v, 3)
    } else if v.is_finite() && v.fract() != 0.0 && v.abs() < 1e4 {
        // Measures and factors keep two decimals: 64 × 2.54 = 162.56.
        let text = format!("{v:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        grouped(v)
    }
}

/// A relative difference as a signed percentage with two significant digits for small ones
/// ("-0.00088%", "+1.6%", "+5%").
pub fn percent(relative: f64) -> String {
    let p = relative * 100.0;
    if p == 0.0 || !p.is_finite() {
        return "0%".into();
    }
    let decimals = if p.abs() >= 1.0 {
        1
    } else {
        (-p.abs().log10()).ceil() as usize + 1
    };
    let text = format!("{p:+.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text}%")
}

/// A relative difference for people; `None` (against a stated 0) says so.
pub fn relative(r: Option<f64>) -> String {
    match r {
        Some(r) => percent(r),
        None => "no relative difference against a stated 0".to_string(),
    }
}

/// How many significant digits `v` is written with: 681,692 has 6, 700,000 and 1.6 million 2
/// and 1, 2.54 has 3, 0.05 has 1. Trailing zeros of a whole number are not counted.
pub fn digits(v: f64) -> u32 {
    if !v.is_finite() || v == 0.0 {
        return 1;
    }
    let text = plain(v.abs());
    let all: String = text.chars().filter(char::is_ascii_digit).collect();
    let all = all.trim_start_matches('0');
    let all = if text.contains('.') {
        all
    } else {
        all.trim_end_matches('0')
    };
    all.len().max(1) as u32
}

/// The step of the last digit `v` is written to: 1 for 681,692 and for 160 (a whole number
/// below 1,000 counts its zeros: 160 cm), 100,000 for 1.6 million, 0.1 for 166.5.
pub fn step(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 || (v.fract() == 0.0 && v.abs() < 1000.0) {
        return 1.0;
    }
    10f64.powi(magnitude(v) - digits(v) as i32 + 1)
}

/// The significant digits `v` has when written to a multiple of `step`, at least one.
pub fn digits_at(v: f64, step: f64) -> u32 {
    if !v.is_finite() || v == 0.0 || step <= 0.0 {
        return 1;
    }
    (magnitude(v) - step.log10().round() as i32 + 1).max(1) as u32
}

/// The power of ten of the leading digit of `v` (2 for 681.5, 5 for 681,692).
fn magnitude(v: f64) -> i32 {
    v.abs().log10().floor() as i32
}

/// `v` rounded to `n` significant digits: 31,623 to one is 30,000, 1,689.81 to three 1,690.
pub fn round_to(v: f64, n: u32) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let decimals = n.max(1) as i32 - 1 - magnitude;
    if decimals >= 0 {
        // Halves round away from zero (166.5 to three digits is 167), and the result is read
        // back from its decimal form: 163.25 to three digits is 163, not 163.00000000000003.
        let decimals = decimals.min(15) as usize;
        let factor = 10f64.powi(decimals as i32);
        let rounded = (v * factor).round() / factor;
        format!("{rounded:.decimals$}").parse().unwrap_or(v)
    } else {
        let step = 10f64.powi(-decimals);
        (v / step).round() * step
    }
}

/// The one way a figure is written for people, in its unit: "681,692", "1.6 million", "2.9%",
/// "about 1,690 km". `known` is how many significant digits a computed figure is known to (it
/// is rounded to them, and "about" says so when that changed it); `None` writes a stated
/// figure with the digits it has.
pub fn figure(v: f64, known: Option<u32>, unit: &str) -> String {
    let rounded = known.map_or(v, |n| round_to(v, n));
    // A figure rounded here says so: "about 30,000" for the centre of "tens of thousands".
    let about = if rounded != v { "about " } else { "" };
    format!("{about}{}{}", readable(rounded), unit_suffix(unit))
}

/// A span of two figures in their unit, each rounded to `known` digits when computed:
/// "1.67–1.74 million", "15–25%".
pub fn span(lo: f64, hi: f64, known: Option<u32>, unit: &str) -> String {
    let round = |v: f64| known.map_or(v, |n| round_to(v, n));
    format!("{}{}", range(round(lo), round(hi)), unit_suffix(unit))
}

/// A quantity's unit after a figure: " cm", "%"; nothing for a count (people, votes) or no
/// unit. A unit reckon does not know is written as given.
pub fn unit_suffix(unit: &str) -> String {
    match Unit::find(unit).map(|u| u.dimension) {
        _ if unit.trim().is_empty() => String::new(),
        Some(Dimension::Count) => String::new(),
        Some(Dimension::Percent) => "%".to_string(),
        _ => format!(" {}", unit.trim()),
    }
}

/// `v` with `digits` significant digits and no trailing zeros ("0.004", "0.0035", "0.33").
fn significant(v: f64, digits: i32) -> String {
    let magnitude = v.abs().log10().floor() as i32;
    let decimals = (digits - 1 - magnitude).clamp(0, 15) as usize;
    let text = format!("{v:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A span of two figures sharing a scale word once: "6–8 million", "34.5–35.5 million", "650,000–700,000".
pub fn range(lo: f64, hi: f64) -> String {
    let (lo, hi) = (readable(lo), readable(hi));
    for word in [" million", " billion", " trillion"] {
        if let (Some(l), Some(_)) = (lo.strip_suffix(word), hi.strip_suffix(word)) {
            return format!("{l}–{hi}");
        }
    }
    format!("{lo}–{hi}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn plain_numbers() {
        assert_eq!(plain(681692.0), "681692");
        assert_eq!(plain(2.5), "2.5");
        assert_eq!(plain(100.0 / 3.0), "33.333333333");
        assert_eq!(plain(f64::INFINITY), "inf");
    }

    #[test]
    fn grouped_numbers() {
        assert_eq!(grouped(681692.0), "681,692");
        assert_eq!(grouped(1539475.0), "1,539,475");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(-6.0), "-6");
        assert_eq!(grouped(1000.0), "1,000");
        assert_eq!(grouped(162.56), "163");
        assert_eq!(grouped(33.333), "33.3");
        assert_eq!(grouped(0.05), "0.05");
        assert_eq!(grouped(0.0005), "0.0005");
        assert_eq!(grouped(-0.25), "-0.25");
        assert_eq!(grouped(0.0), "0");
    }

    #[test]
    fn human_numbers() {
        assert_eq!(human(681692.0), "681,692");
        assert_eq!(human(1_700_000.0), "1.7 million");
        assert_eq!(human(11_285_000.0), "11.285 million");
        assert_eq!(human(20_000_000.0), "20 million");
        assert_eq!(human(1e15), "1000 trillion");
        assert_eq!(human(2.5e12), "2.5 trillion");
    }

    #[test]
    fn readable_and_percent() {
        assert_eq!(readable(681_686.0), "681,686");
        assert_eq!(readable(9_200_000.0), "9.2 million");
        assert_eq!(readable(4_199_488.0), "4,199,488");
        assert_eq!(readable(162.56), "162.56");
        assert_eq!(readable(2.54), "2.54");
        assert_eq!(readable(0.004), "0.004");
        assert_eq!(readable(0.0035), "0.0035");
        assert_eq!(human(0.004), "0.004");
        assert_eq!(range(0.0035, 0.0045), "0.0035–0.0045");
        assert_eq!(relative(None), "no relative difference against a stated 0");
        assert_eq!(percent(-6.0 / 681_692.0), "-0.00088%");
        assert_eq!(percent(0.016), "+1.6%");
        assert_eq!(percent(0.05), "+5%");
        assert_eq!(range(6e6, 8e6), "6–8 million");
        assert_eq!(range(650_000.0, 1.5e6), "650,000–1.5 million");
    }

    #[test]
    fn digits_are_those_written() {
        // Figures of the article as it writes them.
        assert_eq!(digits(681_692.0), 6); // "681,692"
        assert_eq!(digits(700_000.0), 1); // "nearly 700,000"
        assert_eq!(digits(1_600_000.0), 2); // "1.6 million"
        assert_eq!(digits(11_285_000.0), 5); // "11.285 million"
        assert_eq!(digits(2.54), 3);
        assert_eq!(digits(0.05), 1);
        assert_eq!(digits(1_050.0), 3); // "1,050 miles"
    }

    #[test]
    fn computed_figures_keep_only_the_digits_they_are_known_to() {
        // "tens of thousands": geometric mean of 10,000 and 100,000, known to one digit.
        assert_eq!(figure(31_622.776_6, Some(1), "people"), "about 30,000");
        // "millions": 3,162,278 is never shown.
        assert_eq!(figure(3_162_277.66, Some(1), "people"), "about 3 million");
        assert_eq!(figure(316.227_766, Some(1), ""), "about 300");
        // 1,050 miles in km, known to the three digits of 1,050.
        assert_eq!(figure(1_689.810_56, Some(3), "km"), "about 1,690 km");
        assert_eq!(figure(1_607_000.0, Some(2), "people"), "about 1.6 million");
        assert_eq!(figure(163.25, Some(3), "cm"), "about 163 cm");
        assert_eq!(figure(12_992_500.0, Some(3), "people"), "about 13 million");
        // Stated figures keep every digit they were written with.
        assert_eq!(figure(681_692.0, None, "people"), "681,692");
        assert_eq!(figure(11_285_000.0, None, "people"), "11.285 million");
        assert_eq!(figure(2.9, None, "percent"), "2.9%");
        assert_eq!(figure(1_690.0, None, "km"), "1,690 km");
        assert_eq!(
            span(1_670_145.0, 1_738_315.0, Some(3), ""),
            "1.67–1.74 million"
        );
        assert_eq!(span(0.0, 43.0, None, "percent"), "0–43%");
    }

    #[test]
    fn steps_are_those_written() {
        assert_eq!(step(681_692.0), 1.0);
        assert_eq!(step(160.0), 1.0); // "160 cm"
        assert_eq!(step(1_600_000.0), 100_000.0);
        assert_eq!(step(11_285_000.0), 1_000.0);
        assert_relative_eq!(step(166.5), 0.1);
        assert_eq!(digits_at(163.25, 1.0), 3);
        assert_eq!(digits_at(12_992_500.0, 100_000.0), 3);
    }

    #[test]
    fn round_to_is_decimal() {
        assert_eq!(round_to(163.26, 4), 163.3);
        assert_eq!(round_to(0.004_56, 2), 0.0046);
        assert_eq!(round_to(-31_622.0, 1), -30_000.0);
        assert_eq!(round_to(0.0, 3), 0.0);
        // The midpoint of 165–168 cm.
        assert_eq!(round_to(166.5, 3), 167.0);
    }

    #[test]
    fn short_ticks() {
        assert_eq!(short(250_000.0), "250k");
        assert_eq!(short(1_000_000.0), "1M");
        assert_eq!(short(1_500_000.0), "1.5M");
        assert_eq!(short(20_000_000.0), "20M");
        assert_eq!(short(43.0), "43");
        assert_eq!(short(0.004), "0.004");
        assert_eq!(short(3e12), "3T");
        assert_eq!(short(0.0), "0");
        assert_eq!(short(1_250.0), "1,250");
        assert_eq!(short(12_500.0), "12.5k");
    }
}
