//! Atoms, powers and postfix operators.

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, Func, Symbol};
use crate::error::{ErrorKind, ParseError};
use crate::parse::token::Tok;
use crate::span::Span;

/// Letters that name functions when directly followed by `(`: `f(x)` is an
/// application, `x(x+1)` a product.
pub(crate) const FUNCTION_LETTERS: &[&str] = &["f", "g", "h", "F", "G", "H", "p", "q", "P", "Q"];

/// Stack left before growing, and the size of each new segment.
const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_GROWTH: usize = 2 * 1024 * 1024;

impl<'a> Parser<'a> {
    /// An atom followed by its postfix operators (`^`, `_`, `!`, `'`, `%`,
    /// degrees, units).
    pub fn parse_power(&mut self) -> PResult<Expr> {
        let span = match self.peek() {
            Some(t) => t.span,
            None => self.end_span(),
        };
        self.enter(span)?;
        // Each nesting level passes through here: make sure there is stack
        // for the next one whatever thread we run on.
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_GROWTH, || match self.parse_atom() {
            Ok(base) => self.parse_postfix(base),
            Err(e) => Err(e),
        });
        self.leave();
        r
    }

    pub fn parse_postfix(&mut self, mut base: Expr) -> PResult<Expr> {
        loop {
            let Some(t) = self.peek().cloned() else { break };
            match &t.tok {
                Tok::Punct("^") | Tok::Punct("**") => {
                    self.advance();
                    base = self.parse_superscript(base, t.span)?;
                }
                Tok::Punct("_") => {
                    self.advance();
                    let (sub, sspan) = self.parse_subscript_text(t.span)?;
                    base = self.attach_subscript(base, sub, sspan)?;
                }
                Tok::Punct("!") => {
                    self.advance();
                    let span = base.span.join(t.span);
                    base = self.mk(ExprKind::Func { func: Func::Factorial, args: vec![base] }, span)?;
                }
                Tok::Punct("'") => {
                    self.advance();
                    base = self.add_prime(base, t.span)?;
                }
                Tok::Punct("%") | Tok::Other('‰') => {
                    // Percent of a bare variable is not a thing (`a\%`);
                    // a parenthesized one is written on purpose (`(x)%`,
                    // how the printers write a percentage of a letter).
                    if self.bare_symbol(&base) {
                        return Err(ParseError::new(
                            ErrorKind::Unexpected { found: "`%`".into(), expected: "a number before `%`" },
                            t.span,
                        ));
                    }
                    self.advance();
                    base = self.percent(base, t.span)?;
                }
                Tok::Cmd(c) if c == "%" => {
                    if self.bare_symbol(&base) {
                        return Err(ParseError::new(
                            ErrorKind::Unexpected { found: "`\\%`".into(), expected: "a number before `\\%`" },
                            t.span,
                        ));
                    }
                    self.advance();
                    base = self.percent(base, t.span)?;
                }
                Tok::Cmd(c) if c == "$" => {
                    // A trailing currency sign: `5\$`.
                    self.advance();
                }
                Tok::Cmd(c) if matches!(c.as_str(), "degree" | "circ") => {
                    self.advance();
                    base = self.quantity(base, "deg", t.span)?;
                }
                Tok::Other('°') => {
                    self.advance();
                    base = self.quantity(base, "deg", t.span)?;
                }
                _ => {
                    if let Some(b) = self.try_unit(&base)? {
                        base = b;
                        continue;
                    }
                    break;
                }
            }
        }
        Ok(base)
    }

    /// A symbol not written in parentheses: a group's node spans its
    /// delimiters, so a parenthesized symbol starts at a `(` and ends at a
    /// `)` (`x_(1)` ends at one but starts at the letter).
    fn bare_symbol(&self, e: &Expr) -> bool {
        if !matches!(e.kind, ExprKind::Symbol { .. }) {
            return false;
        }
        let toks = &self.toks[..self.pos.min(self.toks.len())];
        let opens = toks.iter().any(|t| t.is_punct("(") && t.span.start == e.span.start);
        let closes = toks.iter().rev().any(|t| t.is_punct(")") && t.span.end == e.span.end);
        !(opens && closes)
    }

    pub fn percent(&mut self, base: Expr, span: Span) -> PResult<Expr> {
        let span = base.span.join(span);
        self.mk(ExprKind::Percent { value: Box::new(base) }, span)
    }

    pub fn quantity(&mut self, base: Expr, unit: &str, span: Span) -> PResult<Expr> {
        let span = base.span.join(span);
        self.mk(ExprKind::Quantity { value: Box::new(base), unit: unit.to_string() }, span)
    }

    /// After `^`: the exponent, or degrees (`^\circ`), or primes
    /// (`^{\prime}`).
    fn parse_superscript(&mut self, base: Expr, caret: Span) -> PResult<Expr> {
        // Degrees and primes written as superscripts.
        if let Some(kind) = self.superscript_marker() {
            let end = self.last_span();
            return match kind {
                Marker::Degree => self.quantity(base, "deg", caret.join(end)),
                Marker::Primes(n) => {
                    let mut b = base;
                    for _ in 0..n {
                        b = self.add_prime(b, caret.join(end))?;
                    }
                    Ok(b)
                }
            };
        }
        let exp = if !self.latex {
            self.parse_plain_exponent(caret)?
        } else if let Some(Tok::Num(n)) = self.peek_tok() {
            // `10^32` is read as latex2sympy and most writers mean it, 10³²
            // (TeX itself would set 10³2); a decimal keeps TeX's one digit.
            if n.bytes().all(|b| b.is_ascii_digit()) {
                let t = self.bump();
                self.number_literal(&n, t.span)?
            } else {
                self.parse_script_arg(caret, "an exponent")?
            }
        } else {
            self.parse_script_arg(caret, "an exponent")?
        };
        let span = base.span.join(exp.span);
        self.mk(ExprKind::Pow { base: Box::new(base), exp: Box::new(exp) }, span)
    }

    /// Plain exponents are right-associative and may carry a sign:
    /// `2**-1`, `2^3^2` = `2^(3^2)`.
    fn parse_plain_exponent(&mut self, caret: Span) -> PResult<Expr> {
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "an exponent" }, caret));
        }
        self.parse_unary_power()
    }

    /// A signed power without implicit products: used for plain exponents.
    fn parse_unary_power(&mut self) -> PResult<Expr> {
        if let Some(t) = self.peek().cloned() {
            if t.is_punct("-") || t.is_punct("+") {
                self.advance();
                self.enter(t.span)?;
                let arg = self.parse_unary_power();
                self.leave();
                let arg = arg?;
                if t.is_punct("+") {
                    return Ok(arg);
                }
                let span = t.span.join(arg.span);
                return self.mk(ExprKind::Neg { arg: Box::new(arg) }, span);
            }
        }
        self.parse_power()
    }

    /// `^\circ`, `^{\circ}`, `^{o}`? (no: `o` is a letter), `^\prime`,
    /// `^{\prime\prime}`: consumed when present.
    fn superscript_marker(&mut self) -> Option<Marker> {
        let save = self.pos;
        let braced = self.eat_punct("{").is_some();
        let mut primes = 0u8;
        let mut degree = false;
        while let Some(t) = self.peek().cloned() {
            if t.is_cmd("circ") || t.is_cmd("degree") || matches!(t.tok, Tok::Other('°')) {
                self.advance();
                degree = true;
            } else if t.is_cmd("prime") {
                self.advance();
                primes += 1;
            } else {
                break;
            }
            if !braced {
                break;
            }
        }
        if (degree || primes > 0) && (!braced || self.eat_punct("}").is_some()) {
            return Some(if degree { Marker::Degree } else { Marker::Primes(primes) });
        }
        self.pos = save;
        None
    }

    /// A LaTeX script or command argument: `{…}` or a single token (one
    /// digit of a number: `x^23` is `x^2·3`, `\frac12` is ½).
    pub fn parse_script_arg(&mut self, at: Span, what: &'static str) -> PResult<Expr> {
        let Some(t) = self.peek().cloned() else {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: what }, at.join(self.end_span())));
        };
        match &t.tok {
            Tok::Punct("{") => self.parse_brace_arg(what),
            Tok::Punct("(") => {
                // Sloppy `x^(1/3)`: a parenthesized exponent.
                let open = self.bump().span;
                self.finish_paren(open, "(")
            }
            Tok::Num(n) => {
                self.advance();
                let first = &n[..n.chars().next().map_or(0, char::len_utf8)];
                if n.len() > first.len() {
                    // Leave the rest of the number for the caller.
                    self.pos -= 1;
                    let rest = n[first.len()..].to_string();
                    let tok = &mut self.toks[self.pos];
                    let split = tok.span.start + first.len();
                    tok.tok = Tok::Num(rest.into());
                    tok.span = Span::new(split, tok.span.end);
                    tok.space_before = false;
                    let span = Span::new(t.span.start, split);
                    return self.number_literal(first, span);
                }
                self.number_literal(n, t.span)
            }
            Tok::Punct("-") | Tok::Punct("+") => {
                // Sloppy `x^-1`: sign and one token.
                self.advance();
                self.enter(t.span)?;
                let arg = self.parse_script_arg(t.span, what);
                self.leave();
                let arg = arg?;
                if t.is_punct("+") {
                    return Ok(arg);
                }
                let span = t.span.join(arg.span);
                self.mk(ExprKind::Neg { arg: Box::new(arg) }, span)
            }
            Tok::Ident(_) | Tok::Cmd(_) | Tok::Other(_) => {
                self.enter(t.span)?;
                let r = self.parse_atom();
                self.leave();
                r
            }
            _ => Err(ParseError::new(ErrorKind::Unexpected { found: t.describe(), expected: what }, t.span)),
        }
    }

    /// `{…}` as one argument: its content as a single expression (a list
    /// inside becomes a `List`).
    pub fn parse_brace_arg(&mut self, what: &'static str) -> PResult<Expr> {
        let open = self.expect_punct("{", None)?;
        if self.eat_punct("}").is_some() {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: what }, open.join(self.last_span())));
        }
        let inner = self.nested_brace_content(open)?;
        self.expect_punct("}", Some(("{", open)))?;
        Ok(inner)
    }

    /// The content of a `{…}` opened at `open`, one nesting level deeper,
    /// where a bare `,` separates items.
    pub fn nested_brace_content(&mut self, open: Span) -> PResult<Expr> {
        self.enter(open)?;
        self.bracket_depth += 1;
        let inner = self.parse_brace_content();
        self.bracket_depth -= 1;
        self.leave();
        inner
    }

    /// Inside a brace group: a list, with TeX's `\over` and `\choose`.
    pub fn parse_brace_content(&mut self) -> PResult<Expr> {
        let first = self.parse_list(false)?;
        if let Some(t) = self.peek().cloned() {
            if t.is_cmd("over") || t.is_cmd("choose") || t.is_cmd("atop") {
                self.advance();
                let second = self.parse_list(false)?;
                let span = first.span.join(second.span);
                return if t.is_cmd("choose") {
                    self.mk(ExprKind::Func { func: Func::Binom, args: vec![first, second] }, span)
                } else {
                    self.mk(ExprKind::Div { num: Box::new(first), den: Box::new(second) }, span)
                };
            }
        }
        Ok(first)
    }

    /// The subscript as compact text (`x_{i, j}` → `i,j`, `x_1` → `1`).
    pub fn parse_subscript_text(&mut self, at: Span) -> PResult<(String, Span)> {
        let Some(t) = self.peek().cloned() else {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "a subscript" }, at));
        };
        if t.is_punct("{") {
            let open = self.pos;
            let Some(close) = self.matching_brace(open) else {
                return Err(ParseError::new(ErrorKind::Unclosed { open: "{".into() }, t.span));
            };
            let inner = Span::new(t.span.end, self.toks[close].span.start);
            let text = subscript_text(&self.src[inner.start..inner.end]);
            self.pos = close + 1;
            if text.is_empty() {
                return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "a subscript" }, t.span));
            }
            // The subscript is kept as LaTeX text: its braces must pair up
            // as LaTeX reads them (in plain text a brace inside a string,
            // `x_{"}"}`, does not count when the braces are matched).
            if !braces_balanced(&text) {
                return Err(ParseError::new(
                    ErrorKind::Unexpected { found: "unpaired braces".into(), expected: "a subscript" },
                    inner,
                ));
            }
            // A subscript that is only an empty wrapper (`m_{\text{}}`,
            // `m_{ \mathrm{ }}`) is empty once unwrapped: an error, as
            // `x_{}` is. Kept, it would print as `m_{}`, which does not
            // read back.
            let text = strip_subscript_wrappers(&text);
            if text.is_empty() {
                return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "a subscript" }, t.span));
            }
            return Ok((text, t.span.join(self.last_span())));
        }
        match &t.tok {
            Tok::Num(n) if self.latex && !n.bytes().all(|b| b.is_ascii_digit()) => {
                // One digit only of a decimal, as TeX reads `x_1.5`.
                let first = n.chars().next().expect("non-empty").to_string();
                if n.len() > 1 {
                    let tok = &mut self.toks[self.pos];
                    tok.tok = Tok::Num(n[1..].into());
                    tok.span = Span::new(tok.span.start + 1, tok.span.end);
                    tok.space_before = false;
                    return Ok((first, Span::new(t.span.start, t.span.start + 1)));
                }
                self.advance();
                Ok((first, t.span))
            }
            Tok::Num(n) | Tok::Ident(n) => {
                self.advance();
                Ok((n.to_string(), t.span))
            }
            // A lone backslash is no command: not a subscript.
            Tok::Cmd(c) if !c.is_empty() => {
                self.advance();
                Ok((format!("\\{c}"), t.span))
            }
            _ => Err(ParseError::new(ErrorKind::Unexpected { found: t.describe(), expected: "a subscript" }, t.span)),
        }
    }

    fn attach_subscript(&mut self, base: Expr, sub: String, sspan: Span) -> PResult<Expr> {
        let span = base.span.join(sspan);
        match base.kind {
            ExprKind::Symbol { mut sym } if sym.sub.is_none() => {
                sym.sub = Some(sub);
                self.mk(ExprKind::Symbol { sym }, span)
            }
            // `x^2_{ij}`: the subscript belongs to the base symbol.
            ExprKind::Pow { base: b, exp } if matches!(&b.kind, ExprKind::Symbol { sym } if sym.sub.is_none()) => {
                let b = self.attach_subscript(*b, sub, sspan)?;
                self.mk(ExprKind::Pow { base: Box::new(b), exp }, span)
            }
            // A number in a base: `1011_2` is kept as the symbol it is written as.
            ExprKind::Integer { value } => {
                let mut sym = Symbol::new(value.to_string());
                sym.sub = Some(sub);
                self.mk(ExprKind::Symbol { sym }, span)
            }
            // `e_1`, `i_2`: a constant letter with a subscript is a variable.
            ExprKind::Constant { constant: c @ (Constant::E | Constant::I) } => {
                let mut sym = Symbol::new(if c == Constant::E { "e" } else { "i" });
                sym.sub = Some(sub);
                self.mk(ExprKind::Symbol { sym }, span)
            }
            // `\mathrm{foo}_{1}`: a subscripted word is a name.
            ExprKind::Text { ref text } if is_name_word(text) => {
                let mut sym = Symbol::new(text.clone());
                sym.sub = Some(sub);
                self.mk(ExprKind::Symbol { sym }, span)
            }
            _ => Err(ParseError::new(
                ErrorKind::Unexpected { found: "`_`".into(), expected: "a subscript only after a variable" },
                sspan,
            )),
        }
    }

    fn add_prime(&mut self, base: Expr, span: Span) -> PResult<Expr> {
        let span = base.span.join(span);
        match base.kind {
            ExprKind::Symbol { mut sym } => {
                sym.primes = sym.primes.saturating_add(1);
                self.mk(ExprKind::Symbol { sym }, span)
            }
            ExprKind::Constant { constant: c @ (Constant::E | Constant::I) } => {
                let mut sym = Symbol::new(if c == Constant::E { "e" } else { "i" });
                sym.primes = 1;
                self.mk(ExprKind::Symbol { sym }, span)
            }
            // `\mathrm{foo}'`: a primed word is a name.
            ExprKind::Text { ref text } if is_name_word(text) => {
                let mut sym = Symbol::new(text.clone());
                sym.primes = 1;
                self.mk(ExprKind::Symbol { sym }, span)
            }
            _ => Err(ParseError::new(
                ErrorKind::Unexpected { found: "`'`".into(), expected: "a prime only after a variable" },
                span,
            )),
        }
    }

    // ---- atoms -------------------------------------------------------------

    pub fn parse_atom(&mut self) -> PResult<Expr> {
        let Some(t) = self.peek().cloned() else {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "an expression" }, self.end_span()));
        };
        match &t.tok {
            Tok::Num(_) => self.parse_number_atom(),
            Tok::Ident(w) => {
                if self.latex {
                    self.advance();
                    self.latex_letter(w, t.span)
                } else {
                    self.parse_word()
                }
            }
            Tok::Str(s) => {
                self.advance();
                let text = collapse_ws(s);
                if text.is_empty() {
                    // `''` is spacing, as `\text{}` is in LaTeX (where an
                    // empty text node would print): read the next atom.
                    if self.at_end() {
                        return Err(ParseError::new(ErrorKind::Empty, t.span));
                    }
                    return self.parse_atom();
                }
                // The quotes are one byte each.
                let cspan = Span::new(t.span.start + 1, t.span.end.saturating_sub(1).max(t.span.start + 1));
                // A number is read from the source between the quotes;
                // strings joined across quotes (`'1'"2"`) are no one range
                // of it, so their number spans the whole token. Either way
                // a text that reads as a number is the number, as LaTeX
                // reads the `\text{12}` the text would print as.
                let one_string = self.src.get(cspan.start..cspan.end) == Some(&**s);
                if one_string {
                    if let Some(n) = self.text_number(s, &text, cspan) {
                        return n;
                    }
                } else if let Some(n) = self.detached_text_number(&text, t.span) {
                    return Ok(n);
                }
                self.mk(ExprKind::Text { text }, t.span)
            }
            Tok::Punct("(") | Tok::Punct("[") | Tok::Punct("{") | Tok::Punct("|") => self.parse_group(),
            Tok::Cmd(_) => self.parse_command(),
            Tok::Other('∞') => {
                self.advance();
                self.mk(ExprKind::Constant { constant: Constant::Infinity }, t.span)
            }
            Tok::Other('π') => {
                self.advance();
                self.mk(ExprKind::Constant { constant: Constant::Pi }, t.span)
            }
            Tok::Other('∅') => {
                self.advance();
                self.mk(ExprKind::EmptySet, t.span)
            }
            Tok::Other('√') => {
                self.advance();
                let arg = self.parse_power()?;
                let span = t.span.join(arg.span);
                self.mk(ExprKind::Root { radicand: Box::new(arg), index: None }, span)
            }
            Tok::Punct(p @ (")" | "]" | "}")) => {
                Err(ParseError::new(ErrorKind::Unmatched { close: p.to_string() }, t.span))
            }
            Tok::Other(c) => Err(ParseError::new(ErrorKind::UnexpectedChar { ch: *c }, t.span)),
            Tok::BadNumber(n) => Err(ParseError::new(ErrorKind::InvalidNumber { text: n.to_string() }, t.span)),
            _ => Err(ParseError::new(ErrorKind::Unexpected { found: t.describe(), expected: "an expression" }, t.span)),
        }
    }

    /// A LaTeX letter: `e` and `i` are the constants; function letters
    /// directly followed by `(` apply.
    fn latex_letter(&mut self, w: &str, span: Span) -> PResult<Expr> {
        let mut sym = Symbol::new(w);
        // Primes right on the letter: `f'(x)`, `y''`.
        while self.peek().is_some_and(|t| t.is_punct("'") && !t.space_before) {
            self.advance();
            sym.primes = sym.primes.saturating_add(1);
        }
        let span = span.join(self.last_span());
        if (sym.primes > 0 || FUNCTION_LETTERS.contains(&w)) && self.peek().is_some_and(|t| t.is_punct("(")) {
            let args = self.parse_call_args()?;
            let span = span.join(self.last_span());
            return self.mk(ExprKind::Apply { name: sym, args }, span);
        }
        if sym.primes == 0 {
            match w {
                "e" => return self.mk(ExprKind::Constant { constant: Constant::E }, span),
                "i" => return self.mk(ExprKind::Constant { constant: Constant::I }, span),
                _ => {}
            }
        }
        self.mk(ExprKind::Symbol { sym }, span)
    }

    /// Can the next token start another factor of an implicit product?
    pub fn starts_implicit_factor(&mut self) -> bool {
        if self.integral_depth > 0 && self.take_differential() {
            return false;
        }
        let latex = self.latex;
        let abs_depth = self.abs_depth;
        let Some(t) = self.peek().cloned() else { return false };
        if t.quad_before {
            return false;
        }
        match &t.tok {
            Tok::Num(_) | Tok::Str(_) => true,
            Tok::Ident(w) => {
                if latex {
                    self.latex_word_connector().is_none()
                } else {
                    !super::words::is_operator_word(w)
                }
            }
            Tok::Punct("(") | Tok::Punct("[") => true,
            Tok::Punct("{") => latex,
            Tok::Punct("|") => abs_depth == 0,
            Tok::Other(c) => matches!(c, '∞' | 'π' | '√' | '∅'),
            Tok::Cmd(c) => self.command_starts_atom(c),
            _ => false,
        }
    }
}

enum Marker {
    Degree,
    Primes(u8),
}

/// The source of a braced subscript as the text it is kept as: LaTeX
/// text without its spaces. Text that is not ASCII is normalized as LaTeX
/// first: plain text's own normalization keeps `∪` where LaTeX's writes
/// `\cup`, and a name quoted in plain text (`Symbol('a_{x∩y}')`) is read
/// as LaTeX from the plain source, so the subscript is the one LaTeX reads
/// from the printed `x_{…}` (LaTeX normalization is idempotent on text it
/// has normalized). A control space `\ ` is spacing too: dropping only its
/// space would make a command of the backslash and what follows (`a\ .b`
/// → `a\.b`). The one space a command word needs before a letter stays
/// (`x \cap y` → `x\cap y`, not the command `\capy`).
/// Read again until stable (`normalize::settled`): dropped spaces can join
/// a letter to combining marks.
fn subscript_text(src: &str) -> String {
    crate::normalize::settled(subscript_once(src), subscript_once)
}

/// One reading of [`subscript_text`]: normalized, without spacing.
fn subscript_once(src: &str) -> String {
    let normalized;
    let src = if src.is_ascii() {
        src
    } else {
        normalized = crate::normalize::normalize(src, crate::parse::Syntax::Latex).text;
        &normalized
    };
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars().peekable();
    // Is `out` inside a command word (`\cap` so far)?
    let mut in_command = false;
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.peek() {
                Some(n) if n.is_whitespace() => {
                    chars.next();
                    in_command = false;
                }
                // Any other character after it is kept with it (`\\` is
                // one backslash, never the start of a control space).
                Some(&n) => {
                    out.push(c);
                    out.push(n);
                    chars.next();
                    in_command = n.is_ascii_alphabetic();
                }
                None => out.push(c),
            }
        } else if c.is_whitespace() {
            if in_command {
                while chars.next_if(|n| n.is_whitespace()).is_some() {}
                if chars.peek().is_some_and(|n| n.is_ascii_alphabetic()) {
                    out.push(' ');
                }
                in_command = false;
            }
        } else {
            out.push(c);
            in_command = in_command && c.is_ascii_alphabetic();
        }
    }
    out
}

/// `x_{\text{max}}` and `x_{\mathrm{a}}` keep the plain text.
fn strip_subscript_wrappers(s: &str) -> String {
    for w in ["\\text{", "\\mathrm{", "\\textrm{", "\\mathit{", "\\textit{", "\\operatorname{"] {
        if let Some(rest) = s.strip_prefix(w) {
            if let Some(inner) = rest.strip_suffix('}') {
                if !inner.contains('{') {
                    return inner.to_string();
                }
            }
        }
    }
    s.to_string()
}

pub(crate) fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A word that `\mathrm{…}` reads as text but that is a multi-letter name
/// when decorated (a subscript, a prime or an accent): the LaTeX printer
/// writes the name `foo` as `\mathrm{foo}`, so `\mathrm{foo}_{1}`,
/// `\mathrm{foo}'` and `\bar{\mathrm{AB}}` must read back as names.
pub(crate) fn is_name_word(text: &str) -> bool {
    text.chars().count() > 1 && text.chars().all(|c| c.is_ascii_alphabetic())
}

/// Do the braces of LaTeX text pair up (`\{`, `\}` are no braces)?
fn braces_balanced(text: &str) -> bool {
    let mut depth = 0usize;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                // A backslash at the very end would escape the `}` the
                // printer closes the subscript with (`x_{a\}`).
                if chars.next().is_none() {
                    return false;
                }
            }
            '{' => depth += 1,
            '}' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}
