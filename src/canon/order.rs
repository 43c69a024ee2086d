//! The fixed orders of canonical products and sums.
//!
//! Any total order would make the canonical form unique; these are chosen so
//! canonical trees also print the way people write them: `2 \sqrt{3} \pi x`
//! (numbers, constants, letters, the rest) and `x^{2} + 2 x + 1` (higher
//! degree first, then by variable, constant term last, `1 + \sqrt{2}`).

use std::cmp::Ordering;

use num_rational::BigRational;
use num_traits::Zero;

use super::number;
use crate::ast::{Expr, ExprKind};

/// A factor as (base, exponent); a factor that is not a power has
/// exponent `None`, read as 1.
pub(crate) fn base_exp(f: &Expr) -> (&Expr, Option<&Expr>) {
    match &f.kind {
        ExprKind::Pow { base, exp } => (base, Some(exp)),
        _ => (f, None),
    }
}

/// Numbers first (radicals like `2^(1/2)`), then constants, then symbols,
/// then everything else.
fn class(base: &Expr) -> u8 {
    match &base.kind {
        ExprKind::Integer { .. } | ExprKind::Rational { .. } | ExprKind::Decimal { .. } => 0,
        ExprKind::Constant { .. } => 1,
        ExprKind::Symbol { .. } => 2,
        _ => 3,
    }
}

/// Order of the factors of a canonical product.
pub(crate) fn factor_cmp(a: &Expr, b: &Expr) -> Ordering {
    let (ba, ea) = base_exp(a);
    let (bb, eb) = base_exp(b);
    class(ba).cmp(&class(bb)).then_with(|| ba.cmp(bb)).then_with(|| ea.cmp(&eb))
}

/// Does this base hold a variable (as opposed to a number or constant)?
/// Only such bases count towards the degree of a term.
fn is_symbolic(base: &Expr) -> bool {
    class(base) >= 2
}

fn exp_value(e: Option<&Expr>) -> Option<BigRational> {
    match e {
        None => Some(BigRational::from_integer(1.into())),
        Some(e) => number::value(e),
    }
}

/// The factors of a monomial (the `1` monomial has none).
fn factors(m: &Expr) -> Vec<&Expr> {
    match &m.kind {
        ExprKind::Mul { factors } => factors.iter().collect(),
        _ if m.is_one() => Vec::new(),
        _ => vec![m],
    }
}

/// Total degree: the sum of the numeric exponents of symbolic bases.
fn degree(fs: &[&Expr]) -> BigRational {
    let mut d = BigRational::zero();
    for f in fs {
        let (b, e) = base_exp(f);
        if is_symbolic(b) {
            if let Some(v) = exp_value(e) {
                // Integers add without `Ratio`'s reduction (`add_into`), a
                // gcd that costs quadratic time in the digits (an exponent
                // of 720! has 1,700 of them, and sorting asks for the
                // degree at every comparison).
                number::add_into(&mut d, &v, 1);
            }
        }
    }
    d
}

/// Compare two exponents of the same base where one may be missing (0).
/// Numbers compare by value; a symbolic exponent sorts after every number
/// and among others by structure. `desc` reverses the numeric part.
fn exp_cmp(a: Option<&Expr>, b: Option<&Expr>, present_a: bool, present_b: bool, desc: bool) -> Ordering {
    let val = |e: Option<&Expr>, present: bool| {
        if present {
            exp_value(e)
        } else {
            Some(BigRational::zero())
        }
    };
    match (val(a, present_a), val(b, present_b)) {
        (Some(x), Some(y)) => {
            if desc {
                y.cmp(&x)
            } else {
                x.cmp(&y)
            }
        }
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => a.cmp(&b),
    }
}

/// Lexicographic comparison of the exponent vectors of two monomials over
/// the bases selected by `pick`, bases in factor order.
fn lex(a: &[&Expr], b: &[&Expr], pick: fn(&Expr) -> bool, desc: bool) -> Ordering {
    let mut xs: Vec<(&Expr, Option<&Expr>)> = a.iter().map(|f| base_exp(f)).filter(|(b, _)| pick(b)).collect();
    let mut ys: Vec<(&Expr, Option<&Expr>)> = b.iter().map(|f| base_exp(f)).filter(|(b, _)| pick(b)).collect();
    let key = |p: &(&Expr, Option<&Expr>), q: &(&Expr, Option<&Expr>)| {
        class(p.0).cmp(&class(q.0)).then_with(|| p.0.cmp(q.0)).then_with(|| p.1.cmp(&q.1))
    };
    xs.sort_by(key);
    ys.sort_by(key);
    let (mut i, mut j) = (0, 0);
    while i < xs.len() || j < ys.len() {
        let ord = match (xs.get(i), ys.get(j)) {
            (Some(x), Some(y)) => class(x.0).cmp(&class(y.0)).then_with(|| x.0.cmp(y.0)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => unreachable!("loop condition"),
        };
        let c = match ord {
            Ordering::Equal => {
                let c = exp_cmp(xs[i].1, ys[j].1, true, true, desc);
                i += 1;
                j += 1;
                c
            }
            // Base only in a: compare a's exponent with 0.
            Ordering::Less => {
                let c = exp_cmp(xs[i].1, None, true, false, desc);
                i += 1;
                c
            }
            Ordering::Greater => {
                let c = exp_cmp(None, ys[j].1, false, true, desc);
                j += 1;
                c
            }
        };
        if c != Ordering::Equal {
            return c;
        }
    }
    Ordering::Equal
}

/// Order of the (distinct) monomials of a canonical sum: total degree
/// descending; then graded-lex on the variables (`x^2`, `x y`, `y^2`); then
/// by numeric and constant factors ascending, so the constant term of a
/// number comes first (`1 + \sqrt{2}`, `1 + 2 i`); then by structure.
pub(crate) fn monomial_cmp(a: &Expr, b: &Expr) -> Ordering {
    let fa = factors(a);
    let fb = factors(b);
    degree(&fb)
        .cmp(&degree(&fa))
        .then_with(|| lex(&fa, &fb, is_symbolic, true))
        .then_with(|| lex(&fa, &fb, |b| !is_symbolic(b), false))
        .then_with(|| a.cmp(b))
}
