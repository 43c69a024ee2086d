//! Scalars: numbers and expressions. Exact canonical forms first, then MPFR
//! values for constants (with the tolerance rules below), then seeded
//! random-point identity testing for expressions with variables.
//!
//! Tolerance rules for constants:
//! * both exact (no decimal written anywhere): equal only to working
//!   precision (2^-160 relative), so `1/2004!` ≠ `1/2006!` and `π` ≠ `355/113`;
//! * the gold is a written decimal (`33.3`) and the prediction has more
//!   digits or is exact: equal when within half a unit of the gold's last
//!   written digit (`33.3` vs `100/3`, `0.29` vs `0.290243`);
//! * otherwise, when the prediction is approximate: relative error at most
//!   10^-precision (`1/12` vs `0.0833333333`; `4` vs `4\sqrt{2}` never).
//! Values too large for MPFR are compared by their logarithms.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use rug::{Complex, Float};

use super::verdict::Method;
use super::Ctx;
use crate::ast::{Expr, ExprKind, Symbol};
use crate::eval::magnitude::log_abs;
use crate::eval::points::{compare_at_points, Agree, Identity};
use crate::eval::{eval, EvalError, Env, PREC};

/// Is this node a scalar (a number or an expression with a value)?
pub fn is_scalar(e: &Expr) -> bool {
    use ExprKind::*;
    matches!(
        e.kind,
        Integer { .. }
            | Rational { .. }
            | Decimal { .. }
            | Symbol { .. }
            | Constant { .. }
            | Add { .. }
            | Mul { .. }
            | Div { .. }
            | Pow { .. }
            | Root { .. }
            | Neg { .. }
            | Func { .. }
            | Apply { .. }
            | BigOp { .. }
            | Integral { .. }
            | Limit { .. }
            | Derivative { .. }
    )
}

/// Free variables of a tree (sorted, deduplicated).
pub fn free_symbols(e: &Expr) -> Vec<Symbol> {
    let mut out = Vec::new();
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        if let ExprKind::Symbol { sym } = &x.kind {
            out.push(sym.clone());
        }
        x.push_children(&mut stack);
    }
    out.sort();
    out.dedup();
    out
}

pub fn has_decimal(e: &Expr) -> bool {
    crate::ast::any_node(e, |x| matches!(x.kind, ExprKind::Decimal { .. }))
}

/// `-33.3` or `33.3`: the decimal literal and its sign.
fn bare_decimal(e: &Expr) -> Option<(&BigRational, &str, bool)> {
    match &e.kind {
        ExprKind::Decimal { value, text } => Some((value, text, false)),
        ExprKind::Neg { arg } => bare_decimal(arg).map(|(v, t, n)| (v, t, !n)),
        _ => None,
    }
}

/// Digits written after the decimal point, allowing for an exponent:
/// `33.30` → 2, `1.5e-3` → 4, `2e3` → -3.
fn decimal_places(text: &str) -> i64 {
    let (mant, exp) = match text.find(['e', 'E']) {
        Some(k) => (&text[..k], text[k + 1..].parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let frac = mant.split_once('.').map_or(0, |(_, f)| f.len() as i64);
    frac - exp
}

/// Compare two scalars. `None` when no rule can decide (unevaluable
/// expressions that differ in form).
pub fn compare_scalars(g: &Expr, p: &Expr, ctx: &Ctx) -> Option<(bool, Method)> {
    let cg = ctx.canon(g);
    let cp = ctx.canon(p);
    if cg == cp {
        return Some((true, Method::Exact));
    }
    let mut vars = free_symbols(&cg);
    let pvars = free_symbols(&cp);
    let mut p = p.clone();
    if !ctx.opts.strict && vars.len() == pvars.len() && vars != pvars {
        // Variables matched by position.
        p = rename(&p, &pvars, &vars);
        if ctx.canon(&p) == cg {
            return Some((true, Method::Exact));
        }
    } else {
        vars.extend(pvars);
        vars.sort();
        vars.dedup();
    }
    if vars.is_empty() {
        // No variables: `p` was not renamed, and `cp` is its canonical form.
        if let (Some(a), Some(b)) = (small_number(&cg), small_number(&cp)) {
            return Some((compare_small_numbers(g, &p, &a, &b, ctx.opts.precision), Method::Numeric));
        }
        return compare_constants(g, &p, ctx).map(|eq| (eq, Method::Numeric));
    }
    let seed = ctx.seed();
    match compare_at_points(g, &p, &vars, seed, ctx.budget(), Agree::Values) {
        Identity::Equal { .. } => Some((true, Method::Identity)),
        Identity::Different => Some((false, Method::Identity)),
        Identity::Unknown => None,
    }
}

/// Rename variables `from[i]` to `to[i]`.
fn rename(e: &Expr, from: &[Symbol], to: &[Symbol]) -> Expr {
    crate::ast::map_bottom_up(e.clone(), &mut |x| match &x.kind {
        ExprKind::Symbol { sym } => match from.iter().position(|s| s == sym) {
            Some(i) => Expr::new(ExprKind::Symbol { sym: to[i].clone() }, x.span),
            None => x,
        },
        _ => x,
    })
}

/// Constants: values compared under the tolerance rules of the module docs.
pub fn compare_constants(g: &Expr, p: &Expr, ctx: &Ctx) -> Option<bool> {
    let env = Env::default();
    let (gv, pv) = match (eval(g, &env, ctx.budget()), eval(p, &env, ctx.budget())) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(EvalError::Overflow), _) | (_, Err(EvalError::Overflow)) => return compare_magnitudes(g, p, ctx),
        _ => return None,
    };
    let g_approx = has_decimal(g);
    let p_approx = has_decimal(p);
    let diff = Complex::with_val(PREC, &gv - &pv).abs().real().clone();
    let gabs = gv.clone().abs().real().clone();
    let pabs = pv.clone().abs().real().clone();
    let scale = if gabs > pabs { gabs.clone() } else { pabs };
    // Exact on both sides: working precision.
    let tiny = Float::with_val(PREC, Float::i_exp(1, -160));
    if diff <= Float::with_val(PREC, &scale * &tiny) || diff.is_zero() {
        return Some(true);
    }
    if !g_approx && !p_approx {
        return Some(false);
    }
    // A written-decimal gold: half a unit in its last place, when the
    // prediction is more precise than the gold.
    if let Some((_, text, _)) = bare_decimal(g) {
        let places = decimal_places(text);
        let p_places = bare_decimal(p).map(|(_, t, _)| decimal_places(t));
        let pred_more_precise = p_places.is_none_or(|pp| pp > places);
        if pred_more_precise && crate::eval::is_real(&gv) && crate::eval::is_real(&pv) {
            let half_ulp = half_unit(places);
            if diff <= half_ulp {
                return Some(true);
            }
        }
        // Otherwise a decimal gold is exact: `27.39` vs `27.38` differ.
        return Some(false);
    }
    // An approximate prediction, or a compound approximate gold
    // (`1.5\times10^{3}`): relative precision.
    Some(relative_close(&diff, &gabs, ctx.opts.precision))
}

/// A canonical form that is an exact number p/q with |p| and q below
/// 2^32 (most answers), as a fraction.
fn small_number(e: &Expr) -> Option<BigRational> {
    let q = match &e.kind {
        ExprKind::Integer { value } => BigRational::from_integer(value.clone()),
        ExprKind::Rational { value } => value.clone(),
        _ => return None,
    };
    (q.numer().bits() < 32 && q.denom().bits() < 32).then_some(q)
}

/// [`compare_constants`] on two constants whose canonical forms are the
/// different small numbers `gq` and `pq` ([`small_number`]): the same
/// rules, worked in fractions instead of MPFR (a pair of integers is
/// compared in a fraction of the time). The verdicts are the same:
/// * the values differ by at least 2^-64 (denominators below 2^32),
///   while the working-precision tolerance is below 2^32 · 2^-160, so
///   rule one never holds, here or on their MPFR values (within 2^-200
///   of these);
/// * the other rules compare the exact difference with the exact
///   tolerances, which MPFR computes to within 2^-250: they could only
///   disagree on a difference that is exactly the tolerance.
fn compare_small_numbers(g: &Expr, p: &Expr, gq: &BigRational, pq: &BigRational, precision: u32) -> bool {
    if !has_decimal(g) && !has_decimal(p) {
        return false;
    }
    let diff = (gq - pq).abs();
    let hair = BigRational::from_float(HAIR).expect("finite");
    let ten_to = |n: usize| num_traits::pow(BigInt::from(10), n);
    if let Some((_, text, _)) = bare_decimal(g) {
        let places = decimal_places(text);
        let p_places = bare_decimal(p).map(|(_, t, _)| decimal_places(t));
        if !p_places.is_none_or(|pp| pp > places) {
            return false;
        }
        // Half a unit in the last place, 10^-places / 2.
        let places = places.clamp(-10_000, 10_000);
        let (unit_num, unit_den) = if places >= 0 {
            (BigInt::one(), ten_to(places as usize))
        } else {
            (ten_to(places.unsigned_abs() as usize), BigInt::one())
        };
        return within(&diff, &[&unit_num, hair.numer()], &[&unit_den, &BigInt::from(2), hair.denom()]);
    }
    // 10^-precision of the gold (of 1 for a zero gold).
    let gabs = gq.abs();
    let reference = if gabs.is_zero() { BigRational::one() } else { gabs };
    let tol_den = ten_to(precision.min(300) as usize);
    within(&diff, &[reference.numer(), hair.numer()], &[reference.denom(), &tol_den, hair.denom()])
}

/// `diff ≤ Π nums / Π dens` (every factor positive), by cross
/// multiplication: no fraction to reduce.
fn within(diff: &BigRational, nums: &[&BigInt], dens: &[&BigInt]) -> bool {
    let lhs = dens.iter().fold(diff.numer().clone(), |acc, d| acc * *d);
    let rhs = nums.iter().fold(diff.denom().clone(), |acc, n| acc * *n);
    lhs <= rhs
}

/// The "hair" the tolerances allow for binary rounding of the operands.
const HAIR: f64 = 1.000_000_000_001;

fn half_unit(places: i64) -> Float {
    // 0.5 · 10^-places, plus a hair for binary rounding of the operands.
    let ten = Float::with_val(PREC, 10);
    let unit = if places >= 0 {
        Float::with_val(PREC, 1) / ten.pow_ref_i32(places.min(10_000) as i32)
    } else {
        ten.pow_ref_i32((-places).min(10_000) as i32)
    };
    unit / 2u32 * Float::with_val(PREC, HAIR)
}

trait PowI {
    fn pow_ref_i32(&self, n: i32) -> Float;
}
impl PowI for Float {
    fn pow_ref_i32(&self, n: i32) -> Float {
        use rug::ops::Pow;
        Float::with_val(PREC, self.pow(n))
    }
}

/// |diff| ≤ 10^-precision · |gold| (absolute for a zero gold).
fn relative_close(diff: &Float, gabs: &Float, precision: u32) -> bool {
    let tol = Float::with_val(PREC, 10).pow_ref_i32(-(precision.min(300) as i32));
    let reference = if gabs.is_zero() { Float::with_val(PREC, 1) } else { gabs.clone() };
    *diff <= tol * reference * Float::with_val(PREC, HAIR)
}

/// Values past MPFR's range: compare `ln|x|` and the sign.
///
/// Equal values have equal logarithms to within the tolerance of the
/// values themselves: a relative difference `t` of the values is a
/// difference of about `t` in their logarithms, whatever their size. So
/// `2\cdot5^{5^{5^5}}` and `5^{5^{5^5}}` differ (by `ln 2`). When `ln|x|` is
/// itself so large that working precision cannot resolve that tolerance
/// (`5^{5^{5^5}}` against `5^{5^{5^5}}+1`), nothing proves them equal and
/// the answer is "not equal": the canonical forms already differed.
fn compare_magnitudes(g: &Expr, p: &Expr, ctx: &Ctx) -> Option<bool> {
    let env = Env::default();
    let (Ok((lg, sg)), Ok((lp, sp))) = (log_abs(g, &env, ctx.budget()), log_abs(p, &env, ctx.budget())) else {
        return Some(false);
    };
    if !lg.is_finite() || !lp.is_finite() {
        return Some(false);
    }
    if let (Some(a), Some(b)) = (sg, sp) {
        if a != b {
            return Some(false);
        }
    }
    let diff = Float::with_val(PREC, &lg - &lp).abs();
    let scale = {
        let a = lg.clone().abs();
        let b = lp.clone().abs();
        if a > b { a } else { b }
    };
    // Tolerance on the values (relative), hence on their logarithms
    // (absolute): the written precision when either side is a decimal,
    // far below any written digit when both are exact.
    let tol = if has_decimal(g) || has_decimal(p) {
        Float::with_val(PREC, 10).pow_ref_i32(-(ctx.opts.precision.min(300) as i32))
    } else {
        Float::with_val(PREC, Float::i_exp(1, -100))
    };
    // What the logarithms themselves may be off by: a few dozen units in
    // their last place after the operations that produced them.
    let err = scale * Float::with_val(PREC, Float::i_exp(1, -(PREC as i32 - 40)));
    if err > Float::with_val(PREC, &tol / 4u32) {
        return Some(false);
    }
    Some(diff <= tol + err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canon::canonical;
    use crate::compare::Options;
    use crate::parse::{parse_with, Syntax};
    use proptest::prelude::*;

    /// The fraction path's verdict and the MPFR path's, for a pair whose
    /// canonical forms are different small numbers.
    fn both_paths(gold: &str, pred: &str, precision: u32) -> (bool, Option<bool>) {
        let opts = Options { precision, ..Options::default() };
        let read = |t: &str| parse_with(t, Syntax::Latex, &opts.limits).unwrap();
        let (g, p) = (read(gold), read(pred));
        let (gq, pq) = (small_number(&canonical(&g)).unwrap(), small_number(&canonical(&p)).unwrap());
        assert_ne!(gq, pq, "{gold} vs {pred}: the fast path is only for different values");
        let ctx = Ctx::new(&opts, 1);
        (compare_small_numbers(&g, &p, &gq, &pq, precision), compare_constants(&g, &p, &ctx))
    }

    #[test]
    fn fractions_decide_as_mpfr_does() {
        // (gold, pred, precision, verdict): each rule of the module docs,
        // on both sides of its tolerance.
        let cases = [
            ("4", "11", 6, false),
            ("\\frac{3}{8}", "\\frac{5}{16}", 6, false),
            ("33.3", "\\frac{334}{10}", 6, false),
            ("33.3", "\\frac{100}{3}", 6, true),
            ("33.3", "33.34", 6, true),
            ("33.3", "33.36", 6, false),
            ("33.3", "33.35", 6, true),
            ("33.3", "33.4", 6, false),
            ("0.29", "0.290243", 6, true),
            ("1.5e3", "1549", 6, true),
            ("1.5e3", "1551", 6, false),
            ("\\frac{1}{12}", "0.0833333", 6, true),
            ("\\frac{1}{12}", "0.08333", 6, false),
            ("0", "0.0000001", 6, true),
            ("0", "0.00001", 6, false),
            ("25", "22.22", 6, false),
            ("25", "25.0001", 2, true),
            ("-4", "-4.0000001", 6, true),
            ("-4", "4.0000001", 6, false),
        ];
        for (gold, pred, precision, want) in cases {
            let (fast, mpfr) = both_paths(gold, pred, precision);
            assert_eq!((fast, mpfr), (want, Some(want)), "{gold} vs {pred} at precision {precision}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn fractions_agree_with_mpfr(
            a in -100_000i64..100_000, b in 1i64..100_000, k in 0u32..6,
            d in -3i64..3, places in 0u32..5, gold_decimal in any::<bool>(), precision in 1u32..8,
        ) {
            // A pred near a/b: a decimal of `places` places, off by d units.
            let scale = 10i64.pow(places);
            let near = a * scale / b + d;
            let pred = format!("{}{}.{:0w$}", if near < 0 { "-" } else { "" }, near.abs() / scale, near.abs() % scale, w = places as usize);
            let pred = if places == 0 { format!("{near}") } else { pred };
            let gold = if gold_decimal {
                let s = 10i64.pow(k);
                let g = a * s / b;
                if k == 0 { format!("{g}") } else { format!("{}{}.{:0w$}", if g < 0 { "-" } else { "" }, g.abs() / s, g.abs() % s, w = k as usize) }
            } else {
                format!("\\frac{{{a}}}{{{b}}}")
            };
            let opts = Options::default();
            let read = |t: &str| parse_with(t, Syntax::Latex, &opts.limits).unwrap();
            let (gq, pq) = (small_number(&canonical(&read(&gold))), small_number(&canonical(&read(&pred))));
            prop_assume!(gq.is_some() && pq.is_some() && gq != pq);
            let (fast, mpfr) = both_paths(&gold, &pred, precision);
            prop_assert_eq!(Some(fast), mpfr, "{} vs {} at precision {}", gold, pred, precision);
        }
    }
}
