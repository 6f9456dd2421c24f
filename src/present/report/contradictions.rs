//! The section on where the text contradicts itself: its broken and approximate relations, and the
//! quantities whose sources cannot all be right.

use std::fmt::Write as _;

use super::html::{escape, quote_in_sentence};
use super::relations::inconsistency_words;
use super::Report;
use crate::analysis::reconcile::{Member, Summary};
use crate::analysis::relate::{Outcome, Verdict};
use crate::english::passage;
use crate::model::Dataset;
use crate::present::words::interval_words;
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
            .collect();
        if bad.is_empty() {
            return "<p>Every total, ratio and conversion the text states holds within the precision of its wording.</p>\n".into();
        }
        let mut out = String::new();
        out.push_str("<p>Here the text's own figures do not fit together: parts that do not add up to the total it gives, a conversion that does not match, a part larger than its whole. These are findings about the text, however small, not disagreements between its sources.</p><ul class=\"findings\">\n");
        for o in bad {
            let label = data
                .estimate(&o.target)
                .and_then(|e| data.quantity(&e.quantity))
                .map_or(o.target.clone(), |q| q.label.clone());
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
        out.push_str("</ul>\n");
        out
    }

    /// The quantities whose sources' intervals do not all overlap, each with its widest gap.
    fn disagreements(&self) -> String {
        let conflicts: Vec<&Summary> = self
            .ctx
            .analysis
            .summaries
            .iter()
            .filter(|s| s.consensus.is_none())
            .collect();
        if conflicts.is_empty() {
            return String::new();
        }
        let mut out = String::new();
        out.push_str("<h3>Disagreements the text reports</h3>\n<p>The text reports these disagreements between its sources openly; they are not errors in the text, but they show how far apart the sources are. For each of these quantities the sources' intervals do not overlap at all, so no single figure satisfies them all. The sections below give each figure in its sentence; <a href=\"#reading\">How to read these figures</a> gives the reasons the text offers.</p><ul>\n");
        for s in conflicts {
            let members = self.ctx.analysis.members_of(&s.key);
            let _ = writeln!(
                out,
                "<li><a href=\"#q-{}\">{}</a>: {}</li>",
                escape(&file_stem(&[&s.key])),
                escape(&s.label),
                self.conflict_words(&members)
            );
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
                escape(&interval_words(&a.interval)),
                escape(&source_name(self.data(), &a.source)),
                escape(&interval_words(&b.interval)),
                if b.derived { " (derived)" } else { "" },
                escape(&source_name(self.data(), &b.source))
            ),
            _ => "the intervals do not all overlap.".into(),
        }
    }
}

/// The sentences a relation rests on, each once: its own passage, or else the sentences of every
/// figure in it.
fn passages(data: &Dataset, o: &Outcome) -> String {
    let passages: Vec<(String, String)> = if o.quote.is_empty() {
        std::iter::once(&o.target)
            .chain(&o.operands)
            .filter_map(|id| data.estimate(id))
            .map(|e| (e.text.clone(), e.quote.clone()))
            .collect()
    } else {
        data.estimate(&o.target)
            .map(|e| (e.text.clone(), o.quote.clone()))
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
