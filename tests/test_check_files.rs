//! `reckon check` on broken files: headers, encodings, line endings, quoting, unreadable or
//! misplaced files and sheer size. Each gets a clear error naming the file, line and column where
//! there is one, and a non-zero exit; never a panic.

use std::fs;

use crate::workdir::{check_fails, Run, Workdir, EST, HEADER};

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

/// The (file, code) of every finding of `reckon check --format json`, in printed order.
fn findings(wd: &Workdir) -> Vec<(String, String)> {
    let run = wd.run(&["check", "--format", "json"]);
    run.code(1);
    run.json()
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| (f["file"].to_string(), f["code"].to_string()))
                .map(|(file, code)| (file.replace('"', ""), code.replace('"', "")))
                .collect()
        })
        .unwrap_or_default()
}

/// (file, code) pairs for the expected findings.
fn expected(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect()
}

// Regression (issue 13): a misspelt header (`qualifer`) dropped the whole file, hid every row
// error in it and made the relation that names its estimates an unknown reference.
#[test]
fn a_misspelt_header_reads_the_rest_of_the_file_without_cascades() {
    let wd = Workdir::with_second_dataset();
    wd.edit(EST, "qualifier,quote", "qualifer,quote");
    // A row error the misspelling must not hide.
    wd.edit(EST, ",,312,,", ",,31x2,,");
    check_fails(&wd).line_has(&[
        "data/estimates.csv:1:40: error[missing-column]",
        "`qualifer` looks like a misspelling of it",
    ]);
    assert_eq!(
        findings(&wd),
        expected(&[
            ("data/estimates.csv", "missing-column"),
            ("data/estimates.csv", "bad-number"),
        ])
    );
    // A misspelt `id` leaves every source without one, and no estimate's source is reported.
    let wd = Workdir::with_second_dataset();
    wd.edit("data/sources.csv", "id,name", "idd,name");
    assert_eq!(
        findings(&wd),
        expected(&[("data/sources.csv", "missing-column")])
    );
}

// Regression (issue 13): a semicolon-separated sources.csv gave "column `id;name;kind;note` is
// not one reckon knows", a missing-column per column and an unknown source per estimate.
#[test]
fn a_semicolon_separated_file_is_one_error_that_says_so() {
    let wd = Workdir::with_second_dataset();
    let semicolons = wd.read("data/sources.csv").replace(',', ";");
    wd.write("data/sources.csv", semicolons);
    check_fails(&wd).line_has(&[
        "data/sources.csv:1:1: error[wrong-delimiter]",
        "separated by semicolons (;), not commas",
    ]);
    assert_eq!(
        findings(&wd),
        expected(&[("data/sources.csv", "wrong-delimiter")])
    );
}

// Regression (issue 13): the root cause was printed last, since findings sorted by file name.
#[test]
fn a_header_finding_comes_before_the_errors_it_explains() {
    let wd = Workdir::with_second_dataset();
    wd.edit(
        "data/sources.csv",
        "id,name,kind,note",
        "id,name,kinds,note",
    );
    wd.edit(
        EST,
        "e_mayor,flood_deaths,mayor",
        "e_mayor,flood_deaths,mayr",
    );
    assert_eq!(
        findings(&wd),
        expected(&[
            ("data/sources.csv", "missing-column"),
            ("data/estimates.csv", "unknown-reference"),
        ])
    );
}

#[test]
fn an_empty_file_is_an_error_and_a_header_only_file_an_empty_table() {
    let wd = Workdir::with_second_dataset();
    wd.write(EST, "");
    check_fails(&wd)
        .code(1)
        .line_has(&["data/estimates.csv:1:1: error[empty-file]", HEADER]);
    // Issue 13: a header and no rows is an empty table, as `reckon init` writes it. What fails
    // is what rested on the rows: the relations now name estimates that are not there.
    wd.write(EST, format!("{HEADER}\n"));
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&["data/relations.csv:", "error[unknown-reference]"]);
    assert!(!run.stdout.contains("no-rows"), "{}", run.stdout);
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

// Regression: files with CR-only line endings got wrong line and column numbers.
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

// Regression: an unclosed quote gave a field-count error that did not say which lines it swallowed.
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

// Regression: texts.csv could make reckon read /etc/passwd, or hang reading /dev/zero.
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
pub fn run_measured(wd: &Workdir, args: &[&str]) -> (Run, Option<u64>) {
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

// Regression: a texts.csv path with a trailing `/` or a NUL stopped everything with exit 2 and
// no location, and OS errors were printed twice ("Not a directory (os error 20): Not a ...").
#[test]
fn an_unopenable_text_path_is_a_finding_on_its_cell() {
    let wd = Workdir::with_second_dataset();
    wd.write(
        "data/texts.csv",
        "id,file,title,attribution\nchronicle,texts/chronicle.txt/,Chronicle,invented\n",
    );
    let run = wd.run(&["check"]);
    run.code(1)
        .line_has(&["texts.csv:2:11", "text-missing", "cannot be opened"]);
    assert_eq!(
        run.stdout.matches("os error 20").count(),
        1,
        "{}",
        run.stdout
    );
    // An output folder that is a file says so.
    let wd = Workdir::with_second_dataset();
    wd.write("afile", "x");
    wd.run(&["build", "--out", "afile", "--charts", "c"])
        .code(2)
        .stderr_has("afile is a file, not a folder");
}

// Regression: a text reached through a symbolic link outside the dataset (the text itself, or
// texts/ as a whole) was read and published in report.html and coverage.
#[cfg(unix)]
#[test]
fn a_text_linked_from_outside_the_dataset_is_refused() {
    use std::os::unix::fs::symlink;
    let wd = Workdir::with_second_dataset();
    wd.write("secret.txt", "The secret: 312 deaths, records 312 deaths.");
    fs::remove_file(wd.path("data/texts/chronicle.txt")).unwrap();
    symlink(wd.path("secret.txt"), wd.path("data/texts/chronicle.txt")).unwrap();
    let run = check_fails(&wd);
    run.code(1)
        .line_has(&["error[text-outside]", "outside the dataset folder"]);
    wd.run(&["report", "-o", "r.html"]).code(1);
    assert!(!wd.path("r.html").exists());
    // texts/ itself a link to a folder outside.
    let wd = Workdir::with_second_dataset();
    fs::rename(wd.path("data/texts"), wd.path("elsewhere")).unwrap();
    symlink(wd.path("elsewhere"), wd.path("data/texts")).unwrap();
    check_fails(&wd)
        .code(1)
        .line_has(&["error[text-outside]", "chronicle.txt"]);
    // A link that stays inside the dataset is fine.
    let wd = Workdir::with_second_dataset();
    fs::rename(
        wd.path("data/texts/chronicle.txt"),
        wd.path("data/texts/real.txt"),
    )
    .unwrap();
    symlink("real.txt", wd.path("data/texts/chronicle.txt")).unwrap();
    wd.run(&["check"]).code(0);
}
