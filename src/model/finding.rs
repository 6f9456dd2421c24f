//! Findings: problems in the data (or in the text) reported as data, never as exceptions.
//! Each is printed as `file:line:column: severity[code]: message`.

use std::fmt;

use serde::Serialize;

use crate::model::Loc;

/// How serious a finding is: errors fail `check`, warnings do not (unless `--strict`), and a
/// note records a judgement the data makes in the open (a curator's reading of a quote), which
/// never fails `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
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
        WrongDelimiter = "wrong-delimiter",
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
        InvisibleInNumber = "invisible-in-number",
        AmbiguousQuote = "ambiguous-quote",
        // The quote against its row.
        NoFigure = "no-figure",
        ValueMismatch = "value-mismatch",
        QualifierMismatch = "qualifier-mismatch",
        RestatementMismatch = "restatement-mismatch",
        CuratorReading = "curator-reading",
        // Ratio estimates and their bases.
        RatioWithoutBase = "ratio-without-base",
        RatioCycle = "ratio-cycle",
        RatioTwoBases = "ratio-two-bases",
        // Relations whose figures cannot be read or do not match in units.
        RelationUnevaluated = "relation-unevaluated",
        UnitMismatch = "unit-mismatch",
        BadFactor = "bad-factor",
        // Series: quantities followed over periods.
        SeriesUnits = "series-units",
        SeriesPeriod = "series-period",
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

    /// A note at `loc`.
    pub fn note(code: Code, loc: &Loc, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, loc, message)
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

/// Counts errors and warnings (notes are neither).
pub fn tally(findings: &[Finding]) -> (usize, usize) {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    (count(Severity::Error), count(Severity::Warning))
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
                | Code::WrongDelimiter
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
mod tests;
