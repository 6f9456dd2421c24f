//! Relation verdicts worded as findings: a broken or only roughly holding relation between
//! figures the text states is a warning about the text, on the relation's row.

use foldhash::HashSet;

use super::words;
use crate::analysis::relate::{Outcome, Verdict};
use crate::analysis::Analysis;
use crate::english::number::{readable, relative};
use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, RelationKind};

/// The sources of a relation's figures (target and operands), in order, each once.
pub fn sources_of(data: &Dataset, o: &Outcome) -> Vec<String> {
    let mut sources: Vec<String> = Vec::new();
    for id in std::iter::once(&o.target).chain(&o.operands) {
        if let Some(e) = data.estimate(id) {
            if !sources.iter().any(|s| *s == e.source) {
                sources.push(e.source.to_string());
            }
        }
    }
    sources
}

/// Cross-level conflicts as warnings on the part's row: between two sources a disagreement,
/// within one an inconsistency of that source. Estimates in `flawed` take no part.
pub fn crossing_findings(analysis: &Analysis, flawed: &HashSet<&str>) -> Vec<Finding> {
    let data = &analysis.data;
    analysis
        .crossings
        .iter()
        .filter(|c| !flawed.contains(c.part.as_str()) && !flawed.contains(c.whole.as_str()))
        .filter_map(|c| {
            let part = data.estimate(&c.part)?;
            let whose = if c.same_source {
                format!(
                    "an inconsistency of {} (both figures are its own)",
                    analysis.source_name(&part.source)
                )
            } else {
                "a disagreement between sources".to_string()
            };
            Some(Finding::warning(
                Code::HierarchyConflict,
                &part.pos.cell("quantity"),
                format!(
                    "estimate `{}` lies wholly above `{}`: {}; {whose}",
                    c.part,
                    c.whole,
                    words::crossing(analysis, c)
                ),
            ))
        })
        .collect()
}

/// The verdicts that say something about the text, as warnings on the relation's row.
///
/// A broken relation between figures the text states is a finding about the text, not an error
/// in the data: `check` still exits 0 unless `--strict`. Relations in `unjudged` (see
/// [`unjudged`]) get no verdict finding.
pub fn verdict_findings(
    data: &Dataset,
    outcomes: &[Outcome],
    unjudged: &HashSet<&str>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let outcomes = outcomes
        .iter()
        .filter(|o| !unjudged.contains(o.id.as_str()));
    for o in outcomes {
        let Some(r) = data.relations.iter().find(|r| r.id == o.id) else {
            continue;
        };
        let loc = r.pos.cell("target");
        let sources = sources_of(data, o);
        // Figures of several sources that do not add up disagree; they do not contradict.
        let broken = if sources.len() > 1 {
            Code::SourceDisagreement
        } else {
            Code::TextInconsistency
        };
        let between = if sources.len() > 1 {
            format!(
                " (the figures come from different sources: {})",
                sources.join(", ")
            )
        } else {
            String::new()
        };
        let off = format!(
            "off by {} ({})",
            readable(o.difference.abs()),
            relative(o.relative_difference)
        );
        if o.kind == RelationKind::Subset {
            let (code, message) = match o.verdict {
                Verdict::Broken => (
                    broken,
                    format!(
                        "relation `{}` is broken: {}; the part's lowest reading {} is above the whole's highest {}{between}",
                        o.id,
                        words::arithmetic(&o.arithmetic),
                        readable(o.computed.lo),
                        readable(o.stated.hi)
                    ),
                ),
                Verdict::Approximate => (
                    Code::TextApproximate,
                    format!(
                        "relation `{}` only roughly holds: {}; the part's figure {} is above the whole's central value {}, though their intervals touch or overlap",
                        o.id,
                        words::arithmetic(&o.arithmetic),
                        readable(o.computed_value),
                        readable(o.stated_value)
                    ),
                ),
                Verdict::Holds | Verdict::Derived => continue,
            };
            findings.push(Finding::warning(code, &loc, message));
            continue;
        }
        match o.verdict {
            Verdict::Broken => findings.push(Finding::warning(
                broken,
                &loc,
                format!(
                    "relation `{}` is broken: {}; {off}; it would hold if the stated figure were {}{between}",
                    o.id,
                    words::arithmetic(&o.arithmetic),
                    readable(o.needed.unwrap_or(o.computed_value))
                ),
            )),
            Verdict::Approximate => findings.push(Finding::warning(
                Code::TextApproximate,
                &loc,
                format!(
                    "relation `{}` only roughly holds: {}; {off}, outside the stated interval {}–{} though the intervals overlap",
                    o.id,
                    words::arithmetic(&o.arithmetic),
                    readable(o.stated.lo),
                    readable(o.stated.hi)
                ),
            )),
            Verdict::Holds | Verdict::Derived => {}
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::interpret::Rules;
    use crate::analysis::relate::{evaluate, readings};
    use crate::model::finding::{Code, Severity};
    use crate::model::sample::{self, row, ESTIMATES};
    use crate::model::{Qualifier, Relation};

    /// The article's 353,074 (1937) and 328,612 (1938), the archival 681,692 and "nearly
    /// 700,000"; 350,000 arrested, "about 350,000", parts of 400,000 and 352,000, and a band of
    /// 300,000 to 400,000.
    fn dataset(relations: Vec<Relation>) -> Dataset {
        Dataset::new(contents(relations))
    }

    fn contents(relations: Vec<Relation>) -> crate::model::Contents {
        let mut contents = sample::contents("");
        let figures = [
            ("y1937", Qualifier::Exact, 353_074.0),
            ("y1938", Qualifier::Exact, 328_612.0),
            ("archival", Qualifier::Exact, 681_692.0),
            ("nearly", Qualifier::Nearly, 700_000.0),
            ("arrested", Qualifier::Exact, 350_000.0),
            ("about", Qualifier::About, 350_000.0),
            ("too_many", Qualifier::Exact, 400_000.0),
            ("near", Qualifier::Exact, 352_000.0),
        ];
        contents.estimates = (2..)
            .zip(figures)
            .map(|(line, (id, q, point))| crate::model::Estimate {
                pos: row("estimates.csv", ESTIMATES, line),
                ..sample::estimate(id, "deaths", q, point, "")
            })
            .collect();
        contents.estimates.push(crate::model::Estimate {
            low: Some(300_000.0),
            point: None,
            high: Some(400_000.0),
            pos: row("estimates.csv", ESTIMATES, 10),
            ..sample::estimate("band", "deaths", Qualifier::Range, 0.0, "")
        });
        contents.relations = relations;
        contents
    }

    /// The verdict findings of `relations`, none withheld.
    fn findings(relations: Vec<Relation>) -> Vec<Finding> {
        let data = dataset(relations);
        let outcomes = evaluate(&data, &readings(&data, &Rules::default()));
        verdict_findings(&data, &outcomes, &HashSet::default())
    }

    fn sum(id: &str, target: &str) -> Relation {
        sample::relation(id, RelationKind::Sum, target, &["y1937", "y1938"], None)
    }

    fn subset(id: &str, whole: &str, part: &str) -> Relation {
        sample::relation(id, RelationKind::Subset, whole, &[part], None)
    }

    #[test]
    fn a_broken_sum_is_a_text_inconsistency_warning_on_the_target_cell() {
        let found = findings(vec![sum("gp", "archival")]);
        let f = sample::one(&found, Code::TextInconsistency);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(
            (f.file.as_str(), f.line, f.column),
            (
                "relations.csv",
                2,
                sample::column(sample::RELATIONS, "target")
            )
        );
        assert!(
            f.message.starts_with(
                "relation `gp` is broken: 353,074 + 328,612 = 681,686; stated 681,692; off by 6 (-0.00088%); "
            ),
            "{}",
            f.message
        );
        assert!(f
            .message
            .ends_with("it would hold if the stated figure were 681,686"));
    }

    #[test]
    fn a_sum_that_holds_says_nothing() {
        assert!(findings(vec![sum("gp", "nearly")]).is_empty());
    }

    #[test]
    fn a_sum_outside_the_stated_interval_but_overlapping_it_is_text_approximate() {
        // 300,000–400,000 + 352,000 = 652,000–752,000, central 350,000 + 352,000 = 702,000:
        // outside "nearly 700,000" (650,000 to 700,000), though the intervals overlap. Off by
        // 2,000, 2,000 / 700,000 = +0.29%.
        let rough = sample::relation(
            "rough",
            RelationKind::Sum,
            "nearly",
            &["band", "near"],
            None,
        );
        let f = &findings(vec![rough])[..];
        let f = sample::one(f, Code::TextApproximate);
        assert_eq!(f.severity, Severity::Warning);
        assert!(
            f.message
                .starts_with("relation `rough` only roughly holds: "),
            "{}",
            f.message
        );
        assert!(
            f.message.ends_with(
                "off by 2,000 (+0.29%), outside the stated interval 650,000–700,000 though the intervals overlap"
            ),
            "{}",
            f.message
        );
    }

    #[test]
    fn a_part_above_the_whole_is_a_text_inconsistency_and_one_near_it_text_approximate() {
        let found = findings(vec![
            subset("broken", "arrested", "too_many"),
            subset("rough", "about", "near"),
            subset("holds", "arrested", "y1938"),
        ]);
        assert_eq!(
            sample::codes(&found),
            [Code::TextInconsistency, Code::TextApproximate]
        );
        assert!(
            found[0].message.ends_with(
                "the part's lowest reading 400,000 is above the whole's highest 350,000"
            ),
            "{}",
            found[0].message
        );
        assert!(
            found[1].message.contains(
                "the part's figure 352,000 is above the whole's central value 350,000, though their intervals touch or overlap"
            ),
            "{}",
            found[1].message
        );
    }

    #[test]
    fn a_relation_not_judged_gets_no_verdict_finding() {
        let data = dataset(vec![
            sum("gp", "archival"),
            subset("broken", "arrested", "too_many"),
        ]);
        let outcomes = evaluate(&data, &readings(&data, &Rules::default()));
        let unjudged: HashSet<&str> = ["gp"].into_iter().collect();
        let found = verdict_findings(&data, &outcomes, &unjudged);
        assert_eq!(sample::codes(&found), [Code::TextInconsistency]);
        assert!(found[0].message.starts_with("relation `broken` is broken"));
    }

    #[test]
    fn a_broken_sum_of_figures_from_two_sources_is_a_source_disagreement() {
        let mut contents = contents(vec![sum("gp", "archival")]);
        contents.sources.push(crate::model::Source {
            pos: row("sources.csv", sample::SOURCES, 3),
            ..sample::source("archives")
        });
        contents.estimates[2].source = "archives".into();
        let data = Dataset::new(contents);
        let outcomes = evaluate(&data, &readings(&data, &Rules::default()));
        let found = verdict_findings(&data, &outcomes, &HashSet::default());
        let f = sample::one(&found, Code::SourceDisagreement);
        assert!(
            f.message.contains("from different sources: archives, src"),
            "{}",
            f.message
        );
        assert!(found.iter().all(|f| f.code != Code::TextInconsistency));
    }

    #[test]
    fn a_part_above_its_whole_is_a_hierarchy_conflict_worded_by_who_says_it() {
        let mut contents = sample::contents("");
        contents.sources.push(crate::model::Source {
            name: "Soviet archival records".into(),
            ..sample::source("archives")
        });
        let e = |id: &str, quantity: &str, source: &str, point: f64| crate::model::Estimate {
            source: source.into(),
            ..sample::estimate(id, quantity, Qualifier::Exact, point, "")
        };
        contents.estimates = vec![
            e("part", "famine", "src", 900.0),
            e("whole", "deaths", "archives", 700.0),
            e("own_whole", "deaths", "src", 800.0),
        ];
        let analysis = Analysis::new(Dataset::new(contents), Rules::default()).unwrap();
        let found = crossing_findings(&analysis, &HashSet::default());
        assert_eq!(sample::codes(&found), [Code::HierarchyConflict; 2]);
        assert!(found[0].message.contains(
            "Historian src's 900 for Label of famine alone exceed Soviet archival records' 700 for Label of deaths"
        ), "{}", found[0].message);
        assert!(found[0].message.ends_with("a disagreement between sources"));
        assert!(found[1]
            .message
            .ends_with("an inconsistency of Historian src (both figures are its own)"));
        let flawed: HashSet<&str> = ["whole", "own_whole"].into_iter().collect();
        assert!(crossing_findings(&analysis, &flawed).is_empty());
    }
}
