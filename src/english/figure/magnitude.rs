//! Vague magnitudes and their bands: "tens of thousands", "hundreds", "millions", "dozens",
//! "several thousand", "a few hundred".

use super::token::{word_at, Token};
use super::words::scale_word;

/// A vague magnitude at token `i`: "tens of thousands", "hundreds of thousands", "millions".
pub(super) fn magnitude(tokens: &[Token], i: usize) -> Option<(f64, f64, usize)> {
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
#[cfg(test)]
mod tests {
    use super::super::tests::kinds;
    use super::super::{parse, FigureKind};
    use crate::model::Qualifier;

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
}
