//! A large CSV file read on two threads: the first half by one reader, the second by another
//! started at a line break near the middle, each handing its rows to its own state.
//!
//! Where the second reader starts is a guess: a line break may sit inside a quoted cell. The
//! first reader settles it. It reads on until a record starts at or past the guess; one that
//! starts exactly there proves the guess a record boundary, and the second reader's rows are
//! the file's rows from there. Otherwise the first reader reads the rest of the file itself and
//! the second reader's work is dropped, so the rows and findings are always those of one reader
//! reading the whole file.

use std::path::Path;
use std::sync::Arc;

use super::{open, read_records, reader, Columns, Opened, Row, Span};
use crate::model::finding::Finding;

/// Below this many bytes of rows a second thread costs more than it saves.
const SPLIT_FROM: usize = 4 << 20;

/// [`super::parse_rows`] on two threads for a file of more than a few megabytes (a file with a
/// header and no rows is an empty table, without a finding): `each` hands
/// the rows of the first half to `first` and those of the second half to a state made by
/// `fresh`, which is returned (with its findings already in `findings`, after the first
/// half's) when the second half was read apart. Returns the header, or `None` when the file
/// cannot be used at all.
pub fn parse_rows_split<S: Send>(
    bytes: &[u8],
    path: &Path,
    columns: &Columns,
    findings: &mut Vec<Finding>,
    first: &mut S,
    fresh: impl FnOnce() -> S + Send,
    each: impl Fn(&mut S, Row, &mut Vec<Finding>) + Sync,
) -> Option<(Arc<Vec<String>>, Option<S>)> {
    let Opened {
        csv,
        reader: head,
        header,
    } = open(bytes, path, columns, findings)?;
    let text = csv.text;
    let rows_from = head.position().byte() as usize;
    let mut own = |r: Row, f: &mut Vec<Finding>| each(first, r, f);
    let Some(middle) = middle(text.as_bytes(), rows_from) else {
        read_records(head, &csv, &header, Span::ALL, findings, &mut own);
        return Some((header, None));
    };
    let (read, (second, second_findings)) = std::thread::scope(|s| {
        let other = s.spawn(|| {
            let mut state = fresh();
            let mut found = Vec::new();
            let rest = reader(&text.as_bytes()[middle..], false);
            let span = Span {
                base: middle,
                stop: None,
            };
            let mut add = |r: Row, f: &mut Vec<Finding>| each(&mut state, r, f);
            read_records(rest, &csv, &header, span, &mut found, &mut add);
            (state, found)
        });
        let span = Span {
            base: 0,
            stop: Some(middle),
        };
        let read = read_records(head, &csv, &header, span, findings, &mut own);
        let other = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (read, other)
    });
    if !read.stopped {
        return Some((header, None));
    }
    findings.extend(second_findings);
    Some((header, Some(second)))
}

/// Where the second reader starts: just past the line breaks after the middle of the rows, or
/// `None` when the rows are too few to split.
fn middle(text: &[u8], rows_from: usize) -> Option<usize> {
    let rows = text.len().checked_sub(rows_from)?;
    if rows < SPLIT_FROM {
        return None;
    }
    let half = rows_from + rows / 2;
    let newline = half + text[half..].iter().position(|&b| b == b'\n')?;
    let start = newline
        + text[newline..]
            .iter()
            .position(|&b| b != b'\n' && b != b'\r')?;
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::table::parse_rows;

    type Seen = Vec<(u64, u64, String)>;
    /// Rows seen and findings, as text.
    type Read = (Seen, Vec<String>);

    fn see(seen: &mut Seen, r: Row) {
        let at = r.pos.cell("quote");
        seen.push((at.line, at.column, r.get("id").to_string()));
    }

    /// The rows and findings of one reader, and of the split reader (with whether it split).
    fn both(text: &str) -> (Read, (Seen, Vec<String>, bool)) {
        let columns = Columns::fixed(&["id", "quote"]);
        let path = Path::new("estimates.csv");
        let shown = |f: Vec<Finding>| f.iter().map(|f| f.to_string()).collect::<Vec<_>>();
        let (mut one, mut found) = (Seen::new(), Vec::new());
        parse_rows(
            text.as_bytes(),
            path,
            &columns,
            false,
            &mut found,
            |r, _| see(&mut one, r),
        );
        let one_found = shown(found);
        let (mut first, mut found) = (Seen::new(), Vec::new());
        let (_, second) = parse_rows_split(
            text.as_bytes(),
            path,
            &columns,
            &mut found,
            &mut first,
            Seen::new,
            |s, r, _| see(s, r),
        )
        .unwrap();
        let split = second.is_some();
        first.extend(second.unwrap_or_default());
        ((one, one_found), (first, shown(found), split))
    }

    fn rows(range: std::ops::Range<usize>) -> String {
        range
            .map(|i| format!("e{i},\"the quoted figure of row {i}, about 1,000\"\n"))
            .collect()
    }

    #[test]
    fn a_large_file_is_read_in_two_halves_with_the_rows_and_places_of_one_reader() {
        let text = format!("id,quote\r\n{}", rows(0..120_000).replace('\n', "\r\n"));
        assert!(text.len() > SPLIT_FROM);
        let ((one, one_found), (split, split_found, halves)) = both(&text);
        assert!(halves, "a file of {} bytes is split", text.len());
        assert_eq!(one.len(), 120_000);
        assert_eq!(split, one);
        // "e119999," is eight characters: the quote starts in column 9 of line 120,001.
        assert_eq!((one[119_999].0, one[119_999].1), (120_001, 9));
        assert_eq!(split_found, one_found);
    }

    #[test]
    fn a_middle_inside_a_quoted_cell_is_read_by_one_reader() {
        // One cell of many lines spans the middle of the file: no line break near the middle
        // is a record boundary.
        let long: String = "a line of a long quoted passage\n".repeat(80_000);
        let text = format!(
            "id,quote\n{}e_long,\"{long}\"\n{}",
            rows(0..30_000),
            rows(30_000..60_000)
        );
        let ((one, _), (split, _, halves)) = both(&text);
        assert!(!halves, "the second reader's rows are dropped");
        assert_eq!(split, one);
        assert_eq!(one.len(), 60_001);
        assert_eq!(one[30_000].2, "e_long");
    }

    #[test]
    fn a_bad_row_in_the_second_half_is_found_once_at_its_place() {
        let text = format!(
            "id,quote\n{}e_bad,one,two\n{}",
            rows(0..90_000),
            rows(90_000..100_000)
        );
        let ((one, one_found), (split, split_found, halves)) = both(&text);
        assert!(halves);
        assert_eq!(split, one);
        assert_eq!(one_found.len(), 1, "{one_found:?}");
        assert!(
            one_found[0].contains("estimates.csv:90002:1"),
            "{one_found:?}"
        );
        assert_eq!(split_found, one_found);
    }
}
