//! Plain-text words: constants, function calls (`sqrt(2)`, `log(x, 2)`),
//! SymPy constructors (`Rational(1, 3)`, `Interval.open(0, 1)`,
//! `Matrix([[1, 2]])`), Greek names, variables, and units after numbers.

use super::atom::FUNCTION_LETTERS;
use super::latex_cmd::{latex_function_name, named_command, trig_command, GREEK};
use super::{PResult, Parser};
use crate::ast::{BigOp, Constant, Expr, ExprKind, Func, LimitDir, MatrixKind, NumberSet, RelOp, SetOp, Symbol};
use crate::error::{ErrorKind, ParseError};
use crate::parse::lexer;
use crate::parse::token::Tok;
use crate::span::Span;

/// Words that are operators or connectors, never factors.
pub(crate) fn is_operator_word(w: &str) -> bool {
    matches!(w, "and" | "or" | "mod" | "in" | "notin" | "not" | "subset" | "subseteq" | "supset" | "supseteq")
}

fn constant_word(w: &str) -> Option<Constant> {
    Some(match w {
        "pi" | "Pi" => Constant::Pi,
        "E" | "e" => Constant::E,
        "I" | "i" => Constant::I,
        "oo" | "inf" | "infty" | "infinity" | "Infinity" | "zoo" => Constant::Infinity,
        _ => return None,
    })
}

fn number_set_word(w: &str) -> Option<NumberSet> {
    Some(match w {
        "Reals" => NumberSet::Reals,
        "Integers" => NumberSet::Integers,
        "Naturals" | "Naturals0" => NumberSet::Naturals,
        "Rationals" => NumberSet::Rationals,
        "Complexes" => NumberSet::Complexes,
        _ => return None,
    })
}

/// Plain function names (SymPy's and common aliases).
fn plain_function(w: &str) -> Option<Func> {
    if let Some(f) = trig_command(w) {
        return Some(f);
    }
    Some(match w {
        "ln" => Func::Ln,
        "log" => Func::Log,
        "exp" => Func::Exp,
        "Abs" | "abs" => Func::Abs,
        "floor" => Func::Floor,
        "ceiling" | "ceil" => Func::Ceil,
        "factorial" => Func::Factorial,
        "binomial" | "binom" | "C" | "nCr" => Func::Binom,
        "gcd" | "igcd" => Func::Gcd,
        "lcm" | "ilcm" => Func::Lcm,
        "Min" | "min" => Func::Min,
        "Max" | "max" => Func::Max,
        "Mod" => Func::Mod,
        "sign" | "sgn" => Func::Sign,
        "re" | "Re" => Func::Re,
        "im" | "Im" => Func::Im,
        "arg" => Func::Arg,
        "conjugate" | "conj" => Func::Conj,
        "det" => Func::Det,
        _ => return named_command(w),
    })
}

/// The words `sympy_call` reads before `(` besides [`plain_function`]'s
/// (its match arms: a new arm belongs here too).
const SYMPY_CALLS: &[&str] = &[
    "sqrt", "cbrt", "root", "real_root", "log", "log10", "lg", "log2", "Rational", "Integer", "Float", "S", "sympify", "N",
    "UnevaluatedExpr", "nsimplify", "simplify", "Interval", "FiniteSet", "Set", "set", "Tuple", "Point", "Point2D",
    "Point3D", "Matrix", "ImmutableMatrix", "MutableDenseMatrix", "ImmutableDenseMatrix", "Array", "Eq", "Ne", "Lt", "Le",
    "Gt", "Ge", "Union", "Intersection", "Complement", "Sum", "Product", "Integral", "Limit", "Derivative", "diff",
    "Piecewise", "Symbol", "symbols", "Dummy",
];

/// A primed constant letter is a name, never the constant: `e'(x)` is a
/// derivative, as in LaTeX (and as `a'(x)` is), SymPy's `E` and `I` too
/// (`E'(x)` is the function E′, as LaTeX reads it and prints it).
fn primed_letter_is_name(w: &str) -> bool {
    matches!(w, "e" | "i" | "E" | "I")
}

/// Does [`Parser::parse_word`] read the word `w`, right before `(` (or,
/// with `primed`, before a prime), as something else than a name: a SymPy
/// call or function, a constant, a number set, a root? The plain printer
/// writes an unknown function so named with the `_` that marks a name
/// (`Integral_(x)`, `pi_'(x)`). Follows `parse_word`'s order.
pub(crate) fn reads_as_own_word(w: &str, primed: bool) -> bool {
    (!primed && SYMPY_CALLS.contains(&w))
        || plain_function(w).is_some()
        || is_operator_word(w)
        || constant_word(w).is_some_and(|_| !(primed && primed_letter_is_name(w)))
        || number_set_word(w).is_some()
        || matches!(w, "EmptySet" | "True" | "False")
        || ["sqrt", "cbrt"].iter().any(|p| w.strip_prefix(p).is_some_and(|r| r.bytes().all(|b| b.is_ascii_digit())))
}

impl<'a> Parser<'a> {
    pub fn parse_word(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let Tok::Ident(w) = t.tok.clone() else { unreachable!("caller checked") };
        let span = t.span;
        let call = self.peek().is_some_and(|n| n.is_punct("(") && !n.space_before);
        let call_spaced = self.peek().is_some_and(|n| n.is_punct("("));

        // SymPy constructors and functions.
        if call || (call_spaced && w.len() > 1) {
            if let Some(e) = self.sympy_call(&w, span)? {
                return Ok(e);
            }
        }
        if w == "Interval" && self.peek().is_some_and(|n| n.is_punct(".")) {
            return self.interval_variant(span);
        }
        if w == "S" && self.peek().is_some_and(|n| n.is_punct(".")) {
            // `S.Reals`, `S.EmptySet`, `S.Half`.
            self.advance();
            let Some(Tok::Ident(name)) = self.peek_tok() else {
                return Err(self.expected_err("a name after `S.`", None));
            };
            let s = span.join(self.bump().span);
            return match name.as_str() {
                "EmptySet" => self.mk(ExprKind::EmptySet, s),
                "Half" => {
                    let one = self.mk(ExprKind::Integer { value: 1.into() }, s)?;
                    let two = self.mk(ExprKind::Integer { value: 2.into() }, s)?;
                    self.mk(ExprKind::Div { num: Box::new(one), den: Box::new(two) }, s)
                }
                "Infinity" => self.mk(ExprKind::Constant { constant: Constant::Infinity }, s),
                "Pi" => self.mk(ExprKind::Constant { constant: Constant::Pi }, s),
                "ImaginaryUnit" => self.mk(ExprKind::Constant { constant: Constant::I }, s),
                other => match number_set_word(other) {
                    Some(set) => self.mk(ExprKind::NumberSet { set }, s),
                    None => Err(ParseError::new(
                        ErrorKind::Unexpected { found: format!("`S.{other}`"), expected: "a SymPy singleton" },
                        s,
                    )),
                },
            };
        }
        // A word with a subscript right after it is a name, whatever the
        // word alone would be: the name reads its subscript and any call
        // after it, as the one words `i_ab(x)`, `oo_ab`, `sin_2(x)` and
        // `log_2(8)` are read (`i_{ab}(x)`, `oo_{ab}`, `sin_{a;}(x)`,
        // `log_{2}(8)`: how the printer writes a compound subscript).
        if self.peek().is_some_and(|t| t.is_punct("_") && !t.space_before) {
            return self.plain_name(&w, span, call);
        }
        let primed = self.peek().is_some_and(|t| t.is_punct("'") && !t.space_before);
        if let Some(c) = constant_word(&w).filter(|_| !(primed && primed_letter_is_name(&w))) {
            return self.mk(ExprKind::Constant { constant: c }, span);
        }
        if let Some(set) = number_set_word(&w) {
            return self.mk(ExprKind::NumberSet { set }, span);
        }
        if w == "EmptySet" {
            return self.mk(ExprKind::EmptySet, span);
        }
        if matches!(w.as_str(), "True" | "False") {
            return self.mk(ExprKind::Text { text: w.to_lowercase().to_string() }, span);
        }
        // `sqrt 2`, `sqrt2`, `cbrt 8`: a root of the next power.
        for (prefix, index) in [("sqrt", None), ("cbrt", Some(3))] {
            if let Some(rest) = w.strip_prefix(prefix) {
                if rest.is_empty() || rest.bytes().all(|b| b.is_ascii_digit()) {
                    let radicand = if rest.is_empty() {
                        if self.at_end() {
                            return Err(ParseError::new(ErrorKind::MissingArgument { command: prefix.into() }, span));
                        }
                        self.parse_power()?
                    } else {
                        let s = Span::new(span.start + prefix.len(), span.end);
                        self.number_literal(rest, s)?
                    };
                    let index = match index {
                        Some(n) => Some(Box::new(self.mk(ExprKind::Integer { value: n.into() }, span)?)),
                        None => None,
                    };
                    let s = span.join(radicand.span);
                    return self.mk(ExprKind::Root { radicand: Box::new(radicand), index }, s);
                }
            }
        }
        // A function name without parentheses: `sin x`.
        if let Some(f) = plain_function(&w) {
            if f.is_trig_like() || matches!(f, Func::Ln | Func::Log | Func::Exp) {
                if self.at_end() {
                    return Err(ParseError::new(ErrorKind::MissingArgument { command: w.to_string() }, span));
                }
                let arg = self.parse_power()?;
                let f = if f == Func::Log { Func::Ln } else { f };
                return self.call(f, vec![arg], span);
            }
        }
        self.plain_name(&w, span, call)
    }

    /// A variable, a split product of letters, an unknown function call,
    /// or text.
    fn plain_name(&mut self, w: &str, span: Span, call: bool) -> PResult<Expr> {
        let (mut sym, mut split) = name_to_symbol(w);
        // `e9900000_(x)`, `k2_'(x)`: the `_` marks the word as a
        // function's name as it is written, not the letter subscripted.
        let bare = w.strip_suffix('_').unwrap_or(w);
        if bare.len() < w.len() && letter_and_digits(bare) {
            let mut k = self.pos;
            while self.toks.get(k).is_some_and(|t| t.is_punct("'") && !t.space_before) {
                k += 1;
            }
            if self.toks.get(k).is_some_and(|t| t.is_punct("(") && !t.space_before) {
                sym = Symbol::new(bare);
            }
        }
        // SymPy's names for decorated symbols: `bar{x}`, `hat{y}_1`.
        if let Some(accent) = plain_accent(w) {
            if self.peek().is_some_and(|t| t.is_punct("{") && !t.space_before) {
                if let Some(close) = self.matching_brace(self.pos) {
                    let a = self.toks[self.pos].span.end;
                    let b = self.toks[close].span.start;
                    let inner: String = self.src[a..b].chars().filter(|c| !c.is_whitespace()).collect();
                    // The name must be one LaTeX reads back: a name
                    // starting with a letter (printed `\bar{x}`,
                    // `\bar{\operatorname{x9}}`) or digits (`\bar{12}`).
                    // LaTeX reads `\operatorname{2x}` and `\bar{2x}` as the
                    // product 2x (see `latex_operatorname`), so `bar{2x}`
                    // names nothing: it is no decorated symbol here either.
                    let first = inner.chars().next();
                    let name = first.is_some_and(char::is_alphabetic) || inner.bytes().all(|b| b.is_ascii_digit());
                    if first.is_some() && name && inner.chars().all(|c| c.is_alphanumeric()) {
                        self.pos = close + 1;
                        // Digits are the number LaTeX reads (`\bar{00}` is
                        // `\bar{0}`): no leading zeros.
                        let inner = if inner.bytes().all(|b| b.is_ascii_digit()) {
                            match inner.trim_start_matches('0') {
                                "" => "0".to_string(),
                                digits => digits.to_string(),
                            }
                        } else {
                            inner
                        };
                        sym = Symbol::new(inner);
                        sym.accent = Some(accent.to_string());
                        split = false;
                    }
                }
            }
        }
        // Primes: `f'(x)`, `y''`.
        while self.peek().is_some_and(|t| t.is_punct("'") && !t.space_before) {
            self.advance();
            sym.primes = sym.primes.saturating_add(1);
        }
        // `x_{i,j}`. A word of a letter and digits (`k2`) is the letter
        // subscripted (`k_2`), but before a braced subscript it is the name
        // that subscript belongs to (`k2_{a;}`, as `k2_a` is k2 with a):
        // how the printer writes a function `k2` with a compound subscript.
        let underscore = self.peek().is_some_and(|t| t.is_punct("_") && !t.space_before);
        if underscore && sym.sub.is_some() && !w.contains('_') && sym.accent.is_none() {
            let primes = sym.primes;
            sym = Symbol::new(w);
            sym.primes = primes;
        }
        if underscore && sym.sub.is_none() {
            let u = self.bump().span;
            let (sub, _) = self.parse_subscript_text(u)?;
            sym.sub = Some(sub);
            // A subscripted word is one name (`um_{ab}`, as `um_ab` is):
            // the product of its letters would drop the subscript.
            split = false;
            // Primes after the subscript are the name's too: the printer
            // writes `m_{a}''` (left over, they would be lost).
            while self.peek().is_some_and(|t| t.is_punct("'") && !t.space_before) {
                self.advance();
                sym.primes = sym.primes.saturating_add(1);
            }
        }
        let span = span.join(self.last_span());
        // A subscripted letter names a function, braced (`c_{i,j}(x)`, as
        // the printer writes a compound subscript) as bare (`c_1(x)`).
        // A decorated name (`bar{x}`) is a symbol, never a function, as
        // LaTeX reads `\bar{f}(x)` (and SymPy's symbols are not callable).
        let callable = sym.accent.is_none()
            && (sym.primes > 0 || sym.sub.is_some() || w.chars().count() > 1 || FUNCTION_LETTERS.contains(&w));
        // `Ps_(x)`: a trailing `_` before the parenthesis marks a name of
        // two letters as a function's (`Ps(x)` and `Ps_` alone are P·s),
        // as `c_(g)` marks a letter that is no function letter.
        let marked = w.len() > 1 && w.ends_with('_');
        if self.peek().is_some_and(|t| t.is_punct("(") && (call || !t.space_before)) && callable && (!split || marked) {
            let args = self.parse_call_args()?;
            let s = span.join(self.last_span());
            // A `log` name is the logarithm, as `\log` is in LaTeX: `log_(x)`
            // (the `_` only marks a function name) as `log(x)`; `log_2(8)`,
            // `log_{b}(x)` to that base, which then takes one argument
            // (`log_2(x, 3)` is an error, as `\log_{2}` of two is).
            if sym.name == "log" && sym.primes == 0 {
                let bare = sym.accent.is_none();
                match sym.sub.as_deref() {
                    None if bare => return self.call(Func::Log, args, span),
                    Some(base) if args.len() == 1 => {
                        let base = self.reparse_subscript(base, span)?;
                        let mut args = args;
                        args.push(base);
                        return self.call(Func::Log, args, span);
                    }
                    Some(_) if bare => {
                        let found = args.len();
                        return Err(ParseError::new(ErrorKind::Arity { func: "log".into(), expected: "1", found }, s));
                    }
                    _ => {}
                }
            }
            // `tg_(n)`: the `_` marks a name where plain text reads the word
            // otherwise, but a function LaTeX knows by that name
            // (`\operatorname{tg}` is the tangent) is that function: LaTeX
            // has no spelling of an unknown function so named.
            if marked && sym.sub.is_none() && sym.primes == 0 && sym.accent.is_none() {
                if let Some(f) = latex_function_name(&sym.name) {
                    return self.call(f, args, span);
                }
            }
            return self.mk(ExprKind::Apply { name: sym, args }, s);
        }
        // `log_2` with nothing to take the logarithm of: an error, as `log`
        // alone is here and `\log_{2}` is in LaTeX (a symbol would print
        // as that LaTeX and not read back).
        if sym.name == "log" && sym.primes == 0 && sym.sub.is_some() && sym.accent.is_none() {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: "log".into() }, span));
        }
        if split {
            // `xy` is x·y (the letters of the name: `xy_` is x·y too), and
            // `xy'` is x·y′: primes are the last letter's, as in LaTeX.
            let mut factors = Vec::new();
            let last = sym.name.char_indices().last().map_or(0, |(i, _)| i);
            for (i, c) in sym.name.char_indices() {
                let s = Span::new(span.start + i, span.start + i + c.len_utf8());
                let letter = c.to_string();
                let primes = if i == last { sym.primes } else { 0 };
                let e = match constant_word(&letter).filter(|_| primes == 0 || !primed_letter_is_name(&letter)) {
                    Some(k) => self.mk(ExprKind::Constant { constant: k }, s)?,
                    None => {
                        let mut letter = Symbol::new(letter);
                        letter.primes = primes;
                        self.mk(ExprKind::Symbol { sym: letter }, s)?
                    }
                };
                factors.push(e);
            }
            return self.mk(ExprKind::Mul { factors }, span);
        }
        if sym.name.chars().count() > 2 && !GREEK.contains(&sym.name.as_str()) && sym.sub.is_none() && sym.primes == 0 {
            // A longer unknown word is text (`odd`, `Evelyn`).
            return self.mk(ExprKind::Text { text: w.to_string() }, span);
        }
        self.mk(ExprKind::Symbol { sym }, span)
    }

    /// `Interval.open(a, b)`, `.Lopen`, `.Ropen`.
    fn interval_variant(&mut self, span: Span) -> PResult<Expr> {
        self.advance();
        let Some(Tok::Ident(v)) = self.peek_tok() else {
            return Err(self.expected_err("`open`, `Lopen` or `Ropen`", None));
        };
        let vspan = self.bump().span;
        let (lo_closed, hi_closed) = match v.as_str() {
            "open" => (false, false),
            "Lopen" => (false, true),
            "Ropen" => (true, false),
            _ => {
                return Err(ParseError::new(
                    ErrorKind::Unexpected { found: format!("`{v}`"), expected: "`open`, `Lopen` or `Ropen`" },
                    vspan,
                ))
            }
        };
        let args = self.parse_call_args()?;
        self.interval_from(args, lo_closed, hi_closed, span)
    }

    fn interval_from(&mut self, args: Vec<Expr>, lo_closed: bool, hi_closed: bool, span: Span) -> PResult<Expr> {
        let s = span.join(self.last_span());
        if args.len() != 2 {
            return Err(ParseError::new(ErrorKind::Arity { func: "Interval".into(), expected: "2", found: args.len() }, s));
        }
        let mut it = args.into_iter();
        let lo = it.next().expect("two");
        let hi = it.next().expect("two");
        self.mk(ExprKind::Interval { lo: Box::new(lo), hi: Box::new(hi), lo_closed, hi_closed }, s)
    }

    /// SymPy-style constructors and functions called with `(…)`. None if
    /// the word is not one of them.
    fn sympy_call(&mut self, w: &str, span: Span) -> PResult<Option<Expr>> {
        let e = match w {
            "sqrt" => {
                let args = self.parse_call_args()?;
                let a = self.one_arg(w, args, span)?;
                let s = span.join(self.last_span());
                self.mk(ExprKind::Root { radicand: Box::new(a), index: None }, s)?
            }
            "cbrt" | "root" | "real_root" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                let (x, n) = match (w, args.len()) {
                    ("cbrt", 1) => {
                        let three = self.mk(ExprKind::Integer { value: 3.into() }, s)?;
                        (args.into_iter().next().expect("one"), three)
                    }
                    (_, 2) if w != "cbrt" => {
                        let mut it = args.into_iter();
                        (it.next().expect("two"), it.next().expect("two"))
                    }
                    (_, n) => {
                        return Err(ParseError::new(
                            ErrorKind::Arity { func: w.into(), expected: if w == "cbrt" { "1" } else { "2" }, found: n },
                            s,
                        ))
                    }
                };
                self.mk(ExprKind::Root { radicand: Box::new(x), index: Some(Box::new(n)) }, s)?
            }
            "log" => {
                // SymPy: `log(x)` is natural, `log(x, b)` has base b.
                let args = self.parse_call_args()?;
                if args.len() == 1 {
                    self.call(Func::Ln, args, span)?
                } else {
                    self.call(Func::Log, args, span)?
                }
            }
            "log10" | "lg" => {
                let mut args = self.parse_call_args()?;
                args.push(self.mk(ExprKind::Integer { value: 10.into() }, span)?);
                self.call(Func::Log, args, span)?
            }
            "log2" => {
                let mut args = self.parse_call_args()?;
                args.push(self.mk(ExprKind::Integer { value: 2.into() }, span)?);
                self.call(Func::Log, args, span)?
            }
            "Rational" | "Integer" | "Float" | "S" | "sympify" | "N" | "UnevaluatedExpr" | "nsimplify" | "simplify" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                match (w, args.len()) {
                    ("Rational", 2) => {
                        let mut it = args.into_iter();
                        let (a, b) = (it.next().expect("two"), it.next().expect("two"));
                        self.mk(ExprKind::Div { num: Box::new(a), den: Box::new(b) }, s)?
                    }
                    (_, 1) => {
                        let mut a = args.into_iter().next().expect("one");
                        // `S('1/3')`: a quoted expression.
                        if let ExprKind::Text { .. } = a.kind {
                            a = self.reparse_string_arg(a.span)?;
                        }
                        a
                    }
                    (_, n) => {
                        return Err(ParseError::new(
                            ErrorKind::Arity { func: w.into(), expected: if w == "Rational" { "2" } else { "1" }, found: n },
                            s,
                        ))
                    }
                }
            }
            "Interval" => {
                let args = self.parse_call_args()?;
                self.interval_from(args, true, true, span)?
            }
            "FiniteSet" | "Set" | "set" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                if args.is_empty() {
                    self.mk(ExprKind::EmptySet, s)?
                } else {
                    self.mk(ExprKind::Set { items: args }, s)?
                }
            }
            "Tuple" | "Point" | "Point2D" | "Point3D" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                self.mk(ExprKind::Tuple { items: args }, s)?
            }
            "Matrix" | "ImmutableMatrix" | "MutableDenseMatrix" | "ImmutableDenseMatrix" | "Array" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                self.matrix_from(args, s)?
            }
            "Eq" | "Ne" | "Lt" | "Le" | "Gt" | "Ge" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                if args.len() != 2 {
                    return Err(ParseError::new(ErrorKind::Arity { func: w.into(), expected: "2", found: args.len() }, s));
                }
                let op = match w {
                    "Eq" => RelOp::Eq,
                    "Ne" => RelOp::Ne,
                    "Lt" => RelOp::Lt,
                    "Le" => RelOp::Le,
                    "Gt" => RelOp::Gt,
                    _ => RelOp::Ge,
                };
                self.mk(ExprKind::Relation { ops: vec![op], operands: args }, s)?
            }
            "Union" | "Intersection" | "Complement" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                let op = match w {
                    "Union" => SetOp::Union,
                    "Intersection" => SetOp::Intersection,
                    _ => SetOp::Difference,
                };
                let mut it = args.into_iter();
                let Some(mut acc) = it.next() else {
                    return Err(ParseError::new(ErrorKind::Arity { func: w.into(), expected: "at least 1", found: 0 }, s));
                };
                for b in it {
                    acc = self.mk(ExprKind::SetOp { op, lhs: Box::new(acc), rhs: Box::new(b) }, s)?;
                }
                acc
            }
            "Sum" | "Product" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                let op = if w == "Sum" { BigOp::Sum } else { BigOp::Product };
                let (body, var, lower, upper) = self.body_and_limits(w, args, s)?;
                // `Sum(i, (i, 1, n))`: the `i` of the body is the index, as
                // in `\sum_{i=1}^{n} i`.
                let body = match &var {
                    Some(v) => super::latex_cmd::rebind_constant_letter(body, v),
                    None => body,
                };
                self.mk(ExprKind::BigOp { op, body: Box::new(body), var, lower, upper }, s)?
            }
            "Integral" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                let (body, var, lower, upper) = self.body_and_limits(w, args, s)?;
                self.mk(ExprKind::Integral { body: Box::new(body), var, lower, upper }, s)?
            }
            "Limit" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                if !(3..=4).contains(&args.len()) {
                    return Err(ParseError::new(ErrorKind::Arity { func: w.into(), expected: "3 or 4", found: args.len() }, s));
                }
                let mut it = args.into_iter();
                let body = it.next().expect("3");
                let var = symbol_of(&it.next().expect("3"))
                    .ok_or_else(|| ParseError::new(ErrorKind::Unexpected { found: "this".into(), expected: "a variable" }, s))?;
                let to = it.next().expect("3");
                let dir = it.next().and_then(|d| limit_dir(&d));
                self.mk(ExprKind::Limit { body: Box::new(body), var, to: Box::new(to), dir }, s)?
            }
            "Derivative" | "diff" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                let mut it = args.into_iter();
                let Some(body) = it.next() else {
                    return Err(ParseError::new(ErrorKind::Arity { func: w.into(), expected: "at least 2", found: 0 }, s));
                };
                let mut var: Option<Symbol> = None;
                let mut order = 0u32;
                for a in it {
                    let (v, n) = match &a.kind {
                        ExprKind::Tuple { items } if items.len() == 2 => {
                            (symbol_of(&items[0]), small_int(&items[1]))
                        }
                        _ => (symbol_of(&a), Some(1)),
                    };
                    match (v, n) {
                        (Some(v), Some(n)) if var.as_ref().is_none_or(|x| *x == v) => {
                            var = Some(v);
                            order = order.saturating_add(n);
                        }
                        _ => {
                            return Err(ParseError::new(
                                ErrorKind::Unexpected { found: "this".into(), expected: "one differentiation variable" },
                                a.span,
                            ))
                        }
                    }
                }
                let Some(var) = var else {
                    return Err(ParseError::new(ErrorKind::Arity { func: w.into(), expected: "at least 2", found: 1 }, s));
                };
                // The derivative of order 0 is the expression itself, as in
                // SymPy (and `\frac{d^{0}}{dx^{0}}` is no LaTeX for it).
                if order == 0 {
                    return Ok(Some(body));
                }
                if order > crate::ast::MAX_DERIVATIVE_ORDER {
                    return Err(ParseError::new(
                        ErrorKind::Unexpected { found: format!("order {order}"), expected: "a derivative order from 1 to 20" },
                        s,
                    ));
                }
                self.mk(ExprKind::Derivative { body: Box::new(body), var, order }, s)?
            }
            "Piecewise" => {
                let args = self.parse_call_args()?;
                let s = span.join(self.last_span());
                let mut pieces = Vec::new();
                for a in args {
                    match a.kind {
                        ExprKind::Tuple { items } if items.len() == 2 => {
                            let mut it = items.into_iter();
                            let v = it.next().expect("two");
                            let c = it.next().expect("two");
                            let c = if matches!(&c.kind, ExprKind::Text { text } if text == "true") { None } else { Some(c) };
                            pieces.push((v, c));
                        }
                        _ => {
                            return Err(ParseError::new(
                                ErrorKind::Unexpected { found: "this".into(), expected: "a (value, condition) pair" },
                                a.span,
                            ))
                        }
                    }
                }
                self.mk(ExprKind::Piecewise { pieces }, s)?
            }
            "Symbol" | "symbols" | "Dummy" => {
                // `Symbol('x_1')`: the name is read as a LaTeX symbol.
                let open = self.expect_punct("(", None)?;
                let Some(t) = self.peek().cloned() else {
                    return Err(ParseError::new(ErrorKind::Unclosed { open: "(".into() }, open));
                };
                let Tok::Str(_) = &t.tok else {
                    return Err(ParseError::new(ErrorKind::Unexpected { found: t.describe(), expected: "a quoted name" }, t.span));
                };
                self.advance();
                let e = self.reparse_string_arg(t.span)?;
                // Ignore assumptions like `positive=True`.
                while self.eat_punct(",").is_some() {
                    while self.peek().is_some_and(|t| !t.is_punct(",") && !t.is_punct(")")) {
                        self.advance();
                    }
                }
                self.expect_punct(")", Some(("(", open)))?;
                let mut e = e;
                e.span = span.join(self.last_span());
                e
            }
            _ => {
                if let Some(f) = plain_function(w) {
                    let args = self.parse_call_args()?;
                    self.call(f, args, span)?
                } else {
                    return Ok(None);
                }
            }
        };
        Ok(Some(e))
    }

    fn one_arg(&mut self, w: &str, args: Vec<Expr>, span: Span) -> PResult<Expr> {
        if args.len() != 1 {
            let s = span.join(self.last_span());
            return Err(ParseError::new(ErrorKind::Arity { func: w.into(), expected: "1", found: args.len() }, s));
        }
        Ok(args.into_iter().next().expect("one"))
    }

    /// Re-read a quoted string's content (`'x_1'`, `'1/3'`) as LaTeX.
    /// Adjacent strings in alternating quotes (`"a'b"'"c'`, how the printer
    /// writes a name holding both quotes) are one string, as the lexer
    /// joins them: their content is read without the quotes between them.
    fn reparse_string_arg(&mut self, quoted: Span) -> PResult<Expr> {
        if let Some((text, at)) = joined_string(self.src, quoted) {
            return self.reparse_joined(&text, &at, quoted);
        }
        let inner = Span::new(quoted.start + 1, quoted.end.saturating_sub(1).max(quoted.start + 1));
        let text = &self.src[inner.start..inner.end];
        let mut toks = lexer::latex::lex(text).map_err(|mut e| {
            e.span = Span::new(e.span.start + inner.start, e.span.end + inner.start);
            e
        })?;
        for t in &mut toks {
            t.span = Span::new(t.span.start + inner.start, t.span.end + inner.start);
        }
        let mut child = self.child(toks);
        child.latex = true;
        let r = child.parse_top();
        self.absorb(&child);
        r
    }

    /// A subscript's text (`2`, `b`, `x+1`) read as an expression, its
    /// nodes all spanning `at` (the subscript's text is not always a slice
    /// of the source: spaces and wrapping braces are dropped).
    fn reparse_subscript(&mut self, text: &str, at: Span) -> PResult<Expr> {
        self.reparse_text(text, false, |_| at)
    }

    /// [`Parser::reparse_string_arg`] of joined strings: the content is
    /// parsed as its own source (the parser slices its source by token
    /// spans, which must not take in the quotes between the strings), and
    /// spans are mapped back through `at`, the source offset of each byte
    /// of `text`.
    fn reparse_joined(&mut self, text: &str, at: &[usize], quoted: Span) -> PResult<Expr> {
        self.reparse_text(text, true, |s: Span| {
            let start = at.get(s.start).copied().unwrap_or(quoted.end - 1);
            let end = if s.end > s.start { at.get(s.end - 1).map_or(quoted.end - 1, |&k| k + 1) } else { start };
            Span::new(start, end.max(start))
        })
    }

    /// `text` (not a slice of this parser's source) parsed as its own
    /// source, LaTeX or plain, within this parser's depth and node budget;
    /// every span of the tree or the error is mapped into the source by
    /// `map`.
    fn reparse_text(&mut self, text: &str, latex: bool, map: impl Fn(Span) -> Span) -> PResult<Expr> {
        let lexed = if latex { lexer::latex::lex(text) } else { lexer::plain::lex(text) };
        let toks = lexed.map_err(|mut e| {
            e.span = map(e.span);
            e
        })?;
        let mut child = Parser::new(text, toks, latex, self.limits);
        child.depth = self.depth;
        child.nodes = self.nodes;
        let r = child.parse_top();
        self.nodes = child.nodes;
        match r {
            Ok(e) => Ok(crate::ast::map_bottom_up(e, &mut |mut x| {
                x.span = map(x.span);
                x
            })),
            Err(mut e) => {
                e.span = map(e.span);
                Err(e)
            }
        }
    }

    /// `Sum(body, (k, 1, n))`, `Integral(body, x)`, `Integral(body, (x, a, b))`.
    #[allow(clippy::type_complexity)]
    fn body_and_limits(
        &mut self,
        w: &str,
        args: Vec<Expr>,
        s: Span,
    ) -> PResult<(Expr, Option<Symbol>, Option<Box<Expr>>, Option<Box<Expr>>)> {
        let n = args.len();
        let mut it = args.into_iter();
        let Some(body) = it.next() else {
            return Err(ParseError::new(ErrorKind::Arity { func: w.into(), expected: "1 or 2", found: 0 }, s));
        };
        match (it.next(), it.next()) {
            (None, _) => Ok((body, None, None, None)),
            (Some(lim), None) => match lim.kind {
                ExprKind::Tuple { items } if items.len() == 3 => {
                    // SymPy's `None` stands for a missing variable or bound
                    // (`(None, 0, 1)`, `(k, 1, None)`).
                    let is_none = |e: &Expr| self.src.get(e.span.start..e.span.end) == Some("None");
                    let mut it = items.into_iter();
                    let v = it.next().expect("3");
                    let var = if is_none(&v) {
                        None
                    } else {
                        Some(symbol_of(&v).ok_or_else(|| {
                            ParseError::new(ErrorKind::Unexpected { found: "this".into(), expected: "a variable" }, v.span)
                        })?)
                    };
                    let lo = it.next().expect("3");
                    let hi = it.next().expect("3");
                    let bound = |b: Expr| if is_none(&b) { None } else { Some(Box::new(b)) };
                    Ok((body, var, bound(lo), bound(hi)))
                }
                _ => match symbol_of(&lim) {
                    Some(v) => Ok((body, Some(v), None, None)),
                    None => Err(ParseError::new(
                        ErrorKind::Unexpected { found: "this".into(), expected: "a variable or (variable, lower, upper)" },
                        lim.span,
                    )),
                },
            },
            _ => Err(ParseError::new(ErrorKind::Arity { func: w.into(), expected: "1 or 2", found: n }, s)),
        }
    }

    /// `Matrix([[1, 2], [3, 4]])` or `Matrix([1, 2, 3])` (a column).
    fn matrix_from(&mut self, args: Vec<Expr>, s: Span) -> PResult<Expr> {
        let Some(ExprKind::List { items }) = args.into_iter().next().map(|a| a.kind) else {
            return Err(ParseError::new(
                ErrorKind::Unexpected { found: "this".into(), expected: "a list of rows `[[…], …]`" },
                s,
            ));
        };
        let rows: Vec<Vec<Expr>> = if items.iter().all(|r| matches!(r.kind, ExprKind::List { .. })) {
            items
                .into_iter()
                .map(|r| match r.kind {
                    ExprKind::List { items } => items,
                    _ => unreachable!("checked"),
                })
                .collect()
        } else {
            items.into_iter().map(|x| vec![x]).collect()
        };
        // No row, or an empty row (`Matrix([[]])`): no entry to print.
        if rows.is_empty() || rows.iter().any(Vec::is_empty) {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "a matrix entry" }, s));
        }
        self.mk(ExprKind::Matrix { kind: MatrixKind::Plain, rows }, s)
    }

    /// After a value: a unit word (`10 cm`, `10\text{ cm}`) or `percent`.
    pub fn try_unit(&mut self, base: &Expr) -> PResult<Option<Expr>> {
        if matches!(base.kind, ExprKind::Text { .. } | ExprKind::Quantity { .. } | ExprKind::Percent { .. }) {
            return Ok(None);
        }
        let Some(t) = self.peek().cloned() else { return Ok(None) };
        if t.quad_before {
            return Ok(None);
        }
        let (word, consumed_to) = match &t.tok {
            Tok::Cmd(c) if self.latex && is_unit_wrapper(c) => {
                let open = self.pos + 1;
                let Some(close) = self.matching_brace(open) else { return Ok(None) };
                let a = self.toks[open].span.end;
                let b = self.toks[close].span.start;
                let raw = self.src[a..b].replace(['~'], " ").replace("\\,", " ").replace("\\ ", " ").replace("\\;", " ");
                (super::atom::collapse_ws(&raw), close + 1)
            }
            Tok::Ident(w) if !self.latex && is_numeric_value(base) => {
                // One-letter units (`m`, `s`, `g`) only where nothing can
                // follow (but a power of the unit, `m^2`): at the very end,
                // or at the end of brackets (`(5 m)`, `(5 m^2)`, as the
                // printer writes them); `2 m + 1` is a product.
                let next = self.toks[..self.end].get(self.pos + 1);
                let power = self.unit_power_at(self.pos + 1).map_or(0, |(len, _)| len);
                let after = self.toks[..self.end].get(self.pos + 1 + power);
                let last = after.is_none_or(|n| n.is_punct(")") || n.is_punct("]"));
                if w.chars().count() == 1 && !last {
                    return Ok(None);
                }
                // `in` is also membership: `0 in A` is a relation, `5 in`
                // and `5 in + 2 in` are inches.
                if w == "in" && next.is_some_and(|n| starts_value(&n.tok)) {
                    return Ok(None);
                }
                (w.to_string(), self.pos + 1)
            }
            _ => return Ok(None),
        };
        let lower = word.to_lowercase();
        let end_span = self.toks[consumed_to - 1].span;
        if word.is_empty() {
            // `\text{ }`: a space.
            self.pos = consumed_to;
            return Ok(Some(base.clone()));
        }
        if matches!(lower.as_str(), "percent" | "percentage" | "pct" | "per cent" | "%") {
            self.pos = consumed_to;
            return Ok(Some(self.percent(base.clone(), end_span)?));
        }
        let Some(mut unit) = unit_name(&word, self.latex, base) else { return Ok(None) };
        self.pos = consumed_to;
        // Compound units: `\mathrm{km} / \mathrm{hr}`, `\mathrm{cm}^{2}`.
        loop {
            if let Some(w) = self.unit_after_slash() {
                unit.push('/');
                unit.push_str(&w);
                continue;
            }
            // A unit that already carries a power (`cc` is `cm^3`) takes no
            // second one: `cm^3^3` would print as a tower that reads back
            // as `cm^27`. The power then applies to the quantity.
            let powered = unit.rsplit('/').next().is_some_and(|last| last.contains('^'));
            if !powered {
                if let Some(n) = self.unit_power() {
                    unit.push('^');
                    unit.push_str(&n);
                    continue;
                }
            }
            break;
        }
        let end_span = self.last_span().join(end_span);
        Ok(Some(self.quantity(base.clone(), &unit, end_span)?))
    }

    /// `/ \mathrm{s}` (or plain `/ s`) after a unit: consumed, the unit word.
    fn unit_after_slash(&mut self) -> Option<String> {
        let slash = self.pos;
        if !self.toks[..self.end].get(slash)?.is_punct("/") {
            return None;
        }
        let t = self.toks[..self.end].get(slash + 1)?.clone();
        let (word, next) = match &t.tok {
            Tok::Cmd(c) if self.latex && is_unit_wrapper(c) => {
                let close = self.matching_brace(slash + 2)?;
                let a = self.toks[slash + 2].span.end;
                let b = self.toks[close].span.start;
                (super::atom::collapse_ws(&self.src[a..b].replace('~', " ")), close + 1)
            }
            Tok::Ident(w) if !self.latex => (w.to_string(), slash + 2),
            _ => return None,
        };
        let known = crate::normalize::unit(&word)?;
        self.pos = next;
        Some(known.canonical.to_string())
    }

    /// `^{2}` / `^2` right after a unit: consumed, the exponent text.
    fn unit_power(&mut self) -> Option<String> {
        let (len, n) = self.unit_power_at(self.pos)?;
        self.pos += len;
        Some(n)
    }

    /// The unit's power (`^2`, `^{2}`) whose `^` is at `at`: how many tokens
    /// it takes, and the exponent text.
    fn unit_power_at(&self, at: usize) -> Option<(usize, String)> {
        let toks = &self.toks[..self.end];
        if !toks.get(at)?.is_punct("^") {
            return None;
        }
        match &toks.get(at + 1)?.tok {
            Tok::Num(n) if n.len() == 1 => Some((2, n.to_string())),
            Tok::Punct("{") => {
                if self.matching_brace(at + 1)? != at + 3 {
                    return None;
                }
                let Tok::Num(n) = &toks[at + 2].tok else { return None };
                Some((4, n.to_string()))
            }
            _ => None,
        }
    }
}

/// The unit a word names after `base`: a known unit's canonical name, or in
/// LaTeX a word of two or more letters after a number (`5 \text{ apples}`).
fn unit_name(word: &str, latex: bool, base: &Expr) -> Option<String> {
    unit_word(word, latex && is_numeric_value(base))
}

/// The unit a word after a value names: a known unit (by its canonical
/// name), or with `any_text` (LaTeX text after a number) any unit-like
/// text of two letters or more (`apples`, `dollars per hour`).
pub(crate) fn unit_word(word: &str, any_text: bool) -> Option<String> {
    if let Some(u) = crate::normalize::unit(word) {
        return Some(u.canonical.to_string());
    }
    (any_text && word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && is_unitish_text(word)).then(|| word.to_string())
}

/// Commands whose content may be a unit after a value.
fn is_unit_wrapper(c: &str) -> bool {
    matches!(c, "text" | "textrm" | "textnormal" | "mathrm" | "mbox" | "textit" | "mathit" | "operatorname" | "rm" | "hbox")
}

/// Words that read as a unit of something counted (`apples`, `dollars
/// per hour`): letters, spaces, `/`, `^`, `.`, at most four words, and not a
/// connector.
fn is_unitish_text(w: &str) -> bool {
    !w.is_empty()
        && w.split_whitespace().count() <= 4
        && w.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '/' || c == '^' || c == '.' || c.is_ascii_digit() || c == '\'')
        && w.chars().next().is_some_and(char::is_alphabetic)
        && !super::latex_cmd::CONNECTORS.contains(&w.to_lowercase().as_str())
}

/// A token that starts a value (a right-hand side after `in`).
fn starts_value(t: &Tok) -> bool {
    matches!(t, Tok::Num(_) | Tok::Ident(_) | Tok::Str(_) | Tok::Punct("(" | "[" | "{"))
}

/// A value with no variables: units attach only to these.
fn is_numeric_value(e: &Expr) -> bool {
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        match &x.kind {
            ExprKind::Symbol { .. } | ExprKind::Apply { .. } | ExprKind::Text { .. } => return false,
            _ => x.push_children(&mut stack),
        }
    }
    true
}

/// Accent names as SymPy prints decorated symbols.
fn plain_accent(w: &str) -> Option<&'static str> {
    Some(match w {
        "bar" | "overline" => "bar",
        "hat" => "hat",
        "vec" => "vec",
        "tilde" => "tilde",
        "dot" => "dot",
        "ddot" => "ddot",
        _ => return None,
    })
}

/// One letter and then digits only (`x1`, `e9900000`): a word plain text
/// reads as the letter subscripted, unless marked as a function's name
/// (`e9900000_(x)`, as the printer writes a function so named).
pub(crate) fn letter_and_digits(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_alphabetic) && {
        let rest = cs.as_str();
        !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())
    }
}

/// A plain name as a symbol; `split` when it is a run of letters to be
/// read as a product (`xy`).
fn name_to_symbol(w: &str) -> (Symbol, bool) {
    if GREEK.contains(&w) || w == "lambda" {
        return (Symbol::new(w), false);
    }
    // `x_`: an underscore with nothing after it is a subscript left
    // unwritten, not part of the name (no LaTeX reads a name `x_`, so the
    // name could not print and read back).
    let w = match w.trim_end_matches('_') {
        "" => w,
        trimmed => trimmed,
    };
    // `x_1`, `alpha_2`, `value_2`
    if let Some((name, sub)) = w.split_once('_') {
        if !name.is_empty() && !sub.is_empty() {
            let mut s = Symbol::new(name);
            s.sub = Some(sub.to_string());
            return (s, false);
        }
    }
    // `x1` is x with subscript 1.
    if letter_and_digits(w) {
        let first = w.chars().next().expect("a letter").len_utf8();
        let mut s = Symbol::new(&w[..first]);
        s.sub = Some(w[first..].to_string());
        return (s, false);
    }
    let n = w.chars().count();
    let split = n == 2 && w.chars().all(|c| c.is_ascii_alphabetic());
    (Symbol::new(w), split)
}

fn symbol_of(e: &Expr) -> Option<Symbol> {
    match &e.kind {
        ExprKind::Symbol { sym } => Some(sym.clone()),
        ExprKind::Constant { constant: Constant::I } => Some(Symbol::new("i")),
        ExprKind::Constant { constant: Constant::E } => Some(Symbol::new("e")),
        _ => None,
    }
}

fn small_int(e: &Expr) -> Option<u32> {
    match &e.kind {
        ExprKind::Integer { value } => u32::try_from(value).ok().filter(|n| *n <= 100),
        _ => None,
    }
}

/// `'+'`, `dir='-'`.
fn limit_dir(e: &Expr) -> Option<LimitDir> {
    let text = match &e.kind {
        ExprKind::Text { text } => text.as_str(),
        ExprKind::Relation { operands, .. } => match &operands.last()?.kind {
            ExprKind::Text { text } => text.as_str(),
            _ => return None,
        },
        _ => return None,
    };
    match text {
        "+" => Some(LimitDir::Plus),
        "-" => Some(LimitDir::Minus),
        _ => None,
    }
}

/// The content of two or more adjacent strings in alternating quotes that
/// make up all of `quoted` (`"a'b"'"c'` → `a'b"c`), with the source offset
/// of each of its bytes; `None` for a single string.
fn joined_string(src: &str, quoted: Span) -> Option<(String, Vec<usize>)> {
    let (mut text, mut at, mut pieces) = (String::new(), Vec::new(), 0);
    let mut pos = quoted.start;
    while pos < quoted.end {
        let q = src[pos..].chars().next().filter(|&c| c == '"' || c == '\'')?;
        let close = pos + 1 + src[pos + 1..quoted.end].find(q)?;
        text.push_str(&src[pos + 1..close]);
        at.extend(pos + 1..close);
        pos = close + 1;
        pieces += 1;
    }
    (pieces > 1).then_some((text, at))
}
