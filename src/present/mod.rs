//! Presentation: the exported tables, exporters, charts, the report and the writer that puts
//! bytes in place.

pub mod chart;
pub mod digits;
pub mod explain;
pub mod export;
pub mod findings;
pub mod propose;
pub mod report;
pub mod words;
pub mod write;
