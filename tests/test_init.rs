//! `reckon init`, and `coverage`/`explain` on datasets that are not finished (issue 13).

use crate::workdir::{listing, Workdir};

const TEXT: &str = "Estimates of the death toll range from 15 to 55 million. \
    Coale (1984) put it at 27 million.";

#[test]
fn init_makes_an_empty_dataset_that_checks_clean_and_never_overwrites() {
    let wd = Workdir::new();
    wd.write("famine.txt", TEXT);
    wd.run(&["init", "ds", "--text", "famine.txt"])
        .code(0)
        .stdout_has("made a dataset in ds: 1 text(s)");
    assert_eq!(wd.read("ds/texts/famine.txt"), TEXT);
    assert_eq!(
        listing(&wd.path("ds")),
        [
            "categories.csv",
            "charts.csv",
            "context.csv",
            "datapackage.json",
            "estimates.csv",
            "quantities.csv",
            "relations.csv",
            "sources.csv",
            "texts",
            "texts.csv"
        ]
    );
    assert!(wd
        .read("ds/texts.csv")
        .contains("famine,texts/famine.txt,famine,"));
    wd.run(&["check", "--data", "ds"]).code(0).line_has(&[
        "ds: 0 estimates of 0 quantities",
        "0 error(s), 0 warning(s)",
    ]);
    // The descriptor names every column of every header init wrote.
    let package: serde_json::Value = serde_json::from_str(&wd.read("ds/datapackage.json")).unwrap();
    for resource in package["resources"].as_array().unwrap() {
        let path = resource["path"].as_str().unwrap();
        let header = wd.read(&format!("ds/{path}"));
        let header = header.lines().next().unwrap();
        let fields: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(fields.join(","), header, "{path}");
    }
    // The optional `series` column, which the shipped files lack, is described all the same.
    let quantities = &package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"] == "quantities.csv")
        .unwrap()["schema"]["fields"];
    let series = quantities
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "series")
        .unwrap();
    assert!(series["description"]
        .as_str()
        .unwrap()
        .starts_with("The series this quantity is one period of"));
    // A second init into the same folder refuses, and changes nothing.
    let before = wd.read("ds/texts.csv");
    wd.write("other.txt", "Some 3 million died.");
    wd.run(&["init", "ds", "--text", "other.txt"])
        .code(2)
        .stderr_has("exists already: reckon init never overwrites a file");
    assert_eq!(wd.read("ds/texts.csv"), before);
    assert!(!wd.path("ds/texts/other.txt").exists());
}

#[test]
fn init_refuses_a_text_that_is_not_utf8_and_writes_nothing() {
    let wd = Workdir::new();
    wd.write("latin1.txt", b"Some 3 million d\xefed.".as_slice());
    wd.run(&["init", "ds", "--text", "latin1.txt"])
        .code(2)
        .stderr_has("latin1.txt is not UTF-8 (invalid byte at byte offset 16)");
    assert!(!wd.path("ds").exists());
}

#[test]
fn coverage_runs_on_a_folder_of_texts_only() {
    let wd = Workdir::new();
    wd.write("ds/texts/famine.txt", TEXT);
    let run = wd.run(&["coverage", "--data", "ds"]);
    run.code(0)
        .stderr_has("ds/sources.csv, ds/quantities.csv, ds/estimates.csv missing, read as empty")
        .stdout_has("\"27 million\"");
}

#[test]
fn coverage_and_explain_run_on_a_dataset_with_errors_and_say_so() {
    let wd = Workdir::with_shipped_data();
    wd.edit("data/estimates.csv", ",353074,", ",353047,");
    wd.run(&["coverage"])
        .code(0)
        .stderr_has("the dataset has 1 error(s), so figures may be misread; `reckon check --data data` lists them");
    wd.run(&["explain", "e_gp_1937"])
        .code(0)
        .stdout_has("Estimate e_gp_1937: \"353,074 in 1937\"")
        .stderr_has("1 error(s)");
}
