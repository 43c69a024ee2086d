//! One precedence-climbing parser over the tokens of either lexer.
//!
//! Levels, loosest first (see `grammars/latex.ebnf`):
//! list (`,` `;` `\quad` "and"/"or") → relation chain → set operation
//! (`\cup` `\cap` `\setminus`) → sum (`+` `-` `\pm`) → product (explicit
//! operators) → implicit product → unary sign → power and postfix
//! (`^` `_` `!` `'` `%` `°`, units) → atom.
//!
//! Every recursive entry goes through [`Parser::enter`], which enforces
//! `Limits::max_depth`; every node is counted against `Limits::max_nodes`.

pub(crate) mod atom;
mod calls;
mod env;
mod groups;
pub(crate) mod latex_cmd;
pub(crate) mod numbers;
pub(crate) mod words;

use crate::ast::{Expr, ExprKind, RelOp, SetOp};
use crate::error::{ErrorKind, ParseError};
use crate::limits::Limits;
use crate::span::Span;

use super::token::{Tok, Token};

pub(crate) type PResult<T> = Result<T, ParseError>;

pub(crate) struct Parser<'a> {
    /// The normalized source the tokens point into.
    pub src: &'a str,
    pub toks: Vec<Token>,
    pub pos: usize,
    /// Exclusive end of the token range being parsed (sub-ranges for
    /// environments cells and subscripts).
    pub end: usize,
    pub latex: bool,
    limits: &'a Limits,
    depth: usize,
    nodes: usize,
    /// Inside `|…|`: a bare `|` closes rather than opens.
    pub abs_depth: usize,
    /// Inside brackets or function arguments: a bare `,` separates items
    /// and never groups thousands.
    pub bracket_depth: usize,
    /// Inside an integral body: `d x` ends the body.
    pub integral_depth: usize,
    /// The differential found while parsing an integral body.
    pub differential: Option<crate::ast::Symbol>,
    /// The position last found to hold a token that is not ignorable (see
    /// `skip_ignorable`); `usize::MAX` before any.
    meaningful_at: usize,
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, toks: Vec<Token>, latex: bool, limits: &'a Limits) -> Parser<'a> {
        let end = toks.len();
        Parser {
            src,
            toks,
            pos: 0,
            end,
            latex,
            limits,
            depth: 0,
            nodes: 0,
            abs_depth: 0,
            bracket_depth: 0,
            integral_depth: 0,
            differential: None,
            meaningful_at: usize::MAX,
        }
    }

    /// A parser for a separately lexed piece of the same source, sharing
    /// this parser's depth and node budgets (see [`Parser::absorb`]).
    pub fn child(&self, toks: Vec<Token>) -> Parser<'a> {
        let mut p = Parser::new(self.src, toks, self.latex, self.limits);
        p.depth = self.depth;
        p.nodes = self.nodes;
        p
    }

    /// Take back the node count a child used.
    pub fn absorb(&mut self, child: &Parser<'a>) {
        self.nodes = child.nodes;
    }

    // ---- token access ----------------------------------------------------

    /// The next meaningful token, skipping ignorable ones (`$` wrappers,
    /// alignment `&`, `\label{…}`…).
    pub fn peek(&mut self) -> Option<&Token> {
        self.skip_ignorable();
        self.toks[..self.end].get(self.pos)
    }

    pub fn peek_tok(&mut self) -> Option<Tok> {
        self.peek().map(|t| t.tok.clone())
    }

    /// The token after the next one (no skipping beyond the first).
    pub fn peek2(&mut self) -> Option<&Token> {
        self.skip_ignorable();
        self.toks[..self.end].get(self.pos + 1)
    }

    pub fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    /// Past the next token, without copying it ([`Parser::bump`] when the
    /// token itself is not wanted).
    pub fn advance(&mut self) {
        self.skip_ignorable();
        debug_assert!(self.pos < self.toks.len());
        self.pos += 1;
    }

    pub fn bump(&mut self) -> Token {
        self.skip_ignorable();
        let t = self.toks[self.pos].clone();
        self.pos += 1;
        t
    }

    pub fn eat_punct(&mut self, p: &str) -> Option<Span> {
        let span = self.peek().filter(|t| t.is_punct(p))?.span;
        // Past the token without copying it: only its span is wanted.
        self.pos += 1;
        Some(span)
    }

    pub fn expect_punct(&mut self, p: &'static str, open: Option<(&str, Span)>) -> PResult<Span> {
        if let Some(s) = self.eat_punct(p) {
            return Ok(s);
        }
        Err(self.expected_err(p, open))
    }

    /// The error for a missing `what`: an unclosed opener if one is given
    /// and the input ran out, else "expected … found …".
    pub fn expected_err(&mut self, what: &'static str, open: Option<(&str, Span)>) -> ParseError {
        match (self.peek().cloned(), open) {
            (None, Some((o, span))) => ParseError::new(ErrorKind::Unclosed { open: o.to_string() }, span),
            (None, None) => ParseError::new(ErrorKind::UnexpectedEnd { expected: what }, self.end_span()),
            (Some(t), _) => ParseError::new(ErrorKind::Unexpected { found: t.describe(), expected: what }, t.span),
        }
    }

    /// A zero-width span at the end of the current range.
    pub fn end_span(&self) -> Span {
        let at = if self.end < self.toks.len() {
            self.toks[self.end].span.start
        } else {
            self.toks.last().map_or(self.src.len(), |t| t.span.end)
        };
        Span::new(at, at)
    }

    pub fn last_span(&self) -> Span {
        self.pos.checked_sub(1).and_then(|i| self.toks.get(i)).map_or(Span::EMPTY, |t| t.span)
    }

    #[inline(always)]
    fn skip_ignorable(&mut self) {
        // Every peek and bump asks; once the token at `pos` is known to be
        // meaningful the answer stays the same (a token is only ever
        // rewritten into a shorter number), so it is not asked again. That
        // check is inlined into every caller; the walk is not.
        if self.pos != self.meaningful_at {
            self.skip_ignorable_walk();
        }
    }

    #[inline(never)]
    fn skip_ignorable_walk(&mut self) {
        while self.pos < self.end {
            let t = &self.toks[self.pos];
            match &t.tok {
                Tok::Punct("&") => self.pos += 1,
                Tok::Punct("$") if self.latex => self.pos += 1,
                Tok::Punct("$") => self.pos += 1,
                Tok::Cmd(c) if ignored_with_arg(c) => {
                    self.pos += 1;
                    // `\hspace*{…}`
                    if self.toks[..self.end].get(self.pos).is_some_and(|t| t.is_punct("*")) {
                        self.pos += 1;
                    }
                    self.skip_brace_group();
                }
                Tok::Cmd(c) if c == "textcolor" || c == "colorbox" => {
                    // The colour is dropped; the coloured content stays.
                    self.pos += 1;
                    self.skip_brace_group();
                }
                Tok::Cmd(c) if ignored(c) => self.pos += 1,
                _ => {
                    self.meaningful_at = self.pos;
                    break;
                }
            }
        }
    }

    /// Skip a balanced `{…}` at `pos` (raw, no parsing).
    fn skip_brace_group(&mut self) {
        if let Some(close) = self.matching_brace(self.pos) {
            self.pos = close + 1;
        }
    }

    /// Index of the `}` matching the `{` at `open`, within the range.
    pub fn matching_brace(&self, open: usize) -> Option<usize> {
        if !self.toks[..self.end].get(open).is_some_and(|t| t.is_punct("{")) {
            return None;
        }
        let mut level = 0usize;
        for (i, t) in self.toks[..self.end].iter().enumerate().skip(open) {
            if t.is_punct("{") {
                level += 1;
            } else if t.is_punct("}") {
                level -= 1;
                if level == 0 {
                    return Some(i);
                }
            }
        }
        None
    }

    // ---- limits ----------------------------------------------------------

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

    /// Make a node, counting it against the node limit.
    pub fn mk(&mut self, kind: ExprKind, span: Span) -> PResult<Expr> {
        self.nodes += 1;
        if self.nodes > self.limits.max_nodes {
            return Err(ParseError::new(ErrorKind::TooManyNodes { limit: self.limits.max_nodes }, span));
        }
        Ok(Expr::new(kind, span))
    }

    // ---- the levels ------------------------------------------------------

    /// The whole input: a list of answers, then nothing but trailing dots.
    pub fn parse_top(&mut self) -> PResult<Expr> {
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::Empty, Span::new(0, self.src.len())));
        }
        let e = self.parse_list(true)?;
        while self.eat_punct(".").is_some() {}
        if let Some(t) = self.peek().cloned() {
            return Err(match &t.tok {
                Tok::Punct(p @ (")" | "]" | "}")) => {
                    ParseError::new(ErrorKind::Unmatched { close: p.to_string() }, t.span)
                }
                Tok::Cmd(c) if matches!(c.as_str(), "}" | "rbrace" | "rvert" | "rVert" | "rfloor" | "rceil" | "rangle" | "end") => {
                    ParseError::new(ErrorKind::Unmatched { close: format!("\\{c}") }, t.span)
                }
                _ => ParseError::new(
                    ErrorKind::Unexpected { found: t.describe(), expected: "an operator or end of input" },
                    t.span,
                ),
            });
        }
        Ok(e)
    }

    /// Items separated by `,` (and at top level `;`, `\\`, `\quad`, "and",
    /// "or"). One item is returned as itself; more make a `List`. With `;`
    /// at top level, the `;`-separated groups are the items and each
    /// comma group inside one is a tuple (`1,2;3,4` is two points).
    pub fn parse_list(&mut self, top: bool) -> PResult<Expr> {
        let start = self.peek().map_or(Span::EMPTY, |t| t.span);
        let first = self.parse_relation()?;
        // Most lists are one item: no list is built for them.
        if self.list_separator(top).is_none() {
            return Ok(first);
        }
        let mut groups: Vec<Vec<Expr>> = vec![vec![first]];
        let mut saw_semicolon = false;
        while let Some(sep) = self.list_separator(top) {
            match sep {
                ListSep::Comma => {
                    self.advance();
                    // `x = 1, \text{and} x = 2` and trailing commas.
                    self.eat_connectors();
                }
                ListSep::Semicolon => {
                    self.advance();
                    saw_semicolon = true;
                    groups.push(Vec::new());
                }
                ListSep::Break => {
                    while self.peek().is_some_and(|t| t.is_cmd("\\")) {
                        self.advance();
                    }
                    self.eat_connectors();
                }
            }
            if self.list_item_ends() {
                break;
            }
            let item = self.parse_relation()?;
            groups.last_mut().expect("non-empty").push(item);
        }
        groups.retain(|g| !g.is_empty());
        let span = start.join(self.last_span());
        if saw_semicolon && groups.len() > 1 {
            let mut items = Vec::new();
            for g in groups {
                let gspan = g.first().map_or(span, |e| e.span).join(g.last().map_or(span, |e| e.span));
                items.push(if g.len() == 1 {
                    g.into_iter().next().expect("one")
                } else {
                    self.mk(ExprKind::Tuple { items: g }, gspan)?
                });
            }
            return self.mk(ExprKind::List { items }, span);
        }
        let mut items: Vec<Expr> = groups.into_iter().flatten().collect();
        if items.len() == 1 {
            return Ok(items.pop().expect("one"));
        }
        self.mk(ExprKind::List { items }, span)
    }

    /// The separator of list items at the next token, if any: `,`; at the
    /// top level also `;`, a line break `\\`, a wide space, or a connector
    /// word ("and", "or").
    fn list_separator(&mut self, top: bool) -> Option<ListSep> {
        let t = self.peek()?;
        if t.is_punct(",") {
            return Some(ListSep::Comma);
        }
        if !top {
            return None;
        }
        if t.is_punct(";") {
            return Some(ListSep::Semicolon);
        }
        if t.is_cmd("\\") || t.quad_before || self.is_connector() {
            return Some(ListSep::Break);
        }
        None
    }

    /// Nothing more to read in this list (end, closer, or trailing dot).
    fn list_item_ends(&mut self) -> bool {
        match self.peek() {
            None => true,
            Some(t) => {
                matches!(&t.tok, Tok::Punct(")" | "]" | "}" | "."))
                    || matches!(&t.tok, Tok::Cmd(c) if matches!(c.as_str(), "}" | "rbrace" | "rangle" | "end" | "rvert"))
            }
        }
    }

    /// A relation or chain of relations: `a < b \le c`.
    pub fn parse_relation(&mut self) -> PResult<Expr> {
        let first = self.parse_setop()?;
        let mut ops = Vec::new();
        let mut operands = vec![first];
        while let Some(op) = self.peek_relop() {
            self.bump_relop();
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

    /// `A \cup B`, `A \cap B`, `A \setminus B`, left-associative.
    fn parse_setop(&mut self) -> PResult<Expr> {
        let mut lhs = self.parse_sum()?;
        while let Some(op) = self.peek_setop() {
            self.advance();
            let rhs = self.parse_sum()?;
            let span = lhs.span.join(rhs.span);
            lhs = self.mk(ExprKind::SetOp { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span)?;
        }
        Ok(lhs)
    }

    fn peek_setop(&mut self) -> Option<SetOp> {
        let t = self.peek()?;
        match &t.tok {
            Tok::Cmd(c) => match c.as_str() {
                "cup" | "bigcup" => Some(SetOp::Union),
                "cap" | "bigcap" => Some(SetOp::Intersection),
                "setminus" | "backslash" | "smallsetminus" => Some(SetOp::Difference),
                _ => None,
            },
            Tok::Other('∪') => Some(SetOp::Union),
            Tok::Other('∩') => Some(SetOp::Intersection),
            Tok::Other('∖') => Some(SetOp::Difference),
            _ => None,
        }
    }

    /// Sums and differences, with `\pm` / `\mp` as binary operators.
    fn parse_sum(&mut self) -> PResult<Expr> {
        let first = self.parse_term()?;
        let mut terms = vec![first];
        let latex = self.latex;
        loop {
            // Borrowed, not cloned: this runs once per term.
            let Some(t) = self.peek() else { break };
            let op = match &t.tok {
                Tok::Punct("+") => '+',
                Tok::Punct("-") => '-',
                Tok::Punct("+-") if !latex => '±',
                Tok::Punct("-+") if !latex => '∓',
                Tok::Other('±') => '±',
                Tok::Other('∓') => '∓',
                Tok::Cmd(c) if c == "pm" => '±',
                Tok::Cmd(c) if c == "mp" => '∓',
                _ => break,
            };
            let t_span = t.span;
            self.advance();
            if self.at_end() {
                return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "an operand" }, self.end_span()));
            }
            let rhs = self.parse_term()?;
            match op {
                '+' => terms.push(rhs),
                '-' => {
                    let span = t_span.join(rhs.span);
                    terms.push(self.mk(ExprKind::Neg { arg: Box::new(rhs) }, span)?);
                }
                _ => {
                    let lhs = self.sum_of(std::mem::take(&mut terms))?;
                    let span = lhs.span.join(rhs.span);
                    let pm = self.mk(
                        ExprKind::PlusMinus { lhs: Some(Box::new(lhs)), rhs: Box::new(rhs), minus_plus: op == '∓' },
                        span,
                    )?;
                    terms.push(pm);
                }
            }
        }
        self.sum_of(terms)
    }

    fn sum_of(&mut self, mut terms: Vec<Expr>) -> PResult<Expr> {
        if terms.len() == 1 {
            return Ok(terms.pop().expect("one"));
        }
        let span = terms[0].span.join(terms.last().expect("some").span);
        self.mk(ExprKind::Add { terms }, span)
    }

    /// Products and quotients with explicit operators. In LaTeX an implicit
    /// product binds tighter than `/` (`1/2x` is `1/(2x)`, as latex2sympy
    /// reads it); in plain text it has the same precedence as `*` (SymPy).
    pub fn parse_term(&mut self) -> PResult<Expr> {
        let mut lhs = if self.latex { self.parse_implicit()? } else { self.parse_unary()? };
        let latex = self.latex;
        loop {
            enum Op {
                Mul,
                Div,
                Mod,
            }
            // Borrowed, not cloned: this runs once per factor.
            let Some(t) = self.peek() else { break };
            let op = match &t.tok {
                Tok::Punct("*") => Op::Mul,
                Tok::Punct("/") => Op::Div,
                Tok::Punct(":") => Op::Div,
                Tok::Cmd(c) if matches!(c.as_str(), "cdot" | "times" | "ast" | "cdotp" | "centerdot") => Op::Mul,
                Tok::Cmd(c) if c == "div" => Op::Div,
                Tok::Cmd(c) if matches!(c.as_str(), "bmod" | "mod") => Op::Mod,
                Tok::Ident(w) if !latex && w == "mod" => Op::Mod,
                _ => {
                    if !self.latex && self.starts_implicit_factor() {
                        let rhs = self.parse_power()?;
                        lhs = self.product(lhs, rhs)?;
                        continue;
                    }
                    break;
                }
            };
            self.advance();
            if self.at_end() {
                return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "an operand" }, self.end_span()));
            }
            let rhs = if self.latex { self.parse_implicit()? } else { self.parse_unary()? };
            let span = lhs.span.join(rhs.span);
            lhs = match op {
                Op::Mul => self.product(lhs, rhs)?,
                Op::Div => self.mk(ExprKind::Div { num: Box::new(lhs), den: Box::new(rhs) }, span)?,
                Op::Mod => self.mk(ExprKind::Func { func: crate::ast::Func::Mod, args: vec![lhs, rhs] }, span)?,
            };
        }
        Ok(lhs)
    }

    /// `a · b`, flattening into one product node.
    pub fn product(&mut self, lhs: Expr, rhs: Expr) -> PResult<Expr> {
        let span = lhs.span.join(rhs.span);
        self.mk(Expr::times(lhs, rhs), span)
    }

    /// A run of juxtaposed factors: `2 x \sin y`. Starts with a possibly
    /// signed factor.
    pub fn parse_implicit(&mut self) -> PResult<Expr> {
        let mut lhs = self.parse_unary()?;
        while self.starts_implicit_factor() {
            let rhs = self.parse_power()?;
            lhs = self.product(lhs, rhs)?;
        }
        Ok(lhs)
    }

    /// Unary `-`, `+`, `\pm`, `\mp` (looser than powers: `-x^2` is `-(x^2)`).
    pub fn parse_unary(&mut self) -> PResult<Expr> {
        let latex = self.latex;
        // Borrowed, not cloned: this runs once per factor.
        let Some(t) = self.peek() else {
            return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "an expression" }, self.end_span()));
        };
        let sign = match &t.tok {
            Tok::Punct("-") => Some('-'),
            Tok::Punct("+") => Some('+'),
            Tok::Punct("+-") if !latex => Some('±'),
            Tok::Punct("-+") if !latex => Some('∓'),
            Tok::Other('±') => Some('±'),
            Tok::Other('∓') => Some('∓'),
            Tok::Cmd(c) if c == "pm" => Some('±'),
            Tok::Cmd(c) if c == "mp" => Some('∓'),
            _ => None,
        };
        let t_span = t.span;
        let Some(sign) = sign else { return self.parse_power() };
        self.advance();
        self.enter(t_span)?;
        let arg = if self.latex { self.parse_implicit() } else { self.parse_unary() };
        self.leave();
        let arg = arg?;
        let span = t_span.join(arg.span);
        match sign {
            '+' => Ok(arg),
            '-' => self.mk(ExprKind::Neg { arg: Box::new(arg) }, span),
            _ => self.mk(ExprKind::PlusMinus { lhs: None, rhs: Box::new(arg), minus_plus: sign == '∓' }, span),
        }
    }

    // ---- relations -------------------------------------------------------

    fn peek_relop(&mut self) -> Option<RelOp> {
        let latex = self.latex;
        let t = self.peek()?.clone();
        let op = match &t.tok {
            Tok::Punct("=") | Tok::Punct("==") => RelOp::Eq,
            Tok::Punct("<") => RelOp::Lt,
            Tok::Punct(">") => RelOp::Gt,
            Tok::Punct("<=") | Tok::Punct("=<") => RelOp::Le,
            Tok::Punct(">=") => RelOp::Ge,
            Tok::Punct("!=") | Tok::Punct("<>") => RelOp::Ne,
            Tok::Punct("~=") => RelOp::Approx,
            Tok::Other('≈') => RelOp::Approx,
            Tok::Other('∈') => RelOp::In,
            Tok::Other('∉') => RelOp::NotIn,
            Tok::Other('⊂') => RelOp::Subset,
            Tok::Other('⊆') => RelOp::SubsetEq,
            Tok::Other('⊃') => RelOp::Supset,
            Tok::Other('⊇') => RelOp::SupsetEq,
            Tok::Other('≤') => RelOp::Le,
            Tok::Other('≥') => RelOp::Ge,
            Tok::Other('≠') => RelOp::Ne,
            Tok::Cmd(c) => match c.as_str() {
                "le" | "leq" | "leqslant" | "leqq" => RelOp::Le,
                "ge" | "geq" | "geqslant" | "geqq" => RelOp::Ge,
                "lt" => RelOp::Lt,
                "gt" => RelOp::Gt,
                "ne" | "neq" => RelOp::Ne,
                "approx" | "simeq" | "thickapprox" | "doteq" => RelOp::Approx,
                "equiv" | "coloneqq" | "eqqcolon" => RelOp::Eq,
                "in" | "isin" => RelOp::In,
                "notin" => RelOp::NotIn,
                "subset" | "subsetneq" | "subsetneqq" => RelOp::Subset,
                "subseteq" | "subseteqq" => RelOp::SubsetEq,
                "supset" | "supsetneq" => RelOp::Supset,
                "supseteq" | "supseteqq" => RelOp::SupsetEq,
                "not" => {
                    let next = self.toks[..self.end].get(self.pos + 1)?;
                    match &next.tok {
                        Tok::Punct("=") => RelOp::Ne,
                        Tok::Cmd(n) if n == "in" => RelOp::NotIn,
                        _ => return None,
                    }
                }
                _ => return None,
            },
            Tok::Ident(w) if !latex => match w.as_str() {
                "in" => RelOp::In,
                "notin" => RelOp::NotIn,
                "subset" => RelOp::Subset,
                "subseteq" => RelOp::SubsetEq,
                "supset" => RelOp::Supset,
                "supseteq" => RelOp::SupsetEq,
                "not" if self.toks[..self.end].get(self.pos + 1).is_some_and(|t| t.is_ident("in")) => RelOp::NotIn,
                _ => return None,
            },
            _ => return None,
        };
        Some(op)
    }

    fn bump_relop(&mut self) {
        let t = self.bump();
        if t.is_cmd("not") || t.is_ident("not") {
            self.advance();
        }
    }
}

/// What separates two items of a list.
enum ListSep {
    Comma,
    Semicolon,
    /// A line break, a wide space or a connector word.
    Break,
}

/// Commands with no meaning for the value, dropped wherever they stand.
fn ignored(name: &str) -> bool {
    matches!(name, "left" | "right" | "mleft" | "mright" | "nobreak" | "mathstrut")
}

/// Commands dropped together with their `{…}` argument.
fn ignored_with_arg(name: &str) -> bool {
    matches!(name, "hspace" | "vspace" | "label" | "tag" | "phantom" | "vphantom" | "hphantom" | "color" | "ref" | "eqref")
}
