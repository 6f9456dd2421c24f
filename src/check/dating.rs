//! An estimate's place in time and in the record: its own period against its quantity's, and
//! the estimate it restates (which must exist, count the same quantity and not lead back to
//! itself).

use super::ids::{reference, Table};
use crate::model::finding::{Code, Finding};
use crate::model::{Dataset, Estimate};

/// An estimate's period and its `restates` reference.
pub(super) fn check_dating(data: &Dataset, e: &Estimate, findings: &mut Vec<Finding>) {
    check_period(data, e, findings);
    check_restates(data, e, findings);
}

/// The estimate's own period is ordered and lies inside its quantity's.
fn check_period(data: &Dataset, e: &Estimate, findings: &mut Vec<Finding>) {
    if let (Some(start), Some(end)) = (e.period_start, e.period_end) {
        if start > end {
            findings.push(Finding::error(
                Code::BadPeriod,
                &e.pos.cell("period_end"),
                format!("period_end {end} is before period_start {start}"),
            ));
            return;
        }
    }
    let Some(q) = data.quantity(&e.quantity) else {
        return;
    };
    let before = match (e.period_start, q.period_start) {
        (Some(own), Some(of_quantity)) if own < of_quantity => Some(("period_start", own)),
        _ => None,
    };
    let after = match (e.period_end, q.period_end) {
        (Some(own), Some(of_quantity)) if own > of_quantity => Some(("period_end", own)),
        _ => None,
    };
    if let Some((column, year)) = before.or(after) {
        let span = |a: Option<i32>, b: Option<i32>| {
            let show = |y: Option<i32>| y.map_or("…".to_string(), |y| y.to_string());
            format!("{}–{}", show(a), show(b))
        };
        findings.push(Finding::warning(
            Code::PeriodOutside,
            &e.pos.cell(column),
            format!(
                "estimate `{}` covers {} ({column} {year}), outside the period {} of quantity `{}`: the estimate counts something else, or the quantity's period is too narrow",
                e.id,
                span(e.period_start, e.period_end),
                span(q.period_start, q.period_end),
                q.id
            ),
        ));
    }
}

/// `restates` names an estimate of the same quantity, and following it never comes back.
fn check_restates(data: &Dataset, e: &Estimate, findings: &mut Vec<Finding>) {
    let Some(target) = &e.restates else { return };
    let loc = e.pos.cell("restates");
    if !reference(
        data,
        Table::Estimate,
        target,
        (&e.pos, "restates"),
        findings,
    ) {
        return;
    }
    let mut current = target.as_str();
    for _ in 0..data.estimates.len() {
        if current == e.id {
            findings.push(Finding::error(
                Code::RestatementCycle,
                &loc,
                format!(
                    "estimate `{}` restates itself through `restates`; a restatement must lead back to an original that restates nothing",
                    e.id
                ),
            ));
            return;
        }
        match data.estimate(current).and_then(|x| x.restates.as_deref()) {
            Some(next) => current = next,
            None => break,
        }
    }
    if let Some(original) = data.estimate(target) {
        if original.quantity != e.quantity {
            findings.push(Finding::error(
                Code::RestatementMismatch,
                &loc,
                format!(
                    "estimate `{}` restates `{}`, an estimate of `{}`, but itself counts `{}`: a restatement repeats the same figure of the same quantity",
                    e.id, original.id, original.quantity, e.quantity
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{self, codes};
    use crate::model::{Contents, Qualifier, Sym};

    fn findings(contents: Contents) -> Vec<Finding> {
        let data = Dataset::new(contents);
        let mut found = Vec::new();
        for e in &data.estimates {
            check_dating(&data, e, &mut found);
        }
        found
    }

    fn famine(estimates: Vec<Estimate>) -> Contents {
        let mut contents = sample::contents("");
        contents.quantities[1].period_start = Some(1932);
        contents.quantities[1].period_end = Some(1933);
        contents.estimates = estimates;
        contents
    }

    fn e(id: &str, restates: Option<&str>) -> Estimate {
        Estimate {
            restates: restates.map(Sym::from),
            ..sample::estimate(id, "famine", Qualifier::Exact, 6e6, "")
        }
    }

    #[test]
    fn a_period_inside_the_quantitys_passes_and_one_outside_is_flagged() {
        let inside = Estimate {
            period_start: Some(1932),
            period_end: Some(1932),
            ..e("a", None)
        };
        assert!(findings(famine(vec![inside])).is_empty());
        let outside = Estimate {
            period_start: Some(1931),
            period_end: Some(1933),
            ..e("a", None)
        };
        let found = findings(famine(vec![outside]));
        assert_eq!(codes(&found), [Code::PeriodOutside]);
        assert!(found[0].message.contains("covers 1931–1933"));
        assert!(found[0].message.contains("period 1932–1933"));
        let reversed = Estimate {
            period_start: Some(1933),
            period_end: Some(1932),
            ..e("a", None)
        };
        assert_eq!(codes(&findings(famine(vec![reversed]))), [Code::BadPeriod]);
    }

    #[test]
    fn a_restatement_must_name_an_estimate_of_the_same_quantity() {
        let ok = famine(vec![e("a", None), e("b", Some("a")), e("c", Some("b"))]);
        assert!(findings(ok).is_empty());
        let unknown = famine(vec![e("a", None), e("b", Some("aa"))]);
        assert_eq!(codes(&findings(unknown)), [Code::UnknownReference]);
        let other = Estimate {
            quantity: "deaths".into(),
            ..e("a", None)
        };
        let found = findings(famine(vec![other, e("b", Some("a"))]));
        assert_eq!(codes(&found), [Code::RestatementMismatch]);
        assert!(found[0].message.contains("an estimate of `deaths`"));
    }

    #[test]
    fn a_restatement_cycle_is_an_error_on_every_row_of_it() {
        let cycle = famine(vec![
            e("a", Some("b")),
            e("b", Some("a")),
            e("c", Some("c")),
        ]);
        assert_eq!(codes(&findings(cycle)), [Code::RestatementCycle; 3]);
    }
}
