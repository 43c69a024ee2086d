//! Function calls and the arguments of named functions.

use super::groups::Close;
use super::{PResult, Parser};
use crate::ast::{Expr, ExprKind, Func};
use crate::error::{ErrorKind, ParseError};
use crate::span::Span;

impl<'a> Parser<'a> {
    /// `( a, b, … )` after a function name. Commas separate arguments.
    pub fn parse_call_args(&mut self) -> PResult<Vec<Expr>> {
        let open = self.expect_punct("(", None)?;
        let items = self.parse_items("(", open)?;
        match self.peek_close() {
            Some(Close::Paren) => {
                self.advance();
                Ok(items)
            }
            _ => Err(match self.peek().cloned() {
                None => ParseError::new(ErrorKind::Unclosed { open: "(".into() }, open),
                Some(t) => ParseError::new(ErrorKind::Unexpected { found: t.describe(), expected: "`)` or `,`" }, t.span),
            }),
        }
    }

    /// Build a known function, checking its arity.
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
