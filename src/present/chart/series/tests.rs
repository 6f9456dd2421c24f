//! Unit tests of the series chart: which series get one, lines by source, the value axis, and
//! what the drawing holds.

use approx::assert_relative_eq;

use super::plot::runs;
use super::*;
use crate::analysis::interpret::Rules;
use crate::analysis::Analysis;
use crate::model::sample;
use crate::model::{Dataset, Estimate, Qualifier, Quantity, Source, SourceKind};
use crate::present::chart::marks::fixture::texts;
use crate::present::chart::{category, forest, timeline};

/// A quantity `world_YEAR` of series `world` (or of none).
fn period(year: i32, series: Option<&str>) -> Quantity {
    Quantity {
        label: format!("World, {year}"),
        series: series.map(str::to_string),
        period_start: Some(year),
        period_end: Some(year),
        ..sample::quantity(&format!("world_{year}"), "people")
    }
}

/// An exact figure of `world_YEAR` by `source`, dated 2000 so that a timeline could draw it.
fn figure(year: i32, source: &str, value: f64) -> Estimate {
    Estimate {
        id: format!("{year}.{source}").into(),
        source: source.into(),
        year: Some(2000 + year % 7),
        ..sample::estimate("", &format!("world_{year}"), Qualifier::Exact, value, "")
    }
}

/// An analysis of `quantities` and `estimates`, each source a historian named after its id.
fn analysis(quantities: Vec<Quantity>, estimates: Vec<Estimate>) -> Analysis {
    let mut contents = sample::contents("");
    let mut sources: Vec<String> = estimates.iter().map(|e| e.source.to_string()).collect();
    sources.sort();
    sources.dedup();
    contents.sources = sources
        .iter()
        .map(|id| Source {
            name: format!("Source {id}"),
            kind: Some(SourceKind::Other),
            ..sample::source(id)
        })
        .collect();
    contents.quantities = quantities;
    contents.estimates = estimates;
    Analysis::new(Dataset::new(contents), Rules::default()).unwrap()
}

/// Three years of series `world` from sources a and b, two figures each a year, and b's 1991
/// missing; `world_1990` also has a second figure from a.
fn world() -> Analysis {
    let quantities = vec![
        period(1992, Some("world")),
        period(1990, Some("world")),
        period(1991, Some("world")),
        period(1950, None),
    ];
    let mut estimates = vec![
        figure(1990, "a", 100.0),
        Estimate {
            id: "1990.a2".into(),
            ..figure(1990, "a", 300.0)
        },
        figure(1991, "a", 150.0),
        figure(1992, "a", 120.0),
        figure(1990, "b", 90.0),
        figure(1992, "b", 110.0),
    ];
    estimates.extend([figure(1950, "a", 10.0), figure(1950, "b", 12.0)]);
    analysis(quantities, estimates)
}

#[test]
fn a_series_is_one_chart_with_a_line_per_source() {
    let a = world();
    let ctx = View::new(&a, AxisChoice::Auto);
    let charts = series_charts(&ctx);
    assert_eq!(charts.len(), 1);
    let c = &charts[0];
    assert_eq!(c.name, "world");
    assert_eq!(c.quantities, ["world_1990", "world_1991", "world_1992"]);
    // What the labels share titles the chart.
    assert_eq!(c.title, "World, by year");
    assert_eq!(
        c.subtitle,
        "Deaths · people · 3 years from 1990 to 1992 · 2 sources"
    );
    let a_line = &c.lines[0];
    assert_eq!(a_line.source, "Source a");
    // a's two figures for 1990 (100 and 300) meet at their median, their intervals joined.
    assert_relative_eq!(a_line.points[0].central, 200.0);
    assert_relative_eq!(a_line.points[0].interval.lo, 100.0);
    assert_relative_eq!(a_line.points[0].interval.hi, 300.0);
    assert!(a_line.points.iter().skip(1).all(|p| p.joined));
    // b gave no figure for 1991: its line breaks there, nothing drawn between.
    let b = &c.lines[1];
    let years: Vec<f64> = b.points.iter().map(|p| p.x).collect();
    assert_eq!(years, [1990.0, 1992.0]);
    assert!(!b.points[1].joined);
    assert_eq!(runs(&b.points).len(), 2);
    assert_eq!(runs(&a_line.points).len(), 1);
}

#[test]
fn a_period_of_a_series_gets_no_forest_timeline_or_overview_row() {
    let a = world();
    let ctx = View::new(&a, AxisChoice::Auto);
    let forests: Vec<String> = forest::forests(&ctx)
        .into_iter()
        .map(|f| f.quantity)
        .collect();
    assert_eq!(forests, ["world_1950"]);
    assert!(timeline::timelines(&ctx)
        .iter()
        .all(|t| t.quantity == "world_1950"));
    // The category's only other quantity is alone: no overview, the series chart instead.
    assert!(category::overviews(&ctx).is_empty());
    let names: Vec<String> = crate::present::chart::render_all(&ctx)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert!(names.contains(&"series-world".to_string()), "{names:?}");
    assert!(
        !names.iter().any(|n| n.starts_with("forest-world_199")),
        "{names:?}"
    );
}

#[test]
fn a_series_of_one_period_keeps_its_forest() {
    let a = analysis(
        vec![period(1990, Some("world"))],
        vec![figure(1990, "a", 100.0), figure(1990, "b", 90.0)],
    );
    let ctx = View::new(&a, AxisChoice::Auto);
    assert!(series_charts(&ctx).is_empty());
    assert_eq!(forest::forests(&ctx).len(), 1);
}

#[test]
fn the_value_axis_turns_log_past_a_decade_and_a_half() {
    let at = |central: f64| Point {
        x: 1990.0,
        central,
        interval: Interval {
            lo: central,
            hi: central,
        },
        joined: false,
    };
    let narrow = [at(100.0), at(3000.0)];
    let scale = value_scale(&narrow.iter().collect::<Vec<_>>(), AxisChoice::Auto);
    // 30 times: linear, from zero.
    assert!(!scale.is_log());
    assert_eq!(scale.lo(), 0.0);
    let wide = [at(100.0), at(3200.0), at(0.0)];
    let points: Vec<&Point> = wide.iter().collect();
    assert!(value_scale(&points, AxisChoice::Auto).is_log());
    assert!(!value_scale(&points, AxisChoice::Linear).is_log());
    assert!(value_scale(&narrow.iter().collect::<Vec<_>>(), AxisChoice::Log).is_log());
}

#[test]
fn lines_are_ordered_by_how_many_periods_they_give() {
    let exact = |s: &str, v: f64| (s.to_string(), v, Interval { lo: v, hi: v });
    let placed = vec![
        (1990.0, vec![exact("zed", 1.0)]),
        (1991.0, vec![exact("zed", 2.0), exact("abe", 3.0)]),
        (
            1992.0,
            vec![exact("zed", 2.0), exact("abe", 3.0), exact("kim", 4.0)],
        ),
        (1993.0, vec![exact("kim", 4.0), exact("abe", 3.0)]),
    ];
    let names: Vec<String> = lines(&placed).into_iter().map(|(s, _)| s).collect();
    assert_eq!(names, ["abe", "zed", "kim"]);
}

#[test]
fn the_drawing_has_one_line_and_one_legend_key_per_source() {
    let a = world();
    let ctx = View::new(&a, AxisChoice::Auto);
    let rendered = render(&ctx).unwrap();
    let svg = &rendered[0].svg;
    // a's one run and b's two runs of one point: one polyline of three points.
    let long = svg
        .split("<polyline")
        .skip(1)
        .filter(|p| {
            p.split("points=\"")
                .nth(1)
                .is_some_and(|s| s.split('"').next().unwrap_or("").split_whitespace().count() > 2)
        })
        .count();
    assert_eq!(long, 1);
    let texts = texts(svg);
    for source in ["Source a", "Source b"] {
        assert!(texts.iter().any(|t| t == source), "{texts:?}");
    }
    assert!(rendered[0].subjects.contains(&"world_1991".to_string()));
}

#[test]
fn past_eight_sources_the_rest_are_named_in_a_note() {
    let sources: Vec<String> = (0..10).map(|i| format!("s{i}")).collect();
    let mut estimates = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        // s0 gives three years, s1 two, the others one or two: s8 and s9 give one each.
        for year in 1990..1990 + if i == 0 { 3 } else { 2 - i32::from(i >= 8) } {
            estimates.push(figure(year, s, 100.0 + i as f64));
        }
    }
    let quantities = (1990..1993).map(|y| period(y, Some("world"))).collect();
    let a = analysis(quantities, estimates);
    let ctx = View::new(&a, AxisChoice::Auto);
    let c = &series_charts(&ctx)[0];
    assert_eq!(c.lines.len(), MAX_LINES);
    assert_eq!(c.left_out, ["Source s8", "Source s9"]);
    let svg = &render(&ctx).unwrap()[0].svg;
    let words = texts(svg).join(" ");
    assert!(words.contains("2 more sources are not shown"), "{words}");
    assert!(words.contains("Source s8, Source s9"), "{words}");
}

#[test]
fn decades_stand_at_their_middle_and_are_named_by_their_years() {
    let decade = |start: i32| Quantity {
        period_end: Some(start + 9),
        ..period(start, Some("world"))
    };
    let a = analysis(
        vec![decade(1980), decade(1990)],
        vec![figure(1980, "a", 10.0), figure(1990, "a", 20.0)],
    );
    let ctx = View::new(&a, AxisChoice::Auto);
    let c = &series_charts(&ctx)[0];
    let xs: Vec<f64> = c.lines[0].points.iter().map(|p| p.x).collect();
    assert_eq!(xs, [1984.5, 1994.5]);
    assert!(!c.yearly);
    assert_eq!(c.title, "World, by period");
    assert!(
        c.subtitle.contains("2 periods from 1980 to 1999"),
        "{}",
        c.subtitle
    );
}
