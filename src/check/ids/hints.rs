//! The "did you mean" of an unknown reference: looked up once per id, and against large tables
//! only within a budget, so that a file of many bad references checks in linear time.
//!
//! A hint compares the id with every id of the table (an edit distance each). A file of 14,000
//! rows restating ids that are not there, among 36,000 estimates, made 500 million comparisons
//! and took nine minutes; the same missing id is now looked up once, and once the budget of
//! comparisons is spent an unknown reference is still an error, only without a hint.

use std::cell::RefCell;

use foldhash::HashMap;

use super::Table;
use crate::english::suggest::closest;
use crate::model::Dataset;

/// Id comparisons one check may spend on hints: under a second in a release build.
const BUDGET: usize = 5_000_000;

/// The hints found in this check, by dataset, table and id; and the comparisons left.
struct Hints {
    found: HashMap<(usize, u8, String), Option<String>>,
    left: usize,
}

thread_local! {
    // One check runs on one thread; `reset` starts each.
    static HINTS: RefCell<Hints> = RefCell::new(Hints {
        found: HashMap::default(),
        left: BUDGET,
    });
}

/// Forgets the hints of an earlier check and restores the budget.
pub(in crate::check) fn reset() {
    HINTS.with(|h| {
        let mut h = h.borrow_mut();
        h.found.clear();
        h.left = BUDGET;
    });
}

/// The id of `table` closest to `id`, if one is close (see [`closest`]).
pub(super) fn closest_id(data: &Dataset, table: Table, id: &str) -> Option<String> {
    let key = (
        std::ptr::from_ref(data) as usize,
        table as u8,
        id.to_string(),
    );
    HINTS.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(found) = h.found.get(&key) {
            return found.clone();
        }
        let cost = table.ids(data).count();
        let found = (cost <= h.left)
            .then(|| closest(id, table.ids(data)).map(str::to_string))
            .flatten();
        h.left = h.left.saturating_sub(cost);
        h.found.insert(key, found.clone());
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample;
    use crate::model::{Contents, Qualifier};

    #[test]
    fn a_missing_id_is_looked_up_once_and_hints_stop_when_the_budget_is_spent() {
        reset();
        let data = Dataset::new(Contents {
            estimates: vec![sample::estimate(
                "e_conquest",
                "famine",
                Qualifier::Exact,
                6e6,
                "",
            )],
            ..sample::contents("")
        });
        assert_eq!(
            closest_id(&data, Table::Estimate, "e_conquets").as_deref(),
            Some("e_conquest")
        );
        let left = HINTS.with(|h| h.borrow().left);
        assert_eq!(left, BUDGET - 1);
        closest_id(&data, Table::Estimate, "e_conquets");
        assert_eq!(
            HINTS.with(|h| h.borrow().left),
            left,
            "a second look-up is free"
        );
        HINTS.with(|h| h.borrow_mut().left = 0);
        assert_eq!(closest_id(&data, Table::Estimate, "e_conqest"), None);
        reset();
        assert_eq!(
            closest_id(&data, Table::Estimate, "e_conqest").as_deref(),
            Some("e_conquest")
        );
    }
}
