//! Math delimiters: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`.
//!
//! Display math (`$$…$$`, `\[…\]`) may span lines; inline math (`$…$`,
//! `\(…\)`) may not, so `Answer $ \n 9 \n $` holds no math span while
//! `Answer $$ \n 9 \n $$` does (Math-Verify's reading). An escaped `\$` is
//! never a delimiter, and a `$` directly after a digit (`5$`, a price) does
//! not open inline math.

use super::scan::{is_escaped, NextFinder};
use crate::span::Span;

/// Which pair of delimiters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delim {
    /// `$…$`
    Dollar,
    /// `$$…$$`
    DoubleDollar,
    /// `\(…\)`
    Paren,
    /// `\[…\]`
    Bracket,
}

/// One delimited math span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MathSpan {
    /// From the opening delimiter to the end of the closing one.
    pub outer: Span,
    /// The content between the delimiters.
    pub inner: Span,
    pub delim: Delim,
}

/// Finds math spans, with memoized closer searches: a left-to-right run of
/// [`SpanFinder::span_at`] calls is linear in the input.
pub struct SpanFinder<'a> {
    s: &'a str,
    dollar: NextFinder<'a>,
    double_dollar: NextFinder<'a>,
    close_paren: NextFinder<'a>,
    close_bracket: NextFinder<'a>,
    newline: NextFinder<'a>,
}

impl<'a> SpanFinder<'a> {
    pub fn new(s: &'a str) -> SpanFinder<'a> {
        let b = s.as_bytes();
        SpanFinder {
            s,
            dollar: NextFinder::new(b, "$", true),
            double_dollar: NextFinder::new(b, "$$", true),
            close_paren: NextFinder::new(b, "\\)", true),
            close_bracket: NextFinder::new(b, "\\]", true),
            newline: NextFinder::new(b, "\n", false),
        }
    }

    /// The math span whose opening delimiter starts at byte `i`, if one
    /// does (and is closed, and is not empty).
    pub fn span_at(&mut self, i: usize) -> Option<MathSpan> {
        let b = self.s.as_bytes();
        match b.get(i)? {
            b'$' if !is_escaped(b, i) => {
                if b.get(i + 1) == Some(&b'$') {
                    if let Some(close) = self.double_dollar.next(i + 2) {
                        return make(i, i + 2, close, close + 2, Delim::DoubleDollar, self.s);
                    }
                    // An unclosed `$$` may still be `$` + inline math.
                }
                if i > 0 && b[i - 1].is_ascii_digit() {
                    return None;
                }
                let close = self.dollar.next(i + 1)?;
                if self.newline.next(i + 1).is_some_and(|nl| nl < close) {
                    return None;
                }
                make(i, i + 1, close, close + 1, Delim::Dollar, self.s)
            }
            // The next byte is checked before the backslashes are counted:
            // a run of backslashes costs linear time, not quadratic.
            b'\\' if matches!(b.get(i + 1), Some(b'(' | b'[')) && !is_escaped(b, i) => match b.get(i + 1)? {
                b'(' => {
                    let close = self.close_paren.next(i + 2)?;
                    if self.newline.next(i + 2).is_some_and(|nl| nl < close) {
                        return None;
                    }
                    make(i, i + 2, close, close + 2, Delim::Paren, self.s)
                }
                b'[' => {
                    let close = self.close_bracket.next(i + 2)?;
                    make(i, i + 2, close, close + 2, Delim::Bracket, self.s)
                }
                _ => None,
            },
            _ => None,
        }
    }
}

fn make(open: usize, start: usize, end: usize, close_end: usize, delim: Delim, s: &str) -> Option<MathSpan> {
    if s[start..end].trim().is_empty() {
        return None;
    }
    Some(MathSpan { outer: Span::new(open, close_end), inner: Span::new(start, end), delim })
}

/// Every math span, left to right, not overlapping (a span's content is
/// never searched for further spans).
pub fn all_spans(s: &str) -> Vec<MathSpan> {
    let b = s.as_bytes();
    let mut finder = SpanFinder::new(s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Jump to the next byte that can open a span.
        match memchr::memchr2(b'$', b'\\', &b[i..]) {
            Some(rel) => i += rel,
            None => break,
        }
        if let Some(sp) = finder.span_at(i) {
            out.push(sp);
            i = sp.outer.end;
        } else if b[i] == b'\\' {
            i += 2; // skip the escaped character too
        } else {
            i += 1;
        }
    }
    out
}

/// The index in `spans` (sorted, disjoint) of the span containing byte `pos`.
pub fn containing(spans: &[MathSpan], pos: usize) -> Option<usize> {
    let k = spans.partition_point(|sp| sp.outer.start <= pos);
    (k > 0 && pos < spans[k - 1].outer.end).then(|| k - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unoptimized builds run the size tests on smaller inputs.
    const DEBUG_SHRINK: usize = if cfg!(debug_assertions) { 5 } else { 1 };

    fn inners(s: &str) -> Vec<&str> {
        all_spans(s).iter().map(|sp| &s[sp.inner.start..sp.inner.end]).collect()
    }

    #[test]
    fn the_four_delimiters() {
        assert_eq!(inners(r"a $x$ b $$y$$ c \(z\) d \[w\]"), vec!["x", "y", "z", "w"]);
    }

    #[test]
    fn inline_math_stays_on_one_line() {
        assert!(inners("Answer $ \n 9 \n $").is_empty());
        assert!(inners("Answer \\( \n 9 \n \\)").is_empty());
        assert_eq!(inners("Answer $$ \n 9 \n $$"), vec![" \n 9 \n "]);
        assert_eq!(inners("\\[\n\\frac12\n\\]"), vec!["\n\\frac12\n"]);
    }

    #[test]
    fn escaped_dollars_and_prices() {
        assert_eq!(inners(r"costs \$5 and $x$"), vec!["x"]);
        assert_eq!(inners(r"$P = \$10,000$ ok"), vec![r"P = \$10,000"]);
        assert_eq!(inners("5$ and 6$"), Vec::<&str>::new());
    }

    #[test]
    fn empty_spans_are_not_answers() {
        assert!(inners("$$ $$").is_empty());
        assert_eq!(inners("$$5$"), vec!["5"]);
    }

    #[test]
    fn containing_span() {
        let s = "a $x$ b $y$";
        let spans = all_spans(s);
        assert_eq!(containing(&spans, 3), Some(0));
        assert_eq!(containing(&spans, 6), None);
        assert_eq!(containing(&spans, 9), Some(1));
    }

    #[test]
    fn many_unclosed_openers_are_linear() {
        let s = "\\[ $$ \\( ".repeat(200_000 / DEBUG_SHRINK);
        let t = std::time::Instant::now();
        let _ = all_spans(&s);
        assert!(t.elapsed().as_secs_f64() < 2.0);
    }
}
