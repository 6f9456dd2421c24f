//! `reckon reconcile`: the article's totals asserted against the text, and every export format.

use std::fs;

use approx::assert_relative_eq;
use serde_json::Value;

use crate::workdir::{Workdir, EST};

fn verdicts(wd: &Workdir, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["reconcile", "--relations", "--format", "json"];
    args.extend_from_slice(extra);
    let run = wd.run(&args);
    run.code(0);
    run.json().as_array().unwrap().clone()
}

fn find<'a>(rows: &'a [Value], key: &str, id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r[key] == id)
        .unwrap_or_else(|| panic!("no row with {key} = {id}"))
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"))
}

/// "nearly 700,000 people (353,074 in 1937 and 328,612 in 1938)" against "not 681,692".
#[test]
fn great_purge_years_fall_six_short_of_the_quoted_total() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let r = find(&rows, "id", "r_great_purge_years_vs_archival");
    assert_eq!(r["verdict"], "broken");
    assert_relative_eq!(num(&r["computed_value"]), 353_074.0 + 328_612.0);
    assert_relative_eq!(num(&r["stated_value"]), 681_692.0);
    assert_relative_eq!(num(&r["difference"]), -6.0);
    assert_relative_eq!(num(&r["relative_difference"]), -6.0 / 681_692.0);
    assert_relative_eq!(num(&r["needed"]), 681_686.0);
    // The same sum lies inside "nearly 700,000".
    let r = find(&rows, "id", "r_great_purge_years_vs_historians");
    assert_eq!(r["verdict"], "holds");
}

/// Erlikman: "executions, 1.5 million; gulags, 5 million; deportations, 1.7 million ...; and
/// POWs and German civilians, 1 million – a total of about 9 million".
#[test]
fn erlikmans_parts_sum_to_9_2_million_inside_about_9_million() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let r = find(&rows, "id", "r_erlikman_total");
    assert_eq!(r["verdict"], "holds");
    assert_relative_eq!(num(&r["computed_value"]), 1.5e6 + 5e6 + 1.7e6 + 1e6);
    // "about 9 million" is read to its rounding: 8.5 to 9.5 million.
    assert_relative_eq!(num(&r["stated_low"]), 8.5e6);
    assert_relative_eq!(num(&r["stated_high"]), 9.5e6);
}

/// "approximately 800,000 ... around 1.7 million ... some 390,000 ... a total of about 3 million".
#[test]
fn archival_categories_sum_inside_about_3_million() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let r = find(&rows, "id", "r_archival_three_categories");
    assert_eq!(r["verdict"], "holds");
    assert_relative_eq!(
        num(&r["computed_value"]),
        800_000.0 + 1_700_000.0 + 390_000.0
    );
}

/// "a minimum of around 10 million deaths—6 million from famine and 4 million from other causes".
#[test]
fn famine_and_other_causes_make_the_10_million_minimum() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let r = find(&rows, "id", "r_minimum_10m");
    assert_eq!(r["verdict"], "holds");
    assert_relative_eq!(num(&r["computed_value"]), 10e6);
    assert_relative_eq!(num(&r["stated_low"]), 10e6);
    assert!(r["stated_high"].is_null(), "a minimum is open above");
}

/// "Adding 6–8 million famine victims to Erlikman's estimates ... between 15 and 17 million".
#[test]
fn erlikman_plus_famine_gives_15_to_17_million() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let r = find(&rows, "id", "r_erlikman_plus_famine");
    assert_eq!(r["verdict"], "holds");
    assert_relative_eq!(num(&r["computed_value"]), 9e6 + 7e6);
    assert_relative_eq!(num(&r["stated_low"]), 15e6);
    assert_relative_eq!(num(&r["stated_high"]), 17e6);
}

/// Both breakdowns of the repatriated sum to the same 4,199,488, inside "approximately 4 million".
#[test]
fn both_repatriation_breakdowns_sum_exactly_to_the_same_total() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let by_status = find(&rows, "id", "r_repatriates_by_status");
    let by_disposition = find(&rows, "id", "r_repatriates_by_disposition");
    let status_sum = 2_660_013.0 + 1_539_475.0;
    let disposition_sum = 2_427_906.0 + 801_152.0 + 608_095.0 + 272_867.0 + 89_468.0;
    assert_eq!(status_sum, disposition_sum);
    assert_relative_eq!(num(&by_status["computed_value"]), status_sum);
    assert_relative_eq!(num(&by_disposition["computed_value"]), disposition_sum);
    assert_eq!(by_status["verdict"], "holds");
    assert_eq!(by_disposition["verdict"], "holds");
}

/// Conquest: "not 681,692, but some two and a half times as high".
#[test]
fn conquests_ratio_derives_an_estimate() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let r = find(&rows, "id", "r_conquest_ratio");
    assert_eq!(r["verdict"], "derived");
    assert_relative_eq!(num(&r["computed_value"]), 2.5 * 681_692.0);
    let run = wd.run(&["reconcile", "--format", "json"]);
    run.code(0);
    let summaries = run.json();
    let purge = find(
        summaries.as_array().unwrap(),
        "key",
        "great_purge_executions_1937_38",
    );
    assert_eq!(purge["derived"], 1);
    assert_relative_eq!(num(&purge["max_central"]), 2.5 * 681_692.0);
    assert!(purge["conflict"].as_str().unwrap().contains("conquest"));
}

/// "five feet four inches high (160 cm)": 64 in is 162.56 cm; "1,050 miles (1,690 kilometers)" holds.
#[test]
fn conversions_are_checked_to_the_written_digit() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let height = find(&rows, "id", "r_stalin_height_160");
    assert_eq!(height["verdict"], "broken");
    assert_relative_eq!(num(&height["computed_value"]), 64.0 * 2.54);
    let range = find(&rows, "id", "r_stalin_height_165_168");
    assert_eq!(range["verdict"], "holds");
    assert_relative_eq!(num(&range["computed_low"]), 65.0 * 2.54);
    assert_relative_eq!(num(&range["computed_high"]), 66.0 * 2.54);
    let distance = find(&rows, "id", "r_german_advance_1941");
    assert_eq!(distance["verdict"], "holds");
    assert_relative_eq!(num(&distance["computed_value"]), 1050.0 * 1.609344);
}

#[test]
fn broken_relations_come_first() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let order: Vec<&str> = rows
        .iter()
        .map(|r| r["verdict"].as_str().unwrap())
        .collect();
    let rank = |v: &str| {
        ["broken", "approximate", "holds", "derived"]
            .iter()
            .position(|x| *x == v)
            .unwrap()
    };
    assert!(
        order.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{order:?}"
    );
}

#[test]
fn about_can_be_a_relative_tolerance() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &["--about", "0.1"]);
    let r = find(&rows, "id", "r_erlikman_total");
    assert_relative_eq!(num(&r["stated_low"]), 8.1e6, max_relative = 1e-9);
    assert_relative_eq!(num(&r["stated_high"]), 9.9e6, max_relative = 1e-9);
    assert!(r["about_rule"].as_str().unwrap().contains("10%"));
}

/// Executions under Stalin: the archives' ~800,000 against Erlikman's 1.5 million.
#[test]
fn per_quantity_reconciliation_names_conflicts() {
    let wd = Workdir::with_shipped_data();
    let run = wd.run(&["reconcile", "--format", "csv"]);
    run.code(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for column in [
        "key",
        "estimates",
        "sources",
        "envelope_low",
        "envelope_high",
        "consensus_low",
        "consensus_high",
        "conflict",
        "median",
        "spread",
        "about_rule",
    ] {
        assert!(
            header.iter().any(|h| h == column),
            "missing column {column}"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let executions = rows
        .iter()
        .find(|r| &r[col("key")] == "executions_stalin_era")
        .unwrap();
    assert_eq!(&executions[col("estimates")], "2");
    assert_eq!(&executions[col("consensus_low")], "", "no consensus");
    assert!(
        executions[col("conflict")].contains("soviet_archives (750,000–850,000) is below erlikman")
    );
    // Envelope: about 800,000 (±50,000) up to Erlikman's 1.5 million; plain numbers.
    assert_eq!(&executions[col("envelope_low")], "750000");
    assert_eq!(&executions[col("envelope_high")], "1500000");
    assert_eq!(&executions[col("median")], "1150000");
    // USSR famine 1932–33: 5–10 million, 6–8 million (twice) and "6 million" as a part of "a
    // minimum of around 10 million" (so at least 6 million) meet in 6 to 8 million.
    let famine = rows
        .iter()
        .find(|r| &r[col("key")] == "famine_deaths_ussr_1932_33")
        .unwrap();
    assert_eq!(&famine[col("consensus_low")], "6000000");
    assert_eq!(&famine[col("consensus_high")], "8000000");
}

#[test]
fn source_kind_grouping_sets_official_against_independent() {
    let wd = Workdir::with_shipped_data();
    let run = wd.run(&["reconcile", "--by", "source-kind", "--format", "json"]);
    run.code(0);
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    let official = find(rows, "key", "soviet_military_casualties_ww2/official");
    let article = find(rows, "key", "soviet_military_casualties_ww2/article");
    assert_relative_eq!(num(&official["median"]), 28.2e6);
    assert_relative_eq!(num(&article["median"]), 35e6);
}

#[test]
fn category_grouping_pools_quantities() {
    let wd = Workdir::with_shipped_data();
    let run = wd.run(&["reconcile", "--by", "category", "--format", "json"]);
    run.code(0);
    let rows = run.json();
    let repatriation = find(rows.as_array().unwrap(), "key", "repatriation/people");
    assert_eq!(repatriation["estimates"], 8);
    // Issue 14: a category groups by unit too: the heights in inches apart from those in cm.
    let keys: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"physical_measures/cm"), "{keys:?}");
    assert!(keys.contains(&"physical_measures/inch"), "{keys:?}");
}

#[test]
fn table_and_markdown_format_numbers_for_people() {
    let wd = Workdir::with_shipped_data();
    // Envelope: the historians' "nearly 700,000" reaches down to 650,000, and Conquest's "some two and a half times" 681,692 reads the multiplier
    // by the about rule (2.45–2.55), so its top is 681,692 × 2.55 = 1,738,314.6.
    wd.run(&["reconcile"]).code(0).line_has(&[
        "Great Purge executions, 1937–38",
        // 650,000 to 2.55 × 681,692 = 1,738,315, the derived end to three digits.
        "650,000–1.74 million",
        "conflict",
    ]);
    wd.run(&["reconcile", "--format", "markdown"])
        .code(0)
        .stdout_has("| group |")
        // The median of "approximately 800,000" and "1.5 million" is 1.15 million, written to
        // the 100,000 step of both figures.
        .line_has(&["| Executions under Stalin |", "1.2 million"]);
    wd.run(&["reconcile", "--relations", "--format", "markdown"])
        .code(0)
        .line_has(&[
            "r\\_great\\_purge\\_years\\_vs\\_archival",
            "353,074 + 328,612 = 681,686",
        ]);
}

#[test]
fn output_goes_to_a_file_and_nothing_else_is_left_behind() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["reconcile", "--format", "csv", "-o", "out/reconciled.csv"])
        .code(0);
    let written = wd.read("out/reconciled.csv");
    assert!(written.starts_with("key,label,"));
    let names: Vec<String> = std::fs::read_dir(wd.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["reconciled.csv"]);
    wd.run(&["reconcile", "--format", "csv", "-o", "-"])
        .code(0)
        .stdout_has("key,label,");
}

#[test]
fn reconcile_refuses_data_with_errors() {
    let wd = Workdir::with_shipped_data();
    wd.edit("data/estimates.csv", ",353074,", ",353047,");
    wd.run(&["reconcile"])
        .code(1)
        .stderr_has("error[value-mismatch]")
        .stderr_has("reckon check");
}

/// Every curated relation, judged by hand from the text: a new relation must be added here.
#[test]
fn every_curated_relation_has_the_verdict_the_text_implies() {
    let wd = Workdir::with_shipped_data();
    let rows = verdicts(&wd, &[]);
    let expected: &[(&str, &str)] = &[
        // 353,074 + 328,612 = 681,686, six short of the 681,692 Conquest quotes.
        ("r_great_purge_years_vs_archival", "broken"),
        // 64 in × 2.54 = 162.56 cm, not the "160 cm" the text gives beside it.
        ("r_stalin_height_160", "broken"),
        // "some two and a half times" derives an estimate; nothing to judge.
        ("r_conquest_ratio", "derived"),
        // 681,686 is within "nearly 700,000" (650,000–700,000).
        ("r_great_purge_years_vs_historians", "holds"),
        // 800,000 + 1.7 million + 390,000 = 2.89 million, within "about 3 million".
        ("r_archival_three_categories", "holds"),
        // 1.5 + 5 + 1.7 + 1 = 9.2 million, within "about 9 million".
        ("r_erlikman_total", "holds"),
        // 6 million + 4 million = "a minimum of around 10 million".
        ("r_minimum_10m", "holds"),
        // about 9 million + 6–8 million = "between 15 and 17 million".
        ("r_erlikman_plus_famine", "holds"),
        // Both breakdowns make 4,199,488, within "approximately 4 million".
        ("r_repatriates_by_status", "holds"),
        ("r_repatriates_by_disposition", "holds"),
        // 2,660,013 + 1,539,475 = 4,199,488 = 2,427,906 + 801,152 + 608,095 + 272,867 + 89,468.
        ("r_repatriates_breakdowns_agree", "holds"),
        // 5 ft 5 in–5 ft 6 in = 165.1–167.64 cm, within "165–168 cm".
        ("r_stalin_height_165_168", "holds"),
        // 1,050 miles = 1,689.8 km, "1,690 kilometers".
        ("r_german_advance_1941", "holds"),
        // Parts no larger than their wholes.
        ("r_natops_poles_arrested", "holds"),
        ("r_natops_poles_executed", "holds"),
        ("r_natops_executed_of_arrested", "holds"),
        ("r_natops_poles_executed_of_arrested", "holds"),
        ("r_natops_of_great_purge", "holds"),
        ("r_clergy_shot_of_great_purge", "holds"),
        ("r_great_purge_of_all_executions", "holds"),
        ("r_katyn_of_polish_prisoners", "holds"),
        ("r_axis_pows_never_returned", "holds"),
        ("r_erlikman_deaths_of_deported", "holds"),
        ("r_deportees_1941_49_of_erlikman", "holds"),
        ("r_caucasus_of_1941_49", "holds"),
        ("r_kulak_of_deportation_deaths", "holds"),
        ("r_en_route_of_deportation_deaths", "holds"),
        ("r_military_dead_of_casualties", "holds"),
        ("r_official_dead_of_casualties", "holds"),
        ("r_partial_casualties_of_total", "holds"),
        ("r_bullock_ukraine_of_ussr", "holds"),
        ("r_ukraine_current_of_ussr", "holds"),
        ("r_archival_total_of_repression", "holds"),
        ("r_osce_votes_of_members", "holds"),
        ("r_caucasus_of_ethnic_minorities", "holds"),
    ];
    let mut ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut judged: Vec<&str> = expected.iter().map(|(id, _)| *id).collect();
    ids.sort();
    judged.sort();
    assert_eq!(
        ids, judged,
        "relations.csv and this table list different relations"
    );
    for (id, verdict) in expected {
        assert_eq!(find(&rows, "id", id)["verdict"], *verdict, "{id}");
    }
}

// Regression: "about 0.004" showed as "0–0"; a stated 0 gave a relative difference of 0%.
#[test]
fn small_figures_and_a_stated_zero_are_shown_as_they_are() {
    let wd = Workdir::with_second_dataset();
    let text = wd.read("data/texts/chronicle.txt")
        + "The death rate was about 0.004 a head; the mayor put it at 0.006. At the mill 0 children were lost, though 2 died nearby.\n";
    wd.write("data/texts/chronicle.txt", text);
    let quantities = wd.read("data/quantities.csv")
        + "death_rate,Death rate,rates,per head,Eastvale,1872,1872,,Deaths per head.\n"
        + "mill_child_deaths,Children who died at the mill,flood_deaths,people,Eastvale,1872,1872,,At the mill.\n";
    wd.write("data/quantities.csv", quantities);
    let estimates = wd.read(EST)
        + "r1,death_rate,holt,chronicle,,0.004,,about,about 0.004 a head,\n"
        + "r2,death_rate,mayor,chronicle,,0.006,,exact,it at 0.006,\n"
        + "m0,mill_child_deaths,chronicle,chronicle,,0,,exact,0 children were lost,\n"
        + "m2,mill_child_deaths,chronicle,chronicle,,2,,exact,2 died nearby,\n";
    wd.write(EST, estimates);
    let relations =
        wd.read("data/relations.csv") + "r_mill,subset,m0,m2,,,The part is more than the whole.\n";
    wd.write("data/relations.csv", relations);
    let run = wd.run(&["explain", "r1"]);
    run.code(0).stdout_has("0.0035").stdout_has("0.0045");
    assert!(!run.stdout.contains("0–0"), "{}", run.stdout);
    // "about 0.004" is ± half a unit of its last digit: 0.0005.
    wd.run(&["explain", "r1"]).stdout_has("±0.0005");
    // Against a stated 0 there is no relative difference: JSON says null, people read why.
    let run = wd.run(&["reconcile", "--relations", "--format", "json"]);
    run.code(0);
    let rows = run.json();
    let mill = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "r_mill")
        .expect("r_mill in the verdicts");
    assert!(mill["relative_difference"].is_null(), "{mill}");
    assert_eq!(mill["stated_low"], 0.0, "a count is never below 0: {mill}");
    wd.run(&["reconcile", "--relations"])
        .code(0)
        .stdout_has("no relative difference against a stated 0");
}

// Regression: -o replaced a symbolic link or a device (/dev/full) with a regular file.
#[cfg(unix)]
#[test]
fn outputs_to_links_pipes_and_devices_write_through_them() {
    use std::os::unix::fs::FileTypeExt;
    let wd = Workdir::with_second_dataset();
    // A symbolic link: its target is replaced and the link kept.
    wd.write("real.csv", "old");
    std::os::unix::fs::symlink("real.csv", wd.path("link.csv")).unwrap();
    wd.run(&["reconcile", "--format", "csv", "-o", "link.csv"])
        .code(0);
    assert!(fs::symlink_metadata(wd.path("link.csv"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(wd.read("real.csv").starts_with("key,"));
    // /dev/null stays a device.
    wd.run(&["reconcile", "--format", "csv", "-o", "/dev/null"])
        .code(0);
    assert!(fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

// Regression: `reconcile -o x.json` wrote the terminal table into a .json file.
#[test]
fn the_output_file_name_chooses_the_format_and_a_contradiction_is_refused() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["reconcile", "-o", "r.json"]).code(0);
    let json: serde_json::Value = serde_json::from_str(&wd.read("r.json")).unwrap();
    assert!(json.is_array());
    wd.run(&["reconcile", "-o", "r.csv"]).code(0);
    assert!(wd.read("r.csv").starts_with("key,"), "{}", wd.read("r.csv"));
    wd.run(&["reconcile", "-o", "r.md"]).code(0);
    assert!(wd.read("r.md").starts_with("| "));
    wd.run(&["reconcile", "--format", "table", "-o", "t.json"])
        .code(2)
        .stderr_has("--format table contradicts the file name t.json");
    assert!(!wd.path("t.json").exists());
}

// Regression: `reconcile --relations --by category` silently ignored --by.
#[test]
fn flags_that_do_not_combine_are_refused() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["reconcile", "--relations", "--by", "category"])
        .code(2)
        .stderr_has("cannot be used with");
}

/// Issue 12: the cross-level conflicts have their own export. Conquest's "some two and a half
/// times" 681,692 (1,670,145–1,738,315, Great Purge executions of 1937–38) lies above the
/// archival "approximately 800,000" executions of the whole Stalin era.
#[test]
fn the_hierarchy_export_names_the_part_above_its_whole() {
    let wd = Workdir::with_shipped_data();
    let out = wd.run(&["reconcile", "--hierarchy", "--format", "json"]);
    out.code(0);
    let rows = out.json();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["part"] == "e_gp_conquest_ratio")
        .unwrap();
    assert_eq!(row["whole"], "e_archival_executions_800000");
    assert_eq!(row["whole_quantity"], "executions_stalin_era");
    assert_eq!(row["same_source"], false);
    assert!(row["part_low"].as_f64().unwrap() > row["whole_high"].as_f64().unwrap());
    wd.run(&["reconcile", "--hierarchy", "--relations"]).code(2);
}

/// Issue 14: the JSON exports are typed for other tools (pandas reads booleans and lists), and
/// an open end has its own column, so an empty cell has one meaning.
#[test]
fn json_exports_use_booleans_arrays_and_null() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["build", "--out", "out", "--charts", "charts"])
        .code(0);
    let read = |name: &str| -> Vec<Value> {
        serde_json::from_str::<Value>(&wd.read(&format!("out/{name}.json")))
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let reconciled = read("reconciled");
    for row in &reconciled {
        assert!(row["source_kind"].is_null(), "{row}");
        assert!(row["disagreeing_sources"].is_array(), "{row}");
        assert!(row["qualifiers"].is_array(), "{row}");
        assert!(row["has_consensus"].is_boolean(), "{row}");
        assert_eq!(
            row["has_consensus"].as_bool(),
            Some(!row["consensus_low"].is_null())
        );
    }
    // "Over 100,000" is open above: its envelope's empty high end says so in its own column.
    let open: Vec<&Value> = reconciled
        .iter()
        .filter(|r| r["envelope_high_open"] == true)
        .collect();
    assert!(!open.is_empty());
    assert!(open.iter().all(|r| r["envelope_high"].is_null()));
    let purge = reconciled
        .iter()
        .find(|r| r["key"] == "great_purge_executions_1937_38")
        .unwrap();
    assert_eq!(purge["disagreeing_sources"][0], "conquest");
    for row in read("relations") {
        assert!(row["operands"].is_array(), "{row}");
        assert!(row["stated_high_open"].is_boolean(), "{row}");
    }
    let intervals = read("intervals");
    let conquest = intervals
        .iter()
        .find(|r| r["id"] == "e_gp_conquest_ratio")
        .unwrap();
    assert_eq!(conquest["derived"], true);
    assert_eq!(conquest["unit"], "people");
    assert_eq!(conquest["source_name"], "Robert Conquest");
    assert_eq!(
        conquest["quantity_label"],
        "Great Purge executions, 1937–38"
    );
    assert!(intervals
        .iter()
        .all(|r| r["derived"].is_boolean() && r["high_open"].is_boolean()));
    // The Markdown names the quantity, the interval and the quote.
    let md = wd.read("out/intervals.md");
    assert!(md.contains(
        "| id | quantity_label | source_name | stated | interval | provenance | quote |"
    ));
    assert!(md.contains("353,074 in 1937"));
}
