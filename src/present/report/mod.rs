//! The teaching report: one self-contained HTML file (CSS and SVG charts inline, no scripts, no
//! fetches) that shows every figure in its sentence, how the sources disagree, the arithmetic
//! of the text's totals, and what the curation still misses. Everything from the data is escaped.
//!
//! This file builds the page skeleton; each section has its own file, the shared HTML helpers sit
//! in `html.rs` and the CSS in `style.css`. Paragraphs true of only one text come from the
//! dataset's optional `report.md` (`prose.rs`).

mod categories;
mod contradictions;
mod coverage;
mod html;
mod parts;
mod prose;
mod reading;
mod relations;
mod sources;

use std::fmt::Write as _;

use html::inline_svg;
pub use html::{escape, quote_in_sentence};
use prose::Prose;

use crate::model::Dataset;
use crate::present::chart::theme::PHONE;
use crate::present::chart::view::View;
use crate::present::chart::Rendered;
use crate::present::write::file_stem;

const STYLE: &str = include_str!("style.css");

/// The builder of the report's HTML.
pub struct Report<'a> {
    ctx: &'a View<'a>,
    charts: &'a [&'a Rendered],
    /// The same charts drawn for a phone's column, shown instead on narrow screens.
    phone: Vec<Rendered>,
    /// The dataset's own prose for the places where only it knows what is true of its text.
    prose: Prose,
    out: String,
}

/// Builds the report for a dataset, with its charts rendered by
/// [`render_all`](crate::present::chart::render_all) and the dataset's prose from `report.md`
/// in its folder (format: `src/present/report/prose.rs`). Each chart is drawn a second time
/// at a phone's width ([`PHONE`]), which narrow screens show instead.
pub fn build(ctx: &View, charts: &[&Rendered]) -> anyhow::Result<String> {
    let phone = crate::present::chart::render_all(&ctx.clone().sized(PHONE, 1.0))?;
    let mut report = Report {
        ctx,
        charts,
        phone,
        prose: Prose::read(&ctx.analysis.data.dir),
        out: String::new(),
    };
    report.write();
    Ok(report.out)
}

impl Report<'_> {
    /// The dataset the report is about.
    fn data(&self) -> &Dataset {
        &self.ctx.analysis.data
    }

    /// A chart by name, inlined, if it was rendered.
    fn chart(&self, name: &str) -> Option<String> {
        self.charts
            .iter()
            .find(|c| c.name == name)
            .map(|c| self.figure(c))
    }

    /// A chart as a figure, with its phone drawing.
    fn figure(&self, c: &Rendered) -> String {
        inline_svg(c, self.phone.iter().find(|p| p.name == c.name))
    }

    /// Writes the whole page: head, header, every section, footer.
    fn write(&mut self) {
        let data = &self.ctx.analysis.data;
        let titles: Vec<String> = data.texts.iter().map(|t| t.title.clone()).collect();
        let title = format!("Reading the figures in {}", titles.join("; "));
        let mut out = String::new();
        let _ = writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>",
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

    /// The report's parts, each with its categories in the order the summaries first name them.
    fn parts(&self) -> Vec<(String, Vec<String>)> {
        let mut seen: Vec<String> = Vec::new();
        for s in &self.ctx.analysis.summaries {
            if !seen.contains(&s.category) {
                seen.push(s.category.clone());
            }
        }
        parts::group(self.data(), seen)
    }

    /// Writes the table of contents.
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
        let parts = self.parts();
        for (part, categories) in &parts {
            // One part needs no heading of its own; two or more list their categories under it.
            if parts.len() > 1 {
                let _ = write!(
                    out,
                    "<li><a href=\"#{}\">{}</a><ol>",
                    parts::anchor(part),
                    escape(part)
                );
            }
            for c in categories {
                let _ = write!(
                    out,
                    "<li><a href=\"#cat-{}\">{}</a></li>",
                    escape(&file_stem(&[c])),
                    escape(&crate::present::words::category_title(self.data(), c))
                );
            }
            if parts.len() > 1 {
                out.push_str("</ol></li>");
            }
        }
        out.push_str("<li><a href=\"#coverage\">What the curation covers</a></li></ol></nav>\n");
        self.out.push_str(&out);
    }
}
