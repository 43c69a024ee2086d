//! Seeded random-point identity testing: two expressions in the same
//! variables are called equal only if they agree at every sampled point.
//!
//! Points are complex numbers in the right half-plane (real part in
//! [0.5, 2.5], imaginary part in [-0.5, 0.5]; the first point's real parts
//! under 0.85, so inside the unit disc): generic enough to tell
//! `|x|` from `x` and `\tan` from `\cot`, and clear of the branch cuts of
//! `\sqrt` and `\ln`, so `\sqrt{1/n} = 1/\sqrt{n}` holds as it does for
//! positive n. Expressions that only take reals (floor, min, max) are
//! sampled at positive reals instead. The seed comes from the inputs, so the
//! same pair always gets the same points, on any thread or run.

use rug::{Complex, Float};

use super::{eval, eval_prec, EvalError, Env, PREC};
use crate::ast::{Expr, Symbol};

/// How many agreeing points make an identity.
pub const POINTS: usize = 5;
/// Attempts before giving up on finding valid points.
const ATTEMPTS: usize = 12;
/// The same at real points (expressions with `\max`, `\min`, `\lfloor`):
/// there two sides can agree on a whole region (`\max(a, b)` and `b`
/// wherever b > a), which five points all fall in one time in 32. Twelve
/// make it one in 4096 for two variables.
const REAL_POINTS: usize = 12;
const REAL_ATTEMPTS: usize = 24;

/// A small deterministic generator (SplitMix64): no global state.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [lo, hi), with 53 random bits.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        lo + (hi - lo) * u
    }
}

/// FNV-1a of the inputs: the seed of a comparison.
pub fn seed_of(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The outcome of an identity test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Identity {
    /// Agreed at every point.
    Equal { points: usize },
    /// Disagreed at a point.
    Different,
    /// Too few points could be evaluated.
    Unknown,
}

/// Do `a` and `b` agree as functions of `vars`: the same value at every
/// point?
pub fn identity_test(a: &Expr, b: &Expr, vars: &[Symbol], seed: u64, budget: u64) -> Identity {
    compare_at_points(a, b, vars, seed, budget, Agree::Values)
}

/// When do the values of the two sides at a point agree?
pub enum Agree<'f> {
    /// They are the same value ([`close`]). Values that are the same only
    /// under `close`'s absolute floor (both tiny, see [`tiny_values_agree`])
    /// or only under its relative tolerance (apart by more than rounding,
    /// see [`still_apart_at_twice`]) are evaluated again at twice the
    /// precision.
    Values,
    /// By this test (a constant ratio for equations, say).
    By(&'f mut dyn FnMut(&Complex, &Complex) -> bool),
}

/// The general form: `agree` sees the two values at each point.
pub fn compare_at_points(
    a: &Expr,
    b: &Expr,
    vars: &[Symbol],
    seed: u64,
    budget: u64,
    mut agree: Agree<'_>,
) -> Identity {
    for real_only in [false, true] {
        let mut rng = Rng::new(seed.wrapping_add(real_only as u64));
        let mut good = 0;
        let mut not_a_number = false;
        let (points, attempts) = if real_only { (REAL_POINTS, REAL_ATTEMPTS) } else { (POINTS, ATTEMPTS) };
        for attempt in 0..attempts {
            let mut env = Env::default();
            for v in vars {
                let re = rng.uniform(0.5, 2.5);
                // The first point lies inside the unit disc (|v| < 0.99):
                // where every point is outside it, a high power common to
                // both sides (`y^{2212}`) swamps every other term to
                // working precision, and `y^{2212} = 1+g` would pass for
                // `y^{2212} = 1/(gu)`. Inside, the power vanishes instead.
                let re = if attempt == 0 { 0.5 + (re - 0.5) * 0.175 } else { re };
                let im = if real_only { 0.0 } else { rng.uniform(-0.5, 0.5) };
                env.vars.push((v.clone(), Complex::with_val(PREC, (re, im))));
            }
            let (x, y) = match (eval(a, &env, budget), eval(b, &env, budget)) {
                (Ok(x), Ok(y)) => (x, y),
                (Err(EvalError::NotANumber), _) | (_, Err(EvalError::NotANumber)) => {
                    not_a_number = true;
                    break;
                }
                (Err(EvalError::Budget), _) | (_, Err(EvalError::Budget)) => return Identity::Unknown,
                _ => continue,
            };
            if below_noise(&x) && below_noise(&y) {
                // Both values far below what rounding leaves of a zero at
                // this precision (~2^-256): underflow, not a value. A large
                // imaginary part makes `\tan^2 z + 1` and `\sec z` both
                // vanish like e^{-|Im z|}, and `e^{-1000x}` is as small;
                // compared under `close`'s absolute floor they were "equal".
                // The point says nothing either way: try another.
                continue;
            }
            let agreed = match &mut agree {
                Agree::By(f) => f(&x, &y),
                Agree::Values => {
                    let gap = Gap::of(&x, &y);
                    let again = if gap.within(-160) {
                        // The same to working precision; apart by more than
                        // the last bits' rounding, either rounding noise grown
                        // by cancellation or a genuine difference too small
                        // for the tolerance (`(10^{-63})!` is 1 - 6e-64, "the
                        // same" as 1 at every sampled point).
                        if gap.within(-240) {
                            Some(true)
                        } else {
                            still_apart_at_twice(a, b, &gap.diff, &env, budget).map(|apart| !apart)
                        }
                    } else if close(&x, &y) {
                        tiny_values_agree(a, b, (&x, &y), &env, budget)
                    } else {
                        Some(false)
                    };
                    match again {
                        Some(agreed) => agreed,
                        // Not evaluable at the higher precision: no verdict here.
                        None => continue,
                    }
                }
            };
            if !agreed {
                return Identity::Different;
            }
            good += 1;
            if good == points {
                return Identity::Equal { points: good };
            }
        }
        if !not_a_number {
            // Most points agreed and none disagreed; the rest did not
            // evaluate (a pole, a domain edge).
            return if good >= points.div_ceil(2) { Identity::Equal { points: good } } else { Identity::Unknown };
        }
    }
    Identity::Unknown
}

/// Under 2^-300 in size (zero included): far below the rounding noise of
/// a cancelled sum at 256 bits, so nothing can be told from it.
fn below_noise(x: &Complex) -> bool {
    *x.clone().abs().real() < Float::with_val(PREC, Float::i_exp(1, -300))
}

/// Two values that agree only under [`close`]'s absolute floor (both under
/// 2^-160 in size, not the same relatively) are either zeros left over from
/// cancellation, which the floor is there for, or genuine small values
/// (`e^{-250x}` against `e^{-1000x}` at x near 0.6: 1e-65 against 1e-260,
/// "equal" under the floor). Evaluated again at twice the precision, a
/// cancelled zero shrinks with the rounding error while a genuine value stays
/// what it was. So: the same relatively at that precision, they agree;
/// either one genuine (non-zero and unchanged), they do not; both cancelled
/// zeros, they agree. `values`: `a` and `b` at [`PREC`]. `None` when a
/// side does not evaluate again.
fn tiny_values_agree(a: &Expr, b: &Expr, values: (&Complex, &Complex), env: &Env, budget: u64) -> Option<bool> {
    let (x, y) = (eval_prec(a, env, budget, 2 * PREC).ok()?, eval_prec(b, env, budget, 2 * PREC).ok()?);
    if relatively_close(&x, &y) {
        return Some(true);
    }
    Some(!genuine(values.0, &x) && !genuine(values.1, &y))
}

/// A value at [`PREC`] (`at_prec`) that is non-zero and unchanged (to
/// 2^-64 relatively) at twice the precision (`at_twice`).
fn genuine(at_prec: &Complex, at_twice: &Complex) -> bool {
    let size = at_twice.clone().abs().real().clone();
    if size.is_zero() {
        return false;
    }
    let d = Complex::with_val(2 * PREC, at_twice - at_prec).abs().real().clone();
    d <= size * Float::with_val(2 * PREC, Float::i_exp(1, -64))
}

/// The difference of two values and the larger of their sizes, computed
/// once per point for every relative test on them.
struct Gap {
    diff: Float,
    size: Float,
}

impl Gap {
    fn of(x: &Complex, y: &Complex) -> Gap {
        let diff = Complex::with_val(PREC, x - y).abs().real().clone();
        let ax = x.clone().abs().real().clone();
        let ay = y.clone().abs().real().clone();
        Gap { diff, size: if ax > ay { ax } else { ay } }
    }

    /// The difference is at most 2^`exp` of the larger size (both zero
    /// included).
    fn within(&self, exp: i32) -> bool {
        self.diff <= Float::with_val(PREC, &self.size * Float::with_val(PREC, Float::i_exp(1, exp)))
    }
}

/// Values the same to working precision but apart by more than rounding
/// (`diff`, their difference at [`PREC`]), evaluated again at twice the
/// precision: rounding noise shrinks there (by about 2^-256), a genuine
/// difference stays what it was. Apart when the difference keeps at least
/// 2^-16 of its size; `None` when a side does not evaluate again.
fn still_apart_at_twice(a: &Expr, b: &Expr, diff: &Float, env: &Env, budget: u64) -> Option<bool> {
    let (x, y) = (eval_prec(a, env, budget, 2 * PREC).ok()?, eval_prec(b, env, budget, 2 * PREC).ok()?);
    let d2 = Complex::with_val(2 * PREC, &x - &y).abs().real().clone();
    Some(d2 * Float::with_val(2 * PREC, Float::i_exp(1, 16)) > *diff)
}

/// The same to working precision relatively: difference under 2^-160 of the
/// larger size (both zero included).
fn relatively_close(x: &Complex, y: &Complex) -> bool {
    Gap::of(x, y).within(-160)
}

/// Equal to working precision: relative difference under 2^-160.
pub fn close(x: &Complex, y: &Complex) -> bool {
    let d = Complex::with_val(PREC, x - y).abs();
    let d = d.real();
    let scale = {
        let ax = x.clone().abs();
        let ay = y.clone().abs();
        let m = if ax.real() > ay.real() { ax.real().clone() } else { ay.real().clone() };
        if m < 1 { Float::with_val(PREC, 1) } else { m }
    };
    *d <= scale * Float::with_val(PREC, Float::i_exp(1, -160))
}
