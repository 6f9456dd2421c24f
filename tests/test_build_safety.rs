//! `reckon build` and its outputs: it removes only files it wrote, and a closed or full
//! standard stream never makes it panic.

use std::fs;
use std::process::{Command, Stdio};

use crate::workdir::{Workdir, EST};

fn exists(wd: &Workdir, rel: &str) -> bool {
    wd.path(rel).exists()
}

// Regression: stale-chart removal deleted any `forest-*.svg` in --charts, inputs included.
#[test]
fn build_never_deletes_a_file_it_did_not_write() {
    let wd = Workdir::with_shipped_data();
    // A text of the dataset whose name looks like a chart, in the folder used for charts.
    wd.write("data/texts/forest-article.svg", "<svg/>");
    wd.write("pictures/category-holiday.png", "my holiday");
    wd.run(&["build", "--charts", "data/texts", "--out", "exports"])
        .code(0);
    assert!(exists(&wd, "data/texts/forest-article.svg"));
    wd.run(&["build", "--charts", "pictures", "--out", "exports"])
        .code(0);
    assert!(exists(&wd, "pictures/category-holiday.png"));
    assert_eq!(wd.read("pictures/category-holiday.png"), "my holiday");
}

#[test]
fn build_removes_the_charts_it_wrote_that_the_data_no_longer_supports() {
    let wd = Workdir::with_shipped_data();
    wd.write("gallery/forest-mine.svg", "mine");
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(0);
    let purge = "gallery/forest-great_purge_executions_1937_38.svg";
    assert!(exists(&wd, purge));
    // Another dataset into the same folder: every chart of the first is stale.
    crate::workdir::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/second"),
        &wd.path("second"),
    );
    wd.run(&[
        "build", "--data", "second", "--charts", "gallery", "--out", "exports",
    ])
    .code(0)
    .stderr_has("removed gallery/forest-great_purge_executions_1937_38.svg");
    assert!(!exists(&wd, purge));
    assert!(!exists(
        &wd,
        "gallery/forest-great_purge_executions_1937_38.png"
    ));
    // Files reckon did not write stay, whatever their names.
    assert_eq!(wd.read("gallery/forest-mine.svg"), "mine");
}

// Regression: build panicked (exit 101) when its standard output was a closed pipe.
#[test]
fn build_into_a_closed_pipe_exits_zero_without_a_panic() {
    let wd = Workdir::with_shipped_data();
    let mut child = Command::new(env!("CARGO_BIN_EXE_reckon"))
        .args(["build", "--charts", "gallery", "--out", "exports"])
        .current_dir(wd.path(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// Regression: build panicked when its standard output was a full device.
#[test]
fn build_onto_a_full_device_fails_cleanly() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let wd = Workdir::with_shipped_data();
    let out = Command::new(env!("CARGO_BIN_EXE_reckon"))
        .args(["build", "--charts", "gallery", "--out", "exports"])
        .current_dir(wd.path(""))
        .stdout(
            fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("writing to standard output"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// Regression: chart and report panicked when standard error was a full device.
#[test]
fn a_full_standard_error_is_not_a_panic() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let wd = Workdir::with_shipped_data();
    for args in [
        &["chart", "--out", "gallery", "--format", "svg"][..],
        &["report", "-o", "report.html"][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_reckon"))
            .args(args)
            .current_dir(wd.path(""))
            .stderr(
                fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            )
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
    assert!(exists(&wd, "report.html"));
}

#[test]
fn the_warning_hint_names_the_dataset_that_was_used() {
    let wd = Workdir::with_shipped_data();
    fs::rename(wd.path("data"), wd.path("mydata")).unwrap();
    wd.run(&[
        "build", "--data", "mydata", "--charts", "gallery", "--out", "exports",
    ])
    .code(0)
    .stderr_has("run `reckon check --data mydata` to read them");
}

// Regression: without relations.csv, `build --out data` wrote data/relations.csv, which the
// next run read as an input.
#[test]
fn build_refuses_to_write_into_the_dataset_folder() {
    let wd = Workdir::with_second_dataset();
    fs::remove_file(wd.path("data/relations.csv")).unwrap();
    let before = crate::workdir::listing(&wd.path("data"));
    wd.run(&["build", "--out", "data", "--charts", "gallery"])
        .code(2)
        .stderr_has("it is the dataset folder");
    wd.run(&["build", "--out", "exports", "--charts", "./data/"])
        .code(2)
        .stderr_has("it is the dataset folder");
    assert_eq!(crate::workdir::listing(&wd.path("data")), before);
    assert!(!wd.path("gallery").exists());
}

/// Charts are rasterised in parallel; the bytes must not depend on how many threads ran.
#[test]
fn chart_bytes_do_not_depend_on_the_number_of_threads() {
    let wd = Workdir::with_shipped_data();
    let build = |threads: &str, dir: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_reckon"))
            .args(["build", "--charts", dir, "--out", "exports"])
            .env("RECKON_THREADS", threads)
            .current_dir(wd.path(""))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
    };
    build("1", "one");
    build("3", "three");
    let names = crate::workdir::listing(&wd.path("one"));
    assert_eq!(names, crate::workdir::listing(&wd.path("three")));
    assert!(names.iter().filter(|n| n.ends_with(".png")).count() > 40);
    for name in names {
        assert!(
            fs::read(wd.path("one").join(&name)).unwrap()
                == fs::read(wd.path("three").join(&name)).unwrap(),
            "{name} differs between 1 and 3 threads"
        );
    }
}

// Regression: one quantity with 100,000 estimates made build ask for 64 GB (a PNG 800,000
// pixels tall); a category of thousands of quantities an 8,006-row chart in 11 GB. Charts now
// draw a bounded number of rows and say how many they left out.
#[test]
fn a_huge_quantity_or_category_makes_charts_of_bounded_size() {
    let wd = Workdir::with_second_dataset();
    let mut estimates = wd.read(EST);
    let already = estimates.matches(",flood_deaths,").count();
    for i in 0..10_000 {
        estimates.push_str(&format!(
            "e_x{i},flood_deaths,parish,chronicle,,312,,exact,records 312 deaths,\n"
        ));
    }
    let mut quantities = wd.read("data/quantities.csv");
    for i in 0..300 {
        quantities.push_str(&format!(
            "q_{i},Part {i},flood_deaths,people,Eastvale,1872,1872,,A part.\n"
        ));
        estimates.push_str(&format!(
            "e_q{i},q_{i},parish,chronicle,,312,,exact,records 312 deaths,\n"
        ));
    }
    wd.write(EST, estimates);
    wd.write("data/quantities.csv", quantities);
    let (run, peak) =
        crate::test_check_files::run_measured(&wd, &["build", "--charts", "c", "--out", "o"]);
    run.code(0);
    let (_, height) =
        reckon::present::chart::png_size(&fs::read(wd.path("c/forest-flood_deaths.png")).unwrap())
            .unwrap();
    assert!(height < 5_000, "forest PNG is {height} px tall");
    // 40 rows are drawn: the 20 lowest and the 20 highest.
    let left_out = (10_000 + already - 40).to_string();
    let left_out = format!("{},{} more estimates", &left_out[..1], &left_out[1..]);
    assert!(
        wd.read("c/forest-flood_deaths.svg").contains(&left_out),
        "{left_out}"
    );
    let (_, height) = reckon::present::chart::png_size(
        &fs::read(wd.path("c/category-flood_deaths.png")).unwrap(),
    )
    .unwrap();
    assert!(height < 6_000, "category PNG is {height} px tall");
    if let Some(kb) = peak {
        assert!(kb < 1_000_000, "peak memory {kb} kB");
    }
}

// Regression: killed builds left .reckon-*.tmp files in the output folders that no later build
// removed.
#[test]
fn a_later_build_removes_what_a_killed_one_left_behind() {
    let wd = Workdir::with_shipped_data();
    wd.write("exports/.reckon-old.tmp", "half");
    wd.write(
        "exports/.reckon-fresh.tmp",
        "another build's, still running",
    );
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(wd.path("exports/.reckon-old.tmp"))
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(0)
        .stderr_has(".reckon-old.tmp: a temporary file an interrupted run left behind");
    assert!(!wd.path("exports/.reckon-old.tmp").exists());
    assert!(wd.path("exports/.reckon-fresh.tmp").exists());
}

// Regression: a link planted in the charts folder (which git tracks) made build write outside
// it, and a dangling one stopped the build half-way.
#[cfg(unix)]
#[test]
fn a_link_planted_in_an_output_folder_is_replaced_not_followed() {
    use std::os::unix::fs::symlink;
    let wd = Workdir::with_shipped_data();
    wd.write("victim.txt", "mine");
    fs::create_dir_all(wd.path("gallery")).unwrap();
    let chart = "gallery/forest-great_purge_executions_1937_38.svg";
    symlink(wd.path("victim.txt"), wd.path(chart)).unwrap();
    symlink(
        wd.path("nowhere/at/all"),
        wd.path("gallery/forest-great_purge_executions_1937_38.png"),
    )
    .unwrap();
    wd.run(&["build", "--charts", "gallery", "--out", "exports"])
        .code(0);
    assert_eq!(wd.read("victim.txt"), "mine");
    let meta = fs::symlink_metadata(wd.path(chart)).unwrap();
    assert!(meta.file_type().is_file());
    assert!(wd.read(chart).starts_with("<svg"));
    // A path the user names with -o is still written through its link.
    symlink(wd.path("victim.txt"), wd.path("named.csv")).unwrap();
    wd.run(&["reconcile", "-o", "named.csv"]).code(0);
    assert!(wd.read("victim.txt").starts_with("key,"));
}

/// Peak memory (kB) of `build` on the second dataset with `copies` more copies of its sum
/// relation, and the height of the composition chart's PNG.
fn build_with_copies(copies: usize) -> (u64, u32) {
    let wd = Workdir::with_second_dataset();
    let mut relations = wd.read("data/relations.csv");
    let row = relations.lines().nth(1).unwrap().to_string();
    let (_, rest) = row.split_once(',').unwrap();
    for i in 0..copies {
        relations.push_str(&format!("r_copy{i},{rest}\n"));
    }
    wd.write("data/relations.csv", relations);
    let (run, peak) =
        crate::test_check_files::run_measured(&wd, &["build", "--charts", "c", "--out", "o"]);
    run.code(0);
    let png = fs::read(wd.path("c/composition-flood_deaths.png")).unwrap();
    let (_, height) = reckon::present::chart::png_size(&png).unwrap();
    (peak.unwrap_or(0), height)
}

// Regression (issue 16, item 3): memory grew about 2 MB per sum relation, because the
// composition chart drew every breakdown of a category: 2,000 copies of a sum made one PNG
// 2000 x 180,000 pixels. It now draws at most 40, so memory does not grow with the count.
#[test]
fn many_sums_build_in_memory_that_does_not_grow_with_their_count() {
    let (few, few_height) = build_with_copies(60);
    let (many, many_height) = build_with_copies(240);
    assert_eq!(few_height, many_height, "the composition chart grew");
    if few > 0 && many > 0 {
        // Before: about 430 MB more for the 180 more sums.
        assert!(
            many < few + 150_000,
            "peak {few} kB for 60 sums, {many} kB for 240"
        );
        assert!(many < 1_000_000, "peak {many} kB");
    }
}
