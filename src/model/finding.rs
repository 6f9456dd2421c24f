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
    /// status") lists them. Not `Ord`: findings sort by the name (see [`sort`]).
    pub enum Code {
        // The file cannot be read as a table.
        NotUtf8 = "not-utf8",
        EmptyFile = "empty-file",
        CsvSyntax = "csv-syntax",
        FieldCount = "field-count",
        NoRows = "no-rows",
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
        // References between files.
        UnknownReference = "unknown-reference",
        ParentCycle = "parent-cycle",
        SelfRelation = "self-relation",
        // The texts.
        TextMissing = "text-missing",
        TextEmpty = "text-empty",
        TextOutside = "text-outside",
        TextNotAFile = "text-not-a-file",
        // Provenance: a quote against its text.
        EmptyQuote = "empty-quote",
        QuoteNotFound = "quote-not-found",
        QuoteCutsFigure = "quote-cuts-figure",
        AmbiguousQuote = "ambiguous-quote",
        // The quote against its row.
        NoFigure = "no-figure",
        ValueMismatch = "value-mismatch",
        QualifierMismatch = "qualifier-mismatch",
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

/// Sorts findings by file, line and column so output is stable and easy to follow.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code.as_str()).cmp(&(
            &b.file,
            b.line,
            b.column,
            b.code.as_str(),
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

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
