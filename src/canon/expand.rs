//! Bounded polynomial expansion: products of sums distributed and positive
//! integer powers of sums multiplied out, only when the result is known in
//! advance to have at most `max_expand_terms` terms and coefficients within
//! `max_int_bits`, and no power of a sum is above `max_expand_power`.
//! Otherwise the product keeps its sums as factors.
//!
//! The decision depends only on the term counts and exponents, never on
//! how the multiplication happens to collect, so canonicalizing an
//! unexpanded product again makes the same decision (idempotency).

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;

use super::number::{self, num};
use super::sum::{collect_terms, split_term};
use super::Ctx;

/// Upper bound on the number of monomials of `(t terms)^n`:
/// `C(n + t - 1, t - 1)`, or `None` once it passes `bound`.
fn power_terms(t: usize, n: u32, bound: usize) -> Option<usize> {
    if t <= 1 {
        return Some(1);
    }
    let n = u128::from(n);
    let t = t as u128;
    let k = (t - 1).min(n);
    let top = n + t - 1;
    let mut r: u128 = 1;
    for i in 1..=k {
        // Each step multiplies by (top - k + i)/i >= 1: monotone, so we can
        // stop as soon as the bound is passed; r <= bound keeps this in
        // range.
        r = r * (top - k + i) / i;
        if r > bound as u128 {
            return None;
        }
    }
    Some(r as usize)
}

impl Ctx<'_> {
    /// Should a product with these sum factors `(terms, exponent)` be
    /// expanded? Always for a single sum to the first power (distributing
    /// a monomial never grows the term count).
    pub(crate) fn should_expand(&self, sums: &[(Vec<Expr>, u32)]) -> bool {
        if let [(_, 1)] = sums {
            return true;
        }
        let bound = self.limits.max_expand_terms;
        let mut total: usize = 1;
        for (terms, n) in sums {
            // The power cap keeps the work small even where few terms
            // would result.
            if *n > self.limits.max_expand_power && terms.len() > 1 {
                return false;
            }
            let Some(k) = power_terms(terms.len(), *n, bound) else { return false };
            total = match total.checked_mul(k) {
                Some(t) if t <= bound => t,
                _ => return false,
            };
            if *n > 1 {
                // Coefficients of the power grow like (max coefficient · t)^n.
                let bits = terms
                    .iter()
                    .map(|t| {
                        let (c, _) = split_term(t.clone());
                        c.numer().bits().max(c.denom().bits())
                    })
                    .max()
                    .unwrap_or(0);
                let per = bits + (usize::BITS - terms.len().leading_zeros()) as u64 + 1;
                if per.saturating_mul(u64::from(*n)) > self.limits.max_int_bits {
                    return false;
                }
            }
        }
        true
    }

    /// All pairwise products of two lists of canonical terms, collected.
    pub(crate) fn multiply(&self, a: &[Expr], b: &[Expr]) -> Vec<Expr> {
        let mut out = Vec::with_capacity(a.len() * b.len());
        for x in a {
            for y in b {
                out.push(self.mul_canonical(vec![x.clone(), y.clone()]));
            }
        }
        collect_terms(out)
    }

    /// `(terms)^n` multiplied out (the caller checked the bound).
    pub(crate) fn expand_power(&self, terms: &[Expr], n: u32) -> Vec<Expr> {
        if let [a, b] = terms {
            // Binomial theorem: one product per output term.
            let mut out = Vec::with_capacity(n as usize + 1);
            let mut c = BigInt::from(1);
            for j in 0..=n {
                let t = self.mul_canonical(vec![
                    num(BigRational::from_integer(c.clone())),
                    self.pow_canonical(a.clone(), number::int(n - j)),
                    self.pow_canonical(b.clone(), number::int(j)),
                ]);
                out.push(t);
                // C(n, j+1) = C(n, j) (n - j) / (j + 1)
                c = c * (n - j) / (j + 1);
                if c.is_zero() {
                    break;
                }
            }
            return collect_terms(out);
        }
        let mut acc = terms.to_vec();
        for _ in 1..n {
            acc = self.multiply(&acc, terms);
        }
        acc
    }
}

use crate::ast::Expr;

#[cfg(test)]
mod tests {
    use super::power_terms;

    #[test]
    fn term_count_bound() {
        assert_eq!(power_terms(2, 2, 256), Some(3));
        assert_eq!(power_terms(3, 2, 256), Some(6));
        assert_eq!(power_terms(2, 255, 256), Some(256));
        assert_eq!(power_terms(2, 256, 256), None);
        assert_eq!(power_terms(10, 1_000_000, 256), None);
        assert_eq!(power_terms(1000, 2, 256), None);
    }
}
