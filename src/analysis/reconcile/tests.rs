//! Unit tests of `reconcile`.

use super::*;
use approx::assert_relative_eq;
use proptest::prelude::*;

fn member(id: &str, source: &str, lo: f64, hi: f64, central: f64) -> Member {
    Member {
        estimate: id.into(),
        quantity: "q".into(),
        category: "c".into(),
        unit: "people".into(),
        source: source.into(),
        source_kind: SourceKind::Historian,
        qualifier: Qualifier::About,
        interval: Interval::new(lo, hi),
        central,
        derived: false,
        rule: Rule::Exact,
        restates: None,
        provenance: crate::model::Provenance::Quote,
        year: None,
    }
}

#[test]
fn consensus_is_the_intersection() {
    // "nearly 700,000" and the archival 681,692 agree on 681,692.
    let a = member("a", "historians", 650_000.0, 700_000.0, 700_000.0);
    let b = member("b", "archives", 681_692.0, 681_692.0, 681_692.0);
    let s = summarize("q", &[&a, &b]);
    assert_eq!(s.consensus, Some(Interval::point(681_692.0)));
    assert!(s.conflict.is_none());
    assert_eq!(s.envelope, Interval::new(650_000.0, 700_000.0));
    assert_relative_eq!(s.median, 690_846.0);
    assert_relative_eq!(s.spread, 700_000.0 / 681_692.0);
    assert_eq!(s.sources, 2);
}

#[test]
fn conflict_names_the_disagreeing_sources() {
    // Archival ~800,000 executions against Erlikman's 1.5 million.
    let a = member("a", "soviet_archives", 750_000.0, 850_000.0, 800_000.0);
    let b = member("b", "erlikman", 1_450_000.0, 1_550_000.0, 1_500_000.0);
    let s = summarize("q", &[&a, &b]);
    assert_eq!(s.consensus, None);
    let conflict = s.conflict.unwrap();
    assert_eq!(conflict.pairs, 1);
    let (low, high) = &conflict.widest[0];
    assert_eq!(low.source, "soviet_archives");
    assert_eq!(low.interval, Interval::new(750_000.0, 850_000.0));
    assert_eq!(high.source, "erlikman");
    assert_eq!(s.disagreeing, vec!["erlikman", "soviet_archives"]);
}

#[test]
fn open_ended_estimates_take_part() {
    let a = member("a", "x", 100_000.0, f64::INFINITY, 100_000.0);
    let b = member("b", "y", 0.0, 681_692.0, 681_692.0);
    let s = summarize("q", &[&a, &b]);
    assert_eq!(s.consensus, Some(Interval::new(100_000.0, 681_692.0)));
    assert!(s.envelope.is_open_above());
}

#[test]
fn median_of_even_and_odd_counts() {
    assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
    assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
    assert!(median(&[]).is_nan());
}

fn arb_member() -> impl Strategy<Value = Member> {
    (0u8..4, 0u8..5, 0.0f64..1e7, 0.0f64..1e7, any::<bool>()).prop_map(|(s, k, a, b, open)| {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let hi = if open { f64::INFINITY } else { hi };
        let mut m = member("e", &format!("s{s}"), lo, hi, lo);
        m.quantity = format!("q{k}").into();
        m
    })
}

/// Members on a coarse grid, so that ties and touching intervals are common.
fn arb_grid_member() -> impl Strategy<Value = Member> {
    (0u8..4, 0u32..12, 0u32..12, 0u32..1000).prop_map(|(s, a, b, id)| {
        let (lo, hi) = (a.min(b) as f64, a.max(b) as f64);
        member(&format!("e{id}"), &format!("s{s}"), lo, hi, lo)
    })
}

#[test]
fn a_thousand_disjoint_estimates_are_counted_without_comparing_every_pair() {
    let members: Vec<Member> = (0..1000)
        .map(|i| {
            member(
                &format!("e{i:04}"),
                "s",
                i as f64 * 10.0,
                i as f64 * 10.0 + 1.0,
                i as f64 * 10.0,
            )
        })
        .collect();
    let refs: Vec<&Member> = members.iter().collect();
    let (found, sources) = conflict(&refs).unwrap();
    // Every pair (i, j) with i < j is disjoint: 1000 × 999 / 2.
    assert_eq!(found.pairs, 499_500);
    // The widest gap: the first estimate against the last.
    let (low, high) = &found.widest[0];
    assert_eq!(low.interval, Interval::new(0.0, 1.0));
    assert_eq!(high.interval, Interval::new(9_990.0, 9_991.0));
    assert_eq!(sources, vec!["s"]);
}

proptest! {
    /// The O(n log n) conflict finds what comparing every pair finds.
    #[test]
    fn conflict_agrees_with_the_pairwise_definition(members in prop::collection::vec(arb_grid_member(), 0..30)) {
        let refs: Vec<&Member> = members.iter().collect();
        let (count, sources, widest) = conflict_by_pairs(&refs);
        match conflict(&refs) {
            None => prop_assert_eq!(count, 0),
            Some((found, names)) => {
                prop_assert!(count > 0);
                prop_assert_eq!(names, sources.into_iter().collect::<Vec<_>>());
                prop_assert_eq!(found.pairs, count);
                prop_assert_eq!(found.widest.len(), count.min(3));
                // The first pair named is disjoint and has the widest gap.
                let (a, b) = &found.widest[0];
                prop_assert!(a.interval.hi < b.interval.lo);
                prop_assert_eq!(Some(b.interval.lo - a.interval.hi), widest);
            }
        }
    }

    /// The polars aggregation and the plain-Rust rules give the same summaries.
    #[test]
    fn polars_agrees_with_the_plain_rules(members in prop::collection::vec(arb_member(), 1..40)) {
        let rows: Vec<FrameRow> = members.iter().map(|m| FrameRow {
            key: &m.quantity,
            source: &m.source,
            lo: m.interval.lo,
            hi: m.interval.hi,
            central: m.central,
            derived: m.derived,
        }).collect();
        let aggregates = frame::aggregate(rows.iter().cloned()).unwrap();
        for a in aggregates {
            let group: Vec<&Member> = members.iter().filter(|m| m.quantity == a.key).collect();
            let plain = summarize(&a.key, &group);
            let fast = finish(a, &group);
            prop_assert_eq!(plain.estimates, fast.estimates);
            prop_assert_eq!(plain.sources, fast.sources);
            prop_assert_eq!(plain.envelope, fast.envelope);
            prop_assert_eq!(plain.consensus, fast.consensus);
            prop_assert_eq!(plain.conflict, fast.conflict);
            prop_assert!((plain.median - fast.median).abs() <= 1e-6 * plain.median.abs().max(1.0));
            prop_assert_eq!(plain.min, fast.min);
            prop_assert_eq!(plain.max, fast.max);
        }
    }
}

#[test]
fn restatements_and_surveys_are_counted_but_add_no_weight() {
    // The famine's "6–8 million", its restatement, and a survey "from 3 to 60 million".
    let original = member("a", "article", 6e6, 8e6, 7e6);
    let restated = Member {
        restates: Some("a".into()),
        ..member("b", "article", 6e6, 8e6, 7e6)
    };
    let other = member("c", "conquest", 7e6, 7e6, 7e6);
    let survey = Member {
        qualifier: Qualifier::Survey,
        ..member("d", "researchers", 3e6, 60e6, 31.5e6)
    };
    let s = summarize("q", &[&original, &restated, &other, &survey]);
    assert_eq!(s.estimates, 4);
    assert_eq!(s.independent, 2);
    assert_eq!(s.sources, 2);
    // The median of 7 and 7 million, not pulled to 31.5 million by the survey's midpoint.
    assert_relative_eq!(s.median, 7e6);
    assert_eq!(s.envelope, Interval::new(6e6, 8e6));
    assert_eq!(s.consensus, Some(Interval::point(7e6)));
    assert_eq!(s.survey, Some(Interval::new(3e6, 60e6)));
    assert!(s.qualifiers.contains(&Qualifier::Survey));
}

#[test]
fn a_group_of_surveys_only_has_no_median() {
    let survey = Member {
        qualifier: Qualifier::Survey,
        ..member("d", "researchers", 3e6, 60e6, 31.5e6)
    };
    let s = summarize("q", &[&survey]);
    assert_eq!((s.estimates, s.independent, s.sources), (1, 0, 0));
    assert!(s.median.is_nan() && s.spread.is_nan());
    assert_eq!(s.consensus, None);
    assert!(s.conflict.is_none());
}
