//! mathgrade: decide whether a math answer is right.
//!
//! The pipeline, one folder each:
//! * [`normalize`]: Unicode NFKC and the symbol table (`grammars/symbols.tsv`)
//!   turn what was typed into what the lexers read, keeping a byte map back
//!   to the original input for error spans.
//! * [`parse`]: LaTeX, plain / Python / SymPy-style text and spoken English
//!   (ClearSpeak, MathSpeak, dictation) into one typed tree ([`ast::Expr`]).
//! * [`canon`]: the canonical form of a tree (exact arithmetic, like terms
//!   collected, bounded expansion).
//! * [`print`]: trees back to LaTeX, plain text and speech.
//! * [`compare`]: are two answers the same, and why; [`extract`] finds the
//!   answer in free text first.
//! * [`grade`]: one benchmark item (dataset presets, multiple-choice
//!   options); [`metrics`]: pass@k, maj@k and worst-case over many.

pub mod ast;
pub mod canon;
pub mod compare;
pub mod error;
pub mod eval;
pub mod extract;
pub mod grade;
pub mod limits;
pub mod metrics;
pub mod normalize;
pub mod parse;
pub mod print;
pub mod span;

pub use ast::{Expr, ExprKind};
pub use canon::{canonical, canonical_with};
pub use error::{ErrorKind, ParseError};
pub use limits::Limits;
pub use parse::{parse, parse_with, spoken_readings, Syntax};
pub use print::{to_latex, to_plain, to_spoken, SpokenStyle};
pub use span::Span;
