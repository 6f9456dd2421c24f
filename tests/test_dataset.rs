//! The shipped dataset asserted against the text: key figures as the article states them, the
//! text kept byte for byte, and the Data Package descriptor in step with the CSV files.

use std::collections::HashMap;
use std::fs;

use reckon::model::{Qualifier, RelationKind, SourceKind};

use crate::workdir::shipped_data;

fn text() -> String {
    fs::read_to_string(shipped_data().join("texts/stalin-article.txt")).unwrap()
}

fn rows(file: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(shipped_data().join(file)).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// (estimate id, the article's words, low, point, high, qualifier), typed from the text.
const FIGURES: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "e_gp_historians_700000",
        "nearly 700,000",
        "",
        "700000",
        "",
        "nearly",
    ),
    ("e_gp_1937", "353,074 in 1937", "", "353074", "", "exact"),
    ("e_gp_1938", "328,612 in 1938", "", "328612", "", "exact"),
    (
        "e_gp_archival_681692",
        "not 681,692",
        "",
        "681692",
        "",
        "exact",
    ),
    (
        "e_gp_conquest_ratio",
        "some two and a half times as high",
        "",
        "2.5",
        "",
        "ratio",
    ),
    (
        "e_famine_ussr_5_10m",
        "between five and ten million",
        "5000000",
        "",
        "10000000",
        "range",
    ),
    (
        "e_erlikman_total",
        "about 9 million",
        "",
        "9000000",
        "",
        "about",
    ),
    (
        "e_archival_executions_800000",
        "approximately 800,000 prisoners",
        "",
        "800000",
        "",
        "about",
    ),
    (
        "e_archival_gulag_1_7m",
        "around 1.7 million deaths in the Gulags",
        "",
        "1700000",
        "",
        "about",
    ),
    (
        "e_victims_minimum_10m",
        "a minimum of around 10 million deaths",
        "",
        "10000000",
        "",
        "at_least",
    ),
    (
        "e_victims_15_17m",
        "between 15 and 17 million",
        "15000000",
        "",
        "17000000",
        "range",
    ),
    (
        "e_conquest_30m",
        "up to 30 million",
        "",
        "30000000",
        "",
        "up_to",
    ),
    // Three spreads of other people's estimates, not estimates of their own (issue 12).
    (
        "e_pre1991_range",
        "ranging from 3 to 60 million",
        "3000000",
        "",
        "60000000",
        "survey",
    ),
    (
        "e_post1991_range",
        "ranging from approximately 4 million to nearly 10 million",
        "4000000",
        "",
        "10000000",
        "survey",
    ),
    (
        "e_ukraine_current_estimates",
        "range mostly from 2.2 million to 4 to 5 million",
        "2200000",
        "",
        "5000000",
        "survey",
    ),
    (
        "e_bullock_ukraine_5m",
        "as many as five million Ukrainian peasants",
        "",
        "5000000",
        "",
        "up_to",
    ),
    (
        "e_military_casualties_official",
        "official figures 28.2 million",
        "",
        "28200000",
        "",
        "exact",
    ),
    (
        "e_military_dead_official",
        "official figures 11.285 million",
        "",
        "11285000",
        "",
        "exact",
    ),
    (
        "e_repatriates_civilians",
        "2,660,013",
        "",
        "2660013",
        "",
        "exact",
    ),
    (
        "e_repatriates_former_pows",
        "1,539,475",
        "",
        "1539475",
        "",
        "exact",
    ),
    (
        "e_deportation_mortality_43pct",
        "up to 43%",
        "",
        "43",
        "",
        "up_to",
    ),
    (
        "e_mongolia_executions",
        "tens of thousands were executed",
        "10000",
        "",
        "100000",
        "magnitude",
    ),
    (
        "e_stalin_height_inch_range",
        "between 5\u{a0}ft 5\u{a0}in and 5\u{a0}ft 6\u{a0}in",
        "65",
        "",
        "66",
        "range",
    ),
    (
        "e_stalin_height_cm_160",
        "160\u{a0}cm",
        "",
        "160",
        "",
        "exact",
    ),
    (
        "e_german_advance_km",
        "1,690 kilometers",
        "",
        "1690",
        "",
        "exact",
    ),
];

#[test]
fn key_figures_are_as_the_article_states_them() {
    let text = text();
    let estimates = rows("estimates.csv");
    for (id, words, low, point, high, qualifier) in FIGURES {
        assert_eq!(
            text.matches(words).count(),
            1,
            "the article states `{words}` once"
        );
        let row = estimates
            .iter()
            .find(|r| r["id"] == *id)
            .unwrap_or_else(|| panic!("no estimate {id}"));
        assert_eq!(row["quote"], *words, "{id}");
        assert_eq!(row["low"], *low, "{id} low");
        assert_eq!(row["point"], *point, "{id} point");
        assert_eq!(row["high"], *high, "{id} high");
        assert_eq!(row["qualifier"], *qualifier, "{id} qualifier");
    }
}

/// The 1932–33 famine's "6 to 8 million" is one estimate, not three: the article's "Adding 6–8
/// million famine victims" and "6 million from famine" (its low end, "Accordingly") restate it.
#[test]
fn the_famine_six_to_eight_million_is_stated_once_and_restated_twice() {
    let text = text();
    for words in [
        "6 to 8 million people in the 1932–1933 famine",
        "Adding 6–8 million famine victims",
        "Accordingly, if famine victims are included, a minimum of around 10 million deaths—6 million from famine",
    ] {
        assert_eq!(text.matches(words).count(), 1, "the article states `{words}` once");
    }
    let estimates = rows("estimates.csv");
    let restates = |id: &str| {
        estimates
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no estimate {id}"))["restates"]
            .clone()
    };
    assert_eq!(restates("e_famine_some_authors_6_8m"), "");
    assert_eq!(
        restates("e_famine_adding_6_8m"),
        "e_famine_some_authors_6_8m"
    );
    assert_eq!(
        restates("e_famine_6m_of_minimum"),
        "e_famine_some_authors_6_8m"
    );
}

#[test]
fn the_text_is_a_byte_for_byte_copy_with_its_special_characters() {
    let text = text();
    let shared =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/texts/stalin-article.txt");
    if let Ok(original) = fs::read_to_string(&shared) {
        assert_eq!(
            text, original,
            "data/texts/stalin-article.txt differs from the shared text"
        );
    }
    assert!(text.contains("160\u{a0}cm"), "no-break space kept");
    assert!(text.contains("6–8 million"), "en dash kept");
}

#[test]
fn every_source_is_used_and_every_row_has_a_known_kind() {
    let estimates = rows("estimates.csv");
    for source in rows("sources.csv") {
        assert!(
            SourceKind::parse(&source["kind"]).is_some(),
            "{}",
            source["id"]
        );
        assert!(
            estimates.iter().any(|e| e["source"] == source["id"]),
            "source {} has no estimate",
            source["id"]
        );
    }
    assert!(
        estimates.len() > 100,
        "the article has well over a hundred figures"
    );
}

#[test]
fn datapackage_describes_the_csv_files() {
    let descriptor: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(shipped_data().join("datapackage.json")).unwrap())
            .unwrap();
    let resources = descriptor["resources"].as_array().unwrap();
    // Every CSV file of the dataset is described, and nothing else.
    let mut described: Vec<&str> = resources
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    described.sort();
    let mut files: Vec<String> = fs::read_dir(shipped_data())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    files.sort();
    assert_eq!(described, files);
    for resource in resources {
        let path = resource["path"].as_str().unwrap();
        let mut reader = csv::Reader::from_path(shipped_data().join(path)).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let fields: Vec<String> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(header, fields, "{path}: header and schema fields differ");
    }
    let enumeration = |resource: &str, field: &str| -> Vec<String> {
        let r = resources.iter().find(|r| r["name"] == resource).unwrap();
        let f = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == field)
            .unwrap();
        f["constraints"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let qualifiers: Vec<String> = Qualifier::ALL
        .iter()
        .map(|q| q.as_str().to_string())
        .collect();
    assert_eq!(enumeration("estimates", "qualifier"), qualifiers);
    let kinds: Vec<String> = SourceKind::ALL
        .iter()
        .map(|k| k.as_str().to_string())
        .collect();
    assert_eq!(enumeration("sources", "kind"), kinds);
    let relations: Vec<String> = RelationKind::ALL
        .iter()
        .map(|k| k.as_str().to_string())
        .collect();
    assert_eq!(enumeration("relations", "kind"), relations);
}

/// The example dataset, curated from public texts no one on the project wrote, checks without
/// errors and builds. Its one broken relation is the text's own: Ashton et al.'s yearly cells,
/// 4.484 + 10.912 + 9.649 + 4.424 = 29.469 million, against the total cell of 30 (million).
#[test]
fn the_example_dataset_checks_and_builds() {
    let wd = crate::workdir::Workdir::new();
    crate::workdir::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/great-chinese-famine"),
        &wd.path("famine"),
    );
    let run = wd.run(&["check", "--data", "famine"]);
    run.code(0).stdout_has("0 error(s)");
    // 30 million - 29.469 million = 531,000: the table cells are read in millions (scale).
    run.line_has(&["r_ashton_yearly", "is broken", "off by 531,000"]);
    wd.run(&["build", "--data", "famine", "--out", "o", "--charts", "c"])
        .code(0);
    assert!(wd.path("o/report.html").exists());
}

/// The example's table documents are transcriptions of tables in its texts: every row of the
/// sandbox table, its cells joined by spaces, is a line of the page as retrieved, and every cell
/// of the wikitext table stands in the wikitext.
#[test]
fn the_example_tables_transcribe_their_texts() {
    let texts = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/great-chinese-famine/texts");
    let cells = |file: &str| -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(texts.join(file))
            .unwrap();
        reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    };
    let page = fs::read_to_string(texts.join("glf-estimates-sandbox.txt")).unwrap();
    let sandbox = cells("glf-estimates-sandbox-table.csv");
    // The header's cells break their lines ("Deaths" / "(millions)") on the page.
    for cell in &sandbox[0] {
        assert!(
            page.replace('\n', " ").contains(cell.as_str()),
            "header `{cell}`"
        );
    }
    let lines: Vec<&str> = page.lines().collect();
    for row in &sandbox[1..] {
        let line = row
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            lines.contains(&line.as_str()),
            "no line `{line}` on the page"
        );
    }
    assert_eq!(sandbox.len(), 1 + 7, "seven authors");
    let wikitext = fs::read_to_string(texts.join("glf-death-toll-wikitext.txt")).unwrap();
    let table = cells("glf-death-toll-table.csv");
    for cell in table.iter().flatten().filter(|c| !c.is_empty()) {
        assert!(wikitext.contains(cell.as_str()), "cell `{cell}`");
    }
    assert_eq!(table.len(), 1 + 5, "five rows, the last cut off");
}
