//! Tokens shared by the LaTeX and plain lexers. The parser is one Pratt
//! parser over these; the few places where the syntaxes differ ask
//! `Parser::latex`.

use compact_str::CompactString;

use crate::span::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// A numeric literal with separators removed: `123`, `1.5`, `.5`,
    /// `1.5e-3`. `grouped` is set when explicit thousands separators were
    /// joined (`1{,}000`), so the number is known to be a whole literal.
    Num(CompactString),
    /// LaTeX: one letter. Plain: a word (`x`, `sqrt`, `x_1`, `Interval`).
    Ident(CompactString),
    /// LaTeX command name without the backslash: `frac`, `{`, `,`, `%`.
    Cmd(CompactString),
    /// Plain: a quoted string's content.
    Str(CompactString),
    /// Operators and brackets, longest match: `**`, `<=`, `!=`, `+`, `(`…
    Punct(&'static str),
    /// Any other character; an error only if the parser has to read it.
    Other(char),
    /// LaTeX: a malformed numeric literal (`1.2.3`), as written; an error
    /// (`InvalidNumber`) only if the parser has to read it: inside
    /// `\text{}` it is text.
    BadNumber(CompactString),
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// Whitespace (or a spacing command) came right before this token.
    pub space_before: bool,
    /// A wide space (`\quad`, `\qquad`) came right before this token: it
    /// separates answers in a list (`x = 1 \quad x = 2`).
    pub quad_before: bool,
}

impl Token {
    pub fn is_punct(&self, p: &str) -> bool {
        matches!(&self.tok, Tok::Punct(q) if *q == p)
    }

    pub fn is_cmd(&self, name: &str) -> bool {
        matches!(&self.tok, Tok::Cmd(c) if c == name)
    }

    pub fn is_ident(&self, name: &str) -> bool {
        matches!(&self.tok, Tok::Ident(c) if c == name)
    }

    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match &self.tok {
            Tok::Num(n) => format!("number `{n}`"),
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Cmd(c) => format!("`\\{c}`"),
            Tok::Str(s) => format!("string {s:?}"),
            Tok::Punct(p) => format!("`{p}`"),
            Tok::Other(c) => format!("`{c}`"),
            Tok::BadNumber(n) => format!("malformed number `{n}`"),
        }
    }
}

/// Punctuation both lexers know, longest first so `**` wins over `*`.
#[allow(dead_code)] // the reference for `punct`, checked by its test
pub const PUNCTS: &[&str] = &[
    "**", "<=", ">=", "!=", "==", "+-", "-+", "~=", "=<", "=>", "<>", "+", "-", "*", "/", "^", "_",
    "=", "<", ">", "!", "'", "|", ",", ";", ":", "&", "(", ")", "[", "]", "{", "}", "%", "~", ".",
    "$", "?", "#", "@",
];

pub fn punct(s: &str) -> Option<&'static str> {
    // A match instead of a scan of `PUNCTS`: the lexers ask for every
    // character. Same answers as `PUNCTS.iter().find(|p| *p == s)`.
    let b = s.as_bytes();
    match b.len() {
        1 => punct_byte(b[0]),
        2 => Some(match b {
            b"**" => "**",
            b"<=" => "<=",
            b">=" => ">=",
            b"!=" => "!=",
            b"==" => "==",
            b"+-" => "+-",
            b"-+" => "-+",
            b"~=" => "~=",
            b"=<" => "=<",
            b"=>" => "=>",
            b"<>" => "<>",
            _ => return None,
        }),
        _ => None,
    }
}

/// The one-character punctuation `b` is, if any.
fn punct_byte(b: u8) -> Option<&'static str> {
    Some(match b {
        b'+' => "+",
        b'-' => "-",
        b'*' => "*",
        b'/' => "/",
        b'^' => "^",
        b'_' => "_",
        b'=' => "=",
        b'<' => "<",
        b'>' => ">",
        b'!' => "!",
        b'\'' => "'",
        b'|' => "|",
        b',' => ",",
        b';' => ";",
        b':' => ":",
        b'&' => "&",
        b'(' => "(",
        b')' => ")",
        b'[' => "[",
        b']' => "]",
        b'{' => "{",
        b'}' => "}",
        b'%' => "%",
        b'~' => "~",
        b'.' => ".",
        b'$' => "$",
        b'?' => "?",
        b'#' => "#",
        b'@' => "@",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn punct_matches_the_table() {
        for p in super::PUNCTS {
            assert_eq!(super::punct(p), Some(*p));
        }
        for s in ["a", "", "+++", "é", "*/", "1"] {
            assert_eq!(super::punct(s), super::PUNCTS.iter().copied().find(|p| *p == s));
        }
        for b in 0u8..128 {
            let s = (b as char).to_string();
            assert_eq!(super::punct(&s), super::PUNCTS.iter().copied().find(|p| *p == s), "{s:?}");
        }
    }
}
