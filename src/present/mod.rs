//! Presentation: formatting numbers, the exported tables, exporters and the writer that puts
//! bytes in place.

pub mod export;
pub mod number;
pub mod tables;
pub mod write;
