//! The one module that speaks polars: grouping and aggregating estimate intervals.
//!
//! Everything else sees plain Rust types: [`FrameRow`] in, [`Aggregate`] out. Grouping through
//! polars keeps reconciliation fast on datasets of millions of estimates.

use anyhow::Result;
use foldhash::{HashMap, HashMapExt};
use polars::prelude::*;

/// One estimate's interval, tagged with the group it belongs to; the texts are borrowed from
/// the members, so that a million rows cost no allocation each.
#[derive(Debug, Clone)]
pub struct FrameRow<'a> {
    pub key: &'a str,
    pub source: &'a str,
    pub lo: f64,
    pub hi: f64,
    pub central: f64,
    pub derived: bool,
}

/// The aggregates of one group, as polars computed them.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub key: String,
    pub count: usize,
    pub sources: usize,
    pub derived: usize,
    pub envelope_lo: f64,
    pub envelope_hi: f64,
    /// The highest low end: the consensus starts here.
    pub highest_lo: f64,
    /// The lowest high end: the consensus ends here.
    pub lowest_hi: f64,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// Groups rows by key and aggregates each group, keeping the order in which keys first appear.
///
/// The rows are walked once per column, never held: a million of them would take 64 MB. Keys
/// and sources go to polars as numbers (each distinct text numbered as it first appears), which
/// group faster than texts and take 4 bytes a row.
pub fn aggregate<'a>(rows: impl Iterator<Item = FrameRow<'a>> + Clone) -> Result<Vec<Aggregate>> {
    if rows.clone().next().is_none() {
        return Ok(Vec::new());
    }
    let (key_codes, key_texts) = codes(rows.clone().map(|r| r.key));
    let frame = df!(
        "key" => key_codes,
        "source" => codes(rows.clone().map(|r| r.source)).0,
        "lo" => rows.clone().map(|r| r.lo).collect::<Vec<_>>(),
        "hi" => rows.clone().map(|r| r.hi).collect::<Vec<_>>(),
        "central" => rows.clone().map(|r| r.central).collect::<Vec<_>>(),
        "derived" => rows.map(|r| u64::from(r.derived)).collect::<Vec<_>>(),
    );
    let frame = anyhow::Context::context(frame, "building the estimates frame")?;
    let out = anyhow::Context::context(grouped(&frame), "aggregating estimates by group")?;
    let keys: Vec<String> = count(&out.counts, "key")?
        .into_iter()
        .map(|code| key_texts.get(code).copied().unwrap_or_default().to_string())
        .collect();
    let counts = count(&out.counts, "lo_count")?;
    let sources = count(&out.sources, "source_n_unique")?;
    let derived = count(&out.derived, "derived_sum")?;
    let envelope_lo = float(&out.mins, "lo_min")?;
    let envelope_hi = float(&out.maxes, "hi_max")?;
    let highest_lo = float(&out.maxes, "lo_max")?;
    let lowest_hi = float(&out.mins, "hi_min")?;
    let median = float(&out.medians, "central_median")?;
    let min = float(&out.mins, "central_min")?;
    let max = float(&out.maxes, "central_max")?;
    Ok((0..keys.len())
        .map(|i| Aggregate {
            key: keys[i].clone(),
            count: counts[i],
            sources: sources[i],
            derived: derived[i],
            envelope_lo: envelope_lo[i],
            envelope_hi: envelope_hi[i],
            highest_lo: highest_lo[i],
            lowest_hi: lowest_hi[i],
            median: median[i],
            min: min[i],
            max: max[i],
        })
        .collect())
}

/// The aggregates of a grouping, one frame per kind of aggregation, each a row per group in
/// the same order (first appearance) with the key first.
struct Grouped {
    counts: DataFrame,
    sources: DataFrame,
    derived: DataFrame,
    mins: DataFrame,
    maxes: DataFrame,
    medians: DataFrame,
}

/// The frame grouped by key once, in order of first appearance, and aggregated.
// polars marks its eager aggregations deprecated in favour of the lazy API, but they are
// the same kernels, and leaving out the `lazy` feature spares the build the query planner
// and its executor (see README, Performance). The version is pinned (=0.55.2).
#[allow(deprecated)]
fn grouped(frame: &DataFrame) -> PolarsResult<Grouped> {
    let by = frame.group_by_stable(["key"])?;
    let select = |columns: &[&str]| by.clone().select(columns.iter().copied());
    Ok(Grouped {
        counts: select(&["lo"]).count()?,
        sources: select(&["source"]).n_unique()?,
        derived: select(&["derived"]).sum()?,
        mins: select(&["lo", "hi", "central"]).min()?,
        maxes: select(&["lo", "hi", "central"]).max()?,
        medians: select(&["central"]).median()?,
    })
}

/// Each text numbered by its first appearance: the numbers in order, and the texts by number.
fn codes<'a>(texts: impl Iterator<Item = &'a str>) -> (Vec<u32>, Vec<&'a str>) {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    let mut by_code = Vec::new();
    let codes = texts
        .map(|t| {
            *seen.entry(t).or_insert_with(|| {
                by_code.push(t);
                // As many distinct texts as rows: a u32 holds more rows than memory does.
                u32::try_from(by_code.len() - 1).unwrap_or(u32::MAX)
            })
        })
        .collect();
    (codes, by_code)
}

/// A count column (of any integer type), a missing value read as 0.
fn count(out: &DataFrame, name: &str) -> Result<Vec<usize>> {
    Ok(out
        .column(name)?
        .cast(&DataType::UInt64)?
        .u64()?
        .iter()
        .map(|v| v.unwrap_or(0) as usize)
        .collect())
}

/// A float column, a missing value read as NaN.
fn float(out: &DataFrame, name: &str) -> Result<Vec<f64>> {
    Ok(out
        .column(name)?
        .f64()?
        .iter()
        .map(|v| v.unwrap_or(f64::NAN))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(key: &'a str, source: &'a str, lo: f64, hi: f64) -> FrameRow<'a> {
        FrameRow {
            key,
            source,
            lo,
            hi,
            central: (lo + hi) / 2.0,
            derived: false,
        }
    }

    #[test]
    fn groups_keep_first_appearance_order() {
        let rows = [
            row("b", "x", 1.0, 3.0),
            row("a", "x", 10.0, 20.0),
            row("b", "y", 2.0, f64::INFINITY),
            row("b", "y", 0.0, 2.5),
        ];
        let out = aggregate(rows.iter().cloned()).unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].key, "b");
        assert_eq!(out[0].count, 3);
        assert_eq!(out[0].sources, 2);
        assert_eq!(out[0].envelope_lo, 0.0);
        assert!(out[0].envelope_hi.is_infinite());
        assert_eq!(out[0].highest_lo, 2.0);
        assert_eq!(out[0].lowest_hi, 2.5);
        assert_eq!(out[1].key, "a");
        assert_eq!(out[1].median, 15.0);
    }

    #[test]
    fn no_rows_no_groups() {
        assert!(aggregate(std::iter::empty()).unwrap().is_empty());
    }
}
