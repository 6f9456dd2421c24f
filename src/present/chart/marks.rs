//! The estimates of one quantity as forest and timeline charts mark them: interval, central
//! value, kind of source, and what sets a mark apart (a provenance other than a quote, a
//! restatement, a survey of other people's estimates, a year); and the legend keys for them.

use plotters::prelude::*;

use super::furniture::Key;
use super::theme::{kind_color, BAND, SURVEY};
use super::view::View;
use crate::analysis::reconcile;
use crate::english::number::{figure, unit_suffix};
use crate::model::interval::Interval;
use crate::model::{Provenance, Qualifier, SourceKind};
use crate::present::digits::known;
use crate::present::words::{member_interval, restated, stated};

/// One estimate as a chart marks it.
#[derive(Debug, Clone)]
pub struct Mark {
    /// The estimate's id.
    pub estimate: String,
    /// The source's name.
    pub source: String,
    /// The figure as stated ("about 9 million"; "estimates range 3–60 million" for a survey).
    pub value: String,
    /// The interval it is read as, in its unit ("8.5–9.5 million", "1.67–1.74 million" for a
    /// derived multiple, known to the digits of its multiplier).
    pub interval_text: String,
    /// The qualifier the figure was read by.
    pub qualifier: Qualifier,
    pub kind: SourceKind,
    pub interval: Interval,
    pub central: f64,
    /// Derived by a ratio rather than stated.
    pub derived: bool,
    /// How the figure is evidenced: a quote, a table cell or a citation.
    pub provenance: Provenance,
    /// For a restatement, what it restates ("6–8 million", or "Conquest's 6–8 million" when
    /// another source stated it).
    pub restates: Option<String>,
    /// A survey of other people's estimates: drawn as a band, never as a dot.
    pub survey: bool,
    /// The year the estimate was made (its own, else its source's).
    pub year: Option<i32>,
}

impl Mark {
    /// True when the mark adds weight of its own: neither a restatement nor a survey (see
    /// README, Restatements and Qualifiers).
    pub fn counts(&self) -> bool {
        self.restates.is_none() && !self.survey
    }

    /// True when the dot is drawn hollow: a value the text does not state on its own
    /// (derived by a ratio) or one it states again (a restatement).
    pub fn hollow(&self) -> bool {
        self.derived || self.restates.is_some()
    }

    /// The tag a label carries for a figure that is not a verified quote: "[table cell]",
    /// "[cited]".
    pub fn provenance_tag(&self) -> Option<&'static str> {
        match self.provenance {
            Provenance::Quote => None,
            Provenance::Cell => Some("[table cell]"),
            Provenance::Citation => Some("[cited]"),
        }
    }
}

/// The estimates of `quantity` that reckon could read, in file order.
pub fn marks(ctx: &View, quantity: &str) -> Vec<Mark> {
    let analysis = ctx.analysis;
    let data = &analysis.data;
    analysis
        .members_of(quantity)
        .into_iter()
        .filter_map(|m| {
            let e = data.estimate(&m.estimate)?;
            let unit = unit_suffix(&m.unit);
            let value = match analysis.readings.get(&m.estimate) {
                Some(r) => format!("{}{unit}", stated(e, r)),
                None => figure(m.central, known(m), &m.unit),
            };

            Some(Mark {
                estimate: m.estimate.to_string(),
                source: analysis.source_name(&m.source),
                value,
                interval_text: member_interval(m),
                qualifier: m.qualifier,
                kind: m.source_kind,
                interval: m.interval,
                central: m.central,
                derived: m.derived,
                provenance: data.provenance(e),
                restates: e.restates.as_ref().map(|_| restated(analysis, e)),
                survey: e.qualifier == Some(Qualifier::Survey),
                year: data.year_of(e),
            })
        })
        .collect()
}

/// The envelope of `marks` (surveys aside) and the median of those that count (see
/// [`Mark::counts`]); `None` for a median of nothing. Surveys and restatements add no weight
/// (see README, Restatements): the rule the reconciliation follows, applied to what is drawn.
pub fn weigh(marks: &[Mark]) -> (Interval, Option<f64>) {
    let drawn = marks.iter().filter(|m| !m.survey);
    let envelope = Interval {
        lo: drawn
            .clone()
            .map(|m| m.interval.lo)
            .fold(f64::INFINITY, f64::min),
        hi: drawn
            .map(|m| m.interval.hi)
            .fold(f64::NEG_INFINITY, f64::max),
    };
    let counted: Vec<f64> = marks
        .iter()
        .filter(|m| m.counts())
        .map(|m| m.central)
        .collect();
    let median = (!counted.is_empty()).then(|| reconcile::median(&counted));
    (envelope, median)
}

/// The legend of a chart of `marks`: one key per kind of source shown (surveys aside), then
/// the hollow dot when a restatement is drawn (or a derived value, when `derived_in_words` is
/// false: no label says "derived"), the survey band when there is one, and `extra` keys.
pub fn legend_keys(
    marks: &[&Mark],
    derived_in_words: bool,
    extra: &[(String, Key)],
) -> Vec<(String, Key)> {
    let mut kinds: Vec<SourceKind> = marks.iter().filter(|m| !m.survey).map(|m| m.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut keys: Vec<(String, Key)> = kinds
        .iter()
        .map(|k| (k.as_str().to_string(), Key::Swatch(kind_color(*k))))
        .collect();
    let restated = marks.iter().any(|m| !m.survey && m.restates.is_some());
    let derived = marks.iter().any(|m| !m.survey && m.derived);
    let hollow = match (restated, derived) {
        (true, true) => Some("hollow: derived, or restates another estimate (counted once)"),
        (true, false) => Some("hollow: restates another estimate (counted once)"),
        (false, true) if !derived_in_words => Some("hollow: derived from another figure"),
        _ => None,
    };
    if let Some(words) = hollow {
        keys.push((words.to_string(), Key::Hollow(RGBColor(0x44, 0x44, 0x44))));
    }
    if marks.iter().any(|m| m.survey) {
        keys.push((
            "survey of estimates (not counted)".to_string(),
            Key::Swatch(SURVEY),
        ));
    }
    keys.extend(extra.iter().cloned());
    keys
}

/// The envelope key of a forest.
pub fn envelope_key() -> (String, Key) {
    ("envelope of all estimates".to_string(), Key::Swatch(BAND))
}

/// In-memory datasets with dated sources, for the tests of the charts that mark estimates.
#[cfg(test)]
pub mod fixture {
    use crate::analysis::interpret::Rules;
    use crate::analysis::Analysis;
    use crate::model::sample;
    use crate::model::{Dataset, Estimate, Qualifier, Source, SourceKind};

    /// An analysis of `estimates`, each source of `sources` a historian named after its id and
    /// dated with its year; quantities `deaths` and `famine` as [`sample::contents`] has them.
    pub fn analysis(sources: &[(&str, Option<i32>)], estimates: Vec<Estimate>) -> Analysis {
        let mut contents = sample::contents("The text.");
        contents.sources = sources
            .iter()
            .map(|(id, year)| Source {
                year: *year,
                kind: Some(SourceKind::Historian),
                ..sample::source(id)
            })
            .collect();
        contents.estimates = estimates;
        Analysis::new(Dataset::new(contents), Rules::default()).unwrap()
    }

    /// An exact figure `point` of `famine` by `source`.
    pub fn exact(id: &str, source: &str, point: f64) -> Estimate {
        Estimate {
            source: source.into(),
            ..sample::estimate(id, "famine", Qualifier::Exact, point, "figure")
        }
    }

    /// A survey of estimates of `famine` by `source`, from `low` to `high`.
    pub fn survey(id: &str, source: &str, low: f64, high: f64) -> Estimate {
        Estimate {
            low: Some(low),
            point: None,
            high: Some(high),
            qualifier: Some(Qualifier::Survey),
            ..exact(id, source, 0.0)
        }
    }

    /// The text of every `<text>` element of an SVG, trimmed.
    pub fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let body = &t[t.find('>')? + 1..];
                Some(body[..body.find("</text>")?].trim().to_string())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::analysis;
    use super::*;
    use crate::model::sample;
    use crate::model::Estimate;
    use crate::present::chart::scale::AxisChoice;

    #[test]
    fn a_restatement_names_what_it_restates_and_a_survey_is_flagged() {
        let original = Estimate {
            low: Some(6e6),
            point: None,
            high: Some(8e6),
            ..sample::estimate("e1", "famine", Qualifier::Range, 0.0, "6–8 million")
        };
        let again = Estimate {
            restates: Some("e1".into()),
            ..original.clone()
        };
        let survey = Estimate {
            id: "e3".into(),
            low: Some(3e6),
            high: Some(60e6),
            qualifier: Some(Qualifier::Survey),
            ..original.clone()
        };
        let a = analysis(
            &[("src", None)],
            vec![
                original,
                Estimate {
                    id: "e2".into(),
                    ..again
                },
                survey,
            ],
        );
        let ctx = View::new(&a, AxisChoice::Auto);
        let marks = marks(&ctx, "famine");
        assert_eq!(marks.len(), 3);
        assert_eq!(marks[1].restates.as_deref(), Some("6–8 million"));
        assert!(marks[1].hollow() && !marks[1].counts());
        assert!(marks[2].survey && !marks[2].counts() && !marks[2].hollow());
        assert!(marks[0].counts() && !marks[0].hollow());
        let keys = legend_keys(&marks.iter().collect::<Vec<_>>(), true, &[]);
        let names: Vec<&str> = keys.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "historian",
                "hollow: restates another estimate (counted once)",
                "survey of estimates (not counted)"
            ]
        );
    }

    #[test]
    fn a_figure_without_a_quote_is_tagged_cited() {
        let cited = Estimate {
            text: Default::default(),
            quote: Default::default(),
            ..sample::estimate("e1", "famine", Qualifier::Exact, 5e6, "")
        };
        let quoted = sample::estimate("e2", "famine", Qualifier::Exact, 6e6, "6 million");
        let a = analysis(&[("src", None)], vec![cited, quoted]);
        let ctx = View::new(&a, AxisChoice::Auto);
        let marks = marks(&ctx, "famine");
        assert_eq!(marks[0].provenance_tag(), Some("[cited]"));
        assert_eq!(marks[1].provenance_tag(), None);
    }

    #[test]
    fn a_figure_from_a_table_document_is_tagged_table_cell() {
        let mut contents = sample::contents("");
        contents.texts.push(crate::model::Text {
            table: Some(crate::model::TableDoc::default()),
            ..sample::text("table", "")
        });
        contents.estimates = vec![Estimate {
            text: "table".into(),
            quote: Default::default(),
            locator: "row=1;column=Deaths".into(),
            ..sample::estimate("e1", "famine", Qualifier::Exact, 5e6, "")
        }];
        let a = crate::analysis::Analysis::new(
            crate::model::Dataset::new(contents),
            Default::default(),
        )
        .unwrap();
        let ctx = View::new(&a, AxisChoice::Auto);
        assert_eq!(
            marks(&ctx, "famine")[0].provenance_tag(),
            Some("[table cell]")
        );
    }
}
