//! Spoken math: what people and screen readers say, into the same tree as
//! LaTeX.
//!
//! Reads ClearSpeak (`the fraction with numerator 1 and denominator 2`,
//! `x sub 1`, `open paren … close paren`), MathSpeak in its verbose and
//! brief forms (`StartFraction 1 Over 2 EndFraction`, `x Superscript 2
//! Baseline`, `left p'ren … right p'ren`) and people's dictation (`x equals
//! minus b plus or minus the square root of b squared minus four a c all
//! over two a`). The vocabulary is data, `grammars/spoken-en.tsv`:
//!
//! * [`lexicon`]: the phrase table, parsed once;
//! * [`words`]: the word tokenizer (phrases, script paths, raw words);
//! * [`numbers`]: number words (`one hundred and five`, `two thirds`);
//! * [`parser`]: the precedence parser and its scope rules.
//!
//! The syntax is chosen explicitly ([`crate::Syntax::Spoken`]); `Auto`
//! never picks it.

pub mod lexicon;
mod numbers;
mod parser;
pub mod token;
pub mod words;

use crate::ast::Expr;
use crate::error::ParseError;
use crate::limits::Limits;

/// Parse spoken `text` within `limits` (its length is checked by the
/// caller). Spans are byte offsets into `text`.
pub(crate) fn parse(text: &str, limits: &Limits) -> Result<Expr, ParseError> {
    let toks = words::tokenize(text);
    let mut p = parser::Parser::new(text, toks, limits);
    p.parse_top()
}

/// Every reading of spoken `text`: the common one first (what [`parse`]
/// gives), then the readings that take unmarked scopes the other way where
/// speech leaves them open (`x to the n plus one`: `x^{n}+1`, then
/// `x^{n+1}`; `the square root of x plus one`: `\sqrt{x+1}`, then
/// `\sqrt{x}+1`), each with a different canonical form. At most four
/// parses: the work stays bounded.
pub fn readings(text: &str, limits: &Limits) -> Result<Vec<Expr>, ParseError> {
    if text.len() > limits.max_input_len {
        // The same error `parse_with` gives.
        return crate::parse::parse_with(text, crate::Syntax::Spoken, limits).map(|e| vec![e]);
    }
    let toks = words::tokenize(text);
    let mut p = parser::Parser::new(text, toks.clone(), limits);
    let first = p.parse_top()?;
    let mut keys = vec![crate::canon::canonical_with(&first, limits)];
    let mut out = vec![first];
    for reading in parser::Reading::alternatives(p.met()) {
        let mut q = parser::Parser::new(text, toks.clone(), limits).with_reading(reading);
        let Ok(e) = q.parse_top() else { continue };
        let key = crate::canon::canonical_with(&e, limits);
        if !keys.contains(&key) {
            keys.push(key);
            out.push(e);
        }
    }
    Ok(out)
}
