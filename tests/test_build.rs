//! `reckon build`: every promised file, the repository's gallery kept in step with the data,
//! and outputs that never touch the inputs, leave the output folder, or carry live markup or
//! spreadsheet formulas.

use std::fs;
use std::path::Path;

use crate::workdir::listing;
use crate::workdir::{Workdir, EST, HEADER};

#[test]
fn build_writes_every_promised_file() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(0)
        .stdout_has("export(s) and report.html to exports");
    let exports = listing(&wd.path("exports"));
    for stem in ["reconciled", "relations", "intervals"] {
        for ext in ["csv", "json", "md"] {
            assert!(
                exports.contains(&format!("{stem}.{ext}")),
                "missing {stem}.{ext}"
            );
        }
    }
    let charts = listing(&wd.path("gallery"));
    assert!(charts.contains(&"forest-great_purge_executions_1937_38.svg".to_string()));
    assert_eq!(
        charts.iter().filter(|n| n.ends_with(".svg")).count(),
        charts.iter().filter(|n| n.ends_with(".png")).count()
    );
    // The JSON exports parse; the reconciled CSV carries plain numbers.
    let _: serde_json::Value = serde_json::from_str(&wd.read("exports/relations.json")).unwrap();
    assert!(wd.read("exports/reconciled.csv").contains(",681692,"));
}

/// The gallery in `charts/` must be exactly what `reckon build` renders from `data/`.
#[test]
fn the_repository_gallery_is_up_to_date() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(0);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("charts");
    let fresh = listing(&wd.path("gallery"));
    assert_eq!(
        listing(&repo),
        fresh,
        "charts/ lists other files: run `cargo run --release -- build`"
    );
    for name in fresh {
        assert!(
            fs::read(repo.join(&name)).unwrap()
                == fs::read(wd.path("gallery").join(&name)).unwrap(),
            "charts/{name} is stale: run `cargo run --release -- build`"
        );
    }
}

#[test]
fn build_stops_on_data_errors_and_writes_nothing() {
    let wd = Workdir::with_shipped_data();
    wd.edit("data/estimates.csv", ",353074,", ",353047,");
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(1)
        .stderr_has("error[value-mismatch]");
    assert!(!wd.path("exports").exists());
    assert!(!wd.path("gallery").exists());
}

/// Outputs get the permissions of any new file (0666 less the umask), not a temp file's 0600.
#[cfg(unix)]
#[test]
fn outputs_have_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let wd = Workdir::with_shipped_data();
    wd.write("ordinary.txt", "made the usual way");
    let usual = fs::metadata(wd.path("ordinary.txt"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    wd.run(&["reconcile", "--format", "csv", "-o", "reconciled.csv"])
        .code(0);
    let mode = fs::metadata(wd.path("reconciled.csv"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, usual, "{mode:o} vs {usual:o}");
}

#[test]
fn build_never_modifies_its_inputs() {
    let wd = Workdir::with_second_dataset();
    let snapshot = |wd: &Workdir| -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
        let mut files = Vec::new();
        let mut stack = vec![wd.path("data")];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let modified = fs::metadata(&path).unwrap().modified().unwrap();
                    files.push((
                        path.display().to_string(),
                        fs::read(&path).unwrap(),
                        modified,
                    ));
                }
            }
        }
        files.sort();
        files
    };
    let before = snapshot(&wd);
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(0);
    wd.run(&["report", "-o", "r.html"]).code(0);
    wd.run(&["reconcile", "--format", "csv", "-o", "r.csv"])
        .code(0);
    assert_eq!(snapshot(&wd), before);
}

// Regression: -o and build --out could overwrite input files; build wrote before finding a clash.
#[test]
fn outputs_never_overwrite_inputs() {
    let wd = Workdir::with_second_dataset();
    let before = wd.read(EST);
    wd.run(&["report", "-o", "data/estimates.csv"])
        .code(2)
        .stderr_has("one of the input files");
    let run = wd.run(&["build", "--charts", "data/charts", "--out", "data"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("it is the dataset folder"),
        "{}",
        run.stderr
    );
    assert_eq!(wd.read(EST), before);
    assert!(
        !wd.path("data/reconciled.csv").exists(),
        "nothing was written"
    );
    // A text whose name is that of a chart: the clash is found before the exports are written.
    fs::rename(
        wd.path("data/texts/chronicle.txt"),
        wd.path("data/texts/forest-flood_deaths.svg"),
    )
    .unwrap();
    wd.write(
        "data/texts.csv",
        "id,file,title,attribution\nchronicle,texts/forest-flood_deaths.svg,Chronicle,invented\n",
    );
    let text = wd.read("data/texts/forest-flood_deaths.svg");
    let run = wd.run(&["build", "--charts", "data/texts", "--out", "exports"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("forest-flood_deaths.svg"),
        "{}",
        run.stderr
    );
    assert!(
        !wd.path("exports").exists(),
        "exports written before the refusal"
    );
    assert_eq!(wd.read("data/texts/forest-flood_deaths.svg"), text);
    wd.run(&["chart", "--out", "data/texts"])
        .code(2)
        .stderr_has("nothing was written");
    assert!(!wd.path("data/texts/forest-flood_deaths.png").exists());
}

// Regression: a build refused before writing anything said "it wrote 0 file(s) before that".
#[test]
fn a_build_refused_up_front_says_it_wrote_nothing() {
    let wd = Workdir::with_second_dataset();
    let run = wd.run(&["build", "--charts", "c", "--out", "data"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("before writing any file"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("wrote 0 file"), "{}", run.stderr);
}

#[test]
fn a_failed_build_says_what_it_wrote_and_what_it_did_not() {
    let wd = Workdir::with_second_dataset();
    // The charts folder cannot be made: a file stands where it should be.
    wd.write("gallery", "not a folder");
    let run = wd.run(&["build", "--charts", "gallery", "--out", "exports"]);
    assert_ne!(run.code, 0);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    for needle in [
        "build stopped",
        "exports/reconciled.csv",
        "exports/report.html",
        "did not write",
        "gallery",
    ] {
        assert!(
            run.stderr.contains(needle),
            "stderr lacks `{needle}`:\n{}",
            run.stderr
        );
    }
    // What it says it wrote is complete; no temporary files are left behind.
    assert!(wd.read("exports/reconciled.csv").starts_with("key,"));
    let leftovers: Vec<String> = fs::read_dir(wd.path("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".reckon-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

// Regression: build exited 2 when nothing was charted and the charts folder did not exist yet.
#[test]
fn a_build_with_nothing_to_chart_succeeds_into_a_new_folder() {
    let wd = Workdir::with_second_dataset();
    // One estimate per quantity and no relations: no chart has anything to compare.
    wd.write(
        EST,
        format!(
            "{HEADER}\ne_register,flood_deaths,parish,chronicle,,312,,exact,records 312 deaths,\n"
        ),
    );
    wd.write(
        "data/relations.csv",
        "id,kind,target,operands,factor,quote,note\n",
    );
    wd.run(&["build", "--charts", "new/charts", "--out", "new/out"])
        .code(0)
        .stdout_has("0 chart(s)");
    assert!(wd.read("new/out/reconciled.csv").contains("flood_deaths"));
}

#[test]
fn file_names_from_ids_never_leave_the_output_folder() {
    let wd = Workdir::with_second_dataset();
    // Ids may only use letters, digits, `_`, `-` and `.` (check rejects `../../x`), but they
    // may still be a Windows device name or differ only in case; categories are free text
    // and may try to climb out or name an absolute path.
    wd.write(
        "data/quantities.csv",
        "id,label,category,unit,region,period_start,period_end,parent,description\n\
         Flood,Deaths,../../cat,people,Eastvale,1872,1872,,All deaths.\n\
         CON,Children,/tmp/abs,people,Eastvale,1872,1872,Flood,Children.\n\
         flood,Adults,../../cat,people,Eastvale,1872,1872,Flood,Adults.\n\
         houses_destroyed,Houses,damage,houses,Eastvale,1872,1872,,Houses.\n\
         residents_left,Residents who left,displaced,people,Eastvale,1872,1873,,Residents.\n",
    );
    let estimates = wd
        .read(EST)
        .replace(",flood_deaths,", ",Flood,")
        .replace(",flood_child_deaths,", ",CON,")
        .replace(",flood_adult_deaths,", ",flood,");
    // A second estimate for `flood` (adults) so that it gets a forest chart beside `Flood`'s.
    let estimates = estimates + "e_adults2,flood,mayor,chronicle,,137,,exact,137 adults,\n";
    wd.write(EST, estimates);
    wd.run(&["check"]).code(0);
    wd.run(&["build", "--charts", "out/gallery", "--out", "out/exports"])
        .code(0);
    // Everything written is inside out/, and nothing appeared next to it or above it.
    let mut top: Vec<String> = fs::read_dir(wd.path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, vec!["data", "out"]);
    let charts: Vec<String> = fs::read_dir(wd.path("out/gallery"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // `Flood` and `flood` get two different files, neither overwriting the other.
    let floods: Vec<&String> = charts
        .iter()
        .filter(|n| n.starts_with("forest-flood") && n.ends_with(".svg"))
        .collect();
    assert_eq!(floods.len(), 2, "{charts:?}");
    assert!(
        charts.iter().any(|n| n.starts_with("category-cat-")),
        "{charts:?}"
    );
    for name in &charts {
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "{name}"
        );
    }
    assert!(!std::path::Path::new("/tmp/abs.svg").exists());
    // And check rejects ids that try to climb out.
    wd.edit("data/quantities.csv", "Flood,Deaths", "../../x,Deaths");
    wd.run(&["check"])
        .code(1)
        .line_has(&["error[bad-id]", "../../x"]);
}

const SCRIPT: &str = "<script>alert(1)</script>";

const IMG: &str = "\"><img src=x onerror=alert(1)>";

#[test]
fn markup_in_the_data_shows_as_text_in_the_report_and_the_charts() {
    let wd = Workdir::with_second_dataset();
    // The CSV field holds the name with its quote marks doubled.
    let name = format!("{SCRIPT}{IMG}").replace('"', "\"\"");
    wd.edit(
        "data/sources.csv",
        "holt,Mary Holt,",
        &format!("holt,\"{name}\","),
    );
    wd.edit(
        "data/quantities.csv",
        "flood_deaths,\"Deaths in the Eastvale flood, 1872\"",
        &format!("flood_deaths,\"Deaths & {name}\""),
    );
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(0);
    let mut documents = vec![wd.read("exports/report.html")];
    for entry in fs::read_dir(wd.path("gallery")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "svg") {
            documents.push(fs::read_to_string(path).unwrap());
        }
    }
    assert!(documents.len() > 2, "charts were rendered");
    let mut shown = 0;
    for doc in &documents {
        assert!(!doc.contains("<script"), "raw script tag");
        assert!(!doc.contains("<img"), "raw img tag");
        if doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;") {
            shown += 1;
        }
    }
    assert!(
        shown >= 2,
        "the name shows, escaped, in the report and a chart"
    );
    // Each SVG is still well-formed enough for a strict renderer: the PNGs were made from them.
    assert!(wd.path("gallery/forest-flood_deaths.png").exists());
}

#[test]
fn spreadsheet_formulas_are_neutralised_and_negative_numbers_kept() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        "data/quantities.csv",
        "flood_deaths,\"Deaths in the Eastvale flood, 1872\"",
        "flood_deaths,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
    );
    wd.edit("data/sources.csv", "holt,Mary Holt,", "holt,@SUM(A1),");
    wd.edit(
        "data/quantities.csv",
        "Children who died in the flood",
        "+cmd|' /C calc'!A0",
    );
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(0);
    let reconciled = wd.read("exports/reconciled.csv");
    let mut reader = csv::Reader::from_reader(reconciled.as_bytes());
    let header = reader.headers().unwrap().clone();
    let mut labels = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        for (name, cell) in header.iter().zip(record.iter()) {
            let risky = cell.starts_with(['=', '+', '@'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!risky, "column {name} holds a live formula: {cell}");
        }
        labels.push(record[header.iter().position(|h| h == "label").unwrap()].to_string());
    }
    assert!(
        labels.contains(&"'=HYPERLINK(\"http://x\",\"y\")".to_string()),
        "{labels:?}"
    );
    assert!(
        labels.contains(&"'+cmd|' /C calc'!A0".to_string()),
        "{labels:?}"
    );
    // Holt's 350–420 against 215 + 137 = 352: central 385, so the difference is −33, written as
    // a plain negative number a spreadsheet reads as one.
    let relations = wd.read("exports/relations.csv");
    let mut reader = csv::Reader::from_reader(relations.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let difference = &row[header.iter().position(|h| h == "difference").unwrap()];
    assert_eq!(difference, "-33");
}

/// Issue 14: `build` describes its CSV exports in `out/datapackage.json`: one resource per
/// CSV, its fields the CSV's header, typed (booleans, integers for counts, numbers for figures).
#[test]
fn build_describes_its_exports_in_a_data_package() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["build", "--out", "out", "--charts", "charts"])
        .code(0);
    let package: serde_json::Value =
        serde_json::from_str(&wd.read("out/datapackage.json")).unwrap();
    let resources = package["resources"].as_array().unwrap();
    let names: Vec<&str> = resources
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["reconciled", "relations", "intervals", "hierarchy"]);
    for r in resources {
        let path = r["path"].as_str().unwrap();
        let csv = wd.read(&format!("out/{path}"));
        let header = csv.lines().next().unwrap();
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(fields.join(","), header, "{path}");
    }
    let type_of = |resource: &str, field: &str| -> String {
        resources.iter().find(|r| r["name"] == resource).unwrap()["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == field)
            .unwrap()["type"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(type_of("intervals", "derived"), "boolean");
    assert_eq!(type_of("intervals", "low"), "number");
    assert_eq!(type_of("reconciled", "estimates"), "integer");
    assert_eq!(type_of("reconciled", "has_consensus"), "boolean");
}
