//! Analysis: interpret -> relate -> reconcile, pure functions over the model.

pub mod coverage;
pub mod frame;
pub mod interpret;
pub mod reconcile;
pub mod relate;
