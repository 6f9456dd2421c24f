//! `reckon explain`: the audit trail of an estimate, a quantity, a relation and a source.

use crate::workdir::{Workdir, EST};

#[test]
fn an_estimate_is_traced_to_its_paragraph_and_relations() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["explain", "e_gp_1937"])
        .code(0)
        .stdout_has("Estimate e_gp_1937: \"353,074 in 1937\"")
        .stdout_has("Historians in light of the Soviet archives (historian)")
        .stdout_has("«353,074 in 1937»")
        .stdout_has("qualifier  exact → stated 353,074 → interval 353,074")
        .line_has(&[
            "r_great_purge_years_vs_archival",
            "broken",
            "353,074 + 328,612 = 681,686",
        ]);
}

#[test]
fn a_quantity_lists_its_estimates_reconciliation_and_kinds() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["explain", "executions_stalin_era"])
        .code(0)
        .stdout_has("Quantity executions_stalin_era: Executions under Stalin")
        .stdout_has("e_archival_executions_800000")
        .stdout_has("e_erlikman_executions")
        .stdout_has("no consensus")
        .line_has(&["archival:", "1 estimate(s)"])
        .line_has(&["historian:", "1 estimate(s)"]);
}

#[test]
fn a_relation_shows_its_arithmetic_and_figures() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["explain", "r_erlikman_total"])
        .code(0)
        .stdout_has("Relation r_erlikman_total: sum — holds")
        .stdout_has("1.5 million + 5 million + 1.7 million + 1 million = 9.2 million")
        .stdout_has("e_erlikman_gulags");
}

#[test]
fn a_source_lists_its_figures() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["explain", "conquest"])
        .code(0)
        .stdout_has("Source conquest: Robert Conquest (historian)")
        .stdout_has("up to 30 million");
}

#[test]
fn explain_works_on_another_dataset() {
    let wd = Workdir::with_second_dataset();
    wd.run(&["explain", "e_mayor"])
        .code(0)
        .stdout_has("The mayor's report (official)")
        .stdout_has("«nearly 400»")
        .stdout_has("interval 350–400");
    wd.run(&["explain", "r_holt_parts"])
        .code(0)
        .stdout_has("215 + 137 = 352");
}

#[test]
fn an_unknown_id_is_an_error_with_a_suggestion() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["explain", "e_gp_1936"])
        .code(2)
        .stderr_has("no estimate, quantity, relation or source has the id `e_gp_1936`")
        .stderr_has("did you mean");
}

// Regression: explain showed only the first thing an id named; check did not flag the clash.
#[test]
fn an_id_shared_by_two_files_is_flagged_and_explained_in_full() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        EST,
        "e_left,residents_left,",
        "residents_left,residents_left,",
    );
    wd.run(&["check"]).code(0).line_has(&[
        "data/estimates.csv:8:1: warning[shared-id]",
        "`residents_left`",
        "quantities.csv",
    ]);
    wd.run(&["explain", "residents_left"])
        .code(0)
        .stdout_has("Quantity residents_left")
        .stdout_has("Estimate residents_left");
}

// Regression: explain and coverage printed ESC/OSC/BEL sequences from the data raw, so a
// source note could clear the screen or set the terminal's title. Such a cell is now an error
// of check, and whatever reckon echoes (an unknown id or chart name) is shown escaped and cut.
#[test]
fn terminal_escapes_in_the_data_are_shown_not_obeyed() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        "data/sources.csv",
        "The church's register of burials.",
        "The church's \u{1b}]0;owned\u{7} register\u{1b}[2J of burials.",
    );
    let run = wd.run(&["check"]);
    run.code(1).line_has(&["control-character", "U+001B"]);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    let wd = Workdir::with_second_dataset();
    let run = wd.run(&["explain", "\u{1b}]0;owned\u{7}"]);
    run.code(2);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
    assert!(!run.stderr.contains('\u{7}'), "{}", run.stderr);
    // An unknown name is echoed escaped and cut, never whole and raw.
    let long = format!("\u{1b}[2J{}", "x".repeat(100_000));
    let run = wd.run(&["chart", "--out", "charts", &long]);
    run.code(2);
    assert!(
        !run.stderr.contains('\u{1b}'),
        "{}",
        &run.stderr[..200.min(run.stderr.len())]
    );
    assert!(
        run.stderr.len() < 5_000,
        "echoed {} bytes",
        run.stderr.len()
    );
}
