//! Unit tests of `texts`.

use super::*;
use crate::model::sample::one;

/// A place in texts.csv, where a text is named.
fn named_at() -> Loc {
    Loc {
        file: Arc::new(PathBuf::from("texts.csv")),
        line: 2,
        column: 4,
    }
}

/// The texts that the in-memory `texts.csv` lists, read from a folder that does not exist.
fn listed(csv: &str) -> (Texts, Vec<Finding>, Vec<PathBuf>) {
    let mut findings = Vec::new();
    let mut inputs = Vec::new();
    let table = super::super::table::parse_table(
        csv.as_bytes(),
        Path::new("texts.csv"),
        &Columns::fixed(columns::TEXTS),
        true,
        &mut findings,
    );
    let dir = Path::new("/nonexistent-reckon-dataset");
    let texts = texts_of_table(
        dir,
        &table.expect("a usable texts.csv"),
        &mut findings,
        &mut inputs,
    )
    .expect("a folder that does not exist is no I/O error");
    (texts, findings, inputs)
}

#[test]
fn a_text_outside_the_dataset_folder_is_refused_before_it_is_read() {
    let (texts, findings, inputs) = listed(
        "id,file,title,attribution\n\
         passwd,/etc/passwd,,\n\
         up,../secret.txt,,\n\
         blank, ,,\n",
    );
    let codes = crate::model::sample::codes(&findings);
    assert_eq!(codes, [Code::TextOutside; 3]);
    assert_eq!(findings[0].column, 8);
    assert!(findings[1]
        .message
        .contains("`../secret.txt` must be a relative path inside"));
    assert!(texts.0.is_empty());
    assert_eq!(texts.1, ["passwd", "up", "blank"]);
    assert!(inputs.is_empty(), "read {inputs:?}");
}

#[test]
fn a_listed_text_that_is_not_there_is_text_missing() {
    let (texts, findings, _) = listed("id,file,title,attribution\narticle,texts/a.txt,,\n");
    let f = one(&findings, Code::TextMissing);
    assert_eq!((f.file.as_str(), f.line, f.column), ("texts.csv", 2, 9));
    assert_eq!(texts.1, ["article"]);
}

#[test]
fn a_dataset_without_texts_csv_or_texts_folder_has_no_texts_and_no_finding() {
    // A dataset of citation estimates needs no texts.
    let mut findings = Vec::new();
    let dir = Path::new("/nonexistent-reckon-dataset");
    let texts = folder_texts(dir, &mut findings, &mut Vec::new()).ok();
    assert!(texts.is_some_and(|(read, unread)| read.is_empty() && unread.is_empty()));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[cfg(unix)]
#[test]
fn a_device_is_text_not_a_file_and_is_never_read() {
    let mut findings = Vec::new();
    let mut inputs = Vec::new();
    let body = read_text_body(
        Path::new("/dev"),
        Path::new("/dev/null"),
        &named_at(),
        &mut findings,
        &mut inputs,
    );
    assert!(matches!(body, Ok(None)));
    let f = one(&findings, Code::TextNotAFile);
    assert_eq!((f.line, f.column), (2, 4));
    assert!(inputs.is_empty());
}

#[test]
fn a_blank_text_is_text_empty() {
    for blank in [&b" \n\t\n"[..], b"\xEF\xBB\xBF"] {
        let mut findings = Vec::new();
        let path = Path::new("texts/a.txt");
        assert_eq!(
            decode_text(blank.to_vec(), path, &named_at(), &mut findings),
            None
        );
        let f = one(&findings, Code::TextEmpty);
        assert_eq!(f.message, "text file texts/a.txt is empty");
        assert_eq!((f.file.as_str(), f.line), ("texts.csv", 2));
    }
}

#[test]
fn a_stray_byte_in_a_text_is_not_utf8_in_the_text_and_names_where_it_is_listed() {
    let mut findings = Vec::new();
    let path = Path::new("texts/a.txt");
    // A byte-order mark (3 bytes), "Some\n" (5) and "70": the 0xFF is byte 10, line 2, column 3.
    let bytes = b"\xEF\xBB\xBFSome\n70\xFF000".to_vec();
    assert_eq!(decode_text(bytes, path, &named_at(), &mut findings), None);
    let f = one(&findings, Code::NotUtf8);
    assert_eq!((f.file.as_str(), f.line, f.column), ("texts/a.txt", 2, 3));
    assert!(
        f.message.contains(
            "invalid byte 0xFF at byte offset 10: save the file as UTF-8 (named by texts.csv:2)"
        ),
        "{}",
        f.message
    );
}

#[test]
fn a_text_keeps_its_body_without_the_byte_order_mark() {
    let mut findings = Vec::new();
    let body = decode_text(
        b"\xEF\xBB\xBFSome 700,000 were shot.".to_vec(),
        Path::new("texts/a.txt"),
        &named_at(),
        &mut findings,
    );
    assert_eq!(body.as_deref(), Some("Some 700,000 were shot."));
    assert!(findings.is_empty());
}
