//! Lexers: text to tokens. Both are total (every character becomes some
//! token) except for malformed numbers, so `\text{Qué?}` lexes and the parser
//! decides what is an error.

pub mod latex;
pub mod number;
pub mod plain;
