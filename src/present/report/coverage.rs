//! The last section: what the curation covers, and the figures in the text no estimate ties to.

use std::fmt::Write as _;

use super::html::escape;
use super::Report;
use crate::analysis::coverage::{self, Class};

impl Report<'_> {
    /// Writes the section on how much of the text's figures the curation ties to estimates.
    pub(super) fn coverage(&mut self) {
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
