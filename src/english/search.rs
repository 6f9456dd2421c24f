//! Looking up many passages in one text: the first few by a plain scan, then through a suffix
//! array built once, so that a file of 48,000 distinct quotes costs n log n rather than one scan
//! of the text per quote.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::ops::Range;

/// Look-ups answered by scanning before the suffix array is built: a dataset quoting a text a
/// few dozen times never pays for it.
const SCANS: usize = 64;

/// A text prepared for repeated substring look-ups.
pub struct Finder<'a> {
    text: Cow<'a, str>,
    lookups: Cell<usize>,
    /// The start of every suffix of the text, in byte order of the suffixes.
    suffixes: OnceCell<Vec<u32>>,
}

impl<'a> Finder<'a> {
    /// Prepares `text`; nothing is built until it has been searched [`SCANS`] times.
    pub fn new(text: impl Into<Cow<'a, str>>) -> Self {
        Finder {
            text: text.into(),
            lookups: Cell::new(0),
            suffixes: OnceCell::new(),
        }
    }

    /// Byte ranges of the occurrences of `needle` that do not overlap, leftmost first: what
    /// `str::match_indices` finds. None for an empty needle.
    pub fn occurrences(&self, needle: &str) -> Vec<Range<usize>> {
        if needle.is_empty() {
            return Vec::new();
        }
        let Some(suffixes) = self.suffixes() else {
            return self
                .text
                .match_indices(needle)
                .map(|(i, q)| i..i + q.len())
                .collect();
        };
        let mut starts: Vec<usize> = suffixes[self.range(suffixes, needle)]
            .iter()
            .map(|&s| s as usize)
            .collect();
        starts.sort_unstable();
        let mut out: Vec<Range<usize>> = Vec::new();
        for start in starts {
            if out.last().is_none_or(|last| start >= last.end) {
                out.push(start..start + needle.len());
            }
        }
        out
    }

    /// Whether `needle` occurs in the text.
    pub fn contains(&self, needle: &str) -> bool {
        match self.suffixes() {
            Some(suffixes) => needle.is_empty() || !self.range(suffixes, needle).is_empty(),
            None => self.text.contains(needle),
        }
    }

    /// The suffix array, once the text has been searched often enough to be worth it (and is
    /// small enough for 32-bit offsets).
    fn suffixes(&self) -> Option<&Vec<u32>> {
        if let Some(suffixes) = self.suffixes.get() {
            return Some(suffixes);
        }
        self.lookups.set(self.lookups.get() + 1);
        if self.lookups.get() <= SCANS || u32::try_from(self.text.len()).is_err() {
            return None;
        }
        Some(
            self.suffixes
                .get_or_init(|| suffix_array(self.text.as_bytes())),
        )
    }

    /// The positions in `suffixes` of the suffixes that begin with `needle`.
    fn range(&self, suffixes: &[u32], needle: &str) -> Range<usize> {
        let bytes = self.text.as_bytes();
        let needle = needle.as_bytes();
        let head = |s: u32| {
            let s = s as usize;
            &bytes[s..bytes.len().min(s + needle.len())]
        };
        let lo = suffixes.partition_point(|&s| head(s) < needle);
        let hi = lo + suffixes[lo..].partition_point(|&s| head(s) == needle);
        lo..hi
    }
}

/// The suffix array of `text` by prefix doubling: ranks of the first 1, 2, 4... bytes of every
/// suffix, until all differ. O(n log² n) whatever the text, even a run of one repeated byte.
fn suffix_array(text: &[u8]) -> Vec<u32> {
    let n = text.len();
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut rank: Vec<u32> = text.iter().map(|&b| u32::from(b)).collect();
    let mut next = vec![0u32; n];
    let mut width = 1;
    loop {
        // A suffix's key: its rank, then the rank `width` bytes on (0 past the end, below any).
        let key = |i: u32| {
            let i = i as usize;
            let second = rank.get(i + width).map_or(0, |&r| r + 1);
            (rank[i], second)
        };
        order.sort_unstable_by_key(|&i| key(i));
        let mut distinct = 0;
        for w in 0..n {
            if w > 0 && key(order[w - 1]) != key(order[w]) {
                distinct += 1;
            }
            next[order[w] as usize] = distinct;
        }
        std::mem::swap(&mut rank, &mut next);
        if distinct as usize + 1 >= n || width >= n {
            return order;
        }
        width *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A finder past its scans, so that look-ups go through the suffix array.
    fn built(text: &str) -> Finder<'_> {
        let finder = Finder::new(text);
        for _ in 0..=SCANS {
            finder.contains("x");
        }
        assert!(finder.suffixes.get().is_some());
        finder
    }

    #[test]
    fn the_suffix_array_finds_what_match_indices_finds() {
        let text = "aaaa, 1,500 and 1,500,000 – über 2,000 aaaa, ababab ababa";
        let finder = built(text);
        for needle in [
            "a", "aa", "aaa", "1,500", "ab", "aba", "über", "2,000 a", "zzz", "–", "a ",
        ] {
            let expected: Vec<Range<usize>> = text
                .match_indices(needle)
                .map(|(i, q)| i..i + q.len())
                .collect();
            assert_eq!(finder.occurrences(needle), expected, "{needle}");
            assert_eq!(finder.contains(needle), !expected.is_empty(), "{needle}");
        }
    }

    #[test]
    fn a_run_of_one_byte_is_sorted_in_few_rounds() {
        let text = "a".repeat(5000);
        let finder = built(&text);
        assert_eq!(finder.occurrences("aaa").len(), 5000 / 3);
        let whole: Vec<Range<usize>> = vec![Range {
            start: 0,
            end: 4999,
        }];
        assert_eq!(finder.occurrences(&"a".repeat(4999)), whole);
    }
}
