//! Reading and writing figures in English: the figure parser, passages of a text, line and
//! column positions, and number formatting.

pub mod figure;
pub mod lines;
pub mod number;
pub mod passage;
