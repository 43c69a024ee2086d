//! Postfix words after an atom: powers (`squared`, `to the fourth power`,
//! `raised to the … power`, MathSpeak `Superscript … Baseline`),
//! subscripts (`sub`, `Subscript`, a bare number after a letter), `naught`,
//! `factorial`, primes, `inverse`, decorations, `percent`, `degrees`, and
//! `of` for application.
//!
//! How far an exponent reaches: `squared`, `cubed` and ordinals (`to the
//! fourth power`, `to the n-th power`) are whole; `raised to the … power`
//! and `raised to the exponent … end exponent` run to their closer;
//! `to the …` and `to the power of …` without a closer take one implicit
//! product (`e to the i pi plus one` is `e^{i\pi}+1`, `x to the power of n
//! plus one` is `x^{n}+1`; say `to the power of the quantity n plus one`
//! for `x^{n+1}`); a MathSpeak script runs to the marker that leaves it.

use num_bigint::BigInt;

use super::scope::Unmarked;
use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, Func, Symbol};
use crate::parse::parser::atom::FUNCTION_LETTERS;
use crate::error::{ErrorKind, ParseError};
use crate::parse::spoken::token::{Key, Ordinal, Script, Tk};
use crate::span::Span;


impl<'a> Parser<'a> {
    pub fn parse_postfix(&mut self, mut base: Expr) -> PResult<Expr> {
        while let Some(t) = self.peek().cloned() {
            match &t.tk {
                _ if self.power_suffix_follows() => base = self.parse_power_suffix(base)?,
                Tk::Script(path) => {
                    let Some(step) = self.child_step(path) else { break };
                    if self.lone_sign_script() {
                        // `0 Superscript plus`: a limit direction, read by the limit.
                        break;
                    }
                    let (content, span) = self.parse_script(path.clone())?;
                    base = match step {
                        Script::Sup => self.power(base, content)?,
                        Script::Sub => self.attach_subscript(base, &content, span)?,
                    };
                }
                Tk::Key(Key::Sub) => {
                    self.bump();
                    let (sub, span) = self.parse_word_subscript(t.span)?;
                    base = self.attach_subscript(base, &sub, span)?;
                }
                Tk::Key(Key::Naught) => {
                    self.bump();
                    let zero = self.int(0, t.span)?;
                    base = self.attach_subscript(base, &zero, t.span)?;
                }
                Tk::Num(n) if !self.cells && is_plain_symbol(&base) && n.bytes().all(|b| b.is_ascii_digit()) => {
                    // MathSpeak reads `x_2` as `x 2`, and people say `y two`.
                    self.bump();
                    let sub = self.mk(ExprKind::Integer { value: n.parse::<BigInt>().unwrap_or_default() }, t.span)?;
                    base = self.attach_subscript(base, &sub, t.span)?;
                }
                Tk::Key(Key::Factorial) => {
                    self.bump();
                    let span = base.span.join(t.span);
                    base = self.mk(ExprKind::Func { func: Func::Factorial, args: vec![base] }, span)?;
                }
                Tk::Key(k @ (Key::Prime | Key::DoublePrime | Key::TriplePrime)) => {
                    let n = match k {
                        Key::Prime => 1,
                        Key::DoublePrime => 2,
                        _ => 3,
                    };
                    self.bump();
                    base = self.add_primes(base, n, t.span)?;
                }
                Tk::Key(Key::Inverse) => {
                    self.bump();
                    let one = self.int(1, t.span)?;
                    let minus_one = self.mk(ExprKind::Neg { arg: Box::new(one) }, t.span)?;
                    base = self.power(base, minus_one)?;
                }
                Tk::Accent(a) if decoratable(&base) => {
                    self.bump();
                    base = self.decorate(base, a, t.span)?;
                }
                // `u right arrow`, `x dot`: decorations when nothing follows
                // that they could apply to.
                Tk::Key(Key::RightArrow) if decoratable(&base) && !self.operand_at(1) => {
                    self.bump();
                    base = self.decorate(base, "vec", t.span)?;
                }
                Tk::Key(Key::Dot) if decoratable(&base) && !self.operand_at(1) => {
                    self.bump();
                    base = self.decorate(base, "dot", t.span)?;
                }
                Tk::Key(Key::Percent) => {
                    // Percent of a bare variable is not a thing, as the LaTeX
                    // and plain readers say (`x\%` does not parse, so `x
                    // percent` could not print).
                    if matches!(base.kind, ExprKind::Symbol { .. }) {
                        return Err(ParseError::new(
                            ErrorKind::Unexpected { found: self.text(t.span), expected: "a number before `percent`" },
                            t.span,
                        ));
                    }
                    self.bump();
                    let span = base.span.join(t.span);
                    base = self.mk(ExprKind::Percent { value: Box::new(base) }, span)?;
                }
                Tk::Key(Key::Degrees) => {
                    self.bump();
                    let span = base.span.join(t.span);
                    base = self.mk(ExprKind::Quantity { value: Box::new(base), unit: "deg".into() }, span)?;
                }
                Tk::Key(Key::Of) if !self.stop_of && matches!(base.kind, ExprKind::Symbol { .. } | ExprKind::Pow { .. }) => {
                    self.bump();
                    base = self.apply_of(base)?;
                }
                // `one half of x`: a number of something is a product.
                Tk::Key(Key::Of) if !self.stop_of && is_number(&base) && self.operand_or_sign_at(1) => {
                    self.bump();
                    let arg = self.parse_of_argument()?;
                    base = self.product(base, arg)?;
                }
                // `10 centimeters`: a unit word from `grammars/units.tsv` after a number.
                Tk::Word(w) if is_number(&base) && crate::normalize::units::unit(w).is_some() => {
                    self.bump();
                    let unit = crate::normalize::units::unit(w).map_or("", |u| u.canonical).to_string();
                    let span = base.span.join(t.span);
                    base = self.mk(ExprKind::Quantity { value: Box::new(base), unit }, span)?;
                }
                Tk::Key(Key::OpenParen) if is_function_symbol(&base) => {
                    let args = self.parse_call_args()?;
                    base = self.apply(base, args)?;
                }
                _ => break,
            }
        }
        Ok(base)
    }

    // ---- powers ----------------------------------------------------------------

    /// Does a power suffix start here (`squared`, `cubed`, `to the …`,
    /// `raised to the …`, `to the power of …`)?
    pub fn power_suffix_follows(&self) -> bool {
        match self.peek_tk() {
            Some(Tk::Key(Key::Squared | Key::Cubed | Key::RaisedToThe | Key::ToThePowerOf)) => true,
            Some(Tk::Key(Key::ToThe)) => !self.stop_to,
            _ => false,
        }
    }

    /// The power suffix at the cursor applied to `base`.
    pub fn parse_power_suffix(&mut self, base: Expr) -> PResult<Expr> {
        let t = self.bump();
        let exp = match &t.tk {
            Tk::Key(Key::Squared) => self.int(2, t.span)?,
            Tk::Key(Key::Cubed) => self.int(3, t.span)?,
            Tk::Key(Key::RaisedToThe) => {
                if let Some(e) = self.ordinal_exponent()? {
                    e
                } else if self.eat(Key::Exponent).is_some() {
                    let e = self.nested(t.span, |p| p.fresh_scope(|p| p.parse_sum()))?;
                    self.expect(Key::EndExponent, "`end exponent`")?;
                    e
                } else {
                    let e = self.nested(t.span, |p| p.fresh_scope(|p| p.parse_sum()))?;
                    // `power` closes; people may leave it out at the end.
                    if self.eat(Key::Power).is_none() && !self.at_end() {
                        return Err(self.expected("`power`"));
                    }
                    e
                }
            }
            _ => {
                // `to the …`, `to the power of …`.
                if let Some(e) = self.ordinal_exponent()? {
                    e
                } else {
                    // One implicit product (`e to the i pi plus one`), or
                    // in the other reading a sum to the end of the clause.
                    self.met.long_exponent = true;
                    let e = if self.reading.long_exponent {
                        self.nested(t.span, |p| p.parse_sum())?
                    } else {
                        self.nested(t.span, |p| p.parse_juxtaposed())?
                    };
                    self.eat(Key::Power);
                    e
                }
            }
        };
        self.power(base, exp)
    }

    /// `fourth power`, `n-th power`, `1009th`: an ordinal exponent and its
    /// optional `power`.
    fn ordinal_exponent(&mut self) -> PResult<Option<Expr>> {
        let Some(Tk::Ord(o)) = self.peek_tk().cloned() else { return Ok(None) };
        // `the fourth root of` after `to the` is not an exponent ordinal.
        if self.at_k(1, Key::Root) {
            return Ok(None);
        }
        let t = self.bump();
        let e = match o {
            Ordinal::Number(n) => self.mk(ExprKind::Integer { value: n }, t.span)?,
            Ordinal::Letter(l) => self.letter(&l, t.span)?,
        };
        self.eat(Key::Power);
        Ok(Some(e))
    }

    pub fn power(&mut self, base: Expr, exp: Expr) -> PResult<Expr> {
        let span = base.span.join(exp.span);
        self.mk(ExprKind::Pow { base: Box::new(base), exp: Box::new(exp) }, span)
    }

    // ---- MathSpeak scripts ---------------------------------------------------------

    /// The step a script marker `path` takes from the current level, if it
    /// is one step deeper.
    pub fn child_step(&self, path: &[Script]) -> Option<Script> {
        (path.len() == self.level.len() + 1 && path.starts_with(&self.level)).then(|| path[self.level.len()])
    }

    /// `Superscript plus` with nothing after the sign.
    fn lone_sign_script(&self) -> bool {
        (self.at_k(1, Key::Plus) || self.at_k(1, Key::Minus)) && !self.operand_at(2)
    }

    /// The content of the script whose marker (`path`) is at the cursor,
    /// read one level deeper; the marker that returns to the current level
    /// is consumed. Without such a marker ahead (SRE leaves out `Baseline`
    /// at the end), the content is an unmarked scope.
    pub fn parse_script(&mut self, path: Vec<Script>) -> PResult<(Expr, Span)> {
        let explicit = self.ahead.script_ends(self.pos);
        let marker = self.bump().span;
        // A function name alone is a label only as an index: as an
        // exponent (`x Superscript sine`) it would be `x^{\sin}`, which
        // no reader takes (the function lacks its argument).
        let label_allowed = path.last() == Some(&Script::Sub);
        let outer = std::mem::replace(&mut self.level, path);
        let content = self.nested(marker, |p| {
            if p.at_end() {
                return Err(p.expected("a script"));
            }
            // `m Subscript max Baseline`: a function name as a label.
            if let Some(Tk::Func(f)) = p.peek_tk().cloned().filter(|_| label_allowed) {
                let leaves = match p.peek_at(1).map(|t| &t.tk) {
                    None => true,
                    Some(Tk::Script(q)) => p.child_step(q).is_none(),
                    _ => false,
                };
                if leaves {
                    let t = p.bump();
                    return p.mk(ExprKind::Symbol { sym: Symbol::new(format!("\\{f}")) }, t.span);
                }
            }
            if explicit {
                p.parse_relation()
            } else {
                p.parse_unmarked(Unmarked::Script)
            }
        });
        self.level = outer;
        let content = content?;
        if matches!(self.peek_tk(), Some(Tk::Script(p)) if p.as_slice() == self.level.as_slice()) {
            self.bump();
        }
        let span = marker.join(content.span);
        Ok((content, span))
    }

    // ---- subscripts --------------------------------------------------------------------

    /// After ClearSpeak's `sub`: one atom (`x sub 1`, `a sub n plus 1` is
    /// `a_n + 1`), a capital (`f sub upper Y`) or a function name (`m sub
    /// max`).
    fn parse_word_subscript(&mut self, at: Span) -> PResult<(Expr, Span)> {
        let Some(t) = self.peek().cloned() else {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "a subscript" }, at));
        };
        let e = match &t.tk {
            Tk::Func(f) => {
                self.bump();
                self.mk(ExprKind::Symbol { sym: Symbol::new(format!("\\{f}")) }, t.span)?
            }
            Tk::Num(_) | Tk::Letter(_) | Tk::Greek(_) | Tk::Const(_) | Tk::Frac(..) => self.parse_atom()?,
            // `x sub open paren n plus 1 close paren`, `x sub the quantity …
            // end quantity`, `x sub the text i^2 end text` (as written).
            Tk::Key(Key::OpenParen | Key::Quantity | Key::Text) => self.parse_atom()?,
            Tk::Key(Key::Upper | Key::Font | Key::Negative | Key::Minus) => {
                let sign = matches!(t.tk, Tk::Key(Key::Negative | Key::Minus));
                if sign {
                    self.bump();
                    let a = self.parse_atom()?;
                    let span = t.span.join(a.span);
                    self.mk(ExprKind::Neg { arg: Box::new(a) }, span)?
                } else {
                    self.parse_atom()?
                }
            }
            _ => return Err(self.expected("a subscript")),
        };
        let e = self.index_arithmetic(e)?;
        let span = at.join(e.span);
        Ok((e, span))
    }

    /// `a sub n plus 1`: a letter index plus or minus a number is read as
    /// one index (`a_{n+1}`, the common recurrence form), when nothing
    /// joins the number after it.
    fn index_arithmetic(&mut self, index: Expr) -> PResult<Expr> {
        let letter = matches!(&index.kind, ExprKind::Symbol { sym } if sym.name.len() == 1 && sym.sub.is_none());
        let sign = self.at(Key::Plus) || self.at(Key::Minus);
        let number = matches!(self.peek_at(1).map(|t| &t.tk), Some(Tk::Num(n)) if n.bytes().all(|b| b.is_ascii_digit()));
        if !letter || !sign || !number || self.operand_at(2) {
            return Ok(index);
        }
        let op = self.bump();
        let n = self.parse_atom()?;
        let span = index.span.join(n.span);
        let n = if op.is(Key::Minus) { self.mk(ExprKind::Neg { arg: Box::new(n) }, span)? } else { n };
        self.mk(ExprKind::Add { terms: vec![index, n] }, span)
    }

    /// Attach a subscript as the LaTeX reader does: to a variable (as its
    /// compact LaTeX text), to the base of a power of one, to a number or
    /// to `e` / `i` (which become variables).
    pub fn attach_subscript(&mut self, base: Expr, sub: &Expr, sspan: Span) -> PResult<Expr> {
        let text = subscript_text(sub);
        if text.is_empty() {
            // "x sub open paren close paren": nothing to write as the
            // index (LaTeX's `x_{}` is an error too).
            return Err(ParseError::new(ErrorKind::Unexpected { found: "an empty subscript".into(), expected: "a subscript" }, sspan));
        }
        let span = base.span.join(sspan);
        match base.kind {
            ExprKind::Symbol { mut sym } if sym.sub.is_none() => {
                sym.sub = Some(text);
                self.mk(ExprKind::Symbol { sym }, span)
            }
            ExprKind::Pow { base: b, exp } if matches!(&b.kind, ExprKind::Symbol { sym } if sym.sub.is_none()) => {
                let b = self.attach_subscript(*b, sub, sspan)?;
                self.mk(ExprKind::Pow { base: Box::new(b), exp }, span)
            }
            ExprKind::Integer { value } => {
                let mut sym = Symbol::new(value.to_string());
                sym.sub = Some(text);
                self.mk(ExprKind::Symbol { sym }, span)
            }
            ExprKind::Constant { constant: c @ (Constant::E | Constant::I) } => {
                let mut sym = Symbol::new(if c == Constant::E { "e" } else { "i" });
                sym.sub = Some(text);
                self.mk(ExprKind::Symbol { sym }, span)
            }
            _ => Err(ParseError::new(
                ErrorKind::Unexpected { found: "a subscript".into(), expected: "a subscript only after a variable" },
                sspan,
            )),
        }
    }

    fn add_primes(&mut self, base: Expr, n: u8, at: Span) -> PResult<Expr> {
        let span = base.span.join(at);
        let mut sym = match base.kind {
            ExprKind::Symbol { sym } => sym,
            ExprKind::Constant { constant: c @ (Constant::E | Constant::I) } => {
                Symbol::new(if c == Constant::E { "e" } else { "i" })
            }
            _ => {
                return Err(ParseError::new(
                    ErrorKind::Unexpected { found: "`prime`".into(), expected: "a prime only after a variable" },
                    at,
                ))
            }
        };
        sym.primes = sym.primes.saturating_add(n);
        self.mk(ExprKind::Symbol { sym }, span)
    }

    /// A decoration on a variable (`x bar`, `theta two dots`).
    pub fn decorate(&mut self, base: Expr, accent: &str, at: Span) -> PResult<Expr> {
        let span = base.span.join(at);
        let mut sym = match base.kind {
            ExprKind::Symbol { sym } => sym,
            ExprKind::Constant { constant: c @ (Constant::E | Constant::I) } => {
                Symbol::new(if c == Constant::E { "e" } else { "i" })
            }
            other => return Ok(Expr::new(other, base.span)),
        };
        sym.accent = Some(accent.to_string());
        self.mk(ExprKind::Symbol { sym }, span)
    }

    // ---- application -------------------------------------------------------------------

    /// `f of x`, `g of f of x`, `psi of open paren mu comma sigma close
    /// paren`. A function letter (or a primed or subscripted name) applies;
    /// any other name multiplies, as `C(h)` does in the LaTeX reading.
    ///
    /// SRE also says `of` for a product after a capital (`4 pi G of rho sub
    /// 0`, `G of the fraction …`), so a capital function letter applies
    /// only to a parenthesized argument.
    fn apply_of(&mut self, base: Expr) -> PResult<Expr> {
        let paren = self.at(Key::OpenParen);
        let applies = is_function_symbol(&base) && (paren || !is_capital(&base));
        if applies && paren {
            let args = self.parse_call_args()?;
            return self.apply(base, args);
        }
        let arg = if paren || self.at(Key::OpenBracket) { self.parse_power()? } else { self.parse_of_argument()? };
        if applies {
            return self.apply(base, vec![arg]);
        }
        self.product(base, arg)
    }

    fn apply(&mut self, base: Expr, args: Vec<Expr>) -> PResult<Expr> {
        let span = base.span.join(self.last_span());
        let ExprKind::Symbol { sym } = base.kind else {
            return Err(ParseError::new(
                ErrorKind::Unexpected { found: "an application".into(), expected: "a function name" },
                span,
            ));
        };
        self.mk(ExprKind::Apply { name: sym, args }, span)
    }

    /// `open paren a comma b close paren` as call arguments.
    pub fn parse_call_args(&mut self) -> PResult<Vec<Expr>> {
        let open = self.expect(Key::OpenParen, "`open paren`")?;
        let items = self.parse_items(open)?;
        self.expect(Key::CloseParen, "`close paren` or `comma`")?;
        Ok(items)
    }
}

/// A variable with nothing attached yet (a bare number after it is a
/// subscript).
fn is_plain_symbol(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Symbol { sym } if sym.sub.is_none() && sym.primes == 0 && sym.accent.is_none())
}

/// A name that applies to arguments, as in the LaTeX reading of `f(x)`: a
/// function letter, or a primed or subscripted one (`f'`, `f_1`); any other
/// name multiplies (`C of h` is `C(h)`, a product in LaTeX too).
fn is_function_symbol(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Symbol { sym } => {
            sym.accent.is_none()
                && sym.sub.is_none()
                && (FUNCTION_LETTERS.contains(&sym.name.as_str()) || (sym.primes > 0 && sym.name.len() == 1))
        }
        _ => false,
    }
}

fn is_capital(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Symbol { sym } if sym.name.starts_with(|c: char| c.is_ascii_uppercase()))
}

fn is_number(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Integer { .. } | ExprKind::Decimal { .. } => true,
        ExprKind::Div { num, den } => is_number(num) && is_number(den),
        _ => false,
    }
}

fn decoratable(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Symbol { sym } => sym.accent.is_none(),
        ExprKind::Constant { constant } => matches!(constant, Constant::E | Constant::I),
        _ => false,
    }
}

/// A subscript as the LaTeX reader keeps it: its compact LaTeX text
/// (`n+1`, `\alpha`, `0`).
pub fn subscript_text(e: &Expr) -> String {
    match &e.kind {
        // `m sub max`: kept as the command it was spoken for.
        ExprKind::Symbol { sym } if sym.name.starts_with('\\') => sym.name.clone(),
        ExprKind::Text { text } => text.clone(),
        // `x sub open paren i comma j close paren`: `x_{i,j}`.
        ExprKind::Tuple { items } | ExprKind::List { items } => {
            items.iter().map(subscript_text).collect::<Vec<_>>().join(",")
        }
        _ => crate::print::to_latex(e).chars().filter(|c| !c.is_whitespace()).collect(),
    }
}
