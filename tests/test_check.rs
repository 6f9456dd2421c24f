//! `reckon check` on the shipped data and on broken copies of it.

use crate::workdir::{line_of, Workdir};

const ESTIMATES: &str = "data/estimates.csv";

#[test]
fn shipped_data_passes() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["check"])
        .code(0)
        .stdout_lacks("error[")
        .stdout_has("0 error(s)");
}

#[test]
fn the_untouched_second_dataset_passes() {
    Workdir::with_second_dataset().run(&["check"]).code(0);
}

#[test]
fn shipped_data_reports_the_texts_own_inconsistencies_as_warnings() {
    let wd = Workdir::with_shipped_data();
    let out = wd.run(&["check"]);
    // "five feet four inches high (160 cm)": 64 × 2.54 = 162.56 cm, the text's own slip,
    // written to the inch the text gives (2.54 cm): 163 cm.
    out.code(0).line_has(&[
        "warning[text-inconsistency]",
        "2.54 × 64 inch = about 163 cm",
        "stated 160 cm",
    ]);
    // 353,074 + 328,612 = 681,686, six short of the 681,692 the text quotes beside Conquest:
    // the yearly figures are the historians', the total the archives', so the two disagree.
    out.line_has(&[
        "warning[source-disagreement]",
        "681,686",
        "681,692",
        "off by 6",
        "different sources",
    ]);
    // --strict makes such findings errors.
    wd.run(&["check", "--strict"])
        .code(1)
        .line_has(&["error[source-disagreement]", "681,686"]);
}

/// Issue 12: Conquest's "some two and a half times" 681,692 (1.67–1.74 million) Great Purge
/// executions of 1937–38 alone exceed the whole era's "approximately 800,000" of the archives.
#[test]
fn shipped_data_reports_the_great_purge_above_the_whole_eras_executions() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["check"]).code(0).line_has(&[
        "warning[hierarchy-conflict]",
        "`e_gp_conquest_ratio` lies wholly above `e_archival_executions_800000`",
        // "about 2.5 times" 681,692: 2.45–2.55 × 681,692 = 1,670,145–1,738,315, to the
        // three digits of 2.45 and 2.55.
        "1.67–1.74 million",
        "about 800,000",
        "a disagreement between sources",
    ]);
}

/// Issue 12: the 1932–33 famine's "6–8 million" is restated ("Adding 6–8 million famine
/// victims", "6 million from famine"); restatements are listed but not counted.
#[test]
fn shipped_famine_counts_its_restatements_once() {
    let wd = Workdir::with_shipped_data();
    let out = wd.run(&["reconcile", "--format", "json"]);
    out.code(0);
    let rows = out.json();
    let famine = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "famine_deaths_ussr_1932_33")
        .unwrap();
    let (all, independent) = (
        famine["estimates"].as_u64().unwrap(),
        famine["independent"].as_u64().unwrap(),
    );
    assert!(independent < all, "{famine}");
    // "Researchers before the 1991 dissolution ... ranging from 3 to 60 million" is a survey.
    let victims = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "victims_total_stalin_era")
        .unwrap();
    assert_eq!(victims["survey_low"], 3_000_000.0);
    assert_eq!(victims["survey_high"], 60_000_000.0);
}

/// The example: a transposed digit in 353,074 must fail, naming the row and both numbers.
#[test]
fn a_changed_figure_is_caught() {
    let wd = Workdir::with_shipped_data();
    let line = line_of(&wd.read(ESTIMATES), "353074");
    wd.edit(ESTIMATES, ",353074,", ",353047,");
    wd.run(&["check"]).code(1).line_has(&[
        &format!("data/estimates.csv:{line}:"),
        "error[value-mismatch]",
        "`point` is 353047",
        "states 353,074",
    ]);
}

#[test]
fn a_quote_not_in_the_text_is_caught() {
    let wd = Workdir::with_shipped_data();
    let line = line_of(&wd.read(ESTIMATES), "nearly 700,000");
    wd.edit(ESTIMATES, "nearly 700,000", "nearly 700,001");
    wd.run(&["check"]).code(1).line_has(&[
        &format!("data/estimates.csv:{line}:"),
        "error[quote-not-found]",
        "nearly 700,001",
    ]);
}

/// The text writes "160\u{a0}cm" with a no-break space: matching is exact, and the hint says why.
#[test]
fn a_quote_with_an_ordinary_space_for_a_no_break_space_is_caught_with_a_hint() {
    let wd = Workdir::with_shipped_data();
    wd.edit(ESTIMATES, ",160\u{a0}cm,", ",160 cm,");
    wd.run(&["check"])
        .code(1)
        .line_has(&["error[quote-not-found]", "160 cm", "U+00A0"]);
}

#[test]
fn a_quote_that_occurs_twice_is_a_warning() {
    let wd = Workdir::with_shipped_data();
    // "1.7 million" stands twice in the text (Gulag deaths and Erlikman's deportation deaths).
    wd.edit(
        ESTIMATES,
        ",\"deportations, 1.7 million\",",
        ",1.7 million,",
    );
    wd.run(&["check"])
        .code(0)
        .line_has(&["warning[ambiguous-quote]", "occurs 2 times"]);
}

#[test]
fn a_qualifier_the_quote_does_not_bear_out_is_caught() {
    let wd = Workdir::with_shipped_data();
    wd.edit(ESTIMATES, ",700000,,nearly,", ",700000,,about,");
    wd.run(&["check"])
        .code(1)
        .line_has(&["error[qualifier-mismatch]", "`about`", "nearly"]);
}

#[test]
fn an_unknown_qualifier_is_caught_with_a_suggestion() {
    let wd = Workdir::with_shipped_data();
    wd.edit(ESTIMATES, ",700000,,nearly,", ",700000,,neraly,");
    wd.run(&["check"]).code(1).line_has(&[
        "error[bad-qualifier]",
        "`neraly`",
        "did you mean `nearly`",
    ]);
}

#[test]
fn low_above_high_is_caught() {
    let wd = Workdir::with_shipped_data();
    wd.edit(
        ESTIMATES,
        ",375000,,400000,range,",
        ",400000,,375000,range,",
    );
    wd.run(&["check"])
        .code(1)
        .line_has(&["error[bad-order]", "low <= point <= high"]);
}

#[test]
fn a_missing_point_is_caught() {
    let wd = Workdir::with_shipped_data();
    wd.edit(ESTIMATES, ",,353074,,exact,", ",,,,exact,");
    wd.run(&["check"])
        .code(1)
        .line_has(&["error[missing-value]", "qualifier `exact` needs `point`"]);
}

#[test]
fn negative_and_formatted_numbers_are_rejected_with_hints() {
    let wd = Workdir::with_shipped_data();
    wd.edit(ESTIMATES, ",,353074,,exact,", ",,-353074,,exact,");
    wd.edit(ESTIMATES, ",,328612,,exact,", ",,\"328,612\",,exact,");
    wd.run(&["check"])
        .code(1)
        .line_has(&["error[bad-number]", "-353074", "negative"])
        .line_has(&["error[bad-number]", "328,612", "without separators: 328612"]);
}

#[test]
fn duplicate_ids_name_the_first_line() {
    let wd = Workdir::with_shipped_data();
    let text = wd.read(ESTIMATES);
    let first = line_of(&text, "e_gp_1937,");
    wd.edit(ESTIMATES, "e_gp_1938,", "e_gp_1937,");
    wd.run(&["check"]).code(1).line_has(&[
        "error[duplicate-id]",
        "e_gp_1937",
        &format!("already used on line {first}"),
    ]);
}

#[test]
fn dangling_references_are_caught() {
    let wd = Workdir::with_shipped_data();
    wd.edit(
        ESTIMATES,
        "e_gp_1937,great_purge_executions_1937,historians_archival,",
        "e_gp_1937,great_purge_executions_1937,historians_archivel,",
    );
    wd.run(&["check"]).code(1).line_has(&[
        "error[unknown-reference]",
        "source `historians_archivel` is not defined",
        "did you mean `historians_archival`",
    ]);
}

#[test]
fn a_misspelled_header_is_caught() {
    let wd = Workdir::with_shipped_data();
    wd.edit(
        ESTIMATES,
        "id,quantity,source,text,low,point,high,qualifier,quote,note",
        "id,quantity,source,text,low,point,high,qualifer,quote,note",
    );
    // At the misspelt column, after "id,quantity,source,text,low,point,high,".
    wd.run(&["check"]).code(1).line_has(&[
        "data/estimates.csv:1:40",
        "error[missing-column]",
        "`qualifier`",
        "`qualifer`",
    ]);
}

#[test]
fn a_relation_on_an_unknown_estimate_is_caught() {
    let wd = Workdir::with_shipped_data();
    wd.edit(
        "data/relations.csv",
        "r_great_purge_years_vs_archival,sum,e_gp_archival_681692,e_gp_1937;e_gp_1938,",
        "r_great_purge_years_vs_archival,sum,e_gp_archival_681692,e_gp_1937;e_gp_1939,",
    );
    wd.run(&["check"]).code(1).line_has(&[
        "data/relations.csv:",
        "error[unknown-reference]",
        "`e_gp_1939`",
    ]);
}

/// A sum over a quantity and its own child counts the same people twice.
#[test]
fn double_counting_is_flagged() {
    let wd = Workdir::with_shipped_data();
    // Great-Purge executions 1937–38 plus the 1937 executions, which are part of them.
    wd.edit(
        "data/relations.csv",
        "r_great_purge_years_vs_historians,sum,e_gp_historians_700000,e_gp_1937;e_gp_1938,",
        "r_great_purge_years_vs_historians,sum,e_gp_historians_700000,e_gp_archival_681692;e_gp_1937,",
    );
    wd.run(&["check"])
        .code(0)
        .line_has(&["warning[double-counting]", "counted twice"]);
}

#[test]
fn json_output_lists_the_same_findings() {
    let wd = Workdir::with_shipped_data();
    wd.edit(ESTIMATES, ",353074,", ",353047,");
    let run = wd.run(&["check", "--format", "json"]);
    run.code(1);
    let findings = run.json();
    let list = findings.as_array().expect("an array");
    let mismatch = list
        .iter()
        .find(|f| f["code"] == "value-mismatch")
        .expect("a value-mismatch finding");
    assert_eq!(mismatch["severity"], "error");
    assert_eq!(mismatch["file"], "data/estimates.csv");
    assert_eq!(
        mismatch["line"].as_u64().unwrap() as usize,
        line_of(&wd.read(ESTIMATES), "353047")
    );
    assert!(mismatch["column"].as_u64().unwrap() > 1);
    assert!(mismatch["message"].as_str().unwrap().contains("353,074"));
}

#[test]
fn the_column_points_at_the_cell() {
    let wd = Workdir::with_shipped_data();
    wd.edit(ESTIMATES, ",353074,", ",353047,");
    let text = wd.read(ESTIMATES);
    let line = text.lines().find(|l| l.contains("353047")).unwrap();
    let column = line.find("353047").unwrap() + 1;
    wd.run(&["check"]).code(1).stdout_has(&format!(
        ":{}:{column}: error[value-mismatch]",
        line_of(&text, "353047")
    ));
}

#[test]
fn a_missing_data_folder_exits_2_with_advice() {
    let wd = Workdir::new();
    wd.run(&["check", "--data", "nowhere"])
        .code(2)
        .stderr_has("nowhere does not exist")
        .stderr_has("--data");
}

#[test]
fn a_missing_file_exits_2() {
    let wd = Workdir::with_shipped_data();
    std::fs::remove_file(wd.path("data/sources.csv")).unwrap();
    wd.run(&["check"])
        .code(2)
        .stderr_has("sources.csv is missing");
}

#[test]
fn a_bad_flag_exits_2() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["check", "--format", "yaml"]).code(2);
    wd.run(&["check", "--about", "10"])
        .code(2)
        .stderr_has("fraction");
}

// Regression: under --strict the summary counted the judged broken relations as "not judged".
#[test]
fn strict_counts_broken_relations_as_broken() {
    let wd = Workdir::with_shipped_data();
    let run = wd.run(&["check", "--strict"]);
    run.code(1);
    // The article's two broken relations (681,686 against 681,692; 162.56 cm against 160 cm).
    let summary = run.stdout.lines().last().unwrap_or_default().to_string();
    assert!(summary.contains("2 broken"), "{summary}");
    assert!(!summary.contains("not judged"), "{summary}");
}

/// Issue 14: completions and a man page come from the same declaration as `--help`.
#[test]
fn completions_and_the_man_page_name_every_subcommand() {
    let wd = Workdir::new();
    let bash = wd.run(&["completions", "bash"]);
    bash.code(0);
    let man = wd.run(&["man"]);
    man.code(0).stdout_has(".TH reckon 1");
    for command in [
        "init",
        "check",
        "reconcile",
        "chart",
        "build",
        "report",
        "coverage",
        "explain",
    ] {
        assert!(
            bash.stdout.contains(command),
            "bash completion lacks {command}"
        );
        assert!(man.stdout.contains(command), "man page lacks {command}");
    }
    wd.run(&["completions", "tcsh"]).code(2);
}
