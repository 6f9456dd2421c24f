//! `reckon report`: one self-contained HTML file, checked as text and in headless Chromium.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::workdir::{shipped_data, Workdir};

fn quotes(data: &std::path::Path) -> Vec<String> {
    let mut reader = csv::Reader::from_path(data.join("estimates.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    let at = header.iter().position(|h| h == "quote").unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[at].to_string())
        .collect()
}

/// The text of an HTML document: tags dropped, the entities reckon writes decoded.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn the_report_is_self_contained_and_shows_every_quote() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["report", "-o", "report.html"]).code(0);
    let html = wd.read("report.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "no scripts");
    assert!(
        !html.contains("http://")
            || html.matches("http://").count()
                == html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "no fetches"
    );
    assert!(!html.contains("https://"), "no fetches");
    // Every chart inline twice: drawn for a desktop page and for a phone's column.
    let wide = html.matches("<svg class=\"wide\" viewBox=").count();
    assert!(wide > 20, "charts inline");
    assert_eq!(
        html.matches("<svg class=\"phone\" viewBox=\"0 0 360 ")
            .count(),
        wide
    );
    let text = visible_text(&html);
    for quote in quotes(&shipped_data()) {
        assert!(
            text.contains(&quote),
            "the report lacks the quote `{quote}`"
        );
    }
    // The arithmetic written out, broken relations first, and the reading guide.
    assert!(text.contains("353,074 + 328,612 = 681,686; stated 681,692"));
    assert!(html.find("badge broken").unwrap() < html.find("badge holds").unwrap());
    assert!(text.contains("How to read these figures"));
    assert!(text.contains("What the archives leave out"));
    assert!(text.contains("Where the text contradicts itself"));
    assert!(text.contains("What the curation covers"));
}

#[test]
fn the_report_marks_the_quote_inside_its_sentence() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["report", "-o", "report.html"]).code(0);
    let html = wd.read("report.html");
    assert!(html.contains(
        "historians now estimate that <mark>nearly <strong>700,000</strong></mark> people"
    ));
}

#[test]
fn data_is_escaped_in_the_report() {
    let wd = Workdir::with_shipped_data();
    wd.edit(
        "data/sources.csv",
        "erlikman,Vadim Erlikman,",
        "erlikman,<script>alert(1)</script>\"><img src=x onerror=alert(1)>,",
    );
    wd.run(&["report", "-o", "report.html"]).code(0);
    let html = wd.read("report.html");
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    ));
}

#[test]
fn build_writes_the_report() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(0);
    assert!(wd.read("exports/report.html").contains("<!DOCTYPE html>"));
}

#[test]
fn the_report_works_on_another_dataset() {
    let wd = Workdir::with_second_dataset();
    wd.run(&["report", "-o", "report.html"]).code(0);
    let text = visible_text(&wd.read("report.html"));
    for needle in [
        "Mary Holt",
        "Parish register",
        "nearly 400",
        "215 + 137 = 352",
        "312 from Parish register",
    ] {
        assert!(text.contains(needle), "report lacks `{needle}`");
    }
}

// Regression: the report stated facts about the Stalin article (the archives, 1991) for any text.
#[test]
fn article_specific_prose_stays_out_of_another_datasets_report() {
    let wd = Workdir::with_second_dataset();
    wd.run(&["report", "-o", "report.html"]).code(0);
    let text = visible_text(&wd.read("report.html"));
    for needle in ["archives opened in 1991", "the state that did the killing"] {
        assert!(!text.contains(needle), "the flood's report says `{needle}`");
    }
    assert!(text.contains("The text attributes its figures to these sources, grouped by kind."));
}

#[test]
fn a_datasets_report_md_speaks_in_its_slots_escaped() {
    let wd = Workdir::with_second_dataset();
    wd.write(
        "data/report.md",
        "## sources\nThe **parish** counted the <script>dead</script>.\n",
    );
    wd.run(&["report", "-o", "report.html"]).code(0);
    let html = wd.read("report.html");
    assert!(html.contains(
        "<p>The <strong>parish</strong> counted the &lt;script&gt;dead&lt;/script&gt;.</p>"
    ));
    assert!(!html.contains("<script>"));
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let out = Command::new("which").arg(name).output().ok()?;
            out.status
                .success()
                .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
        })
}

/// Chromium, or `None` when it is not installed (outside CI, whose .ci/run installs it): the
/// test named `test` then says it skipped.
pub(crate) fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    let bin = chromium();
    if bin.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium (.ci/run does)"
        );
        eprintln!("SKIPPED {test}: chromium is not installed");
    }
    bin
}

fn headless(bin: &Path, wd: &Workdir, extra: &[String]) -> std::process::Output {
    headless_page(bin, wd, "report.html", extra)
}

/// Headless Chromium on the work dir's `page` with `extra` flags (a screenshot, a DOM dump).
pub(crate) fn headless_page(
    bin: &Path,
    wd: &Workdir,
    page: &str,
    extra: &[String],
) -> std::process::Output {
    let mut args: Vec<String> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(format!("--user-data-dir={}", wd.path("profile").display()));
    args.extend_from_slice(extra);
    args.push(format!("file://{}", wd.path(page).display()));
    Command::new(bin)
        .args(&args)
        .output()
        .expect("running chromium")
}

/// The report in a real browser: no console errors, every quote in the DOM, and screenshots at
/// phone and desktop widths. CI installs Chromium; elsewhere the test says it skipped.
#[test]
fn the_report_renders_in_headless_chromium() {
    let Some(bin) = chromium_or_skip("the_report_renders_in_headless_chromium") else {
        return;
    };
    let wd = Workdir::with_shipped_data();
    wd.run(&["report", "-o", "report.html"]).code(0);
    let dom = headless(&bin, &wd, &["--dump-dom".to_string()]);
    assert!(
        dom.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let stderr = String::from_utf8_lossy(&dom.stderr);
    assert!(!stderr.contains("CONSOLE("), "console messages: {stderr}");
    let text = visible_text(&String::from_utf8_lossy(&dom.stdout));
    for quote in quotes(&shipped_data()) {
        assert!(
            text.contains(&quote),
            "the rendered DOM lacks the quote `{quote}`"
        );
    }
    for (name, width) in [("phone", 390), ("desktop", 1280)] {
        let shot = wd.path(&format!("{name}.png"));
        let out = headless(
            &bin,
            &wd,
            &[
                format!("--screenshot={}", shot.display()),
                format!("--window-size={width},2400"),
            ],
        );
        assert!(
            out.status.success(),
            "screenshot failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let png = std::fs::read(&shot).expect("a screenshot");
        let (w, h) = reckon::present::chart::png_size(&png).unwrap();
        assert_eq!((w, h), (width, 2400), "{name} screenshot size");
    }
}

/// Issue 14: `--only` keeps a report to what a lesson needs: no quote of another category's
/// figures appears in it, while every quote of the chosen ones does.
#[test]
fn a_focused_report_holds_only_the_named_categories() {
    let wd = Workdir::with_shipped_data();
    wd.run(&[
        "report",
        "--only",
        "famine_deaths,executions",
        "-o",
        "r.html",
    ])
    .code(0);
    // Figures inside a quote are set in bold; the quote's words are contiguous without it.
    let html = wd
        .read("r.html")
        .replace("<strong>", "")
        .replace("</strong>", "");
    let category_of: std::collections::HashMap<String, String> =
        csv::Reader::from_path(wd.path("data/quantities.csv"))
            .unwrap()
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[0].to_string(), r[2].to_string())
            })
            .collect();
    let mut reader = csv::Reader::from_path(wd.path("data/estimates.csv")).unwrap();
    let (mut inside, mut outside) = (0, 0);
    for row in reader.records() {
        let row = row.unwrap();
        let (quantity, quote) = (&row[1], &row[8]);
        // A quote as the report escapes it.
        let shown = quote
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('\'', "&#x27;");
        if shown.len() < 12 {
            continue; // short quotes ("40 people") can stand inside other sentences
        }
        let chosen = matches!(
            category_of.get(quantity).map(String::as_str),
            Some("famine_deaths" | "executions")
        );
        if chosen {
            inside += 1;
            assert!(html.contains(&shown), "missing {quote:?}");
        } else if html.contains(&format!("<mark>{shown}</mark>")) {
            outside += 1;
            eprintln!("other category's quote shown: {quote:?}");
        }
    }
    assert!(inside > 5);
    assert_eq!(outside, 0);
    wd.run(&["report", "--only", "famin", "-o", "r.html"])
        .code(2)
        .stderr_has("--only `famin` names no quantity, category or relation");
}

/// Categories of people affected come first; polls, measures, distances and economy figures
/// close the report under "Other figures", and categories.csv moves any category there.
#[test]
fn people_counted_first_other_figures_last() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["report", "-o", "r.html"]).code(0);
    let html = wd.read("r.html");
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("the report lacks {needle}"))
    };
    let people = at(">People counted</h2>");
    let other = at(">Other figures</h2>");
    assert!(people < other);
    // "famine_deaths" counts people; "polls" (percent) and "distances" (miles, km) do not.
    assert!(people < at("id=\"cat-famine_deaths") && at("id=\"cat-famine_deaths") < other);
    assert!(other < at("id=\"cat-polls") && other < at("id=\"cat-distances"));
    // Armed forces count people, but categories.csv sends them to "Other figures".
    assert!(other < at("id=\"cat-war_forces"));
    // The contents list the parts with their categories.
    let nav = &html[at("<nav>")..at("</nav>")];
    assert!(nav.find("People counted").unwrap() < nav.find("Famine deaths").unwrap());
    assert!(nav.find("Other figures").unwrap() < nav.find("Polls").unwrap());

    // Without categories.csv the armed forces stay with the people counted.
    std::fs::remove_file(wd.path("data/categories.csv")).unwrap();
    wd.run(&["report", "-o", "r2.html"]).code(0);
    let html = wd.read("r2.html");
    assert!(html.find("id=\"cat-war_forces").unwrap() < html.find(">Other figures</h2>").unwrap());

    // A focused report of one part has no part headings.
    wd.run(&["report", "--only", "famine_deaths", "-o", "r3.html"])
        .code(0);
    assert!(!wd.read("r3.html").contains("class=\"part\""));
}

/// A restatement names whose figure it restates, as the text words it, not the original's id.
#[test]
fn a_restatement_names_the_figure_it_restates() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["report", "-o", "r.html"]).code(0);
    let html = wd.read("r.html");
    // "6–8 million famine victims", credited to "Some authors including famine deaths".
    assert!(html.contains(
        "restates Some authors including famine deaths&#39; 6–8 million: not counted again"
    ));
    assert!(!html.contains("restates e_"));
}

/// A dataset whose text is one sentence of `n` figures ("10,000 men, 10,001 men, …"), twenty
/// of them quoted by estimates; and the text's size in bytes.
fn one_long_sentence(n: usize) -> (Workdir, usize) {
    let figures: Vec<String> = (0..n)
        .map(|i| format!("{},{:03} men", 10 + i / 1000, i % 1000))
        .collect();
    let text = format!("The districts counted {}.\n", figures.join(", "));
    let rows: Vec<String> = (0..20)
        .map(|i| format!("q{i},,{},,exact,\"{}\"", 10_000 + i * 97, figures[i * 97]))
        .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let quantities: Vec<(String, &str)> = (0..20).map(|i| (format!("q{i}"), "people")).collect();
    let quantities: Vec<(&str, &str)> = quantities.iter().map(|(q, u)| (q.as_str(), *u)).collect();
    (
        crate::workdir::tiny(&text, &quantities, &rows, &[]),
        text.len(),
    )
}

// Regression (issue 16): one 74 KB sentence of 5,000 figures made a 289 MB report (and a
// coverage of gigabytes), each figure shown with the whole sentence; output is linear now.
#[test]
fn a_sentence_of_thousands_of_figures_keeps_report_and_coverage_linear() {
    let sizes = |n: usize| {
        let (wd, text) = one_long_sentence(n);
        wd.run(&["report", "-o", "r.html"]).code(0);
        let report = std::fs::metadata(wd.path("r.html")).unwrap().len() as usize;
        let coverage = wd
            .run(&["coverage", "--format", "json"])
            .code(0)
            .stdout
            .len();
        (text, report, coverage)
    };
    let (text, report, coverage) = sizes(5_000);
    let (_, half_report, half_coverage) = sizes(2_500);
    // Each figure is shown with at most 300 characters on either side: about 700 bytes of
    // sentence and 200 of markup, whatever the sentence's length.
    assert!(
        report < 1_000 * 5_000,
        "report {report} for a text of {text}"
    );
    assert!(
        coverage < 1_000 * 5_000,
        "coverage {coverage} for a text of {text}"
    );
    // Twice the figures, about twice the output (it was four times).
    assert!(
        report < 2 * half_report + 100_000,
        "{half_report} then {report}"
    );
    assert!(
        coverage < 2 * half_coverage + 100_000,
        "{half_coverage} then {coverage}"
    );
}
