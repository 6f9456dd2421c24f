//! The section on totals, ratios and conversions: every relation's arithmetic and verdict, and the
//! words for a relation that does not hold.

use std::fmt::Write as _;

use super::html::{escape, quote_in_sentence};
use super::Report;
use crate::analysis::relate::Outcome;
use crate::english::number::{readable, relative};
use crate::model::RelationKind;
use crate::present::words::{self, interval_words};

/// A relation kind as readers say it.
fn kind_words(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Sum => "sum",
        RelationKind::Ratio => "ratio",
        RelationKind::Conversion => "unit conversion",
        RelationKind::Subset => "part of",
        RelationKind::Equal => "two breakdowns",
    }
}

/// A subset's part as a share of its whole ("41% of the whole").
fn share_of_whole(o: &Outcome) -> String {
    if o.stated_value <= 0.0 || !o.stated_value.is_finite() {
        return "of an unknown whole".into();
    }
    let share = o.computed_value / o.stated_value * 100.0;
    let shown = if share > 0.0 && share < 1.0 {
        "under 1".to_string()
    } else {
        format!("{share:.0}")
    };
    format!("{shown}% of the whole")
}

/// The difference column of the relations table.
fn difference_cell(o: &Outcome) -> String {
    if o.kind == RelationKind::Subset {
        return share_of_whole(o);
    }
    format!(
        "{}{} ({})",
        if o.difference > 0.0 { "+" } else { "" },
        readable(o.difference),
        relative(o.relative_difference)
    )
}

/// A broken or approximate relation as a sentence for readers, without notation.
pub(super) fn inconsistency_words(o: &Outcome) -> String {
    match o.kind {
        RelationKind::Equal => format!(
            "two breakdowns of one total do not add up to the same figure: {} ({})",
            words::arithmetic(&o.arithmetic),
            difference_words(o)
        ),
        RelationKind::Sum => format!(
            "the parts the text gives add up to {}, but the total it states is {} ({})",
            interval_words(&o.computed),
            interval_words(&o.stated),
            difference_words(o)
        ),
        RelationKind::Conversion | RelationKind::Ratio => format!(
            "{} ({})",
            words::arithmetic_against_text(&o.arithmetic),
            difference_words(o)
        ),
        RelationKind::Subset => format!(
            "a part, read as {}, against a whole read as {}: the part's figure {} is {}, above the whole's central value {}",
            interval_words(&o.computed),
            interval_words(&o.stated),
            readable(o.computed_value),
            share_of_whole(o),
            readable(o.stated_value)
        ),
    }
}

/// What is wrong with a broken or approximate relation, in words.
fn difference_words(o: &Outcome) -> String {
    if o.kind == RelationKind::Subset {
        return format!(
            "the part ({}) is {}, above the whole's central value {}",
            readable(o.computed_value),
            share_of_whole(o),
            readable(o.stated_value)
        );
    }
    format!(
        "off by {} ({})",
        readable(o.difference.abs()),
        relative(o.relative_difference)
    )
}

impl Report<'_> {
    /// Writes the section listing every relation with its arithmetic and verdict.
    pub(super) fn relations(&mut self) {
        let mut out = String::from("<section id=\"relations\"><h2>Totals, ratios and conversions</h2>\n<p>Where the text states a total and its parts, a figure in two units, or one figure as a multiple of another, reckon does the arithmetic with intervals. A relation <em>holds</em> when the computed value lies within the stated figure's interval, is <em>approximate</em> when the two intervals only overlap, and is <em>broken</em> when they are disjoint. A <em>part of</em> relation (a figure that must be no larger than the whole it belongs to) holds when the part's figure is at most the whole's central value, is approximate when it is larger but the two intervals still touch, and is broken when even the part's lowest reading exceeds the whole's highest; its last column gives the part's share of the whole. Broken and approximate ones come first. The last column shows the passage that states or implies the relation and, in grey, the curator's note.</p>\n");
        let mut outcomes: Vec<&Outcome> = self.ctx.analysis.outcomes.iter().collect();
        outcomes.sort_by_key(|o| (o.verdict, o.line));
        out.push_str("<div class=\"table\"><table><thead><tr><th>Verdict</th><th>Arithmetic</th><th>Difference</th><th>In the text</th></tr></thead><tbody>\n");
        for o in outcomes {
            let passage = self
                .data()
                .estimate(&o.target)
                .and_then(|e| self.data().text(&e.text))
                .filter(|_| !o.quote.is_empty())
                .map(|t| format!("<div>{}</div>", quote_in_sentence(&t.body, &o.quote)))
                .unwrap_or_default();
            let note = if o.note.is_empty() {
                String::new()
            } else {
                format!("<span class=\"rule\">Note: {}</span>", escape(&o.note))
            };
            let quote = format!("{passage}{note}");
            let _ = writeln!(
                out,
                "<tr><td data-label=\"Verdict\"><span class=\"badge {}\">{}</span><span class=\"rule\">{}</span></td><td data-label=\"Arithmetic\" class=\"arith\">{}</td><td data-label=\"Difference\" class=\"num\">{}</td><td data-label=\"In the text\" class=\"quote\">{quote}</td></tr>",
                o.verdict.as_str(),
                o.verdict.as_str(),
                kind_words(o.kind),
                escape(&words::arithmetic(&o.arithmetic)),
                escape(&difference_cell(o))
            );
        }
        out.push_str("</tbody></table></div></section>\n");
        self.out.push_str(&out);
    }
}
