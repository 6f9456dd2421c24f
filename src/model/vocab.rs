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

impl SourceKind {
    /// True for the kinds that speak for the state (official statistics and archival records);
    /// every other kind is independent of it.
    pub fn is_official(self) -> bool {
        matches!(self, SourceKind::Official | SourceKind::Archival)
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
        /// The spread of other people's estimates ("estimates range from X to Y"), not one.
        Survey = "survey",
    }
}

vocabulary! {
    /// How an estimate's figure is evidenced (derived from `text`, `quote` and the document).
    pub enum Provenance in "exports (provenance)" {
        /// A verified substring of a text.
        Quote = "quote",
        /// A cell of a table document, named by `locator`.
        Cell = "cell",
        /// A work the dataset does not hold, named by the source's `citation`.
        Citation = "citation",
    }
}

impl Qualifier {
    /// The qualifier in words, for people ("at least", "up to").
    pub fn words(self) -> String {
        self.as_str().replace('_', " ")
    }

    /// True when the qualifier takes its figure from `low` and `high` rather than `point`.
    pub fn is_banded(self) -> bool {
        matches!(
            self,
            Qualifier::Range | Qualifier::Magnitude | Qualifier::Survey
        )
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
        /// Two breakdowns of one total: the sum relation named by `target` and the one named
        /// by the operand add up to the same figure, exactly.
        Equal = "equal",
    }
}

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// A count of people, deaths, votes...
    Count,
    /// A share of a whole.
    Percent,
    /// A length, measured in metres.
    Length,
    /// A mass, measured in kilograms.
    Mass,
}

/// A unit reckon knows: how quantities.csv may spell it, what it measures, its size in its
/// dimension's base unit, and how a figure in it is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// The spellings, the usual one first ("cm", "centimetre", ...).
    pub names: &'static [&'static str],
    pub dimension: Dimension,
    /// Metres or kilograms per unit; 1 for counts and percent.
    pub size: f64,
}

/// Every unit reckon knows: the one table that the checks, the arithmetic and the charts read.
/// A unit not listed (stone, nautical miles) is taken on trust and written as given.
pub const UNITS: &[Unit] = &[
    Unit {
        names: &["people", "persons", "person", "deaths", "victims", "votes"],
        dimension: Dimension::Count,
        size: 1.0,
    },
    Unit {
        names: &["percent", "%"],
        dimension: Dimension::Percent,
        size: 1.0,
    },
    Unit {
        names: &[
            "mm",
            "millimetre",
            "millimetres",
            "millimeter",
            "millimeters",
        ],
        dimension: Dimension::Length,
        size: 0.001,
    },
    Unit {
        names: &[
            "cm",
            "centimetre",
            "centimetres",
            "centimeter",
            "centimeters",
        ],
        dimension: Dimension::Length,
        size: 0.01,
    },
    Unit {
        names: &["m", "metre", "metres", "meter", "meters"],
        dimension: Dimension::Length,
        size: 1.0,
    },
    Unit {
        names: &["km", "kilometre", "kilometres", "kilometer", "kilometers"],
        dimension: Dimension::Length,
        size: 1000.0,
    },
    Unit {
        names: &["in", "inch", "inches"],
        dimension: Dimension::Length,
        size: 0.0254,
    },
    Unit {
        names: &["ft", "foot", "feet"],
        dimension: Dimension::Length,
        size: 0.3048,
    },
    Unit {
        names: &["yd", "yard", "yards"],
        dimension: Dimension::Length,
        size: 0.9144,
    },
    Unit {
        names: &["mi", "mile", "miles"],
        dimension: Dimension::Length,
        size: 1609.344,
    },
    Unit {
        names: &["g", "gram", "grams"],
        dimension: Dimension::Mass,
        size: 0.001,
    },
    Unit {
        names: &["kg", "kilogram", "kilograms"],
        dimension: Dimension::Mass,
        size: 1.0,
    },
    Unit {
        names: &["t", "tonne", "tonnes"],
        dimension: Dimension::Mass,
        size: 1000.0,
    },
    Unit {
        names: &["lb", "lbs", "pound", "pounds"],
        dimension: Dimension::Mass,
        size: 0.453_592_37,
    },
];

impl Unit {
    /// The unit a quantities.csv `unit` cell names, in any listed spelling and any case.
    pub fn find(name: &str) -> Option<&'static Unit> {
        let name = name.trim().to_lowercase();
        UNITS.iter().find(|u| u.names.contains(&name.as_str()))
    }

    /// Whether figures in this unit are counted (people, percent) rather than measured.
    pub fn is_count(&self) -> bool {
        matches!(self.dimension, Dimension::Count | Dimension::Percent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

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
                "ratio",
                "survey"
            ]
        );
        assert_eq!(
            RelationKind::ALL.map(RelationKind::as_str),
            ["sum", "ratio", "conversion", "subset", "equal"]
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

    #[test]
    fn every_unit_spelling_is_found_and_means_one_unit() {
        for u in UNITS {
            for name in u.names {
                assert_eq!(Unit::find(name), Some(u), "{name}");
                assert_eq!(Unit::find(&name.to_uppercase()), Some(u), "{name}");
            }
        }
        let all: Vec<&str> = UNITS.iter().flat_map(|u| u.names.iter().copied()).collect();
        let mut distinct = all.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(all.len(), distinct.len(), "a spelling names two units");
        assert!(Unit::find("stone").is_none());
    }

    #[test]
    fn unit_sizes_are_the_standard_ones() {
        let size = |n: &str| Unit::find(n).map(|u| u.size);
        // 1 inch = 2.54 cm exactly; 1 mile = 1.609344 km exactly.
        assert_relative_eq!(size("inch").unwrap() / size("cm").unwrap(), 2.54);
        assert_relative_eq!(size("mile").unwrap() / size("km").unwrap(), 1.609_344);
        assert!(Unit::find("votes").is_some_and(Unit::is_count));
        assert!(Unit::find("%").is_some_and(Unit::is_count));
        assert!(!Unit::find("km").is_some_and(Unit::is_count));
    }
}
