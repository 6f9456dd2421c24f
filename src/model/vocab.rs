//! The closed vocabularies of the data files: source kinds (sources.csv), qualifiers
//! (estimates.csv) and relation kinds (relations.csv), each with its written names.
//!
//! Each vocabulary is one table in [`vocabulary!`]: the variant, then its name as written in
//! the data file. The table gives `ALL` (in table order), `as_str`, `parse`, `Display` and the
//! serde name, so the four cannot disagree.

use std::fmt;

use serde::Serialize;

/// Declares a vocabulary enum from one table of `Variant = "name"` rows, written in `$file`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident in $file:literal {
            $( $(#[$variant_meta:meta])* $variant:ident = $word:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        $vis enum $name {
            $( $(#[$variant_meta])* #[serde(rename = $word)] $variant, )+
        }

        impl $name {
            /// Every variant, in the order of the vocabulary's table.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            #[doc = concat!("The name as written in ", $file, ".")]
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $word, )+
                }
            }

            #[doc = concat!("Parses a name as written in ", $file, "; None for any other word.")]
            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|v| v.as_str() == s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What kind of source a figure comes from; drives colours and per-kind reconciliation.
    /// `ALL` is the order reports list them in.
    #[derive(PartialOrd, Ord)]
    pub enum SourceKind in "sources.csv" {
        Archival = "archival",
        Official = "official",
        Historian = "historian",
        Contemporary = "contemporary",
        Poll = "poll",
        Article = "article",
        Other = "other",
    }
}

vocabulary! {
    /// How the text qualifies a figure ("nearly", "over", "between X and Y"...): see README, Qualifiers.
    #[derive(PartialOrd, Ord)]
    pub enum Qualifier in "estimates.csv" {
        Exact = "exact",
        About = "about",
        Nearly = "nearly",
        Over = "over",
        AtLeast = "at_least",
        UpTo = "up_to",
        AtMost = "at_most",
        Range = "range",
        Magnitude = "magnitude",
        Ratio = "ratio",
    }
}

impl Qualifier {
    /// The qualifier in words, for people ("at least", "up to").
    pub fn words(self) -> String {
        self.as_str().replace('_', " ")
    }

    /// True when the qualifier takes its figure from `low` and `high` rather than `point`.
    pub fn is_banded(self) -> bool {
        matches!(self, Qualifier::Range | Qualifier::Magnitude)
    }
}

vocabulary! {
    /// What a relation between figures claims.
    pub enum RelationKind in "relations.csv" {
        /// target = sum of operands.
        Sum = "sum",
        /// target = factor × operand.
        Ratio = "ratio",
        /// target = factor × operand, the same measure in another unit.
        Conversion = "conversion",
        /// every operand <= target.
        Subset = "subset",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant reads back from its name, and the names are distinct.
    fn round_trips<T: Copy + PartialEq + fmt::Debug>(
        all: &[T],
        as_str: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) {
        for &v in all {
            assert_eq!(parse(as_str(v)), Some(v), "{v:?}");
        }
        let mut names: Vec<&str> = all.iter().map(|&v| as_str(v)).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }

    #[test]
    fn every_variant_round_trips() {
        round_trips(&SourceKind::ALL, SourceKind::as_str, SourceKind::parse);
        round_trips(&Qualifier::ALL, Qualifier::as_str, Qualifier::parse);
        round_trips(
            &RelationKind::ALL,
            RelationKind::as_str,
            RelationKind::parse,
        );
    }

    // The names and their order as README lists them (sources.csv `kind`, the Qualifiers table,
    // relations.csv `kind`); reports list source kinds in this order.
    #[test]
    fn names_and_order_are_the_documented_ones() {
        assert_eq!(
            SourceKind::ALL.map(SourceKind::as_str),
            [
                "archival",
                "official",
                "historian",
                "contemporary",
                "poll",
                "article",
                "other"
            ]
        );
        assert_eq!(
            Qualifier::ALL.map(Qualifier::as_str),
            [
                "exact",
                "about",
                "nearly",
                "over",
                "at_least",
                "up_to",
                "at_most",
                "range",
                "magnitude",
                "ratio"
            ]
        );
        assert_eq!(
            RelationKind::ALL.map(RelationKind::as_str),
            ["sum", "ratio", "conversion", "subset"]
        );
    }

    #[test]
    fn unknown_words_are_refused() {
        for word in [
            "", "Archival", "archive", " poll", "at least", "AtLeast", "sums", "other ",
        ] {
            assert_eq!(SourceKind::parse(word), None, "{word:?}");
            assert_eq!(Qualifier::parse(word), None, "{word:?}");
            assert_eq!(RelationKind::parse(word), None, "{word:?}");
        }
    }

    #[test]
    fn display_serde_and_words_use_the_written_name() {
        assert_eq!(Qualifier::AtLeast.to_string(), "at_least");
        assert_eq!(Qualifier::UpTo.words(), "up to");
        assert_eq!(
            serde_json::to_string(&SourceKind::Contemporary)
                .ok()
                .as_deref(),
            Some("\"contemporary\"")
        );
        assert_eq!(
            serde_json::to_string(&Qualifier::AtMost).ok().as_deref(),
            Some("\"at_most\"")
        );
        assert!(Qualifier::Range.is_banded() && !Qualifier::Over.is_banded());
    }
}
