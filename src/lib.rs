//! reckon's library: the pipeline from CSV to checked, reconciled, charted data.
//!
//! load (CSV -> model, with positions) -> validate (findings) -> interpret (qualifier -> interval)
//! -> relate (totals, ratios, conversions) -> reconcile (per quantity, per source kind)
//! -> present (exporters, charts, report). The binary in `main.rs` only parses and dispatches.

pub mod chart;
pub mod cli;
pub mod cmd;
pub mod coverage;
pub mod figure;
pub mod finding;
pub mod frame;
pub mod interpret;
pub mod interval;
pub mod load;
pub mod model;
pub mod passage;
pub mod present;
pub mod reconcile;
pub mod relate;
pub mod report;
pub mod validate;
