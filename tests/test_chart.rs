//! `reckon chart`: each chart kind rendered into a temp dir and read back.

use std::fs;

use crate::workdir::{Workdir, EST, HEADER};

fn svg(wd: &Workdir, name: &str) -> String {
    wd.read(&format!("charts/{name}.svg"))
}

/// The height an SVG declares.
fn svg_height(svg: &str) -> u32 {
    let start = svg.find("height=\"").expect("a height") + 8;
    svg[start..].split('"').next().unwrap().parse().unwrap()
}

fn render_all(wd: &Workdir) {
    wd.run(&["chart", "--out", "charts"]).code(0);
}

#[test]
fn forest_chart_names_its_quantity_every_source_and_its_axis() {
    let wd = Workdir::with_shipped_data();
    render_all(&wd);
    let svg = svg(&wd, "forest-great_purge_executions_1937_38");
    for needle in [
        "Great Purge executions, 1937–38",
        "USSR · 1937–1938 · people",
        // The three sources quoted for this quantity, by their names in sources.csv.
        "Soviet archival records",
        "Historians in light of the Soviet archives",
        "Robert Conquest",
        // Qualifier and figure as stated, the derived ratio, the median and an axis tick.
        "nearly 700,000",
        "681,692",
        // 2.5 × 681,692 = 1,704,230, known to the two digits of "2.5".
        "2.5× ≈ 1.7 million",
        "median 700,000",
        "1M",
        "figures as quoted",
    ] {
        assert!(svg.contains(needle), "forest chart lacks `{needle}`");
    }
}

#[test]
fn a_wide_spread_gets_a_log_axis() {
    let wd = Workdir::with_shipped_data();
    render_all(&wd);
    // Victims totals run from 3 million to 60 million and open-ended.
    assert!(svg(&wd, "forest-victims_total_stalin_era").contains("log scale"));
    assert!(!svg(&wd, "forest-great_purge_executions_1937_38").contains("log scale"));
    wd.run(&[
        "chart",
        "--out",
        "linear",
        "--axis",
        "linear",
        "victims_total_stalin_era",
    ])
    .code(0);
    assert!(!wd
        .read("linear/forest-victims_total_stalin_era.svg")
        .contains("log scale"));
}

#[test]
fn every_chart_kind_is_rendered_as_svg_and_png() {
    let wd = Workdir::with_shipped_data();
    render_all(&wd);
    let names: Vec<String> = fs::read_dir(wd.path("charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for prefix in [
        "forest-",
        "category-",
        "totals-",
        "composition-",
        "official-vs-independent-",
    ] {
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(prefix) && n.ends_with(".svg")),
            "no {prefix} SVG"
        );
    }
    for name in names.iter().filter(|n| n.ends_with(".svg")) {
        let svg = wd.read(&format!("charts/{name}"));
        let png = fs::read(wd.path(&format!("charts/{}", name.replace(".svg", ".png")))).unwrap();
        let (w, h) = reckon::present::chart::png_size(&png).unwrap();
        assert_eq!(
            (w, h),
            (2000, 2 * svg_height(&svg)),
            "{name}: PNG at 2x the SVG"
        );
    }
}

#[test]
fn totals_chart_writes_the_verdict_and_the_difference() {
    let wd = Workdir::with_shipped_data();
    render_all(&wd);
    let broken = svg(&wd, "totals-r_great_purge_years_vs_archival");
    assert!(broken.contains("Broken: 353,074 + 328,612 = 681,686; stated 681,692"));
    assert!(broken.contains("broken: difference -6"));
    let holds = svg(&wd, "totals-r_erlikman_total");
    assert!(holds.contains("holds: difference +200,000"));
}

#[test]
fn composition_sets_archival_against_erlikman() {
    let wd = Workdir::with_shipped_data();
    render_all(&wd);
    let svg = svg(&wd, "composition-repression_total");
    for needle in [
        "Soviet archival records",
        "Vadim Erlikman",
        "stated about 3 million",
        "stated about 9 million",
        "executions",
        "gulag deaths",
    ] {
        assert!(svg.contains(needle), "composition lacks `{needle}`");
    }
}

#[test]
fn dumbbell_sets_official_against_independent() {
    let wd = Workdir::with_shipped_data();
    render_all(&wd);
    let svg = svg(&wd, "official-vs-independent-people");
    // Official 28.2 million against the article's approximately 35 million.
    assert!(svg.contains("Soviet military casualties, WWII"));
    assert!(svg.contains("28.2 million → 35 million"));
    assert!(svg.contains("Executions under Stalin"));
}

#[test]
fn rendering_twice_gives_identical_svg() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["chart", "--out", "a", "--format", "svg"]).code(0);
    wd.run(&["chart", "--out", "b", "--format", "svg"]).code(0);
    let mut names: Vec<_> = fs::read_dir(wd.path("a"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        assert_eq!(
            fs::read(wd.path("a").join(&name)).unwrap(),
            fs::read(wd.path("b").join(&name)).unwrap(),
            "{name:?} differs between runs"
        );
    }
}

#[test]
fn named_charts_only_and_unknown_names_refused() {
    let wd = Workdir::with_shipped_data();
    wd.run(&[
        "chart",
        "--out",
        "some",
        "--format",
        "svg",
        "executions_stalin_era",
    ])
    .code(0);
    let names: Vec<String> = fs::read_dir(wd.path("some"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["forest-executions_stalin_era.svg"]);
    wd.run(&["chart", "--out", "none", "no_such_quantity"])
        .code(2)
        .stderr_has("no chart for `no_such_quantity`")
        .stderr_has("executions_stalin_era");
}

/// A source named like markup shows as text in the SVG.
#[test]
fn names_from_the_data_are_escaped_in_svg() {
    let wd = Workdir::with_shipped_data();
    wd.edit(
        "data/sources.csv",
        "erlikman,Vadim Erlikman,",
        "erlikman,<script>alert(1)</script> & \"><img src=x onerror=alert(1)>,",
    );
    wd.run(&[
        "chart",
        "--out",
        "charts",
        "--format",
        "svg",
        "executions_stalin_era",
    ])
    .code(0);
    let svg = svg(&wd, "forest-executions_stalin_era");
    assert!(!svg.contains("<script>"), "raw markup in SVG");
    assert!(!svg.contains("<img"), "raw markup in SVG");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

// Regression: estimates of 0 printed NaN, and a log axis over them looped until memory ran out.
#[test]
fn every_estimate_zero_gives_no_nan() {
    let wd = Workdir::with_second_dataset();
    let text = wd.read("data/texts/chronicle.txt") + "Officially 0 died; others say 0 too.\n";
    wd.write("data/texts/chronicle.txt", text);
    wd.write(
        EST,
        format!(
            "{HEADER}\nz1,residents_left,parish,chronicle,,0,,exact,Officially 0 died,\nz2,residents_left,holt,chronicle,,0,,exact,say 0 too,\n"
        ),
    );
    wd.write(
        "data/relations.csv",
        "id,kind,target,operands,factor,quote,note\n",
    );
    for args in [
        vec!["explain", "residents_left"],
        vec!["report", "-o", "r.html"],
        vec!["reconcile"],
    ] {
        let run = wd.run(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(!run.stdout.contains("NaN"), "{args:?}: {}", run.stdout);
    }
    assert!(!wd.read("r.html").contains("NaN"));
    // A forced log axis has no positive figure to start from: it must still draw, and soon.
    for axis in ["log", "linear", "auto"] {
        let started = std::time::Instant::now();
        wd.run(&["chart", "--axis", axis, "--out", axis, "residents_left"])
            .code(0);
        assert!(
            started.elapsed().as_secs() < 20,
            "{axis}: {:?}",
            started.elapsed()
        );
        let svg = wd.read(&format!("{axis}/forest-residents_left.svg"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{axis}");
    }
}

// Regression: fitting chart text was quadratic in label length, so a 300 KB label never finished.
#[test]
fn a_huge_label_is_drawn_quickly() {
    let wd = Workdir::with_second_dataset();
    let label = "<i>".repeat(4_000);
    wd.edit(
        "data/quantities.csv",
        "\"Deaths in the Eastvale flood, 1872\"",
        &format!("\"{label}\""),
    );
    let started = std::time::Instant::now();
    wd.run(&["build", "--charts", "g", "--out", "o"]).code(0);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

/// Issue 14: naming something that has no chart says why, not only that there is none.
#[test]
fn a_chart_that_does_not_exist_is_explained() {
    let wd = Workdir::with_shipped_data();
    // "353,074 in 1937" is the one estimate of its quantity.
    wd.run(&["chart", "great_purge_executions_1937", "--out", "c"])
        .code(2)
        .stderr_has("no chart for quantity `great_purge_executions_1937`: it has 1 estimate(s), and a forest chart needs two or more");
    wd.run(&["chart", "r_conquest_ratio", "--out", "c"])
        .code(2)
        .stderr_has("this one is a ratio relation");
}

/// Issue 14: one estimate agrees with nothing, so an overview of single estimates draws no
/// consensus and does not name one in its legend. Each of the article's deportee quantities has
/// one estimate ("nearly 3.3 million", "millions of ethnic minorities"...).
#[test]
fn an_overview_of_single_estimates_draws_no_consensus() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["chart", "deportees", "--out", "charts", "--format", "svg"])
        .code(0);
    let overview = svg(&wd, "category-deportees");
    assert!(overview.contains("People deported 1941–49"));
    assert!(
        !overview.contains("consensus"),
        "a consensus of one estimate is drawn"
    );
    // With two agreeing estimates there is one: the 1932–33 famine's "between five and ten
    // million" and "6 to 8 million" agree on 6–8 million.
    wd.run(&[
        "chart",
        "famine_deaths",
        "--out",
        "charts",
        "--format",
        "svg",
    ])
    .code(0);
    assert!(svg(&wd, "category-famine_deaths").contains("consensus (all estimates agree)"));
}

/// charts.csv gives any chart its own title, subtitle and caption (escaped as SVG text); a row
/// naming no chart is a warning with its place, never a silent no-op.
#[test]
fn charts_csv_words_a_chart_and_names_an_unknown_one() {
    let wd = Workdir::with_shipped_data();
    wd.write(
        "data/charts.csv",
        "id,title,subtitle,caption\n\
         forest-famine_deaths_ussr_1932_33,How many died in the famine?,Estimates of 1932–33 & after,Source: <the article>\n\
         forest-famine_deaths_ussr_1932,Misspelt,,\n",
    );
    let out = wd.run(&["chart", "--out", "charts"]);
    out.code(0).stderr_has(
        "data/charts.csv:3:1: charts.csv names no chart `forest-famine_deaths_ussr_1932`; did you mean `forest-famine_deaths_ussr_1932_33`?",
    );
    let forest = svg(&wd, "forest-famine_deaths_ussr_1932_33");
    assert!(forest.contains("How many died in the famine?"));
    assert!(forest.contains("Estimates of 1932–33 &amp; after"));
    assert!(forest.contains("Source: &lt;the article&gt;"));
    // reckon's own title is gone from that chart only.
    assert!(!forest.contains("Soviet famine deaths, 1932–33"));
    assert!(svg(&wd, "forest-executions_stalin_era").contains("Source: Joseph Stalin"));
    // The report's figure takes the new title as its caption.
    wd.run(&["report", "-o", "r.html"]).code(0);
    assert!(wd.read("r.html").contains("How many died in the famine?"));
}
