//! Reading and writing figures in English: the figure parser, passages of a text, footnote
//! markers and page numbers, characters that do not show, line and column positions, number
//! formatting, and did-you-mean suggestions.

pub mod class;
pub mod figure;
pub mod footnote;
pub mod invisible;
pub mod lines;
pub mod locator;
pub mod number;
pub mod passage;
pub mod search;
pub mod suggest;
