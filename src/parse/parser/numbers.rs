//! Number literals: exact values, comma thousands groups, mixed numbers.

use num_bigint::BigInt;
use num_rational::BigRational;

use super::{PResult, Parser};
use crate::ast::{Expr, ExprKind};
use crate::error::{ErrorKind, ParseError};
use crate::parse::token::Tok;
use crate::span::Span;

/// Longest exponent accepted in `1e…` literals; `1e999999999` would
/// otherwise build a billion-digit denominator.
const MAX_LITERAL_EXPONENT: i64 = 10_000;

impl<'a> Parser<'a> {
    /// A number token, with bare-comma thousands groups joined outside
    /// brackets (`7,425,000`) and a following integer fraction read as a
    /// mixed number (`2\frac{1}{2}`).
    pub fn parse_number_atom(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let Tok::Num(mut text) = t.tok.clone() else { unreachable!("caller checked") };
        let mut span = t.span;
        if self.bracket_depth == 0 && is_group_head(&text) {
            // `1,000` / `1,000.5`: `,` with no space on either side and a
            // group of exactly three digits.
            loop {
                let (Some(comma), Some(next)) = (self.toks[..self.end].get(self.pos), self.toks[..self.end].get(self.pos + 1))
                else {
                    break;
                };
                if !comma.is_punct(",") || comma.space_before || next.space_before {
                    break;
                }
                let Tok::Num(g) = &next.tok else { break };
                let int_part = g.split(['.', 'e', 'E']).next().unwrap_or("");
                if int_part.len() != 3 || !int_part.bytes().all(|b| b.is_ascii_digit()) || g.contains(['e', 'E']) {
                    break;
                }
                text.push_str(g);
                span = span.join(next.span);
                self.pos += 2;
                if g.contains('.') {
                    break;
                }
            }
        }
        let n = self.number_literal(&text, span)?;
        if matches!(n.kind, ExprKind::Integer { .. }) && self.latex {
            if let Some(mixed) = self.try_mixed_number(&n)? {
                return Ok(mixed);
            }
        }
        Ok(n)
    }

    /// `2\frac{1}{2}`: an integer right before a fraction of two integer
    /// literals is a mixed number, 5/2.
    fn try_mixed_number(&mut self, whole: &Expr) -> PResult<Option<Expr>> {
        let is_frac = self.peek().is_some_and(|t| {
            matches!(&t.tok, Tok::Cmd(c) if matches!(c.as_str(), "frac" | "dfrac" | "tfrac" | "cfrac"))
        });
        if !is_frac {
            return Ok(None);
        }
        let save = self.pos;
        let frac = match self.parse_atom() {
            Ok(f) => f,
            Err(_) => {
                self.pos = save;
                return Ok(None);
            }
        };
        if let ExprKind::Div { num, den } = &frac.kind {
            if matches!(num.kind, ExprKind::Integer { .. }) && matches!(den.kind, ExprKind::Integer { .. }) {
                let span = whole.span.join(frac.span);
                return Ok(Some(self.mk(ExprKind::Add { terms: vec![whole.clone(), frac] }, span)?));
            }
        }
        self.pos = save;
        Ok(None)
    }

    /// The exact value of a literal: `Integer` for digits only (`073` is
    /// 73), `Decimal` otherwise, remembering the written text.
    pub fn number_literal(&mut self, text: &str, span: Span) -> PResult<Expr> {
        match literal_value(text) {
            Some(Literal::Int(v)) => self.mk(ExprKind::Integer { value: v }, span),
            Some(Literal::Dec(v)) => self.mk(ExprKind::Decimal { value: v, text: text.to_string() }, span),
            None => Err(ParseError::new(ErrorKind::InvalidNumber { text: text.to_string() }, span)),
        }
    }
}

/// A number that can start a thousands group: 1-3 digits, no leading zero.
fn is_group_head(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0')
}

pub(crate) enum Literal {
    Int(BigInt),
    Dec(BigRational),
}

/// Read `123`, `1.50`, `.5`, `2.5e-3`, `1E20` exactly.
pub(crate) fn literal_value(text: &str) -> Option<Literal> {
    let (mantissa, exp) = match text.find(['e', 'E']) {
        Some(k) => (&text[..k], Some(&text[k + 1..])),
        None => (text, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    if !int_part.bytes().all(|b| b.is_ascii_digit()) || !frac_part.unwrap_or("").bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A number has a digit: `.`, `.e5` and `e5` are not 0 (`\text{.}` is
    // text, not a number to read as math).
    if int_part.is_empty() && frac_part.is_none_or(str::is_empty) {
        return None;
    }
    if exp.is_none() && frac_part.is_none() {
        // Most literals fit a machine word: no digit-by-digit BigInt parse.
        if let Ok(n) = int_part.parse::<u64>() {
            return Some(Literal::Int(BigInt::from(n)));
        }
        return int_part.parse::<BigInt>().ok().map(Literal::Int);
    }
    let digits = format!("{}{}", int_part, frac_part.unwrap_or(""));
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    let numer: BigInt = digits.parse().ok()?;
    let mut e: i64 = -(frac_part.map_or(0, str::len) as i64);
    if let Some(x) = exp {
        let x: i64 = x.parse().ok()?;
        if x.abs() > MAX_LITERAL_EXPONENT {
            return None;
        }
        e += x;
    }
    let ten = BigInt::from(10);
    let value = if e >= 0 {
        BigRational::from_integer(numer * num_traits::pow(ten, e as usize))
    } else {
        BigRational::new(numer, num_traits::pow(ten, (-e) as usize))
    };
    Some(Literal::Dec(value))
}
