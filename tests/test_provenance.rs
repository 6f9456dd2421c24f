//! Estimates evidenced by a citation or by a cell of a table document (issue 12), driven
//! through the real binary. Figures are those the Great Chinese Famine example's texts credit
//! to Coale (1984, 27 million), Ashton et al. (1984, 30 million) and Peng (1987, 23 million).

use crate::workdir::{line_of, Workdir};

const QUANTITIES: &str =
    "id,label,category,unit,region,period_start,period_end,parent,description\n\
    gcf_deaths,Great Chinese Famine deaths,famine_deaths,people,China,1959,1961,,Excess deaths\n";

const SOURCES: &str = "id,name,kind,note,year,citation,url\n\
    coale,Ansley J. Coale,historian,,1984,\"Coale, A. J. (1984). Rapid Population Change in China, 1952–1982\",\n\
    ashton,Ashton et al.,historian,,1984,\"Ashton, Hill, Piazza and Zeitz (1984). Famine in China, 1958–61\",\n\
    peng,Peng Xizhe,historian,,1987,\"Peng, X. (1987). Demographic Consequences of the Great Leap Forward\",\n";

/// A dataset of three estimates that cite their sources' works: no text, no quote.
fn cited() -> Workdir {
    let wd = Workdir::new();
    wd.write("data/quantities.csv", QUANTITIES);
    wd.write("data/sources.csv", SOURCES);
    wd.write(
        "data/estimates.csv",
        "id,quantity,source,text,low,point,high,qualifier,quote,note,locator\n\
         e_coale,gcf_deaths,coale,,,27000000,,exact,,,p. 7\n\
         e_ashton,gcf_deaths,ashton,,,30000000,,exact,,,p. 614\n\
         e_peng,gcf_deaths,peng,,,23000000,,exact,,,pp. 648–649\n",
    );
    wd
}

#[test]
fn a_dataset_of_citations_checks_clean_reconciles_and_charts() {
    let wd = cited();
    wd.run(&["check"]).code(0).line_has(&[
        "3 estimates (3 cited but not verified against a document)",
        "0 error(s), 0 warning(s)",
    ]);
    // --strict does not turn unverified citations into errors.
    wd.run(&["check", "--strict"]).code(0);
    let out = wd.run(&["reconcile", "--format", "json"]);
    out.code(0);
    let rows = out.json();
    assert_eq!(rows[0]["independent"], 3);
    // The median of 23, 27 and 30 million.
    assert_eq!(rows[0]["median"], 27_000_000.0);
    wd.run(&["build", "--out", "out", "--charts", "charts"])
        .code(0);
    let intervals = wd.read("out/intervals.csv");
    let header: Vec<&str> = intervals.lines().next().unwrap().split(',').collect();
    let column = header.iter().position(|c| *c == "provenance").unwrap();
    for row in intervals.lines().skip(1) {
        assert_eq!(row.split(',').nth(column), Some("citation"), "{row}");
    }
    assert!(wd.path("charts/forest-gcf_deaths.svg").exists());
    let html = wd.read("out/report.html");
    assert!(html.contains("cited, not verified against a document:"));
    assert!(html.contains("Famine in China, 1958–61"));
    wd.run(&["explain", "e_ashton"]).code(0).line_has(&[
        "Estimate e_ashton: cited, not verified against a document:",
        "Famine in China, 1958–61",
        "p. 614",
    ]);
}

#[test]
fn a_citation_without_a_citation_is_an_error_on_the_row() {
    let wd = cited();
    wd.edit(
        "data/sources.csv",
        "\"Peng, X. (1987). Demographic Consequences of the Great Leap Forward\"",
        "",
    );
    let line = line_of(&wd.read("data/estimates.csv"), "e_peng");
    wd.run(&["check"]).code(1).line_has(&[
        &format!("data/estimates.csv:{line}:"),
        "error[missing-citation]",
        "source `peng` has no `citation`",
    ]);
}

/// The table of the literature as a document: estimates point at its cells.
fn tabled() -> Workdir {
    let wd = Workdir::new();
    wd.write("data/quantities.csv", QUANTITIES);
    wd.write("data/sources.csv", SOURCES);
    wd.write(
        "data/texts.csv",
        "id,file,title,attribution\ntable,texts/table.csv,Estimates of the famine's deaths,transcribed\n",
    );
    wd.write(
        "data/texts/table.csv",
        "Author,Year,Deaths (millions)\nPeng,1987,23\nCoale,1984,27\nAshton et al.,1984,30\n",
    );
    wd.write(
        "data/estimates.csv",
        "id,quantity,source,text,low,point,high,qualifier,quote,note,locator\n\
         e_peng,gcf_deaths,peng,table,,23000000,,exact,,,Author=Peng;column=Deaths (millions);scale=1000000\n\
         e_coale,gcf_deaths,coale,table,,27000000,,exact,,,row=2;column=Deaths (millions);scale=1000000\n\
         e_ashton,gcf_deaths,ashton,table,,30000000,,exact,30,,Author=Ashton et al.;column=Deaths (millions);scale=1000000\n",
    );
    wd
}

#[test]
fn a_table_document_checks_and_a_changed_cell_names_both_files() {
    let wd = tabled();
    wd.run(&["check"])
        .code(0)
        .line_has(&["3 estimates of 1 quantities", "0 error(s)"]);
    wd.run(&["explain", "e_coale"]).code(0).line_has(&[
        "Estimate e_coale: cell `row=2;column=Deaths (millions);scale=1000000` of table",
        "texts/table.csv",
    ]);
    wd.run(&["report", "-o", "r.html"]).code(0);
    let html = wd.read("r.html");
    assert!(
        html.contains("<mark>27</mark> <span class=\"rule\">table cell, row 2 under “Deaths (millions)”, of Estimates of the famine&#x27;s deaths")
            || html.contains("<mark>27</mark> <span class=\"rule\">table cell, row 2 under “Deaths (millions)”, of Estimates of the famine&#39;s deaths"),
        "the report shows Coale's cell"
    );
    // Coale's cell, line 3 of the table, third column (after "Coale,1984,").
    wd.edit("data/texts/table.csv", "Coale,1984,27", "Coale,1984,28");
    let line = line_of(&wd.read("data/estimates.csv"), "e_coale");
    wd.run(&["check"]).code(1).line_has(&[
        &format!("data/estimates.csv:{line}:"),
        "error[value-mismatch]",
        "`point` is 27000000",
        "the cell at data/texts/table.csv:3:12 \"28\"",
        "states 28 million",
    ]);
    let out = wd.run(&["build", "--out", "out", "--charts", "charts"]);
    out.code(1);
    assert!(!wd.path("out").exists());
}

#[test]
fn a_locator_that_names_no_cell_is_bad_locator() {
    let wd = tabled();
    wd.edit("data/estimates.csv", "Author=Peng;", "Author=Pang;");
    wd.run(&["check"])
        .code(1)
        .line_has(&["error[bad-locator]", "no row has Author=Pang"]);
}
