//! Bold answers: some solutions (ARML, olympiad sets) mark the final
//! answer with bold digits inside math: `$N=125+8-1=\mathbf{1 3 2}$`,
//! `\frac{\mathbf{6 7 \pi}}{\mathbf{3}}`, `& =\frac{\sqrt{3}}{\mathbf{3 2}}`.
//!
//! The answer is the term of the math span holding the last numeric
//! `\mathbf{…}`: from the last top-level `=` / `&` / `\\` / `\approx` /
//! `\begin{…}` / `\end{…}` / `\text{…}` before it to the next one after
//! it (or the span's end), with the bold unwrapped and the spaces between its digits removed.

use super::math_span::{containing, MathSpan};
use super::scan;
use crate::span::Span;

/// How many `\mathbf{` (the last ones) are looked at: keeps this linear.
const MAX_BOLDS: usize = 16;

const BOLD: &str = "\\mathbf{";

/// The bolded answer: where its term is written and its text (bold
/// unwrapped, still to be trimmed and finished).
pub fn last_bold_answer(s: &str, spans: &[MathSpan]) -> Option<(Span, String)> {
    let b = s.as_bytes();
    let all = scan::find_all(s, BOLD);
    for &at in all.iter().rev().take(MAX_BOLDS) {
        if scan::is_escaped(b, at) {
            continue;
        }
        let open = at + BOLD.len() - 1;
        let Some(close) = scan::match_brace(b, open) else { continue };
        if !is_numeric_bold(&s[open + 1..close]) {
            continue;
        }
        let Some(k) = containing(spans, at) else { continue };
        let inner = spans[k].inner;
        if at < inner.start || close >= inner.end {
            continue;
        }
        let (start, end) = term_around(b, inner, at, close)?;
        let text = unwrap_bold(&s[start..end]);
        return Some((Span::new(start, end), text));
    }
    None
}

/// Digits (spaced or not), `.`, `-`, `\pi`; at least one digit, and not
/// a lone `0` / `1` (the zero vector, an identity).
fn is_numeric_bold(c: &str) -> bool {
    let t = c.replace("\\pi", "");
    let t = t.trim();
    t.bytes().any(|x| x.is_ascii_digit())
        && t.bytes().all(|x| x.is_ascii_digit() || matches!(x, b' ' | b'.' | b'-'))
        && t != "0"
        && t != "1"
}

/// The top-level term of `inner` holding bytes `at..=close`.
fn term_around(b: &[u8], inner: Span, at: usize, close: usize) -> Option<(usize, usize)> {
    let b = &b[..inner.end];
    let mut start = inner.start;
    let mut end = inner.end;
    let mut depth = 0usize;
    let mut i = inner.start;
    while i < inner.end {
        if i == at {
            // The bold's own braces.
            i = close + 1;
            continue;
        }
        let c = b[i];
        if c == b'\\' {
            let rest = &b[i..inner.end];
            let cmd_len = rest[1..].iter().take_while(|x| x.is_ascii_alphabetic()).count();
            let cmd = &rest[1..1 + cmd_len];
            let boundary_len = if depth > 0 {
                None
            } else if rest.starts_with(b"\\\\") {
                Some(2)
            } else if cmd == b"approx" {
                Some(1 + cmd_len)
            } else if matches!(cmd, b"begin" | b"end" | b"text" | b"mbox") && brace_after(b, i + 1 + cmd_len).is_some() {
                let o = brace_after(b, i + 1 + cmd_len)?;
                let c2 = scan::match_brace(b, o)?;
                Some(c2 + 1 - i)
            } else {
                None
            };
            if let Some(n) = boundary_len {
                if i < at {
                    start = i + n;
                } else {
                    end = i;
                    break;
                }
                i += n;
                continue;
            }
            i += 1 + cmd_len.max(1);
            continue;
        }
        match c {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'=' | b'&' if depth == 0 => {
                if i < at {
                    start = i + 1;
                } else {
                    end = i;
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (start < end).then_some((start, end))
}

/// The `{` at `i` after spaces.
fn brace_after(b: &[u8], i: usize) -> Option<usize> {
    let j = scan::skip_ws(b, i);
    (b.get(j) == Some(&b'{')).then_some(j)
}

/// `\mathbf{1 0 2 4}` → `1024`, `\mathbf{6 7 \pi}` → `67 \pi`.
fn unwrap_bold(t: &str) -> String {
    let b = t.as_bytes();
    let mut out = String::with_capacity(t.len());
    let mut i = 0;
    let mut last = 0;
    while let Some(rel) = t[i..].find(BOLD) {
        let at = i + rel;
        let open = at + BOLD.len() - 1;
        let Some(close) = scan::match_brace(b, open) else { break };
        out.push_str(&t[last..at]);
        out.push_str(&join_digits(&t[open + 1..close]));
        last = close + 1;
        i = close + 1;
    }
    out.push_str(&t[last..]);
    out
}

/// Drop spaces between digits and points: `9 . 5` → `9.5`.
fn join_digits(c: &str) -> String {
    let b = c.as_bytes();
    let mut out = String::with_capacity(c.len());
    for (i, ch) in c.char_indices() {
        if ch == ' ' {
            let prev = b[..i].iter().rev().find(|&&x| x != b' ');
            let next = b[i + 1..].iter().find(|&&x| x != b' ');
            let digitish = |x: Option<&u8>| x.is_some_and(|x| x.is_ascii_digit() || *x == b'.');
            if digitish(prev) && digitish(next) {
                continue;
            }
        }
        out.push(ch);
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::math_span::all_spans;

    fn bold(s: &str) -> Option<String> {
        last_bold_answer(s, &all_spans(s)).map(|(_, t)| t)
    }

    #[test]
    fn bold_after_equals() {
        assert_eq!(bold("so $N=125+8-1=\\mathbf{1 3 2}$.").as_deref(), Some("132"));
        assert_eq!(bold("the sum is $\\mathbf{9 . 5}$.").as_deref(), Some("9.5"));
        assert_eq!(
            bold("area is $4 T-\\pi T=\\mathbf{1 0 2 4}-\\mathbf{2 5 6 \\pi}$.").as_deref(),
            Some("1024-256 \\pi")
        );
    }

    #[test]
    fn bold_inside_fraction_and_aligned() {
        assert_eq!(bold("is $\\frac{\\mathbf{6 7 \\pi}}{\\mathbf{3}}$.").as_deref(), Some("\\frac{67 \\pi}{3}"));
        let s = "$$\n\\begin{aligned}\n{[M A P] } & =\\frac{1}{2} \\\\\n& =\\frac{\\sqrt{3}}{\\mathbf{3 2}} .\n\\end{aligned}\n$$";
        assert_eq!(bold(s).as_deref(), Some("\\frac{\\sqrt{3}}{32} .\n"));
        assert_eq!(bold("$\\tan x=\\frac{5 \\sqrt{2}}{\\mathbf{2}}$").as_deref(), Some("\\frac{5 \\sqrt{2}}{2}"));
    }

    #[test]
    fn bold_term_ends_at_next_relation() {
        assert_eq!(bold("$x=\\mathbf{7} \\approx 7.0$").as_deref(), Some("7 "));
        assert_eq!(bold("$\\mathbf{4}=y$").as_deref(), Some("4"));
        assert_eq!(
            bold("$$\\text { so } k=\\mathbf{1 0}+\\mathbf{2} \\sqrt{\\mathbf{2}} \\text {. }$$").as_deref(),
            Some("10+2 \\sqrt{2} ")
        );
    }

    #[test]
    fn not_bold_answers() {
        // Vectors, the zero vector, bold outside math.
        assert_eq!(bold("$\\mathbf{v} = \\mathbf{0}$"), None);
        assert_eq!(bold("$\\mathbf{A}^{-1}$ and $\\mathbf{1}$"), None);
        assert_eq!(bold("\\mathbf{12} outside"), None);
        assert_eq!(bold("$\\mathbf{12"), None);
    }

    #[test]
    fn last_bold_wins() {
        assert_eq!(bold("$\\mathbf{3}$ then $y=\\mathbf{4 2}$").as_deref(), Some("42"));
    }
}
