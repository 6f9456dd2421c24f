//! `reckon check` on bad rows: each bad cell is named once, with its line and column, and no bad
//! row hides another or silently drops out.

use crate::workdir::{check_fails, tiny, Workdir, EST};

#[test]
fn wrong_types_name_the_cell() {
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "chronicle,,312,", "chronicle,,three hundred,");
    wd.edit(
        "data/quantities.csv",
        "Eastvale,1872,1873",
        "Eastvale,1872,next year",
    );
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&[
            "data/estimates.csv:2:",
            "error[bad-number]",
            "`point`",
            "three hundred",
        ])
        .line_has(&[
            "data/quantities.csv:6:",
            "error[bad-year]",
            "`period_end`",
            "next year",
        ]);
}

#[test]
fn numbers_that_are_negative_nan_infinite_huge_or_formatted_are_rejected() {
    for (cell, says) in [
        ("-312", "negative"),
        ("NaN", "not a number"),
        ("inf", "not a number"),
        ("1e300", "absurdly large"),
        ("3,120", "without separators: 3120"),
        // A comma before two digits is a decimal comma, not a separator (issue 16).
        ("3,12", "decimal point as a full stop: 3.12"),
        ("312 people", "in digits without words"),
    ] {
        let wd = Workdir::with_second_dataset();
        wd.edit(EST, "chronicle,,312,", &format!("chronicle,,\"{cell}\","));
        check_fails(&wd).code(1).line_has(&[
            "data/estimates.csv:2:",
            "error[bad-number]",
            "`point`",
            says,
        ]);
    }
}

// Regression: a range with low equal to high passed the value check.
#[test]
fn a_range_or_band_with_one_end_repeated_is_a_value_mismatch() {
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "chronicle,350,,420,range", "chronicle,350,,350,range");
    check_fails(&wd).code(1).line_has(&[
        "data/estimates.csv:4:",
        "error[value-mismatch]",
        "both 350",
        "350 to 420",
    ]);
}

#[test]
fn duplicate_ids_dangling_references_unknown_qualifiers_and_empty_quotes() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        EST,
        "e_mayor,flood_deaths,mayor",
        "e_register,flood_death,mayr",
    );
    wd.edit(EST, "range,between 350", "rnage,between 350");
    wd.edit(EST, "exact,215 were children,", "exact,,");
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&["data/estimates.csv:3:1: error[duplicate-id]", "line 2"])
        .line_has(&[
            "data/estimates.csv:3:",
            "error[unknown-reference]",
            "flood_death",
        ])
        .line_has(&["data/estimates.csv:3:", "error[unknown-reference]", "mayr"])
        .line_has(&[
            "data/estimates.csv:4:",
            "error[bad-qualifier]",
            "rnage",
            "range",
        ])
        .line_has(&["data/estimates.csv:5:", "error[empty-quote]"]);
}

// Regression: a newline in an id broke one finding per line; explain echoed a 10 KB id.
#[test]
fn control_characters_and_huge_ids_are_shown_escaped_and_short() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        EST,
        "e_mayor,flood_deaths,",
        "\"e_m\nay\u{1b}[31mor\",flood_deaths,",
    );
    let run = check_fails(&wd);
    run.line_has(&["error[bad-id]", "e_m\\nay\\u{1b}[31mor"]);
    for line in run.stdout.lines() {
        assert!(
            line.contains(": error[") || line.contains(": warning[") || line.starts_with("data:"),
            "{line}"
        );
    }
    let long = "x".repeat(10_000);
    let run = Workdir::with_second_dataset().run(&["explain", &long]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.len() < 1_000, "{} bytes", run.stderr.len());
}

#[test]
fn one_bad_row_never_hides_the_others() {
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "chronicle,,312,", "chronicle,,-312,");
    wd.edit(EST, "nearly,nearly 400", "nearly,almost 400");
    wd.edit(
        EST,
        "e_children,flood_child_deaths,holt,chronicle,,215",
        "e_children,flood_child_deaths,holt,chronicle,,\"2,15\"",
    );
    wd.edit(
        "data/sources.csv",
        "holt,Mary Holt,historian",
        "holt,Mary Holt,historien",
    );
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&["data/estimates.csv:2:", "bad-number"])
        .line_has(&["data/estimates.csv:3:", "quote-not-found"])
        .line_has(&["data/estimates.csv:5:", "bad-number"])
        .line_has(&["data/sources.csv:4:", "bad-kind", "historian"]);
    // Every row is accounted for: reconcile refuses the data rather than dropping rows.
    let rec = wd.run(&["reconcile"]);
    assert_eq!(rec.code, 1, "{}", rec.stderr);
}

// Regression: one fault also raised no-rows, missing-value or unknown-reference.
#[test]
fn one_fault_raises_no_misleading_follow_on_finding() {
    // An extra header column: the rows are there, so no `no-rows`.
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "quote,note\n", "quote,note,extra\n");
    let run = check_fails(&wd);
    assert!(!run.stdout.contains("no-rows"), "{}", run.stdout);
    run.line_has(&["data/estimates.csv:2:1: error[field-count]"]);
    // A bad number is reported once, not again as missing.
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "chronicle,,312,", "chronicle,,0x10,");
    let run = check_fails(&wd);
    run.line_has(&["data/estimates.csv:2:", "error[bad-number]"]);
    assert!(!run.stdout.contains("missing-value"), "{}", run.stdout);
    // An empty or BOM-only text: one finding, not one per estimate that quotes it.
    let wd = Workdir::with_second_dataset();
    wd.write("data/texts/chronicle.txt", "\u{feff}");
    let run = check_fails(&wd);
    run.line_has(&["error[text-empty]", "chronicle.txt"]);
    assert!(!run.stdout.contains("unknown-reference"), "{}", run.stdout);
    assert!(!run.stdout.contains("quote-not-found"), "{}", run.stdout);
    // Non-UTF-8 in a text: the line and column in the text itself.
    let wd = Workdir::with_second_dataset();
    let mut body = wd.read("data/texts/chronicle.txt").into_bytes();
    let at = body.iter().position(|&b| b == b'\n').unwrap() + 5;
    body[at] = 0xFF;
    wd.write("data/texts/chronicle.txt", body);
    check_fails(&wd).line_has(&["data/texts/chronicle.txt:2:5:", "error[not-utf8]"]);
}

// Regression: the value check accepted any number of the quote, so setting the 1937
// executions to the year in "353,074 in 1937" passed, and the text was blamed instead.
#[test]
fn a_year_in_the_quote_is_never_the_figure() {
    let wd = Workdir::with_shipped_data();
    wd.edit(EST, ",353074,", ",1937,");
    let run = wd.run(&["check"]);
    run.code(1).line_has(&[
        "value-mismatch",
        "`point` is 1937 but the quote \"353,074 in 1937\" states 353,074",
    ]);
    // The relation resting on the slip is not judged, so the text is not blamed for it.
    assert!(
        !run.stdout.contains("r_great_purge_years_vs_archival"),
        "{}",
        run.stdout
    );
    wd.edit(EST, ",1937,", ",353074,");
    // A range set to the years of "the 1932–1933 famine".
    wd.edit(
        EST,
        "stalin-article,6000000,,8000000,range,6 to 8 million people",
        "stalin-article,1932,,1933,range,6 to 8 million people",
    );
    wd.run(&["check"])
        .code(1)
        .line_has(&["value-mismatch", "`low` is 1932"])
        .line_has(&["value-mismatch", "`high` is 1933"]);
}

// Regression (issue 13): "2 war-related million deaths" could not be encoded; a `reading`
// column now states the value, reported as a note that never fails check, even with --strict.
#[test]
fn a_curators_reading_of_irregular_words_is_a_note_and_passes() {
    let wd = tiny(
        "The war brought 2 war-related million deaths.",
        &[("q", "people")],
        &["q,,2000000,,exact,2 war-related million deaths"],
        &[],
    );
    wd.edit(EST, "quote,note\n", "quote,note,reading\n");
    wd.edit(EST, "million deaths,\n", "million deaths,,2000000\n");
    wd.run(&["check"])
        .code(0)
        .line_has(&[
            "data/estimates.csv:2:",
            "note[curator-reading]",
            "is read as 2000000 by the curator",
            "reads 2, million in it",
        ])
        .line_has(&["0 error(s), 0 warning(s), 1 note(s)"]);
    wd.run(&["check", "--strict"]).code(0);
    let json = wd.run(&["check", "--format", "json"]).json();
    assert_eq!(json[0]["severity"], "note");
    // explain shows the reading beside the quote.
    wd.run(&["explain", "e0"])
        .code(0)
        .line_has(&["reading    2000000: the curator's reading of the words"]);
    // A reading the row does not agree with is an error like any other mismatch.
    wd.edit(EST, ",,2000000\n", ",,3000000\n");
    check_fails(&wd).line_has(&["error[value-mismatch]", "`reading` is 3000000"]);
}
