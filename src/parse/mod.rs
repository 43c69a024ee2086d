//! Parsers: LaTeX, plain / Python / SymPy-style text and spoken English
//! into one tree.
//!
//! `lexer/` turns normalized text into tokens (one lexer per syntax, built
//! with nom); `parser/` is a single precedence-climbing parser over those
//! tokens. Spoken math has its own word tokenizer and parser in `spoken/`.
//! `simple.rs` reads the commonest answers (`42`, `-\frac{4}{11}`) straight
//! into the tree the parser would build, without lexing.
//! Text is parsed, never evaluated.

pub(crate) mod lexer;
pub(crate) mod parser;
mod simple;
pub mod spoken;
pub(crate) mod token;

use serde::{Deserialize, Serialize};

use crate::ast::{map_bottom_up, Expr};
use crate::error::{ErrorKind, ParseError};
use crate::limits::Limits;
use crate::normalize::{normalize, Normalized};
use crate::span::Span;

/// Which surface syntax the input is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Syntax {
    /// Decide from the text (see [`detect_syntax`]).
    Auto,
    Latex,
    Plain,
    /// Spoken English (ClearSpeak, MathSpeak, dictation): see [`spoken`].
    /// Only ever chosen explicitly; `Auto` never picks it.
    Spoken,
}

/// Every reading of spoken `text`, the common one first: see
/// [`spoken::readings`].
pub fn spoken_readings(text: &str, limits: &Limits) -> Result<Vec<Expr>, ParseError> {
    spoken::readings(text, limits)
}

/// Parse under default limits.
pub fn parse(text: &str, syntax: Syntax) -> Result<Expr, ParseError> {
    parse_with(text, syntax, &Limits::default())
}

/// Parse `text` written in `syntax`, within `limits`. Spans in the tree and
/// in errors are byte offsets into `text`.
pub fn parse_with(text: &str, syntax: Syntax, limits: &Limits) -> Result<Expr, ParseError> {
    if text.len() > limits.max_input_len {
        return Err(ParseError::new(
            ErrorKind::TooLong { len: text.len(), limit: limits.max_input_len },
            Span::new(limits.max_input_len, text.len()),
        ));
    }
    if syntax == Syntax::Spoken {
        return spoken::parse(text, limits);
    }
    if let Some(tree) = simple::parse_simple(text, syntax, limits) {
        return Ok(tree);
    }
    parse_full(text, syntax, limits)
}

/// [`parse_with`] through the lexer and parser, without the shortcut for
/// simple answers.
fn parse_full(text: &str, syntax: Syntax, limits: &Limits) -> Result<Expr, ParseError> {
    let syntax = match syntax {
        Syntax::Auto => detect_syntax(text),
        Syntax::Spoken => return spoken::parse(text, limits),
        s => s,
    };
    let latex = syntax == Syntax::Latex;
    // ASCII text is its own normal form (the symbol table and NFKC only
    // touch other characters), so most answers skip normalizing and the
    // span map altogether.
    let norm = if text.is_ascii() { None } else { Some(normalize(text, syntax)).filter(|n| n.text != text) };
    let src = norm.as_ref().map_or(text, |n| n.text.as_str());
    let map_err = |mut e: ParseError| {
        if let Some(n) = &norm {
            e.span = n.original_span(e.span);
        }
        e
    };
    let toks = if latex { lexer::latex::lex(src) } else { lexer::plain::lex(src) }.map_err(map_err)?;
    let mut p = parser::Parser::new(src, toks, latex, limits);
    let tree = p.parse_top().map_err(map_err)?;
    Ok(match &norm {
        None => tree,
        Some(n) => map_spans(tree, n),
    })
}

fn map_spans(tree: Expr, norm: &Normalized) -> Expr {
    map_bottom_up(tree, &mut |mut e| {
        e.span = norm.original_span(e.span);
        e
    })
}

/// `Auto` reads LaTeX unless the text has no backslash and shows a
/// plain-text marker: `**`, a quoted string, a word of two or more letters
/// called with `(` (`sqrt(2)`, `Rational(1, 3)`), or SymPy's `oo` / `I` /
/// `pi` / `sqrt` as words. Plain-looking LaTeX such as `x^2+1/2` parses the
/// same either way.
pub fn detect_syntax(text: &str) -> Syntax {
    if text.contains('\\') {
        return Syntax::Latex;
    }
    let bytes = text.as_bytes();
    // Byte tests, not substring searches: most texts are a few bytes.
    if bytes.windows(2).any(|w| w == b"**") || bytes.contains(&b'"') {
        return Syntax::Plain;
    }
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let word = &text[start..i];
            let called = bytes.get(i) == Some(&b'(');
            if (called && word.len() >= 2) || matches!(word, "oo" | "I" | "pi" | "sqrt" | "cbrt") {
                return Syntax::Plain;
            }
        } else {
            i += 1;
        }
    }
    Syntax::Latex
}

#[cfg(test)]
mod tests_simple;
