//! Precedence levels shared by both printers, and the "printed piece"
//! they pass around.
//!
//! Levels, loosest first (grammars/README.md: sum < product < unary minus <
//! power < postfix `!`). A child is parenthesized exactly when its level is
//! below what its position needs.

/// How tightly a printed piece binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Prec {
    /// A bare list `1, 2, 3`.
    List,
    /// `a = b`, `a < b < c`.
    Rel,
    /// `A \cup B`, `A \cap B`, `A \setminus B`: looser than arithmetic.
    Set,
    /// `a + b`, `a \pm b`, `\sum ...`.
    Sum,
    /// `2 x`, `a/b` in plain text.
    Product,
    /// `-x`, and anything printed with a leading minus.
    Neg,
    /// `x^{2}`.
    Power,
    /// Self-delimited but not a safe base for `^`: `\frac{a}{b}`,
    /// `\sin\left(x\right)`, `f'`.
    Closed,
    /// `n!`, `28\%`.
    Postfix,
    /// Numbers, letters, brackets of any kind.
    Atom,
}

/// A printed sub-expression with its level.
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    pub s: String,
    pub prec: Prec,
}

impl Piece {
    pub fn new(s: impl Into<String>, prec: Prec) -> Piece {
        Piece { s: s.into(), prec }
    }

    pub fn atom(s: impl Into<String>) -> Piece {
        Piece::new(s, Prec::Atom)
    }

    pub fn starts_minus(&self) -> bool {
        self.s.starts_with('-')
    }

    /// Is this piece at least `min`, and (when `no_minus`) free of a leading
    /// minus that would read as a binary operator after another operand?
    pub fn fits(&self, min: Prec, no_minus: bool) -> bool {
        self.prec >= min && !(no_minus && self.starts_minus())
    }
}
