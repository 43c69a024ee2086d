//! The plain / Python / SymPy-style lexer: words, numbers, quoted strings and
//! operators (`**`, `<=`, `+-`…).

use nom::bytes::complete::take_while;
use nom::Parser;

use super::number::number_token;
use crate::error::{ErrorKind, ParseError};
use crate::parse::token::{punct, Tok, Token};
use crate::span::Span;

pub fn lex(src: &str) -> Result<Vec<Token>, ParseError> {
    // As the LaTeX lexer: room for a short answer's tokens.
    let mut out: Vec<Token> = Vec::with_capacity(src.len().min(32));
    let mut pos = 0;
    let mut space = false;
    let bytes = src.as_bytes();
    while pos < src.len() {
        let rest = &src[pos..];
        let c = rest.chars().next().expect("non-empty");
        if c.is_whitespace() {
            space = true;
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let tok: Tok;
        if c.is_ascii_digit() || (c == '.' && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit)) {
            let (text, len) = number_token(src, pos, false)?;
            pos += len;
            tok = Tok::Num(text.into());
        } else if c.is_alphabetic() {
            let (_, word) = take_while::<_, &str, nom::error::Error<&str>>(|ch: char| {
                ch.is_alphanumeric() || ch == '_'
            })
            .parse(rest)
            .expect("take_while cannot fail");
            // `x_{i,j}`: stop before the `_` so the parser reads the braces.
            let word = match word.find("_") {
                Some(k) if rest[k..].starts_with("_{") => &word[..k],
                _ => word,
            };
            let word = if word.is_empty() { "_" } else { word };
            pos += word.len();
            tok = if word == "_" { Tok::Punct("_") } else { Tok::Ident(word.into()) };
        } else if (c == '"' || c == '\'') && starts_string(&out, space, c) {
            match rest[1..].find(c) {
                Some(k) => {
                    let mut text = rest[1..1 + k].to_string();
                    pos += k + 2;
                    // Adjacent strings in the other quote are one string,
                    // as in Python (`"it's"'"'`): how the printer writes a
                    // text holding both quotes.
                    let mut q = c;
                    loop {
                        let other = if q == '"' { '\'' } else { '"' };
                        let next = &src[pos..];
                        let Some(k) = next.strip_prefix(other).and_then(|r| r.find(other)) else { break };
                        text.push_str(&next[1..1 + k]);
                        pos += k + 2;
                        q = other;
                    }
                    tok = Tok::Str(text.into());
                }
                None => {
                    return Err(ParseError::new(
                        ErrorKind::Unclosed { open: c.to_string() },
                        Span::new(start, start + 1),
                    ))
                }
            }
        } else if let Some(p) = longest_punct(rest) {
            pos += p.len();
            tok = Tok::Punct(p);
        } else {
            pos += c.len_utf8();
            tok = Tok::Other(c);
        }
        out.push(Token { tok, span: Span::new(start, pos), space_before: space, quad_before: false });
        space = false;
    }
    Ok(out)
}

/// A quote opens a string unless it is a prime right after a name or a
/// closing bracket (`f'(x)`, `y''`).
fn starts_string(prev: &[Token], space: bool, q: char) -> bool {
    if q == '"' {
        return true;
    }
    match prev.last() {
        Some(t) if !space => !matches!(&t.tok, Tok::Ident(_) | Tok::Punct(")") | Tok::Punct("'")),
        _ => true,
    }
}

fn longest_punct(s: &str) -> Option<&'static str> {
    for len in [2, 1] {
        if let Some(head) = s.get(..len) {
            if let Some(p) = punct(head) {
                return Some(p);
            }
        }
    }
    None
}
