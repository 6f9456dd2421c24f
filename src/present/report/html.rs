//! HTML pieces the report's sections share: escaping, a kind's colour, a quote marked inside its
//! sentence, and a chart's SVG inlined so that it scales with the page.

use std::fmt::Write as _;

use crate::analysis::coverage::{self, Class};
use crate::english::figure;
use crate::english::passage;
use crate::model::SourceKind;
use crate::present::chart::theme::kind_color;
use crate::present::chart::Rendered;

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

/// A source kind's chart colour as a CSS hex colour.
pub(super) fn hex(kind: SourceKind) -> String {
    let c = kind_color(kind);
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// A quote shown inside its sentence: the quote marked, the figures in it in bold.
pub fn quote_in_sentence(body: &str, quote: &str) -> String {
    let Some(span) = passage::find_all(body, quote).into_iter().next() else {
        return format!("<mark>{}</mark>", escape(quote));
    };
    // A window of the sentence: a sentence of 5,000 figures is not copied 5,000 times.
    let window = passage::sentence_window(body, &span, passage::REACH);
    let sentence = window.range;
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
    let (before, after) = (
        if window.cut_before { "…" } else { "" },
        if window.cut_after { "…" } else { "" },
    );
    format!(
        "{before}{}<mark>{inner}</mark>{}{after}",
        escape(&body[sentence.start..span.start]),
        escape(&body[span.end..sentence.end])
    )
}

/// Turns a chart into a figure that scales with the page: its desktop drawing, and its phone
/// drawing (labels above the rows) when there is one, of which the style sheet shows one.
pub(super) fn inline_svg(c: &Rendered, phone: Option<&Rendered>) -> String {
    let mut out = String::from("<figure>");
    match phone {
        Some(p) => {
            out.push_str(&svg_element(&c.svg, "wide", &c.title));
            out.push_str(&svg_element(&p.svg, "phone", &c.title));
        }
        None => out.push_str(&svg_element(&c.svg, "only", &c.title)),
    }
    out.push_str(&format!(
        "<figcaption>{}</figcaption></figure>\n",
        escape(&c.title)
    ));
    out
}

/// An SVG document as an inline `<svg>` element of `class`, sized by its viewBox and labelled
/// for screen readers.
fn svg_element(svg: &str, class: &str, title: &str) -> String {
    let Some(open_end) = svg.find('>') else {
        return String::new();
    };
    let head = &svg[..open_end];
    let view = head
        .find("viewBox=\"")
        .and_then(|i| head[i + 9..].split('"').next())
        .unwrap_or("0 0 1000 600");
    format!(
        "<svg class=\"{class}\" viewBox=\"{view}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Chart: {}\"{}",
        escape(title),
        &svg[open_end..]
    )
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
