//! Sums, products, integrals, limits and derivatives.
//!
//! * MathSpeak: `sigma summation Underscript k equals 1 Overscript n
//!   Endscripts …`, `integral Subscript 0 Superscript 1 Baseline … d x`,
//!   `limit Underscript x right arrow 0 Endscripts …`.
//! * ClearSpeak: `the sum from k equals 1 to n of …`, `the integral from 0
//!   to 1 of … d x`, `lim over x right arrow 0 of …`.
//! * People: `the sum of one over n squared from n equals one to
//!   infinity`, `sum over k from one to infinity of …`, `the integral of t
//!   squared dt from zero to two`, `the limit as x approaches zero of …`,
//!   `the limit of … as x approaches two`, `the derivative of … with
//!   respect to x`, `the product of x and y`.
//!
//! The body of a sum or product is one spoken-fraction term (`of k over n`,
//! `of open paren n plus 1 close paren times x to the n-th power`); an
//! integral's body runs to its differential; a limit's body is a clause
//! (`of e to the t minus one all over t`).

use super::{PResult, Parser};
use crate::ast::{BigOp, Expr, ExprKind, LimitDir, RelOp, Symbol};
use crate::error::{ErrorKind, ParseError};
use crate::parse::parser::latex_cmd::{bound_symbol, rebind_constant_letter, unwrap_singleton_set, GREEK};
use crate::parse::spoken::token::{Key, Ordinal, Script, Tk};
use crate::span::Span;

/// Optional lower and upper bounds.
type Bounds = (Option<Expr>, Option<Expr>);

impl<'a> Parser<'a> {
    /// `sum …` / `product …` at the cursor.
    pub fn parse_bigop(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let op = if t.is(Key::Sum) { BigOp::Sum } else { BigOp::Product };
        let (mut lower, mut upper) = self.script_bounds(t.span)?;
        let mut var: Option<Symbol> = None;
        // `sum over k from 1 to infinity of …`.
        if lower.is_none() && self.at(Key::Over) && matches!(self.peek_at(1).map(|t| &t.tk), Some(Tk::Letter(_) | Tk::Greek(_))) {
            self.bump();
            let v = self.parse_atom()?;
            var = bound_symbol(&v);
        }
        if lower.is_none() && self.at(Key::From) {
            (lower, upper) = self.word_bounds(t.span)?;
        }
        let said_of = self.eat(Key::Of).is_some();
        if !self.starts_operand() && !self.operand_or_sign_at(0) {
            return Err(ParseError::new(
                ErrorKind::MissingArgument { command: if op == BigOp::Sum { "sum" } else { "product" }.into() },
                t.span.join(self.last_span()),
            ));
        }
        let mut body = self.nested(t.span, |p| p.parse_term())?;
        // `the product of x and y`, `the sum of a and b`: plain arithmetic.
        if said_of && lower.is_none() && upper.is_none() && var.is_none() && self.at(Key::And) && self.operand_or_sign_at(1) {
            let mut items = vec![body];
            while self.at(Key::And) && self.operand_or_sign_at(1) {
                self.bump();
                items.push(self.nested(t.span, |p| p.parse_term())?);
            }
            let span = t.span.join(self.last_span());
            let kind = if op == BigOp::Sum { ExprKind::Add { terms: items } } else { ExprKind::Mul { factors: items } };
            return self.mk(kind, span);
        }
        // `the sum of one over n squared from n equals one to infinity`.
        if lower.is_none() && upper.is_none() && self.at(Key::From) {
            (lower, upper) = self.word_bounds(t.span)?;
        }
        let (v, lower) = split_index(lower);
        // A lower bound still a relation after `split_index` (`from i r
        // equals 1`, `Underscript 1 less-than k Endscripts`) is a condition,
        // not `index = start`: the sum has no index, as LaTeX reads
        // `\sum_{i r = 1}`. An index beside it (`sum over k from i r equals
        // 1`) could not be written (`\sum_{k=i r = 1}` reads as a chain).
        let condition = matches!(lower.as_ref().map(|l| &l.kind), Some(ExprKind::Relation { .. }));
        if condition && var.is_some() {
            return Err(ParseError::new(
                ErrorKind::Unexpected { found: self.text(t.span.join(self.last_span())), expected: "bounds of the index" },
                t.span.join(self.last_span()),
            ));
        }
        // `the sum of i from one to n`: bounds without an index run over
        // the body's one variable.
        let var = var.or(v).or_else(|| if lower.is_some() && !condition { only_variable(&body) } else { None });
        if let Some(v) = &var {
            body = rebind_constant_letter(body, v);
        }
        let span = t.span.join(self.last_span());
        self.mk(
            ExprKind::BigOp { op, body: Box::new(body), var, lower: lower.map(Box::new), upper: upper.map(Box::new) },
            span,
        )
    }

    /// MathSpeak bounds: `Underscript … Overscript … Endscripts`, or
    /// `Subscript … Superscript … Baseline` on the operator.
    fn script_bounds(&mut self, at: Span) -> PResult<Bounds> {
        let mut lower = None;
        let mut upper = None;
        if self.eat(Key::Underscript).is_some() {
            lower = Some(self.nested(at, |p| p.fresh_scope(|p| p.parse_relation()))?);
            if self.eat(Key::Overscript).is_some() {
                upper = Some(self.nested(at, |p| p.fresh_scope(|p| p.parse_relation()))?);
            }
            self.expect(Key::Endscripts, "`Endscripts`")?;
            return Ok((lower, upper));
        }
        if self.eat(Key::Overscript).is_some() {
            upper = Some(self.nested(at, |p| p.fresh_scope(|p| p.parse_relation()))?);
            self.expect(Key::Endscripts, "`Endscripts`")?;
            return Ok((lower, upper));
        }
        for _ in 0..2 {
            let Some(Tk::Script(path)) = self.peek_tk().cloned() else { break };
            match self.child_step(&path) {
                Some(Script::Sub) if lower.is_none() => lower = Some(self.parse_script(path)?.0),
                Some(Script::Sup) if upper.is_none() => upper = Some(self.parse_script(path)?.0),
                _ => break,
            }
        }
        Ok((lower, upper))
    }

    /// `from a to b` (the cursor at `from`), where `of` ends the upper bound.
    fn word_bounds(&mut self, at: Span) -> PResult<Bounds> {
        self.expect(Key::From, "`from`")?;
        let saved = self.stop_of;
        self.stop_of = true;
        let r = self.bounds_from_to(at);
        self.stop_of = saved;
        let (lo, hi) = r?;
        Ok((Some(lo), Some(hi)))
    }

    /// `integral …` at the cursor.
    pub fn parse_integral(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let (mut lower, mut upper) = self.script_bounds(t.span)?;
        if lower.is_none() && upper.is_none() && self.at(Key::From) {
            (lower, upper) = self.word_bounds(t.span)?;
        }
        self.eat(Key::Of);
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: "integral".into() }, t.span));
        }
        let saved = self.differential.take();
        self.integral_depth += 1;
        let body = if self.take_differential() {
            // `the integral of d x`: the integrand is 1.
            Ok(None)
        } else {
            self.nested(t.span, |p| p.parse_sum()).map(Some)
        };
        self.integral_depth -= 1;
        let var = std::mem::replace(&mut self.differential, saved);
        let body = match body? {
            // A one-element set as the whole integrand is braces that group,
            // as the LaTeX reader takes `\int \{x\} dx` (so `the integral
            // of the set 1` prints as what LaTeX reads back).
            Some(b) => unwrap_singleton_set(b),
            None => self.int(1, t.span)?,
        };
        // People leave out `d x` (`the integral of x squared from zero to
        // one`): the variable is the body's one variable.
        // Only a variable a differential can name (`d x`, `d\theta`): the
        // LaTeX reader takes no subscript, accent or prime after the `d`,
        // so `the integral of x one` (of `x_1`) has no variable, as
        // `\int x_{1}` has none.
        let var = var.or_else(|| only_variable(&body).filter(differential_symbol));
        // `the integral of t squared dt from zero to two`.
        if lower.is_none() && upper.is_none() && self.at(Key::From) {
            (lower, upper) = self.word_bounds(t.span)?;
        }
        let span = t.span.join(self.last_span());
        self.mk(
            ExprKind::Integral { body: Box::new(body), var, lower: lower.map(Box::new), upper: upper.map(Box::new) },
            span,
        )
    }

    /// `limit …` / `lim …` at the cursor.
    pub fn parse_limit(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let mut body = None;
        let (var, to, dir) = if self.eat(Key::Underscript).is_some() {
            let r = self.nested(t.span, |p| p.fresh_scope(|p| p.limit_approach()))?;
            self.expect(Key::Endscripts, "`Endscripts`")?;
            r
        } else if self.eat(Key::Over).is_some() || self.eat(Key::As).is_some() {
            let r = self.limit_approach_before_of(t.span)?;
            self.eat(Key::Of);
            if self.peek_tk() == Some(&Tk::Pause) {
                self.bump();
            }
            r
        } else if self.eat(Key::Of).is_some() {
            // `the limit of … as x approaches 2`.
            body = Some(self.nested(t.span, |p| p.parse_sum())?);
            if self.peek_tk() == Some(&Tk::Pause) {
                self.bump();
            }
            self.expect(Key::As, "`as`")?;
            self.limit_approach_before_of(t.span)?
        } else {
            return Err(self.expected("`as`, `over`, `of` or `Underscript` after `limit`"));
        };
        let body = match body {
            Some(b) => b,
            None => {
                if !self.operand_or_sign_at(0) {
                    return Err(ParseError::new(ErrorKind::MissingArgument { command: "limit".into() }, t.span));
                }
                self.nested(t.span, |p| p.parse_sum())?
            }
        };
        let span = t.span.join(self.last_span());
        self.mk(ExprKind::Limit { body: Box::new(body), var, to: Box::new(to), dir }, span)
    }

    fn limit_approach_before_of(&mut self, at: Span) -> PResult<(Symbol, Expr, Option<LimitDir>)> {
        let saved = self.stop_of;
        self.stop_of = true;
        let r = self.nested(at, |p| p.limit_approach());
        self.stop_of = saved;
        r
    }

    /// `x right arrow 0`, `x approaches zero from the right`, `x right
    /// arrow 0 Superscript plus`.
    fn limit_approach(&mut self) -> PResult<(Symbol, Expr, Option<LimitDir>)> {
        let v = self.parse_atom()?;
        let Some(var) = bound_symbol(&v) else {
            return Err(ParseError::new(
                ErrorKind::Unexpected { found: self.text(v.span), expected: "the limit variable" },
                v.span,
            ));
        };
        match self.peek_tk() {
            Some(Tk::Key(Key::Approaches | Key::RightArrow | Key::To | Key::ToThe)) | Some(Tk::Rel(RelOp::Eq)) => {
                self.bump();
            }
            _ => return Err(self.expected("`approaches` or `right arrow`")),
        }
        let first = self.parse_term()?;
        let mut terms = vec![first];
        let mut dir = None;
        while self.sum_operator_follows() {
            if !self.operand_or_sign_at(1) {
                // `0 plus`: from above.
                dir = Some(if self.at(Key::Minus) { LimitDir::Minus } else { LimitDir::Plus });
                self.bump();
                break;
            }
            let op = self.bump();
            self.sum_step(&op, &mut terms)?;
        }
        let to = self.sum_of(terms)?;
        if dir.is_none() {
            dir = self.limit_direction();
        }
        Ok((var, to, dir))
    }

    /// `from the left`, `from the right`, `Superscript plus`.
    fn limit_direction(&mut self) -> Option<LimitDir> {
        if self.eat(Key::FromLeft).is_some() {
            return Some(LimitDir::Minus);
        }
        if self.eat(Key::FromRight).is_some() {
            return Some(LimitDir::Plus);
        }
        let Some(Tk::Script(path)) = self.peek_tk().cloned() else { return None };
        if self.child_step(&path) != Some(Script::Sup) {
            return None;
        }
        let dir = if self.at_k(1, Key::Plus) {
            LimitDir::Plus
        } else if self.at_k(1, Key::Minus) {
            LimitDir::Minus
        } else {
            return None;
        };
        self.bump();
        self.bump();
        if matches!(self.peek_tk(), Some(Tk::Script(p)) if p.as_slice() == self.level.as_slice()) {
            self.bump();
        }
        Some(dir)
    }

    /// `the derivative of … with respect to x`, `the second derivative of
    /// y with respect to x`, `the derivative with respect to x of …`.
    pub fn parse_derivative(&mut self) -> PResult<Expr> {
        let start = self.here();
        let mut order = 1u32;
        if let Some(Tk::Ord(o)) = self.peek_tk().cloned() {
            let s = self.bump().span;
            order = match o {
                Ordinal::Number(n) => u32::try_from(&n).ok().filter(|n| (1..=crate::ast::MAX_DERIVATIVE_ORDER).contains(n)).ok_or_else(|| {
                    ParseError::new(
                        ErrorKind::Unexpected { found: self.text(s), expected: "a derivative order from 1 to 20" },
                        s,
                    )
                })?,
                Ordinal::Letter(_) => {
                    return Err(ParseError::new(
                        ErrorKind::Unexpected { found: self.text(s), expected: "a numeric derivative order" },
                        s,
                    ))
                }
            };
        }
        self.expect(Key::Derivative, "`derivative`")?;
        let (body, var) = if self.eat(Key::WithRespectTo).is_some() {
            let var = self.derivative_variable()?;
            self.eat(Key::Of);
            (self.nested(start, |p| p.parse_sum())?, var)
        } else {
            self.eat(Key::Of);
            let body = self.nested(start, |p| p.parse_sum())?;
            if self.eat(Key::WithRespectTo).is_some() {
                (body, self.derivative_variable()?)
            } else {
                // `the derivative of sine x is cosine x`: with respect to
                // the one variable there is.
                // A lone name (`the derivative of f`) is taken with respect to x.
                let var = if matches!(body.kind, ExprKind::Symbol { .. }) {
                    Some(Symbol::new("x"))
                } else {
                    only_variable(&body)
                };
                let var = var.ok_or_else(|| self.expected("`with respect to`"))?;
                (body, var)
            }
        };
        let span = start.join(self.last_span());
        self.mk(ExprKind::Derivative { body: Box::new(body), var, order }, span)
    }

    fn derivative_variable(&mut self) -> PResult<Symbol> {
        let v = self.parse_atom()?;
        bound_symbol(&v).ok_or_else(|| {
            ParseError::new(ErrorKind::Unexpected { found: self.text(v.span), expected: "a variable" }, v.span)
        })
    }
}

/// `k equals 1` as a lower bound: the index and its start; a bare `k`: the
/// index alone (as the LaTeX reader splits `\sum_{k=1}`).
fn split_index(lower: Option<Expr>) -> (Option<Symbol>, Option<Expr>) {
    let Some(l) = lower else { return (None, None) };
    if let ExprKind::Relation { ops, operands } = &l.kind {
        if ops.len() == 1 && ops[0] == RelOp::Eq {
            if let Some(v) = bound_symbol(&operands[0]) {
                return (Some(v), Some(operands[1].clone()));
            }
        }
    }
    match bound_symbol(&l) {
        Some(v) => (Some(v), None),
        None => (None, Some(l)),
    }
}

/// A variable a differential names in every syntax: one letter or a Greek
/// name, undecorated.
fn differential_symbol(sym: &Symbol) -> bool {
    let n = &sym.name;
    let letter = n.chars().count() == 1 && n.chars().all(char::is_alphabetic);
    sym.sub.is_none() && sym.accent.is_none() && sym.primes == 0 && (letter || GREEK.contains(&n.as_str()))
}

/// The one variable of `e`, if it has exactly one; a body with no
/// variable but the letter `i` (read as the imaginary unit) runs over `i`.
fn only_variable(e: &Expr) -> Option<Symbol> {
    let mut found: Option<Symbol> = None;
    let mut has_i = false;
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        match &x.kind {
            ExprKind::Symbol { sym } => match &found {
                Some(f) if f != sym => return None,
                _ => found = Some(sym.clone()),
            },
            ExprKind::Constant { constant: crate::ast::Constant::I } => has_i = true,
            _ => {}
        }
        x.push_children(&mut stack);
    }
    found.or_else(|| has_i.then(|| Symbol::new("i")))
}
