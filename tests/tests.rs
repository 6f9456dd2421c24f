//! One integration-test binary: each module drives the real `reckon` binary for one subcommand.

mod workdir;

mod test_build;
mod test_build_safety;
mod test_chart;
mod test_check;
mod test_coverage;
mod test_dataset;
mod test_explain;
mod test_hostile;
mod test_reconcile;
mod test_report;
