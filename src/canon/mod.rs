//! Canonical form of an expression tree.
//!
//! Two trees that are equal by school algebra up to the rewrites below get
//! the same canonical tree, so the comparer can test equality structurally.
//! The form is: flattened sums and products, argument order fixed, constants
//! folded exactly, like terms collected, polynomial expansion only within
//! [`Limits::max_expand_terms`].
//!
//! One module per job:
//! * [`number`]: exact integer / rational arithmetic with bounded cost;
//! * [`radical`]: products of numeric powers (`2^(1/2)`, `(-1)^r`, `i^r`);
//! * [`product`]: products and powers (`Mul`, `Div`, `Neg`, `Pow`, `Root`,
//!   `exp`), combining equal bases before expanding;
//! * [`sum`]: sums as collected terms `coefficient × monomial`;
//! * [`expand`]: bounded distribution and powers of sums;
//! * [`order`]: the fixed order of factors and of terms;
//! * [`func`]: known functions and the calculus nodes;
//! * [`structure`]: relations, sets, intervals, matrices and other
//!   containers.
//!
//! Canonicalization never panics, does no work beyond the limits, and
//! recurses only as deep as the input tree (plus a constant).

mod expand;
mod func;
mod number;
mod order;
mod product;
mod radical;
mod structure;
mod sum;

use crate::ast::{Expr, ExprKind};
use crate::limits::Limits;

/// The canonical form of `e` under default limits.
pub fn canonical(e: &Expr) -> Expr {
    canonical_with(e, &Limits::default())
}

/// The canonical form of `e`; expansion and exact arithmetic stay within
/// `limits`.
pub fn canonical_with(e: &Expr, limits: &Limits) -> Expr {
    Ctx { limits }.canon(e)
}

/// What every canonicalization step needs to know: the limits it works
/// within.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub limits: &'a Limits,
}

impl Ctx<'_> {
    /// Canonical form of one node, its children first. The result keeps the
    /// node's span.
    pub(crate) fn canon(&self, e: &Expr) -> Expr {
        use ExprKind::*;
        let mut out = match &e.kind {
            Integer { .. } | Symbol { .. } | Constant { .. } | NumberSet { .. } | EmptySet => {
                return e.clone();
            }
            Rational { value } | Decimal { value, .. } => {
                // Re-normalize: a hand-built Rational may not be reduced.
                let r = num_rational::BigRational::new(value.numer().clone(), value.denom().clone());
                number::num(r)
            }
            Add { terms } => self.canon_add(terms),
            Mul { .. } | Div { .. } | Neg { .. } | Pow { .. } | Root { .. } => self.canon_product(e),
            Func { func: crate::ast::Func::Exp, args } if args.len() == 1 => self.canon_product(e),
            Func { func, args } => self.canon_func(*func, args),
            _ => self.canon_structure(e),
        };
        out.span = e.span;
        out
    }
}
