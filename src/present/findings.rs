//! Relation verdicts worded as findings: a broken or only roughly holding relation between
//! figures the text states is a warning about the text, on the relation's row.

use foldhash::HashSet;

use super::words;
use crate::analysis::relate::{Outcome, Verdict};
use crate::english::number::{readable, relative};
use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, RelationKind};

/// The verdicts that say something about the text, as warnings on the relation's row.
///
/// A broken relation between figures the text states is a finding about the text, not an error
/// in the data: `check` still exits 0 unless `--strict`. Relations in `unjudged` (see
/// [`unjudged`]) get no verdict finding.
pub fn verdict_findings(
    data: &Dataset,
    outcomes: &[Outcome],
    unjudged: &HashSet<&str>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let outcomes = outcomes
        .iter()
        .filter(|o| !unjudged.contains(o.id.as_str()));
    for o in outcomes {
        let Some(r) = data.relations.iter().find(|r| r.id == o.id) else {
            continue;
        };
        let loc = r.pos.cell("target");
        let off = format!(
            "off by {} ({})",
            readable(o.difference.abs()),
            relative(o.relative_difference)
        );
        if o.kind == RelationKind::Subset {
            let (code, message) = match o.verdict {
                Verdict::Broken => (
                    Code::TextInconsistency,
                    format!(
                        "relation `{}` is broken: {}; the part's lowest reading {} is above the whole's highest {}",
                        o.id,
                        words::arithmetic(&o.arithmetic),
                        readable(o.computed.lo),
                        readable(o.stated.hi)
                    ),
                ),
                Verdict::Approximate => (
                    Code::TextApproximate,
                    format!(
                        "relation `{}` only roughly holds: {}; the part's figure {} is above the whole's central value {}, though their intervals touch or overlap",
                        o.id,
                        words::arithmetic(&o.arithmetic),
                        readable(o.computed_value),
                        readable(o.stated_value)
                    ),
                ),
                Verdict::Holds | Verdict::Derived => continue,
            };
            findings.push(Finding::warning(code, &loc, message));
            continue;
        }
        match o.verdict {
            Verdict::Broken => findings.push(Finding::warning(
                Code::TextInconsistency,
                &loc,
                format!(
                    "relation `{}` is broken: {}; {off}; it would hold if the stated figure were {}",
                    o.id,
                    words::arithmetic(&o.arithmetic),
                    readable(o.needed.unwrap_or(o.computed_value))
                ),
            )),
            Verdict::Approximate => findings.push(Finding::warning(
                Code::TextApproximate,
                &loc,
                format!(
                    "relation `{}` only roughly holds: {}; {off}, outside the stated interval {}–{} though the intervals overlap",
                    o.id,
                    words::arithmetic(&o.arithmetic),
                    readable(o.stated.lo),
                    readable(o.stated.hi)
                ),
            )),
            Verdict::Holds | Verdict::Derived => {}
        }
    }
    findings
}
