//! Bracketed groups: parentheses, tuples, intervals, sets, absolute values,
//! floors and ceilings.

use super::{PResult, Parser};
use crate::ast::{Expr, ExprKind, Func};
use crate::error::{ErrorKind, ParseError};
use crate::parse::token::Tok;
use crate::span::Span;

/// The closing delimiters a group may end with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Close {
    Paren,
    Bracket,
    Brace,
    /// `\}` or `\rbrace`
    SetBrace,
    Bar,
    DoubleBar,
    Floor,
    Ceil,
    Angle,
    Group,
}

impl<'a> Parser<'a> {
    /// What closing delimiter (if any) is next.
    pub(crate) fn peek_close(&mut self) -> Option<Close> {
        let abs = self.abs_depth > 0;
        let t = self.peek()?;
        Some(match &t.tok {
            Tok::Punct(")") => Close::Paren,
            Tok::Punct("]") => Close::Bracket,
            Tok::Punct("}") => Close::Brace,
            Tok::Punct("|") if abs => Close::Bar,
            Tok::Cmd(c) => match c.as_str() {
                "}" | "rbrace" => Close::SetBrace,
                "rvert" => Close::Bar,
                "vert" if abs => Close::Bar,
                "rVert" => Close::DoubleBar,
                "|" if abs => Close::DoubleBar,
                "rfloor" | "lrcorner" => Close::Floor,
                "rceil" | "urcorner" => Close::Ceil,
                "rangle" => Close::Angle,
                "rgroup" => Close::Group,
                "rbrack" => Close::Bracket,
                _ => return None,
            },
            _ => return None,
        })
    }

    /// Comma- (or semicolon-) separated items up to a closer, with commas
    /// never grouping thousands.
    pub(crate) fn parse_items(&mut self, open_text: &str, open: Span) -> PResult<Vec<Expr>> {
        self.enter(open)?;
        self.bracket_depth += 1;
        let r = self.parse_items_inner(open_text, open);
        self.bracket_depth -= 1;
        self.leave();
        r
    }

    fn parse_items_inner(&mut self, open_text: &str, open: Span) -> PResult<Vec<Expr>> {
        let mut items = Vec::new();
        if self.peek_close().is_some() {
            return Ok(items);
        }
        loop {
            if self.at_end() {
                return Err(ParseError::new(ErrorKind::Unclosed { open: open_text.to_string() }, open));
            }
            items.push(self.parse_list_item()?);
            if self.eat_punct(",").is_some() || self.eat_punct(";").is_some() {
                // A trailing comma (Python's one-tuple `(x,)`) ends the items.
                if !self.latex && self.peek_close().is_some() {
                    break;
                }
                continue;
            }
            break;
        }
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::Unclosed { open: open_text.to_string() }, open));
        }
        Ok(items)
    }

    /// One item inside brackets: a relation, possibly a nested `\quad`
    /// separated run is not split here.
    fn parse_list_item(&mut self) -> PResult<Expr> {
        self.parse_relation()
    }

    /// Any group opened by `(`, `[`, `{` or `|`.
    pub fn parse_group(&mut self) -> PResult<Expr> {
        let t = self.bump();
        match &t.tok {
            Tok::Punct("(") => self.finish_paren(t.span, "("),
            Tok::Punct("[") => self.finish_bracket(t.span, "["),
            Tok::Punct("{") => {
                if self.latex {
                    self.finish_brace(t.span)
                } else {
                    self.finish_set(t.span, "{", Close::Brace)
                }
            }
            Tok::Punct("|") => self.finish_abs(t.span, "|", &[Close::Bar], Func::Abs),
            _ => unreachable!("parse_group called on a non-opener"),
        }
    }

    /// After `(`: a parenthesized expression, a tuple, or a half-open
    /// interval `(a, b]`.
    pub(crate) fn finish_paren(&mut self, open: Span, open_text: &str) -> PResult<Expr> {
        self.finish_paren_counted(open, open_text).map(|(e, _)| e)
    }

    /// [`Self::finish_paren`], with the number of comma-separated items
    /// the parenthesis held: `(1, 2)` holds two, `((1, 2))` one (a tuple).
    pub(crate) fn finish_paren_counted(&mut self, open: Span, open_text: &str) -> PResult<(Expr, usize)> {
        let items = self.parse_items(open_text, open)?;
        let n = items.len();
        self.finish_paren_items(open, open_text, items).map(|e| (e, n))
    }

    fn finish_paren_items(&mut self, open: Span, open_text: &str, items: Vec<Expr>) -> PResult<Expr> {
        let close = self.peek_close();
        match close {
            Some(Close::Paren) | Some(Close::Group) => {
                self.advance();
                let span = open.join(self.last_span());
                // `(x,)`: the comma before the closer makes a one-tuple.
                let one_tuple = !self.latex && self.pos >= 2 && self.toks[self.pos - 2].is_punct(",");
                match items.len() {
                    0 => self.mk(ExprKind::Tuple { items }, span),
                    1 if one_tuple => self.mk(ExprKind::Tuple { items }, span),
                    1 => Ok(with_span(items.into_iter().next().expect("one"), span)),
                    _ => self.mk(ExprKind::Tuple { items }, span),
                }
            }
            Some(Close::Bracket) if items.len() == 2 => {
                self.advance();
                let span = open.join(self.last_span());
                self.interval(items, false, true, span)
            }
            _ => Err(self.close_error(open_text, open, ")")),
        }
    }

    /// After `[`: a closed or half-open interval, a bracketed expression
    /// (LaTeX `[x]` is `x`), or a list (plain `[1, 2, 3]`).
    pub(crate) fn finish_bracket(&mut self, open: Span, open_text: &str) -> PResult<Expr> {
        let items = self.parse_items(open_text, open)?;
        match self.peek_close() {
            Some(Close::Bracket) => {
                self.advance();
                let span = open.join(self.last_span());
                if !self.latex {
                    return self.mk(ExprKind::List { items }, span);
                }
                match items.len() {
                    1 => Ok(with_span(items.into_iter().next().expect("one"), span)),
                    2 => self.interval(items, true, true, span),
                    _ => self.mk(ExprKind::List { items }, span),
                }
            }
            Some(Close::Paren) if items.len() == 2 => {
                self.advance();
                let span = open.join(self.last_span());
                self.interval(items, true, false, span)
            }
            _ => Err(self.close_error(open_text, open, "]")),
        }
    }

    /// A LaTeX brace group: grouping for one item, a set for several
    /// (`{1,2} \cap {2,3}`), TeX's `\over` / `\choose` inside.
    fn finish_brace(&mut self, open: Span) -> PResult<Expr> {
        if self.eat_punct("}").is_some() {
            return self.mk(ExprKind::EmptySet, open.join(self.last_span()));
        }
        let inner = self.nested_brace_content(open)?;
        if self.eat_punct("}").is_none() {
            return Err(self.close_error("{", open, "}"));
        }
        let span = open.join(self.last_span());
        match inner.kind {
            ExprKind::List { items } => {
                // `{35,000}`: braces around a number with thousands groups.
                if let Some(n) = self.grouped_number(&items, span)? {
                    return Ok(n);
                }
                self.mk(ExprKind::Set { items }, span)
            }
            _ => Ok(with_span(inner, span)),
        }
    }

    /// After `\{` (LaTeX) or `{` (plain): a set.
    pub(crate) fn finish_set(&mut self, open: Span, open_text: &str, close: Close) -> PResult<Expr> {
        let items = self.parse_items(open_text, open)?;
        if self.peek_close() != Some(close) {
            return Err(self.close_error(open_text, open, if close == Close::Brace { "}" } else { "\\}" }));
        }
        self.advance();
        let span = open.join(self.last_span());
        if items.is_empty() {
            return self.mk(ExprKind::EmptySet, span);
        }
        self.mk(ExprKind::Set { items }, span)
    }

    /// `|x|`, `\lfloor x \rfloor`, …: one expression wrapped in a function.
    pub(crate) fn finish_abs(&mut self, open: Span, open_text: &str, closes: &[Close], func: Func) -> PResult<Expr> {
        self.enter(open)?;
        let bar = closes.contains(&Close::Bar) || closes.contains(&Close::DoubleBar);
        if bar {
            self.abs_depth += 1;
        }
        let saved_brackets = self.bracket_depth;
        self.bracket_depth += 1;
        let inner = self.parse_relation();
        self.bracket_depth = saved_brackets;
        // Look for the closer while still inside: a bare `|` closes only there.
        let closed = inner.is_ok() && matches!(self.peek_close(), Some(c) if closes.contains(&c));
        if bar {
            self.abs_depth -= 1;
        }
        self.leave();
        let inner = inner?;
        if !closed {
            return Err(self.close_error(open_text, open, "the closing delimiter"));
        }
        self.advance();
        let span = open.join(self.last_span());
        self.mk(ExprKind::Func { func, args: vec![inner] }, span)
    }

    /// After `\langle`: a tuple (vector).
    pub(crate) fn finish_angle(&mut self, open: Span) -> PResult<Expr> {
        let items = self.parse_items("\\langle", open)?;
        if self.peek_close() != Some(Close::Angle) {
            return Err(self.close_error("\\langle", open, "\\rangle"));
        }
        self.advance();
        let span = open.join(self.last_span());
        self.mk(ExprKind::Tuple { items }, span)
    }

    /// Items that are written `d,ddd,ddd` (a 1-3 digit head without a
    /// leading zero, then exactly three digits each, no spaces): one number.
    fn grouped_number(&mut self, items: &[Expr], span: Span) -> PResult<Option<Expr>> {
        if items.len() < 2 {
            return Ok(None);
        }
        let mut text = String::new();
        for (i, it) in items.iter().enumerate() {
            let src = &self.src[it.span.start..it.span.end];
            let ok = matches!(it.kind, ExprKind::Integer { .. })
                && src.bytes().all(|b| b.is_ascii_digit())
                && if i == 0 { (1..=3).contains(&src.len()) && !src.starts_with('0') } else { src.len() == 3 };
            let adjacent = i == 0 || self.src[items[i - 1].span.end..it.span.start] == *",";
            if !ok || !adjacent {
                return Ok(None);
            }
            text.push_str(src);
        }
        self.number_literal(&text, span).map(Some)
    }

    fn interval(&mut self, items: Vec<Expr>, lo_closed: bool, hi_closed: bool, span: Span) -> PResult<Expr> {
        let mut it = items.into_iter();
        let lo = it.next().expect("two items");
        let hi = it.next().expect("two items");
        self.mk(ExprKind::Interval { lo: Box::new(lo), hi: Box::new(hi), lo_closed, hi_closed }, span)
    }

    /// The error when a group does not close as it should.
    fn close_error(&mut self, open_text: &str, open: Span, expected: &'static str) -> ParseError {
        match self.peek().cloned() {
            None => ParseError::new(ErrorKind::Unclosed { open: open_text.to_string() }, open),
            Some(t) => ParseError::new(
                ErrorKind::Unexpected {
                    found: t.describe(),
                    expected: match expected {
                        ")" => "`)` or `,`",
                        "]" => "`]` or `,`",
                        "}" => "`}` or `,`",
                        "\\}" => "`\\}` or `,`",
                        "\\rangle" => "`\\rangle` or `,`",
                        _ => "the closing delimiter",
                    },
                },
                t.span,
            ),
        }
    }
}

/// A group's node spans its delimiters.
fn with_span(mut e: Expr, span: Span) -> Expr {
    e.span = span;
    e
}
