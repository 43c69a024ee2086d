//! Unmarked scopes: where `the square root of …`, ClearSpeak's `… and
//! denominator …`, a MathSpeak script without `Baseline`, `the absolute
//! value of …`, `the quantity …` without `end quantity` and the one cell of
//! a column-matrix row stop.
//!
//! Speech does not say where these end, so the parser takes the most
//! common reading, the way SRE's output and people's dictation read:
//! * The scope runs over a sum (`the square root of b squared minus four a
//!   c`) up to whatever ends the clause: a relation, a pause, a closer,
//!   `all over`. Its first term may have `times` and `divided by` (a root's
//!   only `times`: `the square root of 2 divided by 2` is `\sqrt{2}/2`);
//!   later terms are implicit products (`x the square root of x squared
//!   minus 1 divided by 2` divides outside the root).
//! * A root, denominator or script that so far holds a bare number stops
//!   before `plus` / `minus` (`the square root of 5 minus 1` is
//!   `\sqrt{5}-1`: a sum of numbers would have been added up; a
//!   denominator `1 minus r` is the exception, being the common form), and
//!   a root or denominator stops before `i` or a function after that
//!   number (`the square root of 3 i`, `… and denominator 4 the cosine of
//!   …`). One that holds a whole bracketed group stops after it.
//! * Every scope stops before `plus C` / `minus C` ending the clause (the
//!   constant of integration), and before a term holding the same
//!   construct (`the absolute value of a plus the absolute value of b`,
//!   `a the square root of b plus b the square root of a`); a root,
//!   denominator or script also before a term that is a fraction (`… and
//!   denominator s plus 1 minus the fraction with …`).
//! * A script without `Baseline` continues only over simple terms
//!   (numbers and letters: `x Superscript 2 n plus 1`), and not into a
//!   term that starts another script at its level (SRE leaves out
//!   `Baseline` there too); its first term holds one `divided by` at most.
//! * Inside a root, `over` stays in the radicand (`the square root of q
//!   over s`) unless the root follows a coefficient or its radicand is a
//!   bare number (`4 the square root of 5 over 5`, `the square root of 3
//!   over 2`: rationalized fractions are the common answer form).

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, Func};
use crate::parse::spoken::token::{Key, Tk};

/// Which unmarked scope is being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unmarked {
    /// A radicand; `coefficient` when the root follows another factor.
    Radicand { coefficient: bool },
    /// ClearSpeak's `… and denominator D`.
    Denominator,
    /// A MathSpeak script with no marker ahead that leaves it.
    Script,
    /// `the absolute value of …`: terms are implicit products (`… divided
    /// by 4` is outside).
    AbsValue,
    /// `the quantity …` with no `end quantity`: terms are implicit
    /// products and `times` ends it.
    Quantity,
    /// The one cell of a row of a one-column matrix (`Row 2: k minus 1`).
    Cell,
}

impl Unmarked {
    /// Do the number rules (the second bullet of the module docs) apply?
    fn number_rules(self) -> bool {
        matches!(self, Unmarked::Radicand { .. } | Unmarked::Denominator | Unmarked::Script)
    }

    fn implicit_terms(self) -> bool {
        matches!(self, Unmarked::AbsValue | Unmarked::Quantity)
    }
}

impl<'a> Parser<'a> {
    /// Read an unmarked scope of `kind`.
    pub fn parse_unmarked(&mut self, kind: Unmarked) -> PResult<Expr> {
        let saved = (self.stop_times, self.stop_divided);
        if kind == Unmarked::Quantity {
            self.stop_times = true;
        }
        if matches!(kind, Unmarked::Radicand { .. }) {
            self.stop_divided = true;
        }
        let r = self.unmarked_sum(kind);
        (self.stop_times, self.stop_divided) = saved;
        r
    }

    fn unmarked_sum(&mut self, kind: Unmarked) -> PResult<Expr> {
        let start = self.pos;
        let first = self.scope_term(kind, true)?;
        let grouped = self.was_bracketed(start);
        let mut terms = vec![first];
        loop {
            if self.differential.is_some() || !self.sum_operator_follows() {
                break;
            }
            if terms.len() == 1 {
                let mut stops = self.number_stops(kind, &terms[0], grouped);
                if matches!(kind, Unmarked::Radicand { .. }) {
                    // Where a radicand's reach is decided: the other
                    // reading decides it the other way.
                    self.met.flip_radicand = true;
                    stops ^= self.reading.flip_radicand;
                }
                if stops {
                    break;
                }
            }
            if self.constant_of_integration_follows() {
                break;
            }
            let saved = self.save();
            let op = self.bump();
            if self.at_end() {
                self.restore(saved);
                break;
            }
            let rhs = self.scope_term(kind, false)?;
            if self.term_ends_scope(kind, &rhs) {
                self.restore(saved);
                break;
            }
            self.push_term(&op, rhs, &mut terms)?;
        }
        self.sum_of(terms)
    }

    /// Does a first term `first` end a scope of `kind` before `plus` /
    /// `minus`? (`grouped`: it was one bracketed group.)
    fn number_stops(&self, kind: Unmarked, first: &Expr, grouped: bool) -> bool {
        if grouped && matches!(kind, Unmarked::Radicand { .. } | Unmarked::Denominator) {
            return true;
        }
        if !kind.number_rules() || !is_bare_number(first) {
            return false;
        }
        !(kind == Unmarked::Denominator && first.is_one())
    }

    /// Should the term `rhs` just read stay out of a scope of `kind`?
    fn term_ends_scope(&self, kind: Unmarked, rhs: &Expr) -> bool {
        let same = match kind {
            Unmarked::Radicand { .. } => holds(rhs, &|e| matches!(e.kind, ExprKind::Root { .. })),
            Unmarked::Denominator => holds(rhs, &|e| matches!(e.kind, ExprKind::Div { .. })),
            Unmarked::AbsValue => holds(rhs, &|e| matches!(e.kind, ExprKind::Func { func: Func::Abs, .. })),
            Unmarked::Cell => holds(rhs, &|e| matches!(e.kind, ExprKind::Matrix { .. } | ExprKind::Div { .. })),
            Unmarked::Script => {
                !is_simple(rhs) || matches!(self.peek_tk(), Some(Tk::Script(p)) if p.as_slice() == self.level.as_slice())
            }
            Unmarked::Quantity => false,
        };
        same || (kind.number_rules() && is_fraction(rhs))
    }

    /// Did the tokens from `start` to the cursor form one bracketed group?
    fn was_bracketed(&self, start: usize) -> bool {
        let toks = &self.toks[start..self.pos];
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else { return false };
        let opens = |t: &crate::parse::spoken::token::Token| t.is(Key::OpenParen) || t.is(Key::OpenBracket);
        let closes = |t: &crate::parse::spoken::token::Token| t.is(Key::CloseParen) || t.is(Key::CloseBracket);
        if !opens(first) || !closes(last) {
            return false;
        }
        // The first opener closes only at the end.
        let mut depth = 0usize;
        for (i, t) in toks.iter().enumerate() {
            if opens(t) {
                depth += 1;
            } else if closes(t) {
                depth = depth.saturating_sub(1);
                if depth == 0 && i + 1 < toks.len() {
                    return false;
                }
            }
        }
        true
    }

    /// One term of an unmarked scope: the first may hold `times` and
    /// `divided by`, later ones are implicit products.
    fn scope_term(&mut self, kind: Unmarked, first: bool) -> PResult<Expr> {
        if kind.implicit_terms() || (!first && kind != Unmarked::Cell) {
            return self.parse_implicit();
        }
        if kind == Unmarked::Script {
            // One quotient at most: `Superscript 3 divided by 2 divided by
            // 3` is `^{3/2}/3` (a second division of a fraction exponent
            // would have been simplified).
            let num = self.parse_implicit()?;
            if !self.at(Key::DividedBy) || self.differential.is_some() {
                return Ok(num);
            }
            self.bump();
            let den = self.parse_implicit()?;
            let span = num.span.join(den.span);
            return self.mk(ExprKind::Div { num: Box::new(num), den: Box::new(den) }, span);
        }
        let guard = matches!(kind, Unmarked::Radicand { .. } | Unmarked::Denominator);
        let mut lhs = self.parse_product_guarded(guard)?;
        while self.at(Key::Over) && self.differential.is_none() {
            if let Unmarked::Radicand { coefficient } = kind {
                if coefficient || is_bare_number(&lhs) {
                    break;
                }
            }
            let over = self.bump().span;
            lhs = self.finish_over(lhs, over)?;
        }
        Ok(lhs)
    }

    /// As [`Parser::parse_product`], but with `guard` an implicit product
    /// that starts with a bare number stops before `i` or a function.
    fn parse_product_guarded(&mut self, guard: bool) -> PResult<Expr> {
        if !guard {
            return self.parse_product();
        }
        let first = self.parse_unary()?;
        if is_bare_number(&first) && self.imaginary_or_function_next() {
            return Ok(first);
        }
        // Continue the product from the first factor.
        let mut lhs = first;
        while self.continues_implicit() {
            let rhs = self.parse_factor_after()?;
            lhs = self.product(lhs, rhs)?;
        }
        self.continue_product(lhs)
    }

    fn imaginary_or_function_next(&self) -> bool {
        match self.peek_tk() {
            Some(Tk::Letter(l)) => l == "i",
            Some(Tk::Const(Constant::I)) => true,
            _ => self.big_or_function_at(0),
        }
    }

    /// `plus C` / `minus C` (or `plus upper C`) ending the clause: the
    /// constant of integration.
    fn constant_of_integration_follows(&self) -> bool {
        let at = if self.at_k(1, Key::Upper) { 2 } else { 1 };
        if !matches!(self.peek_at(at).map(|t| &t.tk), Some(Tk::Letter(c)) if c == "C") {
            return false;
        }
        match self.peek_at(at + 1).map(|t| &t.tk) {
            None | Some(Tk::Rel(_)) | Some(Tk::Pause) => true,
            Some(Tk::Script(path)) => path.is_empty(),
            Some(Tk::Key(k)) => matches!(
                k,
                Key::Comma
                    | Key::CloseParen
                    | Key::CloseBracket
                    | Key::CloseBrace
                    | Key::CloseAbs
                    | Key::EndQuantity
                    | Key::EndFrac
                    | Key::EndRoot
                    | Key::EndExponent
                    | Key::Power
                    | Key::Endscripts
            ),
            _ => false,
        }
    }
}

/// A number as written: an integer or a decimal literal.
pub fn is_bare_number(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Integer { .. } | ExprKind::Decimal { .. })
}

/// A term that is a fraction as a whole.
fn is_fraction(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Div { .. } => true,
        ExprKind::Neg { arg } => matches!(arg.kind, ExprKind::Div { .. }),
        _ => false,
    }
}

/// Is `e`, or one of its factors (under a sign), what `pred` looks for?
fn holds(e: &Expr, pred: &dyn Fn(&Expr) -> bool) -> bool {
    if pred(e) {
        return true;
    }
    match &e.kind {
        ExprKind::Neg { arg } => holds(arg, pred),
        ExprKind::Mul { factors } => factors.iter().any(|f| holds(f, pred)),
        _ => false,
    }
}

/// Numbers, letters and constants, and products of them.
fn is_simple(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Integer { .. } | ExprKind::Decimal { .. } | ExprKind::Symbol { .. } | ExprKind::Constant { .. } => true,
        ExprKind::Mul { factors } => factors.iter().all(is_simple),
        ExprKind::Neg { arg } => is_simple(arg),
        _ => false,
    }
}
