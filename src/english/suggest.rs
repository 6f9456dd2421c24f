//! Did-you-mean: the one rule that picks, among the names a dataset knows, the one a misspelt
//! name was probably meant to be (a qualifier, a column, an id).

/// The most edits a suggestion may be away, however long the word: a typo is a slip or two.
pub const MAX_EDITS: usize = 3;

/// The candidate closest to `word`, when it is close enough to be a typo of it.
///
/// Closeness is the Levenshtein distance over characters (`strsim::levenshtein`). A candidate
/// qualifies when it differs from `word` (an exact match is no suggestion) by one edit per three
/// characters of `word` (the allowance rustc gives its own did-you-mean hints), at least one and
/// at most [`MAX_EDITS`]. So `neraly` may be 2 edits from `nearly` while `xyz` is never taken
/// for `e1`, and a long id is not matched to another id that merely shares most of its words
/// (`famine_deaths_1932_33` is 5 edits from `famine_deaths_ussr_1932_33`). Of several
/// qualifying candidates the nearest wins, and among equally near ones the first in alphabetical
/// order, so the hint does not depend on the order of the rows.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let allowed = (word.chars().count() / 3).clamp(1, MAX_EDITS);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|&(d, _)| d > 0 && d <= allowed)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelling_finds_the_word_meant() {
        // One letter missing, and two letters swapped (two edits in a six-letter word).
        assert_eq!(
            closest("qualifer", ["qualifier", "quote"]),
            Some("qualifier")
        );
        assert_eq!(
            closest("neraly", ["about", "nearly", "over"]),
            Some("nearly")
        );
        assert_eq!(
            closest("historians_archivel", ["historians_archival", "conquest"]),
            Some("historians_archival")
        );
    }

    #[test]
    fn a_word_too_far_from_every_candidate_gets_no_suggestion() {
        assert_eq!(closest("quote", ["zzzzzz"]), None);
        // Short words allow one edit only: three edits would turn anything short into anything.
        assert_eq!(closest("xyz", ["e1", "q1"]), None);
        assert_eq!(closest("ab", ["ax"]), Some("ax"));
        assert_eq!(closest("ab", ["xy"]), None);
        // Nine characters allow three edits, not four.
        assert_eq!(closest("abcdefghi", ["abcdefxyz"]), Some("abcdefxyz"));
        assert_eq!(closest("abcdefghi", ["abcdewxyz"]), None);
        // However long the word, four edits are another name rather than a typo.
        assert_eq!(closest("abcdefghijklmnopqr", ["abcdefghijklmnwxyz"]), None);
        assert_eq!(
            closest("famine_deaths_1932_33", ["famine_deaths_ussr_1932_33"]),
            None
        );
    }

    #[test]
    fn an_exact_match_is_no_suggestion() {
        assert_eq!(closest("nearly", ["nearly"]), None);
        assert_eq!(closest("nearly", []), None);
    }

    #[test]
    fn the_nearest_wins_and_ties_go_to_the_first_alphabetically() {
        assert_eq!(
            closest("e_gp_1937x", ["e_gp_19", "e_gp_1937"]),
            Some("e_gp_1937")
        );
        assert_eq!(
            closest("e_gp_1939", ["e_gp_1938", "e_gp_1937"]),
            Some("e_gp_1937")
        );
        assert_eq!(
            closest("e_gp_1939", ["e_gp_1937", "e_gp_1938"]),
            Some("e_gp_1937")
        );
    }

    #[test]
    fn distance_counts_characters_not_bytes() {
        // "–" is three bytes in UTF-8 but one edit from "-".
        assert_eq!(closest("a–b", ["a-b"]), Some("a-b"));
        assert_eq!(closest("é1", ["e1"]), Some("e1"));
    }
}
