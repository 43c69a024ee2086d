//! Products of numeric powers: a rational coefficient times rational numbers
//! raised to rational exponents, times powers of `-1` and of `i`.
//!
//! The normal form, chosen so that equal values print alike:
//! * integer parts of exponents go into the coefficient (`2^(3/2)` is
//!   `2·2^(1/2)`, `2^(-1/2)` is `(1/2)·2^(1/2)`: denominators rationalized);
//! * a rational base is split into numerator and denominator powers
//!   (`(2/3)^(1/2)` is `(1/3)·6^(1/2)`);
//! * what remains is `m^(1/q)` with `m` an integer free of `q`-th powers
//!   (`8^(1/2)` is `2·2^(1/2)`), not itself a perfect `d`-th power for a
//!   divisor `d` of `q` (`4^(1/4)` is `2^(1/2)`), and radicands with the
//!   same index multiplied together (`2^(1/2)·3^(1/2)` is `6^(1/2)`);
//! * negative bases: `(-n)^r = (-1)^r·n^r`; `(-1)^(1/2)` is `i`, and for an
//!   odd root index the real root is taken (`\sqrt[3]{-8} = -2`, as in
//!   school); other fractional powers of `-1` stay as they are;
//! * powers of `i` are reduced mod 4.
//!
//! All work is bounded by `max_int_bits` and the trial-division bounds in
//! [`super::number`]; numbers beyond them stay as opaque powers.

use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::number::{self, exact_root, extract_power, pow_rational, MAX_ROOT_INDEX};
use crate::ast::{Constant, Expr};
use crate::span::Span;

/// How many times we re-merge radicals that ended up on the same base.
/// Each round strictly lowers the number of radicals, so this is only a
/// safety net.
const MAX_ROUNDS: usize = 8;

/// The folded numeric part of a product.
pub(crate) struct Numeric {
    pub coeff: BigRational,
    /// Canonical factors: `Pow(m, 1/q)`, `i`, `Pow(i, f)`, `Pow(-1, f)` and
    /// powers too big to compute.
    pub factors: Vec<Expr>,
}

/// Fold `coeff · Π base^exp · i^i_exp` into normal form.
pub(crate) fn normalize(
    coeff: BigRational,
    powers: Vec<(BigRational, BigRational)>,
    i_exp: BigRational,
    max_bits: u64,
) -> Numeric {
    let mut st = State { coeff, neg: BigRational::zero(), i_exp, opaque: Vec::new() };
    let mut ints: BTreeMap<BigInt, BigRational> = BTreeMap::new();
    for (b, r) in powers {
        if r.is_zero() || b.is_one() {
            continue;
        }
        if b.is_zero() {
            if r.is_positive() {
                st.coeff = BigRational::zero();
            } else {
                // 0 to a negative power is not a number: keep it visible.
                st.opaque.push((b, r));
            }
            continue;
        }
        if r.is_integer() {
            if let Some(v) = pow_rational(&b, r.numer(), max_bits) {
                number::mul_into(&mut st.coeff, &v);
                continue;
            }
        }
        let b = if b.is_negative() {
            number::add_into(&mut st.neg, &r, 1);
            -b
        } else {
            b
        };
        if !b.numer().is_one() {
            number::add_into(ints.entry(b.numer().clone()).or_insert_with(BigRational::zero), &r, 1);
        }
        if !b.denom().is_one() {
            number::add_into(ints.entry(b.denom().clone()).or_insert_with(BigRational::zero), &r, -1);
        }
    }
    if st.coeff.is_zero() {
        return Numeric { coeff: st.coeff, factors: Vec::new() };
    }

    let mut radicals: Vec<(BigInt, u32)> = Vec::new();
    for round in 0..MAX_ROUNDS {
        radicals = st.radicals(std::mem::take(&mut ints), max_bits);
        // Equal bases left in two places (a reduced radical meeting another
        // index, or an opaque power): merge them and go again, so the result
        // is a fixed point of this function.
        let mut seen: BTreeMap<BigInt, usize> = BTreeMap::new();
        for (m, _) in &radicals {
            *seen.entry(m.clone()).or_default() += 1;
        }
        for (b, _) in &st.opaque {
            if b.is_integer() && b.is_positive() {
                *seen.entry(b.numer().clone()).or_default() += 1;
            }
        }
        if seen.values().all(|&n| n <= 1) || round + 1 == MAX_ROUNDS {
            break;
        }
        for (m, q) in radicals.drain(..) {
            *ints.entry(m).or_insert_with(BigRational::zero) += BigRational::new(BigInt::one(), q.into());
        }
        let opaque = std::mem::take(&mut st.opaque);
        for (b, r) in opaque {
            if b.is_integer() && b.is_positive() {
                number::add_into(ints.entry(b.numer().clone()).or_insert_with(BigRational::zero), &r, 1);
            } else {
                st.opaque.push((b, r));
            }
        }
    }

    let mut factors: Vec<Expr> = Vec::new();
    for (m, q) in radicals {
        factors.push(pow(number::int(m), number::num(BigRational::new(BigInt::one(), q.into()))));
    }
    for (b, r) in std::mem::take(&mut st.opaque) {
        factors.push(pow(number::num(b), number::num(r)));
    }
    st.signs(&mut factors);
    Numeric { coeff: st.coeff, factors }
}

fn pow(base: Expr, exp: Expr) -> Expr {
    Expr::pow(base, exp, Span::EMPTY)
}

struct State {
    coeff: BigRational,
    /// Total exponent of -1.
    neg: BigRational,
    /// Total exponent of i.
    i_exp: BigRational,
    /// Powers left as written: (base, exponent).
    opaque: Vec<(BigRational, BigRational)>,
}

impl State {
    /// Positive integer bases > 1 with their total exponents → radicals
    /// `(m, q)` meaning `m^(1/q)`, the integer parts going to the
    /// coefficient.
    fn radicals(&mut self, ints: BTreeMap<BigInt, BigRational>, max_bits: u64) -> Vec<(BigInt, u32)> {
        let mut groups: BTreeMap<u32, Vec<BigInt>> = BTreeMap::new();
        for (n, r) in ints {
            if r.is_zero() || n.is_one() {
                continue;
            }
            let fl = r.floor();
            let fr = &r - &fl;
            if !fl.is_zero() {
                match pow_rational(&BigRational::from_integer(n.clone()), fl.numer(), max_bits) {
                    Some(v) => number::mul_into(&mut self.coeff, &v),
                    None => {
                        self.opaque.push((BigRational::from_integer(n), r));
                        continue;
                    }
                }
            }
            if fr.is_zero() {
                continue;
            }
            let q = fr.denom().to_u32().filter(|&q| q <= MAX_ROOT_INDEX);
            let p = fr.numer().to_u32();
            // n^(p/q) = (n^p)^(1/q), when n^p is small enough to compute.
            let m = match (q, p) {
                (Some(q), Some(p)) => pow_rational(&BigRational::from_integer(n.clone()), &BigInt::from(p), max_bits)
                    .map(|m| (m.numer().clone(), q)),
                _ => None,
            };
            match m {
                Some((m, q)) => groups.entry(q).or_default().push(m),
                None => self.opaque.push((BigRational::from_integer(n), fr)),
            }
        }

        let mut out = Vec::new();
        // Largest index first: lowering an index (4^(1/4) → 2^(1/2)) only
        // feeds groups still to come.
        while let Some((q, ms)) = groups.pop_last() {
            // Pull q-th powers out of each radicand first (keeps the numbers
            // small), then multiply the rests into one radicand when that
            // fits and pull again. Rests too big to multiply stay apart; a
            // second pass sees the same rests, so this is a fixed point.
            let mut rests: Vec<BigInt> = Vec::new();
            for m in ms {
                let (k, rest) = extract_power(&m, q);
                number::mul_into(&mut self.coeff, &BigRational::from_integer(k));
                if !rest.is_one() {
                    rests.push(rest);
                }
            }
            let total: u64 = rests.iter().map(|m| m.bits()).sum();
            if rests.len() > 1 && total <= max_bits {
                let product = rests.iter().fold(BigInt::one(), |acc, m| acc * m);
                let (k, rest) = extract_power(&product, q);
                number::mul_into(&mut self.coeff, &BigRational::from_integer(k));
                rests = if rest.is_one() { Vec::new() } else { vec![rest] };
            }
            for rest in rests {
                match lower_index(&rest, q) {
                    Some((r, 1)) => number::mul_into(&mut self.coeff, &BigRational::from_integer(r)),
                    Some((r, q2)) => groups.entry(q2).or_default().push(r),
                    None => out.push((rest, q)),
                }
            }
        }
        out
    }

    /// Fold the powers of -1 and i into the coefficient and `i` factors.
    fn signs(&mut self, factors: &mut Vec<Expr>) {
        let fl = self.neg.floor();
        if fl.numer().is_odd() {
            self.coeff = -self.coeff.clone();
        }
        let fr = &self.neg - &fl;
        if !fr.is_zero() {
            if fr.denom() == &BigInt::from(2) {
                self.i_exp += BigRational::one();
            } else if fr.denom().is_odd() {
                // Real odd root: (-1)^(p/q) = (-1)^p.
                if fr.numer().is_odd() {
                    self.coeff = -self.coeff.clone();
                }
            } else {
                factors.push(pow(number::int(-1), number::num(fr)));
            }
        }
        let fl = self.i_exp.floor();
        let fr = &self.i_exp - &fl;
        let quarter = fl.numer().mod_floor(&BigInt::from(4)).to_u8().unwrap_or(0);
        if quarter >= 2 {
            self.coeff = -self.coeff.clone();
        }
        if quarter % 2 == 1 {
            factors.push(Expr::constant(Constant::I, Span::EMPTY));
        }
        if !fr.is_zero() {
            factors.push(pow(Expr::constant(Constant::I, Span::EMPTY), number::num(fr)));
        }
    }
}

/// The largest divisor `d > 1` of `q` for which `m` is a perfect `d`-th
/// power: `(m^(1/d), q/d)`.
fn lower_index(m: &BigInt, q: u32) -> Option<(BigInt, u32)> {
    (2..=q).rev().filter(|d| q % d == 0).find_map(|d| exact_root(m, d).map(|r| (r, q / d)))
}
