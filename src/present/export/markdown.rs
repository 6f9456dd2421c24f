//! Markdown export: a pipe table of the human projection.

use anyhow::Result;

use super::{shown, Exporter, Tabular};

/// Writes the human projection as a GitHub-flavoured Markdown table.
pub struct MarkdownExporter;

/// Escapes what would break a table cell or be read as Markdown or HTML: `&` too, so that
/// `&lt;` in the data stays those four characters instead of becoming an entity. Text GitHub
/// would turn into a live link (`www.`, `https://`, an e-mail address) is broken up: a
/// backslash before the `.` of `www.` and the `:` of `://`, and an empty HTML comment after
/// `@` (GitHub finds e-mail addresses after unescaping, so only markup stops them; the comment
/// shows as nothing).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = |n: usize| -> String {
            chars[i.saturating_sub(n)..i]
                .iter()
                .collect::<String>()
                .to_lowercase()
        };
        let after =
            |n: usize| -> String { chars[i + 1..(i + 1 + n).min(chars.len())].iter().collect() };
        match c {
            '.' if before(3) == "www" => out.push_str("\\."),
            ':' if after(2) == "//" => out.push_str("\\:"),
            '@' => out.push_str("@<!-- -->"),
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

    // Regression: Markdown exports turned www., https:// and e-mail addresses into live links
    // on GitHub. The escaped forms were checked with cmark-gfm (GitHub's renderer): none of
    // them renders as a link.
    #[test]
    fn text_that_github_would_link_is_broken_up() {
        assert_eq!(escape("see www.example.org"), "see www\\.example.org");
        assert_eq!(escape("WWW.x.org"), "WWW\\.x.org");
        assert_eq!(escape("https://x.org/a"), "https\\://x.org/a");
        assert_eq!(escape("mail a@b.org"), "mail a@<!-- -->b.org");
        // Ordinary figures and colons are left alone.
        assert_eq!(escape("1.5 million; ratio 2:1"), "1.5 million; ratio 2:1");
    }
}
