//! The report's first section: the texts, and their sources grouped by kind.

use std::fmt::Write as _;

use super::html::{escape, hex};
use super::prose::Slot;
use super::Report;
use crate::model::SourceKind;

/// A source kind as the heading of its group.
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

impl Report<'_> {
    /// Writes the section on the texts and their sources.
    pub(super) fn sources(&mut self) {
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
        out.push_str(&self.prose.html(Slot::Sources));
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
}
