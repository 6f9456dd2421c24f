//! One integration-test binary: each `test_<subcommand>` module drives the real `reckon` binary
//! for one subcommand; `test_properties` calls the library directly with generated input.

mod workdir;

mod test_build;
mod test_build_safety;
mod test_chart;
mod test_check;
mod test_check_files;
mod test_check_quotes;
mod test_check_relations;
mod test_check_rows;
mod test_coverage;
mod test_dataset;
mod test_explain;
mod test_import;
mod test_init;
mod test_numbers;
mod test_package;
mod test_phone;
mod test_properties;
mod test_propose;
mod test_provenance;
mod test_reconcile;
mod test_report;
mod test_scale;
mod test_series;
mod test_timeline;
