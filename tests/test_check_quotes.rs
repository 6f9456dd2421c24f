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

// Regression (issue 16): "About 1 500 000" was read as 1, 500 and 0: a row of 500 passed and
// one of 1500000 was refused. Every conventional grouping of digits is one number.
#[test]
fn digits_grouped_by_spaces_or_full_stops_are_one_number() {
    for grouped in [
        "About 1 500 000",
        "About 1\u{a0}500\u{a0}000",
        "About 1\u{2009}500\u{2009}000",
        "About 1\u{202f}500\u{202f}000",
        "About 1.500.000",
    ] {
        let text = format!("{grouped} died in 1937.");
        let right = format!("q,,1500000,,about,{grouped}");
        tiny(&text, &[("q", "people")], &[right.as_str()], &[])
            .run(&["check"])
            .code(0);
        for wrong in ["1", "500"] {
            let row = format!("q,,{wrong},,about,{grouped}");
            check_fails(&tiny(&text, &[("q", "people")], &[row.as_str()], &[]))
                .line_has(&["data/estimates.csv:2:", "error[value-mismatch]"]);
        }
    }
    // Nor can a quote take one group of the number for a figure of its own.
    let text = "About 1 500 000 died in 1937 353 074 times.";
    for row in ["q,,1,,about,About 1", "q,,500000,,exact,500 000 died"] {
        check_fails(&tiny(text, &[("q", "people")], &[row], &[]))
            .line_has(&["data/estimates.csv:2:", "error[quote-cuts-figure]"]);
    }
    // A year before a grouped figure is not part of it.
    tiny(
        text,
        &[("q", "people")],
        &["q,,353074,,exact,353 074 times"],
        &[],
    )
    .run(&["check"])
    .code(0);
}

// Regression (issue 16): a soft hyphen inside "1\u{ad}500" split the figure in two, silently;
// an invisible character inside a number is an error on the row that names it.
#[test]
fn an_invisible_character_inside_a_number_is_an_error_naming_it() {
    for (c, name) in [
        ('\u{ad}', "U+00AD SOFT HYPHEN"),
        ('\u{200b}', "U+200B ZERO WIDTH SPACE"),
        ('\u{feff}', "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ] {
        let quote = format!("About 1{c}500 died");
        let text = format!("{quote} in 1937.");
        let row = format!("q,,1500,,about,{quote}");
        let escaped = format!("1\\u{{{:x}}}500", c as u32);
        check_fails(&tiny(&text, &[("q", "people")], &[row.as_str()], &[]))
            .line_has(&[
                "data/estimates.csv:2:",
                "error[invisible-in-number]",
                name,
                &escaped,
            ])
            .stdout_lacks("value-mismatch");
    }
}

// Regression (issue 16): a quote that differs from its text only invisibly (CR LF against LF,
// NFD against NFC, a byte-order mark) got no hint or the wrong one.
#[test]
fn a_quote_that_differs_only_invisibly_gets_a_hint_naming_the_difference() {
    for (text, quote, hint) in [
        (
            "In the camps\n400 died.",
            "\"camps\r\n400 died\"",
            "the quote has CR LF where the text has LF",
        ),
        (
            "In the café 400 died.",
            "cafe\u{301} 400 died",
            "the quote is NFD where the text is NFC",
        ),
        (
            "In the cafe\u{301} 400 died.",
            "café 400 died",
            "the quote is NFC where the text is NFD",
        ),
        (
            "In the camps 400 died.",
            "\u{feff}camps 400 died",
            "the quote starts with a byte-order mark",
        ),
        (
            "In the camps 400 died.",
            "camps\u{200b} 400 died",
            "U+200B ZERO WIDTH SPACE",
        ),
    ] {
        let row = format!("q,,400,,exact,{quote}");
        check_fails(&tiny(text, &[("q", "people")], &[row.as_str()], &[]))
            .line_has(&["data/estimates.csv:2:", "error[quote-not-found]", hint])
            .stdout_lacks("U+00A0");
    }
}
