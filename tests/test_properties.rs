//! Property tests: the figure parser, the number formats and the interval arithmetic, and
//! loading a dataset from arbitrary bytes. None of them may panic on any input.
//!
//! cargo-fuzz needs a nightly toolchain, which this project cannot install; these properties
//! take its place and run on every `cargo test`.

use std::fs;

use proptest::prelude::*;
use reckon::english::figure::{self, same_value};
use reckon::english::number::{grouped, human, plain};
use reckon::model::interval::Interval;

const HEADERS: [(&str, &str); 5] = [
    ("texts.csv", "id,file,title,attribution"),
    ("sources.csv", "id,name,kind,note"),
    (
        "quantities.csv",
        "id,label,category,unit,region,period_start,period_end,parent,description",
    ),
    (
        "estimates.csv",
        "id,quantity,source,text,low,point,high,qualifier,quote,note",
    ),
    ("relations.csv", "id,kind,target,operands,factor,quote,note"),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// A whole number written with thousands separators parses back to itself.
    #[test]
    fn a_grouped_number_parses_back(n in 0u64..1_000_000_000_000) {
        let text = grouped(n as f64);
        let parsed = figure::parse(&format!("some {text} people"));
        prop_assert_eq!(parsed.figures.len(), 1, "{}", text);
        prop_assert_eq!(parsed.figures[0].value, n as f64, "{}", text);
    }

    /// A number as reports write it ("1.7 million", "681,692") parses back to that number.
    #[test]
    fn a_readable_number_parses_back(n in 1u64..10_000_000_000) {
        let text = human(n as f64);
        let parsed = figure::parse(&format!("about {text} deaths"));
        prop_assert_eq!(parsed.figures.len(), 1, "{}", text);
        let shown: f64 = parsed.figures[0].value;
        // human() rounds above a million; the parse must give exactly what the words say.
        let words_value = match text.split_once(' ') {
            Some((num, "million")) => num.replace(',', "").parse::<f64>().unwrap() * 1e6,
            Some((num, "billion")) => num.replace(',', "").parse::<f64>().unwrap() * 1e9,
            _ => text.replace(',', "").parse::<f64>().unwrap(),
        };
        prop_assert!(same_value(shown, words_value), "{} -> {}", text, shown);
    }

    /// A plain number (as CSV exports write it) reads back as the same f64.
    #[test]
    fn a_plain_number_reads_back(v in 0.0f64..1e14) {
        let text = plain(v);
        let back: f64 = text.parse().unwrap();
        prop_assert!((back - v).abs() <= 1e-9 * v.max(1.0), "{} -> {}", v, text);
    }

    /// The parser never panics, and every span it reports lies on character boundaries inside
    /// the input.
    #[test]
    fn the_parser_takes_any_string(s in "\\PC{0,80}") {
        let parsed = figure::parse(&s);
        for f in &parsed.figures {
            prop_assert!(f.span.start <= f.span.end && f.span.end <= s.len());
            prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
            prop_assert!(!f.value.is_nan());
        }
    }

    /// Strings made of the parser's own vocabulary, in any order.
    #[test]
    fn the_parser_takes_any_mix_of_its_words(words in prop::collection::vec(prop::sample::select(vec![
        "about", "nearly", "over", "up", "to", "between", "and", "million", "thousands", "tens",
        "of", "hundreds", "two", "a", "half", "times", "1,700", "1.5", "–", "-", "%", "0", ",",
        "a minimum of", "some", "fewer than", "9", "1937", "5 ft", "in", "cm", "miles", "\u{a0}",
        "no", "not", "less", "than", "under", "c.", "approx.", "close", "several", "few", "dozen",
        "third", "quarter", "½", "1½", "trillion", "hundred", "an", "excess",
    ]), 0..12)) {
        let s = words.join(" ");
        let parsed = figure::parse(&s);
        for f in &parsed.figures {
            prop_assert!(f.span.end <= s.len() && s.is_char_boundary(f.span.start));
            prop_assert!(f.value.is_finite() && f.value >= 0.0, "{:?} in {:?}", f, s);
        }
    }

    /// A passage found as a whole never has a letter or digit glued to either side, and every
    /// occurrence is either whole or reported as cut.
    #[test]
    fn whole_passages_stand_on_their_own(
        body in "[a-c1-3,. \u{a0}–]{0,40}",
        start in 0usize..40,
        len in 1usize..8,
    ) {
        let chars: Vec<char> = body.chars().collect();
        let start = start.min(chars.len());
        let end = (start + len).min(chars.len());
        let quote: String = chars[start..end].iter().collect();
        let whole = reckon::english::passage::find_all(&body, &quote);
        let all: Vec<_> = reckon::english::passage::occurrences(&body, &quote).collect();
        for span in &all {
            let is_whole = whole.contains(span);
            prop_assert_eq!(is_whole, reckon::english::passage::cut(&body, span).is_none());
            if is_whole {
                let before = body[..span.start].chars().next_back();
                let after = body[span.end..].chars().next();
                let first = quote.chars().next().unwrap();
                let last = quote.chars().next_back().unwrap();
                prop_assert!(!(first.is_alphanumeric() && before.is_some_and(char::is_alphanumeric)));
                prop_assert!(!(last.is_alphanumeric() && after.is_some_and(char::is_alphanumeric)));
            } else if let Some(wider) = reckon::english::passage::cut(&body, span) {
                prop_assert!(wider.start <= span.start && span.end <= wider.end);
            }
        }
    }

    /// The sum of intervals contains the sum of any members picked from them.
    #[test]
    fn a_sum_of_intervals_contains_the_sum_of_members(
        parts in prop::collection::vec((0.0f64..1e9, 0.0f64..1e9, 0.0f64..=1.0, any::<bool>()), 1..8)
    ) {
        let mut intervals = Vec::new();
        let mut member_sum = 0.0;
        for (a, b, t, open) in parts {
            let (lo, hi) = (a.min(b), a.max(b));
            let i = if open { Interval::at_least(lo) } else { Interval::new(lo, hi) };
            // A member: somewhere between lo and hi (or above lo when open).
            member_sum += if open { lo + t * 1e9 } else { lo + t * (hi - lo) };
            intervals.push(i);
        }
        let sum = Interval::sum(intervals.iter().copied());
        let slack = 1e-9 * member_sum.max(1.0);
        prop_assert!(sum.lo <= member_sum + slack && member_sum - slack <= sum.hi,
            "{:?} does not contain {}", sum, member_sum);
    }

    /// Scaling by a non-negative factor keeps the order of the ends and contains the scaled
    /// members.
    #[test]
    fn scaling_contains_the_scaled_members(a in 0.0f64..1e9, b in 0.0f64..1e9, t in 0.0f64..=1.0, k in 0.0f64..100.0) {
        let i = Interval::new(a.min(b), a.max(b));
        let m = i.lo + t * (i.hi - i.lo);
        let s = i.scale(k);
        prop_assert!(s.lo <= s.hi);
        let slack = 1e-9 * (m * k).max(1.0);
        prop_assert!(s.lo - slack <= m * k && m * k <= s.hi + slack);
    }

    /// Loading a dataset whose files hold arbitrary bytes never panics: the result is findings
    /// or a load error.
    #[test]
    fn loading_arbitrary_bytes_never_panics(
        which in 0usize..5,
        junk in prop::collection::vec(any::<u8>(), 0..400),
        keep_header in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        fs::create_dir_all(data.join("texts")).unwrap();
        fs::write(data.join("texts/t.txt"), "The text says 5 people.\n").unwrap();
        for (i, (name, header)) in HEADERS.iter().enumerate() {
            let body = if i == which {
                let mut bytes = if keep_header { format!("{header}\n").into_bytes() } else { Vec::new() };
                bytes.extend_from_slice(&junk);
                bytes
            } else {
                minimal(name).into_bytes()
            };
            fs::write(data.join(name), body).unwrap();
        }
        if let Ok(loaded) = reckon::load::load(data) {
            let _ = reckon::check::validate(&loaded.dataset);
        }
    }

    /// Coverage, the sentence finder and quote highlighting take any text: figures next to
    /// multi-byte spaces, dashes and quote marks included.
    #[test]
    fn coverage_takes_any_text(parts in prop::collection::vec(prop::sample::select(vec![
        "12", "1,700", "p.", "\u{a0}", "\u{2009}", "\u{202f}", "\u{2028}", " ", "\n", "\r\n", "T-34",
        "(1)", "–", "—", "\"", "“", "”", "million", "tens of thousands", "Mr.", "U.S.", ". ", "é", "日本",
        "March", "1937", "age", "aged from", "to", "the Big", "Three", "a third", "of",
    ]), 0..40)) {
        let body: String = parts.concat();
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        fs::create_dir_all(data.join("texts")).unwrap();
        fs::write(data.join("texts/t.txt"), format!("The text says 5 people. {body}\n")).unwrap();
        for (name, _) in HEADERS.iter() {
            fs::write(data.join(name), minimal(name)).unwrap();
        }
        let loaded = reckon::load::load(data).unwrap();
        let found = reckon::analysis::coverage::coverage(&loaded.dataset);
        prop_assert!(found.covered <= found.figures);
        let text = &loaded.dataset.texts[0].body;
        for f in &found.found {
            prop_assert!(text.contains(&f.figure));
        }
        let _ = reckon::present::report::quote_in_sentence(text, "5 people");
    }

    /// CSV-shaped junk: fields built from commas, quotes, newlines and figures.
    #[test]
    fn loading_csv_shaped_junk_never_panics(
        cells in prop::collection::vec(prop::sample::select(vec![
            "", ",", "\"", "\"\"", "\n", "\r\n", "e1", "q", "s", "t", "5", "-5", "1e400", "NaN",
            "exact", "range", "about", "5 people", "people", "sum", "e1;e1", "é", "\u{feff}",
        ]), 0..60),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        fs::create_dir_all(data.join("texts")).unwrap();
        fs::write(data.join("texts/t.txt"), "The text says 5 people.\n").unwrap();
        for (name, _) in HEADERS.iter() {
            fs::write(data.join(name), minimal(name)).unwrap();
        }
        let mut estimates = format!("{}\n", HEADERS[3].1);
        estimates.push_str(&cells.join(""));
        fs::write(data.join("estimates.csv"), estimates).unwrap();
        if let Ok(loaded) = reckon::load::load(data) {
            let findings = reckon::check::validate(&loaded.dataset);
            drop(findings);
        }
    }
}

/// A minimal valid file of each kind.
fn minimal(name: &str) -> String {
    match name {
        "texts.csv" => "id,file,title,attribution\nt,texts/t.txt,T,\n".into(),
        "sources.csv" => "id,name,kind,note\ns,S,article,\n".into(),
        "quantities.csv" => "id,label,category,unit,region,period_start,period_end,parent,description\nq,Q,c,people,,,,,\n".into(),
        "estimates.csv" => "id,quantity,source,text,low,point,high,qualifier,quote,note\ne1,q,s,t,,5,,exact,5 people,\n".into(),
        _ => "id,kind,target,operands,factor,quote,note\n".into(),
    }
}

/// The minimal dataset itself is valid, so the properties above start from a clean base.
#[test]
fn the_minimal_dataset_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    fs::create_dir_all(data.join("texts")).unwrap();
    fs::write(data.join("texts/t.txt"), "The text says 5 people.\n").unwrap();
    for (name, _) in HEADERS.iter() {
        fs::write(data.join(name), minimal(name)).unwrap();
    }
    let loaded = reckon::load::load(data).unwrap();
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    let findings = reckon::check::validate(&loaded.dataset);
    assert!(findings.is_empty(), "{findings:?}");
}
