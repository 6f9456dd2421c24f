//! Hostile and broken input: every case gets a clear error naming the file, line and column
//! where there is one, and a non-zero exit; never a panic, never a silently dropped row.
//!
//! The cases run on the small invented dataset in `tests/fixtures/second` (see its
//! `estimates.csv`: line 2 is `e_register`, line 3 `e_mayor`, ...).

use std::fs;

use crate::workdir::{Run, Workdir};

const EST: &str = "data/estimates.csv";
const HEADER: &str = "id,quantity,source,text,low,point,high,qualifier,quote,note";

/// Runs `reckon check` and asserts it neither panicked nor exited 0.
fn check_fails(wd: &Workdir) -> Run {
    let run = wd.run(&["check"]);
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    assert_ne!(run.code, 0, "check passed:\n{}", run.stdout);
    run
}

#[test]
fn the_untouched_second_dataset_passes() {
    Workdir::with_second_dataset().run(&["check"]).code(0);
}

#[test]
fn a_missing_column_is_named_with_the_expected_header() {
    let wd = Workdir::with_second_dataset();
    // Drop the `note` column: from the header, and the (empty) last field of every row.
    let text: String = wd
        .read(EST)
        .lines()
        .map(|l| {
            let l = l.strip_suffix(",note").or(l.strip_suffix(',')).unwrap_or(l);
            format!("{l}\n")
        })
        .collect();
    wd.write(EST, text);
    check_fails(&wd).code(1).line_has(&[
        "data/estimates.csv:1:1: error[missing-column]",
        "`note`",
        HEADER,
    ]);
}

#[test]
fn an_extra_column_is_kept_with_a_warning_and_an_extra_field_is_an_error() {
    let wd = Workdir::with_second_dataset();
    let text = wd.read(EST);
    let mut lines: Vec<String> = text.lines().map(|l| format!("{l},x")).collect();
    lines[0] = format!("{HEADER},reviewer");
    wd.write(EST, lines.join("\n") + "\n");
    wd.run(&["check"]).code(0).line_has(&[
        "data/estimates.csv:1:",
        "warning[unknown-column]",
        "`reviewer`",
    ]);
    // A row with one field more than the header.
    wd.write(
        EST,
        text.replace("nearly,nearly 400,", "nearly,nearly 400,,surplus"),
    );
    check_fails(&wd).code(1).line_has(&[
        "data/estimates.csv:3:1: error[field-count]",
        "11 fields",
        "10",
    ]);
}

#[test]
fn a_misspelled_header_gets_a_suggestion() {
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "qualifier,quote", "qualifer,quote");
    check_fails(&wd)
        .code(1)
        .line_has(&["error[missing-column]", "`qualifier`", "`qualifer`"]);
}

#[test]
fn wrong_types_name_the_cell() {
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "chronicle,,312,", "chronicle,,three hundred,");
    wd.edit(
        "data/quantities.csv",
        "Eastvale,1872,1873",
        "Eastvale,1872,next year",
    );
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&[
            "data/estimates.csv:2:",
            "error[bad-number]",
            "`point`",
            "three hundred",
        ])
        .line_has(&[
            "data/quantities.csv:6:",
            "error[bad-year]",
            "`period_end`",
            "next year",
        ]);
}

#[test]
fn an_empty_file_and_a_header_only_file_are_errors() {
    let wd = Workdir::with_second_dataset();
    wd.write(EST, "");
    check_fails(&wd)
        .code(1)
        .line_has(&["data/estimates.csv:1:1: error[empty-file]", HEADER]);
    wd.write(EST, format!("{HEADER}\n"));
    check_fails(&wd)
        .code(1)
        .line_has(&["data/estimates.csv:1:1: error[no-rows]"]);
}

#[test]
fn duplicate_ids_dangling_references_unknown_qualifiers_and_empty_quotes() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        EST,
        "e_mayor,flood_deaths,mayor",
        "e_register,flood_death,mayr",
    );
    wd.edit(EST, "range,between 350", "rnage,between 350");
    wd.edit(EST, "exact,215 were children,", "exact,,");
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&["data/estimates.csv:3:1: error[duplicate-id]", "line 2"])
        .line_has(&[
            "data/estimates.csv:3:",
            "error[unknown-reference]",
            "flood_death",
        ])
        .line_has(&["data/estimates.csv:3:", "error[unknown-reference]", "mayr"])
        .line_has(&[
            "data/estimates.csv:4:",
            "error[bad-qualifier]",
            "rnage",
            "range",
        ])
        .line_has(&["data/estimates.csv:5:", "error[empty-quote]"]);
}

#[test]
fn numbers_that_are_negative_nan_infinite_huge_or_formatted_are_rejected() {
    for (cell, says) in [
        ("-312", "negative"),
        ("NaN", "not a number"),
        ("inf", "not a number"),
        ("1e300", "absurdly large"),
        ("3,12", "without separators: 312"),
        ("312 people", "in digits without words"),
    ] {
        let wd = Workdir::with_second_dataset();
        wd.edit(EST, "chronicle,,312,", &format!("chronicle,,\"{cell}\","));
        check_fails(&wd).code(1).line_has(&[
            "data/estimates.csv:2:",
            "error[bad-number]",
            "`point`",
            says,
        ]);
    }
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_are_accepted() {
    let wd = Workdir::with_second_dataset();
    for file in [
        "estimates.csv",
        "sources.csv",
        "quantities.csv",
        "relations.csv",
    ] {
        let path = format!("data/{file}");
        let text = wd.read(&path).replace('\n', "\r\n");
        wd.write(
            &path,
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        );
    }
    wd.run(&["check"]).code(0);
    // Positions still count lines and columns as an editor shows them.
    wd.edit(EST, "chronicle,,312,", "chronicle,,313,");
    check_fails(&wd)
        .code(1)
        .line_has(&["data/estimates.csv:2:", "error[value-mismatch]", "313"]);
}

#[test]
fn quoted_fields_may_hold_newlines_commas_and_quotes() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        EST,
        "exact,records 312 deaths,",
        "exact,records 312 deaths,\"Counted, by name,\nin the \"\"burial\"\" book.\"",
    );
    wd.run(&["check"]).code(0);
    // The row after the two-line note is reported on its real line (4, not 3).
    wd.edit(
        EST,
        "e_mayor,flood_deaths,mayor,chronicle,,400",
        "e_mayor,flood_deaths,mayor,chronicle,,401",
    );
    check_fails(&wd)
        .code(1)
        .line_has(&["data/estimates.csv:4:", "error[value-mismatch]", "401"]);
    let run = wd.run(&["reconcile", "--format", "json"]);
    assert_ne!(run.code, 0);
}

#[test]
fn non_utf8_bytes_name_the_byte_offset() {
    let wd = Workdir::with_second_dataset();
    let text = wd.read(EST);
    let at = text.find("records 312").unwrap();
    let mut bytes = text.into_bytes();
    bytes[at] = 0xE9; // Latin-1 "é"
    wd.write(EST, bytes);
    check_fails(&wd).code(1).line_has(&[
        "data/estimates.csv:2:",
        "error[not-utf8]",
        "0xE9",
        &format!("byte offset {at}"),
    ]);
    // The same in a text.
    let mut body = wd.read("data/texts/chronicle.txt").into_bytes();
    body[10] = 0xFF;
    wd.write("data/texts/chronicle.txt", body);
    check_fails(&wd).line_has(&["error[not-utf8]", "chronicle.txt", "0xFF", "byte offset 10"]);
}

#[test]
fn a_megabyte_field_is_read_and_never_echoed_whole() {
    let wd = Workdir::with_second_dataset();
    let huge = "x".repeat(1 << 20);
    // A megabyte note is fine; a megabyte quote is not in the text and is reported short.
    wd.edit(
        EST,
        "exact,records 312 deaths,",
        &format!("exact,records 312 deaths,{huge}"),
    );
    wd.run(&["check"]).code(0);
    wd.edit(
        EST,
        "nearly,nearly 400,",
        &format!("nearly,nearly 400 {huge},"),
    );
    let run = check_fails(&wd);
    run.code(1).line_has(&[
        "data/estimates.csv:3:",
        "error[quote-not-found]",
        "characters)",
    ]);
    assert!(
        run.stdout.len() < 20_000,
        "{} bytes of output",
        run.stdout.len()
    );
}

#[test]
fn a_missing_or_empty_text_is_an_error_on_the_row_that_names_it() {
    let wd = Workdir::with_second_dataset();
    wd.write(
        "data/texts.csv",
        "id,file,title,attribution\nchronicle,texts/chronicle.txt,Chronicle,\nother,texts/other.txt,Other,\n",
    );
    check_fails(&wd)
        .code(1)
        .line_has(&["data/texts.csv:3:", "error[text-missing]", "other.txt"]);
    wd.write("data/texts/other.txt", " \n");
    check_fails(&wd)
        .code(1)
        .line_has(&["data/texts.csv:3:", "error[text-empty]", "other.txt"]);
}

#[test]
fn a_folder_where_a_file_should_be_exits_2() {
    let wd = Workdir::with_second_dataset();
    fs::remove_file(wd.path(EST)).unwrap();
    fs::create_dir(wd.path(EST)).unwrap();
    check_fails(&wd)
        .code(2)
        .stderr_has("estimates.csv is a folder, but a file is expected there");
    let wd = Workdir::with_second_dataset();
    fs::create_dir(wd.path("data/relations.csv.d")).unwrap();
    fs::remove_file(wd.path("data/relations.csv")).unwrap();
    fs::create_dir(wd.path("data/relations.csv")).unwrap();
    check_fails(&wd)
        .code(2)
        .stderr_has("relations.csv is a folder");
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_exits_2() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    // A symbolic-link loop cannot be read by anyone, root included.
    let wd = Workdir::with_second_dataset();
    fs::remove_file(wd.path("data/relations.csv")).unwrap();
    symlink("relations.csv", wd.path("data/relations.csv")).unwrap();
    check_fails(&wd)
        .code(2)
        .stderr_has("cannot read")
        .stderr_has("relations.csv");
    // Without read permission (only meaningful when not running as root).
    let wd = Workdir::with_second_dataset();
    let path = wd.path(EST);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_err() {
        check_fails(&wd).code(2).stderr_has("cannot read");
    }
}

#[test]
fn one_bad_row_never_hides_the_others() {
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "chronicle,,312,", "chronicle,,-312,");
    wd.edit(EST, "nearly,nearly 400", "nearly,almost 400");
    wd.edit(
        EST,
        "e_children,flood_child_deaths,holt,chronicle,,215",
        "e_children,flood_child_deaths,holt,chronicle,,\"2,15\"",
    );
    wd.edit(
        "data/sources.csv",
        "holt,Mary Holt,historian",
        "holt,Mary Holt,historien",
    );
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&["data/estimates.csv:2:", "bad-number"])
        .line_has(&["data/estimates.csv:3:", "quote-not-found"])
        .line_has(&["data/estimates.csv:5:", "bad-number"])
        .line_has(&["data/sources.csv:4:", "bad-kind", "historian"]);
    // Every row is accounted for: reconcile refuses the data rather than dropping rows.
    let rec = wd.run(&["reconcile"]);
    assert_eq!(rec.code, 1, "{}", rec.stderr);
}

/// A million estimates: check finishes and memory stays proportional to the data (about 1 KB
/// a row; see README, Limits).
#[test]
fn a_million_rows_are_checked_in_bounded_memory() {
    let wd = Workdir::with_second_dataset();
    let original = wd.read(EST);
    let rows: Vec<&str> = original.lines().skip(1).collect();
    let mut big = String::with_capacity(120 << 20);
    big.push_str(HEADER);
    big.push('\n');
    for i in 0..1_000_000usize {
        let row = rows[i % rows.len()];
        let (_, rest) = row.split_once(',').unwrap();
        big.push_str(&format!("m{i},{rest}\n"));
    }
    wd.write(EST, &big);
    wd.write(
        "data/relations.csv",
        "id,kind,target,operands,factor,quote,note\n",
    );
    let (run, peak_kb) = run_measured(&wd, &["check"]);
    // Rows repeat the seven estimates under new ids; each quote is still in the text once.
    let head: String = run.stderr.chars().take(2000).collect();
    assert_eq!(run.code, 0, "{head}");
    assert!(
        run.stdout
            .contains("data: 1000000 estimates of 5 quantities"),
        "{}",
        run.stdout
    );
    if let Some(kb) = peak_kb {
        let file_kb = big.len() as u64 / 1024;
        eprintln!("peak memory {kb} kB for a {file_kb} kB file");
        assert!(kb < 2_000_000, "peak memory {kb} kB");
    }
}

/// Runs reckon and samples its peak resident memory (Linux: VmHWM in /proc) while it runs.
fn run_measured(wd: &Workdir, args: &[&str]) -> (Run, Option<u64>) {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_reckon"))
        .args(args)
        .current_dir(wd.path(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).unwrap();
        s
    });
    let mut peak: Option<u64> = None;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if let Ok(text) = fs::read_to_string(&status_path) {
            if let Some(kb) = text
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
            {
                peak = Some(peak.map_or(kb, |p: u64| p.max(kb)));
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let run = Run {
        command: format!("reckon {}", args.join(" ")),
        code: status.code().unwrap_or(-1),
        stdout: reader.join().unwrap(),
        stderr,
    };
    (run, peak)
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

// Cases found by an adversarial review of the first version of this file.

#[test]
fn a_figure_after_a_no_break_space_does_not_crash_coverage_or_report() {
    let wd = Workdir::with_second_dataset();
    let mut text = wd.read("data/texts/chronicle.txt");
    text.push_str("See p.\u{a0}12, p.\u{2009}13 and\u{202f}T-34.\u{2028}Also 14.\n");
    wd.write("data/texts/chronicle.txt", text);
    for args in [
        vec!["coverage"],
        vec!["report", "-o", "r.html"],
        vec!["build", "--charts", "g", "--out", "o"],
    ] {
        let run = wd.run(&args);
        assert!(
            !run.stderr.contains("panicked"),
            "{:?}: {}",
            args,
            run.stderr
        );
        assert_eq!(run.code, 0, "{:?}: {}", args, run.stderr);
    }
}

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

#[test]
fn a_range_or_band_with_one_end_repeated_is_a_value_mismatch() {
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "chronicle,350,,420,range", "chronicle,350,,350,range");
    check_fails(&wd).code(1).line_has(&[
        "data/estimates.csv:4:",
        "error[value-mismatch]",
        "both 350",
        "350 to 420",
    ]);
}

#[test]
fn texts_outside_the_dataset_and_special_files_are_refused() {
    for file in ["../../../../etc/passwd", "/etc/passwd", ""] {
        let wd = Workdir::with_second_dataset();
        wd.write(
            "data/texts.csv",
            format!("id,file,title,attribution\nchronicle,{file},T,\n"),
        );
        let run = check_fails(&wd);
        run.code(1)
            .line_has(&["data/texts.csv:2:", "error[text-outside]"]);
        assert!(!run.stdout.contains("unknown-reference"), "{}", run.stdout);
    }
    #[cfg(unix)]
    {
        // A link inside the dataset to a device would never finish reading.
        let wd = Workdir::with_second_dataset();
        fs::remove_file(wd.path("data/texts/chronicle.txt")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", wd.path("data/texts/chronicle.txt")).unwrap();
        check_fails(&wd)
            .code(1)
            .line_has(&["error[text-not-a-file]", "chronicle.txt"]);
        let wd = Workdir::with_second_dataset();
        fs::remove_file(wd.path("data/relations.csv")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", wd.path("data/relations.csv")).unwrap();
        check_fails(&wd).code(2).stderr_has("not a regular file");
    }
}

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
        run.stderr.contains("one of the input files"),
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

#[test]
fn cr_only_line_endings_keep_lines_and_columns() {
    let wd = Workdir::with_second_dataset();
    let text = wd
        .read(EST)
        .replace("chronicle,,312,", "chronicle,,313,")
        .replace('\n', "\r");
    wd.write(EST, text);
    check_fails(&wd).code(1).line_has(&[
        "data/estimates.csv:2:43:",
        "error[value-mismatch]",
        "313",
    ]);
}

#[test]
fn an_unclosed_quote_is_named_with_the_lines_it_swallowed() {
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "nearly,nearly 400,", "nearly,\"nearly 400,");
    check_fails(&wd).code(1).line_has(&[
        "data/estimates.csv:3:1: error[field-count]",
        "runs from line 3 to line 7",
        "never closed",
    ]);
}

#[test]
fn misleading_follow_on_messages_are_gone() {
    // An extra header column: the rows are there, so no `no-rows`.
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "quote,note\n", "quote,note,extra\n");
    let run = check_fails(&wd);
    assert!(!run.stdout.contains("no-rows"), "{}", run.stdout);
    run.line_has(&["data/estimates.csv:2:1: error[field-count]"]);
    // A bad number is reported once, not again as missing.
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "chronicle,,312,", "chronicle,,0x10,");
    let run = check_fails(&wd);
    run.line_has(&["data/estimates.csv:2:", "error[bad-number]"]);
    assert!(!run.stdout.contains("missing-value"), "{}", run.stdout);
    // An empty or BOM-only text: one finding, not one per estimate that quotes it.
    let wd = Workdir::with_second_dataset();
    wd.write("data/texts/chronicle.txt", "\u{feff}");
    let run = check_fails(&wd);
    run.line_has(&["error[text-empty]", "chronicle.txt"]);
    assert!(!run.stdout.contains("unknown-reference"), "{}", run.stdout);
    assert!(!run.stdout.contains("quote-not-found"), "{}", run.stdout);
    // Non-UTF-8 in a text: the line and column in the text itself.
    let wd = Workdir::with_second_dataset();
    let mut body = wd.read("data/texts/chronicle.txt").into_bytes();
    let at = body.iter().position(|&b| b == b'\n').unwrap() + 5;
    body[at] = 0xFF;
    wd.write("data/texts/chronicle.txt", body);
    check_fails(&wd).line_has(&["data/texts/chronicle.txt:2:5:", "error[not-utf8]"]);
}

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

#[test]
fn control_characters_and_huge_ids_are_shown_escaped_and_short() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        EST,
        "e_mayor,flood_deaths,",
        "\"e_m\nay\u{1b}[31mor\",flood_deaths,",
    );
    let run = check_fails(&wd);
    run.line_has(&["error[bad-id]", "e_m\\nay\\u{1b}[31mor"]);
    for line in run.stdout.lines() {
        assert!(
            line.contains(": error[") || line.contains(": warning[") || line.starts_with("data:"),
            "{line}"
        );
    }
    let long = "x".repeat(10_000);
    let run = Workdir::with_second_dataset().run(&["explain", &long]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.len() < 1_000, "{} bytes", run.stderr.len());
}

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

// Cases found by a second adversarial review.

#[test]
fn a_quote_that_cuts_into_a_longer_figure_is_an_error() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        EST,
        ",,312,,exact,records 312 deaths,",
        ",,12,,exact,12 deaths,",
    );
    wd.edit(
        EST,
        ",,1240,,exact,\"1,240 houses\",",
        ",,240,,exact,\"240 houses\",",
    );
    wd.edit(
        EST,
        ",,2000,,about,\"Some 2,000 residents\",",
        ",,2,,about,\"Some 2\",",
    );
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&[
            "data/estimates.csv:2:",
            "error[quote-cuts-figure]",
            "\"312 deaths\"",
        ])
        .line_has(&[
            "data/estimates.csv:7:",
            "error[quote-cuts-figure]",
            "\"1,240 houses\"",
        ])
        .line_has(&[
            "data/estimates.csv:8:",
            "error[quote-cuts-figure]",
            "\"Some 2,000\"",
        ]);
    // The whole figure is still found where it also stands on its own.
    let wd = Workdir::with_second_dataset();
    let text = wd.read("data/texts/chronicle.txt") + "Of 1,312 houses, 312 stood.\n";
    wd.write("data/texts/chronicle.txt", text);
    wd.edit(
        EST,
        ",,1240,,exact,\"1,240 houses\",",
        ",,312,,exact,312 stood,",
    );
    wd.run(&["check"]).code(0);
}

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

#[test]
fn a_multiplier_with_two_bases_is_an_error() {
    let wd = Workdir::with_shipped_data();
    let relations = wd.read("data/relations.csv")
        + "r_conquest_again,ratio,e_gp_conquest_ratio,e_gp_1937,2.5,,\n";
    wd.write("data/relations.csv", relations);
    check_fails(&wd).line_has(&["error[ratio-two-bases]", "e_gp_conquest_ratio"]);
}

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

#[test]
fn a_quote_across_a_crlf_line_break_gets_the_right_hint() {
    let wd = Workdir::with_second_dataset();
    let text = wd.read("data/texts/chronicle.txt").replace('\n', "\r\n");
    wd.write("data/texts/chronicle.txt", text);
    wd.edit(
        EST,
        "\"Some 2,000 residents\"",
        "\"and 137 adults.\nSome 2,000 residents\"",
    );
    check_fails(&wd)
        .line_has(&["error[quote-not-found]", "CRLF line ending"])
        .stdout_lacks("U+00A0");
}

// Cases found by a third adversarial review.

/// A dataset of one text and the given quantity rows (`id,unit`), estimate rows (after
/// `id,quantity,source,text,`) and relation rows.
fn tiny(
    text: &str,
    quantities: &[(&str, &str)],
    estimates: &[&str],
    relations: &[&str],
) -> Workdir {
    let wd = Workdir::new();
    wd.write("data/texts/t.txt", text);
    wd.write("data/sources.csv", "id,name,kind,note\ns,S,historian,\n");
    let mut q =
        String::from("id,label,category,unit,region,period_start,period_end,parent,description\n");
    for (id, unit) in quantities {
        q.push_str(&format!("{id},{id},other,{unit},X,,,,\n"));
    }
    wd.write("data/quantities.csv", q);
    let mut e = format!("{HEADER}\n");
    for (i, row) in estimates.iter().enumerate() {
        let (quantity, rest) = row.split_once(',').unwrap();
        e.push_str(&format!("e{i},{quantity},s,t,{rest},\n"));
    }
    wd.write(EST, e);
    let mut r = String::from("id,kind,target,operands,factor,quote,note\n");
    for row in relations {
        r.push_str(&format!("{row}\n"));
    }
    wd.write("data/relations.csv", r);
    wd
}

#[test]
fn third_review_quotes_must_hold_the_whole_figure() {
    for (text, row) in [
        (
            "The survey found 12,345 people.",
            "q,,345,,exact,\",345 people\"",
        ),
        ("about 12.5 million.", "q,,5000000,,exact,.5 million"),
        (
            "thirty-five thousand men",
            "q,,5000,,exact,five thousand men",
        ),
        (
            "twenty five thousand men",
            "q,,5000,,exact,five thousand men",
        ),
        ("Stalin's 500 guards", "q,,500,,exact,s 500 guards"),
    ] {
        let wd = tiny(text, &[("q", "people")], &[row], &[]);
        check_fails(&wd).line_has(&["error[quote-cuts-figure]"]);
    }
    // Scripts written without spaces: a figure beside a letter stands on its own.
    let wd = tiny(
        "据统计，约有500人死亡。",
        &[("q", "people")],
        &["q,,500,,exact,500人"],
        &[],
    );
    wd.run(&["check"]).code(0);
}

#[test]
fn third_review_magnitudes_and_number_words_are_read_as_written() {
    let wd = tiny(
        "tens of thousands died",
        &[("q", "people")],
        &["q,,10000,,exact,tens of thousands"],
        &[],
    );
    check_fails(&wd).line_has(&["error[qualifier-mismatch]", "`magnitude`"]);
    let wd = tiny(
        "a half dozen and a thousand million",
        &[("q", "people"), ("r", "people")],
        &[
            "q,,6,,exact,a half dozen",
            "r,,1000000000,,exact,a thousand million",
        ],
        &[],
    );
    wd.run(&["check"]).code(0);
    let wd = tiny(
        "It was 10 ft (3.048 m) long.",
        &[("a", "ft"), ("b", "m")],
        &["a,,10,,exact,10 ft", "b,,3.048,,exact,3.048 m"],
        &["r,conversion,e1,e0,0.3048,,"],
    );
    wd.run(&["check"])
        .code(0)
        .stdout_lacks("text-inconsistency")
        .stdout_has("1 hold");
    // A unit reckon does not know is taken on trust.
    let wd = tiny(
        "It weighed 10 stone (63.5 kg).",
        &[("a", "stone"), ("b", "kg")],
        &["a,,10,,exact,10 stone", "b,,63.5,,exact,63.5 kg"],
        &["r,conversion,e1,e0,6.35029318,,"],
    );
    wd.run(&["check"]).code(0).stdout_lacks("unit-mismatch");
}

#[test]
fn third_review_a_slip_does_not_reach_a_verdict_through_a_ratio() {
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

#[test]
fn third_review_a_quote_inside_a_huge_token_is_checked_in_linear_time() {
    let text = format!("{} and 5 people", "1".repeat(3_000_000));
    let wd = tiny(
        &text,
        &[("q", "people")],
        &["q,,5,,exact,5 people", "q,,1,,exact,1"],
        &[],
    );
    let started = std::time::Instant::now();
    check_fails(&wd).line_has(&["data/estimates.csv:3:", "error[quote-cuts-figure]"]);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn third_review_a_build_refused_up_front_says_it_wrote_nothing() {
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
