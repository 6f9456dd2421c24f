//! `reckon build`: every promised file, and the repository's gallery kept in step with the data.

use std::fs;
use std::path::Path;

use crate::workdir::Workdir;

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

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
