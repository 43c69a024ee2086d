//! Numeric evaluation of trees with MPFR / MPC (`rug`), never `f64`.
//!
//! Every value is a `rug::Complex` at the working precision. Evaluation is
//! bounded: each node costs one unit of an explicit budget, integer powers and
//! factorials are evaluated through MPFR (so `10^{10^{10}}` overflows to an
//! infinity instead of being computed), and a value MPFR cannot represent is
//! reported as [`EvalError::Overflow`] so the caller can fall back to
//! comparing magnitudes ([`magnitude`]).

pub mod magnitude;
pub mod points;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::ToPrimitive;
use rug::float::Constant as FConst;
use rug::ops::Pow;
use rug::{Complex, Float};

use crate::ast::{Constant, Expr, ExprKind, Func, Symbol};

/// Working precision in bits.
pub const PREC: u32 = 256;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalError {
    /// A node with no numeric value (sets, relations, text…).
    NotANumber,
    /// A variable with no value in the environment.
    FreeVariable(String),
    /// Division by zero, log of zero, a pole of tan…
    Undefined,
    /// The value does not fit MPFR's exponent range.
    Overflow,
    /// The work budget ran out.
    Budget,
}

/// Values for variables.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub vars: Vec<(Symbol, Complex)>,
}

impl Env {
    pub fn get(&self, s: &Symbol) -> Option<&Complex> {
        self.vars.iter().find(|(k, _)| k == s).map(|(_, v)| v)
    }
}

/// An evaluation with its own budget.
pub struct Evaluator<'e> {
    env: &'e Env,
    budget: u64,
    pub prec: u32,
}

pub type EResult = Result<Complex, EvalError>;

/// Evaluate `e` with the given variables, within `budget` node visits.
pub fn eval(e: &Expr, env: &Env, budget: u64) -> EResult {
    eval_prec(e, env, budget, PREC)
}

/// [`eval`] at `prec` bits instead of [`PREC`].
pub fn eval_prec(e: &Expr, env: &Env, budget: u64, prec: u32) -> EResult {
    let mut ev = Evaluator { env, budget, prec };
    ev.eval(e)
}

pub fn c(prec: u32, re: impl Into<f64>) -> Complex {
    Complex::with_val(prec, (re.into(), 0.0))
}

/// An exact rational as a complex number.
pub fn rational_value(q: &BigRational, prec: u32) -> Complex {
    let n = big_to_float(q.numer(), prec);
    let d = big_to_float(q.denom(), prec);
    Complex::with_val(prec, (n / d, 0))
}

fn big_to_float(n: &BigInt, prec: u32) -> Float {
    // Machine-size integers convert directly (exactly: `prec` >= 64).
    if prec >= 64 {
        if let Some(v) = n.to_i64() {
            return Float::with_val(prec, v);
        }
    }
    let s = n.to_str_radix(16);
    let i = rug::Integer::from_str_radix(&s, 16).unwrap_or_default();
    Float::with_val(prec, i)
}

/// Largest binary exponent, either way, of an argument that must be
/// reduced modulo a period: of `sin`, `cos`, `tan` and their kin, of `exp`
/// and the hyperbolic functions (a complex argument), of an unknown
/// function, and of a non-integer power `b^x` (MPC computes `exp(x ln b)`).
/// MPFR and MPC work with as many bits as the exponent: a huge argument is
/// reduced with them (`\sin(s^{9765625})` at `|s| > 1` ran for minutes), a
/// tiny one has its correctly rounded `cosh` and `sinh` checked with them
/// (the same at `|s| < 1`). Past `2^{PREC}` the value is noise anyway (the
/// argument's own rounding error is larger than the period); the bound is
/// far above that, so exactly written arguments like `\sin(10^{100})` still
/// evaluate, cheaply.
const MAX_REDUCED_EXP: i32 = 4096;

/// `z` as an argument to reduce (see [`MAX_REDUCED_EXP`]): with a part
/// beyond the bound (huge or tiny, not zero), the value is unknown.
fn reducible(z: Complex) -> EResult {
    let out = |f: &Float| f.get_exp().is_some_and(|e| e.unsigned_abs() > MAX_REDUCED_EXP as u32);
    if out(z.real()) || out(z.imag()) {
        return Err(EvalError::Overflow);
    }
    Ok(z)
}

fn finite(z: Complex) -> EResult {
    if z.real().is_nan() || z.imag().is_nan() {
        return Err(EvalError::Undefined);
    }
    if z.real().is_infinite() || z.imag().is_infinite() {
        return Err(EvalError::Overflow);
    }
    Ok(z)
}

/// Is `z` real (imaginary part negligible against the real part)?
pub fn is_real(z: &Complex) -> bool {
    let im = z.imag().clone().abs();
    if im.is_zero() {
        return true;
    }
    let re = z.real().clone().abs();
    let tol = Float::with_val(z.prec().0, Float::i_exp(1, -200));
    im <= re * &tol || im < tol
}

impl<'e> Evaluator<'e> {
    fn tick(&mut self) -> Result<(), EvalError> {
        if self.budget == 0 {
            return Err(EvalError::Budget);
        }
        self.budget -= 1;
        Ok(())
    }

    fn zero(&self) -> Complex {
        Complex::with_val(self.prec, 0)
    }

    pub fn eval(&mut self, e: &Expr) -> EResult {
        self.tick()?;
        let p = self.prec;
        use ExprKind::*;
        match &e.kind {
            Integer { value } => Ok(Complex::with_val(p, (big_to_float(value, p), 0))),
            Rational { value } | Decimal { value, .. } => Ok(rational_value(value, p)),
            Symbol { sym } => match self.env.get(sym) {
                // A value keeps its own precision through rug's arithmetic:
                // at another precision than the points', it takes this one.
                Some(v) if v.prec() == (p, p) => Ok(v.clone()),
                Some(v) => Ok(Complex::with_val(p, v)),
                None => Err(EvalError::FreeVariable(sym.name.clone())),
            },
            Constant { constant } => match constant {
                self::Constant::Pi => Ok(Complex::with_val(p, (Float::with_val(p, FConst::Pi), 0))),
                self::Constant::E => Ok(Complex::with_val(p, (Float::with_val(p, 1).exp(), 0))),
                self::Constant::I => Ok(Complex::with_val(p, (0, 1))),
                self::Constant::Infinity => Err(EvalError::Overflow),
            },
            Add { terms } => {
                let mut acc = self.zero();
                for t in terms {
                    acc += self.eval(t)?;
                }
                finite(acc)
            }
            Mul { factors } => {
                let mut acc = Complex::with_val(p, 1);
                for f in factors {
                    acc *= self.eval(f)?;
                }
                finite(acc)
            }
            Div { num, den } => {
                let n = self.eval(num)?;
                let d = self.eval(den)?;
                if d.is_zero() {
                    return Err(EvalError::Undefined);
                }
                finite(n / d)
            }
            Neg { arg } => Ok(-self.eval(arg)?),
            Pow { base, exp } => {
                let b = self.eval(base)?;
                let x = self.eval(exp)?;
                self.pow(b, x, exp)
            }
            Root { radicand, index } => {
                let r = self.eval(radicand)?;
                match index {
                    None => finite(r.sqrt()),
                    Some(i) => {
                        let n = self.eval(i)?;
                        self.root(r, n)
                    }
                }
            }
            Func { func, args } => self.func(*func, args),
            Apply { name, args } => self.uninterpreted(name, args),
            Percent { value } => Ok(self.eval(value)? / 100u32),
            Quantity { value, .. } => self.eval(value),
            _ => Err(EvalError::NotANumber),
        }
    }

    /// `b^x`. Real negative bases with rational odd-denominator exponents
    /// take the real root (`(-8)^{1/3} = -2`), as answers mean it.
    fn pow(&mut self, b: Complex, x: Complex, exp: &Expr) -> EResult {
        if b.is_zero() {
            if x.real().is_sign_negative() && !x.real().is_zero() {
                return Err(EvalError::Undefined);
            }
            if x.is_zero() {
                return Ok(Complex::with_val(self.prec, 1));
            }
            return Ok(self.zero());
        }
        if is_real(&b) && is_real(&x) && b.real().is_sign_negative() {
            if let Some((num, den)) = small_rational(exp) {
                if den % 2 == 1 {
                    let mag = Float::with_val(self.prec, b.real().clone().abs());
                    let r = Float::with_val(self.prec, Float::with_val(self.prec, num) / den);
                    let v = mag.pow(r);
                    let v = if num.rem_euclid(2) == 1 { -v } else { v };
                    return finite(Complex::with_val(self.prec, (v, 0)));
                }
            }
        }
        // Integer exponents: exact repeated squaring in MPC.
        if let Some(n) = integer_value(&x) {
            return finite(b.pow(rug::Integer::from(n)));
        }
        finite(b.pow(reducible(x)?))
    }

    fn root(&mut self, r: Complex, n: Complex) -> EResult {
        if let Some(k) = integer_value(&n) {
            if k > 0 && k % 2 == 1 && is_real(&r) && r.real().is_sign_negative() {
                let mag = r.real().clone().abs().root(k as u32);
                return finite(Complex::with_val(self.prec, (-mag, 0)));
            }
        }
        if n.is_zero() {
            return Err(EvalError::Undefined);
        }
        let one = Complex::with_val(self.prec, 1);
        finite(r.pow(one / n))
    }

    /// An unknown function `f(x)`: a fixed smooth function chosen from its
    /// name, so `f(x) + f(y)` = `f(y) + f(x)` but `f(x)` ≠ `f(y)` and
    /// `f(x)` ≠ `g(x)` at random points.
    fn uninterpreted(&mut self, name: &Symbol, args: &[Expr]) -> EResult {
        let key = format!("{}|{:?}|{:?}|{}", name.name, name.sub, name.accent, name.primes);
        let mut rng = points::Rng::new(points::seed_of(&[&key]));
        let p = self.prec;
        let mut h = Complex::with_val(p, rng.uniform(-0.5, 0.5));
        for a in args {
            let v = self.eval(a)?;
            h += v * Complex::with_val(p, rng.uniform(0.3, 1.3));
        }
        let h = reducible(h)?;
        let (a1, b1, a2, b2) = (rng.uniform(0.5, 1.5), rng.uniform(0.2, 0.9), rng.uniform(0.5, 1.5), rng.uniform(0.5, 2.0));
        let t1 = Complex::with_val(p, &h * b1).exp() * a1;
        let t2 = Complex::with_val(p, &h * b2).sin() * a2;
        finite(t1 + t2)
    }

    fn real_arg(&mut self, e: &Expr) -> Result<Float, EvalError> {
        let z = self.eval(e)?;
        if !is_real(&z) {
            return Err(EvalError::NotANumber);
        }
        Ok(z.real().clone())
    }

    fn func(&mut self, f: Func, args: &[Expr]) -> EResult {
        let p = self.prec;
        let one = |s: &mut Self| -> EResult {
            match args {
                [a] => s.eval(a),
                _ => Err(EvalError::NotANumber),
            }
        };
        // The one argument of a periodic function (see `MAX_REDUCED_EXP`).
        let periodic = |s: &mut Self| -> EResult { reducible(one(s)?) };
        let inv = |z: Complex| -> EResult {
            if z.is_zero() {
                Err(EvalError::Undefined)
            } else {
                Ok(Complex::with_val(z.prec(), 1) / z)
            }
        };
        use Func::*;
        let v = match f {
            Sin => periodic(self)?.sin(),
            Cos => periodic(self)?.cos(),
            Tan => {
                let z = periodic(self)?;
                // One MPC call for both (each correctly rounded, so the
                // same values as `sin` and `cos` apart).
                let cos = Complex::new(z.prec());
                let (s, c) = z.sin_cos(cos);
                if c.is_zero() {
                    return Err(EvalError::Undefined);
                }
                s / c
            }
            Cot => inv(periodic(self)?.tan())?,
            Sec => inv(periodic(self)?.cos())?,
            Csc => inv(periodic(self)?.sin())?,
            Asin => one(self)?.asin(),
            Acos => one(self)?.acos(),
            Atan => one(self)?.atan(),
            Acot => inv(one(self)?)?.atan(),
            Asec => inv(one(self)?)?.acos(),
            Acsc => inv(one(self)?)?.asin(),
            Sinh => periodic(self)?.sinh(),
            Cosh => periodic(self)?.cosh(),
            Tanh => periodic(self)?.tanh(),
            Coth => inv(periodic(self)?.tanh())?,
            Sech => inv(periodic(self)?.cosh())?,
            Csch => inv(periodic(self)?.sinh())?,
            Asinh => one(self)?.asinh(),
            Acosh => one(self)?.acosh(),
            Atanh => one(self)?.atanh(),
            Acoth => inv(one(self)?)?.atanh(),
            Asech => inv(one(self)?)?.acosh(),
            Acsch => inv(one(self)?)?.asinh(),
            Ln => {
                let z = one(self)?;
                if z.is_zero() {
                    return Err(EvalError::Undefined);
                }
                z.ln()
            }
            Log => {
                let (x, b) = match args {
                    [x] => (self.eval(x)?, Complex::with_val(p, 10)),
                    [x, b] => (self.eval(x)?, self.eval(b)?),
                    _ => return Err(EvalError::NotANumber),
                };
                if x.is_zero() || b.is_zero() {
                    return Err(EvalError::Undefined);
                }
                let lb = b.ln();
                if lb.is_zero() {
                    return Err(EvalError::Undefined);
                }
                x.ln() / lb
            }
            Exp => periodic(self)?.exp(),
            Abs => {
                let z = one(self)?;
                z.abs()
            }
            Floor | Ceil => {
                let z = one(self)?;
                if !is_real(&z) {
                    return Err(EvalError::NotANumber);
                }
                let r = z.real().clone();
                Complex::with_val(p, (if f == Floor { r.floor() } else { r.ceil() }, 0))
            }
            Sign => {
                let z = one(self)?;
                if z.is_zero() {
                    z
                } else {
                    let a = z.clone().abs();
                    z / a
                }
            }
            Re => Complex::with_val(p, (one(self)?.real().clone(), 0)),
            Im => Complex::with_val(p, (one(self)?.imag().clone(), 0)),
            Arg => one(self)?.arg(),
            Conj => one(self)?.conj(),
            Factorial => {
                let x = match args {
                    [a] => self.real_arg(a)?,
                    _ => return Err(EvalError::NotANumber),
                };
                if x.is_integer() && x.is_sign_negative() && !x.is_zero() {
                    return Err(EvalError::Undefined);
                }
                Complex::with_val(p, ((x + 1u32).gamma(), 0))
            }
            Binom => {
                let (n, k) = match args {
                    [n, k] => (self.real_arg(n)?, self.real_arg(k)?),
                    _ => return Err(EvalError::NotANumber),
                };
                binomial(n, k, p)?
            }
            Min | Max => {
                let mut best: Option<Float> = None;
                for a in args {
                    let x = self.real_arg(a)?;
                    best = Some(match best {
                        None => x,
                        Some(b) if (f == Min && x < b) || (f == Max && x > b) => x,
                        Some(b) => b,
                    });
                }
                Complex::with_val(p, (best.ok_or(EvalError::NotANumber)?, 0))
            }
            Mod => {
                let (a, m) = match args {
                    [a, m] => (self.real_arg(a)?, self.real_arg(m)?),
                    _ => return Err(EvalError::NotANumber),
                };
                if m.is_zero() {
                    return Err(EvalError::Undefined);
                }
                // Result takes the sign of the modulus, as SymPy's Mod.
                let q = Float::with_val(p, &a / &m).floor();
                Complex::with_val(p, (a - q * m, 0))
            }
            Gcd | Lcm | Det => return Err(EvalError::NotANumber),
        };
        finite(v)
    }
}

/// C(n, k) for real n, k via Gamma; exact-enough at 256 bits for the sizes
/// the budget allows.
fn binomial(n: Float, k: Float, p: u32) -> EResult {
    if k.is_integer() && n.is_integer() {
        if k.is_sign_negative() && !k.is_zero() || k > n && !n.is_sign_negative() {
            return Ok(Complex::with_val(p, 0));
        }
    }
    let a = Float::with_val(p, &n + 1u32).gamma();
    let b = Float::with_val(p, &k + 1u32).gamma();
    let c = Float::with_val(p, Float::with_val(p, &n - &k) + 1u32).gamma();
    finite(Complex::with_val(p, (a / (b * c), 0)))
}

/// The value of a complex number that is a (moderate) integer.
fn integer_value(z: &Complex) -> Option<i64> {
    let r = z.real();
    if !z.imag().is_zero() || !r.is_integer() {
        return None;
    }
    // Past 2^63 it is no i64, and converting first would build the whole
    // integer: `5^{35^5}` evaluates to a float of about 10^{10^7} whose
    // digits took 0.4 s to write out (fuzz finding, `verify_pair`).
    if r.get_exp().is_some_and(|e| e > 63) {
        return None;
    }
    r.to_integer()?.to_i64()
}

/// The exponent written as a small rational `p/q` (`1/3`, `-2/3`, `\frac13`).
fn small_rational(e: &Expr) -> Option<(i64, i64)> {
    match &e.kind {
        ExprKind::Integer { value } => Some((value.to_i64()?, 1)),
        ExprKind::Rational { value } | ExprKind::Decimal { value, .. } => {
            Some((value.numer().to_i64()?, value.denom().to_i64()?))
        }
        ExprKind::Neg { arg } => small_rational(arg).map(|(n, d)| (-n, d)),
        ExprKind::Div { num, den } => {
            let (a, b) = small_rational(num)?;
            let (c, d) = small_rational(den)?;
            let (n, q) = (a.checked_mul(d)?, b.checked_mul(c)?);
            if q == 0 {
                return None;
            }
            let g = num_integer::gcd(n, q);
            let (n, q) = (n / g, q / g);
            Some(if q < 0 { (-n, -q) } else { (n, q) })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use rug::{Complex, Float};

    use super::integer_value;

    #[test]
    fn integer_values_are_read_up_to_the_i64_range_only() {
        let c = |f: Float| Complex::with_val(64, (f, 0));
        assert_eq!(integer_value(&c(Float::with_val(64, -42))), Some(-42));
        assert_eq!(integer_value(&c(Float::with_val(64, 0))), Some(0));
        assert_eq!(integer_value(&c(Float::with_val(64, 2.5))), None);
        assert_eq!(integer_value(&Complex::with_val(64, (3, 1))), None);
        // 2^62 is an i64; 2^64 is not, and neither is a float far past it,
        // which is refused before any digits are made.
        assert_eq!(integer_value(&c(Float::with_val(64, Float::i_exp(1, 62)))), Some(1 << 62));
        assert_eq!(integer_value(&c(Float::with_val(64, Float::i_exp(1, 64)))), None);
        assert_eq!(integer_value(&c(Float::with_val(64, Float::i_exp(1, 1 << 30)))), None);
    }
}
