//! Atoms: numbers (`35 comma 000`, `1 and four fifths`), letters (`upper
//! A`, `normal Gamma`), constants, and bracketed groups (`open paren …
//! close paren`, intervals read bracket by bracket, `StartAbsoluteValue …`,
//! `left floor …`, `the quantity … end quantity`).

use num_bigint::BigInt;

use super::scope::Unmarked;
use super::{PResult, Parser};
use crate::ast::{Expr, ExprKind, Func, Symbol};
use crate::error::{ErrorKind, ParseError};
use crate::parse::parser::numbers::{literal_value, Literal};
use crate::parse::spoken::token::{Key, Tk};
use crate::span::Span;

impl<'a> Parser<'a> {
    pub fn parse_atom(&mut self) -> PResult<Expr> {
        // Only the atom right after another factor is a coefficient's root.
        let coefficient = std::mem::take(&mut self.after_factor);
        let Some(t) = self.peek().cloned() else {
            return Err(self.expected("an expression"));
        };
        match &t.tk {
            Tk::Num(_) if self.at_k(1, Key::By) => self.parse_sized_matrix(false),
            Tk::Num(_) => self.parse_number(),
            Tk::Frac(p, q) => {
                self.bump();
                self.fraction_of(p.clone(), q.clone(), t.span)
            }
            Tk::Letter(l) => {
                self.bump();
                self.letter(l, t.span)
            }
            Tk::Greek(g) => {
                self.bump();
                self.mk(ExprKind::Symbol { sym: Symbol::new(g.as_str()) }, t.span)
            }
            Tk::Const(c) => {
                self.bump();
                self.mk(ExprKind::Constant { constant: *c }, t.span)
            }
            Tk::NumberSet(s) => {
                self.bump();
                self.mk(ExprKind::NumberSet { set: *s }, t.span)
            }
            Tk::Func(_) => self.parse_function(),
            Tk::Differential(v) => {
                // `dx` outside an integral: the product it is written as.
                self.bump();
                let d = self.mk(ExprKind::Symbol { sym: Symbol::new("d") }, t.span)?;
                let x = self.letter_or_greek(v, t.span)?;
                self.product(d, x)
            }
            Tk::Ord(_) if self.at_k(1, Key::Root) => self.parse_root(coefficient),
            Tk::Ord(_) if self.at_k(1, Key::Derivative) => self.parse_derivative(),
            Tk::Key(k) => match k {
                Key::OpenParen | Key::OpenBracket => self.parse_bracketed(),
                Key::OpenBrace => {
                    let open = self.bump().span;
                    self.finish_set(open, Key::CloseBrace, "`close brace` or `comma`")
                }
                Key::StartSet => {
                    let open = self.bump().span;
                    self.finish_set(open, Key::EndSet, "`EndSet` or `comma`")
                }
                Key::OpenAngle => {
                    let open = self.bump().span;
                    let items = self.parse_items(open)?;
                    self.expect(Key::CloseAngle, "`right angle bracket` or `comma`")?;
                    let span = open.join(self.last_span());
                    self.mk(ExprKind::Tuple { items }, span)
                }
                Key::OpenFloor => self.parse_delimited(Key::CloseFloor, Func::Floor, "`right floor`"),
                Key::OpenCeil => self.parse_delimited(Key::CloseCeil, Func::Ceil, "`right ceiling`"),
                Key::OpenAbs => self.parse_delimited(Key::CloseAbs, Func::Abs, "`EndAbsoluteValue`"),
                Key::Abs => self.parse_abs_words(),
                Key::VerticalBar | Key::DoubleVerticalBar => self.parse_bars(*k),
                Key::Ellipsis => {
                    self.bump();
                    self.mk(ExprKind::Text { text: "...".into() }, t.span)
                }
                Key::Quantity => self.parse_quantity(),
                Key::StartFrac => self.parse_start_fraction(),
                Key::FracNumerator => self.parse_numerator_fraction(),
                Key::Sqrt | Key::Cbrt | Key::Root | Key::StartRoot | Key::RootIndex => self.parse_root(coefficient),
                Key::Set => self.parse_set_words(),
                Key::EmptySet => {
                    self.bump();
                    self.mk(ExprKind::EmptySet, t.span)
                }
                Key::Sum | Key::Product => self.parse_bigop(),
                Key::Integral => self.parse_integral(),
                Key::Limit => self.parse_limit(),
                Key::Derivative => self.parse_derivative(),
                Key::Interval | Key::OpenInterval | Key::ClosedInterval | Key::HalfOpenInterval => self.parse_interval_words(),
                Key::Difference | Key::Quotient => self.parse_difference_quotient(),
                Key::SquareOf | Key::CubeOf | Key::ReciprocalOf => self.parse_square_of(),
                Key::Matrix | Key::Determinant | Key::Start => self.parse_matrix(),
                Key::Vector => self.parse_vector(),
                Key::StartBinom => self.parse_binomial(),
                Key::ModifyingAbove => self.parse_modifying_above(),
                Key::Text => self.parse_text(),
                Key::Piecewise => self.parse_piecewise(),
                Key::Upper => {
                    self.bump();
                    self.parse_capital(t.span)
                }
                Key::Font => {
                    // `normal Gamma`, `italic h`: the face does not change the value.
                    self.bump();
                    self.nested(t.span, |p| p.parse_atom())
                }
                _ => Err(self.expected("an expression")),
            },
            Tk::Word(w) => Err(ParseError::new(ErrorKind::UnknownWord { word: w.clone() }, t.span)),
            _ => Err(self.expected("an expression")),
        }
    }

    /// `upper A`, `capital gamma`: the capital letter.
    fn parse_capital(&mut self, at: Span) -> PResult<Expr> {
        let Some(t) = self.peek().cloned() else { return Err(self.expected("a letter after `upper`")) };
        let span = at.join(t.span);
        match &t.tk {
            Tk::Letter(l) => {
                self.bump();
                let up = l.to_uppercase();
                self.mk(ExprKind::Symbol { sym: Symbol::new(up) }, span)
            }
            Tk::Greek(g) => {
                self.bump();
                let mut cs = g.chars();
                let up: String = cs.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(cs).collect();
                self.mk(ExprKind::Symbol { sym: Symbol::new(up) }, span)
            }
            // `capital pi`.
            Tk::Const(crate::ast::Constant::Pi) => {
                self.bump();
                self.mk(ExprKind::Symbol { sym: Symbol::new("Pi") }, span)
            }
            _ => Err(self.expected("a letter after `upper`")),
        }
    }

    pub fn letter_or_greek(&mut self, v: &str, span: Span) -> PResult<Expr> {
        if v.len() == 1 {
            return self.letter(v, span);
        }
        self.mk(ExprKind::Symbol { sym: Symbol::new(v) }, span)
    }

    /// `p/q` from a spoken fraction word, as `\frac{p}{q}` reads.
    pub fn fraction_of(&mut self, p: BigInt, q: BigInt, span: Span) -> PResult<Expr> {
        let num = self.mk(ExprKind::Integer { value: p }, span)?;
        let den = self.mk(ExprKind::Integer { value: q }, span)?;
        self.mk(ExprKind::Div { num: Box::new(num), den: Box::new(den) }, span)
    }

    // ---- numbers ---------------------------------------------------------------

    /// A number: `35 comma 000` is 35000 outside brackets (SRE reads
    /// `35,000` so), and `1 and four fifths` a mixed number.
    fn parse_number(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let Tk::Num(mut text) = t.tk.clone() else { return Err(self.expected("a number")) };
        let mut span = t.span;
        if self.bracket_depth == 0 && is_group_head(&text) {
            while self.at(Key::Comma) {
                let Some(Tk::Num(g)) = self.peek_at(1).map(|t| t.tk.clone()) else { break };
                let int_part = g.split('.').next().unwrap_or("");
                if int_part.len() != 3 || !int_part.bytes().all(|b| b.is_ascii_digit()) {
                    break;
                }
                self.bump();
                let next = self.bump();
                text.push_str(&g);
                span = span.join(next.span);
                if g.contains('.') {
                    break;
                }
            }
        }
        let n = match literal_value(&text) {
            Some(Literal::Int(v)) => self.mk(ExprKind::Integer { value: v }, span)?,
            Some(Literal::Dec(v)) => self.mk(ExprKind::Decimal { value: v, text: text.clone() }, span)?,
            None => return Err(ParseError::new(ErrorKind::InvalidNumber { text }, span)),
        };
        // `6 and two thirds`.
        if matches!(n.kind, ExprKind::Integer { .. }) && self.at(Key::And) {
            if let Some(Tk::Frac(p, q)) = self.peek_at(1).map(|t| t.tk.clone()) {
                self.bump();
                let f = self.bump();
                let frac = self.fraction_of(p, q, f.span)?;
                let span = n.span.join(frac.span);
                return self.mk(ExprKind::Add { terms: vec![n, frac] }, span);
            }
        }
        Ok(n)
    }

    // ---- groups ----------------------------------------------------------------------

    /// Comma-separated items up to a closer, one nesting level deeper, with
    /// the scope flags of the enclosing construct cleared.
    pub fn parse_items(&mut self, open: Span) -> PResult<Vec<Expr>> {
        self.nested(open, |p| {
            p.bracket_depth += 1;
            let r = p.fresh_scope(|p| {
                let mut items = Vec::new();
                if p.at_closer() {
                    return Ok(items);
                }
                loop {
                    items.push(p.parse_relation()?);
                    if p.at(Key::Comma) || p.peek_tk() == Some(&Tk::Pause) {
                        p.bump();
                        continue;
                    }
                    break;
                }
                Ok(items)
            });
            p.bracket_depth -= 1;
            r
        })
    }

    fn at_closer(&self) -> bool {
        matches!(
            self.peek_tk(),
            Some(Tk::Key(
                Key::CloseParen | Key::CloseBracket | Key::CloseBrace | Key::CloseAngle | Key::EndSet | Key::EndQuantity
            ))
        )
    }

    /// `open paren …` / `open bracket …`: a group, a tuple, or an interval
    /// read bracket by bracket (`open bracket 2 comma normal infinity close
    /// paren`), as the LaTeX reader takes `(…)`, `[…]`, `[a, b)`.
    fn parse_bracketed(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let open = t.span;
        let paren = t.is(Key::OpenParen);
        let items = self.parse_items(open)?;
        let close = match self.peek_tk() {
            Some(Tk::Key(Key::CloseParen)) => Key::CloseParen,
            Some(Tk::Key(Key::CloseBracket)) => Key::CloseBracket,
            _ => {
                return Err(match self.peek() {
                    None => ParseError::new(ErrorKind::Unclosed { open: self.text(open) }, open),
                    Some(_) => self.expected("a closing bracket or `comma`"),
                })
            }
        };
        self.bump();
        let span = open.join(self.last_span());
        let n = items.len();
        let mut it = items.into_iter();
        match (paren, close, n) {
            (_, _, 1) if paren == (close == Key::CloseParen) => Ok(with_span(it.next().expect("one"), span)),
            (true, Key::CloseParen, _) => self.mk(ExprKind::Tuple { items: it.collect() }, span),
            (false, Key::CloseBracket, 2) | (true, Key::CloseBracket, 2) | (false, Key::CloseParen, 2) => {
                let lo = it.next().expect("two");
                let hi = it.next().expect("two");
                let kind = ExprKind::Interval {
                    lo: Box::new(lo),
                    hi: Box::new(hi),
                    lo_closed: !paren,
                    hi_closed: close == Key::CloseBracket,
                };
                self.mk(kind, span)
            }
            (false, Key::CloseBracket, _) => self.mk(ExprKind::List { items: it.collect() }, span),
            _ => Err(ParseError::new(
                ErrorKind::Unexpected { found: self.text(self.last_span()), expected: "a matching closing bracket" },
                self.last_span(),
            )),
        }
    }

    /// The source text of a span, quoted for messages.
    pub fn text(&self, span: Span) -> String {
        format!("`{}`", self.src.get(span.start..span.end).unwrap_or("?"))
    }

    /// A set up to `close`.
    fn finish_set(&mut self, open: Span, close: Key, what: &'static str) -> PResult<Expr> {
        let items = self.parse_items(open)?;
        self.expect(close, what)?;
        let span = open.join(self.last_span());
        if items.is_empty() {
            return self.mk(ExprKind::EmptySet, span);
        }
        self.mk(ExprKind::Set { items }, span)
    }

    /// `left floor x right floor`, `StartAbsoluteValue x EndAbsoluteValue`.
    fn parse_delimited(&mut self, close: Key, func: Func, what: &'static str) -> PResult<Expr> {
        let open = self.bump().span;
        let inner = self.nested(open, |p| p.fresh_scope(|p| p.parse_relation()))?;
        self.expect(close, what)?;
        let span = open.join(self.last_span());
        self.mk(ExprKind::Func { func, args: vec![inner] }, span)
    }

    /// `vertical bar x vertical bar`, `double vertical bar v double
    /// vertical bar`: an absolute value (a norm reads as one, as in the
    /// LaTeX reading of `\|v\|`).
    fn parse_bars(&mut self, bar: Key) -> PResult<Expr> {
        let open = self.bump().span;
        self.bar_depth += 1;
        let inner = self.nested(open, |p| p.fresh_scope(|p| p.parse_relation()));
        self.bar_depth -= 1;
        let inner = inner?;
        self.expect(bar, "the closing bar")?;
        let span = open.join(self.last_span());
        self.mk(ExprKind::Func { func: Func::Abs, args: vec![inner] }, span)
    }

    /// `the absolute value of …` (with `end absolute value` if said).
    fn parse_abs_words(&mut self) -> PResult<Expr> {
        let opener = self.pos;
        let open = self.bump().span;
        self.eat(Key::Of);
        let inner = if self.closer_said(opener) {
            let e = self.nested(open, |p| p.fresh_scope(|p| p.parse_relation()))?;
            self.expect(Key::CloseAbs, "`end absolute value`")?;
            e
        } else {
            self.nested(open, |p| p.parse_unmarked(Unmarked::AbsValue))?
        };
        let span = open.join(inner.span).join(self.last_span());
        self.mk(ExprKind::Func { func: Func::Abs, args: vec![inner] }, span)
    }

    /// `the text Evelyn end text`: the words between, as written.
    fn parse_text(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        let Some(k) = self.find_ahead(|t| t.is(Key::EndText))? else {
            return Err(ParseError::new(ErrorKind::Unclosed { open: self.text(open) }, open));
        };
        let close = self.toks[k].span;
        let raw = self.src.get(open.end..close.start).unwrap_or("");
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        self.pos = k + 1;
        if text.is_empty() {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "text" }, open.join(close)));
        }
        self.mk(ExprKind::Text { text }, open.join(close))
    }

    /// `piecewise x if x is greater than 0, 0 otherwise, end piecewise`.
    fn parse_piecewise(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        let mut pieces = Vec::new();
        self.nested(open, |p| {
            p.fresh_scope(|p| {
                loop {
                    let value = p.parse_sum()?;
                    let cond = if p.eat(Key::If).is_some() {
                        Some(p.parse_relation()?)
                    } else {
                        p.expect(Key::Otherwise, "`if` or `otherwise`")?;
                        None
                    };
                    pieces.push((value, cond));
                    while p.peek_tk() == Some(&Tk::Pause) || p.at(Key::Comma) {
                        p.bump();
                    }
                    if p.eat(Key::EndPiecewise).is_some() {
                        return Ok(());
                    }
                    if p.at_end() {
                        return Err(ParseError::new(ErrorKind::Unclosed { open: "`piecewise`".into() }, open));
                    }
                }
            })
        })?;
        let span = open.join(self.last_span());
        self.mk(ExprKind::Piecewise { pieces }, span)
    }

    /// `the quantity … end quantity`; without `end quantity`, the quantity
    /// ends at `times` or where a sum would (`the quantity a plus b times
    /// the quantity a minus b`).
    fn parse_quantity(&mut self) -> PResult<Expr> {
        let opener = self.pos;
        let open = self.bump().span;
        let inner = if self.closer_said(opener) {
            let e = self.nested(open, |p| {
                p.bracket_depth += 1;
                let r = p.fresh_scope(|p| p.parse_list(false));
                p.bracket_depth -= 1;
                r
            })?;
            self.expect(Key::EndQuantity, "`end quantity`")?;
            e
        } else {
            self.nested(open, |p| p.parse_unmarked(Unmarked::Quantity))?
        };
        let span = open.join(self.last_span());
        Ok(with_span(inner, span))
    }
}

/// A number that can start a thousands group: 1-3 digits, no leading zero.
fn is_group_head(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0')
}

/// A group's node spans its delimiters.
pub fn with_span(mut e: Expr, span: Span) -> Expr {
    e.span = span;
    e
}
