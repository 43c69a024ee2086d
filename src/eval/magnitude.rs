//! Natural log of |value| for values MPFR cannot hold (`10^{10^{10}}`,
//! `10^{10}!`): powers become products, factorials log-gamma, so the size
//! of a huge number is known without computing it.

use rug::Float;

use super::{eval, EvalError, Env, PREC};
use crate::ast::{self, Expr, ExprKind};

/// `ln |e|` and the sign of `e` when it is real (`None` when unknown).
pub fn log_abs(e: &Expr, env: &Env, budget: u64) -> Result<(Float, Option<bool>), EvalError> {
    let p = PREC;
    // Finite values take the direct road.
    match eval(e, env, budget) {
        Ok(z) => {
            if z.is_zero() {
                return Err(EvalError::Undefined);
            }
            let sign = super::is_real(&z).then(|| z.real().is_sign_negative());
            let a = z.abs();
            return Ok((a.real().clone().ln(), sign));
        }
        Err(EvalError::Overflow) => {}
        Err(other) => return Err(other),
    }
    use ExprKind::*;
    match &e.kind {
        Neg { arg } => log_abs(arg, env, budget).map(|(l, s)| (l, s.map(|s| !s))),
        Mul { factors } => {
            let mut acc = Float::with_val(p, 0);
            let mut sign = Some(false);
            for f in factors {
                let (l, s) = log_abs(f, env, budget)?;
                acc += l;
                sign = match (sign, s) {
                    (Some(a), Some(b)) => Some(a ^ b),
                    _ => None,
                };
            }
            Ok((acc, sign))
        }
        Div { num, den } => {
            let (a, sa) = log_abs(num, env, budget)?;
            let (b, sb) = log_abs(den, env, budget)?;
            Ok((a - b, sa.zip(sb).map(|(x, y)| x ^ y)))
        }
        Pow { base, exp } => {
            let x = eval(exp, env, budget)?;
            if !super::is_real(&x) {
                return Err(EvalError::Overflow);
            }
            let (lb, sb) = log_abs(base, env, budget)?;
            let sign = match sb {
                Some(false) => Some(false),
                _ => None,
            };
            Ok((lb * x.real(), sign))
        }
        Root { radicand, index } => {
            let n = match index {
                Some(i) => eval(i, env, budget)?,
                None => super::c(p, 2.0),
            };
            if !super::is_real(&n) || n.is_zero() {
                return Err(EvalError::Overflow);
            }
            let (l, _) = log_abs(radicand, env, budget)?;
            Ok((l / n.real(), Some(false)))
        }
        Func { func: ast::Func::Factorial, args } if args.len() == 1 => {
            let n = eval(&args[0], env, budget)?;
            if !super::is_real(&n) {
                return Err(EvalError::Overflow);
            }
            let x = Float::with_val(p, n.real() + 1u32);
            Ok((x.ln_gamma(), Some(false)))
        }
        Func { func: ast::Func::Exp, args } if args.len() == 1 => {
            let x = eval(&args[0], env, budget)?;
            if !super::is_real(&x) {
                return Err(EvalError::Overflow);
            }
            Ok((x.real().clone(), Some(false)))
        }
        Add { terms } => {
            // One overflowing term plus terms that are exactly zero. A
            // nonzero finite term would change the value by less than can
            // be seen, yet change it: `5^{5^{5^5}} + 1` is not
            // `5^{5^{5^5}}`, so such a sum has no magnitude we may compare.
            let mut big = None;
            for t in terms {
                match eval(t, env, budget) {
                    Ok(z) if z.is_zero() => {}
                    Ok(_) => return Err(EvalError::Overflow),
                    Err(EvalError::Overflow) if big.is_none() => big = Some(t),
                    Err(e) => return Err(e),
                }
            }
            match big {
                Some(t) => log_abs(t, env, budget),
                None => Err(EvalError::Overflow),
            }
        }
        Constant { constant: ast::Constant::Infinity } => Err(EvalError::Overflow),
        _ => Err(EvalError::Overflow),
    }
}
