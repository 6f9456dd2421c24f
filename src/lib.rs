//! reckon's library: the pipeline from CSV to checked, reconciled, charted data.
//!
//! load (CSV -> model, with positions) -> check (findings) -> analysis (interpret: qualifier ->
//! interval; relate: totals, ratios, conversions; reconcile: per quantity, per source kind)
//! -> present (exporters, charts, report). The binary in `main.rs` only parses and dispatches.

pub mod analysis;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod english;
pub mod load;
pub mod model;
pub mod present;
