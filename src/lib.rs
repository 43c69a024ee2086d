//! mathgrade: decide whether a math answer is right.
//!
//! The pipeline, one folder each:
//! * [`normalize`]: Unicode NFKC and the symbol table (`grammars/symbols.tsv`)
//!   turn what was typed into what the lexers read, keeping a byte map back
//!   to the original input for error spans.
//! * [`parse`]: LaTeX and plain / Python / SymPy-style text into one typed
//!   tree ([`ast::Expr`]).
//! * [`canon`]: the canonical form of a tree (exact arithmetic, like terms
//!   collected, bounded expansion).
//! * [`print`]: trees back to LaTeX and plain text.

pub mod ast;
pub mod canon;
pub mod compare;
pub mod error;
pub mod eval;
pub mod extract;
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
pub use parse::{parse, parse_with, Syntax};
pub use print::{to_latex, to_plain};
pub use span::Span;
