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
    let ctx = Ctx { limits };
    let c = ctx.canon(e);
    // The arithmetic rewrites build nodes from deeper ones (a power's
    // exponent distributed over a sum), which can leave a list under them
    // (see `nested_lists_as_tuples`): make every list below the top a tuple
    // and put the tree in order again.
    if !c.children().iter().any(|x| has_list(x)) {
        return c;
    }
    let deep = crate::ast::map_children(c.kind.clone(), &mut |x| {
        crate::ast::map_bottom_up(x, &mut |n| match nested_lists_as_tuples(&n) {
            Some(m) => m,
            None => n,
        })
    });
    let top = Expr::new(deep, c.span);
    ctx.canon(&nested_lists_as_tuples(&top).unwrap_or(top))
}

/// Is there a list anywhere in `e`?
fn has_list(e: &Expr) -> bool {
    crate::ast::any_node(e, |x| matches!(x.kind, ExprKind::List { .. }))
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
        let nested;
        let e = match nested_lists_as_tuples(e) {
            Some(x) => {
                nested = x;
                &nested
            }
            None => e,
        };
        let mut out = self.canon_node(e);
        // The arithmetic rewrites build new nodes from grandchildren (the
        // exponent of a power in a product), which may put a list under
        // them: make it a tuple too, and put the node in order again.
        if let Some(x) = nested_lists_as_tuples(&out) {
            out = self.canon_node(&x);
        }
        // A list can also surface from inside an operand (`4 [1, x] / 4`
        // cancels to it): it was the tuple there, and stays it.
        if matches!(out.kind, ExprKind::List { .. }) && !matches!(e.kind, ExprKind::List { .. }) {
            out = self.canon_node(&as_operand(out));
        }
        out.span = e.span;
        out
    }

    /// [`Ctx::canon`] of a node whose list children are tuples already.
    fn canon_node(&self, e: &Expr) -> Expr {
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
            Div { num, den } => small_quotient(num, den, false).unwrap_or_else(|| self.canon_product(e)),
            Neg { arg } => match &arg.kind {
                Div { num, den } => small_quotient(num, den, true).unwrap_or_else(|| self.canon_product(e)),
                _ => self.canon_product(e),
            },
            Mul { .. } | Pow { .. } | Root { .. } => self.canon_product(e),
            Func { func: crate::ast::Func::Exp, args } if args.len() == 1 => self.canon_product(e),
            Func { func, args } => self.canon_func(*func, args),
            _ => self.canon_structure(e),
        };
        out.span = e.span;
        out
    }
}

/// `a/b` (`-(a/b)` when `negate`) of two written integers that fit a
/// machine word, `b ≠ 0`: the reduced rational, as the product walk gives
/// it (`\frac{4}{11}`, the commonest answer shape, costs that walk's
/// big-rational arithmetic ten times over).
fn small_quotient(num: &Expr, den: &Expr, negate: bool) -> Option<Expr> {
    use num_integer::Integer;
    let (ExprKind::Integer { value: a }, ExprKind::Integer { value: b }) = (&num.kind, &den.kind) else {
        return None;
    };
    let (a, b) = (i128::from(i64::try_from(a).ok()?), i128::from(i64::try_from(b).ok()?));
    let a = if negate { -a } else { a };
    if b == 0 {
        return None;
    }
    let g = a.gcd(&b);
    let (n, d) = if b < 0 { (-a / g, -b / g) } else { (a / g, b / g) };
    Some(number::num(num_rational::BigRational::new_raw(n.into(), d.into())))
}

/// `e` with every direct child that is a list made a tuple, `None` when it
/// has no list child. Only the answer itself can be a list of answers; a
/// list inside anything else (plain `[[1, 2], [3, 4]]`, `Max([1, 2])`,
/// `[1, 2]*3`) is an ordered sequence, the same as a tuple, and LaTeX has
/// no other spelling for it: `\left[1, 2\right]` is an interval and
/// `\left(1, 2\right)` a tuple. A list of one item is that item first (as
/// at the top, and as LaTeX prints it), so `[[1, 2]]` in a matrix cell is
/// the tuple `(1, 2)`.
fn nested_lists_as_tuples(e: &Expr) -> Option<Expr> {
    if !e.children().iter().any(|c| matches!(c.kind, ExprKind::List { .. })) {
        return None;
    }
    let kind = crate::ast::map_children(e.kind.clone(), &mut as_operand);
    Some(Expr::new(kind, e.span))
}

/// `e` as an operand: a list is the tuple of its items, a list of one item
/// that item (see [`nested_lists_as_tuples`]).
fn as_operand(mut e: Expr) -> Expr {
    loop {
        match e.kind {
            ExprKind::List { mut items } if items.len() == 1 => e = items.pop().expect("one item"),
            ExprKind::List { items } => return Expr::new(ExprKind::Tuple { items }, e.span),
            _ => return e,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    /// The quotient shortcut gives what the product walk gives, for every
    /// sign, zero, reducible pairs and the ends of the machine word.
    #[test]
    fn small_quotient_is_the_product_walks_rational() {
        let ints = [0i64, 1, -1, 2, -3, 4, 6, -6, 11, 40, 153, 1 << 40, i64::MAX, i64::MIN, i64::MIN + 1];
        let limits = Limits::default();
        let ctx = Ctx { limits: &limits };
        let sp = Span::EMPTY;
        for &a in &ints {
            for &b in &ints {
                let div = Expr::div(Expr::int(a, sp), Expr::int(b, sp), sp);
                for (e, negate) in [(div.clone(), false), (Expr::neg(div, sp), true)] {
                    // `canon_product` is the walk the shortcut stands in for.
                    let walked = ctx.canon_product(&e);
                    let got = canonical_with(&e, &limits);
                    assert_eq!(got.sexpr(), walked.sexpr(), "{a}/{b}, negated: {negate}");
                    assert_eq!(got.kind, walked.kind, "{a}/{b}, negated: {negate}");
                }
            }
        }
    }
}
