//! Named functions: `sine x`, `the sine of open paren … close paren`,
//! `sine squared x`, `the inverse cosine of 0`, `cosine Superscript
//! negative 1 Baseline …`, `log base two of eight`, `log Subscript b
//! Baseline x`, `the natural log of x`, `max of a and b`.
//!
//! The argument:
//! * after `of`: a parenthesized group, or one implicit product (`the arc
//!   sine of 1.3 the sine of theta`), taking a following `over` when both
//!   sides are simple (`the cosine of pi over 4` is `\cos\frac{\pi}{4}`,
//!   but `l n of 5 over l n of 3` is `\frac{\ln 5}{\ln 3}`);
//! * juxtaposed: a parenthesized group, or the implicit product up to the
//!   next function or big operator (`sine alpha cosine beta`), as the
//!   LaTeX reader takes `\sin\alpha\cos\beta`.

use super::{PResult, Parser};
use crate::ast::{Expr, ExprKind, Func};
use crate::parse::parser::latex_cmd::inverse;
use crate::error::{ErrorKind, ParseError};
use crate::parse::spoken::token::{Key, Script, Tk};
use crate::span::Span;

impl<'a> Parser<'a> {
    /// The function word at the cursor, its powers, base and argument.
    pub fn parse_function(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let Tk::Func(name) = &t.tk else { return Err(self.expected("a function")) };
        let Some(mut func) = Func::from_name(name) else {
            return Err(ParseError::new(ErrorKind::UnknownWord { word: name.clone() }, t.span));
        };
        let mut power = None;
        let mut base = None;
        loop {
            match self.peek_tk().cloned() {
                Some(Tk::Key(k @ (Key::Squared | Key::Cubed))) => {
                    let s = self.bump().span;
                    power = Some(self.int(if k == Key::Squared { 2 } else { 3 }, s)?);
                }
                // `sine to the fourth power x`.
                Some(Tk::Key(Key::ToThe)) if matches!(self.peek_at(1).map(|t| &t.tk), Some(Tk::Ord(_))) => {
                    self.bump();
                    let Some(Tk::Ord(o)) = self.peek_tk().cloned() else { break };
                    let s = self.bump().span;
                    power = Some(match o {
                        crate::parse::spoken::token::Ordinal::Number(n) => self.mk(ExprKind::Integer { value: n }, s)?,
                        crate::parse::spoken::token::Ordinal::Letter(l) => self.letter(&l, s)?,
                    });
                    self.eat(Key::Power);
                }
                Some(Tk::Key(Key::Inverse)) => {
                    let s = self.bump().span;
                    func = inverse(func).ok_or_else(|| {
                        ParseError::new(ErrorKind::Unexpected { found: "`inverse`".into(), expected: "an argument" }, s)
                    })?;
                }
                Some(Tk::Script(path)) => match self.child_step(&path) {
                    Some(Script::Sup) => {
                        let (p, _) = self.parse_script(path)?;
                        let minus_one = matches!(&p.kind, ExprKind::Neg { arg } if arg.is_int(1));
                        match inverse(func) {
                            Some(inv) if minus_one => func = inv,
                            _ => power = Some(p),
                        }
                    }
                    Some(Script::Sub) if func == Func::Log && base.is_none() => {
                        base = Some(self.parse_script(path)?.0);
                    }
                    _ => break,
                },
                Some(Tk::Key(Key::Base | Key::Sub)) if func == Func::Log && base.is_none() => {
                    self.bump();
                    // One atom with its postfixes (`x sub 1`); its `of` is the log's.
                    let saved = std::mem::replace(&mut self.stop_of, true);
                    let b = self.nested(t.span, |p| p.parse_power());
                    self.stop_of = saved;
                    base = Some(b?);
                }
                _ => break,
            }
        }
        let args = self.function_arguments(func, t.span)?;
        let mut args = args;
        if let Some(b) = base {
            args.push(b);
        }
        let f = self.call(func, args, t.span)?;
        match power {
            Some(p) => self.power(f, p),
            None => Ok(f),
        }
    }

    /// The argument(s) after a function word.
    fn function_arguments(&mut self, func: Func, at: Span) -> PResult<Vec<Expr>> {
        let variadic = matches!(func, Func::Max | Func::Min | Func::Gcd | Func::Lcm);
        let of = self.eat(Key::Of).is_some();
        if self.at(Key::OpenParen) {
            let args = self.parse_call_args()?;
            return Ok(args);
        }
        if !self.starts_operand() && !self.sign_at() {
            return Err(ParseError::new(
                ErrorKind::MissingArgument { command: func.name().to_string() },
                at.join(self.last_span()),
            ));
        }
        let first = self.nested(at, |p| if of { p.parse_of_argument() } else { p.parse_juxtaposed() })?;
        let mut args = vec![first];
        // `max of a and b`, `gcd of a comma b`.
        while variadic && (self.at(Key::And) || self.at(Key::Comma)) && self.operand_at(1) {
            self.bump();
            args.push(self.nested(at, |p| p.parse_of_argument())?);
        }
        Ok(args)
    }

    fn sign_at(&self) -> bool {
        matches!(self.peek_tk(), Some(Tk::Key(Key::Negative | Key::Minus | Key::Positive | Key::PlusMinus)))
    }

    /// The argument after `of` (also of `f of x`): one implicit product,
    /// with a simple fraction (`pi over 4`) taken whole.
    pub fn parse_of_argument(&mut self) -> PResult<Expr> {
        let arg = self.parse_implicit()?;
        if self.at(Key::Over) && is_simple(&arg) && self.simple_operand_at(1) {
            let over = self.bump().span;
            let den = self.parse_simple_product()?;
            let span = arg.span.join(over).join(den.span);
            return self.mk(ExprKind::Div { num: Box::new(arg), den: Box::new(den) }, span);
        }
        Ok(arg)
    }

    /// A juxtaposed argument (and a natural `to the …` exponent): a signed
    /// implicit product up to the next function or big operator.
    pub fn parse_juxtaposed(&mut self) -> PResult<Expr> {
        if self.at(Key::OpenParen) {
            return self.parse_power();
        }
        let mut arg = self.parse_unary()?;
        while !self.big_or_function_at(0) && self.continues_implicit() {
            let rhs = self.parse_factor_after()?;
            arg = self.product(arg, rhs)?;
        }
        Ok(arg)
    }

    /// Can a simple operand (number, letter, constant) start at `offset`?
    fn simple_operand_at(&self, offset: usize) -> bool {
        matches!(
            self.peek_at(offset).map(|t| &t.tk),
            Some(Tk::Num(_) | Tk::Letter(_) | Tk::Greek(_) | Tk::Const(_) | Tk::Frac(..))
        )
    }

    /// Juxtaposed numbers, letters and constants, with their postfixes.
    fn parse_simple_product(&mut self) -> PResult<Expr> {
        let mut e = self.parse_power()?;
        while self.simple_operand_at(0) && self.continues_implicit() {
            let rhs = self.parse_factor_after()?;
            e = self.product(e, rhs)?;
        }
        Ok(e)
    }

    /// Build a known function, checking its arity (as the LaTeX reader).
    pub fn call(&mut self, func: Func, args: Vec<Expr>, name_span: Span) -> PResult<Expr> {
        let (ok, expected) = match func {
            Func::Log => (matches!(args.len(), 1 | 2), "1 or 2"),
            Func::Binom | Func::Mod => (args.len() == 2, "2"),
            Func::Gcd | Func::Lcm | Func::Min | Func::Max => (!args.is_empty(), "at least 1"),
            _ => (args.len() == 1, "1"),
        };
        let span = name_span.join(self.last_span());
        if !ok {
            return Err(ParseError::new(
                ErrorKind::Arity { func: func.name().to_string(), expected, found: args.len() },
                span,
            ));
        }
        self.mk(ExprKind::Func { func, args }, span)
    }
}

/// Numbers, letters, constants and their products and powers: what a
/// spoken `over` joins inside a function argument.
fn is_simple(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Integer { .. } | ExprKind::Decimal { .. } | ExprKind::Symbol { .. } | ExprKind::Constant { .. } => true,
        ExprKind::Mul { factors } => factors.iter().all(is_simple),
        ExprKind::Pow { base, exp } => is_simple(base) && is_simple(exp),
        ExprKind::Neg { arg } => is_simple(arg),
        _ => false,
    }
}
