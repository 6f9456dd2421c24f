//! Characters no output can carry (control characters, noncharacters): a finding per cell that
//! holds one, made as each row is read.

use super::Row;
use crate::model::finding::{Code, Finding};

/// A character no output can carry: a control character other than a line break or tab (XML
/// forbids them, and a terminal obeys them), or the noncharacters U+FFFE and U+FFFF.
fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// One finding per cell that holds a character no output can carry, naming the character: a
/// vertical tab (Word's line break) in a name would otherwise stop a build half-way or make an
/// invalid SVG.
pub(super) fn control_characters(row: &Row, findings: &mut Vec<Finding>) {
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
