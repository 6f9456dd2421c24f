//! Reading and writing figures in English: the figure parser, passages of a text, line and
//! column positions, number formatting, and did-you-mean suggestions.

pub mod class;
pub mod figure;
pub mod lines;
pub mod locator;
pub mod number;
pub mod passage;
pub mod suggest;
