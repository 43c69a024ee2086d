//! The LaTeX lexer. Commands become `Cmd`, single letters `Ident`, numbers
//! `Num` (with LaTeX digit-group separators joined). Pure spacing commands
//! are dropped here and recorded on the next token as `space_before` /
//! `quad_before`, so the parser never sees them.

use compact_str::CompactString;
use nom::character::complete::alpha1;
use nom::Parser;

use super::number::{lex_number, number_token};
use crate::error::ParseError;
use crate::parse::token::{punct, Tok, Token};
use crate::span::Span;

/// Commands that only change spacing or style: dropped. (A `match`, not a
/// list scanned per command: the lexer asks for every command.)
fn is_spacing(name: &str) -> bool {
    // A backslash before any white space (a tab, a line break, a form
    // feed) is a control space, as before a space.
    let mut cs = name.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_whitespace()) || matches!(
        name,
        "," | ";" | ":" | "!" | " " | ">" | "enspace" | "enskip" | "thinspace" | "medspace" | "thickspace"
            | "negthinspace" | "negmedspace" | "negthickspace" | "displaystyle" | "textstyle" | "scriptstyle"
            | "scriptscriptstyle" | "limits" | "nolimits" | "nonumber" | "notag" | "hfill" | "allowbreak"
            | "strut" | "mathstrut" | "relax" | "smallskip" | "medskip" | "bigskip" | "noindent" | "centering"
            | "hline" | "big" | "Big" | "bigg" | "Bigg" | "bigl" | "bigr" | "Bigl" | "Bigr" | "biggl"
            | "biggr" | "Biggl" | "Biggr" | "bigm" | "Bigm" | "middle" | "protect" | "newline" | "cr"
            | "ensuremath"
    )
}

/// Wide spaces that separate answers in a list.
fn is_quad(name: &str) -> bool {
    matches!(name, "quad" | "qquad")
}

pub fn lex(src: &str) -> Result<Vec<Token>, ParseError> {
    // Room for a short answer's tokens up front (most answers are short;
    // a long text grows the vector as usual).
    let mut out: Vec<Token> = Vec::with_capacity(src.len().min(32));
    let mut pos = 0;
    let mut space = false;
    let mut quad = false;
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
        if c == '\\' {
            let after = &rest[1..];
            let name = quad_split(control_word(after));
            pos += 1 + name.len();
            // `\left` / `\right` / `\mleft` / `\mright`: the delimiter that
            // follows is what matters; `|` needs to know its side.
            if matches!(name, "left" | "right" | "mleft" | "mright") {
                let opening = name.ends_with("left");
                if let Some((t, len)) = sized_delimiter(&src[pos..], opening) {
                    let span = Span::new(start, pos + len);
                    pos += len;
                    if let Some(t) = t {
                        out.push(Token { tok: t, span, space_before: space, quad_before: quad });
                    }
                    space = false;
                    quad = false;
                }
                continue;
            }
            if is_spacing(name) {
                space = true;
                continue;
            }
            if is_quad(name) {
                space = true;
                quad = true;
                continue;
            }
            // `\vertx` is `\vert x`: latex2sympy and model output run a
            // delimiter or letter command into the next letters.
            if let Some(prefix) = split_prefix(name) {
                let cmd_end = start + 1 + prefix.len();
                out.push(Token { tok: Tok::Cmd(prefix.into()), span: Span::new(start, cmd_end), space_before: space, quad_before: quad });
                for (k, ch) in name[prefix.len()..].char_indices() {
                    let s = cmd_end + k;
                    out.push(Token { tok: Tok::Ident(CompactString::from(&*ch.encode_utf8(&mut [0; 4]))), span: Span::new(s, s + 1), space_before: false, quad_before: false });
                }
                space = false;
                quad = false;
                continue;
            }
            tok = Tok::Cmd(name.into());
        } else if c == '~' {
            // A non-breaking space.
            space = true;
            pos += 1;
            continue;
        } else if c.is_ascii_digit() || (c == '.' && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit)) {
            let (text, len) = match number_token(src, pos, true) {
                Ok(n) => n,
                Err(e) => {
                    // Left for the parser: `\text{1.2.3}` is text.
                    let crate::error::ErrorKind::InvalidNumber { text } = e.kind else { return Err(e) };
                    out.push(Token { tok: Tok::BadNumber(text.into()), span: e.span, space_before: space, quad_before: quad });
                    pos = e.span.end;
                    space = false;
                    quad = false;
                    continue;
                }
            };
            pos += len;
            let mut text = text;
            // TeX ignores spaces in math mode: `\mathbf{9 6}` is 96 and
            // `1 000` one thousand. Digits separated by spaces only are one
            // number (not after a superscript, where TeX takes one digit).
            let after_script = out.last().is_some_and(|t| t.is_punct("^") || t.is_punct("_"));
            while !after_script && text.bytes().all(|b| b.is_ascii_digit()) {
                let rest = &src[pos..];
                let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                if gap == 0 || !rest[gap..].starts_with(|c: char| c.is_ascii_digit()) {
                    break;
                }
                let Some(m) = lex_number(&rest[gap..], true) else { break };
                text.push_str(&m.text);
                pos += gap + m.len;
            }
            tok = Tok::Num(text.into());
        } else if c.is_alphabetic() {
            pos += c.len_utf8();
            tok = Tok::Ident(CompactString::from(&*c.encode_utf8(&mut [0; 4])));
        } else if let Some(p) = longest_punct(rest) {
            pos += p.len();
            tok = Tok::Punct(p);
        } else {
            pos += c.len_utf8();
            tok = Tok::Other(c);
        }
        out.push(Token { tok, span: Span::new(start, pos), space_before: space, quad_before: quad });
        space = false;
        quad = false;
    }
    Ok(out)
}

/// The control word or symbol after a backslash, as TeX reads it: all
/// the letters (`qquadn` in `\qquadn`), else one character.
fn control_word(after: &str) -> &str {
    match alpha1::<&str, nom::error::Error<&str>>.parse(after) {
        Ok((_, word)) => word,
        Err(_) => after.chars().next().map_or("", |ch| &after[..ch.len_utf8()]),
    }
}

/// `\quadx`: a wide space run into a letter is the wide space.
fn quad_split(name: &str) -> &str {
    ["qquad", "quad"]
        .into_iter()
        .find(|q| name.len() > q.len() && name.starts_with(q) && name[q.len()..].bytes().all(|b| b.is_ascii_alphabetic()))
        .unwrap_or(name)
}

/// The name of the command that starts `after` (the text after a
/// backslash) as this lexer reads it: `quad` in `\quadn`, `vert` in
/// `\vertx`, `pi` in `\pin` (the letters after it are letters of their
/// own), else the whole control word. Whatever else skips command names
/// (text folding, markup removal) asks this, so it splits `\qquadn B` as
/// the parser does.
pub fn command_name(after: &str) -> &str {
    let name = quad_split(control_word(after));
    if is_spacing(name) || is_quad(name) {
        return name;
    }
    split_prefix(name).unwrap_or(name)
}

/// LaTeX has no multi-character operators of its own, but model output
/// writes `<=`, `>=`, `!=` inside math.
fn longest_punct(s: &str) -> Option<&'static str> {
    for len in [2, 1] {
        if let Some(head) = s.get(..len) {
            if let Some(p) = punct(head) {
                if len == 2 && !matches!(p, "<=" | ">=" | "!=") {
                    continue;
                }
                return Some(p);
            }
        }
    }
    None
}

/// Read the delimiter after `\left` / `\right`. Returns the token to emit
/// (None for the invisible `.`) and the bytes consumed (with leading spaces).
fn sized_delimiter(s: &str, opening: bool) -> Option<(Option<Tok>, usize)> {
    let trimmed = s.trim_start();
    let skip = s.len() - trimmed.len();
    let c = trimmed.chars().next()?;
    // `\left}` closes the group it stands in, not a delimiter (TeX has no
    // such one): the `}` is the group's, and `a_{x\left}` the subscript
    // `x\left`, as plain text reads it. (`\left{` … `\right}` stay
    // braces: model output writes sets so.)
    if (opening && c == '}') || (!opening && c == '{') {
        return None;
    }
    let (tok, len) = match c {
        '.' => (None, 1),
        '|' => (Some(Tok::Cmd(if opening { "lvert" } else { "rvert" }.into())), 1),
        '\\' => {
            let after = &trimmed[1..];
            let mut name: String = match alpha1::<&str, nom::error::Error<&str>>.parse(after) {
                Ok((_, w)) => w.to_string(),
                Err(_) => after.chars().next()?.to_string(),
            };
            if let Some(p) = split_prefix(&name) {
                name = p.to_string();
            }
            let len = 1 + name.len();
            let tok = match name.as_str() {
                "vert" | "lvert" | "rvert" => Tok::Cmd(if opening { "lvert" } else { "rvert" }.into()),
                "|" | "Vert" | "lVert" | "rVert" => Tok::Cmd(if opening { "lVert" } else { "rVert" }.into()),
                _ => Tok::Cmd(name.into()),
            };
            (Some(tok), len)
        }
        _ => {
            let l = c.len_utf8();
            match punct(&trimmed[..l]) {
                Some(p) => (Some(Tok::Punct(p)), l),
                None => (Some(Tok::Other(c)), l),
            }
        }
    };
    Some((tok, skip + len))
}

/// Commands that may be run into following letters (`\vertx`), longest
/// first, and longer command names that must not be split.
const SPLITTABLE: &[&str] = &[
    "lgroup", "rgroup", "lbrace", "rbrace", "lbrack", "rbrack", "langle", "rangle", "lfloor", "rfloor", "lceil",
    "rceil", "lvert", "rvert", "lVert", "rVert", "lambda", "alpha", "gamma", "delta", "theta", "sigma", "omega",
    "infty", "times", "cdot", "vert", "Vert", "beta", "div", "phi", "mu", "pi",
];
const NOT_SPLIT: &[&str] = &["cdots", "cdotp", "divideontimes", "pitchfork", "timesbar", "phantom", "vartheta", "varphi"];

fn split_prefix(name: &str) -> Option<&'static str> {
    if NOT_SPLIT.contains(&name) {
        return None;
    }
    SPLITTABLE
        .iter()
        .copied()
        .find(|p| name.len() > p.len() && name.starts_with(p) && name[p.len()..].bytes().all(|b| b.is_ascii_alphabetic()))
}
