//! Characters no output can carry (control characters, noncharacters): a finding per cell that
//! holds one, made as each row is read.

use super::Row;
use crate::model::finding::{Code, Finding};

/// A character no output can carry: a control character other than a line break or tab (XML
/// forbids them, and a terminal obeys them), or the noncharacters U+FFFE and U+FFFF.
fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// True for a byte that can be (or begin) a forbidden character in UTF-8: a control byte other
/// than tab and line breaks, DEL, 0xC2 (which begins U+0080 to U+009F) and 0xEF (which begins
/// U+FFFE and U+FFFF). Other bytes begin characters that are all allowed.
fn may_start(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7F | 0xC2 | 0xEF)
}

/// One finding per cell that holds a character no output can carry, naming the character: a
/// vertical tab (Word's line break) in a name would otherwise stop a build half-way or make an
/// invalid SVG.
pub(super) fn control_characters(row: &Row, findings: &mut Vec<Finding>) {
    // Most rows hold no byte that can start one: they are passed in one walk over their bytes.
    if !row
        .fields
        .as_byte_record()
        .as_slice()
        .iter()
        .any(|&b| may_start(b))
    {
        return;
    }
    // Printable ASCII (most cells) cannot hold one: only other cells are read character by
    // character.
    let suspect = |field: &&str| field.bytes().any(|b| !(0x20..0x7F).contains(&b));
    for (name, field) in row.header.iter().zip(row.fields.iter()) {
        if let Some(c) = Some(field)
            .filter(suspect)
            .and_then(|f| f.chars().find(|&c| forbidden(c)))
        {
            findings.push(Finding::error(
                Code::ControlCharacter,
                &row.pos.cell(name),
                format!(
                    "`{name}` holds the invisible character U+{:04X}, which no chart, report or export can carry; replace it with a space",
                    c as u32
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_forbidden_character_has_a_byte_the_row_filter_stops_at() {
        let mut buf = [0u8; 4];
        let mut forbidden_seen = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if forbidden(c) {
                forbidden_seen += 1;
                let bytes = c.encode_utf8(&mut buf).as_bytes();
                assert!(bytes.iter().any(|&b| may_start(b)), "U+{:04X}", c as u32);
            }
        }
        // C0 but tab and line breaks (29), DEL and C1 (33), U+FFFE and U+FFFF (2).
        assert_eq!(forbidden_seen, 29 + 33 + 2);
    }
}
