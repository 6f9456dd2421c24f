//! The section on where the text contradicts itself: its broken and approximate relations, and the
//! quantities whose sources cannot all be right.

use std::fmt::Write as _;

use super::html::{escape, quote_in_sentence};
use super::relations::inconsistency_words;
use super::Report;
use crate::analysis::reconcile::{Member, Summary};
use crate::analysis::relate::{Outcome, Verdict};
use crate::english::passage;
use crate::model::{Dataset, RelationKind};
use crate::present::findings::sources_of;
use crate::present::words::{self, member_interval};
use crate::present::write::file_stem;

/// A source's name, or its id when the dataset does not list it.
fn source_name(data: &Dataset, id: &str) -> String {
    data.source(id).map_or(id.to_string(), |s| s.name.clone())
}

impl Report<'_> {
    /// Writes the section on where the text contradicts itself.
    pub(super) fn contradictions(&mut self) {
        let mut out = String::from(
            "<section id=\"contradictions\"><h2>Where the text contradicts itself</h2>\n<h3>Inconsistencies within the text</h3>\n",
        );
        out.push_str(&self.inconsistencies());
        out.push_str(&self.disagreements());
        out.push_str("</section>\n");
        self.out.push_str(&out);
    }

    /// The relations that are broken or approximate, each with the passages it rests on.
    fn inconsistencies(&self) -> String {
        let data = self.data();
        let bad: Vec<&Outcome> = self
            .ctx
            .analysis
            .outcomes
            .iter()
            .filter(|o| matches!(o.verdict, Verdict::Broken | Verdict::Approximate))
            .filter(|o| sources_of(data, o).len() <= 1)
            .collect();
        let own: Vec<String> = self.crossings(true);
        if bad.is_empty() && own.is_empty() {
            return "<p>Every total, ratio and conversion the text states holds within the precision of its wording.</p>\n".into();
        }
        let mut out = String::new();
        out.push_str("<p>Here the text's own figures do not fit together: parts that do not add up to the total it gives, a conversion that does not match, a part larger than its whole. These are findings about the text, however small, not disagreements between its sources.</p><ul class=\"findings\">\n");
        for o in bad {
            let label = label_of(data, o);
            let _ = writeln!(
                out,
                "<li><span class=\"badge {}\">{}</span> <strong>{}</strong>: {}. {}{shown}</li>",
                o.verdict.as_str(),
                o.verdict.as_str(),
                escape(&label),
                escape(&inconsistency_words(o)),
                escape(&o.note),
                shown = passages(data, o)
            );
        }
        for line in own {
            out.push_str(&line);
        }
        out.push_str("</ul>\n");
        out
    }

    /// The cross-level conflicts within one source (`same_source`) or between two, as list
    /// items in words.
    fn crossings(&self, same_source: bool) -> Vec<String> {
        let analysis = self.ctx.analysis;
        analysis
            .crossings
            .iter()
            .filter(|c| c.same_source == same_source)
            .map(|c| {
                format!(
                    "<li><span class=\"badge broken\">across levels</span> <a href=\"#q-{}\">{}</a>.</li>\n",
                    escape(&file_stem(&[&c.part_quantity])),
                    escape(&words::crossing(analysis, c))
                )
            })
            .collect()
    }

    /// The quantities whose sources' intervals do not all overlap, each with its widest gap;
    /// relations that fail between figures of different sources; parts above a whole that
    /// another source gives.
    fn disagreements(&self) -> String {
        let data = self.data();
        let conflicts: Vec<&Summary> = self
            .ctx
            .analysis
            .summaries
            .iter()
            .filter(|s| s.consensus.is_none() && s.independent > 0)
            .collect();
        let between: Vec<&Outcome> = self
            .ctx
            .analysis
            .outcomes
            .iter()
            .filter(|o| o.verdict == Verdict::Broken && sources_of(data, o).len() > 1)
            .collect();
        let crossings = self.crossings(false);
        if conflicts.is_empty() && between.is_empty() && crossings.is_empty() {
            return String::new();
        }
        let mut out = String::new();
        out.push_str("<h3>Disagreements the text reports</h3>\n<p>The text reports these disagreements between its sources openly; they are not errors in the text, but they show how far apart the sources are. For each of these quantities the sources' intervals do not overlap at all, so no single figure satisfies them all. The sections below give each figure in its sentence; <a href=\"#reading\">How to read these figures</a> gives the reasons the text offers.</p><ul>\n");
        for s in conflicts {
            let members: Vec<&Member> = self
                .ctx
                .analysis
                .members_of(&s.key)
                .into_iter()
                .filter(|m| m.counts())
                .collect();
            let _ = writeln!(
                out,
                "<li><a href=\"#q-{}\">{}</a>: {}</li>",
                escape(&file_stem(&[&s.key])),
                escape(&s.label),
                self.conflict_words(&members)
            );
        }
        for o in between {
            let names: Vec<String> = sources_of(data, o)
                .iter()
                .map(|id| source_name(data, id))
                .collect();
            let _ = writeln!(
                out,
                "<li><span class=\"badge broken\">between sources</span> <strong>{}</strong>: {} ({}). {}{shown}</li>",
                escape(&label_of(data, o)),
                escape(&inconsistency_words(o)),
                escape(&names.join(" against ")),
                escape(&o.note),
                shown = passages(data, o)
            );
        }
        for line in crossings {
            out.push_str(&line);
        }
        out.push_str("</ul>\n");
        out
    }

    /// Names the widest disagreement of a group in words, with source names.
    pub(super) fn conflict_words(&self, members: &[&Member]) -> String {
        let lowest = members
            .iter()
            .min_by(|a, b| a.interval.hi.total_cmp(&b.interval.hi));
        let highest = members
            .iter()
            .max_by(|a, b| a.interval.lo.total_cmp(&b.interval.lo));
        match (lowest, highest) {
            (Some(a), Some(b)) if a.interval.hi < b.interval.lo => format!(
                "{} from {}, against {}{} from {}.",
                escape(&member_interval(a)),
                escape(&source_name(self.data(), &a.source)),
                escape(&member_interval(b)),
                if b.derived { " (derived)" } else { "" },
                escape(&source_name(self.data(), &b.source))
            ),
            _ => "the intervals do not all overlap.".into(),
        }
    }
}

/// The label of the quantity a relation is about (for two breakdowns, the first sum's).
fn label_of(data: &Dataset, o: &Outcome) -> String {
    let target = data
        .relations
        .iter()
        .find(|r| r.kind == Some(RelationKind::Equal) && r.id == o.id)
        .and_then(|r| data.relations.iter().find(|s| s.id == r.target))
        .map_or(o.target.as_str(), |s| s.target.as_str());
    data.estimate(target)
        .and_then(|e| data.quantity(&e.quantity))
        .map_or(o.target.clone(), |q| q.label.clone())
}

/// The sentences a relation rests on, each once: its own passage, or else the sentences of every
/// figure in it.
fn passages(data: &Dataset, o: &Outcome) -> String {
    let passages: Vec<(String, String)> = if o.quote.is_empty() {
        std::iter::once(&o.target)
            .chain(&o.operands)
            .filter_map(|id| data.estimate(id))
            .map(|e| (e.text.to_string(), e.quote.to_string()))
            .collect()
    } else {
        data.estimate(&o.target)
            .map(|e| (e.text.to_string(), o.quote.clone()))
            .into_iter()
            .collect()
    };
    let mut shown = String::new();
    let mut seen: Vec<String> = Vec::new();
    for (text, q) in passages {
        let Some(t) = data.text(&text) else { continue };
        let Some(at) = passage::find_all(&t.body, &q).into_iter().next() else {
            continue;
        };
        let key = format!("{text}:{:?}", passage::sentence(&t.body, &at));
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let _ = write!(
            shown,
            "<blockquote>{}</blockquote>",
            quote_in_sentence(&t.body, &q)
        );
    }
    shown
}
