//! Sums: flattened, like terms collected, zero terms dropped, terms in
//! [`super::order::monomial_cmp`] order.
//!
//! A term is a rational coefficient times a monomial; the monomial is the
//! canonical product of everything else (radicals included, so
//! `\sqrt{8} + \sqrt{2}` collects to `3 \sqrt{2}`). Coefficients are only
//! ever rational: `\pi x + x` stays two terms.

use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

use super::number::{self, num};
use super::order::monomial_cmp;
use super::Ctx;
use crate::ast::{Expr, ExprKind};
use crate::span::Span;

impl Ctx<'_> {
    /// Canonical sum of raw terms.
    pub(crate) fn canon_add(&self, terms: &[Expr]) -> Expr {
        let terms: Vec<Expr> = terms.iter().map(|t| self.canon(t)).collect();
        add_canonical(terms)
    }
}

/// Canonical sum of canonical terms (nested sums are flattened).
///
/// `±` terms are pulled out of the sum: `(a ± b) + c` is `(a + c) ± b`,
/// and a chain `a ± b ± c` has its `±` parts sorted, so `x ± 2` means the
/// same however it was grouped.
pub(crate) fn add_canonical(terms: Vec<Expr>) -> Expr {
    if !terms.iter().any(|t| matches!(t.kind, ExprKind::PlusMinus { .. })) {
        return build_sum(collect_terms(terms));
    }
    let mut plain = Vec::new();
    let mut pms: Vec<(Expr, bool)> = Vec::new();
    // Iterative, so a long `±` chain costs no stack.
    let mut stack = terms;
    while let Some(t) = stack.pop() {
        match t.kind {
            ExprKind::PlusMinus { lhs, rhs, minus_plus } => {
                stack.extend(lhs.map(|l| *l));
                pms.push((*rhs, minus_plus));
            }
            kind => plain.push(Expr::new(kind, t.span)),
        }
    }
    pms.sort();
    let base = build_sum(collect_terms(plain));
    let mut out = if base.is_int(0) { None } else { Some(base) };
    for (rhs, mp) in pms {
        out = Some(super::structure::plus_minus(out, rhs, mp));
    }
    out.expect("at least one ± term")
}

/// A sum node from collected terms: `0` when empty, the term when single.
pub(crate) fn build_sum(mut terms: Vec<Expr>) -> Expr {
    match terms.len() {
        0 => number::int(0),
        1 => terms.pop().expect("one term"),
        _ => Expr::new(ExprKind::Add { terms }, Span::EMPTY),
    }
}

/// Collect canonical terms: sums flattened, like monomials added, zeros
/// dropped, sorted.
pub(crate) fn collect_terms(terms: impl IntoIterator<Item = Expr>) -> Vec<Expr> {
    // Integer coefficients are summed as integers (no gcd per addition, the
    // cost of a long sum of numbers); the rest as rationals. Exact either
    // way, so the total is the same.
    let mut map: BTreeMap<Expr, Coef> = BTreeMap::new();
    let mut add = |t: Expr| {
        let (c, m) = split_term(t);
        map.entry(m).or_default().add(c);
    };
    for t in terms {
        match t.kind {
            ExprKind::Add { terms } => terms.into_iter().for_each(&mut add),
            _ => add(t),
        }
    }
    let mut out: Vec<(Expr, BigRational)> =
        map.into_iter().map(|(m, c)| (m, c.total())).filter(|(_, c)| !c.is_zero()).collect();
    out.sort_by(|a, b| monomial_cmp(&a.0, &b.0));
    out.into_iter().map(|(m, c)| make_term(c, m)).collect()
}

/// A coefficient being summed: integer and fractional parts apart.
#[derive(Default)]
struct Coef {
    int: BigInt,
    frac: Option<BigRational>,
}

impl Coef {
    fn add(&mut self, c: BigRational) {
        if c.denom().is_one() {
            self.int += c.numer();
        } else {
            match &mut self.frac {
                Some(f) => *f += c,
                None => self.frac = Some(c),
            }
        }
    }

    fn total(self) -> BigRational {
        match self.frac {
            None => BigRational::from_integer(self.int),
            Some(f) if self.int.is_zero() => f,
            Some(f) => f + BigRational::from_integer(self.int),
        }
    }
}

/// A canonical term as (coefficient, monomial); the monomial of a number
/// is `1`.
pub(crate) fn split_term(t: Expr) -> (BigRational, Expr) {
    if let Some(v) = number::value(&t) {
        return (v, number::int(1));
    }
    match t.kind {
        ExprKind::Mul { mut factors } if factors.first().is_some_and(number::is_number) => {
            let c = number::value(&factors.remove(0)).expect("number");
            let m = if factors.len() == 1 {
                factors.pop().expect("one factor")
            } else {
                Expr::new(ExprKind::Mul { factors }, Span::EMPTY)
            };
            (c, m)
        }
        kind => (BigRational::one(), Expr::new(kind, t.span)),
    }
}

/// Coefficient times monomial, as a canonical term.
pub(crate) fn make_term(c: BigRational, m: Expr) -> Expr {
    if c.is_zero() {
        return number::int(0);
    }
    if m.is_one() {
        return num(c);
    }
    // A nonzero multiple of a zero quantity is that zero, as a product
    // of numbers and it is (see `product`).
    if c.is_one() || has_zero_tag(&m) {
        return m;
    }
    let mut factors = vec![num(c)];
    match m.kind {
        ExprKind::Mul { factors: fs } => factors.extend(fs),
        kind => factors.push(Expr::new(kind, m.span)),
    }
    Expr::new(ExprKind::Mul { factors }, Span::EMPTY)
}

/// A quantity or percentage whose canonical value is zero, or a power of
/// one: a product's factor that absorbs its numbers (see `product`).
pub(crate) fn is_zero_tagged(f: &Expr) -> bool {
    match &f.kind {
        ExprKind::Quantity { value, .. } | ExprKind::Percent { value } => {
            number::value(value).is_some_and(|v| v.is_zero())
        }
        ExprKind::Pow { base, .. } => is_zero_tagged(base),
        _ => false,
    }
}

/// A canonical monomial with a zero-tagged factor (see `is_zero_tagged`).
fn has_zero_tag(m: &Expr) -> bool {
    match &m.kind {
        ExprKind::Mul { factors } => factors.iter().any(is_zero_tagged),
        _ => is_zero_tagged(m),
    }
}

/// The content of a canonical sum: `S = c · P` where `P` has integer
/// coefficients with gcd 1 and a positive leading coefficient. Lets
/// `1/(2x + 2)` and `1/(2(x + 1))` meet, and `1/(1 - x)` become
/// `-1/(x - 1)`.
pub(crate) fn content(terms: &[Expr]) -> (BigRational, Vec<Expr>) {
    let parts: Vec<(BigRational, Expr)> = terms.iter().map(|t| split_term(t.clone())).collect();
    let mut g_num = BigInt::zero();
    let mut l_den = BigInt::one();
    for (c, _) in &parts {
        g_num = g_num.gcd(c.numer());
        l_den = l_den.lcm(c.denom());
    }
    if g_num.is_zero() {
        return (BigRational::one(), terms.to_vec());
    }
    let mut c = BigRational::new(g_num, l_den);
    if parts.first().is_some_and(|(c0, _)| c0.is_negative()) {
        c = -c;
    }
    if c.is_one() {
        return (c, terms.to_vec());
    }
    let prim = parts.into_iter().map(|(k, m)| make_term(k / &c, m)).collect();
    (c, prim)
}

/// Every coefficient negated (the order of terms does not depend on
/// coefficients, so the result is canonical).
pub(crate) fn negate_terms(terms: &[Expr]) -> Vec<Expr> {
    terms
        .iter()
        .map(|t| {
            let (c, m) = split_term(t.clone());
            make_term(-c, m)
        })
        .collect()
}
