//! Known functions: arguments canonicalized, then folded where the value is
//! exact and cheap (factorials and binomials within `max_factorial`, gcd,
//! lcm, min, max, abs, floor, ceil, mod and sign of rationals, logarithms of
//! exact powers). Nothing is evaluated numerically: `\sin 1` stays.
//!
//! Conventions: `\log x` with no base is base 10, made explicit as
//! `Log[x, 10]`; `\log_e x` is `\ln x`.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::number::{self, int_log, num};
use super::Ctx;
use crate::ast::{Constant, Expr, ExprKind, Func};
use crate::span::Span;

fn is_const(e: &Expr, c: Constant) -> bool {
    matches!(&e.kind, ExprKind::Constant { constant } if *constant == c)
}

fn func(f: Func, args: Vec<Expr>) -> Expr {
    Expr::func(f, args, Span::EMPTY)
}

impl Ctx<'_> {
    pub(crate) fn canon_func(&self, f: Func, args: &[Expr]) -> Expr {
        let args: Vec<Expr> = args.iter().map(|a| self.canon(a)).collect();
        self.fold_func(f, args)
    }

    fn fold_func(&self, f: Func, mut args: Vec<Expr>) -> Expr {
        let vals: Option<Vec<BigRational>> = args.iter().map(number::value).collect();
        match (f, args.len()) {
            (Func::Log, 1) => {
                args.push(number::int(10));
                self.fold_log(args)
            }
            (Func::Log, 2) => self.fold_log(args),
            (Func::Ln, 1) => self.fold_ln(args),
            (Func::Factorial, 1) => match number::int_value(&args[0]).and_then(|n| n.to_u64()) {
                Some(n) if n <= self.limits.max_factorial => {
                    number::factorial(n, self.limits.max_int_bits).map(number::int).unwrap_or_else(|| func(f, args))
                }
                _ => func(f, args),
            },
            (Func::Binom, 2) => {
                let n = number::int_value(&args[0]).and_then(|n| n.to_u64());
                match (n, number::int_value(&args[1])) {
                    (Some(n), Some(k)) if n <= self.limits.max_factorial => {
                        number::binomial(n, k, self.limits.max_int_bits)
                            .map(number::int)
                            .unwrap_or_else(|| func(f, args))
                    }
                    _ => func(f, args),
                }
            }
            (Func::Gcd | Func::Lcm, n) if n >= 1 => match vals {
                Some(vs) => {
                    let pick = if f == Func::Gcd { number::gcd_rational } else { number::lcm_rational };
                    let mut it = vs.into_iter();
                    let first = it.next().expect("one arg").abs();
                    num(it.fold(first, |acc, v| pick(&acc, &v)))
                }
                // gcd and lcm are symmetric: order their arguments.
                None => func(f, sorted_unique(args)),
            },
            (Func::Min | Func::Max, n) if n >= 1 => self.fold_min_max(f, args),
            (Func::Abs, 1) => match vals {
                Some(v) => num(v[0].abs()),
                None => func(f, args),
            },
            (Func::Floor, 1) => match vals {
                Some(v) => num(BigRational::from_integer(v[0].floor().to_integer())),
                None => func(f, args),
            },
            (Func::Ceil, 1) => match vals {
                Some(v) => num(BigRational::from_integer(v[0].ceil().to_integer())),
                None => func(f, args),
            },
            (Func::Mod, 2) => match vals {
                Some(v) if !v[1].is_zero() => {
                    // Result has the sign of the modulus, as in SymPy.
                    let q = (&v[0] / &v[1]).floor();
                    num(&v[0] - &v[1] * q)
                }
                _ => func(f, args),
            },
            (Func::Sign, 1) => match vals {
                Some(v) => number::int(if v[0].is_positive() {
                    1
                } else if v[0].is_negative() {
                    -1
                } else {
                    0
                }),
                None => func(f, args),
            },
            (Func::Re | Func::Conj, 1) if vals.is_some() => args.pop().expect("one arg"),
            (Func::Im, 1) if vals.is_some() => number::int(0),
            // Exact values at zero, the only trig values folded here.
            (
                Func::Sin | Func::Tan | Func::Asin | Func::Atan | Func::Sinh | Func::Tanh | Func::Asinh | Func::Atanh,
                1,
            ) if args[0].is_int(0) => number::int(0),
            (Func::Cos | Func::Cosh, 1) if args[0].is_int(0) => number::int(1),
            _ => func(f, args),
        }
    }

    /// `Log[x, base]`: base `e` is `ln`; `log_b 1 = 0`, `log_b b = 1`, and
    /// `log_b x = k` when `x = b^k` for rationals.
    fn fold_log(&self, args: Vec<Expr>) -> Expr {
        let (x, b) = (&args[0], &args[1]);
        if is_const(b, Constant::E) {
            return self.fold_ln(vec![x.clone()]);
        }
        if x.is_one() {
            return number::int(0);
        }
        if x == b {
            return number::int(1);
        }
        if let (Some(xv), Some(bv)) = (number::value(x), number::int_value(b)) {
            let bits = self.limits.max_int_bits;
            if xv.is_positive() {
                if xv.denom().is_one() {
                    if let Some(k) = int_log(xv.numer(), bv, bits) {
                        return number::int(k);
                    }
                } else if xv.numer().is_one() {
                    if let Some(k) = int_log(xv.denom(), bv, bits) {
                        return Expr::int(-BigInt::from(k), Span::EMPTY);
                    }
                }
            }
        }
        func(Func::Log, args)
    }

    /// `ln 1 = 0`, `ln e = 1`, `ln e^r = r` for rational `r`.
    fn fold_ln(&self, args: Vec<Expr>) -> Expr {
        let x = &args[0];
        if x.is_one() {
            return number::int(0);
        }
        if is_const(x, Constant::E) {
            return number::int(1);
        }
        if let ExprKind::Pow { base, exp } = &x.kind {
            if is_const(base, Constant::E) && number::is_number(exp) {
                return (**exp).clone();
            }
        }
        func(Func::Ln, args)
    }

    /// min / max: the rational arguments fold to one, the rest are sorted.
    fn fold_min_max(&self, f: Func, args: Vec<Expr>) -> Expr {
        let mut best: Option<BigRational> = None;
        let mut rest = Vec::new();
        for a in args {
            match number::value(&a) {
                Some(v) => {
                    best = Some(match best {
                        None => v,
                        Some(b) if (f == Func::Min) == (v < b) => v,
                        Some(b) => b,
                    })
                }
                None => rest.push(a),
            }
        }
        if let Some(b) = best {
            rest.push(num(b));
        }
        let mut rest = sorted_unique(rest);
        if rest.len() == 1 {
            return rest.pop().expect("one");
        }
        func(f, rest)
    }
}

fn sorted_unique(mut v: Vec<Expr>) -> Vec<Expr> {
    v.sort();
    v.dedup();
    v
}
