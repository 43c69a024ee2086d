//! Exact integer and rational arithmetic with every costly step bounded.
//!
//! Everything here answers `None` (or leaves a number untouched) instead of
//! doing work whose size the caller has not agreed to: a power is computed
//! only after its result size has been estimated, perfect powers are found
//! by bounded trial division, factorials stop at the bit limit.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::ast::{Expr, ExprKind};
use crate::span::Span;

/// Largest number (in bits) we trial-divide when pulling perfect powers out
/// of a radicand. Bigger radicands only get the whole-number perfect-power
/// check, which is a single Newton root.
const TRIAL_MAX_BITS: u64 = 256;
/// Trial divisors go up to this bound.
const TRIAL_LIMIT: u64 = 10_000;
/// Largest root index we treat as a radical (`x^(1/q)`); larger denominators
/// stay as opaque powers.
pub(crate) const MAX_ROOT_INDEX: u32 = 64;

/// The exact value of a numeric leaf (integer, rational or decimal).
pub(crate) fn value(e: &Expr) -> Option<BigRational> {
    match &e.kind {
        ExprKind::Integer { value } => Some(BigRational::from_integer(value.clone())),
        ExprKind::Rational { value } | ExprKind::Decimal { value, .. } => Some(value.clone()),
        _ => None,
    }
}

/// Is `e` an integer or rational leaf (the canonical numbers)?
pub(crate) fn is_number(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Integer { .. } | ExprKind::Rational { .. } | ExprKind::Decimal { .. })
}

/// The integer value of `e` when it is an integer leaf.
pub(crate) fn int_value(e: &Expr) -> Option<&BigInt> {
    match &e.kind {
        ExprKind::Integer { value } => Some(value),
        _ => None,
    }
}

/// A canonical number node: Integer when the denominator is 1.
pub(crate) fn num(r: BigRational) -> Expr {
    Expr::rational(r, Span::EMPTY)
}

pub(crate) fn int(n: impl Into<BigInt>) -> Expr {
    Expr::int(n, Span::EMPTY)
}

pub(crate) fn ratio(n: i64, d: i64) -> BigRational {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

/// `acc *= b`, without the gcd when both are integers (the product of
/// integers is in lowest terms; `num_rational` would still run a gcd, slow
/// on the large integers of folded powers). Fractions are reduced by
/// [`gcd_by`] the denominators.
pub(crate) fn mul_into(acc: &mut BigRational, b: &BigRational) {
    if acc.denom().is_one() && b.denom().is_one() {
        let n = acc.numer() * b.numer();
        *acc = BigRational::new_raw(n, BigInt::one());
        return;
    }
    // a/b · c/d in lowest terms: a shares no factor with b, nor c with d,
    // so the only common factors are those of a with d and of c with b
    // (a zero is 0/1: the result is 0/1 too).
    let (a, d) = (acc.numer(), b.denom());
    let (c, bd) = (b.numer(), acc.denom());
    let (g1, g2) = (gcd_by(a, d), gcd_by(c, bd));
    let n = (a / &g1) * (c / &g2);
    let m = (bd / &g2) * (d / &g1);
    *acc = BigRational::new_raw(n, m);
}

/// `acc += b` (`sign` 1) or `acc -= b` (`sign` -1), without the gcd when
/// both are integers. Fractions are reduced by [`gcd_by`] the
/// denominator.
pub(crate) fn add_into(acc: &mut BigRational, b: &BigRational, sign: i8) {
    let c = if sign < 0 { -b.numer() } else { b.numer().clone() };
    if acc.denom().is_one() && b.denom().is_one() {
        *acc = BigRational::new_raw(acc.numer() + c, BigInt::one());
        return;
    }
    let (a, p) = (acc.numer(), acc.denom());
    let q = b.denom();
    let n = a * q + c * p;
    let m = p * q;
    let g = gcd_by(&n, &m);
    *acc = if g.is_one() { BigRational::new_raw(n, m) } else { BigRational::new_raw(n / &g, m / &g) };
}

/// gcd(|x|, y) for y > 0, by two Euclid steps first (`x mod y`, then `y`
/// modulo that): linear in the digits of x. A binary gcd (what
/// `num_rational` reduces with) takes time quadratic in them, seconds for a
/// numerator of thousands of digits over a small denominator
/// (`720! + 1/5`).
fn gcd_by(x: &BigInt, y: &BigInt) -> BigInt {
    let r = x % y;
    if r.is_zero() {
        return y.clone();
    }
    // A second step: both operands are now below the smaller of the two.
    let s = y % &r;
    if r.bits() < LARGE_GCD_BITS {
        return r.gcd(&s);
    }
    // Both large (exponents like 0.222222^2222.2 have denominators of
    // thousands of digits): GMP's gcd, subquadratic, where the binary gcd
    // took seconds.
    use rug::integer::Order;
    let to_gmp = |n: &BigInt| rug::Integer::from_digits(&n.magnitude().to_u32_digits(), Order::Lsf);
    let g = rug::Integer::from(to_gmp(&r).gcd_ref(&to_gmp(&s)));
    BigInt::from(num_bigint::BigUint::new(g.to_digits::<u32>(Order::Lsf)))
}

/// Operands from which [`gcd_by`] hands the gcd to GMP.
const LARGE_GCD_BITS: u64 = 1024;

/// log2 of |n| as a float, good to a few ulps for any size (used only to
/// estimate result sizes before computing them).
fn log2_abs(n: &BigInt) -> f64 {
    let bits = n.bits();
    if bits <= 64 {
        return n.abs().to_f64().map(f64::log2).unwrap_or(0.0);
    }
    let shift = bits - 64;
    let top = (n.abs() >> shift).to_f64().unwrap_or(1.0);
    top.log2() + shift as f64
}

/// `base^exp` exactly, when the numerator and denominator of the result fit
/// in `max_bits`. The size is estimated first, so `10^(10^10)` answers
/// `None` at once. `0^negative` is `None` (it is not a number).
pub(crate) fn pow_rational(base: &BigRational, exp: &BigInt, max_bits: u64) -> Option<BigRational> {
    if exp.is_zero() {
        return Some(BigRational::one());
    }
    if base.is_zero() {
        return if exp.is_positive() { Some(BigRational::zero()) } else { None };
    }
    if base.denom().is_one() && base.numer().abs().is_one() {
        // ±1: only the parity of the exponent matters, however big it is.
        let minus = base.numer().is_negative() && exp.is_odd();
        return Some(BigRational::from_integer(if minus { -BigInt::one() } else { BigInt::one() }));
    }
    let e = exp.abs().to_u64()?;
    if e == 1 {
        // `b^{1}`, `b^{-1}`: no bigger than `b`, which is already there
        // (a coefficient `p/q` with a large `q` prints as `\frac{p}{q}`
        // and reads back as `p · q^{-1}`, which must fold to it again).
        return Some(if exp.is_positive() { base.clone() } else { base.recip() });
    }
    let worst = log2_abs(base.numer()).max(log2_abs(base.denom()));
    if worst * e as f64 + 1.0 > max_bits as f64 {
        return None;
    }
    let e = u32::try_from(e).ok()?;
    let n = base.numer().pow(e);
    let r = if base.denom().is_one() {
        // An integer power of an integer: already in lowest terms (no gcd
        // of a possibly huge number with 1).
        BigRational::new_raw(n, BigInt::one())
    } else {
        BigRational::new(n, base.denom().pow(e))
    };
    Some(if exp.is_negative() { r.recip() } else { r })
}

/// The exact `q`-th root of a non-negative integer, if it has one.
pub(crate) fn exact_root(n: &BigInt, q: u32) -> Option<BigInt> {
    if n.is_negative() || q == 0 {
        return None;
    }
    if q == 1 || n.is_zero() || n.is_one() {
        return Some(n.clone());
    }
    if let Some(small) = n.to_u64() {
        return exact_root_u64(small, q).map(BigInt::from);
    }
    if u64::from(q) >= n.bits() {
        // 2^q already exceeds n, and n > 1.
        return None;
    }
    let r = n.nth_root(q);
    if &r.pow(q) == n {
        Some(r)
    } else {
        None
    }
}

/// [`exact_root`] of a machine-size integer > 1.
fn exact_root_u64(n: u64, q: u32) -> Option<u64> {
    if u64::from(q) >= u64::from(64 - n.leading_zeros()) {
        return None;
    }
    // The float estimate is within one of the root; check its neighbours.
    let est = (n as f64).powf(1.0 / f64::from(q)).round() as u64;
    (est.saturating_sub(1)..=est + 1).find(|&r| r.checked_pow(q) == Some(n))
}

/// [`extract_power`] of a machine-size integer: the same steps in `u64`.
fn extract_power_u64(n: u64, q: u32) -> (u64, u64) {
    let root = |m: u64| if m <= 1 { Some(m) } else { exact_root_u64(m, q) };
    if let Some(r) = root(n) {
        return (r, 1);
    }
    let mut rest = n;
    let mut out: u64 = 1;
    let mut kept: u64 = 1;
    let mut d: u64 = 2;
    while d <= TRIAL_LIMIT {
        let bits = u64::from(64 - rest.leading_zeros());
        if (d as f64).log2() * f64::from(q) > bits as f64 {
            break;
        }
        let mut count: u32 = 0;
        while rest % d == 0 {
            rest /= d;
            count += 1;
        }
        if count > 0 {
            // out^q · kept divides n: no overflow.
            out *= d.pow(count / q);
            kept *= d.pow(count % q);
        }
        d += if d == 2 { 1 } else { 2 };
    }
    if let Some(r) = root(rest) {
        out *= r;
        rest = 1;
    }
    (out, kept * rest)
}

/// Split a positive integer `n` as `k^q · rest`, pulling out the `q`-th
/// powers trial division finds (divisors up to [`TRIAL_LIMIT`], radicands up
/// to [`TRIAL_MAX_BITS`] bits) and a leftover cofactor that is itself a
/// perfect `q`-th power. Bounded work; may miss big prime-power factors.
pub(crate) fn extract_power(n: &BigInt, q: u32) -> (BigInt, BigInt) {
    if !n.is_positive() || q < 2 {
        return (BigInt::one(), n.clone());
    }
    if let Some(small) = n.to_u64() {
        let (k, rest) = extract_power_u64(small, q);
        return (BigInt::from(k), BigInt::from(rest));
    }
    if let Some(r) = exact_root(n, q) {
        return (r, BigInt::one());
    }
    if n.bits() > TRIAL_MAX_BITS {
        return (BigInt::one(), n.clone());
    }
    let mut rest = n.clone();
    let mut out = BigInt::one();
    let mut kept = BigInt::one();
    let mut d: u64 = 2;
    while d <= TRIAL_LIMIT {
        // Once d^q exceeds what is left, no further divisor can occur q
        // times.
        if (d as f64).log2() * f64::from(q) > rest.bits() as f64 {
            break;
        }
        let bd = BigInt::from(d);
        let mut count: u32 = 0;
        loop {
            let (quo, rem) = rest.div_rem(&bd);
            if !rem.is_zero() {
                break;
            }
            rest = quo;
            count += 1;
        }
        if count > 0 {
            out *= bd.pow(count / q);
            kept *= bd.pow(count % q);
        }
        d += if d == 2 { 1 } else { 2 };
    }
    if let Some(r) = exact_root(&rest, q) {
        out *= r;
        rest = BigInt::one();
    }
    (out, kept * rest)
}

/// `n!` for `n` small enough, stopping as soon as the bit limit is passed.
pub(crate) fn factorial(n: u64, max_bits: u64) -> Option<BigInt> {
    let mut acc = BigInt::one();
    for k in 2..=n {
        acc *= k;
        if acc.bits() > max_bits {
            return None;
        }
    }
    Some(acc)
}

/// `C(n, k)` for `0 <= n`; `0` when `k` is out of `0..=n`.
pub(crate) fn binomial(n: u64, k: &BigInt, max_bits: u64) -> Option<BigInt> {
    if k.is_negative() || *k > BigInt::from(n) {
        return Some(BigInt::zero());
    }
    let k = k.to_u64()?;
    let k = k.min(n - k);
    let mut acc = BigInt::one();
    for i in 0..k {
        // acc * (n - i) / (i + 1) stays an integer at every step.
        acc = acc * (n - i) / (i + 1);
        if acc.bits() > max_bits {
            return None;
        }
    }
    Some(acc)
}

/// `k` such that `base^k == x` for integers `base >= 2`, `x >= 1`.
pub(crate) fn int_log(x: &BigInt, base: &BigInt, max_bits: u64) -> Option<u64> {
    if base <= &BigInt::one() || !x.is_positive() || x.bits() > max_bits {
        return None;
    }
    let mut k = 0;
    let mut rest = x.clone();
    while !rest.is_one() {
        let (q, r) = rest.div_rem(base);
        if !r.is_zero() {
            return None;
        }
        rest = q;
        k += 1;
    }
    Some(k)
}

/// `gcd` of rationals: gcd of numerators over lcm of denominators.
pub(crate) fn gcd_rational(a: &BigRational, b: &BigRational) -> BigRational {
    BigRational::new(a.numer().gcd(b.numer()), a.denom().lcm(b.denom()))
}

/// `lcm` of rationals: lcm of numerators over gcd of denominators.
pub(crate) fn lcm_rational(a: &BigRational, b: &BigRational) -> BigRational {
    if a.is_zero() || b.is_zero() {
        return BigRational::zero();
    }
    BigRational::new(a.numer().lcm(b.numer()), a.denom().gcd(b.denom()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bi(n: i64) -> BigInt {
        BigInt::from(n)
    }

    #[test]
    fn a_gcd_of_large_numbers_is_the_binary_gcd() {
        let fact = |n: u32| (1..=n).fold(BigInt::one(), |acc, k| acc * BigInt::from(k));
        let (a, b) = (fact(700) * bi(3) + fact(400), fact(650) * bi(-7));
        assert!(a.bits() > LARGE_GCD_BITS && b.bits() > LARGE_GCD_BITS);
        let g = gcd_by(&a, &b.abs());
        assert_eq!(g, a.gcd(&b));
        assert_eq!(g, fact(400));
    }

    #[test]
    fn sums_and_products_are_ratio_arithmetic_in_lowest_terms() {
        let big = (1..=60u32).fold(BigInt::one(), |acc, k| acc * BigInt::from(k)) + BigInt::one();
        let values: Vec<BigRational> = [(0, 1), (1, 1), (-1, 1), (3, 8), (-5, 16), (6, 4), (7, 1), (-2, 3), (10, 15), (1, 5)]
            .iter()
            .map(|&(n, d)| ratio(n, d))
            .chain([BigRational::from_integer(big.clone()), BigRational::new(-big.clone(), bi(10))])
            .collect();
        for a in &values {
            for b in &values {
                for sign in [1, -1] {
                    let mut acc = a.clone();
                    add_into(&mut acc, b, sign);
                    let want = if sign > 0 { a + b } else { a - b };
                    // Equal and in the same (reduced) form: parts compared.
                    assert_eq!((acc.numer(), acc.denom()), (want.numer(), want.denom()), "{a} {sign} {b}");
                }
                let mut acc = a.clone();
                mul_into(&mut acc, b);
                let want = a * b;
                assert_eq!((acc.numer(), acc.denom()), (want.numer(), want.denom()), "{a} * {b}");
            }
        }
    }

    #[test]
    fn powers_fold_only_under_the_bound() {
        let two = BigRational::from_integer(bi(2));
        assert_eq!(pow_rational(&two, &bi(10), 64), Some(BigRational::from_integer(bi(1024))));
        assert_eq!(pow_rational(&two, &bi(-2), 64), Some(ratio(1, 4)));
        assert_eq!(pow_rational(&two, &bi(1_000_000_000), 1 << 16), None);
        let huge = BigInt::from(10).pow(30);
        assert_eq!(pow_rational(&two, &huge, 1 << 16), None);
        let m1 = BigRational::from_integer(bi(-1));
        assert_eq!(pow_rational(&m1, &huge, 8), Some(BigRational::from_integer(bi(1))));
        assert_eq!(pow_rational(&BigRational::zero(), &bi(-1), 8), None);
    }

    #[test]
    fn perfect_powers_are_pulled_out() {
        assert_eq!(extract_power(&bi(8), 2), (bi(2), bi(2)));
        assert_eq!(extract_power(&bi(50), 2), (bi(5), bi(2)));
        assert_eq!(extract_power(&bi(72), 3), (bi(2), bi(9)));
        assert_eq!(extract_power(&bi(7), 2), (bi(1), bi(7)));
        // A square of a prime above the trial bound is still found.
        let p = bi(1_000_003);
        assert_eq!(extract_power(&(&p * &p * 3), 2), (p.clone(), bi(3)));
    }

    #[test]
    fn machine_size_roots_agree_with_the_general_path() {
        fn slow_root(n: &BigInt, q: u32) -> Option<BigInt> {
            let r = n.nth_root(q);
            (&r.pow(q) == n).then_some(r)
        }
        let mut ns: Vec<u64> = (2..3000).collect();
        ns.extend([1 << 40, (1 << 62) + 1, u64::MAX, 3u64.pow(40), 10u64.pow(18), 999_983 * 999_983, 7u64.pow(22)]);
        for n in ns {
            for q in [2, 3, 4, 5, 6, 7, 12, 40, 63, 64] {
                let b = BigInt::from(n);
                if u64::from(q) < b.bits() {
                    assert_eq!(exact_root(&b, q), slow_root(&b, q), "{n} {q}");
                }
                let (k, rest) = extract_power(&b, q);
                assert_eq!(k.pow(q) * &rest, b, "{n} {q}");
                assert!(exact_root(&rest, q).is_none() || rest.is_one(), "{n} {q}");
            }
        }
    }

    #[test]
    fn combinatorics() {
        assert_eq!(factorial(5, 64), Some(bi(120)));
        assert_eq!(factorial(1000, 64), None);
        assert_eq!(binomial(5, &bi(2), 64), Some(bi(10)));
        assert_eq!(binomial(5, &bi(7), 64), Some(bi(0)));
        assert_eq!(int_log(&bi(8), &bi(2), 64), Some(3));
        assert_eq!(int_log(&bi(9), &bi(2), 64), None);
    }
}
