//! The words reckon writes about its results: intervals, rules, arithmetic, conflicts and
//! figures as stated. Every presenter (exports, charts, report, explain, findings) words the
//! analysis's structured results through these functions, so a word changes in one place.

use crate::analysis::interpret::{Multiplier, Reading, Rule, Tolerance};
use crate::analysis::reconcile::{Conflict, Member, Side};
use crate::analysis::relate::{Arithmetic, Term};
use crate::english::number::{
    digits, digits_at, figure, grouped, plain, range, readable, round_to, span, step, unit_suffix,
};
use crate::model::interval::Interval;
use crate::model::{Dataset, Estimate, Qualifier};

/// An interval for people: "650,000–700,000", "100,000 or more", "up to 5 million".
pub fn interval_words(i: &Interval) -> String {
    if i.is_open_above() {
        format!("{} or more", readable(i.lo))
    } else if i.lo == i.hi {
        readable(i.lo)
    } else {
        range(i.lo, i.hi)
    }
}

/// An interval in its unit: "650,000–700,000", "35% or more", "160–168 cm".
pub fn interval_in(i: &Interval, unit: &str) -> String {
    let unit = unit_suffix(unit);
    if i.is_open_above() {
        format!("{}{unit} or more", readable(i.lo))
    } else {
        format!("{}{unit}", interval_words(i))
    }
}

/// A band by its ends, an open one or a point by its lower end: "6–8 million", "100,000".
fn band(i: &Interval) -> String {
    if i.lo == i.hi || i.is_open_above() {
        readable(i.lo)
    } else {
        range(i.lo, i.hi)
    }
}

/// The digits a figure derived by `m` is known to: those of its multiplier, at least two.
pub fn derived_digits(m: &Multiplier) -> u32 {
    digits(m.factor).max(2)
}

/// The interval a multiplier derives, its ends known to one digit more than the multiplier
/// ("1.67–1.74 million" for about 2.5 × 681,692).
pub fn derived_band(m: &Multiplier, i: &Interval) -> String {
    if i.lo == i.hi || i.is_open_above() {
        figure(i.lo, Some(derived_digits(m) + 1), "")
    } else {
        span(i.lo, i.hi, Some(derived_digits(m) + 1), "")
    }
}

/// The interval an estimate is read as, in its unit: "8.5–9.5 million", "160–170 cm",
/// "1.67–1.74 million" for a multiple derived by a ratio.
pub fn member_interval(m: &Member) -> String {
    read_interval(&m.rule, &m.interval, &m.unit)
}

/// The interval a rule reads a figure as, in `unit` (see [`member_interval`]).
pub fn read_interval(rule: &Rule, i: &Interval, unit: &str) -> String {
    match rule {
        Rule::Ratio(multiplier) => format!("{}{}", derived_band(multiplier, i), unit_suffix(unit)),
        _ => interval_in(i, unit),
    }
}

/// An envelope over `members` in `unit`, each end known to the digits of the estimate it comes
/// from (a derived multiple's end to one digit more than its multiplier).
pub fn envelope_words(members: &[&Member], i: &Interval, unit: &str) -> String {
    let end = |v: f64| {
        let derived = members.iter().find_map(|m| match &m.rule {
            Rule::Ratio(k) if m.interval.lo == v || m.interval.hi == v => Some(k),
            _ => None,
        });
        derived.map_or(v, |k| round_to(v, derived_digits(k) + 1))
    };
    let rounded = Interval {
        lo: end(i.lo),
        hi: if i.is_open_above() { i.hi } else { end(i.hi) },
    };
    interval_in(&rounded, unit)
}

/// The rule that read a figure, in words: "about: ±50,000, half a unit of the last
/// significant digit".
pub fn rule(r: &Rule) -> String {
    match r {
        Rule::Exact => "exact: the figure itself".into(),
        Rule::About(t) => format!("about: {}", tolerance(t)),
        Rule::Nearly(t) => format!("nearly: just below the figure, {}", tolerance(t)),
        Rule::OpenAbove(q) => format!("{q}: the figure and up, open-ended"),
        Rule::UpTo(q) => format!("{q}: anything up to the figure"),
        Rule::Range { central_stated } => format!(
            "range: low to high, {}",
            if *central_stated {
                "central value as stated"
            } else {
                "central value the midpoint"
            }
        ),
        Rule::Survey => "survey: the spread of other estimates, from the lowest to the highest; not one estimate, so it is not counted".into(),
        Rule::Magnitude => {
            "magnitude: the band the words name, central value its geometric mean".into()
        }
        Rule::Ratio(m) => format!(
            "ratio: {} × {} ({}), derived by relation {}",
            multiplier(m),
            m.base,
            readable(m.base_central),
            m.relation
        ),
    }
}

fn tolerance(t: &Tolerance) -> String {
    match t {
        Tolerance::Relative(r) => format!("±{}%", grouped(r * 100.0)),
        Tolerance::HalfUnit(h) => format!(
            "±{}, half a unit of the last significant digit",
            grouped(*h)
        ),
    }
}

/// A ratio's multiplier: "2.5", or "about 2.5 (2.45–2.55)" for a qualified one.
pub fn multiplier(m: &Multiplier) -> String {
    match m.rough {
        Some((lo, hi)) => format!(
            "about {} ({}–{})",
            readable(m.factor),
            readable(lo),
            readable(hi)
        ),
        None => readable(m.factor),
    }
}

/// One figure of a relation's arithmetic.
pub fn term(t: &Term) -> String {
    match t {
        Term::Value(v) => readable(*v),
        Term::Band(i) => band(i),
        Term::Reading(i) => interval_words(i),
        Term::Unread(id) => id.clone(),
    }
}

/// A relation's arithmetic written out: "353,074 + 328,612 = 681,686; stated 681,692".
pub fn arithmetic(a: &Arithmetic) -> String {
    arithmetic_joined(a, "; stated ")
}

/// The arithmetic as the report words it: "353,074 + 328,612 = 681,686, but the text gives
/// 681,692".
pub fn arithmetic_against_text(a: &Arithmetic) -> String {
    arithmetic_joined(a, ", but the text gives ")
}

/// The arithmetic with `stated` between the result and the stated figure.
fn arithmetic_joined(a: &Arithmetic, stated_word: &str) -> String {
    let terms = |ts: &[Term], sep: &str| ts.iter().map(term).collect::<Vec<_>>().join(sep);
    match a {
        Arithmetic::Sum {
            parts,
            total,
            stated,
        } => format!(
            "{} = {}{stated_word}{}",
            terms(parts, " + "),
            term(total),
            term(stated)
        ),
        Arithmetic::Scale {
            factor,
            base,
            base_unit,
            result,
            target_unit,
            stated,
        } => {
            let target_unit = unit_suffix(target_unit);
            // The product is known to the step of its base: 1,050 miles (to 10 miles) is
            // 1,690 km, 64 inches (to the inch, 2.54 cm) 163 cm.
            let result = match (base, result) {
                (Term::Value(b), Term::Value(r)) => {
                    figure(*r, Some(digits_at(*r, step(*b) * factor.abs())), "")
                }
                _ => term(result),
            };
            format!(
                "{} × {}{} = {result}{target_unit}{stated_word}{}{target_unit}",
                plain(*factor),
                term(base),
                unit_suffix(base_unit),
                term(stated),
            )
        }
        Arithmetic::Derived {
            multiplier: m,
            base,
            result,
            central,
        } => format!(
            "{} × {} = {} (central {}); derived, not stated",
            multiplier(m),
            term(base),
            derived_band(m, result),
            figure(*central, Some(derived_digits(m)), "")
        ),
        Arithmetic::Subset { parts, whole } => {
            format!("each of {} ≤ {}", terms(parts, ", "), term(whole))
        }
        Arithmetic::Equal { left, right } => {
            let side = |(id, a): &(String, Box<Arithmetic>)| match a.as_ref() {
                Arithmetic::Sum { parts, total, .. } => {
                    format!("{} = {} ({id})", terms(parts, " + "), term(total))
                }
                other => format!("{} ({id})", arithmetic_joined(other, stated_word)),
            };
            format!("{} against {}", side(left), side(right))
        }
    }
}

/// Why a group has no consensus: "a (1–2) is below b (3–4); and 5 more disjoint pairs".
pub fn conflict(c: &Conflict) -> String {
    let side = |s: &Side| format!("{} ({})", s.source, interval_words(&s.interval));
    let mut text: Vec<String> = c
        .widest
        .iter()
        .map(|(a, b)| format!("{} is below {}", side(a), side(b)))
        .collect();
    if c.pairs > 3 {
        text.push(format!("and {} more disjoint pairs", c.pairs - 3));
    }
    text.join("; ")
}

/// The figure as the text states it, for labels: "about 9 million", "nearly 700,000",
/// "5–10 million", "over 100,000".
pub fn stated(e: &Estimate, reading: &Reading) -> String {
    let point = || e.point.map(readable).unwrap_or_default();
    match e.qualifier {
        Some(Qualifier::Exact) | None => point(),
        Some(Qualifier::About) => format!("about {}", point()),
        Some(Qualifier::Nearly) => format!("nearly {}", point()),
        Some(Qualifier::Over) => format!("over {}", point()),
        Some(Qualifier::AtLeast) => format!("at least {}", point()),
        Some(Qualifier::UpTo) => format!("up to {}", point()),
        Some(Qualifier::AtMost) => format!("at most {}", point()),
        Some(Qualifier::Range) | Some(Qualifier::Magnitude) => match (e.low, e.high) {
            (Some(lo), Some(hi)) => range(lo, hi),
            _ => readable(reading.central),
        },
        Some(Qualifier::Survey) => match (e.low, e.high) {
            (Some(lo), Some(hi)) => format!("estimates range {}", range(lo, hi)),
            _ => readable(reading.central),
        },
        Some(Qualifier::Ratio) => {
            // "2.5× ≈ 1.7 million": the multiple, known to the digits of its multiplier.
            let exact = reading.central;
            let shown = match &reading.rule {
                Rule::Ratio(m) => round_to(exact, derived_digits(m)),
                _ => exact,
            };
            format!(
                "{}× {} {}",
                e.point.map(readable).unwrap_or_default(),
                if shown == exact { "=" } else { "≈" },
                readable(shown)
            )
        }
    }
}

/// What a restatement restates, in words: the original's figure as stated, with its source's
/// name when another source stated it.
pub fn restated(analysis: &crate::analysis::Analysis, e: &Estimate) -> String {
    let data = &analysis.data;
    let original = data
        .original_of(e)
        .or_else(|| e.restates.as_deref().and_then(|id| data.estimate(id)));
    let Some(original) = original else {
        return "another estimate".to_string();
    };
    let figure = match analysis.readings.get(&original.id) {
        Some(r) => stated(original, r),
        None => original.id.to_string(),
    };
    if original.source == e.source {
        figure
    } else {
        format!(
            "{} {figure}",
            possessive(&analysis.source_name(&original.source))
        )
    }
}

/// A cross-level conflict in words: "Robert Conquest's 1.67–1.74 million for Great Purge
/// executions, 1937–38 alone exceed Soviet archival records' about 800,000 for Executions
/// under Stalin".
pub fn crossing(
    analysis: &crate::analysis::Analysis,
    c: &crate::analysis::levels::Crossing,
) -> String {
    let data = &analysis.data;
    let side = |id: &str, quantity: &str| -> String {
        let figure = match (data.estimate(id), analysis.readings.get(id)) {
            // A derived multiple is shown as the interval it is read as.
            (Some(e), Some(r)) if e.qualifier == Some(Qualifier::Ratio) => match &r.rule {
                Rule::Ratio(m) => derived_band(m, &r.interval),
                _ => range(r.interval.lo, r.interval.hi),
            },
            (Some(e), Some(r)) => stated(e, r),
            _ => id.to_string(),
        };
        let source = data
            .estimate(id)
            .map(|e| possessive(&analysis.source_name(&e.source)))
            .unwrap_or_default();
        let label = data
            .quantity(quantity)
            .map_or(quantity.to_string(), |q| q.label.clone());
        format!("{source} {figure} for {label}")
    };
    let more = match c.exceeded {
        0 | 1 => String::new(),
        2 => " (and 1 more estimate of the whole)".to_string(),
        n => format!(" (and {} more estimates of the whole)", n - 1),
    };
    format!(
        "{} alone exceed {}{more}, a whole it is part of",
        side(&c.part, &c.part_quantity),
        side(&c.whole, &c.whole_quantity)
    )
}

/// "Robert Conquest's", "Soviet archival records'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A category as a heading: its title from categories.csv, else its id with the first letter
/// capitalised and underscores as spaces ("famine_deaths" → "Famine deaths").
pub fn category_title(data: &Dataset, category: &str) -> String {
    if let Some(c) = data
        .categories
        .iter()
        .find(|c| c.id == category && !c.title.is_empty())
    {
        return c.title.clone();
    }
    let name = category.replace('_', " ");
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => name,
    }
}

#[cfg(test)]
mod tests;
