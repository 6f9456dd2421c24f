//! One number style: every figure a person reads in the gallery, the report and the tables is
//! written to the digits it is known to, with its unit. Scans what `build` writes.

use std::fs;

use crate::workdir::Workdir;

/// The visible text of an SVG (its `<text>` elements) or of an HTML page (outside tags,
/// scripts and styles), one line per element.
fn visible(markup: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = markup;
    let mut line = String::new();
    while let Some(open) = rest.find('<') {
        line.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open..close];
        for skipped in ["<style", "<script"] {
            if tag.starts_with(skipped) {
                let end = format!("</{}", &skipped[1..]);
                let stop = rest[close..].find(&end).map_or(rest.len(), |e| close + e);
                rest = &rest[stop..];
                continue;
            }
        }
        if !line.trim().is_empty() {
            out.push(unescape(line.trim()));
        }
        line.clear();
        rest = &rest[close.min(rest.len())..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The numbers of a line as written ("31,623", "3162.28", "681.69k"), each with what follows it.
fn numbers(line: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '.'));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len()
            && (chars[j].is_ascii_digit()
                || ((chars[j] == ',' || chars[j] == '.')
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
        {
            j += 1;
        }
        let after: String = chars[j..].iter().take(9).collect();
        out.push((chars[i..j].iter().collect(), after));
        i = j;
    }
    out
}

/// Significant digits of a number as written: "31,623" 5, "700,000" 1, "163.25" 5.
fn significant(written: &str) -> usize {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    if written.contains('.') {
        digits.len()
    } else {
        digits.trim_end_matches('0').len()
    }
}

/// Every number written in the dataset's CSV files and texts: the figures as their authors wrote
/// them.
fn written_figures(dir: &std::path::Path) -> std::collections::HashSet<String> {
    let mut all = std::collections::HashSet::new();
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.extend(
        fs::read_dir(dir.join("texts"))
            .unwrap()
            .map(|e| e.unwrap().path()),
    );
    for f in files.iter().filter(|f| f.is_file()) {
        let text = fs::read_to_string(f).unwrap_or_default();
        for (n, _) in numbers(&text) {
            all.insert(n.replace(',', ""));
        }
    }
    all
}

/// The geometric mean of every magnitude estimate ("tens of thousands": 31,623), as the
/// figures reckon must never show.
fn magnitude_centres(estimates: &str) -> Vec<f64> {
    let mut lines = estimates.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (low, high, qualifier) = (col("low"), col("high"), col("qualifier"));
    lines
        .filter_map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            if cells.get(qualifier) != Some(&"magnitude") {
                return None;
            }
            let lo: f64 = cells.get(low)?.parse().ok()?;
            let hi: f64 = cells.get(high)?.parse().ok()?;
            Some((lo * hi).sqrt())
        })
        .collect()
}

#[test]
fn people_never_read_more_digits_than_a_figure_was_written_with() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["build", "--out", "out", "--charts", "charts"])
        .code(0);
    let written = written_figures(&wd.path("data"));
    let centres = magnitude_centres(&wd.read("data/estimates.csv"));
    // "tens of thousands", "millions": the shipped data has magnitudes, so the test can fail.
    assert!(centres.len() >= 2);
    let mut pages: Vec<(String, String)> = vec![("report.html".into(), wd.read("out/report.html"))];
    for entry in fs::read_dir(wd.path("charts")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "svg") {
            pages.push((
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    let table = wd.run(&["reconcile", "--format", "markdown"]);
    table.code(0);
    pages.push(("reconcile --format markdown".into(), table.stdout.clone()));
    let mut bad = Vec::new();
    for (name, page) in &pages {
        let lines = if name.ends_with(".html") || name.ends_with(".svg") {
            visible(page)
        } else {
            page.lines().map(str::to_string).collect()
        };
        for line in &lines {
            // Arithmetic keeps its figures exact: "353,074 + 328,612 = 681,686", a signed
            // difference "+199,488 (+5%)"; so does a count of characters.
            let arithmetic = line.contains(" = ")
                || line.contains("difference")
                || line.starts_with(['+', '-'])
                || line.contains(" characters)");
            for (n, after) in numbers(line) {
                let plain = n.replace(',', "");
                // No "681.69k": a scaled figure has at most one decimal before "k".
                let two_decimals = n.split_once('.').is_some_and(|(_, f)| f.len() >= 2);
                if two_decimals && after.starts_with('k') {
                    bad.push(format!("{name}: {n}{after} in {line:?}"));
                }
                let value: f64 = plain.parse().unwrap_or(f64::NAN);
                if centres
                    .iter()
                    .any(|c| (value - c).abs() < 1.0 && (value - c.round()).abs() < 1.0)
                {
                    bad.push(format!("{name}: geometric mean {n} in {line:?}"));
                }
                if significant(&n) > 4 && !arithmetic && !written.contains(&plain) {
                    bad.push(format!("{name}: {n} has digits no one wrote, in {line:?}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{} numbers:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn figures_carry_their_unit() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["build", "--out", "out", "--charts", "charts"])
        .code(0);
    // "35 percent said they would vote for him": a share, written with its sign.
    let polls = wd.read("charts/category-polls.svg");
    assert!(polls.contains("35%"), "the polls overview writes 35%");
    // "1,050 miles (1,690 kilometers)": the conversion's result carries km.
    let report = wd.read("out/report.html");
    assert!(report.contains("1,690 km"), "the report writes 1,690 km");
    let table = wd.run(&["reconcile"]);
    table
        .code(0)
        .line_has(&["Stalin's height (cm)", "160–168 cm"]);
}
