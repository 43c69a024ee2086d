//! Printers: trees back to LaTeX and plain text, in the notation of
//! grammars/README.md, which the parsers read back to a tree with the same
//! canonical form.
//!
//! * [`prec`]: precedence levels and the printed pieces;
//! * [`shape`]: decisions both printers share (fraction view of products,
//!   positional decimals, Greek names);
//! * [`latex`], [`plain`]: the two written syntaxes;
//! * [`spoken`]: speech, in a natural and a ClearSpeak-like style.
//!
//! Any tree prints, canonical or not. Canonical trees print the way people
//! write: `x^{2} + 2 x + 1`, `x - 3`, `\frac{x}{7}`, `2 \sqrt{2}`,
//! `\sin^{2}\left(x\right)`.

mod latex;
mod plain;
mod prec;
mod shape;
pub mod spoken;

pub use spoken::SpokenStyle;

use crate::ast::Expr;

/// `e` as LaTeX.
pub fn to_latex(e: &Expr) -> String {
    latex::to_latex(e)
}

/// `e` as plain / SymPy-style text.
pub fn to_plain(e: &Expr) -> String {
    plain::to_plain(e)
}

/// `e` as spoken English in `style`; the spoken parser
/// ([`crate::Syntax::Spoken`]) reads it back to an equal tree.
pub fn to_spoken(e: &Expr, style: SpokenStyle) -> String {
    spoken::to_spoken(e, style)
}
