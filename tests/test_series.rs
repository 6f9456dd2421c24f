//! Series: a table of one measure per year per source, imported with `--series`, becomes one
//! line chart per series (`series-NAME`), with a line and a legend key per source, and no
//! forest chart, timeline or overview row per year.

use std::path::Path;

use crate::workdir::{listing, Workdir};

/// The invented 60-year table in Our World in Data's shape (tests/fixtures/series/README.md).
const TABLE: &str = "conflict-deaths.csv";
const SOURCES: [&str; 3] = [
    "Deaths (low-count dataset)",
    "Deaths (mid-count dataset)",
    "Deaths (high-count dataset)",
];

/// A work dir holding the table, imported as series by `Entity`.
fn imported() -> Workdir {
    let wd = Workdir::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/series")
        .join(TABLE);
    wd.write(TABLE, std::fs::read(fixture).unwrap());
    let columns = SOURCES.join(",");
    wd.run(&[
        "import",
        TABLE,
        "--data",
        "data",
        "--quantity",
        "Entity,Year",
        "--year",
        "Year",
        "--series",
        "Entity",
        "--category",
        "war_civilian_deaths",
        "--source-columns",
        &columns,
    ])
    .code(0)
    .stdout_has("added 3 sources, 120 quantities");
    wd
}

/// The text of every `<text>` element of an SVG.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().to_string())
        })
        .collect()
}

/// The data lines of an SVG: polylines of more than two points (grid lines and axes have
/// two), each as its stroke colour and number of points.
fn lines(svg: &str) -> Vec<(String, usize)> {
    svg.split("<polyline")
        .skip(1)
        .filter_map(|p| {
            let stroke = p.split("stroke=\"").nth(1)?.split('"').next()?.to_string();
            let points = p.split("points=\"").nth(1)?.split('"').next()?;
            let n = points.split_whitespace().count();
            (n > 2).then_some((stroke, n))
        })
        .collect()
}

#[test]
fn sixty_years_from_three_sources_make_one_chart_with_a_line_per_source() {
    let wd = imported();
    assert!(wd.read("data/quantities.csv").contains(",northland\n"));
    wd.run(&["check"])
        .code(0)
        .stdout_has("0 error(s), 0 warning(s)");
    wd.run(&["chart", "--out", "charts", "series-northland"])
        .code(0);
    assert_eq!(
        listing(&wd.path("charts")),
        ["series-northland.png", "series-northland.svg"]
    );
    let svg = wd.read("charts/series-northland.svg");
    let drawn = lines(&svg);
    let mut colours: Vec<&str> = drawn.iter().map(|(c, _)| c.as_str()).collect();
    colours.sort_unstable();
    colours.dedup();
    assert_eq!(colours.len(), 3, "one colour per source: {drawn:?}");
    // The low-count dataset gives all 60 years: one unbroken line. The mid-count one misses
    // 1980 and 1981: two lines (1946-1979, 1982-2005). The high-count one starts in 1956.
    let mut lengths: Vec<usize> = drawn.iter().map(|(_, n)| *n).collect();
    lengths.sort_unstable();
    assert_eq!(lengths, [24, 34, 50, 60]);
    let words = texts(&svg);
    for source in SOURCES {
        assert!(
            words.iter().any(|t| t == source),
            "legend lacks {source}: {words:?}"
        );
    }
    assert!(words.iter().any(|t| t == "Northland, by year"), "{words:?}");
    // Northland's wars reach about a hundred times its quiet years: a log axis.
    assert!(words.iter().any(|t| t == "log scale"));
    // A quantity of the series names its chart.
    wd.run(&["chart", "--out", "one", "northland_1970"]).code(0);
    assert_eq!(
        listing(&wd.path("one")),
        ["series-northland.png", "series-northland.svg"]
    );
}

#[test]
fn a_build_draws_the_series_and_no_chart_per_year() {
    let wd = imported();
    wd.run(&["build", "--out", "out", "--charts", "charts"])
        .code(0);
    let charts: Vec<String> = listing(&wd.path("charts"))
        .into_iter()
        .filter(|f| !f.starts_with('.'))
        .collect();
    assert_eq!(
        charts,
        [
            "series-northland.png",
            "series-northland.svg",
            "series-southland.png",
            "series-southland.svg"
        ]
    );
    // Southland stays within a factor of five: a linear axis from zero.
    let south = texts(&wd.read("charts/series-southland.svg"));
    assert!(!south.iter().any(|t| t == "log scale"));
    assert!(south.iter().any(|t| t == "0"), "{south:?}");
    // The report shows both series charts in their category.
    let report = wd.read("out/report.html");
    assert!(report.contains("Northland, by year") && report.contains("Southland, by year"));
}

#[test]
fn a_series_in_two_units_is_an_error() {
    let wd = imported();
    wd.edit(
        "data/quantities.csv",
        "1970\",war_civilian_deaths,people,,1970,1970,,\"Rows of table `conflict-deaths` with Entity \"\"Northland",
        "1970\",war_civilian_deaths,percent,,1970,1970,,\"Rows of table `conflict-deaths` with Entity \"\"Northland",
    );
    wd.run(&["check"])
        .code(1)
        .stdout_has("quantities.csv:26:")
        .stdout_has("error[series-units]: quantity `northland_1970` is counted in percent");
}

#[test]
fn the_article_s_executions_by_year_make_a_series_chart() {
    // The wide import fixture: figures the encyclopedia article states (1930 from the
    // archives; 1937 and 1938 from historians), each year a quantity of series soviet_union.
    let wd = Workdir::new();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/executions-by-year.csv");
    wd.write("executions-by-year.csv", std::fs::read(fixture).unwrap());
    let sources =
        "Executions (Soviet archival data),Executions (historians in light of the archives)";
    wd.run(&[
        "import",
        "executions-by-year.csv",
        "--data",
        "data",
        "--quantity",
        "Entity,Year",
        "--year",
        "Year",
        "--series",
        "Entity",
        "--source-columns",
        sources,
        "--category",
        "executions",
    ])
    .code(0);
    wd.run(&["chart", "--out", "charts", "series-soviet_union"])
        .code(0);
    let svg = wd.read("charts/series-soviet_union.svg");
    let words = texts(&svg);
    for source in sources.split(',') {
        assert!(words.iter().any(|t| t == source), "{words:?}");
    }
    assert!(
        words.iter().any(|t| t == "Soviet Union, by year"),
        "{words:?}"
    );
    // `--only` takes a series' name; a series of one period has no chart, and says why.
    wd.run(&["report", "--only", "soviet_union", "-o", "r.html"])
        .code(0);
    assert!(wd.read("r.html").contains("Soviet Union, by year"));
    for year in ["1937", "1938"] {
        let row = format!("Year \"\"{year}\"\".\",soviet_union");
        wd.edit(
            "data/quantities.csv",
            &row,
            &row.replace(",soviet_union", ","),
        );
    }
    wd.run(&["chart", "--out", "none", "soviet_union"])
        .code(2)
        .stderr_has("no chart for series `soviet_union`: a series chart needs two or more of its quantities with a period and an estimate (it has 1)");
}
