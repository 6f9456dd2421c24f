//! Line and column positions: maps a byte offset in a file to the 1-based line and character
//! column that a reader sees, with the same line endings as the CSV reader.

/// Maps byte offsets in a file to 1-based line and character column.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        // A line ends at "\n", "\r\n", or a lone "\r" (old Mac files), as the CSV reader sees it.
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineIndex { text, starts }
    }

    /// The 1-based line and character column of byte `offset`.
    pub fn locate(&self, offset: usize) -> (u64, u64) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.starts[line];
        let end = offset.min(self.text.len());
        let column = self
            .text
            .get(start..end)
            .map_or(1, |s| s.chars().count() + 1);
        (line as u64 + 1, column as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_characters_not_bytes() {
        let text = "ab\n\u{a0}–x";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(0), (1, 1));
        assert_eq!(index.locate(3), (2, 1));
        // "\u{a0}" is 2 bytes and "–" 3 bytes: byte 8 is the 3rd character of line 2.
        assert_eq!(index.locate(8), (2, 3));
    }
}
