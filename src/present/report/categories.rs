//! One section per category: its charts, then each quantity with its summary and its figures.

use std::fmt::Write as _;

use super::html::{escape, hex, quote_in_sentence};
use super::Report;
use crate::analysis::reconcile::Summary;
use crate::english::locator::{locate_cells, parse_locator};
use crate::english::number::{figure, unit_suffix};
use crate::model::{Estimate, Provenance, Qualifier};
use crate::present::words::{self, stated};
use crate::present::write::file_stem;

impl Report<'_> {
    /// Writes one section per category, part by part, each part under its heading when
    /// there are two or more.
    pub(super) fn categories(&mut self) {
        let parts = self.parts();
        let headed = parts.len() > 1;
        for (part, categories) in parts {
            if headed {
                let _ = writeln!(
                    self.out,
                    "<h2 class=\"part\" id=\"{}\">{}</h2>",
                    super::parts::anchor(&part),
                    escape(&part)
                );
            }
            for category in categories {
                self.category(&category);
            }
        }
    }

    /// A category's section: its overview charts and each of its quantities.
    fn category(&mut self, category: &str) {
        let mut out = format!(
            "<section id=\"cat-{}\"><h2>{}</h2>\n",
            escape(&file_stem(&[category])),
            escape(&words::category_title(self.data(), category))
        );
        for c in self.charts.iter().filter(|c| {
            ["category-", "series-", "composition-"]
                .iter()
                .any(|kind| c.name.starts_with(kind))
                && c.subjects.iter().any(|s| s == category)
        }) {
            out.push_str(&self.figure(c));
        }
        for s in self
            .ctx
            .analysis
            .summaries
            .iter()
            .filter(|s| s.category == category)
        {
            out.push_str(&self.quantity(s));
        }
        out.push_str("</section>\n");
        self.out.push_str(&out);
    }

    /// A quantity's heading, chart, summary and table of figures.
    fn quantity(&self, s: &Summary) -> String {
        let data = self.data();
        let mut out = format!(
            "<h3 id=\"q-{}\">{}</h3>\n<p class=\"sub\">{}</p>\n",
            escape(&file_stem(&[&s.key])),
            escape(&s.label),
            escape(&self.ctx.subtitle(&s.key))
        );
        if let Some(q) = data.quantity(&s.key) {
            if !q.description.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", escape(&q.description));
            }
        }
        for kind in ["forest", "timeline"] {
            if let Some(svg) = self.chart(&file_stem(&[kind, &s.key])) {
                out.push_str(&svg);
            }
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

    /// One figure's table row: source, qualifier, interval and sentence.
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
        let unit = data.unit_of(&e.id).unwrap_or_default();
        let (interval, rule) = match self.ctx.analysis.readings.get(&e.id) {
            Some(r) => (
                format!(
                    "{} <span class=\"rule\">stated: {}</span>",
                    escape(&words::read_interval(&r.rule, &r.interval, unit)),
                    escape(&format!("{}{}", stated(e, r), unit_suffix(unit)))
                ),
                escape(&words::rule(&r.rule)),
            ),
            None => ("—".into(), String::new()),
        };
        let sentence = match data.provenance(e) {
            Provenance::Quote => data
                .text(&e.text)
                .map(|t| quote_in_sentence(&t.body, &e.quote))
                .unwrap_or_else(|| escape(&e.quote)),
            Provenance::Cell => cell_words(data, e),
            Provenance::Citation => format!(
                "<span class=\"rule\">cited, not verified against a document:</span> {}{}",
                escape(source.map_or("", |s| s.citation.as_str())),
                if e.locator.is_empty() {
                    String::new()
                } else {
                    format!(", {}", escape(&e.locator))
                }
            ),
        };
        let mut marks = Vec::new();
        if let Some(year) = data.year_of(e) {
            marks.push(year.to_string());
        }
        if e.restates.is_some() {
            marks.push(format!(
                "restates {}: not counted again",
                words::restated(self.ctx.analysis, e)
            ));
        }
        if e.qualifier == Some(Qualifier::Survey) {
            marks.push("a survey of estimates: not counted".to_string());
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!("<span class=\"rule\">{}</span>", escape(&marks.join("; ")))
        };
        format!(
            "<tr><td data-label=\"Source\">{swatch}{}<span class=\"rule\">{}</span>{marks}</td><td data-label=\"Qualifier\">{}</td><td data-label=\"Interval\" class=\"interval\"><span class=\"num\">{interval}</span><span class=\"rule\">{rule}</span></td><td data-label=\"In the text\" class=\"quote\">{sentence}</td></tr>\n",
            escape(source.map_or(e.source.as_str(), |s| s.name.as_str())),
            kind.map_or("", |k| k.as_str()),
            e.qualifier.map_or(String::new(), |q| escape(&q.words())),
        )
    }

    /// What the figures for a quantity say together, in words.
    fn summary_words(&self, s: &Summary) -> String {
        let unit = if s.unit == "people" {
            String::new()
        } else {
            format!(" ({})", escape(&s.unit))
        };
        if s.independent == 0 {
            return format!(
                "{} figure{}{unit}, none of them an independent estimate: {}.",
                s.estimates,
                if s.estimates == 1 { "" } else { "s" },
                s.survey
                    .map_or("restatements only".to_string(), |i| format!(
                        "surveys of the literature spanning {}",
                        escape(&words::interval_in(&i, &s.unit))
                    ))
            );
        }
        if s.estimates == 1 {
            return format!(
                "One estimate{unit}: {}. Nothing to reconcile it with in this text.",
                escape(&words::interval_in(&s.envelope, &s.unit))
            );
        }
        let restated = s.estimates - s.independent;
        let mut words = format!(
            "{} independent estimate{} from {} source{}{unit} span {}.{}",
            s.independent,
            if s.independent == 1 { "" } else { "s" },
            s.sources,
            if s.sources == 1 { "" } else { "s" },
            escape(&words::envelope_words(
                &self.ctx.analysis.members_of(&s.key),
                &s.envelope,
                &s.unit
            )),
            match (restated, s.survey) {
                (0, _) => String::new(),
                (n, Some(i)) => format!(
                    " {n} more figure{} restate{} them or survey the literature (spanning {}); they add no weight.",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" },
                    escape(&words::interval_in(&i, &s.unit))
                ),
                (n, None) => format!(
                    " {n} more figure{} restate{} them and add{} no weight.",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" },
                    if n == 1 { "s" } else { "" }
                ),
            }
        );
        match &s.consensus {
            Some(c) => {
                let _ = write!(
                    words,
                    " No conflict: every estimate leaves room for {}. That is where they overlap, not a figure they agree on.",
                    escape(&words::interval_in(c, &s.unit))
                );
            }
            None => {
                let members: Vec<_> = self
                    .ctx
                    .analysis
                    .members_of(&s.key)
                    .into_iter()
                    .filter(|m| m.counts())
                    .collect();
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
            escape(&figure(
                s.median,
                crate::present::digits::of_median(self.ctx.analysis, &s.key, s.median),
                &s.unit
            )),
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
}

/// A cell estimate's evidence for readers: the cell's text, its column and row, and the table;
/// for a range whose values stand in cells of their own, each cell and its column.
fn cell_words(data: &crate::model::Dataset, e: &Estimate) -> String {
    let Some(text) = data.text(&e.text) else {
        return escape(&e.locator);
    };
    let cells = text.table.as_ref().and_then(|table| {
        let locator = parse_locator(&e.locator).ok()?;
        let (r, columns) = locate_cells(table, &locator).ok()?;
        let (_, cells) = table.rows.get(r)?;
        let named: Option<Vec<(String, String)>> = columns
            .iter()
            .map(|&c| Some((table.header.get(c)?.clone(), cells.get(c)?.clone())))
            .collect();
        Some((r, named?))
    });
    match cells {
        Some((r, named)) => {
            let marks: Vec<String> = named
                .iter()
                .map(|(_, cell)| format!("<mark>{}</mark>", escape(cell)))
                .collect();
            let columns: Vec<String> = named
                .iter()
                .map(|(column, _)| format!("“{}”", escape(column)))
                .collect();
            format!(
                "{} <span class=\"rule\">table {}, row {} under {}, of {}</span>",
                marks.join(", "),
                if named.len() == 1 { "cell" } else { "cells" },
                r + 1,
                columns.join(", "),
                escape(&text.title)
            )
        }
        None => format!(
            "<span class=\"rule\">table cell {} of {}</span>",
            escape(&e.locator),
            escape(&text.title)
        ),
    }
}
