//! The datapackage.json files are valid under the Frictionless validator: the one `build`
//! writes beside its CSV exports, and those of the shipped data and the example. `.ci/run`
//! installs the validator (`frictionless`, pinned) and names it in `RECKON_FRICTIONLESS`.

use std::path::Path;
use std::process::Command;

use crate::workdir::Workdir;

/// The validator `.ci/run` installed; under CI its absence fails the test.
fn validator() -> Option<String> {
    match std::env::var("RECKON_FRICTIONLESS") {
        Ok(path) if !path.is_empty() => Some(path),
        _ => {
            assert!(
                std::env::var("CI").is_err(),
                "CI must install the Frictionless validator (.ci/run sets RECKON_FRICTIONLESS)"
            );
            eprintln!("RECKON_FRICTIONLESS is not set: run .ci/run to validate the data packages");
            None
        }
    }
}

fn validate(frictionless: &str, package: &Path) {
    let out = Command::new(frictionless)
        .args(["validate", "--json"])
        .arg(package)
        .output()
        .expect("running frictionless");
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("frictionless prints a JSON report");
    assert_eq!(
        report["valid"],
        true,
        "{} is not a valid data package:\n{}",
        package.display(),
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn every_data_package_is_valid_under_frictionless() {
    let Some(frictionless) = validator() else {
        return;
    };
    let wd = Workdir::with_shipped_data();
    wd.run(&["build", "--out", "out", "--charts", "charts"])
        .code(0);
    validate(&frictionless, &wd.path("out/datapackage.json"));
    validate(&frictionless, &wd.path("data/datapackage.json"));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/great-chinese-famine");
    validate(&frictionless, &example.join("datapackage.json"));
}
