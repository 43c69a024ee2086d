//! `\begin{…} … \end{…}` environments: matrices, cases, aligned systems.

use super::{PResult, Parser};
use crate::ast::{Expr, ExprKind, MatrixKind};
use crate::error::{ErrorKind, ParseError};
use crate::parse::token::Tok;
use crate::span::Span;

enum EnvKind {
    Matrix(MatrixKind),
    Cases,
    /// Lines of equations: `aligned`, `align*`, `gathered`…
    Lines,
}

fn env_kind(name: &str) -> Option<EnvKind> {
    Some(match name.trim_end_matches('*') {
        "pmatrix" => EnvKind::Matrix(MatrixKind::Paren),
        "bmatrix" => EnvKind::Matrix(MatrixKind::Bracket),
        "Bmatrix" => EnvKind::Matrix(MatrixKind::Brace),
        "vmatrix" => EnvKind::Matrix(MatrixKind::Vert),
        "Vmatrix" => EnvKind::Matrix(MatrixKind::DoubleVert),
        "matrix" | "smallmatrix" | "array" | "tabular" => EnvKind::Matrix(MatrixKind::Plain),
        "cases" | "dcases" | "rcases" | "numcases" => EnvKind::Cases,
        "aligned" | "align" | "alignat" | "alignedat" | "gathered" | "gather" | "split" | "equation" | "eqnarray"
        | "multline" | "flalign" | "displaymath" | "math" | "center" => EnvKind::Lines,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    pub fn latex_env(&mut self, begin: Span) -> PResult<Expr> {
        let (name, name_span) = self.env_name(begin)?;
        let Some(kind) = env_kind(&name) else {
            return Err(ParseError::new(ErrorKind::UnknownEnvironment { name }, begin.join(name_span)));
        };
        // `array` and `alignat` take a column spec / count: skip it.
        if matches!(name.trim_end_matches('*'), "array" | "tabular" | "alignat" | "alignedat") {
            if let Some(close) = self.matching_brace(self.pos) {
                self.pos = close + 1;
            }
        }
        let body_start = self.pos;
        let body_end = self.find_env_end(&name, begin)?;
        // Rows split on `\\`, cells on `&`, at the top nesting level.
        let mut rows: Vec<Vec<(usize, usize)>> = vec![vec![]];
        let mut cell_start = body_start;
        let mut level = 0i32;
        for i in body_start..body_end {
            let t = &self.toks[i];
            match &t.tok {
                Tok::Punct("{") => level += 1,
                Tok::Punct("}") => level -= 1,
                Tok::Cmd(c) if c == "begin" => level += 1,
                Tok::Cmd(c) if c == "end" => level -= 1,
                Tok::Punct("&") if level == 0 => {
                    rows.last_mut().expect("row").push((cell_start, i));
                    cell_start = i + 1;
                }
                Tok::Cmd(c) if c == "\\" && level == 0 => {
                    rows.last_mut().expect("row").push((cell_start, i));
                    cell_start = i + 1;
                    rows.push(vec![]);
                }
                _ => {}
            }
        }
        rows.last_mut().expect("row").push((cell_start, body_end));
        // Drop empty trailing rows (`… \\ \end{pmatrix}`).
        while rows.last().is_some_and(|r| r.iter().all(|&(a, b)| a == b)) {
            rows.pop();
        }
        // Skip past `\end{name}`.
        let after = self.end_of_env_end(body_end);
        let span = begin.join(self.toks[after - 1].span);
        let parsed = match kind {
            EnvKind::Matrix(mk) => {
                let mut out = Vec::new();
                for r in &rows {
                    let mut cells = Vec::new();
                    for &(a, b) in r {
                        cells.push(self.parse_range(a, b, "a matrix entry")?);
                    }
                    out.push(cells);
                }
                if out.is_empty() {
                    return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "a matrix entry" }, span));
                }
                self.mk(ExprKind::Matrix { kind: mk, rows: out }, span)?
            }
            EnvKind::Cases => {
                let mut pieces = Vec::new();
                for r in &rows {
                    let (a, b) = r[0];
                    let value = self.parse_range(a, b, "a case value")?;
                    let cond = match r.get(1) {
                        Some(&(a, b)) if a < b => self.parse_condition(a, b)?,
                        _ => None,
                    };
                    pieces.push((value, cond));
                }
                self.mk(ExprKind::Piecewise { pieces }, span)?
            }
            EnvKind::Lines => {
                let mut lines = Vec::new();
                for r in &rows {
                    let a = r.first().expect("cell").0;
                    let b = r.last().expect("cell").1;
                    if a < b {
                        lines.push(self.parse_range(a, b, "an equation")?);
                    }
                }
                match lines.len() {
                    0 => return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "an equation" }, span)),
                    1 => lines.pop().expect("one"),
                    _ => self.mk(ExprKind::List { items: lines }, span)?,
                }
            }
        };
        self.pos = after;
        Ok(parsed)
    }

    /// `{name}` after `\begin` / `\end`.
    fn env_name(&mut self, at: Span) -> PResult<(String, Span)> {
        let Some(close) = self.matching_brace(self.pos) else {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: "\\begin".into() }, at));
        };
        let a = self.toks[self.pos].span.end;
        let b = self.toks[close].span.start;
        let name: String = self.src[a..b].chars().filter(|c| !c.is_whitespace()).collect();
        let span = self.toks[self.pos].span.join(self.toks[close].span);
        self.pos = close + 1;
        Ok((name, span))
    }

    /// Index of the `\end` token closing the environment opened before
    /// `self.pos`.
    fn find_env_end(&mut self, name: &str, begin: Span) -> PResult<usize> {
        let mut level = 0usize;
        let mut i = self.pos;
        while i < self.end {
            let t = &self.toks[i];
            if t.is_cmd("begin") {
                level += 1;
            } else if t.is_cmd("end") {
                if level == 0 {
                    // Check the name.
                    let save = self.pos;
                    self.pos = i + 1;
                    let r = self.env_name(t.span);
                    self.pos = save;
                    let (end_name, end_span) = r?;
                    if end_name != name {
                        return Err(ParseError::new(
                            ErrorKind::MismatchedEnvironment { begin: name.to_string(), end: end_name },
                            self.toks[i].span.join(end_span),
                        ));
                    }
                    return Ok(i);
                }
                level -= 1;
            }
            i += 1;
        }
        Err(ParseError::new(ErrorKind::Unclosed { open: format!("\\begin{{{name}}}") }, begin))
    }

    /// The token index just past `\end{…}` starting at `end_tok`.
    fn end_of_env_end(&self, end_tok: usize) -> usize {
        self.matching_brace(end_tok + 1).map_or(end_tok + 1, |c| c + 1)
    }

    /// Parse tokens `[a, b)` as one complete expression.
    pub(crate) fn parse_range(&mut self, a: usize, b: usize, what: &'static str) -> PResult<Expr> {
        let (saved_pos, saved_end) = (self.pos, self.end);
        self.pos = a;
        self.end = b;
        self.bracket_depth += 1;
        let r = (|| {
            if self.at_end() {
                let at = self.toks.get(a).map_or(Span::EMPTY, |t| t.span);
                return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: what }, at));
            }
            let e = self.parse_list(true)?;
            if let Some(t) = self.peek().cloned() {
                return Err(ParseError::new(ErrorKind::Unexpected { found: t.describe(), expected: "`&`, `\\\\` or `\\end`" }, t.span));
            }
            Ok(e)
        })();
        self.bracket_depth -= 1;
        self.pos = saved_pos;
        self.end = saved_end;
        r
    }

    /// A case condition: math if it parses, else its text (`otherwise`).
    /// Text that is nothing (`\text{}`, a stray `}`) is no condition, as
    /// an empty cell is: an empty text prints as nothing in plain text.
    /// Text that `\text{…}` reads as a number (`0}` is the text `0`) is no
    /// prose and would print back as that number: the cell's error stands.
    fn parse_condition(&mut self, a: usize, b: usize) -> PResult<Option<Expr>> {
        match self.parse_range(a, b, "a condition") {
            Ok(e) => Ok(Some(e)),
            Err(err) => {
                let span = self.toks[a].span.join(self.toks[b - 1].span);
                let text = super::atom::collapse_ws(
                    &self.src[span.start..span.end].replace("\\text", "").replace(['{', '}'], " "),
                );
                if text.is_empty() {
                    return Ok(None);
                }
                if super::latex_cmd::number_in_text(&text).is_some() {
                    return Err(err);
                }
                self.mk(ExprKind::Text { text }, span).map(Some)
            }
        }
    }
}
