//! The prose a dataset writes for its own report, so that nothing true of only one text sits in
//! the code. It comes from an optional `report.md` in the dataset folder.
//!
//! Format of `report.md`:
//!
//! - A line `## slot-name` opens a slot; everything up to the next such line is its block. Lines
//!   before the first slot are a preamble for people and are ignored, as are slots the report
//!   does not know. When a slot is given twice, the last block counts.
//! - A block is paragraphs of plain text separated by blank lines; the lines of a paragraph are
//!   joined with spaces. `**bold**` and `*emphasis*` are the only markup; everything else is
//!   HTML-escaped, so `<script>` shows as text.
//! - A slot the dataset gives replaces the report's generic paragraphs there; an empty slot says
//!   nothing. A slot the dataset leaves out gets a generic paragraph that fits any text.
//!
//! The slots are the variants of [`Slot`]: `sources`, `cautions` and `why-figures-differ`.
//!
//! The report reads the file itself (rather than `load`) because the prose is for the report
//! alone: no other command uses it, and nothing in it is checked.

use std::fmt::Write as _;
use std::path::Path;

/// A place in the report where the dataset may speak about its own text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    /// Under "The text and its sources": who the sources are and why who counted matters.
    Sources,
    /// After the qualifier table: the cautions in reading qualified figures, with examples.
    Cautions,
    /// Under "Why figures for the same events differ": the questions behind disagreements.
    WhyFiguresDiffer,
}

impl Slot {
    /// The slot's name as `report.md` writes it after `## `.
    fn name(self) -> &'static str {
        match self {
            Slot::Sources => "sources",
            Slot::Cautions => "cautions",
            Slot::WhyFiguresDiffer => "why-figures-differ",
        }
    }

    /// What the report says in the slot when the dataset says nothing: true of any text.
    fn generic(self) -> &'static str {
        match self {
            Slot::Sources => "The text attributes its figures to these sources, grouped by kind.",
            Slot::Cautions => "Three cautions. **A round figure with no qualifier** is read as exact, because the text gives no cue; when it clashes with an \"about\" figure, the clash may be one of precision rather than substance. **\"Up to\" and \"as many as\"** mark the top of a claim and set no floor, so reckon reads them from 0: they can never conflict with a smaller figure, only with a larger one. **A range that sums up many authors** is a spread of opinion, not one source's margin of error; its midpoint is a convenience for sorting, not anyone's estimate.",
            Slot::WhyFiguresDiffer => "Four questions explain most disagreements: **who counted**, **what was counted**, **when** the count was made, and **how the figure is worded** (a minimum, a maximum, a rough size).",
        }
    }
}

/// The dataset's prose for the report, by slot name.
#[derive(Debug, Default)]
pub(super) struct Prose {
    slots: Vec<(String, String)>,
}

impl Prose {
    /// The prose in `dir/report.md`, or none when the file is absent. An unreadable file counts
    /// as absent, because the report has no way to return an error (see the module comment).
    pub(super) fn read(dir: &Path) -> Prose {
        match std::fs::read(dir.join("report.md")) {
            Ok(bytes) => Prose::parse(&String::from_utf8_lossy(&bytes)),
            Err(_) => Prose::default(),
        }
    }

    /// Splits the text of a `report.md` into its slots.
    pub(super) fn parse(text: &str) -> Prose {
        let mut slots: Vec<(String, String)> = Vec::new();
        for line in text.lines() {
            if let Some(name) = line.strip_prefix("## ") {
                slots.retain(|(n, _)| n != name.trim());
                slots.push((name.trim().to_string(), String::new()));
            } else if let Some((_, block)) = slots.last_mut() {
                block.push_str(line);
                block.push('\n');
            }
        }
        Prose { slots }
    }

    /// The slot's paragraphs as HTML, each `<p>…</p>` on its own line: the dataset's, or else
    /// the generic ones.
    pub(super) fn html(&self, slot: Slot) -> String {
        let block = self
            .slots
            .iter()
            .find(|(n, _)| n == slot.name())
            .map_or(slot.generic(), |(_, b)| b.as_str());
        paragraphs(block)
            .iter()
            .map(|p| format!("<p>{}</p>\n", inline(p)))
            .collect()
    }
}

/// A block's paragraphs: runs of non-blank lines, joined with spaces.
fn paragraphs(block: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in block.lines().map(str::trim).chain([""]) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    out
}

/// A paragraph as HTML: escaped for element content (quotes need no escaping there), then
/// `**bold**` and `*emphasis*` marked.
fn inline(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    marked(&escaped, true)
}

/// Marks `**bold**` (when `strong` is allowed) and `*emphasis*`. As in Markdown, an opening
/// marker is followed by a non-space and a closing one follows a non-space; a marker without
/// its pair stays as written, so "3 * 4" keeps its star.
fn marked(text: &str, strong: bool) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('*') {
        out.push_str(&rest[..at]);
        let (marker, tag) = if strong && rest[at..].starts_with("**") {
            ("**", "strong")
        } else {
            ("*", "em")
        };
        let after = &rest[at + marker.len()..];
        match closing(after, marker) {
            Some(end) => {
                let inner = marked(&after[..end], false);
                let _ = write!(out, "<{tag}>{inner}</{tag}>");
                rest = &after[end + marker.len()..];
            }
            None => {
                out.push_str(marker);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the marker that closes an opening one lies in `after` (the text after the opener).
fn closing(after: &str, marker: &str) -> Option<usize> {
    if after.starts_with(char::is_whitespace) {
        return None;
    }
    after
        .match_indices(marker)
        .map(|(i, _)| i)
        .find(|&i| i > 0 && !after[..i].ends_with(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# Notes for people\nignored <b>preamble</b>\n\n## sources\nFirst line\nof one paragraph.\n\nA **second** one with *stress*.\n\n## cautions\n<script>alert(1)</script> & more\n\n## why-figures-differ\n\n## nonsense\nNever shown.\n";

    #[test]
    fn slots_split_on_headings_and_paragraphs_on_blank_lines() {
        let prose = Prose::parse(FILE);
        assert_eq!(
            prose.html(Slot::Sources),
            "<p>First line of one paragraph.</p>\n<p>A <strong>second</strong> one with <em>stress</em>.</p>\n"
        );
    }

    #[test]
    fn markup_in_the_file_is_escaped() {
        let prose = Prose::parse(FILE);
        assert_eq!(
            prose.html(Slot::Cautions),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>\n"
        );
    }

    #[test]
    fn an_empty_slot_says_nothing_and_a_missing_one_is_generic() {
        assert_eq!(Prose::parse(FILE).html(Slot::WhyFiguresDiffer), "");
        let generic = Prose::parse("").html(Slot::Sources);
        assert_eq!(
            generic,
            "<p>The text attributes its figures to these sources, grouped by kind.</p>\n"
        );
    }

    #[test]
    fn an_unpaired_star_stays_a_star() {
        assert_eq!(inline("3 * 4 is **12"), "3 * 4 is **12");
        assert_eq!(
            inline("**a** and *b* and *c"),
            "<strong>a</strong> and <em>b</em> and *c"
        );
    }

    #[test]
    fn the_last_block_of_a_repeated_slot_counts() {
        let prose = Prose::parse("## sources\nold\n## sources\nnew\n");
        assert_eq!(prose.html(Slot::Sources), "<p>new</p>\n");
    }

    #[test]
    fn a_missing_file_reads_as_no_prose() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Prose::read(dir.path()).slots.is_empty());
        std::fs::write(
            dir.path().join("report.md"),
            "## cautions\nMind the *gap*.\n",
        )
        .unwrap();
        assert_eq!(
            Prose::read(dir.path()).html(Slot::Cautions),
            "<p>Mind the <em>gap</em>.</p>\n"
        );
    }
}
