//! Unit tests of `table`.

use super::*;
use crate::model::finding::Severity;

const COLUMNS: &[&str] = &["id", "name"];

/// The findings and the rows of `bytes` read as `x.csv` with columns `id` and `name`.
fn parse(bytes: &[u8], needs_rows: bool) -> (Vec<Finding>, Option<Table>) {
    let mut findings = Vec::new();
    let table = parse_table(
        bytes,
        Path::new("x.csv"),
        &Columns::fixed(COLUMNS),
        needs_rows,
        &mut findings,
    );
    (findings, table)
}

/// The only finding of `bytes`, which must have `code`, and its line and column.
fn only(bytes: &[u8], code: Code) -> (Finding, u64, u64) {
    let (findings, _) = parse(bytes, true);
    match findings.as_slice() {
        [f] if f.code == code => (f.clone(), f.line, f.column),
        _ => panic!("expected one `{code}`, got {findings:#?}"),
    }
}

#[test]
fn a_clean_table_has_its_rows_and_no_finding() {
    let (findings, table) = parse(b"id,name\r\na,Alpha\r\nb,\"Beta, B\"\r\n", true);
    assert!(findings.is_empty(), "{findings:#?}");
    let rows = table.map(|t| t.rows).unwrap_or_default();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].get("name"), "Beta, B");
    let name = rows[1].pos.cell("name");
    assert_eq!((name.line, name.column), (3, 3));
}

#[test]
fn a_stray_byte_is_not_utf8_at_its_line_column_and_byte_offset() {
    // "id,name\n" is 8 bytes and "a," 2 more: the 0xFF is byte 10, line 2, column 3.
    let (f, line, column) = only(b"id,name\na,\xFFx\n", Code::NotUtf8);
    assert_eq!((line, column), (2, 3));
    assert!(
        f.message.contains("0xFF at byte offset 10"),
        "{}",
        f.message
    );
    // A byte-order mark is skipped but still counted in the byte offset.
    let (f, _, _) = only(b"\xEF\xBB\xBFid,name\na,\xFFx\n", Code::NotUtf8);
    assert!(f.message.contains("byte offset 13"), "{}", f.message);
}

#[test]
fn a_blank_file_is_empty_and_names_the_header_it_needs() {
    for blank in [&b""[..], b"  \n\r\n", b"\xEF\xBB\xBF"] {
        let (f, line, column) = only(blank, Code::EmptyFile);
        assert_eq!((line, column), (1, 1));
        assert!(f.message.contains("(id,name)"), "{}", f.message);
    }
}

#[test]
fn a_row_with_too_many_fields_is_a_field_count_error_and_is_dropped() {
    let (findings, table) = parse(b"id,name\na,Alpha,extra\nb,Beta\n", true);
    let f = crate::model::sample::one(&findings, Code::FieldCount);
    assert_eq!((f.line, f.column), (2, 1));
    assert!(f.message.contains("has 3 fields but the header has 2"));
    assert_eq!(table.map(|t| t.rows.len()), Some(1));
}

#[test]
fn an_unclosed_quote_is_a_field_count_error_naming_the_lines_it_swallowed() {
    let (f, line, _) = only(b"id,name\n\"a,Alpha\nb,Beta\nc,Gamma\n", Code::FieldCount);
    assert_eq!(line, 2);
    assert!(f.message.contains("from line 2 to line 5"), "{}", f.message);
}

#[test]
fn a_header_without_rows_is_no_rows_only_where_rows_are_needed() {
    let (f, line, column) = only(b"id,name\n", Code::NoRows);
    assert_eq!((line, column, f.severity), (1, 1, Severity::Error));
    let (findings, table) = parse(b"id,name\n", false);
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(table.map(|t| t.rows.len()), Some(0));
}

// Regression (issue 13): a misspelt header (`qualifer`) dropped the whole file, hiding every
// row error in it, and was reported twice (missing-column and unknown-column).
#[test]
fn a_misspelt_header_reads_the_rest_of_the_file_with_one_finding() {
    let (findings, table) = parse(b"id,nam\na,Alpha\nb,Beta\n", true);
    let rows = table.map(|t| t.rows).unwrap_or_default();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[1].get("id"), rows[1].get("name")), ("b", ""));
    assert!(!rows[1].has("name") && rows[1].has("id"));
    // One finding, at the misspelt column's place in the header ("id," is 3 characters).
    let (f, line, column) = only(b"id,nam\na,Alpha\n", Code::MissingColumn);
    assert_eq!((line, column), (1, 4));
    assert!(
        f.message.starts_with(
            "required column `name` is missing from the header: `nam` looks like a misspelling of it; rename it"
        ),
        "{}",
        f.message
    );
    assert_eq!(findings.len(), 1, "{findings:#?}");
}

#[test]
fn a_misspelt_optional_column_is_named_once_and_an_unknown_one_is_a_warning() {
    let columns = Columns::with_optional(COLUMNS, &["year"]);
    let mut findings = Vec::new();
    let header = b"id,name,yeer,colour\na,Alpha,1937,red\n";
    let table = parse_table(header, Path::new("x.csv"), &columns, true, &mut findings);
    assert_eq!(
        crate::model::sample::codes(&findings),
        [Code::MissingColumn, Code::UnknownColumn]
    );
    assert!(findings[0].message.starts_with(
        "optional column `year` is missing from the header: `yeer` looks like a misspelling of it"
    ));
    assert_eq!((findings[0].line, findings[0].column), (1, 9));
    assert!(findings[1].message.contains("`colour`"));
    let header: Vec<String> = ["id", "name", "yeer", "colour"].map(String::from).into();
    assert_eq!(absent(&header, &columns), [("year", Some("yeer"))]);
    assert_eq!(table.map(|t| t.rows.len()), Some(1));
}

#[test]
fn a_missing_column_without_a_near_name_is_named_with_the_header_and_the_rows_are_read() {
    let (f, line, column) = only(b"id\na\n", Code::MissingColumn);
    assert_eq!((line, column), (1, 1));
    assert!(
        f.message.starts_with(
            "required column `name` is missing from the header; expected columns: id,name"
        ),
        "{}",
        f.message
    );
    let (_, table) = parse(b"id\na\n", true);
    assert_eq!(table.map(|t| t.rows.len()), Some(1));
}

#[test]
fn a_column_named_twice_is_a_duplicate_column_at_its_second_place() {
    let (findings, table) = parse(b"id,name,id\na,Alpha,b\n", true);
    let f = crate::model::sample::one(&findings, Code::DuplicateColumn);
    assert_eq!((f.line, f.column), (1, 9));
    assert!(f.message.contains("column `id` appears twice"));
    // The first is read.
    assert_eq!(
        table.map(|t| t.rows[0].get("id").to_string()),
        Some("a".into())
    );
}

// Regression (issue 13): a semicolon-separated file (as a European spreadsheet saves it) gave
// "column `id;name;kind;note` is not one reckon knows" and a missing-column error per column.
#[test]
fn a_semicolon_or_tab_separated_file_is_one_error_that_says_so() {
    for (bytes, named) in [
        (&b"id;name\na;Alpha, the first\n"[..], "semicolons (;)"),
        (b"id\tname\na\tAlpha\n", "tabs"),
    ] {
        let (f, line, column) = only(bytes, Code::WrongDelimiter);
        assert_eq!((line, column), (1, 1));
        assert!(
            f.message
                .starts_with(&format!("the file is separated by {named}, not commas")),
            "{}",
            f.message
        );
        assert!(parse(bytes, true).1.is_none());
    }
    // A header of one unknown column that happens to hold a semicolon is no such file.
    let (findings, _) = parse(b"id,name\na;b,c\n", true);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn an_extra_column_is_only_a_warning_and_the_rows_are_kept() {
    let (f, line, column) = only(b"id,name,colour\na,Alpha,red\n", Code::UnknownColumn);
    assert_eq!((line, column, f.severity), (1, 9, Severity::Warning));
    assert!(
        f.message.contains("it is kept but not used"),
        "{}",
        f.message
    );
    let (_, table) = parse(b"id,name,colour\na,Alpha,red\n", true);
    assert_eq!(
        table.map(|t| t.rows[0].get("colour").to_string()),
        Some("red".into())
    );
}

#[test]
fn field_starts_respect_quotes() {
    let raw = b"a,\"b,c\",d\ne,f,g\n";
    let mut starts = vec![99];
    field_starts(raw, 0, 3, &mut starts);
    assert_eq!(starts, [0, 2, 8]);
    // The buffer is reused: the second record's starts replace the first's.
    field_starts(raw, 10, 3, &mut starts);
    assert_eq!(starts, [10, 12, 14]);
}

// Regression: a vertical tab (Word's line break), NUL or ESC in a name passed check, and build
// then stopped half-way on "non-XML character" or wrote an invalid SVG.
#[test]
fn a_control_character_in_a_cell_is_named_at_its_cell() {
    let (f, line, column) = only(b"id,name\na,Al\x0bpha\n", Code::ControlCharacter);
    assert_eq!((line, column), (2, 3));
    assert!(f.message.contains("U+000B"), "{}", f.message);
    let (f, _, _) = only("id,name\na,x\u{ffff}\n".as_bytes(), Code::ControlCharacter);
    assert!(f.message.contains("U+FFFF"), "{}", f.message);
    // A C1 control (NEL, as some converters write a line break) and DEL, in otherwise plain rows.
    let (f, _, column) = only(
        "id,name\na,caf\u{e9} x\u{85}\n".as_bytes(),
        Code::ControlCharacter,
    );
    assert!(f.message.contains("U+0085"), "{}", f.message);
    assert_eq!(column, 3);
    let (f, _, _) = only(b"id,name\na,x\x7f\n", Code::ControlCharacter);
    assert!(f.message.contains("U+007F"), "{}", f.message);
    // Line breaks and tabs inside a quoted cell are ordinary text.
    let (findings, _) = parse(b"id,name\na,\"two\nlines\tand a tab\"\n", true);
    assert!(findings.is_empty(), "{findings:#?}");
}

// Regression: a UTF-16 file (as Windows programs save CSV) was "invalid byte 0xFF" without
// saying it is UTF-16.
#[test]
fn a_utf16_file_is_named_as_utf16() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("id,name\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (f, _, _) = only(&utf16, Code::NotUtf8);
    assert!(
        f.message.ends_with("the file is UTF-16; save it as UTF-8"),
        "{}",
        f.message
    );
    let (f, _, _) = only(b"id,name\na,\xFFx\n", Code::NotUtf8);
    assert!(
        f.message.ends_with(": save the file as UTF-8"),
        "{}",
        f.message
    );
}
