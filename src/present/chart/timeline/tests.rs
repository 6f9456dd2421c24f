//! Unit tests of `timeline`.

use super::*;
use crate::model::Estimate;
use crate::present::chart::marks::fixture::{analysis, exact, survey, texts};
use crate::present::chart::scale::AxisChoice;

#[test]
fn a_timeline_needs_two_estimates_with_a_year() {
    let a = analysis(
        &[
            ("coale", Some(1984)),
            ("peng", Some(1987)),
            ("undated", None),
        ],
        vec![
            exact("e1", "coale", 27e6),
            exact("e2", "peng", 23e6),
            exact("e3", "undated", 30e6),
            // `deaths` has one dated estimate and one without a year.
            Estimate {
                quantity: "deaths".into(),
                ..exact("e4", "coale", 1e6)
            },
            Estimate {
                quantity: "deaths".into(),
                ..exact("e5", "undated", 2e6)
            },
        ],
    );
    let ctx = View::new(&a, AxisChoice::Auto);
    let all = timelines(&ctx);
    let quantities: Vec<&str> = all.iter().map(|t| t.quantity.as_str()).collect();
    assert_eq!(quantities, ["famine"]);
    assert_eq!(all[0].marks.len(), 2);
    assert_eq!(all[0].undated, 1);
    let names: Vec<String> = render(&ctx).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["timeline-famine"]);
}

#[test]
fn estimates_all_of_one_year_make_no_timeline() {
    let a = analysis(
        &[("article", Some(2018))],
        vec![exact("e1", "article", 18.0), exact("e2", "article", 18.0)],
    );
    assert!(timelines(&View::new(&a, AxisChoice::Auto)).is_empty());
}

#[test]
fn the_x_ticks_are_the_years() {
    let a = analysis(
        &[("coale", Some(1984)), ("yang", Some(2008))],
        vec![exact("e1", "coale", 27e6), exact("e2", "yang", 36e6)],
    );
    let ctx = View::new(&a, AxisChoice::Auto);
    let t = &timelines(&ctx)[0];
    // 24 years of span, padded by one year at each end: a tick every 5 years.
    assert_eq!(t.years.ticks(), [1985, 1990, 1995, 2000, 2005]);
    let texts = texts(&render(&ctx).unwrap().remove(0).svg);
    for year in ["1985", "1990", "1995", "2000", "2005"] {
        assert!(texts.iter().any(|t| t == year), "no tick {year}: {texts:?}");
    }
    assert!(!texts.iter().any(|t| t.ends_with('k')), "{texts:?}");
}

#[test]
fn a_survey_draws_a_band_and_no_dot() {
    let a = analysis(
        &[
            ("coale", Some(1984)),
            ("yang", Some(2008)),
            ("article", Some(2015)),
        ],
        vec![
            exact("e1", "coale", 27e6),
            exact("e2", "yang", 36e6),
            survey("e3", "article", 15e6, 55e6),
        ],
    );
    let ctx = View::new(&a, AxisChoice::Auto);
    let t = &timelines(&ctx)[0];
    assert_eq!(t.surveys.len(), 1);
    assert!(t.marks.iter().all(|m| !m.survey));
    let svg = render(&ctx).unwrap().remove(0).svg;
    // Two dots, each over a white disc; the survey none.
    assert_eq!(svg.matches("<circle").count(), 4);
    // The band, and its key in the legend.
    assert_eq!(svg.matches("fill=\"#F5E6BE\"").count(), 2);
    assert!(texts(&svg).contains(&"survey: Historian article".to_string()));
}

#[test]
fn a_restatement_is_hollow() {
    let a = analysis(
        &[("yang", Some(2008)), ("article", Some(2015))],
        vec![
            exact("e1", "yang", 36e6),
            Estimate {
                restates: Some("e1".into()),
                ..exact("e2", "article", 36e6)
            },
        ],
    );
    let ctx = View::new(&a, AxisChoice::Auto);
    let svg = render(&ctx).unwrap().remove(0).svg;
    // One hollow dot in the kind's colour, one filled.
    assert_eq!(svg.matches("fill=\"none\" stroke=\"#009E73\"").count(), 1);
    assert_eq!(
        svg.matches("r=\"5\" opacity=\"1\" fill=\"#009E73\"")
            .count(),
        1
    );
    let texts = texts(&svg);
    assert!(texts.contains(&"hollow: restates another estimate (counted once)".to_string()));
    assert!(
        texts.contains(&"Historian article (restates)".to_string()),
        "{texts:?}"
    );
}

#[test]
fn marks_are_capped_and_the_rest_counted() {
    let estimates: Vec<Estimate> = (0..MAX_MARKS + 5)
        .map(|i| Estimate {
            year: Some(1950 + i as i32),
            ..exact(&format!("e{i}"), "src", 1e6 + i as f64)
        })
        .collect();
    let a = analysis(&[("src", None)], estimates);
    let ctx = View::new(&a, AxisChoice::Auto);
    let t = &timelines(&ctx)[0];
    assert_eq!(t.marks.len(), MAX_MARKS);
    assert_eq!(t.omitted, 5);
    let svg = render(&ctx).unwrap().remove(0).svg;
    assert!(svg.contains("5 more dated estimates are not shown"));
}
