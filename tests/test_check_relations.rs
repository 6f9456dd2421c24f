//! `reckon check` on relations: cycles, mixed units, wrong conversion factors, and no verdict on
//! the text drawn from a row that is itself in error.

use crate::workdir::{check_fails, tiny, Workdir, EST};

// Regression: a cycle of ratios dropped both estimates from reconciliation, and check passed.
#[test]
fn a_cycle_of_ratios_is_an_error_not_a_silent_drop() {
    let wd = Workdir::with_second_dataset();
    let mut text = wd.read("data/texts/chronicle.txt");
    text.push_str("Holt says two times as high. Smith says three times as high.\n");
    wd.write("data/texts/chronicle.txt", text);
    let mut estimates = wd.read(EST);
    estimates.push_str("e_r1,flood_deaths,holt,chronicle,,2,,ratio,two times as high,\n");
    estimates.push_str("e_r2,flood_deaths,mayor,chronicle,,3,,ratio,three times as high,\n");
    wd.write(EST, estimates);
    let mut relations = wd.read("data/relations.csv");
    relations.push_str("r1,ratio,e_r1,e_r2,2,,\nr2,ratio,e_r2,e_r1,3,,\n");
    wd.write("data/relations.csv", relations);
    check_fails(&wd)
        .code(1)
        .line_has(&[
            "data/estimates.csv:9:",
            "error[ratio-cycle]",
            "e_r1 → e_r2 → e_r1",
        ])
        .line_has(&["data/relations.csv:3:", "error[relation-unevaluated]", "r1"]);
    // The same two ratios resting on a stated figure, listed before their base is derived.
    let relations = wd
        .read("data/relations.csv")
        .replace("r2,ratio,e_r2,e_r1,3,,", "r2,ratio,e_r2,e_register,3,,");
    wd.write("data/relations.csv", relations);
    wd.run(&["check"]).code(0);
    let rows = wd.run(&["reconcile", "--format", "json"]).json();
    let flood = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "flood_deaths")
        .unwrap()
        .clone();
    // register, mayor, Holt's range, and the two derived: 3 × 312 and 2 × 3 × 312.
    assert_eq!(flood["estimates"], 5, "{flood}");
}

// Regression: a sum mixing people and houses was accepted.
#[test]
fn a_sum_of_different_units_is_an_error() {
    let wd = Workdir::with_second_dataset();
    let relations = wd.read("data/relations.csv") + "r_bad,sum,e_holt,e_children;e_houses,,,\n";
    wd.write("data/relations.csv", relations);
    check_fails(&wd).code(1).line_has(&[
        "data/relations.csv:3:",
        "error[unit-mismatch]",
        "people",
        "houses",
    ]);
}

// Regression: an inch-to-cm conversion with factor 1 was blamed on the text instead of the factor.
#[test]
fn a_conversion_must_use_the_units_own_factor() {
    const REL: &str = "data/relations.csv";
    let wd = Workdir::with_shipped_data();
    wd.edit(
        REL,
        "e_german_advance_km,e_german_advance_mile,1.609344,",
        "e_german_advance_km,e_german_advance_mile,1,",
    );
    wd.edit(
        REL,
        "e_stalin_height_cm_160,e_stalin_height_inch_64,2.54,",
        "e_stalin_height_cm_160,e_stalin_height_inch_64,0.3937,",
    );
    let run = check_fails(&wd);
    run.line_has(&[
        "error[bad-factor]",
        "r_german_advance_1941",
        "mile to km",
        "1.609344",
    ])
    .line_has(&[
        "error[bad-factor]",
        "r_stalin_height_160",
        "inch to cm",
        "2.54",
    ])
    .stdout_lacks("warning[text-inconsistency]: relation `r_german_advance_1941`");
    // Kilometres do not convert into people.
    let wd = Workdir::with_shipped_data();
    wd.edit(
        "data/quantities.csv",
        "German advance by end of 1941 (km),distances,km,",
        "German advance by end of 1941 (km),distances,people,",
    );
    check_fails(&wd).line_has(&[
        "error[unit-mismatch]",
        "r_german_advance_1941",
        "mile into people",
    ]);
}

// Regression: a multiplier with two base relations silently took one of them.
#[test]
fn a_multiplier_with_two_bases_is_an_error() {
    let wd = Workdir::with_shipped_data();
    let relations = wd.read("data/relations.csv")
        + "r_conquest_again,ratio,e_gp_conquest_ratio,e_gp_1937,2.5,,\n";
    wd.write("data/relations.csv", relations);
    check_fails(&wd).line_has(&["error[ratio-two-bases]", "e_gp_conquest_ratio"]);
}

// Regression: a slip in the data was reported as the text contradicting itself.
#[test]
fn relations_on_rows_with_errors_are_not_judged() {
    let wd = Workdir::with_second_dataset();
    // A slip in a part: the sum would look broken, but the slip is in the data, not the text.
    wd.edit(
        EST,
        ",,215,,exact,215 were children,",
        ",,2150,,exact,215 were children,",
    );
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&["data/estimates.csv:5:", "error[value-mismatch]"])
        .stdout_lacks("text-inconsistency")
        .stdout_lacks("text-approximate")
        .stdout_has("1 not judged");
    // The same holds for an error on the relation's own row.
    let wd = Workdir::with_second_dataset();
    wd.edit(
        "data/relations.csv",
        "r_holt_parts,sum,e_holt,e_children;e_adults,,",
        "r_holt_parts,sum,e_holt,e_children;e_houses,,",
    );
    check_fails(&wd)
        .line_has(&["error[unit-mismatch]"])
        .stdout_lacks("text-inconsistency")
        .stdout_has("0 hold");
}

// Regression: a slip in a ratio's base still reached a verdict through the derived figure.
#[test]
fn a_slip_does_not_reach_a_verdict_through_a_ratio() {
    let wd = tiny(
        "Archives give 381,692 executions. Conquest says some two and a half times as high. Others say 1,000,000 in all.",
        &[("a", "people"), ("b", "people")],
        &[
            "a,,481692,,exact,\"381,692 executions\"",
            "a,,2.5,,ratio,some two and a half times as high",
            "b,,1000000,,exact,\"1,000,000 in all\"",
        ],
        &["r1,ratio,e1,e0,2.5,,", "r2,subset,e2,e1,,,"],
    );
    check_fails(&wd)
        .line_has(&["error[value-mismatch]"])
        .stdout_lacks("text-inconsistency")
        .stdout_has("2 not judged");
}

// Regression: check's time grew with the square of the depth of parent chains (40,000 levels
// took 111 s): each quantity walked its whole chain. The hierarchy is now built once.
#[test]
fn a_deep_parent_chain_is_checked_in_linear_time() {
    let wd = Workdir::with_second_dataset();
    let mut rows = wd.read("data/quantities.csv");
    let mut parent = "flood_deaths".to_string();
    for i in 0..40_000 {
        let id = format!("level_{i}");
        rows.push_str(&format!(
            "{id},Level {i},flood_deaths,people,Eastvale,1872,1872,{parent},A level.\n"
        ));
        parent = id;
    }
    wd.write("data/quantities.csv", rows);
    let started = std::time::Instant::now();
    wd.run(&["check"]).code(0);
    let took = started.elapsed();
    assert!(took.as_secs() < 30, "check took {took:?}");
}
