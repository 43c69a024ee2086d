//! Products and powers: `Mul`, `Div`, `Neg`, `Pow`, `Root` and `exp`.
//!
//! A product is read straight from the input structure into a list of
//! `base^exponent` factors (division negates exponents, `-x` is `(-1)·x`,
//! `\sqrt[n]{x}` is `x^(1/n)`, `e^x` and `exp(x)` are `Pow(e, x)`), with
//! integer powers of products and powers distributed. Equal bases are then
//! combined by adding exponents, and only after that are sums expanded, so
//! `(x+1)^2 / (x+1)` is `x + 1` and `(x+1)(x+1)^{-1}` is `1`.
//!
//! Rewrites applied to a power `b^e`, each valid for complex numbers on the
//! principal branch:
//! * `(b^a)^e = b^(ae)` when `e` is an integer, or `a` is a rational in
//!   `(0, 1)` (so `\sqrt{\sqrt{x}} = x^(1/4)` but `\sqrt{x^2}` stays);
//! * `(c·m)^e = c^e · m^e` for a positive number `c` (`\sqrt{4x} = 2\sqrt{x}`);
//! * `(c·P)^e = c^e · P^e` for a sum with content `c` when `e` is an
//!   integer or `c > 0` (`(2x+2)^{-1} = \frac{1}{2}(x+1)^{-1}`);
//! * `b^(x + r) = b^r · b^x` for a rational base and a rational `r`.
//!
//! A product with a zero quantity or percentage (or a power of one) as a
//! factor has no numbers in it (`-(0 cm)` is `0 cm`, `2 x (0 %)` is
//! `x (0 %)`).

use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

use super::number::{self, int_value, num};
use super::order::factor_cmp;
use super::radical;
use super::sum::{add_canonical, build_sum, content, is_zero_tagged, negate_terms};
use super::Ctx;
use crate::ast::{Constant, Expr, ExprKind, Func};
use crate::span::Span;

/// Re-combination rounds for factors whose exponents, once added, let them
/// split again (`(xy)^{1/2} (xy)^{1/2} = x y`). Each round works on strictly
/// smaller bases, so this bound is a safety net.
const MAX_ROUNDS: usize = 8;

/// A product being gathered.
#[derive(Default)]
pub(crate) struct Factors {
    coeff: Option<BigRational>,
    /// Rational bases with rational exponents (folded by `radical`).
    numeric: Vec<(BigRational, BigRational)>,
    /// Total rational exponent of `i`.
    i_exp: BigRational,
    /// Everything else: (base, exponent), both canonical.
    items: Vec<(Expr, Expr)>,
}

impl Factors {
    fn coeff(&mut self) -> &mut BigRational {
        self.coeff.get_or_insert_with(BigRational::one)
    }
}

fn rational_exp(e: &Expr) -> Option<BigRational> {
    number::value(e)
}

/// Is this canonical factor a positive real number whatever the
/// variables: `\pi`, `e`, and rational powers of them and of positive
/// rationals? Such factors commute with any power.
fn is_positive_real(f: &Expr) -> bool {
    let positive_base = |b: &Expr| match &b.kind {
        ExprKind::Constant { constant } => matches!(constant, Constant::Pi | Constant::E),
        _ => number::value(b).is_some_and(|v| v.is_positive()),
    };
    match &f.kind {
        ExprKind::Pow { base, exp } => positive_base(base) && number::is_number(exp),
        _ => positive_base(f),
    }
}

impl Ctx<'_> {
    /// Canonical form of a product-like node.
    pub(crate) fn canon_product(&self, e: &Expr) -> Expr {
        let mut acc = Factors::default();
        self.collect(e, &BigInt::one(), &mut acc);
        self.build(acc)
    }

    /// Canonical product of canonical expressions.
    pub(crate) fn mul_canonical(&self, es: Vec<Expr>) -> Expr {
        let mut acc = Factors::default();
        for e in es {
            self.push_power(e, number::int(1), &mut acc);
        }
        self.build(acc)
    }

    /// Canonical `base^exp` of canonical operands.
    pub(crate) fn pow_canonical(&self, base: Expr, exp: Expr) -> Expr {
        let mut acc = Factors::default();
        self.push_power(base, exp, &mut acc);
        self.build(acc)
    }

    /// Walk the raw input, raising everything to the integer power `k`.
    fn collect(&self, e: &Expr, k: &BigInt, acc: &mut Factors) {
        match &e.kind {
            ExprKind::Mul { factors } => {
                for f in factors {
                    self.collect(f, k, acc);
                }
            }
            // A list of one item inside a product is that item (see
            // `as_operand`), a grouping the printers write without its
            // brackets (`P/[0 x]` prints `\frac{P}{0 \cdot x}`): walk into
            // it, as into those parentheses, rather than canonicalize it as
            // a unit (where 0·x would be 0 before it divides).
            ExprKind::List { items } if items.len() == 1 => self.collect(&items[0], k, acc),
            ExprKind::Div { num, den } => {
                self.collect(num, k, acc);
                self.collect(den, &-k, acc);
            }
            ExprKind::Neg { arg } => {
                if k.is_odd() {
                    let c = acc.coeff();
                    *c = -c.clone();
                }
                self.collect(arg, k, acc);
            }
            ExprKind::Pow { base, exp } => {
                let ce = self.canon(exp);
                match int_value(&ce) {
                    Some(m) => self.collect(base, &(k * m), acc),
                    None => {
                        let cb = self.canon(base);
                        let exp = self.scale(ce, k);
                        self.push_power(cb, exp, acc);
                    }
                }
            }
            ExprKind::Root { radicand, index } => {
                let exp = match index {
                    None => num(number::ratio(1, 2)),
                    Some(ix) => {
                        let ix = self.canon(ix);
                        self.pow_canonical(ix, number::int(-1))
                    }
                };
                let cb = self.canon(radicand);
                let exp = self.scale(exp, k);
                self.push_power(cb, exp, acc);
            }
            ExprKind::Func { func: Func::Exp, args } if args.len() == 1 => {
                let x = self.canon(&args[0]);
                let exp = self.scale(x, k);
                self.push_power(Expr::constant(Constant::E, Span::EMPTY), exp, acc);
            }
            _ => {
                let c = self.canon(e);
                self.push_power(c, Expr::int(k.clone(), Span::EMPTY), acc);
            }
        }
    }

    /// A canonical expression times an integer.
    fn scale(&self, e: Expr, k: &BigInt) -> Expr {
        if k.is_one() {
            return e;
        }
        match number::value(&e) {
            Some(v) => num(v * BigRational::from_integer(k.clone())),
            None => self.mul_canonical(vec![e, Expr::int(k.clone(), Span::EMPTY)]),
        }
    }

    /// Product of two canonical exponents.
    fn mul_exp(&self, a: &Expr, b: &Expr) -> Expr {
        match (number::value(a), number::value(b)) {
            // Without the gcd of two integers (`mul_into`): an exponent
            // `2 \cdot 35^{5555}` has thousands of digits.
            (Some(mut x), Some(y)) => {
                number::mul_into(&mut x, &y);
                num(x)
            }
            _ => self.mul_canonical(vec![a.clone(), b.clone()]),
        }
    }

    /// Add the factor `base^exp` (both canonical) to `acc`.
    fn push_power(&self, base: Expr, exp: Expr, acc: &mut Factors) {
        if exp.is_int(0) {
            return;
        }
        let r = rational_exp(&exp);
        match base.kind {
            ExprKind::Integer { .. } | ExprKind::Rational { .. } | ExprKind::Decimal { .. } => {
                let b = number::value(&base).expect("number");
                match r {
                    Some(r) if r.is_one() => number::mul_into(acc.coeff(), &b),
                    Some(r) => acc.numeric.push((b, r)),
                    None => self.push_numeric_symbolic(base, b, exp, acc),
                }
            }
            ExprKind::Constant { constant: Constant::I } if r.is_some() => {
                acc.i_exp += r.expect("rational");
            }
            ExprKind::Mul { ref factors } => {
                if r.as_ref().is_some_and(|r| r.is_integer()) {
                    // Integer powers distribute over products.
                    let ExprKind::Mul { factors } = base.kind else { unreachable!() };
                    for f in factors {
                        let (b, e) = match f.kind {
                            ExprKind::Pow { base, exp } => (*base, *exp),
                            kind => (Expr::new(kind, f.span), number::int(1)),
                        };
                        let e = self.mul_exp(&e, &exp);
                        self.push_power(b, e, acc);
                    }
                    return;
                }
                // Other powers: only the factors known to be positive reals
                // come out (`(4 \pi x)^{1/2} = 2 \sqrt{\pi} \sqrt{x}`);
                // the sign stays inside with the rest.
                let mut pos: Vec<Expr> = Vec::new();
                let mut rest: Vec<Expr> = Vec::new();
                let mut negative = false;
                for f in factors {
                    match number::value(f) {
                        Some(v) => {
                            negative ^= v.is_negative();
                            if !v.abs().is_one() {
                                pos.push(num(v.abs()));
                            }
                        }
                        None if is_positive_real(f) => pos.push(f.clone()),
                        None => rest.push(f.clone()),
                    }
                }
                if pos.is_empty() {
                    acc.items.push((base, exp));
                    return;
                }
                for p in pos {
                    self.push_power(p, exp.clone(), acc);
                }
                if negative {
                    rest.insert(0, number::int(-1));
                }
                match rest.len() {
                    0 => {}
                    // A single factor is smaller than `base`: push it on.
                    1 => self.push_power(rest.pop().expect("one"), exp, acc),
                    _ => acc.items.push((Expr::mul(rest, Span::EMPTY), exp)),
                }
            }
            ExprKind::Pow { base: ref b, exp: ref e } => {
                let inner_ok = r.as_ref().is_some_and(|r| r.is_integer())
                    || rational_exp(e).is_some_and(|a| a.is_positive() && a < BigRational::one());
                if inner_ok {
                    let e = self.mul_exp(e, &exp);
                    self.push_power((**b).clone(), e, acc);
                } else {
                    acc.items.push((base, exp));
                }
            }
            ExprKind::Add { ref terms } => {
                let (c, prim) = content(terms);
                let int_exp = r.as_ref().is_some_and(|r| r.is_integer());
                if c.is_one() {
                    acc.items.push((base, exp));
                } else if int_exp || c.is_positive() {
                    self.push_power(num(c), exp.clone(), acc);
                    acc.items.push((build_sum(prim), exp));
                } else {
                    // c < 0 under a non-integer power: only |c| comes out.
                    if !c.abs().is_one() {
                        self.push_power(num(c.abs()), exp.clone(), acc);
                    }
                    acc.items.push((build_sum(negate_terms(&prim)), exp));
                }
            }
            _ => acc.items.push((base, exp)),
        }
    }

    /// A number to a non-numeric exponent: `b^(x + r) = b^r · b^x`.
    fn push_numeric_symbolic(&self, base: Expr, b: BigRational, exp: Expr, acc: &mut Factors) {
        if b.is_one() {
            return;
        }
        if let ExprKind::Add { terms } = &exp.kind {
            if let Some(r) = terms.iter().find_map(number::value) {
                let rest: Vec<Expr> = terms.iter().filter(|t| !number::is_number(t)).cloned().collect();
                acc.numeric.push((b, r));
                acc.items.push((base, build_sum(rest)));
                return;
            }
        }
        acc.items.push((base, exp));
    }

    /// Finish a product: combine equal bases, fold numbers, expand sums
    /// within the bound, sort.
    fn build(&self, mut acc: Factors) -> Expr {
        for _ in 0..MAX_ROUNDS {
            let mut map: BTreeMap<Expr, Vec<Expr>> = BTreeMap::new();
            for (b, e) in acc.items.drain(..) {
                map.entry(b).or_default().push(e);
            }
            let dup = map.values().any(|es| es.len() > 1);
            for (b, es) in map {
                if !dup {
                    acc.items.push((b, es.into_iter().next().expect("one exponent")));
                    continue;
                }
                let e = if es.len() == 1 { es.into_iter().next().expect("one") } else { add_canonical(es) };
                // Pushing again lets a combined power split or vanish.
                self.push_power(b, e, &mut acc);
            }
            if !dup {
                break;
            }
        }

        // A factor `±b` takes the rest of the product into it: `2 (±3)` is
        // `±6`, whichever way `\pm 2 \sqrt{3}` was grouped.
        let pm =
            acc.items.iter().position(|(b, e)| e.is_one() && matches!(&b.kind, ExprKind::PlusMinus { lhs: None, .. }));
        if let Some(pos) = pm {
            let (b, _) = acc.items.remove(pos);
            let ExprKind::PlusMinus { rhs, minus_plus, .. } = b.kind else { unreachable!() };
            let rest = self.build(acc);
            let rhs = self.mul_canonical(vec![rest, *rhs]);
            return super::structure::plus_minus(None, rhs, minus_plus);
        }

        let coeff = acc.coeff.take().unwrap_or_else(BigRational::one);
        let numeric = radical::normalize(coeff, acc.numeric, acc.i_exp, self.limits.max_int_bits);
        let coeff = numeric.coeff;
        if coeff.is_zero() {
            return number::int(0);
        }
        let mut factors = numeric.factors;
        // Sums to positive integer powers are the candidates for expansion:
        // (terms, exponent).
        let mut sums: Vec<(Vec<Expr>, u32)> = Vec::new();
        for (b, e) in acc.items {
            if let ExprKind::Add { terms } = &b.kind {
                if let Some(n) = int_value(&e).and_then(|n| u32::try_from(n).ok()).filter(|&n| n >= 1) {
                    sums.push((terms.clone(), n));
                    continue;
                }
            }
            factors.push(if e.is_one() { b } else { Expr::pow(b, e, Span::EMPTY) });
        }

        if !sums.is_empty() && self.should_expand(&sums) {
            let mut rest = factors;
            if !coeff.is_one() {
                rest.push(num(coeff));
            }
            let mut terms = vec![self.mul_plain(rest)];
            for (s, n) in &sums {
                let p = if *n == 1 { s.clone() } else { self.expand_power(s, *n) };
                terms = self.multiply(&terms, &p);
            }
            // Through `add_canonical`: a `±` term (from a `±` factor) moves
            // out of the sum as it would for a sum written out.
            return add_canonical(terms);
        }
        // Over the bound: every sum stays a factor, unexpanded.
        for (terms, n) in sums {
            let s = build_sum(terms);
            factors.push(if n == 1 { s } else { Expr::pow(s, number::int(n), Span::EMPTY) });
        }
        // A zero quantity (percentage), or a power of one, absorbs the
        // product's numbers: `-(0 cm)` is `0 cm`, as `"-0" cm` is, whose
        // value has lost its sign (a printed `-0 cm` reads as the negation
        // of `0 cm`, also among other factors and under a power).
        // `make_term` does the same for a sum's like terms (`0 cm + 0 cm`).
        if factors.iter().any(is_zero_tagged) {
            factors.retain(|f| !is_scalar(f));
            return finish(BigRational::one(), factors);
        }
        finish(coeff, factors)
    }

    /// Product of canonical factors known to need no combining (a
    /// monomial and a coefficient); goes through `build` only when there is
    /// more than one factor.
    fn mul_plain(&self, mut fs: Vec<Expr>) -> Expr {
        match fs.len() {
            0 => number::int(1),
            1 => fs.pop().expect("one"),
            _ => self.mul_canonical(fs),
        }
    }
}

/// A canonical factor that is a finite number whatever the variables:
/// a power of `i`, or a positive real constant (see `is_positive_real`).
fn is_scalar(f: &Expr) -> bool {
    let is_i = |b: &Expr| matches!(&b.kind, ExprKind::Constant { constant: Constant::I });
    match &f.kind {
        ExprKind::Pow { base, exp } if is_i(base) => number::is_number(exp),
        _ => is_i(f) || is_positive_real(f),
    }
}

/// Sort the factors and put the coefficient in front.
fn finish(coeff: BigRational, mut factors: Vec<Expr>) -> Expr {
    factors.sort_by(factor_cmp);
    if factors.is_empty() {
        return num(coeff);
    }
    if !coeff.is_one() {
        factors.insert(0, num(coeff));
    }
    Expr::mul(factors, Span::EMPTY)
}
