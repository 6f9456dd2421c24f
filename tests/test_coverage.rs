//! `reckon coverage`: figures no quote covers, with dates and the like listed apart.

use crate::workdir::Workdir;

#[test]
fn shipped_data_coverage_lists_figures_and_sets_dates_apart() {
    let wd = Workdir::with_shipped_data();
    let run = wd.run(&["coverage", "--format", "json"]);
    run.code(0);
    let report = run.json();
    let found = report["found"].as_array().unwrap();
    let find = |figure: &str, line: u64| {
        found
            .iter()
            .find(|f| f["figure"] == figure && f["line"] == line)
            .unwrap_or_else(|| panic!("`{figure}` on line {line} not found"))
    };
    // Line 11 of the article: "born ... on 18 December 1878": a date, not a figure to curate.
    assert_eq!(find("18", 11)["class"], "date");
    // "At seven, he contracted smallpox": an age.
    assert_eq!(find("seven", 11)["class"], "age");
    // "Order No. 270": an identifier.
    let order = found.iter().find(|f| f["figure"] == "270").unwrap();
    assert_eq!(order["class"], "identifier");
    // "353,074" is covered by its estimate's quote.
    let purge = found.iter().find(|f| f["figure"] == "353,074").unwrap();
    assert_eq!(purge["covered"], true);
    assert_eq!(purge["class"], "figure");
    let covered = report["covered"].as_u64().unwrap();
    let figures = report["figures"].as_u64().unwrap();
    assert!(
        covered <= figures && covered > 100,
        "{covered} of {figures}"
    );
}

#[test]
fn text_output_has_sections_and_a_summary() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["coverage"])
        .code(0)
        .stdout_has("Figures no estimate covers")
        .stdout_has("Listed apart: dates, years, ages, identifiers")
        .line_has(&["coverage:", "figures covered", "dates", "years"]);
}

#[test]
fn an_uncovered_figure_in_another_dataset_is_listed_with_its_place() {
    let wd = Workdir::with_second_dataset();
    // Remove the estimate that covers "1,240 houses": coverage must now list it.
    let estimates = wd.read("data/estimates.csv");
    let kept: Vec<&str> = estimates
        .lines()
        .filter(|l| !l.starts_with("e_houses,"))
        .collect();
    wd.write("data/estimates.csv", kept.join("\n") + "\n");
    wd.run(&["coverage"])
        .code(0)
        .line_has(&[
            "chronicle.txt:2:",
            "figure \"1,240\"",
            "destroyed 1,240 houses",
        ])
        .line_has(&["year \"1872\""]);
}

#[test]
fn the_second_dataset_is_fully_covered() {
    let wd = Workdir::with_second_dataset();
    let run = wd.run(&["coverage", "--format", "json"]);
    run.code(0);
    let report = run.json();
    assert_eq!(report["covered"], report["figures"]);
}

/// The shipped data's uncovered figures are exactly those README justifies leaving out.
#[test]
fn the_shipped_data_leaves_out_only_the_figures_readme_justifies() {
    let wd = Workdir::with_shipped_data();
    let run = wd.run(&["coverage", "--format", "json"]);
    run.code(0);
    let report = run.json();
    let mut uncovered: Vec<(u64, String)> = report["found"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["class"] == "figure" && f["covered"] == false)
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["figure"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    uncovered.sort();
    // README "Coverage": line of the text and the figure as written.
    let mut justified: Vec<(u64, String)> = [
        (11, "two"),          // two horse-drawn carriage accidents
        (17, "seven times"),  // exiled seven times
        (28, "three"),        // All three of them were "Old Bolsheviks"
        (66, "three"),        // a committee of three
        (76, "two"),          // two key characters
        (85, "five"),         // five of the small highland peoples
        (91, "200%"),         // industrial production
        (91, "50%"),          // agricultural production
        (103, "twenty six"),  // countries recognising the Holodomor
        (104, "1.8 million"), // tons of grain
        (108, "13%"),         // industrial output
        (132, "hundreds"),    // parishes in the low hundreds
        (132, "54,000"),      // parishes in 1917
        (132, "Thousands"),   // parishes reactivated
        (133, "hundreds"),    // churches and other buildings
        (137, "two"),         // two classes
        (137, "two"),         // two forms of property
        (160, "10%"),         // of Finnish territory
        (170, "two"),         // two agreements
        (178, "half"),        // of the territory
        (216, "3 times"),     // "3 times YES", a referendum's name
        (228, "two"),         // the two leaders
        (246, "four"),        // four labor camps
        (282, "three"),       // three teeth
        (287, "millions"),    // "millions of my sons"
        (297, "four"),        // four dachas
        (304, "a million"),   // "death of a million is a statistic"
    ]
    .iter()
    .map(|&(l, f)| (l, f.to_string()))
    .collect();
    justified.sort();
    assert_eq!(uncovered, justified);
    let (figures, covered) = (report["figures"].as_u64(), report["covered"].as_u64());
    assert_eq!(figures.unwrap() - covered.unwrap(), 27);
}

// Regression: coverage panicked on a figure right after a multi-byte space.
#[test]
fn a_figure_after_a_no_break_space_does_not_crash_coverage_or_report() {
    let wd = Workdir::with_second_dataset();
    let mut text = wd.read("data/texts/chronicle.txt");
    text.push_str("See p.\u{a0}12, p.\u{2009}13 and\u{202f}T-34.\u{2028}Also 14.\n");
    wd.write("data/texts/chronicle.txt", text);
    for args in [
        vec!["coverage"],
        vec!["report", "-o", "r.html"],
        vec!["build", "--charts", "g", "--out", "o"],
    ] {
        let run = wd.run(&args);
        assert!(
            !run.stderr.contains("panicked"),
            "{:?}: {}",
            args,
            run.stderr
        );
        assert_eq!(run.code, 0, "{:?}: {}", args, run.stderr);
    }
}
