//! Unit tests of `finding`.

use std::path::{Path, PathBuf};

use super::*;

/// Codes no input can raise, so no test can: `csv-syntax` is kept for a csv reader error,
/// but the bytes are decoded as UTF-8 first and the reader is flexible, so the csv crate
/// (which otherwise reports only I/O errors, none from memory) never returns one.
const UNREACHABLE: &[Code] = &[Code::CsvSyntax];

#[test]
fn every_code_is_kebab_case_distinct_and_serialized_by_its_name() {
    let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    for (code, name) in Code::ALL.iter().zip(&names) {
        assert!(
            name.split('-').all(|w| !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
            "{name}"
        );
        assert_eq!(code.to_string(), *name);
        assert_eq!(
            serde_json::to_string(code).ok(),
            Some(format!("\"{name}\""))
        );
    }
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Code::ALL.len());
    // The issue counted 44 codes; control-character, unestimated-quantity and
    // derived-overflow came after, issue 12 added seven and issue 13 wrong-delimiter and
    // curator-reading, series charts series-units and series-period, and issue 16
    // invisible-in-number. A new one goes in README too (see the next test).
    assert_eq!(Code::ALL.len(), 59);
}

/// The backticked names in the first column of README's findings table.
fn readme_codes() -> Vec<String> {
    let readme = include_str!("../../../README.md");
    let table = readme
        .split("## Findings and exit status")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .unwrap_or("");
    table
        .lines()
        .filter_map(|line| line.strip_prefix('|')?.split('|').next())
        .flat_map(|cell| cell.split('`').skip(1).step_by(2).map(str::to_string))
        .collect()
}

#[test]
fn readme_lists_every_code_and_no_other() {
    let listed = readme_codes();
    assert!(listed.len() >= Code::ALL.len(), "{listed:?}");
    for code in Code::ALL {
        assert!(
            listed.iter().any(|l| l == code.as_str()),
            "README does not list `{code}`"
        );
    }
    for name in &listed {
        assert!(
            Code::ALL.iter().any(|c| c.as_str() == name),
            "README lists `{name}`, which is no code"
        );
    }
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            sources(&path, files);
        } else if path.extension().is_some_and(|x| x == "rs") {
            files.push(path);
        }
    }
}

/// Every code is raised by some unit test: each variant is named as `Code::Variant` in the
/// test module of some file under `src/` (what follows its `#[cfg(test)]`), `finding.rs`
/// and these tests excepted. Scanning the tests, rather than keeping a list beside them, means a test that
/// is deleted or stops naming its code fails this one; the tests name the code they expect
/// (`one(&findings, Code::X)`, `codes(..) == [Code::X]`), so a mention is an assertion.
#[test]
fn every_code_is_raised_by_a_unit_test() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 30, "found only {} files", files.len());
    let mut tested = std::collections::BTreeSet::new();
    let own = |f: &Path| f.ends_with("model/finding.rs") || f.ends_with("model/finding/tests.rs");
    for file in files.iter().filter(|f| !own(f)) {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        // A module's tests sit after its `#[cfg(test)]`, or in a `tests.rs` of their own.
        let tests = if file.ends_with("tests.rs") {
            text.as_str()
        } else if let Some((_, tests)) = text.split_once("#[cfg(test)]") {
            tests
        } else {
            continue;
        };
        for (at, _) in tests.match_indices("Code::") {
            let name: String = tests[at + "Code::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            tested.insert(name);
        }
    }
    let variant = |c: &Code| format!("{c:?}");
    let untested: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !tested.contains(&variant(c)) && !UNREACHABLE.contains(c))
        .map(|c| c.as_str())
        .collect();
    assert!(untested.is_empty(), "no unit test raises {untested:?}");
    for code in UNREACHABLE {
        assert!(
            !tested.contains(&variant(code)),
            "`{code}` is tested after all: take it out of UNREACHABLE"
        );
    }
}

// Regression (issue 13): findings were sorted by file name only, so a misspelt header of
// sources.csv was printed after the estimates.csv errors it caused.
#[test]
fn a_file_level_cause_comes_before_what_follows_from_it() {
    let at = |file: &str, line, column| Loc {
        file: std::sync::Arc::new(file.into()),
        line,
        column,
    };
    let mut findings = vec![
        Finding::error(Code::BadKind, &at("sources.csv", 3, 9), "kind"),
        Finding::error(Code::UnknownReference, &at("estimates.csv", 2, 5), "ref"),
        Finding::error(Code::MissingColumn, &at("sources.csv", 1, 10), "header"),
        Finding::error(Code::UnknownReference, &at("estimates.csv", 1, 7), "ref"),
        Finding::error(Code::NotUtf8, &at("texts.csv", 4, 2), "bytes"),
        Finding::error(Code::FieldCount, &at("estimates.csv", 9, 1), "row"),
    ];
    sort(&mut findings);
    let order: Vec<(&str, u64, Code)> = findings
        .iter()
        .map(|f| (f.file.as_str(), f.line, f.code))
        .collect();
    assert_eq!(
        order,
        [
            ("estimates.csv", 9, Code::FieldCount),
            ("sources.csv", 1, Code::MissingColumn),
            ("texts.csv", 4, Code::NotUtf8),
            ("estimates.csv", 1, Code::UnknownReference),
            ("estimates.csv", 2, Code::UnknownReference),
            ("sources.csv", 3, Code::BadKind),
        ]
    );
}

#[test]
fn a_huge_message_is_cut_on_a_character_boundary() {
    let loc = Loc {
        file: std::sync::Arc::new("x.csv".into()),
        line: 1,
        column: 1,
    };
    let f = Finding::error(Code::BadId, &loc, "é".repeat(1_000_000));
    assert!(f.message.starts_with(&"é".repeat(MAX_MESSAGE)));
    assert!(f
        .message
        .ends_with("(message cut at 600 of 1000000 characters)"));
    assert_eq!(Finding::error(Code::BadId, &loc, "short").message, "short");
    assert_eq!(
        Finding::error(Code::BadId, &loc, "id `a\nb\u{1b}[31m`").message,
        "id `a\\nb\\u{1b}[31m`"
    );
}
