//! The teaching report: one self-contained HTML file (CSS and SVG charts inline, no scripts, no
//! fetches) that shows every figure in its sentence, how the sources disagree, the arithmetic
//! of the text's totals, and what the curation still misses. Everything from the data is escaped.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::analysis::coverage::{self, Class};
use crate::analysis::reconcile::{Member, Summary};
use crate::analysis::relate::{Outcome, Verdict};
use crate::english::figure;
use crate::english::number::{readable, relative};
use crate::english::passage;
use crate::model::{Dataset, Estimate, Qualifier, RelationKind, SourceKind};
use crate::present::chart::view::View;
use crate::present::chart::{self, kind_color, Rendered};
use crate::present::words::{self, interval_words, stated};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #222; --muted: #5f5f5f; --rule: #ddd; --band: #f4f4f4; --mark: #fff1b8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0; }
h2 { font-size: 1.4rem; margin: 2.6rem 0 0.6rem; padding-top: 0.6rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.12rem; margin: 2rem 0 0.3rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
p, li { max-width: 48rem; }
.lede { font-size: 1.1rem; color: var(--muted); }
.sub { color: var(--muted); margin: 0 0 0.6rem; font-size: 0.92rem; }
nav ol { columns: 2 14rem; padding-left: 1.2rem; }
figure { margin: 1rem 0; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
.table { overflow-x: auto; margin: 0.6rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--rule); }
th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
.num { white-space: nowrap; }
td.interval { max-width: 16rem; }
td.quote { min-width: 16rem; }
td.arith { min-width: 14rem; }
td[data-label="Source"] { min-width: 9rem; }
.scroll-hint { display: none; }
mark { background: var(--mark); padding: 0 0.1em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.35em; vertical-align: -0.05em; }
.badge { display: inline-block; padding: 0.05em 0.5em; border-radius: 1em; font-size: 0.8rem; font-weight: bold; color: #fff; white-space: nowrap; }
.broken { background: #b84a00; } .approximate { background: #8a6000; } .holds { background: #00795a; } .derived { background: #5f5f5f; }
.summary { background: var(--band); padding: 0.7rem 0.9rem; border-left: 4px solid var(--ink); }
.conflict { border-left-color: #b84a00; }
blockquote { margin: 0.6rem 0; padding: 0.2rem 0 0.2rem 1rem; border-left: 3px solid var(--rule); color: #333; }
.rule { color: var(--muted); font-size: 0.82rem; display: block; }
details summary { cursor: pointer; color: var(--muted); }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; } h1 { font-size: 1.5rem; }
  /* Tables become one card per row, each cell labelled. */
  table, tbody, tr, td { display: block; width: 100%; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--rule); padding: 0.5rem 0; }
  td { border: 0; padding: 0.15rem 0; min-width: 0; max-width: none; }
  td.quote { min-width: 0; }
  td[data-label]::before { content: attr(data-label); display: block; font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
  /* Charts keep a legible size and scroll sideways. */
  figure { overflow-x: auto; }
  figure svg { width: 46rem; max-width: none; }
  .scroll-hint { display: block; font-size: 0.8rem; color: var(--muted); margin: 0.2rem 0 0; }
}
@media print {
  body { font-size: 10pt; } main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; } .table { overflow: visible; }
  h2, h3, h4 { break-after: avoid; } tr, figure, blockquote, .summary, li { break-inside: avoid; }
  section[id^="cat-"] > h2 { break-before: page; }
  .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .badge, mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"#;

fn hex(kind: SourceKind) -> String {
    let c = kind_color(kind);
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn kind_title(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Archival => "Archival records",
        SourceKind::Official => "Official figures",
        SourceKind::Historian => "Historians",
        SourceKind::Contemporary => "Contemporary documents and witnesses",
        SourceKind::Poll => "Polls",
        SourceKind::Article => "The text itself",
        SourceKind::Other => "Other and unnamed sources",
    }
}

/// A quote shown inside its sentence: the quote marked, the figures in it in bold.
pub fn quote_in_sentence(body: &str, quote: &str) -> String {
    let Some(span) = passage::find_all(body, quote).into_iter().next() else {
        return format!("<mark>{}</mark>", escape(quote));
    };
    let sentence = passage::sentence(body, &span);
    let mut inner = String::new();
    let mut at = 0;
    for f in figure::parse(quote).figures {
        // Years, dates and the like in a quote are context, not the figure.
        let in_body = span.start + f.span.start..span.start + f.span.end;
        if coverage::classify(body, &in_body, f.kind) != Class::Figure {
            continue;
        }
        inner.push_str(&escape(&quote[at..f.span.start]));
        let _ = write!(inner, "<strong>{}</strong>", escape(&quote[f.span.clone()]));
        at = f.span.end;
    }
    inner.push_str(&escape(&quote[at..]));
    format!(
        "{}<mark>{inner}</mark>{}",
        escape(&body[sentence.start..span.start]),
        escape(&body[span.end..sentence.end])
    )
}

/// Turns a chart's SVG into inline markup that scales with the page.
fn inline_svg(c: &Rendered) -> String {
    let svg = &c.svg;
    let Some(open_end) = svg.find('>') else {
        return String::new();
    };
    let head = &svg[..open_end];
    let view = head
        .find("viewBox=\"")
        .and_then(|i| head[i + 9..].split('"').next())
        .unwrap_or("0 0 1000 600");
    format!(
        "<figure><svg viewBox=\"{view}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\"{}<p class=\"scroll-hint\">Scroll sideways to see the whole chart →</p></figure>\n",
        escape(&c.title),
        &svg[open_end..]
    )
}

/// The builder of the report's HTML.
pub struct Report<'a> {
    ctx: &'a View<'a>,
    charts: Vec<Rendered>,
    out: String,
}

/// A relation kind as readers say it.
fn kind_words(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Sum => "sum",
        RelationKind::Ratio => "ratio",
        RelationKind::Conversion => "unit conversion",
        RelationKind::Subset => "part of",
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
fn inconsistency_words(o: &Outcome) -> String {
    match o.kind {
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

fn source_name(data: &Dataset, id: &str) -> String {
    data.source(id).map_or(id.to_string(), |s| s.name.clone())
}

/// Builds the report for a dataset, with its charts rendered by [`chart::render_all`].
pub fn build(ctx: &View, charts: &[Rendered]) -> String {
    let mut report = Report {
        ctx,
        charts: charts.to_vec(),
        out: String::new(),
    };
    report.write();
    report.out
}

impl Report<'_> {
    fn data(&self) -> &Dataset {
        &self.ctx.analysis.data
    }

    fn chart(&self, name: &str) -> Option<String> {
        self.charts.iter().find(|c| c.name == name).map(inline_svg)
    }

    fn write(&mut self) {
        let data = &self.ctx.analysis.data;
        let titles: Vec<String> = data.texts.iter().map(|t| t.title.clone()).collect();
        let title = format!("Reading the figures in {}", titles.join("; "));
        let mut out = String::new();
        let _ = writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>",
            escape(&title)
        );
        let _ = writeln!(out, "<header><h1>{}</h1>", escape(&title));
        let _ = writeln!(
            out,
            "<p class=\"lede\">{} figures quoted from {} sources, {} quantities, {} arithmetic relations checked. Each figure is shown in its own sentence, read as an interval, and set against the other figures for the same thing. (reckon is the tool that made this report from a hand-curated dataset; every figure links back to the words of the text.)</p></header>",
            data.estimates.len(),
            data.sources.len(),
            data.quantities.len(),
            data.relations.len()
        );
        self.out = out;
        self.contents();
        self.sources();
        self.reading();
        self.contradictions();
        self.relations();
        self.categories();
        self.coverage();
        let attribution: Vec<String> = data
            .texts
            .iter()
            .filter(|t| !t.attribution.is_empty())
            .map(|t| escape(&t.attribution))
            .collect();
        let _ = writeln!(
            self.out,
            "<footer><p>{}</p><p>Made with reckon from the dataset in <code>{}</code>. Figures are quoted as the text states them; intervals follow reckon's qualifier rules.</p></footer>\n</main>\n</body>\n</html>",
            attribution.join(" "),
            escape(&data.dir.display().to_string())
        );
    }

    fn categories_in_order(&self) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for s in &self.ctx.analysis.summaries {
            if !seen.contains(&s.category) {
                seen.push(s.category.clone());
            }
        }
        seen
    }

    fn contents(&mut self) {
        let mut out = String::from("<nav><h2>Contents</h2><ol>");
        for (id, name) in [
            ("sources", "The text and its sources"),
            ("reading", "How to read these figures"),
            ("contradictions", "Where the text contradicts itself"),
            ("relations", "Totals, ratios and conversions"),
        ] {
            let _ = write!(out, "<li><a href=\"#{id}\">{name}</a></li>");
        }
        for c in self.categories_in_order() {
            let _ = write!(
                out,
                "<li><a href=\"#cat-{}\">{}</a></li>",
                escape(&chart::file_stem(&[&c])),
                escape(&words::category_title(self.data(), &c))
            );
        }
        out.push_str("<li><a href=\"#coverage\">What the curation covers</a></li></ol></nav>\n");
        self.out.push_str(&out);
    }

    fn sources(&mut self) {
        let data = self.data();
        let mut out = String::from("<section id=\"sources\"><h2>The text and its sources</h2>\n");
        for t in &data.texts {
            let _ = writeln!(
                out,
                "<p><strong>{}</strong> ({} characters). {}</p>",
                escape(&t.title),
                crate::english::number::grouped(t.body.chars().count() as f64),
                escape(&t.attribution)
            );
        }
        out.push_str("<p>The text attributes its figures to these sources, grouped by kind. Who counted matters: archival records were kept by the state that did the killing; official figures were published by it; historians work from both, and from demography and testimony; the text also states figures in its own voice.</p>\n");
        for kind in SourceKind::ALL {
            let sources: Vec<_> = data
                .sources
                .iter()
                .filter(|s| s.kind == Some(kind))
                .collect();
            if sources.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "<h3><span class=\"swatch\" style=\"background:{}\"></span>{}</h3><ul>",
                hex(kind),
                kind_title(kind)
            );
            for s in sources {
                let n = data.estimates.iter().filter(|e| e.source == s.id).count();
                let _ = writeln!(
                    out,
                    "<li><strong>{}</strong>: {} <span class=\"sub\">({n} figure{})</span></li>",
                    escape(&s.name),
                    escape(&s.note),
                    if n == 1 { "" } else { "s" }
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
        self.out.push_str(&out);
    }

    fn reading(&mut self) {
        let data = self.data();
        let mut out = String::from("<section id=\"reading\"><h2>How to read these figures</h2>\n");
        out.push_str("<p>A figure in a text is rarely a plain number. The words around it (\"nearly\", \"up to\", \"a minimum of\") change what it claims. reckon turns each qualified figure into an interval by one rule per qualifier, and compares the intervals rather than the bare numbers.</p>\n");
        out.push_str("<div class=\"table\"><table><thead><tr><th>Qualifier</th><th>The text says</th><th>reckon reads it as</th><th>Example in this text</th></tr></thead><tbody>\n");
        for (q, says, rule) in [
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
        ] {
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
        out.push_str("<p>Three cautions. <strong>A round figure with no qualifier</strong> (\"down to 20 million\") is read as exact, because the text gives no cue; when it clashes with an \"about\" figure, the clash may be one of precision rather than substance. <strong>\"Up to\" and \"as many as\"</strong> mark the top of a claim and set no floor, so reckon reads them from 0: they can never conflict with a smaller figure, only with a larger one. <strong>A range that sums up many authors</strong> (\"estimates ranging from 3 to 60 million\") is a spread of opinion, not one source's margin of error; its midpoint is a convenience for sorting, not anyone's estimate.</p>\n");
        out.push_str("<h3>Why figures for the same events differ</h3>\n<p>Four questions explain most disagreements: <strong>who counted</strong> (the state's own records, or historians checking them), <strong>what was counted</strong> (executions only, or also deaths in camps, deportations and famine), <strong>when</strong> (before the archives opened in 1991 or after), and <strong>how the figure is worded</strong> (a minimum, a maximum, a rough size).</p>\n");
        let mut topics: BTreeMap<usize, (String, Vec<String>)> = BTreeMap::new();
        for c in &data.contexts {
            let Some(text) = data.text(&c.text) else {
                continue;
            };
            let order = topics.len();
            let key = topics
                .iter()
                .find(|(_, (t, _))| *t == c.topic)
                .map(|(k, _)| *k)
                .unwrap_or(order);
            let entry = topics
                .entry(key)
                .or_insert_with(|| (c.topic.clone(), Vec::new()));
            entry.1.push(format!(
                "<blockquote>{}</blockquote><p class=\"sub\">{}</p>",
                quote_in_sentence(&text.body, &c.quote),
                escape(&c.note)
            ));
        }
        if !topics.is_empty() {
            out.push_str("<p>The text itself gives reasons:</p>\n");
        }
        for (_, (topic, items)) in topics {
            let _ = writeln!(out, "<h4>{}</h4>\n{}", escape(&topic), items.join("\n"));
        }
        out.push_str("</section>\n");
        self.out.push_str(&out);
    }

    fn contradictions(&mut self) {
        let data = self.data();
        let mut out = String::from(
            "<section id=\"contradictions\"><h2>Where the text contradicts itself</h2>\n<h3>Inconsistencies within the text</h3>\n",
        );
        let bad: Vec<&Outcome> = self
            .ctx
            .analysis
            .outcomes
            .iter()
            .filter(|o| matches!(o.verdict, Verdict::Broken | Verdict::Approximate))
            .collect();
        if bad.is_empty() {
            out.push_str("<p>Every total, ratio and conversion the text states holds within the precision of its wording.</p>\n");
        } else {
            out.push_str("<p>Here the text's own figures do not fit together: parts that do not add up to the total it gives, a conversion that does not match, a part larger than its whole. These are findings about the text, however small, not disagreements between its sources.</p><ul class=\"findings\">\n");
            for o in bad {
                let label = data
                    .estimate(&o.target)
                    .and_then(|e| data.quantity(&e.quantity))
                    .map_or(o.target.clone(), |q| q.label.clone());
                // The relation's own passage, or else the sentences of every figure in it.
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
                let _ = writeln!(
                    out,
                    "<li><span class=\"badge {}\">{}</span> <strong>{}</strong>: {}. {}{shown}</li>",
                    o.verdict.as_str(),
                    o.verdict.as_str(),
                    escape(&label),
                    escape(&inconsistency_words(o)),
                    escape(&o.note)
                );
            }
            out.push_str("</ul>\n");
        }
        let conflicts: Vec<&Summary> = self
            .ctx
            .analysis
            .summaries
            .iter()
            .filter(|s| s.consensus.is_none())
            .collect();
        if !conflicts.is_empty() {
            out.push_str("<h3>Disagreements the text reports</h3>\n<p>The text reports these disagreements between its sources openly; they are not errors in the text, but they show how far apart the sources are. For each of these quantities the sources' intervals do not overlap at all, so no single figure satisfies them all. The sections below give each figure in its sentence; <a href=\"#reading\">How to read these figures</a> gives the reasons the text offers.</p><ul>\n");
            for s in conflicts {
                let members = self.ctx.analysis.members_of(&s.key);
                let _ = writeln!(
                    out,
                    "<li><a href=\"#q-{}\">{}</a>: {}</li>",
                    escape(&chart::file_stem(&[&s.key])),
                    escape(&s.label),
                    self.conflict_words(&members)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
        self.out.push_str(&out);
    }

    /// Names the widest disagreement of a group in words, with source names.
    fn conflict_words(&self, members: &[&Member]) -> String {
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

    fn relations(&mut self) {
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

    fn categories(&mut self) {
        for category in self.categories_in_order() {
            let mut out = format!(
                "<section id=\"cat-{}\"><h2>{}</h2>\n",
                escape(&chart::file_stem(&[&category])),
                escape(&words::category_title(self.data(), &category))
            );
            for c in self.charts.iter().filter(|c| {
                (c.name.starts_with("category-") || c.name.starts_with("composition-"))
                    && c.subjects.contains(&category)
            }) {
                out.push_str(&inline_svg(c));
            }
            let summaries: Vec<&Summary> = self
                .ctx
                .analysis
                .summaries
                .iter()
                .filter(|s| s.category == category)
                .collect();
            for s in summaries {
                out.push_str(&self.quantity(s));
            }
            out.push_str("</section>\n");
            self.out.push_str(&out);
        }
    }

    fn quantity(&self, s: &Summary) -> String {
        let data = self.data();
        let mut out = format!(
            "<h3 id=\"q-{}\">{}</h3>\n<p class=\"sub\">{}</p>\n",
            escape(&chart::file_stem(&[&s.key])),
            escape(&s.label),
            escape(&self.ctx.subtitle(&s.key))
        );
        if let Some(q) = data.quantity(&s.key) {
            if !q.description.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", escape(&q.description));
            }
        }
        if let Some(svg) = self.chart(&chart::file_stem(&["forest", &s.key])) {
            out.push_str(&svg);
        }
        let conflict = s.consensus.is_none();
        let _ = writeln!(
            out,
            "<p class=\"summary{}\">{}</p>",
            if conflict { " conflict" } else { "" },
            self.summary_words(s)
        );
        out.push_str("<div class=\"table\"><table><thead><tr><th>Source</th><th>Qualifier</th><th>Interval</th><th>In the text</th></tr></thead><tbody>\n");
        let mut estimates: Vec<&Estimate> = data
            .estimates
            .iter()
            .filter(|e| e.quantity == s.key)
            .collect();
        estimates.sort_by(|a, b| {
            let c = |e: &Estimate| {
                self.ctx
                    .analysis
                    .readings
                    .get(&e.id)
                    .map_or(f64::NAN, |r| r.central)
            };
            c(a).total_cmp(&c(b))
        });
        for e in estimates {
            out.push_str(&self.estimate_row(e));
        }
        out.push_str("</tbody></table></div>\n");
        out
    }

    fn estimate_row(&self, e: &Estimate) -> String {
        let data = self.data();
        let source = data.source(&e.source);
        let kind = source.and_then(|s| s.kind);
        let swatch = kind.map_or(String::new(), |k| {
            format!(
                "<span class=\"swatch\" style=\"background:{}\"></span>",
                hex(k)
            )
        });
        let (interval, rule) = match self.ctx.analysis.readings.get(&e.id) {
            Some(r) => (
                format!(
                    "{} <span class=\"rule\">stated: {}</span>",
                    escape(&interval_words(&r.interval)),
                    escape(&stated(e, r))
                ),
                escape(&words::rule(&r.rule)),
            ),
            None => ("—".into(), String::new()),
        };
        let sentence = data
            .text(&e.text)
            .map(|t| quote_in_sentence(&t.body, &e.quote))
            .unwrap_or_else(|| escape(&e.quote));
        format!(
            "<tr><td data-label=\"Source\">{swatch}{}<span class=\"rule\">{}</span></td><td data-label=\"Qualifier\">{}</td><td data-label=\"Interval\" class=\"interval\"><span class=\"num\">{interval}</span><span class=\"rule\">{rule}</span></td><td data-label=\"In the text\" class=\"quote\">{sentence}</td></tr>\n",
            escape(source.map_or(e.source.as_str(), |s| s.name.as_str())),
            kind.map_or("", |k| k.as_str()),
            e.qualifier.map_or(String::new(), |q| escape(&q.words())),
        )
    }

    fn summary_words(&self, s: &Summary) -> String {
        let unit = if s.unit == "people" {
            String::new()
        } else {
            format!(" ({})", escape(&s.unit))
        };
        if s.estimates == 1 {
            return format!(
                "One estimate{unit}: {}. Nothing to reconcile it with in this text.",
                escape(&interval_words(&s.envelope))
            );
        }
        let mut words = format!(
            "{} estimates from {} source{}{unit} span {}.",
            s.estimates,
            s.sources,
            if s.sources == 1 { "" } else { "s" },
            escape(&interval_words(&s.envelope))
        );
        match &s.consensus {
            Some(c) => {
                let _ = write!(
                    words,
                    " No conflict: every estimate leaves room for {}. That is where they overlap, not a figure they agree on.",
                    escape(&interval_words(c))
                );
            }
            None => {
                let members = self.ctx.analysis.members_of(&s.key);
                let _ = write!(
                    words,
                    " They cannot all be right: {}",
                    self.conflict_words(&members)
                );
            }
        }
        let _ = write!(
            words,
            " The median of their central values is {}{}",
            escape(&readable(s.median)),
            if !s.spread.is_finite() {
                "; the lowest is 0.".to_string()
            } else if s.spread > 1.05 {
                format!("; the highest is {:.1} times the lowest.", s.spread)
            } else {
                ".".to_string()
            }
        );
        if s.derived > 0 {
            words
                .push_str(" One value is derived from a ratio the text states, not stated itself.");
        }
        words
    }

    fn coverage(&mut self) {
        let report = coverage::coverage(self.data());
        let mut out = String::from("<section id=\"coverage\"><h2>What the curation covers</h2>\n");
        let uncovered: Vec<_> = report
            .found
            .iter()
            .filter(|f| !f.covered && f.class == Class::Figure)
            .collect();
        let _ = writeln!(
            out,
            "<p>{} of the {} figures in the text that count or measure something are tied to an estimate ({:.0}%). Dates, years, ages, identifiers, durations and words like \"one\" are set apart ({}).</p>",
            report.covered,
            report.figures,
            if report.figures > 0 { 100.0 * report.covered as f64 / report.figures as f64 } else { 100.0 },
            report.found.iter().filter(|f| !f.covered && f.class != Class::Figure).count()
        );
        if !uncovered.is_empty() {
            out.push_str("<h3>Figures no estimate covers</h3><div class=\"table\"><table><thead><tr><th>Where</th><th>Figure</th><th>Sentence</th></tr></thead><tbody>\n");
            for f in &uncovered {
                let _ = writeln!(
                    out,
                    "<tr><td data-label=\"Where\" class=\"num\">line {}</td><td data-label=\"Figure\">{}</td><td data-label=\"Sentence\">{}</td></tr>",
                    f.line,
                    escape(&f.figure),
                    escape(&f.sentence)
                );
            }
            out.push_str("</tbody></table></div>\n");
        }
        let apart: Vec<_> = report
            .found
            .iter()
            .filter(|f| !f.covered && f.class != Class::Figure)
            .collect();
        if !apart.is_empty() {
            out.push_str("<details><summary>Numbers set apart (dates, years, ages, identifiers, durations, words)</summary><ul>\n");
            for f in apart {
                let _ = writeln!(
                    out,
                    "<li>line {}: {} \"{}\"</li>",
                    f.line,
                    f.class.as_str(),
                    escape(&f.figure)
                );
            }
            out.push_str("</ul></details>\n");
        }
        out.push_str("</section>\n");
        self.out.push_str(&out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_attributes() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("a & b's"), "a &amp; b&#39;s");
    }

    #[test]
    fn a_quote_is_marked_inside_its_sentence() {
        let body = "Intro. Historians estimate that nearly 700,000 people were executed. Next.";
        let html = quote_in_sentence(body, "nearly 700,000");
        assert_eq!(
            html,
            "Historians estimate that <mark>nearly <strong>700,000</strong></mark> people were executed."
        );
    }
}
