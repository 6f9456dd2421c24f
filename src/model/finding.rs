//! Findings: problems in the data (or in the text) reported as data, never as exceptions.
//! Each is printed as `file:line:column: severity[code]: message`.

use std::fmt;

use serde::Serialize;

use crate::model::Loc;

/// How serious a finding is: errors fail `check`, warnings do not (unless `--strict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// Declares [`Code`] from one table of `Variant = "name"` rows, so that `ALL`, `as_str`,
/// `Display` and the serde name cannot disagree.
macro_rules! codes {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $variant:ident = $word:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum $name {
            $( #[serde(rename = $word)] $variant, )+
        }

        impl $name {
            /// Every code, in the order of the README's findings table.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            /// The stable, kebab-case name printed in `severity[code]` and in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $word, )+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

codes! {
    /// The class of a finding: one per kind of problem, named as README ("Findings and exit
    /// status") lists them. Not `Ord`: findings sort by cause, place and name (see [`sort`]).
    pub enum Code {
        // The file cannot be read as a table.
        NotUtf8 = "not-utf8",
        EmptyFile = "empty-file",
        CsvSyntax = "csv-syntax",
        FieldCount = "field-count",
        NoRows = "no-rows",
        ControlCharacter = "control-character",
        UnestimatedQuantity = "unestimated-quantity",
        DerivedOverflow = "derived-overflow",
        // Header problems.
        MissingColumn = "missing-column",
        DuplicateColumn = "duplicate-column",
        UnknownColumn = "unknown-column",
        // Identifiers.
        MissingId = "missing-id",
        BadId = "bad-id",
        DuplicateId = "duplicate-id",
        SharedId = "shared-id",
        // Cell values.
        MissingValue = "missing-value",
        UnexpectedValue = "unexpected-value",
        BadNumber = "bad-number",
        BadYear = "bad-year",
        BadOrder = "bad-order",
        BadKind = "bad-kind",
        BadQualifier = "bad-qualifier",
        BadOperands = "bad-operands",
        BadPeriod = "bad-period",
        PeriodOutside = "period-outside",
        // References between files.
        UnknownReference = "unknown-reference",
        ParentCycle = "parent-cycle",
        SelfRelation = "self-relation",
        RestatementCycle = "restatement-cycle",
        // The texts.
        TextMissing = "text-missing",
        TextEmpty = "text-empty",
        TextOutside = "text-outside",
        TextNotAFile = "text-not-a-file",
        // Provenance: a citation, or a cell of a table document.
        MissingCitation = "missing-citation",
        BadLocator = "bad-locator",
        // Provenance: a quote against its text.
        EmptyQuote = "empty-quote",
        QuoteNotFound = "quote-not-found",
        QuoteCutsFigure = "quote-cuts-figure",
        AmbiguousQuote = "ambiguous-quote",
        // The quote against its row.
        NoFigure = "no-figure",
        ValueMismatch = "value-mismatch",
        QualifierMismatch = "qualifier-mismatch",
        RestatementMismatch = "restatement-mismatch",
        // Ratio estimates and their bases.
        RatioWithoutBase = "ratio-without-base",
        RatioCycle = "ratio-cycle",
        RatioTwoBases = "ratio-two-bases",
        // Relations whose figures cannot be read or do not match in units.
        RelationUnevaluated = "relation-unevaluated",
        UnitMismatch = "unit-mismatch",
        BadFactor = "bad-factor",
        // Relation verdicts about the text.
        TextInconsistency = "text-inconsistency",
        TextApproximate = "text-approximate",
        DoubleCounting = "double-counting",
        // Disagreements between sources, and across levels of the hierarchy.
        SourceDisagreement = "source-disagreement",
        HierarchyConflict = "hierarchy-conflict",
    }
}

/// One problem, pinned to a place in an input file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable, kebab-case name of the class of problem (README lists them).
    pub code: Code,
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
}

impl Finding {
    /// An error at `loc`.
    pub fn error(code: Code, loc: &Loc, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, loc, message)
    }

    /// A warning at `loc`.
    pub fn warning(code: Code, loc: &Loc, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, loc, message)
    }

    fn new(severity: Severity, code: Code, loc: &Loc, message: impl Into<String>) -> Self {
        Finding {
            severity,
            code,
            file: loc.file.display().to_string(),
            line: loc.line,
            column: loc.column,
            message: bounded(message.into()),
        }
    }
}

/// Control characters from a cell (a newline in an id, an escape sequence) shown as escapes,
/// so that every finding stays on one line and cannot drive the terminal.
pub fn visible(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// The longest message kept whole; a message that echoes a megabyte-long cell is cut here.
const MAX_MESSAGE: usize = 600;

fn bounded(message: String) -> String {
    let message = visible(&message);
    match message.char_indices().nth(MAX_MESSAGE) {
        None => message,
        Some((cut, _)) => format!(
            "{}… (message cut at {MAX_MESSAGE} of {} characters)",
            &message[..cut],
            message.chars().count()
        ),
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}[{}]: {}",
            self.file, self.line, self.column, self.severity, self.code, self.message
        )
    }
}

/// Counts errors and warnings.
pub fn tally(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

impl Code {
    /// True for a finding about a file, its header or a row that could not be read as a table,
    /// or a text that could not be read: what is reported in other rows and files may follow
    /// from it (a misspelt header in sources.csv leaves every source without a column), so it
    /// is printed first.
    pub fn is_cause(self) -> bool {
        matches!(
            self,
            Code::NotUtf8
                | Code::EmptyFile
                | Code::CsvSyntax
                | Code::FieldCount
                | Code::NoRows
                | Code::MissingColumn
                | Code::DuplicateColumn
                | Code::UnknownColumn
                | Code::TextMissing
                | Code::TextEmpty
                | Code::TextOutside
                | Code::TextNotAFile
        )
    }
}

/// Sorts findings so that output is stable and a cause comes before what follows from it:
/// first the files, headers, rows and texts that could not be read ([`Code::is_cause`]), then
/// everything else; each part by file, line and column.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            !a.code.is_cause(),
            &a.file,
            a.line,
            a.column,
            a.code.as_str(),
        )
            .cmp(&(
                !b.code.is_cause(),
                &b.file,
                b.line,
                b.column,
                b.code.as_str(),
            ))
    });
}

#[cfg(test)]
mod tests {
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
        // derived-overflow came after, and issue 12 added seven. A new one goes in README too (see the next test).
        assert_eq!(Code::ALL.len(), 54);
    }

    /// The backticked names in the first column of README's findings table.
    fn readme_codes() -> Vec<String> {
        let readme = include_str!("../../README.md");
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
    /// test module of some file under `src/` (what follows its `#[cfg(test)]`), this file
    /// excepted. Scanning the tests, rather than keeping a list beside them, means a test that
    /// is deleted or stops naming its code fails this one; the tests name the code they expect
    /// (`one(&findings, Code::X)`, `codes(..) == [Code::X]`), so a mention is an assertion.
    #[test]
    fn every_code_is_raised_by_a_unit_test() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        assert!(files.len() > 30, "found only {} files", files.len());
        let mut tested = std::collections::BTreeSet::new();
        for file in files.iter().filter(|f| !f.ends_with("model/finding.rs")) {
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
}
