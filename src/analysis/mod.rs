//! Analysis: interpret -> relate -> reconcile, computed once per run into one [`Analysis`]
//! value that every presenter takes by reference. Pure: no I/O and no wording.

pub mod coverage;
pub mod frame;
pub mod interpret;
pub mod levels;
pub mod reconcile;
pub mod relate;

use foldhash::HashSet;

use anyhow::Result;

use crate::model::finding::Finding;
use crate::model::Dataset;
use interpret::Rules;
use levels::Crossing;
use reconcile::{GroupBy, Member, Summary};
use relate::{Outcome, Readings};

/// A dataset with everything reckon computes from it: every reading (ratio-derived ones
/// included), the reconciliation members, the summary of each quantity and every relation's
/// verdict.
pub struct Analysis {
    pub data: Dataset,
    pub rules: Rules,
    pub readings: Readings,
    pub members: Vec<Member>,
    /// One summary per quantity, in the order of quantities.csv.
    pub summaries: Vec<Summary>,
    /// Every relation that could be evaluated, in file order.
    pub outcomes: Vec<Outcome>,
    /// Estimates of a part that lie wholly above an estimate of its whole.
    pub crossings: Vec<Crossing>,
    /// Errors only the analysis can see: ratios that never reach a stated figure, relations
    /// with a figure that could not be read.
    pub problems: Vec<Finding>,
}

impl Analysis {
    /// Interprets, relates and reconciles `data` once.
    pub fn new(data: Dataset, rules: Rules) -> Result<Self> {
        Ok(Parts::of(&data, rules)?.with(data))
    }

    /// [`Analysis::new`], running `job` on the same data on a second thread meanwhile (the
    /// checks: on two cores a million rows are checked while they are analysed).
    pub fn beside<T: Send>(
        data: Dataset,
        rules: Rules,
        job: impl FnOnce(&Dataset) -> T + Send,
    ) -> Result<(Self, T)> {
        let (parts, done) = std::thread::scope(|s| {
            let other = s.spawn(|| job(&data));
            let parts = Parts::of(&data, rules);
            (parts, other.join())
        });
        // A panic in the job goes on as the panic it was.
        let done = done.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok((parts?.with(data), done))
    }

    /// The summaries grouped another way (the quantity grouping is computed already).
    pub fn reconcile(&self, by: GroupBy) -> Result<Vec<Summary>> {
        match by {
            GroupBy::Quantity => Ok(self.summaries.clone()),
            _ => reconcile::summaries(&self.data, &self.members, by),
        }
    }

    /// The relations that cannot be judged because a row they rest on has one of `errors`.
    pub fn unjudged(&self, errors: &[Finding]) -> HashSet<&str> {
        relate::unjudged(&self.data, errors)
    }

    /// The estimates whose figure rests on a row with one of `errors`.
    pub fn flawed(&self, errors: &[Finding]) -> HashSet<&str> {
        relate::flawed(&self.data, errors)
    }

    /// The members that estimate a quantity.
    pub fn members_of(&self, quantity: &str) -> Vec<&Member> {
        self.members
            .iter()
            .filter(|m| m.quantity == quantity)
            .collect()
    }

    /// The summary of a quantity.
    pub fn summary(&self, quantity: &str) -> Option<&Summary> {
        self.summaries.iter().find(|s| s.key == quantity)
    }

    /// A source's name as the text gives it (its id when the source is unknown).
    pub fn source_name(&self, id: &str) -> String {
        self.data
            .source(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string())
    }
}

/// An [`Analysis`] without its dataset: what is computed from the data, by reference.
struct Parts {
    rules: Rules,
    readings: Readings,
    members: Vec<Member>,
    summaries: Vec<Summary>,
    outcomes: Vec<Outcome>,
    crossings: Vec<Crossing>,
    problems: Vec<Finding>,
}

impl Parts {
    /// Interprets, relates and reconciles `data`.
    fn of(data: &Dataset, rules: Rules) -> Result<Self> {
        let readings = relate::readings(data, &rules);
        let members = reconcile::members(data, &readings);
        let summaries = reconcile::summaries(data, &members, GroupBy::Quantity)?;
        let outcomes = relate::evaluate(data, &readings);
        let mut problems = relate::problems(data, &readings, &outcomes);
        problems.extend(levels::restatement_problems(data, &readings));
        let crossings = levels::crossings(data, &members);
        Ok(Parts {
            rules,
            readings,
            members,
            summaries,
            outcomes,
            crossings,
            problems,
        })
    }

    /// The analysis of `data`, these parts computed from it.
    fn with(self, data: Dataset) -> Analysis {
        Analysis {
            data,
            rules: self.rules,
            readings: self.readings,
            members: self.members,
            summaries: self.summaries,
            outcomes: self.outcomes,
            crossings: self.crossings,
            problems: self.problems,
        }
    }
}
