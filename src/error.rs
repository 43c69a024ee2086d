//! Typed parse errors with byte spans, and their terminal rendering.

use std::fmt;

use serde::Serialize;

use crate::span::Span;

/// What went wrong. Each variant renders as one line (see `Display`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorKind {
    /// Nothing to parse (empty or only whitespace / spacing commands).
    Empty,
    /// A character that no token starts with.
    UnexpectedChar { ch: char },
    /// A token where another was expected.
    Unexpected { found: String, expected: &'static str },
    /// The input ended where more was expected.
    UnexpectedEnd { expected: &'static str },
    /// An opening delimiter without its closing partner.
    Unclosed { open: String },
    /// A closing delimiter with no opening partner.
    Unmatched { close: String },
    /// A LaTeX command we do not know.
    UnknownCommand { name: String },
    /// `\begin{foo}` for an environment we do not know.
    UnknownEnvironment { name: String },
    /// `\begin{a} ... \end{b}`.
    MismatchedEnvironment { begin: String, end: String },
    /// A command that needs an argument did not get one (`\sqrt` alone).
    MissingArgument { command: String },
    /// A number we could not read (`1.2.3`).
    InvalidNumber { text: String },
    /// Wrong number of arguments for a known function.
    Arity { func: String, expected: &'static str, found: usize },
    /// A spoken word that is neither in the lexicon (`grammars/spoken-en.tsv`)
    /// nor a number or a letter.
    UnknownWord { word: String },
    /// Input longer than `Limits::max_input_len` bytes.
    TooLong { len: usize, limit: usize },
    /// Nesting deeper than `Limits::max_depth`.
    TooDeep { limit: usize },
    /// More nodes than `Limits::max_nodes`.
    TooManyNodes { limit: usize },
}

/// A parse error: what, and where in the original input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParseError {
    #[serde(flatten)]
    pub kind: ErrorKind,
    pub span: Span,
}

impl ParseError {
    pub fn new(kind: ErrorKind, span: Span) -> ParseError {
        ParseError { kind, span }
    }

    /// The error as a short report with the offending line and a caret
    /// under the span:
    ///
    /// ```text
    /// error: unclosed `{`
    ///  --> 1:7
    ///   |
    /// 1 | \frac{1
    ///   |      ^
    /// ```
    pub fn render(&self, source: &str) -> String {
        let start = floor_char_boundary(source, self.span.start.min(source.len()));
        let end = floor_char_boundary(source, self.span.end.min(source.len())).max(start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let line_no = source[..start].matches('\n').count() + 1;
        let line = &source[line_start..line_end];
        let col = source[line_start..start].chars().count();
        let width = source[start..end.min(line_end)].chars().count().max(1);
        let gutter = line_no.to_string();
        let pad = " ".repeat(gutter.len());
        format!(
            "error: {msg}\n{pad}--> {line_no}:{col1}\n{pad} |\n{gutter} | {line}\n{pad} | {sp}{carets}",
            msg = self,
            col1 = col + 1,
            line = line.replace('\t', " "),
            sp = " ".repeat(col),
            carets = "^".repeat(width),
        )
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match self {
            Empty => write!(f, "nothing to parse"),
            UnexpectedChar { ch } => write!(f, "unexpected character {ch:?}"),
            Unexpected { found, expected } => write!(f, "expected {expected}, found {found}"),
            UnexpectedEnd { expected } => write!(f, "expected {expected}, found end of input"),
            Unclosed { open } => write!(f, "unclosed `{open}`"),
            Unmatched { close } => write!(f, "`{close}` has no opening partner"),
            UnknownCommand { name } => write!(f, "unknown command `\\{name}`"),
            UnknownEnvironment { name } => write!(f, "unknown environment `{name}`"),
            MismatchedEnvironment { begin, end } => {
                write!(f, "`\\begin{{{begin}}}` is closed by `\\end{{{end}}}`")
            }
            MissingArgument { command } => write!(f, "`{command}` needs an argument"),
            InvalidNumber { text } => write!(f, "invalid number `{text}`"),
            Arity { func, expected, found } => {
                write!(f, "`{func}` takes {expected} argument(s), found {found}")
            }
            UnknownWord { word } => write!(f, "unknown word `{word}`"),
            TooLong { len, limit } => {
                write!(f, "input is {len} bytes, over the limit of {limit}")
            }
            TooDeep { limit } => write!(f, "nesting deeper than the limit of {limit}"),
            TooManyNodes { limit } => {
                write!(f, "expression has more than the limit of {limit} nodes")
            }
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for ParseError {}

/// The message of a caught panic (`catch_unwind`'s payload): callers that
/// turn a library panic into a per-record error (the CLI, the Python
/// module) report it with this.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

#[cfg(test)]
mod panic_message_tests {
    use super::panic_message;

    #[test]
    fn messages_of_both_payload_kinds() {
        let p = std::panic::catch_unwind(|| panic!("static text")).unwrap_err();
        assert_eq!(panic_message(&*p), "static text");
        let n = 3;
        let p = std::panic::catch_unwind(|| panic!("formatted {n}")).unwrap_err();
        assert_eq!(panic_message(&*p), "formatted 3");
        let p = std::panic::catch_unwind(|| std::panic::panic_any(7u8)).unwrap_err();
        assert_eq!(panic_message(&*p), "unknown panic");
    }
}
