//! Line and column positions: maps a byte offset in a file to the 1-based line and character
//! column that a reader sees, with the same line endings as the CSV reader.

use std::sync::OnceLock;

/// Bytes between two checkpoints of the character count: a column on a line longer than this
/// is counted from the nearest checkpoint, so that a look-up costs at most this many bytes
/// however long the line (a header of 200,000 columns is one line).
const CHUNK: usize = 1024;

/// Maps byte offsets in a file to 1-based line and character column.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The number of characters before each multiple of [`CHUNK`], made on the first look-up
    /// into a long line.
    checkpoints: OnceLock<Vec<usize>>,
}

/// Characters that begin in `bytes` (every byte that is not a UTF-8 continuation byte), so a
/// slice cut inside a character still counts it once.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        // A line ends at "\n", "\r\n", or a lone "\r" (old Mac files), as the CSV reader sees it.
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        LineIndex {
            text,
            starts,
            checkpoints: OnceLock::new(),
        }
    }

    /// The 1-based line and character column of byte `offset`.
    pub fn locate(&self, offset: usize) -> (u64, u64) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.starts[line];
        let end = offset.min(self.text.len());
        // An offset inside a character (never made by reckon's readers) is the line's start.
        let column = match self.text.is_char_boundary(end) {
            true => self.chars_between(start, end) + 1,
            false => 1,
        };
        (line as u64 + 1, column as u64)
    }

    /// The 1-based line and character column of each of `offsets`, which ascend: one walk along
    /// the text, so the cells of a row cost the row's length however many there are.
    pub fn locate_ascending(&self, offsets: &[usize]) -> Vec<(u64, u64)> {
        let mut out = Vec::with_capacity(offsets.len());
        // The last place located: its line, byte offset and column.
        let mut last: Option<(usize, usize, usize)> = None;
        for &offset in offsets {
            let end = offset.min(self.text.len());
            // Most cells are on the line of the cell before: no search then.
            let line = match last {
                Some((l, at, _))
                    if at <= offset && self.starts.get(l + 1).is_none_or(|&next| offset < next) =>
                {
                    l
                }
                _ => self.starts.partition_point(|&s| s <= offset).max(1) - 1,
            };
            let column = match last {
                _ if !self.text.is_char_boundary(end) => 1,
                Some((l, at, column)) if l == line && at <= end => {
                    column + self.chars_between(at, end)
                }
                _ => self.chars_between(self.starts[line], end) + 1,
            };
            last = Some((line, end, column));
            out.push((line as u64 + 1, column as u64));
        }
        out
    }

    /// The characters from byte `start` to byte `end` (`start` at a character boundary).
    fn chars_between(&self, start: usize, end: usize) -> usize {
        let bytes = self.text.as_bytes();
        if end <= start {
            return 0;
        }
        if end - start <= 2 * CHUNK {
            return chars_in(&bytes[start..end]);
        }
        let checkpoints = self.checkpoints.get_or_init(|| {
            // One entry per multiple of CHUNK up to the end, the end's own included.
            let mut before = 0;
            let mut checkpoints = vec![0];
            for chunk in bytes.chunks(CHUNK) {
                before += chars_in(chunk);
                checkpoints.push(before);
            }
            checkpoints
        });
        let before = |x: usize| checkpoints[x / CHUNK] + chars_in(&bytes[x / CHUNK * CHUNK..x]);
        before(end) - before(start)
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

    /// The column of `offset` counted the plain way, from the start of its line.
    fn counted(text: &str, offset: usize) -> (u64, u64) {
        let before = &text[..offset];
        let line = before.matches('\n').count() as u64 + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, text[start..offset].chars().count() as u64 + 1)
    }

    #[test]
    fn columns_on_a_long_line_are_counted_from_checkpoints_alike() {
        // A line of many multi-byte characters, longer than several checkpoints apart.
        let cell = "é–x,";
        let text = format!("a,b\n{}\nlast", cell.repeat(3000));
        let index = LineIndex::new(&text);
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for &o in &offsets {
            assert_eq!(index.locate(o), counted(&text, o), "offset {o}");
        }
        let ascending = index.locate_ascending(&offsets);
        let each: Vec<(u64, u64)> = offsets.iter().map(|&o| counted(&text, o)).collect();
        assert_eq!(ascending, each);
    }

    #[test]
    fn a_text_whose_length_is_a_multiple_of_the_checkpoint_gap_locates_its_end() {
        let text = "x".repeat(CHUNK * 4);
        assert_eq!(
            LineIndex::new(&text).locate(text.len()),
            (1, CHUNK as u64 * 4 + 1)
        );
    }
}
