//! `reckon check` on quotes: a quote must hold the whole figure it stands for, read as written,
//! and a quote that is not found gets the hint that explains why.

use crate::workdir::{check_fails, tiny, Workdir, EST};

// Regression: "2,345 people" matched inside "12,345 people", a figure the text never states.
#[test]
fn a_quote_that_cuts_into_a_longer_figure_is_an_error() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        EST,
        ",,312,,exact,records 312 deaths,",
        ",,12,,exact,12 deaths,",
    );
    wd.edit(
        EST,
        ",,1240,,exact,\"1,240 houses\",",
        ",,240,,exact,\"240 houses\",",
    );
    wd.edit(
        EST,
        ",,2000,,about,\"Some 2,000 residents\",",
        ",,2,,about,\"Some 2\",",
    );
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&[
            "data/estimates.csv:2:",
            "error[quote-cuts-figure]",
            "\"312 deaths\"",
        ])
        .line_has(&[
            "data/estimates.csv:7:",
            "error[quote-cuts-figure]",
            "\"1,240 houses\"",
        ])
        .line_has(&[
            "data/estimates.csv:8:",
            "error[quote-cuts-figure]",
            "\"Some 2,000\"",
        ]);
    // The whole figure is still found where it also stands on its own.
    let wd = Workdir::with_second_dataset();
    let text = wd.read("data/texts/chronicle.txt") + "Of 1,312 houses, 312 stood.\n";
    wd.write("data/texts/chronicle.txt", text);
    wd.edit(
        EST,
        ",,1240,,exact,\"1,240 houses\",",
        ",,312,,exact,312 stood,",
    );
    wd.run(&["check"]).code(0);
}

// Regression: ",345 people" matched in "12,345 people", "five thousand" in "thirty-five thousand".
#[test]
fn a_separator_number_word_or_possessive_before_a_quote_cuts_the_figure() {
    for (text, row) in [
        (
            "The survey found 12,345 people.",
            "q,,345,,exact,\",345 people\"",
        ),
        ("about 12.5 million.", "q,,5000000,,exact,.5 million"),
        (
            "thirty-five thousand men",
            "q,,5000,,exact,five thousand men",
        ),
        (
            "twenty five thousand men",
            "q,,5000,,exact,five thousand men",
        ),
        ("Stalin's 500 guards", "q,,500,,exact,s 500 guards"),
    ] {
        let wd = tiny(text, &[("q", "people")], &[row], &[]);
        check_fails(&wd).line_has(&["error[quote-cuts-figure]"]);
    }
    // Scripts written without spaces: a figure beside a letter stands on its own.
    let wd = tiny(
        "据统计，约有500人死亡。",
        &[("q", "people")],
        &["q,,500,,exact,500人"],
        &[],
    );
    wd.run(&["check"]).code(0);
}

// Regression: the whole-figure test was quadratic: 3 million digits took over a minute.
#[test]
fn a_quote_inside_a_huge_token_is_checked_in_linear_time() {
    let text = format!("{} and 5 people", "1".repeat(3_000_000));
    let wd = tiny(
        &text,
        &[("q", "people")],
        &["q,,5,,exact,5 people", "q,,1,,exact,1"],
        &[],
    );
    let started = std::time::Instant::now();
    check_fails(&wd).line_has(&["data/estimates.csv:3:", "error[quote-cuts-figure]"]);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

// Regression: a quote across a CRLF line break was told to look for no-break spaces and en dashes.
#[test]
fn a_quote_across_a_crlf_line_break_gets_the_right_hint() {
    let wd = Workdir::with_second_dataset();
    let text = wd.read("data/texts/chronicle.txt").replace('\n', "\r\n");
    wd.write("data/texts/chronicle.txt", text);
    wd.edit(
        EST,
        "\"Some 2,000 residents\"",
        "\"and 137 adults.\nSome 2,000 residents\"",
    );
    check_fails(&wd)
        .line_has(&["error[quote-not-found]", "CRLF line ending"])
        .stdout_lacks("U+00A0");
}

// Regression: "tens of thousands" passed as exact; "a half dozen", feet and unknown units misread.
#[test]
fn vague_magnitudes_number_words_and_unknown_units_are_read_as_written() {
    let wd = tiny(
        "tens of thousands died",
        &[("q", "people")],
        &["q,,10000,,exact,tens of thousands"],
        &[],
    );
    check_fails(&wd).line_has(&["error[qualifier-mismatch]", "`magnitude`"]);
    let wd = tiny(
        "a half dozen and a thousand million",
        &[("q", "people"), ("r", "people")],
        &[
            "q,,6,,exact,a half dozen",
            "r,,1000000000,,exact,a thousand million",
        ],
        &[],
    );
    wd.run(&["check"]).code(0);
    let wd = tiny(
        "It was 10 ft (3.048 m) long.",
        &[("a", "ft"), ("b", "m")],
        &["a,,10,,exact,10 ft", "b,,3.048,,exact,3.048 m"],
        &["r,conversion,e1,e0,0.3048,,"],
    );
    wd.run(&["check"])
        .code(0)
        .stdout_lacks("text-inconsistency")
        .stdout_has("1 hold");
    // A unit reckon does not know is taken on trust.
    let wd = tiny(
        "It weighed 10 stone (63.5 kg).",
        &[("a", "stone"), ("b", "kg")],
        &["a,,10,,exact,10 stone", "b,,63.5,,exact,63.5 kg"],
        &["r,conversion,e1,e0,6.35029318,,"],
    );
    wd.run(&["check"]).code(0).stdout_lacks("unit-mismatch");
}
