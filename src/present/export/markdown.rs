//! Markdown export: a pipe table of the human projection.

use anyhow::Result;

use super::{shown, Exporter, Tabular};

/// Writes the human projection as a GitHub-flavoured Markdown table.
pub struct MarkdownExporter;

/// Escapes what would break a table cell or be read as Markdown or HTML: `&` too, so that
/// `&lt;` in the data stays those four characters instead of becoming an entity.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

impl Exporter for MarkdownExporter {
    fn serialize(&self, data: &dyn Tabular) -> Result<Vec<u8>> {
        let table = data.human();
        let mut out = String::new();
        out.push_str(&format!("| {} |\n", table.columns.join(" | ")));
        out.push_str(&format!(
            "|{}\n",
            table.columns.iter().map(|_| "---|").collect::<String>()
        ));
        for row in &table.rows {
            let cells: Vec<String> = row.iter().map(|c| escape(&shown(c))).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        Ok(out.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(escape("a|b\nc"), "a\\|b c");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("&lt;b&gt; ~~x~~"), "\\&lt;b\\&gt; \\~\\~x\\~\\~");
        assert_eq!(escape("a\tb\u{1b}"), "a b ");
    }
}
