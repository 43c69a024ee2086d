//! Trees to LaTeX, in exactly the notation of grammars/README.md, with
//! the fewest parentheses the precedence levels of [`Prec`] allow.

use num_rational::BigRational;
use num_traits::{One, Signed};

use super::prec::{Piece, Prec};
use super::shape::{decimal_text, frac_view, is_greek, binds_constant_letter, names_a_constant, signed_factors, Frac};
use crate::ast::{Expr, ExprKind, Func as F, LimitDir, MatrixKind, RelOp, Symbol as Sym};

pub fn to_latex(e: &Expr) -> String {
    expr(e).s
}

fn paren(s: &str) -> String {
    format!("\\left({s}\\right)")
}

/// The piece as a string, parenthesized unless it binds at least `min`
/// (and, with `no_minus`, does not start with a minus).
fn wrap(p: Piece, min: Prec, no_minus: bool) -> String {
    if p.fits(min, no_minus) {
        p.s
    } else {
        paren(&p.s)
    }
}

fn sub(e: &Expr, min: Prec, no_minus: bool) -> String {
    wrap(expr(e), min, no_minus)
}

/// A value inside delimiters that take one (`\sqrt[…]`, `\left|…\right|`,
/// `\lim_{x \to …}`, a bound of `\sum`): a list in parentheses, the tuple
/// it is as an operand, or its commas would read as more than one value.
fn arg(e: &Expr) -> String {
    sub(e, Prec::Rel, false)
}

/// Items separated by commas. After a comma the parser skips a `\text{…}`
/// as a connector (`x = 1, \text{or } x = 2`), so an item that starts with
/// text is braced: `{\text{a}}` is a group, never a connector.
fn join(es: &[Expr]) -> String {
    es.iter()
        .enumerate()
        .map(|(i, e)| {
            let s = sub(e, Prec::Rel, false);
            if i > 0 && starts_with_text(&s) {
                format!("{{{s}}}")
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Printed LaTeX starting with a text command (the printer writes text as
/// `\text{…}` only).
fn starts_with_text(s: &str) -> bool {
    s.starts_with("\\text{")
}

pub(crate) fn symbol(sym: &Sym) -> String {
    symbol_with(sym)
}

/// `sym` with its name written as `\operatorname{…}`, keeping its accent,
/// subscript and primes.
fn operator_name(sym: &Sym) -> String {
    decorated(format!("\\operatorname{{{}}}", sym.name), sym)
}

/// `base`, the written name of `sym`, with its accent, subscript and
/// primes.
fn decorated(mut s: String, sym: &Sym) -> String {
    if let Some(a) = &sym.accent {
        s = format!("\\{a}{{{s}}}");
    }
    if let Some(sub) = &sym.sub {
        s = format!("{s}_{{{sub}}}");
    }
    for _ in 0..sym.primes {
        s.push('\'');
    }
    s
}

/// A variable as a node of the tree (not the variable a binder names):
/// one whose letters read as a constant (`i`, `e`, `pi`, see
/// [`names_a_constant`]) is the name `\operatorname{i}`, which the parser
/// reads as the variable.
pub(crate) fn variable(sym: &Sym) -> String {
    if !names_a_constant(sym) {
        return symbol_with(sym);
    }
    operator_name(sym)
}

/// A symbol; a multi-letter name is `\operatorname{name}` so it does not
/// read as a product of letters. (`\mathrm{name}` would not do: the parser
/// reads a word in `\mathrm` as text, since that is what `\mathrm{cm}` or
/// `\mathrm{AB}` usually are in answers.) A name of digits (`1011` of
/// `1011_{2}`) is written as it is: it reads back as a number with a
/// subscript, which is that name.
fn symbol_with(sym: &Sym) -> String {
    let name = sym.name.as_str();
    let word = name.chars().count() > 1
        && name.chars().all(char::is_alphanumeric)
        && !name.chars().all(|c| c.is_ascii_digit());
    let s = if is_greek(name) {
        format!("\\{name}")
    } else if let Some(digits) = crate::ast::from_double_struck_digits(name) {
        // `\mathbb{1}`, the symbol `𝟙`.
        format!("\\mathbb{{{digits}}}")
    } else if word {
        format!("\\operatorname{{{name}}}")
    } else {
        name.to_string()
    };
    decorated(s, sym)
}

/// Letters that apply to a following parenthesis (grammars/README.md,
/// "Function letters"); any other single letter there is a product.
pub(crate) const FUNCTION_LETTERS: &[&str] = &["f", "g", "h", "F", "G", "H", "p", "q", "P", "Q"];

/// The name of an unknown function: `f`, `g'`, or `\operatorname{name}`
/// when the bare name followed by a parenthesis would read as a product.
///
/// A subscripted name is always `\operatorname{f}_{1}`: the parser reads
/// `f_{1}(x)` as a product (the subscript comes after the letter decided
/// it is a factor) but a subscript and primes between `\operatorname{…}`
/// and a parenthesis as part of the function's name.
fn apply_name(sym: &Sym) -> String {
    // A Greek name applies only as `\operatorname{mu}'(x)`: the parser
    // reads `\mu'(x)` as a product.
    if sym.sub.is_none() && !is_greek(&sym.name) && (sym.primes > 0 || FUNCTION_LETTERS.contains(&sym.name.as_str())) {
        return symbol_with(sym);
    }
    operator_name(sym)
}

fn rational(v: &BigRational) -> Piece {
    let frac = format!("\\frac{{{}}}{{{}}}", v.numer().abs(), v.denom());
    if v.is_negative() {
        Piece::new(format!("-{frac}"), Prec::Neg)
    } else {
        Piece::new(frac, Prec::Closed)
    }
}

fn expr(e: &Expr) -> Piece {
    use ExprKind::*;
    match &e.kind {
        Integer { value } => Piece::new(value.to_string(), if value.is_negative() { Prec::Neg } else { Prec::Atom }),
        Rational { value } => rational(value),
        Decimal { value, text } => {
            let s = decimal_text(value, text);
            let prec = if s.starts_with('-') { Prec::Neg } else { Prec::Atom };
            Piece::new(s, prec)
        }
        Symbol { sym } => Piece::new(variable(sym), if sym.primes > 0 { Prec::Closed } else { Prec::Atom }),
        Constant { constant } => Piece::atom(match constant {
            crate::ast::Constant::Pi => "\\pi",
            crate::ast::Constant::E => "e",
            crate::ast::Constant::I => "i",
            crate::ast::Constant::Infinity => "\\infty",
        }),
        Add { terms } => Piece::new(sum(terms), Prec::Sum),
        Mul { factors } => match frac_view(e) {
            Some(f) => fraction(&f),
            None => product(factors),
        },
        Div { num, den } => {
            let den = match &den.kind {
                Mul { factors } if reads_as_derivative(std::slice::from_ref(num), factors) => {
                    not_derivative_den(std::slice::from_ref(num), factors)
                }
                _ => to_latex(den),
            };
            Piece::new(format!("\\frac{{{}}}{{{den}}}", to_latex(num)), Prec::Closed)
        }
        Pow { base, exp } => power(e, base, exp),
        Root { radicand, index } => Piece::atom(match index {
            None => format!("\\sqrt{{{}}}", to_latex(radicand)),
            Some(n) => format!("\\sqrt[{}]{{{}}}", arg(n), to_latex(radicand)),
        }),
        Neg { arg } => Piece::new(format!("-{}", sub(arg, Prec::Product, true)), Prec::Neg),
        PlusMinus { lhs, rhs, minus_plus } => {
            let op = if *minus_plus { "\\mp" } else { "\\pm" };
            let r = expr(rhs);
            match lhs {
                Some(l) => {
                    Piece::new(format!("{} {op} {}", sub(l, Prec::Sum, false), wrap(r, Prec::Product, true)), Prec::Sum)
                }
                // A prefix `\pm` takes the juxtaposed factors after it, as a
                // unary minus does (the parser's `parse_unary`), and stops at
                // a `\cdot`: a product printed with one (`m \cdot 20`) is
                // parenthesized, or its later factors would fall outside the
                // `\pm` (`\pm m \cdot 20` is (±m)·20, which in a
                // denominator is another canonical form than ±(20m)).
                None if r.prec == Prec::Product && r.s.contains("\\cdot") => {
                    Piece::new(format!("{op} {}", paren(&r.s)), Prec::Sum)
                }
                None => Piece::new(format!("{op} {}", wrap(r, Prec::Product, true)), Prec::Sum),
            }
        }
        Func { func, args } => function(*func, args),
        Apply { name, args } => Piece::new(format!("{}{}", apply_name(name), paren(&join(args))), Prec::Closed),
        BigOp { op, body, var, lower, upper } => {
            let cmd = match op {
                crate::ast::BigOp::Sum => "\\sum",
                crate::ast::BigOp::Product => "\\prod",
            };
            let mut s = cmd.to_string();
            match (var, lower) {
                // A relation as the bound is parenthesized: `r = 0 = k`
                // would read as one chain (the reader takes `r=\left(…\right)`).
                (Some(v), Some(l)) if matches!(l.kind, Relation { .. }) => {
                    s += &format!("_{{{}=\\left({}\\right)}}", symbol(v), to_latex(l))
                }
                (Some(v), Some(l)) => s += &format!("_{{{}={}}}", symbol(v), arg(l)),
                (Some(v), None) => s += &format!("_{{{}}}", symbol(v)),
                (None, Some(l)) => s += &format!("_{{{}}}", to_latex(l)),
                (None, None) => {}
            }
            if let Some(u) = upper {
                s += &format!("^{{{}}}", arg(u));
            }
            Piece::new(format!("{s} {}", operand_body(&bound_body(body, var.as_ref()))), Prec::Sum)
        }
        Integral { body, var, lower, upper } => {
            let mut s = "\\int".to_string();
            if let Some(l) = lower {
                s += &format!("_{{{}}}", to_latex(l));
            }
            if let Some(u) = upper {
                s += &format!("^{{{}}}", to_latex(u));
            }
            let b = sub(body, Prec::Product, false);
            // A body ending in the letter `d` would run into the
            // differential: `d \, dx` reads as `d` of `d` times `x`.
            let b = if b.strip_suffix('d').is_some_and(|r| r.is_empty() || r.ends_with(' ')) { paren(&b) } else { b };
            s += &format!(" {b}");
            if let Some(v) = var {
                s += &format!(" \\, d{}", symbol(v));
            }
            // With no differential to end it, the body would run on over
            // the terms after it (`\int (s - 8) + i`): in a sum it is
            // parenthesized.
            Piece::new(s, if var.is_some() { Prec::Sum } else { Prec::Set })
        }
        Limit { body, var, to, dir } => {
            let to = match dir {
                None => arg(to),
                Some(d) => {
                    let sign = if *d == LimitDir::Plus { "+" } else { "-" };
                    format!("{}^{{{sign}}}", sub(to, Prec::Postfix, false))
                }
            };
            Piece::new(format!("\\lim_{{{} \\to {to}}} {}", symbol(var), operand_body(body)), Prec::Sum)
        }
        Derivative { body, var, order } => {
            let v = symbol(var);
            let op = if *order == 1 {
                format!("\\frac{{d}}{{d{v}}}")
            } else {
                format!("\\frac{{d^{{{order}}}}}{{d{v}^{{{order}}}}}")
            };
            Piece::new(format!("{op} {}", operand_body(body)), Prec::Sum)
        }
        Relation { ops, operands } => {
            let mut s = String::new();
            for (i, x) in operands.iter().enumerate() {
                if i > 0 {
                    let op = ops.get(i - 1).copied().unwrap_or(RelOp::Eq);
                    s += &format!(" {} ", rel_op(op));
                }
                s += &sub(x, Prec::Set, false);
            }
            Piece::new(s, Prec::Rel)
        }
        // The parser reads `\%` after a bare letter as no percentage
        // (`a\%`), so a letter is parenthesized.
        Percent { value } => {
            let v = if matches!(value.kind, Symbol { .. }) { paren(&to_latex(value)) } else { sub(value, Prec::Closed, false) };
            Piece::new(format!("{v}\\%"), Prec::Postfix)
        }
        Quantity { value, unit } => {
            if unit == "deg" {
                Piece::new(format!("{}^{{\\circ}}", sub(value, Prec::Postfix, false)), Prec::Power)
            } else {
                // The unit goes on the last power-level operand before it
                // (`5 x \text{ m}` is 5·(x m)), and a leading minus stays
                // outside (`-x \text{ m}` is -(x m)): a negated value is
                // bracketed, or `-5 x` would lose its product, and `-0`
                // (`"-0" m` in plain text), whose sign the canonical form
                // drops, would keep it as the negation of 0 m.
                let v = match &value.kind {
                    Neg { .. } => paren(&to_latex(value)),
                    _ => sub(value, Prec::Neg, false),
                };
                Piece::new(format!("{v} {}", unit_latex(unit)), Prec::Product)
            }
        }
        Set { items } if items.is_empty() => Piece::atom("\\emptyset"),
        Set { items } => Piece::atom(format!("\\left\\{{{}\\right\\}}", join(items))),
        // A one-item tuple in parentheses would read as a parenthesized
        // value; `\langle x\rangle` is always a tuple.
        Tuple { items } if items.len() == 1 => Piece::atom(format!("\\left\\langle {}\\right\\rangle", join(items))),
        Tuple { items } => Piece::atom(paren(&join(items))),
        // No items: brackets, or nothing would be printed at all.
        List { items } if items.is_empty() => Piece::atom("\\left[\\right]".to_string()),
        List { items } => Piece::new(join(items), Prec::List),
        Interval { lo, hi, lo_closed, hi_closed } => {
            let l = if *lo_closed { "[" } else { "(" };
            let r = if *hi_closed { "]" } else { ")" };
            Piece::atom(format!("\\left{l}{}, {}\\right{r}", sub(lo, Prec::Rel, false), sub(hi, Prec::Rel, false)))
        }
        SetOp { op, lhs, rhs } => {
            let cmd = match op {
                crate::ast::SetOp::Union => "\\cup",
                crate::ast::SetOp::Intersection => "\\cap",
                crate::ast::SetOp::Difference => "\\setminus",
            };
            // Left-nested chains of one operation need no parentheses;
            // mixed operations always get them.
            let l = match &lhs.kind {
                SetOp { op: o, .. } if o == op && *op != crate::ast::SetOp::Difference => to_latex(lhs),
                _ => sub(lhs, Prec::Sum, false),
            };
            Piece::new(format!("{l} {cmd} {}", sub(rhs, Prec::Sum, false)), Prec::Set)
        }
        NumberSet { set } => Piece::atom(match set {
            crate::ast::NumberSet::Naturals => "\\mathbb{N}",
            crate::ast::NumberSet::Integers => "\\mathbb{Z}",
            crate::ast::NumberSet::Rationals => "\\mathbb{Q}",
            crate::ast::NumberSet::Reals => "\\mathbb{R}",
            crate::ast::NumberSet::Complexes => "\\mathbb{C}",
        }),
        EmptySet => Piece::atom("\\emptyset"),
        Matrix { kind, rows } => {
            let env = match kind {
                MatrixKind::Plain => "matrix",
                MatrixKind::Paren => "pmatrix",
                MatrixKind::Bracket => "bmatrix",
                MatrixKind::Brace => "Bmatrix",
                MatrixKind::Vert => "vmatrix",
                MatrixKind::DoubleVert => "Vmatrix",
            };
            let body = rows
                .iter()
                .map(|r| r.iter().map(cell).collect::<Vec<_>>().join(" & "))
                .collect::<Vec<_>>()
                .join(" \\\\ ");
            Piece::atom(format!("\\begin{{{env}}}{body}\\end{{{env}}}"))
        }
        Piecewise { pieces } => {
            let body = pieces
                .iter()
                .map(|(v, c)| {
                    let c = match c {
                        Some(c) => sub(c, Prec::List, false),
                        None => "\\text{otherwise}".to_string(),
                    };
                    format!("{} & {c}", cell(v))
                })
                .collect::<Vec<_>>()
                .join(" \\\\ ");
            Piece::atom(format!("\\begin{{cases}}{body}\\end{{cases}}"))
        }
        Text { text } => Piece::atom(format!("\\text{{{}}}", escape_text(text))),
    }
}

/// A cell of a matrix or a value of cases: `&` and `\\` delimit it, so a
/// list in it (`1, 2`) needs no parentheses, which would make it a tuple.
/// An empty list keeps its brackets: without them the cell would be empty.
fn cell(c: &Expr) -> String {
    match &c.kind {
        ExprKind::List { items } if !items.is_empty() => join(items),
        _ => sub(c, Prec::Rel, false),
    }
}

/// The body of `\sum_{i=1}^{n}` as it is printed: the index `i` (`e`, see
/// [`binds_constant_letter`]) as the constant, which prints as the bare
/// letter that the parser reads there as the index (a variable `i`
/// elsewhere prints as `\operatorname{i}`). The parser reads every bare
/// `i` (`e`) of that body as the index, so the constant itself, where
/// canonicalization put it (`\exp(x)` is `e^{x}`, `\sqrt{-1}` is `i`), is
/// written another way the parser does not rebind: `\operatorname{exp}`
/// of its power, `\sqrt{-1}`.
fn bound_body<'a>(body: &'a Expr, var: Option<&Sym>) -> std::borrow::Cow<'a, Expr> {
    use crate::ast::Constant;
    let Some(var) = var.filter(|v| binds_constant_letter(v)) else { return std::borrow::Cow::Borrowed(body) };
    let constant = if var.name == "i" { Constant::I } else { Constant::E };
    let is_constant = |x: &Expr| match &x.kind {
        ExprKind::Constant { constant: c } => *c == constant,
        ExprKind::Func { func: F::Exp, .. } => constant == Constant::E,
        _ => false,
    };
    if !crate::ast::any_node(body, |x| matches!(&x.kind, ExprKind::Symbol { sym } if sym == var) || is_constant(x)) {
        return std::borrow::Cow::Borrowed(body);
    }
    std::borrow::Cow::Owned(index_as_letter(body.clone(), var, constant))
}

/// [`bound_body`]'s rewrite, bottom-up: the index `var` becomes the
/// constant `constant`, which prints as its bare letter, and the constant
/// itself `exp(…)` or `\sqrt{-1}`. A nested binder of the same letter
/// has its own body (its index is another variable of the same name, the
/// reader's rebinding of that body already done): only its bounds are
/// in this one's scope.
fn index_as_letter(x: Expr, var: &Sym, constant: crate::ast::Constant) -> Expr {
    use crate::ast::Constant;
    let Expr { kind, span } = x;
    let kind = match kind {
        ExprKind::BigOp { op, body, var: Some(v), lower, upper } if &v == var => ExprKind::BigOp {
            op,
            body,
            var: Some(v),
            lower: lower.map(|l| Box::new(index_as_letter(*l, var, constant))),
            upper: upper.map(|u| Box::new(index_as_letter(*u, var, constant))),
        },
        k => crate::ast::map_children(k, &mut |c| index_as_letter(c, var, constant)),
    };
    let exp = |arg: Expr| ExprKind::Apply { name: Sym::new("exp"), args: vec![arg] };
    let is_exp_one = |x: &Expr| {
        matches!(&x.kind, ExprKind::Apply { name, args } if name.name == "exp" && matches!(args.as_slice(), [a] if matches!(&a.kind, ExprKind::Integer { value } if value.is_one())))
    };
    let kind = match kind {
        ExprKind::Symbol { ref sym } if sym == var => ExprKind::Constant { constant },
        ExprKind::Constant { constant: Constant::E } if constant == Constant::E => {
            exp(Expr::new(ExprKind::Integer { value: 1.into() }, span))
        }
        ExprKind::Pow { base, exp: power } if is_exp_one(&base) => exp(*power),
        ExprKind::Func { func: F::Exp, mut args } if constant == Constant::E && args.len() == 1 => {
            exp(args.pop().expect("one"))
        }
        ExprKind::Constant { constant: Constant::I } if constant == Constant::I => ExprKind::Root {
            radicand: Box::new(Expr::new(ExprKind::Integer { value: (-1).into() }, span)),
            index: None,
        },
        k => k,
    };
    Expr::new(kind, span)
}

/// The body of `\sum`, `\prod`, `\lim`, `\frac{d}{dx}`: it runs over a
/// product of juxtaposed factors but stops at a sum or a `\cdot`, so
/// anything else is parenthesized. The parser wants an operand after the
/// operator, and text is none (`\prod_{k=1}^{n} \text{kdd}` is a
/// `\prod` without a body), so a body starting with text is too.
fn operand_body(body: &Expr) -> String {
    let p = expr(body);
    if p.prec < Prec::Product || (p.prec <= Prec::Neg && p.s.contains("\\cdot")) || starts_with_text(&p.s) {
        paren(&p.s)
    } else {
        p.s
    }
}

/// Terms joined by ` + `, or ` - ` for a term printed with a leading minus
/// (`x - 3`, not `x + -3`): `a + (-t)` and `a - t` are the same value
/// however the parser groups `-t`.
fn sum(terms: &[Expr]) -> String {
    let mut s = String::new();
    for (i, t) in terms.iter().enumerate() {
        let piece = expr(t);
        // `a + (-t)` reads as `a - t` only when the minus applies to the
        // whole term (a product, power...), not to part of `-1 \bmod x`.
        let p = if i > 0 && piece.starts_minus() && piece.prec < Prec::Product {
            paren(&piece.s)
        } else {
            wrap(piece, Prec::Sum, false)
        };
        if i == 0 {
            s = p;
        } else if let Some(rest) = p.strip_prefix('-') {
            s += " - ";
            s += rest;
        } else {
            s += " + ";
            s += &p;
        }
    }
    s
}

/// Factors side by side, with `\cdot` where juxtaposition would misread:
/// before a digit (`2 \cdot 3`), before a fraction after a digit (`2
/// \frac{1}{2}` is a mixed number), before a word command (`2 \mathrm{m}`
/// is a unit),
/// before a parenthesis after a letter (`f \left(x\right)` is a function
/// call).
fn juxtapose(factors: &[Expr]) -> String {
    let mut s = String::new();
    for (i, f) in factors.iter().enumerate() {
        // The first factor only needs to be a product itself (`-5 \text{
        // cm}`, a leading minus covers the whole product); the others must
        // bind tighter and not start with a minus.
        let p = if i == 0 { sub(f, Prec::Product, false) } else { sub(f, Prec::Power, true) };
        if i > 0 {
            let prev_digit = s.ends_with(|c: char| c.is_ascii_digit());
            // After a value, a word command may read as a unit (`2
            // \operatorname{arccot}` as "2 arccot", the parser does this
            // after `\pi` too), so it gets a `\cdot`.
            let word = ["\\operatorname", "\\mathrm", "\\text"].iter().any(|w| p.starts_with(w));
            // `d x` inside an integral reads as the differential, so the
            // symbol `d` is never juxtaposed with a letter.
            let after_d = matches!(&factors[i - 1].kind, ExprKind::Symbol { sym } if is_plain_d(sym));
            let cdot = p.starts_with(|c: char| c.is_ascii_digit() || c == '.')
                || word
                || after_d
                || (prev_digit && p.starts_with("\\frac"))
                || (!prev_digit && p.starts_with("\\left("));
            s += if cdot { " \\cdot " } else { " " };
        }
        s += &p;
    }
    s
}

/// The bare symbol `d`, which the parser may read as a differential.
fn is_plain_d(sym: &Sym) -> bool {
    sym.name == "d" && sym.sub.is_none() && sym.accent.is_none() && sym.primes == 0
}

fn product(factors: &[Expr]) -> Piece {
    let (neg, fs) = signed_factors(factors);
    let body = juxtapose(&fs);
    if neg {
        Piece::new(format!("-{body}"), Prec::Neg)
    } else {
        Piece::new(body, Prec::Product)
    }
}

/// Numerator or denominator of a `\frac`: braces delimit it, so a single
/// factor needs no parentheses.
fn frac_part(fs: &[Expr]) -> String {
    match fs {
        [] => "1".to_string(),
        [f] => to_latex(f),
        _ => juxtapose(fs),
    }
}

/// `\frac{d}{d x}` (also `\frac{d^{2}}{d x^{2}}`) reads as a derivative
/// operator: a quotient of that shape has its denominator's factors
/// written the other way round (`\frac{d}{x d}`).
fn reads_as_derivative(num: &[Expr], den: &[Expr]) -> bool {
    // As the parser tests it: an accent does not matter.
    let is_d = |e: &Expr| matches!(&e.kind, ExprKind::Symbol { sym } if sym.name == "d" && sym.sub.is_none() && sym.primes == 0);
    let d_power = |e: &Expr| is_d(e) || matches!(&e.kind, ExprKind::Pow { base, .. } if is_d(base));
    matches!(num, [n] if d_power(n)) && matches!(den, [first, _] if is_d(first))
}

/// The denominator of a quotient that [`reads_as_derivative`]: its factors
/// the other way round; when both are a `d` (`d/(d d)`, a fuzz finding:
/// `\frac{d}{d \cdot d}` read as a derivative with no operand), that is the
/// same shape, so `d^{2}`, or (`\bar{d} d`, the parser ignores the accent)
/// a leading `1`, which no derivative operator has.
fn not_derivative_den(num: &[Expr], den: &[Expr]) -> String {
    let rev: Vec<Expr> = den.iter().rev().cloned().collect();
    if !reads_as_derivative(num, &rev) {
        juxtapose(&rev)
    } else if den[0] == den[1] {
        format!("{}^{{2}}", to_latex(&den[0]))
    } else {
        format!("1 \\cdot {}", juxtapose(den))
    }
}

fn fraction(f: &Frac) -> Piece {
    let den = if reads_as_derivative(&f.num, &f.den) {
        not_derivative_den(&f.num, &f.den)
    } else {
        frac_part(&f.den)
    };
    let s = format!("\\frac{{{}}}{{{den}}}", frac_part(&f.num));
    if f.neg {
        Piece::new(format!("-{s}"), Prec::Neg)
    } else {
        Piece::new(s, Prec::Closed)
    }
}

fn power(e: &Expr, base: &Expr, exp: &Expr) -> Piece {
    if let Some(f) = frac_view(e) {
        return fraction(&f);
    }
    if let ExprKind::Rational { value } = &exp.kind {
        if value.numer().is_one() {
            let b = to_latex(base);
            return Piece::atom(if value.denom() == &2.into() {
                format!("\\sqrt{{{b}}}")
            } else {
                format!("\\sqrt[{}]{{{b}}}", value.denom())
            });
        }
    }
    // \sin^{2}\left(x\right); only positive integer powers (\sin^{-1} is
    // arcsin).
    if let (ExprKind::Func { func, args }, ExprKind::Integer { value }) = (&base.kind, &exp.kind) {
        if func.is_trig_like() && args.len() == 1 && value.is_positive() {
            return Piece::new(
                format!("{}^{{{value}}}{}", func_command(*func), paren(&to_latex(&args[0]))),
                Prec::Closed,
            );
        }
    }
    Piece::new(format!("{}^{{{}}}", sub(base, Prec::Postfix, false), to_latex(exp)), Prec::Power)
}

/// The command for a function written `\name\left(args\right)`.
fn func_command(f: F) -> String {
    let builtin = [
        F::Sin,
        F::Cos,
        F::Tan,
        F::Cot,
        F::Sec,
        F::Csc,
        F::Sinh,
        F::Cosh,
        F::Tanh,
        F::Coth,
        F::Ln,
        F::Log,
        F::Gcd,
        F::Min,
        F::Max,
        F::Det,
        F::Arg,
    ];
    if builtin.contains(&f) {
        return format!("\\{}", f.name());
    }
    let name = match f {
        F::Asin => return "\\arcsin".into(),
        F::Acos => return "\\arccos".into(),
        F::Atan => return "\\arctan".into(),
        F::Acot => "arccot",
        F::Asec => "arcsec",
        F::Acsc => "arccsc",
        F::Asinh => "arsinh",
        F::Acosh => "arcosh",
        F::Atanh => "artanh",
        F::Acoth => "arcoth",
        F::Asech => "arsech",
        F::Acsch => "arcsch",
        // Capitalized, as the LaTeX parser reads them (`\Re` is a symbol).
        F::Re => "Re",
        F::Im => "Im",
        other => other.name(),
    };
    format!("\\operatorname{{{name}}}")
}

fn call(f: F, args: &[Expr]) -> Piece {
    Piece::new(format!("{}{}", func_command(f), paren(&join(args))), Prec::Closed)
}

fn function(f: F, args: &[Expr]) -> Piece {
    match (f, args) {
        (F::Exp, [x]) => Piece::new(format!("e^{{{}}}", to_latex(x)), Prec::Power),
        (F::Log, [x, b]) => Piece::new(format!("\\log_{{{}}}{}", arg(b), paren(&arg(x))), Prec::Closed),
        (F::Abs, [x]) => Piece::atom(format!("\\left|{}\\right|", arg(x))),
        (F::Floor, [x]) => Piece::atom(format!("\\lfloor {}\\rfloor", arg(x))),
        (F::Ceil, [x]) => Piece::atom(format!("\\lceil {}\\rceil", arg(x))),
        (F::Factorial, [x]) => Piece::new(format!("{}!", sub(x, Prec::Atom, true)), Prec::Postfix),
        (F::Binom, [n, k]) => Piece::atom(format!("\\binom{{{}}}{{{}}}", to_latex(n), to_latex(k))),
        (F::Mod, [a, m]) => {
            Piece::new(format!("{} \\bmod {}", sub(a, Prec::Neg, false), sub(m, Prec::Power, true)), Prec::Sum)
        }
        _ => call(f, args),
    }
}

fn rel_op(op: RelOp) -> &'static str {
    match op {
        RelOp::Eq => "=",
        RelOp::Ne => "\\ne",
        RelOp::Lt => "<",
        RelOp::Le => "\\le",
        RelOp::Gt => ">",
        RelOp::Ge => "\\ge",
        RelOp::Approx => "\\approx",
        RelOp::In => "\\in",
        RelOp::NotIn => "\\notin",
        RelOp::Subset => "\\subset",
        RelOp::SubsetEq => "\\subseteq",
        RelOp::Supset => "\\supset",
        RelOp::SupsetEq => "\\supseteq",
    }
}

/// A unit as the parser reads it after a value: the parser writes a
/// compound unit as `km/h` and a power as `cm^2`, which are read from
/// `\text{ km}/\text{h}` and `\text{ cm}^{2}` (a `^` or `/` inside the text
/// is not). Only a known unit is read after the `/`, so a compound with an
/// unknown part (`mz/operat m`, read from `\text{ mz /operat m}`) is
/// written as that one text, which reads back as it is.
fn unit_latex(unit: &str) -> String {
    let split = unit
        .split('/')
        .enumerate()
        .map(|(i, part)| {
            let (word, power) = match part.split_once('^') {
                Some((w, p)) => (w, Some(p)),
                None => (part, None),
            };
            let space = if i == 0 { " " } else { "" };
            let mut s = format!("\\text{{{space}{}}}", escape_text(word));
            if let Some(p) = power {
                s += &format!("^{{{p}}}");
            }
            s
        })
        .collect::<Vec<_>>()
        .join("/");
    if split_unit_reads_back(unit) {
        return split;
    }
    // One text: the parser takes unit-like text (letters, spaces, `/`,
    // `^`, digits) as it is written.
    let plain_text = |t: &str| escape_text(&t.replace('^', "")) == t.replace('^', "");
    if crate::parse::parser::words::unit_word(unit, true).as_deref() == Some(unit) && plain_text(unit) {
        return format!("\\text{{ {unit}}}");
    }
    split
}

/// Does `unit` printed as `\text{ a}^{2}/\text{b}` read back as `unit`:
/// the first word a unit as it is written, the words after a `/` known
/// units by their canonical names, each power a number?
fn split_unit_reads_back(unit: &str) -> bool {
    unit.split('/').enumerate().all(|(i, part)| {
        let (word, power) = match part.split_once('^') {
            Some((w, p)) => (w, Some(p)),
            None => (part, None),
        };
        let power_ok = power.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let word_ok = if i == 0 {
            crate::parse::parser::words::unit_word(word, true).as_deref() == Some(word) && escape_text(word) == word
        } else {
            crate::normalize::unit(word).is_some_and(|u| u.canonical == word)
        };
        power_ok && word_ok
    })
}

/// Characters that are commands inside `\text{}` are escaped.
fn escape_text(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '\\' => s.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '$' | '&' | '#' | '_' => {
                s.push('\\');
                s.push(c);
            }
            '^' => s.push_str("\\^{}"),
            '~' => s.push_str("\\~{}"),
            c => s.push(c),
        }
    }
    s
}
