//! Number formatting: plain for machines (CSV, JSON), grouped and scaled for people.

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
    fn short_ticks() {
        assert_eq!(short(250_000.0), "250k");
        assert_eq!(short(1_000_000.0), "1M");
        assert_eq!(short(1_500_000.0), "1.5M");
        assert_eq!(short(20_000_000.0), "20M");
        assert_eq!(short(43.0), "43");
        assert_eq!(short(0.004), "0.004");
        assert_eq!(short(3e12), "3T");
        assert_eq!(short(0.0), "0");
    }
}
