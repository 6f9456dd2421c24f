//! The closed vocabularies of the data files: source kinds (sources.csv), qualifiers
//! (estimates.csv) and relation kinds (relations.csv), each with its written names.

use std::fmt;

use serde::Serialize;

/// What kind of source a figure comes from; drives colours and per-kind reconciliation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Archival,
    Official,
    Historian,
    Contemporary,
    Poll,
    Article,
    Other,
}

impl SourceKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [SourceKind; 7] = [
        SourceKind::Archival,
        SourceKind::Official,
        SourceKind::Historian,
        SourceKind::Contemporary,
        SourceKind::Poll,
        SourceKind::Article,
        SourceKind::Other,
    ];

    /// The kind's name as written in sources.csv.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Archival => "archival",
            SourceKind::Official => "official",
            SourceKind::Historian => "historian",
            SourceKind::Contemporary => "contemporary",
            SourceKind::Poll => "poll",
            SourceKind::Article => "article",
            SourceKind::Other => "other",
        }
    }

    /// Parses a kind as written in sources.csv.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the text qualifies a figure ("nearly", "over", "between X and Y"...): see README, Qualifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    About,
    Nearly,
    Over,
    AtLeast,
    UpTo,
    AtMost,
    Range,
    Magnitude,
    Ratio,
}

impl Qualifier {
    /// Every qualifier in the vocabulary.
    pub const ALL: [Qualifier; 10] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::Nearly,
        Qualifier::Over,
        Qualifier::AtLeast,
        Qualifier::UpTo,
        Qualifier::AtMost,
        Qualifier::Range,
        Qualifier::Magnitude,
        Qualifier::Ratio,
    ];

    /// The qualifier's name as written in estimates.csv.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at_least",
            Qualifier::UpTo => "up_to",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
            Qualifier::Magnitude => "magnitude",
            Qualifier::Ratio => "ratio",
        }
    }

    /// Parses a qualifier as written in estimates.csv.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|q| q.as_str() == s)
    }

    /// The qualifier in words, for people ("at least", "up to").
    pub fn words(self) -> String {
        self.as_str().replace('_', " ")
    }

    /// True when the qualifier takes its figure from `low` and `high` rather than `point`.
    pub fn is_banded(self) -> bool {
        matches!(self, Qualifier::Range | Qualifier::Magnitude)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a relation between figures claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// target = sum of operands.
    Sum,
    /// target = factor × operand.
    Ratio,
    /// target = factor × operand, the same measure in another unit.
    Conversion,
    /// every operand <= target.
    Subset,
}

impl RelationKind {
    /// Every relation kind.
    pub const ALL: [RelationKind; 4] = [
        RelationKind::Sum,
        RelationKind::Ratio,
        RelationKind::Conversion,
        RelationKind::Subset,
    ];

    /// The kind's name as written in relations.csv.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Sum => "sum",
            RelationKind::Ratio => "ratio",
            RelationKind::Conversion => "conversion",
            RelationKind::Subset => "subset",
        }
    }

    /// Parses a kind as written in relations.csv.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
