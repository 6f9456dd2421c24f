//! The section on how to read the figures: the qualifier rules, the cautions, and the reasons the
//! text itself gives for disagreement.

use std::fmt::Write as _;

use super::html::{escape, quote_in_sentence};
use super::prose::Slot;
use super::Report;
use crate::model::{Dataset, Qualifier};

/// Each qualifier with the words that cue it and the rule that reads it, as the table shows them.
const QUALIFIERS: [(Qualifier, &str, &str); 10] = [
    (Qualifier::Exact, "a plain figure", "the figure itself"),
    (
        Qualifier::About,
        "about, around, approximately, some",
        "± half a unit of the last significant digit (about 3 million: 2.5 to 3.5 million)",
    ),
    (
        Qualifier::Nearly,
        "nearly, almost",
        "just below the figure, by the same half unit",
    ),
    (
        Qualifier::Over,
        "over, more than",
        "the figure and up, with no upper limit",
    ),
    (
        Qualifier::AtLeast,
        "at least, a minimum of",
        "the figure and up, with no upper limit",
    ),
    (
        Qualifier::UpTo,
        "up to, as many as",
        "anything from 0 to the figure",
    ),
    (
        Qualifier::AtMost,
        "no more than, fewer than",
        "anything from 0 to the figure",
    ),
    (
        Qualifier::Range,
        "X to Y, between X and Y",
        "from X to Y; the central value is the midpoint",
    ),
    (
        Qualifier::Magnitude,
        "tens of thousands, millions",
        "the whole band (tens of thousands: 10,000 to 100,000)",
    ),
    (
        Qualifier::Ratio,
        "two and a half times",
        "the multiplier times the figure it refers to",
    ),
];

impl Report<'_> {
    /// Writes the section on how to read the figures.
    pub(super) fn reading(&mut self) {
        let data = self.data();
        let mut out = String::from("<section id=\"reading\"><h2>How to read these figures</h2>\n");
        out.push_str("<p>A figure in a text is rarely a plain number. The words around it (\"nearly\", \"up to\", \"a minimum of\") change what it claims. reckon turns each qualified figure into an interval by one rule per qualifier, and compares the intervals rather than the bare numbers.</p>\n");
        out.push_str(&qualifier_table(data));
        out.push_str(&self.prose.html(Slot::Cautions));
        out.push_str("<h3>Why figures for the same events differ</h3>\n");
        out.push_str(&self.prose.html(Slot::WhyFiguresDiffer));
        out.push_str(&reasons(data));
        out.push_str("</section>\n");
        self.out.push_str(&out);
    }
}

/// The table of qualifiers, each with the first figure in the text that carries it.
fn qualifier_table(data: &Dataset) -> String {
    let mut out = String::new();
    out.push_str("<div class=\"table\"><table><thead><tr><th>Qualifier</th><th>The text says</th><th>reckon reads it as</th><th>Example in this text</th></tr></thead><tbody>\n");
    for (q, says, rule) in QUALIFIERS {
        let example = data
            .estimates
            .iter()
            .find(|e| e.qualifier == Some(q))
            .map(|e| format!("\"{}\"", escape(&e.quote)))
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(
            out,
            "<tr><td data-label=\"Qualifier\"><code>{}</code></td><td data-label=\"The text says\">{says}</td><td data-label=\"reckon reads it as\">{}</td><td data-label=\"Example\">{example}</td></tr>",
            q.as_str(),
            escape(rule)
        );
    }
    out.push_str("</tbody></table></div>\n");
    out
}

/// The passages of the text that explain disagreements (context.csv), grouped by topic in the
/// order the topics first appear.
fn reasons(data: &Dataset) -> String {
    let mut out = String::new();
    // Topics in the order they first appear, each with its passages.
    let mut topics: Vec<(String, Vec<String>)> = Vec::new();
    for c in &data.contexts {
        let Some(text) = data.text(&c.text) else {
            continue;
        };
        let item = format!(
            "<blockquote>{}</blockquote><p class=\"sub\">{}</p>",
            quote_in_sentence(&text.body, &c.quote),
            escape(&c.note)
        );
        match topics.iter_mut().find(|(t, _)| *t == c.topic) {
            Some((_, items)) => items.push(item),
            None => topics.push((c.topic.clone(), vec![item])),
        }
    }
    if !topics.is_empty() {
        out.push_str("<p>The text itself gives reasons:</p>\n");
    }
    for (topic, items) in topics {
        let _ = writeln!(out, "<h4>{}</h4>\n{}", escape(&topic), items.join("\n"));
    }
    out
}
