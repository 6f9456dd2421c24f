//! `reckon import`: a wide table (Our World in Data's shape) and a long one (UCDP's) brought
//! into a dataset with one command, checked clean and built; a second run changes nothing;
//! a bad table is refused at its place and leaves every file as it was. The fixtures'
//! figures are those the repository's texts state (tests/fixtures/import/README.md).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::workdir::Workdir;

/// The fixture folder.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// Every file under `dir` and its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.insert(path.clone(), fs::read(&path).unwrap());
        }
    }
    files
}

/// The wide fixture's import: each year of the Soviet Union a quantity, each column a source.
const WIDE: &str = "import|executions-by-year.csv|--data|data|--quantity|Entity,Year|--year|Year|--series|Entity|--source-columns|Executions (Soviet archival data),Executions (historians in light of the archives)|--category|executions";

/// The long fixture's import: low, best and high columns, `-999` and `NA` for no value.
const LONG: &str = "import|famine-deaths.csv|--data|data|--quantity|event|--source-column|source|--low|low|--point|best|--high|high|--na|-999|--na|NA|--category|famine_deaths|--source-kind|historian";

/// The arguments of a command written with `|` between them (a column name holds spaces).
fn args(command: &str) -> Vec<&str> {
    command.split('|').collect()
}

/// A work folder holding the fixtures and, when `shipped`, a copy of the shipped dataset.
fn workdir(shipped: bool) -> Workdir {
    let wd = if shipped {
        Workdir::with_shipped_data()
    } else {
        Workdir::new()
    };
    for name in ["executions-by-year.csv", "famine-deaths.csv"] {
        wd.write(name, fs::read(fixtures().join(name)).unwrap());
    }
    wd
}

/// The rows of a CSV file of the work folder as maps from column to cell.
fn rows(wd: &Workdir, rel: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(wd.path(rel)).unwrap();
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn a_wide_table_imports_into_a_new_dataset_that_checks_clean_and_builds() {
    let wd = workdir(false);
    wd.run(&args(WIDE))
        .code(0)
        .stdout_has("copied the table to data/texts/executions-by-year.csv (byte for byte)")
        .stdout_has("added 2 sources, 3 quantities and 3 cell estimates");
    assert_eq!(
        fs::read(wd.path("data/texts/executions-by-year.csv")).unwrap(),
        fs::read(fixtures().join("executions-by-year.csv")).unwrap()
    );
    wd.run(&["check"]).code(0).line_has(&[
        "3 estimates of 3 quantities from 2 sources",
        "0 error(s), 0 warning(s)",
    ]);
    // Each estimate holds the figure of its cell, which is the figure the article states.
    let article =
        fs::read_to_string(crate::workdir::shipped_data().join("texts/stalin-article.txt"))
            .unwrap();
    let table = rows(&wd, "data/texts/executions-by-year.csv");
    let estimates = rows(&wd, "data/estimates.csv");
    for (year, column, stated) in [
        (
            "1930",
            "Executions (Soviet archival data)",
            "20,201 people were executed during 1930",
        ),
        (
            "1937",
            "Executions (historians in light of the archives)",
            "353,074 in 1937",
        ),
        (
            "1938",
            "Executions (historians in light of the archives)",
            "328,612 in 1938",
        ),
    ] {
        assert!(article.contains(stated), "{stated}");
        let cell = &table.iter().find(|r| r["Year"] == year).unwrap()[column];
        let e = estimates
            .iter()
            .find(|e| e["locator"].contains(&format!("Year={year};")))
            .unwrap();
        assert_eq!(&e["point"], cell);
        assert_eq!(stated.split(' ').next().unwrap().replace(',', ""), *cell);
        assert_eq!(e["qualifier"], "exact");
        assert_eq!(
            e["locator"],
            format!("Entity=Soviet Union;Year={year};column={column}")
        );
    }
    let quantities = rows(&wd, "data/quantities.csv");
    let q1937 = quantities
        .iter()
        .find(|q| q["id"] == "soviet_union_1937")
        .unwrap();
    assert_eq!(
        (q1937["period_start"].as_str(), q1937["period_end"].as_str()),
        ("1937", "1937")
    );
    assert_eq!(q1937["label"], "Soviet Union, 1937");
    // `--series Entity`: the entity's words as an id, in the `series` column.
    assert_eq!(q1937["series"], "soviet_union");
    wd.run(&["coverage"])
        .code(0)
        .stdout_has("coverage: 3 of 3 figures covered (100%)");
    wd.run(&["build", "--out", "out", "--charts", "charts"])
        .code(0);
    assert!(wd.read("out/intervals.csv").contains(",cell,"));
}

#[test]
fn a_long_table_with_ranges_and_missing_value_markers_checks_clean_and_builds() {
    let wd = workdir(false);
    wd.run(&args(LONG))
        .code(0)
        .stdout_has("added 7 sources, 3 quantities and 7 cell estimates")
        // Peng, Coale and Cao: low and high markers; Banister: two empty cells; the scholarly
        // estimates and the 1932-33 famine: their best.
        .stdout_has("skipped 10 value cells");
    wd.run(&["check"]).code(0).line_has(&[
        "7 estimates of 3 quantities from 7 sources",
        "0 error(s), 0 warning(s)",
    ]);
    let estimates = rows(&wd, "data/estimates.csv");
    let by_source = |s: &str| estimates.iter().find(|e| e["source"] == s).unwrap();
    // "15 to 30 million (scholarly estimates)": a range without a central value.
    let revision = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/great-chinese-famine/texts/gcf-revision-2018.txt"),
    )
    .unwrap();
    assert!(revision.contains("15 to 30 million (scholarly estimates)"));
    let scholarly = by_source("scholarly_estimates");
    assert_eq!(
        [
            &scholarly["low"],
            &scholarly["point"],
            &scholarly["high"],
            &scholarly["qualifier"]
        ],
        ["15000000", "", "30000000", "range"]
    );
    assert_eq!(
        scholarly["locator"],
        "event=Great Chinese Famine;source=Scholarly estimates;column.low=low;column.high=high"
    );
    // The illustrative row: a range with its central value, each from its own cell.
    let illustrative = by_source("illustrative_source");
    assert_eq!(
        [
            &illustrative["low"],
            &illustrative["point"],
            &illustrative["high"]
        ],
        ["100000", "150000", "250000"]
    );
    assert!(illustrative["locator"].ends_with(";column.low=low;column.point=best;column.high=high"));
    // Peng's 23 million, as the example's table of estimates gives it (in millions).
    let sandbox = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/great-chinese-famine/texts/glf-estimates-sandbox-table.csv"),
    )
    .unwrap();
    assert!(sandbox.contains("\n23,,,,,Peng[1],"));
    let peng = by_source("peng");
    assert_eq!(
        [&peng["point"], &peng["qualifier"], &peng["low"]],
        ["23000000", "exact", ""]
    );
    wd.run(&["build", "--out", "out", "--charts", "charts"])
        .code(0);
    assert!(wd.path("charts/forest-great_chinese_famine.svg").exists());
    // Coverage counts every cell a locator names: both ends of a range and its point.
    let coverage = wd.run(&["coverage", "--format", "json"]);
    let found = coverage.code(0).json();
    let cells = [
        "15000000", "30000000", "6000000", "8000000", "100000", "150000", "250000",
    ];
    for cell in cells {
        let f = found["found"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["figure"] == cell)
            .unwrap_or_else(|| panic!("{cell} not found"));
        assert_eq!(f["covered"], true, "{cell}");
    }
    // The report shows a range by both of its cells.
    assert!(wd.read("out/report.html").contains(
        "<mark>15000000</mark>, <mark>30000000</mark> <span class=\"rule\">table cells, row 5 under “low”, “high”, of famine-deaths.csv</span>"
    ));
}

#[test]
fn a_changed_cell_of_the_copy_is_a_value_mismatch() {
    // The import's locators lead `check` to the cells: a cell changed after the import is
    // caught, the range's high end included.
    let wd = workdir(false);
    wd.run(&args(LONG)).code(0);
    wd.edit(
        "data/texts/famine-deaths.csv",
        "100000,150000,250000",
        "100000,150000,260000",
    );
    wd.run(&["check"]).code(1).line_has(&[
        "error[value-mismatch]",
        "`high` is 250000 but the cell at data/texts/famine-deaths.csv:8:",
    ]);
}

#[test]
fn importing_twice_changes_no_byte_and_keeps_the_rows_already_there() {
    let wd = workdir(true);
    let before = snapshot(&wd.path("data"));
    wd.run(&args(WIDE)).code(0);
    wd.run(&args(LONG)).code(0);
    let once = snapshot(&wd.path("data"));
    // The shipped rows stay as they were: every old file is the start of the new one, but
    // quantities.csv, which gains the optional `series` column that `--series` fills: each of
    // its old rows is kept, with one (empty) cell more.
    for (path, old) in &before {
        if path.ends_with("quantities.csv") {
            let (old, new) = (
                String::from_utf8_lossy(old),
                String::from_utf8_lossy(&once[path]),
            );
            let mut widened = new.lines();
            for (i, line) in old.lines().enumerate() {
                let tail = if i == 0 { ",series" } else { "," };
                assert_eq!(widened.next(), Some(format!("{line}{tail}").as_str()));
            }
            continue;
        }
        assert!(
            once[path].starts_with(old),
            "{} was rewritten",
            path.display()
        );
    }
    wd.run(&["check"]).code(0).line_has(&["0 error(s)"]);
    wd.run(&args(WIDE)).code(0).stdout_has(
        "nothing to add: data already holds texts/executions-by-year.csv and its 2 sources, 3 quantities and 3 estimates; no file was changed",
    );
    wd.run(&args(LONG)).code(0).stdout_has("nothing to add");
    assert!(
        snapshot(&wd.path("data")) == once,
        "a second import changed a file"
    );
}

#[test]
fn a_semicolon_separated_table_is_copied_with_commas_and_checks_clean() {
    let wd = workdir(false);
    let semicolons = wd.read("famine-deaths.csv").replace(',', ";");
    wd.write("famine-deaths.csv", semicolons);
    wd.run(&args(LONG)).code(0).stdout_has(
        "copied the table to data/texts/famine-deaths.csv (rewritten comma-separated from semicolon-separated, every cell unchanged)",
    );
    assert_eq!(
        wd.read("data/texts/famine-deaths.csv"),
        fs::read_to_string(fixtures().join("famine-deaths.csv")).unwrap()
    );
    wd.run(&["check"])
        .code(0)
        .line_has(&["0 error(s), 0 warning(s)"]);
    wd.run(&args(LONG)).code(0).stdout_has("nothing to add");
}

/// Runs the import of a bad table into a fresh folder and into a copy of the shipped data and
/// asserts that it fails, says `says`, and writes nothing.
fn refused(table: &[u8], args: &[&str], says: &[&str]) {
    for shipped in [false, true] {
        let wd = workdir(shipped);
        wd.write("bad.csv", table);
        let before = snapshot(wd.path("").as_path());
        let mut command = vec!["import", "bad.csv", "--data", "data"];
        command.extend(args);
        let run = wd.run(&command);
        run.code(2);
        for needle in says {
            run.stderr_has(needle);
        }
        run.stderr_has("nothing was written");
        assert!(
            snapshot(wd.path("").as_path()) == before,
            "a refused import changed a file"
        );
    }
}

#[test]
fn a_ragged_row_is_refused_at_its_line() {
    refused(
        b"Entity,Year,Deaths\nKorea,1950,100\nKorea,1951\n",
        &["--quantity", "Entity,Year", "--source-columns", "Deaths"],
        &[
            "bad.csv:3:1: error[field-count]",
            "2 cells but the header has 3",
        ],
    );
}

#[test]
fn a_non_number_in_a_value_column_is_refused_at_its_cell() {
    refused(
        b"Entity,Year,Deaths\nKorea,1950,100\nKorea,1951,about 200\n",
        &["--quantity", "Entity,Year", "--source-columns", "Deaths"],
        &[
            "bad.csv:3:12: error[bad-number]",
            "`Deaths` value `about 200` is not a number",
        ],
    );
}

#[test]
fn an_unknown_column_is_refused_with_the_closest_name() {
    refused(
        b"Entity,Year,Deaths\nKorea,1950,100\n",
        &["--quantity", "Entity,year", "--source-columns", "Deaths"],
        &[
            "bad.csv:1:1: error[missing-column]",
            "column `year`",
            "did you mean `Year`?",
        ],
    );
}

#[test]
fn a_table_that_is_not_utf8_is_refused_with_the_byte_offset() {
    refused(
        b"Entity,Year,Deaths\nC\xF4te d'Ivoire,1950,100\n",
        &["--quantity", "Entity,Year", "--source-columns", "Deaths"],
        &[
            "bad.csv:2:2: error[not-utf8]",
            "byte 0xF4 at byte offset 20",
        ],
    );
}

#[test]
fn a_dataset_folder_without_texts_csv_gets_one_listing_its_texts_too() {
    // Without texts.csv every texts/*.txt is a text; the new texts.csv keeps them so.
    let wd = workdir(true);
    fs::remove_file(wd.path("data/texts.csv")).unwrap();
    wd.run(&["check"]).code(0);
    wd.run(&args(WIDE)).code(0);
    let texts = rows(&wd, "data/texts.csv");
    let ids: Vec<&str> = texts.iter().map(|t| t["id"].as_str()).collect();
    assert_eq!(ids, ["stalin-article", "executions-by-year"]);
    assert_eq!(texts[0]["file"], "texts/stalin-article.txt");
    wd.run(&["check"])
        .code(0)
        .line_has(&["in 2 text(s)", "0 error(s)"]);
}

#[test]
fn the_table_itself_is_never_overwritten() {
    // Importing the dataset's own estimates.csv as a table would append to the file read.
    let wd = Workdir::new();
    wd.write(
        "data/estimates.csv",
        "id,quantity,source,text,low,point,high,qualifier,quote,note\n",
    );
    wd.write("data/table.csv", "Entity,Deaths\nKorea,100\n");
    let before = snapshot(&wd.path("data"));
    wd.run(&[
        "import",
        "data/table.csv",
        "--data",
        "data",
        "--text-id",
        "t",
        "--quantity",
        "Entity",
        "--source-columns",
        "Deaths",
    ])
    .code(0);
    assert!(snapshot(&wd.path("data")) != before);
    let again = wd.run(&[
        "import",
        "data/estimates.csv",
        "--data",
        "data",
        "--quantity",
        "id",
        "--source",
        "x",
        "--point",
        "point",
    ]);
    again
        .code(2)
        .stderr_has("refusing to write data/estimates.csv");
}
