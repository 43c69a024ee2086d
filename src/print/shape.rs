//! Decisions both printers share: how a product splits into a fraction,
//! how a decimal is written, which names are Greek letters.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

use crate::ast::{Expr, ExprKind, Symbol};
use crate::span::Span;

/// A product seen as `±(num)/(den)`.
pub(crate) struct Frac {
    pub neg: bool,
    pub num: Vec<Expr>,
    pub den: Vec<Expr>,
}

fn negative_number(e: &Expr) -> Option<BigRational> {
    match &e.kind {
        ExprKind::Integer { value } if value.is_negative() => Some(BigRational::from_integer(value.clone())),
        ExprKind::Rational { value } if value.is_negative() => Some(value.clone()),
        _ => None,
    }
}

/// `Pow(b, e)` with a negative numeric exponent, as the positive power for
/// a denominator: `x^{-2}` → `x^{2}`, `x^{-1}` → `x`.
fn denominator_power(f: &Expr) -> Option<Expr> {
    let ExprKind::Pow { base, exp } = &f.kind else { return None };
    let v = negative_number(exp)?;
    let pos = -v;
    Some(if pos.is_one() {
        (**base).clone()
    } else {
        Expr::pow((**base).clone(), Expr::rational(pos, Span::EMPTY), Span::EMPTY)
    })
}

/// The fraction view of a product or power, when it has a denominator: a
/// rational coefficient's denominator or factors with negative numeric
/// exponents. `\frac{1}{2} x` → `x/2`, `x y^{-1}` → `x/y`, `x^{-1}` → `1/x`.
pub(crate) fn frac_view(e: &Expr) -> Option<Frac> {
    let factors: &[Expr] = match &e.kind {
        ExprKind::Mul { factors } => factors,
        ExprKind::Pow { .. } => std::slice::from_ref(e),
        _ => return None,
    };
    let mut out = Frac { neg: false, num: Vec::new(), den: Vec::new() };
    for (i, f) in factors.iter().enumerate() {
        if i == 0 {
            let v = match &f.kind {
                ExprKind::Integer { value } => Some(BigRational::from_integer(value.clone())),
                ExprKind::Rational { value } => Some(value.clone()),
                _ => None,
            };
            if let Some(v) = v {
                out.neg = v.is_negative();
                let v = v.abs();
                if !v.numer().is_one() {
                    out.num.push(Expr::int(v.numer().clone(), Span::EMPTY));
                }
                if !v.denom().is_one() {
                    out.den.push(Expr::int(v.denom().clone(), Span::EMPTY));
                }
                continue;
            }
        }
        match denominator_power(f) {
            Some(d) => out.den.push(d),
            None => out.num.push(f.clone()),
        }
    }
    if out.den.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// A product as sign and factors: a leading negative number becomes the
/// sign (`-1` disappears: `-x`, `-2 x`).
pub(crate) fn signed_factors(factors: &[Expr]) -> (bool, Vec<Expr>) {
    let mut fs = factors.to_vec();
    let mut neg = false;
    if let Some(v) = fs.first().and_then(negative_number) {
        neg = true;
        let pos = -v;
        if pos.is_one() && fs.len() > 1 {
            fs.remove(0);
        } else {
            fs[0] = Expr::rational(pos, Span::EMPTY);
        }
    }
    (neg, fs)
}

/// A decimal as written, in positional notation: `1.5e-3` → `0.0015`.
/// Trailing zeros of the written form are kept (`33.30`), since they carry
/// precision.
pub(crate) fn decimal_text(value: &BigRational, text: &str) -> String {
    positional(text).unwrap_or_else(|| exact_decimal(value))
}

fn positional(text: &str) -> Option<String> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (mant, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i64>().ok()?),
        None => (t, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part.bytes().chain(frac_part.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    if exp.unsigned_abs() > 10_000 {
        return None;
    }
    let digits: String = format!("{int_part}{frac_part}");
    // Position of the point within `digits`.
    let point = int_part.len() as i64 + exp;
    let (ip, fp) = if point <= 0 {
        ("0".to_string(), format!("{}{}", "0".repeat((-point) as usize), digits))
    } else if point as usize >= digits.len() {
        (format!("{}{}", digits, "0".repeat(point as usize - digits.len())), String::new())
    } else {
        (digits[..point as usize].to_string(), digits[point as usize..].to_string())
    };
    let ip = ip.trim_start_matches('0');
    let ip = if ip.is_empty() { "0" } else { ip };
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    s.push_str(ip);
    if !fp.is_empty() && (exp == 0 || !fp.bytes().all(|b| b == b'0')) {
        // With an exponent, zeros created by the shift are not precision.
        let fp = if exp == 0 { fp.as_str() } else { fp.trim_end_matches('0') };
        if !fp.is_empty() {
            s.push('.');
            s.push_str(fp);
        }
    }
    Some(s)
}

/// The exact decimal expansion of a rational with a terminating one (the
/// value of any decimal), else `p/q`.
fn exact_decimal(v: &BigRational) -> String {
    let ten = BigInt::from(10);
    let mut d = v.denom().clone();
    let mut k = 0usize;
    while !d.is_one() && k < 4096 {
        if d.is_even() || (&d % 5u32).is_zero() {
            let g = d.gcd(&ten);
            d /= g;
            k += 1;
        } else {
            return format!("{}/{}", v.numer(), v.denom());
        }
    }
    if !d.is_one() {
        return format!("{}/{}", v.numer(), v.denom());
    }
    let scaled = (v * BigRational::from_integer(ten.pow(k as u32))).to_integer();
    let neg = scaled.is_negative();
    let digits = scaled.abs().to_string();
    let digits = format!("{}{}", "0".repeat((k + 1).saturating_sub(digits.len())), digits);
    let (ip, fp) = digits.split_at(digits.len() - k);
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    s.push_str(ip);
    if !fp.is_empty() {
        s.push('.');
        s.push_str(fp);
    }
    s
}

/// Greek letter names written `\name` in LaTeX and `name` in plain text.
pub(crate) const GREEK: &[&str] = &[
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "vartheta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "omicron",
    "pi",
    "varpi",
    "rho",
    "varrho",
    "sigma",
    "varsigma",
    "tau",
    "upsilon",
    "phi",
    "varphi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Xi",
    "Pi",
    "Sigma",
    "Upsilon",
    "Phi",
    "Psi",
    "Omega",
    // Letter-like symbols the LaTeX parser reads as variables, with the
    // Greek letters: they print as `\ell`, not `\mathrm{ell}` (which reads
    // back as the text "ell").
    "ell",
    "hbar",
    "aleph",
    "nabla",
    "partial",
];

pub(crate) fn is_greek(name: &str) -> bool {
    GREEK.contains(&name)
}

/// A variable whose name, written as it is, the parsers read as a
/// constant: `i` and `e` bare (a subscript, accent or prime makes them
/// variables: `i_{1}`, `\hat{e}`), and `pi` with or without decorations
/// (`\pi` is the constant, and takes no subscript). The printers write such
/// a variable as a name (`\operatorname{i}`, `Symbol('\operatorname{i}')`),
/// except where a binder reads the letter as its variable (see
/// [`binds_constant_letter`]).
pub(crate) fn names_a_constant(sym: &Symbol) -> bool {
    match sym.name.as_str() {
        "pi" => true,
        "i" | "e" => sym.sub.is_none() && sym.accent.is_none() && sym.primes == 0,
        _ => false,
    }
}

/// An index the parsers rebind in the body of `\sum_{i=1}^{n}`,
/// `Sum(…, (e, 1, n))`: the letter `i` (`e`) there is the index (see
/// `rebind_constant_letter`), so the printers write the index as the bare
/// letter in the body, not as the name `\operatorname{i}`.
pub(crate) fn binds_constant_letter(var: &Symbol) -> bool {
    var.sub.is_none() && var.accent.is_none() && var.primes == 0 && matches!(var.name.as_str(), "i" | "e")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    #[test]
    fn decimals_print_positionally() {
        assert_eq!(decimal_text(&r(3, 2000), "1.5e-3"), "0.0015");
        assert_eq!(decimal_text(&r(333, 10), "33.30"), "33.30");
        assert_eq!(decimal_text(&r(1, 2), ".5"), "0.5");
        assert_eq!(decimal_text(&r(1500, 1), "1.5e3"), "1500");
        assert_eq!(decimal_text(&r(-1, 4), "-0.25"), "-0.25");
        assert_eq!(decimal_text(&r(1, 4), "garbage"), "0.25");
        assert_eq!(decimal_text(&r(-5, 4), ""), "-1.25");
    }
}
