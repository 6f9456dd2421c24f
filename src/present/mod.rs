//! Presentation: the exported tables, exporters, charts, the report and the writer that puts
//! bytes in place.

pub mod chart;
pub mod export;
pub mod report;
pub mod write;
