//! Fractions, roots, sets, intervals, vectors, matrices, binomials and
//! `ModifyingAbove … With …`, in MathSpeak's marked form and ClearSpeak's
//! and people's word forms.

use num_bigint::BigInt;

use super::scope::Unmarked;
use super::{PResult, Parser};
use crate::ast::{Expr, ExprKind, Func, MatrixKind, Symbol};
use crate::parse::parser::latex_cmd::derivative_operator;
use crate::error::{ErrorKind, ParseError};
use crate::parse::spoken::token::{Key, Ordinal, Tk};
use crate::span::Span;

impl<'a> Parser<'a> {
    // ---- fractions -------------------------------------------------------------------

    /// After `over` (ClearSpeak's simple fraction, people's `x over two`).
    /// Speech does not say where the denominator ends; the common readings:
    /// * a number over a number is a numeric fraction, and what follows
    ///   multiplies it (`35 over 3 x to the fourth power` is
    ///   `\frac{35}{3}x^4`, `37 over 4 m` is `\frac{37}{4}m`);
    /// * otherwise the denominator's implicit product takes further factors
    ///   only if they carry a power or are roots or constants (`3 v over pi
    ///   r squared`, `y over 2 x to the fourth power`, `1 over 4 p squared`)
    ///   and stops at a plain letter, a function or a big operator (`r over
    ///   V x`, `t over 4 sine 2 t`, `1 over n the sum …`);
    /// * `times` before a bracket continues it (`9 a over 4 times open
    ///   paren a minus 5 close paren`); other `times` multiply the fraction;
    /// * `d y over d x` keeps the differential alone; `d over d x …` is a
    ///   derivative.
    pub fn finish_over(&mut self, num: Expr, over: Span) -> PResult<Expr> {
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "a denominator" }, over));
        }
        let den = if self.differential_at(0).is_some() {
            self.parse_differential_denominator()?
        } else {
            self.nested(over, |p| p.over_denominator(&num))?
        };
        self.fraction_or_derivative(num, den)
    }

    /// The denominator after `over` (see [`Parser::finish_over`]).
    fn over_denominator(&mut self, num: &Expr) -> PResult<Expr> {
        let first = self.parse_unary()?;
        if is_integer(num) && is_integer(&first) {
            return Ok(first);
        }
        let mut den = first;
        while !self.big_or_function_at(0) && self.continues_implicit() {
            let saved = self.save();
            let rhs = self.parse_factor_after()?;
            if !matches!(rhs.kind, ExprKind::Pow { .. } | ExprKind::Root { .. } | ExprKind::Constant { .. }) {
                self.restore(saved);
                break;
            }
            den = self.product(den, rhs)?;
        }
        // `9 a over 4 times open paren a minus 5 close paren`: ClearSpeak
        // says `times` before a bracket inside the denominator; any other
        // `times` multiplies the fraction (`1 over n times the sum …`).
        while self.at(Key::Times) && matches!(self.peek_at(1).map(|t| &t.tk), Some(Tk::Key(Key::OpenParen | Key::OpenBracket | Key::Quantity))) {
            self.bump();
            let rhs = self.parse_implicit()?;
            den = self.product(den, rhs)?;
        }
        Ok(den)
    }

    /// `d x`, `d x squared`, `dx`: a differential as a denominator.
    fn parse_differential_denominator(&mut self) -> PResult<Expr> {
        let start = self.here();
        let Some(var) = self.differential_at(0) else { return Err(self.expected("a differential")) };
        self.pos += if matches!(self.peek_tk(), Some(Tk::Differential(_))) { 1 } else { 2 };
        let span = start.join(self.last_span());
        let d = self.mk(ExprKind::Symbol { sym: Symbol::new("d") }, start)?;
        let mut v = self.letter_or_greek(&var.name, span)?;
        if self.power_suffix_follows() && !self.at(Key::RaisedToThe) {
            v = self.parse_power_suffix(v)?;
        }
        self.product(d, v)
    }

    /// `num / den`, or the derivative `\frac{d}{dx} body` when `num` is `d`
    /// (or `d^n`) and `den` is `d x` (or `d x^n`) and a body follows.
    fn fraction_or_derivative(&mut self, num: Expr, den: Expr) -> PResult<Expr> {
        if let Some((var, order)) = derivative_operator(&num, &den) {
            // `d over d x of x squared`.
            if self.at(Key::Of) && self.operand_or_sign_at(1) {
                self.bump();
            }
            if self.starts_operand() {
                let body = self.parse_implicit()?;
                let span = num.span.join(body.span);
                return self.mk(ExprKind::Derivative { body: Box::new(body), var, order }, span);
            }
        }
        let span = num.span.join(den.span);
        self.mk(ExprKind::Div { num: Box::new(num), den: Box::new(den) }, span)
    }

    /// `the difference of a and b`, `the quotient of a and b`.
    pub fn parse_difference_quotient(&mut self) -> PResult<Expr> {
        let t = self.bump();
        self.expect(Key::Of, "`of`")?;
        let a = self.nested(t.span, |p| p.parse_term())?;
        self.expect(Key::And, "`and`")?;
        let b = self.nested(t.span, |p| p.parse_term())?;
        let span = t.span.join(b.span);
        if t.is(Key::Quotient) {
            return self.mk(ExprKind::Div { num: Box::new(a), den: Box::new(b) }, span);
        }
        let neg = self.mk(ExprKind::Neg { arg: Box::new(b) }, span)?;
        self.mk(ExprKind::Add { terms: vec![a, neg] }, span)
    }

    /// `the square of x`, `the cube of x`, `the reciprocal of x`.
    pub fn parse_square_of(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let arg = self.nested(t.span, |p| p.parse_of_argument())?;
        let span = t.span.join(arg.span);
        let (n, neg) = match t.tk {
            Tk::Key(Key::SquareOf) => (2, false),
            Tk::Key(Key::CubeOf) => (3, false),
            _ => (1, true),
        };
        if neg {
            let one = self.int(1, t.span)?;
            return self.mk(ExprKind::Div { num: Box::new(one), den: Box::new(arg) }, span);
        }
        let exp = self.int(n, t.span)?;
        self.mk(ExprKind::Pow { base: Box::new(arg), exp: Box::new(exp) }, span)
    }

    /// `StartFraction num Over den EndFraction`.
    pub fn parse_start_fraction(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        let num = self.nested(open, |p| p.fresh_scope(|p| p.parse_relation()))?;
        self.expect(Key::FracOver, "`Over`")?;
        let den = self.nested(open, |p| p.fresh_scope(|p| p.parse_relation()))?;
        self.expect(Key::EndFrac, "`EndFraction`")?;
        let mut f = self.fraction_or_derivative(num, den)?;
        if matches!(f.kind, ExprKind::Div { .. }) {
            f.span = open.join(self.last_span());
        }
        Ok(f)
    }

    /// `the fraction with numerator num and denominator den`: the
    /// denominator is unmarked unless `end fraction` is said.
    pub fn parse_numerator_fraction(&mut self) -> PResult<Expr> {
        let opener = self.pos;
        let open = self.bump().span;
        let num = self.nested(open, |p| p.fresh_scope(|p| p.parse_relation()))?;
        self.expect(Key::FracDenominator, "`and denominator`")?;
        let den = if self.closer_said(opener) {
            let d = self.nested(open, |p| p.fresh_scope(|p| p.parse_relation()))?;
            self.expect(Key::EndFrac, "`end fraction`")?;
            d
        } else {
            self.nested(open, |p| p.parse_unmarked(Unmarked::Denominator))?
        };
        self.fraction_or_derivative(num, den)
    }

    // ---- roots -------------------------------------------------------------------------

    /// `the square root of …`, `the cube root of …`, `the n-th root of …`,
    /// `root two`, `StartRoot … EndRoot`, `RootIndex 3 StartRoot … EndRoot`.
    /// `coefficient`: the root follows another factor.
    pub fn parse_root(&mut self, coefficient: bool) -> PResult<Expr> {
        // The word that may be closed by `end root` (`root` after an ordinal).
        let opener = if matches!(self.peek_tk(), Some(Tk::Ord(_))) { self.pos + 1 } else { self.pos };
        let t = self.bump();
        let open = t.span;
        let (index, radicand) = match &t.tk {
            Tk::Key(Key::StartRoot) => (None, self.marked_radicand(open)?),
            Tk::Key(Key::RootIndex) => {
                // The index runs to the next `StartRoot`, which would
                // otherwise join it as a factor.
                let Some(k) = self.find_ahead(|t| t.is(Key::StartRoot))? else {
                    return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "`StartRoot`" }, self.end_span()));
                };
                let saved_end = std::mem::replace(&mut self.end, k);
                let i = self.nested(open, |p| p.fresh_scope(|p| p.parse_relation()));
                let at_root = self.pos == self.end;
                self.end = saved_end;
                let i = i?;
                if !at_root {
                    return Err(self.expected("`StartRoot`"));
                }
                self.expect(Key::StartRoot, "`StartRoot`")?;
                (Some(i), self.marked_radicand(open)?)
            }
            Tk::Ord(o) => {
                self.expect(Key::Root, "`root`")?;
                let i = match o {
                    Ordinal::Number(n) => self.mk(ExprKind::Integer { value: n.clone() }, open)?,
                    Ordinal::Letter(l) => self.letter(l, open)?,
                };
                (Some(i), self.word_radicand(open, opener, coefficient)?)
            }
            Tk::Key(Key::Cbrt) => {
                let three = self.mk(ExprKind::Integer { value: BigInt::from(3) }, open)?;
                (Some(three), self.word_radicand(open, opener, coefficient)?)
            }
            _ => (None, self.word_radicand(open, opener, coefficient)?),
        };
        let span = open.join(self.last_span());
        self.mk(ExprKind::Root { radicand: Box::new(radicand), index: index.map(Box::new) }, span)
    }

    /// The radicand of `StartRoot … EndRoot`.
    fn marked_radicand(&mut self, open: Span) -> PResult<Expr> {
        let r = self.nested(open, |p| p.fresh_scope(|p| p.parse_relation()))?;
        self.expect(Key::EndRoot, "`EndRoot`")?;
        Ok(r)
    }

    /// The radicand after `square root [of]`: to `end root` if said, else
    /// an unmarked scope.
    fn word_radicand(&mut self, open: Span, opener: usize, coefficient: bool) -> PResult<Expr> {
        self.eat(Key::Of);
        if self.closer_said(opener) {
            return self.marked_radicand(open);
        }
        self.nested(open, |p| p.parse_unmarked(Unmarked::Radicand { coefficient }))
    }

    // ---- sets, intervals, vectors ---------------------------------------------------

    /// `the set 1 comma 2 comma 3` (ClearSpeak), `the set of a, b and c`;
    /// items end where a sum would, and at `end set` if said.
    pub fn parse_set_words(&mut self) -> PResult<Expr> {
        let opener = self.pos;
        let open = self.bump().span;
        self.eat(Key::Of);
        if self.closer_said(opener) {
            let items = self.parse_items(open)?;
            self.expect(Key::EndSet, "`end set`")?;
            let span = open.join(self.last_span());
            return self.set_of(items, span);
        }
        let items = self.nested(open, |p| {
            p.bracket_depth += 1;
            let mut items = Vec::new();
            let r = (|| {
                loop {
                    items.push(p.parse_sum()?);
                    // `one, two, and three`: a run of separators.
                    let mut k = 0;
                    while p.peek_at(k).is_some_and(|t| t.is(Key::Comma) || t.is(Key::And) || t.tk == Tk::Pause) {
                        k += 1;
                    }
                    if k > 0 && p.operand_or_sign_at(k) {
                        p.pos += k;
                        continue;
                    }
                    return Ok(());
                }
            })();
            p.bracket_depth -= 1;
            r.map(|()| items)
        })?;
        let span = open.join(self.last_span());
        // `the set of real numbers` is the number set itself.
        if let [only] = items.as_slice() {
            if matches!(only.kind, ExprKind::NumberSet { .. }) {
                return Ok(only.clone());
            }
        }
        self.set_of(items, span)
    }

    fn set_of(&mut self, items: Vec<Expr>, span: Span) -> PResult<Expr> {
        if items.is_empty() {
            return self.mk(ExprKind::EmptySet, span);
        }
        self.mk(ExprKind::Set { items }, span)
    }

    pub fn operand_or_sign_at(&self, k: usize) -> bool {
        self.operand_at(k)
            || matches!(self.peek_at(k).map(|t| &t.tk), Some(Tk::Key(Key::Negative | Key::Minus | Key::Positive | Key::PlusMinus)))
    }

    /// `the open interval from a to b`, `the interval from 0 to infinity
    /// open on both ends`, `the closed interval from a to b`.
    pub fn parse_interval_words(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let (mut lo_closed, mut hi_closed) = match t.tk {
            Tk::Key(Key::OpenInterval) => (false, false),
            Tk::Key(Key::HalfOpenInterval) => (true, false),
            _ => (true, true),
        };
        self.expect(Key::From, "`from`")?;
        let (lo, hi) = self.bounds_from_to(t.span)?;
        loop {
            match self.peek_tk() {
                Some(Tk::Key(Key::OpenBoth)) => (lo_closed, hi_closed) = (false, false),
                Some(Tk::Key(Key::ClosedBoth)) => (lo_closed, hi_closed) = (true, true),
                Some(Tk::Key(Key::OpenLeft)) => lo_closed = false,
                Some(Tk::Key(Key::ClosedLeft)) => lo_closed = true,
                Some(Tk::Key(Key::OpenRight)) => hi_closed = false,
                Some(Tk::Key(Key::ClosedRight)) => hi_closed = true,
                _ => break,
            }
            self.bump();
        }
        let span = t.span.join(self.last_span());
        if !lo_closed && !hi_closed {
            // An open interval is the 2-tuple, as `(a, b)` reads.
            return self.mk(ExprKind::Tuple { items: vec![lo, hi] }, span);
        }
        self.mk(ExprKind::Interval { lo: Box::new(lo), hi: Box::new(hi), lo_closed, hi_closed }, span)
    }

    /// After `from`: `a to b`. The lower bound does not read `to the` as a
    /// power.
    pub fn bounds_from_to(&mut self, at: Span) -> PResult<(Expr, Expr)> {
        let saved = self.stop_to;
        self.stop_to = true;
        let lo = self.nested(at, |p| p.parse_relation());
        self.stop_to = saved;
        let lo = lo?;
        if self.eat(Key::To).is_none() && self.eat(Key::ToThe).is_none() {
            return Err(self.expected("`to`"));
        }
        let hi = self.nested(at, |p| p.parse_sum())?;
        Ok((lo, hi))
    }

    /// `the vector 1 2 3`, `the vector a comma b`: a tuple.
    pub fn parse_vector(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        self.eat(Key::Of);
        let first = self.parse_cell()?;
        let mut items = vec![first];
        if self.at(Key::Comma) || self.peek_tk() == Some(&Tk::Pause) {
            while self.at(Key::Comma) || self.at(Key::And) || self.peek_tk() == Some(&Tk::Pause) {
                self.bump();
                items.push(self.nested(open, |p| p.parse_sum())?);
            }
        } else {
            while self.operand_or_sign_at(0) {
                items.push(self.parse_cell()?);
            }
        }
        let span = open.join(self.last_span());
        self.mk(ExprKind::Tuple { items }, span)
    }

    /// One cell of a matrix or vector said side by side: a signed atom with
    /// its postfixes, no implicit product.
    fn parse_cell(&mut self) -> PResult<Expr> {
        let saved = self.cells;
        self.cells = true;
        let r = (|| {
            let sign = self.peek().cloned().filter(|t| t.is(Key::Negative) || t.is(Key::Minus));
            if let Some(s) = sign {
                self.bump();
                let a = self.parse_power()?;
                let span = s.span.join(a.span);
                return self.mk(ExprKind::Neg { arg: Box::new(a) }, span);
            }
            self.parse_power()
        })();
        self.cells = saved;
        r
    }

    // ---- matrices -------------------------------------------------------------------------

    /// `the 2 by 2 matrix Row 1: 1 2 Row 2: 3 4`, `the 3 by 1 column matrix
    /// x y z` (ClearSpeak; `the 2 by 1 column matrix n k` is also how it
    /// reads a binomial). `det`: after `the determinant of`.
    pub fn parse_sized_matrix(&mut self, det: bool) -> PResult<Expr> {
        let start = self.here();
        let (m, n) = self.matrix_size()?;
        self.expect(Key::Matrix, "`matrix`")?;
        let mut rows = Vec::with_capacity(m);
        if self.at(Key::Row) {
            for _ in 0..m {
                self.expect(Key::Row, "`Row`")?;
                if matches!(self.peek_tk(), Some(Tk::Num(_))) {
                    self.bump();
                }
                rows.push(self.row_cells(n, start)?);
            }
        } else {
            for _ in 0..m {
                let mut row = Vec::with_capacity(n);
                for _ in 0..n {
                    row.push(self.parse_cell()?);
                }
                rows.push(row);
            }
        }
        let span = start.join(self.last_span());
        let kind = if det { MatrixKind::Vert } else { MatrixKind::Paren };
        self.mk(ExprKind::Matrix { kind, rows }, span)
    }

    /// `m by n`: the size, each in 1..=100.
    fn matrix_size(&mut self) -> PResult<(usize, usize)> {
        let m = self.size_number()?;
        self.expect(Key::By, "`by`")?;
        let n = self.size_number()?;
        Ok((m, n))
    }

    fn size_number(&mut self) -> PResult<usize> {
        match self.peek_tk() {
            Some(Tk::Num(s)) => match s.parse::<usize>() {
                Ok(v) if (1..=100).contains(&v) => {
                    self.bump();
                    Ok(v)
                }
                _ => Err(self.expected("a matrix size from 1 to 100")),
            },
            _ => Err(self.expected("a matrix size")),
        }
    }

    /// The cells of one row: `n` side by side, or one whole expression when
    /// the matrix has one column, or `Column 1: … Column 2: …`.
    fn row_cells(&mut self, n: usize, at: Span) -> PResult<Vec<Expr>> {
        if self.at(Key::Column) || (matches!(self.peek_tk(), Some(Tk::Ord(_))) && self.at_k(1, Key::Column)) {
            let mut row = Vec::with_capacity(n);
            for _ in 0..n {
                // MathSpeak `2nd Column x`; ClearSpeak `Column 2: x`.
                let ordinal = matches!(self.peek_tk(), Some(Tk::Ord(_)));
                if ordinal {
                    self.bump();
                }
                self.expect(Key::Column, "`Column`")?;
                if !ordinal && matches!(self.peek_tk(), Some(Tk::Num(_))) {
                    self.bump();
                }
                row.push(self.nested(at, |p| p.fresh_scope(|p| p.parse_sum()))?);
                if self.peek_tk() == Some(&Tk::Pause) {
                    self.bump();
                }
            }
            return Ok(row);
        }
        if n == 1 {
            return Ok(vec![self.nested(at, |p| p.fresh_scope(|p| p.parse_unmarked(Unmarked::Cell)))?]);
        }
        let mut row = Vec::with_capacity(n);
        for _ in 0..n {
            row.push(self.parse_cell()?);
        }
        Ok(row)
    }

    /// `Start 2 By 2 Matrix 1st Row 1st Column 1 2nd Column 2 … EndMatrix`,
    /// `Start 2 By 2 Determinant …`, `the matrix with rows a b and c d`,
    /// `the determinant of the matrix a b c d`, `the determinant of A`.
    pub fn parse_matrix(&mut self) -> PResult<Expr> {
        let t = self.bump();
        match t.tk {
            Tk::Key(Key::Start) => {
                let (m, n) = self.matrix_size()?;
                let det = if self.eat(Key::Determinant).is_some() {
                    true
                } else {
                    self.expect(Key::Matrix, "`Matrix` or `Determinant`")?;
                    false
                };
                let mut rows = Vec::with_capacity(m);
                for _ in 0..m {
                    if matches!(self.peek_tk(), Some(Tk::Ord(_))) {
                        self.bump();
                    }
                    self.expect(Key::Row, "`Row`")?;
                    rows.push(self.row_cells(n, t.span)?);
                }
                self.expect(Key::EndMatrix, "`EndMatrix`")?;
                let span = t.span.join(self.last_span());
                let kind = if det { MatrixKind::Vert } else { MatrixKind::Paren };
                self.mk(ExprKind::Matrix { kind, rows }, span)
            }
            Tk::Key(Key::Determinant) => {
                self.eat(Key::Of);
                if matches!(self.peek_tk(), Some(Tk::Num(_))) && self.at_k(1, Key::By) {
                    return self.parse_sized_matrix(true);
                }
                if self.at(Key::Matrix) {
                    let mut m = self.parse_matrix()?;
                    if let ExprKind::Matrix { kind, .. } = &mut m.kind {
                        *kind = MatrixKind::Vert;
                    }
                    m.span = t.span.join(m.span);
                    return Ok(m);
                }
                let arg = self.nested(t.span, |p| p.parse_of_argument())?;
                self.call(Func::Det, vec![arg], t.span)
            }
            _ => self.natural_matrix(t.span),
        }
    }

    /// `the matrix with rows a b and c d`; `the matrix a b c d` (square).
    fn natural_matrix(&mut self, at: Span) -> PResult<Expr> {
        let mut rows: Vec<Vec<Expr>> = Vec::new();
        if self.eat(Key::Rows).is_some() {
            loop {
                let mut row = Vec::new();
                while self.operand_or_sign_at(0) {
                    row.push(self.parse_cell()?);
                }
                if row.is_empty() {
                    return Err(self.expected("a matrix row"));
                }
                rows.push(row);
                let sep = self.at(Key::And) || self.at(Key::Comma) || self.peek_tk() == Some(&Tk::Pause);
                if sep && self.operand_or_sign_at(1) {
                    self.bump();
                    continue;
                }
                break;
            }
            if rows.iter().any(|r| r.len() != rows[0].len()) {
                return Err(ParseError::new(
                    ErrorKind::Unexpected { found: "rows of different lengths".into(), expected: "equal rows" },
                    at.join(self.last_span()),
                ));
            }
        } else {
            let mut cells = Vec::new();
            while self.operand_or_sign_at(0) {
                cells.push(self.parse_cell()?);
            }
            let side = (1..=cells.len()).find(|s| s * s == cells.len());
            let Some(side) = side.filter(|_| !cells.is_empty()) else {
                return Err(ParseError::new(
                    ErrorKind::Unexpected {
                        found: format!("{} cells", cells.len()),
                        expected: "a square number of cells, or `m by n matrix`",
                    },
                    at.join(self.last_span()),
                ));
            };
            let mut it = cells.into_iter();
            for _ in 0..side {
                rows.push(it.by_ref().take(side).collect());
            }
        }
        let span = at.join(self.last_span());
        self.mk(ExprKind::Matrix { kind: MatrixKind::Paren, rows }, span)
    }

    /// `StartBinomialOrMatrix n Choose k EndBinomialOrMatrix`: `Choose`
    /// splits the content (nested binomials nest).
    pub fn parse_binomial(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        // `Choose` at this level: after the nested binomials (each
        // matched by the precomputed closers) are skipped.
        let mut choose = None;
        let mut i = self.pos;
        while i < self.end {
            let t = &self.toks[i];
            if t.is(Key::StartBinom) {
                match self.ahead.closer_of(i, self.end) {
                    Some(j) => i = j + 1,
                    None => break,
                }
                continue;
            }
            if t.is(Key::EndBinom) {
                break;
            }
            if t.is(Key::Choose) {
                choose = Some(i);
                break;
            }
            i += 1;
        }
        let Some(choose) = choose else {
            return Err(ParseError::new(ErrorKind::Unexpected { found: self.text(open), expected: "`Choose` inside" }, open));
        };
        let saved_end = std::mem::replace(&mut self.end, choose);
        let n = self.nested(open, |p| p.fresh_scope(|p| p.parse_sum()));
        let at_choose = self.pos == self.end;
        self.end = saved_end;
        let n = n?;
        if !at_choose {
            return Err(self.expected("`Choose`"));
        }
        self.expect(Key::Choose, "`Choose`")?;
        let k = self.nested(open, |p| p.fresh_scope(|p| p.parse_sum()))?;
        self.expect(Key::EndBinom, "`EndBinomialOrMatrix`")?;
        let span = open.join(self.last_span());
        self.mk(ExprKind::Func { func: Func::Binom, args: vec![n, k] }, span)
    }

    /// `ModifyingAbove theta With caret`, `… With right arrow`.
    pub fn parse_modifying_above(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        // The base runs to `With` (`ModifyingAbove upper A upper B With bar`).
        let Some(k) = self.find_ahead(|t| t.is(Key::With))? else {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "`With`" }, self.end_span()));
        };
        let saved_end = std::mem::replace(&mut self.end, k);
        let base = self.nested(open, |p| p.parse_implicit());
        let at_with = self.pos == self.end;
        self.end = saved_end;
        let base = base?;
        if !at_with {
            return Err(self.expected("`With`"));
        }
        self.expect(Key::With, "`With`")?;
        // `\overline{AB}`: one decorated name, as the LaTeX reader keeps it.
        let base = match &base.kind {
            ExprKind::Mul { factors }
                if factors.iter().all(|f| matches!(&f.kind, ExprKind::Symbol { sym } if sym.sub.is_none() && sym.accent.is_none() && sym.primes == 0)) =>
            {
                let name: String = factors
                    .iter()
                    .map(|f| match &f.kind {
                        ExprKind::Symbol { sym } => sym.name.clone(),
                        _ => String::new(),
                    })
                    .collect();
                Expr::new(ExprKind::Symbol { sym: Symbol::new(name) }, base.span)
            }
            _ => base,
        };
        let accent = match self.peek_tk() {
            Some(Tk::Accent(a)) => a.clone(),
            Some(Tk::Key(Key::RightArrow)) => "vec".to_string(),
            Some(Tk::Key(Key::Dot)) => "dot".to_string(),
            _ => return Err(self.expected("a decoration")),
        };
        let s = self.bump().span;
        self.decorate(base, &accent, open.join(s))
    }
}

/// An integer literal, possibly negated.
fn is_integer(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Integer { .. } => true,
        ExprKind::Neg { arg } => matches!(arg.kind, ExprKind::Integer { .. }),
        _ => false,
    }
}
