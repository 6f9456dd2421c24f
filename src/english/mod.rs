//! Reading and writing figures in English: the figure parser, passages of a text, and number
//! formatting.

pub mod figure;
pub mod number;
pub mod passage;
