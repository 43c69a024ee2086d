//! The spoken-math parser: a precedence parser over word tokens whose
//! scopes come from the cues people and screen readers use.
//!
//! Levels, loosest first:
//! list (`comma`, a pause) → relation (`equals`, `is less than`) → set
//! operation (`union`) → sum (`plus`, `minus`, `plus or minus`, and the
//! trailing `all over …` / `all squared` that take everything before) →
//! spoken fraction (`a over b`: looser than `times`, tighter than `plus`,
//! as ClearSpeak reads `9 a over 4 times open paren a minus 5 close paren`)
//! → product (`times`, `divided by`, `dot`, `choose`, `mod`) → implicit
//! product → sign (`negative`, `minus`, `plus or minus`) → postfix
//! (`squared`, `to the fourth power`, `Superscript … Baseline`, `sub`,
//! `factorial`, `prime`, `bar`, `of` for application) → atom.
//!
//! Marked scopes (`StartFraction … EndFraction`, `open paren … close
//! paren`, `raised to the … power`) end at their closer. Unmarked ones
//! (`the square root of …`, `… and denominator …`, a MathSpeak exponent
//! without `Baseline`) follow the rules in [`scope`].
//!
//! Every recursive entry goes through [`Parser::enter`] (`Limits::max_depth`)
//! and every node through [`Parser::mk`] (`Limits::max_nodes`).

mod ahead;
mod atom;
mod calculus;
mod functions;
mod postfix;
mod scope;
mod structures;

use num_bigint::BigInt;

use super::token::{Key, Script, Tk, Token};
use crate::ast::{Constant, Expr, ExprKind, SetOp, Symbol};
use crate::error::{ErrorKind, ParseError};
use crate::limits::Limits;
use crate::span::Span;

pub(crate) type PResult<T> = Result<T, ParseError>;

/// Stack left before growing, and the size of each new segment.
const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_GROWTH: usize = 2 * 1024 * 1024;

pub(crate) struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    /// Closers and script ends ahead, precomputed.
    ahead: ahead::Ahead,
    /// Token visits left for searches ahead (`RootIndex … StartRoot`),
    /// so no input makes them quadratic.
    scan_budget: usize,
    pos: usize,
    /// Exclusive end of the token range being parsed.
    end: usize,
    limits: &'a Limits,
    depth: usize,
    nodes: usize,
    /// Every node made, including those of abandoned tentative parses: the
    /// bound on total work.
    work: usize,
    /// The MathSpeak script level being parsed: the path from the baseline.
    level: Vec<Script>,
    /// Inside brackets or arguments: `comma` separates items and never
    /// groups thousands.
    bracket_depth: usize,
    /// `of` ends the current scope (a bound of `the sum from k equals 1 to
    /// n of …`), instead of applying a function.
    stop_of: bool,
    /// `times` ends the current scope (`the quantity a plus b times …`
    /// without `end quantity`).
    stop_times: bool,
    /// `divided by` ends the current scope (a radicand: SRE reads
    /// `\sqrt{2}/2` as `the square root of 2 divided by 2`, while a
    /// quotient under a root is written as a fraction).
    stop_divided: bool,
    /// `to` ends the current scope (the lower bound of `from 0 to 1`), so
    /// `to the` is not read as a power there.
    stop_to: bool,
    /// Inside an integral body: a differential (`d x`, `dx`) ends it.
    integral_depth: usize,
    /// The differential found while parsing an integral body.
    differential: Option<Symbol>,
    /// Inside `vertical bar … vertical bar`: a bar closes.
    bar_depth: usize,
    /// Reading matrix cells or vector items side by side: a number after a
    /// letter is the next cell, not a subscript.
    cells: bool,
    /// The atom being parsed follows another factor of an implicit product
    /// (`4 the square root of 5 over 5`: the `over` is outside the root).
    after_factor: bool,
    /// Which unmarked scopes to read the other way ([`Reading`]).
    reading: Reading,
    /// The unmarked scopes met where the other reading would differ.
    met: Reading,
}

/// The unmarked scopes whose reach speech leaves open. The default reading
/// is the common one (the module docs of [`scope`]); a set flag reads
/// every scope of that kind the other way, for
/// [`super::readings`]'s alternatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Reading {
    /// `to the …` / `to the power of …` run over a sum to the end of the
    /// clause (`x to the n plus one` as `x^{n+1}`), not one product.
    pub long_exponent: bool,
    /// `the square root of …` stops after its first term (`the square root
    /// of x plus one` as `\sqrt{x}+1`), or, where a bare number stopped it,
    /// goes on (`the square root of 5 minus 1` as `\sqrt{5-1}`).
    pub flip_radicand: bool,
}

impl Reading {
    /// The readings that flip some of the scopes in `met`, each once.
    pub fn alternatives(met: Reading) -> Vec<Reading> {
        let mut out = Vec::new();
        for long_exponent in [false, true] {
            for flip_radicand in [false, true] {
                let r = Reading { long_exponent, flip_radicand };
                if r != Reading::default() && (!long_exponent || met.long_exponent) && (!flip_radicand || met.flip_radicand) {
                    out.push(r);
                }
            }
        }
        out
    }
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, toks: Vec<Token>, limits: &'a Limits) -> Parser<'a> {
        let end = toks.len();
        Parser {
            src,
            ahead: ahead::Ahead::new(&toks),
            scan_budget: toks.len().saturating_mul(16).saturating_add(1024),
            toks,
            pos: 0,
            end,
            limits,
            depth: 0,
            nodes: 0,
            work: 0,
            level: Vec::new(),
            bracket_depth: 0,
            stop_of: false,
            stop_times: false,
            stop_to: false,
            stop_divided: false,
            integral_depth: 0,
            differential: None,
            bar_depth: 0,
            cells: false,
            after_factor: false,
            reading: Reading::default(),
            met: Reading::default(),
        }
    }

    /// Read the unmarked scopes of `reading`'s kinds the other way.
    pub fn with_reading(mut self, reading: Reading) -> Parser<'a> {
        self.reading = reading;
        self
    }

    /// The ambiguous scopes met so far.
    pub fn met(&self) -> Reading {
        self.met
    }

    // ---- token access ------------------------------------------------------

    pub fn peek(&self) -> Option<&Token> {
        self.toks[..self.end].get(self.pos)
    }

    pub fn peek_at(&self, k: usize) -> Option<&Token> {
        self.toks[..self.end].get(self.pos + k)
    }

    pub fn peek_tk(&self) -> Option<&Tk> {
        self.peek().map(|t| &t.tk)
    }

    pub fn at(&self, k: Key) -> bool {
        self.peek().is_some_and(|t| t.is(k))
    }

    pub fn at_k(&self, offset: usize, k: Key) -> bool {
        self.peek_at(offset).is_some_and(|t| t.is(k))
    }

    pub fn at_end(&self) -> bool {
        self.peek().is_none()
    }

    pub fn bump(&mut self) -> Token {
        let t = self.toks[self.pos].clone();
        self.pos += 1;
        t
    }

    pub fn eat(&mut self, k: Key) -> Option<Span> {
        if self.at(k) {
            return Some(self.bump().span);
        }
        None
    }

    pub fn expect(&mut self, k: Key, what: &'static str) -> PResult<Span> {
        match self.eat(k) {
            Some(s) => Ok(s),
            None => Err(self.expected(what)),
        }
    }

    /// The error for a missing `what` at the current token.
    pub fn expected(&self, what: &'static str) -> ParseError {
        match self.peek() {
            None => ParseError::new(ErrorKind::UnexpectedEnd { expected: what }, self.end_span()),
            Some(t) => match &t.tk {
                Tk::Word(w) => ParseError::new(ErrorKind::UnknownWord { word: w.clone() }, t.span),
                _ => ParseError::new(ErrorKind::Unexpected { found: t.describe(self.src), expected: what }, t.span),
            },
        }
    }

    /// A zero-width span at the end of the current range.
    pub fn end_span(&self) -> Span {
        let at = match self.toks.get(self.end) {
            Some(t) if self.end < self.toks.len() => t.span.start,
            _ => self.toks[..self.end].last().map_or(self.src.len(), |t| t.span.end),
        };
        Span::new(at, at)
    }

    pub fn last_span(&self) -> Span {
        self.pos.checked_sub(1).and_then(|i| self.toks.get(i)).map_or(Span::EMPTY, |t| t.span)
    }

    pub fn here(&self) -> Span {
        self.peek().map_or_else(|| self.end_span(), |t| t.span)
    }

    // ---- limits --------------------------------------------------------------

    /// Enter one level of nesting.
    pub fn enter(&mut self, span: Span) -> PResult<()> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            return Err(ParseError::new(ErrorKind::TooDeep { limit: self.limits.max_depth }, span));
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Run `f` one nesting level deeper, with stack to spare.
    pub fn nested<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter(span)?;
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_GROWTH, || f(self));
        self.leave();
        r
    }

    /// Make a node, counting it against the node limit.
    pub fn mk(&mut self, kind: ExprKind, span: Span) -> PResult<Expr> {
        self.nodes += 1;
        self.work += 1;
        // Tentative parses (see `scope`) are abandoned and redone; their
        // work counts too, up to a few times the node budget.
        if self.nodes > self.limits.max_nodes || self.work > self.limits.max_nodes.saturating_mul(4) {
            return Err(ParseError::new(ErrorKind::TooManyNodes { limit: self.limits.max_nodes }, span));
        }
        Ok(Expr::new(kind, span))
    }

    pub fn int(&mut self, n: i64, span: Span) -> PResult<Expr> {
        self.mk(ExprKind::Integer { value: BigInt::from(n) }, span)
    }

    /// The index of the first token from the cursor (before the range end)
    /// for which `pred` holds, within the scan budget.
    pub fn find_ahead(&mut self, pred: impl Fn(&Token) -> bool) -> PResult<Option<usize>> {
        for i in self.pos..self.end {
            if self.scan_budget == 0 {
                return Err(ParseError::new(ErrorKind::TooManyNodes { limit: self.limits.max_nodes }, self.here()));
            }
            self.scan_budget -= 1;
            if pred(&self.toks[i]) {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// Is the closer of the opener at token `i` said (within the range)?
    pub fn closer_said(&self, i: usize) -> bool {
        self.ahead.closer_of(i, self.end).is_some()
    }

    /// A saved position for a tentative parse.
    pub fn save(&self) -> (usize, usize, Option<Symbol>) {
        (self.pos, self.nodes, self.differential.clone())
    }

    pub fn restore(&mut self, s: (usize, usize, Option<Symbol>)) {
        self.pos = s.0;
        self.nodes = s.1;
        self.differential = s.2;
    }

    /// Parse with the scope flags cleared (inside an explicitly closed
    /// group), then put them back.
    pub fn fresh_scope<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let saved = (self.stop_of, self.stop_times, self.stop_to, self.integral_depth, self.differential.take(), self.stop_divided);
        self.stop_of = false;
        self.stop_times = false;
        self.stop_to = false;
        self.stop_divided = false;
        self.integral_depth = 0;
        let r = f(self);
        self.stop_of = saved.0;
        self.stop_times = saved.1;
        self.stop_to = saved.2;
        self.integral_depth = saved.3;
        self.differential = saved.4;
        self.stop_divided = saved.5;
        r
    }

    // ---- the levels -------------------------------------------------------------

    /// The whole input: a list of answers, then nothing more.
    pub fn parse_top(&mut self) -> PResult<Expr> {
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::Empty, Span::new(0, self.src.len())));
        }
        let e = self.parse_list(true)?;
        if self.peek().is_some() {
            return Err(self.expected("an operator or end of input"));
        }
        Ok(e)
    }

    /// Items separated by `comma` or a pause (and at top level `and` / `or`
    /// between whole items: `x equals 1 or x equals 2`). One item is
    /// returned as itself; more make a `List`.
    pub fn parse_list(&mut self, top: bool) -> PResult<Expr> {
        let start = self.here();
        let mut items = vec![self.parse_relation()?];
        loop {
            let sep = self.at(Key::Comma)
                || self.peek_tk() == Some(&Tk::Pause)
                || (top && (self.at(Key::And) || self.at(Key::Or)));
            if !sep {
                break;
            }
            self.bump();
            if self.at_end() {
                break;
            }
            items.push(self.parse_relation()?);
        }
        if items.len() == 1 {
            return Ok(items.pop().expect("one"));
        }
        let span = start.join(self.last_span());
        self.mk(ExprKind::List { items }, span)
    }

    /// A relation or chain of relations: `a is less than b is less than c`.
    pub fn parse_relation(&mut self) -> PResult<Expr> {
        let first = self.parse_setop()?;
        let mut ops = Vec::new();
        let mut operands = vec![first];
        while let Some(Tk::Rel(op)) = self.peek_tk().cloned() {
            self.bump();
            if self.at_end() {
                return Err(ParseError::new(
                    ErrorKind::UnexpectedEnd { expected: "the right-hand side of a relation" },
                    self.end_span(),
                ));
            }
            operands.push(self.parse_setop()?);
            ops.push(op);
        }
        if ops.is_empty() {
            return Ok(operands.pop().expect("one"));
        }
        let span = operands[0].span.join(operands.last().expect("some").span);
        self.mk(ExprKind::Relation { ops, operands }, span)
    }

    /// `A union B`, `A intersection B`, `A set minus B`, left-associative.
    fn parse_setop(&mut self) -> PResult<Expr> {
        let mut lhs = self.parse_sum()?;
        loop {
            let op = match self.peek_tk() {
                Some(Tk::Key(Key::Union)) => SetOp::Union,
                Some(Tk::Key(Key::Intersection)) => SetOp::Intersection,
                Some(Tk::Key(Key::SetMinus)) => SetOp::Difference,
                _ => break,
            };
            self.bump();
            let rhs = self.parse_sum()?;
            let span = lhs.span.join(rhs.span);
            lhs = self.mk(ExprKind::SetOp { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span)?;
        }
        Ok(lhs)
    }

    /// A clause-level sum: terms joined by `plus`, `minus`, `plus or
    /// minus`, with `all over …` and `all squared` applying to everything
    /// gathered so far. A pause before an operator is only a pause.
    pub fn parse_sum(&mut self) -> PResult<Expr> {
        let first = self.parse_term()?;
        let mut terms = vec![first];
        loop {
            if self.differential.is_some() {
                break;
            }
            if self.peek_tk() == Some(&Tk::Pause) && self.pause_continues() {
                self.bump();
            }
            if self.at(Key::All) {
                let acc = self.sum_of(std::mem::take(&mut terms))?;
                let acc = self.parse_all(acc)?;
                terms.push(acc);
                continue;
            }
            if !self.sum_operator_follows() {
                break;
            }
            let t = self.bump();
            self.sum_step(&t, &mut terms)?;
        }
        self.sum_of(terms)
    }

    /// Is the next token `plus`, `minus`, `plus or minus`, `minus or plus`?
    pub fn sum_operator_follows(&self) -> bool {
        matches!(self.peek_tk(), Some(Tk::Key(Key::Plus | Key::Minus | Key::PlusMinus | Key::MinusPlus)))
    }

    /// After the sum operator `t`: read the next term into `terms`.
    pub fn sum_step(&mut self, t: &Token, terms: &mut Vec<Expr>) -> PResult<()> {
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "an operand" }, self.end_span()));
        }
        let rhs = self.parse_term()?;
        self.push_term(t, rhs, terms)
    }

    /// Add `rhs` to `terms` as the operator token `t` says.
    pub fn push_term(&mut self, t: &Token, rhs: Expr, terms: &mut Vec<Expr>) -> PResult<()> {
        match &t.tk {
            Tk::Key(Key::Plus) => terms.push(rhs),
            Tk::Key(Key::Minus) => {
                let span = t.span.join(rhs.span);
                let neg = self.mk(ExprKind::Neg { arg: Box::new(rhs) }, span)?;
                terms.push(neg);
            }
            _ => {
                let lhs = self.sum_of(std::mem::take(terms))?;
                let span = lhs.span.join(rhs.span);
                let minus_plus = t.is(Key::MinusPlus);
                let pm = self.mk(ExprKind::PlusMinus { lhs: Some(Box::new(lhs)), rhs: Box::new(rhs), minus_plus }, span)?;
                terms.push(pm);
            }
        }
        Ok(())
    }

    /// Does the pause at the cursor only mark a breath before an operator
    /// (`…four a c, all over two a`)?
    fn pause_continues(&self) -> bool {
        matches!(
            self.peek_at(1).map(|t| &t.tk),
            Some(Tk::Key(
                Key::All | Key::Plus | Key::Minus | Key::Times | Key::Over | Key::DividedBy | Key::PlusMinus
            ))
        )
    }

    /// `all over b`, `all squared`, `all to the n`, `all cubed`: the
    /// operation applies to `acc`, everything gathered so far.
    fn parse_all(&mut self, acc: Expr) -> PResult<Expr> {
        let all = self.bump().span;
        if self.eat(Key::Over).is_some() || self.eat(Key::DividedBy).is_some() {
            let den = self.parse_term()?;
            let span = acc.span.join(den.span);
            return self.mk(ExprKind::Div { num: Box::new(acc), den: Box::new(den) }, span);
        }
        if self.power_suffix_follows() {
            return self.parse_power_suffix(acc);
        }
        Err(ParseError::new(
            ErrorKind::Unexpected { found: "`all`".into(), expected: "`over`, `squared` or a power after `all`" },
            all,
        ))
    }

    pub fn sum_of(&mut self, mut terms: Vec<Expr>) -> PResult<Expr> {
        if terms.len() == 1 {
            return Ok(terms.pop().expect("one"));
        }
        let span = terms[0].span.join(terms.last().expect("some").span);
        self.mk(ExprKind::Add { terms }, span)
    }

    /// A spoken fraction level: products joined by `over`. After a
    /// fraction, a following factor or product operator applies to it
    /// (`1 over n the sum from …` is `\frac{1}{n}\sum…`, `20 over 37
    /// times open paren … close paren` is `\frac{20}{37}(…)`), since a
    /// denominator stops early (see [`Parser::finish_over`]).
    pub fn parse_term(&mut self) -> PResult<Expr> {
        let mut lhs = self.parse_product()?;
        let mut was_fraction = false;
        loop {
            if self.differential.is_some() {
                break;
            }
            if self.at(Key::Over) {
                let over = self.bump().span;
                lhs = self.finish_over(lhs, over)?;
                was_fraction = matches!(lhs.kind, ExprKind::Div { .. });
                continue;
            }
            if was_fraction && self.starts_operand() {
                let rhs = self.parse_product()?;
                lhs = self.product(lhs, rhs)?;
                continue;
            }
            if was_fraction && matches!(self.peek_tk(), Some(Tk::Key(Key::Times | Key::Dot | Key::DividedBy | Key::Choose | Key::Mod))) {
                let before = self.pos;
                lhs = self.continue_product(lhs)?;
                if self.pos != before {
                    continue;
                }
            }
            break;
        }
        Ok(lhs)
    }

    /// Products and quotients with operator words.
    pub fn parse_product(&mut self) -> PResult<Expr> {
        let lhs = self.parse_implicit()?;
        self.continue_product(lhs)
    }

    /// The operator words after the first operand of a product.
    pub fn continue_product(&mut self, mut lhs: Expr) -> PResult<Expr> {
        loop {
            if self.differential.is_some() {
                break;
            }
            let Some(Tk::Key(k)) = self.peek_tk().cloned() else { break };
            match k {
                Key::Times | Key::Dot => {
                    if self.stop_times && k == Key::Times {
                        break;
                    }
                    // `times d x` in an integral: the differential, not a factor.
                    if self.integral_depth > 0 && self.differential_at(1).is_some() {
                        self.bump();
                        self.take_differential();
                        break;
                    }
                    // `x dot` with nothing after is a decoration, read in postfix.
                    if !self.operand_or_sign_at(1) {
                        break;
                    }
                    self.bump();
                    let rhs = self.parse_implicit()?;
                    lhs = self.product(lhs, rhs)?;
                }
                Key::DividedBy => {
                    if self.stop_divided {
                        break;
                    }
                    self.bump();
                    let rhs = self.parse_implicit()?;
                    let span = lhs.span.join(rhs.span);
                    lhs = self.mk(ExprKind::Div { num: Box::new(lhs), den: Box::new(rhs) }, span)?;
                }
                Key::Choose => {
                    self.bump();
                    let rhs = self.parse_implicit()?;
                    let span = lhs.span.join(rhs.span);
                    lhs = self.mk(ExprKind::Func { func: crate::ast::Func::Binom, args: vec![lhs, rhs] }, span)?;
                }
                Key::Mod => {
                    self.bump();
                    let rhs = self.parse_implicit()?;
                    let span = lhs.span.join(rhs.span);
                    lhs = self.mk(ExprKind::Func { func: crate::ast::Func::Mod, args: vec![lhs, rhs] }, span)?;
                }
                _ => break,
            }
        }
        Ok(lhs)
    }

    /// `a · b`, flattening into one product node.
    pub fn product(&mut self, lhs: Expr, rhs: Expr) -> PResult<Expr> {
        let span = lhs.span.join(rhs.span);
        self.mk(Expr::times(lhs, rhs), span)
    }

    /// A run of juxtaposed factors: `2 x sine y`. Starts with a possibly
    /// signed factor.
    pub fn parse_implicit(&mut self) -> PResult<Expr> {
        let mut lhs = self.parse_unary()?;
        while self.continues_implicit() {
            let rhs = self.parse_factor_after()?;
            lhs = self.product(lhs, rhs)?;
        }
        self.partial_quotient(lhs)
    }

    /// `partial f partial x` and `d y d x`, said without `over`:
    /// `\frac{\partial f}{\partial x}`, `\frac{dy}{dx}`.
    fn partial_quotient(&mut self, e: Expr) -> PResult<Expr> {
        let ExprKind::Mul { factors } = &e.kind else { return Ok(e) };
        // `dy dx` arrives as two products of two.
        let flat: Vec<&Expr> = factors
            .iter()
            .flat_map(|f| match &f.kind {
                ExprKind::Mul { factors } => factors.iter().collect::<Vec<_>>(),
                _ => vec![f],
            })
            .collect();
        let is_op = |x: &Expr, name: &str| matches!(&x.kind, ExprKind::Symbol { sym } if sym.name == name && sym.sub.is_none() && sym.primes == 0);
        let is_var = |x: &Expr| {
            matches!(&x.kind, ExprKind::Symbol { .. } | ExprKind::Constant { .. }) && !is_op(x, "partial") && !is_op(x, "d")
        };
        let pattern = flat.len() == 4
            && ["partial", "d"].iter().any(|op| is_op(flat[0], op) && is_op(flat[2], op))
            && is_var(flat[1])
            && is_var(flat[3]);
        if !pattern {
            return Ok(e);
        }
        let factors: Vec<Expr> = flat.into_iter().cloned().collect();
        let span = e.span;
        let mut factors = factors;
        let den: Vec<Expr> = factors.drain(2..).collect();
        let num_span = factors[0].span.join(factors[1].span);
        let den_span = den[0].span.join(den[1].span);
        let num = self.mk(ExprKind::Mul { factors }, num_span)?;
        let den = self.mk(ExprKind::Mul { factors: den }, den_span)?;
        self.mk(ExprKind::Div { num: Box::new(num), den: Box::new(den) }, span)
    }

    /// Can another factor of an implicit product start here? Not at a
    /// differential inside an integral.
    pub fn continues_implicit(&mut self) -> bool {
        if self.differential.is_some() {
            return false;
        }
        if self.integral_depth > 0 && self.differential_at(0).is_some() {
            self.take_differential();
            return false;
        }
        self.starts_operand()
    }

    /// A further factor of an implicit product.
    pub fn parse_factor_after(&mut self) -> PResult<Expr> {
        self.after_factor = true;
        let r = self.parse_power();
        self.after_factor = false;
        r
    }

    /// A sign word and its operand: `negative x squared` is `-(x^2)`.
    pub fn parse_unary(&mut self) -> PResult<Expr> {
        let Some(t) = self.peek().cloned() else {
            return Err(self.expected("an expression"));
        };
        let sign = match &t.tk {
            Tk::Key(Key::Negative | Key::Minus) => '-',
            Tk::Key(Key::Positive | Key::Plus) => '+',
            Tk::Key(Key::PlusMinus) => '±',
            Tk::Key(Key::MinusPlus) => '∓',
            Tk::Key(Key::Twice) => '2',
            _ => return self.parse_power(),
        };
        self.bump();
        let arg = self.nested(t.span, |p| p.parse_implicit())?;
        let span = t.span.join(arg.span);
        match sign {
            '+' => Ok(arg),
            '-' => self.mk(ExprKind::Neg { arg: Box::new(arg) }, span),
            '2' => {
                let two = self.int(2, t.span)?;
                self.product(two, arg)
            }
            _ => self.mk(ExprKind::PlusMinus { lhs: None, rhs: Box::new(arg), minus_plus: sign == '∓' }, span),
        }
    }

    /// An atom and its postfix operators, one nesting level deeper.
    pub fn parse_power(&mut self) -> PResult<Expr> {
        let span = self.here();
        self.nested(span, |p| {
            let base = p.parse_atom()?;
            p.parse_postfix(base)
        })
    }

    // ---- what starts what ---------------------------------------------------------

    /// Does the token at the cursor start an operand (so juxtaposition
    /// multiplies)?
    pub fn starts_operand(&self) -> bool {
        self.operand_at(0)
    }

    pub fn operand_at(&self, k: usize) -> bool {
        let Some(t) = self.peek_at(k) else { return false };
        match &t.tk {
            Tk::Num(_) | Tk::Frac(..) | Tk::Letter(_) | Tk::Greek(_) | Tk::Const(_) | Tk::Func(_) => true,
            Tk::NumberSet(_) | Tk::Differential(_) => true,
            Tk::Ord(_) => self.at_k(k + 1, Key::Root) || self.at_k(k + 1, Key::Derivative),
            // A bar opens an absolute value only where one can start.
            Tk::Key(Key::VerticalBar | Key::DoubleVerticalBar) => self.bar_depth == 0 && self.operand_or_sign_at(k + 1),
            Tk::Key(key) => matches!(
                key,
                Key::OpenParen
                    | Key::OpenBracket
                    | Key::OpenBrace
                    | Key::OpenAngle
                    | Key::OpenFloor
                    | Key::OpenCeil
                    | Key::OpenAbs
                    | Key::Abs
                    | Key::Quantity
                    | Key::StartFrac
                    | Key::FracNumerator
                    | Key::Sqrt
                    | Key::Cbrt
                    | Key::Root
                    | Key::StartRoot
                    | Key::RootIndex
                    | Key::StartSet
                    | Key::Set
                    | Key::EmptySet
                    | Key::Sum
                    | Key::Product
                    | Key::Integral
                    | Key::Limit
                    | Key::Derivative
                    | Key::Interval
                    | Key::OpenInterval
                    | Key::ClosedInterval
                    | Key::HalfOpenInterval
                    | Key::Difference
                    | Key::Quotient
                    | Key::SquareOf
                    | Key::CubeOf
                    | Key::ReciprocalOf
                    | Key::Ellipsis
                    | Key::Matrix
                    | Key::Determinant
                    | Key::Start
                    | Key::Vector
                    | Key::StartBinom
                    | Key::Upper
                    | Key::Font
                    | Key::ModifyingAbove
            ),
            _ => false,
        }
    }

    /// Is the token at `offset` a big operator or a function word (where a
    /// denominator or a juxtaposed function argument stops)?
    pub fn big_or_function_at(&self, offset: usize) -> bool {
        match self.peek_at(offset).map(|t| &t.tk) {
            Some(Tk::Func(_)) => true,
            Some(Tk::Key(k)) => {
                matches!(k, Key::Sum | Key::Product | Key::Integral | Key::Limit | Key::Derivative)
            }
            _ => false,
        }
    }

    /// A differential at `offset`: `d x`, `d theta`, `dx`. Returns the
    /// variable.
    pub fn differential_at(&self, offset: usize) -> Option<Symbol> {
        match &self.peek_at(offset)?.tk {
            Tk::Differential(v) => Some(Symbol::new(v.as_str())),
            Tk::Letter(d) if d == "d" => match &self.peek_at(offset + 1)?.tk {
                Tk::Letter(v) => Some(Symbol::new(v.as_str())),
                Tk::Greek(g) => Some(Symbol::new(g.as_str())),
                _ => None,
            },
            _ => None,
        }
    }

    /// Consume the differential at the cursor and record its variable.
    pub fn take_differential(&mut self) -> bool {
        let Some(var) = self.differential_at(0) else { return false };
        if matches!(self.peek_tk(), Some(Tk::Differential(_))) {
            self.pos += 1;
        } else {
            self.pos += 2;
        }
        self.differential = Some(var);
        true
    }

    // ---- small builders -----------------------------------------------------------

    /// A letter as the LaTeX parser reads it: `e` and `i` are the
    /// constants, any other letter a variable.
    pub fn letter(&mut self, w: &str, span: Span) -> PResult<Expr> {
        match w {
            "e" => self.mk(ExprKind::Constant { constant: Constant::E }, span),
            "i" => self.mk(ExprKind::Constant { constant: Constant::I }, span),
            _ => self.mk(ExprKind::Symbol { sym: Symbol::new(w) }, span),
        }
    }
}
