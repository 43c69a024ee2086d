//! Trees to plain / SymPy-style text, in exactly the notation of
//! grammars/README.md: `x^2 + 2*x + 1`, `2*sqrt(2)`, `(x + 1)/7`.

use num_rational::BigRational;
use num_traits::{One, Signed};

use super::latex;
use super::prec::{Piece, Prec};
use super::shape::{decimal_text, frac_view, is_greek, binds_constant_letter, names_a_constant, signed_factors, Frac};
use crate::ast::{Expr, ExprKind, Func as F, LimitDir, RelOp, Symbol as Sym};

pub fn to_plain(e: &Expr) -> String {
    expr(e, Cx::default()).s
}

/// What the printer knows of where it is: inside the body of `Sum(…, (i,
/// 1, n))` the index `i` (`e`) is written as the bare letter, which the
/// parser reads there as the index (see `rebind_constant_letter`); elsewhere
/// a variable `i` is `Symbol('\operatorname{i}')`. The parser reads the
/// constant there (`I`, `E`) as the index too, so inside such a body the
/// constant is written `sqrt(-1)` (`exp(1)`), which it does not rebind.
/// A body nested in another keeps the outer binder's letter: the parser
/// rebinds the whole outer body.
#[derive(Clone, Copy, Default)]
struct Cx {
    /// Inside a body bound by the letter `e`.
    bound_e: bool,
    /// Inside a body bound by the letter `i`.
    bound_i: bool,
}

impl Cx {
    /// Is `sym` a binder's letter, written bare?
    fn is_bound(self, sym: &Sym) -> bool {
        binds_constant_letter(sym) && if sym.name == "e" { self.bound_e } else { self.bound_i }
    }

    /// The context of the body of a binder over `var`.
    fn binding(self, var: Option<&Sym>) -> Cx {
        match var.filter(|v| binds_constant_letter(v)) {
            Some(v) if v.name == "e" => Cx { bound_e: true, ..self },
            Some(_) => Cx { bound_i: true, ..self },
            None => self,
        }
    }
}

fn print(e: &Expr, cx: Cx) -> String {
    expr(e, cx).s
}

fn wrap(p: Piece, min: Prec, no_minus: bool) -> String {
    if p.fits(min, no_minus) {
        p.s
    } else if p.prec == Prec::List {
        // A list keeps its brackets wherever it is delimited (a factor, a
        // numerator, a function's argument): parentheses would make it a
        // tuple.
        format!("[{}]", p.s)
    } else {
        format!("({})", p.s)
    }
}

fn sub(e: &Expr, min: Prec, no_minus: bool, cx: Cx) -> String {
    wrap(expr(e, cx), min, no_minus)
}

fn join(es: &[Expr], cx: Cx) -> String {
    es.iter().map(|e| arg(e, cx)).collect::<Vec<_>>().join(", ")
}

/// One argument of a call (`sqrt(…)`, `Integral(…, x)`, `Interval(…, …)`):
/// a list keeps its brackets, or its commas would read as more arguments
/// (`sqrt(1, 0)`).
fn arg(e: &Expr, cx: Cx) -> String {
    sub(e, Prec::Rel, false, cx)
}

/// `x`, `x_1`, `alpha`; anything else (accents, primes, multi-letter
/// names, compound subscripts) as `Symbol('<latex>')`.
fn symbol(sym: &Sym) -> String {
    let name = sym.name.as_str();
    // `E`, `I` and `Pi` alone are SymPy's constants to the plain parser:
    // the names are written `Symbol('E')`, `Symbol('\Pi')`.
    let constant_word = matches!(name, "E" | "I" | "Pi");
    let simple_name = !constant_word && (is_greek(name) || (name.chars().count() == 1 && name.chars().all(|c| c.is_alphabetic())));
    let simple_sub = sym.sub.as_deref().is_none_or(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric()));
    if simple_name && simple_sub && sym.accent.is_none() && sym.primes == 0 {
        return match &sym.sub {
            Some(s) => format!("{name}_{s}"),
            None => name.to_string(),
        };
    }
    format!("Symbol({})", quote(&latex::symbol(sym), '\''))
}

/// A variable as a node of the tree (not the variable a binder names):
/// one whose letters read as a constant (`i`, `e`, `pi`, see
/// [`names_a_constant`]) is `Symbol('\operatorname{i}')`.
fn variable(sym: &Sym) -> String {
    if names_a_constant(sym) {
        return format!("Symbol({})", quote(&latex::variable(sym), '\''));
    }
    symbol(sym)
}

/// The name of an unknown function: `f`, `foo`, `f_1`, `g'`. Another
/// single letter before a parenthesis is a factor (`x(x+1)`), so it is
/// written with a trailing `_` (`c_(g)`), which marks it as a name; so is
/// a name of two ASCII letters, which alone reads as their product
/// (`Ps_(x)`, `Ps_'(x)`: `Ps(x)` is P·s·x), and a name the plain reader
/// takes as its own word there (`Integral_(x)`, `pi_'(x)`: `Integral(x)` is
/// SymPy's integral, `pi'(x)` the primed constant times x).
fn func_name(sym: &Sym) -> String {
    let mut s = sym.name.clone();
    let n = sym.name.chars().count();
    let letter = n == 1;
    let pair = n == 2 && sym.name.chars().all(|c| c.is_ascii_alphabetic()) && !is_greek(&sym.name);
    let own_word = crate::parse::parser::words::reads_as_own_word(&sym.name, sym.primes > 0);
    let digits = crate::parse::parser::words::letter_and_digits(&sym.name);
    let marked =
        (letter && sym.primes == 0 && !latex::FUNCTION_LETTERS.contains(&sym.name.as_str())) || pair || own_word || digits;
    if marked && sym.sub.is_none() {
        s.push('_');
    }
    let primes = "'".repeat(sym.primes as usize);
    // A subscript of other characters than a word's (`7;`, `i,j`) is
    // braced, or it would run on into what follows (`f_7;(x)`); a word's
    // stays bare, where the name with it is one word (`M_a_b(x)`, and
    // `tg_1rf'(n)`, its primes after it: the word is a name, where `tg`
    // alone is the tangent).
    //
    // Primes go before a braced subscript (`Um''_{a;}(x)`): after it a
    // quote would open a string (`Um_{a;}''` is Um_{a;} and the empty
    // string), and the reader takes primes written before it as the name's.
    // A word the reader takes as something else then has the `_` that
    // marks a name before its primes (`tg_'_{a;}(n)`).
    match &sym.sub {
        // (A trailing `_` would be the reader's name marker: braced.)
        Some(a) if !a.is_empty() && !a.ends_with('_') && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
            s = format!("{s}_{a}{primes}")
        }
        Some(a) => {
            if own_word && sym.primes > 0 {
                s.push('_');
            }
            s = format!("{s}{primes}_{{{a}}}")
        }
        None => s.push_str(&primes),
    }
    s
}

/// A string literal, preferring `q` as the quote. The plain parser reads
/// a string up to the next matching quote, with no escapes, so the other
/// quote is used when the text holds `q`. A text holding both is written
/// as adjacent strings in alternating quotes (`"it's"'"'`), which the
/// parser joins into one, as Python does.
fn quote(s: &str, q: char) -> String {
    let other = if q == '"' { '\'' } else { '"' };
    if !s.contains(q) {
        return format!("{q}{s}{q}");
    }
    if !s.contains(other) {
        return format!("{other}{s}{other}");
    }
    // Runs that hold at most one kind of quote, each in the other kind.
    let mut out = String::new();
    let mut run = String::new();
    let mut held: Option<char> = None;
    for c in s.chars() {
        if c == '"' || c == '\'' {
            if held.is_some_and(|h| h != c) {
                let d = if held == Some('"') { '\'' } else { '"' };
                out += &format!("{d}{run}{d}");
                run.clear();
            }
            held = Some(c);
        }
        run.push(c);
    }
    let d = if held == Some('"') { '\'' } else { '"' };
    out += &format!("{d}{run}{d}");
    out
}

fn rational(v: &BigRational) -> Piece {
    let s = format!("{}/{}", v.numer(), v.denom());
    Piece::new(s, if v.is_negative() { Prec::Neg } else { Prec::Product })
}

fn expr(e: &Expr, cx: Cx) -> Piece {
    use ExprKind::*;
    match &e.kind {
        Integer { value } => Piece::new(value.to_string(), if value.is_negative() { Prec::Neg } else { Prec::Atom }),
        Rational { value } => rational(value),
        Decimal { value, text } => {
            let s = decimal_text(value, text);
            let prec = if s.starts_with('-') { Prec::Neg } else { Prec::Atom };
            Piece::new(s, prec)
        }
        Symbol { sym } if cx.is_bound(sym) => Piece::atom(symbol(sym)),
        Symbol { sym } => Piece::atom(variable(sym)),
        Constant { constant: crate::ast::Constant::E } if cx.bound_e => Piece::atom(String::from("exp(1)")),
        Constant { constant: crate::ast::Constant::I } if cx.bound_i => Piece::atom(String::from("sqrt(-1)")),
        Constant { constant } => Piece::atom(match constant {
            crate::ast::Constant::Pi => "pi",
            crate::ast::Constant::E => "E",
            crate::ast::Constant::I => "I",
            crate::ast::Constant::Infinity => "oo",
        }),
        Add { terms } => {
            let mut s = String::new();
            for (i, t) in terms.iter().enumerate() {
                let piece = expr(t, cx);
                // `a + (-t)` reads as `a - t` only when the minus applies
                // to the whole term, not to part of it.
                let p = if i > 0 && piece.starts_minus() && piece.prec < Prec::Product {
                    format!("({})", piece.s)
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
            Piece::new(s, Prec::Sum)
        }
        Mul { factors } => match frac_view(e) {
            Some(f) => fraction(&f, cx),
            None => {
                let (neg, fs) = signed_factors(factors);
                let body = product(&fs, cx);
                if neg {
                    Piece::new(format!("-{body}"), Prec::Neg)
                } else {
                    Piece::new(body, Prec::Product)
                }
            }
        },
        Div { num, den } => {
            // A quantity over something is parenthesized: the unit reader
            // takes a `/` after a unit as part of it (`1 mm/m` is the unit
            // mm/m), so `(1 mm)/m`.
            let n = if ends_with_quantity(num) {
                format!("({})", print(num, cx))
            } else {
                sub(num, Prec::Product, false, cx)
            };
            Piece::new(format!("{n}/{}", sub(den, Prec::Power, true, cx)), Prec::Product)
        }
        Pow { base, exp } => power(e, base, exp, cx),
        Root { radicand, index } => Piece::atom(match index {
            None => format!("sqrt({})", arg(radicand, cx)),
            Some(n) => format!("root({}, {})", arg(radicand, cx), arg(n, cx)),
        }),
        Neg { arg } => Piece::new(format!("-{}", sub(arg, Prec::Product, true, cx)), Prec::Neg),
        PlusMinus { lhs, rhs, minus_plus } => {
            let op = if *minus_plus { "-+" } else { "+-" };
            match lhs {
                Some(l) => Piece::new(
                    format!("{} {op} {}", sub(l, Prec::Sum, false, cx), sub(rhs, Prec::Product, true, cx)),
                    Prec::Sum,
                ),
                // A prefix `+-` binds like a unary minus, tighter than `*`
                // and `/`: `+- (1/2)`.
                None => Piece::new(format!("{op} {}", sub(rhs, Prec::Power, true, cx)), Prec::Sum),
            }
        }
        Func { func, args } => function(*func, args, cx),
        Apply { name, args } => Piece::atom(format!("{}({})", func_name(name), join(args, cx))),
        BigOp { op, body, var, lower, upper } => {
            let name = match op {
                crate::ast::BigOp::Sum => "Sum",
                crate::ast::BigOp::Product => "Product",
            };
            let body_cx = cx.binding(var.as_ref());
            Piece::atom(format!("{name}({}{})", arg(body, body_cx), limits(var.as_ref(), lower, upper, cx)))
        }
        Integral { body, var, lower, upper } => {
            Piece::atom(format!("Integral({}{})", arg(body, cx), limits(var.as_ref(), lower, upper, cx)))
        }
        Limit { body, var, to, dir } => {
            let d = match dir {
                None => String::new(),
                Some(LimitDir::Plus) => ", '+'".into(),
                Some(LimitDir::Minus) => ", '-'".into(),
            };
            Piece::atom(format!("Limit({}, {}, {}{d})", arg(body, cx), symbol(var), arg(to, cx)))
        }
        Derivative { body, var, order } => Piece::atom(if *order == 1 {
            format!("Derivative({}, {})", arg(body, cx), symbol(var))
        } else {
            format!("Derivative({}, ({}, {order}))", arg(body, cx), symbol(var))
        }),
        Relation { ops, operands } => {
            let mut s = String::new();
            for (i, x) in operands.iter().enumerate() {
                // `in` after a number is also the unit inches (`5 in`,
                // `5 in - 2 in`, `1/3 in +- t`, `3 in |x|`): the parser
                // reads a membership only before what starts a value (a
                // number, a name, a string, an opening bracket), so a
                // right side starting otherwise (a sign, `|`) is
                // parenthesized: `I in (-1)`, `x/3 in (+- t)`.
                let mut member = false;
                if i > 0 {
                    let op = ops.get(i - 1).copied().unwrap_or(RelOp::Eq);
                    s += &format!(" {} ", rel_op(op));
                    member = op == RelOp::In;
                }
                let o = sub(x, Prec::Sum, false, cx);
                let starts_value = o.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '\'' | '"' | '(' | '[' | '{'));
                // A side ending in the unit `in` before a membership is
                // parenthesized too: `t + 0 in in (+- t)` reads its first
                // `in` as the membership, the second as a name.
                let unit_before_member = ops.get(i) == Some(&RelOp::In) && o.ends_with(" in");
                s += &if (member && !starts_value) || unit_before_member { format!("({o})") } else { o };
            }
            Piece::new(s, Prec::Rel)
        }
        // The parser reads `%` after a bare letter as no percentage (`a%`),
        // so a letter is parenthesized.
        Percent { value } => {
            let v = if matches!(value.kind, Symbol { .. }) { format!("({})", print(value, cx)) } else { sub(value, Prec::Closed, false, cx) };
            Piece::new(format!("{v}%"), Prec::Postfix)
        }
        Quantity { value, unit } => {
            if unit == "deg" {
                Piece::new(format!("{}°", sub(value, Prec::Postfix, false, cx)), Prec::Power)
            } else {
                // The reader puts a unit on the value's last atom: a value
                // ending in a power (`5^0`, `-2^3`) is bracketed, or its
                // exponent would take the unit (`5^0 cm` is 5^(0 cm)); so is
                // a negated value, whose leading minus would leave the rest
                // outside (`-1/2 cm` is -1/(2 cm); `-0 cm` is -(0 cm), where
                // the quantity of `"-0"` has lost its sign).
                let v = if matches!(value.kind, Pow { .. } | Neg { .. }) {
                    format!("({})", print(value, cx))
                } else {
                    sub(value, Prec::Neg, false, cx)
                };
                let q = format!("{v} {unit}");
                if unit.split(['^', '/']).next().is_some_and(|w| w.chars().count() == 1) {
                    // A one-letter unit (`m`, `s`, `g`, `m^2`) is read only
                    // where nothing can follow it (the end of the text or of
                    // its brackets); elsewhere `5 m` is a product.
                    Piece::atom(format!("({q})"))
                } else {
                    Piece::new(q, Prec::Product)
                }
            }
        }
        Set { items } if items.is_empty() => Piece::atom("EmptySet"),
        Set { items } => Piece::atom(format!("{{{}}}", join(items, cx))),
        Tuple { items } if items.len() == 1 => Piece::atom(format!("({},)", join(items, cx))),
        Tuple { items } => Piece::atom(format!("({})", join(items, cx))),
        // A list of one item keeps its brackets: bare, a list item `[1, 2]`
        // would read as the list itself (`[[1, 2]]` is the tuple `(1, 2)`).
        List { items } if items.is_empty() => Piece::atom("[]".to_string()),
        List { items } if items.len() == 1 => Piece::atom(format!("[{}]", list_item(&items[0], cx))),
        List { items } => Piece::new(items.iter().map(|x| list_item(x, cx)).collect::<Vec<_>>().join(", "), Prec::List),
        Interval { lo, hi, lo_closed, hi_closed } => {
            let (lo, hi) = (arg(lo, cx), arg(hi, cx));
            Piece::atom(match (lo_closed, hi_closed) {
                (true, true) => format!("Interval({lo}, {hi})"),
                (true, false) => format!("Interval.Ropen({lo}, {hi})"),
                (false, true) => format!("Interval.Lopen({lo}, {hi})"),
                // An open interval is the 2-tuple (grammars/README.md).
                (false, false) => format!("({lo}, {hi})"),
            })
        }
        SetOp { op, lhs, rhs } => {
            let name = match op {
                crate::ast::SetOp::Union => "Union",
                crate::ast::SetOp::Intersection => "Intersection",
                crate::ast::SetOp::Difference => "Complement",
            };
            Piece::atom(format!("{name}({}, {})", arg(lhs, cx), arg(rhs, cx)))
        }
        NumberSet { set } => Piece::atom(match set {
            crate::ast::NumberSet::Naturals => "Naturals",
            crate::ast::NumberSet::Integers => "Integers",
            crate::ast::NumberSet::Rationals => "Rationals",
            crate::ast::NumberSet::Reals => "Reals",
            crate::ast::NumberSet::Complexes => "Complexes",
        }),
        EmptySet => Piece::atom("EmptySet"),
        Matrix { kind, rows } => {
            // A list in a cell keeps its brackets (parentheses would make
            // it a tuple).
            let body = rows
                .iter()
                .map(|r| format!("[{}]", r.iter().map(|x| list_item(x, cx)).collect::<Vec<_>>().join(", ")))
                .collect::<Vec<_>>()
                .join(", ");
            let m = format!("Matrix([{body}])");
            // A vmatrix is a determinant (its canonical form is det(...)).
            Piece::atom(if *kind == crate::ast::MatrixKind::Vert { format!("det({m})") } else { m })
        }
        Piecewise { pieces } => {
            let body = pieces
                .iter()
                .map(|(v, c)| {
                    let c = c.as_ref().map(|c| arg(c, cx)).unwrap_or_else(|| "True".into());
                    format!("({}, {c})", list_item(v, cx))
                })
                .collect::<Vec<_>>()
                .join(", ");
            Piece::atom(format!("Piecewise({body})"))
        }
        Text { text } => Piece::atom(quote(text, '"')),
    }
}

/// A nested list inside a list keeps its brackets.
fn list_item(x: &Expr, cx: Cx) -> String {
    match &x.kind {
        ExprKind::List { items } => format!("[{}]", join(items, cx)),
        _ => sub(x, Prec::Rel, false, cx),
    }
}

/// `, (k, 1, n)`, `, k`, or nothing: the variable-and-bounds argument of
/// `Sum`, `Product` and `Integral`. A missing variable or bound (`\int_0^1
/// x`, `\sum_{k=1} a_k`) is SymPy's `None` in its place, so every bound
/// that was written is kept: `(None, 0, 1)`, `(k, 1, None)`.
fn limits(var: Option<&Sym>, lower: &Option<Box<Expr>>, upper: &Option<Box<Expr>>, cx: Cx) -> String {
    // A list bound keeps its brackets (`\sum_{1,n}`: `(None, [1, n], None)`).
    let bound = |b: &Option<Box<Expr>>| b.as_deref().map_or_else(|| "None".to_string(), |b| list_item(b, cx));
    match (var, lower, upper) {
        (None, None, None) => String::new(),
        (Some(v), None, None) => format!(", {}", symbol(v)),
        (v, l, u) => format!(", ({}, {}, {})", v.map_or_else(|| "None".to_string(), symbol), bound(l), bound(u)),
    }
}

/// Does `e` print ending in a quantity's unit (`1 mm`, `-1 mm`)?
/// A `/` right after it would be read as part of the unit.
fn ends_with_quantity(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Quantity { .. } => true,
        ExprKind::Neg { arg } => ends_with_quantity(arg),
        _ => false,
    }
}

/// Factors joined by `*`: the first needs only product level (`1/2*x` is
/// `(1/2)·x`), the others power level and no leading minus.
fn product(fs: &[Expr], cx: Cx) -> String {
    fs.iter()
        .enumerate()
        .map(|(i, f)| if i == 0 { sub(f, Prec::Product, false, cx) } else { sub(f, Prec::Power, true, cx) })
        .collect::<Vec<_>>()
        .join("*")
}

fn fraction(f: &Frac, cx: Cx) -> Piece {
    let num = match f.num.as_slice() {
        [] => "1".to_string(),
        // A quantity right before the `/` is parenthesized, as in a
        // division's numerator: `1 mm/m` would read as the unit mm/m.
        [.., last] if ends_with_quantity(last) => {
            let init = &f.num[..f.num.len() - 1];
            let q = format!("({})", print(last, cx));
            if init.is_empty() {
                q
            } else {
                format!("{}*{q}", product(init, cx))
            }
        }
        [x] => sub(x, Prec::Product, true, cx),
        xs => product(xs, cx),
    };
    let den = match f.den.as_slice() {
        [x] => sub(x, Prec::Power, true, cx),
        xs => format!("({})", product(xs, cx)),
    };
    if f.neg {
        Piece::new(format!("-{num}/{den}"), Prec::Neg)
    } else {
        Piece::new(format!("{num}/{den}"), Prec::Product)
    }
}

fn power(e: &Expr, base: &Expr, exp: &Expr, cx: Cx) -> Piece {
    if let Some(f) = frac_view(e) {
        return fraction(&f, cx);
    }
    if let ExprKind::Rational { value } = &exp.kind {
        if value.numer().is_one() {
            let b = arg(base, cx);
            return Piece::atom(if value.denom() == &2.into() {
                format!("sqrt({b})")
            } else {
                format!("root({b}, {})", value.denom())
            });
        }
    }
    if matches!(&base.kind, ExprKind::Constant { constant: crate::ast::Constant::E }) {
        return Piece::atom(format!("exp({})", arg(exp, cx)));
    }
    // A list exponent keeps its brackets (parentheses would make a tuple).
    let x = match &exp.kind {
        ExprKind::List { .. } => Piece::atom(list_item(exp, cx)),
        _ => expr(exp, cx),
    };
    let x = if x.prec == Prec::Atom && !x.starts_minus() { x.s } else { format!("({})", x.s) };
    Piece::new(format!("{}^{x}", sub(base, Prec::Postfix, false, cx)), Prec::Power)
}

fn function(f: F, args: &[Expr], cx: Cx) -> Piece {
    let name = match (f, args.len()) {
        // Plain `log(x)` is the natural log (SymPy): write the base out.
        (F::Log, 1) => return Piece::atom(format!("log({}, 10)", arg(&args[0], cx))),
        (F::Abs, _) => "Abs",
        (F::Ceil, _) => "ceiling",
        (F::Min, _) => "Min",
        (F::Max, _) => "Max",
        (F::Mod, _) => "Mod",
        (other, _) => other.name(),
    };
    Piece::atom(format!("{name}({})", join(args, cx)))
}

fn rel_op(op: RelOp) -> &'static str {
    match op {
        RelOp::Eq => "=",
        RelOp::Ne => "!=",
        RelOp::Lt => "<",
        RelOp::Le => "<=",
        RelOp::Gt => ">",
        RelOp::Ge => ">=",
        RelOp::Approx => "~=",
        RelOp::In => "in",
        RelOp::NotIn => "notin",
        RelOp::Subset => "subset",
        RelOp::SubsetEq => "subseteq",
        RelOp::Supset => "supset",
        RelOp::SupsetEq => "supseteq",
    }
}
