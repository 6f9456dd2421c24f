//! The words of a quote or cell as reckon reads them: the figures, scaled, and the values a row
//! may take from them. Made once per distinct quote of a text.

use super::{candidates, Evidence};
use crate::english::figure::{self, FigureKind, Parsed};

/// What the words of a piece of evidence state, parsed once: a million rows quoting the same
/// passages parse each passage once.
pub(in crate::check) struct Words {
    /// The figures as the words write them.
    pub(super) parsed: Parsed,
    /// The figures multiplied by the evidence's scale (a table "in millions"), when it is not 1.
    pub(super) scaled: Option<Parsed>,
    /// The values a row may take from the words (see [`candidates`]).
    pub(super) candidates: Vec<f64>,
}

impl Words {
    /// Parses the words of `evidence`.
    pub(super) fn new(evidence: &Evidence) -> Self {
        let parsed = figure::parse(evidence.text);
        let scaled = (evidence.scale != 1.0).then(|| {
            let mut scaled = parsed.clone();
            for f in &mut scaled.figures {
                f.value *= evidence.scale;
                if let FigureKind::Magnitude { low, high } = &mut f.kind {
                    *low *= evidence.scale;
                    *high *= evidence.scale;
                }
            }
            scaled
        });
        let candidates = candidates(evidence, scaled.as_ref().unwrap_or(&parsed));
        Words {
            parsed,
            scaled,
            candidates,
        }
    }
}
